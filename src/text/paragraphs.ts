/**
 * Paragraph segmentation with offsets into the text as given.
 */
import type { Paragraph } from '../core/types.js';
import { isSpaceCode } from './chars.js';

/**
 * Splits a text into paragraphs separated by one or more blank lines (lines of only whitespace,
 * NBSP included). Each paragraph's `text` is the exact slice [start, end) without leading or
 * trailing whitespace; `line` is the 1-based line where that slice starts. A line blank only because
 * it holds `neutral` ranges (sorted; directive comments blanked to spaces) is no paragraph break.
 * Linear time.
 * @example
 * splitParagraphs('Logo Zephyrnet\n\n  Ngày:\n') // [{ index: 1, text: 'Logo Zephyrnet', start: 0, end: 14, line: 1 },
 *                                            //  { index: 2, text: 'Ngày:', start: 18, end: 23, line: 3 }]
 */
export function splitParagraphs(text: string, neutral: readonly { start: number; end: number }[] = []): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  // The next `neutral` range that may touch a line: ranges are in order, lines only move forward.
  let next = 0;
  const n = text.length;
  let line = 1;
  let i = 0;
  // The open paragraph: its first non-space offset and line, and the end of its last non-space char.
  let start = -1;
  let startLine = 0;
  let end = -1;
  const close = (): void => {
    if (start < 0) return;
    paragraphs.push({ index: paragraphs.length + 1, text: text.slice(start, end), start, end, line: startLine });
    start = -1;
  };
  while (i < n) {
    // One line: [i, lineEnd), then its break.
    let firstInk = -1;
    let lastInk = -1;
    let j = i;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x0a || c === 0x0d) break;
      if (!isSpaceCode(c)) {
        if (firstInk < 0) firstInk = j;
        lastInk = j;
      }
    }
    while (next < neutral.length && neutral[next]!.end <= i) next++;
    if (firstInk < 0) {
      // A line that holds only a blanked range (a directive comment on a line of its own) neither
      // ends the paragraph it stands in nor starts one.
      if (!(next < neutral.length && neutral[next]!.start < j)) close();
    } else {
      if (start < 0) {
        start = firstInk;
        startLine = line;
      }
      end = lastInk + 1;
    }
    if (j < n && text.charCodeAt(j) === 0x0d && text.charCodeAt(j + 1) === 0x0a) j++;
    i = j + 1;
    line++;
  }
  close();
  return paragraphs;
}

/**
 * The paragraph findings number `n` (its `number`, else its `index`), in a list in that order.
 * @example paragraphNumbered(paragraphs, finding.paragraph)?.text
 */
export function paragraphNumbered(list: readonly Paragraph[], n: number): Paragraph | undefined {
  const at = list[n - 1];
  if (at && (at.number ?? at.index) === n) return at;
  // Numbers only skip ahead of places: search the list's part at or before place n.
  let lo = 0;
  let hi = Math.min(n, list.length) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = list[mid]!.number ?? list[mid]!.index;
    if (k === n) return list[mid];
    if (k < n) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
