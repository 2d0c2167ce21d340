import { expect, test } from '@playwright/test';
import { chooseOption, DEMO, exactLabel, rawKeysOnPage, signIn, unique } from './helpers';
import { seriousViolations, shoot } from './support';

/** A country coordinator no other knowledge spec signs in as (parallel sign-ins of one account race on its language). */
const COORDINATOR_SI = 'coordinator.si@victor.example';

test('the library searches every language, corrects a typo and highlights the matched words', async ({ page }) => {
  await signIn(page, COORDINATOR_SI);
  await page.getByTestId('home-card-knowledgeBase').getByRole('link', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Knowledge base');
  await expect(page.getByRole('heading', { name: 'Browse by type' })).toBeVisible();
  await page.getByTestId('kb-search').fill('child trafficing');
  const hits = page.getByTestId('article-hit');
  await expect(hits.first()).toBeVisible();
  await expect(page.getByTestId('search-corrections')).toContainText('trafficing');
  await expect(page.locator('mark.victor-kb-hit').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(await rawKeysOnPage(page)).toEqual([]);
  await shoot(page, 'knowledge-library.png');

  // A hit opens the reader; an article without a Hungarian translation says so and shows English.
  await hits.first().getByRole('link').first().click();
  await expect(page.getByTestId('article-body')).toBeVisible();
  const url = new URL(page.url());
  await page.goto(`${url.pathname}?lang=hu`);
  await expect(page.getByTestId('fallback-banner')).toContainText('Not yet available in Magyar');
  await shoot(page, 'knowledge-reader-fallback.png');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the legal register lists the seeded instruments with a status matrix per country', async ({ page }) => {
  await signIn(page, DEMO.regional);
  await page.goto('/knowledge/legal');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Legal instruments');
  await expect(page.getByTestId('instrument-un-palermo-protocol')).toBeVisible();
  await expect(page.getByTestId('instrument-eu-directive-2011-36')).toBeVisible();
  const official = page.getByTestId('instrument-un-palermo-protocol').getByRole('link', { name: /Official text/ });
  if (await official.count()) await expect(official).toHaveAttribute('rel', /noopener/);
  const matrix = page.getByTestId('status-matrix');
  await expect(matrix).toBeVisible();
  await expect(matrix.locator('tbody tr').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(await rawKeysOnPage(page)).toEqual([]);
  await shoot(page, 'knowledge-legal-register.png');

  // An editor sets a country's status from the matrix.
  await matrix.locator('[data-testid^="cell-un-palermo-protocol-"]').first().getByRole('button').click();
  const dialog = page.getByRole('dialog');
  await chooseOption(page, dialog, 'Status', 'In force');
  await dialog.getByLabel('In force on').fill('2002-04-25');
  await dialog.getByLabel('To be confirmed by the country desk').uncheck();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const cell = matrix.locator('[data-testid^="cell-un-palermo-protocol-"]').first();
  await expect(cell).toContainText('In force');
  await expect(cell).not.toContainText('?');

  // A reviewer confirms the instrument's facts.
  const card = page.getByTestId('instrument-un-palermo-protocol');
  const confirm = card.getByRole('button', { name: /Confirm the facts/ });
  if (await confirm.count()) {
    await confirm.click();
    await expect(card).toContainText('Confirmed');
  }
});

test('the directory shows helplines with numbers to call, filtered by country and NRM stage', async ({ page }) => {
  await signIn(page, DEMO.operatorGr);
  await page.goto('/knowledge/directory');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Directory');
  const rows = page.getByTestId('directory-row');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByTestId('directory-table').locator('a[href^="tel:"]').first()).toBeVisible();
  await page.getByLabel('Helplines only').check();
  await expect(rows.first()).toContainText(/116|hotline|helpline|Helpline|Hotline|Line/);
  expect(await seriousViolations(page)).toEqual([]);
  expect(await rawKeysOnPage(page)).toEqual([]);
  await shoot(page, 'knowledge-directory.png');
});

test('an editor adds a directory entry with its numbers, verifies it and archives it', async ({ page }) => {
  const name = `Demo: Street Outreach Team ${unique()}`;
  await signIn(page, DEMO.regional);
  await page.goto('/knowledge/directory');
  await page.getByRole('button', { name: 'New entry' }).click();
  const dialog = page.getByRole('dialog');
  await chooseOption(page, dialog, 'Kind', 'NGO');
  await chooseOption(page, dialog, 'Country', 'Greece');
  await dialog.getByLabel(exactLabel('Name')).fill(name);
  await dialog.getByRole('button', { name: 'Add a number' }).click();
  await dialog.getByLabel(exactLabel('Number 1')).fill('+30 000 000 0199');
  await dialog.getByLabel('What the number is for').fill('Demo number');
  await dialog.getByLabel(exactLabel('Hours')).fill('Mon–Fri 09:00–17:00');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await chooseOption(page, page.getByRole('region', { name: 'Filters' }), 'Country', 'Greece');
  await page.getByLabel('To be confirmed only').check();
  const row = page.getByTestId('directory-row').filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row.locator('a[href="tel:+300000000199"]')).toBeVisible();
  await expect(row).toContainText('To be confirmed by the country desk');
  await row.getByRole('button', { name: `Mark ${name} as verified` }).click();
  await expect(row).toHaveCount(0);
  await page.getByLabel('To be confirmed only').uncheck();
  await expect(row).toContainText('Verified');
  await row.getByRole('button', { name: `Archive ${name}` }).click();
  await page.getByTestId('confirm-popover').getByRole('button', { name: 'Archive' }).click();
  await expect(row).toHaveCount(0);
});
