/** Numbers, amounts, dates and debris in Vietnamese and English text, read by value. */
export * from './types.js';
import { readVietnameseQuantities as readVietnameseTokens } from './vi.js';
import { readEnglishQuantities as readEnglishTokens } from './en.js';
import { withEnglishPhrases, withVietnamesePhrases } from './phrases.js';
import type { Quantity } from './types.js';

/** The numbers, amounts, dates… of Vietnamese `text` [start, end), periods and multiples included ("9 tháng đầu năm", "gấp đôi"). */
export function readVietnameseQuantities(text: string, start = 0, end = text.length): Quantity[] {
  return withVietnamesePhrases(text, readVietnameseTokens(text, start, end), start, end);
}

/** The numbers, amounts, dates… of English `text` [start, end), periods and multiples included ("January–September", "doubled"). */
export function readEnglishQuantities(text: string, start = 0, end = text.length): Quantity[] {
  return withEnglishPhrases(text, readEnglishTokens(text, start, end), start, end);
}
export { findDebris } from './debris.js';
export { vietnameseQualifier, englishQualifier, qualifiersContradict } from './qualifiers.js';
export type { Qualifier, QualifierBound } from './qualifiers.js';
export { readingKey, quantityKeys, quantityFamily, describeReading, describeDate, formatAmount } from './value.js';
export type { QuantityFamily, QuantityKeys } from './value.js';
