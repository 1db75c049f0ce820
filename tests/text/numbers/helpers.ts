import { describeReading, type Quantity } from '../../../src/text/numbers/index.js';

/**
 * One line per quantity, for readable tables: kind, value as described, the text as written, and
 * its flags. Example: `money 2.4 billion USD "2,4 tỷ USD"`, `number 1 "một" weak words`.
 */
export function summarize(quantities: readonly Quantity[]): string[] {
  return quantities.map((q) => {
    const flags = [q.weak ? 'weak' : '', q.words ? 'words' : '', q.corrupted ?? ''].filter(Boolean);
    return [`${q.kind} ${describeReading(q)} "${q.text}"`, ...flags].join(' ');
  });
}
