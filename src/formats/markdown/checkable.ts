/**
 * Markdown as the checker reads it: what `vitrans translate` never translates (front matter, code,
 * HTML, link targets and reference definitions) is blanked out (replaced by spaces, line breaks
 * kept) before matching. Every offset, line and column stays that of the file as written.
 *
 * The block rules follow segments.ts line by line (a line-based reading, not a full
 * CommonMark parser), so the checker skips exactly what the translator keeps verbatim. Everything
 * here is linear in the text: one pass over the lines, then single-pass inline scans.
 */

import { findDirectiveComments } from '../../text/directives.js';
import { CONTAINER, FENCE, HTML_BLOCK, LIST_MARKER, htmlBlockEnd, SETEXT_UNDERLINE, TABLE_ROW, THEMATIC, indentWidth } from './syntax.js';
import { formatByExtension } from '../registry.js';

const FRONT_MATTER_OPEN = /^\uFEFF?---[ \t]*\r?$/;
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*\r?$/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
/** A link reference definition `[label]: url "title"` (not a footnote, `[^1]: text`, which is prose). */
const REFERENCE_DEF = /^ {0,3}\[(?!\^)[^\]]+\]:\s*\S/;
/** A reference definition's title alone on the next line. */
const REFERENCE_TITLE_LINE = /^[ \t]+(?:"[^"]*"|'[^']*'|\([^()]*\))[ \t]*$/;
const REFERENCE_HAS_TITLE = /[ \t](?:"[^"]*"|'[^']*'|\([^()]*\))[ \t]*$/;

const AUTOLINK = /<(?:https?|mailto):[^<>\s]+>/g;
const HTML_TAG = /<\/?[A-Za-z][^<>\n]*>/g;
/**
 * An inline link's target, `](url)` or `](url "title")`. Each whitespace run is matched atomically
 * (`(?=(…))\1`), so a long run of spaces cannot make the pattern backtrack quadratically.
 */
const LINK_TARGET =
  /\]\((?=([ \t]*(?:\r?\n[ \t]*)?))\1<?[^)\s>]*>?(?=([ \t]*(?:\r?\n[ \t]*)?))\2(?:(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\))(?=([ \t]*(?:\r?\n[ \t]*)?))\3)?\)/g;
/** The label part of a full or collapsed reference link, `][label]`. */
const REFERENCE_LABEL = /\]\[[^\]\n]*\]/g;

/** Whether a path names a Markdown file. */
export function isMarkdownFile(path: string): boolean {
  return formatByExtension(path) === 'markdown';
}

const blank = (s: string): string => s.replace(/[^\r\n]/g, ' ');

/**
 * HTML comments that are directives to the checker (`<!-- vitrans-disable-line … -->`, see
 * src/checks/inline-suppressions.ts) are left in place for the checker, which reads and blanks them.
 */
const isDirectiveAt = (text: string, at: number): boolean => /^<!--[ \t]*vitrans-/.test(text.slice(at, at + 64));

/** A line blanked but for the checker's directives in it. */
function blankKeepingDirectives(raw: string): string {
  let out = '';
  let at = 0;
  for (const d of findDirectiveComments(raw)) {
    out += blank(raw.slice(at, d.start)) + raw.slice(d.start, d.end);
    at = d.end;
  }
  return out + blank(raw.slice(at));
}

/**
 * The text with front matter, fenced and indented code blocks, HTML blocks (content and all),
 * reference definitions, inline code, HTML tags, autolinks and link targets replaced by spaces of
 * the same length (line breaks kept), so positions do not move. Inline HTML tags inside a
 * paragraph are blanked; the text between them is kept.
 * @example blankMarkdownCode('Xem `mã` [đây](https://a.vn)') === 'Xem      [đây]              '
 */
export function blankMarkdownCode(text: string): string {
  return blankInline(blankBlocks(text));
}


/** A table's delimiter row, `|---|:--:|` or `--- | ---` (at least one pipe). */
function isDelimiterRow(row: string): boolean {
  if (!row.includes('|')) return false;
  const cells = row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
  return cells.every((cell) => /^:?-+:?$/.test(cell.trim()));
}

