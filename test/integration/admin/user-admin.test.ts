import { describe, expect, it } from 'vitest';
import { listAuditEntries } from '../../../src/db/repos/audit.repo';
import { createTestApp, TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { FACTORY_PASSWORD, makeUser } from '../../factories/user.factory';
import { makeOrganisation } from '../../factories/organisation.factory';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '1000' });

async function adminClient() {
  const app = await createTestApp(t.ctx);
  const admin = await makeUser(t.ctx, { role: 'administrator', isDemo: true });
  const c = new TestClient(app);
  await c.login(admin.email, FACTORY_PASSWORD);
  return { app, c, admin };
}

describe('user and organisation administration', () => {
  it('creates an organisation, a user with a membership, and audits each step', async () => {
    const { app, c, admin } = await adminClient();
    const org = await c.post('/api/admin/organisations', { name: 'Centre for Missing Children Zagreb', countryCode: 'HR', type: 'national_ngo', partnership: 'associate', city: 'Zagreb' });
    expect(org.statusCode).toBe(200);
    const orgId = org.json().id as string;
    const dup = await c.post('/api/admin/organisations', { name: 'centre for missing children zagreb', countryCode: 'HR', type: 'national_ngo' });
    expect(dup.json().error.code).toBe('ORGANISATION_EXISTS');

    const created = await c.post('/api/admin/users', {
      email: 'New.Operator@Test.example',
      displayName: 'New Operator',
      password: 'a-long-enough-password',
      memberships: [{ organisationId: orgId, role: 'helpline_operator' }],
    });
    expect(created.statusCode).toBe(200);
    const user = created.json();
    expect(user.email).toBe('new.operator@test.example');
    expect(user.memberships[0]).toMatchObject({ role: 'helpline_operator', scope: 'organisation', countryCode: 'HR' });
    expect(user).not.toHaveProperty('passwordHash');
    const again = await c.post('/api/admin/users', { email: 'new.operator@test.example', displayName: 'X Y', password: 'a-long-enough-password' });
    expect(again.json().error.code).toBe('EMAIL_TAKEN');

    const withRole = await c.post(`/api/admin/users/${user.id}/memberships`, { organisationId: orgId, role: 'supervisor' });
    expect(withRole.json().memberships).toHaveLength(2);
    const supervisorMembership = withRole.json().memberships.find((m: { role: string }) => m.role === 'supervisor');
    const removed = await c.delete(`/api/admin/users/${user.id}/memberships/${supervisorMembership.id}`);
    expect(removed.json().memberships).toHaveLength(1);

    const orgs = (await c.get('/api/admin/organisations')).json() as { id: string; memberCount: number }[];
    expect(orgs.find((o) => o.id === orgId)!.memberCount).toBe(1);
    const list = await c.get(`/api/admin/users?organisationId=${orgId}`);
    expect(list.json().items.map((u: { id: string }) => u.id)).toEqual([user.id]);
    const searched = await c.get('/api/admin/users?q=new%20oper');
    expect(searched.json().total).toBe(1);

    expect((await c.get(`/api/admin/users/${user.id}`)).statusCode).toBe(200);
    const audit = await listAuditEntries(t.ctx.database.db, { actorUserId: admin.id, limit: 50, offset: 0 });
    const actions = audit.items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['organisation.created', 'user.created', 'membership.added', 'membership.removed', 'user.viewed']));
    await app.close();
  });

  it('disables and unlocks users; refuses to disable the last administrator or oneself', async () => {
    const { app, c, admin } = await adminClient();
    const target = await makeUser(t.ctx, { role: 'trainer' });
    const t1 = new TestClient(app);
    await t1.login(target.email, FACTORY_PASSWORD);
    const disabled = await c.patch(`/api/admin/users/${target.id}`, { status: 'disabled' });
    expect(disabled.json().status).toBe('disabled');
    expect((await t1.get('/api/countries')).statusCode).toBe(401);
    const t2 = new TestClient(app);
    expect((await t2.post('/api/auth/login', { email: target.email, password: FACTORY_PASSWORD })).json().error.code).toBe('ACCOUNT_DISABLED');
    expect((await c.patch(`/api/admin/users/${admin.id}`, { status: 'disabled' })).json().error.code).toBe('CONFLICT');
    await c.patch(`/api/admin/users/${target.id}`, { status: 'active', unlock: true });
    expect((await t2.login(target.email, FACTORY_PASSWORD)).status).toBe('ok');
    await app.close();
  });

  it('archives an organisation: it stays listed as archived and takes no new members', async () => {
    const { app, c } = await adminClient();
    const org = await makeOrganisation(t.ctx, { countryCode: 'BG' });
    const archived = await c.patch(`/api/admin/organisations/${org.id}`, { archived: true });
    expect(archived.json().archived).toBe(true);
    const user = await makeUser(t.ctx, { role: 'trainer' });
    const refused = await c.post(`/api/admin/users/${user.id}/memberships`, { organisationId: org.id, role: 'trainer' });
    expect(refused.json().error.code).toBe('ORGANISATION_NOT_FOUND');
    const unknownCountry = await c.post('/api/admin/organisations', { name: 'Nowhere NGO', countryCode: 'ZZ', type: 'national_ngo' });
    expect(unknownCountry.statusCode).toBe(400);
    await app.close();
  });

  it('issues scoped API tokens shown once, stored hashed, revocable', async () => {
    const { app, c, admin } = await adminClient();
    const created = await c.post('/api/admin/tokens', { name: 'Telephony gateway', userId: admin.id, permissions: ['users.read'] });
    expect(created.statusCode).toBe(200);
    const { token, id } = created.json();
    expect(token).toMatch(/^vic_/);
    const listed = (await c.get('/api/admin/tokens')).json();
    expect(JSON.stringify(listed)).not.toContain(token);
    const bearer = new TestClient(app);
    bearer.bearer = token;
    expect((await bearer.get('/api/admin/users')).statusCode).toBe(200);
    expect((await bearer.get('/api/admin/audit')).statusCode).toBe(403);
    expect((await bearer.post('/api/admin/organisations', { name: 'Via token', countryCode: 'GR', type: 'national_ngo' })).statusCode).toBe(403);
    const notHeld = await c.post('/api/admin/tokens', { name: 'Too much', userId: admin.id, permissions: ['cases.write'] });
    expect(notHeld.json().error.code).toBe('VALIDATION_FAILED');
    await c.post(`/api/admin/tokens/${id}/revoke`);
    expect((await bearer.get('/api/admin/users')).statusCode).toBe(401);
    await app.close();
  });
});
