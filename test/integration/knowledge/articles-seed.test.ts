import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/db/database';
import { listMembershipsOfUsers, findUserByEmail } from '../../../src/db/repos/user.repo';
import { ARTICLE_TYPES, AUDIENCES } from '../../../src/domain/knowledge/knowledge-fields';
import { REGIONAL_TAXONOMY } from '../../../src/domain/helpline/taxonomy.data';
import type { Actor } from '../../../src/services/context';
import { getArticle, readPublishedArticle } from '../../../src/services/knowledge-article.service';
import { applyTranslationAction } from '../../../src/services/knowledge-workflow.service';
import { seedDemoNetwork } from '../../../src/services/seed.service';
import { useTestContext } from '../../helpers/test-context';

const t = useTestContext();

async function actorOf(email: string): Promise<Actor> {
  const user = (await findUserByEmail(t.ctx.database.db, email))!;
  return { principal: { userId: user.id, memberships: await listMembershipsOfUsers(t.ctx.database.db, [user.id]) }, requestId: null };
}

beforeAll(async () => {
  await seedDemoNetwork(t.ctx);
});

describe('the demo articles', () => {
  it('cover every type and audience, regional and per country, with taxonomy codes that exist', async () => {
    const rows = await queryRows<{ slug: string; type: string; audience: string; country_code: string | null; taxonomy_codes: string[] }>(t.ctx.database.db, sql`SELECT slug, type, audience, country_code, taxonomy_codes FROM kb_articles`);
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(new Set(rows.map((r) => r.type))).toEqual(new Set(ARTICLE_TYPES));
    expect(new Set(rows.map((r) => r.audience))).toEqual(new Set(AUDIENCES));
    expect(rows.some((r) => r.country_code === null)).toBe(true);
    expect(new Set(rows.map((r) => r.country_code).filter(Boolean))).toEqual(new Set(['GR', 'RS', 'BG', 'RO']));
    const known = new Set(REGIONAL_TAXONOMY.flatMap((g) => [g.code, ...g.codes.map(([c]) => c)]));
    for (const r of rows) for (const code of r.taxonomy_codes) expect([r.slug, known.has(code)]).toEqual([r.slug, true]);
    expect(rows.filter((r) => r.type === 'canned_answer' && r.audience === 'internal').length).toBeGreaterThanOrEqual(2);
  });

  it('publish the Greek NRM article (flagged for review) with a Greek and an English translation', async () => {
    const el = await readPublishedArticle(t.ctx, (await actorOf('operator.gr@victor.example')).principal, 'gr-national-referral-mechanism', 'el');
    expect(el).toMatchObject({ lang: 'el', fallback: false, type: 'national_mechanism', audience: 'professionals', countryCode: 'GR', needsReview: true, availableLangs: ['en', 'el'] });
    expect(el.title).toContain('Εθνικός Μηχανισμός Παραπομπής');
    const [published] = await queryRows<{ n: number }>(t.ctx.database.db, sql`SELECT count(*)::int AS n FROM kb_published WHERE slug = 'gr-national-referral-mechanism'`);
    expect(published!.n).toBe(2);
  });

  it('publish the Serbian NRM article in Latin script', async () => {
    const sr = await readPublishedArticle(t.ctx, (await actorOf('operator.gr@victor.example')).principal, 'rs-nacionalni-mehanizam-upucivanja', 'sr');
    expect(sr.title).toContain('Nacionalni mehanizam upućivanja');
    expect(`${sr.title} ${sr.bodyHtml}`).toContain('trgovine ljudima');
    expect(sr.bodyHtml).not.toMatch(/[\u0400-\u04ff]/);
    const [row] = await queryRows<{ body_md: string }>(t.ctx.database.db, sql`SELECT body_md FROM kb_translations t JOIN kb_articles a ON a.id = t.article_id WHERE a.slug = 'rs-nacionalni-mehanizam-upucivanja' AND t.lang = 'sr'`);
    expect(row!.body_md).toContain('trgovine ljudima');
  });

  it('publish the public regional article in five languages; the others fall back to English visibly', async () => {
    const pub = await readPublishedArticle(t.ctx, null, 'what-is-child-trafficking', 'ro');
    expect(pub).toMatchObject({ lang: 'ro', fallback: false, availableLangs: ['en', 'el', 'bg', 'ro', 'sr'] });
    expect(await readPublishedArticle(t.ctx, null, 'what-is-child-trafficking', 'hu')).toMatchObject({ lang: 'en', requestedLang: 'hu', fallback: true });
    // Internal canned answers are not public.
    await expect(readPublishedArticle(t.ctx, null, 'canned-chat-first-reply', 'en')).rejects.toMatchObject({ code: 'ARTICLE_NOT_FOUND' });
  });

  it('leave a Slovenian translation in review that the regional coordinator may publish (four eyes)', async () => {
    const regional = await actorOf('regional@victor.example');
    const [row] = await queryRows<{ id: string }>(t.ctx.database.db, sql`SELECT id FROM kb_articles WHERE slug = 'signs-of-child-trafficking'`);
    const view = await getArticle(t.ctx, regional, row!.id);
    const sl = view.translations.find((x) => x.lang === 'sl')!;
    expect(sl).toMatchObject({ status: 'in_review' });
    expect(sl.actions).toContain('publish');
    expect(await readPublishedArticle(t.ctx, null, 'signs-of-child-trafficking', 'sl')).toMatchObject({ lang: 'en', fallback: true });
    await applyTranslationAction(t.ctx, regional, row!.id, 'sl', { action: 'publish', version: sl.version });
    expect(await readPublishedArticle(t.ctx, null, 'signs-of-child-trafficking', 'sl')).toMatchObject({ lang: 'sl', fallback: false });
  });

  it('were written by one demo user and published by another', async () => {
    const rows = await queryRows<{ n: number }>(t.ctx.database.db, sql`SELECT count(*)::int AS n FROM kb_published p JOIN kb_revisions r USING (article_id, lang, revision) WHERE p.published_by IS NULL OR p.published_by = r.author_id`);
    expect(rows[0]!.n).toBe(0);
  });
});
