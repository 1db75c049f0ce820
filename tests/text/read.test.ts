import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, writeFile, mkdir, chmod, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { InputError } from '../../src/core/errors.js';
import { decodeText, firstInvalidUtf8, parseEncoding, readError, readTextFile } from '../../src/text/read.js';

const SEED = readFileSync(new URL('./fixtures/seed-000.txt', import.meta.url), 'utf8');
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Windows-1258 keeps ă â ê ô ơ ư đ precomposed but writes the five tones as combining marks. */
function toWindows1258(text: string): Buffer {
  const split = [...text.normalize('NFC')]
    .map((ch) => {
      const nfd = ch.normalize('NFD');
      const tone = /[\u0300\u0301\u0303\u0309\u0323]/.exec(nfd)?.[0];
      return tone ? nfd.replace(tone, '').normalize('NFC') + tone : ch;
    })
    .join('');
  return iconv.encode(split, 'windows1258');
}

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('decodeText: UTF-8', () => {
  it('removes a leading BOM and keeps the text as written (NFD stays NFD)', () => {
    const nfd = 'Thoả thuận An ninh Cung ứng'.normalize('NFD');
    const file = decodeText(utf8('\uFEFF' + nfd), 'a.vi.txt');
    expect(file).toEqual({ path: 'a.vi.txt', text: nfd, warnings: [], bom: true, encoding: 'utf-8' });
  });

  it('reads the seed article without warnings', () => {
    const file = decodeText(utf8(SEED), 'seed.txt');
    expect(file.text).toBe(SEED);
    expect(file.warnings).toEqual([]);
  });

  it('reports invalid UTF-8 with the offset of the first bad byte, its line and column', () => {
    const prefix = 'Ngày:\n\nVào ngày 25 tháng XNUMX, Nh';
    const bytes = Buffer.concat([Buffer.from(prefix), Buffer.from([0xe0, 0x20]), Buffer.from(' Trắng')]);
    const err = inputError(() => decodeText(bytes, 'bad.txt'));
    const offset = Buffer.byteLength(prefix);
    expect(err.message).toContain(`offset ${offset}`);
    expect(err.message).not.toContain('\n');
    // Column 28: "Vào ngày 25 tháng XNUMX, Nh" is 27 characters (and more bytes) before the bad byte.
    expect(err.location).toEqual({ file: 'bad.txt', line: 3, column: 28, byteOffset: offset });
    expect(err.hint).toContain('--encoding windows-1258|tcvn|viscii');
  });

  it.each([
    ['tcvn', 'TCVN3', '--encoding tcvn'],
    ['viscii', 'VISCII', '--encoding viscii'],
  ])('recognises a %s file as likely %s', (encoding, name, option) => {
    const err = inputError(() => decodeText(iconv.encode(SEED, encoding), 'legacy.txt'));
    expect(err.message).toContain(`likely ${name}`);
    expect(err.hint).toContain(option);
  });

  it('recognises a Windows-1258 file', () => {
    const err = inputError(() => decodeText(toWindows1258(SEED), 'legacy.txt'));
    expect(err.message).toContain('likely Windows-1258');
    expect(err.hint).toContain('--encoding windows-1258');
  });

  it('recognises VNI for the message, and says it must be converted', () => {
    const vni = Buffer.from('Hai nöôùc seõ hôïp taùc phaùt trieån Thieát bò ñaùnh chaën pha bay cuûa Vieät Nam.', 'latin1');
    const err = inputError(() => decodeText(vni, 'vni.txt'));
    expect(err.message).toContain('likely VNI');
    expect(err.hint).toContain('convert the file to UTF-8');
  });

  it('does not claim an encoding when the bytes do not tell', () => {
    const err = inputError(() => decodeText(Buffer.from([0x61, 0x62, 0xff, 0x63]), 'x.txt'));
    expect(err.message).not.toContain('likely');
    expect(err.message).toContain('offset 2');
  });

  it('warns about legacy-font text and double-encoded UTF-8 that is valid UTF-8', () => {
    const before = 'Hai nước sẽ hợp tác phát triển ';
    const tcvn = decodeText(utf8(`Ngày:\n${before}ThiÕt bÞ ®¸nh chÆn pha bay`), 't.txt');
    expect(tcvn.warnings).toHaveLength(1);
    expect(tcvn.warnings[0]).toMatchObject({ code: 'mojibake', guess: 'tcvn3', line: 2, column: before.length + 1 });
    expect(tcvn.warnings[0]?.message).toContain('"Thiết"');

    const vni = decodeText(utf8('Vieät Nam vaø Nhaät Baûn'), 'v.txt');
    expect(vni.warnings[0]).toMatchObject({ guess: 'vni', offset: 0, line: 1, column: 1 });

    const double = decodeText(utf8('Hợp tác phát triển Thiáº¿t bá»‹ Ä‘Ã¡nh cháº·n'), 'd.txt');
    expect(double.warnings[0]).toMatchObject({ guess: 'double-utf8', offset: 19 });
    expect(double.warnings[0]?.message).toContain('"Thiết"');
  });

  it('does not warn about other languages in Latin-1', () => {
    expect(decodeText(utf8('Le café est très bon à Paris, déjà vu, naïve façade, über alles'), 'fr.txt').warnings).toEqual([]);
  });
});

