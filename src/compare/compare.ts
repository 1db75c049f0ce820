/**
 * The comparison of several engines' translations of one source: alignment, diffs against a
 * pivot, agreement between engines, and (with a reference) sacreBLEU-exact scores with
 * bootstrap intervals and significance against a baseline engine.
 */
import { UsageError } from '../core/errors.js';
import type { Paragraph } from '../core/types.js';
import { splitParagraphs } from '../text/paragraphs.js';
import { checkAlignment } from './alignment.js';
import { AnalysisCollector } from './analyses.js';
import { pairedBootstrap, statMatrix, sumStats, type BootstrapMetric, type StatMatrix } from './bootstrap.js';
import { diffStats, wordDiff } from './diff.js';
import {
  bleuFromStats,
  bleuProfileOfTokens,
  bleuSignature,
  bleuTokens,
  bleuStatsFromProfiles,
  CHRF_PLUS_PLUS,
  chrfFromStats,
  chrfProfile,
  chrfSignature,
  chrfStatsFromProfiles,
  NgramSpace,
  type ChrfProfile,
} from './metrics.js';
import { terEditsOfIds, terFromStats, TER_SIGNATURE, TerVocabulary } from './ter.js';
import type {
  AgreementMatrix,
  BootstrapInfo,
  DiffStats,
  CompareInput,
  Comparison,
  CorpusScore,
  Disagreement,
  EngineScores,
  MetricId,
  MetricInfo,
  Outlier,
  ParagraphComparison,
  Pivot,
  TextInput,
} from './types.js';

/** Default bootstrap settings: sacreBLEU's sample count and seed. */
export const DEFAULT_BOOTSTRAP = Object.freeze({ samples: 1000, seed: 12345 });

/** Significance level of the paired bootstrap test. */
export const ALPHA = 0.05;

/**
 * How much lower (in chrF points) the least-agreeing engine's mean agreement must be than the
 * next lowest for it to count as a clear outlier.
 */
export const OUTLIER_MARGIN = 5;

/** How many paragraphs `Comparison.disagreements` lists. */
export const MAX_DISAGREEMENTS = 10;

/**
 * Scores closer than this (in points) count as a tie: for the best engine per metric and for the
 * engine that agrees most with the others. Half the last digit the reports show.
 */
export const TIE_MARGIN = 0.05;

/** The metrics of a comparison with a reference, in the order the reports show them. */
export const METRICS: readonly MetricInfo[] = Object.freeze([
  { id: 'chrf', name: 'chrF2', better: 'higher', signature: chrfSignature() },
  { id: 'chrfPlusPlus', name: 'chrF2++', better: 'higher', signature: chrfSignature(CHRF_PLUS_PLUS) },
  { id: 'bleu', name: 'BLEU', better: 'higher', signature: bleuSignature() },
  { id: 'ter', name: 'TER', better: 'lower', signature: TER_SIGNATURE },
] satisfies MetricInfo[]);

// chrF statistics are the first 18 of chrF++'s 24 (6 character orders × [hyp, ref, match]);
// BLEU's 10 follow them in the combined per-segment vector used for the bootstrap, then TER's
// 2 ([edits, reference length]).
const CHRF_WIDTH = 18;
const CHRFPP_WIDTH = 24;
const BLEU_WIDTH = 10;
const TER_WIDTH = 2;
const BLEU_AT = CHRFPP_WIDTH;
const TER_AT = CHRFPP_WIDTH + BLEU_WIDTH;
const ROW_WIDTH = TER_AT + TER_WIDTH;

/** Paragraphs of an input, whether given as text or already split. */
function paragraphsOf(input: TextInput): Paragraph[] {
  if ('text' in input) return splitParagraphs(input.text);
  // Pre-split strings get the offsets and lines they would have in a file with one blank line
  // between paragraphs, so alignment errors can still point at a line.
  let offset = 0;
  let line = 1;
  return input.paragraphs.map((p, i) => {
    if (typeof p !== 'string') return p;
    const para: Paragraph = { index: i + 1, text: p, start: offset, end: offset + p.length, line };
    offset += p.length + 2;
    line += p.split('\n').length + 1;
    return para;
  });
}

