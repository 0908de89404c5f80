import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables';

/** Deletes the sessions that expired before `at` (a session is refused once expired; the row only takes space). */
export async function purgeExpiredSessions(k: Kysely<Database>, at: Date): Promise<number> {
  const res = await k.deleteFrom('sessions').where('expires_at', '<', at).executeTakeFirst();
  return Number(res.numDeletedRows);
}