describe('decodeText: refusals', () => {
  it.each([
    ['0 bytes', new Uint8Array()],
    ['only a BOM', utf8('\uFEFF')],
    ['only whitespace', utf8(' \n\u00a0\t\r\n')],
  ])('refuses an empty file (%s)', (_label, bytes) => {
    const err = inputError(() => decodeText(bytes, 'empty.txt'));
    expect(err.message).toBe('the file is empty');
    expect(err.location).toEqual({ file: 'empty.txt' });
    expect(err.hint).toBe('Pass a file with the article text in it (UTF-8).');
  });

  it('refuses binary input (NUL bytes or many control characters)', () => {
    expect(inputError(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d]), 'a.png')).message).toContain('binary');
    const controls = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)));
    expect(inputError(() => decodeText(controls, 'a.bin')).message).toContain('binary');
  });

  it('refuses UTF-16 with a hint to save as UTF-8', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Bộ Quốc phòng', 'utf16le')]);
    const err = inputError(() => decodeText(utf16, 'u16.txt'));
    expect(err.message).toContain('UTF-16');
    expect(err.hint).toContain('UTF-8');
  });

  it('refuses an unknown encoding, naming the allowed values', () => {
    const err = inputError(() => decodeText(utf8('Bộ'), 'a.txt', { encoding: 'latin1' }));
    expect(err.message).toContain('latin1');
    expect(err.hint).toBe('Use one of: --encoding utf-8|windows-1258|tcvn|viscii.');
  });
});

describe('decodeText: legacy encodings', () => {
  it.each(['tcvn', 'viscii'])('converts %s and NFCs the result', (encoding) => {
    const sample = 'Thiết bị đánh chặn pha bay của Lực lượng Phòng vệ Nhật Bản';
    const file = decodeText(iconv.encode(sample, encoding), 'a.txt', { encoding });
    expect(file.text).toBe(sample);
  });

  it('converts windows-1258 (combining tones) to NFC', () => {
    const file = decodeText(toWindows1258(SEED.slice(0, 2000)), 'a.txt', { encoding: 'Windows-1258' });
    expect(file.text).toBe(SEED.slice(0, 2000).normalize('NFC'));
    expect(file.text).toBe(file.text.normalize('NFC'));
  });

  it('accepts an explicit utf-8', () => {
    expect(decodeText(utf8('Bộ Quốc phòng'), 'a.txt', { encoding: 'UTF-8' }).text).toBe('Bộ Quốc phòng');
  });
});

const FIXTURE = (name: string): Buffer => readFileSync(new URL(`../fixtures/corpus/encodings/${name}`, import.meta.url));

