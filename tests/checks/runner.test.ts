import { describe, expect, it } from 'vitest';
import { AlignmentError } from '../../src/core/errors.js';
import { parseGlossary } from '../../src/glossary/load.js';
import { checkTranslation, createCheckTools, prepareSource, summarizeTerms } from '../../src/checks/index.js';
import { check, GLOSSARY_YAML } from './helpers.js';

describe('check runner', () => {
  it('refuses misaligned paragraphs and says where alignment breaks', () => {
    const source = 'Năm 2023.\n\nBiên bản ghi nhớ (MOU) được ký năm 2023.\n\nGPI và SOSA.\n\nKết luận năm 2024.';
    const target = 'In 2023.\n\nThe MOU was signed in 2023. GPI and SOSA.\n\nConclusion in 2024.';
    expect(() => check(source, target)).toThrow(AlignmentError);
    expect(() => check(source, target)).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/3 paragraphs but a\.vi\.txt has 4: alignment breaks at paragraph 2 /),
        location: { file: 'a.en.txt', line: 3, column: 1 },
      }),
    );
  });

  it('reports findings in text order with the engine-free file name', () => {
    const source = 'Thiết bị đánh chặn pha bay.\n\nBiên bản ghi nhớ.';
    const findings = check(source, 'The flight phase interceptor.\n\nThe agreement.').findings;
    expect(findings.map((f) => [f.ruleId, f.paragraph])).toEqual([
      ['term-forbidden', 1],
      ['term-missing', 2],
    ]);
  });

  it('summarises how each term was rendered across translations', () => {
    const glossary = parseGlossary(GLOSSARY_YAML, 'glossary.yaml');
    const source = 'Thiết bị đánh chặn pha bay.\n\nThiết bị đánh chặn pha bay và Biên bản ghi nhớ.';
    const a = check(source, 'The Glide Phase Interceptor.\n\nThe flight phase interceptor and the agreement.');
    const b = check(source, 'The glide phase interceptor.\n\nThe Glide-Phase Interceptor and the Memorandum of Understanding.');
    const summary = summarizeTerms(glossary, [...a.outcomes, ...b.outcomes]);
    expect(summary.map((s) => s.termId)).toEqual(['glide-phase-interceptor', 'mou']);
    expect(summary[0]).toMatchObject({ occurrences: 4 });
    expect(summary[0]!.renderings).toEqual([
      { text: 'Glide Phase Interceptor', count: 2, approved: true },
      { text: 'flight phase interceptor', count: 1, approved: false },
      { text: 'Glide-Phase Interceptor', count: 1, approved: true },
    ]);
    expect(summary[1]!.renderings).toEqual([
      { text: '(missing)', count: 1, approved: false },
      { text: 'Memorandum of Understanding', count: 1, approved: true },
    ]);
  });

  it('counts inflected renderings as the rendering they inflect', () => {
    const glossary = parseGlossary(GLOSSARY_YAML, 'glossary.yaml');
    const source = 'Thiết bị đánh chặn pha bay.\n\nThiết bị đánh chặn pha bay.\n\nThiết bị đánh chặn pha bay.';
    const target = "The Glide Phase Interceptor.\n\nTwo Glide Phase Interceptors.\n\nThe Glide Phase Interceptor's range.";
    const [row] = summarizeTerms(glossary, check(source, target).outcomes);
    expect(row!.renderings).toEqual([{ text: 'Glide Phase Interceptor', count: 3, approved: true }]);
  });
});

describe('check runner with explicit segments', () => {
  it('checks the segments a format gives, with positions in the file and the unit id on each finding', () => {
    // A bilingual file's text with everything but the segment contents blanked out: offsets are the file's.
    const file = '<unit id="u7"><source>Thiết bị đánh chặn pha bay</source><target>the flight phase interceptor</target></unit>';
    const sourceText = blankExcept(file, '<source>', '</source>');
    const targetText = blankExcept(file, '<target>', '</target>');
    const segment = (text: string, open: string, close: string) => {
      const start = file.indexOf(open) + open.length;
      return { index: 1, id: 'u7', start, end: file.indexOf(close), line: 1, text: text.slice(start, file.indexOf(close)) };
    };
    const tools = createCheckTools(parseGlossary(GLOSSARY_YAML, 'glossary.yaml'));
    const source = prepareSource({ file: 'a.xlf', text: sourceText, paragraphs: [segment(sourceText, '<source>', '</source>')] }, tools);
    const { findings } = checkTranslation(source, { file: 'a.xlf', text: targetText, paragraphs: [segment(targetText, '<target>', '</target>')] }, tools);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'term-forbidden',
      unit: 'u7',
      paragraph: 1,
      span: { start: { line: 1, column: file.indexOf('flight') + 1 } },
      source: { span: { start: { column: file.indexOf('Thiết') + 1 } } },
    });
  });
});

/** The text with everything outside the first open…close pair replaced by spaces. */
function blankExcept(text: string, open: string, close: string): string {
  const start = text.indexOf(open) + open.length;
  const end = text.indexOf(close);
  return ' '.repeat(start) + text.slice(start, end) + ' '.repeat(text.length - end);
}
