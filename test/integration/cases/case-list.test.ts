import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CasePage, CaseSummary, CaseView } from '../../../src/api/cases.schemas';
import { queryRows } from '../../../src/db/database';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { caseTasks } from '../../../src/db/schema';
import { refreshCaseSearchTerms } from '../../../src/services/case-search-terms';
import { makeCaseRow } from '../../factories/case.factory';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { ok } from '../helpline/support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let grA: OrganisationRow;
let grB: OrganisationRow;
let ro: OrganisationRow;
let managerA: TestClient;
let managerAId: string;
let coordinatorGr: TestClient;
let regional: TestClient;
let liaison: TestClient;
let twoHats: TestClient;
const ids = { grA: [] as string[], grB: [] as string[], ro: [] as string[] };

/** Every page of a list, following the cursors; fails on a duplicate. */
async function allPages(client: TestClient, query: string, limit = 25): Promise<{ items: CaseSummary[]; pages: number }> {
  const items: CaseSummary[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: CasePage = ok<CasePage>(await client.get(`/api/cases?limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
    pages += 1;
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && pages < 50);
  expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  return { items, pages };
}

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  grA = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  grB = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  ro = await makeOrganisation(t.ctx, { countryCode: 'RO', city: 'Bucharest' });
  const m = await signedIn(app, t.ctx, { role: 'case_manager', organisationId: grA.id });
  managerA = m.client;
  managerAId = m.user.id;
  coordinatorGr = (await signedIn(app, t.ctx, { role: 'country_coordinator', organisationId: grB.id })).client;
  regional = (await signedIn(app, t.ctx, { role: 'regional_coordinator', organisationId: grB.id })).client;
  liaison = (await signedIn(app, t.ctx, { role: 'liaison_officer', organisationId: grB.id })).client;
  twoHats = (await signedIn(app, t.ctx, { memberships: [{ role: 'case_manager', organisationId: grB.id }, { role: 'helpline_operator', organisationId: ro.id }] })).client;

  // 60 cases in team A over 60 hours; every fifth shares its opened_at with the next (keyset ties).
  const base = Date.now() - 100 * 3_600_000;
  for (let i = 0; i < 60; i++) {
    const openedAt = new Date(base + (i - (i % 5 === 1 ? 1 : 0)) * 3_600_000);
    const c = await makeCaseRow(t.ctx, {
      organisationId: grA.id,
      openedAt,
      title: `Team A case ${i}`,
      status: i % 3 === 0 ? 'active' : 'open',
      priority: i % 10 === 0 ? 'urgent' : 'normal',
      concernLevel: i % 4 === 0 ? 'clear' : null,
      assignedUserId: i % 2 === 0 ? managerAId : null,
    });
    ids.grA.push(c.id);
  }
  // Microseconds the JavaScript Date would lose must not break paging (tied pairs stay tied).
  await t.ctx.database.db.execute(sql`UPDATE cases SET opened_at = opened_at + make_interval(secs => 0.000001 * (extract(epoch from opened_at)::bigint % 900 + 1)) WHERE organisation_id = ${grA.id}`);
  for (let i = 0; i < 5; i++) ids.grB.push((await makeCaseRow(t.ctx, { organisationId: grB.id, title: `Team B case ${i}` })).id);
  for (let i = 0; i < 4; i++) ids.ro.push((await makeCaseRow(t.ctx, { organisationId: ro.id, countryCode: 'RO', title: `Romanian case ${i}` })).id);
});
afterAll(async () => {
  await app?.close();
});

describe('case list: keyset pages within scope', () => {
  it('pages a team’s cases newest first with no duplicates or gaps, and never more than asked', async () => {
    const { items, pages } = await allPages(managerA, '');
    expect(pages).toBe(3);
    expect(items.map((i) => i.id).sort()).toEqual([...ids.grA].sort());
    const order = await queryRows<{ id: string }>(t.ctx.database.db, sql`SELECT id FROM cases WHERE organisation_id = ${grA.id} ORDER BY opened_at DESC, id DESC`);
    expect(items.map((i) => i.id)).toEqual(order.map((r) => r.id));
    expect(items[0]).toMatchObject({ organisationId: grA.id, organisationName: grA.name, countryCode: 'GR', overdueTasks: 0, involvesChild: true });
    expect(items.find((i) => i.title === 'Team A case 0')).toMatchObject({ status: 'active', priority: 'urgent', concernLevel: 'clear', assignedTo: { id: managerAId } });
    const exact = await allPages(managerA, '', 30);
    expect(exact.pages).toBe(2);
  });

  it('keeps each reader to their scope', async () => {
    const country = await allPages(coordinatorGr, '');
    expect(country.items.map((i) => i.id).sort()).toEqual([...ids.grA, ...ids.grB].sort());
    const region = await allPages(regional, '', 100);
    expect(region.items.map((i) => i.id).sort()).toEqual([...ids.grA, ...ids.grB, ...ids.ro].sort());
    // several memberships: the union of the branches, still paged without duplicates
    const union = await allPages(twoHats, '', 3);
    expect(union.items.map((i) => i.id).sort()).toEqual([...ids.grB, ...ids.ro].sort());
    expect(ok<CasePage>(await liaison.get('/api/cases'))).toEqual({ items: [], nextCursor: null });
    expect(ok<CasePage>(await managerA.get(`/api/cases?organisationId=${ro.id}`)).items).toEqual([]);
  });

  it('shows a liaison officer the cases they created or manage (own scope)', async () => {
    const l = await signedIn(app, t.ctx, { role: 'liaison_officer', organisationId: grB.id });
    const own = await makeCaseRow(t.ctx, { organisationId: grB.id, createdBy: l.user.id, title: 'Created by liaison' });
    const managed = await makeCaseRow(t.ctx, { organisationId: ro.id, countryCode: 'RO', assignedUserId: l.user.id, title: 'Managed by liaison' });
    const page = ok<CasePage>(await l.client.get('/api/cases'));
    expect(page.items.map((i) => i.id).sort()).toEqual([own.id, managed.id].sort());
    ids.grB.push(own.id);
    ids.ro.push(managed.id);
  });

  it('filters by status, priority, concern, organisation, country and assignment', async () => {
    const count = async (client: TestClient, q: string) => (await allPages(client, q, 100)).items.length;
    expect(await count(managerA, '&status=active')).toBe(20);
    expect(await count(managerA, '&status=active&status=open')).toBe(60);
    expect(await count(managerA, '&priority=urgent')).toBe(6);
    expect(await count(managerA, '&concern=clear')).toBe(15);
    expect(await count(managerA, '&assigned=me')).toBe(30);
    expect(await count(managerA, '&assigned=none')).toBe(30);
    expect(await count(managerA, '&assigned=me&status=active&priority=urgent')).toBe(2);
    expect(await count(regional, `&organisationId=${grB.id}`)).toBe(ids.grB.length);
    expect(await count(regional, '&countryCode=RO')).toBe(ids.ro.length);
    expect(await count(coordinatorGr, '&countryCode=RO')).toBe(0);
    const paged = await allPages(managerA, '&assigned=me', 7);
    expect(paged.items.every((i) => i.assignedTo?.id === managerAId)).toBe(true);
    expect(outcome(await managerA.get('/api/cases?status=lost'))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await managerA.get('/api/cases?cursor=bm90LWEtY3Vyc29y'))).toBe('400 VALIDATION_FAILED');
  });

  it('finds a case by reference and by words of the title and a person’s name', async () => {
    const created = ok<CaseView>(await managerA.post('/api/cases', { title: 'Girl begging at the harbour', person: { givenName: 'Xanthippe', familyName: 'Lambrou', ageYears: 12 } }));
    ids.grA.push(created.id);
    const search = async (client: TestClient, q: string) => ok<CasePage>(await client.get(`/api/cases?q=${encodeURIComponent(q)}`)).items.map((i) => i.id);
    expect(await search(managerA, created.reference)).toEqual([created.id]);
    expect(await search(managerA, ` ${created.reference.toLowerCase()} `)).toEqual([created.id]);
    expect(await search(managerA, 'xanthippe')).toEqual([created.id]);
    expect(await search(managerA, 'Xanthíppe LAMBROU')).toEqual([created.id]);
    expect(await search(managerA, 'harbour begging')).toEqual([created.id]);
    expect(await search(managerA, 'xanthippe nobody')).toEqual([]);
    // factory rows carry no terms until computed
    expect(await search(managerA, 'team case')).toEqual([]);
    for (const id of ids.grA.slice(0, 30)) await refreshCaseSearchTerms(t.ctx.database.db, t.ctx, id);
    expect((await search(managerA, 'team case')).length).toBe(25);
    expect(ok<CasePage>(await managerA.get('/api/cases?q=team+case&limit=100')).items).toHaveLength(30);
    // out of scope: the same words find nothing
    expect(await search(twoHats, 'xanthippe')).toEqual([]);
    expect(await search(twoHats, created.reference)).toEqual([]);
    expect(outcome(await managerA.get('/api/cases?q=ab'))).toBe('400 VALIDATION_FAILED');
  });

  it('counts the overdue open tasks of each case on the page', async () => {
    const caseId = ids.grA[59]!;
    const past = new Date(Date.now() - 3_600_000);
    const task = (over: Partial<typeof caseTasks.$inferInsert>) => ({ id: randomUUID(), caseId, organisationId: grA.id, kind: 'task', titleEnc: 'x', dueAt: past, ...over });
    await t.ctx.database.db.insert(caseTasks).values([task({}), task({}), task({ doneAt: new Date() }), task({ dueAt: new Date(Date.now() + 3_600_000) })]);
    const page = ok<CasePage>(await managerA.get('/api/cases?limit=100'));
    expect(page.items.find((i) => i.id === caseId)?.overdueTasks).toBe(2);
    expect(page.items.filter((i) => i.overdueTasks > 0)).toHaveLength(1);
  });

  it('refuses roles without case access', async () => {
    const trainer = (await signedIn(app, t.ctx, { role: 'trainer', organisationId: grA.id })).client;
    expect(outcome(await trainer.get('/api/cases'))).toBe('403 FORBIDDEN');
  });
});
