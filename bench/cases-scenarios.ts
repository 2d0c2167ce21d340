/**
 * The scenarios of the cases benchmark, discovered through the API itself: the big case page, first and
 * 20th list pages per reader (following nextCursor), list filters, search by reference, by a frequent,
 * a middling and a rare family name and by a frequent title word, the timeline's second page, and the
 * team and personal task lists.
 */
import type { FastifyInstance } from 'fastify';
import { familyName } from './cases-vocabulary';
import { getJson, type CaseScenario, type Reader } from './cases-measure';

type Page = { items: { id: string; reference: string }[]; nextCursor: string | null };

const READERS: { reader: Reader; country: string }[] = [
  { reader: 'case manager (org)', country: 'RO' },
  { reader: 'coordinator SI (country)', country: 'SI' },
  { reader: 'regional (region)', country: 'RO' },
];
/** Family-name frequency ranks searched (0 = the most frequent of the country). */
export const NAME_RANKS = [0, 30, 600];
/** The page reached by following nextCursor. */
export const DEEP_PAGE = 20;

const withQuery = (base: string, params: Record<string, string>) => `${base}?${new URLSearchParams(params).toString()}`;

/** Build the scenario list (and check every path answers 200) for the big case `bigId`; routes not there yet are listed as missing. */
export async function discoverScenarios(app: FastifyInstance, cookies: Record<Reader, string>, bigId: string): Promise<{ scenarios: CaseScenario[]; missing: string[] }> {
  const out: CaseScenario[] = [];
  const missing: string[] = [];
  const add = async (name: string, reader: Reader, path: string) => {
    const body = await getJson<Partial<Page>>(app, cookies[reader], path);
    out.push({ name, reader, path, items: Array.isArray(body.items) ? body.items.length : undefined });
    return body;
  };
  const page = await getJson<{ timeline: { items: unknown[]; nextCursor: string | null } }>(app, cookies['case manager (org)'], `/api/cases/${bigId}`);
  await add('case page (200 timeline entries)', 'case manager (org)', `/api/cases/${bigId}`);
  await add('case page (200 timeline entries)', 'regional (region)', `/api/cases/${bigId}`);
  if (page.timeline.nextCursor) {
    await add('timeline: next page (before=…)', 'case manager (org)', withQuery(`/api/cases/${bigId}/timeline`, { before: page.timeline.nextCursor }));
  } else {
    await add('timeline: first page', 'case manager (org)', `/api/cases/${bigId}/timeline`);
  }
  for (const { reader, country } of READERS) {
    const first = await add('list: first page', reader, '/api/cases');
    let cursor = first.nextCursor ?? null;
    let sample = first.items?.[first.items.length - 1]?.reference;
    for (let n = 2; n < DEEP_PAGE && cursor; n += 1) {
      const next = await getJson<Page>(app, cookies[reader], withQuery('/api/cases', { cursor }));
      cursor = next.nextCursor;
      if (n === 5) sample = next.items[3]?.reference ?? sample;
    }
    if (cursor) await add(`list: page ${DEEP_PAGE} (cursor)`, reader, withQuery('/api/cases', { cursor }));
    await add('filter: status=open', reader, withQuery('/api/cases', { status: 'open' }));
    await add('filter: priority=urgent', reader, withQuery('/api/cases', { priority: 'urgent' }));
    await add('filter: concern=clear', reader, withQuery('/api/cases', { concern: 'clear' }));
    await add('filter: status=active&priority=high', reader, withQuery('/api/cases', { status: 'active', priority: 'high' }));
    await add('filter: priority=urgent&concern=clear', reader, withQuery('/api/cases', { priority: 'urgent', concern: 'clear' }));
    await add('filter: status=closed', reader, withQuery('/api/cases', { status: 'closed' }));
    if (reader === 'case manager (org)') await add('filter: assigned=me', reader, withQuery('/api/cases', { assigned: 'me' }));
    if (sample) await add('q: reference', reader, withQuery('/api/cases', { q: sample }));
    for (const rank of NAME_RANKS) await add(`q: family name (rank ${rank})`, reader, withQuery('/api/cases', { q: familyName(country, rank) }));
    await add('q: frequent title word "begging"', reader, withQuery('/api/cases', { q: 'begging' }));
    // Outside the reader's scope the most frequent name of another country matches nothing; everywhere, an unknown word.
    if (reader === 'regional (region)') await add('q: no match (unknown word)', reader, withQuery('/api/cases', { q: 'Zyxwvutsky' }));
    else await add('q: no match (frequent name of another country)', reader, withQuery('/api/cases', { q: familyName(country === 'SI' ? 'RO' : 'SI', 0) }));
  }
  for (const scope of ['team', 'mine']) {
    await add(`tasks: ${scope}`, 'case manager (org)', withQuery('/api/tasks', { scope })).catch((err: Error) => {
      if (!/answered 404/.test(err.message)) throw err;
      missing.push(`GET /api/tasks?scope=${scope}: no such route in this checkout`);
    });
  }
  return { scenarios: out, missing };
}
