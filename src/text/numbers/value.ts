/**
 * Values as comparable keys and as words: two readings are equal exactly when their keys are,
 * and `describeReading` says a value the same way whatever language it was written in.
 */
import type { DateValue, Quantity, QuantityReading } from './types.js';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A number as a key: 12 significant digits, so 2.4 × 10⁹ and 2,400 × 10⁶ meet despite floating point. */
function canonical(value: number): string {
  // An integer of up to 12 digits is its own 12-digit form (most keys): skip toPrecision's round trip.
  if (Number.isInteger(value) && Math.abs(value) < 1e12) return String(value);
  return Number.isFinite(value) ? String(Number(value.toPrecision(12))) : 'NaN';
}

/**
 * The equality key of one reading.
 * @example readingKey({ kind: 'money', value: 2.4e9, currency: 'USD' }) // 'money:USD:2400000000'
 */
export function readingKey(r: QuantityReading): string {
  switch (r.kind) {
    case 'date': {
      const d = r.date ?? {};
      return `date:${d.year ?? '_'}-${d.month ?? '_'}-${d.day ?? '_'}`;
    }
    case 'code':
      return `code:${r.code ?? ''}`;
    case 'money':
    case 'approximate':
      return `${r.kind}:${r.currency ?? ''}:${canonical(r.value)}`;
    default:
      return `${r.kind}:${canonical(r.value)}`;
  }
}

/** The keys a quantity is matched by. */
export interface QuantityKeys {
  /** Its own reading first, then its other readings. */
  own: string[];
  /**
   * For a dated day or month whose year the other text gives anyway (`yearElsewhere`): the same
   * date without the year, which matches only an undated value ("10/4/2024" against "April 10th"
   * in an article that names 2024), never another loosened one.
   */
  loose: string[];
}

/** Every key a quantity may be matched by (see QuantityKeys). */
export function quantityKeys(q: Quantity, yearElsewhere: (year: number) => boolean): QuantityKeys {
  const own = [readingKey(q)];
  for (const r of q.also) own.push(readingKey(r));
  const loose: string[] = [];
  for (const r of [q, ...q.also]) {
    const d = r.date;
    if (r.kind === 'date' && d && d.year !== undefined && (d.month !== undefined || d.day !== undefined) && yearElsewhere(d.year)) {
      loose.push(readingKey({ kind: 'date', value: 0, date: { ...(d.month !== undefined ? { month: d.month } : {}), ...(d.day !== undefined ? { day: d.day } : {}) } }));
    }
  }
  return { own, loose };
}

/** Which readings may be mistaken for one another, for pairing a missing value with a wrong one. */
export type QuantityFamily = 'amount' | 'rank' | 'time' | 'name';

/** The family of a reading: amounts and counts; ranks (ordinals, centuries, quarters); dates and times; names. */
export function quantityFamily(r: QuantityReading): QuantityFamily {
  switch (r.kind) {
    case 'ordinal':
    case 'century':
    case 'quarter':
      return 'rank';
    case 'date':
    case 'weekday':
    case 'time':
    case 'decade':
    case 'period':
      return 'time';
    case 'code':
      return 'name';
    default:
      return 'amount';
  }
}

/**
 * A value in plain English, the same whichever language it was read from.
 * @example describeReading({ kind: 'money', value: 2.4e9, currency: 'USD' }) // '2.4 billion USD'
 * @example describeReading({ kind: 'date', value: 0, date: { day: 10, month: 4, year: 2024 } }) // '10 April 2024'
 */
export function describeReading(r: QuantityReading): string {
  switch (r.kind) {
    case 'number':
      return formatAmount(r.value);
    case 'money':
      return `${formatAmount(r.value)} ${r.currency ?? ''}`.trim();
    case 'percent':
      return `${formatAmount(r.value)}%`;
    case 'percentage-point':
      return `${formatAmount(r.value)} percentage point${r.value === 1 ? '' : 's'}`;
    case 'approximate':
      return `${magnitudeWords(r.value)}${r.currency ? ` ${r.currency}` : ''}`;
    case 'fraction':
      return fractionWords(r.value);
    case 'ordinal':
      return ordinal(r.value);
    case 'century':
      return `${ordinal(r.value)} century`;
    case 'decade':
      return `${r.value}s`;
    case 'quarter':
      return `Q${r.value}`;
    case 'period':
      return `${MONTH_NAMES[Math.floor(r.value / 100) - 1] ?? '?'}–${MONTH_NAMES[(r.value % 100) - 1] ?? '?'}`;
    case 'multiple':
      return r.value === 0.5 ? 'halved' : `${formatAmount(r.value)} times`;
    case 'weekday':
      return WEEKDAY_NAMES[r.value - 1] ?? `weekday ${r.value}`;
    case 'time':
      return `${String(Math.floor(r.value / 60)).padStart(2, '0')}:${String(r.value % 60).padStart(2, '0')}`;
    case 'date':
      return describeDate(r.date ?? {});
    case 'code':
      return r.code ?? '';
  }
}

/** "10 April 2024", "April 2024", "10 April", "2024"; an unreadable part shows as "?". */
export function describeDate(d: DateValue): string {
  const unknown = new Set(d.unknown ?? []);
  const month = d.month !== undefined ? MONTH_NAMES[d.month - 1] : unknown.has('month') ? '?' : undefined;
  const day = d.day !== undefined ? String(d.day) : unknown.has('day') ? '?' : undefined;
  const year = d.year !== undefined ? String(d.year) : unknown.has('year') ? '?' : undefined;
  const parts = [day, month, year].filter((p) => p !== undefined);
  return parts.length > 0 ? parts.join(' ') : 'a date';
}

/** 2.4e9 → "2.4 billion", 6.8e12 → "6.8 trillion", 1000 → "1,000", 26.3 → "26.3". */
export function formatAmount(value: number): string {
  if (!Number.isFinite(value)) return '?';
  const abs = Math.abs(value);
  for (const [scale, word] of [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million']] as const) {
    if (abs >= scale) {
      const scaled = Number((value / scale).toPrecision(12));
      if (Number.isInteger(scaled * 1000)) return `${grouped(scaled, 3)} ${word}`;
    }
  }
  return grouped(Number(value.toPrecision(12)), 6);
}

/** Digits grouped by "," with at most `decimals` decimals (what toLocaleString('en-US') gives, without its cost). */
function grouped(value: number, decimals: number): string {
  const [whole, fraction = ''] = Math.abs(value).toFixed(decimals).split('.');
  const digits = fraction.replace(/0+$/, '');
  const sign = value < 0 ? '-' : '';
  return `${sign}${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${digits ? `.${digits}` : ''}`;
}

function magnitudeWords(value: number): string {
  const words: Record<number, string> = { 10: 'tens', 100: 'hundreds', 1e3: 'thousands', 1e4: 'tens of thousands', 1e5: 'hundreds of thousands', 1e6: 'millions', 1e7: 'tens of millions', 1e8: 'hundreds of millions', 1e9: 'billions', 1e12: 'trillions' };
  return words[value] ?? `about ${formatAmount(value)}`;
}

function fractionWords(value: number): string {
  for (let d = 2; d <= 100; d++) {
    const n = Math.round(value * d);
    if (Math.abs(n / d - value) < 1e-9) return `${n}/${d}`;
  }
  return formatAmount(value);
}

/** 1 → "1st", 22 → "22nd", 13 → "13th". */
function ordinal(n: number): string {
  if (!Number.isFinite(n)) return '?';
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}
