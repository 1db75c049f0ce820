import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { assertAligned, firstDivergence } from '../../src/text/align.js';
import { splitParagraphs } from '../../src/text/paragraphs.js';
import { AlignmentError } from '../../src/core/errors.js';
import type { Paragraph } from '../../src/core/types.js';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string) => splitParagraphs(readFileSync(resolve(ROOT, path), 'utf8'));
const source = read('corpus/japan-us-defense-industry/source.vi.txt');
const reference = read('corpus/japan-us-defense-industry/reference.en.txt');

/** The reference with paragraphs k and k+1 joined, as a translator merging them would. */
function merged(k: number): Paragraph[] {
  return [...reference.slice(0, k), { ...reference[k]!, text: `${reference[k]!.text} ${reference[k + 1]!.text}` }, ...reference.slice(k + 2)];
}

describe('paragraph alignment', () => {
  it('accepts equal counts', () => {
    expect(() => assertAligned({ file: 'a.vi.txt', paragraphs: source }, { file: 'a.en.txt', paragraphs: reference })).not.toThrow();
  });

  it('finds exactly which paragraphs a translation merged, wherever they are', () => {
    for (let k = 0; k < reference.length - 1; k++) expect(firstDivergence(source, merged(k)), `merge at ${k}`).toBe(k);
  });

  it('finds a split paragraph', () => {
    const k = 9;
    const sentences = reference[k]!.text.split(/(?<=\.) /);
    const half = Math.ceil(sentences.length / 2);
    const split = [
      ...reference.slice(0, k),
      { ...reference[k]!, text: sentences.slice(0, half).join(' ') },
      { ...reference[k]!, text: sentences.slice(half).join(' ') },
      ...reference.slice(k + 1),
    ];
    expect(firstDivergence(source, split)).toBe(k);
  });

  // A dropped paragraph leaves no trace but length and anchors; where neighbours have no numbers
  // or names, the break may be placed one paragraph early.
  it('places a dropped paragraph where it was dropped, or one paragraph early', () => {
    for (let k = 0; k < reference.length; k++) {
      const found = firstDivergence(source, [...reference.slice(0, k), ...reference.slice(k + 1)]);
      expect(found, `drop at ${k}`).toBeLessThanOrEqual(k);
      expect(found, `drop at ${k}`).toBeGreaterThanOrEqual(k - 1);
    }
  });

  it('reports where alignment breaks, at the translation line', () => {
    const target = merged(4);
    try {
      assertAligned({ file: 'a.vi.txt', paragraphs: source }, { file: 'a.en.txt', paragraphs: target });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AlignmentError);
      expect((err as AlignmentError).message).toMatch(/a\.en\.txt has 15 paragraphs but a\.vi\.txt has 16: alignment breaks at paragraph 5 .*merged or dropped/);
      expect((err as AlignmentError).location).toEqual({ file: 'a.en.txt', line: target[4]!.line, column: 1 });
    }
  });

  it('says "1 paragraph", not "1 paragraphs"', () => {
    const one = splitParagraphs('Biên bản ghi nhớ (MOU) năm 2023.\n\nThoả thuận SOSA năm 2024.');
    const merged = splitParagraphs('The MOU of 2023. The SOSA of 2024.');
    expect(() => assertAligned({ file: 'a.vi.txt', paragraphs: one }, { file: 'a.en.txt', paragraphs: merged })).toThrow(/a\.en\.txt has 1 paragraph but a\.vi\.txt has 2/);
  });
});

describe('alignment of big files', () => {
  /** Paragraph i of a long article: numbers and names differ from one paragraph to the next, as in news. */
  const para = (i: number, vi: boolean): Paragraph => {
    const text = vi
      ? `Ngày ${i % 28} tháng ${i % 12}, Bộ Quốc phòng công bố gói thầu ${i} trị giá ${i * 7} tỷ đồng cho Kishida.`
      : `On day ${i % 28} of month ${i % 12}, the Ministry of Defense announced tender ${i} worth ${i * 7} billion dong for Kishida.`;
    return { index: i + 1, text, start: 0, end: text.length, line: 2 * i + 1 };
  };

  it('finds a paragraph dropped from 60,000 (a table of 3.6·10^9 cells if searched whole)', () => {
    const n = 60_000;
    const dropped = 43_210;
    const source = Array.from({ length: n }, (_, i) => para(i, true));
    const target = Array.from({ length: n }, (_, i) => para(i, false)).filter((_, i) => i !== dropped);
    const found = firstDivergence(source, target);
    expect(found).toBeLessThanOrEqual(dropped);
    expect(found).toBeGreaterThanOrEqual(dropped - 1);
  });

  it('finds two paragraphs merged into one near the end of 30,000', () => {
    const n = 30_000;
    const k = 29_990;
    const source = Array.from({ length: n }, (_, i) => para(i, true));
    const english = Array.from({ length: n }, (_, i) => para(i, false));
    const target = [...english.slice(0, k), { ...english[k]!, text: `${english[k]!.text} ${english[k + 1]!.text}` }, ...english.slice(k + 2)];
    expect(firstDivergence(source, target)).toBe(k);
  });
});
