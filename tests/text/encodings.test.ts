import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { encodingFor, readOptionsFor, validateEncodingChoice } from '../../src/text/encodings.js';

describe('encodingFor', () => {
  const patterns = [
    { pattern: 'archive/**/*.vi.txt', encoding: 'tcvn' },
    { pattern: '*.vi.txt', encoding: 'windows-1258' },
    { pattern: 'old-*.txt', encoding: 'VISCII' },
  ];

  it('reads UTF-8 when nothing chooses another encoding', () => {
    expect(encodingFor('a.vi.txt', 'source', {})).toBeUndefined();
    expect(encodingFor('notes/a.en.txt', 'translation', { patterns })).toBeUndefined();
  });

  it('takes the role option first, then --encoding, then the first matching pattern', () => {
    const choice = { all: 'viscii', source: 'tcvn', patterns };
    expect(encodingFor('a.vi.txt', 'source', choice)).toBe('tcvn');
    expect(encodingFor('a.en.txt', 'translation', choice)).toBe('viscii');
    expect(encodingFor('a.en.txt', 'translation', { ...choice, translation: 'utf-8' })).toBe('utf-8');
    expect(encodingFor('archive/2019/a.vi.txt', 'source', { patterns })).toBe('tcvn');
    expect(encodingFor('news/a.vi.txt', 'source', { patterns })).toBe('windows-1258');
    expect(encodingFor('news/old-a.txt', 'translation', { patterns })).toBe('viscii');
  });

  it('matches patterns with a folder from the pattern base, and patterns without one by file name anywhere', () => {
    const base = join('/work', 'project');
    const choice = { patterns, patternBase: base };
    expect(encodingFor(join(base, 'archive/2019/a.vi.txt'), 'source', choice)).toBe('tcvn');
    expect(encodingFor(join('/elsewhere', 'archive/2019/a.vi.txt'), 'source', choice)).toBe('windows-1258');
    expect(encodingFor(join(base, '..', 'archive/a.vi.txt'), 'source', { patterns: [patterns[0]!], patternBase: base })).toBeUndefined();
  });

  it('refuses an unknown encoding in any place, before reading', () => {
    expect(() => validateEncodingChoice({ patterns: [{ pattern: '*.txt', encoding: 'koi8-r' }] })).toThrow('Unknown encoding "koi8-r"');
    expect(() => validateEncodingChoice({ source: 'latin1' })).toThrow('Unknown encoding "latin1"');
    expect(() => validateEncodingChoice({ all: 'tcvn', patterns })).not.toThrow();
  });
});

describe('readOptionsFor', () => {
  it('marks sources as Vietnamese and names the option of the role in hints', () => {
    expect(readOptionsFor('a.vi.txt', 'source', { all: 'TCVN' })).toEqual({ encoding: 'tcvn', vietnamese: true, encodingOption: '--source-encoding' });
    expect(readOptionsFor('a.en.txt', 'translation', {})).toEqual({ vietnamese: false, encodingOption: '--target-encoding' });
    expect(readOptionsFor('a.txt', 'source', {}, false)).toEqual({ vietnamese: false, encodingOption: '--source-encoding' });
  });
});
