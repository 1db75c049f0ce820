import { describe, it, expect } from 'vitest';
import { isSpaceCode, wordCharLength, wordRunEnd } from '../../src/text/chars.js';

describe('character classes', () => {
  it('counts letters, combining marks and digits as word characters', () => {
    const nfd = 'Độ'.normalize('NFD');
    expect([...nfd].map((_, i) => wordCharLength(nfd, i))).toEqual([1, 1, 1, 1]);
    expect(wordCharLength('2024', 0)).toBe(1);
    expect(wordCharLength('-', 0)).toBe(0);
    expect(wordCharLength('\u00a0', 0)).toBe(0);
  });

  it('treats an astral letter as one word character of two units, and a lone surrogate as none', () => {
    expect(wordCharLength('𠀧', 0)).toBe(2);
    expect(wordCharLength('\ud840', 0)).toBe(0);
    expect(wordCharLength('😀', 0)).toBe(0); // an emoji is a symbol
    expect(wordRunEnd('chữ𠀧Nôm đây', 0)).toBe('chữ𠀧Nôm'.length);
  });

  it('knows JS whitespace, including NBSP, U+202F and the BOM', () => {
    for (const c of [' ', '\t', '\n', '\u00a0', '\u202f', '\ufeff', '\u3000']) expect(isSpaceCode(c.charCodeAt(0))).toBe(true);
    for (const c of ['a', '-', '\u200b']) expect(isSpaceCode(c.charCodeAt(0))).toBe(false);
  });
});
