import { z } from 'zod';
import { uuid } from '@domain/fields';
import { route } from '../../platform/http';
import { caseInput, caseListQuery, exposureInput, followUpQuery, withdrawBody } from './schemas';
import type { CasesService } from './service';

const idParams = z.object({ id: uuid });

export function casesRoutes(cases: CasesService) {
  return [
    route({ method: 'GET', url: '/api/cases', tag: 'cases', summary: 'Danh sách ca bệnh (F0), lọc theo đơn vị, ngày, nơi phát hiện, trạng thái', access: 'people.read', personal: true, query: caseListQuery, handler: ({ actor, query }) => cases.list(actor, query) }),
    route({ method: 'POST', url: '/api/cases', tag: 'cases', summary: 'Ghi nhận ca bệnh (F0); phân loại lại F1/F2 xung quanh', access: 'people.write', personal: true, body: caseInput, status: 201, handler: ({ actor, body }) => cases.create(actor, body) }),
    route({ method: 'GET', url: '/api/cases/:id', tag: 'cases', summary: 'Xem ca bệnh', access: 'people.read', personal: true, params: idParams, handler: ({ actor, params }) => cases.get(actor, params.id) }),
    route({ method: 'POST', url: '/api/cases/:id/withdraw', tag: 'cases', summary: 'Hủy ca bệnh (dương tính giả); phân loại được tính lại', access: 'people.write', personal: true, params: idParams, body: withdrawBody, handler: ({ actor, params, body }) => cases.withdraw(actor, params.id, body.reason, body.version) }),
    route({ method: 'POST', url: '/api/exposures', tag: 'cases', summary: 'Ghi nhận tiếp xúc (nguồn → người tiếp xúc); phân loại lại', access: 'people.write', personal: true, body: exposureInput, status: 201, handler: ({ actor, body }) => cases.addExposure(actor, body) }),
    route({ method: 'GET', url: '/api/persons/:id/classification', tag: 'cases', summary: 'Phân loại F0/F1/F2 hiện tại và kế hoạch cách ly', access: 'people.read', personal: true, params: idParams, handler: ({ actor, params }) => cases.classificationOf(actor, params.id) }),
    route({ method: 'GET', url: '/api/follow-up', tag: 'cases', summary: 'Danh sách theo dõi F1/F2 trong ngày của một xã', access: 'people.read', personal: true, query: followUpQuery, handler: ({ actor, query }) => cases.followUp(actor, query.commune, query.date) }),
  ];
}
