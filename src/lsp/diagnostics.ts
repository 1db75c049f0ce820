/**
 * Findings, errors and glossary self-tests as LSP diagnostics. Pure: positions come from the
 * offsets findings carry (UTF-16, as LSP counts by default) or, for line:column locations (code
 * points), from the text they point into.
 */
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../core/types.js';

/** The name diagnostics carry as their source. */
export const DIAGNOSTIC_SOURCE = 'vitrans';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information };

/**
 * What a diagnostic's `data` holds: the fingerprint of the finding it shows, to find it again
 * among the findings shown when the editor asks for code actions. Not the finding itself: a
 * large translation has thousands of diagnostics, sent again after every edit.
 */
export interface DiagnosticData {
  fingerprint: string;
}

/** A source file a finding points into: its URI and its text (as the checker read it). */
export interface SourceDocument {
  uri: string;
  text: TextDocument;
}

/**
 * A finding as a diagnostic in `doc`: rule id as code, severity, message with the expected
 * rendering, related information at the source term (in `source`, when given).
 */
export function findingToDiagnostic(finding: Finding, doc: TextDocument, source?: SourceDocument): Diagnostic {
  const range = finding.span ? { start: doc.positionAt(finding.span.start.offset), end: doc.positionAt(finding.span.end.offset) } : lineStart(0);
  const diagnostic: Diagnostic = {
    range,
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: `${finding.message}${expectedPart(finding)}${finding.note ? `\n${finding.note}` : ''}`,
  };
  if (finding.fingerprint !== undefined) diagnostic.data = { fingerprint: finding.fingerprint } satisfies DiagnosticData;
  if (finding.source && source) {
    const related: DiagnosticRelatedInformation = {
      location: { uri: source.uri, range: { start: source.text.positionAt(finding.source.span.start.offset), end: source.text.positionAt(finding.source.span.end.offset) } },
      message: `the source: "${finding.source.text}"`,
    };
    diagnostic.relatedInformation = [related];
  }
  return diagnostic;
}

/** The expected rendering, unless the message names it already ("use \"Ministry of National Defense\""). */
function expectedPart(finding: Finding): string {
  const expected = finding.expected ?? [];
  if (expected.length === 0 || expected.some((e) => finding.message.includes(`"${e}"`))) return '';
  return ` (expected: ${expected.map((e) => `"${e}"`).join(', ')})`;
}

/** A range at a 1-based line:column (column in code points) of `text`; the whole line's start when the column is absent. */
export function rangeAt(text: string, line: number, column = 1): Range {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) break;
    offset = next + 1;
  }
  let units = 0;
  for (let c = 1; c < column && offset + units < text.length; c++) {
    const code = text.codePointAt(offset + units)!;
    if (code === 0x0a) break;
    units += code > 0xffff ? 2 : 1;
  }
  const position = { line: line - 1, character: units };
  return { start: position, end: position };
}

function lineStart(line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: 0 } };
}

/** A user error (bad glossary, misaligned pair, unreadable source) as one diagnostic at its location, with its hint. */
export function errorDiagnostic(error: { message: string; hint?: string; code?: string }, range: Range, related?: DiagnosticRelatedInformation): Diagnostic {
  return {
    range,
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    ...(error.code ? { code: error.code } : {}),
    message: error.hint ? `${error.message}\n${error.hint}` : error.message,
    ...(related ? { relatedInformation: [related] } : {}),
  };
}
