import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { KbLanguage } from '../../domain/knowledge/knowledge-fields';
import type { ServiceContext } from '../../services/context';
import { searchKnowledge } from '../../services/knowledge-search.service';
import { listPublicHelplines } from '../../services/directory.service';
import * as publicService from '../../services/public-knowledge.service';
import { isKbLanguage, pickLanguage } from '../public/language-negotiation';
import { PUBLIC_CSS, PUBLIC_CSS_VERSION } from '../public/public-assets';
import { renderArticlePage, renderSearchPage, renderSitemap } from '../public/public-article-page';
import { renderHelplinesPage, renderHomePage, renderNotFoundPage, type PageContext } from '../public/public-pages';

/** Pages change when something is published: a short shared cache. */
const PAGE_CACHE = 'public, max-age=300';
const SEARCH_RESULTS = 20;

const langParams = z.object({ lang: z.string().max(20) });
const articleParams = z.object({ lang: z.string().max(20), slug: z.string().max(200) });
// Lenient on purpose: a public page ignores unknown parameters (e.g. campaign tags) instead of failing.
const countryQuery = z.object({ country: z.string().max(10).optional() });
const searchQuery = z.object({ q: z.string().max(1000).optional(), country: z.string().max(10).optional() });
const cssQuery = z.object({ v: z.string().max(40).optional() });

/** A country code from the query, or null when absent or malformed. */
function countryOf(raw: string | undefined): string | null {
  const code = raw?.trim().toUpperCase() ?? '';
  return /^[A-Z]{2}$/.test(code) ? code : null;
}

/** Server-rendered public knowledge pages (/kb/…): no sign-in, no JavaScript, indexable. */
export async function registerPublicKnowledgeRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const hide = { hide: true };
  const configuredOrigin = ctx.config.PUBLIC_URL?.replace(/\/+$/, '');
  const pageContext = (request: FastifyRequest, lang: KbLanguage): PageContext => ({ lang, origin: configuredOrigin ?? `${request.protocol}://${request.host}` });

  /** Send HTML with a short cache and an ETag (304 when the client has it). */
  const sendHtml = (request: FastifyRequest, reply: FastifyReply, body: string, status = 200) => {
    const etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`;
    void reply.header('cache-control', status === 200 ? PAGE_CACHE : 'no-cache').header('vary', 'accept-encoding');
    if (status === 200) {
      void reply.header('etag', etag);
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    }
    return reply.code(status).type('text/html; charset=utf-8').send(body);
  };
  const notFound = (request: FastifyRequest, reply: FastifyReply, lang?: KbLanguage) =>
    sendHtml(request, reply, renderNotFoundPage(pageContext(request, lang ?? pickLanguage(request.headers['accept-language']))), 404);

  r.get('/kb', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    const lang = pickLanguage(request.headers['accept-language']);
    return reply.header('vary', 'accept-language').header('cache-control', 'no-cache').redirect(`/kb/${lang}`, 302);
  });

  r.get('/kb/assets/kb.css', { config: { access: 'public' }, schema: { ...hide, querystring: cssQuery } }, async (request, reply) => {
    const current = request.query.v === PUBLIC_CSS_VERSION;
    return reply
      .header('cache-control', current ? 'public, max-age=31536000, immutable' : 'public, max-age=300')
      .type('text/css; charset=utf-8')
      .send(PUBLIC_CSS);
  });

  r.get('/kb/sitemap.xml', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    const articles = await publicService.listSitemapArticles(ctx);
    const origin = pageContext(request, 'en').origin;
    return reply.header('cache-control', PAGE_CACHE).type('application/xml; charset=utf-8').send(renderSitemap(origin, articles));
  });

  r.get('/kb/:lang', { config: { access: 'public' }, schema: { ...hide, params: langParams, querystring: countryQuery } }, async (request, reply) => {
    const { lang } = request.params;
    if (!isKbLanguage(lang)) return notFound(request, reply);
    const country = countryOf(request.query.country);
    const home = await publicService.getPublicHome(ctx, lang, country);
    return sendHtml(request, reply, renderHomePage(pageContext(request, lang), { ...home, country }));
  });

  r.get('/kb/:lang/helplines', { config: { access: 'public' }, schema: { ...hide, params: langParams, querystring: countryQuery } }, async (request, reply) => {
    const { lang } = request.params;
    if (!isKbLanguage(lang)) return notFound(request, reply);
    const country = countryOf(request.query.country);
    const helplines = await listPublicHelplines(ctx, country ?? undefined);
    const countries = await publicService.listPublicCountryCodes(ctx);
    return sendHtml(request, reply, renderHelplinesPage(pageContext(request, lang), { helplines, countries, country }));
  });

  r.get('/kb/:lang/search', { config: { access: 'public' }, schema: { ...hide, params: langParams, querystring: searchQuery } }, async (request, reply) => {
    const { lang } = request.params;
    if (!isKbLanguage(lang)) return notFound(request, reply);
    const q = (request.query.q ?? '').trim().slice(0, 200);
    const country = countryOf(request.query.country);
    const countries = await publicService.listPublicCountryCodes(ctx);
    const result = q
      ? await searchKnowledge(ctx, null, { q, lang, country: country ?? undefined, audience: 'public', include: 'articles', limit: SEARCH_RESULTS })
      : null;
    return sendHtml(request, reply, renderSearchPage(pageContext(request, lang), { q, country, countries, result }));
  });

  r.get('/kb/:lang/a/:slug', { config: { access: 'public' }, schema: { ...hide, params: articleParams } }, async (request, reply) => {
    const { lang, slug } = request.params;
    if (!isKbLanguage(lang)) return notFound(request, reply);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) return notFound(request, reply, lang);
    const article = await publicService.getPublicArticle(ctx, slug, lang);
    if (!article) return notFound(request, reply, lang);
    return sendHtml(request, reply, renderArticlePage(pageContext(request, lang), article));
  });

  // Anything else under /kb is a "not found" page, not the web app.
  r.get('/kb/*', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    const first = request.url.split('/')[2] ?? '';
    return notFound(request, reply, isKbLanguage(first) ? first : undefined);
  });
}
