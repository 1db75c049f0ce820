/**
 * Paired bootstrap resampling over per-segment statistics, as sacreBLEU's `--paired-bs`
 * (after Koehn 2004 and Moses' bootstrap-hypothesis-difference-significance.pl):
 *
 * 1. Draw `samples` resamples of the segment indices, each `n` indices with replacement, from a
 *    seeded PRNG (mulberry32), so results are the same on every run. The same resamples serve
 *    every system: that is what makes the test paired.
 * 2. For each system and resample, sum the system's segment statistic vectors over the drawn
 *    indices and score the sum once (a corpus-level score, never a mean of sentence scores).
 * 3. Confidence interval: sort the resampled scores; `low`/`high` are the values at index
 *    ⌊N/40⌋ and N−⌊N/40⌋−1 (2.5% from each end), `halfWidth` is half their distance, and `mean`
 *    the mean of all resampled scores. sacreBLEU prints this as "μ = mean ± halfWidth".
 * 4. Significance against the baseline: for each resample take d = |score_sys − score_base|;
 *    centre them, t = d − mean(d); the p-value is (#{t > |real difference|} + 1) / (N + 1),
 *    where the real difference is between the full-corpus scores. Significant when p < alpha.
 *    One deliberate deviation: when the real difference is exactly 0 (e.g. identical outputs),
 *    p is 1. sacreBLEU's formula would give 1/(N+1) there, calling a system significantly
 *    different from an identical copy of itself.
 *
 * Differences from sacreBLEU: the random draws (numpy's generator vs mulberry32) and float64
 * sums instead of float32. Scores on the full corpus are identical; intervals and p-values are
 * the same procedure on different resamples.
 */
import type { ConfidenceInterval, SignificanceTest } from './types.js';

/**
 * A seeded PRNG (mulberry32): returns a function giving uniform floats in [0, 1).
 * @example const rand = mulberry32(12345); rand(); // same sequence on every run
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Per-segment statistic vectors of one system, row-major in one typed array
 * (`data[i * width + k]` is statistic k of segment i).
 */
export interface StatMatrix {
  segments: number;
  width: number;
  data: Float64Array;
}

/**
 * Pack per-segment statistic vectors (all the same length) into a StatMatrix.
 * @example statMatrix([[1, 2], [3, 4]]) // { segments: 2, width: 2, data: Float64Array [1, 2, 3, 4] }
 */
export function statMatrix(rows: readonly (readonly number[])[], width = rows[0]?.length ?? 0): StatMatrix {
  const data = new Float64Array(rows.length * width);
  rows.forEach((row, i) => {
    if (row.length !== width) throw new RangeError(`segment ${i + 1} has ${row.length} statistics, expected ${width}`);
    data.set(row, i * width);
  });
  return { segments: rows.length, width, data };
}

/** Column sums of a StatMatrix: the corpus statistics. */
export function sumStats(m: StatMatrix): Float64Array {
  const sum = new Float64Array(m.width);
  for (let i = 0; i < m.segments; i++) {
    const base = i * m.width;
    for (let k = 0; k < m.width; k++) sum[k]! += m.data[base + k]!;
  }
  return sum;
}

/**
 * `samples` resamples of `segments` indices drawn with replacement, flattened
 * (`indices[s * segments + j]`).
 */
export function bootstrapIndices(segments: number, samples: number, seed: number): Uint32Array {
  const rand = mulberry32(seed);
  const out = new Uint32Array(segments * samples);
  for (let i = 0; i < out.length; i++) out[i] = Math.floor(rand() * segments);
  return out;
}

/** Summed statistics of every resample, flattened (`sums[s * width + k]`). */
export function resampleSums(m: StatMatrix, indices: Uint32Array, samples: number): Float64Array {
  const { width, data, segments } = m;
  // Column-major copy, and per resample the multiplicity of each segment: every sum is then a
  // sequential dot product (weights · column), far kinder to the cache than gathering rows.
  const columns = new Float64Array(segments * width);
  for (let i = 0; i < segments; i++) for (let k = 0; k < width; k++) columns[k * segments + i] = data[i * width + k]!;
  const weights = new Float64Array(segments);
  const sums = new Float64Array(samples * width);
  for (let s = 0; s < samples; s++) {
    weights.fill(0);
    const draw = s * segments;
    for (let j = 0; j < segments; j++) weights[indices[draw + j]!]!++;
    for (let k = 0; k < width; k++) {
      const col = k * segments;
      let acc = 0;
      for (let i = 0; i < segments; i++) acc += weights[i]! * columns[col + i]!;
      sums[s * width + k] = acc;
    }
  }
  return sums;
}

/**
 * 95% interval of resampled scores as sacreBLEU's `estimate_ci`.
 * @example confidenceInterval(Float64Array.from({ length: 1000 }, (_, i) => i)) // low 25, high 974
 */
