/**
 * Quantities that whole phrases make, read over what the Vietnamese and English readers found:
 * periods of months ("9 tháng đầu năm 2024", "từ tháng 1 đến tháng 9", "nửa đầu năm" /
 * "January–September 2024", "the first nine months", "the first half"), multiples ("gấp đôi",
 * "gấp 3 lần", "giảm một nửa" / "doubled", "threefold", "three times", "halved") and quarters
 * written "Q1"; "hai bên" (the two sides) and "hai nước" (the two countries) are a weak 2. A phrase replaces the readings inside it ("9" and "năm 2024"; "January" and
 * "September 2024"), so that both sides compare one value; the year it names stays a quantity of
 * its own, marked `periodYear`. Kept apart from the readers' token scanners: one regular
 * expression per language over the paragraph, linear in its length.
 */
import type { Quantity, QuantityReading } from './types.js';

/** What one phrase match stands for. */
interface PhraseReading {
  reading: QuantityReading;
  also?: QuantityReading[];
  words: boolean;
  weak?: boolean;
  /** The year written in the phrase, as [start, end) within the match and its value. */
  year?: { at: number; text: string };
}

type Rule = (m: RegExpExecArray) => PhraseReading | undefined;

/** A Vietnamese word as a regular-expression source that also matches it in decomposed (NFD) text. */
export function vi(word: string): string {
  let out = '';
  for (const ch of word) {
    const nfd = ch.normalize('NFD');
    out += nfd === ch ? ch : `(?:${ch}|${nfd})`;
  }
  return out;
}

const S = '[\\s\\u00a0]+';
// Not inside a word, nor after the integer part of a decimal ("5 times" of "1.5 times").
const EDGE_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])(?<!\\p{N}[.,])';
const EDGE_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';

const VI_NUMBER_WORDS: Readonly<Record<string, number>> = {
  hai: 2, ba: 3, 'bốn': 4, 'tư': 4, 'năm': 5, 'sáu': 6, 'bảy': 7, 'tám': 8, 'chín': 9, 'mười': 10, 'mười một': 11, 'mười hai': 12,
};
const EN_NUMBER_WORDS: Readonly<Record<string, number>> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
const EN_MONTHS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const alternation = (words: Iterable<string>, map: (w: string) => string = (w) => w): string =>
  [...words].sort((a, b) => b.length - a.length).map(map).join('|');

const VI_COUNT = `(\\d{1,2}|${alternation(Object.keys(VI_NUMBER_WORDS), (w) => w.split(' ').map(vi).join(S))})`;
const EN_COUNT = `(\\d{1,2}|${alternation(Object.keys(EN_NUMBER_WORDS))})`;
const EN_MONTH = `(${alternation(Object.keys(EN_MONTHS))})\\.?`;
const YEAR = '((?:19|20|21)\\d\\d)';

/** Words that carry a Vietnamese number word on ("ba mươi", "hai trăm", "mười lăm"): the count is not the first word alone. */
const VI_NUMBER_GOES_ON = ['mươi', 'mười', 'trăm', 'nghìn', 'ngàn', 'triệu', 'tỷ', 'tỉ', 'lăm', 'mốt', 'tư', 'linh', 'lẻ', 'rưỡi', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín']
  .map(vi)
  .join('|');

/**
 * A factor as Vietnamese writes it: "." groups thousands ("1.000" is a thousand) and "," is the
 * decimal mark ("1,5"); a lone "." before one or two digits is an English decimal ("1.5").
 * @example vietnameseFactor('1.000') === 1000; vietnameseFactor('1,5') === 1.5; vietnameseFactor('1.5') === 1.5
 */
function vietnameseFactor(text: string): number {
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(text)) return Number(text.replace(/\./g, '').replace(',', '.'));
  return Number(text.replace(',', '.'));
}

function viCount(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  return VI_NUMBER_WORDS[text.normalize('NFC').toLowerCase().replace(/[\s\u00a0]+/g, ' ')];
}

function enCount(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  return EN_NUMBER_WORDS[text.toLowerCase()];
}

/** A period of months first..last; one of three months is also its quarter, and so on. */
function period(first: number | undefined, last: number | undefined, words: boolean, m: RegExpExecArray, yearGroup: number): PhraseReading | undefined {
  if (first === undefined || last === undefined || first < 1 || last > 12 || first >= last) return undefined;
  const also: QuantityReading[] = [];
  if (last - first === 2 && first % 3 === 1) also.push({ kind: 'quarter', value: (first + 2) / 3 });
  // From January, also the count of months: "9 tháng" for "January–September" in a report on the period.
  if (first === 1) also.push({ kind: 'number', value: last });
  const yearText = m[yearGroup];
  const year = yearText !== undefined ? { at: m[0].lastIndexOf(yearText), text: yearText } : undefined;
  return { reading: { kind: 'period', value: first * 100 + last }, also, words, ...(year ? { year } : {}) };
}

