import { expect, type APIResponse, type Page } from '@playwright/test';

/** Password of every seeded demo account. */
export const DEMO_PASSWORD = 'victor-demo-2026';

/** The seeded demo accounts used by the tests. */
export const DEMO = {
  admin: 'admin@victor.example',
  regional: 'regional@victor.example',
  supervisorGr: 'supervisor.gr@victor.example',
  operatorGr: 'operator.gr@victor.example',
  operatorBg: 'operator.bg@victor.example',
  caseManagerRo: 'casemanager.ro@victor.example',
  policeGr: 'police.gr@victor.example',
  liaisonRo: 'liaison.ro@victor.example',
  evaluator: 'evaluator@victor.example',
} as const;

/** A suffix that keeps names created by one run (and one test) apart. */
export function unique(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

/** A label matcher for a field whose label is exactly `text` (Mantine adds " *" to required fields). */
export function exactLabel(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);
}

/** Fill and submit the sign-in form (English labels). */
export async function submitLogin(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel(exactLabel('Password')).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Sign in with a demo account (no 2FA), wait for home in the account's language, then show it in English. */
export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await submitLogin(page, email, password);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The page shows the language the account had when the page loaded its session. Tests running in
  // parallel may share a demo account and switch its saved language meanwhile, so read the page's own
  // language rather than the account's current one.
  await expect(page.locator('html')).toHaveAttribute('lang', /^[a-z]{2}(-Latn)?$/);
  const tag = await page.locator('html').getAttribute('lang');
  if (tag !== 'en') {
    await page.getByTestId('language-switcher').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
  }
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');
}

/** Sign out through the navigation (desktop layout) and wait for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

/** The CSRF token the server set for this browser context. */
async function csrfToken(page: Page): Promise<string> {
  const cookies = await page.context().cookies();
  return cookies.find((c) => c.name === 'victor_csrf')?.value ?? '';
}

/** Call the API with the page's session (cookies shared with the browser context). */
export async function api(page: Page, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, data?: unknown): Promise<APIResponse> {
  const headers: Record<string, string> = method === 'GET' ? {} : { 'x-csrf-token': await csrfToken(page) };
  return page.request.fetch(path, { method, headers, data: method === 'GET' ? undefined : (data ?? {}) });
}

/** Choose an option of a Mantine Select (or MultiSelect) found by its label inside `scope`. */
export async function chooseOption(page: Page, scope: ReturnType<Page['locator']> | Page, label: string, option: string | RegExp): Promise<void> {
  const input = scope.getByLabel(exactLabel(label));
  await input.click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Text on the page that looks like an untranslated catalogue key (e.g. `nav.home`). */
export async function rawKeysOnPage(page: Page): Promise<string[]> {
  const namespaces = [
    'app', 'demo', 'language', 'common', 'pagination', 'notify', 'errors', 'validation', 'auth', 'mfa', 'nav', 'home',
    'account', 'fields', 'users', 'organisations', 'tokens', 'audit', 'roles', 'scopes', 'organisationTypes', 'partnership', 'permissions', 'wallboard', 'kpis', 'taxonomy', 'integrations', 'publicReport', 'console', 'contacts', 'contactFields', 'desks', 'kbPanel', 'knowledge', 'cases', 'referrals',
  ];
  const pattern = new RegExp(`\\b(?:${namespaces.join('|')})\\.[A-Za-z_][\\w.]*`, 'g');
  const text = await page.locator('body').innerText();
  return text.match(pattern) ?? [];
}
