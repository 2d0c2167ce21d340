/**
 * The HTTP load scenarios: autocannon against a running Victor server, with a CSRF cookie and an
 * administrator session obtained the way a browser gets them.
 */
import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '../src/db/seed/network.data';

/** One scenario's figures (latencies in milliseconds). */
export interface ScenarioResult {
  scenario: string;
  database: string;
  method: string;
  path: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  reqPerSecAvg: number;
  latencyAvg: number;
  p50: number;
  p97_5: number;
  p99: number;
  latencyMax: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** How hard and how long to load. */
export interface LoadOptions {
  connections: number;
  durationSeconds: number;
}

/** The demo administrator (exempt from two-factor sign-in). */
export const BENCH_LOGIN = { email: 'admin@victor.example', password: DEMO_PASSWORD };

function cookiesOf(res: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(';')[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) out.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return out;
}

/** A CSRF cookie from GET /api/auth/session. */
export async function fetchCsrf(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/session`);
  const csrf = cookiesOf(res).get('victor_csrf');
  if (!csrf) throw new Error('the server set no victor_csrf cookie');
  return csrf;
}

/** Sign in as the demo administrator; returns the Cookie header (session + CSRF). */
export async function signInAdmin(url: string): Promise<string> {
  return signInAs(url, BENCH_LOGIN);
}

/** Sign in as any account without 2FA; returns the Cookie header (session + CSRF). */
export async function signInAs(url: string, login: { email: string; password: string }): Promise<string> {
  const csrf = await fetchCsrf(url);
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { cookie: `victor_csrf=${csrf}`, 'x-csrf-token': csrf, 'content-type': 'application/json' },
    body: JSON.stringify(login),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${login.email} failed: ${res.status} ${await res.text()}`);
  const session = cookiesOf(res).get('victor_session');
  if (!session) throw new Error('the server set no victor_session cookie');
  return `victor_csrf=${csrf}; victor_session=${session}`;
}

async function load(
  name: string,
  database: string,
  url: string,
  req: { method: 'GET' | 'POST' | 'PATCH'; path: string; headers: Record<string, string>; body?: string },
  opts: LoadOptions,
): Promise<ScenarioResult> {
  const r = await autocannon({
    title: name,
    url: `${url}${req.path}`,
    method: req.method,
    headers: req.headers,
    body: req.body,
    connections: opts.connections,
    duration: opts.durationSeconds,
    timeout: 30,
  });
  return toScenarioResult(r, { scenario: name, database, method: req.method, path: req.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id'), connections: opts.connections });
}

/** An autocannon result as one row of the report. */
export function toScenarioResult(
  r: autocannon.Result,
  run: Pick<ScenarioResult, 'scenario' | 'database' | 'method' | 'path' | 'connections'>,
): ScenarioResult {
  return {
    ...run,
    durationSeconds: r.duration,
    requests: r.requests.total,
    reqPerSecAvg: r.requests.average,
    latencyAvg: r.latency.average,
    p50: r.latency.p50,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    latencyMax: r.latency.max,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
  };
}

/**
 * Run the scenarios against one server: `sign-in` (argon2id-bound by design), the authenticated
 * reads `session` and `users list` with an administrator cookie, then `audited write` (an organisation
 * edit: one transaction with its hash-chained audit entry — the baseline of every audited change).
 * `onStart` is called before each scenario (for progress output).
 */
export async function runScenarios(url: string, database: string, opts: LoadOptions, onStart?: (name: string) => void): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  const csrf = await fetchCsrf(url);
  onStart?.('sign-in');
  results.push(
    await load('sign-in', database, url, {
      method: 'POST',
      path: '/api/auth/login',
      headers: { cookie: `victor_csrf=${csrf}`, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: JSON.stringify(BENCH_LOGIN),
    }, opts),
  );
  const cookie = await signInAdmin(url);
  onStart?.('read: session');
  results.push(await load('read: session', database, url, { method: 'GET', path: '/api/auth/session', headers: { cookie } }, opts));
  onStart?.('read: users list');
  results.push(await load('read: users list', database, url, { method: 'GET', path: '/api/admin/users?limit=50', headers: { cookie } }, opts));
  const orgs = (await (await fetch(`${url}/api/admin/organisations`, { headers: { cookie } })).json()) as { id: string }[];
  const target = orgs[0];
  if (!target) throw new Error('no organisation to edit');
  onStart?.('audited write');
  results.push(
    await load('audited write', database, url, {
      method: 'PATCH',
      path: `/api/admin/organisations/${target.id}`,
      headers: { cookie, 'x-csrf-token': /victor_csrf=([^;]+)/.exec(cookie)![1]!, 'content-type': 'application/json' },
      body: JSON.stringify({ city: 'Athens' }),
    }, opts),
  );
  return results;
}
