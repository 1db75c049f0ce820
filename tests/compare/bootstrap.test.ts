import { describe, it, expect } from 'vitest';
import {
  bootstrapIndices,
  confidenceInterval,
  mulberry32,
  pairedBootstrap,
  pairedPValue,
  resampleSums,
  statMatrix,
  sumStats,
} from '../../src/compare/bootstrap.js';
import { chrfFromStats, chrfStats } from '../../src/compare/metrics.js';

describe('mulberry32', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = mulberry32(12345);
    const b = mulberry32(12345);
    const c = mulberry32(54321);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it('is roughly uniform', () => {
    const rand = mulberry32(1);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[Math.floor(rand() * 10)]!++;
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });
});

describe('resampling', () => {
  it('draws indices within range, the same for the same seed', () => {
    const idx = bootstrapIndices(7, 50, 3);
    expect(idx).toHaveLength(350);
    expect(Math.max(...idx)).toBeLessThan(7);
    expect(bootstrapIndices(7, 50, 3)).toEqual(idx);
  });

  it('sums the drawn rows of each resample', () => {
    const m = statMatrix([
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
    const indices = Uint32Array.from([0, 0, 2, 1, 2, 2]);
    expect(Array.from(resampleSums(m, indices, 2))).toEqual([5, 50, 8, 80]);
    expect(Array.from(sumStats(m))).toEqual([6, 60]);
  });

  it('rejects rows of different widths', () => {
    expect(() => statMatrix([[1, 2], [3]])).toThrow(/segment 2 has 1 statistics/);
  });
});

describe('confidenceInterval (sacreBLEU estimate_ci)', () => {
  it('takes the values 1/40 from each end of the sorted scores', () => {
    // 0..999 shuffled: lower index 25, upper index 974.
    const rand = mulberry32(9);
    const scores = Array.from({ length: 1000 }, (_, i) => i).sort(() => rand() - 0.5);
    const ci = confidenceInterval(scores);
    expect(ci.low).toBe(25);
    expect(ci.high).toBe(974);
    expect(ci.halfWidth).toBe(474.5);
    expect(ci.mean).toBe(499.5);
  });
});

describe('pairedPValue (sacreBLEU _paired_bs p-value)', () => {
  it('counts centred resampled differences above the real difference, +1 smoothed', () => {
    // |sys - base| = [1, 2, 3, 10]; mean 4; centred [-3, -2, -1, 6]; real 5 → one above: (1+1)/(4+1).
    expect(pairedPValue([1, 2, 3, 10], [0, 0, 0, 0], 5)).toBeCloseTo(0.4, 12);
    // The sign of the real difference is ignored.
    expect(pairedPValue([1, 2, 3, 10], [0, 0, 0, 0], -5)).toBeCloseTo(0.4, 12);
    // A small real difference: centred values above 0.5 are only the 6 → (1+1)/5.
    expect(pairedPValue([1, 2, 3, 10], [0, 0, 0, 0], 0.5)).toBeCloseTo(0.4, 12);
    expect(pairedPValue([1, 2, 3, 10], [0, 0, 0, 0], 0.1)).toBeCloseTo(0.4, 12);
  });

  it('gives p = 1 when there is no difference at all (sacreBLEU would give 1/(N+1))', () => {
    expect(pairedPValue([1, 1, 1, 1], [1, 1, 1, 1], 0)).toBe(1);
  });
});

// Realistic segments: a good and a bad engine on the same references.
const refs = [
  'The White House announced the state visit of Prime Minister Kishida on April 10, 2024.',
  'The two leaders will discuss the Indo-Pacific partnership.',
  'Defense ministers signed the Security of Supply Arrangement (SOSA).',
  'The Memorandum of Understanding covers research, development, test and evaluation projects.',
  'Japan and the United States will co-develop the Glide Phase Interceptor.',
  'The visit is the first state visit since he took office in 2021.',
];
const good = [
  'The White House announced the state visit of Prime Minister Kishida on April 10, 2024.',
  'The two leaders will discuss the Indo-Pacific partnership.',
  'Defence ministers signed the Security of Supply Arrangement (SOSA).',
  'The Memorandum of Understanding covers research, development, test and evaluation projects.',
  'Japan and the United States will jointly develop the Glide Phase Interceptor.',
  'The visit is the first state visit since he took office in 2021.',
];
const bad = [
  'White House announce visit of Kishida on XNUMX.',
  'Two leader discuss partnership.',
  'Ministers sign supply agreement.',
  'Memo covers projects.',
  'Japan US develop flight phase interceptor.',
  'Visit first since office.',
];
const matrixOf = (hyps: string[]) => statMatrix(hyps.map((h, i) => chrfStats(h, refs[i]!)));

describe('pairedBootstrap', () => {
  const metrics = [{ id: 'chrf', score: (s: Float64Array) => chrfFromStats(s) }];
  const systems = [
    { name: 'deepl', stats: matrixOf(good) },
    { name: 'mock', stats: matrixOf(bad) },
    { name: 'copy', stats: matrixOf(good) },
  ];

  it('scores the full corpus from summed statistics and brackets it with the interval', () => {
    const out = pairedBootstrap(systems, metrics, { baseline: 'deepl', samples: 200, seed: 12345 });
    const deepl = out.chrf!.deepl!;
    expect(deepl.score).toBeCloseTo(chrfFromStats(sumStats(systems[0]!.stats)), 12);
    expect(deepl.interval.low).toBeLessThanOrEqual(deepl.interval.high);
    expect(deepl.interval.mean).toBeGreaterThan(deepl.interval.low);
    expect(deepl.significance).toBeUndefined();
  });

  it('finds a much worse engine significantly worse and an identical one not significant', () => {
    const out = pairedBootstrap(systems, metrics, { baseline: 'deepl', samples: 500, seed: 12345 });
    const mock = out.chrf!.mock!.significance!;
    expect(mock.difference).toBeLessThan(-30);
    expect(mock.pValue).toBeLessThan(0.05);
    expect(mock.significant).toBe(true);
    const copy = out.chrf!.copy!.significance!;
    expect(copy.difference).toBe(0);
    expect(copy.significant).toBe(false);
    expect(copy.pValue).toBeGreaterThan(0.05);
  });

  it('is deterministic for a seed', () => {
    const a = pairedBootstrap(systems, metrics, { baseline: 'deepl', samples: 100, seed: 7 });
    const b = pairedBootstrap(systems, metrics, { baseline: 'deepl', samples: 100, seed: 7 });
    const c = pairedBootstrap(systems, metrics, { baseline: 'deepl', samples: 100, seed: 8 });
    expect(b).toEqual(a);
    expect(c.chrf!.mock!.interval).not.toEqual(a.chrf!.mock!.interval);
  });

  it('rejects an unknown baseline and systems of different lengths', () => {
    expect(() => pairedBootstrap(systems, metrics, { baseline: 'nope', samples: 10, seed: 1 })).toThrow(/baseline nope/);
    const short = [systems[0]!, { name: 'short', stats: matrixOf(good.slice(0, 3)) }];
    expect(() => pairedBootstrap(short, metrics, { baseline: 'deepl', samples: 10, seed: 1 })).toThrow(/short has 3 segments/);
  });
});
