import type { ModuleContract } from '@domain/contract';
import type { Config } from '../config';
import type { Database } from '../db/tables';
import type { Services } from '../services';
import type { RouteSpec } from './http';
import { scheduleProblem, type JobSpec } from './jobs';

/**
 * The records the scope test creates in one commune (Cái Khế) before it walks the personal routes as a user of
 * another district: a household of two persons, a case of the first with a named cluster and a contact in the
 * next ward, a sampling session with a household pool received by a lab, a conflicting result, the pool's
 * Observation id. A module's scope fixtures reach its personal routes with them.
 */
export interface ScopeIds {
  person: string;
  other: string;
  household: string;
  case: string;
  cluster: string;
  neighbour: string;
  lab: string;
  session: string;
  conflict: string;
  observation: string;
  zone: string;
  /** A quarantine site in the commune, one of its rooms, a home stay of `person`, a released stay of `other` (2021-09-20), a task of the home stay. */
  facility: string;
  room: string;
  stay: string;
  released: string;
  task: string;
  /** A sampling team of the commune, and an approved campaign plan with households for it. */
  team: string;
  plan: string;
  /** The commune all of them live in. */
  commune: string;
}

/** How the scope test calls one personal route: the URL (path parameters filled, query added) and a body that would succeed in scope. */
export interface ScopeFixture {
  url?: (ids: ScopeIds) => string;
  body?: (ids: ScopeIds) => unknown;
}

/**
 * A server module's manifest (its index.ts): what the rest of the app needs from it. The app reads the module
 * list (src/server/modules/index.ts) and registers each module's routes; docs/ACCESS.md, OpenAPI, the role ×
 * route test and the scope test are built from them; the table-ownership test holds each repository to the
 * module's tables.
 */
export interface ServerModule {
  /** Its permissions and error codes (contract.ts, shared with the web). */
  contract: ModuleContract;
  /** The tables it owns: only its repositories query them; other modules go through its service. */
  tables: readonly (keyof Database)[];
  routes(s: Services, config: Config): RouteSpec<any, any, any>[];
  /** Its scheduled work (daily assessments, reports, reminders, purges), run by platform/jobs.ts in Vietnam time. */
  jobs?: readonly JobSpec<Services>[];
  /** Keyed `METHOD /url`: required for a personal route with a path parameter or a required query; else optional. */
  scope?: Readonly<Record<string, ScopeFixture>>;
}

/** Returns the manifest with its exact type, so `AppRoute` (modules/index.ts) sees each route's types. */
export function defineModule<const M extends ServerModule>(m: M): M {
  return m;
}

export const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** Tables no module owns: the migration runner's own. */
export const PLATFORM_TABLES: readonly (keyof Database)[] = ['schema_migrations'];

/**
 * The checks the app makes before it starts (buildApp throws, naming the module and what is wrong): the module
 * list and the contract list name the same modules, no table, permission or error code is declared twice, every
 * route is public, for any session or guarded by a permission of its own module, and every scope fixture names
 * a route of its module, every job is named `<module>.…` once and has a schedule croner accepts.
 */
export function moduleProblems(
  modules: readonly ServerModule[],
  contracts: readonly ModuleContract[],
  routesOf: (m: ServerModule) => RouteSpec<any, any, any>[],
): string[] {
  const problems: string[] = [];
  const listed = new Set(modules.map((m) => m.contract.name));
  for (const c of contracts)
    if (c.name !== 'platform' && !listed.has(c.name))
      problems.push(`Module «${c.name}» có trong src/server/modules/contracts.ts nhưng không có trong danh sách module (src/server/modules/index.ts)`);
  const contracted = new Set(contracts.map((c) => c.name));
  for (const name of listed) if (!contracted.has(name)) problems.push(`Module «${name}» thiếu hợp đồng (contract) trong src/server/modules/contracts.ts`);

  const once = (what: string, owner: Map<string, string>, key: string, name: string) => {
    const first = owner.get(key);
    if (first !== undefined && first !== name) problems.push(`${what} «${key}» được khai báo bởi cả module «${first}» và «${name}»`);
    else if (first === name) problems.push(`${what} «${key}» được khai báo hai lần trong module «${name}»`);
    else owner.set(key, name);
  };
  const tables = new Map<string, string>(PLATFORM_TABLES.map((t) => [t, 'platform']));
  const permissions = new Map<string, string>();
  const errors = new Map<string, string>();
  for (const c of contracts) {
    for (const p of Object.keys(c.permissions)) once('Quyền', permissions, p, c.name);
    for (const e of Object.keys(c.errors)) once('Mã lỗi', errors, e, c.name);
  }
  const routes = new Map<string, string>();
  const jobs = new Map<string, string>();
  for (const m of modules) {
    const name = m.contract.name;
    for (const t of m.tables) once('Bảng', tables, t, name);
    const own = new Set(Object.keys(m.contract.permissions));
    const keys = new Set<string>();
    for (const r of routesOf(m)) {
      const key = routeKey(r);
      once('Đường dẫn', routes, key, name);
      keys.add(key);
      const access = r.access as string | undefined;
      if (!access) problems.push(`Module «${name}»: ${key} không khai báo quyền (access)`);
      else if (access !== 'public' && access !== 'session' && !own.has(access)) {
        const owner = permissions.get(access);
        problems.push(
          owner
            ? `Module «${name}»: ${key} dùng quyền ${access} của module «${owner}»; mỗi module chỉ dùng quyền của mình`
            : `Module «${name}»: ${key} dùng quyền ${access} không có trong hợp đồng nào`,
        );
      }
    }
    for (const job of m.jobs ?? []) {
      once('Việc định kỳ', jobs, job.name, name);
      if (!job.name.startsWith(`${name}.`)) problems.push(`Module «${name}»: việc định kỳ «${job.name}» phải mang tên «${name}.…»`);
      const bad = scheduleProblem(job.schedule);
      if (bad) problems.push(`Module «${name}»: lịch «${job.schedule}» của việc định kỳ «${job.name}» không hợp lệ (${bad})`);
    }
    for (const key of Object.keys(m.scope ?? {}))
      if (!keys.has(key)) problems.push(`Module «${name}»: kịch bản phạm vi (scope) cho ${key}, nhưng module không có đường dẫn này`);
  }
  return problems;
}
