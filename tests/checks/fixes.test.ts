import { describe, expect, it } from 'vitest';
import { fixesToApply } from '../../src/checks/index.js';
import type { Finding, Fix } from '../../src/core/types.js';

const finding = (file: string, fix?: Fix): Finding => ({ ruleId: 'x', severity: 'error', message: 'm', file, ...(fix ? { fix } : {}) });

describe('fixesToApply', () => {
  const safe = { range: [10, 20] as [number, number], text: 'a' };
  const unsafe = { range: [30, 40] as [number, number], text: 'b', unsafe: true };
  const findings = [finding('a.en.txt', unsafe), finding('a.en.txt', safe), finding('b.en.txt', { range: [0, 1], text: 'c' }), finding('a.en.txt')];

  it('gives the safe fixes of one file, by position', () => {
    expect(fixesToApply(findings, 'a.en.txt')).toEqual([safe]);
  });

  it('adds the unsafe ones only when asked', () => {
    expect(fixesToApply(findings, 'a.en.txt', { unsafe: true })).toEqual([safe, unsafe]);
  });

  it.each([
    ['overlapping: the first kept', [[4, 9], [8, 10]], [[4, 9]]],
    ['touching: both kept', [[4, 8], [8, 10]], [[4, 8], [8, 10]]],
    ['nested: the outer one kept', [[4, 12], [5, 6]], [[4, 12]]],
    ['two insertions at one offset: one kept', [[5, 5], [5, 5]], [[5, 5]]],
  ])('leaves out a fix that overlaps one already taken (%s)', (_name, ranges, kept) => {
    const fs = ranges.map(([s, e], i) => finding('a.en.txt', { range: [s!, e!], text: String(i) }));
    expect(fixesToApply(fs, 'a.en.txt').map((f) => f.range)).toEqual(kept);
  });
});
