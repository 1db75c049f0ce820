import { describe, expect, it } from 'vitest';
import { readEnglishQuantities } from '../../../src/text/numbers/index.js';
import { summarize } from './helpers.js';

const read = (text: string): string[] => summarize(readEnglishQuantities(text));

describe('readEnglishQuantities', () => {
  describe('amounts: one value however it is written', () => {
    it.each([
      ['$2.4 billion', ['money 2.4 billion USD "$2.4 billion"']],
      ['US$2.4 billion', ['money 2.4 billion USD "US$2.4 billion"']],
      ['2.4 billion USD', ['money 2.4 billion USD "2.4 billion USD"']],
      ['2,400 million dollars', ['money 2.4 billion USD "2,400 million dollars"']],
      ['2.4 billion U.S. dollars', ['money 2.4 billion USD "2.4 billion U.S. dollars"']],
      ['USD 2.4 billion', ['money 2.4 billion USD "USD 2.4 billion"']],
      ['$2.4bn', ['money 2.4 billion USD "$2.4bn"']],
      ['$300m', ['money 300 million USD "$300m"']],
      ['worth $2.4bn.', ['money 2.4 billion USD "$2.4bn"']],
      ['$300m, and', ['money 300 million USD "$300m"']],
      ['VND4.5 trillion', ['money 4.5 trillion VND "VND4.5 trillion"']],
      ['USD300 million', ['money 300 million USD "USD300 million"']],
      ['VND 1.48 quadrillion', ["money 1,480 trillion VND \"VND 1.48 quadrillion\""]],
      ['6.8 trillion yen', ['money 6.8 trillion JPY "6.8 trillion yen"']],
      ['¥7.95 trillion', ['money 7.95 trillion JPY "¥7.95 trillion"']],
      ['VND 500 billion', ['money 500 billion VND "VND 500 billion"']],
      ['500 billion dong', ['money 500 billion VND "500 billion dong"']],
      ['€1.2 million', ['money 1.2 million EUR "€1.2 million"']],
      ['two billion dollars', ['money 2 billion USD "two billion dollars" words']],
      ['$2-3 billion', ['money 2 billion USD "$2"', 'money 3 billion USD "3 billion"']],
      ['between 2 and 3 billion yen', ['money 2 billion JPY "2"', 'money 3 billion JPY "3 billion yen"']],
      ['1,000 troops', ['number 1,000 "1,000"']],
      ['300 m long', ['number 300 "300"']], // a metre, not a million
    ])('%s', (text, expected) => expect(read(text)).toEqual(expected));
  });

  describe('percentages', () => {
    it.each([
      ['26.3%', ['percent 26.3% "26.3%"']],
      ['26.3 percent', ['percent 26.3% "26.3 percent"']],
      ['26.3 per cent', ['percent 26.3% "26.3 per cent"']],
      ['3 percentage points', ['percentage-point 3 percentage points "3 percentage points"']],
      ['10-15%', ['percent 10% "10"', 'percent 15% "15%"']],
    ])('%s', (text, expected) => expect(read(text)).toEqual(expected));
  });

  describe('dates', () => {
    it.each([
      ['April 10, 2024', ['date 10 April 2024 "April 10, 2024"']],
      ['on April 10, 2024, the', ['date 10 April 2024 "April 10, 2024"']],
      ['10 April 2024', ['date 10 April 2024 "10 April 2024"']],
      ['April 10th', ['date 10 April "April 10th"']],
      ['the 10th of April', ['date 10 April "10th of April"']],
      ['Apr. 10', ['date 10 April "Apr. 10"']],
      ['April 2024', ['date April 2024 "April 2024"']],
      ['in May', ['date May "May"']],
      ['They may agree', []],
      ['May the talks succeed', []],
      ['mid-March', ['date March "March"']],
      ['from April 8 to 14, 2024', ['date 8 April 2024 "April 8"', 'date 14 April 2024 "14, 2024"']],
      ['Tuesday (April 9)', ['weekday Tuesday "Tuesday" words', 'date 9 April "April 9"']],
      ['2024-04-10', ['date 10 April 2024 "2024-04-10"']],
      ['in 2023', ['number 2,023 "2023"']],
      ['FY2024', ['date 2024 "FY2024"']],
      ['the 1990s', ['decade 1990s "1990s"']],
      ["the '90s", ['decade 1990s "\'90s"']],
    ])('%s', (text, expected) => expect(read(text)).toEqual(expected));

    it('reads "10/4/2024" both ways: 10 April (British) and 4 October (American)', () => {
      const [q] = readEnglishQuantities('10/4/2024');
      expect(q).toMatchObject({ date: { day: 10, month: 4, year: 2024 }, also: [{ kind: 'date', date: { day: 4, month: 10, year: 2024 } }] });
    });
  });

  describe('ordinals, centuries, quarters, times', () => {
    it.each([
      ['the third time', ['ordinal 3rd "third" words']],
      ["the world's No. 2 exporter", ['ordinal 2nd "No. 2"']],
      ['two decades of cooperation', ['number 20 "two decades" words']],
      ['over the past decade', ['number 10 "decade" weak words']],
      ['open 24/7', []],
      ['the 3rd time', ['ordinal 3rd "3rd"']],
      ['twenty-first', ['ordinal 21st "twenty-first" words']],
      ['the first visit', ['ordinal 1st "first" weak words']],
      ['the 21st century', ['century 21st century "21st century"']],
      ['21st-century warfare', ['century 21st century "21st-century"']],
      ['the twenty-first century', ['century 21st century "twenty-first century" words']],
      ['the mid-20th century', ['century 20th century "20th century"']],
      ['the third quarter', ['quarter Q3 "third quarter" words']],
      ['Q3', ['quarter Q3 "Q3"']],
      ['World War II', ['ordinal 2nd "II"']],
      ['at 10 a.m.', ['time 10:00 "10 a.m."']],
      ['at 3pm', ['time 15:00 "3pm"']],
      ['10:30 a.m.', ['time 10:30 "10:30 a.m."']],
      ['15:00', ['time 15:00 "15:00"']],
      ['at noon', ['time 12:00 "noon" words']],
    ])('%s', (text, expected) => expect(read(text)).toEqual(expected));
  });

  describe('number words', () => {
    it.each([
      ['two countries', ['number 2 "two" words']],
      ['four hundred missiles', ['number 400 "four hundred" words']],
      ['a dozen ships', ['number 12 "a dozen" words']],
      ['two dozen ships', ['number 24 "two dozen" words']],
      ['twenty-five', ['number 25 "twenty-five" words']],
      ['two hundred and fifty', ['number 250 "two hundred and fifty" words']],
      ['three thousand troops', ['number 3,000 "three thousand" words']],
      ['a hundred ships', ['number 100 "a hundred" words']],
      ['a five-year plan', ['number 5 "five" words']],
      ['two-thirds of the vote', ['fraction 2/3 "two-thirds" words']],
      ['a quarter of the total', ['fraction 1/4 "a quarter" words']],
      ['one of the largest', ['number 1 "one" weak words']],
      ['both countries', ['number 2 "both" weak words']],
      ['a trilateral summit', ['number 3 "trilateral" weak words']],
      ['a two-sided deal', ['number 2 "two" weak words']],
      ['dozens of officers', ['approximate tens "dozens" words']],
      ['hundreds of thousands', ['approximate hundreds of thousands "hundreds of thousands" words']],
      ['several hundred', ['approximate hundreds "several hundred" words']],
      ['tens of millions of dollars', ['approximate tens of millions USD "tens of millions of dollars" words']],
      ['a couple of days', ['number 2 "a couple of" weak words']],
      ['the Five Eyes', []],
      ['a new one', ['number 1 "one" weak words']],
    ])('%s', (text, expected) => expect(read(text)).toEqual(expected));
  });

  describe('names with digits', () => {
    it.each([
      ['F-35 fighters', ['code F35 "F-35"']],
      ['Decree 15/2020/ND-CP', ['code 152020NDCP "15/2020/ND-CP"']],
      ['105 F-35s', ['number 105 "105"', 'code F35 "F-35s"']],
      ['SM-3 Block IIA', ['code SM3 "SM-3"']],
      ['Type 054A frigates', ['code 054A "054A"']],
      ['COVID-19', ['code COVID19 "COVID-19"']],
      ['the G7', ['code G7 "G7"']],
      ['mid-2024', ['number 2,024 "2024"']],
      ['a 300km range', ['number 300 "300"']],
    ])('%s', (text, expected) => expect(read(text)).toEqual(expected));
  });

  describe('placeholders copied from the source', () => {
    it.each([
      ['On XNUMX 25, the White House', ['date 25 ? "XNUMX 25" placeholder']],
      ['on XNUMX 10, 2024.', ['date 10 ? 2024 "XNUMX 10, 2024" placeholder']],
      ['Standard Missile (SM-XNUMX) Block IIA', ['code SMXNUMX "SM-XNUMX" placeholder']],
    ])('%s', (text, expected) => expect(read(text)).toEqual(expected));
  });

  it('gives offsets into the text as given', () => {
    const text = 'Title\n\nJapan paid $2.4 billion on April 10.';
    const found = readEnglishQuantities(text, 7, text.length);
    expect(found.map((q) => text.slice(q.start, q.end))).toEqual(['$2.4 billion', 'April 10']);
  });
});
