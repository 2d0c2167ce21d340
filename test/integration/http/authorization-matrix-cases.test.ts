import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathwayInputSchema } from '../../../src/api/referrals.schemas';
import { queryRows } from '../../../src/db/database';
import { SYSTEM_ACTOR } from '../../../src/services/context';
import { publishPathway, savePathwayDraft } from '../../../src/services/nrm-pathway.service';
import { ROLES, type Role } from '../../../src/domain/access/roles';
import { makeOrganisation } from '../../factories/organisation.factory';
import { makeUser } from '../../factories/user.factory';
import { buildCataloguedApp, routeKey, type CatalogueRoute } from '../../helpers/route-catalogue';
import { useTestContext } from '../../helpers/test-context';
import { CASES_ACTIONS, CASES_MATRIX, makeCasesFixture, type CasesWorld } from './cases-matrix';
import { outcome, signedIn } from './support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
const COLUMNS: Role[] = ['helpline_operator', 'case_manager', 'supervisor', 'country_coordinator', 'regional_coordinator', 'trainer', 'liaison_officer', 'evaluator', 'administrator'];

let app: FastifyInstance;
let routes: CatalogueRoute[];
let world: CasesWorld;
beforeAll(async () => {
  ({ app, routes } = await buildCataloguedApp(t.ctx));
  const home = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  const bgDesk = await makeOrganisation(t.ctx, { countryCode: 'BG' });
  // Both organisations work cases, so each is a desk a hand-off may go to.
  await makeUser(t.ctx, { role: 'case_manager', organisationId: home.id });
  await makeUser(t.ctx, { role: 'case_manager', organisationId: bgDesk.id });
  world = { home, bgDesk };
  // A published Greek pathway to read (each role's fixture then saves a new draft).
  const draft = await savePathwayDraft(t.ctx, SYSTEM_ACTOR, pathwayInputSchema.parse({ countryCode: 'GR', titles: { en: 'Matrix NRM' }, steps: [{ stage: 'identification', titles: { en: 'Identification' } }] }));
  await publishPathway(t.ctx, SYSTEM_ACTOR, draft.id);
});
afterAll(async () => {
  await app?.close();
});

describe('authorization matrix: role × case action', () => {
  it('states every role and every action, on routes that exist', () => {
    expect([...COLUMNS].sort()).toEqual([...ROLES].sort());
    expect(Object.keys(CASES_MATRIX).sort()).toEqual(Object.keys(CASES_ACTIONS).sort());
    for (const row of Object.values(CASES_MATRIX)) expect(row).toHaveLength(COLUMNS.length);
    for (const a of Object.values(CASES_ACTIONS)) expect(routes.map(routeKey), a.route).toContain(a.route);
  });

  it.each(COLUMNS.map((role, column) => [role, column] as const))('%s gets exactly the stated answers', async (role, column) => {
    const { client, user } = await signedIn(app, t.ctx, { role, organisationId: world.home.id });
    const f = await makeCasesFixture(t.ctx, world);
    const actual: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const [name, action] of Object.entries(CASES_ACTIONS)) {
      actual[name] = outcome(await action.run(client, f, world));
      expected[name] = CASES_MATRIX[name]![column]!;
    }
    expect(actual).toEqual(expected);

    // A refused action left no trace; an allowed one took effect.
    const db = t.ctx.database.db;
    const writes = CASES_MATRIX['edit case']![column] === '200';
    const has = async (q: ReturnType<typeof sql>) => (await queryRows(db, q)).length > 0;
    const effects = {
      edited: await has(sql`SELECT 1 FROM cases WHERE id = ${f.caseId} AND priority = 'urgent' AND consent->>'givenBy' = 'child' AND first_assistance_at IS NOT NULL`),
      linked: await has(sql`SELECT 1 FROM contacts WHERE id = ${f.contactId} AND case_id IS NOT NULL`),
      opened: await has(sql`SELECT 1 FROM contacts WHERE id = ${f.newContactId} AND case_id IS NOT NULL`),
      noted: await has(sql`SELECT 1 FROM case_notes WHERE case_id = ${f.caseId}`),
      screened: await has(sql`SELECT 1 FROM case_screenings WHERE case_id = ${f.caseId}`),
      documentRemoved: await has(sql`SELECT 1 FROM case_documents WHERE id = ${f.documentId} AND deleted_at IS NOT NULL`),
      referralSent: await has(sql`SELECT 1 FROM referrals WHERE id = ${f.draftReferralId} AND status = 'sent'`),
      referralAccepted: await has(sql`SELECT 1 FROM referrals WHERE id = ${f.sentReferralId} AND status = 'accepted'`),
      handoffAccepted: await has(sql`SELECT 1 FROM handoffs WHERE id = ${f.incomingHandoffId} AND status = 'accepted' AND to_case_id IS NOT NULL`),
      brokeGlass: await has(sql`SELECT 1 FROM case_access_grants WHERE case_id = ${f.foreignCaseId} AND user_id = ${user.id}`),
      // Refused case reads by a liaison officer are audited as access attempts.
      deniedAudited: await has(sql`SELECT 1 FROM audit_log WHERE action = 'case.access_denied' AND entity_id = ${f.caseId} AND actor_user_id = ${user.id}`),
    };
    expect(effects).toEqual({
      edited: writes,
      linked: writes,
      opened: writes,
      noted: writes,
      screened: writes,
      documentRemoved: writes,
      referralSent: writes,
      referralAccepted: role === 'liaison_officer',
      handoffAccepted: writes,
      brokeGlass: CASES_MATRIX['break glass']![column] === '200',
      deniedAudited: role === 'liaison_officer',
    });
  });
});
