/**
 * Markdown articles: the document is cut into block structure (kept as is) and translatable
 * inline text (sent). YAML front matter at the very start is kept as is. Headings, list items
 * and block quotes keep their markers; each table cell
 * (header and body rows) is a segment of its own between the pipes, so a table keeps its shape
 * whatever the engine does; a reference definition's title is a segment, and so is a footnote
 * definition's text (`[^1]: ` kept). Fenced and indented
 * code blocks, HTML blocks, table delimiter rows, reference definitions without a title and
 * thematic breaks are never sent. Inside the text, code spans, backslash escapes, link and image
 * syntax (brackets, URLs, title quotes: the alt text, link text and title are translated), bare
 * URLs, inline HTML, emphasis markers, footnote references (`[^1]`) and hard line breaks (two
 * trailing spaces or a backslash before a line end) become protected markup spans, masked with the same
 * placeholders as glossary terms (placeholders.ts). Line-based on purpose: a CommonMark AST would
 * be more exact but cannot be re-serialised byte-for-byte around the parts we leave alone.
 */
import type { ProtectedSpan } from '../../core/types.js';
import { CONTAINER, FENCE, HTML_BLOCK, LIST_MARKER, htmlBlockEnd, SETEXT_UNDERLINE, TABLE_ROW, THEMATIC, indentWidth } from './syntax.js';

/** A piece of inline text to translate, NFC, with its markup spans (offsets into `text`). */
export interface MarkdownSegment {
  text: string;
  markup: ProtectedSpan[];
}

/**
 * One output line or line group: verbatim, a segment between a prefix and a suffix, or a table
 * row whose parts are verbatim text (pipes, padding) and segment numbers (cells), in order.
 */
export type MarkdownBlock =
  | { kind: 'verbatim'; text: string }
  | { kind: 'segment'; prefix: string; segment: number; suffix: string }
  | { kind: 'row'; parts: (string | number)[] };

/** A parsed Markdown document; `segments` are what gets translated, in document order. */
export interface MarkdownDocument {
  blocks: MarkdownBlock[];
  segments: MarkdownSegment[];
  /** Whether the source ended with a line break. */
  finalNewline: boolean;
}


