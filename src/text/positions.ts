/**
 * Offsets to line:column, for findings that point into the file as the user has it.
 */
import type { Position, Span } from '../core/types.js';

/**
 * Line starts of one text, for turning UTF-16 offsets into 1-based line/column (columns count code
 * points, as editors do). Line ends are `\r\n`, `\n` or `\r`. Building is O(n); each lookup is a
 * binary search (plus a scan of at most 1,024 units when the text has astral characters).
 * @example
 * const index = new LineIndex('Ngày:\r\nVào ngày 25');
 * index.position(7); // { line: 2, column: 1, offset: 7 }
 */
export class LineIndex {
  private readonly text: string;
  private readonly starts: Int32Array;
  private readonly lineCount: number;
  /**
   * Surrogate pairs before every CHECKPOINT-th offset, when the text has any (else a column is a
   * plain subtraction): a column on a long line costs at most two short scans, not one from the
   * start of the line.
   */
  private readonly pairsBefore: Int32Array | null;

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
    this.pairsBefore = astral ? pairCheckpoints(text) : null;
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
    // A pair counts as one column when both halves lie before the offset.
    if (this.pairsBefore && o - 1 > lineStart) column -= this.pairsUpTo(o - 1) - this.pairsUpTo(lineStart);
    return { line: lo + 1, column, offset: o };
  }

  /** Surrogate pairs whose high half is at an index below `k`. */
  private pairsUpTo(k: number): number {
    const block = k >> CHECKPOINT_SHIFT;
    let pairs = this.pairsBefore![block]!;
    for (let i = block << CHECKPOINT_SHIFT; i < k; i++) if (isPairAt(this.text, i)) pairs++;
    return pairs;
  }

  /** Span of the half-open range [start, end). */
  span(start: number, end: number): Span {
    return { start: this.position(start), end: this.position(end) };
  }
}

const CHECKPOINT_SHIFT = 10;

/** Whether a high surrogate at `i` is followed by a low one (one code point in two units). */
function isPairAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return false;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

/** For each block of 2^CHECKPOINT_SHIFT units, the surrogate pairs starting before it. */
function pairCheckpoints(text: string): Int32Array {
  const out = new Int32Array((text.length >> CHECKPOINT_SHIFT) + 1);
  let pairs = 0;
  for (let i = 0; i < text.length; i++) {
    if ((i & ((1 << CHECKPOINT_SHIFT) - 1)) === 0) out[i >> CHECKPOINT_SHIFT] = pairs;
    if (isPairAt(text, i)) pairs++;
  }
  return out;
}
