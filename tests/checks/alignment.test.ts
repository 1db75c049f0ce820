import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AlignmentError } from '../../src/core/errors.js';
import { parseGlossary } from '../../src/glossary/load.js';
import { checkTranslation, createCheckTools, prepareSource } from '../../src/checks/index.js';

const ROOT = resolve(import.meta.dirname, '../..');
const tools = createCheckTools(parseGlossary(readFileSync(resolve(ROOT, 'glossary.yaml'), 'utf8'), 'glossary.yaml'));

/** The paragraph (0-based) where the checker says alignment breaks. */
function breakAt(source: ReturnType<typeof prepareSource>, paragraphs: string[]): number {
  try {
    checkTranslation(source, { file: 't.en.txt', text: paragraphs.join('\n\n') }, tools);
  } catch (err) {
    expect(err).toBeInstanceOf(AlignmentError);
    return Number(/breaks at paragraph (\d+)/.exec((err as Error).message)![1]) - 1;
  }
  throw new Error('no alignment error');
}

describe.each(['japan-us-defense-industry', 'vietnam-japan-defense-cooperation'])('where alignment breaks in %s', (slug) => {
  const source = prepareSource({ file: 's.vi.txt', text: readFileSync(resolve(ROOT, `corpus/${slug}/source.vi.txt`), 'utf8') }, tools);
  const reference = readFileSync(resolve(ROOT, `corpus/${slug}/reference.en.txt`), 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

  it('names the merged paragraph exactly', () => {
    for (let k = 0; k < reference.length - 1; k++) {
      const merged = [...reference.slice(0, k), `${reference[k]} ${reference[k + 1]}`, ...reference.slice(k + 2)];
      expect(breakAt(source, merged), `merge at ${k}`).toBe(k);
    }
  });

  // Glossary terms found on both sides anchor the alignment: drops are placed exactly but for at
  // most one paragraph, which lands one early.
  it('names the dropped paragraph', () => {
    const misses: number[] = [];
    for (let k = 0; k < reference.length; k++) {
      const found = breakAt(source, [...reference.slice(0, k), ...reference.slice(k + 1)]);
      expect(found, `drop at ${k}`).toBeGreaterThanOrEqual(k - 1);
      expect(found, `drop at ${k}`).toBeLessThanOrEqual(k);
      if (found !== k) misses.push(k);
    }
    expect(misses.length).toBeLessThanOrEqual(1);
  });
});
