/**
 * Reads the numbers, amounts, percentages, dates and counts of English text, by value: "$2.4
 * billion", "US$2.4 billion", "2.4 billion USD" and "2,400 million dollars" are one amount; "April
 * 10, 2024", "10 April 2024", "April 10th" and "the 10th of April" one date; "26.3%" and "26.3
 * percent" one percentage; "four hundred", "a dozen", "twenty-first" are numbers. "one", "a
 * first", "both", "twice" are weak (they often are not numbers). Linear in the text.
 */
import {
  CURRENCY_CODES,
  CURRENCY_SYMBOLS,
  decadeYear,
  isPlaceholder,
  matchPhrase,
  phraseTable,
  QuantityScanner,
  readCode,
  readNumeral,
  romanValue,
  touching,
  yearReading,
  type FoundQuantity,
} from './common.js';
import { Gap, starters, tokenize, type Folding, type Token } from './tokens.js';
import type { DateValue, Quantity, QuantityReading } from './types.js';

const UNITS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, quadrillion: 1e15 };
/** Scale abbreviations after digits ("$2.4bn", "300 mln"); the one-letter ones only in an amount of money. */
const SCALE_ABBREVIATIONS: Readonly<Record<string, number>> = { bn: 1e9, bln: 1e9, mn: 1e6, mln: 1e6, tn: 1e12, trn: 1e12, k: 1e3, m: 1e6, b: 1e9 };
const ORDINAL_UNITS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19,
  twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60, seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100, thousandth: 1000,
};
const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);
const MONTHS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const WEEKDAYS: Readonly<Record<string, number>> = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };
/** Words before "May" or "March" that make them months rather than a verb ("in May", "since March"). */
const MONTH_CONTEXT = new Set(['in', 'of', 'since', 'until', 'till', 'by', 'from', 'to', 'early', 'late', 'mid', 'last', 'next', 'this', 'between', 'before', 'after', 'during', 'through', 'on', 'and', 'or', 'each', 'every']);
/** Weak stand-ins for a small number ("both countries" for "hai nước"). */
const WEAK_WORDS: Readonly<Record<string, number>> = { both: 2, bilateral: 2, trilateral: 3, quadrilateral: 4, twice: 2, double: 2, doubled: 2, doubling: 2, dual: 2, twin: 2, triple: 3, tripled: 3, treble: 3, trebled: 3, threefold: 3, quadruple: 4, quadrupled: 4, fourfold: 4 };
/** Plural scale words that give an order of magnitude ("dozens", "hundreds of thousands"). */
const VAGUE: Readonly<Record<string, number>> = { dozens: 10, scores: 10, tens: 10, hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9, trillions: 1e12, quadrillions: 1e15 };
const VAGUE_SINGULAR: Readonly<Record<string, number>> = { dozen: 10, hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, quadrillion: 1e15 };
/** "several hundred", "a few thousand". */
const FEW = phraseTable<true>([['several', true], ['a few', true], ['a couple of', true], ['few', true], ['many', true]]);
const FRACTION_DENOMINATORS: Readonly<Record<string, number>> = { half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5, fifths: 5, tenth: 10, tenths: 10 };
const CURRENCY_WORDS = phraseTable<readonly string[]>([
  ...CURRENCY_CODES,
  ['dollars', ['USD']], ['dollar', ['USD']], ['u . s . dollars', ['USD']], ['us dollars', ['USD']], ['american dollars', ['USD']],
  ['australian dollars', ['AUD']], ['singapore dollars', ['SGD']], ['canadian dollars', ['CAD']], ['hong kong dollars', ['HKD']],
  ['taiwan dollars', ['TWD']], ['new taiwan dollars', ['TWD']],
  ['yen', ['JPY']], ['japanese yen', ['JPY']],
  ['yuan', ['CNY']], ['renminbi', ['CNY']], ['chinese yuan', ['CNY']],
  ['dong', ['VND']], ['vietnamese dong', ['VND']],
  ['euros', ['EUR']], ['euro', ['EUR']],
  ['pounds sterling', ['GBP']], ['sterling', ['GBP']], ['british pounds', ['GBP']],
  ['won', ['KRW']], ['south korean won', ['KRW']], ['korean won', ['KRW']],
  ['rubles', ['RUB']], ['roubles', ['RUB']], ['ruble', ['RUB']], ['rouble', ['RUB']],
  ['rupees', ['INR']], ['indian rupees', ['INR']], ['baht', ['THB']], ['ringgit', ['MYR']],
]);
/** Words written with digits that are names, not counts. */
const NAME_PHRASES = phraseTable<true>([['five eyes', true], ['group of seven', true], ['group of twenty', true], ['group of eight', true]]);
const UNIT_SUFFIXES = new Set(['km', 'm', 'cm', 'mm', 'kg', 'g', 'lb', 'lbs', 'ft', 'mi', 'nm', 'h', 'mw', 'kw', 'gw', 'kt', 'hz', 'ghz', 'mhz', 'l', 't']);
/** Currency codes that may be glued to their amount ("VND4.5 trillion"). */
const CODE_PREFIXES = new Set(CURRENCY_CODES.map(([code]) => code));
/** What joins the two ends of a range ("10-15%", "$2 to $3 billion", "between 2 and 3"). */
const RANGE_CONNECTORS = new Set(['-', '–', '—', 'to', 'and', 'or', 'through']);

