import { describe, it, expect } from 'vitest';
import { closestName, editDistance } from '../../src/core/suggest.js';

const ENGINES = ['deepl', 'google', 'google-v2', 'libretranslate', 'openai'];

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('depl', 'deepl')).toBe(1);
    expect(editDistance('googel', 'google')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
  });
});

describe('closestName', () => {
  it('suggests the nearest candidate by edit distance', () => {
    expect(closestName('depl', ENGINES)).toBe('deepl');
    expect(closestName('googel', ENGINES)).toBe('google');
    expect(closestName('usee', ['text', 'use', 'note'])).toBe('use');
  });

  it('ignores case and returns the candidate as given', () => {
    expect(closestName('DEEPL', ENGINES)).toBe('deepl');
    expect(closestName('Depl', ENGINES)).toBe('deepl');
  });

  it('falls back to the longest candidate the input shortens or extends', () => {
    expect(closestName('libre', ENGINES)).toBe('libretranslate');
    expect(closestName('source_lang', ['version', 'source_language', 'target_language', 'entries'])).toBe('source_language');
    expect(closestName('not_english', ['en', 'not_en', 'vi'])).toBe('not_en');
  });

  it('suggests nothing when nothing is close', () => {
    expect(closestName('chatgpt', ENGINES)).toBeUndefined();
    expect(closestName('anything', [])).toBeUndefined();
    // Prefixes shorter than 3 characters are no evidence.
    expect(closestName('x', ['xylophone-setting'])).toBeUndefined();
  });
});
