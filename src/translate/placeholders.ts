/**
 * Placeholders: the one mechanism that keeps text away from an engine. A protected span (a
 * glossary term for engines without glossaries, or inline Markdown markup) is replaced by a
 * token such as `⟦1⟧`, and the token is replaced by the span's replacement after translation.
 *
 * Mathematical white square brackets with a bare number: no word to translate, no markup for the
 * engine to "fix", and engines pass unknown symbols through. Spaces an engine inserts inside the
 * brackets are tolerated on the way back.
 */

import type { ProtectedKind, ProtectedSpan } from '../core/types.js';

export type { ProtectedKind, ProtectedSpan };

/** A text with its protected spans swapped for tokens; `spans[i]` belongs to token `i + 1`. */
export interface MaskedText {
  text: string;
  spans: ProtectedSpan[];
}

/** The outcome of putting replacements back into a translation. */
export interface UnmaskResult {
  text: string;
  /** True when every token came back exactly once. */
  complete: boolean;
  /** Spans whose token was missing or repeated (their replacement is not in `text` as intended). */
  lost: ProtectedSpan[];
}

const OPEN = '⟦';
const CLOSE = '⟧';
const TOKEN = /⟦\s*(\d+)\s*⟧/g;

/** The token standing for the `n`th (1-based) protected span. @example placeholderToken(2) === '⟦2⟧' */
export function placeholderToken(n: number): string {
  return `${OPEN}${n}${CLOSE}`;
}

/** Whether `text` already contains placeholder brackets, in which case masking it would be ambiguous. */
export function hasPlaceholderConflict(text: string): boolean {
  return text.includes(OPEN) || text.includes(CLOSE);
}

/**
 * Drops spans that overlap an earlier-kept one. Markup wins over terms (markup must never be
 * sent); among equals the longer span wins, then the earlier.
 */
export function selectSpans(spans: readonly ProtectedSpan[]): ProtectedSpan[] {
  const ranked = [...spans].sort(
    (a, b) =>
      (a.kind === b.kind ? 0 : a.kind === 'markup' ? -1 : 1) || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: ProtectedSpan[] = [];
  for (const s of ranked) {
    if (s.end <= s.start) continue;
    if (kept.some((k) => s.start < k.end && k.start < s.end)) continue;
    kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Replaces each span with its token, numbering them in text order.
 * @example maskText('Dự án GPI', [{ start: 6, end: 9, replacement: 'GPI', kind: 'term' }]).text === 'Dự án ⟦1⟧'
 */
export function maskText(text: string, spans: readonly ProtectedSpan[]): MaskedText {
  const kept = selectSpans(spans);
  let out = '';
  let at = 0;
  kept.forEach((s, i) => {
    out += text.slice(at, s.start) + placeholderToken(i + 1);
    at = s.end;
  });
  out += text.slice(at);
  return { text: out, spans: kept };
}

/**
 * Puts each span's replacement back in place of its token. Tokens that are unknown, missing or
 * repeated make the result incomplete; unknown and repeated tokens are removed from the text.
 * A term put back where a sentence starts (the start of the text or of a line, after `. ! ? …`,
 * after a Markdown heading or list marker, quotes, brackets and emphasis markers aside) gets a
 * capital first letter: "state visit" → "State visit". Acronyms and renderings already
 * capitalised or in mixed case (iPhone, mRNA) are put back as written.
 */
export function unmaskText(translated: string, masked: MaskedText): UnmaskResult {
  const seen = new Map<number, number>();
  for (const m of translated.matchAll(TOKEN)) {
    const n = Number(m[1]);
    seen.set(n, (seen.get(n) ?? 0) + 1);
  }
  const lost = masked.spans.filter((_, i) => seen.get(i + 1) !== 1);
  const unknown = [...seen.keys()].some((n) => n < 1 || n > masked.spans.length);
  let text = '';
  let at = 0;
  for (const m of translated.matchAll(TOKEN)) {
    text += translated.slice(at, m.index);
    at = m.index + m[0].length;
    const n = Number(m[1]);
    const span = masked.spans[n - 1];
    if (!span || seen.get(n) !== 1) continue;
    text += span.kind === 'term' && startsSentence(text) ? capitalise(span.replacement) : span.replacement;
  }
  text += translated.slice(at);
  return { text, complete: lost.length === 0 && !unknown, lost };
}

/** Openers that may stand between a sentence start and its first word: quotes, brackets, emphasis. */
const OPENERS = /["'“‘«([*_~]*$/u;
/** Where a sentence starts: nothing yet, a line break, a sentence mark and spaces, or a heading/list marker. */
const SENTENCE_START = /(?:^|\n)[ \t]*$|[.!?…]["'”’»)\]*_~]*\s+$|(?:^|\n)[ \t]*(?:>[ \t]*)*(?:#{1,6}|[-*+]|\d{1,9}[.)])[ \t]+$/u;

/** Whether a word written right after `before` starts a sentence. */
function startsSentence(before: string): boolean {
  return SENTENCE_START.test(before.replace(OPENERS, ''));
}

/** "state visit" → "State visit"; "GPI", "Glide Phase Interceptor", "iPhone", "mRNA" unchanged. */
function capitalise(rendering: string): string {
  const first = /^\p{Ll}/u.exec(rendering);
  if (!first) return rendering;
  const word = /^[\p{L}\p{M}\p{N}'’-]*/u.exec(rendering)![0];
  if (/\p{Lu}/u.test(word)) return rendering;
  return rendering.charAt(0).toUpperCase() + rendering.slice(1);
}
