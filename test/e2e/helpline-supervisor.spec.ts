import { expect, test } from '@playwright/test';
import { api, chooseOption, DEMO, exactLabel, rawKeysOnPage, signIn, unique } from './helpers';

test('the wallboard counts a contact another operator starts, without a reload', async ({ page, browser }) => {
  await signIn(page, DEMO.supervisorGr);
  await page.getByRole('navigation').getByRole('link', { name: 'Wallboard' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wallboard');
  const total = page.getByTestId('wallboard-total');
  await expect(total).toHaveText(/^\d+$/);
  // Let the live stream connect before the change.
  await page.waitForTimeout(1000);
  const before = Number(await total.innerText());
  await page.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });

  const context = await browser.newContext();
  const operator = await context.newPage();
  await signIn(operator, DEMO.operatorGr);
  const created = await api(operator, 'POST', '/api/contacts', { idempotencyKey: `e2e-wallboard-${unique()}`, channel: 'phone', direction: 'inbound' });
  expect(created.ok(), await created.text()).toBe(true);
  const { reference } = (await created.json()) as { reference: string };
  await context.close();

  // Other specs may log GR contacts at the same time: at least ours is counted, live.
  await expect.poll(async () => Number(await total.innerText()), { timeout: 15_000 }).toBeGreaterThanOrEqual(before + 1);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  await expect(page.getByTestId('wallboard-operators')).toContainText('Demo Operator (GR)');
  await expect(page.getByTestId('wallboard-longest-draft')).toContainText(/GR-/);
  // The open draft's age counts up every second.
  const age = page.getByTestId('wallboard-longest-age');
  const first = await age.innerText();
  await expect(age).not.toHaveText(first, { timeout: 5000 });
  expect(reference).toMatch(/^GR-/);
  expect(await rawKeysOnPage(page)).toEqual([]);
});

test('the KPI page shows offered and handled per channel as a chart and as a table', async ({ page }) => {
  await signIn(page, DEMO.supervisorGr);
  await page.getByRole('navigation').getByRole('link', { name: 'Helpline KPIs' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Helpline KPIs');
  await page.getByTestId('kpi-period').getByText('Last 30 days').click();
  const table = page.getByTestId('kpi-table');
  await expect(table).toContainText('All channels');
  await expect(page.getByTestId('kpi-chart').locator('svg')).toBeVisible();
  await expect(page.getByTestId('kpi-offered')).toContainText(/\d/);
  const rows = await table.locator('tbody tr').count();
  expect(rows).toBeGreaterThan(1);
  expect(await rawKeysOnPage(page)).toEqual([]);
});

test('a regional coordinator adds a local sub-code in a draft and publishes it', async ({ page }) => {
  await signIn(page, DEMO.regional);
  await page.getByRole('navigation').getByRole('link', { name: 'Contact categories' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contact categories');
  const heading = page.getByTestId('taxonomy-heading');
  await expect(heading).toContainText(/Published|Draft/);
  const versionsBefore = (await (await api(page, 'GET', '/api/taxonomy/versions')).json()) as { version: number; status: string }[];
  const published = versionsBefore.find((v) => v.status === 'published')?.version ?? 0;

  // Another test may have left a draft open: then the page shows it already, or offers to open it.
  const start = page.getByRole('button', { name: 'Start a draft' });
  const open = page.getByRole('button', { name: 'Open the draft' });
  if (await start.isVisible()) await start.click();
  else if (await open.isVisible()) await open.click();
  await expect(heading).toContainText('Draft');

  await page.getByRole('button', { name: /Trafficking in human beings/ }).click();
  await page.getByRole('button', { name: 'Add a local sub-code under THB.LABOUR' }).click();
  const dialog = page.getByRole('dialog');
  await chooseOption(page, dialog, 'Country desk', /^Romania/);
  const suffix = `E2E${unique().toUpperCase()}`;
  await dialog.getByLabel(exactLabel('Sub-code')).fill(suffix);
  const code = `THB.LABOUR.RO_${suffix}`;
  await expect(dialog.getByTestId('new-code')).toHaveText(code);
  await dialog.getByLabel(exactLabel('English')).fill('Agricultural labour abroad (RO desk, e2e)');
  await dialog.getByLabel(exactLabel('Română')).fill('Muncă agricolă în străinătate');
  await dialog.getByRole('button', { name: 'Add sub-code' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator(`[data-code="${code}"]`)).toContainText('Local · RO');

  await page.getByRole('tab', { name: 'Compare with published' }).click();
  const compare = page.getByTestId('taxonomy-compare');
  await expect(compare.getByRole('row', { name: new RegExp(code.replace(/\./g, '\\.')) })).toContainText('Added');

  await page.getByTestId('publish-draft').click();
  await page.getByTestId('confirm-popover').getByRole('button', { name: 'Publish draft' }).click();
  await expect(heading).toContainText('Published');
  const versions = (await (await api(page, 'GET', '/api/taxonomy/versions')).json()) as { version: number; status: string }[];
  const current = versions.find((v) => v.status === 'published')?.version ?? 0;
  expect(current).toBeGreaterThan(published);
  expect(versions.find((v) => v.version === published)?.status).toBe('retired');
  await expect(heading).toContainText(`Version ${current}`);
  await expect(page.getByRole('navigation', { name: 'Versions' }).locator(`[data-version="${current}"]`)).toContainText('Published');
  await page.getByRole('button', { name: /Trafficking in human beings/ }).click();
  await expect(page.locator(`[data-code="${code}"]`)).toBeVisible();
});
