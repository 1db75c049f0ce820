/**
 * Where vitrans's own directives are in a text: HTML comments on one line that begin with
 * `vitrans-` (`<!-- vitrans-disable-line term-missing -- quoted -->`). The checker reads them
 * (src/checks/inline-suppressions.ts) and the Markdown reader keeps them for it
 * (src/formats/markdown/checkable.ts). One left-to-right pass: linear however many unclosed
 * `<!--` a line holds.
 */

/** One directive comment: [start, end) offsets of the whole comment, and its text between `<!--` and `-->`. */
export interface DirectiveComment {
  start: number;
  end: number;
  body: string;
}

/**
 * The directive comments of a text, in order.
 * @example findDirectiveComments('a <!-- vitrans-disable-line x -- y --> b') // [{ start: 2, end: 38, body: ' vitrans-disable-line x -- y ' }]
 */
export function findDirectiveComments(text: string): DirectiveComment[] {
  const out: DirectiveComment[] = [];
  if (!text.includes('vitrans-')) return out;
  // The next "-->" and the next line break at or after the current opening: both only move forward.
  let close = -1;
  let newline = -1;
  for (let start = text.indexOf('<!--'); start >= 0; start = text.indexOf('<!--', start + 4)) {
    if (close < start + 4) {
      close = text.indexOf('-->', start + 4);
      if (close < 0) break;
    }
    if (newline < start) {
      newline = text.indexOf('\n', start);
      if (newline < 0) newline = text.length;
    }
    if (newline < close) continue;
    let k = start + 4;
    while (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x09) k++;
    if (!text.startsWith('vitrans-', k)) continue;
    out.push({ start, end: close + 3, body: text.slice(start + 4, close) });
    start = close - 1;
  }
  return out;
}
