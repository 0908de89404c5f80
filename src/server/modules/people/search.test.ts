import { describe, expect, it } from 'vitest';
import { searchFilterOf } from './search';

describe('search filter', () => {
  it('turns a name into words, the last one a prefix', () => {
    expect(searchFilterOf('Nguyễn Văn Đ')).toEqual({ tsquery: 'nguyen & van & d:*', number: null, folded: 'nguyen van d' });
  });
  it('treats ID and phone numbers as exact numbers', () => {
    expect(searchFilterOf('092085001234').number).toBe('092085001234');
    expect(searchFilterOf('+84 912 345 678').number).toBe('0912345678');
  });
  it('drops characters that cannot be in a name', () => {
    expect(searchFilterOf("tran & | ! ' hoa").tsquery).toBe('tran & hoa:*');
    expect(searchFilterOf('   ').tsquery).toBeNull();
  });
});
