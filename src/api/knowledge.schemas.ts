/**
 * Knowledge base API: articles and their translations (editorial workflow, revisions, diffs), search across
 * articles and the directory, the legal instruments register, the directory of helplines and NRM actors,
 * and Markdown/JSON import-export for translators.
 */
import { z } from 'zod';
import {
  ARTICLE_TYPES,
  AUDIENCES,
  DIRECTORY_KINDS,
  INSTRUMENT_KINDS,
  INSTRUMENT_STATUSES,
  KB_LANGUAGES,
  NRM_STAGES,
  TRANSLATION_STATUSES,
} from '../domain/knowledge/knowledge-fields';
import { countryCodeSchema, optionalWithoutDefaults } from './common.schemas';

export const kbLanguageSchema = z.enum(KB_LANGUAGES);
const slugSchema = z.string().trim().min(2).max(120).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens');
const taxonomyCodeRef = z.string().regex(/^[A-Z0-9]+(\.[A-Z0-9_]+)*$/).max(80);
const tagSchema = z.string().trim().min(1).max(60);
const isoDate = z.iso.date();
/** Links must be web links: no javascript:, data: or other schemes. */
export const webUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => /^https?:\/\/[^\s]+$/i.test(u) && URL.canParse(u), { message: 'an http(s) address' });
const perLanguageText = (max: number) => z.partialRecord(kbLanguageSchema, z.string().trim().max(max));

/** One diff segment (word level). */
export const diffSegmentSchema = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });
export type DiffSegment = z.infer<typeof diffSegmentSchema>;
/** A snippet: text pieces, `hit` marks a matched word (rendered as <mark> by the client; never HTML). */
export const highlightSegmentSchema = z.object({ text: z.string(), hit: z.boolean() });
export type HighlightSegment = z.infer<typeof highlightSegmentSchema>;

// --- Articles ---------------------------------------------------------------------------------------------

export const translationInputSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    summary: z.string().trim().max(1000).default(''),
    bodyMd: z.string().max(200_000).default(''),
    /** A note for the history ("fixed the NRM contact"). */
    note: z.string().trim().max(500).optional(),
    /** Optimistic concurrency: the translation's version when it was loaded; omit to create. */
    version: z.number().int().min(1).optional(),
  })
  .strict();
export type TranslationInput = z.infer<typeof translationInputSchema>;

export const articleMetaInputSchema = z
  .object({
    type: z.enum(ARTICLE_TYPES),
    audience: z.enum(AUDIENCES),
    countryCode: countryCodeSchema.nullable(),
    tags: z.array(tagSchema).max(30).default([]),
    taxonomyCodes: z.array(taxonomyCodeRef).max(50).default([]),
    legalInstrumentId: z.uuid().nullable().default(null),
    reviewDueOn: isoDate.nullable().default(null),
    needsReview: z.boolean().default(false),
    reviewNote: z.string().trim().max(1000).nullable().default(null),
  })
  .strict();

export const articleCreateSchema = articleMetaInputSchema
  .extend({
    slug: slugSchema.optional(),
    /** Owning organisation; defaults to the author's. */
    organisationId: z.uuid().optional(),
    lang: kbLanguageSchema,
    translation: translationInputSchema.omit({ version: true }),
  })
  .strict();
export type ArticleCreateInput = z.infer<typeof articleCreateSchema>;

/** Only the fields sent change (no defaults: `.partial()` would apply them and reset unsent fields). */
export const articleUpdateSchema = z.object(optionalWithoutDefaults(articleMetaInputSchema.shape)).extend({ slug: slugSchema.optional(), version: z.number().int().min(1) }).strict();
export type ArticleUpdateInput = z.infer<typeof articleUpdateSchema>;

export const ARTICLE_ACTIONS = ['submit', 'withdraw', 'reject', 'publish', 'archive', 'restore'] as const;
export const articleActionSchema = z
  .object({ action: z.enum(ARTICLE_ACTIONS), comment: z.string().trim().max(2000).optional(), version: z.number().int().min(1) })
  .strict();

