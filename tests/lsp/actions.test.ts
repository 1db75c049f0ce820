/**
 * The "Suppress RULE on this line" quick fix, applied and checked again: the directive it writes
 * must suppress the finding it was offered for, and change nothing else.
 */
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from '../../src/lsp/actions.js';
import { findingToDiagnostic } from '../../src/lsp/diagnostics.js';
import { checkArticle, TRANSLATION } from '../checks/suppression-fixtures.js';

/** Applies the suppress action offered for the finding of `rule` about `actual`, with `reason` written after "--". */
function suppressFirst(text: string, rule: string, actual: RegExp, reason: string, file = 'deepl.en.md'): { edited: string; insertedAt: number } {
  const doc = TextDocument.create(`file:///tmp/${file}`, 'markdown', 1, text);
  const findings = checkArticle(text, file).findings;
  const finding = findings.find((f) => f.ruleId === rule && actual.test(f.actual ?? '') && !f.suppression)!;
  const action = codeActions(doc, [findingToDiagnostic(finding, doc)], findings).find((a) => a.title.startsWith('Suppress'))!;
  const edit = action.edit!.changes![doc.uri]![0]!;
  const withReason = { ...edit, newText: edit.newText.replace('-- -->', `-- ${reason} -->`) };
  return { edited: TextDocument.applyEdits(doc, [withReason]), insertedAt: doc.offsetAt(edit.range.start) };
}

describe('the suppress quick fix', () => {
  it('writes the directive after a term that runs over a line break, not inside it', () => {
    const text = TRANSLATION.replace('The Vietnam Marine Police will', 'The Vietnam Marine\nPolice will');
    const { edited, insertedAt } = suppressFirst(text, 'term-forbidden', /^Vietnam Marine/, 'the name of the time');
    expect(insertedAt).toBeGreaterThan(text.indexOf('Police will'));
    const after = checkArticle(edited, 'deepl.en.md').findings;
    expect(after.find((f) => f.actual?.startsWith('Vietnam Marine'))?.suppression).toMatchObject({ kind: 'inline', reason: 'the name of the time' });
    expect(after.filter((f) => f.ruleId.endsWith('-suppression'))).toEqual([]);
  });

  it('keeps a Markdown hard line break: the directive goes before the two trailing spaces', () => {
    const text = TRANSLATION.replace('The Vietnam Marine Police will step up international cooperation.', 'The Vietnam Marine Police will step up  \ninternational cooperation.');
    const { edited } = suppressFirst(text, 'term-forbidden', /^Vietnam Marine/, 'quoted');
    expect(edited).toContain('will step up <!-- vitrans-disable-line term-forbidden -- quoted -->  \ninternational');
    expect(checkArticle(edited, 'deepl.en.md').findings.find((f) => f.actual === 'Vietnam Marine Police')?.suppression).toBeDefined();
  });
});
