import { expect, test } from '@playwright/test';
import { DEMO, signIn, signOut, submitLogin } from './helpers';

test.describe('sign-in', () => {
  test('the demo administrator signs in, sees the administration navigation and signs out', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByTestId('demo-banner')).toContainText('This instance holds invented demo data');

    await signIn(page, DEMO.admin);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(nav.getByRole('link', { name: 'Users' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Organisations' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'API tokens' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Audit log' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'API documentation' })).toHaveAttribute('href', '/api/docs');
    await expect(page.getByTestId('demo-banner')).toBeVisible();
    await expect(page.getByTestId('home-card-users').getByRole('link', { name: 'Open' })).toBeVisible();

    await signOut(page);
    await page.goto('/admin/users');
    await expect(page).toHaveURL(/\/login$/);
  });

  test('a helpline operator sees role cards, later areas disabled, and no administration', async ({ page }) => {
    await signIn(page, DEMO.operatorGr);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');
    const logContact = page.getByTestId('home-card-logContact');
    await expect(logContact).toContainText('Log a contact');
    await expect(logContact).toContainText('Coming in a later release');
    await expect(logContact.getByRole('link')).toHaveCount(0);
    await expect(page.getByTestId('home-card-todaysContacts')).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Users' })).toHaveCount(0);
    await expect(page.getByText('The Smile of the Child').first()).toBeVisible();

    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { name: 'Not available for your roles' })).toBeVisible();
  });

  test('a wrong password shows the error and keeps the e-mail address', async ({ page }) => {
    await submitLogin(page, DEMO.supervisorGr, 'not-the-password-at-all');
    const error = page.getByTestId('form-error');
    await expect(error).toBeVisible();
    await expect(error).toContainText('Sign-in failed');
    await expect(page.getByLabel('E-mail address')).toHaveValue(DEMO.supervisorGr);
    await expect(page).toHaveURL(/\/login$/);
  });
});