export function confidenceInterval(scores: ArrayLike<number>): ConfidenceInterval {
  const sorted = Float64Array.from(scores).sort();
  const n = sorted.length;
  if (n === 0) return { mean: NaN, halfWidth: NaN, low: NaN, high: NaN };
  const lowIdx = Math.floor(n / 40);
  const low = sorted[lowIdx]!;
  const high = sorted[n - lowIdx - 1]!;
  let total = 0;
  for (const v of sorted) total += v;
  return { mean: total / n, halfWidth: 0.5 * (high - low), low, high };
}

/**
 * The paired bootstrap p-value of sacreBLEU (see the module comment).
 * @example pairedPValue(sysScores, baseScores, 2.4) // 0.004
 */
export function pairedPValue(sys: ArrayLike<number>, base: ArrayLike<number>, realDifference: number): number {
  if (realDifference === 0) return 1;
  const n = sys.length;
  const diffs = new Float64Array(n);
  let mean = 0;
  for (let i = 0; i < n; i++) {
    diffs[i] = Math.abs(sys[i]! - base[i]!);
    mean += diffs[i]!;
  }
  mean /= n;
  const real = Math.abs(realDifference);
  let count = 0;
  for (let i = 0; i < n; i++) if (diffs[i]! - mean > real) count++;
  return (count + 1) / (n + 1);
}

/** A metric to bootstrap: scores a summed statistic vector (or its first `width` columns). */
export interface BootstrapMetric {
  id: string;
  score: (sum: Float64Array) => number;
  /** Use only the first `width` statistics (chrF is a prefix of chrF++'s vector). */
  width?: number;
}

/** Bootstrap outcome of one metric for one system. */
export interface BootstrapResult {
  /** Full-corpus score. */
  score: number;
  interval: ConfidenceInterval;
  /** Absent for the baseline itself. */
  significance?: SignificanceTest;
}

/** Settings of `pairedBootstrap`. */
export interface PairedBootstrapOptions {
  baseline: string;
  samples: number;
  seed: number;
  /** Significance level, default 0.05. */
  alpha?: number;
}

/**
 * Paired bootstrap of several systems against a baseline on several metrics.
 * Returns metric id → system name → result.
 * @example pairedBootstrap([{ name: 'deepl', stats }, { name: 'google', stats: s2 }],
 *   [{ id: 'chrF2', score: (s) => chrfFromStats(s) }], { baseline: 'deepl', samples: 1000, seed: 12345 })
 */
export function pairedBootstrap(
  systems: readonly { name: string; stats: StatMatrix }[],
  metrics: readonly BootstrapMetric[],
  opts: PairedBootstrapOptions,
): Record<string, Record<string, BootstrapResult>> {
  const alpha = opts.alpha ?? 0.05;
  const segments = systems[0]?.stats.segments ?? 0;
  for (const s of systems) {
    if (s.stats.segments !== segments) throw new RangeError(`${s.name} has ${s.stats.segments} segments, expected ${segments}`);
  }
  if (!systems.some((s) => s.name === opts.baseline)) throw new RangeError(`baseline ${opts.baseline} is not among the systems`);
  const indices = bootstrapIndices(segments, opts.samples, opts.seed);

  // metric id → system → [full score, resampled scores]
  const scored = new Map<string, Map<string, { full: number; samples: Float64Array }>>();
  for (const m of metrics) scored.set(m.id, new Map());
  for (const sys of systems) {
    const { width } = sys.stats;
    const full = sumStats(sys.stats);
    const sums = resampleSums(sys.stats, indices, opts.samples);
    for (const m of metrics) {
      const w = m.width ?? width;
      const samples = new Float64Array(opts.samples);
      for (let s = 0; s < opts.samples; s++) samples[s] = m.score(sums.subarray(s * width, s * width + w));
      scored.get(m.id)!.set(sys.name, { full: m.score(full.subarray(0, w)), samples });
    }
  }

  const out: Record<string, Record<string, BootstrapResult>> = {};
  for (const m of metrics) {
    const bySystem = scored.get(m.id)!;
    const base = bySystem.get(opts.baseline)!;
    const results: Record<string, BootstrapResult> = {};
    for (const sys of systems) {
      const r = bySystem.get(sys.name)!;
      const result: BootstrapResult = { score: r.full, interval: confidenceInterval(r.samples) };
      if (sys.name !== opts.baseline) {
        const difference = r.full - base.full;
        const pValue = pairedPValue(r.samples, base.samples, difference);
        result.significance = { baseline: opts.baseline, difference, pValue, significant: pValue < alpha };
      }
      results[sys.name] = result;
    }
    out[m.id] = results;
  }
  return out;
}
