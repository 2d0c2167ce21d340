import { describe, expect, it } from 'vitest';
import { generateTotpCode } from '../../../src/domain/auth/totp';
import { findUserById } from '../../../src/db/repos/user.repo';
import { createTestApp, TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { FACTORY_PASSWORD, makeUser } from '../../factories/user.factory';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '1000' });

describe('two-factor authentication (TOTP)', () => {
  it('sets up TOTP on first sign-in, then asks for a code, refuses replays, and accepts a recovery code once', async () => {
    const app = await createTestApp(t.ctx);
    const user = await makeUser(t.ctx, { role: 'case_manager' });
    const c = new TestClient(app);
    expect((await c.login(user.email, FACTORY_PASSWORD)).status).toBe('mfa_setup_required');

    const setup = (await c.post('/api/auth/mfa/setup')).json();
    expect(setup.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Victor/);
    expect(setup.qrSvg).toMatch(/^<svg/);
    const stored = await findUserById(t.ctx.database.db, user.id);
    expect(stored!.totpPendingSecretEnc).toMatch(/^enc1:/);
    expect(stored!.totpPendingSecretEnc).not.toContain(setup.secret);

    const bad = await c.post('/api/auth/mfa/enable', { code: '000000' });
    expect(bad.json().error.code).toBe('INVALID_MFA_CODE');
    const enableCode = generateTotpCode(setup.secret);
    const enabled = await c.post('/api/auth/mfa/enable', { code: enableCode });
    expect(enabled.statusCode).toBe(200);
    const { recoveryCodes } = enabled.json() as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await c.get('/api/countries')).statusCode).toBe(200);
    await c.post('/api/auth/logout');

    // Second sign-in: code required; the code used at enable time cannot be replayed.
    const c2 = new TestClient(app);
    expect((await c2.login(user.email, FACTORY_PASSWORD)).status).toBe('mfa_required');
    expect((await c2.get('/api/countries')).json().error.code).toBe('MFA_REQUIRED');
    const replay = await c2.post('/api/auth/mfa/verify', { code: enableCode });
    expect(replay.json().error.code).toBe('INVALID_MFA_CODE');
    // The code of the next 30 s step: within the allowed drift, and newer than the one used at enable.
    const next = await c2.post('/api/auth/mfa/verify', { code: generateTotpCode(setup.secret, Date.now() + 30_000) });
    expect(next.statusCode).toBe(200);
    expect(next.json().status).toBe('ok');
    await c2.post('/api/auth/logout');

    // Recovery code: works once, typed in upper case with spaces.
    const c3 = new TestClient(app);
    await c3.login(user.email, FACTORY_PASSWORD);
    const typed = ` ${recoveryCodes[0]!.toUpperCase()} `;
    expect((await c3.post('/api/auth/mfa/verify', { recoveryCode: typed })).statusCode).toBe(200);
    await c3.post('/api/auth/logout');
    const c4 = new TestClient(app);
    await c4.login(user.email, FACTORY_PASSWORD);
    expect((await c4.post('/api/auth/mfa/verify', { recoveryCode: recoveryCodes[0] })).json().error.code).toBe('INVALID_MFA_CODE');
    await app.close();
  });

  it('lets an administrator reset a user\'s 2FA: their sessions end and set-up is asked again', async () => {
    const app = await createTestApp(t.ctx);
    const admin = await makeUser(t.ctx, { role: 'administrator', isDemo: true });
    const user = await makeUser(t.ctx, { role: 'supervisor' });
    const u = new TestClient(app);
    await u.login(user.email, FACTORY_PASSWORD);
    const setup = (await u.post('/api/auth/mfa/setup')).json();
    await u.post('/api/auth/mfa/enable', { code: generateTotpCode(setup.secret) });
    expect((await u.get('/api/countries')).statusCode).toBe(200);

    const a = new TestClient(app);
    await a.login(admin.email, FACTORY_PASSWORD);
    expect((await a.post(`/api/admin/users/${user.id}/reset-2fa`)).statusCode).toBe(200);
    expect((await u.get('/api/countries')).statusCode).toBe(401);
    const again = new TestClient(app);
    expect((await again.login(user.email, FACTORY_PASSWORD)).status).toBe('mfa_setup_required');
    await app.close();
  });

  it('changes the password: the old one stops working and other sessions end', async () => {
    const app = await createTestApp(t.ctx);
    const user = await makeUser(t.ctx, { role: 'trainer' });
    const a = new TestClient(app);
    const b = new TestClient(app);
    await a.login(user.email, FACTORY_PASSWORD);
    await b.login(user.email, FACTORY_PASSWORD);
    const wrong = await a.post('/api/auth/password', { currentPassword: 'not-it-at-all', newPassword: 'a-brand-new-passphrase' });
    expect(wrong.json().error.code).toBe('WRONG_PASSWORD');
    const short = await a.post('/api/auth/password', { currentPassword: FACTORY_PASSWORD, newPassword: 'short' });
    expect(short.json().error.code).toBe('VALIDATION_FAILED');
    expect((await a.post('/api/auth/password', { currentPassword: FACTORY_PASSWORD, newPassword: 'a-brand-new-passphrase' })).statusCode).toBe(200);
    expect((await a.get('/api/countries')).statusCode).toBe(200);
    expect((await b.get('/api/countries')).statusCode).toBe(401);
    const c = new TestClient(app);
    expect((await c.post('/api/auth/login', { email: user.email, password: FACTORY_PASSWORD })).statusCode).toBe(401);
    expect((await c.login(user.email, 'a-brand-new-passphrase')).status).toBe('ok');
    await app.close();
  });
});