const HEADING = /^( {0,3}#{1,6}[ \t]+)(.*?)([ \t]+#+[ \t]*)?$/;
const REFERENCE_DEF = /^ {0,3}\[[^\]]+\]:\s*\S/;
/** A footnote definition with text on its line: `[^label]: text`. */
const FOOTNOTE_DEF = /^( {0,3}\[\^[^\]\s]+\]:[ \t]*)(\S.*)$/;
const QUOTE_PREFIX = /^(?:[ \t]*>[ \t]?)*/;
/** A reference definition with a title on its line: `[label]: url "title"` (also 'title', (title)). */
const REFERENCE_TITLE = /^( {0,3}\[[^\]]+\]:[ \t]*(?:<[^<>\n]*>|\S+)[ \t]+(["'(]))(.*)(["')])[ \t]*$/;

/**
 * Parses Markdown into blocks and translatable segments (the text is normalised to NFC first).
 * @example parseMarkdown('# Hợp tác\n\nXem `mã`.').segments.map((s) => s.text) // ['Hợp tác', 'Xem `mã`.']
 */
export function parseMarkdown(source: string): MarkdownDocument {
  const text = source.normalize('NFC');
  const finalNewline = /\r?\n$/.test(text);
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  const blocks: MarkdownBlock[] = [];
  const segments: MarkdownSegment[] = [];
  const verbatim = (line: string): void => void blocks.push({ kind: 'verbatim', text: line });
  // The open paragraph: lines of plain text (same container) joined into one segment.
  let open: { block: MarkdownBlock & { kind: 'segment' }; lines: ParagraphLine[] } | undefined;
  const close = (): void => {
    if (!open) return;
    const joined = joinParagraphLines(open.lines);
    segments[open.block.segment] = inlineSegment(joined.text, joined.breaks);
    open = undefined;
  };
  const startSegment = (prefix: string, body: string, suffix = ''): void => {
    close();
    const block = { kind: 'segment' as const, prefix, segment: segments.length, suffix };
    segments.push({ text: '', markup: [] });
    blocks.push(block);
    open = { block, lines: [{ lead: '', body }] };
  };

  /** A table row: each cell with a letter in it becomes a segment; pipes and padding stay. */
  const row = (line: string): void => {
    close();
    const parts: (string | number)[] = [];
    const verbatimPart = (t: string): void => {
      if (t === '') return;
      if (typeof parts[parts.length - 1] === 'string') parts[parts.length - 1] += t;
      else parts.push(t);
    };
    const quote = QUOTE_PREFIX.exec(line)![0];
    verbatimPart(quote);
    splitCells(line.slice(quote.length)).forEach((cell, n) => {
      if (n > 0) verbatimPart('|');
      const content = cell.trim();
      if (!/\p{L}/u.test(content)) {
        verbatimPart(cell);
        return;
      }
      const lead = cell.length - cell.trimStart().length;
      verbatimPart(cell.slice(0, lead));
      parts.push(segments.length);
      segments.push(inlineSegment(content));
      verbatimPart(cell.slice(lead + content.length));
    });
    blocks.push({ kind: 'row', parts });
  };
  // Where the content of the last list item starts (-1 outside lists): code is indented past it.
  let listContent = -1;

  // YAML front matter at the very start (`---` … `---` or `...`): metadata, kept verbatim.
  let first = 0;
  if (lines[0] !== undefined && /^---[ \t]*$/.test(lines[0])) {
    const end = lines.findIndex((l, n) => n > 0 && /^(?:---|\.\.\.)[ \t]*$/.test(l));
    if (end > 0) {
      for (let n = 0; n <= end; n++) verbatim(lines[n]!);
      first = end + 1;
    }
  }

  for (let i = first; i < lines.length; i++) {
    const line = lines[i]!;
    // A line left of the list item's content ends the list, unless it continues an open paragraph
    // (a lazy line); fences and HTML blocks interrupt paragraphs, so they always end it.
    if (listContent >= 0 && line.trim() !== '' && indentWidth(line) < listContent && (!open || FENCE.test(line) || HTML_BLOCK.test(line))) {
      listContent = -1;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      close();
      verbatim(line);
      const marker = fence[1]!;
      for (i++; i < lines.length; i++) {
        verbatim(lines[i]!);
        const end = FENCE.exec(lines[i]!);
        if (end && end[1]![0] === marker[0] && end[1]!.length >= marker.length && lines[i]!.trim() === end[0].trim()) break;
      }
      continue;
    }
    if (line.trim() === '') {
      close();
      verbatim(line);
      continue;
    }
    if (HTML_BLOCK.test(line)) {
      close();
      const last = htmlBlockEnd(lines, i);
      for (; i <= last; i++) verbatim(lines[i]!);
      i--;
      continue;
    }
    if (open && SETEXT_UNDERLINE.test(line) && open.block.prefix === '') {
      close();
      verbatim(line);
      continue;
    }
    const indent = indentWidth(line);
    if (!open && !line.trimStart().startsWith('>') && indent >= Math.max(listContent, 0) + 4) {
      // An indented code block (inside a list: indented past the item's content).
      verbatim(line);
      continue;
    }
    const tableRows = tableAt(lines, i);
    if (tableRows > 0) {
      row(lines[i]!);
      verbatim(lines[i + 1]!);
      for (let r = 2; r < tableRows; r++) row(lines[i + r]!);
      i += tableRows - 1;
      continue;
    }
    if (TABLE_ROW.test(line) && !isDelimiterRow(line)) {
      // A pipe row outside a well-formed table: translated cell by cell all the same.
      row(line);
      continue;
    }
    const footnote = FOOTNOTE_DEF.exec(line);
    if (footnote) {
      // `[^1]: text`: the label stays, the note is translated (indented lines continue it).
      startSegment(footnote[1]!, footnote[2]!);
      continue;
    }
    const titled = REFERENCE_TITLE.exec(line);
    if (titled && CLOSING_QUOTE[titled[2]!] === titled[4] && /\p{L}/u.test(titled[3]!)) {
      startSegment(titled[1]!, titled[3]!, line.slice(titled[1]!.length + titled[3]!.length));
      close();
      continue;
    }
    if (THEMATIC.test(line) || REFERENCE_DEF.test(line) || TABLE_ROW.test(line)) {
      close();
      verbatim(line);
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      startSegment(heading[1]!, heading[2]!, heading[3] ?? '');
      close();
      continue;
    }
    const prefix = CONTAINER.exec(line)![1]!;
    const body = line.slice(prefix.length);
    const isItem = LIST_MARKER.test(prefix);
    if (isItem) listContent = indentWidth(prefix.replace(/\S/g, ' ') + 'x');
    if (open && !isItem && (prefix.trim() === open.block.prefix.trim().replace(LIST_MARKER, '').trim() || prefix.trim() === '')) {
      // A continuation line of the open paragraph or list item.
      open.lines.push({ lead: line.slice(0, line.length - body.trimStart().length), body: body.trimStart() });
      continue;
    }
    startSegment(prefix, body);
  }
  close();
  return { blocks, segments, finalNewline };
}

const CLOSING_QUOTE: Record<string, string> = { '"': '"', "'": "'", '(': ')' };

/**
 * One line of an open paragraph: `lead` is what stood before its text (container markers,
 * indentation; '' for the first line, whose prefix is the block's), `body` the text with its
 * trailing spaces, which may make a hard line break.
 */
interface ParagraphLine {
  lead: string;
  body: string;
}

/**
 * A paragraph's lines as one segment: soft breaks become a space; a hard break (two or more
 * trailing spaces, or a trailing backslash) stays as `marker + \n` in the text and is protected
 * as markup whose replacement also restores the next line's lead, so it comes back in place.
 * @example joinParagraphLines([{ lead: '', body: 'dòng  ' }, { lead: '> ', body: 'hai' }]).text === 'dòng  \nhai'
 */
function joinParagraphLines(lines: readonly ParagraphLine[]): { text: string; breaks: ProtectedSpan[] } {
  if (lines.length === 1) return { text: lines[0]!.body, breaks: [] };
  let text = '';
  const breaks: ProtectedSpan[] = [];
  lines.forEach((line, n) => {
    const last = n === lines.length - 1;
    if (last) {
      text += line.body.trimEnd();
      return;
    }
    const spaces = / {2,}$/.exec(line.body);
    const backslashes = /\\+$/.exec(line.body)?.[0].length ?? 0;
    const marker = spaces ? spaces[0] : backslashes % 2 === 1 ? '\\' : undefined;
    if (marker === undefined) {
      text += line.body.trimEnd() + ' ';
      return;
    }
    text += line.body.slice(0, line.body.length - marker.length);
    const start = text.length;
    text += `${marker}\n`;
    breaks.push({ start, end: text.length, replacement: `${marker}\n${lines[n + 1]!.lead}`, kind: 'markup' });
  });
  return { text, breaks };
}


/** A row cut at its unescaped pipes: the text before the first pipe, each cell, the text after the last. */
function splitCells(row: string): string[] {
  const cells: string[] = [];
  let start = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') i++;
    else if (row[i] === '|') {
      cells.push(row.slice(start, i));
      start = i + 1;
    }
  }
  cells.push(row.slice(start));
  return cells;
}

/** A table row's cells (GFM: leading and trailing pipes are optional). */
function rowCells(row: string): string[] {
  const cells = splitCells(row);
  if (cells.length > 1 && cells[0]!.trim() === '') cells.shift();
  if (cells.length > 1 && cells[cells.length - 1]!.trim() === '') cells.pop();
  return cells;
}

/** A table's delimiter row, `|---|:--:|` (at least one pipe). */
function isDelimiterRow(row: string): boolean {
  return row.includes('|') && rowCells(row).every((cell) => /^:?-+:?$/.test(cell.trim()));
}

const quoteDepth = (line: string): number => QUOTE_PREFIX.exec(line)![0].split('>').length - 1;

/** Starts another block, so it ends a table (or cannot be a table's header row). */
function startsBlock(text: string): boolean {
  return FENCE.test(text) || HTML_BLOCK.test(text) || HEADING.test(text) || THEMATIC.test(text) || LIST_MARKER.test(CONTAINER.exec(text)![1]!);
}

/**
 * The number of lines of the GFM table starting at `lines[i]` (header row, delimiter row, body
 * rows up to a blank line or another block), or 0 when no table starts there.
 */
function tableAt(lines: readonly string[], i: number): number {
  const header = lines[i]!;
  const delimiter = lines[i + 1];
  if (delimiter === undefined || quoteDepth(delimiter) !== quoteDepth(header)) return 0;
  const strip = (line: string): string => line.slice(QUOTE_PREFIX.exec(line)![0].length);
  const head = strip(header);
  const delim = strip(delimiter);
  if (!isDelimiterRow(delim) || !head.includes('|') || startsBlock(head)) return 0;
  if (rowCells(head).length !== rowCells(delim).length) return 0;
  let n = 2;
  for (; i + n < lines.length; n++) {
    const line = lines[i + n]!;
    const body = strip(line);
    if (quoteDepth(line) !== quoteDepth(header) || body.trim() === '' || startsBlock(body)) break;
  }
  return n;
}

/** Puts translated segments back into the document's structure. */
export function renderMarkdown(doc: MarkdownDocument, targets: readonly string[]): string {
  const out = doc.blocks.map((b) =>
    b.kind === 'verbatim'
      ? b.text
      : b.kind === 'row'
        ? b.parts.map((p) => (typeof p === 'number' ? (targets[p] ?? '') : p)).join('')
        : `${b.prefix}${targets[b.segment] ?? ''}${b.suffix}`,
  );
  return out.join('\n') + (doc.finalNewline ? '\n' : '');
}

const INLINE_PATTERNS: RegExp[] = [
  /(`+)[^`][\s\S]*?\1/g, // code spans
  /\\[!-/:-@[-`{-~]/g, // backslash escapes (`\|` in a table cell, `\*`)
  /<(?:https?:\/\/|mailto:)[^>\s]+>/g, // autolinks
  /<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>/g, // inline HTML tags
  /\[\^[^\]\s]+\]/g, // footnote references, `[^1]`
  /\]\[[^\]]*\]/g, // the label part of a reference link
  /!?\[(?=[^\]]*\](?:\(|\[))/g, // a link's or an image's opening bracket (the text or alt text is translated)
  /https?:\/\/[^\s<>()]+[^\s<>().,;:!?"'”’]/g, // bare URLs
  /\*\*|\*|~~/g, // emphasis and strikethrough markers
  /(?<![\p{L}\p{M}\p{N}])__?|__?(?![\p{L}\p{M}\p{N}])/gu, // underscore emphasis at word edges only
];

/**
 * The destination of an inline link or image, `](url)` or `](url "title")` (also 'title' and
 * (title)); the title (group 1, 2 or 3) is text to translate, the rest is markup.
 */
const DESTINATION =
  /\]\([ \t]*(?:<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)(?:[ \t]+(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|\(((?:[^()\\]|\\.)*)\)))?[ \t]*\)/dy;
/** A destination that does not parse: protected whole up to the first `)`, title or not. */
const LOOSE_DESTINATION = /\][(][^)]*[)]/y;

/**
 * The inline markup of one segment as protected spans (overlaps are resolved when masking);
 * `extra` spans (hard line breaks) join them, inside code spans they give way.
 */
export function inlineSegment(text: string, extra: readonly ProtectedSpan[] = []): MarkdownSegment {
  const markup: ProtectedSpan[] = [...extra];
  const protect = (start: number, end: number): void => {
    if (end > start) markup.push({ start, end, replacement: text.slice(start, end), kind: 'markup' });
  };
  for (const re of INLINE_PATTERNS) {
    for (const m of text.matchAll(re)) protect(m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(/\]\(/g)) {
    DESTINATION.lastIndex = m.index;
    const d = DESTINATION.exec(text);
    const title = d?.indices?.slice(1).find((range) => range !== undefined);
    if (d && title && /\p{L}/u.test(text.slice(title[0], title[1]))) {
      protect(d.index, title[0]);
      protect(title[1], d.index + d[0].length);
      continue;
    }
    LOOSE_DESTINATION.lastIndex = m.index;
    const loose = d ?? LOOSE_DESTINATION.exec(text);
    if (loose) protect(loose.index, loose.index + loose[0].length);
  }
  return { text, markup: dropNested(markup) };
}

/** Markers inside code spans, URLs or tags are not markup of their own. */
function dropNested(spans: ProtectedSpan[]): ProtectedSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: ProtectedSpan[] = [];
  for (const s of sorted) {
    const last = kept[kept.length - 1];
    if (last && s.start < last.end) continue;
    kept.push(s);
  }
  return kept;
}
