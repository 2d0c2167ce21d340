import { expect, test } from '@playwright/test';
import { api, DEMO, exactLabel, signIn, unique } from './helpers';
import { shoot } from './support';

/**
 * Screenshots of the helpline console and the contacts pages for docs/screenshots/. Taken on every run,
 * written there only with UPDATE_SCREENSHOTS=1 (otherwise to .tmp/e2e-screenshots).
 */
test.describe.configure({ mode: 'serial' });

// Signed in as the Greek supervisor (who also logs contacts): the operator account is busy in helpline-console.spec.ts,
// which may run at the same time, and sign-in switches the account's language.
test('console mid-contact with a repeat caller, contacts search, contact detail', async ({ page }) => {
  await signIn(page, DEMO.supervisorGr);
  const callerId = `+30 697 ${String(Date.now()).slice(-7)}`;
  const earlier = await api(page, 'POST', '/api/contacts', {
    idempotencyKey: `shot-${unique()}-earlier`,
    channel: 'phone',
    complete: true,
    language: 'el',
    callerType: 'child',
    childAgeBand: '16_17',
    region: 'Patras',
    categories: ['THB.LABOUR'],
    informationGiven: ['thb_indicators', 'victim_rights'],
    actionsTaken: ['police_report', 'nrm_notification'],
    outcome: 'reported_to_police',
    consentConfidentiality: true,
    callerId,
    notes: 'Boy, 17, works on a greenhouse farm near Patras; employer keeps his papers and his wages. Invented demo data.',
  });
  expect(earlier.ok(), await earlier.text()).toBe(true);
  const earlierContact = (await earlier.json()) as { id: string };
  const lookup = (await (await api(page, 'GET', `/api/callers/lookup?callerId=${encodeURIComponent(callerId)}`)).json()) as { profile: { id: string } | null };
  expect(lookup.profile).not.toBeNull();
  const flagged = await api(page, 'POST', `/api/callers/${lookup.profile?.id}/flags`, { flag: 'vulnerable', days: 30, note: 'Minor, calls late at night' });
  expect(flagged.ok(), await flagged.text()).toBe(true);

  await page.goto('/helpline/console');
  await page.getByRole('button', { name: 'New contact' }).click();
  for (const [label, text, value] of [['Caller type', 'Child', 'Child or young person'], ["Caller's age", '16', '16–17']] as const) {
    const input = page.getByRole('combobox', { name: exactLabel(label) });
    await input.click();
    await page.keyboard.type(text);
    await expect(page.getByRole('option', { name: value })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(input).toHaveValue(value);
    await page.keyboard.press('Escape');
  }
  await page.getByRole('textbox', { name: exactLabel('Region') }).fill('Patras');
  await page.getByRole('textbox', { name: exactLabel('Caller id') }).fill(callerId);
  await page.getByRole('checkbox', { name: 'Confidentiality explained and agreed' }).check();
  await page.getByRole('textbox', { name: 'Notes' }).fill('Calls again: the employer now threatens to report him to the police if he leaves. Invented demo data.');
  await expect(page.getByTestId('caller-profile')).toContainText('Vulnerable');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await shoot(page, 'console-contact.png', true);

  await page.goto('/contacts');
  await expect(page.getByTestId('contacts-table')).toContainText('Labour exploitation');
  await shoot(page, 'contacts-search.png');

  await page.goto(`/contacts/${earlierContact.id}`);
  await expect(page.getByTestId('contact-notes')).toContainText('greenhouse');
  await shoot(page, 'contact-detail.png', true);
});
