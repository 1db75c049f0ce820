/**
 * What every comparison format says about a judge's MQM annotation: the note naming the judge
 * and its limits, the score cells, and the per-engine error tables (counts by category and
 * severity). Pure: data in, strings and cells out.
 */
import type { Comparison } from '../compare/types.js';
import type { EngineMqm, JudgeReport, MqmCategory, MqmSeverity, MqmSpan, ParagraphJudgment } from '../judge/types.js';
import { fmt } from './compare-common.js';
import { displayWidth, padEnd, padStart } from './escape.js';

/** Severities in table order. */
export const SEVERITY_ORDER: readonly MqmSeverity[] = ['minor', 'major', 'critical'];

/** How reports name categories. */
export function categoryLabel(category: MqmCategory): string {
  return category === 'locale-convention' ? 'locale convention' : category;
}

/** The engine's MQM totals, when the comparison was judged. */
export function mqmOf(c: Comparison, engine: string): EngineMqm | undefined {
  return c.judge?.engines.find((e) => e.engine === engine);
}

/** The score column's heading: what the number is per. */
export function mqmHeading(j: JudgeReport): string {
  return j.normalisation === 'words' ? 'MQM ↓ per 1,000 words' : 'MQM ↓ per paragraph';
}

/** An engine's MQM score as a cell ('n/a' when nothing was judged). */
export function mqmScoreText(c: Comparison, engine: string): string {
  const m = mqmOf(c, engine);
  return m?.score === null || m?.score === undefined ? 'n/a' : fmt(m.score);
}

/** The engines with the lowest MQM score (several on a tie within the shown precision). */
export function mqmBest(j: JudgeReport): string[] {
  const scored = j.engines.filter((e) => e.score !== null);
  if (scored.length < 2) return [];
  const low = scored.reduce((m, e) => Math.min(m, e.score!), Infinity);
  return scored.filter((e) => e.score! - low < 0.05).map((e) => e.engine);
}

/**
 * The sentences every format prints with MQM figures: who judged, how, how it is scored, and
 * that a model can be wrong.
 */
export function judgeNote(j: JudgeReport): string {
  const weights = SEVERITY_ORDER.map((s) => `${s} ${fmt(j.weights[s], Number.isInteger(j.weights[s]) ? 0 : 1)}`).join(', ');
  const per = j.normalisation === 'words' ? 'penalty points per 1,000 words of translation' : 'penalty points per paragraph';
  const ref = j.withReference ? 'shown the source and the reference' : 'reference-free (shown only the source)';
  const cache = j.requests.cached > 0 ? `; ${j.requests.cached} judgment${j.requests.cached === 1 ? '' : 's'} from the cache` : '';
  return `MQM error spans by judge model ${j.model} (${j.engine}), prompt ${j.promptVersion}, ${ref}${cache}. Score: ${per}, weights ${weights}; lower is better. ${j.disclaimer}`;
}

/** The summary row of an engine: score, errors by severity, and what could not be used. */
export function mqmSummaryCells(m: EngineMqm): string[] {
  const bySeverity = SEVERITY_ORDER.map((s) => String(Object.values(m.counts).reduce((n, c) => n + c[s], 0)));
  return [m.score === null ? 'n/a' : fmt(m.score), String(m.errors), ...bySeverity, String(m.notLocated), String(m.alsoGlossary), String(m.notJudged)];
}

/** The heading of `mqmSummaryCells`. */
export const MQM_SUMMARY_HEADER = ['errors', 'minor', 'major', 'critical', 'not located', 'also glossary', 'not judged'] as const;

/**
 * An engine's error table: one row per category with errors (counts per severity and total),
 * then a total row; empty when the judge reported nothing.
 */
export function mqmCategoryRows(m: EngineMqm): string[][] {
  const rows: string[][] = [];
  const totals = { minor: 0, major: 0, critical: 0 };
  for (const [category, counts] of Object.entries(m.counts) as [MqmCategory, Record<MqmSeverity, number>][]) {
    const sum = counts.minor + counts.major + counts.critical;
    if (sum === 0) continue;
    for (const s of SEVERITY_ORDER) totals[s] += counts[s];
    rows.push([categoryLabel(category), ...SEVERITY_ORDER.map((s) => String(counts[s])), String(sum)]);
  }
  if (rows.length > 0) rows.push(['total', ...SEVERITY_ORDER.map((s) => String(totals[s])), String(totals.minor + totals.major + totals.critical)]);
  return rows;
}

/** The heading of `mqmCategoryRows`. */
export const MQM_CATEGORY_HEADER = ['category', 'minor', 'major', 'critical', 'total'] as const;

/** The judgment of one engine's paragraph, if it was judged. */
export function judgmentOf(c: Comparison, engine: string, paragraph: number): ParagraphJudgment | undefined {
  return c.judge?.judgments[engine]?.find((j) => j.paragraph === paragraph);
}

/** One span as a line of text: severity, category, the quote, where it is, the explanation, the glossary's finding. */
export function spanText(s: MqmSpan): string {
  const where = s.location === 'not-found' ? ' (not found in the text)' : s.side === 'source' ? ' (in the source)' : s.ambiguous ? ` (occurs ${s.occurrences} times; placed by order)` : '';
  const label = s.category === 'other' ? `other: ${s.label}` : categoryLabel(s.category);
  const why = s.explanation ? `: ${s.explanation}` : '';
  const also = s.glossary ? ` [also the glossary checker: ${s.glossary.ruleId}]` : '';
  return `${s.severity} ${label} “${s.found ?? s.span}”${where}${why}${also}`;
}

/** Why a paragraph was not judged, as a line. */
export function unjudgedText(j: ParagraphJudgment): string {
  return `not judged (${j.status === 'refused' ? 'the judge refused' : 'unreadable answer'}): ${j.note ?? ''}`.trimEnd();
}

/** Whether finding `index` of `engine`'s glossary findings was merged into a judge span (show it once, as the span). */
export function isMergedFinding(c: Comparison, engine: string, index: number): boolean {
  return c.judge?.mergedFindings[engine]?.includes(index) ?? false;
}

/** Rows as aligned plain-text lines: the first column left-aligned, the others right-aligned. */
export function alignedRows(rows: readonly string[][], indent = ''): string[] {
  const widths = rows[0]!.map((_, i) => rows.reduce((w, r) => Math.max(w, displayWidth(r[i] ?? '')), 0));
  return rows.map((r) => indent + r.map((cell, i) => (i === 0 ? padEnd(cell, widths[i]!) : padStart(cell, widths[i]!))).join('  ').trimEnd());
}
