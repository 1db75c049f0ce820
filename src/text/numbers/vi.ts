/**
 * Reads the numbers, amounts, percentages, dates and counts of Vietnamese text, by value.
 *
 * Vietnamese conventions: "." groups thousands and "," is the decimal mark ("1.000", "2,4");
 * scale words nghìn/ngàn, triệu, tỷ/tỉ multiply and combine ("6.800 tỷ" = 6.8 × 10¹², "1,5 nghìn
 * tỷ"); dates put the day first ("ngày 10 tháng 4 năm 2024", "10/4/2024", "tháng 8/2023"); number
 * words are read where they are numbers ("hai mươi lăm" = 25) and not where a word only looks like
 * one: "tỷ lệ" is a rate, "năm" is a year unless it counts something, "một số" is "some" (weak),
 * "Ba Lan" is Poland. Words are compared folded (NFC or NFD, old or new tone placement, y/i).
 * Linear in the text.
 */
import { foldSyllable } from '../vietnamese.js';
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

/** Digit words, by folded key. "tư", "lăm"/"nhăm", "mốt", "không" and "năm" need context (see `digitAt`). */
const DIGITS: Readonly<Record<string, number>> = {
  'không': 0, 'một': 1, 'mốt': 1, 'hai': 2, 'ba': 3, 'bốn': 4, 'tư': 4, 'năm': 5, 'lăm': 5, 'nhăm': 5,
  'sáu': 6, 'bảy': 7, 'bẩy': 7, 'tám': 8, 'chín': 9,
};
/** Scale words; "tỷ"/"tỉ" fold to "tỉ". */
const SCALES: Readonly<Record<string, number>> = { 'nghìn': 1e3, 'ngàn': 1e3, 'vạn': 1e4, 'triệu': 1e6, 'tỉ': 1e9 };
/** Syllables after which a scale word is part of another word ("tỷ lệ" rate, "triệu tập" convene, "tỷ phú" billionaire). */
const NOT_SCALE_AFTER: Readonly<Record<string, ReadonlySet<string>>> = {
  'tỉ': new Set(['lệ', 'giá', 'số', 'trọng', 'mỉ', 'phú', 'suất']),
  'triệu': new Set(['tập', 'chứng', 'hồi', 'phú', 'triệu']),
  'vạn': new Set(['vật', 'sự', 'lí', 'tuế', 'nhất']),
};
/** Syllables after which a digit word is part of another word or a name ("ba lô", "Ba Lan", "tám chuyện", "chín chắn"). */
const NOT_DIGIT_AFTER: Readonly<Record<string, ReadonlySet<string>>> = {
  'ba': new Set(['lô', 'hoa', 'phải', 'gác', 'toong', 'láp', 'má', 'mẹ', 'lan', 'tư', 'đình', 'vì', 'na', 'tơ', 'ba', 'tôi', 'em']),
  'tám': new Set(['chuyện']),
  'chín': new Set(['chắn', 'muồi', 'mọng', 'rộ', 'nẫu', 'ép']),
  'hai': new Set(['bà']),
  'năm': new Set(['căn']),
  'bảy': new Set(['núi']),
};
/** What "năm" counts when it is "five" ("năm tàu" five ships); anywhere else it is "year". */
const COUNTED = new Set([
  'người', 'chiếc', 'con', 'cái', 'tàu', 'máy', 'nước', 'quốc', 'lần', 'ngày', 'tuần', 'giờ', 'phút', 'quả', 'khẩu', 'tên',
  'binh', 'chuyến', 'cuộc', 'đợt', 'vòng', 'bên', 'tỉnh', 'thành', 'nhóm', 'đơn', 'hệ', 'dự', 'trụ', 'căn', 'trận', 'phiên',
  'vụ', 'km', 'tấn', 'mét', 'đội', 'lữ', 'sư', 'tiểu', 'hạm', 'phi', 'điểm', 'bước', 'chương', 'điều', 'khoản', 'quân', 'sĩ',
  'vị', 'tổ', 'sân', 'cảng', 'đảo', 'tỉ', 'triệu', 'nghìn', 'ngàn', 'trăm', 'mươi', 'chục',
]);
/** Nouns a digit word after them numbers, as "Part two" does: "Phần hai:", "Điều ba.", "Chương mười". */
const LABEL_NOUNS = new Set(['phần', 'mục', 'điều', 'chương', 'khoản', 'bài', 'câu', 'tập', 'số']);
/** Words before "năm" that make it "year" whatever follows ("là năm bản lề", "mỗi năm", "cuối năm"). */
const YEAR_AFTER = new Set(['là', 'của', 'mỗi', 'hàng', 'các', 'những', 'cuối', 'đầu', 'giữa', 'cả', 'suốt', 'sang', 'một', 'nhiều', 'vài', 'mấy', 'quanh']);
/** Words that make "thứ Hai"… a weekday rather than an ordinal. */
const WEEKDAY_CONTEXT = new Set(['hôm', 'sáng', 'chiều', 'tối', 'trưa', 'đêm', 'vào', 'rạng', 'khuya', 'từ', 'đến', 'tới', 'và']);
/** Words before a "d/m" that make it a date ("ngày 10/4", "sáng 10/4", "(10/4)"). */
const DATE_CONTEXT = new Set(['ngày', 'hôm', 'sáng', 'chiều', 'tối', 'trưa', 'đêm', 'rạng', 'khuya', 'từ', 'đến', 'tới', 'trước', 'sau', 'và', 'nhật']);
/** Weekday number by the word after "thứ" (2 = Monday … 7 = Saturday in Vietnamese; mapped to 1–6). */
const WEEKDAY_WORDS: Readonly<Record<string, number>> = { 'hai': 1, 'ba': 2, 'tư': 3, 'năm': 4, 'sáu': 5, 'bảy': 6, 'bẩy': 6 };
/** Month names after "tháng". */
const MONTH_WORDS = phraseTable<number>([
  ['giêng', 1], ['một', 1], ['hai', 2], ['ba', 3], ['tư', 4], ['bốn', 4], ['năm', 5], ['sáu', 6], ['bảy', 7], ['bẩy', 7],
  ['tám', 8], ['chín', 9], ['mười', 10], ['mười một', 11], ['mười hai', 12], ['chạp', 12],
]);
/** Currencies written after an amount. "đồng" and "yên" only when the next word does not make them another word. */
const CURRENCY_WORDS = phraseTable<readonly string[]>([
  ...CURRENCY_CODES,
  ['đô', ['USD']], ['đô la', ['USD']], ['đô - la', ['USD']], ['đôla', ['USD']], ['đô la mĩ', ['USD']], ['đô - la mĩ', ['USD']],
  ['đôla mĩ', ['USD']], ['đô mĩ', ['USD']], ['usd', ['USD']],
  ['đô la úc', ['AUD']], ['đô la singapore', ['SGD']], ['đô la canada', ['CAD']], ['đô la hồng kông', ['HKD']], ['đô la đài loan', ['TWD']],
  ['yên', ['JPY']], ['yên nhật', ['JPY']],
  ['đồng', ['VND']], ['vnđ', ['VND']], ['đ', ['VND']],
  ['euro', ['EUR']], ['ơ - rô', ['EUR']],
  ['nhân dân tệ', ['CNY']], ['ndt', ['CNY']],
  ['won', ['KRW']], ['won hàn quốc', ['KRW']],
  ['bảng anh', ['GBP']],
  ['rúp', ['RUB']], ['rúp nga', ['RUB']],
  ['rupee', ['INR']], ['rupee ấn độ', ['INR']],
  ['baht', ['THB']], ['bạt', ['THB']], ['baht thái', ['THB']],
  ['ringgit', ['MYR']],
]);
const NOT_CURRENCY_AFTER: Readonly<Record<string, ReadonlySet<string>>> = {
  'đồng': new Set(['minh', 'thời', 'ý', 'chí', 'bộ', 'nghiệp', 'hồ', 'bào', 'đội', 'tình', 'loạt', 'nhất', 'phục', 'thuận', 'sáng', 'lập', 'hương', 'nghĩa', 'dạng', 'đều', 'cảm', 'hành', 'tâm', 'bằng', 'ruộng', 'quê', 'tiền', 'cỏ', 'bào', 'hóa', 'tác', 'sở', 'chủ', 'phạm', 'môn', 'niên', 'khởi', 'trinh']),
  'yên': new Set(['bình', 'tâm', 'ổn', 'tĩnh', 'lặng', 'ả', 'vui', 'ngựa', 'bái', 'lành']),
};
/** Words making an amount approximate: "hàng trăm", "vài nghìn", "mấy chục". */
const APPROXIMATE = new Set(['hàng', 'vài', 'mấy', 'dăm']);
/** What joins the two ends of a range ("2–3 tỷ", "từ 10 đến 15%"). */
const RANGE_CONNECTORS = new Set(['-', '–', '—', 'đến', 'tới', 'hoặc', 'hay', 'và', 'đến khoảng']);
/** "chục" and "trăm" as magnitudes of an approximate amount. */
const MAGNITUDES: Readonly<Record<string, number>> = { 'chục': 10, 'trăm': 100, ...SCALES };
/** Parts of the day after an hour, and the hours they shift ("3 giờ chiều" = 15:00). */
const DAY_PARTS: Readonly<Record<string, 'am' | 'pm' | 'night'>> = { 'sáng': 'am', 'sớm': 'am', 'trưa': 'pm', 'chiều': 'pm', 'tối': 'pm', 'đêm': 'night' };
/** Letter suffixes after digits that are units, not the letters of a name ("300km", "15h"). */
const UNIT_SUFFIXES = new Set(['km', 'm', 'cm', 'mm', 'kg', 'g', 't', 'ha', 'h', 'đ', 'mw', 'kw', 'gw', 'kt', 'hz', 'ghz', 'mhz', 'l']);

