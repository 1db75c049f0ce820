/**
 * What the number readers find: quantities with their value, as plain data. The Vietnamese and
 * English readers produce the same shapes, so a check compares values, never spellings.
 */

/**
 * What a quantity is, which decides what it may equal:
 * - `number`: a count or plain value ("400", "hai", "four hundred", "6.800 tỷ");
 * - `money`: an amount with a currency ("2,4 tỷ USD", "$2.4 billion");
 * - `percent`, `percentage-point`: "26,3%", "26.3 percent"; "2 điểm phần trăm", "2 percentage points";
 * - `approximate`: an order of magnitude only ("hàng chục", "dozens", "hàng nghìn tỷ đồng");
 * - `fraction`: "2/3", "hai phần ba", "two-thirds";
 * - `ordinal`: "thứ ba", "third", "khóa XV", "15th";
 * - `date`: any of day, month, year ("ngày 10 tháng 4 năm 2024", "April 10", "tháng 8/2023", "năm 2023");
 * - `weekday`, `time`: "thứ Ba"/"Tuesday" (1 = Monday … 7 = Sunday); "15 giờ"/"3 p.m." (minutes after midnight);
 * - `century`, `decade`, `quarter`: "thế kỷ XXI"/"21st century", "thập niên 1990"/"1990s", "quý III"/"Q3";
 * - `period`: months first to last of a year, as first × 100 + last ("9 tháng đầu năm", "January–September": 109);
 * - `multiple`: a factor ("gấp đôi"/"doubled": 2, "giảm một nửa"/"halved": 0.5);
 * - `code`: a name with digits in it, matched as a name ("F-35", "SM-3", "054A", "COVID-19").
 */
export type QuantityKind =
  | 'number'
  | 'money'
  | 'percent'
  | 'percentage-point'
  | 'approximate'
  | 'fraction'
  | 'ordinal'
  | 'date'
  | 'weekday'
  | 'time'
  | 'century'
  | 'decade'
  | 'quarter'
  | 'period'
  | 'multiple'
  | 'code';

/**
 * A calendar date, any part of which may be absent ("tháng 8/2023" has no day). `unknown` lists
 * the parts the text has but that cannot be read ("tháng XNUMX": the month is a placeholder).
 * @example { day: 10, month: 4, year: 2024 }
 */
export interface DateValue {
  day?: number;
  month?: number;
  year?: number;
  unknown?: Array<'day' | 'month' | 'year'>;
}

/**
 * One way of reading a quantity: its kind and value.
 * @example { kind: 'money', value: 2.4e9, currency: 'USD' }
 */
export interface QuantityReading {
  kind: QuantityKind;
  /**
   * The value: the amount for number/money/percent/fraction, the order of magnitude for
   * `approximate` (10 for "dozens"), the rank for ordinal/century/quarter, the first year for
   * `decade`, 1–7 for `weekday`, minutes after midnight for `time`, 0 for date and code.
   */
  value: number;
  /** ISO 4217 code, for money (and an approximate amount of money). */
  currency?: string;
  /** For `date`. */
  date?: DateValue;
  /** For `code`: upper case without hyphens, spaces or slashes ("F-35" → "F35"). */
  code?: string;
}

/** Why a piece of text cannot be verified (see `findDebris`). */
export type DebrisKind =
  | 'placeholder'
  | 'image-placeholder'
  | 'template'
  | 'markup'
  | 'replacement-character'
  | 'empty-field'
  | 'boilerplate'
  | 'scrambled-date';

/**
 * A number, amount, date… found in a text, with where it is.
 * @example
 * // readVietnameseQuantities('trị giá 2,4 tỷ USD')[0]
 * { kind: 'money', value: 2.4e9, currency: 'USD', start: 8, end: 18, text: '2,4 tỷ USD',
 *   words: false, weak: false, bare: [2.4], also: [] }
 */
export interface Quantity extends QuantityReading {
  /** [start, end): UTF-16 offsets into the text given to the reader. */
  start: number;
  end: number;
  /** The text as written, [start, end). */
  text: string;
  /** Written in words only ("hai", "four hundred"), not digits. */
  words: boolean;
  /**
   * Often not a number at all ("một"/"one" as an article, "both", "first", "đôi"): it may
   * stand for a number on the other side, but is never reported alone.
   */
  weak: boolean;
  /** Set when the quantity holds pipeline debris ("tháng XNUMX") and so cannot be verified. */
  corrupted?: DebrisKind;
  /**
   * The year of a quarter or period written with it ("2024" of "quý III/2024"): a translation may
   * leave it out where it names that year elsewhere, as English headlines do ("Q3 GDP grows").
   */
  periodYear?: boolean;
  /** The plain numbers written in it (for "ngày 10 tháng 2024 năm XNUMX": 10 and 2024). */
  bare: number[];
  /** Other readings the text allows ("15 giờ" is 15:00 or 15 hours; "2,400" is 2.4 or 2,400). */
  also: QuantityReading[];
}

/**
 * A span of pipeline debris: placeholders, template tokens, markup, site chrome.
 * @example { kind: 'placeholder', start: 18, end: 23, text: 'XNUMX' }
 */
export interface Debris {
  kind: DebrisKind;
  start: number;
  end: number;
  text: string;
}