describe('decodeText: a Vietnamese source read in the wrong encoding', () => {
  // Every pairing of the three legacy fixtures with a wrong encoding: each must stop, naming the
  // encoding the file is really in (today's behaviour without `vietnamese` was a silent pass).
  it.each([
    ['windows-1258.txt', 'tcvn', 'Windows-1258', 'windows-1258'],
    ['windows-1258.txt', 'viscii', 'Windows-1258', 'windows-1258'],
    ['tcvn3.txt', 'windows-1258', 'TCVN3 (ABC)', 'tcvn'],
    ['tcvn3.txt', 'viscii', 'TCVN3 (ABC)', 'tcvn'],
    ['viscii.txt', 'windows-1258', 'VISCII', 'viscii'],
    ['viscii.txt', 'tcvn', 'VISCII', 'viscii'],
  ])('%s read as %s is an error naming %s', (file, wrong, name, right) => {
    const err = inputError(() => decodeText(FIXTURE(file), file, { encoding: wrong, vietnamese: true, encodingOption: '--source-encoding' }));
    expect(err.message).toMatch(new RegExp(`^read as .+ this is not Vietnamese \\(\\d+% of its accented words are Vietnamese syllables\\): it is likely ${name.replace(/[()]/g, '\\$&')}$`));
    expect(err.hint).toBe(`Re-run with --source-encoding ${right}.`);
    expect(err.location).toEqual({ file });
  });

  it.each([
    ['windows-1258.txt', 'windows-1258'],
    ['tcvn3.txt', 'tcvn'],
    ['viscii.txt', 'viscii'],
  ])('%s read as %s is read without complaint', (file, encoding) => {
    const read = decodeText(FIXTURE(file), file, { encoding, vietnamese: true });
    expect(read.text).toContain('Tận dụng tối đa hợp tác công nghiệp quốc phòng Nhật-Mỹ');
  });

  it('without `vietnamese` (a translation), a legacy reading is not judged by its language', () => {
    expect(decodeText(FIXTURE('windows-1258.txt'), 'a.txt', { encoding: 'tcvn' }).text).toMatch(/^Tõũn duũng/);
  });

  it('a legacy file that reads as nothing Vietnamese in any encoding says so', () => {
    const french = iconv.encode('Le café est très bon à Paris, déjà vu, naïve façade, où êtes-vous, été, hôtel, forêt, élève, août', 'windows1258');
    const err = inputError(() => decodeText(french, 'fr.txt', { encoding: 'windows-1258', vietnamese: true }));
    expect(err.message).toMatch(/^read as Windows-1258 this does not look like Vietnamese \(\d+% /);
    expect(err.hint).toContain('--encoding windows-1258|tcvn|viscii');
  });

  it('too few accented words are not judged', () => {
    expect(decodeText(iconv.encode('Bộ Quốc phòng', 'viscii'), 'a.txt', { encoding: 'tcvn', vietnamese: true }).text).not.toBe('Bộ Quốc phòng');
  });

  it('a UTF-8 file read as a legacy encoding is refused at its first non-ASCII letter, whatever its role', () => {
    const english = utf8('The Japan Self-Defense Forces\n\nThe Prime Minister’s state visit');
    for (const vietnamese of [false, true]) {
      const err = inputError(() => decodeText(english, 'a.en.txt', { encoding: 'windows-1258', vietnamese }));
      expect(err.message).toBe('this file is UTF-8, not Windows-1258');
      expect(err.location).toEqual({ file: 'a.en.txt', line: 3, column: 19, byteOffset: 49 });
      expect(err.hint).toContain('--source-encoding or --target-encoding instead of --encoding');
    }
    // Plain ASCII is the same in every encoding: nothing to refuse.
    expect(decodeText(utf8('The state visit'), 'a.en.txt', { encoding: 'tcvn' }).text).toBe('The state visit');
  });

  it('names the option that sets the file\'s encoding in the hint for invalid UTF-8', () => {
    const err = inputError(() => decodeText(FIXTURE('tcvn3.txt'), 'a.vi.txt', { vietnamese: true, encodingOption: '--source-encoding' }));
    expect(err.hint).toBe('Re-run with --source-encoding tcvn, or convert the file to UTF-8.');
  });
});

describe('decodeText: a mojibake source', () => {
  it.each([
    ['mojibake-double.txt', 'double-utf8', /^this source is not readable Vietnamese: "Táº­n" looks like UTF-8 decoded twice and would read "Tận"/, /decoded as Windows-1252 and saved as UTF-8 again; export the article again as UTF-8/],
    ['mojibake-tcvn3-font.txt', 'tcvn3', /^this source is not readable Vietnamese: "TËn" looks like TCVN3 \(ABC\) font text and would read "Tận"/, /typed in a TCVN3 \(ABC\) font; convert it to Unicode/],
  ])('%s is an error at its first bad word when it is the source, a warning otherwise', (file, guess, message, hint) => {
    const err = inputError(() => decodeText(FIXTURE(file), file, { vietnamese: true }));
    expect(err.message).toMatch(message);
    expect(err.hint).toMatch(/^Nothing in it can be checked or translated as it is: /);
    expect(err.hint).toMatch(hint);
    expect(err.location).toEqual({ file, line: 1, column: 1 });
    expect(decodeText(FIXTURE(file), file).warnings).toEqual([expect.objectContaining({ code: 'mojibake', guess })]);
  });

  it('one double-encoded name in a readable source stays a warning', () => {
    const text = `${SEED.slice(0, 3000)}\n\nÔng Nguyá»…n Văn An phát biểu tại hội nghị.`;
    const read = decodeText(utf8(text), 'a.vi.txt', { vietnamese: true });
    expect(read.warnings.map((w) => [w.guess, w.line])).toEqual([['double-utf8', SEED.slice(0, 3000).split('\n').length + 2]]);
  });
});

describe('parseEncoding', () => {
  it('accepts the four encodings in any case, and utf8', () => {
    expect(['utf-8', 'UTF8', 'Windows-1258', 'TCVN', 'viscii'].map(parseEncoding)).toEqual(['utf-8', 'utf-8', 'windows-1258', 'tcvn', 'viscii']);
    expect(() => parseEncoding('vni')).toThrow(InputError);
  });
});

describe('firstInvalidUtf8', () => {
  it('finds the first bad byte, including overlongs, surrogates and truncation', () => {
    expect(firstInvalidUtf8(utf8('Việt Nam 𠀧'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xc0, 0xaf]))).toBe(1); // overlong
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xed, 0xa0, 0x80]))).toBe(1); // surrogate
    expect(firstInvalidUtf8(Buffer.from([0x41, 0x42, 0xe1, 0xba]))).toBe(2); // cut short
    expect(firstInvalidUtf8(Buffer.from([0x80]))).toBe(0);
  });
});