const folding: Folding = { fold: (word) => word.toLowerCase(), foldsY: false };

/** Words that may start a quantity (the rest can only be the letters of a name such as "F-35"). */
const EN_TRIGGERS = new Set<string>([
  'decade', 'century',
  ...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(ORDINAL_UNITS), ...Object.keys(MONTHS), ...Object.keys(WEEKDAYS),
  ...Object.keys(WEAK_WORDS), ...Object.keys(VAGUE), ...[...FEW.keys()], ...[...NAME_PHRASES.keys()], ...[...CURRENCY_SYMBOLS.keys()],
  'a', 'an', 'fy', 'q', 'world', 'noon', 'midday', 'midnight', 'half', 'no',
]);
/** The trigger words as a test on letters, so that most words are passed over unfolded and uncopied. */
const STARTERS = starters(EN_TRIGGERS);

/**
 * Every quantity of `text` between `start` and `end` (offsets into `text`), in text order.
 * "XNUMX" placeholders make the quantity they are in `corrupted`.
 * @example readEnglishQuantities('On April 10, 2024, Japan bought 400 missiles worth $2.4 billion.')
 * // date 10 April 2024, number 400, money 2.4e9 USD
 */
export function readEnglishQuantities(text: string, start = 0, end = text.length): Quantity[] {
  return new EnReader(text, tokenize(text, start, end, folding, STARTERS)).read();
}

class EnReader extends QuantityScanner {
  constructor(text: string, tokens: Token[]) {
    super(text, tokens, RANGE_CONNECTORS);
  }

  private emit(q: Quantity, extra: Omit<FoundQuantity, 'q'> = {}): void {
    this.out.push({ q, ...extra });
  }

