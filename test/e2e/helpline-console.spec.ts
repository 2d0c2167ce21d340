import { expect, test, type Locator, type Page } from '@playwright/test';
import { api, DEMO, exactLabel, signIn, unique } from './helpers';
import { seriousViolations } from './support';

/** Press Tab until `target` has the focus (keyboard only). */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Type into the focused searchable select and take the first match. */
async function typeAndPick(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  await expect(page.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Enter');
}

/** Fill a searchable select (mouse and keyboard) and take the first match. */
async function pick(page: Page, label: string, text: string, expected: string): Promise<void> {
  const input = page.getByRole('combobox', { name: exactLabel(label) });
  await input.click();
  await page.keyboard.type(text);
  await expect(page.getByRole('option', { name: expected })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(input).toHaveValue(expected);
  await page.keyboard.press('Escape');
}

async function openConsole(page: Page): Promise<void> {
  await signIn(page, DEMO.operatorGr);
  await page.goto('/helpline/console');
  await expect(page.getByRole('heading', { level: 1, name: 'Helpline console' })).toBeVisible();
}

interface ContactPage {
  items: { id: string; reference: string; status: string; nonDataType: string | null; isThb: boolean }[];
  total: number;
}

test('an operator logs a trafficking report with the keyboard only and finds it under Contacts', async ({ page }) => {
  await openConsole(page);
  const word = `kbd${unique()}`;

  await page.keyboard.press('Alt+N');
  const callerType = page.getByRole('combobox', { name: exactLabel('Caller type') });
  await expect(callerType).toBeFocused();
  await typeAndPick(page, 'Member of');
  await expect(callerType).toHaveValue('Member of the public');

  await page.keyboard.press('Alt+3');
  const categories = page.getByRole('combobox', { name: exactLabel('Categories') });
  await expect(categories).toBeFocused();
  await typeAndPick(page, 'Labour exploit');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('checkbox', { name: 'Labour exploitation' })).toBeChecked();

  await page.keyboard.press('Alt+4');
  const signs = page.getByRole('checkbox', { name: 'Signs of trafficking' });
  await tabTo(page, signs);
  await page.keyboard.press('Space');
  await expect(signs).toBeChecked();

  await page.keyboard.press('Alt+5');
  const police = page.getByRole('checkbox', { name: 'Report to police' });
  await tabTo(page, police);
  await page.keyboard.press('Space');
  await expect(police).toBeChecked();

  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('combobox', { name: exactLabel('Outcome') })).toBeFocused();
  await typeAndPick(page, 'Reported to');
  await expect(page.getByRole('combobox', { name: exactLabel('Outcome') })).toHaveValue('Reported to police');

  await tabTo(page, page.getByRole('textbox', { name: 'Notes' }));
  await page.keyboard.type(`Seasonal workers on a farm, ${word}, passports taken.`);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  await page.keyboard.press('Alt+Enter');
  const finished = page.getByTestId('finished-contact');
  await expect(finished).toContainText(/Reference GR-/);
  await expect(page.getByTestId('new-contact')).toBeFocused();
  const reference = /Reference (\S+)\./.exec((await finished.textContent()) ?? '')?.[1] ?? '';
  expect(reference).toMatch(/^GR-/);

  await page.goto('/contacts');
  await page.getByRole('searchbox', { name: 'Search' }).focus();
  await page.keyboard.type(word);
  const table = page.getByTestId('contacts-table');
  await expect(table.getByRole('link', { name: reference })).toBeVisible();
  await expect(table).toContainText('THB');
  await expect(table).toContainText('Reported to police');
});

