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
 * sent); among equals the longer span wins, then the earlier. O(n log n): the kept spans are
 * disjoint, so a span overlaps one of them exactly when a kept span starts inside it or the last
 * kept span starting before it reaches into it; both are counts over the kept starts.
 */
export function selectSpans(spans: readonly ProtectedSpan[]): ProtectedSpan[] {
  const ranked = spans
    .filter((s) => s.end > s.start)
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'markup' ? -1 : 1) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const starts = [...new Set(ranked.map((s) => s.start))].sort((a, b) => a - b);
  const kept = new KeptStarts(starts);
  const out: ProtectedSpan[] = [];
  for (const s of ranked) {
    const from = kept.rankOf(s.start);
    const to = kept.rankOf(s.end);
    if (kept.countBelow(to) - kept.countBelow(from) > 0) continue;
    const before = kept.countBelow(from);
    if (before > 0 && kept.endOf(kept.nth(before)) > s.start) continue;
    kept.add(from, s.end);
    out.push(s);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The starts of the kept spans over a sorted list of candidate starts, in a Fenwick tree. */
class KeptStarts {
  private readonly tree: Int32Array;
  private readonly ends: Int32Array;
  constructor(private readonly starts: readonly number[]) {
    this.tree = new Int32Array(starts.length + 1);
    this.ends = new Int32Array(starts.length);
  }

  /** Index of the first candidate start at or after `offset`. */
  rankOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Kept spans starting at candidate starts below `rank`. */
  countBelow(rank: number): number {
    let n = 0;
    for (let i = rank; i > 0; i -= i & -i) n += this.tree[i]!;
    return n;
  }

  /** The rank of the `k`-th (1-based) kept start. */
  nth(k: number): number {
    let at = 0;
    let left = k;
    for (let step = 1 << Math.floor(Math.log2(this.tree.length)); step > 0; step >>= 1) {
      const next = at + step;
      if (next < this.tree.length && this.tree[next]! < left) {
        at = next;
        left -= this.tree[next]!;
      }
    }
    return at;
  }

  endOf(rank: number): number {
    return this.ends[rank]!;
  }

  add(rank: number, end: number): void {
    this.ends[rank] = end;
    for (let i = rank + 1; i < this.tree.length; i += i & -i) this.tree[i]!++;
  }
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
  let unknown = false;
  for (const n of seen.keys()) if (n < 1 || n > masked.spans.length) unknown = true;
  const pieces: string[] = [];
  const tail = new SentenceTail();
  const append = (piece: string): void => {
    pieces.push(piece);
    tail.append(piece);
  };
  let at = 0;
  for (const m of translated.matchAll(TOKEN)) {
    append(translated.slice(at, m.index));
    at = m.index + m[0].length;
    const n = Number(m[1]);
    const span = masked.spans[n - 1];
    if (!span || seen.get(n) !== 1) continue;
    append(span.kind === 'term' && tail.startsSentence() ? capitalise(span.replacement) : span.replacement);
  }
  append(translated.slice(at));
  return { text: pieces.join(''), complete: lost.length === 0 && !unknown, lost };
}

/** Openers that may stand between a sentence start and its first word: quotes, brackets, emphasis. */
const OPENERS = new Set(['"', "'", '“', '‘', '«', '(', '[', '*', '_', '~']);
/** What may close a sentence after its mark: quotes, brackets, emphasis. */
const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']', '*', '_', '~']);
const SENTENCE_MARKS = new Set(['.', '!', '?', '…']);
const SPACE = /\s/u;
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
/** Every character the sentence-start rules look back over (the rest stops them). */
const isTailChar = (c: string): boolean =>
  OPENERS.has(c) || CLOSERS.has(c) || SENTENCE_MARKS.has(c) || SPACE.test(c) || isDigit(c) || c === '#' || c === '-' || c === '+' || c === '>';

/**
 * The end of the text put together so far, as much as deciding "does a sentence start here?"
 * needs: the last character that stops every look-back, and what follows it. Appending reads a
 * piece from its end only as far as that character, so unmasking stays linear in the paragraph
 * (rather than testing a pattern against everything built so far, once per term).
 */
class SentenceTail {
  /** Starts with a character that stops every look-back, or is the whole text so far. */
  private tail = '';
  private wholeText = true;

  append(piece: string): void {
    let k = piece.length;
    while (k > 0 && isTailChar(piece.charAt(k - 1))) k--;
    if (k === 0) {
      this.tail += piece;
    } else {
      this.tail = piece.slice(k - 1);
      this.wholeText = false;
    }
  }

  /**
   * Whether a word written now starts a sentence: at the start of the text or of a line, after
   * `. ! ? …` (closing quotes, brackets and emphasis aside) and a space, or after a Markdown
   * heading or list marker (block quotes allowed); opening quotes, brackets and emphasis markers
   * may stand between.
   */
  startsSentence(): boolean {
    const t = this.tail;
    // The start of the text counts as a line start; a stopping character never does.
    const lineStartAt = (k: number): boolean => (k === 0 ? this.wholeText : t.charAt(k - 1) === '\n');
    let i = t.length;
    while (i > 0 && OPENERS.has(t.charAt(i - 1))) i--;
    let j = i;
    while (j > 0 && (t.charAt(j - 1) === ' ' || t.charAt(j - 1) === '\t')) j--;
    if (lineStartAt(j)) return true;
    let k = i;
    while (k > 0 && SPACE.test(t.charAt(k - 1))) k--;
    if (k < i) {
      let c = k;
      while (c > 0 && CLOSERS.has(t.charAt(c - 1))) c--;
      if (c > 0 && SENTENCE_MARKS.has(t.charAt(c - 1))) return true;
    }
    // A heading or list marker, then spaces: "# ", "- ", "12. ", "> 3) ".
    if (j === i) return false;
    const last = t.charAt(j - 1);
    let markerStart = -1;
    if (last === '#') {
      let h = j;
      while (h > 0 && t.charAt(h - 1) === '#') h--;
      if (j - h <= 6) markerStart = h;
    } else if (last === '-' || last === '*' || last === '+') {
      markerStart = j - 1;
    } else if (last === '.' || last === ')') {
      let d = j - 1;
      while (d > 0 && isDigit(t.charAt(d - 1)) && j - 1 - d < 10) d--;
      if (j - 1 - d >= 1 && j - 1 - d <= 9 && !(d > 0 && isDigit(t.charAt(d - 1)))) markerStart = d;
    }
    if (markerStart < 0) return false;
    let p = markerStart;
    while (p > 0 && (t.charAt(p - 1) === ' ' || t.charAt(p - 1) === '\t' || t.charAt(p - 1) === '>')) p--;
    return lineStartAt(p);
  }
}

/** "state visit" → "State visit"; "GPI", "Glide Phase Interceptor", "iPhone", "mRNA" unchanged. */
function capitalise(rendering: string): string {
  const first = /^\p{Ll}/u.exec(rendering);
  if (!first) return rendering;
  const word = /^[\p{L}\p{M}\p{N}'’-]*/u.exec(rendering)![0];
  if (/\p{Lu}/u.test(word)) return rendering;
  return rendering.charAt(0).toUpperCase() + rendering.slice(1);
}