function multiple(value: number | undefined, words: boolean, weak = false): PhraseReading | undefined {
  if (value === undefined || !Number.isFinite(value) || value < 0.5) return undefined;
  // "gấp 3 lần" and "three times" are also the count 3 ("ba lần": three times over).
  return { reading: { kind: 'multiple', value }, also: value >= 2 && Number.isInteger(value) ? [{ kind: 'number', value }] : [], words, weak };
}

const digitsIn = (...parts: Array<string | undefined>): boolean => parts.some((p) => p !== undefined && /\d/.test(p));

/** Vietnamese phrases, each an alternative with its own groups, tried in this order. */
const VI_RULES: Array<[string, Rule]> = [
  // "9 tháng đầu năm 2024", "6 tháng cuối năm", "9 tháng năm 2024" (as the statistics office writes it;
  // "ngày 9 tháng năm 2024" is 9 May)
  [
    `(?<!${vi('ngày')}${S})${VI_COUNT}${S}${vi('tháng')}${S}(?:(${vi('đầu')}|${vi('cuối')}${S}${vi('năm')})(?:${S}${vi('năm')})?(?:(?:${S}|/)${YEAR})?|${vi('năm')}${S}${YEAR})`,
    (m) => {
      const n = viCount(m[1]!);
      if (n === undefined) return undefined;
      const end = m[2] !== undefined && /^cu/i.test(m[2].normalize('NFC'));
      return period(end ? 13 - n : 1, end ? 12 : n, !digitsIn(m[1]), m, m[3] !== undefined ? 3 : 4);
    },
  ],
  // "từ tháng 1 đến tháng 9 năm 2024", "tháng 1 - tháng 9/2024", "tháng 11-12/2024", "giữa tháng 3 và tháng 5" ("và" only
  // after "giữa": "tháng 3 và tháng 5" is two months)
  [
    `(?:(${vi('từ')}|${vi('giữa')})${S})?${vi('tháng')}${S}(\\d{1,2})(?:(?:${S})?[-–—](?:${S})?(?:${vi('tháng')}${S})?|${S}(${vi('đến')}(?:${S}${vi('hết')})?|${vi('và')})${S}${vi('tháng')}${S})(\\d{1,2})(?:(?:${S}${vi('năm')}${S}|/)${YEAR})?`,
    (m) => {
      if (m[3] !== undefined && /^v/i.test(m[3]) && !/^gi/i.test(m[1] ?? '')) return undefined;
      return period(Number(m[2]), Number(m[4]), false, m, 5);
    },
  ],
  // "nửa đầu năm 2024", "nửa cuối năm"
  [
    `${vi('nửa')}${S}(${vi('đầu')}|${vi('cuối')})${S}${vi('năm')}(?:(?:${S}|/)${YEAR})?`,
    (m) => (/^cu/i.test(m[1]!.normalize('NFC')) ? period(7, 12, true, m, 2) : period(1, 6, true, m, 2)),
  ],
  // "gấp đôi", "gấp rưỡi", "gấp 3 lần", "gấp ba"
  // (A count in words is whole: "gấp ba mươi lần" is thirty times, not three, and is left to the readers.)
  [
    `${vi('gấp')}${S}(${vi('đôi')}|${vi('rưỡi')}|\\d+(?:[.,]\\d+)*|(?:${alternation(Object.keys(VI_NUMBER_WORDS), (w) => w.split(' ').map(vi).join(S))})(?!${S}(?:${VI_NUMBER_GOES_ON})(?![\\p{L}\\p{M}])))(?:${S}${vi('lần')})?`,
    (m) => {
      const w = m[1]!.normalize('NFC').toLowerCase();
      const value = w === 'đôi' ? 2 : w === 'rưỡi' ? 1.5 : /\d/.test(w) ? vietnameseFactor(w) : viCount(w);
      return multiple(value, !digitsIn(w));
    },
  ],
  // "hai bên" is "the two sides", which English news also writes "they" or "both sides"; "hai nước" (the
  // two countries) is as often "both countries" or their capitals, "Hanoi and Tokyo": weak, like "both"
  [`hai${S}(?:${vi('bên')}|${vi('nước')})`, () => ({ reading: { kind: 'number', value: 2 }, words: true, weak: true })],
  // "giảm một nửa", "giảm còn một nửa", "giảm phân nửa"
  [`${vi('giảm')}${S}(?:${vi('còn')}${S})?(?:${vi('một')}|${vi('phân')})${S}${vi('nửa')}`, () => multiple(0.5, true)],
];

