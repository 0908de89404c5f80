import { z } from 'zod';
import { route } from '../../../platform/http';
import { liftInput, supplyInput, supplyView, zoneDetail, zoneInput, zoneListQuery, zoneParams, zoneResidents, zoneView } from './schemas';
import type { LockdownService } from './service';

export function lockdownRoutes(zones: LockdownService) {
  return [
    route({
      method: 'GET',
      url: '/api/lockdown-zones',
      tag: 'zones',
      summary: 'Danh sách vùng phong tỏa trong phạm vi (lọc theo xã, trạng thái)',
      access: 'zones.read',
      query: zoneListQuery,
      response: z.array(zoneView),
      handler: ({ actor, query }) => zones.list(actor, query),
    }),
    route({
      method: 'POST',
      url: '/api/lockdown-zones',
      tag: 'zones',
      summary: 'Khoanh vùng phong tỏa: các hộ, một ấp/khu vực hoặc cả xã; lý do và các ca bệnh liên quan',
      status: 201,
      access: 'zones.lockdown',
      personal: true,
      body: zoneInput,
      response: zoneView,
      handler: ({ actor, body }) => zones.create(actor, body),
    }),
    route({
      method: 'GET',
      url: '/api/lockdown-zones/:id',
      tag: 'zones',
      summary: 'Chi tiết vùng phong tỏa: hộ, số người, các vòng xét nghiệm, hàng hỗ trợ, điều kiện dỡ phong tỏa',
      access: 'zones.lockdown',
      personal: true,
      params: zoneParams,
      response: zoneDetail,
      handler: ({ actor, params }) => zones.detail(actor, params.id),
    }),
    route({
      method: 'GET',
      url: '/api/lockdown-zones/:id/residents',
      tag: 'zones',
      summary: 'Danh sách người dân trong vùng phong tỏa (trong phạm vi của người xem, ghi nhật ký)',
      access: 'zones.lockdown',
      personal: true,
      params: zoneParams,
      response: zoneResidents,
      handler: ({ actor, params }) => zones.residents(actor, params.id),
    }),
    route({
      method: 'POST',
      url: '/api/lockdown-zones/:id/supplies',
      tag: 'zones',
      summary: 'Ghi nhận hàng hóa, nhu yếu phẩm đã cấp cho hộ trong vùng phong tỏa',
      status: 201,
      access: 'zones.lockdown',
      personal: true,
      params: zoneParams,
      body: supplyInput,
      response: supplyView,
      handler: ({ actor, params, body }) => zones.addSupply(actor, params.id, body),
    }),
    route({
      method: 'POST',
      url: '/api/lockdown-zones/:id/lift',
      tag: 'zones',
      summary: 'Dỡ phong tỏa theo quyết định (số quyết định, người ký) khi đủ điều kiện',
      access: 'zones.decide',
      personal: true,
      params: zoneParams,
      body: liftInput,
      response: zoneDetail,
      handler: ({ actor, params, body }) => zones.lift(actor, params.id, body),
    }),
  ];
}
