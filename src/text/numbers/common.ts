/**
 * What the Vietnamese and English number readers share: reading digit groups in either
 * convention, Roman numerals, multi-word phrase tables, and building Quantity records.
 */
import { isSpaceCode } from '../chars.js';
import { withoutDiacritics } from '../vietnamese.js';
import { Gap, type Token } from './tokens.js';
import type { Quantity, QuantityReading } from './types.js';

/** A run of digit groups read as one number. */
export interface Numeral {
  value: number;
  /** Another value the digits can mean (a Vietnamese "2,400" copied from English is 2400, not 2.4). */
  alternative?: number;
  /** Index of the token after the numeral. */
  next: number;
  /** Digits only, no separator ("2024", not "2.024"). */
  plain: boolean;
}

/** Which mark groups thousands: "." in Vietnamese ("1.000", decimal "2,4"), "," in English. */
export type NumberConvention = 'vi' | 'en';

/**
 * Reads digit groups joined by "." or "," with nothing between them, from token `i` (a `num`).
 * A lone separator followed by exactly three digits groups thousands in the text's own
 * convention; any other lone separator is a decimal mark, whichever it is, since "2.4 tỷ" (a
 * decimal point copied from English) and "2,4 tỷ" both mean 2.4. A Vietnamese ",ddd" is a decimal
 * that may be an English thousands group copied as is ("2,400": 2.4, or 2400). Several separators must be
 * thousand groups, optionally ending in one decimal mark; otherwise only the first group is read
 * (a version number or a dotted date is left to the caller).
 */
export function readNumeral(tokens: readonly Token[], i: number, convention: NumberConvention): Numeral | undefined {
  const first = tokens[i];
  if (!first || first.type !== 'num') return undefined;
  const groups = [first.text];
  const seps: string[] = [];
  let j = i + 1;
  while (j + 1 < tokens.length) {
    const sep = tokens[j]!;
    const digits = tokens[j + 1]!;
    if (sep.type !== 'punct' || (sep.text !== '.' && sep.text !== ',') || sep.gap !== Gap.None || digits.type !== 'num' || digits.gap !== Gap.None) break;
    seps.push(sep.text);
    groups.push(digits.text);
    j += 2;
  }
  const single = (): Numeral => ({ value: Number(first.text), next: i + 1, plain: true });
  if (seps.length === 0) return { value: Number(first.text), next: j, plain: true };
  const grouping = convention === 'vi' ? '.' : ',';
  const decimal = convention === 'vi' ? ',' : '.';
  const isGroup = (k: number): boolean => groups[k]!.length === 3;
  const headOk = groups[0]!.length <= 3 && !(groups[0]!.length > 1 && groups[0]!.startsWith('0'));

  if (seps.length === 1) {
    const [sep] = seps;
    const whole = groups[0]!;
    const tail = groups[1]!;
    const asDecimal = Number(`${whole}.${tail}`);
    const asGroups = Number(whole + tail);
    if (sep === grouping) {
      // "6.800 tỷ" is 6,800 billion, never 6.8 billion: a grouping mark is taken at its word.
      if (isGroup(1) && headOk) return { value: asGroups, next: j, plain: false };
      return { value: asDecimal, next: j, plain: false };
    }
    // The text's own decimal mark; in Vietnamese, ",ddd" may be an English thousands group.
    const alternative = convention === 'vi' && sep === decimal && isGroup(1) && headOk ? asGroups : undefined;
    return { value: asDecimal, next: j, plain: false, ...(alternative !== undefined ? { alternative } : {}) };
  }

  // Several separators: thousand groups, then at most one decimal mark at the end.
  for (const groupChar of [grouping, decimal]) {
    const decimalChar = groupChar === '.' ? ',' : '.';
    const last = seps.length - 1;
    const endsDecimal = seps[last] === decimalChar && seps.slice(0, last).every((s) => s === groupChar);
    const allGroups = seps.every((s) => s === groupChar);
    if (!headOk || (!endsDecimal && !allGroups)) continue;
    const groupCount = allGroups ? seps.length : last;
    let ok = true;
    for (let k = 1; k <= groupCount; k++) if (!isGroup(k)) ok = false;
    if (!ok) continue;
    const whole = groups.slice(0, groupCount + 1).join('');
    const value = allGroups ? Number(whole) : Number(`${whole}.${groups[groupCount + 1]}`);
    return { value, next: j, plain: false };
  }
  return single();
}

