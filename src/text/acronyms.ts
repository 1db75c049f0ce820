/**
 * Acronyms in Vietnamese and English text ("GPI", "RDT&E", "J-JOC", "MOUs") and where an English
 * text introduces one with its expansion ("Permanent Joint Headquarters (PJHQ)"). Linear scans.
 */
import { wordCharLength } from './chars.js';
import { withoutDiacritics } from './vietnamese.js';

/**
 * An acronym as written.
 * @example { start: 4, end: 8, text: 'MOUs', key: 'MOU', parts: ['MOU'] }
 */
export interface AcronymToken {
  start: number;
  end: number;
  /** As written, plural "s" included. */
  text: string;
  /** Without a plural "s" and without hyphens: "MOUs" → "MOU", "J-JOC" → "JJOC". */
  key: string;
  /** The hyphen-separated parts, each without a plural "s": "SM-3" → ["SM", "3"]. */
  parts: string[];
}

const ACRONYM = /^[A-Z0-9&]+(?:-[A-Z0-9&]+)*$/;
/** Longer words in capitals are shouting, not acronyms (and are not cut out of the text). */
const MAX_ACRONYM = 24;
const ROMAN_NUMERAL = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;

/**
 * The acronyms in text[from, to): words (hyphenated ones whole) of capital Latin letters, digits
 * and "&" with at least two capitals, a plural "s" allowed; not Roman numerals ("II", "XXI").
 * A word glued to other letters ("MOUđ", "preMOU") is no acronym.
 * @example findAcronyms('ký MOU và SOSA (Block-IIA, SM-3)') // MOU, SOSA, SM-3 (Block-IIA has lower case)
 */
export function findAcronyms(text: string, from = 0, to = text.length): AcronymToken[] {
  const out: AcronymToken[] = [];
  let i = from;
  while (i < to) {
    if (!isWordAt(text, i, to)) {
      i++;
      continue;
    }
    // Most words start with a lower-case letter: only words that start with a capital or a digit
    // are cut out and tested; the others are passed over.
    const start = i;
    const first = text.charCodeAt(i);
    const candidate = (first >= 0x41 && first <= 0x5a) || (first >= 0x30 && first <= 0x39);
    i = hyphenatedWordEnd(text, i, to);
    if (!candidate || i - start < 2 || i - start > MAX_ACRONYM || !mayBeAcronym(text, start, i)) continue;
    const word = text.slice(start, i);
    const acronym = asAcronym(word);
    if (acronym) out.push({ start, end: i, text: word, ...acronym });
  }
  return out;
}

/**
 * What `asAcronym` asks of text[start, end) that needs no copy: capitals, digits, "&" and "-"
 * only (a final "s" after a capital or digit aside), at least two capitals. Most capitalised words
 * ("Việt", "Nam", "Bộ", "Japan") fail at their second letter and are never cut out of the text.
 */
function mayBeAcronym(text: string, start: number, end: number): boolean {
  const last = text.charCodeAt(end - 1) === 0x73 && isCapitalOrDigit(text.charCodeAt(end - 2)) ? end - 1 : end;
  let capitals = 0;
  for (let k = start; k < last; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x41 && c <= 0x5a) capitals++;
    else if (!((c >= 0x30 && c <= 0x39) || c === 0x26 || c === 0x2d)) return false;
  }
  return capitals >= 2;
}

function isCapitalOrDigit(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/** End of the word at `i`: runs of word characters and "&", joined by single hyphens. */
function hyphenatedWordEnd(text: string, i: number, to: number): number {
  let j = i;
  for (;;) {
    while (j < to) {
      const c = text.charCodeAt(j);
      if (c < 0x80) {
        if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x26) j++;
        else break;
      } else {
        const l = wordCharLength(text, j);
        if (l === 0) break;
        j += l;
      }
    }
    if (j + 1 < to && (text.charCodeAt(j) === 0x2d || text.charCodeAt(j) === 0x2011) && isWordAt(text, j + 1, to)) j++;
    else return j;
  }
}

