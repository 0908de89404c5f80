import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@domain/dates';
import { newTestApp, type TestApp } from '../../test/harness';
import { CAI_KHE } from '../../test/builders';
import { aHousehold } from '../../test/testing-fixtures';
import { aFacility } from '../../test/quarantine-fixtures';
import type { Actor } from '../../platform/actor';

let t: TestApp;
let actor: Actor;
const rooms: string[] = [];
const persons: string[] = [];

beforeAll(async () => {
  t = await newTestApp({}, { testing: { now: () => new Date('2021-10-31T03:00:00Z') } });
  const officer = await t.as('command_center', ['92']);
  actor = (await t.services.auth.session(officer.cookie.split('=')[1], '127.0.0.1'))!.actor;
  for (const [name, codes] of [
    ['Khu cách ly A', ['A1', 'A2', 'A3', 'A4', 'A5', 'A6']],
    ['Khu cách ly B', ['B1', 'B2', 'B3', 'B4']],
  ] as const)
    rooms.push(...Object.values((await aFacility(officer, { name, rooms: [...codes], beds: 3 })).rooms));
  for (let h = 0; h < 12; h++) persons.push(...(await aHousehold(officer, CAI_KHE, 8, `Hộ Thử ${'ABCDEGHIKLMN'[h]}`)).members.map((m) => m.id));
});
afterAll(() => t.close());

/** A small deterministic generator, so a failure replays. */
function random(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('occupancy counters', () => {
  it('equal a full recount after a generated month of admissions, transfers and releases', async () => {
    const { stays, facilities } = t.services.quarantine;
    const rnd = random(14);
    const waiting = [...persons];
    const open = new Map<string, { id: string; lastDay: string; testDays: string[]; personId: string }>();
    let moves = 0;
    let releases = 0;
    for (let day = '2021-09-01'; day <= '2021-09-30'; day = addDays(day, 1)) {
      for (const s of [...open.values()].filter((x) => x.lastDay <= day)) {
        await t.db.kysely
          .transaction()
          .execute((trx) => t.services.testing.listeners[0].negativesInTx(trx, { personIds: s.testDays.map(() => s.personId), days: s.testDays }, 0));
        await stays.release(actor, s.id, { day, signer: 'Nguyễn Văn Ký', signerTitle: 'Trưởng khu cách ly' });
        open.delete(s.id);
        waiting.push(s.personId);
        releases++;
      }
      const board = await facilities.board(actor, day);
      const empty = () => (board.facilities.length ? rooms.filter((r) => !roomOccupied.has(r)) : []);
      const roomOccupied = new Set((await t.db.kysely.selectFrom('quarantine_rooms').select('id').where('occupied', '>', 0).execute()).map((r) => r.id));
      if (open.size && rnd() < 0.8) {
        const s = [...open.values()][Math.floor(rnd() * open.size)];
        const to = empty()[0];
        if (to) {
          const moved = await stays.transfer(actor, s.id, { day, roomId: to, note: null, overrideReason: null });
          open.delete(s.id);
          open.set(moved.id, { ...s, id: moved.id });
          roomOccupied.add(to);
          moves++;
        }
      }
      const room = empty()[Math.floor(rnd() * 2)];
      for (let n = 0; room && n < 1 + Math.floor(rnd() * 3) && waiting.length; n++) {
        const personId = waiting.shift()!;
        const s = await stays.admit(actor, {
          personId,
          reason: 'f1',
          vaccination: 'none',
          setting: 'facility',
          admittedOn: day,
          roomId: room,
          homeQualifies: false,
          overrideReason: null,
        });
        open.set(s.id, { id: s.id, lastDay: s.lastDay, testDays: s.testDays, personId });
      }
    }
    expect(releases).toBeGreaterThan(10);
    expect(moves).toBeGreaterThan(5);

    const k = t.db.kysely;
    const facilityDrift = await sql`
      select f.id from quarantine_facilities f
       where f.occupied <> (select count(*) from quarantine_stays s where s.facility_id = f.id and s.status = 'open')
          or f.beds <> (select sum(beds) from quarantine_rooms r where r.facility_id = f.id)`.execute(k);
    expect(facilityDrift.rows).toEqual([]);
    const roomDrift = await sql`
      select r.code from quarantine_rooms r
       where r.occupied <> (select count(*) from quarantine_stays s where s.room_id = r.id and s.status = 'open')
          or (r.occupied = 0) <> (r.cohort_class is null)`.execute(k);
    expect(roomDrift.rows).toEqual([]);
    const dayDrift = await sql`
      with recount as (
        select facility_id, day, sum(arrivals)::int as arrivals, sum(releases)::int as releases, sum(due)::int as releases_due from (
          select facility_id, admitted_on as day, 1 as arrivals, 0 as releases, 0 as due from quarantine_stays where facility_id is not null
          union all select facility_id, ended_on, 0, 1, 0 from quarantine_stays where status = 'released'
          union all select facility_id, last_day, 0, 0, 1 from quarantine_stays where status = 'open') x group by 1, 2)
      select coalesce(c.day, r.day) as day from quarantine_day_counts c full join recount r using (facility_id, day)
       where coalesce(c.arrivals, 0) <> coalesce(r.arrivals, 0) or coalesce(c.releases, 0) <> coalesce(r.releases, 0)
          or coalesce(c.releases_due, 0) <> coalesce(r.releases_due, 0)`.execute(k);
    expect(dayDrift.rows).toEqual([]);
    const board = await facilities.board(actor, '2021-09-30');
    expect(board.city.occupied).toBe(open.size);
  });
});
