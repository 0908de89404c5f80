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
import { authRoutes, sessionToken } from './modules/auth/routes';
import { auditRoutes } from './modules/audit/routes';
import { geographyRoutes } from './modules/geography/routes';
import { peopleRoutes } from './modules/people/routes';
import { ruleSetsRoutes } from './modules/rule-sets/routes';
import { usersRoutes } from './modules/users/routes';
import { tokensRoutes } from './modules/tokens/routes';
import { casesRoutes } from './modules/cases/routes';
import { tracingRoutes } from './modules/tracing/routes';
import { RESULT_FILE_LIMIT, RESULT_FILE_TYPES, testingRoutes } from './modules/testing/routes';
import { fhirRoutes } from './modules/testing/fhir/routes';

export const WEB_DIST = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/** Builds the HTTP server: platform plugins, then every module's routes, then the web bundle at /. */
export async function buildApp(s: Services, config: Config, opts: { logger?: boolean; webDist?: string } = {}) {
  const webDist = opts.webDist ?? WEB_DIST;
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.LOG_LEVEL },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY === 'true',
    // every error is problem+json, also those raised before a route is found (414, bad URL) or a request parsed (431)
    frameworkErrors: (err, req, reply) => sendProblem(err, req, reply),
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
  registerRoutes(app, [
    ...authRoutes(s.auth, config.COOKIE_SECURE),
    ...geographyRoutes(s.geography, s.people),
    ...peopleRoutes(s.people),
    ...usersRoutes(s.users),
    ...tokensRoutes(s.tokens),
    ...ruleSetsRoutes(s.ruleSets),
    ...auditRoutes(s.db.kysely, s.audit),
    ...casesRoutes(s.cases, s.investigations),
    ...tracingRoutes(s.tracing, s.clusters),
    ...testingRoutes(s.testing, s.resultLookup),
    ...fhirRoutes(s.fhir),
  ], resolveSession);

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
