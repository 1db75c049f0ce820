import { describe, expect, it } from 'vitest';
import { finalPunctuation, unmatchedBy, unpairedBrackets, unpairedQuotes } from '../../src/text/punctuation.js';

const marks = (list: { mark: string; side: string; offset: number }[]) => list.map((m) => `${m.side}${m.mark}@${m.offset}`);

describe('unpairedBrackets', () => {
  it.each([
    ['balanced and nested', 'a (b [c {d}] e) f', []],
    ['an opener left open', 'a (b c', ['open(@2']],
    ['a closer with nothing open', 'a b) c', ['close)@3']],
    ['crossed', 'a (b [c) d]', ['open[@5', 'close]@10']],
    ['list markers', '1) one 2) two', ['close)@1', 'close)@8']],
  ])('%s', (_name, text, expected) => {
    expect(marks(unpairedBrackets(text))).toEqual(expected);
  });

  it('stays linear on many closers with nothing open', () => {
    expect(unpairedBrackets('('.repeat(3) + ']'.repeat(100_000))).toHaveLength(100_003);
  });
});

describe('unpairedQuotes', () => {
  it.each([
    ['curly, paired', 'He said “yes” and “no”.', []],
    ['curly, open', 'He said “yes.', ['open“@8']],
    ['straight, paired by place', 'He said "yes" and "no".', []],
    ['straight, open', 'He said "yes.', ['open"@8']],
    ['straight, closing nothing', 'He said yes."', ['close"@12']],
    ['apostrophes are not quotes', "Japan's 'plan' and the allies’ plans", []],
  ])('%s', (_name, text, expected) => {
    expect(marks(unpairedQuotes(text))).toEqual(expected);
  });
});

describe('finalPunctuation', () => {
  it.each([
    ['a period inside quotes', 'He said "yes."', '.', false],
    ['a period after quotes', 'He said "yes".', '.', false],
    ['a final abbreviation', 'talks with the U.S.', '.', true],
    ['a company abbreviation', 'Mitsubishi Heavy Industries Co.', '.', true],
    ['the stray ". ." and no-break spaces', 'trust. . \u00A0 ', '.', false],
    ['"..." is an ellipsis', 'and more...', '…', false],
    ['none', 'A Title', '', false],
    ['Markdown emphasis around it', '**Done.**', '.', false],
  ])('%s', (_name, text, mark, abbreviation) => {
    expect(finalPunctuation(text)).toMatchObject({ mark, abbreviation });
  });
});

describe('unmatchedBy', () => {
  it('takes away, as multisets, what the other list has', () => {
    expect(unmatchedBy(['a', 'b', 'b', 'c'], ['b', 'c', 'c'], (x) => x)).toEqual(['a', 'b']);
  });
});
