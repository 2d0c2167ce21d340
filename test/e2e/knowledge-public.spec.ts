import { expect, test, type Page } from '@playwright/test';
import { api, DEMO, signIn } from './helpers';
import { ensureSerbianLatinArticle, ensureSignsArticle } from './knowledge-e2e-data';
import { seriousViolations, shoot } from './support';

const SIGNS = 'signs-of-child-trafficking';
const SERBIAN_LATIN = 'what-is-child-trafficking';
const CYRILLIC_QUERY = 'трговина људима';

test.beforeAll(async () => {
  await ensureSerbianLatinArticle();
  await ensureSignsArticle();
});

/** Open a public page (no sign-in) and check it answered 200 with no script on it. */
async function openPublic(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  expect(await page.locator('script').count()).toBe(0);
}

test('public pages pass axe and fit a phone screen', async ({ page }) => {
  for (const path of ['/kb/en', `/kb/en/a/${SERBIAN_LATIN}`, `/kb/sr/search?q=${encodeURIComponent(CYRILLIC_QUERY)}`, '/kb/en/helplines', `/kb/sl/a/${SIGNS}`]) {
    await openPublic(page, path);
    expect(await seriousViolations(page), path).toEqual([]);
  }

  await page.setViewportSize({ width: 375, height: 667 });
  for (const path of ['/kb/en', `/kb/el/a/${SERBIAN_LATIN}`, '/kb/en/helplines']) {
    await openPublic(page, path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal scroll on ${path}`).toBeLessThanOrEqual(0);
    await expect(page.getByRole('link', { name: /116 000/ }).first()).toBeVisible();
  }
  await openPublic(page, '/kb/en');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await shoot(page, 'kb-public-home-phone.png');
  // Keyboard users can skip the header.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
});

test('/kb picks the language of the browser', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'el-GR' });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${process.env.E2E_PORT ?? 3199}/kb`);
  await expect(page).toHaveURL(/\/kb\/el$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'el');
  await context.close();
});

test('a search in Serbian Cyrillic on the public pages finds the Latin-script article', async ({ page }) => {
  await openPublic(page, `/kb/sr/search?q=${encodeURIComponent(CYRILLIC_QUERY)}`);
  await expect(page.getByRole('searchbox')).toHaveValue(CYRILLIC_QUERY);
  const hit = page.locator('ul.cards li').filter({ has: page.locator(`a[href="/kb/sr/a/${SERBIAN_LATIN}"]`) });
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark').first()).toHaveText(/trgovin|ljud/i);
  await shoot(page, 'kb-public-search-cyrillic.png');
});

test('a reviewer publishes the Slovenian translation and it replaces the English fallback on the public page', async ({ page }) => {
  await openPublic(page, `/kb/sl/a/${SIGNS}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'sl');
  await expect(page.locator('.notice')).toContainText('Ta članek še ni preveden v ta jezik.');
  await expect(page.locator('article')).toHaveAttribute('lang', 'en');
  await shoot(page, 'kb-public-article-fallback.png');

  await signIn(page, DEMO.regional);
  const list = (await (await api(page, 'GET', `/api/knowledge/articles?q=${SIGNS}`)).json()) as { items: { id: string; slug: string }[] };
  const id = list.items.find((i) => i.slug === SIGNS)!.id;
  await page.goto(`/knowledge/manage/${id}?lang=sl`);
  await expect(page.getByTestId('workflow-bar')).toBeVisible();
  await page.getByTestId('action-publish').click();
  await expect(page.getByTestId('action-publish')).toBeHidden();
  const article = (await (await api(page, 'GET', `/api/knowledge/articles/${id}`)).json()) as { translations: { lang: string; status: string; title: string }[] };
  const slovenian = article.translations.find((t) => t.lang === 'sl')!;
  expect(slovenian.status).toBe('published');

  await page.goto(`/kb/sl/a/${SIGNS}`);
  await page.reload();
  await expect(page.locator('.notice')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(slovenian.title);
  await expect(page.locator('article')).not.toHaveAttribute('lang', /.+/);
  await expect(page.locator('link[rel="alternate"][hreflang="sl"]')).toHaveCount(1);
});
