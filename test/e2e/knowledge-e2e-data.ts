import { expect, request, type APIRequestContext } from '@playwright/test';
import { DEMO, DEMO_PASSWORD } from './helpers';

/**
 * Knowledge data for the knowledge end-to-end flows. The demo seed provides the articles; when one is
 * missing (an older seed), it is created here through the API the way editors do: a supervisor writes and
 * submits, the regional coordinator (another person: four eyes) publishes.
 */

const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3199}`;

/** An API client signed in as a demo account, sending the CSRF header on writes. */
export interface SignedInApi {
  get: (path: string) => Promise<{ status: number; body: unknown }>;
  send: (method: 'POST' | 'PUT' | 'PATCH', path: string, data: unknown) => Promise<{ status: number; body: unknown }>;
  dispose: () => Promise<void>;
}

/** Sign a demo account in on its own request context (not the browser's session). */
export async function signInApi(email: string): Promise<SignedInApi> {
  const context: APIRequestContext = await request.newContext({ baseURL: BASE_URL });
  await context.get('/api/auth/session');
  const csrf = async () => (await context.storageState()).cookies.find((c) => c.name === 'victor_csrf')?.value ?? '';
  const login = await context.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD }, headers: { 'x-csrf-token': await csrf() } });
  expect(login.status(), `sign-in of ${email}`).toBe(200);
  const parse = async (res: Awaited<ReturnType<APIRequestContext['get']>>) => ({ status: res.status(), body: (await res.text()) ? await res.json() : null });
  return {
    get: async (path) => parse(await context.get(path)),
    send: async (method, path, data) => parse(await context.fetch(path, { method, data, headers: { 'x-csrf-token': await csrf() } })),
    dispose: () => context.dispose(),
  };
}

interface ArticleViewLike {
  id: string;
  translations: { lang: string; status: string; version: number }[];
}

/** A translation of an article to create. */
export interface DraftTranslation {
  lang: string;
  title: string;
  summary: string;
  bodyMd: string;
  /** Leave it in review instead of publishing it. */
  inReview?: boolean;
}

/** Make sure an article with this slug exists; when it does not, write it (supervisor.gr) and publish it (regional). */
export async function ensureArticle(
  slug: string,
  meta: { type: string; audience: string; countryCode: string | null; taxonomyCodes?: string[] },
  translations: DraftTranslation[],
): Promise<void> {
  const regional = await signInApi(DEMO.regional);
  try {
    const existing = await regional.get(`/api/knowledge/articles?q=${slug}&limit=5`);
    const items = (existing.body as { items?: { slug: string }[] } | null)?.items ?? [];
    if (items.some((i) => i.slug === slug)) return;
    const author = await signInApi(DEMO.supervisorGr);
    try {
      const [first, ...rest] = translations;
      const created = await author.send('POST', '/api/knowledge/articles', {
        slug,
        ...meta,
        taxonomyCodes: meta.taxonomyCodes ?? [],
        lang: first!.lang,
        translation: { title: first!.title, summary: first!.summary, bodyMd: first!.bodyMd },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      let article = created.body as ArticleViewLike;
      for (const t of rest) {
        const saved = await author.send('PUT', `/api/knowledge/articles/${article.id}/translations/${t.lang}`, { title: t.title, summary: t.summary, bodyMd: t.bodyMd });
        expect(saved.status, JSON.stringify(saved.body)).toBe(200);
        article = saved.body as ArticleViewLike;
      }
      for (const t of translations) {
        const version = () => article.translations.find((x) => x.lang === t.lang)!.version;
        const submitted = await author.send('POST', `/api/knowledge/articles/${article.id}/translations/${t.lang}/actions`, { action: 'submit', version: version() });
        expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
        article = submitted.body as ArticleViewLike;
        if (t.inReview) continue;
        const published = await regional.send('POST', `/api/knowledge/articles/${article.id}/translations/${t.lang}/actions`, { action: 'publish', version: version() });
        expect(published.status, JSON.stringify(published.body)).toBe(200);
        article = published.body as ArticleViewLike;
      }
    } finally {
      await author.dispose();
    }
  } finally {
    await regional.dispose();
  }
}

/** The Greek desk's article on the National Referral Mechanism (seeded; created if missing). */
export async function ensureGreekNrmArticle(): Promise<void> {
  await ensureArticle('gr-national-referral-mechanism', { type: 'national_mechanism', audience: 'professionals', countryCode: 'GR', taxonomyCodes: [] }, [
    {
      lang: 'el',
      title: 'Εθνικός Μηχανισμός Παραπομπής για θύματα εμπορίας ανθρώπων',
      summary: 'Πώς γίνεται η παραπομπή ενός πιθανού θύματος (στοιχεία προς επιβεβαίωση από το γραφείο της χώρας).',
      bodyMd: 'Ο Εθνικός Μηχανισμός Παραπομπής συντονίζει την αναγνώριση, την προστασία και την υποστήριξη των θυμάτων.',
    },
  ]);
}

/** A public Serbian article written in Latin script (seeded; created if missing). */
export async function ensureSerbianLatinArticle(): Promise<void> {
  await ensureArticle('what-is-child-trafficking', { type: 'thb_information', audience: 'public', countryCode: null }, [
    { lang: 'en', title: 'What is child trafficking?', summary: 'The basics.', bodyMd: 'Child trafficking is the recruitment or transfer of a child for exploitation.' },
    { lang: 'sr', title: 'Šta je trgovina decom?', summary: 'Osnove o trgovini ljudima.', bodyMd: 'Trgovina ljudima i decom je teško krivično delo.' },
  ]);
}

/** A public article published in English whose Slovenian translation waits for review (seeded; created if missing). */
export async function ensureSignsArticle(): Promise<void> {
  await ensureArticle('signs-of-child-trafficking', { type: 'exploitation_forms', audience: 'public', countryCode: null }, [
    { lang: 'en', title: 'Signs of child trafficking', summary: 'What to look out for.', bodyMd: 'A child who does not have their own documents.' },
    { lang: 'sl', title: 'Znaki trgovine z otroki', summary: 'Na kaj biti pozoren.', bodyMd: 'Otrok, ki nima svojih dokumentov.', inReview: true },
  ]);
}
