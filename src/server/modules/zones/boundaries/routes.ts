import { vnDay } from '@domain/dates';
import { route } from '../../../platform/http';
import { boundariesQuery, boundaryCollection, boundaryImportBody, boundaryImportReport } from './schemas';
import type { BoundariesService } from './service';

/** A province's GeoJSON file as JSON: a city's commune shapes run to a few megabytes, a detailed province's to tens. */
const BOUNDARY_FILE_LIMIT = 30 * 1024 * 1024;

export function boundaryRoutes(boundaries: BoundariesService) {
  return [
    route({
      method: 'POST',
      url: '/api/levels/boundaries',
      tag: 'zones',
      summary: 'Nhập ranh giới xã/phường của một tỉnh từ tệp GeoJSON (áp dụng từ một ngày; tệp lỗi bị từ chối toàn bộ)',
      access: 'zones.write',
      bodyLimit: BOUNDARY_FILE_LIMIT,
      body: boundaryImportBody,
      response: boundaryImportReport,
      handler: ({ actor, body }) => boundaries.import(actor, body),
    }),
    route({
      method: 'GET',
      url: '/api/levels/boundaries',
      tag: 'zones',
      summary: 'Ranh giới xã/phường của một tỉnh cho bản đồ cấp độ trong ngày (null khi chưa nhập)',
      access: 'zones.read',
      query: boundariesQuery,
      response: boundaryCollection.nullable(),
      handler: ({ query }) => boundaries.forMap(query.province, query.day ?? vnDay()),
    }),
  ];
}
