/** Numbers, amounts, dates and debris in Vietnamese and English text, read by value. */
export * from './types.js';
export { readVietnameseQuantities } from './vi.js';
export { readEnglishQuantities } from './en.js';
export { findDebris } from './debris.js';
export { readingKey, quantityKeys, quantityFamily, describeReading, describeDate, formatAmount } from './value.js';
export type { QuantityFamily, QuantityKeys } from './value.js';
