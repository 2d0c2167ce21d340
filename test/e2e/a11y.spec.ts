import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './helpers';
import { seriousViolations } from './support';

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
