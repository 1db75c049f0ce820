/**
 * The terminal check report, in the manner of ESLint's "stylish": findings grouped by file, one
 * aligned row each (`line:col  severity  message  rule-id`), the expected rendering and the fix
 * beneath, and a summary line.
 */
import pc from 'picocolors';
import type { Finding, Severity } from '../core/types.js';
import {
  activeFindings, countFindings, describeExpected, describeFix, describeSuppression, findingPlace, groupByFile, plural, summaryLine, suppressedFindings,
} from './check-common.js';
import { displayWidth, padEnd, wrapWords } from './escape.js';
import type { CheckReport, TerminalOptions } from './types.js';

/**
 * Formats a check report for a terminal. Colour only when `opts.color`.
 * @example
 * formatCheckText(report, { color: false, width: 200 })
 * // corpus/a/deepl.en.txt
 * //   3:12  error  "flight phase interceptor" is a forbidden rendering of "Thiết bị đánh chặn pha bay": use "Glide Phase Interceptor"  term-forbidden
 * //                expected "Glide Phase Interceptor"; fix: replace "flight phase interceptor" with "Glide Phase Interceptor"
 * //
 * // ✖ 1 error, 0 warnings in 1 file
 * //   1 of them fixable with --fix
 */
export function formatCheckText(report: CheckReport, opts: TerminalOptions): string {
  return [...checkTextPieces(report, opts)].join('');
}

/** The terminal report in pieces, a line each; joined, they are `formatCheckText`'s text. */
export function* checkTextPieces(report: CheckReport, opts: TerminalOptions): Generator<string> {
  const c = pc.createColors(opts.color);
  // Without a width (output piped to a file or a program) nothing is wrapped.
  const width = opts.width === undefined ? Infinity : Math.max(40, opts.width);
  const counts = countFindings(report);
  const active = activeFindings(report);
  const suppressed = suppressedSection(report, c, width);
  if (active.length === 0) {
    yield `${suppressed}${termSection(report, c, width)}${c.green('✔')} ${summaryLine(counts)}\n`;
    return;
  }

  const severityColor: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  for (const group of groupByFile(report)) {
    yield c.underline(group.file) + '\n';
    // reduce, not Math.max(...list): a file can have more findings than a call takes arguments.
    const placeWidth = group.findings.reduce((w, f) => Math.max(w, displayWidth(findingPlace(f))), 0);
    const sevWidth = group.findings.reduce((w, f) => Math.max(w, f.severity.length), 0);
    const indent = 2 + placeWidth + 2 + sevWidth + 2;
    for (const f of group.findings) {
      const messageWidth = Math.max(20, width - indent - 2 - f.ruleId.length);
      const lines = wrapWords(f.message, messageWidth);
      const lead = `  ${c.dim(padEnd(findingPlace(f), placeWidth))}  ${severityColor[f.severity](padEnd(f.severity, sevWidth))}  `;
      // One piece per finding, its detail lines with it.
      let piece = '';
      for (let i = 0; i < lines.length; i++) {
        const prefix = i === 0 ? lead : ' '.repeat(indent);
        piece += i === lines.length - 1 ? `${prefix}${lines[i]}  ${c.dim(f.ruleId)}\n` : `${prefix}${lines[i]}\n`;
      }
      for (const detail of [detailLine(f), f.note]) {
        if (detail) for (const line of wrapWords(detail, width - indent)) piece += ' '.repeat(indent) + c.dim(line) + '\n';
      }
      yield piece;
    }
    yield '\n';
  }
  if (suppressed) yield suppressed.trimEnd() + '\n\n';
  const terms = termSection(report, c, width);
  if (terms) yield terms.trimEnd() + '\n\n';
  const fixable = active.filter((f) => f.fix && !f.fix.unsafe).length;
  const unsafe = active.filter((f) => f.fix?.unsafe).length;
  const summary = `✖ ${summaryLine(counts)}`;
  yield (counts.errors > 0 ? c.bold(c.red(summary)) : c.bold(c.yellow(summary))) + '\n';
  if (fixable > 0) yield c.dim(`  ${fixable} of them fixable with --fix`) + '\n';
  if (unsafe > 0) yield c.dim(`  ${unsafe} ${fixable > 0 ? 'more' : 'of them'} with --fix --unsafe-fixes (the source paragraph lacks the term: look first)`) + '\n';
}

/**
 * The suppressed findings, dimmed, grouped by file: place, rule and message, and beneath how each
 * was suppressed and why. Empty when nothing was suppressed.
 */
function suppressedSection(report: CheckReport, c: ReturnType<typeof pc.createColors>, width: number): string {
  const findings = suppressedFindings(report);
  if (findings.length === 0) return '';
  const out = [c.bold(`Suppressed: ${plural(findings.length, 'finding')}`)];
  for (const group of groupByFile(report, findings)) {
    out.push(c.dim(group.file));
    const placeWidth = group.findings.reduce((w, f) => Math.max(w, displayWidth(findingPlace(f))), -Infinity);
    const indent = 2 + placeWidth + 2;
    for (const f of group.findings) {
      const lines = wrapWords(f.message, Math.max(20, width - indent - 2 - f.ruleId.length));
      lines[lines.length - 1] += `  ${f.ruleId}`;
      lines.forEach((line, i) => out.push(c.dim(`${i === 0 ? `  ${padEnd(findingPlace(f), placeWidth)}  ` : ' '.repeat(indent)}${line}`)));
      for (const line of wrapWords(describeSuppression(f), Math.max(20, width - indent))) out.push(' '.repeat(indent) + c.dim(line));
    }
  }
  return out.join('\n') + '\n\n';
}

/** The expected rendering, what was found and the fix, on one line (the note goes on the next). */
function detailLine(f: Finding): string | undefined {
  const parts: string[] = [];
  const expected = describeExpected(f);
  if (expected) parts.push(`expected ${expected}`);
  if (f.actual !== undefined && !f.fix) parts.push(`found "${f.actual}"`);
  const fix = describeFix(f);
  if (fix) parts.push(`fix: ${fix}`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/**
 * The corpus-wide term summary: a count line, then every term not rendered one approved way
 * (several approved variants count too, since consistency is the point), with each rendering's count.
 */
function termSection(report: CheckReport, c: ReturnType<typeof pc.createColors>, width: number): string {
  if (report.summary.length === 0) return '';
  const occurrences = report.summary.reduce((n, t) => n + t.occurrences, 0);
  // A short second mention ("the ministry") is no second way of rendering a term.
  const varied = report.summary.filter((t) => t.renderings.filter((r) => !r.secondMention).length > 1 || t.renderings.some((r) => !r.approved));
  const translations = report.files.reduce((n, f) => n + f.translations.length, 0);
  const headline = `Glossary terms: ${plural(report.summary.length, 'term')}, ${plural(occurrences, 'occurrence')} checked in ${plural(translations, 'translation')}; ${varied.length === 0 ? 'each rendered one approved way' : `${plural(varied.length, 'term')} not rendered one approved way`}`;
  const out = wrapWords(headline, width).map((line) => c.bold(line));
  for (const t of varied) {
    for (const line of wrapWords(`${t.vi} → ${t.en}`, width - 2)) out.push(`  ${line}`);
    const shown = t.renderings.map((r) => `${r.approved ? c.green(r.text) : c.red(r.text)} ×${r.count}`).join(', ');
    for (const line of wrapWords(shown, width - 4)) out.push(`    ${line}`);
  }
  return out.join('\n') + '\n\n';
}
