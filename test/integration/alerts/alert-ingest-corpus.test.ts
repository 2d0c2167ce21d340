import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/db/database';
import { ingestDocument } from '../../../src/services/alert-ingest.service';
import { useTestContext } from '../../helpers/test-context';
import { CAP_DIR, CORPUS, dumpIngestTables, expectedVerdicts, LocalServer, readCorpus } from './alert-ingest-support';

const t = useTestContext({ VICTOR_ALLOW_PRIVATE_ENDPOINTS: 'true' });
const verdicts = expectedVerdicts();
const origin = { sourceId: null, countryCode: null };
const server = new LocalServer();

beforeAll(async () => {
  await server.start();
  // The corpus CAP documents, and every corpus feed with its links pointing at them.
  for (const dir of readdirSync(CORPUS)) {
    for (const file of readdirSync(join(CORPUS, dir))) {
      server.route(`/corpus/${dir}/${file}`, (_req, res) => res.end(readCorpus(`corpus/${dir}/${file}`)));
    }
  }
});
afterAll(() => server.stop());

/** A corpus feed with each entry link rewritten to a corpus CAP document on the local server. */
function rewriteFeedLinks(xml: string): string {
  const targets = ['google-cap-library/weather.cap', 'google-cap-library/australia.cap', 'oasis-spec-examples/v1dot2_appendix_adot4.xml'];
  let n = 0;
  return xml.replace(/(<(?:atom:)?link\b[^>]*\bhref\s*=\s*)(["'])[^"']*\2/g, (_m, head: string, q: string) => `${head}${q}${server.base}/corpus/${targets[n++ % targets.length]}${q}`).replace(/<link>[^<]*<\/link>/g, () => `<link>${server.base}/corpus/${targets[n++ % targets.length]}</link>`);
}

describe('ingest of the shared CAP corpus', () => {
  const entries = Object.entries(verdicts);

  it.each(entries.filter(([, v]) => v.reject))('%s is quarantined with a reason, never parsed', async (rel) => {
    const result = await ingestDocument(t.ctx, readCorpus(rel), origin);
    expect(result.accepted).toBe(0);
    expect(result.quarantined).toBe(1);
    expect(result.rejected?.reasonCode).toMatch(/^CAP_(DOCTYPE|ENTITY|XINCLUDE)_FORBIDDEN$/);
    const rows = await queryRows<{ reason_code: string; excerpt: string }>(t.ctx.database.db, sql`SELECT reason_code, excerpt FROM alert_ingest_quarantine ORDER BY id DESC LIMIT 1`);
    expect(rows[0]!.reason_code).toBe(result.rejected!.reasonCode);
    expect(rows[0]!.excerpt.length).toBeLessThanOrEqual(512);
  });

  it.each(entries.filter(([, v]) => v.version === '1.2' && v.xsd === 'pass' && v.conformant))('%s (CAP 1.2) is accepted', async (rel) => {
    const result = await ingestDocument(t.ctx, readCorpus(rel), origin);
    expect(result.quarantined).toBe(0);
    expect(result.accepted + result.duplicates).toBe(1);
  });

  it.each(entries.filter(([, v]) => (v.version === '1.1' && v.valid_cap11) || (v.version === '1.0' && v.valid_cap10)))('%s (CAP 1.1/1.0) is accepted with a warning', async (rel) => {
    const result = await ingestDocument(t.ctx, readCorpus(rel), origin);
    expect(result.quarantined).toBe(0);
    expect(result.accepted + result.duplicates).toBe(1);
    const rows = await queryRows<{ warnings: { code: string }[] }>(t.ctx.database.db, sql`SELECT warnings FROM alert_ingested ORDER BY received_at DESC, id DESC LIMIT 1`);
    if (result.accepted === 1) expect(rows[0]!.warnings.map((w) => w.code)).toContain('CAP_OLD_VERSION');
  });

  it('a second ingest of the same documents is deduplicated on (sender, identifier, sent)', async () => {
    const before = await queryRows<{ n: number }>(t.ctx.database.db, sql`SELECT count(*)::int AS n FROM alert_ingested`);
    const result = await ingestDocument(t.ctx, readCorpus('corpus/oasis-spec-examples/v1dot2_appendix_adot4.xml'), origin);
    expect(result).toMatchObject({ accepted: 0, duplicates: 1 });
    const after = await queryRows<{ n: number }>(t.ctx.database.db, sql`SELECT count(*)::int AS n FROM alert_ingested`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it.each(entries.filter(([, v]) => (v.kind === 'atom' || v.kind === 'rss') && v.valid_feed))('feed %s: its entries are fetched from the (local) links and ingested', async (rel) => {
    const xml = rewriteFeedLinks(readCorpus(rel).toString('utf8'));
    const fetchedBefore = server.requests.length;
    const result = await ingestDocument(t.ctx, Buffer.from(xml), { ...origin, baseUrl: `${server.base}/` }, 'application/atom+xml');
    expect(result.quarantined).toBe(0);
    expect(result.fetchErrors).toBe(0);
    const entries = (xml.replace(/<!--[\s\S]*?-->/g, '').match(/<(?:atom:)?entry\b|<item\b/g) ?? []).length;
    const inline = /<(?:atom:)?content[^>]*>\s*<alert\b/.test(xml);
    if (entries > 0 && !inline) expect(server.requests.length).toBeGreaterThan(fetchedBefore);
    if (entries > 0) expect(result.accepted + result.duplicates).toBeGreaterThan(0);
  });

  it('an EDXL-DE envelope is unwrapped: its 7 CAP alerts are ingested, and deduplicated the second time', async () => {
    const first = await ingestDocument(t.ctx, readCorpus('corpus/google-cap-library/bushfire_valid.edxlde'), origin);
    expect(first).toMatchObject({ accepted: 7, quarantined: 0 });
    const second = await ingestDocument(t.ctx, readCorpus('corpus/google-cap-library/bushfire_valid.edxlde'), origin);
    expect(second).toMatchObject({ accepted: 0, duplicates: 7 });
  });

  it('every other corpus file is handled without an exception (accepted or quarantined)', async () => {
    for (const [rel, v] of entries) {
      if (v.reject || v.kind === 'atom' || v.kind === 'rss') continue;
      const result = await ingestDocument(t.ctx, readCorpus(rel), origin);
      if (v.kind === 'edxl-de') expect(result.accepted + result.duplicates + result.quarantined, rel).toBeGreaterThanOrEqual(1);
      else expect(result.accepted + result.duplicates + result.quarantined, rel).toBe(1);
    }
  });

  it('no content of a local file named by an external entity reached the database', async () => {
    const dump = await dumpIngestTables(t.ctx);
    expect(dump).not.toMatch(/root:x:0:0|daemon:x:/);
    expect(CAP_DIR).toBeTruthy();
  });
});
