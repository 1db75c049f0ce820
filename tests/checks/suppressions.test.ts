import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Finding } from '../../src/core/types.js';
import { applySuppressionRules, withoutSuppressionFindings, type SuppressionRule } from '../../src/checks/suppressions.js';
import { compileFileMatcher } from '../../src/config/sections.js';
import { parseGlossary } from '../../src/glossary/load.js';
import { checkArticle, COAST_GUARD_GLOSSARY, SOURCE, TRANSLATION } from './suppression-fixtures.js';
import { checkTranslation, createCheckTools, prepareSource } from '../../src/checks/index.js';

const PROJECT = '/proj';
const result = checkArticle(TRANSLATION, 'corpus/coast-guard/deepl.en.txt');
const scope = {
  resolve: (file: string) => resolve(PROJECT, file),
  checked: ['corpus/coast-guard/source.vi.txt', 'corpus/coast-guard/deepl.en.txt'],
  paragraphText: (file: string, n: number) => (file === result.translation ? result.paragraphs[n - 1]?.text : undefined),
  ran: new Set(['term-forbidden', 'term-missing', 'untranslated']),
};
const at = { file: 'vitrans.config.yaml', line: 12, column: 5, offset: 240 };
const rule = (fields: Partial<SuppressionRule>): SuppressionRule => ({ rules: ['term-forbidden'], reason: 'historical name', at, ...fields });
const files = (...patterns: string[]) => patterns.map((p) => compileFileMatcher(p, PROJECT));
const suppressedActuals = (out: Finding[]) => out.filter((f) => f.suppression).map((f) => f.actual);

