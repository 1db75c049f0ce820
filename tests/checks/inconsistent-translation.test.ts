import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../src/glossary/load.js';
import { checksById, checkTranslation, createCheckRun, createCheckTools, prepareSource, type CheckRun } from '../../src/checks/index.js';
import { GLOSSARY_YAML } from './helpers.js';

const SENTENCE = 'Hai bên nhất trí tăng cường hợp tác trong lĩnh vực an ninh hàng hải.';
const TRANSLATED = 'The two sides agreed to strengthen cooperation on maritime security.';

/** Checks each [source file, source, translation file, translation] in one run and returns every finding. */
function checkAll(articles: [string, string, string, string][], options: Record<string, unknown> = {}, run: CheckRun | undefined = createCheckRun()) {
  const tools = createCheckTools(parseGlossary(GLOSSARY_YAML, 'glossary.yaml'), {
    checks: checksById(['inconsistent-translation']),
    options: { 'inconsistent-translation': options },
  });
  return articles.flatMap(([sf, s, tf, t]) => checkTranslation(prepareSource({ file: sf, text: s }, tools), { file: tf, text: t }, tools, run).findings);
}

describe('inconsistent-translation', () => {
  it('reports a source sentence translated differently in another article, pointing at the first', () => {
    const findings = checkAll([
      ['a/source.vi.txt', `Mở đầu.\n\n${SENTENCE}`, 'a/reference.en.txt', `Introduction.\n\n${TRANSLATED}`],
      ['b/source.vi.txt', `Hội đàm kết thúc. ${SENTENCE}`, 'b/reference.en.txt', 'The talks ended. Both sides agreed to boost maritime security cooperation.'],
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'inconsistent-translation',
      severity: 'warning',
      file: 'b/reference.en.txt',
      message: 'this sentence is translated differently at a/reference.en.txt:3:1',
      note: 'its source is the same as at a/source.vi.txt:3:1: translate it one way',
      span: { start: { line: 1, column: 18 } },
      source: { file: 'b/source.vi.txt', text: SENTENCE },
    });
  });

  it('takes old tone marks, NFD, case and punctuation for the same sentence', () => {
    const variant = SENTENCE.normalize('NFD').toUpperCase().replace('.', '!');
    const findings = checkAll([
      ['a/source.vi.txt', SENTENCE, 'a/reference.en.txt', TRANSLATED],
      ['b/source.vi.txt', variant, 'b/reference.en.txt', `“${TRANSLATED.toUpperCase()}”`],
    ]);
    expect(findings).toEqual([]);
    const differently = checkAll([
      ['a/source.vi.txt', 'Hai nước thúc đẩy hoà bình và hợp tác trong khu vực.', 'a/reference.en.txt', 'The two countries promote peace and cooperation in the region.'],
      ['b/source.vi.txt', 'Hai nước thúc đẩy hòa bình và hợp tác trong khu vực.', 'b/reference.en.txt', 'Both countries are promoting regional peace and cooperation.'],
    ]);
    expect(differently.map((f) => f.message)).toEqual(['this sentence is translated differently at a/reference.en.txt:1:1']);
  });

  it('reports two different source sentences translated identically', () => {
    const findings = checkAll([
      ['a/source.vi.txt', 'Nhật Bản sẽ cung cấp 5 tàu tuần tra cho Việt Nam.', 'a/reference.en.txt', 'Japan will provide five patrol vessels to Vietnam.'],
      ['b/source.vi.txt', 'Nhật Bản sẽ cung cấp 6 tàu tuần tra cho Việt Nam.', 'b/reference.en.txt', 'Japan will provide five patrol vessels to Vietnam.'],
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      file: 'b/reference.en.txt',
      message: 'the same translation stands here and at a/reference.en.txt:1:1 for two different source sentences: one of them is likely pasted from the other',
      note: 'compare the sources: this one and a/source.vi.txt:1:1, and fix the translation that does not match its own',
    });
  });

  it('compares within one series of translations only: two engines may differ', () => {
    expect(
      checkAll([
        ['a/source.vi.txt', SENTENCE, 'a/deepl.en.txt', TRANSLATED],
        ['a/source.vi.txt', SENTENCE, 'a/google.en.txt', 'Both sides agreed to boost maritime security cooperation.'],
      ]),
    ).toEqual([]);
  });

  it('finds the same within one article, without a run', () => {
    const source = `${SENTENCE}\n\n${SENTENCE}`;
    const target = `${TRANSLATED}\n\nBoth sides agreed to boost maritime security cooperation.`;
    expect(checkAll([['a.vi.txt', source, 'a.en.txt', target]], {}, undefined).map((f) => f.paragraph)).toEqual([2]);
  });

  it('leaves alone short sentences and paragraphs whose sentences do not pair one to one', () => {
    expect(
      checkAll([
        ['a/source.vi.txt', 'Theo TTXVN.', 'a/reference.en.txt', 'VNA reported.'],
        ['b/source.vi.txt', 'Theo TTXVN.', 'b/reference.en.txt', 'According to VNA.'],
      ]),
    ).toEqual([]);
    expect(
      checkAll([
        ['a/source.vi.txt', SENTENCE, 'a/reference.en.txt', TRANSLATED],
        ['b/source.vi.txt', SENTENCE, 'b/reference.en.txt', 'Both sides agreed on it. They will boost maritime security cooperation.'],
      ]),
    ).toEqual([]);
  });

  it('takes options: minWords, sameSource, sameTranslation', () => {
    const articles: [string, string, string, string][] = [
      ['a/source.vi.txt', 'Theo TTXVN.', 'a/reference.en.txt', 'VNA reported.'],
      ['b/source.vi.txt', 'Theo TTXVN.', 'b/reference.en.txt', 'According to VNA.'],
    ];
    expect(checkAll(articles, { minWords: 2 })).toHaveLength(1);
    expect(checkAll(articles, { minWords: 2, sameSource: false })).toEqual([]);
    const identical: [string, string, string, string][] = [
      ['a/source.vi.txt', 'Nhật Bản sẽ cung cấp 5 tàu tuần tra.', 'a/reference.en.txt', 'Japan will provide five patrol vessels.'],
      ['b/source.vi.txt', 'Nhật Bản sẽ cung cấp 6 tàu tuần tra.', 'b/reference.en.txt', 'Japan will provide five patrol vessels.'],
    ];
    expect(checkAll(identical, { sameTranslation: false })).toEqual([]);
  });
});
