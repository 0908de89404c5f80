import { PERMISSION_INFO, PERMISSIONS, ROLE_PERMISSIONS, ROLES, type Role } from '@domain/access';
import type { RouteSpec } from './http';

/**
 * docs/ACCESS.md: the reviewed matrix of who may call what. It is rendered from the roles (src/domain/access.ts)
 * and the answers the server actually gives, and checked in; access-matrix.test.ts calls every route as every
 * role and fails on any difference — a new route without a row, a row for a route that is gone, a cell that
 * changed. `npm run access:doc` rewrites the file after a reviewed change.
 */

/** Per route ("GET /api/cases"), per role: may call it (true) or gets 403 auth.forbidden (false). */
export type RouteMatrix = Map<string, Record<Role, boolean>>;

export const routeKey = (spec: Pick<RouteSpec, 'method' | 'url'>) => `${spec.method} ${spec.url}`;

const YES = '✓';
const NO = '—';

function accessLabel(access: RouteSpec['access']): string {
  return access === 'public' ? 'công khai' : access === 'session' ? 'mọi tài khoản' : `\`${access}\``;
}

export function renderAccessDoc(specs: RouteSpec[], matrix: RouteMatrix): string {
  const head = (first: string[]) => `| ${[...first, ...ROLES].join(' | ')} |\n|${[...first, ...ROLES].map(() => '---').join('|')}|`;
  const permissionRows = PERMISSIONS.map(
    (p) => `| \`${p}\` | ${PERMISSION_INFO[p]} | ${ROLES.map((r) => (ROLE_PERMISSIONS[r].includes(p) ? YES : NO)).join(' | ')} |`,
  );
  const sorted = [...specs].sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
  const routeRows = sorted.map((s) => {
    const row = matrix.get(routeKey(s));
    return `| ${s.method} | \`${s.url}\` | ${accessLabel(s.access)} | ${s.tokens ? YES : NO} | ${ROLES.map((r) => (row?.[r] ? YES : NO)).join(' | ')} |`;
  });
  return `# Phân quyền — ai được làm gì

Tệp này được sinh ra (\`npm run access:doc\`) và được xem xét như mã nguồn: \`src/server/platform/access-matrix.test.ts\`
gọi mọi route với một tài khoản của mọi vai trò và so câu trả lời (được phép / 403 \`auth.forbidden\`) với bảng
dưới đây. Route mới chưa có dòng ở đây thì kiểm thử không qua — mỗi route phải có quyết định ai được gọi.

Quyền chỉ nói *loại việc*; phạm vi (xã, huyện, tỉnh của tài khoản) quyết định *dữ liệu của ai* — xem
\`src/server/platform/scope.ts\`. Người ngoài phạm vi chỉ hiện xã nơi ở, không tên, không số điện thoại.

Quy tắc cho mọi phân hệ: mỗi phân hệ khai báo quyền riêng \`<phân hệ>.read\` / \`.write\` / \`.manage\`… trong
\`src/domain/access.ts\`; route của phân hệ chỉ được gác bằng quyền của chính nó.

## Quyền theo vai trò

${head(['Quyền', 'Cho phép'])}
${permissionRows.join('\n')}

## Route theo vai trò

${YES} được gọi; ${NO} bị từ chối (403 \`auth.forbidden\`). Cột «Khóa API»: route nhận \`Authorization: Bearer\` của
một hệ thống (khóa do quản trị viên cấp, không bao giờ nhiều quyền hơn người cấp); mọi route khác từ chối khóa API.

${head(['Phương thức', 'Route', 'Quyền cần', 'Khóa API'])}
${routeRows.join('\n')}
`;
}

/** The route table of docs/ACCESS.md, as the test compares it. */
export function parseRouteTable(markdown: string): RouteMatrix {
  const matrix: RouteMatrix = new Map();
  const section = markdown.split('## Route theo vai trò')[1] ?? '';
  for (const line of section.split('\n')) {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells.length !== 4 + ROLES.length || !/^(GET|POST|PUT|PATCH|DELETE)$/.test(cells[0])) continue;
    const url = cells[1].replace(/`/g, '');
    matrix.set(`${cells[0]} ${url}`, Object.fromEntries(ROLES.map((r, i) => [r, cells[4 + i] === YES])) as Record<Role, boolean>);
  }
  return matrix;
}

/** Every difference between what the server answers and what the reviewed table says. */
export function compareAccess(actual: RouteMatrix, documented: RouteMatrix): string[] {
  const problems: string[] = [];
  for (const [key, roles] of actual) {
    const doc = documented.get(key);
    if (!doc) {
      problems.push(`${key}: không có trong docs/ACCESS.md — quyết định vai trò nào được gọi, rồi chạy npm run access:doc`);
      continue;
    }
    for (const r of ROLES)
      if (doc[r] !== roles[r]) problems.push(`${key}: ${r} ${roles[r] ? 'được gọi' : 'bị từ chối'}, bảng ghi ${doc[r] ? 'được gọi' : 'bị từ chối'}`);
  }
  for (const key of documented.keys()) if (!actual.has(key)) problems.push(`${key}: có trong docs/ACCESS.md nhưng không còn route này`);
  return problems;
}
