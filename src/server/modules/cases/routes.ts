import { z } from 'zod';
import { route } from '../../platform/http';
import { caseInput, caseListQuery, casePatch, clusterInput, clusterListQuery, contactLinesBody, exposureInput, followUpQuery, placeInput, placeQuery, withdrawBody } from './schemas';
import type { ClustersService } from './clusters';
import type { CasesService } from './service';
import type { InvestigationService } from './investigation';
import { isoDate, unitCode, uuid } from '@domain/fields';
import { vnDay } from '@domain/dates';

const idParams = z.object({ id: uuid });

export function casesRoutes(cases: CasesService, investigations: InvestigationService, clusters: ClustersService) {
  return [
    route({ method: 'GET', url: '/api/cases', tag: 'cases', summary: 'Danh sách ca bệnh (F0), lọc theo đơn vị, ngày, nơi phát hiện, trạng thái', access: 'cases.read', personal: true, query: caseListQuery, handler: ({ actor, query }) => cases.list(actor, query) }),
    route({
      method: 'GET', url: '/api/cases/export.xlsx', tag: 'cases', summary: 'Xuất danh sách ca bệnh ra Excel (cùng bộ lọc)', access: 'cases.read', tokens: true, personal: true, query: caseListQuery.omit({ page: true, pageSize: true }),
      handler: async ({ actor, query, reply }) => reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="ca-benh-${vnDay()}.xlsx"`).send(await cases.exportXlsx(actor, query)),
    }),
    route({ method: 'POST', url: '/api/cases', tag: 'cases', summary: 'Ghi nhận ca bệnh (F0); phân loại lại F1/F2 xung quanh', access: 'cases.write', personal: true, body: caseInput, status: 201, handler: ({ actor, body }) => cases.create(actor, body) }),
    route({ method: 'GET', url: '/api/cases/:id', tag: 'cases', summary: 'Xem ca bệnh', access: 'cases.read', personal: true, params: idParams, handler: ({ actor, params }) => cases.get(actor, params.id) }),
    route({ method: 'PATCH', url: '/api/cases/:id', tag: 'cases', summary: 'Cập nhật diễn biến ca bệnh: lâm sàng, nơi điều trị, thời điểm cách ly, kết cục', access: 'cases.write', personal: true, params: idParams, body: casePatch, handler: ({ actor, params, body }) => cases.update(actor, params.id, body) }),
    route({ method: 'POST', url: '/api/cases/:id/withdraw', tag: 'cases', summary: 'Hủy ca bệnh (dương tính giả); phân loại được tính lại', access: 'cases.write', personal: true, params: idParams, body: withdrawBody, handler: ({ actor, params, body }) => cases.withdraw(actor, params.id, body.reason, body.version) }),
    route({ method: 'POST', url: '/api/exposures', tag: 'tracing', summary: 'Ghi nhận tiếp xúc (nguồn → người tiếp xúc); phân loại lại', access: 'tracing.write', personal: true, body: exposureInput, status: 201, handler: ({ actor, body }) => cases.addExposure(actor, body) }),
    route({ method: 'GET', url: '/api/persons/:id/classification', tag: 'tracing', summary: 'Phân loại F0/F1/F2 hiện tại và kế hoạch cách ly', access: 'tracing.read', personal: true, params: idParams, handler: ({ actor, params }) => cases.classificationOf(actor, params.id) }),
    route({ method: 'GET', url: '/api/follow-up', tag: 'tracing', summary: 'Danh sách theo dõi F1/F2 trong ngày của một xã', access: 'tracing.read', personal: true, query: followUpQuery, handler: ({ actor, query }) => cases.followUp(actor, query.commune, query.date) }),
    route({ method: 'GET', url: '/api/cases/:id/investigation', tag: 'cases', summary: 'Phiếu điều tra dịch tễ thống nhất của ca bệnh (mẫu phiếu theo phiên bản)', access: 'cases.read', personal: true, params: idParams, handler: ({ actor, params }) => investigations.get(actor, params.id) }),
    route({
      method: 'PUT', url: '/api/cases/:id/investigation', tag: 'cases', summary: 'Lưu nháp (tự động) hoặc hoàn thành phiếu điều tra', access: 'cases.write', personal: true, params: idParams,
      body: z.object({ data: z.record(z.string(), z.unknown()), version: z.number().int().min(0), complete: z.boolean().default(false) }),
      handler: ({ actor, params, body }) => investigations.save(actor, params.id, body),
    }),
    route({
      method: 'GET', url: '/api/investigations/quality', tag: 'cases', summary: 'Độ đầy đủ và tính kịp thời của điều tra dịch tễ theo quận/huyện', access: 'cases.read',
      query: z.object({ from: isoDate, to: isoDate, unit: unitCode.optional() }), handler: ({ actor, query }) => investigations.quality(actor, query),
    }),
    route({
      method: 'POST', url: '/api/cases/:id/contacts', tag: 'tracing', summary: 'Nhập danh sách tiếp xúc (dán từ Excel): đối chiếu hoặc tạo người, lưu tất cả hoặc không', access: 'tracing.write', personal: true,
      params: idParams, body: contactLinesBody, status: 201, handler: ({ actor, params, body }) => cases.contactLines(actor, params.id, body.rows),
    }),
    route({ method: 'GET', url: '/api/cases/:id/contacts', tag: 'tracing', summary: 'Danh sách tiếp xúc của ca bệnh: tên và điện thoại để liên hệ, kể cả ở xã khác (ghi nhật ký truy vết)', access: 'tracing.write', personal: true, params: idParams, handler: ({ actor, params }) => cases.contactsOf(actor, params.id) }),
    route({ method: 'GET', url: '/api/cases/:id/chain', tag: 'tracing', summary: 'Chuỗi lây nhiễm quanh ca bệnh (đồ thị, tóm tắt ổ dịch)', access: 'tracing.read', personal: true, params: idParams, handler: ({ actor, params }) => cases.chain(actor, params.id, vnDay()) }),
    route({ method: 'GET', url: '/api/places', tag: 'tracing', summary: 'Địa điểm (chợ, trường, bệnh viện, nhà máy…) theo xã, tìm không dấu', access: 'tracing.read', personal: true, query: placeQuery, handler: ({ actor, query }) => clusters.places(actor, query) }),
    route({ method: 'POST', url: '/api/places', tag: 'tracing', summary: 'Thêm địa điểm (đánh dấu nơi tiếp xúc đông người)', access: 'tracing.write', body: placeInput, status: 201, handler: ({ actor, body }) => clusters.addPlace(actor, body) }),
    route({ method: 'GET', url: '/api/clusters', tag: 'tracing', summary: 'Danh sách ổ dịch', access: 'tracing.read', personal: true, query: clusterListQuery, handler: ({ actor, query }) => clusters.list(actor, query, vnDay()) }),
    route({ method: 'POST', url: '/api/clusters', tag: 'tracing', summary: 'Đặt tên ổ dịch từ ca chỉ điểm', access: 'tracing.write', personal: true, body: clusterInput, status: 201, handler: ({ actor, body }) => clusters.create(actor, body) }),
    route({ method: 'GET', url: '/api/clusters/:id', tag: 'tracing', summary: 'Ổ dịch: chuỗi lây nhiễm, quy mô, số thế hệ, ca đầu và ca cuối, tốc độ tăng', access: 'tracing.read', personal: true, params: idParams, handler: ({ actor, params }) => clusters.get(actor, params.id, vnDay()) }),
  ];
}
