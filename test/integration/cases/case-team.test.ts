import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssignableUsers } from '../../../src/api/cases.schemas';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { users } from '../../../src/db/schema';
import { makeOrganisation } from '../../factories/organisation.factory';
import { makeUser, type MakeUserOptions } from '../../factories/user.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let team: OrganisationRow;
let other: OrganisationRow;
let manager: TestClient;
let managerId: string;
let otherManager: TestClient;
let operator: TestClient;
let coordinator: TestClient;
const ids: Record<string, string> = {};

/** A user with a fixed display name (names sort the same under every collation: ASCII, same case). */
async function named(displayName: string, opts: MakeUserOptions): Promise<string> {
  const user = await makeUser(t.ctx, opts);
  await t.ctx.database.db.update(users).set({ displayName }).where(eq(users.id, user.id));
  return user.id;
}

const url = (organisationId: string) => `/api/cases/assignable-users?organisationId=${organisationId}`;

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  team = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  other = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  const m = await signedIn(app, t.ctx, { role: 'case_manager', organisationId: team.id });
  manager = m.client;
  managerId = m.user.id;
  await t.ctx.database.db.update(users).set({ displayName: 'Mike Manager' }).where(eq(users.id, managerId));
  ids.supervisor = await named('Anna Supervisor', { role: 'supervisor', organisationId: team.id });
  ids.colleague = await named('Zoe Colleague', { role: 'case_manager', organisationId: team.id });
  ids.operator = await named('Bob Operator', { role: 'helpline_operator', organisationId: team.id });
  ids.liaison = await named('Carl Liaison', { role: 'liaison_officer', organisationId: team.id });
  ids.disabled = await named('Dora Disabled', { role: 'case_manager', organisationId: team.id, status: 'disabled' });
  ids.outsider = await named('Eve Outsider', { role: 'case_manager', organisationId: other.id });
  // Works cases in both teams, and is an operator in ours too: listed once.
  ids.both = await named('Fay Both', { memberships: [{ role: 'helpline_operator', organisationId: team.id }, { role: 'case_manager', organisationId: team.id }, { role: 'case_manager', organisationId: other.id }] });
  otherManager = (await signedIn(app, t.ctx, { role: 'case_manager', organisationId: other.id })).client;
  operator = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: team.id })).client;
  coordinator = (await signedIn(app, t.ctx, { role: 'country_coordinator', organisationId: other.id })).client;
});
afterAll(async () => {
  await app?.close();
});

describe('GET /api/cases/assignable-users', () => {
  it('lists the team’s active case workers only, by display name, without e-mail addresses', async () => {
    const res = await manager.get(url(team.id));
    expect(outcome(res)).toBe('200');
    const body = res.json() as AssignableUsers;
    expect(body.items.map((u) => u.displayName)).toEqual(['Anna Supervisor', 'Fay Both', 'Mike Manager', 'Zoe Colleague']);
    expect(body.items.map((u) => u.id)).toEqual([ids.supervisor, ids.both, managerId, ids.colleague]);
    for (const item of body.items) expect(Object.keys(item).sort()).toEqual(['displayName', 'id']);
    expect(res.body).not.toContain('@');
  });

  it('lists the other team for its own case manager, and for a coordinator of the country', async () => {
    const own = await otherManager.get(url(other.id));
    expect(outcome(own)).toBe('200');
    const names = (own.json() as AssignableUsers).items.map((u) => u.displayName);
    expect(names).toEqual(expect.arrayContaining(['Eve Outsider', 'Fay Both']));
    expect(names).not.toContain('Mike Manager');
    const country = await coordinator.get(url(team.id));
    expect(outcome(country)).toBe('200');
    expect((country.json() as AssignableUsers).items).toHaveLength(4);
  });

  it('is forbidden for another organisation’s case manager and for an operator', async () => {
    expect(outcome(await otherManager.get(url(team.id)))).toBe('403 FORBIDDEN');
    expect(outcome(await operator.get(url(team.id)))).toBe('403 FORBIDDEN');
  });

  it('rejects an unknown organisation and a malformed id', async () => {
    expect(outcome(await manager.get(url(randomUUID())))).toBe('404 ORGANISATION_NOT_FOUND');
    expect(outcome(await manager.get(url('not-a-uuid')))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await manager.get('/api/cases/assignable-users'))).toBe('400 VALIDATION_FAILED');
  });
});
