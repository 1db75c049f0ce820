/**
 * The compact check report: one line per finding, `file:line:col: severity rule-id message`, the
 * line format editors (Vim's errorformat, Emacs compilation mode), grep and CI log scanners read.
 * Suppressed findings follow with `suppressed` in place of the severity and the reason after the
 * message; a summary line ends the report.
 */
import type { Finding } from '../core/types.js';
import { countFindings, describeSuppression, groupByFile, summaryLine, suppressedFindings } from './check-common.js';
import type { CheckReport } from './types.js';

/**
 * Formats a check report one finding per line.
 * @example
 * formatCheckCompact(report)
 * // corpus/a/deepl.en.txt:3:48: error term-forbidden "state-level visit" is a forbidden rendering of "chuyến thăm cấp nhà nước": use "state visit"
 * //
 * // 1 error, 0 warnings in 1 file
 */
export function formatCheckCompact(report: CheckReport): string {
  return [...checkCompactPieces(report)].join('');
}

/** The compact report in pieces, a line each; joined, they are `formatCheckCompact`'s text. */
export function* checkCompactPieces(report: CheckReport): Generator<string> {
  let any = false;
  for (const group of groupByFile(report)) {
    for (const f of group.findings) {
      yield compactLine(f, f.severity) + '\n';
      any = true;
    }
  }
  for (const group of groupByFile(report, suppressedFindings(report))) {
    for (const f of group.findings) {
      yield compactLine(f, 'suppressed', ` (${describeSuppression(f)})`) + '\n';
      any = true;
    }
  }
  yield `${any ? '\n' : ''}${summaryLine(countFindings(report))}\n`;
}

/**
 * One finding as `file:line:col: severity rule-id message` (`file: …` without a place). Line breaks
 * inside the message become spaces: one finding, one line.
 */
export function compactLine(f: Finding, severity: string, suffix = ''): string {
  const place = f.span ? `${f.file}:${f.span.start.line}:${f.span.start.column}` : f.file;
  return `${place}: ${severity} ${f.ruleId} ${oneLine(f.message + suffix)}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/**
 * A run's findings as compact lines, at most `limit` of them: those that stand (in file and
 * position order), then the suppressed ones, marked `suppressed` with how and why; then what
 * `commands` (the `vitrans check` command lines that report them all) show: what `vitrans
 * translate` ends with. Empty when there are no findings.
 * @example formatFindingList(findings, { limit: 10, commands: ['vitrans check a.txt out/a.deepl.en.txt'] })
 */
export function formatFindingList(findings: readonly Finding[], opts: { limit: number; commands: readonly string[] }): string {
  const inOrder = (list: Finding[]): Finding[] => groupByFile({ files: [], findings: list, summary: [] }, list).flatMap((g) => g.findings);
  const standing = inOrder(findings.filter((f) => !f.suppression));
  const suppressed = inOrder(findings.filter((f) => f.suppression));
  if (standing.length + suppressed.length === 0) return '';
  const out = standing.slice(0, opts.limit).map((f) => compactLine(f, f.severity));
  for (const f of suppressed.slice(0, opts.limit - out.length)) out.push(compactLine(f, 'suppressed', ` (${describeSuppression(f)})`));
  const left = standing.length + suppressed.length - out.length;
  if (opts.commands.length > 0) {
    out.push(left > 0 ? `…and ${left} more. The full report:` : 'The full report:');
    for (const command of opts.commands) out.push(`  ${command}`);
  }
  return out.join('\n') + '\n';
}
