import { expect, test, type Browser, type Page } from '@playwright/test';
import { api, DEMO, rawKeysOnPage, signIn, unique } from './helpers';
import { seriousViolations } from './support';

/** A contact as GET /api/contacts lists it (the fields these tests read). */
interface ListedContact {
  reference: string;
  status: string;
  channel: string;
  language: string | null;
  source: string;
}

/** The queued contacts the Greek desk's supervisor sees, read in a separate signed-in browser context. */
async function queuedAtGreekDesk(browser: Browser): Promise<ListedContact[]> {
  const context = await browser.newContext();
  const staff = await context.newPage();
  await signIn(staff, DEMO.supervisorGr);
  const response = await api(staff, 'GET', '/api/contacts?status=queued&limit=200');
  expect(response.ok(), await response.text()).toBe(true);
  const body = (await response.json()) as { items: ListedContact[] };
  await context.close();
  return body.items;
}

/** Open the form in English and wait for the countries to load. */
async function openForm(page: Page): Promise<void> {
  await page.goto('/report?lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tell us what is happening');
  await expect(page.getByTestId('report-form')).toBeVisible();
}

test('a report sent in Greek reaches the Greek desk as a queued web-form contact', async ({ page, browser }) => {
  await page.goto('/report');
  await expect(page.getByTestId('report-form')).toBeVisible();
  await expect(page.getByTestId('quick-exit')).toBeVisible();
  await expect(page.getByTestId('number-116000')).toHaveText('116 000');
  await expect(page.getByTestId('number-116111')).toHaveText('116 111');

  await page.getByTestId('report-language').selectOption('el');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Πες μας τι συμβαίνει');
  await expect(page).toHaveURL(/[?&]lang=el/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'el');
  await page.getByTestId('report-country').click();
  await page.getByRole('option', { name: 'Ελλάδα' }).click();
  await page.getByTestId('report-kind-report').click();
  const text = `Ένα παιδί δουλεύει κάθε βράδυ σε ένα συνεργείο (e2e ${unique()}).`;
  await page.getByTestId('report-message').fill(text);
  await page.getByTestId('report-send').click();

  const receipt = page.getByTestId('report-receipt');
  await expect(receipt).toBeVisible();
  await expect(receipt).toContainText('Ευχαριστούμε');
  await expect(receipt.getByTestId('number-116000')).toHaveText('116 000');
  await expect(receipt.getByTestId('number-116111')).toHaveText('116 111');
  const reference = (await page.getByTestId('report-reference').innerText()).trim();
  expect(reference).toMatch(/^GR-/);
  expect(await rawKeysOnPage(page)).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);

  const queued = await queuedAtGreekDesk(browser);
  const contact = queued.find((c) => c.reference === reference);
  expect(contact).toMatchObject({ status: 'queued', channel: 'web_form', language: 'el', source: 'public_form' });
});

test('a call-back needs a number and explicit consent', async ({ page }) => {
  await openForm(page);
  await page.getByTestId('report-country').click();
  await page.getByRole('option', { name: 'Romania' }).click();
  await page.getByTestId('report-kind-callback').click();
  await page.getByTestId('report-message').fill('Please call me about working abroad.');
  await page.getByTestId('report-send').click();
  await expect(page.getByText('To call you back we need your phone number and your agreement.')).toBeVisible();
  await expect(page.getByTestId('report-receipt')).toHaveCount(0);

  await page.getByTestId('report-callback-consent').check();
  await page.getByTestId('report-callback-phone').fill('+40 712 345 678');
  await page.getByTestId('report-send').click();
  await expect(page.getByTestId('report-reference')).toHaveText(/^RO-/);
});

test('a filled honeypot gets a receipt but creates no queued contact', async ({ page, browser }) => {
  await openForm(page);
  await page.getByTestId('report-country').click();
  await page.getByRole('option', { name: 'Greece' }).click();
  await page.getByTestId('report-message').fill(`Cheap watches ${unique()}`);
  await page.getByTestId('report-website').fill('https://spam.example', { force: true });
  await page.getByTestId('report-send').click();
  await expect(page.getByTestId('report-receipt')).toBeVisible();
  const reference = (await page.getByTestId('report-reference').innerText()).trim();

  const queued = await queuedAtGreekDesk(browser);
  expect(queued.some((c) => c.reference === reference)).toBe(false);
});

test('quick exit replaces the page with a neutral site, by button or by Esc twice', async ({ page }) => {
  await page.route('https://www.google.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Neutral</title><p>neutral</p>' }));
  await openForm(page);
  await page.getByTestId('report-message').fill('something private');
  await page.getByTestId('quick-exit').click();
  await expect(page).toHaveURL(/^https:\/\/www\.google\.com/);
  await expect(page.locator('body')).not.toContainText('something private');

  await openForm(page);
  await page.getByTestId('report-message').click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/^https:\/\/www\.google\.com/);
});

// The confirmation is checked by the first test; each report counts against the per-address hourly limit.
test('the public form has no serious accessibility violation, also with its errors shown', async ({ page }) => {
  await openForm(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('report-callback-consent').check();
  await page.getByTestId('report-send').click();
  await expect(page.getByText('Please write a message')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
