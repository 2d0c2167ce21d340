import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/db/database';
import { listAuditEntries, verifyAuditLog } from '../../../src/db/repos/audit.repo';
import { SYSTEM_ACTOR } from '../../../src/services/context';
import { createOrganisation } from '../../../src/services/organisation.service';
import { seedDemoNetwork } from '../../../src/services/seed.service';
import { useTestContext } from '../../helpers/test-context';

const t = useTestContext();

describe('audit log', () => {
  it('records every seeded change in one verified hash chain', async () => {
    await seedDemoNetwork(t.ctx);
    const r = await verifyAuditLog(t.ctx.database.db);
    expect(r.ok).toBe(true);
    expect(r.checked).toBeGreaterThan(20);
  });

  it('writes the entry in the same transaction as the change: a failed change leaves no entry', async () => {
    const before = (await listAuditEntries(t.ctx.database.db, { limit: 1, offset: 0 })).total;
    await expect(
      createOrganisation(t.ctx, SYSTEM_ACTOR, { name: 'The Smile of the Child', countryCode: 'GR', type: 'national_ngo', partnership: 'none' }),
    ).rejects.toMatchObject({ code: 'ORGANISATION_EXISTS' });
    expect((await listAuditEntries(t.ctx.database.db, { limit: 1, offset: 0 })).total).toBe(before);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit table', async () => {
    const db = t.ctx.database.db;
    const refused = (e: unknown) => /append-only/.test(String((e as { cause?: Error }).cause?.message ?? (e as Error).message));
    await expect(db.execute(sql`UPDATE audit_log SET action = 'x' WHERE id = 1`)).rejects.toSatisfy(refused);
    await expect(db.execute(sql`DELETE FROM audit_log WHERE id = 1`)).rejects.toSatisfy(refused);
    await expect(db.execute(sql`TRUNCATE audit_log`)).rejects.toSatisfy(refused);
  });

  it('detects an entry altered behind the trigger\'s back, and entries cut off the end', async () => {
    const db = t.ctx.database.db;
    expect((await verifyAuditLog(db)).ok).toBe(true);
    const [last] = await queryRows<{ id: number }>(db, sql`SELECT max(id)::int AS id FROM audit_log`);
    await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    await db.execute(sql`DELETE FROM audit_log WHERE id = ${last!.id}`);
    const cut = await verifyAuditLog(db);
    expect(cut).toMatchObject({ ok: false });
    expect(cut.problem).toMatch(/removed/);
    await db.execute(sql`UPDATE audit_log SET details = '{"forged":true}'::jsonb WHERE id = 3`);
    await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
    expect(await verifyAuditLog(db)).toMatchObject({ ok: false, firstBadId: 3 });
  });
});
