import { expect, test } from '@playwright/test';
import { chooseOption, DEMO, signIn, unique, exactLabel } from './helpers';

test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO.admin);
});

test('create an organisation, edit it, and find it by country', async ({ page }) => {
  const name = `Helpline North ${unique()}`;
  await page.getByRole('navigation').getByRole('link', { name: 'Organisations' }).click();
  await expect(page.getByRole('heading', { name: 'Organisations', level: 1 })).toBeVisible();
  await expect(page.getByTestId('organisations-table')).toContainText('The Smile of the Child');
  await expect(page.getByTestId('organisations-table')).toContainText('Coordinator');

  await page.getByRole('button', { name: 'New organisation' }).click();
  const dialog = page.getByRole('dialog', { name: 'New organisation' });
  await dialog.getByLabel(exactLabel('Name')).fill(name);
  await dialog.getByLabel('Short name').fill('HN');
  await dialog.getByLabel('City').fill('Thessaloniki');
  await chooseOption(page, dialog, 'Country', 'Greece');
  await chooseOption(page, dialog, 'Type', 'National NGO');
  await chooseOption(page, dialog, 'VICTOR partnership', 'Associate partner');
  await dialog.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page.getByText(`Organisation ${name} created.`)).toBeVisible();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Greece');
  await expect(row).toContainText('Associate partner');
  await row.getByRole('button', { name: `Edit ${name}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit organisation: ${name}` });
  await edit.getByLabel('City').fill('Kavala');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`Organisation ${name} saved.`)).toBeVisible();
  await expect(row).toContainText('Kavala');

  await chooseOption(page, page.getByRole('region', { name: 'Filters' }), 'Country', 'Bulgaria');
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
  await expect(page.getByTestId('organisations-table')).toContainText('Nadja Centre Foundation');
});

test('add a membership to a user and remove it again', async ({ page }) => {
  await page.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
  await page.getByLabel('Search').fill('operator.bg');
  const row = page.getByRole('row').filter({ hasText: 'operator.bg@victor.example' });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: /^Edit / }).click();

  const dialog = page.getByRole('dialog', { name: /Edit user/ });
  const memberships = dialog.getByTestId('user-memberships');
  await expect(memberships).toBeVisible();
  const before = await memberships.getByRole('row').count();

  await chooseOption(page, dialog, 'Organisation', /ASTRA/);
  await chooseOption(page, dialog, 'Role', 'Trainer');
  await dialog.getByRole('button', { name: 'Add membership' }).click();
  await expect(page.getByText('Membership added.')).toBeVisible();
  const added = memberships.getByRole('row').filter({ hasText: 'ASTRA' });
  await expect(added).toContainText('Trainer');
  await expect(memberships.getByRole('row')).toHaveCount(before + 1);

  await added.getByRole('button', { name: /^Remove membership/ }).click();
  await page.getByTestId('confirm-popover').getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByText('Membership removed.')).toBeVisible();
  await expect(memberships.getByRole('row').filter({ hasText: 'ASTRA' })).toHaveCount(0);
});

test('create an API token, see it once, and revoke it', async ({ page }) => {
  const name = `Statistics export ${unique()}`;
  await page.getByRole('navigation').getByRole('link', { name: 'API tokens' }).click();
  await page.getByRole('button', { name: 'New token' }).click();
  const dialog = page.getByRole('dialog', { name: 'New API token' });
  await dialog.getByLabel(exactLabel('Name')).fill(name);
  await chooseOption(page, dialog, 'User', /evaluator@victor\.example/);
  await chooseOption(page, dialog, 'Permissions', 'View statistics');
  await dialog.getByRole('heading', { name: 'New API token' }).click();
  await dialog.getByRole('button', { name: 'Create token' }).click();

  const created = page.getByRole('dialog', { name: 'Your new API token' });
  await expect(created.getByTestId('new-token')).not.toBeEmpty();
  await created.getByRole('button', { name: 'Done' }).click();

  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Active');
  await expect(row).toContainText('View statistics');
  await row.getByRole('button', { name: `Revoke token ${name}` }).click();
  await page.getByTestId('confirm-popover').getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(page.getByText(`Token ${name} revoked.`)).toBeVisible();
  await expect(row).toContainText('Revoked');
});

test('the audit log lists entries and its chain verifies', async ({ page }) => {
  await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  await expect(page.getByTestId('audit-table').getByRole('row')).not.toHaveCount(1);
  await page.getByRole('button', { name: 'Verify chain' }).click();
  const verdict = page.getByTestId('audit-verdict');
  await expect(verdict).toHaveAttribute('data-ok', 'true');
  await expect(verdict).toContainText('The audit chain is intact');

  await page.getByRole('region', { name: 'Filters' }).getByLabel('Action').fill(`no.such.action.${unique()}`);
  const table = page.getByTestId('audit-table');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('cell')).toHaveText('No audit entries match these filters.');
});
