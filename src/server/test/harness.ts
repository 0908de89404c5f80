import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Role } from '@domain/access';
import { loadConfig, type Config } from '../config';
import { connect, type Db } from '../db/connect';
import { buildApp } from '../app';
import { createServices, type Services } from '../services';

/** A database of its own for one test file, copied from the run's migrated template (PGlite or PostgreSQL). */
export async function newTestDb(): Promise<Db> {
  if (process.env.TEST_DB === 'pg') {
    const url = inject('pgUrl');
    const name = `tc_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
    await admin.end();
    const dbUrl = url.replace(/\/[^/]*$/, `/${name}`);
    const db: Db & { url?: string } = await connect({ databaseUrl: dbUrl, poolSize: 5 });
    db.url = dbUrl;
    const close = db.close;
    db.close = async () => {
      await close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name}`);
      await c.end();
    };
    return db;
  }
  return connect({ dataDir: 'memory://', loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
}

/**
 * A database another process can open too: on PostgreSQL the test database (its URL), on PGlite a data
 * directory on disk made from the template (only one process may hold it open at a time).
 */
export async function newSharedTestDb(dir: string): Promise<{ db: Db; target: string }> {
  if (process.env.TEST_DB === 'pg') {
    const db = (await newTestDb()) as Db & { url: string };
    return { db, target: db.url };
  }
  const db = await connect({ dataDir: dir, loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
  return { db, target: dir };
}

export const testConfig = (over: Partial<Record<keyof Config, string>> = {}): Config =>
  loadConfig({ LOG_LEVEL: process.env.TEST_LOG === '1' ? 'error' : 'silent', COOKIE_SECURE: 'false', LOGIN_RATE_PER_MINUTE: '1000', ...over });

/** A logged-in client over app.inject: keeps the session cookie and sends the CSRF token. */
export class Client {
  constructor(
    private readonly app: FastifyInstance,
    public cookie = '',
    public csrf = '',
  ) {}

  async login(username: string, password: string) {
    const res = await this.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    const set = res.headers['set-cookie'];
    if (set) this.cookie = String(Array.isArray(set) ? set[0] : set).split(';')[0];
    if (res.statusCode === 200) this.csrf = res.json().csrfToken;
    return res;
  }

  request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) {
    return this.app.inject({
      method,
      url,
      payload: payload as object | undefined,
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}), ...headers },
    });
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, payload?: unknown) {
    return this.request('POST', url, payload ?? {});
  }
  patch(url: string, payload: unknown) {
    return this.request('PATCH', url, payload);
  }
  put(url: string, payload: unknown) {
    return this.request('PUT', url, payload);
  }
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  services: Services;
  config: Config;
  /** A client logged in as a new user of that role and scope. */
  as(role: Role, scopeUnits: string[]): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
}

let userCounter = 0;

export async function newTestApp(over: Partial<Record<keyof Config, string>> = {}, opts: Parameters<typeof createServices>[2] = {}): Promise<TestApp> {
  const db = await newTestDb();
  const config = testConfig(over);
  const services = await createServices(db, config, opts);
  // every answer of every test is checked against its route's response schema
  const app = await buildApp(services, config, { logger: process.env.TEST_LOG === '1' ? undefined : false, checkResponses: true });
  await app.ready();
  return {
    app,
    db,
    services,
    config,
    async as(role, scopeUnits) {
      const username = `${role.replace(/_/g, '')}${++userCounter}${randomBytes(2).toString('hex')}`;
      const password = 'mat-khau-thu-nghiem-' + randomBytes(4).toString('hex');
      await services.users.create(null, { username, fullName: 'Người Thử Nghiệm', role, scopeUnits, password, agency: null });
      const client = new Client(app);
      const res = await client.login(username, password);
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      return client;
    },
    anonymous: () => new Client(app),
    async close() {
      await app.close();
      await services.audit.flush();
      await db.close();
    },
  };
}
