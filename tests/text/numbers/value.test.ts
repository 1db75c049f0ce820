import { describe, expect, it } from 'vitest';
import { describeReading, quantityKeys, readingKey, readEnglishQuantities, readVietnameseQuantities, type QuantityReading } from '../../../src/text/numbers/index.js';

describe('readingKey', () => {
  it('gives equal amounts one key despite floating point', () => {
    const a: QuantityReading = { kind: 'money', value: 2.4 * 1e9, currency: 'USD' };
    const b: QuantityReading = { kind: 'money', value: 2400 * 1e6, currency: 'USD' };
    expect(readingKey(a)).toBe(readingKey(b));
    expect(readingKey({ ...a, currency: 'JPY' })).not.toBe(readingKey(a));
    expect(readingKey({ kind: 'number', value: 2.4e9 })).not.toBe(readingKey(a));
  });

  it('tells a date from a date without its year', () => {
    const dated = readingKey({ kind: 'date', value: 0, date: { day: 10, month: 4, year: 2024 } });
    expect(readingKey({ kind: 'date', value: 0, date: { day: 10, month: 4 } })).not.toBe(dated);
  });
});

describe('quantityKeys', () => {
  it('loosens a dated day to the undated one only when the other text names the year', () => {
    const [date] = readVietnameseQuantities('ngày 10/4/2024');
    const [undated] = readEnglishQuantities('April 10th');
    const undatedKey = quantityKeys(undated!, () => false).own[0];
    expect(quantityKeys(date!, (y) => y === 2024).loose).toContain(undatedKey);
    expect(quantityKeys(date!, () => false).loose).toEqual([]);
  });
});

describe('describeReading', () => {
  it.each<[QuantityReading, string]>([
    [{ kind: 'money', value: 2.4e9, currency: 'USD' }, '2.4 billion USD'],
    [{ kind: 'money', value: 6.8e12, currency: 'JPY' }, '6.8 trillion JPY'],
    [{ kind: 'number', value: 1000 }, '1,000'],
    [{ kind: 'number', value: 2.5e6 }, '2.5 million'],
    [{ kind: 'percent', value: 26.3 }, '26.3%'],
    [{ kind: 'percentage-point', value: 1 }, '1 percentage point'],
    [{ kind: 'date', value: 0, date: { day: 10, month: 4, year: 2024 } }, '10 April 2024'],
    [{ kind: 'date', value: 0, date: { month: 8, year: 2023 } }, 'August 2023'],
    [{ kind: 'date', value: 0, date: { day: 25, unknown: ['month'] } }, '25 ?'],
    [{ kind: 'ordinal', value: 22 }, '22nd'],
    [{ kind: 'ordinal', value: 13 }, '13th'],
    [{ kind: 'century', value: 21 }, '21st century'],
    [{ kind: 'time', value: 15 * 60 + 5 }, '15:05'],
    [{ kind: 'fraction', value: 2 / 3 }, '2/3'],
    [{ kind: 'approximate', value: 1e4 }, 'tens of thousands'],
    [{ kind: 'weekday', value: 2 }, 'Tuesday'],
  ])('%j → %s', (reading, expected) => expect(describeReading(reading)).toBe(expected));
});
