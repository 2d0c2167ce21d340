import type { z } from 'zod';
import type {
  articleActionSchema,
  articleCreateSchema,
  articleListItemSchema,
  articleListQuerySchema,
  ArticleRead,
  articleUpdateSchema,
  ArticleView,
  BrowseItem,
  diffViewSchema,
  directoryInputSchema,
  DirectoryEntryView,
  directoryListQuerySchema,
  directoryUpdateSchema,
  importInputSchema,
  importResultSchema,
  instrumentInputSchema,
  instrumentStatusInputSchema,
  instrumentStatusViewSchema,
  instrumentUpdateSchema,
  InstrumentView,
  KbBundle,
  reviewQueueItemSchema,
  revisionSummarySchema,
  revisionViewSchema,
  SearchResult,
  translationInputSchema,
  TranslationView,
} from '../../../api/knowledge.schemas';
import type { KbLanguage } from '../../../domain/knowledge/knowledge-fields';
import { apiDelete, apiGet, apiPatch, apiPost, apiRequest, queryString } from '../../api/client';
import type { Ok } from '../../api/types';

export type { ArticleRead, ArticleView, BrowseItem, DirectoryEntryView, InstrumentView, KbBundle, KbLanguage, SearchResult, TranslationView };
export type { ArticleHit, DiffSegment, DirectoryHit, HighlightSegment } from '../../../api/knowledge.schemas';
export type ArticleListItem = z.infer<typeof articleListItemSchema>;
/** Filters of GET /api/knowledge/articles (empty values are left out). */
export type ArticleListQuery = Partial<Record<Exclude<keyof z.input<typeof articleListQuerySchema>, 'limit' | 'offset'>, string | null>> & { limit?: number; offset?: number };
export type ArticleCreateInput = z.input<typeof articleCreateSchema>;
export type ArticleUpdateInput = z.input<typeof articleUpdateSchema>;
export type ArticleAction = z.infer<typeof articleActionSchema>['action'];
export type TranslationInput = z.input<typeof translationInputSchema>;
export type RevisionSummary = z.infer<typeof revisionSummarySchema>;
export type RevisionView = z.infer<typeof revisionViewSchema>;
export type DiffView = z.infer<typeof diffViewSchema>;
export type ReviewQueueItem = z.infer<typeof reviewQueueItemSchema>;
export type InstrumentInput = z.input<typeof instrumentInputSchema>;
export type InstrumentUpdate = z.input<typeof instrumentUpdateSchema>;
export type InstrumentStatusInput = z.input<typeof instrumentStatusInputSchema>;
export type InstrumentStatusView = z.infer<typeof instrumentStatusViewSchema>;
export type DirectoryInput = z.input<typeof directoryInputSchema>;
export type DirectoryUpdate = z.input<typeof directoryUpdateSchema>;
/** Filters of GET /api/knowledge/directory (empty values are left out). */
export type DirectoryListQuery = Partial<Record<Exclude<keyof z.input<typeof directoryListQuerySchema>, 'limit' | 'offset'>, string | null>> & { limit?: number; offset?: number };
export type ImportInput = z.input<typeof importInputSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;

/** The workflow actions in the order the editor shows them. */
export const ARTICLE_ACTION_ORDER: readonly ArticleAction[] = ['submit', 'withdraw', 'reject', 'publish', 'archive', 'restore'];

const BASE = '/api/knowledge';

/** Search filters of the library page. */
export interface SearchParams {
  q: string;
  langs?: readonly KbLanguage[];
  lang?: KbLanguage;
  type?: string | null;
  audience?: string | null;
  country?: string | null;
  limit?: number;
}

