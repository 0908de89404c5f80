import { z } from 'zod';

/** Every environment variable the server reads, parsed once. The README's configuration table lists these. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./.data/pglite'),
  ADMIN_PASSWORD: z.string().min(10).optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_PERSONS: z.coerce.number().int().min(0).default(20_000),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  /** Longest wait before checking a password on an account under attack (it grows per failure up to this). */
  LOGIN_MAX_DELAY_MS: z.coerce.number().int().min(0).default(4000),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(2_500_000),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** Overrides of the jobs' schedules, `name=cron pattern` separated by `;` (Vietnam time), e.g. `zones.assess_daily=30 7 * * *`. */
  JOB_SCHEDULES: z.string().default(''),
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ (biến môi trường):\n${lines.join('\n')}`);
  }
  return parsed.data;
}
