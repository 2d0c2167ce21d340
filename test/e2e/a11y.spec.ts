import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn } from './helpers';

/** axe-core violations of impact serious or critical, as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('the sign-in page has no serious accessibility violation', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the sign-in page with an error has no serious accessibility violation', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter a valid e-mail address')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the administrator home page has no serious accessibility violation', async ({ page }) => {
  await signIn(page, DEMO.admin);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the operator home page has no serious accessibility violation', async ({ page }) => {
  await signIn(page, DEMO.operatorGr);
  expect(await seriousViolations(page)).toEqual([]);
});
