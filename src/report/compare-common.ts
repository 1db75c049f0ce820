/**
 * What the comparison formatters share: numbers, the words for significance and glossary
 * accuracy, and which paragraphs to show first.
 */
import type { Comparison, CorpusScore, EngineScores, ParagraphComparison } from '../compare/types.js';

/** A score with one decimal. */
export function fmt(n: number, digits = 1): string {
  return n.toFixed(digits);
}

/** `61.2 ± 1.4` with an interval, else `61.2`. */
export function scoreWithInterval(s: CorpusScore): string {
  return s.interval ? `${fmt(s.score)} ± ${fmt(s.interval.halfWidth)}` : fmt(s.score);
}

/** A signed difference: `+1.2`, `−15.9` (with a real minus sign). */
export function signed(n: number): string {
  const text = fmt(Math.abs(n));
  return n < 0 ? `−${text}` : `+${text}`;
}

/** A p-value for humans: `p < 0.001` or `p = 0.38`. */
function pValueText(p: number): string {
  // Three decimals near the 0.05 line, so "p = 0.05: not significant" never reads as a contradiction.
  return p < 0.001 ? 'p < 0.001' : `p = ${p < 0.1 ? p.toFixed(3) : p.toFixed(2)}`;
}

/**
 * The significance of one engine's chrF against the baseline, said plainly.
 * @example 'baseline', '−15.9, p = 0.001: significantly worse', '+1.2, p = 0.38: not significant'
 */
export function significanceText(s: EngineScores, c: Comparison): string {
  if (!c.bootstrap) return 'n/a (no bootstrap)';
  if (s.engine === c.bootstrap.baseline) return 'baseline';
  const t = s.chrf.significance;
  if (!t) return 'n/a';
  const verdict = t.significant ? (t.difference < 0 ? 'significantly worse' : 'significantly better') : 'not significant';
  return `${signed(t.difference)}, ${pValueText(t.pValue)}: ${verdict}`;
}

/**
 * Glossary accuracy of an engine, or `n/a` when the checker gave none.
 * @example '67% (2/3)'
 */
export function glossaryText(c: Comparison, engine: string): string {
  const g = c.glossary?.[engine];
  if (!g) return 'n/a';
  return `${Math.round(g.accuracy * 100)}% (${g.approved}/${g.expected})`;
}

/**
 * An engine's mean agreement with the other engines, or `n/a (one engine)` when there are no
 * others (the model then says 100, which would read as full agreement).
 * @example '81.6'
 */
export function agreementText(c: Comparison, engine: string): string {
  if (c.engines.length < 2) return 'n/a (one engine)';
  const mean = c.agreement.meanAgreement[engine];
  return mean === undefined ? 'n/a' : fmt(mean);
}

/**
 * A paragraph's sentence scores of an engine, or undefined without a reference.
 * @example 'chrF 84.0, chrF++ 82.5, BLEU 66.6'
 */
export function sentenceScoresText(p: ParagraphComparison, engine: string): string | undefined {
  const s = p.scores?.[engine];
  if (!s) return undefined;
  return `chrF ${fmt(s.chrf)}, chrF++ ${fmt(s.chrfPlusPlus)}, BLEU ${fmt(s.bleu)}`;
}

/** The text the diffs are taken against in a paragraph. */
export function pivotText(c: Comparison, p: ParagraphComparison): string {
  return c.pivot.kind === 'reference' ? (p.reference ?? '') : (p.outputs[c.pivot.name] ?? '');
}

/** Whether an engine is the pivot (its text is shown plain, not as a diff). */
export function isPivotEngine(c: Comparison, engine: string): boolean {
  return c.pivot.kind === 'engine' && c.pivot.name === engine;
}

/**
 * The `n` paragraphs where the engines disagree most, worst first: from `c.disagreements`, else
 * by each paragraph's own disagreement. Paragraphs where every engine agrees are left out.
 */
export function topDisagreements(c: Comparison, n: number): ParagraphComparison[] {
  const byIndex = new Map(c.paragraphs.map((p) => [p.index, p]));
  const ranked =
    c.disagreements.length > 0
      ? c.disagreements.map((d) => byIndex.get(d.paragraph)).filter((p): p is ParagraphComparison => p !== undefined)
      : byDisagreement(c.paragraphs);
  return ranked.filter((p) => (p.disagreement ?? 0) > 0).slice(0, n);
}

/** Paragraphs sorted by disagreement, highest first; ties and `null`s in document order. */
export function byDisagreement(paragraphs: ParagraphComparison[]): ParagraphComparison[] {
  return [...paragraphs].sort((a, b) => (b.disagreement ?? -1) - (a.disagreement ?? -1) || a.index - b.index);
}

/** The distinct signatures of each metric, in engine order (normally one each). */
export function signatures(c: Comparison): { metric: string; signatures: string[] }[] {
  if (!c.scores || c.scores.length === 0) return [];
  const pick = (get: (s: EngineScores) => CorpusScore) => [...new Set(c.scores!.map((s) => get(s).signature))];
  return [
    { metric: 'chrF2', signatures: pick((s) => s.chrf) },
    { metric: 'chrF2++', signatures: pick((s) => s.chrfPlusPlus) },
    { metric: 'BLEU', signatures: pick((s) => s.bleu) },
  ];
}

/** One sentence on how the intervals and tests were made, or undefined without bootstrap. */
export function bootstrapNote(c: Comparison): string | undefined {
  const b = c.bootstrap;
  if (!b) return undefined;
  return `95% confidence intervals and paired significance tests against ${b.baseline} from ${b.samples} bootstrap resamples (seed ${b.seed}, alpha ${b.alpha}).`;
}

/** The one-line headline of a comparison. */
export function headline(c: Comparison): string {
  const n = c.engines.length;
  const paras = c.paragraphs.length;
  const ref = c.referenceFile ? `, reference ${c.referenceFile}` : ', no reference';
  return `${n} engine${n === 1 ? '' : 's'} on ${c.sourceFile} (${paras} paragraph${paras === 1 ? '' : 's'}${ref})`;
}