/** Blanks the block-level parts, line by line, the way segments.ts cuts a document. */
function blankBlocks(text: string): string {
  const lines = text.split('\n');
  const out: string[] = new Array<string>(lines.length);
  const line = (k: number): string => (lines[k] ?? '').replace(/\r$/, '');
  // Whether a paragraph (or list item text) is open, and whether it has no container prefix.
  let open = false;
  let openPlain = false;
  let inTable = false;
  // Where the content of the last list item starts (-1 outside lists): code is indented past it.
  let listContent = -1;
  let i = 0;

  if (FRONT_MATTER_OPEN.test(lines[0] ?? '')) {
    let end = 1;
    while (end < lines.length && !FRONT_MATTER_CLOSE.test(lines[end]!)) end++;
    if (end < lines.length) {
      for (; i <= end; i++) out[i] = blank(lines[i]!);
    }
  }

  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    const l = line(i);
    out[i] = raw;
    const fence = FENCE.exec(l);
    if (fence) {
      open = inTable = false;
      out[i] = blank(raw);
      const marker = fence[1]!;
      for (i++; i < lines.length; i++) {
        out[i] = blank(lines[i]!);
        const end = FENCE.exec(line(i));
        if (end && end[1]![0] === marker[0] && end[1]!.length >= marker.length && line(i).trim() === end[0].trim()) break;
      }
      continue;
    }
    if (l.trim() === '') {
      open = inTable = false;
      continue;
    }
    if (HTML_BLOCK.test(l)) {
      // An HTML block runs to the next blank line (a comment to its end); the translator keeps it
      // verbatim, content and all. The checker's own directives stay for the checker to read.
      open = inTable = false;
      const last = htmlBlockEnd(lines, i);
      for (; i <= last; i++) out[i] = blankKeepingDirectives(lines[i]!);
      i--;
      continue;
    }
    if (open && openPlain && SETEXT_UNDERLINE.test(l)) {
      open = false;
      continue;
    }
    const indent = indentWidth(l);
    if (!open && indent < listContent) listContent = -1;
    if (!open && !l.trimStart().startsWith('>') && indent >= Math.max(listContent, 0) + 4) {
      // An indented code block (inside a list: indented past the item's content).
      out[i] = blank(raw);
      continue;
    }
    if (inTable || TABLE_ROW.test(l) || (l.includes('|') && i + 1 < lines.length && isDelimiterRow(line(i + 1)))) {
      // A table (or a pipe row) is translated cell by cell and ends any paragraph.
      open = false;
      inTable = true;
      if (HEADING.test(l) || THEMATIC.test(l) || LIST_MARKER.test(CONTAINER.exec(l)![1]!)) inTable = false;
      else continue;
    }
    if (REFERENCE_DEF.test(l)) {
      // Label, URL and title: none of it is prose the checker should read.
      open = false;
      out[i] = blank(raw);
      if (!REFERENCE_HAS_TITLE.test(l) && i + 1 < lines.length && REFERENCE_TITLE_LINE.test(line(i + 1))) {
        i++;
        out[i] = blank(lines[i]!);
      }
      continue;
    }
    if (THEMATIC.test(l) || HEADING.test(l)) {
      open = false;
      continue;
    }
    const prefix = CONTAINER.exec(l)![1]!;
    const isItem = LIST_MARKER.test(prefix);
    if (isItem) listContent = indentWidth(prefix.replace(/\S/g, ' ') + 'x');
    if (!open || isItem) openPlain = prefix.trim() === '';
    open = true;
  }
  return out.join('\n');
}

/** Blanks inline code, autolinks, HTML tags and comments, link targets and reference labels. */
function blankInline(text: string): string {
  if (!text.includes('`') && !text.includes('<!--')) return blankSimpleInline(text);
  const chars = text.split('');
  const blankRange = (start: number, end: number): void => {
    for (let k = start; k < end; k++) if (chars[k] !== '\n' && chars[k] !== '\r') chars[k] = ' ';
  };
  blankCodeSpans(text, blankRange);
  const t = chars.join('');
  // HTML comments: each `<!--` pairs with the next `-->` (indexOf: linear, even when unclosed).
  for (let from = 0; ; ) {
    const start = t.indexOf('<!--', from);
    if (start < 0) break;
    const end = t.indexOf('-->', start + 4);
    if (end < 0) break;
    if (!isDirectiveAt(t, start) || t.slice(start, end).includes('\n')) blankRange(start, end + 3);
    from = end + 3;
  }
  return blankSimpleInline(chars.join(''));
}

/** Blanks autolinks, HTML tags, link targets and reference labels (all bounded by a line). */
function blankSimpleInline(t: string): string {
  return t
    .replace(AUTOLINK, blank)
    .replace(HTML_TAG, blank)
    .replace(LINK_TARGET, (m) => ']' + blank(m.slice(1)))
    .replace(REFERENCE_LABEL, (m) => ']' + blank(m.slice(1)));
}

/**
 * Code spans: a backtick run opens a span closed by the next run of the same length in the same
 * paragraph (CommonMark). Linear: each run looks up the next one of its length once.
 */
function blankCodeSpans(text: string, blankRange: (start: number, end: number) => void): void {
  for (const paragraph of text.matchAll(/[^\n]*(?:\n(?![ \t\r]*(?:\n|$))[^\n]*)*/g)) {
    const base = paragraph.index;
    const body = paragraph[0];
    if (!body.includes('`')) continue;
    const runs: Array<[number, number]> = [];
    for (const m of body.matchAll(/`+/g)) runs.push([base + m.index, base + m.index + m[0].length]);
    // For each run, the index of the next run of the same length (-1: none).
    const next = new Int32Array(runs.length).fill(-1);
    const lastOfLength = new Map<number, number>();
    for (let k = runs.length - 1; k >= 0; k--) {
      const len = runs[k]![1] - runs[k]![0];
      next[k] = lastOfLength.get(len) ?? -1;
      lastOfLength.set(len, k);
    }
    for (let k = 0; k < runs.length; k++) {
      const close = next[k]!;
      if (close < 0) continue;
      blankRange(runs[k]![0], runs[close]![1]);
      k = close;
    }
  }
}

/**
 * What the checks read of a file: Markdown without its code, HTML and link targets (positions
 * kept); any other text as it is.
 */
export function checkableText(path: string, text: string): string {
  return isMarkdownFile(path) ? blankMarkdownCode(text) : text;
}
