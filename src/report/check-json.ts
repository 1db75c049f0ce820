/**
 * The JSON check report: a stable schema for tools. Every key is always present (`null` when a
 * finding has no such field), in a fixed order, so consumers and diffs of reports stay simple.
 * Suppressed findings are listed with the others, their `suppression` set; `summary` counts by
 * severity only the findings that stand.
 */
import type { Finding, Position, Span } from '../core/types.js';
import { countFindings, suppressedCount } from './check-common.js';
import { mapped } from '../core/iterate.js';
import { jsonItems, jsonPieces } from './json-pieces.js';
import type { CheckReport } from './types.js';

/** Schema version of the JSON check report. Bump it when a field changes meaning or goes away. */
export const CHECK_JSON_VERSION = 1;

/**
 * Formats a check report as JSON (2-space indent, trailing newline).
 * @example JSON.parse(formatCheckJson(report)).summary.errors
 */
export function formatCheckJson(report: CheckReport): string {
  return [...checkJsonPieces(report)].join('');
}

/**
 * The JSON check report in pieces, a finding each (what `vitrans check -f json` writes, so a report
 * of 100 MB is never one string); joined, they are `formatCheckJson`'s text.
 */
export function* checkJsonPieces(report: CheckReport): Generator<string> {
  const counts = countFindings(report);
  const doc = {
    version: CHECK_JSON_VERSION,
    summary: {
      errors: counts.errors,
      warnings: counts.warnings,
      infos: counts.infos,
      files: counts.files,
      filesWithFindings: counts.filesWithFindings,
      suppressed: { total: suppressedCount(counts), ...counts.suppressed },
    },
    baseline: report.baseline ?? null,
    files: report.files.map((f) => ({ source: f.source, translations: [...f.translations] })),
    findings: jsonItems(mapped(report.findings, findingJson)),
    terms: jsonItems(
      mapped(report.summary, (t) => ({
        termId: t.termId,
        vi: t.vi,
        en: t.en,
        occurrences: t.occurrences,
        renderings: t.renderings.map((r) => ({ text: r.text, count: r.count, approved: r.approved, secondMention: r.secondMention === true })),
      })),
    ),
  };
  yield* jsonPieces(doc);
  yield '\n';
}

function findingJson(f: Finding) {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    file: f.file,
    paragraph: f.paragraph ?? null,
    line: f.span?.start.line ?? null,
    column: f.span?.start.column ?? null,
    span: f.span ? spanJson(f.span) : null,
    source: f.source ? { file: f.source.file, text: f.source.text, span: spanJson(f.source.span) } : null,
    termId: f.termId ?? null,
    expected: f.expected ? [...f.expected] : null,
    actual: f.actual ?? null,
    fix: f.fix ? { range: [f.fix.range[0], f.fix.range[1]], text: f.fix.text, ...(f.fix.unsafe ? { unsafe: true } : {}) } : null,
    engine: f.engine ?? null,
    unit: f.unit ?? null,
    note: f.note ?? null,
    related: f.related ? f.related.map((r) => ({ file: r.file, line: r.line, column: r.column, message: r.message })) : null,
    fingerprint: f.fingerprint ?? null,
    suppression: f.suppression
      ? { kind: f.suppression.kind, reason: f.suppression.reason, file: f.suppression.at.file, line: f.suppression.at.line ?? null, column: f.suppression.at.column ?? null }
      : null,
  };
}

function spanJson(span: Span) {
  const pos = (p: Position) => ({ line: p.line, column: p.column, offset: p.offset });
  return { start: pos(span.start), end: pos(span.end) };
}