const folding: Folding = { fold: foldSyllable, foldsY: true };

/** Words that may start a quantity (the rest can only be the letters of a name such as "F-35"). */
const VI_TRIGGERS = new Set<string>([
  ...Object.keys(DIGITS), 'mười', 'ngày', 'tháng', 'năm', 'thứ', 'chủ', 'thế', 'thập', 'những', 'quí', 'khóa', 'đại', 'đầu', 'nửa', 'đôi',
  ...APPROXIMATE, ...[...CURRENCY_SYMBOLS.keys()],
]);
/** The trigger words as a test on letters, so that most words are passed over unfolded and uncopied. */
const STARTERS = starters(VI_TRIGGERS);

/**
 * Every quantity of `text` between `start` and `end` (offsets into `text`), in text order.
 * Quantities holding an "XNUMX" placeholder, or a date whose parts are scrambled ("tháng 2023
 * năm 3"), are marked `corrupted`.
 * @example readVietnameseQuantities('Ngày 10/4/2024, Nhật Bản mua 400 tên lửa trị giá 2,4 tỷ USD.')
 * // date 10 April 2024, number 400, money 2.4e9 USD
 */
export function readVietnameseQuantities(text: string, start = 0, end = text.length): Quantity[] {
  return new ViReader(text, tokenize(text, start, end, folding, STARTERS)).read();
}

class ViReader extends QuantityScanner {
  private readonly titleCase: boolean;

  constructor(text: string, tokens: Token[]) {
    super(text, tokens, RANGE_CONNECTORS);
    let words = 0;
    let upper = 0;
    for (const t of tokens) {
      if (t.type !== 'word') continue;
      words++;
      if (t.upper) upper++;
    }
    // A title in Title Case ("Hai Nước Ký Thỏa Thuận") says nothing by its capitals.
    this.titleCase = words >= 4 && upper / words > 0.7;
  }

  private emit(found: FoundQuantity): void {
    this.out.push(found);
  }

