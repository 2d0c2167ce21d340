import type { ErrorBody } from '../../api/common.schemas';

/** A field problem reported by the server's validation. */
export interface ApiIssue {
  path: string;
  message: string;
}

/** Error codes that mean the browser session must go through a login step first. */
export type AuthProblem = 'UNAUTHENTICATED' | 'MFA_REQUIRED' | 'MFA_SETUP_REQUIRED';

/** A failed request: HTTP status, the server's stable code and its message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const CSRF_COOKIE = 'victor_csrf';
const CSRF_HEADER = 'x-csrf-token';

type AuthProblemListener = (problem: AuthProblem) => void;
const authListeners = new Set<AuthProblemListener>();

/**
 * Register a listener told when any request fails because the session is missing or needs a
 * second factor. Returns the function that removes the listener.
 */
export function onAuthProblem(listener: AuthProblemListener): () => void {
  authListeners.add(listener);
  return () => authListeners.delete(listener);
}

/** Read a cookie visible to scripts (the CSRF token is; the session cookie is not). */
function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** Make sure the CSRF cookie exists: any GET makes the server set it. */
async function ensureCsrfToken(): Promise<string> {
  const existing = readCookie(CSRF_COOKIE);
  if (existing) return existing;
  await fetch('/api/auth/session', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  return readCookie(CSRF_COOKIE) ?? '';
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Call the Victor API: JSON in and out (or a multipart FormData body for uploads), same-origin cookies,
 * the CSRF header on every non-GET.
 * Throws ApiError for non-2xx answers (code NETWORK when the server cannot be reached).
 */
export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const form = typeof FormData !== 'undefined' && body instanceof FormData;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers[CSRF_HEADER] = await ensureCsrfToken();
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : form ? (body as FormData) : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : String(cause));
  }
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!response.ok) {
    const error = isErrorBody(data)
      ? new ApiError(response.status, data.error.code, data.error.message, data.error.requestId, data.error.issues ?? [])
      : new ApiError(response.status, `HTTP_${response.status}`, response.statusText || text.slice(0, 200));
    if (error.code === 'UNAUTHENTICATED' || error.code === 'MFA_REQUIRED' || error.code === 'MFA_SETUP_REQUIRED') {
      for (const listener of authListeners) listener(error.code);
    }
    throw error;
  }
  return data as T;
}

/** POST a multipart form (an upload); the answer is JSON. */
export function apiPostForm<T>(path: string, form: FormData): Promise<T> {
  return apiRequest<T>('POST', path, form);
}

/** GET a JSON resource. */
export function apiGet<T>(path: string): Promise<T> {
  return apiRequest<T>('GET', path);
}

/** POST a JSON body (or nothing). */
export function apiPost<T>(path: string, body?: unknown): Promise<T> {
  return apiRequest<T>('POST', path, body ?? {});
}

/** PATCH a JSON body. */
export function apiPatch<T>(path: string, body: unknown): Promise<T> {
  return apiRequest<T>('PATCH', path, body);
}

/** DELETE a resource. */
export function apiDelete<T>(path: string): Promise<T> {
  return apiRequest<T>('DELETE', path);
}

/** Build a query string from the defined, non-empty values. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
