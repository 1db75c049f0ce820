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
