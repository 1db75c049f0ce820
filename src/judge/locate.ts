/**
 * Finding the words a judge quoted in the text they quote. Judges quote loosely (other spacing,
 * straight for curly quotes, other case, an ellipsis around the words), so a span not found as
 * written is looked for again in a folded copy whose offsets map back to the text. A span found
 * nowhere keeps no position.
 */
import type { JudgeError, MqmSpan } from './types.js';

/** A folded text and, for each of its UTF-16 units, the offset in the original it came from. */
interface Folded {
  text: string;
  /** `from[i]` is where folded unit i starts in the original; one extra entry: the original's length. */
  from: number[];
}

const SINGLE_QUOTES = /[‘’‚‛′`´]/u;
const DOUBLE_QUOTES = /[“”„‟″«»]/u;
const DASHES = /[‐‑‒–—―−]/u;

/**
 * Case, spacing, quotes and dashes folded; each character's origin kept.
 * @example fold('The “Glide”  Phase').text === 'the "glide" phase'
 */
function fold(text: string): Folded {
  let out = '';
  const from: number[] = [];
  let spacing = false;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const width = ch.length;
    if (/\s/u.test(ch)) {
      if (!spacing) {
        out += ' ';
        from.push(i);
      }
      spacing = true;
      i += width;
      continue;
    }
    spacing = false;
    let folded: string;
    if (SINGLE_QUOTES.test(ch)) folded = "'";
    else if (DOUBLE_QUOTES.test(ch)) folded = '"';
    else if (DASHES.test(ch)) folded = '-';
    else if (ch === '…') folded = '...';
    else folded = ch.toLowerCase();
    for (let k = 0; k < folded.length; k++) from.push(i);
    out += folded;
    i += width;
  }
  from.push(text.length);
  return { text: out, from };
}

/** The quoted words without what judges wrap them in: quotes, ellipses, outer spaces. */
function bareQuote(quote: string): string {
  return quote
    .normalize('NFC')
    .trim()
    .replace(/^(?:\.\.\.|…)\s*/, '')
    .replace(/\s*(?:\.\.\.|…)$/, '')
    .replace(/^(["'“”‘’«])([\s\S]+)(["'“”‘’»])$/u, '$2')
    .trim();
}

/** Every start of `needle` in `haystack` (overlapping ones too). */
function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** Where a quote is in a text: its offsets, how it matched and how often it occurs. */
export interface QuoteLocation {
  start?: number;
  end?: number;
  location: MqmSpan['location'];
  occurrences: number;
}

/**
 * Finds `quote` in `text`: as written, else folded, else without its final punctuation. With
 * several occurrences, the first at or after `after` (judges list errors in text order) that no
 * earlier span of the same words took (`taken`: their starts) is chosen.
 * @example locateQuote('the Glide Phase Interceptor', '“glide phase interceptor”') → { start: 4, end: 27, location: 'folded', occurrences: 1 }
 */
export function locateQuote(text: string, quote: string, after = 0, taken: ReadonlySet<number> = new Set()): QuoteLocation {
  const needle = bareQuote(quote);
  if (needle === '') return { location: 'not-found', occurrences: 0 };
  const exact = occurrences(text, needle);
  if (exact.length > 0) {
    const at = pick(exact, after, taken);
    return { start: at, end: at + needle.length, location: 'exact', occurrences: exact.length };
  }
  const hay = fold(text);
  for (const candidate of [needle, needle.replace(/[.,;:!?]+$/u, '')]) {
    const folded = fold(candidate).text.trim();
    if (folded === '') continue;
    const starts = occurrences(hay.text, folded);
    if (starts.length === 0) continue;
    // Offsets in the folded copy map back through `from`; `after` is an original offset.
    const byOriginal = starts.map((s) => hay.from[s]!);
    const chosen = starts[byOriginal.indexOf(pick(byOriginal, after, taken))]!;
    return { start: hay.from[chosen]!, end: hay.from[chosen + folded.length]!, location: 'folded', occurrences: starts.length };
  }
  return { location: 'not-found', occurrences: 0 };
}

/** The first start at or after `after` not yet taken by an earlier span of the same words, else the first at or after it, else the first. */
function pick(starts: readonly number[], after: number, taken: ReadonlySet<number>): number {
  return starts.find((s) => s >= after && !taken.has(s)) ?? starts.find((s) => s >= after) ?? starts[0]!;
}

/**
 * Places each error of one answer in its text: translation spans in the translation, omissions
 * in the source (or, when the judge quoted the translation instead, there). The order of the
 * judge's list settles repeated words; a span placed by order alone says `ambiguous`.
 */
export function locateErrors(errors: readonly JudgeError[], texts: { source: string; translation: string }): MqmSpan[] {
  const after = { source: 0, translation: 0 };
  // Starts already given to each quote, per side: the same words reported twice are two places.
  const taken = new Map<string, Set<number>>();
  const takenFor = (side: string, quote: string): Set<number> => {
    const key = `${side}\u0000${quote}`;
    let set = taken.get(key);
    if (!set) taken.set(key, (set = new Set()));
    return set;
  };
  return errors.map((error): MqmSpan => {
    let side = error.side;
    let found = locateQuote(texts[side], error.span, after[side], takenFor(side, error.span));
    if (found.location === 'not-found') {
      const other = side === 'source' ? 'translation' : 'source';
      const elsewhere = locateQuote(texts[other], error.span, after[other], takenFor(other, error.span));
      // Only an omission may sit in either text; other errors are about the translation.
      if (elsewhere.location !== 'not-found' && error.category === 'accuracy/omission') {
        side = other;
        found = elsewhere;
      }
    }
    if (found.start !== undefined) {
      after[side] = found.start;
      takenFor(side, error.span).add(found.start);
    }
    return {
      ...error,
      side,
      ...(found.start !== undefined ? { start: found.start, end: found.end, found: texts[side].slice(found.start, found.end) } : {}),
      location: found.location,
      occurrences: found.occurrences,
      ...(found.occurrences > 1 ? { ambiguous: true } : {}),
    };
  });
}
