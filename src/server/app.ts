import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { Config } from './config';
import { registerRoutes, openApiDocument, type RouteSpec } from './platform/http';
import { clientErrorProblem, sendProblem } from './platform/problem';
import { AppError } from './platform/errors';
import { securityHeaders } from './platform/security-headers';
import { apiDocsHtml } from './platform/api-docs';
import type { Services } from './services';
import { sessionToken } from './modules/auth/routes';
import { RESULT_FILE_LIMIT, RESULT_FILE_TYPES } from './modules/testing/routes';
import { MODULES } from './modules';
import { CONTRACTS } from './modules/contracts';
import { moduleProblems, type ServerModule } from './platform/module';

export const WEB_DIST = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/**
 * Each module's routes, after the start checks (platform/module.ts): a module list that differs from the
 * contract list, a table, permission, error code or route declared twice, a route without a permission or
 * guarded by another module's permission: the app refuses to start and says which.
 */
export function moduleRoutes(modules: readonly ServerModule[], s: Services, config: Config): [ServerModule, RouteSpec<any, any, any>[]][] {
  const routes = modules.map((m) => [m, m.routes(s, config)] as [ServerModule, RouteSpec<any, any, any>[]]);
  const byModule = new Map(routes);
  const problems = moduleProblems(modules, CONTRACTS, (m) => byModule.get(m)!);
  if (problems.length) throw new Error(`Không khởi động được: khai báo module sai\n- ${problems.join('\n- ')}`);
  return routes;
}

/** Builds the HTTP server: platform plugins, then every module's routes, then the web bundle at /. */
export async function buildApp(
  s: Services,
  config: Config,
  opts: { logger?: boolean; webDist?: string; modules?: readonly ServerModule[]; checkResponses?: boolean } = {},
) {
  const webDist = opts.webDist ?? WEB_DIST;
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.LOG_LEVEL },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY === 'true',
    // every error is problem+json, also those raised before a route is found (414, bad URL) or a request parsed (431)
    frameworkErrors: (err, req, reply) => {
      void sendProblem(err, req, reply);
    },
    clientErrorHandler: clientErrorProblem,
  });
  app.decorate('routeSpecs', [] as RouteSpec[]);
  await app.register(cookie);
  app.addHook('onSend', securityHeaders);
  app.setErrorHandler((err, req, reply) => sendProblem(err, req, reply));
  // Result files arrive as raw bytes (CSV, XLSX); the route decides how to read them.
  app.addContentTypeParser(RESULT_FILE_TYPES, { parseAs: 'buffer', bodyLimit: RESULT_FILE_LIMIT }, (_req, body, done) => done(null, body));

  const resolveSession = async (req: Parameters<typeof sessionToken>[0]) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer) return s.auth.session(sessionToken(req), req.ip);
    const actor = await s.tokens.authenticate(bearer, req.ip);
    return { actor, csrf: null, used: (status: number) => s.tokens.recordUse(actor, req.method, req.url, status) };
  };
  registerRoutes(
    app,
    moduleRoutes(opts.modules ?? MODULES, s, config).flatMap(([, routes]) => routes),
    resolveSession,
    { checkResponses: opts.checkResponses },
  );

  app.get('/health', async (_req, reply) => {
    try {
      await s.db.pool.query('select 1');
      return { status: 'ok', database: s.db.kind, uptimeSeconds: Math.round(process.uptime()) };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: s.db.kind });
    }
  });
  const openapi = openApiDocument(app.routeSpecs);
  app.get('/api/openapi.json', async () => openapi);
  app.get('/api/docs', async (_req, reply) => reply.type('text/html; charset=utf-8').send(apiDocsHtml(openapi)));

  const hasWeb = existsSync(join(webDist, 'index.html'));
  // The bundle's files are listed at start (npm start builds before the server starts); a missing
  // /assets/ file answers 404 rather than the app's index.html.
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, maxAge: '1h', immutable: true });
  app.setNotFoundHandler((req, reply) => {
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/assets/')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(new AppError('http.not_found', 404), req, reply);
  });
  return app;
}
