/**
 * Fixes for forbidden renderings: put the approved rendering in their place, keeping what the
 * writer had (plural, possessive, all-caps, sentence-initial capital) and nothing else changed.
 */
import type { Fix } from '../core/types.js';
import type { RenderingMatch } from './types.js';
import { preferredPlural } from './inflect.js';

/** A possessive ending as matched: "'s", "’s", or a bare apostrophe after a plural. */
const POSSESSIVE_SUFFIX = /(?:['\u2019\u02BC][sS]?)$/u;

/**
 * One fix per forbidden rendering in `matches` (other kinds are ignored), in text order, never
 * overlapping. Each fix's range is the match's own [start, end); the possessive ending is written
 * back as it was.
 * @example
 * planFixes('Two flight phase interceptors’ radars', matcher.find(...))
 * // → [{ range: [4, 33], text: 'Glide Phase Interceptors’' }]
 */
export function planFixes(text: string, matches: readonly RenderingMatch[]): Fix[] {
  const fixes: Fix[] = [];
  let lastEnd = -1;
  const forbidden = matches.filter((m) => m.kind === 'forbidden').sort((a, b) => a.start - b.start);
  for (const m of forbidden) {
    if (m.start < lastEnd) continue;
    const written = text.slice(m.start, m.end);
    const suffix = m.possessive ? (POSSESSIVE_SUFFIX.exec(written)?.[0] ?? '') : '';
    const core = written.slice(0, written.length - suffix.length);
    const approved = keepLineBreaks(casedApproved(approvedFor(m), core, text, m.start, m.entry.caseSensitive), core);
    const replacement = approved + suffix;
    if (replacement === written) continue;
    // "an earth-to-earth missile" → "a surface-to-surface missile": the article goes with the fix.
    const article = INDEFINITE_BEFORE.exec(text.slice(Math.max(0, m.start - 4), m.start));
    const start = article ? m.start - article[1]!.length - article[2]!.length : m.start;
    if (article && start >= lastEnd) {
      const wanted = indefiniteArticle(replacement);
      fixes.push({ range: [start, m.end], text: caseLike(article[1]!, wanted) + article[2]! + replacement });
    } else {
      fixes.push({ range: [m.start, m.end], text: replacement });
    }
    lastEnd = m.end;
  }
  return fixes;
}

/** "a"/"an" and the space before a match (at a word boundary). */
const INDEFINITE_BEFORE = /(?:^|[^\p{L}\p{N}])(an?|AN?|An)([ \u00A0])$/u;

/** "an" before a vowel sound, "a" otherwise: letters, common exceptions, acronyms said letter by letter. */
function indefiniteArticle(phrase: string): 'a' | 'an' {
  const word = /[\p{L}\p{N}]+/u.exec(phrase)?.[0] ?? '';
  if (/^[A-Z0-9]{2,}$/.test(word)) return /^[AEFHILMNORSX8]/.test(word) ? 'an' : 'a';
  if (/^(?:uni|use|usu|uti|eu|ewe|one|once)/i.test(word)) return 'a';
  if (/^(?:hour|honou?r|heir|honest)/i.test(word)) return 'an';
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** `wanted` in the case of `written` ("A" → "An", "AN" → "A"). */
function caseLike(written: string, wanted: string): string {
  if (written === written.toUpperCase() && written.length > 1) return wanted.toUpperCase();
  if (written === written.toUpperCase() || written.charAt(0) !== written.charAt(0).toLowerCase()) return wanted.charAt(0).toUpperCase() + wanted.slice(1);
  return wanted;
}

/** The approved rendering for a forbidden match, in its number. */
function approvedFor(m: RenderingMatch): string {
  const base = m.forbidden?.use ?? m.entry.en;
  return m.plural ? preferredPlural(base) : base;
}

/** A leading article of an approved rendering ("the Pentagon"), with the space after it. */
const LEADING_ARTICLE = /^(?:the|an?)[\s\u00A0]+(?=\S)/iu;
const ARTICLES = new Set(['the', 'a', 'an']);
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** Whether the text before `offset` ends with a whole-word article (any case) and whitespace: "The ", "said a\n". */
function articleBefore(text: string, offset: number): boolean {
  let i = offset;
  while (i > 0 && /[\s\u00A0]/u.test(text.charAt(i - 1))) i--;
  if (i === offset) return false;
  const wordEnd = i;
  while (i > 0 && wordEnd - i <= 3 && WORD_CHAR.test(text.charAt(i - 1))) i--;
  return ARTICLES.has(text.slice(i, wordEnd).toLowerCase()) && (i === 0 || !WORD_CHAR.test(text.charAt(i - 1)));
}

/**
 * The approved rendering as it should stand at `start`, in the case of what was written there.
 * A leading article of the approved rendering is dropped when the text already has an article
 * right before the match ("The Five Corner Building" → "The Pentagon", not "The The Pentagon").
 * Otherwise it is kept, and the case rules apply to the rest: the article itself is capitalised
 * only in all caps or at a sentence start, like a minor word inside a headline. The rendering of a
 * case-sensitive entry keeps its own case (only a kept article may be capitalised at a sentence start).
 * @example casedApproved('the Pentagon', 'Five Corner Building', 'The Five Corner Building said.', 4) === 'Pentagon'
 * @example casedApproved('the Pentagon', 'Five Corner Building', 'at Five Corner Building', 3) === 'the Pentagon'
 */
function casedApproved(approved: string, written: string, text: string, start: number, caseSensitive: boolean): string {
  // A case-sensitive entry's rendering is approved only as written: the fix must not recase it.
  const cased = (s: string, sentenceStart: boolean): string => (caseSensitive ? s : applyCasePattern(s, written, sentenceStart));
  const sentenceStart = isSentenceStart(text, start);
  const article = LEADING_ARTICLE.exec(approved)?.[0];
  if (article === undefined) return cased(approved, sentenceStart);
  const rest = approved.slice(article.length);
  if (articleBefore(text, start)) return cased(rest, false);
  const casedRest = cased(rest, false);
  if (isAllCaps(written) && !caseSensitive) return article.toUpperCase() + casedRest;
  const first = written.charAt(0);
  if (sentenceStart && first !== first.toLowerCase()) return article.charAt(0).toUpperCase() + article.slice(1) + casedRest;
  return article + casedRest;
}

function isAllCaps(written: string): boolean {
  const letters = written.replace(/[^\p{L}]/gu, '');
  return letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/**
 * The approved rendering in the case of what was written: all caps stays all caps, a capital at
 * the start of a sentence stays; otherwise the approved rendering's own case.
 */
function applyCasePattern(approved: string, written: string, sentenceStart: boolean): string {
  if (isAllCaps(written)) return approved.toUpperCase();
  if (isTitleCase(written) && !isTitleCase(approved)) return toTitleCase(approved);
  const first = written.charAt(0);
  if (sentenceStart && first !== first.toLowerCase()) {
    return approved.charAt(0).toUpperCase() + approved.slice(1);
  }
  return approved;
}

/** Short words that stay lower case inside a title ("Memorandum of Understanding"). */
const MINOR_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/** Whether a phrase of two or more words is written in headline style ("Military-Industrial Cooperation"). */
function isTitleCase(phrase: string): boolean {
  const words = phrase.split(/[\s\u00A0\u2010-\u2015-]+/u).filter((w) => /\p{L}/u.test(w));
  const major = words.filter((w, i) => i === 0 || !MINOR_WORDS.has(w.toLowerCase()));
  return words.length >= 2 && major.every((w) => /^\p{Lu}/u.test(w));
}

/** Headline style: every word capitalised but minor words inside the phrase; acronyms kept. */
function toTitleCase(phrase: string): string {
  let index = 0;
  return phrase.replace(/\p{L}[\p{L}\p{M}'’]*/gu, (word) =>
    index++ > 0 && MINOR_WORDS.has(word.toLowerCase()) ? word : word.charAt(0).toUpperCase() + word.slice(1),
  );
}

/**
 * What may stand on a line before the first word of a sentence: block quote markers, then a
 * Markdown heading marker or a list item marker (with a task box), then opening quotes, brackets
 * and emphasis.
 */
const LINE_START_PREFIX = /^(?:[ \t]*>)*[ \t]*(?:#{1,6}[ \t]+|(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)["'“‘([«*_\s]*$/u;

/**
 * Whether `offset` begins a sentence: start of text or paragraph, after . ! ? … (quotes and
 * brackets aside), or the first word of a Markdown heading or list item ("# State visit", "- State visit").
 */
function isSentenceStart(text: string, offset: number): boolean {
  let i = offset - 1;
  let newlines = 0;
  while (i >= 0) {
    const c = text.charAt(i);
    if (c === '\n') newlines++;
    else if (!/[\s"'“‘([«*_]/u.test(c)) break;
    i--;
  }
  if (i < 0 || newlines >= 2) return true;
  if (/[.!?…]/u.test(text.charAt(i))) return true;
  // Only the line the match starts on can hold the heading or list marker, and only characters
  // the prefix may hold can stand between its start and the match: look back over those alone
  // (not to the start of a line that may be megabytes long).
  if (newlines !== 0) return false;
  let lineStart = offset;
  while (lineStart > 0 && LINE_START_PREFIX_CHAR.test(text.charAt(lineStart - 1))) lineStart--;
  if (lineStart > 0 && text.charAt(lineStart - 1) !== '\n') return false;
  return LINE_START_PREFIX.test(text.slice(lineStart, offset));
}

/** Every character LINE_START_PREFIX can match, but the line break. */
const LINE_START_PREFIX_CHAR = /[^\S\n]|[>#*+\-\d.)[\]xX"'“‘(«_]/u;

const GAP = /[\s\u00A0]+/gu;

/**
 * Where the writer wrapped a line inside the rendering and the approved rendering has as many
 * space gaps, keep their line breaks (and the indentation after them) in the same gaps.
 */
function keepLineBreaks(approved: string, written: string): string {
  const writtenGaps = [...written.matchAll(/[\s\u00A0\u2010-\u2015-]+/gu)].map((m) => m[0]);
  if (!writtenGaps.some((g) => g.includes('\n'))) return approved;
  const approvedGaps = approved.match(GAP) ?? [];
  if (approvedGaps.length !== writtenGaps.length) return approved;
  let k = 0;
  return approved.replace(GAP, (gap) => {
    const mine = writtenGaps[k++] ?? gap;
    return mine.includes('\n') ? mine.replace(/[^\s\u00A0]/gu, '') : gap;
  });
}

/**
 * Apply non-overlapping fixes to a text (all offsets refer to the original text); every
 * character outside the fixes' ranges is kept as it was.
 * @throws Error when two fixes overlap or a range lies outside the text (a bug in the caller).
 * @example applyFixes('the flight phase interceptor', [{ range: [4, 28], text: 'Glide Phase Interceptor' }])
 * // → 'the Glide Phase Interceptor'
 */
export function applyFixes(text: string, fixes: readonly Fix[]): string {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0]);
  for (let k = 0; k < sorted.length; k++) {
    const f = sorted[k];
    if (!f) continue;
    const [start, end] = f.range;
    if (start < 0 || end > text.length || start > end) throw new Error(`fix range [${start}, ${end}) lies outside the text`);
    const next = sorted[k + 1];
    if (next && next.range[0] < end) throw new Error(`fixes [${start}, ${end}) and [${next.range[0]}, ${next.range[1]}) overlap`);
  }
  // Pieces joined once: linear in the text, unlike repeated slicing from the back.
  const pieces: string[] = [];
  let at = 0;
  for (const f of sorted) {
    pieces.push(text.slice(at, f.range[0]), f.text);
    at = f.range[1];
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}
