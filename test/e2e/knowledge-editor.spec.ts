import { expect, test, type Page } from '@playwright/test';
import { api, DEMO, rawKeysOnPage, signIn, unique } from './helpers';
import { seriousViolations, shoot } from './support';

const TRAINER_RS = 'trainer.rs@victor.example';

interface ArticleView {
  id: string;
  slug: string;
  translations: { lang: string; version: number; status: string; actions: string[] }[];
}

/** Create an article with an English draft through the API, as the signed-in user. */
async function createArticle(page: Page, title: string, bodyMd: string, countryCode: string | null): Promise<ArticleView> {
  const response = await api(page, 'POST', '/api/knowledge/articles', {
    type: 'faq',
    audience: 'professionals',
    countryCode,
    tags: ['e2e'],
    taxonomyCodes: [],
    lang: 'en',
    translation: { title, summary: 'Written by the end-to-end test.', bodyMd },
  });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as ArticleView;
}

test('a writer edits and submits a translation; a reviewer sees the diff and publishes; readers see the new text', async ({ page, browser }) => {
  // Two sessions and a dozen pages: slow when the other worker runs the long cases flow at the same time.
  test.setTimeout(120_000);
  const id = unique();
  const title = `Shelter intake question ${id}`;
  await signIn(page, DEMO.supervisorGr);
  const article = await createArticle(page, title, 'Children are received at the shelter on weekdays.', 'GR');

  // The writer opens the article from the editor list and changes the text; the preview follows.
  await page.getByRole('navigation').getByRole('link', { name: 'Knowledge base' }).click();
  await page.getByTestId('knowledge-nav').getByRole('link', { name: 'Editor' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Knowledge editor');
  await page.getByLabel('Search').fill(id);
  await expect(page.getByTestId('chip-en-draft')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('articles-table').getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByTestId('translation-status')).toHaveText('Draft');
  const body = page.getByTestId('tr-body');
  await body.fill('Children are received at the **emergency shelter** every day, around the clock.\n\n- bring an identity document if there is one\n- a social worker is on call');
  await expect(page.getByTestId('kb-preview').locator('strong')).toHaveText('emergency shelter');
  await expect(page.getByTestId('kb-preview').locator('li')).toHaveCount(2);
  await page.getByTestId('tr-note').fill('Opening hours changed');
  await expect(page.getByTestId('action-submit')).toBeDisabled();
  await page.setViewportSize({ width: 1280, height: 1100 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, 'knowledge-editor-preview.png');
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('tr-save').click();
  await expect(page.getByTestId('tr-save')).toBeDisabled();
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('translation-status')).toHaveText('In review');
  await expect(page.getByTestId('action-publish')).toHaveCount(0);
  expect(await rawKeysOnPage(page)).toEqual([]);

  // The reviewer finds it in the review queue, compares the revisions and publishes.
  const context = await browser.newContext();
  const reviewer = await context.newPage();
  await signIn(reviewer, DEMO.regional);
  await reviewer.goto('/knowledge/review');
  await expect(reviewer.getByRole('heading', { level: 1 })).toHaveText('Review queue');
  const waiting = reviewer.getByTestId('queue-in_review');
  await expect(waiting.getByRole('link', { name: title })).toBeVisible();
  await shoot(reviewer, 'knowledge-review-queue.png');
  expect(await seriousViolations(reviewer)).toEqual([]);
  await waiting.getByRole('link', { name: title }).click();
  await expect(reviewer.getByRole('heading', { level: 1 })).toHaveText(title);
  await reviewer.getByTestId('open-history').click();
  const drawer = reviewer.getByRole('dialog');
  await drawer.getByRole('checkbox', { name: 'Compare revision 1' }).check();
  await drawer.getByRole('checkbox', { name: 'Compare revision 2' }).check();
  await drawer.getByTestId('show-diff').click();
  const diff = drawer.getByTestId('diff-view');
  await expect(diff).toContainText('Changes from revision 1 to revision 2');
  await expect(diff.locator('ins').filter({ hasText: 'emergency' }).first()).toBeVisible();
  await expect(diff.locator('del').filter({ hasText: 'weekdays' }).first()).toBeVisible();
  await shoot(reviewer, 'knowledge-diff.png');
  expect(await seriousViolations(reviewer)).toEqual([]);
  await reviewer.keyboard.press('Escape');
  await reviewer.getByTestId('action-publish').click();
  await expect(reviewer.getByTestId('translation-status')).toHaveText('Published');
  await expect(reviewer.getByTestId('live-revision')).toHaveText('Published revision 2 is live');
  await context.close();

  // Readers get the published text.
  await page.goto(`/knowledge/a/${article.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByTestId('article-body')).toContainText('emergency shelter every day, around the clock');
  await expect(page.getByTestId('fallback-banner')).toHaveCount(0);
});

test('a reviewer who wrote a revision cannot publish it (four eyes)', async ({ page }) => {
  const id = unique();
  const title = `Four eyes check ${id}`;
  await signIn(page, DEMO.regional);
  const article = await createArticle(page, title, 'A text the regional coordinator wrote.', null);
  const en = article.translations.find((tr) => tr.lang === 'en');
  const submitted = await api(page, 'POST', `/api/knowledge/articles/${article.id}/translations/en/actions`, { action: 'submit', version: en?.version ?? 1 });
  expect(submitted.ok(), await submitted.text()).toBe(true);
  const after = (await submitted.json()) as ArticleView;

  await page.goto(`/knowledge/manage/${article.id}?lang=en`);
  await expect(page.getByTestId('translation-status')).toHaveText('In review');
  await expect(page.getByTestId('four-eyes')).toContainText('You wrote this revision');
  await expect(page.getByTestId('action-publish')).toHaveCount(0);
  await expect(page.getByTestId('action-reject')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The server refuses it too.
  const version = after.translations.find((tr) => tr.lang === 'en')?.version ?? 1;
  const refused = await api(page, 'POST', `/api/knowledge/articles/${article.id}/translations/en/actions`, { action: 'publish', version });
  expect(refused.status()).toBeGreaterThanOrEqual(400);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('REVIEWER_IS_AUTHOR');

  // The reviewer may still send it back with a comment, which the writer then reads.
  await page.getByTestId('action-reject').click();
  await page.getByRole('dialog').getByLabel(/Comment for the author/).fill('Please add the national hotline number.');
  await page.getByRole('dialog').getByRole('button', { name: 'Reject' }).click();
  await expect(page.getByTestId('translation-status')).toHaveText('Draft');
  await expect(page.getByTestId('review-comment')).toContainText('Please add the national hotline number.');
  const resubmitted = await api(page, 'GET', `/api/knowledge/articles/${article.id}`);
  const draft = ((await resubmitted.json()) as ArticleView).translations.find((tr) => tr.lang === 'en');
  const again = await api(page, 'POST', `/api/knowledge/articles/${article.id}/translations/en/actions`, { action: 'submit', version: draft?.version ?? 1 });
  expect(again.ok(), await again.text()).toBe(true);

  // In the queue, the item says that someone else must publish.
  await page.goto('/knowledge/review');
  const row = page.getByTestId('queue-in_review').getByRole('row').filter({ hasText: title });
  await expect(row.getByTestId('own-revision')).toHaveText('You wrote this — another reviewer must publish');
});

test('an editor imports a Markdown translation and sees the result per item', async ({ page }) => {
  const id = unique();
  await signIn(page, TRAINER_RS);
  await page.goto('/knowledge/manage');
  const markdown = ['---', `slug: imported-note-${id}`, 'lang: en', `title: Imported note ${id}`, 'summary: From a translator', 'type: faq', 'audience: professionals', 'country: regional', '---', '', 'Text from the **translator**.', ''].join('\n');
  await page.getByTestId('knowledge-import-input').setInputFiles({ name: `imported-${id}.md`, mimeType: 'text/markdown', buffer: Buffer.from(markdown) });
  const results = page.getByTestId('import-results');
  await expect(results).toContainText(`imported-note-${id}`);
  await expect(results).toContainText('Created');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).last().click();
  await page.getByLabel('Search').fill(id);
  await expect(page.getByTestId('articles-table').getByRole('link', { name: `Imported note ${id}` })).toBeVisible();
});

test('a trainer adds a Serbian translation from the English text', async ({ page }) => {
  const id = unique();
  const title = `Trainer article ${id}`;
  await signIn(page, TRAINER_RS);
  const article = await createArticle(page, title, 'Training material in English.', null);
  await page.goto(`/knowledge/manage/${article.id}`);
  await page.getByTestId('tab-sr').click();
  const add = page.getByTestId('add-translation-sr');
  await expect(add).toContainText('There is no Srpski translation yet.');
  await add.getByLabel('Title').fill(`Materijal za obuku ${id}`);
  await add.getByRole('button', { name: 'Add translation' }).click();
  await expect(page.getByTestId('tr-title')).toHaveValue(`Materijal za obuku ${id}`);
  await expect(page.getByTestId('tr-body')).toHaveValue('Training material in English.');
  await expect(page.getByTestId('tab-sr')).toContainText('Draft');
  expect(await rawKeysOnPage(page)).toEqual([]);
});