function isWordAt(text: string, i: number, to: number): boolean {
  if (i >= to) return false;
  const c = text.charCodeAt(i);
  // ASCII by table-free ranges (most of both languages' text), the rest by the shared table.
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x26;
  return wordCharLength(text, i) > 0;
}

function asAcronym(word: string): { key: string; parts: string[] } | undefined {
  const singular = /[A-Z0-9]s$/.test(word) ? word.slice(0, -1) : word;
  if (!ACRONYM.test(singular) || singular.startsWith('&') || singular.endsWith('&')) return undefined;
  if ((singular.match(/[A-Z]/g)?.length ?? 0) < 2) return undefined;
  const parts = singular.split('-');
  if (parts.length === 1 && ROMAN_NUMERAL.test(singular)) return undefined;
  return { key: parts.join(''), parts };
}

/** Where an acronym is introduced: "Long Form (ACR)" or "ACR (Long Form)". */
export interface AcronymIntroduction {
  key: string;
  /** Offset of the acronym token of the introduction. */
  at: number;
  /** Where the introduction starts: the long form's first word, or the acronym before "(Long Form)". */
  from: number;
}

/**
 * The introductions of acronyms in an English text, in text order: "Long Form (ACR)" or
 * "ACR (Long Form)" where the long form spells the acronym's letters in order, the first one
 * starting a word (Schwartz and Hearst's rule for abbreviation definitions), within a few words
 * before the parenthesis. Parts in `ignore` (placeholders like "XNUMX") do not count as letters.
 * Only text[from, to) is read (a paragraph: an introduction does not run across paragraphs).
 * @example acronymIntroductions('a Permanent Joint Headquarters (PJHQ) soon') // [{ key: 'PJHQ', at: 32, from: 2 }]
 */
export function acronymIntroductions(text: string, ignore: ReadonlySet<string> = new Set(), from = 0, to = text.length): AcronymIntroduction[] {
  const out: AcronymIntroduction[] = [];
  let close = -1;
  for (let open = charIn(text, 0x28, from, to); open >= 0; open = charIn(text, 0x28, open + 1, to)) {
    // The first ")" after this "(": found once per ")", so the scan stays linear.
    if (close < open) close = charIn(text, 0x29, open + 1, to);
    if (close < 0) break;
    if (close - open > 200) continue;
    const inside = text.slice(open + 1, close);
    if (inside.includes('\n\n')) continue;
    const tokens = findAcronyms(inside);
    const only = tokens.length === 1 && inside.trim() === tokens[0]!.text ? tokens[0]! : undefined;
    if (only) {
      // "Long Form (ACR)".
      const letters = acronymLetters(only, ignore);
      const longForm = longFormBefore(text, open, letters.length, from);
      const first = letters.length >= 2 ? spelledFrom(longForm, letters) : -1;
      if (first >= 0) out.push({ key: only.key, at: open + 1 + only.start, from: open - longForm.length + first });
      continue;
    }
    // "ACR (Long Form)".
    const before = findAcronyms(text, Math.max(from, open - 20), open).pop();
    if (!before || text.slice(before.end, open).trim() !== '') continue;
    const letters = acronymLetters(before, ignore);
    if (letters.length >= 2 && /\s/.test(inside.trim()) && spelledFrom(inside, letters) >= 0) out.push({ key: before.key, at: before.start, from: before.start });
  }
  return out;
}

/**
 * The acronyms a Vietnamese text defines from Vietnamese words, by their initials: "Ngân hàng Nhà
 * nước (NHNN)", "Ủy ban Thường vụ Quốc hội (UBTVQH)", "Doanh nghiệp nhà nước (DNNN)". English
 * spells those out ("the State Bank of Vietnam"), unlike "Thiết bị đánh chặn pha bay (GPI)", whose
 * letters are not the initials of the words before it. Only text[from, to) is read.
 * @example vietnameseInitialisms('Theo Ngân hàng Nhà nước (NHNN), tín dụng tăng.') // ['NHNN']
 */
