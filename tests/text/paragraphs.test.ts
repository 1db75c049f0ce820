import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { paragraphNumbered, splitParagraphs } from '../../src/text/paragraphs.js';

describe('splitParagraphs', () => {
  it('splits on blank lines and keeps exact slices with offsets and lines', () => {
    const text = 'Logo Zephyrnet\n\nTận dụng tối đa hợp tác\ncông nghiệp quốc phòng  \n\n\n  Ngày:\n';
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map((p) => [p.index, p.text, p.line])).toEqual([
      [1, 'Logo Zephyrnet', 1],
      [2, 'Tận dụng tối đa hợp tác\ncông nghiệp quốc phòng', 3],
      [3, 'Ngày:', 7],
    ]);
    for (const p of paragraphs) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('treats lines of only spaces, tabs and NBSP as blank', () => {
    const text = 'Hoà bình\n \u00a0\t\u202f\nThuỷ điện';
    expect(splitParagraphs(text).map((p) => p.text)).toEqual(['Hoà bình', 'Thuỷ điện']);
  });

  it('understands \\r\\n and \\r line ends', () => {
    const crlf = 'Đoạn một\r\n\r\nĐoạn hai\r\ncòn tiếp\r\n';
    expect(splitParagraphs(crlf).map((p) => [p.text, p.line])).toEqual([
      ['Đoạn một', 1],
      ['Đoạn hai\r\ncòn tiếp', 3],
    ]);
    const cr = 'Đoạn một\r\rĐoạn hai';
    expect(splitParagraphs(cr).map((p) => [p.text, p.line, p.start])).toEqual([
      ['Đoạn một', 1, 0],
      ['Đoạn hai', 3, 10],
    ]);
  });

  it('keeps the whitespace inside a paragraph and drops it around', () => {
    const text = '\n\n   Thoả thuận  An ninh\t\n';
    const [p] = splitParagraphs(text);
    expect(p).toEqual({ index: 1, text: 'Thoả thuận  An ninh', start: 5, end: 24, line: 3 });
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitParagraphs('')).toEqual([]);
    expect(splitParagraphs(' \n\u00a0\n\t')).toEqual([]);
  });

  it('splits the seed article into its paragraphs', () => {
    const seed = readFileSync(new URL('./fixtures/seed-000.txt', import.meta.url), 'utf8');
    const paragraphs = splitParagraphs(seed);
    expect(paragraphs[0]?.text).toBe('Logo Zephyrnet');
    expect(paragraphs[1]?.text).toBe('Tận dụng tối đa hợp tác công nghiệp quốc phòng Nhật-Mỹ');
    expect(paragraphs.some((p) => p.text.startsWith('Ngoài ra, hai nước công bố'))).toBe(true);
    for (const p of paragraphs) {
      expect(seed.slice(p.start, p.end)).toBe(p.text);
      expect(p.text).toBe(p.text.trim());
      expect(seed.slice(0, p.start).split(/\r\n|\n|\r/).length).toBe(p.line);
    }
  });

  // Speed is measured by `npm run bench:check`, not asserted here.
  it('splits 20 MB of paragraphs', () => {
    const para = 'Vào ngày 25 tháng XNUMX, Nhà Trắng công bố chuyến thăm.\nDòng hai của đoạn.\n\n';
    const text = para.repeat(Math.ceil(20_000_000 / para.length));
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.length).toBe(text.length / para.length);
    expect(paragraphs.at(-1)?.line).toBe(3 * (paragraphs.length - 1) + 1);
  });
});

describe('splitParagraphs with neutral ranges (directive comments blanked to spaces)', () => {
  const blanked = 'Hai bên thảo luận về an ninh hàng hải.\n' + ' '.repeat(40) + '\nKhẩu hiệu: "Vì chủ quyền biển đảo".\n\n' + ' '.repeat(30) + '\nĐoạn hai.\n';
  const directiveAt = (n: number) => {
    const start = blanked.split('\n').slice(0, n - 1).join('\n').length + 1;
    return { start, end: start + blanked.split('\n')[n - 1]!.length };
  };

  it('reads a line holding only a neutral range as neither text nor a break', () => {
    const inside = directiveAt(2);
    const above = directiveAt(5);
    expect(splitParagraphs(blanked).map((p) => p.line)).toEqual([1, 3, 6]);
    const read = splitParagraphs(blanked, [inside, above]);
    expect(read.map((p) => [p.line, p.text.split('\n').length])).toEqual([[1, 3], [6, 1]]);
    expect(read[0]!.text.endsWith('biển đảo".')).toBe(true);
  });
});

describe('paragraphNumbered', () => {
  it('finds a paragraph by the number findings give it, its place in the list or its own number', () => {
    const plain = splitParagraphs('Một.\n\nHai.\n\nBa.');
    expect(paragraphNumbered(plain, 2)?.text).toBe('Hai.');
    // XLIFF segments 1, 3 and 6 checked (2, 4, 5 protected or empty).
    const segments = [1, 3, 6].map((number, i) => ({ ...plain[i]!, number }));
    expect([1, 2, 3, 4, 6, 7].map((n) => paragraphNumbered(segments, n)?.text)).toEqual(['Một.', undefined, 'Hai.', undefined, 'Ba.', undefined]);
  });
});