export const translationViewSchema = z.object({
  lang: kbLanguageSchema,
  status: z.enum(TRANSLATION_STATUSES),
  title: z.string(),
  summary: z.string(),
  bodyMd: z.string(),
  bodyHtml: z.string(),
  revision: z.number().int(),
  publishedRevision: z.number().int().nullable(),
  /** True when the working copy differs from the published revision. */
  hasUnpublishedChanges: z.boolean(),
  reviewComment: z.string().nullable(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
  /** Workflow actions this user may take now. */
  actions: z.array(z.enum(ARTICLE_ACTIONS)),
});
export type TranslationView = z.infer<typeof translationViewSchema>;

export const articleViewSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  type: z.enum(ARTICLE_TYPES),
  audience: z.enum(AUDIENCES),
  countryCode: z.string().nullable(),
  organisationId: z.uuid(),
  tags: z.array(z.string()),
  taxonomyCodes: z.array(z.string()),
  legalInstrumentId: z.uuid().nullable(),
  reviewDueOn: z.string().nullable(),
  needsReview: z.boolean(),
  reviewNote: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  canEdit: z.boolean(),
  canReview: z.boolean(),
  translations: z.array(translationViewSchema),
});
export type ArticleView = z.infer<typeof articleViewSchema>;

export const articleListQuerySchema = z
  .object({
    status: z.enum(TRANSLATION_STATUSES).optional(),
    type: z.enum(ARTICLE_TYPES).optional(),
    audience: z.enum(AUDIENCES).optional(),
    /** A country, or `regional` for articles without one. */
    country: z.union([countryCodeSchema, z.literal('regional')]).optional(),
    lang: kbLanguageSchema.optional(),
    /** Words of the slug or a title (editor list; use /search for full text). */
    q: z.string().trim().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();

export const articleListItemSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  type: z.enum(ARTICLE_TYPES),
  audience: z.enum(AUDIENCES),
  countryCode: z.string().nullable(),
  tags: z.array(z.string()),
  reviewDueOn: z.string().nullable(),
  needsReview: z.boolean(),
  updatedAt: z.string(),
  translations: z.array(z.object({ lang: kbLanguageSchema, status: z.enum(TRANSLATION_STATUSES), title: z.string(), published: z.boolean() })),
});
export const articleListSchema = z.object({ items: z.array(articleListItemSchema), total: z.number().int() });

/** A published article as a reader sees it, in the requested language or (visibly) in English. */
export const articleReadSchema = z.object({
  articleId: z.uuid(),
  slug: z.string(),
  type: z.enum(ARTICLE_TYPES),
  audience: z.enum(AUDIENCES),
  countryCode: z.string().nullable(),
  tags: z.array(z.string()),
  taxonomyCodes: z.array(z.string()),
  lang: kbLanguageSchema,
  requestedLang: kbLanguageSchema,
  /** True when the requested language has no published translation and another is shown. */
  fallback: z.boolean(),
  title: z.string(),
  summary: z.string(),
  bodyHtml: z.string(),
  revision: z.number().int(),
  publishedAt: z.string(),
  availableLangs: z.array(kbLanguageSchema),
  needsReview: z.boolean(),
});
export type ArticleRead = z.infer<typeof articleReadSchema>;
/** GET /api/knowledge/browse: the published articles a reader may see, one per article in the best language. */
export const browseQuerySchema = z
  .object({
    lang: kbLanguageSchema.default('en'),
    type: z.enum(ARTICLE_TYPES).optional(),
    audience: z.enum(AUDIENCES).optional(),
    /** A country (its articles and the regional ones), or `regional` for regional articles only. */
    country: z.union([countryCodeSchema, z.literal('regional')]).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(300),
  })
  .strict();
/** One article of the library list: the read view without body, tags and codes. */
export const browseItemSchema = articleReadSchema.pick({
  articleId: true,
  slug: true,
  type: true,
  audience: true,
  countryCode: true,
  lang: true,
  fallback: true,
  title: true,
  summary: true,
  publishedAt: true,
});
export type BrowseItem = z.infer<typeof browseItemSchema>;
export const browseListSchema = z.object({ items: z.array(browseItemSchema) });

export const articleReadQuerySchema = z.object({ lang: kbLanguageSchema.default('en') }).strict();
export const slugParamsSchema = z.object({ slug: slugSchema }).strict();
export const translationParamsSchema = z.object({ id: z.uuid(), lang: kbLanguageSchema }).strict();
export const revisionParamsSchema = translationParamsSchema.extend({ revision: z.coerce.number().int().min(1) }).strict();

