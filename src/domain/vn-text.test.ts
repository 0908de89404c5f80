import { describe, expect, it } from 'vitest';
import { compareVietnamese, foldVietnamese, tidyName } from './vn-text';

describe('Vietnamese text', () => {
  it('folds diacritics, đ and case', () => {
    expect(foldVietnamese('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(foldVietnamese('  HUỲNH   thị  Mỹ-Linh ')).toBe('huynh thi my linh');
    expect(foldVietnamese('Phường Bình Thủy')).toBe(foldVietnamese('phuong binh thuy'));
  });
  it('folds decomposed (NFD) input the same as composed', () => {
    expect(foldVietnamese('Nguye\u0302\u0303n')).toBe('nguyen');
  });
  it('tidies names to NFC with single spaces', () => {
    expect(tidyName(' Trần   Thị\tHoa ')).toBe('Trần Thị Hoa');
    expect(tidyName('Nguye\u0302\u0303n')).toBe('Nguyễn');
  });
  it('sorts in Vietnamese order', () => {
    expect(['Đức', 'Dung', 'An', 'Ân'].sort(compareVietnamese)).toEqual(['An', 'Ân', 'Dung', 'Đức']);
  });
});
