import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import type { Permission } from '@domain/access';
import type { Actor } from './actor';
import { AppError } from './errors';
import { fieldErrors, localeOf } from './problem';
import { badTextPath } from './text-input';
import { messageFor } from '@domain/error-catalog';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  actor: Actor;
  locale: 'vi' | 'en';
  req: FastifyRequest;
  reply: FastifyReply;
}

/**
 * A route: access rule, zod contracts, one handler. `personal: true` marks routes that read or
 * write personal data; the scope test walks all of them with an out-of-scope user.
 * @example route({ method: 'GET', url: '/api/persons/:id', tag: 'people', summary: 'Xem một người',
 *   access: 'people.read', personal: true, params: z.object({ id: uuid }), handler: ({ params, actor }) => … })
 */
export interface RouteSpec<
  P = unknown,
  Q = unknown,
  B = unknown,
  R = unknown,
  M extends Method = Method,
  U extends string = string,
  QI = unknown,
  BI = unknown,
> {
  method: M;
  url: U;
  tag: string;
  summary: string;
  /** 'public': no session; 'session': any logged-in user; otherwise the permission needed. */
  access: 'public' | 'session' | Permission;
  personal?: boolean;
  /** Also callable by systems with an API token (`Authorization: Bearer …`); every other route refuses tokens. */
  tokens?: boolean;
  params?: ZodType<P>;
  query?: ZodType<Q, QI>;
  body?: ZodType<B, BI>;
  /**
   * The shape of a successful JSON answer: the handler's return type is checked against it, OpenAPI shows it, and
   * the tests check every answer against it (registerRoutes' checkResponses). An empty answer is `z.null()`.
   * Routes that answer a file (CSV, XLSX…) declare `produces` instead.
   */
  response?: ZodType<R>;
  /**
   * The content type of the answer when it is not application/json: with `response`, a JSON answer of another type
   * (a FHIR resource, application/fhir+json), set here; alone, a file the handler sends itself.
   */
  produces?: string;
  /** Status of a successful answer (default 200). */
  status?: number;
  /** A larger body limit than the server's default (file uploads). */
  bodyLimit?: number;
  /** Its answer's type comes from `response` alone (NoInfer): a handler returning a wider type does not compile. */
  handler(ctx: RouteContext<P, Q, B>): Promise<NoInfer<R>> | NoInfer<R>;
}

/**
 * Resolves who is calling, or null: a browser session (with its CSRF token) or an API token (no cookie, so no
 * CSRF token; `used` is told the answer's status, for the token's audit trail).
 */
/** The media type of an Excel workbook (.xlsx), for routes that answer one. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type SessionResolver = (req: FastifyRequest) => Promise<{ actor: Actor; csrf: string | null; used?: (status: number) => void } | null>;

/**
 * Keeps the spec's exact types — method and URL as literals, the query's and body's input types, the answer's
 * type — so the web's client (src/web/lib/api.ts) is typed from the same specs through `AppRoute`.
 */
export function route<P = unknown, Q = unknown, B = unknown, R = unknown, M extends Method = Method, U extends string = string, QI = unknown, BI = unknown>(
  spec: RouteSpec<P, Q, B, R, M, U, QI, BI>,
): RouteSpec<P, Q, B, R, M, U, QI, BI> {
  return spec;
}

function parse<T>(schema: ZodType<T> | undefined, input: unknown, where: string, locale: 'vi' | 'en'): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(input ?? (where === 'body' ? undefined : {}));
  if (result.success) return result.data;
  throw new AppError('validation.invalid', 400, {}, undefined, fieldErrors(result.error, locale, where === 'body' ? '' : where, input));
}

/** Refuses a NUL or an unpaired surrogate anywhere in the request's text, naming the field (see text-input.ts). */
function assertStorableText(req: FastifyRequest, locale: 'vi' | 'en') {
  for (const [where, value] of [
    ['params', req.params],
    ['query', req.query],
    ['body', req.body],
  ] as const) {
    const path = badTextPath(value);
    if (!path) continue;
    const field = [where === 'body' ? '' : where, ...path].filter(Boolean).join('.') || where;
    throw new AppError('validation.invalid', 400, {}, undefined, [
      { field, code: 'validation.text_control', message: messageFor('validation.text_control', locale, { field }) },
    ]);
  }
}

