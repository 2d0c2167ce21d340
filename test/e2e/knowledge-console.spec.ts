import { expect, test, type Page } from '@playwright/test';
import { DEMO, rawKeysOnPage, signIn, unique } from './helpers';
import { ensureGreekNrmArticle, ensureSerbianLatinArticle } from './knowledge-e2e-data';
import { shoot } from './support';

test.beforeAll(async () => {
  await ensureGreekNrmArticle();
  await ensureSerbianLatinArticle();
});

/** Sign in as the Greek operator and start a contact with a note; returns the note. */
async function startContact(page: Page): Promise<string> {
  await signIn(page, DEMO.operatorGr);
  await page.goto('/helpline/console');
  await expect(page.getByRole('heading', { level: 1, name: 'Helpline console' })).toBeVisible();
  await page.getByRole('button', { name: 'New contact' }).click();
  const note = `Caller asks how a referral works, ${unique()}.`;
  await page.getByRole('textbox', { name: 'Notes' }).fill(note);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await expect(page).toHaveURL(/\/helpline\/console\/[0-9a-f-]{36}$/);
  return note;
}

test('an operator finds the Greek NRM article with a typo while logging a contact, and the contact stays', async ({ page }) => {
  const note = await startContact(page);
  const contactUrl = page.url();
  await page.getByRole('tab', { name: 'Categories' }).click();
  await page.locator('label').filter({ hasText: /^Labour exploitation$/ }).click();
  await expect(page.getByRole('checkbox', { name: 'Labour exploitation' })).toBeChecked();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  await page.keyboard.press('Alt+K');
  const panel = page.getByTestId('knowledge-panel');
  await expect(panel).toBeVisible();
  const search = panel.getByRole('searchbox', { name: 'Quick search' });
  await expect(search).toBeFocused();
  // The demo articles linked to THB.LABOUR are suggested for the category chosen in the contact.
  await expect(panel.getByTestId('kb-panel-suggestions').getByTestId('kb-panel-hit').first()).toBeVisible();
  // "παραπομπς" is misspelt (παραπομπής): the search also tries the nearest words.
  await search.fill('μηχανισμος παραπομπς');
  const results = panel.getByTestId('kb-panel-results');
  const hit = results.getByTestId('kb-panel-hit').filter({ hasText: 'Εθνικός Μηχανισμός Παραπομπής' }).first();
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark').first()).toBeVisible();
  await expect(panel.getByTestId('kb-panel-corrections')).toContainText('παραπομπς');
  expect(await rawKeysOnPage(page)).toEqual([]);
  await shoot(page, 'knowledge-console-panel.png');

  await hit.click();
  const article = panel.getByTestId('kb-panel-article');
  await expect(article.getByTestId('kb-panel-article-title')).toContainText('Εθνικός Μηχανισμός Παραπομπής');
  await expect(article.getByTestId('kb-panel-article-body')).not.toBeEmpty();
  await shoot(page, 'knowledge-console-article.png');

  // The contact is still there, and still saved as it changes while the article is open.
  expect(page.url()).toBe(contactUrl);
  const notes = page.getByRole('textbox', { name: 'Notes' });
  await expect(notes).toHaveValue(note);
  await notes.fill(`${note} Read the NRM article to the caller.`);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  // Escape goes back to the results, Alt+K closes the panel; the draft survives a reload.
  await article.getByTestId('kb-panel-back').focus();
  await page.keyboard.press('Escape');
  await expect(results).toBeVisible();
  await expect(search).toBeFocused();
  await page.keyboard.press('Alt+K');
  await expect(panel).toBeHidden();
  await expect(page.getByTestId('knowledge-button')).toBeFocused();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveValue(`${note} Read the NRM article to the caller.`);
});

test('a search in Serbian Cyrillic finds the Latin-script Serbian article in the console panel', async ({ page }) => {
  await startContact(page);
  await page.getByTestId('knowledge-button').click();
  const panel = page.getByTestId('knowledge-panel');
  await panel.getByRole('switch', { name: 'All languages' }).click();
  await panel.getByRole('searchbox', { name: 'Quick search' }).fill('трговина људима');
  const hit = panel.getByTestId('kb-panel-results').getByTestId('kb-panel-hit').filter({ has: page.locator('[lang="sr"]') }).first();
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark').first()).toHaveText(/trgovin|ljud/i);
  await hit.click();
  await expect(panel.getByTestId('kb-panel-article-title')).toHaveAttribute('lang', 'sr');
});
