import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ingestRepo from '../../../src/db/repos/alert-ingest.repo';
import { pollDueSources, pollSource } from '../../../src/services/alert-ingest-poll.service';
import { useTestContext } from '../../helpers/test-context';
import { capDoc, capTimeIn, LocalServer } from './alert-ingest-support';

const t = useTestContext({ VICTOR_ALLOW_PRIVATE_ENDPOINTS: 'true', VICTOR_INGEST_MAX_BYTES: String(64 * 1024) });
const server = new LocalServer();
const ETAG = '"feed-v1"';

function feed(entries: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:example:al-demo-feed</id>
  <title>Invented neighbouring alert feed</title>
  <updated>2026-11-30T10:00:00Z</updated>
  <link rel="self" href="/feed.atom"/>
${entries.map((href, i) => `  <entry><id>urn:example:entry:${i}</id><title>Entry ${i}</title><updated>2026-11-30T10:00:00Z</updated><link rel="alternate" type="application/cap+xml" href="${href}"/></entry>`).join('\n')}
</feed>`;
}

beforeAll(async () => {
  await server.start();
  server.route('/feed.atom', (req, res) => {
    if (req.headers['if-none-match'] === ETAG) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.setHeader('etag', ETAG);
    res.setHeader('content-type', 'application/atom+xml');
    // One relative and one absolute link.
    res.end(feed(['cap/one.xml', `${server.base}/cap/two.xml`]));
  });
  server.route('/cap/one.xml', (_req, res) => res.end(capDoc({ identifier: 'POLL-1', sent: capTimeIn(-1), expires: capTimeIn(6) })));
  server.route('/cap/two.xml', (_req, res) => res.end(capDoc({ identifier: 'POLL-2', sent: capTimeIn(-1), expires: capTimeIn(6) })));
  server.route('/huge.atom', (_req, res) => {
    // Streams far more than the limit without a content-length: the download must be cut off.
    res.setHeader('content-type', 'application/atom+xml');
    let sent = 0;
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    const pump = () => {
      while (sent < 10 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('error', () => undefined);
    res.write('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">');
    pump();
  });
  server.route('/feed-huge-entry.atom', (_req, res) => res.end(feed([`${server.base}/huge.atom`])));
  server.route('/broken.atom', (_req, res) => res.end('<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY x SYSTEM "file:///etc/passwd">]><feed xmlns="http://www.w3.org/2005/Atom">&x;</feed>'));
});
afterAll(() => server.stop());

const makeSource = (path: string, over: Partial<ingestRepo.IngestSourceRow> = {}) =>
  ingestRepo.insertSource(t.ctx.database.db, { id: randomUUID(), name: `Test ${path}`, url: `${server.base}${path}`, kind: 'atom', countryCode: 'AL', active: true, pollSeconds: 60, ...over });

describe('the poller', () => {
  it('fetches the feed and its entries, then a conditional GET (304) changes nothing', async () => {
    const source = await makeSource('/feed.atom');
    const first = await pollSource(t.ctx, source);
    expect(first).toMatchObject({ outcome: 'ok', error: null, summary: { accepted: 2, quarantined: 0, fetchErrors: 0 } });
    const after = (await ingestRepo.findSource(t.ctx.database.db, source.id))!;
    expect(after.etag).toBe(ETAG);
    expect(after.lastOutcome).toBe('ok');
    const requestsBefore = server.requests.length;
    const second = await pollSource(t.ctx, after);
    expect(second).toMatchObject({ outcome: 'not_modified', summary: { accepted: 0 } });
    expect(server.requests.length).toBe(requestsBefore + 1);
    expect(server.requests.at(-1)!.headers['if-none-match']).toBe(ETAG);
    expect((await ingestRepo.findSource(t.ctx.database.db, source.id))!.lastOutcome).toBe('not_modified');
  });

  it('stops a download at the size limit and quarantines it as CAP_TOO_LARGE', async () => {
    const source = await makeSource('/huge.atom');
    const result = await pollSource(t.ctx, source);
    expect(result.outcome).toBe('too_large');
    expect(result.summary.quarantined).toBe(1);
    const q = await ingestRepo.listQuarantine(t.ctx.database.db, { limit: 1 });
    expect(q[0]).toMatchObject({ reasonCode: 'CAP_TOO_LARGE', sourceId: source.id });
    expect(q[0]!.sizeBytes).toBeGreaterThan(64 * 1024);
    expect(q[0]!.sizeBytes).toBeLessThan(10 * 1024 * 1024);
    // The same for an entry of a feed.
    const viaFeed = await pollSource(t.ctx, await makeSource('/feed-huge-entry.atom'));
    expect(viaFeed).toMatchObject({ outcome: 'ok', summary: { quarantined: 1, accepted: 0 } });
  });

  it('records refused feeds, HTTP errors and unreachable hosts as outcomes', async () => {
    const broken = await pollSource(t.ctx, await makeSource('/broken.atom'));
    expect(broken).toMatchObject({ outcome: 'rejected', error: 'CAP_DOCTYPE_FORBIDDEN' });
    const missing = await pollSource(t.ctx, await makeSource('/nothing-here.atom'));
    expect(missing).toMatchObject({ outcome: 'error', error: 'HTTP 404' });
  });

  it('polls only active sources that are due, once per interval', async () => {
    await t.ctx.database.db.delete((await import('../../../src/db/schema')).alertIngestSources);
    const due = await makeSource('/feed.atom', { name: 'due' });
    await makeSource('/cap/one.xml', { name: 'inactive', active: false });
    await makeSource('/cap/two.xml', { name: 'recent', lastPolledAt: new Date(), kind: 'cap' });
    const now = new Date();
    expect(await pollDueSources(t.ctx, now)).toBe(1);
    expect((await ingestRepo.findSource(t.ctx.database.db, due.id))!.lastOutcome).toBe('ok');
    expect(await pollDueSources(t.ctx, new Date(now.getTime() + 10_000))).toBe(0);
    expect(await pollDueSources(t.ctx, new Date(now.getTime() + 61_000))).toBe(2);
  });
});

describe('private addresses', () => {
  const strict = useTestContext({ VICTOR_ALLOW_PRIVATE_ENDPOINTS: 'false' });
  it('are refused at connection time unless VICTOR_ALLOW_PRIVATE_ENDPOINTS', async () => {
    const source = await ingestRepo.insertSource(strict.ctx.database.db, { id: randomUUID(), name: 'loopback', url: 'http://localhost.localdomain.invalid/feed', kind: 'atom', countryCode: null, active: true, pollSeconds: 60 });
    const r1 = await pollSource(strict.ctx, source);
    expect(r1.outcome).toBe('error');
    const loop = await ingestRepo.insertSource(strict.ctx.database.db, { id: randomUUID(), name: 'loop', url: `${server.base}/feed.atom`, kind: 'atom', countryCode: null, active: true, pollSeconds: 60 });
    const before = server.requests.length;
    const r2 = await pollSource(strict.ctx, loop);
    expect(r2.outcome).toBe('error');
    expect(server.requests.length).toBe(before);
  });
});
