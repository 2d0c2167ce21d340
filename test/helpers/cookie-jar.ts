/**
 * A small browser-like HTTP client over fetch for tests against real server processes: one cookie
 * jar (shared by every node it talks to, like a browser behind a load balancer) and the CSRF
 * double-submit header on state-changing requests, as the web UI sends it.
 */

/** A response with its parsed JSON body (or null). */
export interface JarResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/** Cookies by name; requests may go to any base URL (node A, node B, …). */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  /** Remember Set-Cookie headers; an empty value, Max-Age=0 or a past Expires deletes the cookie. */
  store(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      if (eq < 1) continue;
      const name = pair.slice(0, eq);
      const value = decodeURIComponent(pair.slice(eq + 1));
      const expired =
        value === '' ||
        attrs.some((a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) <= Date.now()));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** The Cookie header value for the current jar. */
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  }

  /**
   * Send a request to `base + path`. JSON body for non-GET; the CSRF header is the jar's
   * `victor_csrf` cookie (whichever node set it); without one, a GET of the session fetches it first,
   * as the web UI does.
   */
  async request(base: string, method: string, path: string, body?: unknown): Promise<JarResponse> {
    if (method !== 'GET' && !this.cookies.has('victor_csrf')) await this.get(base, '/api/auth/session');
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = this.header();
    if (method !== 'GET' && this.cookies.has('victor_csrf')) headers['x-csrf-token'] = this.cookies.get('victor_csrf')!;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    this.store(res.headers);
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: res.status, headers: res.headers, body: parsed };
  }

  /** GET base + path. */
  get(base: string, path: string): Promise<JarResponse> {
    return this.request(base, 'GET', path);
  }

  /** POST base + path with a JSON body. */
  post(base: string, path: string, body: unknown = {}): Promise<JarResponse> {
    return this.request(base, 'POST', path, body);
  }
}