  /** Tries every form at token i; returns the index after what was read (i when nothing was). */
  protected readAt(i: number): number {
    const t = this.tokens[i]!;
    if (t.type === 'word') {
      // Most words start nothing: only a trigger word, or letters glued to a name's digits, can.
      if (!(t.mayStart && VI_TRIGGERS.has(t.key)) && !touching(this.tokens, i + 1) && !isPlaceholder(this.tokens, i)) return i + 1;
      switch (t.key) {
        case 'ngày':
          return this.dayDate(i + 1, i);
        case 'tháng':
          return this.previousCounts(i) ? i + 1 : this.monthDate(i + 1, i, {});
        case 'năm':
          return this.yearOrFive(i);
        case 'thứ':
          return this.ordinal(i);
        case 'chủ':
          return this.sunday(i);
        case 'thế':
          return this.century(i);
        case 'thập':
          return this.decade(i, i + 2, this.key(i + 1) === 'niên' || this.key(i + 1) === 'kỉ');
        case 'những':
          return this.key(i + 1) === 'năm' && this.tokens[i + 2]?.type === 'num' ? this.decade(i, i + 2, true, true) : i + 1;
        case 'quí': // "quý", folded to i
          return this.quarter(i);
        case 'khóa':
        case 'đại':
          return this.rankAfter(i);
        case 'đầu':
          if (this.spacedKey(i + 1) === 'tiên') {
            this.emit({ q: this.quantity(i, i + 2, { kind: 'ordinal', value: 1 }, { words: true, weak: true }) });
            return i + 2;
          }
          return i + 1;
        case 'nửa':
          this.emit({ q: this.quantity(i, i + 1, { kind: 'fraction', value: 0.5 }, { words: true, weak: true }) });
          return i + 1;
        case 'đôi':
          this.emit({ q: this.quantity(i, i + 1, { kind: 'number', value: 2 }, { words: true, weak: true }) });
          return i + 1;
        default:
          if (APPROXIMATE.has(t.key)) {
            const next = this.approximate(i);
            if (next > i) return next;
          }
          {
            const code = this.code(i);
            if (code > i) return code;
          }
          if (isPlaceholder(this.tokens, i)) {
            // A number the pipeline replaced: "XNUMX tên lửa".
            this.emit({ q: this.quantity(i, i + 1, { kind: 'number', value: Number.NaN }, { corrupted: 'placeholder' }) });
            return i + 1;
          }
          return this.amount(i);
      }
    }
    if (t.type === 'num') {
      const date = this.numericDate(i);
      if (date > i) return date;
      const time = this.time(i);
      if (time > i) return time;
      const code = this.code(i);
      if (code > i) return code;
      return this.amount(i);
    }
    // Currency symbols before an amount: "$2,4 tỷ", "US$".
    return this.amount(i);
  }

  /** Whether the word before token i is a number, so that token i is a unit ("ba tháng", "2 năm"). */
  private previousCounts(i: number): boolean {
    const prev = this.tokens[i - 1];
    if (!prev || this.tokens[i]!.gap !== Gap.Space) return false;
    if (prev.type === 'num') return true;
    return prev.type === 'word' && (prev.key in DIGITS || prev.key === 'mười' || prev.key === 'mươi' || prev.key in SCALES || prev.key === 'trăm' || prev.key === 'chục' || prev.key === 'nhiều' || prev.key === 'vài' || prev.key === 'mấy' || prev.key === 'mỗi' || prev.key === 'hàng' || prev.key === 'các' || prev.key === 'những');
  }

  /** A numeric atom at token i: digits (with separators) or a placeholder. */
  private atom(i: number): { value: number; next: number; placeholder: boolean } | undefined {
    const t = this.tokens[i];
    if (!t || t.gap === Gap.Break) return undefined;
    if (isPlaceholder(this.tokens, i)) return { value: Number.NaN, next: i + 1, placeholder: true };
    if (t.type !== 'num') return undefined;
    return { value: Number(t.text), next: i + 1, placeholder: false };
  }

  /** "ngày D", "ngày D tháng M [năm Y]", "ngày D/M[/Y]"; `from` is the "ngày" token. */
  private dayDate(i: number, from: number): number {
    if (this.tokens[i]?.gap !== Gap.Space) return from + 1;
    const day = this.atom(i);
    if (!day || (!day.placeholder && (day.value < 1 || day.value > 31 || !Number.isInteger(day.value)))) return from + 1;
    return this.afterDay(day, i, from);
  }

  /** What follows a day: "tháng M…", "/M/Y", or nothing. */
  private afterDay(day: { value: number; next: number; placeholder: boolean }, dayAt: number, from: number): number {
    const date: DateValue = {};
    const bare: number[] = [];
    let placeholder = day.placeholder;
    if (day.placeholder) (date.unknown ??= []).push('day');
    else {
      date.day = day.value;
      bare.push(day.value);
    }
    let j = day.next;
    if (this.spacedKey(j) === 'tháng') return this.monthDate(j + 1, from, date, bare, placeholder);
    const sep = this.tokens[j];
    const lastDay = this.sharedMonthDay(day, j);
    if (lastDay) {
      // "ngày 8-9/11/2024": days 8 and 9 of one month; the first day takes the month and year from
      // the second when ranges are completed.
      this.emitDate(from, j, date, bare, placeholder);
      return this.afterDay(lastDay, j + 1, j + 1);
    }
    if (sep && sep.type === 'punct' && (sep.text === '/' || sep.text === '-' || sep.text === '.') && sep.gap === Gap.None && touching(this.tokens, j + 1)) {
      const month = this.atom(j + 1);
      if (month && (month.placeholder || (month.value >= 1 && month.value <= 12))) {
        if (month.placeholder) {
          (date.unknown ??= []).push('month');
          placeholder = true;
        } else {
          date.month = month.value;
          bare.push(month.value);
        }
        j = month.next;
        const sep2 = this.tokens[j];
        if (sep2 && sep2.text === sep.text && sep2.gap === Gap.None && touching(this.tokens, j + 1)) {
          const year = this.atom(j + 1);
          if (year) {
            j = this.setYear(date, bare, year);
            placeholder ||= year.placeholder;
          }
        }
      }
    }
    this.emitDate(from, j, date, bare, placeholder);
    return j;
  }

