import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import type { KbLanguage } from '../../domain/knowledge/knowledge-fields';
import type { ServiceContext } from '../../services/context';
import { getAlertFeed, type FeedEntry } from '../../services/alert-public-feed.service';
import * as alertPublic from '../../services/alert-public.service';
import { renderAtomFeed } from '../public/alert-atom';
import { ALERT_CSS, ALERT_CSS_VERSION } from '../public/alert-assets';
import { getAlertLabels } from '../public/alert-labels';
import { alertListPath, alertPagePath, alertPhotoPath, countryFeedPath, FEED_PATH, languageFeedPath, renderAlertListPage, renderAlertPage } from '../public/alert-pages';
import { renderWidgetPage, WIDGET_JS } from '../public/alert-widget';
import { isKbLanguage, pickLanguage } from '../public/language-negotiation';
import { formatCountryName } from '../public/public-labels';
import { renderNotFoundPage, type PageContext } from '../public/public-pages';

/** Pages and the widget: short shared cache (a new alert shows within a minute). */
// Everything that may carry a child's data is revalidated on every use (a cheap 304 by ETag), so
// that no cache keeps showing the photo or the name once the alert has ended.
const PAGE_CACHE = 'public, no-cache';
const FEED_CACHE = 'public, no-cache';
const DOC_CACHE = 'public, no-cache';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._-]{2,80}$/;

const countryLangQuery = z.object({ country: z.string().max(10).optional(), lang: z.string().max(20).optional() });

const publicAlertJson = z.object({
  reference: z.string(),
  countryCode: z.string(),
  tier: z.enum(['child_abduction', 'endangered_missing']),
  headline: z.string().nullable(),
  description: z.string().nullable(),
  instruction: z.string().nullable(),
  textLanguage: z.string().nullable(),
  child: z.object({ name: z.string(), ageYears: z.number().int().nullable(), description: z.string() }).nullable(),
  lastSeen: z.object({ at: z.string(), place: z.string() }).nullable(),
  suspect: z.string().nullable(),
  vehicle: z.string().nullable(),
  areaDescription: z.string().nullable(),
  authority: z.string().nullable(),
  hotline: z.string(),
  issuedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  photoUrl: z.string().nullable(),
  pageUrl: z.string(),
  capUrl: z.string(),
});
const publicAlertListJson = z.object({ generatedAt: z.string(), alerts: z.array(publicAlertJson) });

/** A country code from the query, or null when absent or malformed. */
function countryOf(raw: string | undefined): string | null {
  const code = raw?.trim().toUpperCase() ?? '';
  return /^[A-Z]{2}$/.test(code) ? code : null;
}

