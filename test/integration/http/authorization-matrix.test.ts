import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../src/domain/access/roles';
import { findOrganisationByName, type OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { findApiToken } from '../../../src/db/repos/session.repo';
import { findDraft } from '../../../src/db/repos/taxonomy.repo';
import { findDesk } from '../../../src/db/repos/desk.repo';
import { queryRows } from '../../../src/db/database';
import { sql } from 'drizzle-orm';
import { findUserByEmail, findUserById, insertMembership, listMembershipsOfUsers } from '../../../src/db/repos/user.repo';
import { findContact, findContactByIdempotencyKey } from '../../../src/db/repos/contact.repo';
import { findIntegration } from '../../../src/db/repos/integration.repo';
import { listAuditEntries } from '../../../src/db/repos/audit.repo';
import { addCallerFlag } from '../../../src/services/caller.service';
import { createContact } from '../../../src/services/contact.service';
import { SYSTEM_ACTOR } from '../../../src/services/context';
import { createIntegration } from '../../../src/services/integration.service';
import { makeOrganisation } from '../../factories/organisation.factory';
import { FACTORY_PASSWORD, makeUser } from '../../factories/user.factory';
import type { TestClient } from '../../helpers/http-client';
import { buildCataloguedApp, routeKey, type CatalogueRoute } from '../../helpers/route-catalogue';
import { useTestContext } from '../../helpers/test-context';
import { KNOWLEDGE_ACTIONS } from './knowledge-matrix';
import { CASES_ACTIONS } from './cases-matrix';
import { ALERTS_ACTIONS } from './alerts-matrix';
import { issueToken, outcome, signedIn } from './support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });

/** The targets one row of the matrix acts on, fresh per role so that allowed actions can succeed. */
interface Fixture {
  tag: string;
  home: OrganisationRow;
  org: OrganisationRow;
  targetId: string;
  extraMembershipId: string;
  tokenId: string;
  /** Helpline fixtures: one record per action, so an allowed action can succeed for every role. */
  readDraftId: string;
  updateDraftId: string;
  completeDraftId: string;
  queuedId: string;
  spamId: string;
  completedId: string;
  completedVersion: number;
  callerId: string;
  flagId: string;
  integrationId: string;
  /** Idempotency keys of the contacts the create actions would make. */
  createKey: string;
  nonDataKey: string;
  /** A GR local sub-code the taxonomy actions would add. */
  localCode: string;
}

interface Action {
  route: string;
  run: (c: TestClient, f: Fixture) => Promise<LightMyRequestResponse>;
}

/** Every action of the matrix, in the order one signed-in user performs them (sign-out last). */
const ACTIONS: Record<string, Action> = {
  'list organisations': { route: 'GET /api/admin/organisations', run: (c) => c.get('/api/admin/organisations') },
  'create organisation': { route: 'POST /api/admin/organisations', run: (c, f) => c.post('/api/admin/organisations', { name: `Matrix Org ${f.tag}`, countryCode: 'GR', type: 'national_ngo' }) },
  'update organisation': { route: 'PATCH /api/admin/organisations/:id', run: (c, f) => c.patch(`/api/admin/organisations/${f.org.id}`, { city: 'Thessaloniki' }) },
  'list users': { route: 'GET /api/admin/users', run: (c) => c.get('/api/admin/users') },
  'get user': { route: 'GET /api/admin/users/:id', run: (c, f) => c.get(`/api/admin/users/${f.targetId}`) },
  'create user': {
    route: 'POST /api/admin/users',
    run: (c, f) => c.post('/api/admin/users', { email: `matrix-${f.tag}@test.example`, displayName: 'Matrix User', password: 'a-long-enough-password', memberships: [{ organisationId: f.home.id, role: 'helpline_operator' }] }),
  },
  'update user': { route: 'PATCH /api/admin/users/:id', run: (c, f) => c.patch(`/api/admin/users/${f.targetId}`, { displayName: 'Renamed By Matrix' }) },
  'add membership': { route: 'POST /api/admin/users/:id/memberships', run: (c, f) => c.post(`/api/admin/users/${f.targetId}/memberships`, { organisationId: f.home.id, role: 'supervisor' }) },
  'remove membership': { route: 'DELETE /api/admin/users/:id/memberships/:membershipId', run: (c, f) => c.delete(`/api/admin/users/${f.targetId}/memberships/${f.extraMembershipId}`) },
  'reset 2FA': { route: 'POST /api/admin/users/:id/reset-2fa', run: (c, f) => c.post(`/api/admin/users/${f.targetId}/reset-2fa`) },
  'list tokens': { route: 'GET /api/admin/tokens', run: (c) => c.get('/api/admin/tokens') },
  'create token': { route: 'POST /api/admin/tokens', run: (c, f) => c.post('/api/admin/tokens', { name: 'matrix token', userId: f.targetId, permissions: ['organisations.read'] }) },
  'revoke token': { route: 'POST /api/admin/tokens/:id/revoke', run: (c, f) => c.post(`/api/admin/tokens/${f.tokenId}/revoke`) },
  'list audit': { route: 'GET /api/admin/audit', run: (c) => c.get('/api/admin/audit') },
  'verify audit': { route: 'GET /api/admin/audit/verify', run: (c) => c.get('/api/admin/audit/verify') },
  'create contact': { route: 'POST /api/contacts', run: (c, f) => c.post('/api/contacts', { idempotencyKey: f.createKey, channel: 'phone' }) },
  'log non-data contact': { route: 'POST /api/contacts/non-data', run: (c, f) => c.post('/api/contacts/non-data', { idempotencyKey: f.nonDataKey, channel: 'phone', nonDataType: 'prank' }) },
  'search contacts': { route: 'GET /api/contacts', run: (c) => c.get('/api/contacts?limit=5') },
  'export contacts': { route: 'GET /api/contacts/export.csv', run: (c) => c.get('/api/contacts/export.csv?from=2026-01-01T00:00:00Z') },
  'read contact': { route: 'GET /api/contacts/:id', run: (c, f) => c.get(`/api/contacts/${f.readDraftId}`) },
  'update contact': { route: 'PATCH /api/contacts/:id', run: (c, f) => c.patch(`/api/contacts/${f.updateDraftId}`, { version: 1, region: 'Matrix region' }) },
  'complete contact': {
    route: 'POST /api/contacts/:id/complete',
    run: (c, f) => c.post(`/api/contacts/${f.completeDraftId}/complete`, { version: 1, language: 'el', callerType: 'child', categories: ['VIOLENCE.BULLYING'], actionsTaken: ['guidance'], outcome: 'information_given' }),
  },
  'claim contact': { route: 'POST /api/contacts/:id/claim', run: (c, f) => c.post(`/api/contacts/${f.queuedId}/claim`) },
  'discard contact': { route: 'POST /api/contacts/:id/discard', run: (c, f) => c.post(`/api/contacts/${f.spamId}/discard`, { version: 1, reason: 'spam' }) },
  'review contact': { route: 'POST /api/contacts/:id/review', run: (c, f) => c.post(`/api/contacts/${f.completedId}/review`, { version: f.completedVersion, decision: 'approved' }) },
  'look up caller': { route: 'GET /api/callers/lookup', run: (c) => c.get('/api/callers/lookup?callerId=%2B30691000000') },
  'flag caller': { route: 'POST /api/callers/:id/flags', run: (c, f) => c.post(`/api/callers/${f.callerId}/flags`, { flag: 'frequent_caller', days: 7 }) },
  'clear caller flag': { route: 'DELETE /api/callers/:id/flags/:flagId', run: (c, f) => c.delete(`/api/callers/${f.callerId}/flags/${f.flagId}`) },
  'helpline reference': { route: 'GET /api/helpline/reference', run: (c) => c.get('/api/helpline/reference') },
  wallboard: { route: 'GET /api/helpline/wallboard', run: (c) => c.get('/api/helpline/wallboard') },
  KPIs: { route: 'GET /api/helpline/kpis', run: (c) => c.get('/api/helpline/kpis?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z') },
  taxonomy: { route: 'GET /api/taxonomy', run: (c) => c.get('/api/taxonomy') },
  'taxonomy versions': { route: 'GET /api/taxonomy/versions', run: (c) => c.get('/api/taxonomy/versions') },
  'open taxonomy draft': { route: 'POST /api/taxonomy/draft', run: (c) => c.post('/api/taxonomy/draft', {}) },
  'add GR sub-code': {
    route: 'PUT /api/taxonomy/draft/codes/:code',
    run: (c, f) => c.request('PUT', `/api/taxonomy/draft/codes/${f.localCode}`, { parentCode: 'THB.LABOUR', module: 'thb', countryCode: 'GR', mapsTo: 'THB.LABOUR', labels: { en: 'Matrix sub-code' } }),
  },
  'discard taxonomy draft': { route: 'DELETE /api/taxonomy/draft', run: (c) => c.delete('/api/taxonomy/draft') },
  'list desks': { route: 'GET /api/admin/desks', run: (c) => c.get('/api/admin/desks') },
  'save desk': {
    route: 'PUT /api/admin/desks/:organisationId',
    run: (c, f) => c.request('PUT', `/api/admin/desks/${f.org.id}`, { name: `Matrix desk ${f.tag}`, timeZone: 'Europe/Athens', openingHours: {}, phoneNumbers: [], publicIntake: false, needsReview: true }),
  },
  'list integrations': { route: 'GET /api/admin/integrations', run: (c) => c.get('/api/admin/integrations') },
  'create integration': { route: 'POST /api/admin/integrations', run: (c, f) => c.post('/api/admin/integrations', { kind: 'telephony', name: `Matrix ${f.tag}`, organisationId: f.home.id }) },
  'revoke integration': { route: 'DELETE /api/admin/integrations/:id', run: (c, f) => c.delete(`/api/admin/integrations/${f.integrationId}`) },
  countries: { route: 'GET /api/countries', run: (c) => c.get('/api/countries') },
  roles: { route: 'GET /api/roles', run: (c) => c.get('/api/roles') },
  'own session': { route: 'GET /api/auth/session', run: (c) => c.get('/api/auth/session') },
  'start 2FA set-up': { route: 'POST /api/auth/mfa/setup', run: (c) => c.post('/api/auth/mfa/setup') },
  preferences: { route: 'PATCH /api/me/preferences', run: (c) => c.patch('/api/me/preferences', { locale: 'el' }) },
  'change password': { route: 'POST /api/auth/password', run: (c) => c.post('/api/auth/password', { currentPassword: FACTORY_PASSWORD, newPassword: 'a-brand-new-password-42' }) },
  'sign out': { route: 'POST /api/auth/logout', run: (c) => c.post('/api/auth/logout') },
};

/** Non-public routes deliberately left out of the matrix, with the reason. */
const NOT_IN_MATRIX: Record<string, string> = {
  'POST /api/auth/mfa/verify': 'needs a pending second step and a TOTP code (test/integration/auth/mfa.test.ts)',
  'POST /api/auth/mfa/enable': 'needs a TOTP code from a started set-up (test/integration/auth/mfa.test.ts)',
  'GET /api/events': 'a never-ending SSE stream; per-event filtering is in test/integration/platform/jobs-events.test.ts',
  'POST /api/taxonomy/draft/publish': 'changes the current version for every later test; region-wide only (test/integration/helpline/taxonomy.test.ts)',
};

const Y = '200';
const N = '403 FORBIDDEN';
const COLUMNS: Role[] = ['helpline_operator', 'case_manager', 'supervisor', 'country_coordinator', 'regional_coordinator', 'trainer', 'liaison_officer', 'evaluator', 'administrator'];

/** The policy as the product states it, written by hand (not computed from ROLE_PERMISSIONS). */
const MATRIX: Record<keyof typeof ACTIONS, string[]> = {
  //                      operator case_mgr superv. country  region   trainer  liaison  evaluat. admin
  'list organisations':  [Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y],
  'create organisation': [N,       N,       N,       N,       N,       N,       N,       N,       Y],
  'update organisation': [N,       N,       N,       N,       N,       N,       N,       N,       Y],
  'list users':          [N,       N,       Y,       Y,       Y,       N,       N,       N,       Y],
  'get user':            [N,       N,       Y,       Y,       Y,       N,       N,       N,       Y],
  'create user':         [N,       N,       N,       N,       N,       N,       N,       N,       Y],
  'update user':         [N,       N,       N,       N,       N,       N,       N,       N,       Y],
  'add membership':      [N,       N,       N,       N,       N,       N,       N,       N,       Y],
  'remove membership':   [N,       N,       N,       N,       N,       N,       N,       N,       Y],
  'reset 2FA':           [N,       N,       N,       N,       N,       N,       N,       N,       Y],
  'list tokens':         [N,       N,       N,       N,       N,       N,       N,       N,       Y],
  'create token':        [N,       N,       N,       N,       N,       N,       N,       N,       Y],
  'revoke token':        [N,       N,       N,       N,       N,       N,       N,       N,       Y],
  'list audit':          [N,       N,       N,       N,       Y,       N,       N,       N,       Y],
  'verify audit':        [N,       N,       N,       N,       Y,       N,       N,       N,       Y],
  'create contact':      [Y,       Y,       Y,       Y,       Y,       N,       N,       N,       N],
  'log non-data contact':[Y,       Y,       Y,       Y,       Y,       N,       N,       N,       N],
  'search contacts':     [Y,       Y,       Y,       Y,       Y,       N,       N,       N,       N],
  'export contacts':     [N,       N,       Y,       Y,       Y,       N,       N,       N,       N],
  'read contact':        [Y,       Y,       Y,       Y,       Y,       N,       N,       N,       N],
  'update contact':      [Y,       Y,       Y,       Y,       Y,       N,       N,       N,       N],
  'complete contact':    [Y,       Y,       Y,       Y,       Y,       N,       N,       N,       N],
  'claim contact':       [Y,       Y,       Y,       Y,       Y,       N,       N,       N,       N],
  'discard contact':     [Y,       Y,       Y,       Y,       Y,       N,       N,       N,       N],
  'review contact':      [N,       N,       Y,       Y,       Y,       N,       N,       N,       N],
  'look up caller':      [Y,       Y,       Y,       Y,       Y,       N,       N,       N,       N],
  'flag caller':         [Y,       Y,       Y,       Y,       Y,       N,       N,       N,       N],
  'clear caller flag':   [Y,       Y,       Y,       Y,       Y,       N,       N,       N,       N],
  'helpline reference':  [Y,       Y,       Y,       Y,       Y,       N,       N,       N,       N],
  wallboard:             [N,       N,       Y,       Y,       Y,       N,       N,       N,       N],
  KPIs:                  [N,       N,       Y,       Y,       Y,       N,       N,       N,       N],
  taxonomy:              [Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y],
  'taxonomy versions':   [Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y],
  'open taxonomy draft': [N,       N,       N,       Y,       Y,       N,       N,       N,       N],
  'add GR sub-code':     [N,       N,       N,       Y,       Y,       N,       N,       N,       N],
  'discard taxonomy draft':[N,     N,       N,       Y,       Y,       N,       N,       N,       N],
  'list desks':          [Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y],
  'save desk':           [N,       N,       N,       N,       N,       N,       N,       N,       Y],
  'list integrations':   [N,       N,       N,       N,       N,       N,       N,       N,       Y],
  'create integration':  [N,       N,       N,       N,       N,       N,       N,       N,       Y],
  'revoke integration':  [N,       N,       N,       N,       N,       N,       N,       N,       Y],
  countries:             [Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y],
  roles:                 [Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y],
  'own session':         [Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y],
  'start 2FA set-up':    [Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y],
  preferences:           [Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y],
  'change password':     [Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y],
  'sign out':            [Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y],
};

let app: FastifyInstance;
let routes: CatalogueRoute[];
let home: OrganisationRow;
beforeAll(async () => {
  ({ app, routes } = await buildCataloguedApp(t.ctx));
  home = await makeOrganisation(t.ctx, { countryCode: 'GR' });
});
afterAll(async () => {
  await app?.close();
});

async function fixtureFor(): Promise<Fixture> {
  const target = await makeUser(t.ctx, { role: 'helpline_operator', organisationId: home.id });
  const extra = await insertMembership(t.ctx.database.db, { id: randomUUID(), userId: target.id, organisationId: home.id, role: 'case_manager', scope: 'organisation' });
  const token = await issueToken(t.ctx, target.id, ['organisations.read']);
  const org = await makeOrganisation(t.ctx, { countryCode: 'GR', city: 'Athens' });
  const tag = randomUUID().slice(0, 8);
  // Helpline records at the home desk, logged by the target operator.
  const operator = { principal: target.principal, requestId: null };
  const key = () => `matrix_${randomUUID().replaceAll('-', '')}`;
  const draft = () => createContact(t.ctx, operator, { idempotencyKey: key(), channel: 'phone', complete: false });
  const readDraft = await draft();
  const updateDraft = await draft();
  const completeDraft = await draft();
  const queued = await createContact(t.ctx, SYSTEM_ACTOR, { idempotencyKey: key(), organisationId: home.id, channel: 'web_form', complete: false }, { source: 'public_form', status: 'queued', operatorUserId: null });
  const spam = await createContact(t.ctx, SYSTEM_ACTOR, { idempotencyKey: key(), organisationId: home.id, channel: 'web_form', complete: false }, { source: 'public_form', status: 'queued', operatorUserId: null });
  const completed = await createContact(t.ctx, operator, { idempotencyKey: key(), channel: 'phone', complete: true, language: 'el', callerType: 'child', categories: ['VIOLENCE.BULLYING'], actionsTaken: ['guidance'], outcome: 'information_given' });
  const withCaller = await createContact(t.ctx, operator, { idempotencyKey: key(), channel: 'phone', complete: false, callerId: `+30 691 ${tag.replace(/\D/g, '7').padEnd(7, '7').slice(0, 7)}` });
  const callerId = (await findContact(t.ctx.database.db, withCaller.id))!.callerId!;
  const flagged = await addCallerFlag(t.ctx, operator, callerId, { flag: 'abusive', days: 30 });
  const integration = await createIntegration(t.ctx, SYSTEM_ACTOR, { kind: 'email', name: `Matrix fixture ${tag}`, organisationId: home.id });
  return {
    tag, home, org, targetId: target.id, extraMembershipId: extra.id, tokenId: token.id,
    readDraftId: readDraft.id, updateDraftId: updateDraft.id, completeDraftId: completeDraft.id, queuedId: queued.id, spamId: spam.id, completedId: completed.id, completedVersion: completed.version,
    callerId, flagId: flagged.flags[0]!.id, integrationId: integration.id, createKey: key(), nonDataKey: key(), localCode: `THB.LABOUR.GR_M${tag.toUpperCase()}`,
  };
}

describe('authorization matrix: role × action', () => {
  it('states every role, every action and every non-public route', () => {
    expect([...COLUMNS].sort()).toEqual([...ROLES].sort());
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(ACTIONS).sort());
    for (const row of Object.values(MATRIX)) expect(row).toHaveLength(COLUMNS.length);
    // Knowledge-base, case and child-alert routes have their own matrices (authorization-matrix-{knowledge,cases,alerts}.test.ts).
    const covered = new Set([...Object.values(ACTIONS).map((a) => a.route), ...Object.values(KNOWLEDGE_ACTIONS).map((a) => a.route), ...Object.values(CASES_ACTIONS).map((a) => a.route), ...Object.values(ALERTS_ACTIONS).map((a) => a.route), ...Object.keys(NOT_IN_MATRIX)]);
    const missing = routes.filter((r) => r.access !== 'public' && !covered.has(routeKey(r))).map(routeKey);
    expect(missing, 'add new routes to the matrix').toEqual([]);
    for (const a of Object.values(ACTIONS)) expect(routes.map(routeKey), a.route).toContain(a.route);
  });

  it.each(COLUMNS.map((role, column) => [role, column] as const))('%s gets exactly the stated answers', async (role, column) => {
    const { client } = await signedIn(app, t.ctx, { role, organisationId: home.id });
    const f = await fixtureFor();
    const actual: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const [name, action] of Object.entries(ACTIONS)) {
      actual[name] = outcome(await action.run(client, f));
      expected[name] = MATRIX[name]![column]!;
    }
    expect(actual).toEqual(expected);

    // A refused action left no trace; an allowed one took effect.
    const db = t.ctx.database.db;
    const admin = role === 'administrator';
    expect(Boolean(await findOrganisationByName(db, `Matrix Org ${f.tag}`, 'GR'))).toBe(admin);
    expect(Boolean(await findUserByEmail(db, `matrix-${f.tag}@test.example`))).toBe(admin);
    expect((await findUserById(db, f.targetId))!.displayName === 'Renamed By Matrix').toBe(admin);
    expect((await listMembershipsOfUsers(db, [f.targetId])).map((m) => m.role).sort()).toEqual(admin ? ['helpline_operator', 'supervisor'] : ['case_manager', 'helpline_operator']);
    expect(Boolean((await findApiToken(db, f.tokenId))!.revokedAt)).toBe(admin);

    // Helpline: the same for contacts, caller flags, taxonomy and integrations.
    const writer = MATRIX['update contact']![column] === Y;
    const reviewer = MATRIX['review contact']![column] === Y;
    const editor = MATRIX['add GR sub-code']![column] === Y;
    expect(Boolean(await findContactByIdempotencyKey(db, f.createKey))).toBe(writer);
    expect(Boolean(await findContactByIdempotencyKey(db, f.nonDataKey))).toBe(writer);
    expect((await findContact(db, f.updateDraftId))!.region).toBe(writer ? 'Matrix region' : null);
    expect((await findContact(db, f.completeDraftId))!.status).toBe(writer ? 'completed' : 'draft');
    expect((await findContact(db, f.queuedId))!.status).toBe(writer ? 'draft' : 'queued');
    expect((await findContact(db, f.spamId))!.status).toBe(writer ? 'discarded' : 'queued');
    expect((await findContact(db, f.completedId))!.reviewStatus).toBe(reviewer ? 'approved' : null);
    const flags = await queryRows<{ flag: string; cleared: boolean }>(db, sql`SELECT flag, cleared_at IS NOT NULL AS cleared FROM caller_flags WHERE caller_id = ${f.callerId} ORDER BY flag`);
    expect(flags.map((r) => `${r.flag}:${r.cleared}`)).toEqual(writer ? ['abusive:true', 'frequent_caller:false'] : ['abusive:false']);
    const codeAdded = (await listAuditEntries(db, { action: 'taxonomy.code_added', limit: 1000, offset: 0 })).items.filter((e) => e.entityId?.endsWith(`:${f.localCode}`));
    expect(codeAdded.length).toBe(editor ? 1 : 0);
    expect(await findDraft(db)).toBeUndefined();
    expect((await queryRows(db, sql`SELECT 1 FROM channel_integrations WHERE name = ${`Matrix ${f.tag}`}`)).length).toBe(admin ? 1 : 0);
    expect(Boolean((await findIntegration(db, f.integrationId))!.revokedAt)).toBe(admin);
    expect(Boolean(await findDesk(db, f.org.id))).toBe(admin);
  });
});
