/**
 * What the comparison formatters share: numbers, the words for significance and glossary
 * accuracy, and which paragraphs to show first.
 */
import type { Comparison, CorpusScore, EngineScores, MetricId, MetricInfo, ParagraphComparison, WordMatch } from '../compare/types.js';

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
 * The score columns of a comparison: one per metric in `c.metrics`, the primary (chrF) first.
 * A new metric (MQM, say) is one more entry there and one more field in `EngineScores`.
 */
export function metricsOf(c: Comparison): MetricInfo[] {
  if (c.metrics) return c.metrics;
  // A comparison made without a metric list: the metrics its scores carry, in the usual order.
  const first = c.scores?.[0];
  if (!first) return [];
  const ids: MetricId[] = ['chrf', 'chrfPlusPlus', 'bleu', 'ter'];
  return ids.flatMap((id) => {
    const s = scoreOf(first, id);
    return s ? [{ id, name: s.metric, better: s.metric === 'TER' ? ('lower' as const) : ('higher' as const), signature: s.signature }] : [];
  });
}

/** An engine's corpus score on a metric, or undefined when it has none. */
export function scoreOf(s: EngineScores, id: MetricId): CorpusScore | undefined {
  return (s as unknown as Partial<Record<MetricId, CorpusScore>>)[id];
}

/** A metric's column heading: its name, with an arrow when lower is better (`TER ↓`). */
export function metricLabel(m: MetricInfo): string {
  return m.better === 'lower' ? `${m.name} ↓` : m.name;
}

/** Whether the engine has the best corpus score on the metric (ties: every tied engine). */
export function isBest(c: Comparison, id: MetricId, engine: string): boolean {
  return c.best?.[id]?.includes(engine) ?? false;
}

/**
 * The best engine per metric in one sentence, naming ties as ties.
 * @example 'Best: chrF2 openai; chrF2++ openai; BLEU openai; TER ↓ deepl and openai (tie).'
 */
export function bestText(c: Comparison): string | undefined {
  if (!c.best || c.engines.length < 2) return undefined;
  const parts = metricsOf(c).flatMap((m) => {
    const engines = c.best?.[m.id];
    if (!engines || engines.length === 0) return [];
    const who = engines.length === c.engines.length ? 'all engines (tie)' : engines.length > 1 ? `${listWords(engines)} (tie)` : engines[0]!;
    return [`${metricLabel(m)} ${who}`];
  });
  return parts.length > 0 ? `Best: ${parts.join('; ')}.` : undefined;
}

/** `a`, `a and b`, `a, b and c`. */
export function listWords(words: readonly string[]): string {
  return words.length <= 2 ? words.join(' and ') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}

/**
 * The significance of one engine's score on a metric (chrF by default) against the baseline,
 * said plainly; for a metric where lower is better, a negative difference is the better one.
 * @example 'baseline', '−15.9, p = 0.001: significantly worse', '+1.2, p = 0.38: not significant'
 */
export function significanceText(s: EngineScores, c: Comparison, metric?: MetricInfo): string {
  if (!c.bootstrap) return 'n/a (no bootstrap)';
  if (s.engine === c.bootstrap.baseline) return 'baseline';
  const t = scoreOf(s, metric?.id ?? 'chrf')?.significance;
  if (!t) return 'n/a';
  const better = metric?.better === 'lower' ? t.difference < 0 : t.difference > 0;
  const verdict = t.significant ? (better ? 'significantly better' : 'significantly worse') : 'not significant';
  return `${signed(t.difference)}, ${pValueText(t.pValue)}: ${verdict}`;
}

/**
 * Glossary accuracy of an engine, or `n/a` when the checker gave none; the findings suppressed
 * (inline or by a suppressions list) are counted apart.
 * @example '67% (2/3)', '67% (2/3), 1 suppressed'
 */
export function glossaryText(c: Comparison, engine: string): string {
  const g = c.glossary?.[engine];
  if (!g) return 'n/a';
  // Comparisons saved before suppressions were counted have no count.
  const suppressed = g.suppressed ?? g.findings.filter((f) => f.suppression).length;
  return `${Math.round(g.accuracy * 100)}% (${g.approved}/${g.expected})${suppressed > 0 ? `, ${suppressed} suppressed` : ''}`;
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
 * @example 'chrF 84.0, chrF++ 82.5, BLEU 66.6, TER 22.2'
 */
export function sentenceScoresText(p: ParagraphComparison, engine: string): string | undefined {
  const s = p.scores?.[engine];
  if (!s) return undefined;
  const parts = [`chrF ${fmt(s.chrf)}`, `chrF++ ${fmt(s.chrfPlusPlus)}`, `BLEU ${fmt(s.bleu)}`];
  // Comparisons saved before TER have no sentence TER.
  if (typeof s.ter === 'number') parts.push(`TER ${fmt(s.ter)}`);
  return parts.join(', ');
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
export function signatures(c: Comparison): { metric: string; id: MetricId; signatures: string[] }[] {
  if (!c.scores || c.scores.length === 0) return [];
  return metricsOf(c).map((m) => ({
    metric: m.name,
    id: m.id,
    signatures: [...new Set(c.scores!.flatMap((s) => scoreOf(s, m.id)?.signature ?? []))],
  }));
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

/** The name of a metric by id, from the comparison's metric list (or the id itself). */
export function metricName(c: Comparison, id: MetricId): string {
  const m = metricsOf(c).find((x) => x.id === id);
  return m ? metricLabel(m) : id;
}

/**
 * An F-measure (0–1) with two decimals, or `–` when undefined (nothing to match on one side).
 * @example fText(0.875) // '0.88'
 */
export function fText(f: number | null): string {
  return f === null ? '–' : f.toFixed(2);
}

/** The footnote label of a metric's signature in Markdown: `chrf`, `chrfpp`, `bleu`, `ter`. */
export function footnoteLabel(id: MetricId): string {
  return id.toLowerCase().replace('plusplus', 'pp');
}

/** One sentence saying what the analyses are measured against and how words are counted. */
export function analysesNote(c: Comparison): string {
  const how = c.analyses?.tokenization === '13a, lowercased' ? "sacreBLEU's 13a tokens, lowercased" : (c.analyses?.tokenization ?? 'tokens');
  return `All against the reference; words are ${how}, so punctuation marks count as words.`;
}

/** The reference's count in per-engine word matches (the same for every engine). */
export function referenceCount(byEngine: Record<string, WordMatch>): number {
  for (const w of Object.values(byEngine)) return w.ref;
  return 0;
}

/** Reference, engine and matched counts, recall, precision and F of one engine, or `n/a`s. */
export function wordMatchCells(w: WordMatch | undefined): string[] {
  if (!w) return ['n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a'];
  return [String(w.ref), String(w.hyp), String(w.matched), fText(w.recall), fText(w.precision), fText(w.f)];
}