/** Public alert surfaces: CAP documents, Atom feeds, alert pages, photos, embeddable widget, JSON. */
export async function registerAlertPublicRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const hide = { hide: true };
  const configuredOrigin = ctx.config.PUBLIC_URL?.replace(/\/+$/, '');
  const originOf = (request: FastifyRequest) => configuredOrigin ?? `${request.protocol}://${request.host}`;
  const pageContext = (request: FastifyRequest, lang: KbLanguage): PageContext => ({ lang, origin: originOf(request) });
  const langFrom = (request: FastifyRequest, raw: string | undefined): KbLanguage => (raw && isKbLanguage(raw) ? raw : pickLanguage(request.headers['accept-language']));

  /** Send a body with a strong ETag and a cache policy; 304 when the client has it. */
  const sendCached = (request: FastifyRequest, reply: FastifyReply, body: string | Buffer, type: string, cache: string, etag?: string, lastModified?: Date) => {
    const tag = etag ?? `W/"${createHash('sha1').update(body).digest('base64url')}"`;
    void reply.header('cache-control', cache).header('etag', tag).header('vary', 'accept-encoding');
    if (lastModified && lastModified.getTime() > 0) void reply.header('last-modified', lastModified.toUTCString());
    const inm = request.headers['if-none-match'];
    // Only the ETag decides 304: message times are whole seconds and may predate their commit, so
    // If-Modified-Since could hide a document published or redacted within the same second.
    if (inm && inm.split(',').some((t) => t.trim() === tag || t.trim() === '*')) return reply.code(304).send();
    return reply.type(type).send(body);
  };
  const notFound = (request: FastifyRequest, reply: FastifyReply, lang?: KbLanguage) =>
    reply
      .code(404)
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(renderNotFoundPage(pageContext(request, lang ?? pickLanguage(request.headers['accept-language']))));
  /** Resources embedded by partner sites (scripts, images, feeds) may be loaded cross-origin. */
  const crossOrigin = (reply: FastifyReply) => reply.header('cross-origin-resource-policy', 'cross-origin');

  // ── CAP documents ─────────────────────────────────────────────────────────────────────────
  r.get('/cap/:file', { config: { access: 'public' }, schema: { ...hide, params: z.object({ file: z.string().max(300) }) } }, async (request, reply) => {
    const identifier = request.params.file.replace(/\.xml$/, '');
    const doc = identifier ? await alertPublic.getPublicCapDocument(ctx, identifier) : null;
    if (!doc) throw new AppError('CAP_DOCUMENT_NOT_FOUND', 'No public CAP document has this identifier.');
    crossOrigin(reply).header('access-control-allow-origin', '*');
    return sendCached(request, reply, doc.xml, 'application/cap+xml; charset=utf-8', DOC_CACHE, doc.etag, doc.modified);
  });

  // ── Atom feeds ────────────────────────────────────────────────────────────────────────────
  const sendFeed = async (request: FastifyRequest, reply: FastifyReply, opts: { countryCode: string | null; lang: KbLanguage | null; selfPath: string }) => {
    const feed = await getAlertFeed(ctx, { countryCode: opts.countryCode, lang: opts.lang });
    const origin = originOf(request);
    const pageLang: KbLanguage = opts.lang ?? 'en';
    const a = getAlertLabels(pageLang);
    const title = opts.countryCode ? `${a.feedTitle} · ${formatCountryName(opts.countryCode, pageLang)}` : a.feedTitle;
    const stateLabel = (e: FeedEntry) => (e.state === 'active' ? a.statusActive : e.state === 'found' ? a.foundTitle : e.state === 'withdrawn' ? a.withdrawnTitle : a.endedTitle);
    const xml = renderAtomFeed({
      id: `${origin}${opts.selfPath}`,
      title,
      lang: pageLang,
      updated: feed.lastModified.getTime() > 0 ? feed.lastModified : new Date(0),
      selfHref: `${origin}${opts.selfPath}`,
      alternateHref: `${origin}${alertListPath(pageLang, opts.countryCode)}`,
      authorName: 'Victor',
      entries: feed.entries.map((e) => ({
        id: e.identifier,
        title: e.headline,
        updated: e.updated,
        published: e.sent,
        summary: e.summary,
        lang: e.lang,
        authorName: e.senderName ?? e.countryCode,
        links: [
          { rel: 'alternate', type: 'application/cap+xml', href: `${origin}${alertPublic.publicCapPath(e.identifier)}` },
          { rel: 'related', type: 'text/html', href: `${origin}${alertPagePath(pageLang, e.reference)}` },
        ],
        categories: [
          { term: e.tier, scheme: `${origin}/child-alerts/tiers`, label: e.tier === 'endangered_missing' ? a.tierEndangeredMissing : a.tierChildAbduction },
          { term: e.state, scheme: `${origin}/child-alerts/states`, label: stateLabel(e) },
          { term: e.countryCode, scheme: 'urn:iso:std:iso:3166:-1:alpha-2', label: formatCountryName(e.countryCode, pageLang) },
        ],
      })),
    });
    crossOrigin(reply).header('access-control-allow-origin', '*');
    return sendCached(request, reply, xml, 'application/atom+xml; charset=utf-8', FEED_CACHE, feed.etag, feed.lastModified);
  };

  r.get(FEED_PATH, { config: { access: 'public' }, schema: hide }, async (request, reply) => sendFeed(request, reply, { countryCode: null, lang: null, selfPath: FEED_PATH }));

  r.get('/feeds/child-alerts/:file', { config: { access: 'public' }, schema: { ...hide, params: z.object({ file: z.string().max(20) }) } }, async (request, reply) => {
    const m = /^([a-zA-Z]{2})\.atom$/.exec(request.params.file);
    if (!m) throw new AppError('NOT_FOUND', 'No such feed.');
    const country = m[1]!.toUpperCase();
    return sendFeed(request, reply, { countryCode: country, lang: null, selfPath: countryFeedPath(country) });
  });

  r.get('/feeds/child-alerts/lang/:file', { config: { access: 'public' }, schema: { ...hide, params: z.object({ file: z.string().max(20) }) } }, async (request, reply) => {
    const m = /^([a-z]{2})\.atom$/.exec(request.params.file);
    if (!m || !isKbLanguage(m[1]!)) throw new AppError('NOT_FOUND', 'No such feed.');
    return sendFeed(request, reply, { countryCode: null, lang: m[1], selfPath: languageFeedPath(m[1]) });
  });

  // ── Pages ─────────────────────────────────────────────────────────────────────────────────
  r.get('/child-alerts', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    const lang = pickLanguage(request.headers['accept-language']);
    return reply.header('vary', 'accept-language').header('cache-control', 'no-cache').redirect(`/child-alerts/${lang}`, 302);
  });

  r.get('/child-alerts/assets/alerts.css', { config: { access: 'public' }, schema: { ...hide, querystring: z.object({ v: z.string().max(40).optional() }) } }, async (request, reply) => {
    const current = request.query.v === ALERT_CSS_VERSION;
    return reply.header('cache-control', current ? 'public, max-age=31536000, immutable' : 'public, max-age=300').type('text/css; charset=utf-8').send(ALERT_CSS);
  });

  r.get('/child-alerts/photos/:resourceId', { config: { access: 'public' }, schema: { ...hide, params: z.object({ resourceId: z.string().max(100) }) } }, async (request, reply) => {
    if (!UUID.test(request.params.resourceId)) return reply.code(404).header('cache-control', 'no-cache').send();
    const photo = await alertPublic.getPublicPhoto(ctx, request.params.resourceId);
    if (photo.kind === 'not_found') return reply.code(404).header('cache-control', 'no-cache').send();
    if (photo.kind === 'gone') return reply.code(410).header('cache-control', 'no-store').send();
    crossOrigin(reply).header('x-content-type-options', 'nosniff');
    return sendCached(request, reply, photo.bytes, photo.mediaType, DOC_CACHE, photo.etag);
  });

  r.get('/child-alerts/widget.js', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    crossOrigin(reply);
    return sendCached(request, reply, WIDGET_JS, 'text/javascript; charset=utf-8', 'public, max-age=3600');
  });

  r.get('/child-alerts/widget', { config: { access: 'public' }, schema: { ...hide, querystring: countryLangQuery } }, async (request, reply) => {
    const lang = langFrom(request, request.query.lang);
    const country = countryOf(request.query.country);
    const alerts = await alertPublic.listActivePublicAlerts(ctx, { countryCode: country, lang });
    // The one page any site may frame: partners embed it.
    const csp = String(reply.getHeader('content-security-policy') ?? '').replace(/frame-ancestors [^;]*/, 'frame-ancestors *');
    void crossOrigin(reply).header('content-security-policy', csp || "default-src 'self'; frame-ancestors *").removeHeader('x-frame-options');
    return sendCached(request, reply, renderWidgetPage(originOf(request), lang, country, alerts), 'text/html; charset=utf-8', PAGE_CACHE);
  });

  r.get('/child-alerts/:segment', { config: { access: 'public' }, schema: { ...hide, params: z.object({ segment: z.string().max(100) }), querystring: countryLangQuery } }, async (request, reply) => {
    const { segment } = request.params;
    if (isKbLanguage(segment)) {
      const country = countryOf(request.query.country);
      const alerts = await alertPublic.listActivePublicAlerts(ctx, { countryCode: country, lang: segment });
      const countries = await alertPublic.listAlertCountries(ctx);
      return sendCached(request, reply, renderAlertListPage(pageContext(request, segment), { alerts, countries, country }), 'text/html; charset=utf-8', PAGE_CACHE);
    }
    // An alert by id or reference (the address in CAP <web>): to its page in the reader's language.
    const key = UUID.test(segment) ? { id: segment.toLowerCase() } : REFERENCE.test(segment) ? { reference: segment } : null;
    const lang = pickLanguage(request.headers['accept-language']);
    const alert = key ? await alertPublic.getPublicAlert(ctx, key, lang) : null;
    if (!alert) return notFound(request, reply);
    return reply.header('vary', 'accept-language').header('cache-control', 'no-cache').redirect(alertPagePath(lang, alert.reference), 302);
  });

  r.get('/child-alerts/:lang/:reference', { config: { access: 'public' }, schema: { ...hide, params: z.object({ lang: z.string().max(20), reference: z.string().max(100) }) } }, async (request, reply) => {
    const { lang, reference } = request.params;
    if (!isKbLanguage(lang)) return notFound(request, reply);
    const alert = REFERENCE.test(reference) ? await alertPublic.getPublicAlert(ctx, { reference }, lang) : null;
    if (!alert) return notFound(request, reply, lang);
    const page = await renderAlertPage(pageContext(request, lang), alert);
    if (alert.state !== 'active') void reply.header('x-robots-tag', 'noindex');
    return sendCached(request, reply, page, 'text/html; charset=utf-8', PAGE_CACHE);
  });

  // ── JSON for partner systems ──────────────────────────────────────────────────────────────
  r.get(
    '/api/public/child-alerts',
    {
      config: { access: 'public' },
      schema: {
        tags: ['child alerts'],
        summary: 'Active public child alerts (CORS: any origin)',
        querystring: countryLangQuery,
        response: { 200: publicAlertListJson },
      },
    },
    async (request, reply) => {
      const lang = langFrom(request, request.query.lang);
      const country = countryOf(request.query.country);
      const origin = originOf(request);
      const alerts = await alertPublic.listActivePublicAlerts(ctx, { countryCode: country, lang });
      void crossOrigin(reply).header('access-control-allow-origin', '*').header('cache-control', PAGE_CACHE).header('vary', 'accept-language');
      return {
        generatedAt: new Date().toISOString(),
        alerts: alerts.map((al) => ({
          reference: al.reference,
          countryCode: al.countryCode,
          tier: al.tier,
          headline: al.text?.headline ?? null,
          description: al.text?.description ?? null,
          instruction: al.text?.instruction ?? null,
          textLanguage: al.text?.lang ?? null,
          child: al.child ? { name: al.child.name, ageYears: al.child.ageYears, description: al.child.description } : null,
          lastSeen: al.lastSeen ? { at: new Date(al.lastSeen.at).toISOString(), place: al.lastSeen.place } : null,
          suspect: al.suspect,
          vehicle: al.vehicle,
          areaDescription: al.area.description,
          authority: al.authority,
          hotline: al.hotline,
          issuedAt: al.issuedAt?.toISOString() ?? null,
          expiresAt: al.expiresAt?.toISOString() ?? null,
          photoUrl: al.photoId ? `${origin}${alertPhotoPath(al.photoId)}` : null,
          pageUrl: `${origin}${alertPagePath(lang, al.reference)}`,
          capUrl: `${origin}${alertPublic.publicCapPath(al.capIdentifier)}`,
        })),
      };
    },
  );
}
