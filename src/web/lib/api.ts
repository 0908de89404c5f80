/**
 * The one way the web talks to the server: JSON over fetch, the session cookie, the CSRF token on
 * state changes, the UI language in accept-language, and problem+json errors as ApiError.
 */
import type { ZodType } from 'zod';
import type { AppRoute } from '@server/modules';

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  field?: string;
  errors?: FieldProblem[];
  [extra: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail || problem.title);
  }
  get code(): string {
    return this.problem.code;
  }
}

let csrfToken = '';
let language: 'vi' | 'en' = 'vi';
let onSessionLost: (() => void) | null = null;

export function setCsrfToken(token: string) {
  csrfToken = token;
}
export function setApiLanguage(lang: 'vi' | 'en') {
  language = lang;
}
/** Called when an authenticated request answers 401: the session expired or was ended. */
export function setSessionLostHandler(handler: (() => void) | null) {
  onSessionLost = handler;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { title: 'network', status: 0, code: 'network', detail: '' });
  }
  const text = await res.text();
  const data: unknown = text ? safeJson(text) : null;
  if (!res.ok) {
    const problem = isProblem(data)
      ? data
      : { title: res.statusText, status: res.status, code: res.status === 404 ? 'http.not_found' : 'http.internal', detail: res.statusText };
    if (res.status === 401 && !path.startsWith('/api/auth/')) onSessionLost?.();
    throw new ApiError(res.status, problem);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isProblem(data: unknown): data is Problem {
  return !!data && typeof data === 'object' && typeof (data as Problem).code === 'string';
}

/**
 * Sends a file as the raw request body (not multipart) with the session's CSRF token, reporting upload
 * progress (0–1); answers and errors as `request` does. XMLHttpRequest, because fetch reports no upload progress.
 * @example await uploadFile<Report>('/api/testing/imports?labId=…', file, 'text/csv', (p) => setProgress(p))
 */
export function uploadFile<T>(path: string, file: Blob, contentType: string, onProgress?: (share: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', language);
    xhr.setRequestHeader('content-type', contentType);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded / e.total);
    };
    xhr.upload.onload = () => onProgress?.(1);
    xhr.onerror = () => reject(new ApiError(0, { title: 'network', status: 0, code: 'network', detail: '' }));
    xhr.onload = () => {
      const data: unknown = xhr.responseText ? safeJson(xhr.responseText) : null;
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      const problem = isProblem(data)
        ? data
        : { title: xhr.statusText, status: xhr.status, code: xhr.status === 404 ? 'http.not_found' : 'http.internal', detail: xhr.statusText };
      if (xhr.status === 401) onSessionLost?.();
      reject(new ApiError(xhr.status, problem));
    };
    xhr.send(file);
  });
}

/* ---------- The client typed from the server's route specs (AppRoute, src/server/modules/index.ts) ---------- */

type RouteOf<M extends Method, U> = Extract<AppRoute, { method: M; url: U }>;
type InputOf<S> = NonNullable<S> extends ZodType<unknown, infer I> ? I : never;
/** The URLs (templates such as '/api/persons/:id') the server answers for a method. */
export type UrlOf<M extends Method> = Extract<AppRoute, { method: M }>['url'];
/** The answer of a route, as its spec declares it (its response schema; the handler is checked against it). */
export type ResponseOf<M extends Method, U extends string> = Awaited<ReturnType<RouteOf<M, U>['handler']>>;
/** What a route's query string accepts (the schema's input type). */
export type QueryOf<M extends Method, U extends string> = InputOf<RouteOf<M, U>['query']>;
/** What a route's body accepts (the schema's input type: defaults may be left out). */
export type BodyOf<M extends Method, U extends string> = InputOf<RouteOf<M, U>['body']>;
type ParamsOf<M extends Method, U extends string> = NonNullable<RouteOf<M, U>['params']> extends ZodType<infer P> ? P : never;

/** The parts of a call: path parameters when the URL has any, the query when the route reads one, the body when it takes one. */
export type CallArgs<M extends Method, U extends string> = (unknown extends ParamsOf<M, U> ? { params?: never } : { params: ParamsOf<M, U> }) &
  (unknown extends QueryOf<M, U> ? { query?: never } : { query?: QueryOf<M, U> }) &
  (unknown extends BodyOf<M, U> ? { body?: never } : { body: BodyOf<M, U> });
type ArgsTuple<M extends Method, U extends string> = object extends CallArgs<M, U> ? [args?: CallArgs<M, U>] : [args: CallArgs<M, U>];

type QueryValue = string | number | boolean | undefined | null;

/** '/api/persons/:id' with { id: 'a b' } → '/api/persons/a%20b', then the query appended. */
export function pathOf(url: string, args: { params?: object; query?: object } = {}): string {
  const params = (args.params ?? {}) as Record<string, string | number>;
  const path = url.replace(/:(\w+)/g, (_, name: string) => {
    if (params[name] === undefined) throw new Error(`${url}: thiếu tham số ${name}`);
    return encodeURIComponent(String(params[name]));
  });
  return args.query ? withQuery(path, args.query as Record<string, QueryValue>) : path;
}

function call<M extends Method, U extends string>(method: M, url: U, args?: CallArgs<M, U>): Promise<ResponseOf<M, U>> {
  const parts = args as { params?: object; query?: object; body?: unknown } | undefined;
  return request<ResponseOf<M, U>>(method, pathOf(url, parts), parts?.body ?? (method === 'GET' || method === 'DELETE' ? undefined : {}));
}

/**
 * Calls a route by its URL template: the URL must be one the server declares for the method, the parameters,
 * query and body are checked against the route's schemas and the answer has the route's type.
 * @example const person = await api.get('/api/persons/:id', { params: { id } });
 */
export const api = {
  get: <U extends UrlOf<'GET'>>(url: U, ...[args]: ArgsTuple<'GET', U>) => call('GET', url, args),
  post: <U extends UrlOf<'POST'>>(url: U, ...[args]: ArgsTuple<'POST', U>) => call('POST', url, args),
  patch: <U extends UrlOf<'PATCH'>>(url: U, ...[args]: ArgsTuple<'PATCH', U>) => call('PATCH', url, args),
  put: <U extends UrlOf<'PUT'>>(url: U, ...[args]: ArgsTuple<'PUT', U>) => call('PUT', url, args),
  delete: <U extends UrlOf<'DELETE'>>(url: U, ...[args]: ArgsTuple<'DELETE', U>) => call('DELETE', url, args),
};

/** '/api/persons' + { q: 'x', page: 2, unit: undefined } → '/api/persons?q=x&page=2'. */
export function withQuery(path: string, params: Record<string, QueryValue>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}