function checkInput(input: CompareInput): void {
  if (input.engines.length === 0) throw new UsageError('nothing to compare: give at least one engine translation');
  const seen = new Set<string>();
  for (const e of input.engines) {
    if (seen.has(e.name)) throw new UsageError(`engine "${e.name}" is given twice`, { hint: 'give each translation a distinct engine name' });
    seen.add(e.name);
  }
  if (input.baseline !== undefined && !seen.has(input.baseline)) {
    throw new UsageError(`baseline engine "${input.baseline}" is not among the compared engines (${[...seen].join(', ')})`, {
      hint: 'name one of the compared engines as the baseline',
    });
  }
  const b = input.bootstrap;
  if (b && (!Number.isInteger(b.samples) || b.samples < 1 || !Number.isInteger(b.seed))) {
    throw new UsageError(`bootstrap needs a positive whole number of samples and a whole-number seed, got ${b.samples} and ${b.seed}`);
  }
}

/**
 * Turn chrF statistics of (i as hypothesis, j as reference) into those of (j as hypothesis, i as
 * reference) without matching again: the match counts are symmetric, the totals swap.
 */
function reverseChrf(stats: readonly number[], hypTotals: readonly number[]): number[] {
  const out = new Array<number>(stats.length);
  for (let k = 0; k < stats.length / 3; k++) {
    const refTotal = hypTotals[k]!;
    out[3 * k] = refTotal > 0 ? stats[3 * k + 1]! : 0;
    out[3 * k + 1] = refTotal;
    out[3 * k + 2] = stats[3 * k + 2]!;
  }
  return out;
}

function corpusScore(metric: CorpusScore['metric'], score: number, signature: string): CorpusScore {
  return { metric, score, signature };
}

/**
 * Compare engines' translations of one source text, paragraph by paragraph.
 * All texts are compared in NFC (the same Vietnamese text in NFC and in NFD is different code points, so it would score and diff as different); the texts in the result are NFC.
 * @throws AlignmentError when the reference or an engine's paragraph count differs from the
 *   source's, naming the file and where alignment breaks.
 * @throws UsageError on no engines, duplicate engine names, an unknown baseline or bad bootstrap settings.
 * @example
 * compareTranslations({
 *   source: { file: 'a.vi.txt', text: 'Thoả thuận An ninh Cung ứng.' },
 *   reference: { file: 'a.ref.en.txt', text: 'Security of Supply Arrangement.' },
 *   engines: [{ name: 'deepl', file: 'a.deepl.en.txt', text: 'Security of Supply Arrangement.' },
 *             { name: 'google', file: 'a.google.en.txt', text: 'Supply Security Agreement.' }],
 * }).scores?.[1]?.chrf.score
 */
