/**
 * Offsets to line:column, for findings that point into the file as the user has it.
 */
import type { Position, Span } from '../core/types.js';

/**
 * Line starts of one text, for turning UTF-16 offsets into 1-based line/column (columns count code
 * points, as editors do). Line ends are `\r\n`, `\n` or `\r`. Building is O(n); each lookup is a
 * binary search.
 * @example
 * const index = new LineIndex('Ngày:\r\nVào ngày 25');
 * index.position(7); // { line: 2, column: 1, offset: 7 }
 */
export class LineIndex {
  private readonly text: string;
  private readonly starts: Int32Array;
  private readonly lineCount: number;
  /** Whether the text has surrogate pairs; if not, a column is a plain subtraction. */
  private readonly astral: boolean;

  constructor(text: string) {
    this.text = text;
    let starts = new Int32Array(Math.max(16, text.length >> 5));
    let count = 1;
    starts[0] = 0;
    let astral = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 0x0d) {
        if (c >= 0xd800 && c <= 0xdfff) astral = true;
        continue;
      }
      if (c !== 0x0a && c !== 0x0d) continue;
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      if (count === starts.length) {
        const grown = new Int32Array(starts.length * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[count++] = i + 1;
    }
    this.starts = starts;
    this.lineCount = count;
    this.astral = astral;
  }

  /** Number of lines (a text ending in a line break has an empty last line). */
  get lines(): number {
    return this.lineCount;
  }

  /** Position of a UTF-16 offset (clamped to the text). */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(this.text.length, Math.trunc(offset)));
    let lo = 0;
    let hi = this.lineCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = this.starts[lo] ?? 0;
    let column = o - lineStart + 1;
    if (this.astral) {
      for (let i = lineStart; i < o - 1; i++) {
        const c = this.text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff) {
          const d = this.text.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            column--;
            i++;
          }
        }
      }
    }
    return { line: lo + 1, column, offset: o };
  }

  /** Span of the half-open range [start, end). */
  span(start: number, end: number): Span {
    return { start: this.position(start), end: this.position(end) };
  }
}
