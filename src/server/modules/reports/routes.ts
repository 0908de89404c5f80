import { route } from '../../platform/http';
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
  ];
}