export function vietnameseInitialisms(text: string, from = 0, to = text.length): string[] {
  const out: string[] = [];
  for (let open = charIn(text, 0x28, from, to); open >= 0; open = charIn(text, 0x28, open + 1, to)) {
    const close = charIn(text, 0x29, open + 1, Math.min(to, open + MAX_ACRONYM + 2));
    if (close < 0) continue;
    const only = findAcronyms(text, open + 1, close);
    if (only.length !== 1 || only[0]!.start !== open + 1 || only[0]!.end !== close) continue;
    const letters = only[0]!.key;
    // The initials of the words just before the parenthesis, as many as the acronym has letters.
    let initials = '';
    let i = open;
    while (initials.length < letters.length) {
      while (i > from && /\s/.test(text.charAt(i - 1))) i--;
      let start = i;
      while (start > from && wordCharLength(text, start - 1) > 0) start--;
      if (start === i) break;
      initials = withoutDiacritics(text.charAt(start)).toUpperCase() + initials;
      i = start;
    }
    if (initials === letters) out.push(letters);
  }
  return out;
}

/**
 * Where the code unit `code` first stands in text[from, to), or -1. Not `indexOf`, which would
 * look past `to`, to the end of the document, for every paragraph without one.
 */
function charIn(text: string, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/** The capital letters an acronym spells, leaving out ignored parts ("SM-XNUMX" → "SM"). */
function acronymLetters(token: AcronymToken, ignore: ReadonlySet<string>): string {
  return token.parts
    .filter((p) => !ignore.has(p))
    .join('')
    .replace(/[^A-Z]/g, '');
}

/** The words before `open` that could spell an acronym of `n` letters: at most min(n + 5, 2n), same paragraph. */
function longFormBefore(text: string, open: number, n: number, from: number): string {
  const limit = Math.min(n + 5, 2 * n);
  const floor = Math.max(from, open - 400);
  let i = open;
  let words = 0;
  while (i > floor && words < limit) {
    let j = i;
    while (j > floor && /[\s,&\-\u2010-\u2015]/u.test(text.charAt(j - 1))) {
      if (text.charAt(j - 1) === '\n' && text.charAt(j - 2) === '\n') return text.slice(i, open);
      j--;
    }
    if (j === floor || !/[\p{L}\p{M}\p{N}'’.]/u.test(text.charAt(j - 1))) break;
    while (j > floor && /[\p{L}\p{M}\p{N}'’.]/u.test(text.charAt(j - 1))) j--;
    i = j;
    words++;
  }
  return text.slice(i, open);
}

/**
 * Where `longForm` spells `letters`, read right to left, each letter matched in order and the
 * first one at the start of a word: the offset of the word it starts, or -1.
 */
function spelledFrom(longForm: string, letters: string): number {
  const form = longForm.toLowerCase();
  let l = form.length - 1;
  for (let s = letters.length - 1; s >= 0; s--) {
    const c = letters.charAt(s).toLowerCase();
    while (l >= 0 && (form.charAt(l) !== c || (s === 0 && l > 0 && /[\p{L}\p{N}]/u.test(form.charAt(l - 1))))) l--;
    if (l < 0) return -1;
    l--;
  }
  return l + 1;
}

/** Words an acronym's expansion may have without a letter for them ("Association of Southeast Asian Nations": ASEAN). */
const SKIPPABLE_WORDS: ReadonlySet<string> = new Set(['of', 'and', 'the', 'for', 'on', 'in']);

/**
 * Whether text[from, to) spells `letters` (an acronym's capitals, "FDI") with a run of adjacent
 * words. Each word gives its initial, and may give more letters in order: the initials of its
 * hyphenated parts ("Trans-Pacific": T, TP), and for acronyms of four letters or more any of its
 * letters ("Southeast": S, SE, for ASEAN). The words of, and, the, for, on, in may be passed over
 * or count ("Ministry of Foreign Affairs": MOFA); acronyms of four letters or more may pass over
 * one other word too, as names do ("Comprehensive and Progressive Agreement for Trans-Pacific
 * Partnership": CPTPP, no A). Short acronyms get no such leeway, since short runs spell them by
 * chance. Case does not matter ("foreign direct investors": FDI) except for two-letter acronyms,
 * whose words must be capitalised ("European Union": EU). Only spaces (not punctuation) may stand
 * between the words of a run.
 *
 * One pass over the text; the runs in progress are the numbers of letters matched (with or
 * without the one passed-over word), at most 2 × (letters + 1) of them, each advanced by a greedy
 * match inside the word: linear in the text's length for a given acronym.
 * @example spellsAcronym('the third-largest foreign direct investor', 'FDI') // true
 */
export function spellsAcronym(text: string, letters: string, from = 0, to = text.length): boolean {
  const n = letters.length;
  if (n < 2) return false;
  const wanted = letters.toLowerCase();
  const strict = n === 2;
  const long = n >= 4;
  const mayPassOver = long ? 1 : 0;
  const width = n + 1;
  // runs[k + width * p]: a run has matched k letters, having passed over p other words.
  let runs = new Uint8Array(2 * width);
  let next = new Uint8Array(2 * width);
  let i = from;
  while (i < to) {
    const l = wordCharLength(text, i);
    if (l === 0) {
      const c = text.charCodeAt(i);
      // Spaces keep a run going; anything else ends every run.
      if (c !== 0x20 && c !== 0xa0 && c !== 0x09 && c !== 0x0a) runs.fill(0);
      i++;
      continue;
    }
    // The word (hyphenated parts joined), and the letters it may give after its initial.
    const start = i;
    let offered = '';
    let capitalised = true;
    for (;;) {
      const first = text.charAt(i);
      if (first.toLowerCase() === first && first.toUpperCase() !== first) capitalised = false;
      const partStart = i;
      while (i < to && wordCharLength(text, i) > 0) i += wordCharLength(text, i);
      offered += long ? text.slice(partStart, i) : first;
      const h = text.charCodeAt(i);
      if ((h === 0x2d || h === 0x2011) && i + 1 < to && wordCharLength(text, i + 1) > 0) i++;
      else break;
    }
    offered = withoutDiacritics(offered).toLowerCase();
    const skippable = SKIPPABLE_WORDS.has(text.slice(start, i).toLowerCase());
    next.fill(0);
    runs[0] = 1; // a run may start at any word
    for (let p = 0; p <= mayPassOver; p++) {
      for (let k = 0; k < n; k++) {
        if (runs[k + width * p] === 0) continue;
        if ((!strict || capitalised) && offered.charAt(0) === wanted.charAt(k)) {
          // The initial, then as many further letters as the word has in order: any prefix of them.
          let g = k + 1;
          for (let c = 1; c < offered.length && g < n; c++) if (offered.charAt(c) === wanted.charAt(g)) g++;
          if (g === n) return true;
          for (let m = k + 1; m <= g; m++) next[m + width * p] = 1;
        }
        // Passing over: a function word, or (once) another word, inside a run only.
        if (k > 0 && skippable) next[k + width * p] = 1;
        else if (k > 0 && p < mayPassOver) next[k + width * (p + 1)] = 1;
      }
    }
    [runs, next] = [next, runs];
  }
  return false;
}

/**
 * The initials of capitalised words in a row of `text` (diacritics left out), every run of 3 to 8
 * of them: what English copy may abbreviate a Vietnamese name to ("Hồ Chí Minh": HCM, "Bà Rịa –
 * Vũng Tàu": BRVT). One pass; the set is at most eight entries per word.
 * @example capitalisedInitials('Gia nha tai TP Ho Chi Minh tang').has('HCM') === true
 */
export function capitalisedInitials(text: string): Set<string> {
  const out = new Set<string>();
  let run = '';
  for (const m of text.matchAll(/[\p{L}\p{M}]+|[^\p{L}\p{M}\s]+/gu)) {
    const word = m[0];
    if (word === '–' || word === '-') continue;
    const initial = word.charAt(0);
    if (!/\p{Lu}/u.test(initial)) {
      run = '';
      continue;
    }
    run = (run + initial.toUpperCase()).slice(-8);
    for (let n = 3; n <= run.length; n++) out.add(run.slice(-n));
  }
  return out;
}
