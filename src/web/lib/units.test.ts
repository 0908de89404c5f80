import { describe, expect, it } from 'vitest';
import { childLevel, levelOfCode } from './units';

describe('unit codes', () => {
  it('tells the level from the GSO code shape', () => {
    expect(['92', '916', '31117', '31117.KV1'].map(levelOfCode)).toEqual(['province', 'district', 'commune', 'hamlet']);
    expect(childLevel('commune')).toBe('hamlet');
    expect(childLevel('hamlet')).toBeNull();
  });
});
