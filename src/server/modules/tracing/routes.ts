import { z } from 'zod';
import { uuid } from '@domain/fields';
import { vnDay } from '@domain/dates';
import { route } from '../../platform/http';
import type { ClustersService } from './clusters';
import {
  chainGraphView, classificationView, clusterCreated, clusterInput, clusterListQuery, clusterListView, clusterView, contactLinesBody, contactView, exposureAdded, exposureInput,
  followUpItem, followUpQuery, lineListResult, placeInput, placeQuery, placeView,
} from './schemas';
import type { TracingService } from './service';

const idParams = z.object({ id: uuid });

/** Every route guarded by tracing.* (URLs unchanged by the split out of cases; docs/ACCESS.md is the same). */
export function tracingRoutes(tracing: TracingService, clusters: ClustersService) {
  return [
    route({
      method: 'POST', url: '/api/exposures', tag: 'tracing', summary: 'Ghi nhận tiếp xúc (nguồn → người tiếp xúc); phân loại lại', access: 'tracing.write', personal: true,
      body: exposureInput, status: 201, response: exposureAdded, handler: ({ actor, body }) => tracing.addExposure(actor, body),
    }),
    route({
      method: 'GET', url: '/api/persons/:id/classification', tag: 'tracing', summary: 'Phân loại F0/F1/F2 hiện tại và kế hoạch cách ly', access: 'tracing.read', personal: true,
      params: idParams, response: classificationView.nullable(), handler: ({ actor, params }) => tracing.classificationOf(actor, params.id),
    }),
    route({
      method: 'GET', url: '/api/follow-up', tag: 'tracing', summary: 'Danh sách theo dõi F1/F2 trong ngày của một xã', access: 'tracing.read', personal: true,
      query: followUpQuery, response: z.array(followUpItem), handler: ({ actor, query }) => tracing.followUp(actor, query.commune, query.date),
    }),
    route({
      method: 'POST', url: '/api/cases/:id/contacts', tag: 'tracing', summary: 'Nhập danh sách tiếp xúc (dán từ Excel): đối chiếu hoặc tạo người, lưu tất cả hoặc không', access: 'tracing.write', personal: true,
      params: idParams, body: contactLinesBody, status: 201, response: lineListResult, handler: ({ actor, params, body }) => tracing.contactLines(actor, params.id, body.rows),
    }),
    route({
      method: 'GET', url: '/api/cases/:id/contacts', tag: 'tracing', summary: 'Danh sách tiếp xúc của ca bệnh: tên và điện thoại để liên hệ, kể cả ở xã khác (ghi nhật ký truy vết)', access: 'tracing.write', personal: true,
      params: idParams, response: z.array(contactView), handler: ({ actor, params }) => tracing.contactsOf(actor, params.id),
    }),
    route({
      method: 'GET', url: '/api/cases/:id/chain', tag: 'tracing', summary: 'Chuỗi lây nhiễm quanh ca bệnh (đồ thị, tóm tắt ổ dịch)', access: 'tracing.read', personal: true,
      params: idParams, response: chainGraphView, handler: ({ actor, params }) => tracing.chain(actor, params.id, vnDay()),
    }),
    route({
      method: 'GET', url: '/api/places', tag: 'tracing', summary: 'Địa điểm (chợ, trường, bệnh viện, nhà máy…) theo xã, tìm không dấu', access: 'tracing.read', personal: true,
      query: placeQuery, response: z.array(placeView), handler: ({ actor, query }) => clusters.places(actor, query),
    }),
    route({
      method: 'POST', url: '/api/places', tag: 'tracing', summary: 'Thêm địa điểm (đánh dấu nơi tiếp xúc đông người)', access: 'tracing.write',
      body: placeInput, status: 201, response: placeView, handler: ({ actor, body }) => clusters.addPlace(actor, body),
    }),
    route({
      method: 'GET', url: '/api/clusters', tag: 'tracing', summary: 'Danh sách ổ dịch', access: 'tracing.read', personal: true,
      query: clusterListQuery, response: clusterListView, handler: ({ actor, query }) => clusters.list(actor, query, vnDay()),
    }),
    route({
      method: 'POST', url: '/api/clusters', tag: 'tracing', summary: 'Đặt tên ổ dịch từ ca chỉ điểm', access: 'tracing.write', personal: true,
      body: clusterInput, status: 201, response: clusterCreated, handler: ({ actor, body }) => clusters.create(actor, body),
    }),
    route({
      method: 'GET', url: '/api/clusters/:id', tag: 'tracing', summary: 'Ổ dịch: chuỗi lây nhiễm, quy mô, số thế hệ, ca đầu và ca cuối, tốc độ tăng', access: 'tracing.read', personal: true,
      params: idParams, response: clusterView, handler: ({ actor, params }) => clusters.get(actor, params.id, vnDay()),
    }),
  ];
}
