import { describe, expect, it } from 'vitest';
import { roomSeries } from './room-series';

describe('roomSeries', () => {
  it('numbers rooms on from the first code, keeping the width of its digits', () => {
    const rooms = roomSeries('A', 'A101', 10, 4);
    expect(rooms.map((r) => r.code)).toEqual(['A101', 'A102', 'A103', 'A104', 'A105', 'A106', 'A107', 'A108', 'A109', 'A110']);
    expect(rooms.every((r) => r.area === 'A' && r.beds === 4)).toBe(true);
    expect(roomSeries('B', 'B-09', 3, 2).map((r) => r.code)).toEqual(['B-09', 'B-10', 'B-11']);
  });

  it('adds a number to a code without one, and makes nothing for no rooms', () => {
    expect(roomSeries('Khu lều', 'Lều', 2, 6).map((r) => r.code)).toEqual(['Lều1', 'Lều2']);
    expect(roomSeries('A', 'A1', 0, 4)).toEqual([]);
  });
});
