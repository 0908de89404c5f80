import { z } from 'zod';
import { route } from '../../platform/http';
import { tokenIssue, tokenIssued, tokenParams, tokenView } from './schemas';
import type { TokensService } from './service';

export function tokensRoutes(tokens: TokensService) {
  return [
    route({
      method: 'GET',
      url: '/api/tokens',
      tag: 'tokens',
      summary: 'Khóa API đã cấp cho các hệ thống',
      access: 'tokens.manage',
      response: z.array(tokenView),
      handler: () => tokens.list(),
    }),
    route({
      method: 'POST',
      url: '/api/tokens',
      tag: 'tokens',
      summary: 'Cấp khóa API (quyền, phạm vi, ngày hết hạn); khóa chỉ hiện một lần',
      access: 'tokens.manage',
      body: tokenIssue,
      status: 201,
      response: tokenIssued,
      handler: async ({ actor, body }) => {
        const { token, view } = await tokens.issue(actor, body);
        return { token, ...view };
      },
    }),
    route({
      method: 'POST',
      url: '/api/tokens/:id/revoke',
      tag: 'tokens',
      summary: 'Thu hồi khóa API (có hiệu lực ngay)',
      access: 'tokens.manage',
      params: tokenParams,
      response: tokenView,
      handler: ({ actor, params }) => tokens.revoke(actor, params.id),
    }),
  ];
}
