import { route, XLSX } from '../../platform/http';
import { dashboardWorkbook } from './export';
import { dashboardQuery, dashboardView } from './schemas';
import type { DashboardService } from './service';

export function reportsRoutes(dashboard: DashboardService) {
  return [
    route({
      method: 'GET',
      url: '/api/reports/dashboard',
      tag: 'reports',
      summary: 'Bảng điều hành: tình hình trong ngày so với hôm trước và 7 ngày trước',
      access: 'reports.read',
      query: dashboardQuery,
      response: dashboardView,
      handler: ({ actor, query }) => dashboard.dashboard(actor, query),
    }),
    route({
      method: 'GET',
      url: '/api/reports/dashboard/export',
      tag: 'reports',
      summary: 'Tải bảng điều hành (Excel): chỉ tiêu trong ngày, theo quận/huyện, diễn biến 30 ngày',
      access: 'reports.read',
      query: dashboardQuery,
      produces: XLSX,
      handler: async ({ actor, query, reply }) => {
        const d = await dashboard.dashboard(actor, query);
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="bang-dieu-hanh-${d.day}.xlsx"`)
          .send(await dashboardWorkbook(d));
      },
    }),
  ];
}
