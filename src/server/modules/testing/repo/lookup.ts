import type { Kysely } from 'kysely';
import type { Database } from '../../../db/tables';

/** SQL of the public result lookup: one tube by barcode, only what the answer shows, and its persons. */

export function tubeForLookup(k: Kysely<Database>, barcode: string) {
  return k
    .selectFrom('samples')
    .select(['id', 'barcode', 'kind', 'result', 'resulted_at', 'reported_at', 'collected_on', 'test_type'])
    .where('barcode', '=', barcode)
    .executeTakeFirst();
}

export async function personsOfTube(k: Kysely<Database>, sampleId: string): Promise<string[]> {
  return (await k.selectFrom('sample_members').select('person_id').where('sample_id', '=', sampleId).execute()).map((m) => m.person_id);
}