  /**
   * The last day of "D1-D2/M[/Y]", read at the dash `dash` after the first day: a later day, then
   * "/" or "." and a month (as "8-9/11/2024", "8–10.11"), not the month "9" of "8-9".
   */
  private sharedMonthDay(first: { value: number; placeholder: boolean }, dash: number): { value: number; next: number; placeholder: boolean } | undefined {
    const sep = this.tokens[dash];
    if (first.placeholder || !sep || sep.type !== 'punct' || (sep.text !== '-' && sep.text !== '–') || sep.gap !== Gap.None || !touching(this.tokens, dash + 1)) return undefined;
    const last = this.tokens[dash + 1]!;
    const slash = this.tokens[dash + 2];
    const month = this.tokens[dash + 3];
    if (last.type !== 'num' || last.text.length > 2 || !slash || (slash.text !== '/' && slash.text !== '.') || !touching(this.tokens, dash + 2) || !touching(this.tokens, dash + 3)) return undefined;
    const d = Number(last.text);
    const m = Number(month?.text);
    if (month?.type !== 'num' || d <= first.value || d > 31 || !(m >= 1 && m <= 12)) return undefined;
    return { value: d, next: dash + 2, placeholder: false };
  }

  private setYear(date: DateValue, bare: number[], year: { value: number; next: number; placeholder: boolean }): number {
    if (year.placeholder) (date.unknown ??= []).push('year');
    else {
      date.year = year.value < 100 ? 2000 + year.value : year.value;
      bare.push(year.value);
    }
    return year.next;
  }

  private emitDate(from: number, to: number, date: DateValue, bare: number[], placeholder: boolean, scrambled = false): void {
    const corrupted = scrambled ? 'scrambled-date' : placeholder ? 'placeholder' : undefined;
    this.emit({ q: this.quantity(from, to, { kind: 'date', value: 0, date }, { bare, ...(corrupted ? { corrupted } : {}) }) });
  }

  /** After "tháng": a month (digits, placeholder or name), then "/Y", "-Y" or "năm Y". */
  private monthDate(i: number, from: number, date: DateValue, bare: number[] = [], placeholder = false): number {
    if (this.tokens[i]?.gap !== Gap.Space) {
      if (date.day !== undefined || date.unknown) this.emitDate(from, i - 1, date, bare, placeholder);
      return i;
    }
    let j: number;
    let scrambled = false;
    const atom = this.atom(i);
    if (atom) {
      if (atom.placeholder) {
        (date.unknown ??= []).push('month');
        placeholder = true;
      } else if (atom.value >= 1 && atom.value <= 12 && Number.isInteger(atom.value)) {
        date.month = atom.value;
        bare.push(atom.value);
      } else {
        scrambled = true; // "tháng 2024 năm XNUMX": the parts were shuffled by the pipeline
        bare.push(atom.value);
      }
      j = atom.next;
    } else {
      const named = matchPhrase(this.tokens, i, MONTH_WORDS);
      if (!named) {
        if (date.day !== undefined || date.unknown) this.emitDate(from, i - 1, date, bare, placeholder);
        return i;
      }
      date.month = named.value;
      j = named.next;
    }
    const sep = this.tokens[j];
    if (sep && sep.type === 'punct' && (sep.text === '/' || sep.text === '-') && sep.gap === Gap.None && this.tokens[j + 1]?.type === 'num' && touching(this.tokens, j + 1)) {
      const year = this.atom(j + 1)!;
      j = this.setYear(date, bare, year);
    } else if (this.spacedKey(j) === 'năm') {
      const year = this.atom(j + 1);
      if (year && this.tokens[j + 1]!.gap === Gap.Space) {
        j = this.setYear(date, bare, year);
        placeholder ||= year.placeholder;
        if (!year.placeholder && year.value < 100 && scrambled) date.year = undefined;
      }
    }
    if (scrambled) {
      delete date.month;
      delete date.year;
    }
    this.emitDate(from, j, date, bare, placeholder, scrambled);
    return j;
  }

  /** "năm 2023" (a year), "năm tàu" (five ships), or "năm" as the word "year". */
  private yearOrFive(i: number): number {
    const next = this.tokens[i + 1];
    if (next && next.gap === Gap.Space && (next.type === 'num' || isPlaceholder(this.tokens, i + 1))) {
      const year = this.atom(i + 1)!;
      const numeral = year.placeholder ? undefined : readNumeral(this.tokens, i + 1, 'vi');
      const value = numeral?.value ?? Number.NaN;
      const end = numeral?.next ?? year.next;
      if (year.placeholder) {
        this.emit({ q: this.quantity(i, end, { kind: 'date', value: 0, date: { unknown: ['year'] } }, { corrupted: 'placeholder' }) });
      } else {
        this.emit({ q: this.quantity(i, end, { kind: 'date', value: 0, date: { year: value } }, { bare: [value], also: [{ kind: 'number', value }] }) });
      }
      return end;
    }
    return this.amount(i);
  }

