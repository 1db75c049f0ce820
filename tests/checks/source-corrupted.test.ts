import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../src/glossary/load.js';
import { checkTranslation, checksById, createCheckTools, prepareSource } from '../../src/checks/index.js';
import { GLOSSARY_YAML } from './helpers.js';

/** Runs source-corrupted and number-mismatch, as `vitrans check` does, and returns the findings. */
function run(source: string, target: string, options: Record<string, unknown> = {}) {
  const tools = createCheckTools(parseGlossary(GLOSSARY_YAML, 'glossary.yaml'), {
    checks: checksById(['number-mismatch', 'source-corrupted']),
    options: { 'source-corrupted': options },
  });
  return checkTranslation(prepareSource({ file: 'a.vi.txt', text: source }, tools), { file: 'a.en.txt', text: target }, tools).findings;
}

const messages = (source: string, target: string, options?: Record<string, unknown>): string[] =>
  run(source, target, options).map((f) => `${f.ruleId} ${f.severity}: ${f.message}`);

describe('source-corrupted', () => {
  it.each([
    ['Vào ngày 25 tháng XNUMX, Nhà Trắng công bố.', 'On XNUMX 25, the White House announced.', ['source-corrupted warning: "ngày 25 tháng XNUMX" in the source holds a placeholder ("XNUMX") where the pipeline that produced the source dropped a number: the date cannot be verified']],
    ['vào ngày 10 tháng 2024 năm XNUMX.', 'on April 10, 2024.', ['source-corrupted warning: "ngày 10 tháng 2024 năm XNUMX" in the source is a date whose parts are scrambled: the date cannot be verified']],
    ['vào tháng 2023 năm 3.', 'in 2023.', ['source-corrupted warning: "tháng 2023 năm 3" in the source is a date whose parts are scrambled: the date cannot be verified']],
    ['Tên lửa Block-XNUMX IIA.', 'The SM-XNUMX Block IIA missile.', ['source-corrupted warning: "Block-XNUMX" in the source holds a placeholder ("XNUMX") where the pipeline that produced the source dropped a number: the name cannot be verified']],
    ['Nhật Bản mua XNUMX tên lửa.', 'Japan is buying 400 missiles.', ['source-corrupted warning: "XNUMX" in the source holds a placeholder ("XNUMX") where the pipeline that produced the source dropped a number: the number cannot be verified']],
    ['tại chỗ_img', 'spot_img', ['source-corrupted warning: "tại chỗ_img" in the source is an image placeholder left by the pipeline that produced the source: the translation cannot be checked against it']],
    ['Giá {{price}} USD.', 'The price is {{price}} dollars.', ['source-corrupted warning: "{{price}}" in the source is a template token left by the pipeline that produced the source: the translation cannot be checked against it']],
    ['Ngày:', 'Date:', ['source-corrupted warning: "Ngày:" in the source is a field label whose value is missing: the translation cannot be checked against it']],
  ])('%s → %s', (source, target, expected) => expect(messages(source, target)).toEqual(expected));

  it('reports nothing on clean text', () => {
    expect(messages('Ngày 10/4/2024, hai bên ký hợp đồng 2,4 tỷ USD.', 'On April 10, 2024, the two sides signed a $2.4 billion contract.')).toEqual([]);
  });

  it('points at what stands for the debris in the translation, and at the source passage', () => {
    const source = 'Tiêu đề\n\nVào ngày 25 tháng XNUMX, Nhà Trắng công bố.';
    const target = 'Title\n\nOn XNUMX 25, the White House announced.';
    const [finding] = run(source, target);
    expect(finding).toMatchObject({
      ruleId: 'source-corrupted',
      paragraph: 2,
      span: { start: { line: 3, column: 4 }, end: { line: 3, column: 12 } },
      actual: 'XNUMX 25',
      source: { text: 'ngày 25 tháng XNUMX', span: { start: { line: 3, column: 5 } } },
    });
  });

  it('keeps number-mismatch quiet on the span but not on the rest of the paragraph', () => {
    expect(messages('Ngày 25 tháng XNUMX, Nhật Bản mua 400 tên lửa.', 'On March 25, Japan bought 40 missiles.').map((m) => m.split(':')[0])).toEqual([
      'source-corrupted warning',
      'number-mismatch error',
    ]);
  });

  it('reports only the kinds it is given', () => {
    expect(messages('Ngày:', 'Date:', { kinds: ['placeholder'] })).toEqual([]);
    expect(() => run('a', 'b', { kinds: ['placeholders'] })).toThrow(/option "kinds" of check "source-corrupted" must be a list of placeholder, /);
  });
});