describe('readTextFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vitrans-read-'));
  });
  afterAll(async () => {
    await chmod(join(dir, 'locked.txt'), 0o644).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a UTF-8 file', async () => {
    const path = join(dir, 'source.vi.txt');
    await writeFile(path, '\uFEFFBộ Quốc phòng Hoa Kỳ\n');
    expect(await readTextFile(path)).toEqual({ path, text: 'Bộ Quốc phòng Hoa Kỳ\n', warnings: [], bom: true, encoding: 'utf-8' });
  });

  it('reads a legacy file when told the encoding', async () => {
    const path = join(dir, 'tcvn.txt');
    await writeFile(path, iconv.encode('Thoả thuận', 'tcvn'));
    expect((await readTextFile(path, { encoding: 'tcvn' })).text).toBe('Thoả thuận');
  });

  it('says a file is missing, with a hint', async () => {
    const path = join(dir, 'nope.txt');
    await expect(readTextFile(path)).rejects.toMatchObject({ message: 'file not found', location: { file: path } });
    await expect(readTextFile(path)).rejects.toHaveProperty('hint', expect.stringContaining('path'));
  });

  it('says a folder is not a file', async () => {
    const sub = join(dir, 'corpus');
    await mkdir(sub);
    await expect(readTextFile(sub)).rejects.toMatchObject({ message: 'this is a folder, not a file', location: { file: sub } });
  });

  it.skipIf(typeof process.getuid === 'function' && process.getuid() === 0)('says an unreadable file cannot be read', async () => {
    const path = join(dir, 'locked.txt');
    await writeFile(path, 'Bộ');
    await chmod(path, 0o000);
    await expect(readTextFile(path)).rejects.toMatchObject({ message: 'cannot read the file: permission denied' });
  });

  it('says a path through a file cannot be read, naming the system error', async () => {
    const path = join(dir, 'source.vi.txt', 'inner.txt');
    await writeFile(join(dir, 'source.vi.txt'), 'Bộ');
    await expect(readTextFile(path)).rejects.toMatchObject({ message: 'cannot read the file (ENOTDIR)', location: { file: path } });
  });

  it('checks the encoding before reading', async () => {
    await expect(readTextFile(join(dir, 'nope.txt'), { encoding: 'koi8-r' })).rejects.toMatchObject({ message: 'Unknown encoding "koi8-r"' });
  });
});

describe('readError', () => {
  it('explains permission errors even where tests run as root', () => {
    for (const code of ['EACCES', 'EPERM']) {
      const err = readError(Object.assign(new Error('denied'), { code }), 'corpus/a.txt');
      expect(err).toBeInstanceOf(InputError);
      expect(err.message).toBe('cannot read the file: permission denied');
      expect(err.hint).toContain('chmod');
      expect(err.location).toEqual({ file: 'corpus/a.txt' });
    }
  });

  it('keeps the cause and copes with errors without a code', () => {
    const cause = new Error('weird');
    const err = readError(cause, 'a.txt');
    expect(err.message).toBe('cannot read the file');
    expect(err.cause).toBe(cause);
  });
});