  /** "thứ ba" (third, or Tuesday), "thứ Hai" (Monday, or second), "thứ 5", "thứ nhất", "lần thứ XIII". */
  private ordinal(i: number): number {
    const j = i + 1;
    const t = this.tokens[j];
    if (!t || t.gap !== Gap.Space) return i + 1;
    if (t.key === 'nhất') {
      this.emit({ q: this.quantity(i, j + 1, { kind: 'ordinal', value: 1 }, { words: true, weak: true }) });
      return j + 1;
    }
    const roman = t.type === 'word' ? romanValue(t.text) : undefined;
    if (roman !== undefined) {
      this.emit({ q: this.quantity(i, j + 1, { kind: 'ordinal', value: roman }, { bare: [roman] }) });
      return j + 1;
    }
    if (t.type === 'num' || isPlaceholder(this.tokens, j)) {
      const atom = this.atom(j)!;
      const also: QuantityReading[] = atom.value >= 2 && atom.value <= 7 ? [{ kind: 'weekday', value: atom.value - 1 }] : [];
      this.emit({ q: this.quantity(i, atom.next, { kind: 'ordinal', value: atom.value }, { bare: atom.placeholder ? [] : [atom.value], also, ...(atom.placeholder ? { corrupted: 'placeholder' } : {}) }) });
      return atom.next;
    }
    const weekday = WEEKDAY_WORDS[t.key];
    const words = this.wordNumber(j, true);
    if (weekday !== undefined && (!words || words.next === j + 1)) {
      const prev = this.tokens[i - 1];
      const asWeekday = t.upper || (prev !== undefined && prev.gap !== Gap.Break && WEEKDAY_CONTEXT.has(prev.key) && this.tokens[i]!.gap === Gap.Space);
      const ordinalValue = t.key === 'tư' ? 4 : DIGITS[t.key]!;
      const primary: QuantityReading = asWeekday ? { kind: 'weekday', value: weekday } : { kind: 'ordinal', value: ordinalValue };
      const other: QuantityReading = asWeekday ? { kind: 'ordinal', value: ordinalValue } : { kind: 'weekday', value: weekday };
      this.emit({ q: this.quantity(i, j + 1, primary, { words: true, also: [other] }) });
      return j + 1;
    }
    if (words) {
      this.emit({ q: this.quantity(i, words.next, { kind: 'ordinal', value: words.value }, { words: true }) });
      return words.next;
    }
    return i + 1;
  }

  /** "Chủ nhật" (Sunday). */
  private sunday(i: number): number {
    if (this.spacedKey(i + 1) !== 'nhật') return this.amount(i);
    this.emit({ q: this.quantity(i, i + 2, { kind: 'weekday', value: 7 }, { words: true }) });
    return i + 2;
  }

  /** "thế kỷ 21", "thế kỷ XXI", "thế kỷ thứ 21". */
  private century(i: number): number {
    if (this.spacedKey(i + 1) !== 'kỉ') return i + 1;
    let j = i + 2;
    if (this.spacedKey(j) === 'thứ') j++;
    const t = this.tokens[j];
    if (!t || t.gap !== Gap.Space) return i + 2;
    const value = t.type === 'num' ? Number(t.text) : romanValue(t.text);
    if (value !== undefined) {
      this.emit({ q: this.quantity(i, j + 1, { kind: 'century', value }, { bare: [value] }) });
      return j + 1;
    }
    const words = this.wordNumber(j, true);
    if (words) {
      this.emit({ q: this.quantity(i, words.next, { kind: 'century', value: words.value }, { words: true }) });
      return words.next;
    }
    return i + 2;
  }

  /** "thập niên 1990", "thập kỷ 90", "những năm 1990"; `at` is the number's token. */
  private decade(i: number, at: number, ok: boolean, plural = false): number {
    const t = this.tokens[at];
    if (!ok || !t || t.type !== 'num' || t.gap !== Gap.Space) return i + 1;
    const value = Number(t.text);
    if (plural && !(value % 10 === 0 && (t.text.length === 2 || t.text.length === 4))) return i + 1; // "những năm 2023 và 2024": years
    this.emit({ q: this.quantity(i, at + 1, { kind: 'decade', value: decadeYear(value) }, { bare: [value] }) });
    return at + 1;
  }

  /** "quý 3", "quý III", "quý hai". */
  private quarter(i: number): number {
    const t = this.tokens[i + 1];
    if (!t || t.gap !== Gap.Space) return i + 1;
    const value = t.type === 'num' ? Number(t.text) : t.type === 'word' ? romanValue(t.text) ?? (t.key === 'tư' ? 4 : t.key === 'một' || t.key === 'hai' || t.key === 'ba' || t.key === 'bốn' ? DIGITS[t.key] : undefined) : undefined;
    if (value === undefined || value < 1 || value > 4) return i + 1;
    this.emit({ q: this.quantity(i, i + 2, { kind: 'quarter', value }, { words: t.type === 'word' && romanValue(t.text) === undefined, bare: t.type === 'num' ? [value] : [] }) });
    // "quý III/2024": the year of the quarter.
    const year = this.tokens[i + 3];
    const yearValue = year?.type === 'num' ? Number(year.text) : Number.NaN;
    const reading = yearReading(yearValue, year?.text.length === 4);
    if (this.tokens[i + 2]?.text === '/' && touching(this.tokens, i + 2) && touching(this.tokens, i + 3) && reading) {
      const q = this.quantity(i + 3, i + 4, { kind: 'number', value: yearValue }, { bare: [yearValue], also: [reading] });
      q.periodYear = true;
      this.emit({ q });
      return i + 4;
    }
    return i + 2;
  }

  /** "khóa XV", "Đại hội XIII": a rank in Roman numerals. */
  private rankAfter(i: number): number {
    let j = i + 1;
    if (this.key(i) === 'đại') {
      if (this.spacedKey(j) !== 'hội') return this.amount(i);
      j++;
    }
    const t = this.tokens[j];
    const value = t && t.gap === Gap.Space && t.type === 'word' ? romanValue(t.text) : undefined;
    if (value === undefined) return j;
    this.emit({ q: this.quantity(j, j + 1, { kind: 'ordinal', value }, { bare: [value] }) });
    return j + 1;
  }

  /** "hàng chục", "vài trăm nghìn", "hàng nghìn tỷ đồng": an order of magnitude. */
  private approximate(i: number): number {
    let j = i + 1;
    let magnitude = 1;
    while (this.tokens[j]?.gap === Gap.Space && MAGNITUDES[this.tokens[j]!.key] !== undefined && !this.notScale(j)) {
      magnitude *= MAGNITUDES[this.tokens[j]!.key]!;
      j++;
    }
    if (j === i + 1) return i;
    const currency = this.currencyAfter(j, true);
    const end = currency?.next ?? j;
    const reading: QuantityReading = { kind: 'approximate', value: magnitude, ...(currency ? { currency: currency.codes[0]! } : {}) };
    this.emit({ q: this.quantity(i, end, reading, { words: true }) });
    return end;
  }

