import { expect, test, type Page } from '@playwright/test';
import { api, chooseOption, DEMO, exactLabel, signIn, unique } from './helpers';
import { shoot } from './support';

/**
 * Screenshots of the helpline pages for docs/screenshots/: written there only with
 * UPDATE_SCREENSHOTS=1 (otherwise to .tmp/e2e-screenshots), so a plain test run leaves the tree clean.
 */
/** Today's contacts at the Greek desk, logged through the API by its operator: the wallboard then has something to show. */
async function logContactsOfToday(page: Page): Promise<void> {
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  const key = () => `e2e-shot-${unique()}-${unique()}`;
  const completed = (channel: string, categories: string[], start: number, end: number) => ({
    idempotencyKey: key(),
    channel,
    direction: 'inbound',
    complete: true,
    language: 'el',
    callerType: 'child',
    categories,
    outcome: 'information_given',
    actionsTaken: ['guidance'],
    startedAt: minutesAgo(start),
    endedAt: minutesAgo(end),
  });
  const bodies: [string, unknown][] = [
    ['/api/contacts', completed('phone', ['THB.LABOUR'], 150, 138)],
    ['/api/contacts', completed('chat', ['THB.SEXUAL'], 95, 80)],
    ['/api/contacts', completed('hotline_116000', ['MISSING.RUNAWAY'], 70, 61)],
    ['/api/contacts', completed('phone', ['VIOLENCE.BULLYING'], 40, 31)],
    ['/api/contacts/non-data', { idempotencyKey: key(), channel: 'phone', nonDataType: 'silent', startedAt: minutesAgo(120) }],
    ['/api/contacts/non-data', { idempotencyKey: key(), channel: 'phone', nonDataType: 'prank', startedAt: minutesAgo(20) }],
    ['/api/contacts', { idempotencyKey: key(), channel: 'phone', direction: 'inbound', startedAt: minutesAgo(14) }],
    ['/api/contacts', { idempotencyKey: key(), channel: 'chat', direction: 'inbound', startedAt: minutesAgo(4) }],
  ];
  for (const [path, body] of bodies) {
    const response = await api(page, 'POST', path, body);
    expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  }
}

test.describe.configure({ mode: 'serial' });

test('wallboard with today\'s contacts, and KPIs', async ({ page, browser }) => {
  const context = await browser.newContext();
  const operator = await context.newPage();
  await signIn(operator, DEMO.operatorGr);
  await logContactsOfToday(operator);
  await context.close();

  await signIn(page, DEMO.supervisorGr);
  await page.goto('/helpline/wallboard');
  await expect(page.getByTestId('wallboard-chart').locator('svg')).toBeVisible();
  await expect(page.getByTestId('wallboard-longest-age')).toBeVisible();
  await shoot(page, 'helpline-wallboard.png', true);

  await page.goto('/helpline/kpis');
  await page.getByTestId('kpi-period').getByText('Last 30 days').click();
  await expect(page.getByTestId('kpi-chart').locator('svg')).toBeVisible();
  await expect(page.getByTestId('kpi-table')).toContainText('All channels');
  await shoot(page, 'helpline-kpis.png', true);
});

test('taxonomy editor: the draft with a local sub-code being added', async ({ page }) => {
  await signIn(page, DEMO.regional);
  await page.goto('/admin/taxonomy');
  const heading = page.getByTestId('taxonomy-heading');
  await expect(heading).toBeVisible();
  const start = page.getByRole('button', { name: 'Start a draft' });
  const open = page.getByRole('button', { name: 'Open the draft' });
  if (await start.isVisible()) await start.click();
  else if (await open.isVisible()) await open.click();
  await expect(heading).toContainText('Draft');
  await page.getByRole('button', { name: /Trafficking in human beings/ }).click();
  await expect(page.locator('[data-code="THB.LABOUR.GR_SEASONAL"]')).toBeVisible();
  await shoot(page, 'taxonomy-draft.png');

  // The form is only filled in, not saved: the draft stays as it was.
  await page.getByRole('button', { name: 'Add a local sub-code under THB.BEGGING' }).click();
  const dialog = page.getByRole('dialog');
  await chooseOption(page, dialog, 'Country desk', /^Serbia/);
  await dialog.getByLabel(exactLabel('Sub-code')).fill('FORCED_BEGGING_TRANSIT');
  await dialog.getByLabel(exactLabel('English')).fill('Forced begging in transit (RS desk)');
  await dialog.getByLabel(exactLabel('Srpski')).fill('Prinudno prosjačenje u tranzitu');
  await shoot(page, 'taxonomy-add-sub-code.png');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('integrations: the signing secret shown once', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto('/admin/integrations');
  await page.getByRole('button', { name: 'New integration' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(exactLabel('Name')).fill(`Athens switchboard ${unique()}`);
  await chooseOption(page, dialog, 'Desk', /\(GR\)/);
  await dialog.getByRole('button', { name: 'Create integration' }).click();
  await expect(dialog.getByTestId('integration-secret')).not.toBeEmpty();
  await shoot(page, 'integrations-secret.png');
});

test('public report form on a desktop', async ({ page }) => {
  await page.goto('/report?lang=en');
  await expect(page.getByTestId('report-form')).toBeVisible();
  await page.getByTestId('report-country').click();
  await page.getByRole('option', { name: 'Greece' }).click();
  await shoot(page, 'public-report.png', true);
});

test('public report form and confirmation on a phone, in Greek', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'el-GR' });
  const page = await context.newPage();
  await page.goto('/report');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Πες μας τι συμβαίνει');
  await expect(page.getByTestId('report-form')).toBeVisible();
  await shoot(page, 'public-report-phone.png');
  await page.getByTestId('report-message').fill('Ένα παιδί στη γειτονιά μου δουλεύει όλη τη νύχτα σε ένα συνεργείο.');
  await page.getByTestId('report-send').click();
  await expect(page.getByTestId('report-receipt')).toBeVisible();
  await shoot(page, 'public-report-confirmation-phone.png', true);
  await context.close();
});