export const revisionSummarySchema = z.object({
  revision: z.number().int(),
  title: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  published: z.boolean(),
});
export const revisionListSchema = z.object({ items: z.array(revisionSummarySchema) });
export const revisionViewSchema = revisionSummarySchema.extend({ summary: z.string(), bodyMd: z.string(), bodyHtml: z.string() });

export const diffQuerySchema = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }).strict();
export const diffViewSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  title: z.array(diffSegmentSchema),
  summary: z.array(diffSegmentSchema),
  body: z.array(diffSegmentSchema),
});

export const previewInputSchema = z.object({ bodyMd: z.string().max(200_000) }).strict();
export const previewViewSchema = z.object({ bodyHtml: z.string() });

/** The country desk's list: translations awaiting review, articles due for review, flagged facts. */
export const reviewQueueItemSchema = z.object({
  articleId: z.uuid(),
  slug: z.string(),
  title: z.string(),
  lang: kbLanguageSchema.nullable(),
  countryCode: z.string().nullable(),
  reason: z.enum(['in_review', 'overdue', 'due_soon', 'flagged']),
  reviewDueOn: z.string().nullable(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** False when this user wrote the revision (four eyes: someone else must publish it). */
  canPublish: z.boolean(),
});
export const reviewQueueSchema = z.object({ items: z.array(reviewQueueItemSchema) });

/** Articles the operator console suggests for the categories being logged. */
export const suggestionQuerySchema = z
  .object({
    codes: z
      .string()
      .max(2000)
      .transform((s) => s.split(',').map((c) => c.trim()).filter(Boolean))
      .pipe(z.array(taxonomyCodeRef).max(50)),
    lang: kbLanguageSchema.default('en'),
    country: countryCodeSchema.optional(),
    limit: z.coerce.number().int().min(1).max(20).default(5),
  })
  .strict();

export const articleHitSchema = z.object({
  articleId: z.uuid(),
  slug: z.string(),
  lang: kbLanguageSchema,
  type: z.enum(ARTICLE_TYPES),
  audience: z.enum(AUDIENCES),
  countryCode: z.string().nullable(),
  title: z.string(),
  summary: z.string(),
  snippet: z.array(highlightSegmentSchema),
  /** Codes of the query that this article is linked to (suggestions). */
  matchedCodes: z.array(z.string()),
  fallback: z.boolean(),
  score: z.number(),
});
export type ArticleHit = z.infer<typeof articleHitSchema>;
export const suggestionListSchema = z.object({ items: z.array(articleHitSchema) });

// --- Search -----------------------------------------------------------------------------------------------

export const searchQuerySchema = z
  .object({
    q: z.string().trim().min(1).max(200),
    /** Languages to search (comma-separated); default: every language. */
    langs: z
      .string()
      .max(60)
      .transform((s) => s.split(',').map((c) => c.trim()).filter(Boolean))
      .pipe(z.array(kbLanguageSchema).max(9))
      .optional(),
    /** Prefer this language when the same article matches in several. */
    lang: kbLanguageSchema.optional(),
    type: z.enum(ARTICLE_TYPES).optional(),
    audience: z.enum(AUDIENCES).optional(),
    country: countryCodeSchema.optional(),
    include: z.enum(['all', 'articles', 'directory']).default('all'),
    limit: z.coerce.number().int().min(1).max(50).default(10),
  })
  .strict();
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const directoryHitSchema = z.object({
  id: z.uuid(),
  kind: z.enum(DIRECTORY_KINDS),
  countryCode: z.string(),
  name: z.string(),
  localName: z.string().nullable(),
  phones: z.array(z.object({ number: z.string(), label: z.string().optional(), free: z.boolean().optional() })),
  city: z.string().nullable(),
  nrmStages: z.array(z.enum(NRM_STAGES)),
  snippet: z.array(highlightSegmentSchema),
  score: z.number(),
});
export type DirectoryHit = z.infer<typeof directoryHitSchema>;

export const searchResultSchema = z.object({
  query: z.string(),
  /** Misspelt words and what they were also searched as. */
  corrections: z.array(z.object({ word: z.string(), replacements: z.array(z.string()) })),
  articles: z.array(articleHitSchema),
  directory: z.array(directoryHitSchema),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

// --- Legal instruments ------------------------------------------------------------------------------------

export const instrumentStatusInputSchema = z
  .object({
    status: z.enum(INSTRUMENT_STATUSES),
    signedOn: isoDate.nullable().default(null),
    ratifiedOn: isoDate.nullable().default(null),
    inForceOn: isoDate.nullable().default(null),
    note: z.string().trim().max(2000).nullable().default(null),
    sourceUrl: webUrlSchema.nullable().default(null),
    needsReview: z.boolean().default(false),
  })
  .strict();

export const instrumentStatusViewSchema = z.object({
  countryCode: z.string(),
  status: z.enum(INSTRUMENT_STATUSES),
  signedOn: z.string().nullable(),
  ratifiedOn: z.string().nullable(),
  inForceOn: z.string().nullable(),
  note: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  needsReview: z.boolean(),
  updatedAt: z.string(),
});

export const instrumentInputSchema = z
  .object({
    slug: slugSchema.optional(),
    kind: z.enum(INSTRUMENT_KINDS),
    countryCode: countryCodeSchema.nullable().default(null),
    title: z.string().trim().min(2).max(400),
    shortTitle: z.string().trim().max(120).nullable().default(null),
    reference: z.string().trim().max(200).nullable().default(null),
    year: z.number().int().min(1800).max(2200).nullable().default(null),
    adoptedOn: isoDate.nullable().default(null),
    inForceOn: isoDate.nullable().default(null),
    officialUrl: webUrlSchema.nullable().default(null),
    summaries: perLanguageText(4000).default({}),
    topics: z.array(tagSchema).max(20).default([]),
    needsReview: z.boolean().default(false),
    reviewNote: z.string().trim().max(1000).nullable().default(null),
  })
  .strict()
  .refine((i) => (i.kind === 'national') === (i.countryCode !== null), { message: 'national instruments need a country; the others have none', path: ['countryCode'] });

export const instrumentUpdateSchema = z
  .object({
    title: z.string().trim().min(2).max(400),
    shortTitle: z.string().trim().max(120).nullable(),
    reference: z.string().trim().max(200).nullable(),
    year: z.number().int().min(1800).max(2200).nullable(),
    adoptedOn: isoDate.nullable(),
    inForceOn: isoDate.nullable(),
    officialUrl: webUrlSchema.nullable(),
    summaries: perLanguageText(4000),
    topics: z.array(tagSchema).max(20),
    needsReview: z.boolean(),
    reviewNote: z.string().trim().max(1000).nullable(),
  })
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();

export const instrumentViewSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  kind: z.enum(INSTRUMENT_KINDS),
  countryCode: z.string().nullable(),
  title: z.string(),
  shortTitle: z.string().nullable(),
  reference: z.string().nullable(),
  year: z.number().int().nullable(),
  adoptedOn: z.string().nullable(),
  inForceOn: z.string().nullable(),
  officialUrl: z.string().nullable(),
  summaries: z.record(z.string(), z.string()),
  topics: z.array(z.string()),
  needsReview: z.boolean(),
  reviewNote: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
  statuses: z.array(instrumentStatusViewSchema),
  canEdit: z.boolean(),
});
export type InstrumentView = z.infer<typeof instrumentViewSchema>;
export const instrumentListQuerySchema = z
  .object({ kind: z.enum(INSTRUMENT_KINDS).optional(), country: countryCodeSchema.optional(), needsReview: z.enum(['true', 'false']).optional() })
  .strict();
export const instrumentListSchema = z.object({ items: z.array(instrumentViewSchema) });
export const instrumentStatusParamsSchema = z.object({ id: z.uuid(), country: countryCodeSchema }).strict();

// --- Directory --------------------------------------------------------------------------------------------

const phoneSchema = z
  .object({
    number: z.string().trim().min(3).max(40).regex(/^[+0-9 ()\-./]+$/, 'digits, spaces and + ( ) - . /'),
    label: z.string().trim().max(120).optional(),
    free: z.boolean().optional(),
  })
  .strict();

export const directoryInputSchema = z
  .object({
    kind: z.enum(DIRECTORY_KINDS),
    countryCode: countryCodeSchema,
    organisationId: z.uuid().nullable().default(null),
    name: z.string().trim().min(2).max(300),
    localName: z.string().trim().max(300).nullable().default(null),
    descriptions: perLanguageText(4000).default({}),
    phones: z.array(phoneSchema).max(10).default([]),
    email: z.email().max(200).nullable().default(null),
    website: webUrlSchema.nullable().default(null),
    city: z.string().trim().max(120).nullable().default(null),
    address: z.string().trim().max(300).nullable().default(null),
    hours: z.string().trim().max(300).nullable().default(null),
    aroundTheClock: z.boolean().default(false),
    languages: z.array(kbLanguageSchema.or(z.string().regex(/^[a-z]{2}$/))).max(20).default([]),
    operator: z.string().trim().max(300).nullable().default(null),
    nrmStages: z.array(z.enum(NRM_STAGES)).max(NRM_STAGES.length).default([]),
    audience: z.enum(AUDIENCES).default('professionals'),
    needsReview: z.boolean().default(true),
  })
  .strict();
export type DirectoryInput = z.infer<typeof directoryInputSchema>;
export const directoryUpdateSchema = z.object(optionalWithoutDefaults(directoryInputSchema.shape)).extend({ version: z.number().int().min(1) }).strict();

export const directoryEntryViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(DIRECTORY_KINDS),
  countryCode: z.string(),
  organisationId: z.string().nullable(),
  name: z.string(),
  localName: z.string().nullable(),
  descriptions: z.record(z.string(), z.string()),
  phones: z.array(z.object({ number: z.string(), label: z.string().optional(), free: z.boolean().optional() })),
  email: z.string().nullable(),
  website: z.string().nullable(),
  city: z.string().nullable(),
  address: z.string().nullable(),
  hours: z.string().nullable(),
  aroundTheClock: z.boolean(),
  languages: z.array(z.string()),
  operator: z.string().nullable(),
  nrmStages: z.array(z.enum(NRM_STAGES)),
  audience: z.enum(AUDIENCES),
  needsReview: z.boolean(),
  verifiedAt: z.string().nullable(),
  archivedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
  canEdit: z.boolean(),
});
export type DirectoryEntryView = z.infer<typeof directoryEntryViewSchema>;
export const directoryListQuerySchema = z
  .object({
    country: countryCodeSchema.optional(),
    kind: z.enum(DIRECTORY_KINDS).optional(),
    stage: z.enum(NRM_STAGES).optional(),
    helplinesOnly: z.enum(['true', 'false']).optional(),
    needsReview: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();
export const directoryListSchema = z.object({ items: z.array(directoryEntryViewSchema), total: z.number().int() });

// --- Import / export --------------------------------------------------------------------------------------

/** One article in a translator's bundle: metadata and any number of translations. */
export const bundleArticleSchema = z
  .object({
    slug: slugSchema,
    type: z.enum(ARTICLE_TYPES),
    audience: z.enum(AUDIENCES),
    countryCode: countryCodeSchema.nullable(),
    tags: z.array(tagSchema).max(30).default([]),
    taxonomyCodes: z.array(taxonomyCodeRef).max(50).default([]),
    translations: z
      .array(z.object({ lang: kbLanguageSchema, title: z.string().trim().min(1).max(300), summary: z.string().trim().max(1000).default(''), bodyMd: z.string().max(200_000).default('') }).strict())
      .min(1)
      .max(9),
  })
  .strict();
export const bundleSchema = z.object({ format: z.literal('victor-kb/1'), exportedAt: z.string().optional(), articles: z.array(bundleArticleSchema).max(2000) }).strict();
export type KbBundle = z.infer<typeof bundleSchema>;

export const exportQuerySchema = z
  .object({
    langs: z
      .string()
      .max(60)
      .transform((s) => s.split(',').map((c) => c.trim()).filter(Boolean))
      .pipe(z.array(kbLanguageSchema).max(9))
      .optional(),
    country: z.union([countryCodeSchema, z.literal('regional')]).optional(),
    type: z.enum(ARTICLE_TYPES).optional(),
    /** Published revisions (default) or the working copies. */
    source: z.enum(['published', 'working']).default('published'),
  })
  .strict();

export const importInputSchema = z.discriminatedUnion('format', [
  z.object({ format: z.literal('json'), bundle: bundleSchema }).strict(),
  /** One translation as Markdown with a YAML front matter (slug, lang, title, summary; type, audience, country for a new article). */
  z.object({ format: z.literal('markdown'), text: z.string().min(1).max(250_000) }).strict(),
]);
export const importResultSchema = z.object({
  results: z.array(
    z.object({
      slug: z.string(),
      lang: z.string().nullable(),
      outcome: z.enum(['created', 'updated', 'unchanged', 'failed']),
      message: z.string().nullable(),
    }),
  ),
});