const ROMAN: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/**
 * The value of an upper-case Roman numeral written the standard way, else undefined.
 * @example romanValue('XXI') // 21;  romanValue('IIA') // undefined
 */
export function romanValue(text: string): number | undefined {
  if (!/^[IVXLCDM]{1,12}$/.test(text)) return undefined;
  let total = 0;
  for (let k = 0; k < text.length; k++) {
    const v = ROMAN[text[k]!]!;
    const next = ROMAN[text[k + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return toRoman(total) === text ? total : undefined;
}

function toRoman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

/** A phrase as token keys (punctuation included, e.g. ['u', '.', 's', '.', 'dollars']) and what it stands for. */
export interface Phrase<T> {
  keys: readonly string[];
  value: T;
}

/** Phrases by first key, longest first, for `matchPhrase`. */
export type PhraseTable<T> = ReadonlyMap<string, ReadonlyArray<Phrase<T>>>;

/** Builds a PhraseTable from "key key key" strings (keys separated by spaces). */
export function phraseTable<T>(entries: ReadonlyArray<readonly [string, T]>): PhraseTable<T> {
  const table = new Map<string, Array<Phrase<T>>>();
  for (const [words, value] of entries) {
    const keys = words.split(' ');
    const list = table.get(keys[0]!) ?? [];
    list.push({ keys, value });
    table.set(keys[0]!, list);
  }
  for (const list of table.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  return table;
}

/**
 * The longest phrase of `table` starting at token `i`, its tokens separated by no more than
 * spaces (punctuation inside a phrase must touch its neighbours: "U.S."). Returns its value and
 * the index after it.
 */
export function matchPhrase<T>(tokens: readonly Token[], i: number, table: PhraseTable<T>): { value: T; next: number } | undefined {
  const first = tokens[i];
  if (!first) return undefined;
  const candidates = table.get(first.key);
  if (!candidates) return undefined;
  for (const phrase of candidates) {
    let ok = true;
    for (let k = 1; k < phrase.keys.length; k++) {
      const t = tokens[i + k];
      if (!t || t.key !== phrase.keys[k] || t.gap === Gap.Break || (t.type === 'punct' && t.gap !== Gap.None)) {
        ok = false;
        break;
      }
    }
    if (ok) return { value: phrase.value, next: i + phrase.keys.length };
  }
  return undefined;
}

/** Whether token `i` touches its predecessor (no space); with `wordsOnly`, only a letter or digit token counts. */
export function touching(tokens: readonly Token[], i: number, wordsOnly = false): boolean {
  const t = tokens[i];
  return t !== undefined && t.gap === Gap.None && !(wordsOnly && t.type === 'punct');
}

/** Whether token `i` is a placeholder left by a pipeline ("XNUMX", "XNUMXth"). */
export function isPlaceholder(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  return t !== undefined && t.type === 'word' && t.spellsX && t.key.length >= 5 && t.key.includes('xnumx');
}

/** Fields of a Quantity besides its reading and place. */
export interface QuantityFlags {
  words?: boolean;
  weak?: boolean;
  corrupted?: Quantity['corrupted'];
  bare?: number[];
  also?: QuantityReading[];
}

/** A Quantity over tokens [from, to) of `text`. */
export function makeQuantity(text: string, tokens: readonly Token[], from: number, to: number, reading: QuantityReading, flags: QuantityFlags = {}): Quantity {
  const start = tokens[from]!.start;
  const end = tokens[to - 1]!.end;
  // One object shape for every quantity: cheaper to build and to read than spreads of varying shapes.
  const q: Quantity = {
    kind: reading.kind,
    value: reading.value,
    start,
    end,
    text: text.slice(start, end),
    words: flags.words ?? false,
    weak: flags.weak ?? false,
    bare: flags.bare ?? [],
    also: flags.also ?? [],
  };
  if (reading.currency !== undefined) q.currency = reading.currency;
  if (reading.date !== undefined) q.date = reading.date;
  if (reading.code !== undefined) q.code = reading.code;
  if (flags.corrupted) q.corrupted = flags.corrupted;
  return q;
}

/** A plain integer that may be a year (1000–2199, written without separators): it may also be read as that year. */
export function yearReading(value: number, plain: boolean): QuantityReading | undefined {
  return plain && Number.isInteger(value) && value >= 1000 && value < 2200 ? { kind: 'date', value: 0, date: { year: value } } : undefined;
}

/** Two-digit decades are of the 20th century ("thập niên 90", "the '90s"), except 00–20. */
export function decadeYear(value: number): number {
  if (value >= 100) return value;
  return value <= 20 ? 2000 + value : 1900 + value;
}

/** ISO codes (and the symbols also written after an amount): "2,4 tỷ USD", "2.4 billion USD", "500.000₫". */
export const CURRENCY_CODES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['usd', ['USD']],
  ['eur', ['EUR']],
  ['jpy', ['JPY']],
  ['vnd', ['VND']],
  ['cny', ['CNY']],
  ['rmb', ['CNY']],
  ['gbp', ['GBP']],
  ['krw', ['KRW']],
  ['aud', ['AUD']],
  ['sgd', ['SGD']],
  ['cad', ['CAD']],
  ['hkd', ['HKD']],
  ['twd', ['TWD']],
  ['inr', ['INR']],
  ['rub', ['RUB']],
  ['thb', ['THB']],
  ['myr', ['MYR']],
  ['€', ['EUR']],
  ['$', ['USD']],
  ['₫', ['VND']],
];

/** Currency symbols that come before the amount, in either language (and the ISO codes). `¥` is yen or yuan. */
export const CURRENCY_SYMBOLS: PhraseTable<readonly string[]> = phraseTable([
  ['us $', ['USD']],
  ['u . s . $', ['USD']],
  ['a $', ['AUD']],
  ['au $', ['AUD']],
  ['c $', ['CAD']],
  ['ca $', ['CAD']],
  ['s $', ['SGD']],
  ['hk $', ['HKD']],
  ['nt $', ['TWD']],
  ['£', ['GBP']],
  ['¥', ['JPY', 'CNY']],
  ['₩', ['KRW']],
  ['₹', ['INR']],
  ...CURRENCY_CODES,
]);

/** A quantity being read, with what range inheritance needs. */
export interface FoundQuantity {
  q: Quantity;
  /** The numeral before any scale word ("3" in "3 tỷ USD"). */
  raw?: number;
  /** The factor the scale words applied (1e9 in "3 tỷ USD"). */
  scale?: number;
}

const ORDINAL_ENDINGS = new Set(['st', 'nd', 'rd', 'th']);
const MAX_CODE_TOKENS = 12;

/**
 * Reads a code at token i: letters and digits written together, joined by nothing, "-" or "/"
 * ("F-35A", "SM-3", "054A", "COVID-19", "Block-XNUMX", "22/2018/QH14"), read as a name. Digits with
 * only a unit after them ("300km", "15h") are not a code. Returns the code and the index after it.
 */
export function readCode(tokens: readonly Token[], i: number, text: string, unitSuffixes: ReadonlySet<string>): { q: Quantity; next: number } | undefined {
  let j = i;
  let letters = false;
  let digits = false;
  let placeholder = false;
  let parts = 0;
  // Names are short: a bound keeps a long hyphenated run from being rescanned at each of its tokens.
  while (j < tokens.length && j - i < MAX_CODE_TOKENS) {
    const t = tokens[j]!;
    if (j > i && t.gap !== Gap.None) break;
    if (t.type === 'punct') {
      const joiner = t.text === '-' || t.text === '/' || t.text === '\u2011';
      const after = tokens[j + 1];
      if (!joiner || j === i || !after || after.gap !== Gap.None || after.type === 'punct') break;
      j++;
      continue;
    }
    if (isPlaceholder(tokens, j)) placeholder = true;
    else if (t.type === 'word') letters = true;
    else digits = true;
    parts++;
    j++;
  }
  if (tokens[j - 1]?.type === 'punct') j--;
  if (parts < 2 || !((letters || placeholder) && (digits || placeholder)) || (placeholder && !letters && !digits)) return undefined;
  const last = tokens[j - 1]!;
  // "mid-2024", "post-2022": a lower-case word before a number is a prefix, not the letters of a name.
  const first = tokens[i]!;
  if (first.type === 'word' && !isPlaceholder(tokens, i) && first.text === first.text.toLowerCase() && first.text.length > 2) return undefined;
  // "a 12-day voyage", "a 10-year contract", "a 300-km-range missile": digits joined to a lower-case
  // word are a number written as an English compound adjective, not a name ("F-35", "Type-054A").
  const second = tokens[i + 2];
  if (first.type === 'num' && tokens[i + 1]?.type === 'punct' && tokens[i + 1]!.text !== '/' && second?.type === 'word' && second.text.length > 1 && second.text === second.text.toLowerCase()) return undefined;
  // "20th", "mid-20th": an ordinal.
  if (last.type === 'word' && ORDINAL_ENDINGS.has(last.key) && tokens[j - 2]?.type === 'num') return undefined;
  if (parts === 2 && tokens[i]!.type === 'num' && last.type === 'word' && unitSuffixes.has(last.key)) return undefined;
  // "F-35s": an English plural is not part of the name.
  const plural = parts > 2 && last.text === 's' && tokens[j - 2]?.type === 'num';
  const written = text.slice(tokens[i]!.start, plural ? tokens[j - 2]!.end : last.end);
  // Compared without diacritics: English copy writes "Decree 15/2020/ND-CP" for "15/2020/NĐ-CP".
  const code = withoutDiacritics(written).toUpperCase().replace(/[-/\u2011\s]/g, '');
  return { q: makeQuantity(text, tokens, i, j, { kind: 'code', value: 0, code }, placeholder ? { corrupted: 'placeholder' } : {}), next: j };
}

/**
 * Ranges share what their last member says: in "2–3 tỷ USD", "10-15%", "$2-3 billion", "từ 2 đến
 * 3 triệu", the first number takes the second's scale and unit; in "ngày 10 và 11 tháng 4" and
 * "April 10 and 11" the first day takes the month. `isConnector` gets the lower-cased text between.
 */
export function inheritRanges(found: readonly FoundQuantity[], text: string, isConnector: (between: string) => boolean): void {
  for (let k = 0; k + 1 < found.length; k++) {
    const a = found[k]!;
    const b = found[k + 1]!;
    // Trimmed in place, and long stretches given up before any copy: the text between two
    // quantities far apart would otherwise be lowered and normalised in full, pair after pair.
    let from = a.q.end;
    let to = b.q.start;
    while (from < to && isSpaceCode(text.charCodeAt(from))) from++;
    while (to > from && isSpaceCode(text.charCodeAt(to - 1))) to--;
    // A connector has at most 8 characters composed, so at most 24 units decomposed (base and two marks).
    if (from === to || to - from > 24) continue;
    const between = text.slice(from, to).toLowerCase().normalize('NFC');
    if (between.length > 8 || !isConnector(between)) continue;
    const bScale = b.scale ?? 1;
    const amount = (q: Quantity): boolean => q.kind === 'number' || q.kind === 'money';
    const bUnit = bScale > 1 || b.q.kind === 'money' || b.q.kind === 'percent' || b.q.kind === 'percentage-point';
    const aBare = (a.scale ?? 1) === 1 && !a.q.weak && a.raw !== undefined && b.raw !== undefined && a.raw < b.raw;
    if (aBare && bUnit && (a.q.kind === 'number' || (a.q.kind === 'money' && amount(b.q)))) {
      // "$2-3 billion": the first end takes the scale; "2–3 tỷ USD", "10-15%": the scale and the unit.
      const kind = a.q.kind === 'money' ? 'money' : b.q.kind;
      const currency = a.q.currency ?? b.q.currency;
      a.q.kind = kind;
      a.q.value *= bScale;
      if (currency && kind === 'money') a.q.currency = currency;
      a.q.also = a.q.also.filter((r) => r.kind !== 'date').map((r) => ({ ...r, kind, value: r.value * bScale, ...(currency && kind === 'money' ? { currency } : {}) }));
      if (a.q.kind === 'money' && b.q.kind === 'number') {
        b.q.kind = 'money';
        b.q.currency = currency!;
        b.q.also = b.q.also.filter((r) => r.kind !== 'date');
      }
    } else if (isShortYearEnd(a.q, b.q, between)) {
      // "2016-20": the second end of a span of years is written with its last two digits.
      const year = a.q.value - (a.q.value % 100) + b.q.value;
      b.q.value = year;
      b.q.bare = [year];
      b.q.also = [{ kind: 'date', value: 0, date: { year } }];
    } else if (a.q.kind === 'money' && b.q.kind === 'number' && (a.scale ?? 1) === 1 && bScale === 1 && !b.q.weak && a.raw !== undefined && b.raw !== undefined && a.raw < b.raw) {
      // "VND24,300-24,600 per dollar": the currency before the first end is the second's too.
      b.q.kind = 'money';
      b.q.currency = a.q.currency!;
      b.q.also = b.q.also.filter((r) => r.kind !== 'date');
    } else if (a.q.kind === 'date' && b.q.kind === 'date' && a.q.date?.day !== undefined && a.q.date.month === undefined && !a.q.date.unknown && b.q.date?.month !== undefined) {
      a.q.date = { ...a.q.date, month: b.q.date.month, ...(b.q.date.year !== undefined ? { year: b.q.date.year } : {}) };
    } else if (isFirstDayOf(a.q, b.q)) {
      // "8-10 November 2024", "from 8 to 10 November", "8-10/11/2024": the first day of a range the month closes.
      const day = a.q.value;
      a.q.kind = 'date';
      a.q.value = 0;
      a.q.date = { day, month: b.q.date!.month!, ...(b.q.date!.year !== undefined ? { year: b.q.date!.year } : {}) };
      a.q.also = [];
    }
  }
}

/** Whether `a` is a bare day number ("8") opening a range whose end `b` is a later day with its month. */
function isFirstDayOf(a: Quantity, b: Quantity): boolean {
  const end = b.kind === 'date' ? b.date : undefined;
  if (a.kind !== 'number' || a.words || a.weak || !/^\d{1,2}$/.test(a.text) || end?.day === undefined || end.month === undefined || end.unknown) return false;
  return a.value >= 1 && a.value < end.day;
}

/** Whether `b` is the two-digit end of a span of years `a` opens ("2016-20", "2021–26"). */
function isShortYearEnd(a: Quantity, b: Quantity, between: string): boolean {
  const yearA = a.kind === 'number' && a.value >= 1900 && a.value < 2100 && Number.isInteger(a.value) && a.also.some((r) => r.kind === 'date' && r.date?.year === a.value);
  return yearA && (between === '-' || between === '–' || between === '—') && b.kind === 'number' && /^\d\d$/.test(b.text) && b.value > a.value % 100;
}

/**
 * The reading loop both readers share: at each token the language's `readAt` tries every form and
 * says where to go on; ranges are completed at the end.
 */
export abstract class QuantityScanner {
  protected readonly out: FoundQuantity[] = [];

  constructor(
    protected readonly text: string,
    protected readonly tokens: Token[],
    private readonly connectors: ReadonlySet<string>,
  ) {}

  /** The quantities of the whole token stream, in text order. */
  read(): Quantity[] {
    let i = 0;
    while (i < this.tokens.length) {
      const next = this.readAt(i);
      i = next > i ? next : i + 1;
    }
    inheritRanges(this.out, this.text, (k) => this.connectors.has(k));
    return this.out.map((f) => f.q);
  }

  /** Reads what starts at token i; returns the index after it (i or less when nothing does). */
  protected abstract readAt(i: number): number;

  protected key(i: number): string | undefined {
    return this.tokens[i]?.key;
  }

  /** Token i's key, if it follows its predecessor within the paragraph after a space. */
  protected spacedKey(i: number): string | undefined {
    const t = this.tokens[i];
    return t && t.gap === Gap.Space ? t.key : undefined;
  }

  protected quantity(from: number, to: number, reading: QuantityReading, flags: QuantityFlags = {}): Quantity {
    return makeQuantity(this.text, this.tokens, from, to, reading, flags);
  }
}