/** Paths of the knowledge base API (also used with useApiQuery). */
export const kbPaths = {
  search: (p: SearchParams) =>
    `${BASE}/search${queryString({ q: p.q, langs: p.langs?.join(','), lang: p.lang, type: p.type, audience: p.audience, country: p.country, limit: p.limit })}`,
  browse: (p: { lang: string; type?: string | null; audience?: string | null; country?: string | null }) =>
    `${BASE}/browse${queryString({ lang: p.lang, type: p.type, audience: p.audience, country: p.country })}`,
  read: (slug: string, lang: string) => `${BASE}/read/${encodeURIComponent(slug)}${queryString({ lang })}`,
  articles: (q: ArticleListQuery = {}) => `${BASE}/articles${queryString({ ...q })}`,
  article: (id: string) => `${BASE}/articles/${id}`,
  translation: (id: string, lang: string) => `${BASE}/articles/${id}/translations/${lang}`,
  revisions: (id: string, lang: string) => `${BASE}/articles/${id}/translations/${lang}/revisions`,
  revision: (id: string, lang: string, revision: number) => `${BASE}/articles/${id}/translations/${lang}/revisions/${revision}`,
  diff: (id: string, lang: string, from: number, to: number) => `${BASE}/articles/${id}/translations/${lang}/diff${queryString({ from, to })}`,
  markdown: (id: string, lang: string) => `${BASE}/articles/${id}/translations/${lang}/markdown`,
  reviewQueue: () => `${BASE}/review-queue`,
  exportBundle: (source: 'published' | 'working' = 'published') => `${BASE}/export${queryString({ source })}`,
  legal: (q: { kind?: string | null; country?: string | null; needsReview?: string | null } = {}) => `${BASE}/legal${queryString({ ...q })}`,
  instrument: (id: string) => `${BASE}/legal/${id}`,
  instrumentStatus: (id: string, country: string) => `${BASE}/legal/${id}/status/${country}`,
  directory: (q: DirectoryListQuery = {}) => `${BASE}/directory${queryString({ ...q })}`,
  directoryEntry: (id: string) => `${BASE}/directory/${id}`,
};

/** Typed calls of the knowledge base pages. */
export const kbApi = {
  search: (p: SearchParams) => apiGet<SearchResult>(kbPaths.search(p)),
  createArticle: (body: ArticleCreateInput) => apiPost<ArticleView>(`${BASE}/articles`, body),
  updateArticle: (id: string, body: ArticleUpdateInput) => apiPatch<ArticleView>(kbPaths.article(id), body),
  saveTranslation: (id: string, lang: string, body: TranslationInput) => apiRequest<ArticleView>('PUT', kbPaths.translation(id, lang), body),
  act: (id: string, lang: string, action: ArticleAction, version: number, comment?: string) =>
    apiPost<ArticleView>(`${kbPaths.translation(id, lang)}/actions`, comment ? { action, version, comment } : { action, version }),
  revisions: (id: string, lang: string) => apiGet<{ items: RevisionSummary[] }>(kbPaths.revisions(id, lang)),
  diff: (id: string, lang: string, from: number, to: number) => apiGet<DiffView>(kbPaths.diff(id, lang, from, to)),
  preview: (bodyMd: string) => apiPost<{ bodyHtml: string }>(`${BASE}/preview`, { bodyMd }),
  importArticles: (body: ImportInput) => apiPost<ImportResult>(`${BASE}/import`, body),
  exportBundle: (source: 'published' | 'working') => apiGet<KbBundle>(kbPaths.exportBundle(source)),
  createInstrument: (body: InstrumentInput) => apiPost<InstrumentView>(`${BASE}/legal`, body),
  updateInstrument: (id: string, body: InstrumentUpdate) => apiPatch<InstrumentView>(kbPaths.instrument(id), body),
  setInstrumentStatus: (id: string, country: string, body: InstrumentStatusInput) => apiRequest<InstrumentView>('PUT', kbPaths.instrumentStatus(id, country), body),
  confirmInstrument: (id: string) => apiPost<InstrumentView>(`${kbPaths.instrument(id)}/confirm`),
  createDirectoryEntry: (body: DirectoryInput) => apiPost<DirectoryEntryView>(`${BASE}/directory`, body),
  updateDirectoryEntry: (id: string, body: DirectoryUpdate) => apiPatch<DirectoryEntryView>(kbPaths.directoryEntry(id), body),
  verifyDirectoryEntry: (id: string) => apiPost<DirectoryEntryView>(`${kbPaths.directoryEntry(id)}/verify`),
  archiveDirectoryEntry: (id: string) => apiDelete<Ok>(kbPaths.directoryEntry(id)),
};

/** Offer `text` as a file download named `name`. */
export function downloadText(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
