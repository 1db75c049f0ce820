import { describe, expect, it } from 'vitest';
import { AlignmentError } from '../../src/core/errors.js';
import { parseGlossary } from '../../src/glossary/load.js';
import { checkTranslation, createCheckRun, createCheckTools, prepareSource, summarizeTerms, translationSeries } from '../../src/checks/index.js';
import type { Check } from '../../src/checks/index.js';
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

  it('reports one omission once: a dropped "PAC-3" is the acronym check’s error, not also a number warning', () => {
    const source = 'Các tổ hợp tên lửa Patriot PAC-3 và tiêm kích F-35A tham gia cuộc diễn tập.';
    const target = 'Patriot missile batteries and F-35A fighters took part in the drill.';
    const both = check(source, target).findings.filter((f) => f.source?.text === 'PAC-3');
    expect(both.map((f) => [f.ruleId, f.severity])).toEqual([['acronym-mismatch', 'error']]);
    // With the acronym check off, the number check still reports the code.
    const glossary = parseGlossary(GLOSSARY_YAML, 'glossary.yaml');
    const tools = createCheckTools(glossary, { severity: { 'acronym-mismatch': 'off' } });
    const alone = checkTranslation(prepareSource({ file: 'a.vi.txt', text: source }, tools), { file: 'a.en.txt', text: target }, tools).findings;
    expect(alone.filter((f) => f.source?.text === 'PAC-3').map((f) => f.ruleId)).toEqual(['number-mismatch']);
  });

  it('reports one wrong name once: a flight number rendered as another is number-mismatch’s "rendered as", not also two acronym findings', () => {
    const source = 'Đoàn rời Hà Nội trên chuyến bay VN123 của Vietnam Airlines.';
    const findings = check(source, 'The delegation left Hanoi aboard Vietnam Airlines flight VN321.').findings;
    expect(findings.map((f) => [f.ruleId, f.severity, f.message])).toEqual([['number-mismatch', 'error', '"VN123" is rendered as "VN321"']]);
    // An acronym finding elsewhere in the paragraph stays.
    const other = check('Chuyến bay VN123 chở đoàn PJHQ.', 'Flight VN321 carried the delegation.').findings;
    expect(other.map((f) => [f.ruleId, f.message])).toEqual([
      ['acronym-mismatch', '"PJHQ" of the source is missing from the translation'],
      ['number-mismatch', '"VN123" is rendered as "VN321"'],
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

describe('check runner hooks', () => {
  const glossary = () => parseGlossary(GLOSSARY_YAML, 'glossary.yaml');
  /** A check that counts the paragraphs of each translation and, across a run, the translations of its series. */
  const counting: Check = {
    meta: { id: 'counting', description: 'test check', severity: 'info', fixable: false },
    create(context) {
      const seen = context.runState(() => new Map<string, number>());
      let paragraphs = 0;
      return {
        paragraph() {
          paragraphs++;
        },
        end() {
          const n = (seen.get(context.series) ?? 0) + 1;
          seen.set(context.series, n);
          const last = context.sourceText.lastIndexOf('Hai');
          context.report({
            message: `${paragraphs} paragraphs; translation ${n} of series ${context.series}`,
            paragraph: paragraphs,
            sourceRange: [last, last + 3],
          });
        },
      };
    },
  };
  const source = 'Mở đầu.\n\nHai bên ký kết.';
  const target = 'Introduction.\n\nBoth sides signed.';

  it('calls end() after the last paragraph; a report there names its paragraph and a source range', () => {
    const tools = createCheckTools(glossary(), [counting]);
    const [finding] = checkTranslation(prepareSource({ file: 'a.vi.txt', text: source }, tools), { file: 'a.en.txt', text: target }, tools).findings;
    expect(finding).toMatchObject({
      ruleId: 'counting',
      severity: 'info',
      paragraph: 2,
      message: '2 paragraphs; translation 1 of series .en.txt',
      span: { start: { line: 3, column: 1 } },
      source: { file: 'a.vi.txt', text: 'Hai', span: { start: { line: 3, column: 1 } } },
    });
  });

  it('keeps run state across the translations of one run, by series, and starts afresh without a run', () => {
    const tools = createCheckTools(glossary(), [counting]);
    const run = createCheckRun();
    const messages = (translation: string, r?: ReturnType<typeof createCheckRun>) =>
      checkTranslation(prepareSource({ file: 'x/a.vi.txt', text: source }, tools), { file: translation, text: target }, tools, r).findings[0]!.message;
    expect(messages('x/a.en.txt', run)).toMatch(/translation 1 of series \.en\.txt/);
    expect(messages('x/a.deepl.en.txt', run)).toMatch(/translation 1 of series \.deepl\.en\.txt/);
    expect(messages('y/a.en.txt', run)).toMatch(/translation 2 of series \.en\.txt/);
    expect(messages('y/a.en.txt')).toMatch(/translation 1 of series/);
  });

  it('refuses a report for a paragraph the translation does not have (a bug in the check)', () => {
    const broken: Check = { ...counting, create: (context) => ({ end: () => context.report({ message: 'x', paragraph: 9 }) }) };
    const tools = createCheckTools(glossary(), [broken]);
    expect(() => checkTranslation(prepareSource({ file: 'a.vi.txt', text: source }, tools), { file: 'a.en.txt', text: target }, tools)).toThrow(
      /counting reported for paragraph 9 of 2/,
    );
  });

  it.each([
    ['corpus/a/source.vi.txt', 'corpus/a/reference.en.txt', undefined, 'reference.en.txt'],
    ['corpus/b/source.vi.txt', 'corpus/b/reference.en.txt', undefined, 'reference.en.txt'],
    ['news/x.vi.md', 'news/x.deepl.en.md', undefined, '.deepl.en.md'],
    ['news/y.vi.txt', 'news/y.en.txt', undefined, '.en.txt'],
    ['C:\\news\\y.vi.txt', 'C:\\news\\y.en.txt', undefined, '.en.txt'],
    ['out/a.bilingual.json#source', 'out/a.bilingual.json#deepl', 'deepl', 'engine:deepl'],
  ])('puts %s → %s in series %s', (sourceFile, translationFile, engine, series) => {
    expect(translationSeries(sourceFile, translationFile, engine)).toBe(series);
  });
});
