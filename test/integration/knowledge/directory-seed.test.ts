import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDirectoryEntries } from '../../../bench/knowledge-directory-data';
import { queryRows } from '../../../src/db/database';
import { insertDirectoryEntriesBulk } from '../../../src/db/repos/directory.repo';
import { ORGANISATIONS } from '../../../src/db/seed/network.data';
import { DIRECTORY_KINDS, NRM_STAGES } from '../../../src/domain/knowledge/knowledge-fields';
import { inTransaction } from '../../../src/services/context';
import { seedDemoDirectory } from '../../../src/services/directory-seed.service';
import { listPublicHelplines } from '../../../src/services/directory.service';
import { makeOrganisation } from '../../factories/organisation.factory';
import { useTestContext } from '../../helpers/test-context';

const t = useTestContext();
const orgIds = new Map<string, string>();
const VICTOR = ['GR', 'BG', 'RO', 'SI', 'RS', 'MD', 'UA', 'HU'];

type Row = { kind: string; country_code: string; name: string; audience: string; needs_review: boolean; organisation_id: string | null; nrm_stages: string[]; phones: { number: string }[] };
const rows = () => queryRows<Row>(t.ctx.database.db, sql`SELECT kind, country_code, name, audience, needs_review, organisation_id, nrm_stages, phones FROM directory_entries`);

beforeAll(async () => {
  for (const o of ORGANISATIONS) orgIds.set(o.key, (await makeOrganisation(t.ctx, { name: `${o.name} (test)`, countryCode: o.countryCode })).id);
});

describe('the demo directory', () => {
  it('seeds 116 000 and 116 111 in every VICTOR country, public and flagged for the desk', async () => {
    const added = await inTransaction(t.ctx, (tx) => seedDemoDirectory(t.ctx, tx, { orgIds, userIds: new Map() }));
    expect(added).toBeGreaterThan(100);
    const all = await rows();
    for (const country of VICTOR) {
      const lines = all.filter((r) => r.country_code === country && (r.kind === 'missing_children_hotline' || r.kind === 'child_helpline'));
      expect(lines.map((l) => l.phones[0]!.number).sort(), country).toEqual(['116 000', '116 111']);
      expect(lines.every((l) => l.audience === 'public' && l.needs_review && l.organisation_id !== null), country).toBe(true);
    }
    const publicLines = await listPublicHelplines(t.ctx);
    expect(publicLines).toHaveLength(VICTOR.length * 2);
    expect(publicLines.every((l) => l.hours === null && !l.name.startsWith('Demo:'))).toBe(true);
  });

  it('covers every kind and every NRM stage with invented actors, marked as demo and never public', async () => {
    const all = await rows();
    expect(new Set(all.map((r) => r.kind))).toEqual(new Set(DIRECTORY_KINDS));
    expect(new Set(all.flatMap((r) => r.nrm_stages))).toEqual(new Set(NRM_STAGES));
    const invented = all.filter((r) => r.name.startsWith('Demo:'));
    expect(invented.length).toBeGreaterThan(VICTOR.length * 10);
    expect(invented.every((r) => r.audience !== 'public' && r.needs_review)).toBe(true);
    expect(invented.every((r) => r.phones.every((p) => / 000 000 \d{4}$/.test(p.number)))).toBe(true);
    expect(all.filter((r) => r.kind === 'thb_hotline').every((r) => r.name.startsWith('Demo:') && r.audience !== 'public')).toBe(true);
  });

  it('lists each partner organisation, linked to it', async () => {
    const partners = (await rows()).filter((r) => r.kind === 'partner_organisation');
    expect(partners.map((p) => p.organisation_id).sort()).toEqual([...orgIds.values()].sort());
  });

  it('does not seed twice', async () => {
    const before = (await rows()).length;
    expect(await inTransaction(t.ctx, (tx) => seedDemoDirectory(t.ctx, tx, { orgIds, userIds: new Map() }))).toBe(0);
    expect((await rows()).length).toBe(before);
  });

  it('bulk-inserts generated bench entries with their search columns and lexicon words', async () => {
    const hits = async (query: ReturnType<typeof sql>) => Number((await queryRows<{ n: number }>(t.ctx.database.db, sql`SELECT count(*)::int AS n FROM directory_entries WHERE ${query}`))[0]!.n);
    const matchEnglish = sql`tsv @@ plainto_tsquery('english', 'identification victims')`;
    const matchGreek = sql`tsv @@ plainto_tsquery('greek', 'θυμάτων')`;
    const before = { all: await hits(sql`true`), english: await hits(matchEnglish), greek: await hits(matchGreek) };
    const entries = generateDirectoryEntries(600, 42);
    expect(generateDirectoryEntries(600, 42)).toEqual(entries);
    const ids = await insertDirectoryEntriesBulk(t.ctx.database.db, entries, null);
    expect(new Set(ids).size).toBe(600);
    expect(await hits(sql`true`)).toBe(before.all + 600);
    expect(await hits(matchEnglish)).toBeGreaterThan(before.english);
    expect(await hits(matchGreek)).toBeGreaterThan(before.greek);
    expect(await hits(sql`kind = 'police' AND name_folded LIKE 'anti-trafficking police unit%'`)).toBeGreaterThan(0);
    const [word] = await queryRows<{ n: number }>(t.ctx.database.db, sql`SELECT count(*)::int AS n FROM kb_lexicon WHERE word = 'inspekcija'`);
    expect(Number(word!.n)).toBe(1);
  });
});
