import { z } from 'zod';
import { vnDay } from '@domain/dates';
import { route } from '../../platform/http';
import type { PeopleService } from '../people/service';
import {
  childrenQuery,
  hamletImportBody,
  hamletImportReport,
  populationBody,
  unitDetail,
  unitOverview,
  unitParams,
  unitSummary,
  type UnitOverview,
} from './schemas';
import type { GeographyService } from './service';

export function geographyRoutes(geo: GeographyService, people: PeopleService) {
  return [
    route({
      method: 'GET',
      url: '/api/units',
      tag: 'geography',
      summary: 'Các tỉnh/thành phố (đơn vị cấp cao nhất)',
      access: 'public',
      query: childrenQuery,
      response: z.array(unitSummary),
      handler: ({ query }) => geo.provinces(query.date ?? vnDay()),
    }),
    route({
      method: 'GET',
      url: '/api/units/:code/children',
      tag: 'geography',
      summary: 'Các đơn vị con (tỉnh → huyện → xã → ấp)',
      access: 'public',
      params: unitParams,
      query: childrenQuery,
      response: z.array(unitSummary),
      handler: ({ params, query }) => geo.children(params.code, query.date ?? vnDay()),
    }),
    route({
      method: 'GET',
      url: '/api/units/:code',
      tag: 'geography',
      summary: 'Một đơn vị: cấp trên, dân số',
      access: 'public',
      params: unitParams,
      response: unitDetail,
      handler: ({ params }) => geo.detail(params.code),
    }),
    route({
      method: 'GET',
      url: '/api/units/:code/overview',
      tag: 'geography',
      summary: 'Các đơn vị con với dân số, số hộ và số người đã quản lý',
      access: 'geography.read',
      params: unitParams,
      response: unitOverview,
      handler: async ({ params }): Promise<UnitOverview> => {
        const unit = await geo.detail(params.code);
        const children = geo.children(params.code);
        const populations = await geo.childPopulations(params.code);
        const counts = unit.level === 'hamlet' ? new Map() : await people.countsByChild({ level: unit.level, code: unit.code });
        return {
          unit,
          children: children.map((c) => ({
            ...c,
            population: populations.get(c.code) ?? null,
            registered: counts.get(c.code) ?? { persons: 0, households: 0 },
          })),
        };
      },
    }),
    route({
      method: 'POST',
      url: '/api/units/:code/hamlets/import',
      tag: 'geography',
      summary: 'Nhập danh sách ấp/khu vực của xã từ CSV (tất cả hoặc không)',
      access: 'geography.import',
      params: unitParams,
      body: hamletImportBody,
      response: hamletImportReport,
      handler: ({ actor, params, body }) => geo.importHamlets(actor, params.code, body.csv),
    }),
    route({
      method: 'PUT',
      url: '/api/units/:code/population',
      tag: 'geography',
      summary: 'Ghi dân số của đơn vị (ngày, nguồn)',
      access: 'geography.import',
      params: unitParams,
      body: populationBody,
      response: unitDetail,
      handler: async ({ actor, params, body }) => {
        await geo.setPopulation(actor, params.code, body);
        return geo.detail(params.code);
      },
    }),
  ];
}
