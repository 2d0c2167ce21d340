import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/http/app';
import { EventHub, publishEvent } from '../../../src/services/events.service';
import { TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { FACTORY_PASSWORD, makeUser } from '../../factories/user.factory';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '1000' });
let app: FastifyInstance;
let hub: EventHub;
let base: string;

beforeAll(async () => {
  hub = new EventHub();
  await hub.start(t.ctx.database);
  app = await buildApp(t.ctx, { events: hub, eventKeepAliveMs: 300 });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app.close();
  await hub.stop();
});

/** Open the SSE stream with a session cookie and collect its text until `until` matches or time runs out. */
async function readStream(cookie: string, until: RegExp, act: () => Promise<void>, ms = 4000): Promise<string> {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/events`, { headers: { cookie }, signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + ms;
  let acted = false;
  while (Date.now() < deadline && !until.test(text)) {
    const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), 200))]);
    if (chunk && !chunk.done) text += decoder.decode(chunk.value);
    if (!acted && text.includes(': connected')) {
      acted = true;
      await act();
    }
  }
  controller.abort();
  return text;
}

describe('GET /api/events (Server-Sent Events)', () => {
  it('streams committed events in the listener\'s scope, and nothing else', async () => {
    const operator = await makeUser(t.ctx, { role: 'helpline_operator', isDemo: true });
    const own = operator.principal.memberships[0]!;
    const c = new TestClient(app);
    await c.login(operator.email, FACTORY_PASSWORD);
    const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const text = await readStream(cookie, /own-org-contact/, async () => {
      await t.ctx.database.db.transaction(async (tx) => {
        await publishEvent(tx, { topic: 'contacts.changed', organisationId: '00000000-0000-0000-0000-000000000000', ids: ['other-org-contact'] });
        await publishEvent(tx, { topic: 'stats.changed', organisationId: own.organisationId, ids: ['no-permission'] });
        await publishEvent(tx, { topic: 'contacts.changed', organisationId: own.organisationId, ids: ['own-org-contact'] });
      });
    });
    expect(text).toContain('event: contacts.changed');
    expect(text).toContain('own-org-contact');
    expect(text).not.toContain('other-org-contact');
    expect(text).not.toContain('no-permission');
  });

  it('ends the stream once its session is signed out (checked at each keep-alive)', async () => {
    const user = await makeUser(t.ctx, { role: 'case_manager', isDemo: true });
    const c = new TestClient(app);
    await c.login(user.email, FACTORY_PASSWORD);
    const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(`${base}/api/events`, { headers: { cookie } });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes(': keep-alive')) {
      const chunk = await reader.read();
      expect(chunk.done, 'the stream stays open while the session is valid').toBe(false);
      text += decoder.decode(chunk.value);
    }
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    const started = Date.now();
    let done = false;
    while (!done && Date.now() - started < 5000) done = (await reader.read()).done;
    expect(done).toBe(true);
  });

  it('refuses a request without a session', async () => {
    const res = await fetch(`${base}/api/events`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('UNAUTHENTICATED');
  });
});
