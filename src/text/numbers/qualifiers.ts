/**
 * The word that bounds a number written just before it: "hơn 100" / "more than 100" (above),
 * "gần 100" / "nearly 100" (approaching from below), "khoảng 100" / "about 100". Two renderings
 * contradict when one bounds the value from below and the other from above ("hơn 100" as "nearly
 * 100"): a meaning error an editor wants to hear about. "About" is compatible with either, and a
 * qualifier left out is a loss of precision, not a contradiction.
 */
import { vi } from './phrases.js';

/** How a qualifier bounds its number. */
export type QualifierBound = 'above' | 'at-least' | 'about' | 'approaching' | 'below' | 'at-most';

/** A qualifier found before a number: how it bounds it and where it starts. */
export interface Qualifier {
  bound: QualifierBound;
  start: number;
}

const VI_QUALIFIERS: Readonly<Record<QualifierBound, readonly string[]>> = {
  above: ['hơn', 'trên', 'vượt quá', 'vượt', 'ngoài'],
  'at-least': ['ít nhất', 'tối thiểu'],
  about: ['khoảng', 'chừng', 'khoảng chừng', 'xấp xỉ', 'ước tính', 'ước'],
  approaching: ['gần', 'suýt soát', 'gần như'],
  below: ['dưới', 'chưa đến', 'chưa tới', 'không đến', 'không tới', 'ít hơn'],
  'at-most': ['tối đa', 'nhiều nhất', 'lên tới', 'lên đến', 'không quá'],
};

const EN_QUALIFIERS: Readonly<Record<QualifierBound, readonly string[]>> = {
  above: ['more than', 'over', 'above', 'exceeding', 'in excess of', 'upwards of', 'greater than', 'well over', 'just over'],
  'at-least': ['at least', 'no fewer than', 'no less than'],
  about: ['about', 'around', 'some', 'roughly', 'approximately', 'an estimated', 'estimated', 'circa'],
  approaching: ['nearly', 'almost', 'close to', 'just under', 'just below', 'approaching'],
  below: ['less than', 'fewer than', 'under', 'below'],
  'at-most': ['up to', 'at most', 'no more than', 'a maximum of'],
};

/** How far before a number a qualifier may start. */
const LOOKBEHIND = 24;

function compile(table: Readonly<Record<QualifierBound, readonly string[]>>, word: (w: string) => string): Array<[QualifierBound, RegExp]> {
  return (Object.entries(table) as Array<[QualifierBound, readonly string[]]>).map(([bound, words]) => {
    const alternatives = [...words].sort((a, b) => b.length - a.length).map((w) => w.split(' ').map(word).join('[\\s\\u00a0]+'));
    return [bound, new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${alternatives.join('|')})[\\s\\u00a0]+$`, 'iu')];
  });
}

const VI = compile(VI_QUALIFIERS, vi);
const EN = compile(EN_QUALIFIERS, (w) => w);

function qualifierBefore(patterns: Array<[QualifierBound, RegExp]>, text: string, at: number): Qualifier | undefined {
  const from = Math.max(0, at - LOOKBEHIND);
  const before = text.slice(from, at);
  let best: Qualifier | undefined;
  for (const [bound, pattern] of patterns) {
    const m = pattern.exec(before);
    // The longest wins: "ít hơn" (below) over "hơn" (above), "well over" over "over".
    if (m && (best === undefined || from + m.index < best.start)) best = { bound, start: from + m.index };
  }
  return best;
}

/** The qualifier of the Vietnamese number at `at` in `text` ("hơn" of "hơn 100"), if any. */
export function vietnameseQualifier(text: string, at: number): Qualifier | undefined {
  return qualifierBefore(VI, text, at);
}

/** The qualifier of the English number at `at` in `text` ("nearly" of "nearly 100"), if any. */
export function englishQualifier(text: string, at: number): Qualifier | undefined {
  return qualifierBefore(EN, text, at);
}

const FROM_BELOW = new Set<QualifierBound>(['above', 'at-least']);
const FROM_ABOVE = new Set<QualifierBound>(['approaching', 'below', 'at-most']);

/** Whether two qualifiers of the same number say opposite things ("more than" and "nearly"). */
export function qualifiersContradict(a: QualifierBound, b: QualifierBound): boolean {
  return (FROM_BELOW.has(a) && FROM_ABOVE.has(b)) || (FROM_ABOVE.has(a) && FROM_BELOW.has(b));
}