  protected readAt(i: number): number {
    const t = this.tokens[i]!;
    if (t.type === 'word') {
      // Most words start nothing: only a trigger word, or letters glued to a name's digits, can.
      if (!(t.mayStart && EN_TRIGGERS.has(t.key)) && !touching(this.tokens, i + 1) && !isPlaceholder(this.tokens, i)) return i + 1;
      const name = matchPhrase(this.tokens, i, NAME_PHRASES);
      if (name) return name.next;
      if (t.upper && MONTHS[t.key] !== undefined) {
        const date = this.monthFirst(i);
        if (date > i) return date;
      }
      if (t.upper && WEEKDAYS[t.key] !== undefined) {
        this.emit(this.quantity(i, i + 1, { kind: 'weekday', value: WEEKDAYS[t.key]! }, { words: true }));
        return i + 1;
      }
      if (isPlaceholder(this.tokens, i)) return this.placeholder(i);
      if (t.key === 'fy' && this.tokens[i + 1]?.type === 'num' && this.tokens[i + 1]!.gap !== Gap.Break) {
        const year = Number(this.tokens[i + 1]!.text);
        this.emit(this.quantity(i, i + 2, { kind: 'date', value: 0, date: { year: decadeYear(year) } }, { bare: [year], also: [{ kind: 'number', value: year }] }));
        return i + 2;
      }
      if (t.key === 'q' && t.upper && touching(this.tokens, i + 1) && this.tokens[i + 1]?.type === 'num') {
        const value = Number(this.tokens[i + 1]!.text);
        if (value >= 1 && value <= 4 && !touching(this.tokens, i + 2)) {
          this.emit(this.quantity(i, i + 2, { kind: 'quarter', value }, { bare: [value] }));
          return i + 2;
        }
      }
      if (t.key === 'world' && this.spacedKey(i + 1) === 'war' && this.tokens[i + 2]?.gap === Gap.Space) {
        const value = romanValue(this.tokens[i + 2]!.text);
        if (value !== undefined) {
          this.emit(this.quantity(i + 2, i + 3, { kind: 'ordinal', value }, { bare: [value] }));
          return i + 3;
        }
      }
      if (t.key === 'noon' || t.key === 'midday' || t.key === 'midnight') {
        this.emit(this.quantity(i, i + 1, { kind: 'time', value: t.key === 'midnight' ? 0 : 720 }, { words: true }));
        return i + 1;
      }
      if (WEAK_WORDS[t.key] !== undefined) {
        this.emit(this.quantity(i, i + 1, { kind: 'number', value: WEAK_WORDS[t.key]! }, { words: true, weak: true }));
        return i + 1;
      }
      if ((t.key === 'a' || t.key === 'one') && FRACTION_DENOMINATORS[this.spacedKey(i + 1) ?? ''] !== undefined && !this.key(i + 1)!.endsWith('s') && this.spacedKey(i + 2) === 'of') {
        // "a quarter of", "one third of"
        this.emit(this.quantity(i, i + 2, { kind: 'fraction', value: 1 / FRACTION_DENOMINATORS[this.key(i + 1)!]! }, { words: true }));
        return i + 2;
      }
      if (t.key === 'half') {
        // "the first half (of 2024)" is how "6 tháng đầu năm" is translated.
        const ofYear = this.key(i - 1) === 'first' || this.key(i - 1) === 'second';
        this.emit(this.quantity(i, i + 1, { kind: 'fraction', value: 0.5 }, { words: true, weak: true, ...(ofYear ? { also: [{ kind: 'number', value: 6 }] } : {}) }));
        return i + 1;
      }
      if ((t.key === 'a' || t.key === 'one') && (this.spacedKey(i + 1) === 'decade' || this.spacedKey(i + 1) === 'century')) {
        // "more than a decade" for "hơn 10 năm"
        this.emit(this.quantity(i, i + 2, { kind: 'number', value: this.key(i + 1) === 'decade' ? 10 : 100 }, { words: true, weak: true }));
        return i + 2;
      }
      if ((t.key === 'a' || t.key === 'one') && (this.spacedKey(i + 1) === 'pair' || this.spacedKey(i + 1) === 'couple') && this.spacedKey(i + 2) === 'of') {
        this.emit(this.quantity(i, i + 3, { kind: 'number', value: 2 }, { words: true, weak: true }));
        return i + 3;
      }
      // "the world's No. 2": a rank ("đứng thứ hai"), or the number of an address ("số 10").
      if (t.key === 'no' && t.upper && this.tokens[i + 1]?.text === '.' && touching(this.tokens, i + 1) && this.tokens[i + 2]?.type === 'num' && this.tokens[i + 2]!.gap === Gap.Space) {
        // "Decree No. 13/2023/ND-CP", the Government's own English style: "No." names the code after it.
        const code = readCode(this.tokens, i + 2, this.text, UNIT_SUFFIXES);
        if (code) {
          this.emit(code.q);
          return code.next;
        }
        const value = Number(this.tokens[i + 2]!.text);
        this.emit(this.quantity(i, i + 3, { kind: 'ordinal', value }, { bare: [value], also: [{ kind: 'number', value }] }));
        return i + 3;
      }
      // "over the past decade" for "trong mười năm qua": ten years, weakly.
      if (t.key === 'decade' && this.key(i - 1) !== 'a' && this.key(i - 1) !== 'one') {
        this.emit(this.quantity(i, i + 1, { kind: 'number', value: 10 }, { words: true, weak: true }));
        return i + 1;
      }
      const vague = this.vague(i);
      if (vague > i) return vague;
      const ordinal = this.wordOrdinal(i);
      if (ordinal > i) return ordinal;
      // "VND4.5 trillion", "USD300 million": a currency code glued to its amount, as English-language
      // Vietnamese media write đồng, is money, not the letters of a name.
      if (CODE_PREFIXES.has(t.key) && t.text === t.text.toUpperCase() && this.tokens[i + 1]?.type === 'num' && touching(this.tokens, i + 1)) return this.amount(i);
      const code = readCode(this.tokens, i, this.text, UNIT_SUFFIXES);
      if (code) {
        this.emit(code.q);
        return code.next;
      }
      return this.amount(i);
    }
    if (t.type === 'num') {
      // Each form in turn, the first that reads wins (written out: no array of methods per digit run).
      let next = this.numericDate(i);
      if (next <= i) next = this.dayFirst(i);
      if (next <= i) next = this.time(i);
      if (next <= i) next = this.decade(i);
      if (next <= i) next = this.digitOrdinal(i);
      if (next > i) return next;
      const code = readCode(this.tokens, i, this.text, UNIT_SUFFIXES);
      if (code && !ORDINAL_SUFFIXES.has(this.tokens[code.next - 1]!.key) && this.tokens[code.next - 1]!.key !== 's') {
        this.emit(code.q);
        return code.next;
      }
      return this.amount(i);
    }
    if (t.text === "'" || t.text === '\u2019') {
      const next = this.decade(i + 1, i);
      if (next > i + 1) return next;
    }
    return this.amount(i);
  }

  /** "XNUMX 25" (a day of an unreadable month), "XNUMX 10, 2024", or a lone "XNUMX". */
  private placeholder(i: number): number {
    const day = this.tokens[i + 1];
    if (day && day.type === 'num' && day.gap === Gap.Space && Number(day.text) >= 1 && Number(day.text) <= 31) {
      const date: DateValue = { day: Number(day.text), unknown: ['month'] };
      const bare = [date.day!];
      const end = this.yearAfter(i + 2, date, bare);
      this.emit(this.quantity(i, end, { kind: 'date', value: 0, date }, { bare, corrupted: 'placeholder' }));
      return end;
    }
    this.emit(this.quantity(i, i + 1, { kind: 'number', value: Number.NaN }, { corrupted: 'placeholder' }));
    return i + 1;
  }

  /** An optional ", 2024" / " 2024" after a day or month; returns the index after it. */
  private yearAfter(j: number, date: DateValue, bare: number[]): number {
    let k = j;
    if (this.tokens[k]?.text === ',' && this.tokens[k]!.gap === Gap.None) k++;
    const y = this.tokens[k];
    if (y && y.type === 'num' && y.gap === Gap.Space && y.text.length === 4 && this.endsNumber(k + 1)) {
      date.year = Number(y.text);
      bare.push(date.year);
      return k + 1;
    }
    if (y && isPlaceholder(this.tokens, k) && y.gap === Gap.Space) {
      (date.unknown ??= []).push('year');
      return k + 1;
    }
    return j;
  }

