/**
 * The knowledge search section of docs/performance.md, and splicing it into an existing file (the
 * standalone knowledge bench updates its own section and keeps the others).
 */
import type { KnowledgeSearchRun } from './knowledge-search';
import { spliceSection } from './report-sections';

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const yes = (ok: boolean) => (ok ? 'yes' : '**no**');

/** The heading the section starts with (also how the splice finds it). */
export const KNOWLEDGE_HEADING = '## Knowledge search';

/** The Markdown lines of the knowledge search section (empty when nothing was measured). */
export function knowledgeSection(hardware: string, runs: readonly KnowledgeSearchRun[], note?: string): string[] {
  if (!runs.length) return [];
  const first = runs[0]!;
  const lines = [
    `${KNOWLEDGE_HEADING} (${first.data.articles.toLocaleString('en')} articles × 9 languages, ${first.directoryEntries.toLocaleString('en')} directory entries)`,
    '',
    `- **Hardware:** ${hardware}${note ? `; ${note}` : ''}`,
    `- **Data:** \`bench/knowledge-data.ts\`: ${first.data.translations.toLocaleString('en')} published translations of generated text (150–600 word`,
    '  bodies from each language\'s vocabulary: function words, trafficking and child-protection terms, invented long-tail words;',
    '  half the Serbian ones in Cyrillic), varied types, audiences, countries and taxonomy codes; directory entries from',
    '  `bench/knowledge-directory-data.ts`. The lexicon (typo tolerance) holds every folded word.',
    '- **Queries:** `bench/knowledge-queries.ts`, one at a time through the search service (what `GET /api/knowledge/search`',
    '  and the public search run: typo lookup, tsquery, ranked articles with snippets, directory), as an operator (every',
    '  audience) or the public; one warm-up round, then every query once per round. **Target:** p95 ≤ 50 ms.',
    '- **How it stays fast** (`src/db/repos/knowledge-search.repo.ts`): the search runs with `enable_seqscan` off in its',
    '  transaction (the planner prices `tsv @@ query` as cheap and would read every tsvector for a frequent word); at most',
    '  600 matches are read, plus up to 100 whose folded title holds every query word (trigram index), and pre-ranked',
    '  on inline columns (query words in the title, preferred language); only the best 50 have their tsvector read for',
    '  `ts_rank_cd`; snippets are made for the returned page only; typo corrections are searched as whole words (not',
    '  prefixes). The search GIN indexes are created with `fastupdate = off` (migration 0004), so new entries never wait',
    '  in a pending list the planner would avoid (PGlite has no autovacuum).',
    '',
    '| database | load s (articles + indexes) | kb_published MB (+ indexes) | lexicon words | queries | p50 ms | p95 ms | p99 ms | max ms | p95 ≤ 50 ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
    ...runs.map(
      (r) =>
        `| ${r.database} | ${r.data.insertSeconds.toFixed(0)} + ${r.data.indexSeconds.toFixed(0)} | ${r.data.tableMb.toFixed(0)} (+ ${r.data.indexesMb.toFixed(0)}) | ${r.data.lexiconWords.toLocaleString('en')} | ${r.overall.requests} | ${ms(r.overall.p50)} | ${ms(r.overall.p95)} | ${ms(r.overall.p99)} | ${ms(r.overall.max)} | ${yes(r.overall.p95 <= 50)} |`,
    ),
    '',
    'By kind of query (p50 / p95 ms):',
    '',
    `| kind | ${runs.map((r) => r.database).join(' | ')} |`,
    `| --- | ${runs.map(() => '---:').join(' | ')} |`,
    ...first.categories.map((c) => `| ${c.category} | ${runs.map((r) => {
      const x = r.categories.find((y) => y.category === c.category);
      return x ? `${ms(x.p50)} / ${ms(x.p95)}` : '—';
    }).join(' | ')} |`),
    '',
    'Every query (p50 / p95 ms; hits of the first answer: articles + directory entries, capped at the page size of 10):',
    '',
    `| query | reader | hits | ${runs.map((r) => r.database).join(' | ')} |`,
    `| --- | --- | ---: | ${runs.map(() => '---:').join(' | ')} |`,
    ...first.queries.map((q, i) => `| ${q.name.replaceAll('|', '\\|')} | ${q.reader} | ${q.articles} + ${q.directory}${q.corrections ? ` (${q.corrections} corrected)` : ''} | ${runs.map((r) => {
      const x = r.queries[i];
      return x ? `${ms(x.p50)} / ${ms(x.p95)}` : '—';
    }).join(' | ')} |`),
    '',
    'Other reads at the same scale, through their services (p50 / p95 ms over 20 calls; the public pages add HTML rendering',
    'and are cached by browsers for 5 minutes). The public home also lists every public helpline: the generated directory',
    'has 597 of them, where a real one has two or three per country:',
    '',
    `| read | ${runs.map((r) => r.database).join(' | ')} |`,
    `| --- | ${runs.map(() => '---:').join(' | ')} |`,
    ...(first.pages ?? []).map((p, i) => `| ${p.name} | ${runs.map((r) => {
      const x = r.pages?.[i];
      return x ? `${ms(x.p50)} / ${ms(x.p95)}` : '—';
    }).join(' | ')} |`),
    '',
  ];
  return lines;
}

/**
 * Replace the knowledge section of an existing performance.md (or insert it before "## Data set", else at
 * the end) with new lines.
 */
export function spliceKnowledgeSection(markdown: string, section: readonly string[]): string {
  return spliceSection(markdown, KNOWLEDGE_HEADING, section);
}