test('a reload in the middle of a contact keeps the draft, and finishing creates exactly one contact', async ({ page }) => {
  await openConsole(page);
  const word = `rld${unique()}`;
  await page.getByRole('button', { name: 'New contact' }).click();
  await pick(page, 'Caller type', 'Parent', 'Parent or relative');
  await page.getByRole('textbox', { name: exactLabel('Region') }).fill('Thessaloniki');
  await page.getByRole('textbox', { name: 'Notes' }).fill(`Worried mother, ${word}, son recruited online.`);
  await page.reload();

  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveValue(`Worried mother, ${word}, son recruited online.`);
  await expect(page.getByRole('combobox', { name: exactLabel('Caller type') })).toHaveValue('Parent or relative');
  await expect(page.getByRole('textbox', { name: exactLabel('Region') })).toHaveValue('Thessaloniki');
  await expect(page).toHaveURL(/\/helpline\/console\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveValue(`Worried mother, ${word}, son recruited online.`);

  await page.getByRole('tab', { name: 'Categories' }).click();
  await page.locator('label').filter({ hasText: /^Online recruitment or exploitation$/ }).click();
  await page.getByRole('tab', { name: 'Action taken' }).click();
  await page.locator('label').filter({ hasText: /^Guidance$/ }).click();
  await page.getByRole('tab', { name: 'Outcome' }).click();
  await pick(page, 'Outcome', 'Information given', 'Information given');
  await page.getByRole('button', { name: 'Finish contact' }).click();
  await expect(page.getByTestId('finished-contact')).toContainText(/Reference GR-/);
  await expect(page).toHaveURL(/\/helpline\/console$/);

  const found = (await (await api(page, 'GET', `/api/contacts?q=${word}`)).json()) as ContactPage;
  expect(found.total).toBe(1);
  expect(found.items[0]?.status).toBe('completed');
});

test('a non-data contact takes two clicks', async ({ page }) => {
  await signIn(page, DEMO.operatorGr);
  await page.getByRole('navigation').getByRole('link', { name: 'Helpline console' }).click();
  await page.getByRole('button', { name: 'Prank' }).click();
  const finished = page.getByTestId('finished-contact');
  await expect(finished).toContainText('Prank');
  const reference = /Reference (\S+):/.exec((await finished.textContent()) ?? '')?.[1] ?? '';
  const list = (await (await api(page, 'GET', '/api/contacts?status=completed&operator=me&limit=50')).json()) as ContactPage;
  expect(list.items.find((c) => c.reference === reference)?.nonDataType).toBe('prank');
});

test('a draft opened by mistake is discarded: kept on the server as discarded, gone from the console', async ({ page }) => {
  await openConsole(page);
  await page.getByRole('button', { name: 'New contact' }).click();
  await page.getByRole('textbox', { name: 'Notes' }).fill('Opened by mistake.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await expect(page).toHaveURL(/\/helpline\/console\/[0-9a-f-]{36}$/);
  const id = /console\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
  await page.getByRole('button', { name: 'Discard draft' }).click();
  await page.getByTestId('confirm-popover').getByRole('button', { name: 'Discard draft' }).click();
  await expect(page.getByRole('button', { name: 'New contact' })).toBeVisible();
  await expect(page).toHaveURL(/\/helpline\/console$/);
  const stored = (await (await api(page, 'GET', `/api/contacts/${id}`)).json()) as { status: string };
  expect(stored.status).toBe('discarded');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveCount(0);
});

test('finishing with missing fields shows what is missing and keeps what was typed', async ({ page }) => {
  await openConsole(page);
  await page.getByRole('button', { name: 'New contact' }).click();
  await pick(page, 'Caller type', 'Professional', 'Professional');
  await page.getByRole('textbox', { name: 'Notes' }).fill('Teacher reports a pupil missing school, works at night.');
  await page.getByRole('button', { name: 'Finish contact' }).click();

  await expect(page.getByTestId('finish-issues')).toBeVisible();
  await expect(page.getByRole('combobox', { name: exactLabel('Sector') })).toHaveAttribute('aria-invalid', 'true');
  for (const tab of ['Caller', 'Categories', 'Action taken', 'Outcome']) {
    await expect(page.getByRole('tab', { name: new RegExp(`^${tab}`) })).toHaveAttribute('data-error', 'true');
  }
  await expect(page.getByRole('tab', { name: /^Child/ })).not.toHaveAttribute('data-error', 'true');
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveValue('Teacher reports a pupil missing school, works at night.');
  await expect(page.getByRole('combobox', { name: exactLabel('Caller type') })).toHaveValue('Professional');

  await page.getByRole('tab', { name: /^Categories/ }).click();
  await expect(page.getByText('choose at least one category')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the console and the contacts pages have no serious accessibility violation', async ({ page }) => {
  await openConsole(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'New contact' }).click();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('tab', { name: 'Categories' }).click();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto('/contacts');
  await expect(page.getByTestId('contacts-total')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