/** The answer does not match the route's declared response schema: a bug in the route, never the caller's. */
function assertResponse(spec: RouteSpec<any, any, any, any>, result: unknown) {
  const checked = spec.response!.safeParse(result);
  if (checked.success) return;
  const issue = checked.error.issues[0];
  throw new Error(`${spec.method} ${spec.url}: the answer does not match its response schema at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Registers route specs on Fastify; keeps them on `app.routeSpecs` for OpenAPI and the scope test. */
export function registerRoutes(
  app: FastifyInstance,
  specs: RouteSpec<any, any, any, any>[],
  resolveSession: SessionResolver,
  opts: {
    /** Check every answer against the route's response schema (tests): a mismatch is a 500 naming the field. */
    checkResponses?: boolean;
  } = {},
) {
  for (const spec of specs) {
    app.routeSpecs.push(spec);
    app.route({
      method: spec.method,
      url: spec.url,
      ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
      handler: async (req, reply) => {
        const locale = localeOf(req);
        assertStorableText(req, locale);
        let actor = undefined as unknown as Actor;
        const session = spec.access === 'public' ? null : await resolveSession(req);
        try {
          if (spec.access !== 'public') {
            if (!session) throw new AppError('auth.required', 401);
            if (session.actor.tokenId && !spec.tokens) throw new AppError('auth.token_not_accepted', 401);
            if (session.csrf !== null && STATE_CHANGING.has(spec.method) && req.headers['x-csrf-token'] !== session.csrf) throw new AppError('auth.csrf', 403);
            if (spec.access !== 'session' && !session.actor.permissions.includes(spec.access)) throw new AppError('auth.forbidden', 403);
            actor = session.actor;
          }
          const params = parse(spec.params, req.params, 'params', locale);
          const query = parse(spec.query, req.query, 'query', locale);
          const body = parse(spec.body, req.body, 'body', locale);
          const result = await spec.handler({ params, query, body, actor, locale, req, reply });
          session?.used?.(reply.sent ? reply.statusCode : (spec.status ?? 200));
          if (reply.sent) return reply;
          reply.status(spec.status ?? 200);
          if (spec.produces) reply.header('content-type', spec.produces);
          if (opts.checkResponses && spec.response) assertResponse(spec, result ?? null);
          return result ?? null;
        } catch (err) {
          session?.used?.(err instanceof AppError ? err.status : 500);
          throw err;
        }
      },
    });
  }
}

/** OpenAPI 3.1 document generated from the registered zod contracts. */
export function openApiDocument(specs: RouteSpec<any, any, any>[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  const json = (s: ZodType | undefined, io: 'input' | 'output' = 'input') => (s ? z.toJSONSchema(s, { io, unrepresentable: 'any' }) : undefined);
  for (const spec of specs) {
    const path = spec.url.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', spec.params],
      ['query', spec.query],
    ] as const) {
      const js = json(schema) as { properties?: Record<string, unknown>; required?: string[] } | undefined;
      for (const [name, s] of Object.entries(js?.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (js?.required ?? []).includes(name), schema: s });
      }
    }
    (paths[path] ??= {})[spec.method.toLowerCase()] = {
      tags: [spec.tag],
      summary: spec.summary,
      description: `Quyền: ${spec.access}${spec.personal ? ' · dữ liệu cá nhân: kiểm tra phạm vi và ghi nhật ký' : ''}`,
      parameters,
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: json(spec.body) } } } } : {}),
      responses: {
        [String(spec.status ?? 200)]: {
          description: 'OK',
          ...(spec.response || spec.produces
            ? { content: { [spec.produces ?? 'application/json']: spec.response ? { schema: json(spec.response, 'output') } : {} } }
            : {}),
        },
        '4XX': { description: 'problem+json', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
      },
      ...(spec.access === 'public' ? {} : { security: [{ session: [] }] }),
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Trung tâm Chỉ huy API', version: '0.1.0', description: 'API của nền tảng Trung tâm Chỉ huy phòng, chống dịch' },
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tc_session' } },
      schemas: {
        Problem: {
          type: 'object',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            code: { type: 'string' },
            detail: { type: 'string' },
            field: { type: 'string' },
            errors: { type: 'array' },
          },
        },
      },
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    routeSpecs: RouteSpec<any, any, any>[];
  }
}