const EN_RULES: Array<[string, Rule]> = [
  // "January-September 2024", "January–September", "from January to September", "between January and September"
  // ("and" only after "between": "in March and May" is two months). One space run between the parts,
  // never two in a row, so a run of spaces is not tried at every split (quadratic backtracking).
  [
    `(?:(from|between)${S})?${EN_MONTH}(?:(?:${S})?[-–—](?:${S})?|${S}(to|through|until|and)${S})${EN_MONTH}(?:,?${S}${YEAR})?`,
    (m) => {
      if (m[3]?.toLowerCase() === 'and' && m[1]?.toLowerCase() !== 'between') return undefined;
      return period(EN_MONTHS[m[2]!.toLowerCase()], EN_MONTHS[m[4]!.toLowerCase()], false, m, 5);
    },
  ],
  // "the first nine months of 2024", "the last six months of the year" ("the last six months" alone is the past six)
  [
    `(first|last|final)${S}${EN_COUNT}${S}months(${S}of${S}(?:the${S}year|${YEAR}))?`,
    (m) => {
      const n = enCount(m[2]!);
      if (n === undefined) return undefined;
      if (m[1]!.toLowerCase() === 'first') return period(1, n, !digitsIn(m[2]), m, 4);
      return m[3] === undefined ? undefined : period(13 - n, 12, !digitsIn(m[2]), m, 4);
    },
  ],
  // "the first half of 2024", "the second half", "H1 2024"
  [
    `(?:(first|second)${S}half|(H[12]))(?:${S}of${S}(?:the${S}year|${YEAR})|${S}${YEAR})?`,
    (m) => {
      const second = m[1] !== undefined ? m[1].toLowerCase() === 'second' : m[2] === 'H2';
      if (m[2] !== undefined && /^h/.test(m[2])) return undefined; // "h1" in lower case is not a half year
      const at = m[3] !== undefined ? 3 : 4;
      return second ? period(7, 12, m[1] !== undefined, m, at) : period(1, 6, m[1] !== undefined, m, at);
    },
  ],
  // "Q1", "Q3 2024"
  [
    `Q([1-4])(?:${S}${YEAR})?`,
    (m) => {
      if (!m[0].startsWith('Q')) return undefined; // "q2" in lower case is not a quarter
      const yearText = m[2];
      return { reading: { kind: 'quarter', value: Number(m[1]) }, words: false, ...(yearText ? { year: { at: m[0].lastIndexOf(yearText), text: yearText } } : {}) };
    },
  ],
  // "doubled", "tripled", "quadrupled", "halved"
  [
    '(doubl(?:ed|es|ing)|tripl(?:ed|es|ing)|trebl(?:ed|es|ing)|quadrupl(?:ed|es|ing)|halv(?:ed|es|ing)|halve)',
    (m) => {
      const w = m[1]!.toLowerCase();
      return multiple(w.startsWith('doubl') ? 2 : w.startsWith('tripl') || w.startsWith('trebl') ? 3 : w.startsWith('quadrupl') ? 4 : 0.5, true);
    },
  ],
  // "threefold", "two-fold", "3-fold", "three times", "1.5 times"
  [`(\\d{1,3}(?:\\.\\d+)?|${alternation(Object.keys(EN_NUMBER_WORDS))})(?:-?fold|${S}times)`, (m) => multiple(/\d/.test(m[1]!) ? Number(m[1]) : enCount(m[1]!), !digitsIn(m[1]))],
  // "twice", "double", "triple": often not multiples ("twice a year", "double standards")
  ['(twice|double|triple|treble)', (m) => multiple(/^(?:twice|double)$/i.test(m[1]!) ? 2 : 3, true, true)],
  // "by half", "in half"
  [`(?:by|in)${S}half`, () => multiple(0.5, true)],
];

/**
 * `firstLetters`: the letters (and digits) a phrase of the language may start with, tested before
 * anything else at each position (about a quarter of the scan's time without it).
 */
