import { describe, expect, it } from 'vitest';
import { textLines } from './result-file';

describe('textLines', () => {
  it('gives the same lines whatever falls on the boundaries of the decoded pieces (CRLF, CR, multi-byte letters)', () => {
    // ~300 KB: several pieces, with a CRLF pair, a lone CR and 2–3-byte UTF-8 letters at every possible offset
    const lines: string[] = [];
    for (let i = 0; i < 12_000; i++) lines.push(`KL-${i},${i % 3 ? 'Âm tính' : 'Dương tính'},${i % 7 ? '' : 'ặ'}`);
    const text = lines.map((l, i) => l + (i % 5 === 0 ? '\r\n' : i % 5 === 1 ? '\r' : '\n')).join('');
    const bytes = new TextEncoder().encode('\uFEFF' + text);
    expect(bytes.length).toBeGreaterThan(3 * 65_536);
    expect([...textLines(bytes)]).toEqual([...lines, '']);
  });
});