  /** A scale word that is part of another word here ("tỷ lệ"). */
  private notScale(j: number): boolean {
    const after = NOT_SCALE_AFTER[this.tokens[j]!.key];
    const next = this.tokens[j + 1];
    return after !== undefined && next !== undefined && next.gap === Gap.Space && after.has(next.key);
  }

  /** "H giờ [M (phút)] [sáng|chiều…]", "15h", "15h30", "9:30". */
  private time(i: number): number {
    const hour = Number(this.tokens[i]!.text);
    if (!Number.isInteger(hour) || hour > 24) return i;
    let j = i + 1;
    let minute = 0;
    let spoken = false;
    const t = this.tokens[j];
    if (t && t.type === 'word' && t.key === 'giờ' && t.gap === Gap.Space) {
      spoken = true;
      j++;
      const m = this.tokens[j];
      if (m && m.type === 'num' && m.gap === Gap.Space && Number(m.text) < 60) {
        minute = Number(m.text);
        j++;
        if (this.spacedKey(j) === 'phút') j++;
      }
    } else if (t && t.type === 'word' && t.key === 'h' && t.gap === Gap.None) {
      j++;
      const m = this.tokens[j];
      if (m && m.type === 'num' && m.gap === Gap.None && m.text.length === 2 && Number(m.text) < 60) {
        minute = Number(m.text);
        j++;
      }
    } else if (t && t.text === ':' && t.gap === Gap.None && this.tokens[j + 1]?.type === 'num' && this.tokens[j + 1]!.gap === Gap.None && this.tokens[j + 1]!.text.length === 2) {
      minute = Number(this.tokens[j + 1]!.text);
      if (minute >= 60) return i;
      j += 2;
    } else {
      return i;
    }
    let h = hour;
    const part = this.tokens[j] && this.tokens[j]!.gap === Gap.Space ? DAY_PARTS[this.tokens[j]!.key] : undefined;
    if (part) j++;
    if (part === 'pm' && h < 12) h += 12;
    if (part === 'night' && h >= 6 && h < 12) h += 12;
    if (part === 'night' && h === 12) h = 0;
    const also: QuantityReading[] = [];
    if (!part && h >= 1 && h < 12) also.push({ kind: 'time', value: (h + 12) * 60 + minute });
    if (spoken && minute === 0) also.push({ kind: 'number', value: hour });
    this.emit({ q: this.quantity(i, j, { kind: 'time', value: (h % 24) * 60 + minute }, { bare: [hour, ...(minute ? [minute] : [])], also }) });
    return j;
  }

  /** "F-35", "SM-3", "054A", "Block-XNUMX", "Su-30MK2": letters and digits written together, read as a name. */
  private code(i: number): number {
    const found = readCode(this.tokens, i, this.text, UNIT_SUFFIXES);
    if (!found) return i;
    this.emit({ q: found.q });
    return found.next;
  }

  /** "D tháng M", "D/M/Y", "D/M" where the context says it is a date, else a fraction "2/3". */
  private numericDate(i: number): number {
    const t = this.tokens[i]!;
    const d = Number(t.text);
    const dayLike = Number.isInteger(d) && d >= 1 && d <= 31 && t.text.length <= 2;
    if (dayLike && this.spacedKey(i + 1) === 'tháng') {
      const m = this.tokens[i + 2];
      if (m && m.gap === Gap.Space && (isPlaceholder(this.tokens, i + 2) || (m.type === 'num' && Number(m.text) >= 1 && Number(m.text) <= 12) || (m.type === 'word' && matchPhrase(this.tokens, i + 2, MONTH_WORDS)))) {
        return this.afterDay({ value: d, next: i + 1, placeholder: false }, i, i);
      }
      return i;
    }
    const sep = this.tokens[i + 1];
    if (!sep || sep.type !== 'punct' || sep.gap !== Gap.None || !touching(this.tokens, i + 2)) return i;
    const second = this.tokens[i + 2];
    if (!second || (second.type !== 'num' && !isPlaceholder(this.tokens, i + 2))) return i;
    const third = this.tokens[i + 4];
    const hasThird = this.tokens[i + 3]?.text === sep.text && touching(this.tokens, i + 3) && touching(this.tokens, i + 4) && third?.type === 'num';
    const m = Number(second.text);
    const monthLike = isPlaceholder(this.tokens, i + 2) || (m >= 1 && m <= 12 && second.text.length <= 2);
    if ((sep.text === '/' || sep.text === '-' || sep.text === '.') && dayLike && monthLike && hasThird && (third!.text.length === 4 || third!.text.length === 2)) {
      return this.afterDay({ value: d, next: i + 1, placeholder: false }, i, i);
    }
    if (sep.text !== '/' || hasThird) return i;
    const prev = this.tokens[i - 1];
    const inContext = prev !== undefined && t.gap !== Gap.Break && (DATE_CONTEXT.has(prev.key) || prev.text === '(' || WEEKDAY_WORDS[prev.key] !== undefined);
    if (dayLike && monthLike && inContext) return this.afterDay({ value: d, next: i + 1, placeholder: false }, i, i);
    const after = this.tokens[i + 3];
    const ends = !after || after.gap !== Gap.None || (after.type === 'punct' && !(this.tokens[i + 4]?.type === 'num' && touching(this.tokens, i + 4)));
    // "hoạt động 24/7": around the clock, not 24 July (which a date word before it would make it).
    if (t.text === '24' && second.text === '7' && ends) return i + 3;
    if (dayLike && monthLike && second.type === 'num' && ends) {
      // "Quốc khánh 2/9" is a date; "2/3 số phiếu" a fraction: keep both readings.
      const also: QuantityReading[] = d < m ? [{ kind: 'fraction', value: d / m }] : [{ kind: 'number', value: d }];
      this.emit({ q: this.quantity(i, i + 3, { kind: 'date', value: 0, date: { day: d, month: m } }, { bare: [d, m], also }) });
      return i + 3;
    }
    if (second.type === 'num' && d < m && m <= 100 && Number.isInteger(d)) {
      this.emit({ q: this.quantity(i, i + 3, { kind: 'fraction', value: d / m }, { bare: [d, m] }) });
      return i + 3;
    }
    return i;
  }

