import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestedPage, QuarantinePage, RegionalAlerts } from '../../../src/api/alert-ingest.schemas';
import { queryRows } from '../../../src/db/database';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { seedDemoIngest } from '../../../src/services/alert-ingest-seed.service';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { issueToken, outcome, signedIn } from '../http/support';
import { capDoc, capTimeIn, dumpIngestTables, readCorpus } from './alert-ingest-support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000', VICTOR_INGEST_MAX_BYTES: String(256 * 1024) });
let app: FastifyInstance;
let org: OrganisationRow;
let coordinator: TestClient;
let operator: TestClient;
let admin: TestClient;

const push = (client: TestClient, body: string | Buffer, type = 'application/cap+xml', query = '') => client.request('POST', `/api/alert-ingest${query}`, body, { 'content-type': type });

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  org = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  coordinator = (await signedIn(app, t.ctx, { role: 'regional_coordinator', organisationId: org.id })).client;
  operator = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: org.id })).client;
  admin = (await signedIn(app, t.ctx, { role: 'administrator', organisationId: org.id })).client;
});
afterAll(() => app.close());

describe('push endpoint', () => {
  it('accepts a CAP 1.2 document, dedupes the second push, and needs alerts.configure', async () => {
    const doc = capDoc({ identifier: 'AL-T-0001', sent: capTimeIn(-1), expires: capTimeIn(12) });
    const first = await push(coordinator, doc);
    expect(outcome(first)).toBe('200');
    expect(first.json()).toMatchObject({ accepted: 1, duplicates: 0, quarantined: 0 });
    expect((await push(coordinator, doc)).json()).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(outcome(await push(operator, doc))).toBe('403 FORBIDDEN');
  });

  it('works with an API token carrying alerts.configure', async () => {
    const { user } = await signedIn(app, t.ctx, { role: 'regional_coordinator', organisationId: org.id });
    const { token } = await issueToken(t.ctx, user.id, ['alerts.configure']);
    const res = await app.inject({ method: 'POST', url: '/api/alert-ingest', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/cap+xml' }, payload: capDoc({ identifier: 'AL-T-TOKEN', sent: capTimeIn(-1) }) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ accepted: 1 });
  });

  it('refuses hostile and broken documents with 422 CAP_REJECTED, records them, and keeps working', async () => {
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE alert [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&xxe;</identifier></alert>';
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">&lol9;</alert>`;
    const xinclude = '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2" xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file:///etc/passwd" parse="text"/></alert>';
    const wrongNs = capDoc({ identifier: 'X', sent: capTimeIn(0) }).replace('urn:oasis:names:tc:emergency:cap:1.2', 'urn:example:not-cap');
    const garbage = Buffer.from([0x00, 0xff, 0x13, 0x37, 0x3c, 0x3c, 0x3e, 0x80, 0x81]);
    const cases: [string | Buffer, RegExp][] = [
      [xxe, /^CAP_(DOCTYPE|ENTITY)_FORBIDDEN$/],
      [laughs, /^CAP_(DOCTYPE|ENTITY)_FORBIDDEN$/],
      [xinclude, /^CAP_XINCLUDE_FORBIDDEN$/],
      [wrongNs, /^CAP_(WRONG_NAMESPACE|NOT_CAP)$/],
      [garbage, /^CAP_(NOT_XML|ENCODING_INVALID|NOT_CAP)$/],
      ['<html><body>hello</body></html>', /^CAP_NOT_CAP$/],
    ];
    for (const [body, reason] of cases) {
      const res = await push(coordinator, body);
      expect(outcome(res)).toBe('422 CAP_REJECTED');
      const issues = (res.json() as { error: { issues: { path: string; message: string }[] } }).error.issues;
      expect(issues.find((i) => i.path === 'reason')?.message).toMatch(reason);
    }
    const page = (await coordinator.get('/api/alert-ingest/quarantine?limit=10')).json() as QuarantinePage;
    expect(page.items.length).toBeGreaterThanOrEqual(cases.length);
    expect(page.items[0]!.id).toBeGreaterThan(page.items[1]!.id);
    const dump = await dumpIngestTables(t.ctx);
    expect(dump).not.toMatch(/root:x:0:0|daemon:x:/);
    // The process is fine: the next valid document is accepted.
    expect((await push(coordinator, capDoc({ identifier: 'AL-T-AFTER', sent: capTimeIn(-1) }))).json()).toMatchObject({ accepted: 1 });
  });

  it('accepts CAP 1.1 with a warning', async () => {
    const res = await push(coordinator, readCorpus('corpus/oasis-spec-examples/v1dot1_appendix_adot1.xml'));
    expect(res.json()).toMatchObject({ accepted: 1 });
    const page = (await coordinator.get('/api/alert-ingest/alerts?limit=1')).json() as IngestedPage;
    expect(page.items[0]!.warnings.map((w) => w.code)).toContain('CAP_OLD_VERSION');
  });

  it('answers 413 PAYLOAD_TOO_LARGE for a body over VICTOR_INGEST_MAX_BYTES (10 MB), and the server goes on', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024, 0x41);
    expect(outcome(await push(coordinator, big))).toBe('413 PAYLOAD_TOO_LARGE');
    expect(outcome(await push(coordinator, capDoc({ identifier: 'AL-T-AFTER-BIG', sent: capTimeIn(-1) })))).toBe('200');
  });

  it('refuses other content types and unknown sources', async () => {
    expect(outcome(await coordinator.post('/api/alert-ingest', { a: 1 }))).toMatch(/^4\d\d /);
    expect(outcome(await push(coordinator, capDoc({ identifier: 'X2', sent: capTimeIn(0) }), 'application/cap+xml', '?sourceId=00000000-0000-4000-8000-000000000000'))).toBe('404 INGEST_SOURCE_NOT_FOUND');
  });
});

describe('supersede, expiry and the regional map', () => {
  const sender = 'alerts@mk-test.example.invalid';
  it('an Update supersedes the earlier message; a Cancel removes the alert from the map', async () => {
    const sentA = capTimeIn(-3);
    await push(coordinator, capDoc({ identifier: 'MK-T-1', sender, sent: sentA, expires: capTimeIn(24), headline: 'Original' }));
    let map = (await operator.get('/api/regional-alerts')).json() as RegionalAlerts;
    expect(map.alerts.some((a) => a.reference === 'MK-T-1')).toBe(true);

    const sentB = capTimeIn(-2);
    const upd = await push(coordinator, capDoc({ identifier: 'MK-T-2', sender, sent: sentB, msgType: 'Update', references: `${sender},MK-T-1,${sentA}`, expires: capTimeIn(24), headline: 'Updated' }));
    expect(upd.json()).toMatchObject({ accepted: 1, superseded: 1 });
    map = (await operator.get('/api/regional-alerts')).json() as RegionalAlerts;
    expect(map.alerts.some((a) => a.reference === 'MK-T-1')).toBe(false);
    const updated = map.alerts.find((a) => a.reference === 'MK-T-2');
    expect(updated).toMatchObject({ origin: 'ingested', headline: 'Updated', countryCode: 'AL', drill: false });
    expect(updated!.geometry.polygons[0]![0]).toEqual([41.4, 19.7]);
    expect(map.countryCounts.find((c) => c.countryCode === 'AL')!.ingested).toBeGreaterThanOrEqual(1);

    const cancel = await push(coordinator, capDoc({ identifier: 'MK-T-3', sender, sent: capTimeIn(-1), msgType: 'Cancel', references: `${sender},MK-T-2,${sentB}` }));
    expect(cancel.json()).toMatchObject({ accepted: 1, superseded: 1 });
    map = (await operator.get('/api/regional-alerts')).json() as RegionalAlerts;
    expect(map.alerts.some((a) => a.reference.startsWith('MK-T-'))).toBe(false);
  });

  it('expired alerts are stored but not on the map; drills only with includeDrills; non-Public never', async () => {
    await push(coordinator, capDoc({ identifier: 'EXP-1', sent: capTimeIn(-30), expires: capTimeIn(-1) }));
    await push(coordinator, capDoc({ identifier: 'DRILL-1', sent: capTimeIn(-1), status: 'Exercise', expires: capTimeIn(5) }));
    await push(coordinator, capDoc({ identifier: 'RESTR-1', sent: capTimeIn(-1), scope: 'Restricted', expires: capTimeIn(5) }).replace('<scope>Restricted</scope>', '<scope>Restricted</scope>\n  <restriction>Desks only</restriction>'));
    const stored = await queryRows<{ identifier: string }>(t.ctx.database.db, sql`SELECT identifier FROM alert_ingested WHERE identifier IN ('EXP-1','DRILL-1','RESTR-1')`);
    expect(stored.map((r) => r.identifier).sort()).toEqual(['DRILL-1', 'EXP-1', 'RESTR-1']);
    const live = (await operator.get('/api/regional-alerts')).json() as RegionalAlerts;
    const refs = live.alerts.map((a) => a.reference);
    expect(refs).not.toContain('EXP-1');
    expect(refs).not.toContain('DRILL-1');
    expect(refs).not.toContain('RESTR-1');
    const drills = (await operator.get('/api/regional-alerts?includeDrills=true')).json() as RegionalAlerts;
    expect(drills.alerts.find((a) => a.reference === 'DRILL-1')?.drill).toBe(true);
    expect(drills.alerts.map((a) => a.reference)).not.toContain('EXP-1');
  });

  it('shows our own issued Actual alerts (not drafts, not expired) with the published headline', async () => {
    const id = '11111111-1111-4111-8111-111111111111';
    const insert = (alertId: string, reference: string, status: string, expiresHours: number, mode = 'actual') =>
      t.ctx.database.db.execute(sql`INSERT INTO alerts (id, reference, incident_id, country_code, organisation_id, tier, mode, status, area_desc, area_polygons, area_circles, area_countries, issued_at, expires_at)
        VALUES (${alertId}, ${reference}, ${`INC-${reference}`}, 'GR', ${org.id}, 'child_abduction', ${mode}, ${status}, 'Thessaloniki (test)', ARRAY['40.7,22.8 40.7,23.1 40.5,23.1 40.5,22.8 40.7,22.8'], ARRAY['40.6,22.9 5'], ARRAY['GR'], now(), now() + make_interval(hours => ${expiresHours}))`);
    await insert(id, 'GR-A-2026-9001', 'issued', 10);
    await insert('22222222-2222-4222-8222-222222222222', 'GR-A-2026-9002', 'draft', 10);
    await insert('33333333-3333-4333-8333-333333333333', 'GR-A-2026-9003', 'issued', -1);
    await insert('44444444-4444-4444-8444-444444444444', 'GR-A-2026-9004', 'issued', 10, 'exercise');
    const xml = capDoc({ identifier: 'GR-A-2026-9001-1', sent: capTimeIn(0), headline: 'Child abduction alert: girl, 12' });
    await t.ctx.database.db.execute(sql`INSERT INTO alert_messages (id, alert_id, seq, identifier, sender, sent, msg_type, cap_status, scope, reason, xml, public) VALUES ('55555555-5555-4555-8555-555555555555', ${id}, 1, 'GR-A-2026-9001-1', 'alerts.gr@victor.example', now(), 'Alert', 'Actual', 'Public', 'issued', ${xml}, true)`);
    const map = (await operator.get('/api/regional-alerts')).json() as RegionalAlerts;
    const ours = map.alerts.filter((a) => a.origin === 'victor');
    expect(ours.map((a) => a.reference)).toEqual(['GR-A-2026-9001']);
    expect(ours[0]).toMatchObject({ id, tier: 'child_abduction', countryCode: 'GR', countries: ['GR'], headline: 'Child abduction alert: girl, 12', drill: false, sourceName: null });
    expect(ours[0]!.geometry.circles).toEqual([{ lat: 40.6, lon: 22.9, radiusKm: 5 }]);
    expect(map.countryCounts.find((c) => c.countryCode === 'GR')).toMatchObject({ victor: 1 });
    const withDrills = (await operator.get('/api/regional-alerts?includeDrills=true')).json() as RegionalAlerts;
    expect(withDrills.alerts.find((a) => a.reference === 'GR-A-2026-9004')?.drill).toBe(true);
  });

  it('needs alerts.read (an administrator without it gets 403); outlines are GeoJSON with an ETag', async () => {
    expect(outcome(await admin.get('/api/regional-alerts'))).toBe('403 FORBIDDEN');
    expect(outcome(await admin.get('/api/regional-alerts/outlines'))).toBe('403 FORBIDDEN');
    const res = await operator.get('/api/regional-alerts/outlines');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, max-age=3600');
    const geo = res.json() as { type: string; features: { properties: { code: string | null } }[] };
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.some((f) => f.properties.code === 'GR')).toBe(true);
    const again = await app.inject({ method: 'GET', url: '/api/regional-alerts/outlines', headers: { cookie: [...operator.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'if-none-match': String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });
});

describe('sources and quarantine administration', () => {
  it('refuses private addresses unless allowed, and non-http URLs', async () => {
    const base = { name: 'Neighbour', kind: 'atom', countryCode: 'MK', pollSeconds: 60, active: false };
    expect(outcome(await coordinator.post('/api/alert-ingest/sources', { ...base, url: 'http://127.0.0.1:8080/feed' }))).toBe('422 WEBHOOK_URL_NOT_ALLOWED');
    expect(outcome(await coordinator.post('/api/alert-ingest/sources', { ...base, url: 'http://[::1]/feed' }))).toBe('422 WEBHOOK_URL_NOT_ALLOWED');
    expect(outcome(await coordinator.post('/api/alert-ingest/sources', { ...base, url: 'file:///etc/passwd' }))).toBe('400 VALIDATION_FAILED');
    const created = await coordinator.post('/api/alert-ingest/sources', { ...base, url: 'https://alerts.example.invalid/mk.atom' });
    expect(outcome(created)).toBe('200');
    const id = (created.json() as { id: string }).id;
    expect(outcome(await coordinator.post('/api/alert-ingest/sources', { ...base, url: 'https://alerts.example.invalid/mk.atom' }))).toBe('409 CONFLICT');
    const patched = await coordinator.patch(`/api/alert-ingest/sources/${id}`, { pollSeconds: 300, name: 'Neighbour MK' });
    expect(patched.json()).toMatchObject({ pollSeconds: 300, name: 'Neighbour MK', active: false });
    // Polling an unresolvable host records the error; nothing crashes.
    const polled = await coordinator.post(`/api/alert-ingest/sources/${id}/poll`);
    expect(polled.json()).toMatchObject({ outcome: 'error' });
    const list = (await coordinator.get('/api/alert-ingest/sources')).json() as { id: string; lastOutcome: string }[];
    expect(list.find((s) => s.id === id)?.lastOutcome).toBe('error');
    expect(outcome(await operator.get('/api/alert-ingest/sources'))).toBe('403 FORBIDDEN');
    expect(outcome(await coordinator.delete(`/api/alert-ingest/sources/${id}`))).toBe('200');
    expect(outcome(await coordinator.delete(`/api/alert-ingest/sources/${id}`))).toBe('404 INGEST_SOURCE_NOT_FOUND');
  });

  it('pages the quarantine newest first, deletes one entry and clears the rest', async () => {
    for (let i = 0; i < 3; i += 1) await push(coordinator, `not xml ${i}`);
    const first = (await coordinator.get('/api/alert-ingest/quarantine?limit=2')).json() as QuarantinePage;
    expect(first.items).toHaveLength(2);
    expect(first.items[0]!.excerpt).toBe('not xml 2');
    const second = (await coordinator.get(`/api/alert-ingest/quarantine?limit=2&before=${first.nextBefore}`)).json() as QuarantinePage;
    expect(second.items[0]!.id).toBeLessThan(first.items[1]!.id);
    expect(outcome(await coordinator.delete(`/api/alert-ingest/quarantine/${first.items[0]!.id}`))).toBe('200');
    expect(outcome(await coordinator.delete(`/api/alert-ingest/quarantine/${first.items[0]!.id}`))).toBe('404 CAP_DOCUMENT_NOT_FOUND');
    const cleared = (await coordinator.delete('/api/alert-ingest/quarantine')).json() as { deleted: number };
    expect(cleared.deleted).toBeGreaterThan(0);
    expect(((await coordinator.get('/api/alert-ingest/quarantine')).json() as QuarantinePage).items).toHaveLength(0);
  });

  it('the demo seed ingests an Alert, its Update and a circle alert, and quarantines one hostile document', async () => {
    await seedDemoIngest(t.ctx);
    await seedDemoIngest(t.ctx);
    const map = (await operator.get('/api/regional-alerts')).json() as RegionalAlerts;
    const demo = map.alerts.filter((a) => a.sourceName === 'Demo: neighbouring alert system (simulated)');
    expect(demo.map((a) => a.reference).sort()).toEqual(['AL-DEMO-2026-0001', 'MK-DEMO-2026-0002']);
    expect(demo.find((a) => a.reference === 'AL-DEMO-2026-0001')!.geometry.circles).toEqual([{ lat: 40.62, lon: 20.78, radiusKm: 12 }]);
    const q = (await coordinator.get('/api/alert-ingest/quarantine')).json() as QuarantinePage;
    expect(q.items.filter((i) => i.sourceName === 'Demo: neighbouring alert system (simulated)').map((i) => i.reasonCode)).toEqual(['CAP_DOCTYPE_FORBIDDEN']);
    const received = (await coordinator.get('/api/alert-ingest/alerts?limit=200')).json() as IngestedPage;
    const demoWarnings = received.items.filter((i) => i.identifier.includes('-DEMO-')).flatMap((i) => i.warnings.map((w) => w.code));
    expect(demoWarnings.filter((c) => c !== 'CAP_UNKNOWN_ELEMENT')).toEqual([]);
  });
});