  /** Whether a number ends before token j: a word or digits do not touch it, nor a separator and more digits ("2024.5"). */
  private endsNumber(j: number): boolean {
    const t = this.tokens[j];
    if (!t || t.gap !== Gap.None) return true;
    if (t.type !== 'punct') return false;
    return !((t.text === '.' || t.text === ',') && this.tokens[j + 1]?.type === 'num' && touching(this.tokens, j + 1));
  }

  /** A day number at token j with an optional ordinal suffix ("10", "10th"); returns [day, index after]. */
  private dayAt(j: number): [number, number] | undefined {
    const t = this.tokens[j];
    if (!t || t.type !== 'num' || t.text.length > 2) return undefined;
    const day = Number(t.text);
    if (day < 1 || day > 31) return undefined;
    const suffix = this.tokens[j + 1];
    if (suffix && suffix.gap === Gap.None && ORDINAL_SUFFIXES.has(suffix.key)) return [day, j + 2];
    if (suffix && suffix.gap === Gap.None && suffix.type !== 'punct') return undefined;
    return [day, j + 1];
  }

  /** "April 10, 2024", "April 10th", "April 2024", "April", "April 10 and 11" (a month at i). */
  private monthFirst(i: number): number {
    const t = this.tokens[i]!;
    let j = i + 1;
    if (t.key.length <= 4 && this.tokens[j]?.text === '.' && this.tokens[j]!.gap === Gap.None) j++;
    const month = MONTHS[t.key]!;
    const date: DateValue = { month };
    const bare: number[] = [];
    let end = j;
    const day = this.tokens[j]?.gap === Gap.Space ? this.dayAt(j) : undefined;
    if (day) {
      date.day = day[0];
      bare.push(day[0]);
      end = this.yearAfter(day[1], date, bare);
    } else if (isPlaceholder(this.tokens, j) && this.tokens[j]!.gap === Gap.Space) {
      (date.unknown ??= []).push('day');
      end = this.yearAfter(j + 1, date, bare);
      if (end === j + 1) end = j + 1;
    } else {
      let k = j;
      if (this.tokens[k]?.text === ',' && this.tokens[k]!.gap === Gap.None) k++;
      else if (this.spacedKey(k) === 'of') k++;
      const y = this.tokens[k];
      if (y && y.type === 'num' && y.gap === Gap.Space && y.text.length === 4 && this.endsNumber(k + 1)) {
        date.year = Number(y.text);
        bare.push(date.year);
        end = k + 1;
      }
    }
    // "May" and "March" are also words: a month only with a day, a year or a preposition.
    if ((t.key === 'may' || t.key === 'march' || t.key === 'mar') && end === j) {
      const prev = this.tokens[i - 1];
      const hyphenMid = prev?.text === '-' && this.tokens[i - 2]?.key === 'mid';
      if (!hyphenMid && !(prev && t.gap !== Gap.Break && MONTH_CONTEXT.has(prev.key))) return i;
    }
    const corrupted = date.unknown ? 'placeholder' : undefined;
    this.emit(this.quantity(i, end, { kind: 'date', value: 0, date }, { bare, ...(corrupted ? { corrupted } : {}) }));
    // "April 10 and 11": the second day shares the month.
    const connector = this.tokens[end];
    if (date.day !== undefined && date.year === undefined && connector && (connector.key === 'and' || connector.key === 'to' || connector.text === '-' || connector.text === '–')) {
      const second = this.dayAt(end + 1);
      if (second && this.tokens[end + 1]!.gap !== Gap.Break) {
        const other: DateValue = { day: second[0], month };
        const otherBare = [second[0]];
        const otherEnd = this.yearAfter(second[1], other, otherBare);
        if (other.year !== undefined) date.year = other.year;
        this.emit(this.quantity(end + 1, otherEnd, { kind: 'date', value: 0, date: other }, { bare: otherBare }));
        return otherEnd;
      }
    }
    return end;
  }

  /** "10 April 2024", "10th April", "the 10th of April" (a day at i). */
  private dayFirst(i: number): number {
    const day = this.dayAt(i);
    if (!day) return i;
    let j = day[1];
    if (this.spacedKey(j) === 'of') j++;
    const m = this.tokens[j];
    if (!m || m.gap !== Gap.Space || !m.upper || MONTHS[m.key] === undefined) return i;
    let end = j + 1;
    if (m.key.length <= 4 && this.tokens[end]?.text === '.' && this.tokens[end]!.gap === Gap.None) end++;
    const date: DateValue = { day: day[0], month: MONTHS[m.key]! };
    const bare = [day[0]];
    end = this.yearAfter(end, date, bare);
    this.emit(this.quantity(i, end, { kind: 'date', value: 0, date }, { bare }));
    return end;
  }

