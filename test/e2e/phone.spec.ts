import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './helpers';

test('on a phone the navigation collapses into a burger menu that works', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);

  await signIn(page, DEMO.admin);
  const burger = page.getByRole('button', { name: 'Open navigation' });
  await expect(burger).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Users' })).not.toBeInViewport();

  await burger.click();
  await expect(nav.getByRole('link', { name: 'Users' })).toBeInViewport();
  await nav.getByRole('link', { name: 'Organisations' }).click();
  await expect(page).toHaveURL(/\/admin\/organisations$/);
  await expect(page.getByRole('heading', { name: 'Organisations', level: 1 })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Users' })).not.toBeInViewport();

  await page.getByRole('button', { name: 'Open navigation' }).click();
  await nav.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
});
