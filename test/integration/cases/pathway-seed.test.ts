import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/db/database';
import { ORGANISATIONS } from '../../../src/db/seed/network.data';
import { inTransaction } from '../../../src/services/context';
import { seedDemoDirectory } from '../../../src/services/directory-seed.service';
import { seedNrmPathwaysDemo } from '../../../src/services/nrm-pathway-seed.service';
import { makeOrganisation } from '../../factories/organisation.factory';
import { useTestContext } from '../../helpers/test-context';

const t = useTestContext();
const orgIds = new Map<string, string>();
const VICTOR = ['GR', 'BG', 'RO', 'SI', 'RS', 'MD', 'UA', 'HU'];

type Step = { country_code: string; status: string; version: number; needs_review: boolean; notes: string; stage: string; position: number; sla_hours: number; actor_ids: string[] };
const steps = () =>
  queryRows<Step>(
    t.ctx.database.db,
    sql`SELECT p.country_code, p.status, p.version, p.needs_review, p.notes, s.stage, s.position, s.sla_hours, s.actor_ids FROM nrm_pathways p JOIN nrm_pathway_steps s ON s.pathway_id = p.id ORDER BY p.country_code, s.position`,
  );

beforeAll(async () => {
  for (const o of ORGANISATIONS) orgIds.set(o.key, (await makeOrganisation(t.ctx, { name: `${o.name} (test)`, countryCode: o.countryCode })).id);
  await inTransaction(t.ctx, (tx) => seedDemoDirectory(t.ctx, tx, { orgIds, userIds: new Map() }));
});

describe('the demo NRM pathways', () => {
  it('publishes version 1 in every VICTOR country, stages with SLA and the directory actors serving them, flagged for review', async () => {
    const seeded = await inTransaction(t.ctx, (tx) => seedNrmPathwaysDemo(t.ctx, tx, { orgIds, userIds: new Map() }));
    expect(seeded).toBe(VICTOR.length);
    const all = await steps();
    for (const c of VICTOR) {
      const mine = all.filter((s) => s.country_code === c);
      expect(mine.map((s) => s.stage), c).toEqual(['identification', 'first_assistance', 'long_term_assistance', 'return_reintegration', 'proceedings', 'cross_border']);
      expect(mine.every((s) => s.status === 'published' && s.version === 1 && s.needs_review && /country desk/.test(s.notes) && s.sla_hours > 0), c).toBe(true);
      expect(mine.every((s) => s.actor_ids.length > 0), c).toBe(true);
    }
    const actors = await queryRows<{ id: string; country_code: string; nrm_stages: string[] }>(t.ctx.database.db, sql`SELECT id, country_code, nrm_stages FROM directory_entries`);
    const byId = new Map(actors.map((a) => [a.id, a]));
    for (const s of all) for (const id of s.actor_ids) expect(byId.get(id)).toMatchObject({ country_code: s.country_code, nrm_stages: expect.arrayContaining([s.stage]) });
  });

  it('adds the Greek demo police unit, linked to its organisation, first among the identification actors', async () => {
    const police = await queryRows<{ id: string; name: string; audience: string; languages: string[]; nrm_stages: string[]; needs_review: boolean }>(
      t.ctx.database.db,
      sql`SELECT id, name, audience, languages, nrm_stages, needs_review FROM directory_entries WHERE organisation_id = ${orgIds.get('gr-police-thb')!} AND kind = 'police'`,
    );
    expect(police).toHaveLength(1);
    expect(police[0]).toMatchObject({ name: 'Police Anti-Trafficking Unit Athens (demo)', audience: 'internal', languages: ['el', 'en'], nrm_stages: ['identification', 'proceedings'], needs_review: true });
    const identification = (await steps()).find((s) => s.country_code === 'GR' && s.stage === 'identification')!;
    expect(identification.actor_ids[0]).toBe(police[0]!.id);
    expect(identification.sla_hours).toBe(24);
  });

  it('does nothing the second time', async () => {
    expect(await inTransaction(t.ctx, (tx) => seedNrmPathwaysDemo(t.ctx, tx, { orgIds, userIds: new Map() }))).toBe(0);
    const [n] = await queryRows<{ n: number }>(t.ctx.database.db, sql`SELECT count(*)::int AS n FROM directory_entries WHERE kind = 'police' AND organisation_id IS NOT NULL`);
    expect(Number(n!.n)).toBe(1);
  });
});