  /** "10/4/2024" (either order: 10 April in Britain, 4 October in the US), "2024-04-10". */
  private numericDate(i: number): number {
    const a = this.tokens[i]!;
    const sep = this.tokens[i + 1];
    if (!sep || sep.type !== 'punct' || sep.gap !== Gap.None || (sep.text !== '/' && sep.text !== '-')) return i;
    const b = this.tokens[i + 2];
    const sep2 = this.tokens[i + 3];
    const c = this.tokens[i + 4];
    if (!b || b.type !== 'num' || !touching(this.tokens, i + 2) || !sep2 || sep2.text !== sep.text || !touching(this.tokens, i + 3) || !c || c.type !== 'num' || !touching(this.tokens, i + 4)) {
      return this.fraction(i);
    }
    const [x, y, z] = [Number(a.text), Number(b.text), Number(c.text)];
    const readings: DateValue[] = [];
    if (a.text.length === 4 && sep.text === '-') {
      if (y >= 1 && y <= 12 && z >= 1 && z <= 31) readings.push({ year: x, month: y, day: z });
    } else if (c.text.length === 4 || c.text.length === 2) {
      const year = c.text.length === 2 ? 2000 + z : z;
      if (y >= 1 && y <= 12 && x >= 1 && x <= 31) readings.push({ day: x, month: y, year });
      if (x >= 1 && x <= 12 && y >= 1 && y <= 31 && x !== y) readings.push({ day: y, month: x, year });
    }
    if (readings.length === 0) return i;
    const [first, ...others] = readings;
    this.emit(this.quantity(i, i + 5, { kind: 'date', value: 0, date: first! }, { bare: [x, y, z], also: others.map((date) => ({ kind: 'date', value: 0, date })) }));
    return i + 5;
  }

  /** "2/3" as a fraction (a numerator smaller than its denominator); anything else is left to `amount`. */
  private fraction(i: number): number {
    const sep = this.tokens[i + 1]!;
    const b = this.tokens[i + 2];
    // "24/7": around the clock.
    if (this.tokens[i]!.text === '24' && sep.text === '/' && b?.text === '7' && touching(this.tokens, i + 2) && !touching(this.tokens, i + 3, true)) return i + 3;
    if (sep.text !== '/' || !b || b.type !== 'num' || !touching(this.tokens, i + 2) || touching(this.tokens, i + 3) && this.tokens[i + 3]?.type !== 'punct') return i;
    const [n, d] = [Number(this.tokens[i]!.text), Number(b.text)];
    if (!(n < d && d <= 100)) return i;
    this.emit(this.quantity(i, i + 3, { kind: 'fraction', value: n / d }, { bare: [n, d] }));
    return i + 3;
  }

  /** "10:30", "10:30 a.m.", "3 p.m.", "3pm", "3 o'clock". */
  private time(i: number): number {
    const hour = Number(this.tokens[i]!.text);
    if (hour > 24 || this.tokens[i]!.text.length > 2) return i;
    let j = i + 1;
    let minute = 0;
    let clock = false;
    if (this.tokens[j]?.text === ':' && touching(this.tokens, j) && this.tokens[j + 1]?.type === 'num' && touching(this.tokens, j + 1) && this.tokens[j + 1]!.text.length === 2) {
      minute = Number(this.tokens[j + 1]!.text);
      if (minute >= 60) return i;
      j += 2;
      clock = true;
    } else if (
      // "7.30am", "1.15 p.m.": the British dot, a time only before a.m./p.m. (else "7.30" is a decimal)
      this.tokens[j]?.text === '.' && touching(this.tokens, j) && this.tokens[j + 1]?.type === 'num' && touching(this.tokens, j + 1) &&
      this.tokens[j + 1]!.text.length === 2 && Number(this.tokens[j + 1]!.text) < 60 && hour <= 12 && this.meridiem(j + 2)
    ) {
      minute = Number(this.tokens[j + 1]!.text);
      j += 2;
    }
    const meridiem = this.meridiem(j);
    if (meridiem) {
      let h = hour % 12;
      if (meridiem.pm) h += 12;
      this.emit(this.quantity(i, meridiem.next, { kind: 'time', value: h * 60 + minute }, { bare: [hour, ...(minute ? [minute] : [])] }));
      return meridiem.next;
    }
    if (this.spacedKey(j) === 'o' && (this.tokens[j + 1]?.text === "'" || this.tokens[j + 1]?.text === '\u2019') && this.key(j + 2) === 'clock') {
      this.emit(this.quantity(i, j + 3, { kind: 'time', value: hour * 60 }, { bare: [hour], also: hour < 12 ? [{ kind: 'time', value: (hour + 12) * 60 }] : [] }));
      return j + 3;
    }
    if (!clock) return i;
    this.emit(this.quantity(i, j, { kind: 'time', value: (hour % 24) * 60 + minute }, { bare: [hour, minute] }));
    return j;
  }

