/**
 * The compact check report: one line per finding, `file:line:col: severity rule-id message`, the
 * line format editors (Vim's errorformat, Emacs compilation mode), grep and CI log scanners read.
 * Suppressed findings follow with `suppressed` in place of the severity and the reason after the
 * message; a summary line ends the report.
 */
import type { Finding } from '../core/types.js';
import { byPosition, countFindings, describeSuppression, groupByFile, summaryLine, suppressedFindings } from './check-common.js';
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
  const tally = new FindingTally(opts.limit);
  for (const f of findings) tally.add(f);
  return tally.list(opts.commands);
}

/**
 * What `vitrans translate` keeps of a run's findings, given one at a time: how many stand at each
 * severity, how many are suppressed, the files that have any, and the first `limit` of those that
 * stand and of the suppressed ones in the order `formatFindingList` lists them (by file name, then
 * line, column and paragraph, then as given). A long article's hundreds of thousands of findings
 * are not all kept to print ten of them.
 * @example const tally = new FindingTally(10); tally.add(finding); tally.list(['vitrans check a.txt out/a.deepl.en.txt'])
 */
export class FindingTally {
  /** Findings that stand (not suppressed), by severity. */
  readonly standing: Record<Finding['severity'], number> = { error: 0, warning: 0, info: 0 };
  suppressed = 0;
  /** Every file a finding points into. */
  readonly files = new Set<string>();
  private readonly firstStanding: Finding[] = [];
  private readonly firstSuppressed: Finding[] = [];

  constructor(private readonly limit: number) {}

  add(f: Finding): void {
    this.files.add(f.file);
    if (f.suppression) this.suppressed++;
    else this.standing[f.severity]++;
    keepFirst(f.suppression ? this.firstSuppressed : this.firstStanding, f, this.limit);
  }

  /** The compact lines of the first findings and the commands, as `formatFindingList` gives them for every finding added. */
  list(commands: readonly string[]): string {
    const total = this.standing.error + this.standing.warning + this.standing.info + this.suppressed;
    if (total === 0) return '';
    const out = this.firstStanding.map((f) => compactLine(f, f.severity));
    for (const f of this.firstSuppressed.slice(0, this.limit - out.length)) out.push(compactLine(f, 'suppressed', ` (${describeSuppression(f)})`));
    const left = total - out.length;
    if (commands.length > 0) {
      out.push(left > 0 ? `…and ${left} more. The full report:` : 'The full report:');
      for (const command of commands) out.push(`  ${command}`);
    }
    return out.join('\n') + '\n';
  }
}

/**
 * Puts `f` among the `limit` first findings of `first` (kept in order): files by name, then by
 * position; a finding that ties with one kept comes after it, as a stable sort puts it.
 */
function keepFirst(first: Finding[], f: Finding, limit: number): void {
  const inOrder = (a: Finding, b: Finding): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : byPosition(a, b));
  let at = first.length;
  while (at > 0 && inOrder(f, first[at - 1]!) < 0) at--;
  if (at >= limit) return;
  first.splice(at, 0, f);
  if (first.length > limit) first.pop();
}
