import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { drawDemoSilhouettePng } from '../../src/services/alert-demo-photo';
import { api, DEMO, exactLabel, rawKeysOnPage, signIn, unique } from './helpers';
import { seriousViolations, shoot } from './support';

/** A drawn silhouette: the e2e's stand-in for a child's photo (never a real face). */
const PNG = drawDemoSilhouettePng(200);

/** What a broadcaster's webhook endpoint received. */
interface Received {
  body: string;
  signature: string;
  event: string;
}

/** A broadcaster's endpoint on loopback that records what Victor posts to it. */
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: String(req.headers['x-victor-signature'] ?? ''), event: String(req.headers['x-victor-event'] ?? '') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/broadcaster/cap`, received };
}

/** Does the signature header carry a valid HMAC-SHA256 of "t.body" with the subscription's secret? */
function signatureValid(secret: string, r: Received): boolean {
  const parts = Object.fromEntries(r.signature.split(',').map((p) => p.split('=') as [string, string]));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${r.body}`).digest('hex');
  return parts.v1 === expected;
}

/** A second person's own browser session. */
async function sessionOf(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'en-GB', timezoneId: 'Europe/Athens', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

// The path of issue 6: an operator drafts a child-abduction alert, a second person approves and issues
// it, it is on the public page and in the Atom feed, a broadcaster's webhook receives the CAP message,
// the child is found, and the photo and personal data disappear from the public surfaces.
test('an abduction alert is drafted, approved by a second person, published, delivered and resolved', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const tag = unique();
  const childName = `Daria Demo ${tag}`;
  const receiver = await startReceiver();
  try {
    // 0. A broadcaster subscribes to Greek alerts (administrator, alerts.configure).
    const admin = await sessionOf(browser, DEMO.admin);
    const sub = await api(admin, 'POST', '/api/admin/alert-webhooks', { name: `Demo broadcaster ${tag}`, url: receiver.url, countries: ['GR'] });
    expect(sub.ok(), await sub.text()).toBe(true);
    const { secret } = (await sub.json()) as { secret: string };
    await admin.context().close();

    // 1. The operator drafts the alert in the console.
    await signIn(page, DEMO.operatorGr);
    await page.goto('/alerts');
    await page.getByRole('link', { name: 'Draft an alert' }).or(page.getByRole('button', { name: 'Draft an alert' })).first().click();
    await expect(page).toHaveURL(/\/alerts\/new/);
    await expect(page.getByRole('heading', { level: 1, name: 'Draft a child alert' })).toBeVisible();
    await page.getByLabel(exactLabel("Child's name")).fill(childName);
    await page.getByLabel(exactLabel('Age (years)')).fill('9');
    await page.getByLabel(exactLabel('Description of the child')).fill('About 1.30 m, slim, short dark hair, red jacket with a white star, blue trainers.');
    await page.getByLabel(exactLabel('Last seen place')).fill('Playground near the harbour, Piraeus');
    await page.getByLabel(exactLabel('Area description')).fill('Piraeus and Athens, 25 km around the harbour');
    if ((await page.getByLabel(exactLabel('Circle 1: centre latitude')).count()) === 0) await page.getByRole('button', { name: 'Add a circle' }).click();
    await page.getByLabel(exactLabel('Circle 1: centre latitude')).fill('37.94');
    await page.getByLabel(exactLabel('Circle 1: centre longitude')).fill('23.64');
    await page.getByLabel(exactLabel('Circle 1: radius (km)')).fill('25');
    for (const criterion of ['The child is under 18', 'An abduction is believed to have happened', "The child's life or health is in serious danger", 'There is enough information for the public to help', 'Publishing will not add to the risk for the child', 'The competent authority has decided to issue the alert']) {
      await page.getByRole('checkbox', { name: new RegExp(`^${criterion.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).check();
    }
    await page.getByLabel(exactLabel('Decision reference')).fill(`PROS-${tag}`);
    const anHourAgo = new Date(Date.now() - 3_600_000 + 3 * 3_600_000).toISOString().slice(0, 16); // Athens local time (UTC+2/3), roughly
    await page.getByLabel(exactLabel('Decided at')).fill(anHourAgo);
    const lastSeen = page.getByLabel(exactLabel('Last seen at'));
    if (!(await lastSeen.inputValue())) await lastSeen.fill(anHourAgo);
    for (const button of await page.getByRole('button', { name: 'Fill from template' }).all()) await button.click();
    await shoot(page, 'alert-draft-form.png');
    await page.getByRole('button', { name: 'Save draft' }).click();

    // 2. The photo step, then the draft's page.
    await page.locator('input[type="file"]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: 'Upload photo' }).click();
    await expect(page).toHaveURL(/\/alerts\/[0-9a-f-]{36}$/);
    const alertId = page.url().split('/').pop()!;
    await expect(page.getByText('Draft', { exact: true }).first()).toBeVisible();
    // Four eyes: the drafter cannot approve.
    const approveOwn = page.getByRole('button', { name: 'Approve and issue' });
    if (await approveOwn.count()) await expect(approveOwn).toBeDisabled();
    expect(await rawKeysOnPage(page)).toEqual([]);

    // 3. The supervisor approves and issues in their own session.
    const supervisor = await sessionOf(browser, DEMO.supervisorGr);
    await supervisor.goto(`/alerts/${alertId}`);
    await expect(supervisor.getByRole('heading', { level: 1 })).toBeVisible();
    await supervisor.getByRole('button', { name: 'Approve and issue' }).click();
    const dialog = supervisor.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Approve and issue' }).click();
    await expect(supervisor.getByText('Issued', { exact: true }).first()).toBeVisible();
    // The toast fades in and out; axe judges the page itself.
    for (const close of await supervisor.locator('.mantine-Notification-root button').all()) await close.click().catch(() => undefined);
    await expect(supervisor.locator('.mantine-Notification-root')).toHaveCount(0);
    expect(await seriousViolations(supervisor)).toEqual([]);
    await shoot(supervisor, 'alert-issued.png');

    const view = (await (await api(supervisor, 'GET', `/api/alerts/${alertId}`)).json()) as { reference: string; messages: { identifier: string; public: boolean }[] };
    const identifier = view.messages.find((m) => m.public)!.identifier;

    // 4. The public page shows the child and the photo; the Atom feed lists the alert.
    const publicPage = await (await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'en-GB', viewport: { width: 1280, height: 800 } })).newPage();
    await publicPage.goto(`/child-alerts/en/${view.reference}`);
    await expect(publicPage.getByText(childName).first()).toBeVisible();
    const photo = publicPage.locator('img[src*="/child-alerts/photos/"]').first();
    await expect(photo).toBeVisible();
    const photoSrc = (await photo.getAttribute('src'))!;
    await expect(publicPage.getByRole('link', { name: /116\s?000/ }).first()).toBeVisible();
    expect(await seriousViolations(publicPage)).toEqual([]);
    await shoot(publicPage, 'alert-public-page.png', true);
    const feed = await publicPage.request.get('/feeds/child-alerts/GR.atom');
    expect(feed.ok()).toBe(true);
    expect(await feed.text()).toContain(identifier);

    // 5. The broadcaster's endpoint got the CAP message, signed with its secret.
    await expect.poll(() => receiver.received.filter((r) => r.body.includes(identifier)).length, { timeout: 20_000 }).toBeGreaterThan(0);
    const delivered = receiver.received.find((r) => r.body.includes(identifier))!;
    expect(delivered.body).toContain('<event>');
    expect(delivered.body).toContain('CAE');
    expect(signatureValid(secret, delivered)).toBe(true);

    // 6. The child is found: the supervisor resolves the alert.
    await supervisor.getByRole('button', { name: 'Resolve — child found' }).click();
    const resolve = supervisor.getByRole('dialog');
    await resolve.getByRole('button', { name: 'Resolve — child found' }).click();
    await expect(supervisor.getByText('Resolved', { exact: true }).first()).toBeVisible();

    // 7. The photo and the child's data are gone from the public page, the photo address and the feed.
    await publicPage.goto(`/child-alerts/en/${view.reference}`);
    await expect(publicPage.locator('img[src*="/child-alerts/photos/"]')).toHaveCount(0);
    await expect(publicPage.getByText(childName)).toHaveCount(0);
    await shoot(publicPage, 'alert-public-resolved.png');
    expect((await publicPage.request.get(photoSrc)).status()).toBe(410);
    expect(await (await publicPage.request.get('/feeds/child-alerts/GR.atom')).text()).not.toContain(childName);
    expect(await (await publicPage.request.get(`/cap/${identifier}.xml`)).text()).not.toContain(childName);
    // The broadcaster also got the all-clear.
    await expect.poll(() => receiver.received.filter((r) => r.body.includes('<msgType>Cancel</msgType>') && r.body.includes(identifier)).length, { timeout: 20_000 }).toBeGreaterThan(0);
    await supervisor.context().close();
    await publicPage.context().close();
  } finally {
    await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
  }
});

// Every page of issue 6, as the person who uses it: no untranslated keys, no serious axe violations.
test('the alert, missing-children, map and distribution pages pass axe', async ({ page, browser }) => {
  test.setTimeout(150_000);
  const visit = async (p: Page, path: string, heading: RegExp, shot: string) => {
    await p.goto(path);
    await expect(p.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await p.waitForLoadState('networkidle');
    expect(await rawKeysOnPage(p), path).toEqual([]);
    expect(await seriousViolations(p), path).toEqual([]);
    await shoot(p, `${shot}.png`);
  };
  await signIn(page, DEMO.supervisorGr);
  await visit(page, '/alerts', /alert/i, 'alerts-list');
  await visit(page, '/missing', /missing/i, 'missing-list');
  await visit(page, '/alerts/map', /map/i, 'alerts-regional-map');

  const regional = await sessionOf(browser, DEMO.regional);
  await visit(regional, '/alerts/pre-alerts', /pre-alert/i, 'alerts-pre-alerts');
  await regional.context().close();

  const admin = await sessionOf(browser, DEMO.admin);
  await visit(admin, '/admin/alert-webhooks', /distribution|webhook/i, 'alerts-webhooks-admin');
  await visit(admin, '/admin/alert-ingest', /alert systems/i, 'alerts-ingest-admin');
  await visit(admin, '/admin/alert-settings', /setting/i, 'alerts-settings');
  await admin.context().close();

  const publicPage = await (await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'en-GB', viewport: { width: 1280, height: 800 } })).newPage();
  await publicPage.goto('/child-alerts/en');
  await expect(publicPage.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await seriousViolations(publicPage)).toEqual([]);
  await shoot(publicPage, 'alerts-public-list.png');
  await publicPage.context().close();
});