function compile(rules: Array<[string, Rule]>, flags: string, firstLetters: string): { pattern: RegExp; rules: Rule[]; groupStarts: number[] } {
  const groupStarts: number[] = [];
  let group = 1;
  const parts = rules.map(([source]) => {
    groupStarts.push(group);
    // One group to tell which alternative matched, then the rule's own.
    group += 1 + new RegExp(`${source}|`, 'u').exec('')!.length - 1;
    return `(${source})`;
  });
  return { pattern: new RegExp(`(?=[${firstLetters}])${EDGE_BEFORE}(?:${parts.join('|')})${EDGE_AFTER}`, flags), rules: rules.map(([, r]) => r), groupStarts };
}

const VI = compile(VI_RULES, 'giu', '0-9bcghmnst');
const EN = compile(EN_RULES, 'giu', '0-9abdefhijlmnoqst');

/** The Vietnamese quantities with the phrases of `text` [start, end) read over them. */
export function withVietnamesePhrases(text: string, quantities: Quantity[], start = 0, end = text.length): Quantity[] {
  return readPhrases(VI, text, quantities, start, end);
}

/** The English quantities with the phrases of `text` [start, end) read over them. */
export function withEnglishPhrases(text: string, quantities: Quantity[], start = 0, end = text.length): Quantity[] {
  return readPhrases(EN, text, quantities, start, end);
}

function readPhrases(compiled: ReturnType<typeof compile>, text: string, quantities: Quantity[], start: number, end: number): Quantity[] {
  const found: Quantity[] = [];
  const { pattern, rules, groupStarts } = compiled;
  // How far the readers' quantities starting before the current match reach (they come in text order).
  let before = 0;
  let reach = -1;
  // Over the paragraph alone: run over the whole text, a paragraph without a phrase would scan on to
  // the next one anywhere in the document (quadratic in the number of paragraphs).
  const paragraph = text.slice(start, end);
  pattern.lastIndex = 0;
  for (let m = pattern.exec(paragraph); m; m = pattern.exec(paragraph)) {
    const at = start + m.index;
    const matchEnd = at + m[0].length;
    const k = groupStarts.findIndex((g) => m![g] !== undefined);
    if (k < 0) continue;
    // The rule's groups, numbered from 1 as if it were alone.
    const own = [m[groupStarts[k]!]!] as unknown as RegExpExecArray;
    const count = (groupStarts[k + 1] ?? m.length) - groupStarts[k]! - 1;
    for (let g = 1; g <= count; g++) own.push(m[groupStarts[k]! + g]!);
    own.index = m.index;
    const read = rules[k]!(own);
    if (!read) continue;
    for (; before < quantities.length && quantities[before]!.start < at; before++) reach = Math.max(reach, quantities[before]!.end);
    // A weak phrase does not cut into a reading that starts before it ("hai nước" of "quý hai nước").
    if (read.weak && reach > at) continue;
    const q: Quantity = {
      ...read.reading,
      start: at,
      end: matchEnd,
      text: m[0],
      words: read.words,
      weak: read.weak ?? false,
      bare: [],
      also: read.also ?? [],
    };
    if (read.year) {
      const yearValue = Number(read.year.text);
      const yearStart = at + read.year.at;
      q.text = text.slice(q.start, yearStart).trimEnd();
      q.end = q.start + q.text.length;
      found.push(q, {
        kind: 'number', value: yearValue, start: yearStart, end: yearStart + read.year.text.length, text: read.year.text,
        words: false, weak: false, bare: [yearValue], also: [{ kind: 'date', value: 0, date: { year: yearValue } }], periodYear: true,
      });
    } else found.push(q);
  }
  if (found.length === 0) return quantities;
  // What the readers saw inside a phrase ("9", "năm 2024"; "twice") gives way to the phrase's reading.
  // The phrases are disjoint and in text order, so one sweep finds, for each reading in text order,
  // the first phrase that ends after it starts: the only one it can overlap first.
  const inOrder = [...quantities].sort((a, b) => a.start - b.start);
  const outside: Quantity[] = [];
  let next = 0;
  for (const q of inOrder) {
    while (next < found.length && found[next]!.end <= q.start) next++;
    if (!overlapsFrom(found, next, q)) outside.push(q);
  }
  return [...outside, ...found].sort((a, b) => a.start - b.start);
}

/** Whether `q` overlaps one of `phrases` from index `from` on (they are in text order: stop at the first that starts after it). */
function overlapsFrom(phrases: readonly Quantity[], from: number, q: Quantity): boolean {
  for (let i = from; i < phrases.length && phrases[i]!.start < q.end; i++) if (phrases[i]!.end > q.start) return true;
  return false;
}
