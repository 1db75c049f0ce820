/**
 * The JSON comparison report: the whole `Comparison`, with its top-level keys in a fixed order
 * and absent optional parts as `null`, so the shape never depends on the inputs. Paragraphs
 * outside `diffScope` have `diffs: null` (their `changes` counts are always there).
 */
import type { Comparison } from '../compare/types.js';
import { metricsOf } from './compare-common.js';

/**
 * Formats a comparison as JSON (2-space indent, trailing newline). Field names are those of
 * `Comparison` in src/compare/types.ts; `version` is its schema version.
 * @example JSON.parse(formatCompareJson(c)).scores[0].chrf.interval.halfWidth
 */
export function formatCompareJson(c: Comparison): string {
  const doc = {
    version: c.version,
    sourceFile: c.sourceFile,
    referenceFile: c.referenceFile ?? null,
    engines: c.engines,
    pivot: c.pivot,
    bootstrap: c.bootstrap,
    metrics: metricsOf(c),
    scores: c.scores ?? null,
    best: c.best ?? null,
    glossary: c.glossary ?? null,
    agreement: c.agreement,
    outlier: c.outlier,
    disagreements: c.disagreements,
    analyses: c.analyses ?? null,
    diffScope: c.diffScope ?? 'all',
    paragraphs: c.paragraphs.map((p) => ({
      index: p.index,
      line: p.line,
      source: p.source,
      reference: p.reference ?? null,
      outputs: p.outputs,
      // Paragraphs outside the diff scope carry null, not an empty diff that would read "no change".
      diffs: c.diffScope === 'disagreements' && Object.keys(p.diffs).length === 0 ? null : p.diffs,
      changes: p.changes ?? null,
      scores: p.scores ?? null,
      disagreement: p.disagreement,
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
