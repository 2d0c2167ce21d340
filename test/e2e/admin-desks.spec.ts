import { expect, test } from '@playwright/test';
import { api, chooseOption, DEMO, exactLabel, rawKeysOnPage, signIn } from './helpers';
import { SCREENSHOT_DIR, seriousViolations } from './support';

/** Written to docs/screenshots/ only with UPDATE_SCREENSHOTS=1, like screenshots.spec.ts. */
interface Desk {
  organisationId: string;
  countryCode: string;
  name: string;
  openingHours: Record<string, [string, string][]>;
  phoneNumbers: { number: string; service: string }[];
  publicIntake: boolean;
  needsReview: boolean;
}

test('an administrator changes the Slovenian desk: Saturday hours, a number, confirmed', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.getByRole('navigation').getByRole('link', { name: 'Helpline desks' }).click();
  await expect(page).toHaveURL(/\/admin\/desks$/);
  await expect(page.getByRole('heading', { name: 'Helpline desks', level: 1 })).toBeVisible();
  const table = page.getByTestId('desks-table');
  await expect(table).toContainText('Society KLJUC');
  await expect(table).toContainText('24/7');
  const row = page.getByRole('row').filter({ hasText: 'Society KLJUC' });
  await expect(row).toContainText('Slovenia');
  await expect(row).toContainText('Europe/Ljubljana');
  await expect(row).toContainText('Mon–Fri 09:00–17:00');
  await expect(row).toContainText('Needs review');
  expect(await rawKeysOnPage(page)).toEqual([]);
  await page.mouse.move(0, 0);
  expect(await seriousViolations(page)).toEqual([]);

  await row.getByRole('button', { name: 'Edit the desk of Society KLJUC' }).click();
  const dialog = page.getByRole('dialog', { name: 'Desk of Society KLJUC' });
  await expect(dialog.getByLabel(exactLabel('Name of the desk'))).toHaveValue('Info-desk Slovenia');
  await expect(dialog.getByRole('switch', { name: 'Open around the clock' })).not.toBeChecked();
  await expect(dialog.getByLabel('Monday: opens at')).toHaveValue('09:00');
  await page.screenshot({ path: '.tmp/e2e-screenshots/admin-desks-form-top.png', animations: 'disabled', caret: 'hide' });

  const saturday = dialog.getByRole('checkbox', { name: 'Saturday' });
  await expect(saturday).not.toBeChecked();
  await saturday.check();
  await dialog.getByLabel('Saturday: opens at').fill('10:00');
  await dialog.getByLabel('Saturday: closes at').fill('14:00');

  const before = await dialog.getByTestId('desk-number').count();
  await dialog.getByRole('button', { name: 'Add number' }).click();
  const n = before + 1;
  const number = dialog.getByLabel(exactLabel(`Number ${n}`));
  await expect(number).toBeFocused();
  await number.fill('+386 00 000 0000');
  await chooseOption(page, dialog, `Service of number ${n}`, 'Child helpline');
  await dialog.getByRole('checkbox', { name: 'Numbers and hours confirmed by the desk' }).check();
  expect(await rawKeysOnPage(page)).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: '.tmp/e2e-screenshots/admin-desks-form.png', fullPage: true, animations: 'disabled', caret: 'hide' });

  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Desk Info-desk Slovenia saved.')).toBeVisible();
  await expect(dialog).toBeHidden();
  const hours = row.getByTestId('desk-hours').getByText(/^(Mon|Sat)/);
  await expect(hours).toHaveText(['Mon–Fri 09:00–17:00', 'Sat 10:00–14:00']);
  await expect(row).toContainText('Confirmed');
  await expect(row).toContainText('+386 00 000 0000');
  await expect(row).toContainText('Child helpline');
  await expect(row).not.toContainText('Needs review');

  const desks = (await (await api(page, 'GET', '/api/admin/desks')).json()) as Desk[];
  const slovenia = desks.find((d) => d.countryCode === 'SI' && d.name === 'Info-desk Slovenia');
  expect(slovenia).toBeDefined();
  expect(slovenia?.openingHours.sat).toEqual([['10:00', '14:00']]);
  expect(slovenia?.openingHours.mon).toEqual([['09:00', '17:00']]);
  expect(slovenia?.openingHours.sun).toBeUndefined();
  expect(slovenia?.phoneNumbers).toContainEqual({ number: '+386 00 000 0000', service: 'child_helpline' });
  expect(slovenia?.needsReview).toBe(false);
  expect(slovenia?.publicIntake).toBe(true);

  await page.mouse.move(0, 0);
  await expect(page.getByText('Desk Info-desk Slovenia saved.')).toBeHidden({ timeout: 10_000 });
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/admin-desks.png`, animations: 'disabled', caret: 'hide' });
});

test('the desk form checks hours and numbers before saving', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto('/admin/desks');
  const row = page.getByRole('row').filter({ hasText: 'ASTRA' });
  await row.getByRole('button', { name: /^Edit the desk of / }).click();
  const dialog = page.getByRole('dialog', { name: /^Desk of / });
  await dialog.getByLabel('Tuesday: closes at').fill('08:00');
  await dialog.getByRole('button', { name: 'Add a second period on Wednesday' }).click();
  const again = dialog.getByLabel('Wednesday: opens again at');
  await expect(again).toBeFocused();
  await again.fill('1800');
  await page.keyboard.press('Tab');
  await expect(again).toHaveValue('18:00');
  await expect(dialog.getByLabel('Wednesday: closes again at')).toBeFocused();
  await page.keyboard.type('2030');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Wednesday: closes again at')).toHaveValue('20:30');
  await dialog.getByRole('button', { name: 'Add number' }).click();
  await dialog.getByLabel(exactLabel('Number 1')).fill('call us');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Must be after the opening time')).toBeVisible();
  await expect(dialog.getByText('Digits, spaces, +, ( ) and - only (3 to 30 characters)')).toBeVisible();
  await expect(dialog.getByLabel('Tuesday: closes at')).toHaveAttribute('aria-invalid', 'true');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: '.tmp/e2e-screenshots/admin-desks-errors.png', animations: 'disabled', caret: 'hide' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('Mon–Fri 09:00–17:00');
});

test('adding a desk offers only organisations without one and says where public reports go now', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto('/admin/desks');
  await page.getByRole('button', { name: 'Add desk' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a desk' });
  await dialog.getByLabel(exactLabel('Organisation')).click();
  await expect(page.getByRole('option', { name: /Society KLJUC/ })).toHaveCount(0);
  await page.getByRole('option', { name: /Ministry of Justice/ }).click();
  await expect(dialog.getByLabel(exactLabel('Time zone'))).toHaveValue('Europe/Athens');
  await dialog.getByRole('switch', { name: 'Open around the clock' }).check();
  await expect(dialog.getByRole('checkbox', { name: 'Monday' })).toBeHidden();
  await dialog.getByRole('switch', { name: 'Receives public-form reports for this country' }).check();
  await expect(dialog.getByTestId('intake-moves')).toContainText('Info-desk Greece (The Smile of the Child)');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});
