import { expect, test } from '@playwright/test';
import { api, DEMO, DEMO_PASSWORD, signIn, signOut, submitLogin, unique } from './helpers';
import { shoot } from './support';

/**
 * The screenshots of docs/screenshots/. They are taken on every run, but written there only with
 * UPDATE_SCREENSHOTS=1 (otherwise to .tmp/e2e-screenshots), so a plain test run leaves the tree clean.
 */
test.describe.configure({ mode: 'serial' });

test('login', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await shoot(page, 'login.png');
});

test('home in English and Greek, user administration, organisations', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await shoot(page, 'home-en.png');

  await page.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
  await expect(page.getByTestId('users-table')).toContainText('admin@victor.example');
  await shoot(page, 'user-admin.png');

  await page.getByRole('navigation').getByRole('link', { name: 'Organisations' }).click();
  await expect(page.getByTestId('organisations-table')).toContainText('The Smile of the Child');
  await shoot(page, 'organisations.png');
  await signOut(page);

  await signIn(page, DEMO.supervisorGr);
  await page.getByTestId('language-switcher').click();
  await page.getByRole('menuitem', { name: 'Ελληνικά' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Καλώς ήρθατε');
  await shoot(page, 'home-el.png');
  await page.getByTestId('language-switcher').click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');
});

test('two-factor setup of a new operator', async ({ page }) => {
  await signIn(page, DEMO.admin);
  const organisations = (await (await api(page, 'GET', '/api/admin/organisations')).json()) as { id: string; name: string }[];
  const smile = organisations.find((o) => o.name === 'The Smile of the Child');
  expect(smile).toBeDefined();
  const id = unique();
  const email = `maria.${id}@example.org`;
  const created = await api(page, 'POST', '/api/admin/users', {
    email,
    displayName: 'Maria Papadopoulou',
    password: DEMO_PASSWORD,
    locale: 'en',
    memberships: [{ organisationId: smile?.id, role: 'helpline_operator' }],
  });
  expect(created.ok(), await created.text()).toBe(true);
  await signOut(page);

  await submitLogin(page, email);
  await expect(page.getByRole('heading', { name: 'Set up two-factor authentication' })).toBeVisible();
  await expect(page.getByTestId('mfa-secret')).toBeVisible();
  await shoot(page, 'mfa-setup.png', true);
});

test('home on a phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'en-GB' });
  const page = await context.newPage();
  await signIn(page, DEMO.operatorGr);
  await shoot(page, 'home-phone.png');
  await context.close();
});
