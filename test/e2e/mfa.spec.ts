import { expect, test, type Page } from '@playwright/test';
import * as OTPAuth from 'otpauth';
import { chooseOption, DEMO, signIn, signOut, submitLogin, unique, exactLabel } from './helpers';

const PERIOD = 30;

/** The TOTP code for the secret, waiting for a new time step when `notInStep` was already used. */
async function totp(secret: string, notInStep?: number): Promise<{ code: string; step: number }> {
  const generator = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), period: PERIOD });
  let step = Math.floor(Date.now() / 1000 / PERIOD);
  if (notInStep !== undefined && step <= notInStep) {
    await new Promise((resolve) => setTimeout(resolve, ((notInStep + 1) * PERIOD * 1000 - Date.now()) + 500));
    step = Math.floor(Date.now() / 1000 / PERIOD);
  }
  return { code: generator.generate({ timestamp: step * PERIOD * 1000 }), step };
}

async function createOperator(page: Page, email: string, name: string, password: string): Promise<void> {
  await page.goto('/admin/users');
  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  await dialog.getByLabel('E-mail address').fill(email);
  await dialog.getByLabel('Full name').fill(name);
  await dialog.getByLabel(exactLabel('Initial password')).fill(password);
  await chooseOption(page, dialog, 'Organisation', /The Smile of the Child/);
  await chooseOption(page, dialog, 'Role', 'Helpline operator');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByText(`User ${name} created.`)).toBeVisible();
  await expect(dialog).toBeHidden();
}

test('a new operator must set up two-factor authentication, then signs in with codes', async ({ page }) => {
  test.setTimeout(150_000);
  const id = unique();
  const email = `operator.${id}@example.org`;
  const name = `Eleni Test ${id}`;
  const password = `first-password-${id}`;
  const newPassword = `second-password-${id}`;

  await signIn(page, DEMO.admin);
  await createOperator(page, email, name, password);
  await signOut(page);

  // First sign-in: forced to the setup page.
  await submitLogin(page, email, password);
  await expect(page).toHaveURL(/\/login\/two-factor$/);
  await expect(page.getByRole('heading', { name: 'Set up two-factor authentication' })).toBeVisible();
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  const secret = (await page.getByTestId('mfa-secret').getAttribute('data-secret')) ?? '';
  expect(secret).toMatch(/^[A-Z2-7]+=*$/);
  const first = await totp(secret);
  await page.getByLabel('Six-digit code').fill(first.code);
  await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();

  const codes = page.getByTestId('recovery-codes').getByRole('listitem');
  await expect(codes).toHaveCount(10);
  const recoveryCodes = (await codes.allInnerTexts()).map((c) => c.trim());
  const proceed = page.getByRole('button', { name: 'Continue to Victor' });
  await expect(proceed).toBeDisabled();
  await page.getByLabel('I have saved these recovery codes in a safe place').check();
  await proceed.click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  await signOut(page);

  // Second sign-in: the code step, with a fresh code from the next time step.
  await submitLogin(page, email, password);
  await expect(page).toHaveURL(/\/login\/code$/);
  const second = await totp(secret, first.step);
  await page.getByLabel('Six-digit code').fill(second.code);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/$/);

  // Change the password on the account page.
  await page.getByRole('navigation').getByRole('link', { name: 'My account' }).click();
  await expect(page.getByTestId('mfa-status')).toHaveText('On');
  await page.getByLabel(exactLabel('Current password')).fill(password);
  await page.getByLabel(exactLabel('New password')).fill(newPassword);
  await page.getByLabel(exactLabel('Repeat the new password')).fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password has been changed.')).toBeVisible();
  await signOut(page);

  // The old password no longer works; the new one does, finished with a recovery code.
  await submitLogin(page, email, password);
  await expect(page.getByTestId('form-error')).toBeVisible();
  await submitLogin(page, email, newPassword);
  await expect(page).toHaveURL(/\/login\/code$/);
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await page.getByLabel('Recovery code').fill(recoveryCodes[0] ?? '');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
});
