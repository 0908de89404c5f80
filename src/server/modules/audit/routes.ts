import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables';
import { queryAudit, verifyAuditChain, type AuditLog } from '../../platform/audit';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { route } from '../../platform/http';
import { auditPage, auditQuery, chainReportView } from './schemas';

/**
 * The log names every person anyone looked at, across the whole city: it is for the city's own
 * supervisors only, whatever other permission a district or commune account is given.
 */
function assertCityWide(actor: Actor): void {
  if (actor.scope.provinces.length === 0) throw new AppError('audit.city_only', 403);
}

export function auditRoutes(db: Kysely<Database>, audit: AuditLog) {
  return [
    route({
      method: 'GET',
      url: '/api/audit',
      tag: 'audit',
      summary: 'Tra cứu nhật ký truy cập dữ liệu cá nhân',
      access: 'audit.read',
      query: auditQuery,
      response: auditPage,
      handler: async ({ query, actor }) => {
        assertCityWide(actor);
        await audit.flush();
        return queryAudit(db, query);
      },
    }),
    route({
      method: 'GET',
      url: '/api/audit/verify',
      tag: 'audit',
      summary: 'Kiểm tra chuỗi băm của nhật ký (phát hiện sửa, xóa)',
      access: 'audit.read',
      response: chainReportView,
      handler: async ({ actor }) => {
        assertCityWide(actor);
        await audit.flush();
        return verifyAuditChain(db);
      },
    }),
  ];
}
