import { z } from 'zod';
import { route } from '../../platform/http';
import { passwordReset, userCreate, userCreated, userParams, userPatch, userView } from './schemas';
import type { UsersService } from './service';

export function usersRoutes(users: UsersService) {
  return [
    route({
      method: 'GET',
      url: '/api/users',
      tag: 'users',
      summary: 'Danh sách người dùng',
      access: 'users.manage',
      response: z.array(userView),
      handler: () => users.list(),
    }),
    route({
      method: 'POST',
      url: '/api/users',
      tag: 'users',
      summary: 'Tạo người dùng (vai trò, phạm vi)',
      access: 'users.manage',
      body: userCreate,
      status: 201,
      response: userCreated,
      handler: ({ actor, body }) => users.create(actor, body),
    }),
    route({
      method: 'PATCH',
      url: '/api/users/:id',
      tag: 'users',
      summary: 'Sửa vai trò, phạm vi, khóa/mở người dùng',
      access: 'users.manage',
      params: userParams,
      body: userPatch,
      response: userView,
      handler: ({ actor, params, body }) => users.update(actor, params.id, body),
    }),
    route({
      method: 'POST',
      url: '/api/users/:id/reset-password',
      tag: 'users',
      summary: 'Đặt lại mật khẩu (trả về một lần)',
      access: 'users.manage',
      params: userParams,
      response: passwordReset,
      handler: ({ actor, params }) => users.resetPassword(actor, params.id),
    }),
  ];
}
