import { describe, expect, it } from 'vitest';
import { listAuditEntries } from '../../../src/db/repos/audit.repo';
import { createTestApp, TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { FACTORY_PASSWORD, makeUser } from '../../factories/user.factory';

const t = useTestContext({ LOGIN_MAX_FAILURES: '3', RATE_LIMIT_LOGIN_PER_MINUTE: '1000' });

describe('sign-in', () => {
  it('signs in a demo operator without 2FA and returns their permissions', async () => {
    const app = await createTestApp(t.ctx);
    const user = await makeUser(t.ctx, { role: 'helpline_operator', isDemo: true });
    const c = new TestClient(app);
    const view = await c.login(user.email, FACTORY_PASSWORD);
    expect(view.status).toBe('ok');
    const session = (await c.get('/api/auth/session')).json();
    expect(session.user.email).toBe(user.email);
    expect(session.user.permissions).toContain('contacts.write');
    expect(session.user).not.toHaveProperty('passwordHash');
    const audit = await listAuditEntries(t.ctx.database.db, { action: 'auth.login', entityId: user.id, limit: 5, offset: 0 });
    expect(audit.items[0]).toMatchObject({ actorUserId: user.id, entityId: user.id });
    const cookie = (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: FACTORY_PASSWORD }, headers: { cookie: 'victor_csrf=a', 'x-csrf-token': 'a' } })).headers['set-cookie'];
    expect(String(cookie)).toMatch(/victor_session=[^;]+;.*HttpOnly/i);
    expect(String(cookie)).toMatch(/SameSite=Strict/i);
    await app.close();
  });

  it('requires 2FA set-up for a non-demo operator before any other route', async () => {
    const app = await createTestApp(t.ctx);
    const user = await makeUser(t.ctx, { role: 'helpline_operator' });
    const c = new TestClient(app);
    expect((await c.login(user.email, FACTORY_PASSWORD)).status).toBe('mfa_setup_required');
    const res = await c.get('/api/countries');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('MFA_SETUP_REQUIRED');
    await app.close();
  });

  it('does not require 2FA for an evaluator (aggregates only)', async () => {
    const app = await createTestApp(t.ctx);
    const user = await makeUser(t.ctx, { role: 'evaluator' });
    const c = new TestClient(app);
    expect((await c.login(user.email, FACTORY_PASSWORD)).status).toBe('ok');
    await app.close();
  });

  it('refuses a wrong password with the same answer as an unknown account, and locks after repeated failures', async () => {
    const app = await createTestApp(t.ctx);
    const user = await makeUser(t.ctx, { role: 'trainer' });
    const c = new TestClient(app);
    const unknown = await c.post('/api/auth/login', { email: 'nobody@test.example', password: 'whatever-it-is' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('INVALID_CREDENTIALS');
    for (let i = 0; i < 3; i++) {
      const res = await c.post('/api/auth/login', { email: user.email, password: 'wrong-password-123' });
      expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
    }
    const locked = await c.post('/api/auth/login', { email: user.email, password: FACTORY_PASSWORD });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    await app.close();
  });

  it('refuses state changes without the CSRF token', async () => {
    const app = await createTestApp(t.ctx);
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.example', password: 'x' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.example', password: 'x' }, headers: { cookie: 'victor_csrf=abc', 'x-csrf-token': 'abd' } });
    expect(wrong.json().error.code).toBe('CSRF_FAILED');
    await app.close();
  });

  it('signs out: the old cookie no longer works', async () => {
    const app = await createTestApp(t.ctx);
    const user = await makeUser(t.ctx, { role: 'evaluator' });
    const c = new TestClient(app);
    await c.login(user.email, FACTORY_PASSWORD);
    const token = c.cookies.get('victor_session')!;
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    const again = await app.inject({ method: 'GET', url: '/api/countries', headers: { cookie: `victor_session=${token}` } });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('UNAUTHENTICATED');
    await app.close();
  });
});
