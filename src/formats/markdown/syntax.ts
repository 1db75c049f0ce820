/**
 * The Markdown block grammar that both the translator (segments.ts: what is sent)
 * and the checker (checkable.ts: what is read) follow, so the two always agree on where code,
 * HTML, tables and containers begin.
 */

/** A fenced code block's opening (or closing) line. */
export const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** A line that opens an HTML block (it runs to the next blank line; a comment only to its `-->`, see `htmlBlockEnd`). */
export const HTML_BLOCK = /^ {0,3}<(?:[A-Za-z][\w-]*(?:\s|\/?>|$)|\/[A-Za-z]|!--)/;
const HTML_COMMENT_OPEN = /^ {0,3}<!--/;

/**
 * The last line of the HTML block that opens at line `first`: the line before the next blank line;
 * for a comment, the line holding its `-->` when that comes sooner (CommonMark's HTML block type 2),
 * so a comment written right above a paragraph leaves the paragraph prose.
 * @example htmlBlockEnd(['<!-- note -->', 'Text.'], 0) === 0
 */
export function htmlBlockEnd(lines: readonly string[], first: number): number {
  const comment = HTML_COMMENT_OPEN.exec(lines[first] ?? '');
  let k = first;
  for (; k < lines.length && lines[k]!.trim() !== ''; k++) {
    if (comment && lines[k]!.indexOf('-->', k === first ? comment[0].length : 0) >= 0) return k;
  }
  return k - 1;
}
/** A thematic break (`---`, `***`, `___`). */
export const THEMATIC = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** A setext heading underline. */
export const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
/** A table row written with edge pipes. */
export const TABLE_ROW = /^\s*\|.*\|\s*$/;
/** The container prefix of a line: block quotes and one list marker (with a task box). */
export const CONTAINER = /^((?:[ \t]*>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?)/;
/** A list marker at the end of a container prefix. */
export const LIST_MARKER = /(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?$/;
/** An ATX heading's opening `#`s with the spaces after them. */
const HEADING_OPEN = /^ {0,3}#{1,6}[ \t]+/;

/**
 * The length of a line's block markup: its container prefix (block quotes, a list marker), then a
 * heading's `#`s, each with the spaces after it. The line's text starts there.
 * @example blockPrefixLength('> 1.  Hanoi agreed') === 6
 */
export function blockPrefixLength(line: string): number {
  const container = CONTAINER.exec(line)![1]!;
  const heading = HEADING_OPEN.exec(line.slice(container.length));
  return container.length + (heading ? heading[0].length : 0);
}

/** The column where a line's text starts (tabs stop every 4 columns). */
export function indentWidth(line: string): number {
  let col = 0;
  for (const ch of line) {
    if (ch === ' ') col++;
    else if (ch === '\t') col += 4 - (col % 4);
    else break;
  }
  return col;
}
