/**
 * Sentences inside a paragraph of Vietnamese or English news text, with offsets into the text as
 * given. A sentence ends at . ! ? or … (closing quotes and brackets after it belong to it) when a
 * space and a capital, a digit or an opening quote follow, or the paragraph ends; not after an
 * abbreviation ("Mr.", "U.S.", "Jan.", "TP.") or an initial ("J. Austin"). One linear pass.
 */
import { isSpaceCode, wordCharLength } from './chars.js';

/** Words that end with a period without ending the sentence (lower-cased, without the period). */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'sgt', 'adm', 'gov', 'sen', 'rep', 'pres',
  'st', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'no', 'nos', 'vs', 'etc', 'approx', 'jan', 'feb', 'mar', 'apr', 'jun',
  'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'fig', 'vol', 'pp',
  // Vietnamese: thành phố, quận, phường, tiến sĩ, thạc sĩ.
  'tp', 'q', 'p', 'ts', 'ths', 'pgs', 'gs',
]);

const TERMINATORS = '.!?…';
/** Longest abbreviation looked for before a period, in UTF-16 units ("Th.S", "U.S.A", "Sept"). */
const MAX_ABBREVIATION = 12;
const CLOSERS = '"\'”’»)]}';
const OPENERS = '"\'“‘«([{';

/**
 * [start, end) of each sentence of text[from, to), trimmed of surrounding whitespace.
 * @example sentenceSpans('Ông Austin đến Tokyo. Hai bên ký MOU.') // [[0, 21], [22, 37]]
 * @example sentenceSpans('The U.S. and Japan agreed. Mr. Kihara said so.') // [[0, 26], [27, 46]]
 */
export function sentenceSpans(text: string, from = 0, to = text.length): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let i = from;
  while (i < to && isSpaceCode(text.charCodeAt(i))) i++;
  let start = i;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (code !== 0x2e && code !== 0x21 && code !== 0x3f && code !== 0x2026) {
      i++;
      continue;
    }
    const ch = text.charAt(i);
    const mark = i;
    // The run of terminators, with the stray ". ." of machine output taken as one.
    let j = i;
    for (;;) {
      while (j < to && TERMINATORS.includes(text.charAt(j))) j++;
      if (j + 1 < to && text.charAt(j) === ' ' && TERMINATORS.includes(text.charAt(j + 1))) j++;
      else break;
    }
    while (j < to && CLOSERS.includes(text.charAt(j))) j++;
    let k = j;
    while (k < to && isSpaceCode(text.charCodeAt(k))) k++;
    const ends = k === to || (k > j && startsSentence(text, k) && !(ch === '.' && j === mark + 1 && abbreviationBefore(text, mark, start)));
    if (ends) {
      spans.push([start, j]);
      start = k;
    }
    i = k > j ? k : j;
  }
  if (start < to) {
    let end = to;
    while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
    if (end > start) spans.push([start, end]);
  }
  return spans;
}

/** Whether a sentence may start at `k`: a capital letter, a digit or an opening quote or bracket. */
function startsSentence(text: string, k: number): boolean {
  const ch = text.charAt(k);
  if (OPENERS.includes(ch)) return true;
  if (ch >= '0' && ch <= '9') return true;
  const cp = text.codePointAt(k) ?? 0;
  const letter = String.fromCodePoint(cp);
  return letter !== letter.toLowerCase() && letter === letter.toUpperCase();
}

/** Whether the period at `dot` ends an abbreviation or an initial rather than the sentence. */
function abbreviationBefore(text: string, dot: number, floor: number): boolean {
  // Abbreviations are short: looking back a few characters keeps "a.a.a.a…" linear.
  const limit = Math.max(floor, dot - MAX_ABBREVIATION);
  let s = dot;
  while (s > limit && (wordCharLength(text, s - 1) > 0 || text.charAt(s - 1) === '.')) s--;
  if (s === limit && limit > floor && (wordCharLength(text, s - 1) > 0 || text.charAt(s - 1) === '.')) return false;
  const word = text.slice(s, dot);
  if (word === '') return false;
  // "U.S.", "a.m.", "Th.S.": a word with periods inside is an abbreviation, but a unit of area or
  // length ends sentences as often ("… some 1,500sq.km. As of 6pm …"); "a.m. Hanoi time" goes on.
  if (word.includes('.')) return !/(?:^|\d)sq\.(?:km|m|mi|ft)$/i.test(word);
  // "J. Austin": a single capital is an initial.
  if ([...word].length === 1 && word !== word.toLowerCase()) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}
