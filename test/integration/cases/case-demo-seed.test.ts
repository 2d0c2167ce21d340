import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/db/database';
import { findUserByEmail, listMembershipsOfUsers } from '../../../src/db/repos/user.repo';
import { listCases } from '../../../src/services/case-list.service';
import type { Actor } from '../../../src/services/context';
import { seedDemoNetwork } from '../../../src/services/seed.service';
import { useTestContext } from '../../helpers/test-context';

const t = useTestContext();

async function actorOf(email: string): Promise<Actor> {
  const user = (await findUserByEmail(t.ctx.database.db, email))!;
  return { principal: { userId: user.id, memberships: await listMembershipsOfUsers(t.ctx.database.db, [user.id]) }, requestId: null };
}

beforeAll(async () => {
  await seedDemoNetwork(t.ctx);
});

describe('the demo cases', () => {
  it('are created through the use-cases: timelines, audit entries, encrypted titles', async () => {
    const rows = await queryRows<{ reference: string; status: string; title_enc: string; events: number }>(
      t.ctx.database.db,
      sql`SELECT c.reference, c.status, c.title_enc, (SELECT count(*)::int FROM case_events e WHERE e.case_id = c.id) AS events FROM cases c ORDER BY c.reference`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const r of rows) {
      expect(r.title_enc.startsWith('enc1:')).toBe(true);
      expect(r.events).toBeGreaterThan(0);
    }
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['referred', 'open', 'closed']));
    const audited = await queryRows<{ n: number }>(t.ctx.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.created'`);
    expect(audited[0]!.n).toBe(rows.length);
  });

  it('give the police liaison one urgent referral with consent, and the Romanian desk a pending hand-off', async () => {
    const police = await actorOf('police.gr@victor.example');
    const referrals = await queryRows<{ status: string; urgency: string; receiver_organisation_id: string; consent_snapshot: { coversReferral: boolean } }>(
      t.ctx.database.db,
      sql`SELECT status, urgency, receiver_organisation_id, consent_snapshot FROM referrals`,
    );
    expect(referrals).toHaveLength(1);
    expect(referrals[0]).toMatchObject({ status: 'sent', urgency: 'urgent', receiver_organisation_id: police.principal!.memberships[0]!.organisationId });
    expect(referrals[0]!.consent_snapshot.coversReferral).toBe(true);
    const handoffs = await queryRows<{ status: string; to_country_code: string }>(t.ctx.database.db, sql`SELECT h.status, h.to_country_code FROM handoffs h JOIN cases c ON c.id = h.from_case_id WHERE c.kind = 'general'`);
    expect(handoffs).toEqual([{ status: 'requested', to_country_code: 'RO' }]);
  });

  it('stay in scope: the Greek supervisor lists the Greek cases, the Romanian case manager the Romanian one', async () => {
    const gr = await listCases(t.ctx, await actorOf('supervisor.gr@victor.example'), { limit: 25 });
    const ro = await listCases(t.ctx, await actorOf('casemanager.ro@victor.example'), { limit: 25 });
    expect(gr.items.length).toBeGreaterThanOrEqual(3);
    expect(gr.items.every((c) => c.countryCode === 'GR')).toBe(true);
    expect(new Set(ro.items.map((c) => c.countryCode))).toEqual(new Set(['RO']));
    expect(gr.items.find((c) => c.concernLevel === 'clear')?.title).toContain('begging');
  });
});
