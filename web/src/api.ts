import i18next from 'i18next';
import { currentLanguage } from './i18n.js';

/** An RFC 9457 problem as the server sends it; `title` is already in the request's language. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
}

/** A failed API call. `title` is safe to show to the person as it is. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string;

  constructor(problem: Problem) {
    super(problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.type = problem.type;
  }
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** A 401 is an expected answer here (sign-in, session check): do not end the session. */
  expectUnauthorized?: boolean;
}

type UnauthorizedListener = (error: ApiError) => void;
let unauthorizedListener: UnauthorizedListener | null = null;

/** Registers who to tell when the server says the session is gone (401). Returns an unsubscribe. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListener = listener;
  return () => {
    if (unauthorizedListener === listener) unauthorizedListener = null;
  };
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.title === 'string' && typeof candidate.status === 'number';
}

async function problemFrom(response: Response): Promise<ApiError> {
  try {
    const body: unknown = await response.json();
    if (isProblem(body)) {
      return new ApiError({
        type: typeof body.type === 'string' ? body.type : 'about:blank',
        title: body.title,
        status: body.status,
        detail: typeof body.detail === 'string' ? body.detail : undefined,
        code: typeof body.code === 'string' ? body.code : `http.${response.status}`,
      });
    }
  } catch {
    // Not JSON (a proxy's HTML error page, for example): fall through to a generic message.
  }
  return new ApiError({
    type: 'about:blank',
    title: i18next.t('errors.unexpected', { status: response.status }),
    status: response.status,
    code: `http.${response.status}`,
  });
}

function networkError(): ApiError {
  return new ApiError({
    type: 'about:blank',
    title: i18next.t('errors.network'),
    status: 0,
    code: 'network',
  });
}

function urlFor(path: string, query: Record<string, QueryValue> = {}): string {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, String(value));
  }
  // ?lang= wins over the account's setting on the server, so errors match what is on screen.
  url.searchParams.set('lang', currentLanguage());
  return url.pathname + url.search;
}

/**
 * Calls the Aman API on this origin with the session cookie, in the interface language.
 * Resolves with the parsed JSON (undefined for 204); rejects with an ApiError whose title can be
 * shown as it is.
 */
export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const language = currentLanguage();
  const headers: Record<string, string> = {
    ...options.headers,
    Accept: 'application/json, application/problem+json',
    'Accept-Language': language,
  };
  const init: RequestInit = { method, headers, credentials: 'include', signal: options.signal ?? null };
  if (options.body !== undefined) {
    // Only with a body: Fastify refuses an empty body declared as JSON.
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(urlFor(path, options.query), init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError();
  }
  if (!response.ok) {
    const error = await problemFrom(response);
    if (response.status === 401 && !options.expectUnauthorized) unauthorizedListener?.(error);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, options),
};

/** The message to show for any thrown value: the server's translated title, or a generic one. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.title;
  return i18next.t('errors.unexpectedPlain');
}