export function compareTranslations(input: CompareInput): Comparison {
  checkInput(input);
  const source = { file: input.source.file, paragraphs: paragraphsOf(input.source) };
  const reference = input.reference ? { file: input.reference.file, paragraphs: paragraphsOf(input.reference) } : undefined;
  const engines = input.engines.map((e) => ({ name: e.name, file: e.file, paragraphs: paragraphsOf(e) }));
  checkAlignment(source, reference ? [reference, ...engines] : engines);

  const names = engines.map((e) => e.name);
  const n = source.paragraphs.length;
  const k = engines.length;
  const nfc = (p: Paragraph | undefined): string => (p?.text ?? '').normalize('NFC');

  // Per engine, per segment: [chrF++ 24 | BLEU 10 | TER 2] against the reference.
  const refRows: number[][][] = engines.map(() => []);
  // Per ordered engine pair (i, j), i ≠ j: summed chrF statistics of i against j.
  const pairSums: number[][][] = names.map(() => names.map(() => new Array<number>(CHRF_WIDTH).fill(0)));
  const paragraphs: ParagraphComparison[] = [];
  const space = new NgramSpace();
  const vocabulary = new TerVocabulary();
  const analyses = reference && input.analyses !== false ? new AnalysisCollector(names, input.analyses?.terms) : undefined;

  for (let p = 0; p < n; p++) {
    const src = source.paragraphs[p]!;
    const outputs: Record<string, string> = {};
    const texts = engines.map((e) => nfc(e.paragraphs[p]));
    names.forEach((name, i) => (outputs[name] = texts[i]!));
    // One n-gram space per paragraph, so ids stay few; its tables are reused from one to the next.
    space.reset();
    const profiles: ChrfProfile[] = texts.map((t) => chrfProfile(t, CHRF_PLUS_PLUS, space));

    let refText: string | undefined;
    let scores: ParagraphComparison['scores'];
    if (reference) {
      refText = nfc(reference.paragraphs[p]);
      const refChrf = chrfProfile(refText, CHRF_PLUS_PLUS, space);
      const refTokens = bleuTokens(refText);
      const refBleu = bleuProfileOfTokens(refTokens, {}, space);
      const hypTokens: string[][] = [];
      vocabulary.reset();
      const refWords = vocabulary.encode(refText);
      scores = {};
      for (let i = 0; i < k; i++) {
        const chrf = chrfStatsFromProfiles(profiles[i]!, refChrf);
        hypTokens.push(bleuTokens(texts[i]!));
        const bleu = bleuStatsFromProfiles(bleuProfileOfTokens(hypTokens[i]!, {}, space), refBleu);
        const ter = [terEditsOfIds(vocabulary.encode(texts[i]!), refWords), refWords.length];
        refRows[i]!.push([...chrf, ...bleu, ...ter]);
        scores[names[i]!] = {
          chrf: chrfFromStats(chrf.slice(0, CHRF_WIDTH)),
          // chrF++ from the same 24 statistics: no second pass over the text.
          chrfPlusPlus: chrfFromStats(chrf),
          bleu: bleuFromStats(bleu, { effectiveOrder: true }).score,
          ter: terFromStats(ter),
        };
      }
      analyses?.add(refText, texts, { reference: refTokens, outputs: hypTokens });
    }

    let disagreement: number | null = null;
    if (k >= 2) {
      let agreement = 0;
      for (let i = 0; i < k; i++) {
        for (let j = i + 1; j < k; j++) {
          const ij = chrfStatsFromProfiles(profiles[i]!, profiles[j]!).slice(0, CHRF_WIDTH);
          const ji = reverseChrf(ij, profiles[i]!.totals);
          const sumIJ = pairSums[i]![j]!;
          const sumJI = pairSums[j]![i]!;
          for (let s = 0; s < CHRF_WIDTH; s++) {
            sumIJ[s]! += ij[s]!;
            sumJI[s]! += ji[s]!;
          }
          // Identical outputs agree fully, even when empty (where chrF itself is 0).
          agreement += texts[i] === texts[j] ? 200 : chrfFromStats(ij) + chrfFromStats(ji);
        }
      }
      disagreement = 100 - agreement / (k * (k - 1));
    }
    paragraphs.push({
      index: p + 1,
      line: src.line,
      source: nfc(src),
      ...(refText !== undefined ? { reference: refText } : {}),
      outputs,
      diffs: {},
      ...(scores ? { scores } : {}),
      disagreement,
    });
  }

  const agreement = agreementMatrix(names, pairSums);
  const pivot = choosePivot(names, agreement, reference !== undefined);
  const pivotTexts = (p: ParagraphComparison): string => (pivot.kind === 'reference' ? (p.reference ?? '') : p.outputs[pivot.name]!);
  const disagreements = topDisagreements(paragraphs);
  // Every paragraph gets its word counts; the diffs themselves only where asked (a diff is several
  // times its text: 20,000 paragraphs' diffs are most of a report).
  const keepDiffs = input.diffs === 'disagreements' ? new Set(disagreements.map((d) => d.paragraph)) : undefined;
  for (const para of paragraphs) {
    const base = pivotTexts(para);
    const changes: Record<string, DiffStats> = {};
    for (const name of names) {
      if (pivot.kind === 'engine' && name === pivot.name) continue;
      const ops = wordDiff(base, para.outputs[name]!);
      changes[name] = diffStats(ops);
      if (!keepDiffs || keepDiffs.has(para.index)) para.diffs[name] = ops;
    }
    para.changes = changes;
  }

  let scores: EngineScores[] | undefined;
  let bootstrap: BootstrapInfo | null = null;
  let matrices: StatMatrix[] = [];
  if (reference) {
    const baseline = input.baseline ?? names[0]!;
    const settings = input.bootstrap === false ? false : (input.bootstrap ?? DEFAULT_BOOTSTRAP);
    if (settings !== false) bootstrap = { samples: settings.samples, seed: settings.seed, alpha: ALPHA, baseline };
    matrices = refRows.map((rows) => statMatrix(rows, ROW_WIDTH));
    scores = referenceScores(names, matrices, bootstrap ?? undefined);
  }
  const comparison: Comparison = {
    version: 1,
    sourceFile: source.file,
    ...(reference ? { referenceFile: reference.file } : {}),
    engines: names,
    pivot,
    paragraphs,
    metrics: scores ? [...METRICS] : [],
    ...(scores ? { scores, best: bestEngines(scores) } : {}),
    bootstrap,
    agreement,
    disagreements,
    diffScope: input.diffs ?? 'all',
    outlier: findOutlier(names, agreement),
    analyses: analyses ? analyses.finish(paragraphs, (positions) => subsetScores(names, matrices, positions)) : null,
  };
  return comparison;
}

