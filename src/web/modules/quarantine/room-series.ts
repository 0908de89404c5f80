import type { RoomInput } from '@server/modules/quarantine/schemas';

/**
 * Rooms numbered on from a first code, its digits keeping their width: 'A101', 10 → A101 … A110; 'B-09', 3 → B-09, B-10, B-11.
 * A code without trailing digits gets them: 'Lều', 2 → Lều1, Lều2.
 */
export function roomSeries(area: string, first: string, count: number, beds: number): RoomInput[] {
  const m = /^(.*?)(\d*)$/.exec(first.trim())!;
  const [, prefix, digits] = m;
  const start = digits ? Number(digits) : 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => ({
    area: area.trim(),
    code: `${prefix}${String(start + i).padStart(digits.length, '0')}`,
    beds,
  }));
}
