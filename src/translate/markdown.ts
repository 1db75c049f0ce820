/**
 * Markdown articles: the document is cut into block structure (kept as is) and translatable
 * inline text (sent). Headings, list items and block quotes keep their markers; fenced code
 * blocks, HTML blocks, tables, link reference definitions and thematic breaks are never sent.
 * Inside the text, code spans, link and image syntax (with their URLs), bare URLs, inline HTML
 * and emphasis markers become protected markup spans, masked with the same placeholders as
 * glossary terms (placeholders.ts). Line-based on purpose: a CommonMark AST would be more exact
 * but cannot be re-serialised byte-for-byte around the parts we leave alone.
 */
import type { ProtectedSpan } from './placeholders.js';

/** A piece of inline text to translate, NFC, with its markup spans (offsets into `text`). */
export interface MarkdownSegment {
  text: string;
  markup: ProtectedSpan[];
}

/** One output line or line group: verbatim, or a segment between a prefix and a suffix. */
export type MarkdownBlock = { kind: 'verbatim'; text: string } | { kind: 'segment'; prefix: string; segment: number; suffix: string };

/** A parsed Markdown document; `segments` are what gets translated, in document order. */
export interface MarkdownDocument {
  blocks: MarkdownBlock[];
  segments: MarkdownSegment[];
  /** Whether the source ended with a line break. */
  finalNewline: boolean;
}

/** Whether a path names a Markdown file (.md, .markdown). */
export function isMarkdownPath(file: string): boolean {
  return /\.(md|markdown)$/i.test(file);
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HTML_BLOCK = /^ {0,3}<(?:[A-Za-z][\w-]*(?:\s|\/?>|$)|\/[A-Za-z]|!--)/;
const THEMATIC = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const HEADING = /^( {0,3}#{1,6}[ \t]+)(.*?)([ \t]+#+[ \t]*)?$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const REFERENCE_DEF = /^ {0,3}\[[^\]]+\]:\s*\S/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const CONTAINER = /^((?:[ \t]*>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?)/;
const LIST_MARKER = /(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?$/;

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
  let open: { block: MarkdownBlock & { kind: 'segment' }; lines: string[] } | undefined;
  const close = (): void => {
    if (!open) return;
    segments[open.block.segment] = inlineSegment(open.lines.join(' '));
    open = undefined;
  };
  const startSegment = (prefix: string, body: string, suffix = ''): void => {
    close();
    const block = { kind: 'segment' as const, prefix, segment: segments.length, suffix };
    segments.push({ text: '', markup: [] });
    blocks.push(block);
    open = { block, lines: [body] };
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
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
      for (; i < lines.length && lines[i]!.trim() !== ''; i++) verbatim(lines[i]!);
      i--;
      continue;
    }
    if (open && SETEXT_UNDERLINE.test(line) && open.block.prefix === '') {
      close();
      verbatim(line);
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
    if (open && !isItem && (prefix.trim() === open.block.prefix.trim().replace(LIST_MARKER, '').trim() || prefix.trim() === '')) {
      // A continuation line of the open paragraph or list item.
      open.lines.push(body.trim());
      continue;
    }
    startSegment(prefix, body);
  }
  close();
  return { blocks, segments, finalNewline };
}

/** Puts translated segments back into the document's structure. */
export function renderMarkdown(doc: MarkdownDocument, targets: readonly string[]): string {
  const out = doc.blocks.map((b) => (b.kind === 'verbatim' ? b.text : `${b.prefix}${targets[b.segment] ?? ''}${b.suffix}`));
  return out.join('\n') + (doc.finalNewline ? '\n' : '');
}

const INLINE_PATTERNS: RegExp[] = [
  /(`+)[^`][\s\S]*?\1/g, // code spans
  /!\[[^\]]*\]\([^)]*\)/g, // images (alt text stays with the image)
  /<(?:https?:\/\/|mailto:)[^>\s]+>/g, // autolinks
  /<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>/g, // inline HTML tags
  /\]\([^)]*\)/g, // the URL part of a link
  /\]\[[^\]]*\]/g, // the label part of a reference link
  /\[(?=[^\]]*\](?:\(|\[))/g, // a link's opening bracket
  /https?:\/\/[^\s<>()]+[^\s<>().,;:!?"'”’]/g, // bare URLs
  /\*\*|\*|~~/g, // emphasis and strikethrough markers
  /(?<![\p{L}\p{M}\p{N}])__?|__?(?![\p{L}\p{M}\p{N}])/gu, // underscore emphasis at word edges only
];

/** The inline markup of one segment as protected spans (overlaps are resolved when masking). */
export function inlineSegment(text: string): MarkdownSegment {
  const markup: ProtectedSpan[] = [];
  for (const re of INLINE_PATTERNS) {
    for (const m of text.matchAll(re)) {
      markup.push({ start: m.index, end: m.index + m[0].length, replacement: m[0], kind: 'markup' });
    }
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
