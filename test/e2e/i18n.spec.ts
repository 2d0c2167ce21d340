import { expect, test, type Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, rawKeysOnPage, exactLabel } from './helpers';

/** Language names as the switcher shows them, with a word of each catalogue's sign-out label. */
const LANGUAGES = [
  { code: 'en', tag: 'en', name: 'English', signOut: 'Sign out' },
  { code: 'el', tag: 'el', name: 'Ελληνικά', signOut: 'Αποσύνδεση' },
  { code: 'bg', tag: 'bg', name: 'Български', signOut: 'Изход' },
  { code: 'ro', tag: 'ro', name: 'Română', signOut: 'Deconectare' },
  { code: 'sl', tag: 'sl', name: 'Slovenščina', signOut: 'Odjava' },
  { code: 'sr', tag: 'sr-Latn', name: 'Srpski', signOut: 'Odjavi se' },
  { code: 'uk', tag: 'uk', name: 'Українська', signOut: 'Вийти' },
  { code: 'hu', tag: 'hu', name: 'Magyar', signOut: 'Kijelentkezés' },
  { code: 'ru', tag: 'ru', name: 'Русский', signOut: 'Выйти' },
] as const;

async function pickLanguage(page: Page, name: string): Promise<void> {
  await page.getByTestId('language-switcher').click();
  await page.getByRole('menuitem', { name }).click();
}

test('the language follows the choice on the sign-in page, the account preference and reloads', async ({ page }) => {
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await pickLanguage(page, 'Ελληνικά');
  await expect(page.getByRole('heading', { name: 'Σύνδεση' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'el');
  await expect(page.getByTestId('demo-banner')).toContainText('επινοημένα δεδομένα επίδειξης');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Σύνδεση' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'el');

  // A refused sign-in is explained in Greek, without the server's English sentence.
  await page.getByLabel('Διεύθυνση ηλεκτρονικού ταχυδρομείου').fill(DEMO.evaluator);
  await page.getByLabel(exactLabel('Κωδικός πρόσβασης')).fill('not-the-password');
  await page.getByRole('button', { name: 'Σύνδεση' }).click();
  await expect(page.getByTestId('form-error')).toContainText('Η σύνδεση απέτυχε');
  await expect(page.getByTestId('form-error')).not.toContainText('password is not correct');

  await page.getByLabel(exactLabel('Κωδικός πρόσβασης')).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Σύνδεση' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Καλώς ήρθατε');
  await expect(page.getByTestId('home-card-statistics')).toContainText('Στατιστικά');
  await expect(page.getByText('Αξιολογητής').first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'el');

  // The choice made before sign-in became the account's preference: it survives a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Καλώς ήρθατε');
  await expect(page.locator('html')).toHaveAttribute('lang', 'el');

  // Every language: translated, <html lang> set, and no raw catalogue keys on the page.
  for (const language of LANGUAGES) {
    await pickLanguage(page, language.name);
    await expect(page.locator('html')).toHaveAttribute('lang', language.tag);
    await expect(page.getByRole('navigation').getByRole('button', { name: language.signOut })).toBeVisible();
    expect(await rawKeysOnPage(page), `raw keys in ${language.code}`).toEqual([]);
  }

  // Switching on the home page is stored too; English is where the loop ended.
  await pickLanguage(page, 'Ελληνικά');
  await expect(page.locator('html')).toHaveAttribute('lang', 'el');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Καλώς ήρθατε');
  await pickLanguage(page, 'English');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');
});

test('every language shows the sign-in page without raw keys', async ({ page }) => {
  await page.goto('/login');
  for (const language of LANGUAGES) {
    await pickLanguage(page, language.name);
    await expect(page.locator('html')).toHaveAttribute('lang', language.tag);
    expect(await rawKeysOnPage(page), `raw keys in ${language.code}`).toEqual([]);
  }
});