  /** The token after "basis point(s)" at token j, spaced or hyphenated ("25-basis-point"), else j. */
  private basisPoints(j: number): number {
    const joined = (k: number): boolean => this.tokens[k]?.text === '-' && touching(this.tokens, k) && touching(this.tokens, k + 1);
    let k = j;
    if (joined(k)) k++;
    else if (this.tokens[k]?.gap !== Gap.Space) return j;
    if (this.key(k) !== 'basis') return j;
    k++;
    if (joined(k)) k++;
    else if (this.tokens[k]?.gap !== Gap.Space) return j;
    return this.key(k) === 'point' || this.key(k) === 'points' ? k + 1 : j;
  }

  /** "a.m.", "p.m.", "am", "pm" at token j (spaced or attached). */
  private meridiem(j: number): { pm: boolean; next: number } | undefined {
    const t = this.tokens[j];
    if (!t || t.gap === Gap.Break) return undefined;
    if (t.key === 'am' || t.key === 'pm') return { pm: t.key === 'pm', next: j + 1 };
    if ((t.key === 'a' || t.key === 'p') && this.tokens[j + 1]?.text === '.' && this.key(j + 2) === 'm' && touching(this.tokens, j + 2)) {
      const next = this.tokens[j + 3]?.text === '.' && touching(this.tokens, j + 3) ? j + 4 : j + 3;
      return { pm: t.key === 'p', next };
    }
    return undefined;
  }

  /** "1990s", "the '90s" (`from` is the apostrophe when there is one). */
  private decade(i: number, from = i): number {
    const t = this.tokens[i];
    const s = this.tokens[i + 1];
    if (!t || t.type !== 'num' || !s || s.key !== 's' || !touching(this.tokens, i + 1)) return from;
    if (touching(this.tokens, i + 2) && this.tokens[i + 2]?.type !== 'punct') return from;
    const value = Number(t.text);
    if (value % 10 !== 0 || (t.text.length !== 4 && !(t.text.length === 2 && from < i))) return from;
    this.emit(this.quantity(from, i + 2, { kind: 'decade', value: decadeYear(value) }, { bare: [value] }));
    return i + 2;
  }

  /** "21st", "3rd", and what it ranks: "21st century", "third quarter". */
  private digitOrdinal(i: number): number {
    const suffix = this.tokens[i + 1];
    if (!suffix || !touching(this.tokens, i + 1) || !ORDINAL_SUFFIXES.has(suffix.key)) return i;
    if (touching(this.tokens, i + 2) && this.tokens[i + 2]?.type !== 'punct') return i;
    return this.ranked(i, i + 2, Number(this.tokens[i]!.text), false);
  }

  /** An ordinal over tokens [i, next), or the century or quarter it ranks. */
  private ranked(i: number, next: number, value: number, words: boolean): number {
    const after = this.tokens[next];
    const followedBy = (word: string): boolean =>
      after !== undefined && after.gap !== Gap.Break && (after.key === word || (after.text === '-' && touching(this.tokens, next) && this.key(next + 1) === word));
    const span = (word: string): number => (after!.key === word ? next + 1 : next + 2);
    if (followedBy('century') || followedBy('centuries')) {
      const end = span(after!.key === 'centuries' || this.key(next + 1) === 'centuries' ? 'centuries' : 'century');
      this.emit(this.quantity(i, end, { kind: 'century', value }, { words, bare: words ? [] : [value] }));
      return end;
    }
    if (value >= 1 && value <= 4 && followedBy('quarter')) {
      const end = span('quarter');
      this.emit(this.quantity(i, end, { kind: 'quarter', value }, { words, bare: words ? [] : [value] }));
      return end;
    }
    // "the 50th anniversary" translates "kỷ niệm 50 năm"; "1st" may stand for "số 1".
    const asCount = !words || followedBy('anniversary');
    this.emit(this.quantity(i, next, { kind: 'ordinal', value }, { words, weak: value === 1 && words, bare: words ? [] : [value], also: asCount ? [{ kind: 'number', value }] : [] }));
    return next;
  }

  /** "third", "twenty-first", "hundredth". */
  private wordOrdinal(i: number): number {
    const t = this.tokens[i]!;
    let value = ORDINAL_UNITS[t.key];
    let next = i + 1;
    if (value === undefined && TENS[t.key] !== undefined && (this.tokens[i + 1]?.text === '-' || this.tokens[i + 1]?.gap === Gap.Space)) {
      const unitAt = this.tokens[i + 1]?.text === '-' ? i + 2 : i + 1;
      const unit = ORDINAL_UNITS[this.key(unitAt) ?? ''];
      if (unit !== undefined && unit < 10 && this.tokens[unitAt]!.gap !== Gap.Break) {
        value = TENS[t.key]! + unit;
        next = unitAt + 1;
      }
    }
    if (value === undefined) return i;
    // "a third of", "two-thirds" are fractions, read by `amount`.
    if (value <= 10 && FRACTION_DENOMINATORS[t.key] !== undefined && (this.key(i - 1) === 'a' || this.key(i - 1) === 'one' || this.tokens[i - 1]?.text === '-') && this.spacedKey(next) === 'of') return i;
    return this.ranked(i, next, value, true);
  }

