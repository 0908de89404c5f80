import { z } from 'zod';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10, { message: 'validation.password' }).max(200),
});

export interface Me {
  id: string;
  username: string;
  fullName: string;
  role: string;
  scopeUnits: { code: string; name: string }[];
  agency: string | null;
  permissions: string[];
  csrfToken: string;
}
