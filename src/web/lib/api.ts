/**
 * The one way the web talks to the server: JSON over fetch, the session cookie, the CSRF token on
 * state changes, the UI language in accept-language, and problem+json errors as ApiError.
 */
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
  constructor(readonly status: number, readonly problem: Problem) {
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
    const problem = isProblem(data) ? data : { title: res.statusText, status: res.status, code: res.status === 404 ? 'http.not_found' : 'http.internal', detail: res.statusText };
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
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress?.(e.loaded / e.total); };
    xhr.upload.onload = () => onProgress?.(1);
    xhr.onerror = () => reject(new ApiError(0, { title: 'network', status: 0, code: 'network', detail: '' }));
    xhr.onload = () => {
      const data: unknown = xhr.responseText ? safeJson(xhr.responseText) : null;
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      const problem = isProblem(data) ? data : { title: xhr.statusText, status: xhr.status, code: xhr.status === 404 ? 'http.not_found' : 'http.internal', detail: xhr.statusText };
      if (xhr.status === 401) onSessionLost?.();
      reject(new ApiError(xhr.status, problem));
    };
    xhr.send(file);
  });
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
};

/** '/api/persons' + { q: 'x', page: 2, unit: undefined } → '/api/persons?q=x&page=2'. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}
