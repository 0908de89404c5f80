import { z } from 'zod';
import { ROLES } from '@domain/access';
import { fullName, unitCode } from '@domain/fields';
import { unitRef } from '../geography/schemas';

export const role = z.enum(ROLES);

export const userCreate = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._]{3,40}$/, { message: 'validation.username' }),
  fullName,
  role,
  /** Units the user may see: the province (city-wide), districts, or communes. */
  scopeUnits: z.array(unitCode).min(1, { message: 'validation.scope' }).max(200),
  agency: z.string().trim().max(200).nullish(),
  /** When absent, a password is generated and returned once. */
  password: z.string().min(10, { message: 'validation.password' }).max(200).optional(),
});

export const userPatch = z.object({
  fullName: fullName.optional(),
  role: role.optional(),
  scopeUnits: z.array(unitCode).min(1, { message: 'validation.scope' }).max(200).optional(),
  agency: z.string().trim().max(200).nullish(),
  disabled: z.boolean().optional(),
});

export const userParams = z.object({ id: z.string().uuid() });

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  role,
  scopeUnits: z.array(unitRef),
  agency: z.string().nullable(),
  disabled: z.boolean(),
  /** wrong passwords since the last sign-in, from any address (they slow sign-in, they lock no one out) */
  failedLogins: z.number().int(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

/** A new user; `password` only when it was generated (shown once). */
export const userCreated = z.object({ user: userView, password: z.string().optional() });
export type UserCreated = z.infer<typeof userCreated>;

/** The new generated password, shown once. */
export const passwordReset = z.object({ password: z.string() });
