import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from './tables';
import { batchedByKey } from './batched';

type Row = { id: string; n: number };
const pool = { isTransaction: false } as unknown as Kysely<Database>;
const trx = { isTransaction: true } as unknown as Kysely<Database>;

function counted() {
  const calls: string[][] = [];
  const read = batchedByKey(
    async (_db, keys: string[]) => {
      calls.push(keys);
      return keys
        .filter((k) => k !== 'missing')
        .reverse()
        .map((id) => ({ id, n: id.length }));
    },
    (row: Row) => row.id,
    3,
  );
  return { calls, read };
}

describe('batchedByKey', () => {
  it('answers the reads asked in one turn of the event loop with one query, each with its own row', async () => {
    const { calls, read } = counted();
    // asked from separate I/O-like callbacks of the same turn, as concurrent HTTP requests are
    const asked = await Promise.all(['a', 'bb', 'missing'].map((k) => new Promise((done) => setImmediate(() => done(read(pool, k))))));
    expect(asked).toEqual([{ id: 'a', n: 1 }, { id: 'bb', n: 2 }, undefined]);
    expect(calls).toEqual([['a', 'bb', 'missing']]);
  });

  it('caches nothing: the next turn reads again, and a batch holds at most maxBatch keys', async () => {
    const { calls, read } = counted();
    await read(pool, 'a');
    await read(pool, 'a');
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((k) => read(pool, k)));
    expect(calls).toEqual([['a'], ['a'], ['a', 'b', 'c'], ['d', 'e']]);
  });

  it('reads alone inside a transaction, where a shared batch would not see the transaction', async () => {
    const { calls, read } = counted();
    await Promise.all([read(trx, 'a'), read(trx, 'b')]);
    expect(calls).toEqual([['a'], ['b']]);
  });

  it('fails every read of a batch whose query fails, and the next batch again reads', async () => {
    let fail = true;
    const read = batchedByKey(
      async (_db, keys: string[]) => {
        if (fail) throw new Error('database gone');
        return keys.map((id) => ({ id, n: 0 }));
      },
      (row: Row) => row.id,
    );
    await expect(Promise.all([read(pool, 'a'), read(pool, 'b')])).rejects.toThrow('database gone');
    fail = false;
    expect(await read(pool, 'a')).toEqual({ id: 'a', n: 0 });
  });
});
