import type { FastifyReply, FastifyRequest } from 'fastify';
import { route } from '../../platform/http';
import { changePasswordBody, loginBody, meView, okView } from './schemas';
import type { AuthService } from './service';

export const SESSION_COOKIE = 'tc_session';

export function sessionToken(req: FastifyRequest): string | undefined {
  return req.cookies[SESSION_COOKIE];
}

export function authRoutes(auth: AuthService, cookieSecure: 'true' | 'false' | 'auto') {
  const setCookie = (req: FastifyRequest, reply: FastifyReply, token: string, expires: Date) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      expires,
      secure: cookieSecure === 'auto' ? req.protocol === 'https' : cookieSecure === 'true',
    });
  return [
    route({
      method: 'POST',
      url: '/api/auth/login',
      tag: 'auth',
      summary: 'Đăng nhập; đặt cookie phiên (httpOnly, SameSite=Strict)',
      access: 'public',
      body: loginBody,
      response: meView,
      handler: async ({ body, req, reply }) => {
        const { token, me, expiresAt } = await auth.login(body.username, body.password, req.ip);
        setCookie(req, reply, token, expiresAt);
        return me;
      },
    }),
    route({
      method: 'POST',
      url: '/api/auth/logout',
      tag: 'auth',
      summary: 'Đăng xuất',
      access: 'session',
      response: okView,
      handler: async ({ req, reply, actor }) => {
        await auth.logout(sessionToken(req), actor);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    }),
    route({
      method: 'GET',
      url: '/api/auth/me',
      tag: 'auth',
      summary: 'Người dùng hiện tại, quyền, phạm vi và mã CSRF',
      access: 'session',
      response: meView,
      handler: async ({ req, actor }) => auth.meOf(actor, (await auth.session(sessionToken(req), req.ip))!.csrf),
    }),
    route({
      method: 'POST',
      url: '/api/auth/password',
      tag: 'auth',
      summary: 'Đổi mật khẩu của mình',
      access: 'session',
      body: changePasswordBody,
      response: okView,
      handler: async ({ actor, body }) => {
        await auth.changePassword(actor, body.currentPassword, body.newPassword);
        return { ok: true as const };
      },
    }),
  ];
}