  /**
   * A count or amount: [currency symbol] digits or number words [scale words] [rưỡi]
   * [currency | % | phần trăm | điểm phần trăm]; "hai phần ba" is a fraction.
   */
  private amount(i: number): number {
    let j = i;
    const prefix = matchPhrase(this.tokens, i, CURRENCY_SYMBOLS);
    let currencies: readonly string[] | undefined;
    if (prefix && this.tokens[prefix.next]?.type === 'num' && this.tokens[prefix.next]!.gap !== Gap.Break) {
      currencies = prefix.value;
      j = prefix.next;
    }
    const t = this.tokens[j];
    if (!t) return i + 1;
    let value: number;
    let alternative: number | undefined;
    let words = false;
    let weak = false;
    let plain = false;
    let next: number;
    if (t.type === 'num') {
      const numeral = readNumeral(this.tokens, j, 'vi');
      if (!numeral) return i + 1;
      ({ value, next, plain } = numeral);
      alternative = numeral.alternative;
    } else {
      const read = this.wordNumber(j, false);
      if (!read) return i + 1;
      ({ value, next, weak } = read);
      words = true;
    }
    const raw = value;
    // Scale words after digits: "2,4 tỷ", "6.800 tỷ", "1,5 nghìn tỷ", "3 triệu 500 nghìn".
    let scale = 1;
    let lastScale = 0;
    if (!words) {
      let total = 0;
      let group = value;
      let k = next;
      while (this.tokens[k]?.gap === Gap.Space && SCALES[this.tokens[k]!.key] !== undefined && !this.notScale(k)) {
        const s = SCALES[this.tokens[k]!.key]!;
        if (lastScale === 0 || s > lastScale) total = (total + group) * s;
        else total += group * s;
        lastScale = lastScale === 0 ? s : Math.min(lastScale, s);
        group = 0;
        k++;
        // "3 triệu 500 nghìn": digits continue the amount only before a smaller scale word.
        const d = this.tokens[k];
        const after = this.tokens[k + 1];
        if (d && d.type === 'num' && d.gap === Gap.Space && after && after.gap === Gap.Space && SCALES[after.key] !== undefined && SCALES[after.key]! < lastScale) {
          group = Number(d.text);
          k++;
        }
      }
      if (lastScale > 0) {
        if (this.spacedKey(k) === 'rưỡi') {
          total += lastScale / 2;
          k++;
        }
        value = total + group;
        scale = raw === 0 ? lastScale : value / raw;
        next = k;
        plain = false;
      }
    }
    if (words && this.spacedKey(next) === 'phần') {
      const denominator = this.wordNumber(next + 1, true, true);
      if (denominator && denominator.value > value) {
        this.emit({ q: this.quantity(i, denominator.next, { kind: 'fraction', value: value / denominator.value }, { words: true }) });
        return denominator.next;
      }
    }
    const bare = words ? [] : [raw];
    let reading: QuantityReading = { kind: 'number', value };
    let also: QuantityReading[] = [];
    // What the amount is of: %, phần trăm, a currency.
    const after = this.tokens[next];
    if (after && after.text === '%' && after.gap !== Gap.Break) {
      reading = { kind: 'percent', value };
      next++;
    } else if (this.spacedKey(next) === 'điểm' && this.spacedKey(next + 1) === 'phần' && this.spacedKey(next + 2) === 'trăm') {
      reading = { kind: 'percentage-point', value };
      next += 3;
    } else if (this.spacedKey(next) === 'phần' && this.spacedKey(next + 1) === 'trăm') {
      reading = { kind: 'percent', value };
      next += 2;
    } else if (!currencies) {
      const currency = this.currencyAfter(next, !words || lastScale > 0 || (this.lastWordScale ?? 0) > 0);
      if (currency) {
        currencies = currency.codes;
        next = currency.next;
      }
    }
    if (currencies) {
      reading = { kind: 'money', value, currency: currencies[0]! };
      also = currencies.slice(1).map((c) => ({ kind: 'money', value, currency: c }));
    }
    if (alternative !== undefined) {
      const alt = alternative * scale;
      also.push({ ...reading, value: alt });
    }
    const year = reading.kind === 'number' ? yearReading(value, plain) : undefined;
    if (year) also.push(year);
    this.emit({ q: this.quantity(i, next, reading, { words, weak, bare, also }), raw, scale });
    return next;
  }

  /** The scale word last applied by `wordNumber`, for "một triệu rưỡi". */
  private lastWordScale: number | undefined;

