import { z } from 'zod';
import { PERMISSIONS } from '@domain/access';
import { unitRef } from '../geography/schemas';
import { role } from '../users/schemas';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10, { message: 'validation.password' }).max(200),
});

/** The signed-in user: who, what they may do, the units they see, and the CSRF token to send on changes. */
export const meView = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  role,
  scopeUnits: z.array(unitRef),
  agency: z.string().nullable(),
  permissions: z.array(z.enum(PERMISSIONS)),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meView>;

/** The answer of an action that has nothing else to say. */
export const okView = z.object({ ok: z.literal(true) });
