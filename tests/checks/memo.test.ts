import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CheckMemo, allChecks, checkTranslation, createCheckTools, prepareSource, type Check } from '../../src/checks/index.js';
import { loadGlossary } from '../../src/glossary/load.js';

const root = new URL('../../', import.meta.url);
const sourceText = readFileSync(new URL('corpus/japan-us-defense-industry/source.vi.txt', root), 'utf8');
const targetText = readFileSync(new URL('corpus/japan-us-defense-industry/reference.en.txt', root), 'utf8');
const glossary = await loadGlossary(new URL('glossary.yaml', root).pathname);
const scoped = allChecks().filter((c) => c.meta.paragraphScoped).length;
const paragraphCount = sourceText.split(/\n\s*\n/).filter((p) => p.trim() !== '').length;

/** The findings of a fresh check (no memo), the reference every memoized check must equal. */
function fresh(target: string) {
  const tools = createCheckTools(glossary);
  return checkTranslation(prepareSource({ file: 'source.vi.txt', text: sourceText }, tools), { file: 'reference.en.txt', text: target }, tools).findings;
}

describe('CheckMemo', () => {
  const tools = createCheckTools(glossary);
  const source = prepareSource({ file: 'source.vi.txt', text: sourceText }, tools);

  it('re-runs the paragraph-scoped checks only on the paragraph an edit changed, with the findings of a fresh check', () => {
    const memo = new CheckMemo();
    const first = checkTranslation(source, { file: 'reference.en.txt', text: targetText }, tools, undefined, memo);
    expect(memo.hits).toBe(0);
    expect(memo.misses).toBe(scoped * paragraphCount);
    expect(first.findings).toEqual(fresh(targetText));

    // A forbidden rendering typed into the third paragraph (same line count).
    const edited = targetText.replace('an influential 2023', 'an influential 2023 and the flight phase interceptor');
    expect(edited).not.toBe(targetText);
    const second = checkTranslation(source, { file: 'reference.en.txt', text: edited }, tools, undefined, memo);
    expect(memo.misses).toBe(scoped);
    expect(memo.hits).toBe(scoped * (paragraphCount - 1));
    expect(second.findings).toEqual(fresh(edited));
    expect(second.findings.filter((f) => f.ruleId === 'term-forbidden' && f.paragraph === 3).map((f) => f.actual)).toEqual(['flight phase interceptor']);
  });

  it('moves kept reports with their paragraph when text before it grows', () => {
    const memo = new CheckMemo();
    checkTranslation(source, { file: 'reference.en.txt', text: targetText }, tools, undefined, memo);
    const longerTitle = targetText.replace('Making the Most of', 'Making the Very Most of');
    const again = checkTranslation(source, { file: 'reference.en.txt', text: longerTitle }, tools, undefined, memo);
    expect(memo.hits).toBe(scoped * (paragraphCount - 1));
    expect(again.findings).toEqual(fresh(longerTitle));
  });

  it('does not call a paragraph-scoped handler for an unchanged pair, and is emptied by other tools', () => {
    const calls: number[] = [];
    const counting: Check = {
      meta: { id: 'counting', description: 'reports every paragraph', severity: 'info', fixable: false, paragraphScoped: true },
      create: (context) => ({
        paragraph(pair) {
          calls.push(pair.index);
          context.report({ message: `paragraph ${pair.index}`, targetRange: [pair.target.start, pair.target.start + 1] });
        },
      }),
    };
    const own = createCheckTools(glossary, [counting]);
    const memo = new CheckMemo();
    const ownSource = prepareSource({ file: 'source.vi.txt', text: sourceText }, own);
    checkTranslation(ownSource, { file: 'reference.en.txt', text: targetText }, own, undefined, memo);
    calls.length = 0;
    const edited = targetText.replace('state visit', 'State Visit');
    const result = checkTranslation(ownSource, { file: 'reference.en.txt', text: edited }, own, undefined, memo);
    expect(calls).toEqual([2]);
    expect(result.findings.map((f) => f.span!.start.offset)).toEqual(ownSource.paragraphs.map((_, i) => result.paragraphs[i]!.start));
    const other = createCheckTools(glossary, [counting]);
    calls.length = 0;
    checkTranslation(ownSource, { file: 'reference.en.txt', text: edited }, other, undefined, memo);
    expect(calls).toHaveLength(paragraphCount);
  });
});
