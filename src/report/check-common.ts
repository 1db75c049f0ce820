/**
 * What the check formatters share: counting, grouping findings by file, and the words for them.
 */
import type { Finding, Severity, SuppressionKind } from '../core/types.js';
import type { CheckReport } from './types.js';

/** Finding counts of a check report. Severities count the findings that stand (not suppressed). */
export interface CheckCounts {
  errors: number;
  warnings: number;
  infos: number;
  /** Suppressed findings, by how. */
  suppressed: Record<SuppressionKind, number>;
  /** Translation files checked. */
  files: number;
  /** Files with at least one finding. */
  filesWithFindings: number;
}

/** Counts findings by severity and files with findings. */
export function countFindings(report: CheckReport): CheckCounts {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const suppressed: Record<SuppressionKind, number> = { inline: 0, file: 0, baseline: 0 };
  for (const f of report.findings) {
    if (f.suppression) suppressed[f.suppression.kind]++;
    else bySeverity[f.severity]++;
  }
  const checked = new Set(report.files.flatMap((f) => f.translations));
  const withFindings = new Set(activeFindings(report).map((f) => f.file));
  // A file with findings is a file checked, unless it is one the run only read: the config whose
  // suppressions list has a stale entry is no translation.
  const read = new Set(report.files.flatMap((f) => [f.source, ...f.translations]));
  for (const file of withFindings) if (read.size === 0 || read.has(file) || read.has(file.replace(/#[^/\\]*$/, ''))) checked.add(file);
  return {
    errors: bySeverity.error,
    warnings: bySeverity.warning,
    infos: bySeverity.info,
    suppressed,
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
  const suppressed = suppressedSummary(counts);
  if (counts.errors + counts.warnings + counts.infos === 0) {
    return `No problems in ${plural(counts.files, 'translation')} checked${suppressed ? ` (${suppressed})` : ''}.`;
  }
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning')];
  if (counts.infos > 0) parts.push(plural(counts.infos, 'note'));
  return `${parts.join(', ')} in ${plural(counts.filesWithFindings, 'file')}${suppressed ? `; ${suppressed}` : ''}`;
}

/** Total suppressed findings. */
export function suppressedCount(counts: CheckCounts): number {
  return counts.suppressed.inline + counts.suppressed.file + counts.suppressed.baseline;
}

/**
 * The suppressed findings in words, or '' when there are none.
 * @example '3 suppressed: 1 inline, 2 by the baseline'
 */
export function suppressedSummary(counts: CheckCounts): string {
  const total = suppressedCount(counts);
  if (total === 0) return '';
  const parts: string[] = [];
  if (counts.suppressed.inline) parts.push(`${counts.suppressed.inline} inline`);
  if (counts.suppressed.file) parts.push(`${counts.suppressed.file} by the suppressions list`);
  if (counts.suppressed.baseline) parts.push(`${counts.suppressed.baseline} by the baseline`);
  return `${total} suppressed: ${parts.join(', ')}`;
}

/** The findings that stand: not suppressed. */
export function activeFindings(report: CheckReport): Finding[] {
  return report.findings.filter((f) => !f.suppression);
}

/** The suppressed findings, each with its suppression. */
export function suppressedFindings(report: CheckReport): (Finding & { suppression: NonNullable<Finding['suppression']> })[] {
  return report.findings.filter((f): f is Finding & { suppression: NonNullable<Finding['suppression']> } => f.suppression !== undefined);
}

/**
 * How a finding was suppressed, in words.
 * @example 'inline at a.en.md:4:1: historical name' or 'by the baseline vitrans-baseline.json:7:5'
 */
export function describeSuppression(f: Finding): string {
  const s = f.suppression;
  if (!s) return '';
  const where = `${s.at.file}${s.at.line !== undefined ? `:${s.at.line}${s.at.column !== undefined ? `:${s.at.column}` : ''}` : ''}`;
  if (s.kind === 'baseline') return `by the baseline ${where}`;
  return `${s.kind === 'inline' ? 'inline' : 'by the suppressions list'} at ${where}: ${s.reason}`;
}

/**
 * Findings grouped by file, files in the order the report lists them (then any others by name),
 * findings by position (line, column; paragraph for findings without a span). By default the
 * findings that stand; pass `suppressedFindings(report)` for the others.
 */
export function groupByFile(report: CheckReport, findings: readonly Finding[] = activeFindings(report)): { file: string; findings: Finding[] }[] {
  const order = new Map<string, number>();
  for (const f of report.files) for (const t of [f.source, ...f.translations]) if (!order.has(t)) order.set(t, order.size);
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.file);
    if (list) list.push(f);
    else groups.set(f.file, [f]);
  }
  const rank = (file: string): number => order.get(file) ?? Number.MAX_SAFE_INTEGER;
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, findings]) => ({ file, findings: [...findings].sort(byPosition) }));
}

/** Orders findings by place: line, column, then paragraph. */
export function byPosition(a: Finding, b: Finding): number {
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
