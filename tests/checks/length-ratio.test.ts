import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkWith, GLOSSARY_YAML } from './helpers.js';

const article = fileURLToPath(new URL('../../corpus/vietnam-japan-defense-cooperation/', import.meta.url));
const SOURCE = readFileSync(`${article}source.vi.txt`, 'utf8');
const REFERENCE = readFileSync(`${article}reference.en.txt`, 'utf8');
const paragraphs = (text: string) => text.trim().split(/\n\s*\n/);
const withParagraph = (text: string, i: number, replace: (p: string) => string) =>
  paragraphs(text)
    .map((p, k) => (k === i - 1 ? replace(p) : p))
    .join('\n\n');
const run = (source: string, target: string, options: Record<string, unknown> = {}) =>
  checkWith(GLOSSARY_YAML, source, target, ['length-ratio'], { 'length-ratio': options }).findings;

const delegation = fileURLToPath(new URL('../fixtures/delegation/', import.meta.url));

describe('length-ratio', () => {
  it('takes a delegation list (ranks longer in English, names as long) as it stands, and a halved list as a drop', () => {
    const source = readFileSync(`${delegation}source.vi.txt`, 'utf8');
    const reference = readFileSync(`${delegation}reference.en.txt`, 'utf8');
    expect(run(source, reference)).toEqual([]);
    const halved = withParagraph(reference, 2, (p) => `${p.slice(0, p.indexOf('; Major General'))}.`);
    expect(run(source, halved).map((f) => f.paragraph)).toEqual([2]);
  });

  it('raises nothing on a professional translation, NFD source included', () => {
    expect(run(SOURCE, REFERENCE)).toEqual([]);
    expect(run(SOURCE.normalize('NFD'), REFERENCE)).toEqual([]);
  });

  it('reports a dropped sentence with the ratio, the learned norm and the sentence counts', () => {
    // Paragraph 3 loses its second sentence ("The document gives priority to ship maintenance, ...").
    const target = withParagraph(REFERENCE, 3, (p) => p.slice(0, p.indexOf('. ') + 1));
    const findings = run(SOURCE, target);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'length-ratio', severity: 'warning', paragraph: 3, span: { start: { line: 5, column: 1 } } });
    expect(findings[0]!.message).toMatch(/^paragraph 3 is 0\.\d\d× the length of its source, far below the norm of 1\.\d\d× \(\d+ characters for \d+; about \d+ expected\): a sentence may be missing$/);
    expect(findings[0]!.note).toBe("2 sentences in the source, 1 in the translation; the norm is learned from this translation's paragraphs");
  });

  it('reports an added passage', () => {
    const target = withParagraph(REFERENCE, 4, (p) => `${p} The ministry added that the ships would also take part in a multinational exercise off the Philippines later in the year, and that a second visit was being planned.`);
    const findings = run(SOURCE, target);
    expect(findings.map((f) => [f.paragraph, /far above the norm .*something may have been added/.test(f.message)])).toEqual([[4, true]]);
  });

  it('spares a short paragraph whose ratio varies (a section heading), but not a long one cut short', () => {
    const source = withParagraph(SOURCE, 1, () => 'Tin tức mới nhất');
    expect(run(source, withParagraph(REFERENCE, 1, () => 'Latest'))).toEqual([]);
    // The title cut to "Vietnam-Japan Defense Ties" loses "industrial" and "maritime security": 52 characters short.
    expect(run(SOURCE, withParagraph(REFERENCE, 1, () => 'Vietnam-Japan Defense Ties')).map((f) => f.paragraph)).toEqual([1]);
  });

  it('uses the default norm for a translation too short to learn from, and says so', () => {
    const source = paragraphs(SOURCE).slice(1, 3).join('\n\n');
    const target = paragraphs(REFERENCE).slice(1, 3).join('\n\n');
    expect(run(source, target)).toEqual([]);
    const cut = withParagraph(target, 2, (p) => p.slice(0, p.indexOf('. ') + 1));
    const [finding] = run(source, cut);
    expect(finding?.message).toMatch(/far below the norm of 1\.10×/);
    expect(finding?.note).toMatch(/the norm is the default/);
  });

  it('takes its thresholds as options', () => {
    expect(run(SOURCE, REFERENCE, { min: 0.99, max: 1.01, minDifference: 0 }).length).toBeGreaterThan(3);
    expect(run(SOURCE, REFERENCE, { learn: false, norm: 2 }).length).toBeGreaterThan(3);
    expect(() => run(SOURCE, REFERENCE, { min: 2 })).toThrow(/option "min" of check "length-ratio" must be at most 1/);
  });
});

describe('length-ratio weighs glossary terms as their renderings', () => {
  const yaml = `version: 1
entries:
  - id: vietnam-mnd
    vi: Bộ Quốc phòng Việt Nam
    en: Vietnamese Ministry of National Defense
    accepted: [Ministry of National Defence]
  - id: india-mod
    vi: Bộ Quốc phòng Ấn Độ
    en: Indian Ministry of Defence
`;
  const source = 'Bộ Quốc phòng Việt Nam và Bộ Quốc phòng Ấn Độ đã ký bản ghi nhớ về hợp tác cứu hộ. Theo Bộ Quốc phòng Việt Nam, thỏa thuận có hiệu lực ngay.';
  const target =
    "Vietnam's Ministry of National Defence and the Indian Ministry of Defence signed a memorandum of understanding on rescue cooperation. According to the Ministry of National Defence, the agreement takes effect immediately.";
  const lengths = (s: string, t: string) => checkWith(yaml, s, t, ['length-ratio']).findings.map((f) => f.paragraph);

  it('takes a short paragraph full of ministry names as it stands, NFD too', () => {
    expect(lengths(source, target)).toEqual([]);
    expect(lengths(source.normalize('NFD'), target)).toEqual([]);
  });

  it('still reports a sentence added to it', () => {
    expect(lengths(source, `${target} The ministry also announced a joint exercise in the Bay of Bengal next year.`)).toEqual([1]);
  });
});