  /** "dozens", "hundreds of thousands", "several hundred", "tens of millions of dollars". */
  private vague(i: number): number {
    let j = i;
    let magnitude: number | undefined;
    const few = matchPhrase(this.tokens, i, FEW);
    if (few && VAGUE_SINGULAR[this.key(few.next) ?? ''] !== undefined && this.tokens[few.next]!.gap === Gap.Space) {
      magnitude = VAGUE_SINGULAR[this.key(few.next)!]!;
      j = few.next + 1;
    } else if (VAGUE[this.tokens[i]!.key] !== undefined && (this.tokens[i]!.key !== 'tens' || this.spacedKey(i + 1) === 'of')) {
      magnitude = VAGUE[this.tokens[i]!.key]!;
      j = i + 1;
    }
    if (magnitude === undefined) return i;
    // "hundreds of thousands", "tens of millions"
    while (this.spacedKey(j) === 'of' && VAGUE[this.spacedKey(j + 1) ?? ''] !== undefined && this.key(j + 1) !== 'dozens') {
      magnitude *= VAGUE[this.key(j + 1)!]!;
      j += 2;
    }
    if (magnitude === 10 && this.key(i) === 'tens') return i; // "tens of" alone is not an amount
    let currency: readonly string[] | undefined;
    const ofMoney = this.spacedKey(j) === 'of' ? matchPhrase(this.tokens, j + 1, CURRENCY_WORDS) : undefined;
    const money = ofMoney ?? (this.tokens[j]?.gap === Gap.Space ? matchPhrase(this.tokens, j, CURRENCY_WORDS) : undefined);
    if (money && this.tokens[ofMoney ? j + 1 : j]!.type === 'word') {
      currency = money.value;
      j = money.next;
    }
    this.emit(this.quantity(i, j, { kind: 'approximate', value: magnitude, ...(currency ? { currency: currency[0]! } : {}) }, { words: true }));
    return j;
  }

  /**
   * A count or amount: [currency symbol] digits or number words [scale words] [currency | % |
   * percent | percentage points]; "two-thirds" is a fraction.
   */
  private amount(i: number): number {
    let j = i;
    let currencies: readonly string[] | undefined;
    const prefix = matchPhrase(this.tokens, i, CURRENCY_SYMBOLS);
    if (prefix && this.tokens[prefix.next] && this.tokens[prefix.next]!.gap !== Gap.Break) {
      const after = this.tokens[prefix.next]!;
      if (after.type === 'num' || (after.type === 'word' && (UNITS[after.key] !== undefined || TENS[after.key] !== undefined))) {
        currencies = prefix.value;
        j = prefix.next;
      }
    }
    const t = this.tokens[j];
    if (!t) return i + 1;
    let value: number;
    let next: number;
    let words = false;
    let weak = false;
    let plain = false;
    if (t.type === 'num') {
      const numeral = readNumeral(this.tokens, j, 'en');
      if (!numeral) return i + 1;
      ({ value, next, plain } = numeral);
    } else {
      const read = this.wordNumber(j);
      if (!read) return i + 1;
      ({ value, next, weak } = read);
      words = true;
      const fraction = this.fractionWords(j, value, next);
      if (fraction > next) return fraction;
      // "two-sided", "three-way": a kind of thing, not a count of them.
      if (this.tokens[next]?.text === '-' && touching(this.tokens, next) && touching(this.tokens, next + 1) && (this.key(next + 1) === 'sided' || this.key(next + 1) === 'way')) weak = true;
    }
    // "two decades of cooperation" for "20 năm hợp tác".
    if (!currencies && (this.spacedKey(next) === 'decades' || this.spacedKey(next) === 'decade') && value > 1 && value < 20) {
      this.emit(this.quantity(i, next + 1, { kind: 'number', value: value * 10 }, { words, bare: words ? [] : [value] }));
      return next + 1;
    }
    const raw = value;
    let scale = 1;
    if (!words) {
      // "2.4 billion", "2,400 million", "2.4bn", "$300m", "1.5 trillion"
      let k = next;
      while (this.tokens[k] && this.tokens[k]!.gap !== Gap.Break) {
        const s = this.tokens[k]!;
        const full = s.gap === Gap.Space ? SCALES[s.key] : undefined;
        const abbreviation = SCALE_ABBREVIATIONS[s.key];
        // "$2.4bn." ends a sentence: a mark after the abbreviation is no letter of a longer word.
        const short = abbreviation !== undefined && (s.key.length > 1 || currencies !== undefined) && !touching(this.tokens, k + 1, true) ? abbreviation : undefined;
        const factor = full ?? (s.gap === Gap.None || s.gap === Gap.Space ? short : undefined);
        if (factor === undefined || (full === undefined && k !== next)) break;
        scale *= factor;
        k++;
      }
      if (scale > 1) {
        value *= scale;
        next = k;
        plain = false;
      }
    }
    let reading: QuantityReading = { kind: 'number', value };
    const after = this.tokens[next];
    if (after && after.text === '%' && after.gap !== Gap.Break) {
      reading = { kind: 'percent', value };
      next++;
    } else if (this.spacedKey(next) === 'percent' || this.spacedKey(next) === 'pct') {
      reading = { kind: 'percent', value };
      next++;
    } else if (this.spacedKey(next) === 'per' && this.spacedKey(next + 1) === 'cent') {
      reading = { kind: 'percent', value };
      next += 2;
    } else if (this.spacedKey(next) === 'percentage' && (this.spacedKey(next + 1) === 'point' || this.spacedKey(next + 1) === 'points')) {
      reading = { kind: 'percentage-point', value };
      next += 2;
    } else if (this.basisPoints(next) > next) {
      // "25 basis points", "a 25-basis-point cut": hundredths of a percentage point ("0,25 điểm phần trăm")
      reading = { kind: 'percentage-point', value: value / 100 };
      next = this.basisPoints(next);
    } else if (!currencies && after && after.gap === Gap.Space) {
      const money = matchPhrase(this.tokens, next, CURRENCY_WORDS);
      const isWon = after.key === 'won';
      if (money && (after.type === 'word' || after.text === '$') && !(isWon && (words || scale === 1 && value < 100))) {
        currencies = money.value;
        next = money.next;
      }
    }
    const also: QuantityReading[] = [];
    if (currencies) {
      reading = { kind: 'money', value, currency: currencies[0]! };
      for (const c of currencies.slice(1)) also.push({ kind: 'money', value, currency: c });
    }
    const year = reading.kind === 'number' ? yearReading(value, plain) : undefined;
    if (year) also.push(year);
    this.emit(this.quantity(i, next, reading, { words, weak, bare: words ? [] : [raw], also }), { raw, scale });
    return next;
  }

