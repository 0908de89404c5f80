import { z } from 'zod';
import { route } from '../../platform/http';
import { inForceQuery, kindParams, listQuery, ruleSetInput, ruleSetParams, ruleSetView } from './schemas';
import type { RuleSetsService } from './service';

export function ruleSetsRoutes(rules: RuleSetsService) {
  return [
    route({
      method: 'GET',
      url: '/api/rule-sets',
      tag: 'rule-sets',
      summary: 'Các bộ quy tắc và phiên bản',
      access: 'rules.read',
      query: listQuery,
      response: z.array(ruleSetView),
      handler: ({ query }) => rules.list(query.kind),
    }),
    route({
      method: 'GET',
      url: '/api/rule-sets/in-force/:kind',
      tag: 'rule-sets',
      summary: 'Phiên bản có hiệu lực vào một ngày',
      access: 'rules.read',
      params: kindParams,
      query: inForceQuery,
      response: ruleSetView,
      handler: ({ params, query }) => rules.inForce(params.kind, query.date),
    }),
    route({
      method: 'GET',
      url: '/api/rule-sets/:id',
      tag: 'rule-sets',
      summary: 'Một phiên bản',
      access: 'rules.read',
      params: ruleSetParams,
      response: ruleSetView,
      handler: ({ params }) => rules.get(params.id),
    }),
    route({
      method: 'POST',
      url: '/api/rule-sets',
      tag: 'rule-sets',
      summary: 'Thêm phiên bản mới (bản nháp)',
      access: 'rules.manage',
      body: ruleSetInput,
      status: 201,
      response: ruleSetView,
      handler: ({ actor, body }) => rules.addVersion(actor, body),
    }),
    route({
      method: 'POST',
      url: '/api/rule-sets/:id/activate',
      tag: 'rule-sets',
      summary: 'Áp dụng một phiên bản',
      access: 'rules.manage',
      params: ruleSetParams,
      response: ruleSetView,
      handler: ({ actor, params }) => rules.activate(actor, params.id),
    }),
  ];
}
