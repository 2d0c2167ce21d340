import { expect, test, type Browser, type Page } from '@playwright/test';
import { api, chooseOption, DEMO, exactLabel, rawKeysOnPage, signIn, unique } from './helpers';
import { seriousViolations, shoot } from './support';

/** A second person's own browser session (the police liaison, the Romanian desk). */
async function sessionOf(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'en-GB', timezoneId: 'Europe/Athens', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Answer one screening question (a radio group named by the indicator's label). */
async function answer(page: Page, indicator: string, value: 'Yes' | 'No' | "Don't know"): Promise<void> {
  await page.getByRole('radiogroup', { name: indicator }).getByRole('radio', { name: value, exact: true }).check();
}

// The whole path of issue 5: THB contact → case → screening "clear" → referral with consent to the police
// liaison, who accepts in their own session → cross-border hand-off to the Romanian desk, accepted there.
test('a THB report becomes a case, is screened, referred to the police and handed off to Romania', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const tag = unique();
  await signIn(page, DEMO.supervisorGr);

  // 1. A THB contact logged at the Greek desk.
  const created = await api(page, 'POST', '/api/contacts', {
    idempotencyKey: `case-flow-${tag}`,
    channel: 'phone',
    complete: true,
    language: 'el',
    callerType: 'member_of_public',
    childAgeBand: '13_15',
    region: 'Piraeus',
    categories: ['THB.BEGGING'],
    informationGiven: ['thb_indicators'],
    actionsTaken: ['nrm_notification'],
    outcome: 'referred',
    consentConfidentiality: true,
    notes: `A girl begs every morning at the metro and gives the money to a man (${tag}). Invented demo data.`,
  });
  expect(created.ok(), await created.text()).toBe(true);
  const contact = (await created.json()) as { id: string; reference: string };

  // 2. From the contact page to a new case.
  await page.goto(`/contacts/${contact.id}`);
  await page.getByRole('button', { name: 'Open a case' }).or(page.getByRole('link', { name: 'Open a case' })).first().click();
  await expect(page).toHaveURL(/\/cases\/new\?contact=/);
  await expect(page.getByText(contact.reference).first()).toBeVisible();
  await page.getByLabel(exactLabel('Title')).fill(`Girl begging at the metro (${tag})`);
  await page.getByLabel(exactLabel('Given name')).fill('Lina');
  await page.getByLabel(exactLabel('Age in years')).fill('13');
  await page.getByRole('button', { name: 'Open case' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseId = page.url().split('/').pop()!;
  await expect(page.getByRole('heading', { level: 1 })).toContainText(tag);

  // 3. Consent of the guardian, covering referral and transfer abroad.
  await page.getByRole('button', { name: 'Record consent' }).first().click();
  const consent = page.getByRole('dialog');
  await consent.getByLabel('Consent given').check();
  await chooseOption(page, consent, 'Given by', /guardian/);
  await consent.getByLabel('Covers referral to NRM actors').check();
  await consent.getByLabel("Covers transfer to another country's desk").check();
  await consent.getByRole('button', { name: 'Record consent' }).click();
  await expect(consent).toBeHidden();

  // 4. Screening with the child set: a strong exploitation answer and a medium recruitment answer.
  await page.getByRole('tab', { name: 'Screening' }).click();
  await answer(page, 'Moved or transported by someone other than a parent or legal guardian', 'Yes');
  await answer(page, 'Made to beg and hands the money over to an adult or group', 'Yes');
  await page.getByRole('button', { name: 'Record screening' }).click();
  const latest = page.getByRole('region', { name: 'Latest screening' });
  await expect(latest.getByText(/Clear/).first()).toBeVisible();
  await expect(latest.getByText(/refer for formal identification/)).toBeVisible();
  await expect(latest.getByText('Made to beg and hands the money over to an adult or group', { exact: false }).first()).toBeVisible();
  await shoot(page, 'case-screening.png', true);

  // 5. Referral along the Greek pathway's identification step to the police unit, sent with consent.
  await page.getByRole('tab', { name: 'Referrals' }).click();
  await page.getByRole('button', { name: 'New referral' }).click();
  const referral = page.getByRole('dialog');
  await referral.getByTestId('referral-step').click();
  await page.getByRole('option', { name: /Identification/i }).first().click();
  await referral.getByTestId('referral-actor').click();
  await page.getByRole('option', { name: /Police Anti-Trafficking Unit Athens/ }).first().click();
  await referral.getByLabel('Message to the receiver').fill('Please assess for formal identification; the adult is seen at the station every morning.');
  await referral.getByLabel('Send now').check();
  await referral.getByTestId('referral-submit').click();
  await expect(referral).toBeHidden();
  await expect(page.getByText('Sent', { exact: true }).first()).toBeVisible();
  await shoot(page, 'case-referrals.png');

  // 6. The police liaison officer, in their own session, sees only that referral and accepts it.
  const police = await sessionOf(browser, DEMO.policeGr);
  await police.goto('/referrals');
  await police.getByRole('link', { name: new RegExp(`Open the referral of case`) }).first().click();
  await expect(police.getByRole('heading', { level: 1 })).toContainText('Referral');
  await expect(police.getByText('Lina').first()).toBeVisible();
  await shoot(police, 'referral-receiver.png', true);
  expect(await seriousViolations(police)).toEqual([]);
  await police.getByTestId('answer-comment').fill('Accepted: an officer will meet the child with the guardian tomorrow.');
  await police.getByTestId('referral-action-accept').click();
  await expect(police.getByText('Accepted', { exact: true }).first()).toBeVisible();
  // The case itself stays closed to them.
  const refused = await api(police, 'GET', `/api/cases/${caseId}`);
  expect(refused.status()).toBe(403);
  await police.context().close();

  // 7. The desk sees the acceptance; then hands the case off to the Romanian desk.
  await page.reload();
  await page.getByRole('tab', { name: 'Referrals' }).click();
  await expect(page.getByText('Accepted', { exact: true }).first()).toBeVisible();
  await page.getByRole('tab', { name: 'Hand-offs' }).click();
  await page.getByRole('button', { name: "Hand off to another country's desk" }).click();
  const handoff = page.getByRole('dialog');
  await chooseOption(page, handoff, 'Receiving desk', /Save the Children Romania/);
  await handoff.getByLabel(exactLabel('Non-identifying summary')).fill(`The family moves back to Romania next week; please continue support (${tag}).`);
  await shoot(page, 'case-handoff-request.png');
  await handoff.getByTestId('handoff-submit').click();
  await expect(handoff).toBeHidden();
  await expect(page.getByText('Requested', { exact: true }).first()).toBeVisible();

  // 8. The Romanian case manager accepts it: a linked case opens there, without the child's name.
  const ro = await sessionOf(browser, DEMO.caseManagerRo);
  await ro.goto('/handoffs');
  const card = ro.getByTestId('handoff-card').filter({ hasText: tag });
  await card.getByTestId('handoff-accept').click();
  await ro.getByRole('dialog').getByTestId('handoff-confirm').click();
  await ro.getByRole('link', { name: /Open the new case/ }).first().click();
  await expect(ro).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(ro.getByRole('heading', { level: 1 })).toContainText(/RO-\d{4}-\d{6}/);
  await expect(ro.getByText('Hand-off from another country').first()).toBeVisible();
  await expect(ro.getByText('Lina')).toHaveCount(0);
  await shoot(ro, 'case-received-handoff.png', true);
  await ro.context().close();

  // 9. The sender sees the hand-off accepted; the timeline tells the whole story; no raw keys anywhere.
  await page.reload();
  await page.getByRole('tab', { name: 'Hand-offs' }).click();
  await expect(page.getByText('Accepted', { exact: true }).first()).toBeVisible();
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await shoot(page, 'case-timeline.png', true);
  expect(await rawKeysOnPage(page)).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
  const stored = (await (await api(page, 'GET', `/api/cases/${caseId}`)).json()) as { concernLevel: string; timings: { firstReferralAt: string | null; firstAcceptanceAt: string | null } };
  expect(stored.concernLevel).toBe('clear');
  expect(stored.timings.firstReferralAt).not.toBeNull();
  expect(stored.timings.firstAcceptanceAt).not.toBeNull();
});

test('the case list, the liaison inbox and the NRM pathway page', async ({ page }) => {
  await signIn(page, DEMO.supervisorGr);
  await page.goto('/cases');
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  await expect(page.getByText(/Girl begging at a metro station/).first()).toBeVisible();
  await shoot(page, 'cases-list.png');
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto('/nrm');
  await expect(page.getByRole('heading', { level: 1, name: 'NRM pathways' })).toBeVisible();
  await expect(page.getByText('Needs review by the country desk').first()).toBeVisible();
  await shoot(page, 'nrm-pathway.png', true);
  expect(await seriousViolations(page)).toEqual([]);
  expect(await rawKeysOnPage(page)).toEqual([]);
});