/** Sentence-score-shaped corpus scores of each engine over some of the paragraphs (by position). */
function subsetScores(names: readonly string[], matrices: readonly StatMatrix[], positions: readonly number[]): Record<string, { chrf: number; chrfPlusPlus: number; bleu: number; ter: number }> {
  const out: Record<string, { chrf: number; chrfPlusPlus: number; bleu: number; ter: number }> = {};
  names.forEach((name, e) => {
    const m = matrices[e]!;
    const sum = new Float64Array(m.width);
    for (const p of positions) for (let s = 0; s < m.width; s++) sum[s]! += m.data[p * m.width + s]!;
    out[name] = scoresFromRow(sum);
  });
  return out;
}

/** chrF, chrF++, BLEU and TER from one combined (summed) statistics row. */
function scoresFromRow(sum: Float64Array): { chrf: number; chrfPlusPlus: number; bleu: number; ter: number } {
  return {
    chrf: chrfFromStats(sum.subarray(0, CHRF_WIDTH)),
    chrfPlusPlus: chrfFromStats(sum.subarray(0, CHRFPP_WIDTH)),
    bleu: bleuFromStats(sum.subarray(BLEU_AT, TER_AT)).score,
    ter: terFromStats(sum.subarray(TER_AT)),
  };
}

/** Per metric, the engines with the best corpus score (several when within TIE_MARGIN of it). */
function bestEngines(scores: readonly EngineScores[]): Partial<Record<MetricId, string[]>> {
  const out: Partial<Record<MetricId, string[]>> = {};
  for (const m of METRICS) {
    const sign = m.better === 'higher' ? 1 : -1;
    const top = scores.reduce((best, s) => Math.max(best, sign * s[m.id].score), -Infinity);
    out[m.id] = scores.filter((s) => top - sign * s[m.id].score < TIE_MARGIN).map((s) => s.engine);
  }
  return out;
}

// The bootstrap scores a prefix of each combined row: chrF the first 18 statistics, chrF++ the
// first 24, BLEU its 10 statistics after chrF++'s, TER the last 2.
const BOOTSTRAP_METRICS: readonly BootstrapMetric[] = [
  { id: 'chrf', width: CHRF_WIDTH, score: (s) => chrfFromStats(s) },
  { id: 'chrfPlusPlus', width: CHRFPP_WIDTH, score: (s) => chrfFromStats(s) },
  { id: 'bleu', width: TER_AT, score: (s) => bleuFromStats(s.subarray(BLEU_AT)).score },
  { id: 'ter', width: ROW_WIDTH, score: (s) => terFromStats(s.subarray(TER_AT)) },
];

/** Corpus chrF, chrF++, BLEU and TER per engine, with bootstrap intervals and significance when asked. */
function referenceScores(
  names: readonly string[],
  stats: readonly StatMatrix[],
  bootstrap: BootstrapInfo | undefined,
): EngineScores[] {
  const boot = bootstrap
    ? pairedBootstrap(
        names.map((name, i) => ({ name, stats: stats[i]! })),
        BOOTSTRAP_METRICS,
        bootstrap,
      )
    : undefined;
  const signature = { chrf: chrfSignature(), chrfPlusPlus: chrfSignature(CHRF_PLUS_PLUS), bleu: bleuSignature() };
  return names.map((engine, i) => {
    const sum = sumStats(stats[i]!);
    const bleu = bleuFromStats(sum.subarray(BLEU_AT, TER_AT));
    const ter = sum.subarray(TER_AT);
    const scores: EngineScores = {
      engine,
      chrf: corpusScore('chrF2', chrfFromStats(sum.subarray(0, CHRF_WIDTH)), signature.chrf),
      chrfPlusPlus: corpusScore('chrF2++', chrfFromStats(sum.subarray(0, CHRFPP_WIDTH)), signature.chrfPlusPlus),
      bleu: {
        ...corpusScore('BLEU', bleu.score, signature.bleu),
        details: { precisions: bleu.precisions, brevityPenalty: bleu.brevityPenalty, hypLength: bleu.hypLength, refLength: bleu.refLength },
      },
      ter: { ...corpusScore('TER', terFromStats(ter), TER_SIGNATURE), details: { edits: ter[0]!, refLength: ter[1]! } },
    };
    if (boot) {
      for (const id of ['chrf', 'chrfPlusPlus', 'bleu', 'ter'] as const) {
        const r = boot[id]![engine]!;
        scores[id].interval = r.interval;
        if (r.significance) scores[id].significance = r.significance;
      }
    }
    return scores;
  });
}

