/**
 * What the check formatters share: counting, grouping findings by file, and the words for them.
 */
import type { Finding, Severity } from '../core/types.js';
import type { CheckReport } from './types.js';

/** Finding counts of a check report. */
export interface CheckCounts {
  errors: number;
  warnings: number;
  infos: number;
  /** Translation files checked. */
  files: number;
  /** Files with at least one finding. */
  filesWithFindings: number;
}

/** Counts findings by severity and files with findings. */
export function countFindings(report: CheckReport): CheckCounts {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) bySeverity[f.severity]++;
  const checked = new Set(report.files.flatMap((f) => f.translations));
  const withFindings = new Set(report.findings.map((f) => f.file));
  for (const file of withFindings) checked.add(file);
  return {
    errors: bySeverity.error,
    warnings: bySeverity.warning,
    infos: bySeverity.info,
    files: checked.size,
    filesWithFindings: withFindings.size,
  };
}

/** `1 error`, `3 warnings`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The one-line summary of a report.
 * @example '3 errors, 1 warning in 2 files' or 'No problems in 4 translations checked.'
 */
export function summaryLine(counts: CheckCounts): string {
  if (counts.errors + counts.warnings + counts.infos === 0) {
    return `No problems in ${plural(counts.files, 'translation')} checked.`;
  }
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning')];
  if (counts.infos > 0) parts.push(plural(counts.infos, 'note'));
  return `${parts.join(', ')} in ${plural(counts.filesWithFindings, 'file')}`;
}

/**
 * Findings grouped by file, files in the order the report lists them (then any others by name),
 * findings by position (line, column; paragraph for findings without a span).
 */
export function groupByFile(report: CheckReport): { file: string; findings: Finding[] }[] {
  const order = new Map<string, number>();
  for (const f of report.files) for (const t of [f.source, ...f.translations]) if (!order.has(t)) order.set(t, order.size);
  const groups = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const list = groups.get(f.file);
    if (list) list.push(f);
    else groups.set(f.file, [f]);
  }
  const rank = (file: string): number => order.get(file) ?? Number.MAX_SAFE_INTEGER;
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, findings]) => ({ file, findings: [...findings].sort(byPosition) }));
}

function byPosition(a: Finding, b: Finding): number {
  const la = a.span?.start.line ?? Number.MAX_SAFE_INTEGER;
  const lb = b.span?.start.line ?? Number.MAX_SAFE_INTEGER;
  return (
    la - lb ||
    (a.span?.start.column ?? 0) - (b.span?.start.column ?? 0) ||
    (a.paragraph ?? 0) - (b.paragraph ?? 0)
  );
}

/** Where a finding is, for humans: `12:5`, or `¶4` without a span, or `-`. */
export function findingPlace(f: Finding): string {
  if (f.span) return `${f.span.start.line}:${f.span.start.column}`;
  if (f.paragraph !== undefined) return `¶${f.paragraph}`;
  return '-';
}

/** What the fix does, in words, or undefined without a fix. */
export function describeFix(f: Finding): string | undefined {
  if (!f.fix) return undefined;
  if (f.fix.text === '') return f.actual !== undefined ? `remove "${f.actual}"` : 'remove the passage';
  return f.actual !== undefined ? `replace "${f.actual}" with "${f.fix.text}"` : `insert "${f.fix.text}"`;
}

/** The expected renderings in words, canonical first, or undefined. */
export function describeExpected(f: Finding): string | undefined {
  if (!f.expected || f.expected.length === 0) return undefined;
  const [first, ...rest] = f.expected.map((e) => `"${e}"`);
  return rest.length === 0 ? first : `${first} (or ${rest.join(', ')})`;
}
