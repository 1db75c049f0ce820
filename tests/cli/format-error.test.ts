import { describe, expect, it } from 'vitest';
import { formatUserError, shownPath } from '../../src/cli/format-error.js';
import { InputError } from '../../src/core/errors.js';

describe('paths and errors as the user reads them', () => {
  it('shows a path inside the working directory relative to it, and any other as it is', () => {
    expect(shownPath('/home/an/bai-bao/source.vi.txt', '/home/an')).toBe('bai-bao/source.vi.txt');
    expect(shownPath('/work/main/corpus/a/source.vi.txt', '/tmp/elsewhere')).toBe('/work/main/corpus/a/source.vi.txt');
    expect(shownPath('relative/a.txt', '/home/an')).toBe('relative/a.txt');
  });

  it('puts where, what and how to fix on one line, paths relative to the working directory', () => {
    const err = new InputError('the file is empty', { location: { file: '/home/an/bản dịch.en.txt' }, hint: 'Pass a file with the article text in it (UTF-8).' });
    expect(formatUserError(err, '/home/an')).toBe('bản dịch.en.txt: error: the file is empty (Pass a file with the article text in it (UTF-8))');
    const placed = new InputError('not valid UTF-8 (byte 0xCB at offset 1)', { location: { file: '/home/an/a.txt', line: 3, column: 7, byteOffset: 40 } });
    expect(formatUserError(placed, '/home/an')).toBe('a.txt:3:7: error: not valid UTF-8 (byte 0xCB at offset 1)');
  });
});
