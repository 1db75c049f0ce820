/**
 * Code actions over a translation's findings: each fix as a quick fix, every safe fix of a
 * forbidden rendering in the file at once, and an inline suppression directive for a finding
 * (the one `checks/inline-suppressions.ts` reads) whose reason the user writes after ` -- `.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/types.js';
import { fixesToApply } from '../checks/fixes.js';
import { escapeXmlText } from '../formats/tmx.js';
import type { DiagnosticData } from './diagnostics.js';

/** The title of the file-wide action. */
export const FIX_ALL_FORBIDDEN = 'Fix all forbidden renderings in this file';

/**
 * The finding a diagnostic shows, among the findings shown: the one of its rule where it starts
 * (clients need not send `data` back, Neovim 0.7 does not), else the one whose fingerprint its
 * `data` carries (the diagnostic is from before an edit that moved it).
 */
export function findingOf(diagnostic: Diagnostic, doc?: TextDocument, shown: readonly Finding[] = []): Finding | undefined {
  if (doc) {
    const start = doc.offsetAt(diagnostic.range.start);
    const found = shown.find((f) => f.ruleId === diagnostic.code && f.span?.start.offset === start);
    if (found) return found;
  }
  const fingerprint = (diagnostic.data as Partial<DiagnosticData> | undefined)?.fingerprint;
  return fingerprint === undefined ? undefined : shown.find((f) => f.ruleId === diagnostic.code && f.fingerprint === fingerprint);
}

/**
 * The actions for the diagnostics the editor asks about, given every finding shown in the file.
 * A fix that may be wrong (`unsafe`) is offered, not preferred, and left out of "fix all".
 */
export function codeActions(doc: TextDocument, asked: readonly Diagnostic[], shown: readonly Finding[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const edit = (finding: Finding): TextEdit => ({ range: { start: doc.positionAt(finding.fix!.range[0]), end: doc.positionAt(finding.fix!.range[1]) }, newText: finding.fix!.text });
  for (const diagnostic of asked) {
    const finding = findingOf(diagnostic, doc, shown);
    if (!finding) continue;
    if (finding.fix) {
      const replaced = doc.getText().slice(finding.fix.range[0], finding.fix.range[1]);
      actions.push({
        title: `${finding.fix.text === '' ? `Remove "${replaced}"` : `Replace "${replaced}" with "${finding.fix.text}"`}${finding.fix.unsafe ? ' (check the source first)' : ''}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: !finding.fix.unsafe,
        edit: { changes: { [doc.uri]: [edit(finding)] } },
      });
    }
    actions.push(suppression(doc, diagnostic, finding));
  }
  const forbidden = shown.filter((f) => f.ruleId === 'term-forbidden');
  const fixes = fixesToApply(forbidden, forbidden[0]?.file ?? '', {});
  if (fixes.length > 0 && asked.some((d) => d.code === 'term-forbidden')) {
    const fixed = new Set(fixes);
    actions.push({
      title: FIX_ALL_FORBIDDEN,
      kind: CodeActionKind.QuickFix,
      edit: { changes: { [doc.uri]: forbidden.filter((f) => f.fix && fixed.has(f.fix)).map(edit) } },
    });
  }
  return actions;
}

/**
 * `<!-- vitrans-disable-line RULE -- -->` where the finding ends (see below): until a reason is
 * written after `--`, the checker reports the directive itself (`invalid-suppression`, "has no
 * reason"), so nothing is silenced without one.
 */
function suppression(doc: TextDocument, diagnostic: Diagnostic, finding: Finding): CodeAction {
  const directive = `<!-- vitrans-disable-line ${finding.ruleId} -- -->`;
  // A finding of an XLIFF or TMX file (it names its unit): the directive goes into the target, right
  // after what it is about, escaped as the CAT tool shows text (a real comment there is no text, and
  // "--" cannot stand in one).
  if (finding.unit !== undefined) {
    const at = diagnostic.range.end;
    const escaped = escapeXmlText(directive);
    return suppressionAction(doc, diagnostic, finding, { start: at, end: at }, ` ${escaped}`);
  }
  // Elsewhere at the end of the line the finding ends on (a term may run over a line break: the
  // directive must not stand inside it), before trailing spaces (a Markdown hard line break).
  const line = diagnostic.range.end.line;
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const at = { line, character: text.trimEnd().length };
  return suppressionAction(doc, diagnostic, finding, { start: at, end: at }, ` ${directive}`);
}

function suppressionAction(doc: TextDocument, diagnostic: Diagnostic, finding: Finding, range: Diagnostic['range'], newText: string): CodeAction {
  return {
    title: `Suppress ${finding.ruleId} on this line with a reason (write it after "--")`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [doc.uri]: [{ range, newText }] } },
  };
}
