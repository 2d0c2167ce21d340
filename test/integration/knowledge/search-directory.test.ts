import { beforeAll, describe, expect, it } from 'vitest';
import { archiveEntry } from '../../../src/db/repos/directory.repo';
import type { SearchResult } from '../../../src/api/knowledge.schemas';
import type { Principal } from '../../../src/domain/access/scope';
import { useTestContext } from '../../helpers/test-context';
import { makeReaders, searchAs, addDirectoryEntry, publishArticle, showSnippet } from './search-support';

const t = useTestContext();
const ids: Record<string, string> = {};
let operator: Principal;
let liaison: Principal;

const search = (principal: Principal | null, params: Record<string, string>): Promise<SearchResult> => searchAs(t.ctx, principal, params);
const entries = (r: SearchResult) => r.directory.map((d) => d.id);

beforeAll(async () => {
  const readers = await makeReaders(t.ctx);
  ({ operator, liaison } = readers);
  const org = { id: readers.organisationId };
  ids.hotline = await addDirectoryEntry(t.ctx, {
    kind: 'missing_children_hotline',
    countryCode: 'GR',
    name: 'Hotline for Missing Children',
    localName: 'Γραμμή για εξαφανισμένα παιδιά',
    phones: [{ number: '116 000', free: true }],
    city: 'Athens',
    audience: 'public',
    descriptions: { en: 'Answers around the clock when a child goes missing.', el: 'Απαντά όλο το εικοσιτετράωρο όταν εξαφανίζεται ένα παιδί.' },
  });
  ids.police = await addDirectoryEntry(t.ctx, {
    kind: 'police',
    countryCode: 'RS',
    name: 'Jedinica za suzbijanje trgovine ljudima',
    city: 'Beograd',
    audience: 'professionals',
    nrmStages: ['identification'],
    descriptions: { sr: 'Полицијска јединица која води истраге трговине људима.' },
  });
  ids.internal = await addDirectoryEntry(t.ctx, {
    kind: 'prosecutor',
    countryCode: 'RS',
    name: 'Duty prosecutor for trafficking cases',
    audience: 'internal',
    descriptions: { en: 'Direct line of the duty prosecutor for trafficking cases, staff only.' },
  });
  ids.archived = await addDirectoryEntry(t.ctx, { kind: 'shelter', countryCode: 'GR', name: 'Closed trafficking shelter', audience: 'public' });
  await archiveEntry(t.ctx.database.db, ids.archived);
  ids.article = await publishArticle(t.ctx, org.id, { translations: { en: { title: 'Missing children: what to do', body: 'Call the hotline for missing children at once.' } } });
});

describe('knowledge search: directory', () => {
  it('finds entries by name, phone number, description, and in the other script', async () => {
    expect(entries(await search(null, { q: '116000' }))).toEqual([ids.hotline]);
    expect(entries(await search(null, { q: 'εξαφανισμενα' }))).toEqual([ids.hotline]);
    const cyr = await search(liaison, { q: 'трговине људима' });
    expect(entries(cyr)).toEqual([ids.police]);
    const lat = await search(liaison, { q: 'istrage trgovine' });
    expect(entries(lat)).toEqual([ids.police]);
    expect(showSnippet(lat.directory[0]!.snippet)).toMatch(/\[истраге\] \[трговине\]/);
    expect(lat.directory[0]).toMatchObject({ kind: 'police', countryCode: 'RS', city: 'Beograd', nrmStages: ['identification'] });
  });

  it('searches articles and directory together, or one of them', async () => {
    const both = await search(null, { q: 'missing children' });
    expect(both.articles.map((a) => a.articleId)).toEqual([ids.article]);
    expect(entries(both)).toEqual([ids.hotline]);
    expect(entries(await search(null, { q: 'missing children', include: 'articles' }))).toEqual([]);
    expect((await search(null, { q: 'missing children', include: 'directory' })).articles).toEqual([]);
    expect(entries(await search(null, { q: 'missing children', type: 'faq' }))).toEqual([]);
  });

  it('filters by country and audience, and never shows archived entries', async () => {
    expect(entries(await search(operator, { q: 'trafficking' }))).toEqual([ids.internal]);
    expect(entries(await search(liaison, { q: 'trafficking' }))).toEqual([]);
    expect(entries(await search(null, { q: 'trgovine' }))).toEqual([]);
    expect(entries(await search(operator, { q: 'trgovine', country: 'GR' }))).toEqual([]);
    expect(entries(await search(operator, { q: 'trgovine', country: 'RS' }))).toEqual([ids.police]);
    expect(entries(await search(operator, { q: 'shelter' }))).toEqual([]);
  });
});
