import { z } from 'zod';
import { fullName, unitCode } from '@domain/fields';
import { route } from '../../platform/http';
import {
  duplicateWarning, historyEntry, householdCreated, householdInput, householdPatch, householdView, idParams, mergeBody, personCreated, personInput, personPatch, personView,
  searchQuery, searchResult,
} from './schemas';
import type { PeopleService } from './service';

export function peopleRoutes(people: PeopleService) {
  return [
    route({
      method: 'GET', url: '/api/persons', tag: 'people', summary: 'Tìm người (không dấu, không phân biệt hoa thường), lọc theo đơn vị, phân trang',
      access: 'people.read', personal: true, query: searchQuery, response: searchResult,
      handler: ({ actor, query }) => people.search(actor, query),
    }),
    route({
      method: 'POST', url: '/api/persons', tag: 'people', summary: 'Thêm người; trả về cảnh báo trùng lặp', status: 201,
      access: 'people.write', personal: true, body: personInput, response: personCreated,
      handler: ({ actor, body }) => people.create(actor, body),
    }),
    route({
      method: 'POST', url: '/api/persons/duplicates', tag: 'people', summary: 'Kiểm tra trùng lặp trước khi lưu',
      access: 'people.write', personal: true,
      body: z.object({ fullName, birthYear: z.number().int().min(1880).max(2100), communeCode: unitCode, excludeId: z.string().uuid().optional() }),
      response: z.array(duplicateWarning),
      handler: ({ actor, body }) => people.duplicates(actor, body),
    }),
    route({
      method: 'POST', url: '/api/persons/merge', tag: 'people', summary: 'Gộp hai hồ sơ trùng (ghi nhật ký)',
      access: 'people.merge', personal: true, body: mergeBody, response: personView,
      handler: ({ actor, body }) => people.merge(actor, body),
    }),
    route({
      method: 'GET', url: '/api/persons/:id', tag: 'people', summary: 'Xem hồ sơ một người',
      access: 'people.read', personal: true, params: idParams, response: personView,
      handler: ({ actor, params }) => people.get(actor, params.id),
    }),
    route({
      method: 'GET', url: '/api/persons/:id/history', tag: 'people', summary: 'Lịch sử thay đổi hồ sơ',
      access: 'people.read', personal: true, params: idParams, response: z.array(historyEntry),
      handler: ({ actor, params }) => people.history(actor, params.id),
    }),
    route({
      method: 'PATCH', url: '/api/persons/:id', tag: 'people', summary: 'Sửa hồ sơ một người',
      access: 'people.write', personal: true, params: idParams, body: personPatch, response: personView,
      handler: ({ actor, params, body }) => people.update(actor, params.id, body),
    }),
    route({
      method: 'POST', url: '/api/households', tag: 'people', summary: 'Thêm hộ gia đình cùng các nhân khẩu', status: 201,
      access: 'people.write', personal: true, body: householdInput, response: householdCreated,
      handler: ({ actor, body }) => people.createHousehold(actor, body),
    }),
    route({
      method: 'GET', url: '/api/households/:id', tag: 'people', summary: 'Xem hộ gia đình và nhân khẩu',
      access: 'people.read', personal: true, params: idParams, response: householdView,
      handler: ({ actor, params }) => people.getHousehold(actor, params.id),
    }),
    route({
      method: 'PATCH', url: '/api/households/:id', tag: 'people', summary: 'Sửa hộ gia đình (địa chỉ, ấp, chủ hộ)',
      access: 'people.write', personal: true, params: idParams, body: householdPatch, response: householdView,
      handler: ({ actor, params, body }) => people.updateHousehold(actor, params.id, body),
    }),
  ];
}
