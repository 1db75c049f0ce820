import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { AlignmentError } from '../../src/core/errors.js';
import { checkAlignment } from '../../src/compare/alignment.js';
import { splitParagraphs } from '../../src/text/paragraphs.js';

const read = (name: string) => readFileSync(new URL(`./fixtures/seed/${name}`, import.meta.url), 'utf8');
const fileOf = (file: string, text: string) => ({ file, paragraphs: splitParagraphs(text) });
const source = fileOf('source.vi.txt', read('source.vi.txt'));
const reference = fileOf('reference.en.txt', read('reference.en.txt'));
const refParas = read('reference.en.txt').trim().split('\n\n');
const googleParas = read('google.en.txt').trim().split('\n\n');

function errorOf(fn: () => void): AlignmentError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AlignmentError) return e;
    throw e;
  }
  throw new Error('no AlignmentError thrown');
}

describe('checkAlignment', () => {
  it('passes when every translation has the source paragraph count', () => {
    expect(() => checkAlignment(source, [reference, fileOf('google.en.txt', read('google.en.txt'))])).not.toThrow();
  });

  it('finds merged paragraphs against a same-language guide', () => {
    const merged = fileOf('google-merged.en.txt', read('google-merged.en.txt'));
    const err = errorOf(() => checkAlignment(source, [reference, merged]));
    expect(err.message).toContain('google-merged.en.txt has 5 paragraphs but source.vi.txt has 6');
    expect(err.message).toContain('alignment breaks at paragraph 4 (line 7; compared with reference.en.txt, line 7)');
    expect(err.message).toContain('google-merged.en.txt seems to merge paragraphs 4 and 5 of reference.en.txt into one');
    expect(err.message).toContain('the shorter file, google-merged.en.txt, ends with paragraph 5 at line 9');
    expect(err.location).toMatchObject({ file: 'google-merged.en.txt', line: 7 });
  });

  it('finds a dropped paragraph', () => {
    const dropped = googleParas.filter((_, i) => i !== 4).join('\n\n');
    const err = errorOf(() => checkAlignment(source, [reference, fileOf('google.en.txt', dropped)]));
    expect(err.message).toContain('alignment breaks at paragraph 5');
    // Said of the translation that dropped it, not of the reference.
    expect(err.message).toContain('google.en.txt seems to leave out paragraph 5 of reference.en.txt');
  });

  it('finds a split paragraph and an added one', () => {
    const split = [...googleParas.slice(0, 4), 'US Defence Secretary Lloyd Austin and Japanese Defence Minister Hamada Yasukazu signed', 'a bilateral Memorandum of Understanding (MOU) and Supply Security Agreement (SOSA).', googleParas[5]].join('\n\n');
    const e1 = errorOf(() => checkAlignment(source, [reference, fileOf('split.en.txt', split)]));
    expect(e1.message).toContain('split.en.txt has 7 paragraphs');
    expect(e1.message).toContain('split.en.txt seems to split paragraph 5 of reference.en.txt in two');
    expect(e1.location?.line).toBe(9);

    const added = [...googleParas.slice(0, 2), 'Share this article on social media', ...googleParas.slice(2)].join('\n\n');
    const e2 = errorOf(() => checkAlignment(source, [reference, fileOf('added.en.txt', added)]));
    expect(e2.message).toContain('paragraph 3 of added.en.txt looks added');
  });

  it('uses another engine as the guide when the reference is the odd one out', () => {
    const shortRef = fileOf('reference.en.txt', refParas.slice(0, 5).join('\n\n'));
    const err = errorOf(() => checkAlignment(source, [shortRef, fileOf('google.en.txt', read('google.en.txt'))]));
    expect(err.message).toContain('reference.en.txt has 5 paragraphs');
    expect(err.message).toContain('compared with google.en.txt');
  });

  it('falls back to the cross-language heuristic without a guide, still saying where the shorter file ends', () => {
    const merged = fileOf('google-merged.en.txt', read('google-merged.en.txt'));
    const err = errorOf(() => checkAlignment(source, [merged]));
    expect(err.message).toContain('google-merged.en.txt has 5 paragraphs but source.vi.txt has 6');
    expect(err.message).toContain('the shorter file, google-merged.en.txt, ends with paragraph 5 at line 9');
  });
});
