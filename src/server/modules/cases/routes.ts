import { z } from 'zod';
import { route, XLSX } from '../../platform/http';
import { caseChanged, caseInput, caseListQuery, caseListView, casePatch, caseView, investigationQualityView, investigationView, withdrawBody } from './schemas';
import type { CasesService } from './service';
import type { InvestigationService } from './investigation';
import { isoDate, unitCode, uuid } from '@domain/fields';
import { vnDay } from '@domain/dates';

const idParams = z.object({ id: uuid });
export function casesRoutes(cases: CasesService, investigations: InvestigationService) {
  return [
    route({
      method: 'GET',
      url: '/api/cases',
      tag: 'cases',
      summary: 'Danh sách ca bệnh (F0), lọc theo đơn vị, ngày, nơi phát hiện, trạng thái',
      access: 'cases.read',
      personal: true,
      query: caseListQuery,
      response: caseListView,
      handler: ({ actor, query }) => cases.list(actor, query),
    }),
    route({
      method: 'GET',
      url: '/api/cases/export.xlsx',
      tag: 'cases',
      summary: 'Xuất danh sách ca bệnh ra Excel (cùng bộ lọc)',
      access: 'cases.read',
      tokens: true,
      personal: true,
      query: caseListQuery.omit({ page: true, pageSize: true }),
      produces: XLSX,
      handler: async ({ actor, query, reply }) =>
        reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="ca-benh-${vnDay()}.xlsx"`)
          .send(await cases.exportXlsx(actor, query)),
    }),
    route({
      method: 'POST',
      url: '/api/cases',
      tag: 'cases',
      summary: 'Ghi nhận ca bệnh (F0); phân loại lại F1/F2 xung quanh',
      access: 'cases.write',
      personal: true,
      body: caseInput,
      status: 201,
      response: caseChanged,
      handler: ({ actor, body }) => cases.create(actor, body),
    }),
    route({
      method: 'GET',
      url: '/api/cases/:id',
      tag: 'cases',
      summary: 'Xem ca bệnh',
      access: 'cases.read',
      personal: true,
      params: idParams,
      response: caseView,
      handler: ({ actor, params }) => cases.get(actor, params.id),
    }),
    route({
      method: 'PATCH',
      url: '/api/cases/:id',
      tag: 'cases',
      summary: 'Cập nhật diễn biến ca bệnh: lâm sàng, nơi điều trị, thời điểm cách ly, kết cục',
      access: 'cases.write',
      personal: true,
      params: idParams,
      body: casePatch,
      response: caseView,
      handler: ({ actor, params, body }) => cases.update(actor, params.id, body),
    }),
    route({
      method: 'POST',
      url: '/api/cases/:id/withdraw',
      tag: 'cases',
      summary: 'Hủy ca bệnh (dương tính giả); phân loại được tính lại',
      access: 'cases.write',
      personal: true,
      params: idParams,
      body: withdrawBody,
      response: caseChanged,
      handler: ({ actor, params, body }) => cases.withdraw(actor, params.id, body.reason, body.version),
    }),
    route({
      method: 'GET',
      url: '/api/cases/:id/investigation',
      tag: 'cases',
      summary: 'Phiếu điều tra dịch tễ thống nhất của ca bệnh (mẫu phiếu theo phiên bản)',
      access: 'cases.read',
      personal: true,
      params: idParams,
      response: investigationView,
      handler: ({ actor, params }) => investigations.get(actor, params.id),
    }),
    route({
      method: 'PUT',
      url: '/api/cases/:id/investigation',
      tag: 'cases',
      summary: 'Lưu nháp (tự động) hoặc hoàn thành phiếu điều tra',
      access: 'cases.write',
      personal: true,
      params: idParams,
      body: z.object({ data: z.record(z.string(), z.unknown()), version: z.number().int().min(0), complete: z.boolean().default(false) }),
      response: investigationView,
      handler: ({ actor, params, body }) => investigations.save(actor, params.id, body),
    }),
    route({
      method: 'GET',
      url: '/api/investigations/quality',
      tag: 'cases',
      summary: 'Độ đầy đủ và tính kịp thời của điều tra dịch tễ theo quận/huyện',
      access: 'cases.read',
      query: z.object({ from: isoDate, to: isoDate, unit: unitCode.optional() }),
      response: z.array(investigationQualityView),
      handler: ({ actor, query }) => investigations.quality(actor, query),
    }),
  ];
}
