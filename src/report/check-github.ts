/**
 * The check report as GitHub Actions workflow commands: each finding that stands is an annotation
 * (`::error file=…,line=…,col=…::message`) shown on the pull request's diff; suppressed findings
 * are listed in a collapsed log group, and a summary line ends the log. File paths are as vitrans
 * shows them (relative to the working directory, which in a workflow is the repository root).
 */
import type { Finding, Severity } from '../core/types.js';
import { countFindings, describeSuppression, groupByFile, plural, summaryLine, suppressedFindings } from './check-common.js';
import { compactLine } from './check-compact.js';
import type { CheckReport } from './types.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * Formats a check report as workflow commands.
 * @example
 * formatCheckGithub(report)
 * // ::error file=corpus/a/deepl.en.txt,line=3,col=48,endLine=3,endColumn=65,title=vitrans term-forbidden::"state-level visit" is a forbidden rendering …
 */
export function formatCheckGithub(report: CheckReport): string {
  return [...checkGithubPieces(report)].join('');
}

/** The workflow commands in pieces, a line each; joined, they are `formatCheckGithub`'s text. */
export function* checkGithubPieces(report: CheckReport): Generator<string> {
  for (const group of groupByFile(report)) for (const f of group.findings) yield annotation(f) + '\n';
  const suppressed = suppressedFindings(report);
  if (suppressed.length > 0) {
    yield `::group::vitrans: ${plural(suppressed.length, 'suppressed finding')}\n`;
    for (const group of groupByFile(report, suppressed)) {
      // Plain log lines, each starting with its file: nothing in them can be read as a command.
      for (const f of group.findings) yield compactLine(f, 'suppressed', ` (${describeSuppression(f)})`) + '\n';
    }
    yield '::endgroup::\n';
  }
  yield `vitrans check: ${summaryLine(countFindings(report))}\n`;
}

/** One finding as an annotation command. */
export function annotation(f: Finding): string {
  const props: string[] = [`file=${escapeProperty(f.file)}`];
  if (f.span) {
    const { start, end } = f.span;
    props.push(`line=${start.line}`, `col=${start.column}`, `endLine=${end.line}`);
    // GitHub reads endColumn only for a one-line annotation.
    if (end.line === start.line) props.push(`endColumn=${end.column}`);
  }
  props.push(`title=${escapeProperty(`vitrans ${f.ruleId}`)}`);
  // The note goes on a second line of the annotation (GitHub shows the escaped line break).
  return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.note ? `${f.message}\n${f.note}` : f.message)}`;
}

/** Escapes a command's message: `%`, CR and LF (GitHub turns the last two back into line breaks). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property's value: as data, plus `:` and `,` that would end it. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