  /** "two-thirds", "one third of", "a quarter of" after a number word read up to `next`. */
  private fractionWords(j: number, value: number, next: number): number {
    const joinedByHyphen = this.tokens[next]?.text === '-' && touching(this.tokens, next) && touching(this.tokens, next + 1);
    const at = joinedByHyphen ? next + 1 : next;
    const denominator = FRACTION_DENOMINATORS[this.key(at) ?? ''];
    if (denominator === undefined || (!joinedByHyphen && this.tokens[at]?.gap !== Gap.Space)) return next;
    const plural = (this.key(at) ?? '').endsWith('s');
    if (value > 1 && !plural) return next;
    if (value === 1 && !joinedByHyphen && this.spacedKey(at + 1) !== 'of') return next;
    if (value >= denominator) return next;
    this.emit(this.quantity(j, at + 1, { kind: 'fraction', value: value / denominator }, { words: true }));
    return at + 1;
  }

  /**
   * Number words from token i: "two", "twenty-five", "four hundred", "two hundred and fifty",
   * "three thousand", "a hundred", "a dozen", "two dozen". "one" alone is weak; "a" counts only
   * before a scale word.
   */
  private wordNumber(i: number): { value: number; next: number; weak: boolean } | undefined {
    const tokens = this.tokens;
    const first = tokens[i]!;
    const startsWithA = first.key === 'a' || first.key === 'an';
    if (!startsWithA && UNITS[first.key] === undefined && TENS[first.key] === undefined) return undefined;
    let total = 0;
    let group = 0;
    let count = 0;
    let j = i;
    let last: 'unit' | 'tens' | 'hundred' | 'scale' | 'a' | undefined;
    for (; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (t.type === 'punct') {
        // "twenty-five": a hyphen between tens and a unit
        if (t.text === '-' && last === 'tens' && touching(tokens, j) && touching(tokens, j + 1) && UNITS[tokens[j + 1]?.key ?? ''] !== undefined && UNITS[tokens[j + 1]!.key]! < 10) continue;
        break;
      }
      if (j > i && t.gap !== Gap.Space && tokens[j - 1]?.text !== '-') break;
      if (t.type !== 'word') break;
      const k = t.key;
      if (j === i && startsWithA) {
        last = 'a';
        continue;
      }
      if (k === 'and' && last === 'hundred' && (UNITS[tokens[j + 1]?.key ?? ''] !== undefined || TENS[tokens[j + 1]?.key ?? ''] !== undefined)) continue;
      if (UNITS[k] !== undefined && last !== 'unit' && last !== 'a' && !(last === 'tens' && UNITS[k]! >= 10)) {
        group += UNITS[k]!;
        last = 'unit';
      } else if (TENS[k] !== undefined && last !== 'unit' && last !== 'tens' && last !== 'a') {
        group += TENS[k]!;
        last = 'tens';
      } else if (k === 'hundred' && (last === 'unit' || last === 'a') && group < 10) {
        group = (last === 'a' ? 1 : group) * 100;
        last = 'hundred';
      } else if (k === 'dozen' && (last === 'unit' || last === 'a')) {
        group = (last === 'a' ? 1 : group) * 12;
        last = 'scale';
      } else if (SCALES[k] !== undefined && last !== undefined && last !== 'scale') {
        const v = last === 'a' ? 1 : group;
        total += v * SCALES[k]!;
        group = 0;
        last = 'scale';
      } else {
        break;
      }
      count++;
    }
    if (count === 0 || last === 'a') return undefined;
    let end = j;
    if (tokens[end - 1]?.key === 'and') end--;
    const value = total + group;
    const weak = value === 1 && count === 1;
    return { value, next: end, weak };
  }
}