/** Corpus chrF of every engine against every other, and each engine's mean agreement. */
function agreementMatrix(names: readonly string[], pairSums: number[][][]): AgreementMatrix {
  const chrf = names.map((_, i) => names.map((__, j) => (i === j ? 100 : chrfFromStats(pairSums[i]![j]!))));
  const meanAgreement: Record<string, number> = {};
  names.forEach((name, i) => {
    let total = 0;
    for (let j = 0; j < names.length; j++) if (j !== i) total += (chrf[i]![j]! + chrf[j]![i]!) / 2;
    meanAgreement[name] = names.length > 1 ? total / (names.length - 1) : 100;
  });
  return { engines: [...names], chrf, meanAgreement };
}

function choosePivot(names: readonly string[], agreement: AgreementMatrix, hasReference: boolean): Pivot {
  if (hasReference) return { kind: 'reference', name: 'reference', reason: 'the reference translation is the pivot' };
  if (names.length === 1) return { kind: 'engine', name: names[0]!, reason: 'the only engine is the pivot' };
  const mean = agreement.meanAgreement;
  const ranked = [...names].sort((x, y) => mean[y]! - mean[x]!);
  const best = ranked[0]!;
  const tied = ranked.filter((name) => mean[best]! - mean[name]! < TIE_MARGIN);
  if (names.length === 2) {
    // Mean agreement is symmetric between two engines: neither agrees more than the other.
    return {
      kind: 'engine',
      name: names[0]!,
      reason: `no reference: with two engines neither agrees more with the other (mean chrF ${mean[names[0]!]!.toFixed(1)}); ${names[0]!}, given first, is the pivot`,
    };
  }
  if (tied.length > 1) {
    const first = names.find((name) => tied.includes(name))!;
    return {
      kind: 'engine',
      name: first,
      reason: `no reference: ${listWords(names.filter((name) => tied.includes(name)))} tie for the most agreement with the other engines (mean chrF ${mean[best]!.toFixed(1)}); ${first}, given first, is the pivot`,
    };
  }
  const next = ranked[1]!;
  const digits = mean[best]!.toFixed(1) === mean[next]!.toFixed(1) ? 2 : 1;
  return {
    kind: 'engine',
    name: best,
    reason: `no reference: ${best} agrees most with the other engines (mean chrF ${mean[best]!.toFixed(digits)} vs ${mean[next]!.toFixed(digits)} for ${next})`,
  };
}

/** `a`, `a and b`, `a, b and c`. */
function listWords(words: readonly string[]): string {
  return words.length <= 2 ? words.join(' and ') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}

function findOutlier(names: readonly string[], agreement: AgreementMatrix): Outlier {
  if (names.length < 3) {
    return { engine: null, clear: false, note: `an outlier needs at least three engines; ${names.length} compared` };
  }
  const ranked = [...names].sort((a, b) => agreement.meanAgreement[a]! - agreement.meanAgreement[b]!);
  const [lowest, next] = [ranked[0]!, ranked[1]!];
  const low = agreement.meanAgreement[lowest]!;
  const gap = agreement.meanAgreement[next]! - low;
  const figures = `${low.toFixed(1)} vs ${agreement.meanAgreement[next]!.toFixed(1)} for ${next}`;
  if (gap >= OUTLIER_MARGIN) {
    return { engine: lowest, clear: true, note: `${lowest} agrees least with the other engines (mean chrF ${figures})` };
  }
  return {
    engine: lowest,
    clear: false,
    note: `no clear outlier: ${lowest} agrees least, but within ${OUTLIER_MARGIN} chrF points of the next (${figures})`,
  };
}

function topDisagreements(paragraphs: readonly ParagraphComparison[]): Disagreement[] {
  return paragraphs
    .filter((p) => p.disagreement !== null)
    .map((p) => ({ paragraph: p.index, disagreement: p.disagreement! }))
    .sort((a, b) => b.disagreement - a.disagreement || a.paragraph - b.paragraph)
    .slice(0, MAX_DISAGREEMENTS);
}
