import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineContract } from '@domain/contract';
import { PERMISSIONS } from '@domain/access';
import { ERROR_CATALOG } from '@domain/error-catalog';
import { buildApp } from '../app';
import { MODULES } from '../modules';
import { CONTRACTS } from '../modules/contracts';
import { newTestApp, type TestApp } from '../test/harness';
import { defineModule, moduleProblems, routeKey, type ServerModule } from './module';
import type { RouteSpec } from './http';

let t: TestApp;
beforeAll(async () => {
  t = await newTestApp();
});
afterAll(() => t.close());

const routesOf = (m: ServerModule) => m.routes(t.services, t.config);

/** A module that breaks every rule once: a table of testing's, a route without a permission, a route guarded by cases' permission, a scope fixture for a route it does not have. */
const rogueContract = defineContract({
  name: 'rogue',
  permissions: { 'rogue.read': 'Xem' },
  errors: { 'rogue.not_found': { vi: 'Không thấy', en: 'Not found' } },
});
const rogueRoute = (over: Partial<RouteSpec>): RouteSpec => ({
  method: 'GET',
  url: '/api/rogue',
  tag: 'rogue',
  summary: 'x',
  access: 'rogue.read' as never,
  handler: () => ({}),
  ...over,
});
const rogue = defineModule({
  contract: rogueContract,
  tables: ['samples'],
  routes: () => [
    rogueRoute({}),
    rogueRoute({ url: '/api/rogue/open', access: undefined as never }),
    rogueRoute({ url: '/api/rogue/cases', access: 'cases.read' }),
  ],
  scope: { 'GET /api/rogue/:id': { url: () => '/api/rogue/1' } },
});

describe('module manifests', () => {
  it('the product modules pass the start checks, and every route the app serves comes from a manifest', () => {
    expect(moduleProblems(MODULES, CONTRACTS, routesOf)).toEqual([]);
    const declared = MODULES.flatMap((m) => routesOf(m).map(routeKey)).sort();
    expect(t.app.routeSpecs.map(routeKey).sort()).toEqual(declared);
  });

  it("refuses a foreign table, a route without a permission, another module's permission, a stray scope fixture, and a module missing from either list", () => {
    expect(moduleProblems([...MODULES, rogue], [...CONTRACTS, rogueContract], routesOf)).toEqual([
      'Bảng «samples» được khai báo bởi cả module «testing» và «rogue»',
      'Module «rogue»: GET /api/rogue/open không khai báo quyền (access)',
      'Module «rogue»: GET /api/rogue/cases dùng quyền cases.read của module «cases»; mỗi module chỉ dùng quyền của mình',
      'Module «rogue»: kịch bản phạm vi (scope) cho GET /api/rogue/:id, nhưng module không có đường dẫn này',
    ]);
    expect(moduleProblems([...MODULES, rogue], CONTRACTS, routesOf)).toContain(
      'Module «rogue» thiếu hợp đồng (contract) trong src/server/modules/contracts.ts',
    );
    expect(moduleProblems(MODULES, [...CONTRACTS, rogueContract], routesOf)).toEqual([
      'Module «rogue» có trong src/server/modules/contracts.ts nhưng không có trong danh sách module (src/server/modules/index.ts)',
    ]);
  });

  it('refuses a permission or an error code declared by two modules', () => {
    const twin = defineContract({ name: 'twin', permissions: { 'cases.read': 'Xem ca' }, errors: { 'cases.not_found': { vi: 'x', en: 'x' } } });
    const twinModule = defineModule({ contract: twin, tables: [], routes: () => [] });
    expect(moduleProblems([...MODULES, twinModule], [...CONTRACTS, twin], routesOf)).toEqual([
      'Quyền «cases.read» được khai báo bởi cả module «cases» và «twin»',
      'Mã lỗi «cases.not_found» được khai báo bởi cả module «cases» và «twin»',
    ]);
  });

  it('the app refuses to start with a bad module list and names what is wrong', async () => {
    await expect(buildApp(t.services, t.config, { logger: false, modules: [...MODULES, rogue] })).rejects.toThrow(
      /Không khởi động được[\s\S]*«rogue» thiếu hợp đồng[\s\S]*cases\.read của module «cases»/,
    );
  });

  it("the merged catalog and permission list are the contracts' union", () => {
    expect(Object.keys(ERROR_CATALOG).length).toBe(CONTRACTS.reduce((n, c) => n + Object.keys(c.errors).length, 0));
    expect(PERMISSIONS.length).toBe(CONTRACTS.reduce((n, c) => n + Object.keys(c.permissions).length, 0));
    expect(ERROR_CATALOG['cases.cluster_exists']).toBe(CONTRACTS.find((c) => c.name === 'tracing')!.errors['cases.cluster_exists' as never]);
  });
});
