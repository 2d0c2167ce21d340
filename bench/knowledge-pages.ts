/**
 * The knowledge base's other reads at benchmark scale: the public home and article pages, the library's
 * browse list and the console's suggestions, each timed through its service (what the route runs, minus
 * HTML rendering and HTTP).
 */
import { sql } from 'drizzle-orm';
import { browseQuerySchema, suggestionQuerySchema } from '../src/api/knowledge.schemas';
import { queryRows } from '../src/db/database';
import type { Principal } from '../src/domain/access/scope';
import type { ServiceContext } from '../src/services/context';
import { browsePublishedArticles } from '../src/services/knowledge-article.service';
import { suggestArticles } from '../src/services/knowledge-search.service';
import { getPublicArticle, getPublicHome } from '../src/services/public-knowledge.service';
import { latencyStats, type LatencyStats } from './knowledge-search';

/** One timed read. */
export interface PageStats extends LatencyStats {
  name: string;
}

/** Time each read `rounds` times after one warm-up. */
export async function measureKnowledgePages(ctx: ServiceContext, operator: Principal, rounds: number): Promise<PageStats[]> {
  const [article] = await queryRows<{ slug: string }>(ctx.database.db, sql`SELECT slug FROM kb_published WHERE audience = 'public' ORDER BY slug LIMIT 1`);
  const slug = article?.slug ?? 'none';
  const actor = { principal: operator, requestId: null };
  const reads: [string, () => Promise<unknown>][] = [
    ['public home, all countries (el)', () => getPublicHome(ctx, 'el', null)],
    ['public home, one country (ro, RO)', () => getPublicHome(ctx, 'ro', 'RO')],
    ['public article (sl)', () => getPublicArticle(ctx, slug, 'sl')],
    ['library browse (operator, el)', () => browsePublishedArticles(ctx, operator, browseQuerySchema.parse({ lang: 'el' }))],
    ['console suggestions (THB codes, el, GR)', () => suggestArticles(ctx, actor, suggestionQuerySchema.parse({ codes: 'THB.SEXUAL,THB.LABOUR', lang: 'el', country: 'GR' }))],
  ];
  const out: PageStats[] = [];
  for (const [name, read] of reads) {
    const lat: number[] = [];
    for (let round = 0; round <= rounds; round += 1) {
      const started = performance.now();
      await read();
      if (round > 0) lat.push(performance.now() - started);
    }
    out.push({ name, ...latencyStats(lat) });
  }
  return out;
}
