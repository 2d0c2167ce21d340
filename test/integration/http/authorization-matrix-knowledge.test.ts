import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/db/database';
import { ROLES, type Role } from '../../../src/domain/access/roles';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { makeOrganisation } from '../../factories/organisation.factory';
import { buildCataloguedApp, routeKey, type CatalogueRoute } from '../../helpers/route-catalogue';
import { useTestContext } from '../../helpers/test-context';
import { KNOWLEDGE_ACTIONS, KNOWLEDGE_MATRIX, makeKnowledgeFixture } from './knowledge-matrix';
import { outcome, signedIn } from './support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
const COLUMNS: Role[] = ['helpline_operator', 'case_manager', 'supervisor', 'country_coordinator', 'regional_coordinator', 'trainer', 'liaison_officer', 'evaluator', 'administrator'];

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

describe('authorization matrix: role × knowledge-base action', () => {
  it('states every role and every action, on routes that exist', () => {
    expect([...COLUMNS].sort()).toEqual([...ROLES].sort());
    expect(Object.keys(KNOWLEDGE_MATRIX).sort()).toEqual(Object.keys(KNOWLEDGE_ACTIONS).sort());
    for (const row of Object.values(KNOWLEDGE_MATRIX)) expect(row).toHaveLength(COLUMNS.length);
    for (const a of Object.values(KNOWLEDGE_ACTIONS)) expect(routes.map(routeKey), a.route).toContain(a.route);
  });

  it.each(COLUMNS.map((role, column) => [role, column] as const))('%s gets exactly the stated answers', async (role, column) => {
    const { client } = await signedIn(app, t.ctx, { role, organisationId: home.id });
    const f = await makeKnowledgeFixture(t.ctx, home);
    const actual: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const [name, action] of Object.entries(KNOWLEDGE_ACTIONS)) {
      actual[name] = outcome(await action.run(client, f));
      expected[name] = KNOWLEDGE_MATRIX[name]![column]!;
    }
    expect(actual).toEqual(expected);

    // A refused action left no trace; an allowed one took effect.
    const db = t.ctx.database.db;
    const writer = KNOWLEDGE_MATRIX['create article']![column] === '200';
    const reviewer = KNOWLEDGE_MATRIX['publish translation']![column] === '200';
    const countryWriter = KNOWLEDGE_MATRIX['add GR instrument']![column] === '200';
    const one = async (q: ReturnType<typeof sql>) => (await queryRows(db, q)).length;
    expect(await one(sql`SELECT 1 FROM kb_articles WHERE slug = ${`matrix-${f.tag}`}`)).toBe(writer ? 1 : 0);
    expect(await one(sql`SELECT 1 FROM kb_articles WHERE slug = ${`matrix-import-${f.tag}`}`)).toBe(writer ? 1 : 0);
    expect(await one(sql`SELECT 1 FROM kb_translations WHERE article_id = ${f.draftId} AND lang = 'el'`)).toBe(writer ? 1 : 0);
    expect(await one(sql`SELECT 1 FROM kb_translations WHERE article_id = ${f.submitId} AND status = 'in_review'`)).toBe(writer ? 1 : 0);
    expect(await one(sql`SELECT 1 FROM kb_published WHERE article_id = ${f.reviewId}`)).toBe(reviewer ? 1 : 0);
    expect(await one(sql`SELECT 1 FROM legal_instruments WHERE title = ${`Matrix law ${f.tag}`}`)).toBe(countryWriter ? 1 : 0);
    expect(await one(sql`SELECT 1 FROM legal_instruments WHERE id = ${f.instrumentId} AND review_note = 'Checked by the matrix'`)).toBe(countryWriter ? 1 : 0);
    expect(await one(sql`SELECT 1 FROM directory_entries WHERE name = ${`Matrix NGO ${f.tag}`}`)).toBe(countryWriter ? 1 : 0);
    expect(await one(sql`SELECT 1 FROM directory_entries WHERE id = ${f.directoryId} AND archived_at IS NOT NULL`)).toBe(countryWriter ? 1 : 0);
  });
});
