/**
 * Reading a translator's Markdown document (YAML front matter + body) into an import item. A missing or
 * malformed front matter is IMPORT_INVALID, with the fields at fault.
 */
import { z } from 'zod';
import { countryCodeSchema } from '../api/common.schemas';
import { kbLanguageSchema } from '../api/knowledge.schemas';
import { splitMarkdownDocument } from '../domain/knowledge/article-front-matter';
import { ARTICLE_TYPES, AUDIENCES, type ArticleType, type Audience, type KbLanguage } from '../domain/knowledge/knowledge-fields';
import { AppError } from '../domain/errors';

/** One article to import: its slug, metadata (needed for a new article) and translations. */
export interface ImportItem {
  slug: string;
  meta: { type: ArticleType; audience: Audience; countryCode: string | null; tags: string[]; taxonomyCodes: string[] } | null;
  translations: { lang: KbLanguage; title: string; summary: string; bodyMd: string }[];
}

const frontMatterSchema = z
  .object({
    slug: z.string().trim().min(2).max(120).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens'),
    lang: kbLanguageSchema,
    title: z.string().trim().min(1).max(300),
    summary: z.string().trim().max(1000).nullish(),
    type: z.enum(ARTICLE_TYPES).optional(),
    audience: z.enum(AUDIENCES).optional(),
    country: z.union([countryCodeSchema, z.literal('regional')]).nullish(),
    tags: z.array(z.string().trim().min(1).max(60)).max(30).nullish(),
    taxonomyCodes: z.array(z.string().regex(/^[A-Z0-9]+(\.[A-Z0-9_]+)*$/).max(80)).max(50).nullish(),
    /** The revision the document was exported from (informative). */
    revision: z.number().int().min(1).optional(),
  })
  .strict();

/** Parse one Markdown translation into an import item; IMPORT_INVALID when its front matter is not valid. */
export function parseMarkdownImport(text: string): ImportItem {
  const doc = splitMarkdownDocument(text);
  if (!doc.ok) throw new AppError('IMPORT_INVALID', `The Markdown file cannot be imported: ${doc.problem}.`);
  const parsed = frontMatterSchema.safeParse(doc.frontMatter);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.') || 'frontMatter', message: i.message }));
    throw new AppError('IMPORT_INVALID', `The front matter is not valid: ${issues.map((i) => i.path).join(', ')}.`, { issues });
  }
  if (doc.body.length > 200_000) throw new AppError('IMPORT_INVALID', 'The article body is too long (200,000 characters at most).');
  const f = parsed.data;
  const meta = f.type && f.audience && f.country !== undefined
    ? { type: f.type, audience: f.audience, countryCode: f.country === 'regional' ? null : (f.country ?? null), tags: f.tags ?? [], taxonomyCodes: f.taxonomyCodes ?? [] }
    : null;
  return { slug: f.slug, meta, translations: [{ lang: f.lang, title: f.title, summary: f.summary ?? '', bodyMd: doc.body }] };
}