  /**
   * Number words from token i: "hai", "mười lăm", "hai mươi tư", "ba trăm linh năm", "hai nghìn
   * không trăm hai mươi tư", "hai triệu". A single digit word must count a following word
   * ("hai nước"), not stand alone; `bare` allows it alone (after "thứ", "quý", "phần").
   */
  private wordNumber(i: number, afterTrigger: boolean, fractionDenominator = false): { value: number; next: number; weak: boolean } | undefined {
    const tokens = this.tokens;
    const first = tokens[i];
    if (!first || first.type !== 'word' || first.gap === Gap.Break) return undefined;
    if (!(first.key in DIGITS) && first.key !== 'mười') return undefined;
    if (!afterTrigger && i > 0 && first.gap !== Gap.Space && tokens[i - 1]!.type !== 'punct') return undefined;
    let total = 0;
    let group = 0;
    let digit: number | undefined;
    let lastScale = 0;
    let afterTens = false; // just read mươi or mười: lăm, mốt, tư may follow
    let afterHundreds = false; // just read trăm: a digit may follow only as "… mươi" or after linh
    let afterLinh = false;
    let lastMultiplier = 0; // for "rưỡi": half of the last multiplier ("một triệu rưỡi", "một trăm rưỡi")
    let count = 0;
    let j = i;
    this.lastWordScale = undefined;
    for (; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (t.type !== 'word' || (j > i && t.gap !== Gap.Space)) break;
      const k = t.key;
      const nextKey = tokens[j + 1]?.gap === Gap.Space ? tokens[j + 1]!.key : undefined;
      if (k in DIGITS) {
        if (digit !== undefined) break; // "hai ba ngày": two or three, not one number
        const contextual = k === 'lăm' || k === 'nhăm' || k === 'mốt';
        if (contextual && !afterTens) break;
        if (k === 'tư' && !afterTens && !fractionDenominator && !(afterTrigger && j === i)) break;
        if (k === 'không' && nextKey !== 'trăm') break;
        if (k === 'năm' && afterTens) break; // "hai mươi năm": twenty years
        const multiplierNext = nextKey !== undefined && (nextKey in SCALES || nextKey === 'trăm' || nextKey === 'mươi' || nextKey === 'chục');
        if (afterHundreds && !afterLinh && !multiplierNext) break; // "ba trăm năm": three hundred years
        if (k === 'năm' && count > 0 && !afterLinh && !multiplierNext) break;
        digit = DIGITS[k]!;
        afterTens = false;
        afterHundreds = false;
        afterLinh = false;
      } else if (k === 'mười') {
        if (digit !== undefined) break;
        group += 10;
        afterTens = true;
      } else if (k === 'mươi') {
        if (digit === undefined || digit < 2) break;
        group += digit * 10;
        digit = undefined;
        afterTens = true;
      } else if (k === 'trăm') {
        if (digit === undefined) break;
        group += digit * 100;
        digit = undefined;
        afterHundreds = true;
        afterTens = false;
        lastMultiplier = 100;
      } else if ((k === 'linh' || k === 'lẻ') && afterHundreds) {
        afterLinh = true;
      } else if (k === 'chục' && digit !== undefined) {
        group += digit * 10;
        digit = undefined;
        lastMultiplier = 10;
      } else if (k === 'rưỡi' && lastMultiplier > 0 && digit === undefined) {
        group += lastMultiplier / 2;
        lastMultiplier = 0;
      } else if (SCALES[k] !== undefined && !this.notScale(j) && (digit !== undefined || group > 0)) {
        const s = SCALES[k]!;
        const v = group + (digit ?? 0);
        if (lastScale === 0 || s > lastScale) total = (total + v) * s;
        else total += v * s;
        lastScale = lastScale === 0 ? s : Math.min(lastScale, s);
        this.lastWordScale = s;
        lastMultiplier = s;
        group = 0;
        digit = undefined;
        afterTens = false;
        afterHundreds = false;
      } else {
        break;
      }
      count++;
    }
    if (count === 0) return undefined;
    const value = total + group + (digit ?? 0);
    const end = j;
    const nextToken = tokens[end];
    const firstKey = first.key;
    // A lone digit word is a number only where it counts something or numbers a part ("Phần hai:",
    // "Điều ba."), and never inside a name.
    if (count === 1 && !afterTrigger) {
      const labelled = first.gap === Gap.Space && LABEL_NOUNS.has(tokens[i - 1]?.key ?? '');
      const counts = nextToken !== undefined && nextToken.type === 'word' && nextToken.gap === Gap.Space;
      if (!counts && !labelled) return undefined;
      if (counts && NOT_DIGIT_AFTER[firstKey]?.has(nextToken.key)) return undefined;
      if (firstKey === 'năm' && !labelled && !COUNTED.has(nextToken!.key)) return undefined;
      if (firstKey === 'năm' && (this.previousCounts(i) || (first.gap === Gap.Space && YEAR_AFTER.has(this.tokens[i - 1]?.key ?? '')))) return undefined;
      if (firstKey === 'tư' || firstKey === 'không' || firstKey === 'lăm' || firstKey === 'nhăm' || firstKey === 'mốt') return undefined;
      // "Ba Đình", "Hai Bà Trưng": a capitalised digit word before a capitalised word, mid-sentence, is a name.
      if (counts && !this.titleCase && first.upper && nextToken.upper && !this.sentenceStart(i)) return undefined;
    }
    if (!afterTrigger && firstKey === 'năm' && count > 1 && !(tokens[i + 1]?.key === 'mươi' || tokens[i + 1]?.key === 'trăm' || (tokens[i + 1]?.key ?? '') in SCALES)) {
      return undefined;
    }
    const weak = value === 1 && count === 1;
    return { value, next: end, weak };
  }

  private sentenceStart(i: number): boolean {
    const prev = this.tokens[i - 1];
    return !prev || this.tokens[i]!.gap === Gap.Break || (prev.type === 'punct' && /[.!?:;"“”(–—-]/.test(prev.text));
  }

  /** A currency after an amount; "đồng" and "yên" only after digits or a scale word, and not as part of another word. */
  private currencyAfter(i: number, strongAmount: boolean): { codes: readonly string[]; next: number } | undefined {
    const t = this.tokens[i];
    if (!t || t.gap === Gap.Break) return undefined;
    if (t.gap === Gap.None && t.type === 'punct' && t.text !== '$' && t.text !== '€' && t.text !== '₫') return undefined;
    const found = matchPhrase(this.tokens, i, CURRENCY_WORDS);
    if (!found) return undefined;
    const guard = NOT_CURRENCY_AFTER[t.key];
    const next = this.tokens[found.next];
    if (guard && next && next.gap === Gap.Space && guard.has(next.key)) return undefined;
    if ((t.key === 'đồng' || t.key === 'yên' || t.key === 'đô' || t.key === 'đ') && !strongAmount) return undefined;
    if (t.key === 'đ' && t.gap === Gap.Space) return undefined;
    return { codes: found.value, next: found.next };
  }
}

