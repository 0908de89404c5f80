import type { FastifyReply, FastifyRequest } from 'fastify';
import { z, ZodError } from 'zod';
import { isErrorCode, messageFor, type ErrorCode } from '@domain/error-catalog';
import { formatDate } from '@domain/format';
import { vnDay } from '@domain/dates';
import { AppError, type FieldError } from './errors';

// zod's own messages (wrong type, too long …) in Vietnamese; the platform's own codes are translated per request.
z.config(z.locales.vi());

/** The request's locale: English only when the client asks for it first. */
export function localeOf(req: FastifyRequest): 'vi' | 'en' {
  return /^en\b/i.test(String(req.headers['accept-language'] ?? '')) ? 'en' : 'vi';
}

/** Zod issues → field errors with catalog messages (codes in the issue message) or zod's own Vietnamese text. */
export function fieldErrors(err: ZodError, locale: 'vi' | 'en', prefix: string, input: unknown): FieldError[] {
  return err.issues.map((issue) => {
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    const value = issue.path.reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key as string] : undefined),
      input,
    );
    if (isErrorCode(issue.message)) {
      return { field, code: issue.message, message: messageFor(issue.message, locale, { field, code: value, date: formatDate(vnDay()) }) };
    }
    if (issue.code === 'invalid_type' && value === undefined) {
      return { field, code: 'validation.required', message: messageFor('validation.required', locale, { field }) };
    }
    return { field, code: `validation.${issue.code}`, message: `${field}: ${issue.message}` };
  });
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  field?: string;
  errors?: FieldError[];
  [k: string]: unknown;
}

export function problemOf(err: AppError, locale: 'vi' | 'en'): Problem {
  const first = err.errors?.[0];
  return {
    type: `about:blank#${err.code}`,
    title: messageFor(err.code, locale, err.params),
    status: err.status,
    code: first && err.code === 'validation.invalid' ? first.code : err.code,
    detail: first && err.code === 'validation.invalid' ? first.message : messageFor(err.code, locale, err.params),
    ...((err.field ?? first?.field) ? { field: err.field ?? first?.field } : {}),
    ...(err.errors ? { errors: err.errors } : {}),
    ...err.extra,
  };
}

/** Maps anything thrown in a request to problem+json; unknown errors are logged and answered 500. */
export function sendProblem(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  const locale = localeOf(req);
  let appError: AppError;
  if (err instanceof AppError) appError = err;
  else {
    const e = err as { code?: string; statusCode?: number; validation?: unknown };
    const framework: Record<string, [ErrorCode, number]> = {
      FST_ERR_CTP_INVALID_JSON_BODY: ['http.malformed_json', 400],
      FST_ERR_CTP_EMPTY_JSON_BODY: ['http.malformed_json', 400],
      FST_ERR_CTP_BODY_TOO_LARGE: ['http.body_too_large', 413],
      FST_ERR_CTP_INVALID_MEDIA_TYPE: ['http.unsupported_media_type', 415],
      FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['http.malformed_json', 400],
      FST_ERR_MAX_PARAM_LENGTH: ['http.uri_too_long', 414],
      FST_ERR_BAD_URL: ['http.bad_request', 400],
      FST_ERR_ASYNC_CONSTRAINT: ['http.bad_request', 400],
    };
    const known = e.code ? framework[e.code] : undefined;
    if (known) appError = new AppError(known[0], known[1], {}, 'body');
    else if (err instanceof SyntaxError && e.statusCode === 400) appError = new AppError('http.malformed_json', 400, {}, 'body');
    else {
      req.log.error({ err }, 'unhandled error');
      appError = new AppError('http.internal', 500);
    }
  }
  if (req.url.startsWith('/api/fhir/'))
    return reply.status(appError.status).type('application/fhir+json; charset=utf-8').send(operationOutcome(appError, locale));
  return reply.status(appError.status).type('application/problem+json; charset=utf-8').send(problemOf(appError, locale));
}

const OUTCOME_CODES: Record<number, string> = {
  401: 'login',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'too-long',
  414: 'too-long',
  429: 'throttled',
  431: 'too-long',
};

/**
 * The same error as a FHIR R4 OperationOutcome (FHIR routes answer errors this way): one issue per field error,
 * its `expression` the parameter named without the `query.`/`params.` prefix, the platform's code in `details`.
 */
export function operationOutcome(err: AppError, locale: 'vi' | 'en') {
  const issueCode = (code: string) =>
    code.endsWith('parameter_unknown') || code.endsWith('_include') || code.endsWith('_format')
      ? 'not-supported'
      : err.status >= 500
        ? 'exception'
        : (OUTCOME_CODES[err.status] ?? 'invalid');
  const param = (field: string | undefined) => field?.replace(/^(query|params|body)\.?/, '').replace(/\.\d+$/, '') || undefined;
  const issues = err.errors?.length
    ? // a FHIR client sends `foo=…`, not `query.foo`: parameters are named bare
      err.errors.map((e) => ({ code: e.code, message: e.message.replaceAll(`${e.field}`, param(e.field) ?? e.field), field: param(e.field) }))
    : [{ code: err.code, message: messageFor(err.code, locale, err.params), field: param(err.field) }];
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((i) => ({
      severity: err.status >= 500 ? 'fatal' : 'error',
      code: issueCode(i.code),
      details: { coding: [{ system: 'urn:trung-tam-chi-huy:error', code: i.code }], text: i.message },
      diagnostics: i.message,
      ...(i.field ? { expression: [i.field] } : {}),
    })),
  };
}

/**
 * Answers errors Node's HTTP parser raises before Fastify sees a request (headers over the size limit:
 * 431; anything else malformed: 400) as problem+json on the raw socket, then closes it.
 */
export function clientErrorProblem(err: NodeJS.ErrnoException, socket: import('node:stream').Duplex) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [code, status, reason]: [ErrorCode, number, string] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? ['http.headers_too_large', 431, 'Request Header Fields Too Large']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ['http.bad_request', 408, 'Request Timeout']
        : ['http.bad_request', 400, 'Bad Request'];
  const body = JSON.stringify(problemOf(new AppError(code, status), 'vi'));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/problem+json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

export function codeMessage(code: ErrorCode, locale: 'vi' | 'en', params?: Record<string, unknown>) {
  return messageFor(code, locale, params);
}