describe('suppressions lists', () => {
  it.each([
    ['a file pattern', rule({ files: files('corpus/*/deepl.en.txt') }), ['Vietnam Sea Police', 'Japanese Department of Defense', 'Vietnam Marine Police']],
    ['a file name in any folder', rule({ files: files('deepl.en.txt') }), ['Vietnam Sea Police', 'Japanese Department of Defense', 'Vietnam Marine Police']],
    ['a paragraph of a file', rule({ files: files('corpus/coast-guard/deepl.en.txt'), paragraph: 4 }), ['Vietnam Marine Police']],
    ['a passage, whitespace and case folded', rule({ text: 'the   VIETNAM marine police\nwill step up' }), ['Vietnam Marine Police']],
    ['a glossary term', rule({ term: 'japan-mod' }), ['Japanese Department of Defense']],
    ['a term in some files only', rule({ term: 'vietnam-coast-guard', files: files('corpus/coast-guard/*.en.txt') }), ['Vietnam Sea Police', 'Vietnam Marine Police']],
    ['another check', rule({ rules: ['term-missing'], files: files('**/*.en.txt') }), []],
    ['another folder', rule({ files: files('other/**') }), []],
  ])('by %s', (_name, r, expected) => {
    expect(suppressedActuals(applySuppressionRules(result.findings, [r], scope))).toEqual(expected);
  });

  it('matches a file name without "/" in any folder, also outside the folder of the file it is written in', () => {
    const fromSubfolder = rule({ files: [compileFileMatcher('deepl.en.txt', resolve(PROJECT, 'config/suppressions'))] });
    expect(suppressedActuals(applySuppressionRules(result.findings, [fromSubfolder], scope))).toEqual(['Vietnam Sea Police', 'Japanese Department of Defense', 'Vietnam Marine Police']);
    const stale = rule({ text: 'no such passage', files: [compileFileMatcher('deepl.en.txt', resolve(PROJECT, 'config'))] });
    expect(applySuppressionRules(result.findings, [stale], scope).at(-1)).toMatchObject({ ruleId: 'unused-suppression' });
    const pathPattern = rule({ files: [compileFileMatcher('coast-guard/deepl.en.txt', resolve(PROJECT, 'config'))] });
    expect(suppressedActuals(applySuppressionRules(result.findings, [pathPattern], scope))).toEqual([]);
  });

  it('keeps every field of a suppressed finding and adds where and why', () => {
    const [first] = applySuppressionRules(result.findings, [rule({ text: 'took delivery of two' })], scope);
    expect(first).toEqual({ ...result.findings[0], suppression: { kind: 'file', reason: 'historical name', at: { file: 'vitrans.config.yaml', line: 12, column: 5 } } });
  });

  it('reports an entry that matches nothing in the files it covers as unused, at the entry', () => {
    const out = applySuppressionRules(result.findings, [rule({ text: 'no such passage', files: files('corpus/**') })], scope);
    expect(out.slice(0, 3)).toEqual(result.findings);
    expect(out[3]).toMatchObject({
      ruleId: 'unused-suppression',
      severity: 'warning',
      file: 'vitrans.config.yaml',
      span: { start: { line: 12, column: 5, offset: 240 } },
      message: 'the suppression of term-forbidden (historical name) matches no finding: remove it',
    });
  });

  it('does not call an entry unused when its files were not checked or its check did not run', () => {
    const elsewhere = applySuppressionRules(result.findings, [rule({ files: files('corpus/other/*.en.txt') })], scope);
    expect(elsewhere).toEqual(result.findings);
    const off = applySuppressionRules(result.findings, [rule({ rules: ['untranslated'], files: files('**') })], { ...scope, ran: new Set(['term-forbidden']) });
    expect(off).toEqual(result.findings);
    // Without files it may be meant for articles not checked in this run.
    expect(applySuppressionRules(result.findings, [rule({ term: 'no-such-entry' })], scope)).toEqual(result.findings);
  });

  it('reports an entry naming a glossary entry the glossary lacks as invalid, at the entry, with the closest id', () => {
    const termIds = ['vietnam-coast-guard', 'japan-mod'];
    const out = applySuppressionRules(result.findings, [rule({ term: 'vietnam-coastguard' }), rule({ term: 'japan-mod' })], { ...scope, termIds });
    expect(suppressedActuals(out)).toEqual(['Japanese Department of Defense']);
    expect(out.filter((f) => f.ruleId === 'invalid-suppression')).toEqual([
      {
        ruleId: 'invalid-suppression',
        severity: 'warning',
        message: 'the suppression of term-forbidden names the glossary entry "vietnam-coastguard", which the glossary does not have (did you mean vietnam-coast-guard?): it suppresses nothing',
        file: 'vitrans.config.yaml',
        span: { start: { line: 12, column: 5, offset: 240 }, end: { line: 12, column: 5, offset: 240 } },
      },
    ]);
    const far = applySuppressionRules(result.findings, [rule({ term: 'no-such-id' })], { ...scope, termIds });
    expect(far.at(-1)!.message).toMatch(/"no-such-id", which the glossary does not have: it suppresses nothing$/);
  });

  it('leaves out the suppressions\' own findings for a comparison, keeping suppressed findings', () => {
    const out = applySuppressionRules(result.findings, [rule({ term: 'no-such-id' }), rule({ text: 'no such passage', files: files('corpus/**') }), rule({ term: 'japan-mod' })], {
      ...scope,
      termIds: ['vietnam-coast-guard', 'japan-mod'],
    });
    expect(out.map((f) => f.ruleId)).toContain('invalid-suppression');
    expect(out.map((f) => f.ruleId)).toContain('unused-suppression');
    const compared = withoutSuppressionFindings(out);
    expect(compared.map((f) => f.ruleId)).toEqual(['term-forbidden', 'term-forbidden', 'term-forbidden']);
    expect(suppressedActuals(compared)).toEqual(['Japanese Department of Defense']);
  });

  it('leaves a finding suppressed inline as it is', () => {
    const inline = checkArticle(TRANSLATION.replace('cooperation.', 'cooperation. <!-- vitrans-disable-line term-forbidden -- quoted -->'), 'corpus/coast-guard/deepl.en.txt');
    const out = applySuppressionRules(inline.findings, [rule({ paragraph: 4, files: files('**') })], scope);
    expect(out.find((f) => f.actual === 'Vietnam Marine Police')!.suppression!.kind).toBe('inline');
  });
});

describe('per-check and per-entry severity', () => {
  const run = (glossaryYaml: string, settings: Parameters<typeof createCheckTools>[1]) => {
    const tools = createCheckTools(parseGlossary(glossaryYaml, 'glossary.yaml'), settings);
    return checkTranslation(prepareSource({ file: 's.vi.txt', text: SOURCE }, tools), { file: 'a.en.txt', text: TRANSLATION }, tools).findings;
  };

  it('gives every finding of a check the configured severity, and `off` leaves the check out', () => {
    expect(run(COAST_GUARD_GLOSSARY, { severity: { 'term-forbidden': 'warning' } }).map((f) => f.severity)).toEqual(['warning', 'warning', 'warning']);
    expect(run(COAST_GUARD_GLOSSARY, { severity: { 'term-forbidden': 'off' } }).map((f) => f.ruleId)).toEqual([]);
  });

  it("lets an entry's own severity win over the check's and the config's", () => {
    const lenient = COAST_GUARD_GLOSSARY.replace('    en: Japanese Ministry of Defense\n', '    en: Japanese Ministry of Defense\n    severity: info\n');
    expect(run(lenient, {}).map((f) => [f.termId, f.severity])).toEqual([
      ['vietnam-coast-guard', 'error'],
      ['japan-mod', 'info'],
      ['vietnam-coast-guard', 'error'],
    ]);
    expect(run(lenient, { severity: { 'term-forbidden': 'warning' } }).map((f) => f.severity)).toEqual(['warning', 'info', 'warning']);
  });
});
