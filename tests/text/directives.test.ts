import { describe, expect, it } from 'vitest';
import { findDirectiveComments } from '../../src/text/directives.js';

describe('findDirectiveComments', () => {
  it.each([
    ['Văn bản <!-- vitrans-disable-line term-missing -- trích dẫn --> tiếp.', [[8, 63]]],
    ['<!--vitrans-a--><!--\tvitrans-b -->', [[0, 16], [16, 34]]],
    ['<!-- ghi chú --> <!-- vitrans-x -->', [[17, 35]]],
    ['<!-- vitrans-x\n-->', []],
    ['<!-- <!-- vitrans-x -->', [[5, 23]]],
    ['`<!--` vitrans-x -->', []],
    ['<!-- vitrans-x', []],
  ])('%j', (text, expected) => {
    expect(findDirectiveComments(text).map((d) => [d.start, d.end])).toEqual(expected);
  });

  it('gives the text between the comment marks', () => {
    expect(findDirectiveComments('x <!-- vitrans-disable-line a -- b --> y')[0]!.body).toBe(' vitrans-disable-line a -- b ');
  });

  it('stays linear on adversarial input: many openings, no close, or the close a line later', () => {
    const big = 1_000_000; // quadratic work would take minutes here
    for (const input of ['<!-- vitrans-a '.repeat(big / 15), '<!-- '.repeat(big / 5) + '-->', '<!-- vitrans-'.repeat(big / 13) + '\n-->']) {
      expect(findDirectiveComments(input).length).toBeLessThanOrEqual(1);
    }
    expect(findDirectiveComments('<!-- vitrans-a -->'.repeat(50_000))).toHaveLength(50_000);
  });
});
