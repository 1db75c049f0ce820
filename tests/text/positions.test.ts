import { describe, it, expect } from 'vitest';
import { LineIndex } from '../../src/text/positions.js';

describe('LineIndex', () => {
  it('counts lines over \\n, \\r\\n and \\r', () => {
    const text = 'Logo Zephyrnet\nTận dụng\r\nNgày:\rVào ngày 25';
    const index = new LineIndex(text);
    expect(index.lines).toBe(4);
    expect(index.position(0)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(index.position(text.indexOf('Tận'))).toEqual({ line: 2, column: 1, offset: 15 });
    expect(index.position(text.indexOf('Ngày'))).toEqual({ line: 3, column: 1, offset: 25 });
    expect(index.position(text.indexOf('ngày 25') + 5)).toMatchObject({ line: 4, column: 10 });
  });

  it('counts a \\r\\n pair as one line break, and positions inside it stay on the line', () => {
    const index = new LineIndex('a\r\nb');
    expect(index.position(1)).toMatchObject({ line: 1, column: 2 });
    expect(index.position(2)).toMatchObject({ line: 1, column: 3 });
    expect(index.position(3)).toMatchObject({ line: 2, column: 1 });
  });

  it('counts columns in code points, not UTF-16 units', () => {
    const text = 'Chữ 𠀧 Nôm: Bộ Quốc phòng';
    const index = new LineIndex(text);
    expect(index.position(text.indexOf('Nôm')).column).toBe(7);
    expect(index.position(text.indexOf('Bộ')).column).toBe(12);
  });

  it('counts NFD combining marks as columns (they are code points)', () => {
    const text = 'hoà bình'.normalize('NFD');
    expect(new LineIndex(text).position(text.indexOf('b')).column).toBe(6);
  });

  it('gives a span with both ends, and clamps offsets to the text', () => {
    const text = 'Thiết bị\nđánh chặn';
    const index = new LineIndex(text);
    expect(index.span(9, 13)).toEqual({ start: { line: 2, column: 1, offset: 9 }, end: { line: 2, column: 5, offset: 13 } });
    expect(index.position(999)).toEqual({ line: 2, column: 10, offset: text.length });
    expect(index.position(-3)).toEqual({ line: 1, column: 1, offset: 0 });
  });

  it('handles empty text and a trailing line break', () => {
    expect(new LineIndex('').position(0)).toEqual({ line: 1, column: 1, offset: 0 });
    const index = new LineIndex('Ngày:\n');
    expect(index.lines).toBe(2);
    expect(index.position(6)).toEqual({ line: 2, column: 1, offset: 6 });
  });

  // Speed is measured by `npm run bench:check`, not asserted here.
  it('indexes a 20 MB text', () => {
    const line = 'Vào ngày 25 tháng XNUMX, Nhà Trắng công bố chuyến thăm cấp nhà nước.\n';
    const text = line.repeat(Math.ceil(20_000_000 / line.length));
    const index = new LineIndex(text);
    let sum = 0;
    for (let k = 0; k < 100_000; k++) sum += index.position((k * 7919) % text.length).line;
    expect(sum).toBeGreaterThan(0);
    expect(index.position(text.length - 1).line).toBe(text.length / line.length);
  });

  /** Columns the slow way: code points from the line start. */
  const naiveColumn = (text: string, offset: number): number => {
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    return [...text.slice(start, offset)].length + 1;
  };

  it('counts code points on a long line with astral characters anywhere, across its internal checkpoints', () => {
    // Chữ Nôm (astral) between Vietnamese words on one 30,000-unit line, and a split pair at the end of a block.
    const piece = 'Chữ 𠀧 Nôm và 𡨸 Hán ';
    const text = 'Mở đầu\n' + piece.repeat(800) + '\uD840' + 'x\n𠀧 cuối';
    const index = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset += 97) {
      expect(index.position(offset).column, `offset ${offset}`).toBe(naiveColumn(text, offset));
    }
    for (const offset of [1023, 1024, 1025, 2047, 2048, text.length - 3, text.length]) {
      expect(index.position(offset).column, `offset ${offset}`).toBe(naiveColumn(text, offset));
    }
  });

  it('finds a column on a megabyte-long line without reading the line from its start', () => {
    // A String object counts how many characters LineIndex reads per look-up.
    const line = 'Chữ 𠀧 Nôm '.repeat(100_000);
    let reads = 0;
    const text = Object.assign(new String(line), {
      charCodeAt(i: number) {
        reads++;
        return line.charCodeAt(i);
      },
    }) as unknown as string;
    const index = new LineIndex(text);
    reads = 0;
    const queries = 200;
    for (let k = 1; k <= queries; k++) index.position(line.length - k * 13);
    // Two scans of at most one 1,024-unit block each per look-up, whatever the line's length.
    expect(reads / queries).toBeLessThanOrEqual(2 * 1024 * 2);
    expect(index.position(line.length).column).toBe([...line].length + 1);
  });
});
