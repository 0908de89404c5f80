import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { newTestDb } from '../test/harness';
import type { Db } from './connect';
import { packRowsOn, plainRows } from './plain-rows';

let db: Db;
beforeAll(async () => {
  db = await newTestDb();
  // packed on both engines for this instance; a transaction's instance reads rows
  packRowsOn(db.kysely);
});
afterAll(() => db.close());

const query = sql`select id, code, n, ok, day::text as day from (values
    ('0190a000-0000-7000-8000-000000000003'::uuid, '3111701', 3, true, date '2021-09-07'),
    ('0190a000-0000-7000-8000-000000000001'::uuid, null, 0, false, date '2021-09-08'),
    ('0190a000-0000-7000-8000-000000000002'::uuid, '3111702', -12, true, date '2021-09-09')) v(id, code, n, ok, day)`;
const columns = { id: 'text', code: 'text', n: 'int', ok: 'bool', day: 'text' } as const;

describe('plainRows', () => {
  it('reads the same rows packed into one value as row by row, in order, with nulls, integers and booleans', async () => {
    const packed = await plainRows(db.kysely, query, columns, 'id', ['code']);
    const rows = await db.kysely.transaction().execute((trx) => plainRows(trx, query, columns, 'id', ['code']));
    expect(packed).toEqual([
      { id: '0190a000-0000-7000-8000-000000000001', code: null, n: 0, ok: false, day: '2021-09-08' },
      { id: '0190a000-0000-7000-8000-000000000002', code: '3111702', n: -12, ok: true, day: '2021-09-09' },
      { id: '0190a000-0000-7000-8000-000000000003', code: '3111701', n: 3, ok: true, day: '2021-09-07' },
    ]);
    expect(rows).toEqual(packed);
  });

  it('reads no rows as an empty list either way', async () => {
    const none = sql`select * from (${query}) q where false`;
    expect(await plainRows(db.kysely, none, columns, 'id')).toEqual([]);
    expect(await db.kysely.transaction().execute((trx) => plainRows(trx, none, columns, 'id'))).toEqual([]);
  });
});
