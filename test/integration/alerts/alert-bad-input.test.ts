import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertView } from '../../../src/api/alerts.schemas';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { signedIn } from '../http/support';
import { draftBody, ensureAlertSettings } from './alert-core-support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let coordinator: TestClient;
let alert: AlertView;

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  await ensureAlertSettings(t.ctx);
  const gr = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  coordinator = (await signedIn(app, t.ctx, { role: 'country_coordinator', organisationId: gr.id })).client;
  alert = (await coordinator.post('/api/alerts', draftBody())).json() as AlertView;
});
afterAll(async () => {
  await app?.close();
});

describe('alert routes under bad input', () => {
  it('never answer 5xx and always give a coded error', async () => {
    const id = alert.id;
    const routes: [string, string][] = [
      ['POST', '/api/alerts'],
      ['PATCH', `/api/alerts/${id}`],
      ['POST', `/api/alerts/${id}/approve`],
      ['POST', `/api/alerts/${id}/issue`],
      ['POST', `/api/alerts/${id}/extend`],
      ['POST', `/api/alerts/${id}/resolve`],
      ['POST', `/api/alerts/${id}/cancel`],
      ['POST', `/api/alerts/${id}/photo`],
      ['POST', `/api/alerts/${id}/pre-alerts`],
      ['POST', `/api/pre-alerts/${id}/actions`],
      ['PUT', '/api/alert-settings/GR'],
      ['PUT', '/api/alert-settings/XX'],
    ];
    const bodies = fc.sample(fc.oneof(fc.jsonValue(), fc.record({ version: fc.oneof(fc.integer(), fc.string()), countries: fc.array(fc.string()), action: fc.string(), fromCase: fc.boolean(), tier: fc.string() }, { requiredKeys: [] })), { numRuns: 15, seed: 66 });
    for (const [method, url] of routes) {
      for (const body of bodies) {
        const res = await coordinator.request(method as 'POST', url, body ?? {});
        expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBeLessThan(500);
        if (res.statusCode >= 400) expect((res.json() as { error?: { code?: string } }).error?.code, `${method} ${url}`).toBeTruthy();
      }
    }
  });
});
