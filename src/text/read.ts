/**
 * Reading input files: UTF-8 by default (BOM removed, text kept as the user has it so positions
 * point into their file), legacy Vietnamese encodings on request, and one-line errors that say what
 * is wrong and how to fix it.
 */
import { readFile } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { InputError } from '../core/errors.js';
import { LineIndex } from './positions.js';
import {
  LEGACY_ENCODING_OPTION,
  LEGACY_NAMES,
  clearWinner,
  findMojibake,
  readLegacyCandidates,
  scoreVietnamese,
  type LegacyGuess,
  type MojibakeHit,
} from './legacy.js';

/** Encodings `--encoding` accepts. */
export const TEXT_ENCODINGS = ['utf-8', 'windows-1258', 'tcvn', 'viscii'] as const;

/** An encoding vitrans can read. `tcvn` is TCVN3 (TCVN 5712). */
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

const ICONV_NAME: Record<Exclude<TextEncoding, 'utf-8'>, string> = {
  'windows-1258': 'windows1258',
  tcvn: 'tcvn',
  viscii: 'viscii',
};

/**
 * Something odd about a file that does not stop the run, pointing into the text as read.
 * @example { code: 'mojibake', message: '"ThiÕt" looks like TCVN3 (ABC) font text ("Thiết")…', offset: 31, line: 1, column: 32, guess: 'tcvn3' }
 */
export interface TextWarning {
  code: 'mojibake';
  message: string;
  offset: number;
  line: number;
  column: number;
  /** Where the text probably came from. */
  guess: LegacyGuess;
}

/** A decoded input file. `text` is what the user has (BOM removed, not NFC'd, except for legacy encodings). */
export interface TextFile {
  path: string;
  text: string;
  warnings: TextWarning[];
  /** The file started with a UTF-8 byte-order mark (writers put it back). */
  bom?: boolean;
  /** How the bytes were decoded. */
  encoding?: TextEncoding;
}

/** Options for reading. `encoding` is one of TEXT_ENCODINGS (default utf-8). */
export interface ReadTextOptions {
  encoding?: string;
  /**
   * The text must be Vietnamese (a source). Then text that stays unreadable, legacy-font or
   * double-encoded UTF-8 through most of the file, and a legacy reading that is not Vietnamese
   * (the wrong `encoding`), are errors naming the likely right encoding, not warnings.
   */
  vietnamese?: boolean;
  /** The command-line option that sets this file's encoding, named in hints (default `--encoding`). */
  encodingOption?: string;
}

const ENCODING_HINT = `Use one of: --encoding ${TEXT_ENCODINGS.join('|')}.`;

/**
 * Checks an `--encoding` value (case-insensitive; `utf8` is accepted for utf-8).
 * @throws InputError naming the allowed values
 * @example parseEncoding('TCVN') // 'tcvn'
 */
export function parseEncoding(value: string): TextEncoding {
  const v = value.trim().toLowerCase();
  const found = TEXT_ENCODINGS.find((e) => e === v) ?? (v === 'utf8' ? 'utf-8' : undefined);
  if (!found) throw new InputError(`Unknown encoding "${value}"`, { hint: ENCODING_HINT });
  return found;
}

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

const SNIFF_BYTES = 64 * 1024;

function looksBinary(bytes: Uint8Array, checkControls: boolean): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return true;
    // Tab, LF, VT, FF, CR and ESC turn up in text; other C0 controls do not.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
  }
  return checkControls && n > 0 && controls / n > 0.1;
}

/** 1-based line and column of a byte, the column counting the characters before it on its line. */
function placeOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      line++;
      column = 1;
    } else if ((b & 0xc0) !== 0x80) {
      column++; // count lead bytes only: one per character
    }
  }
  return { line, column };
}

function invalidUtf8Error(bytes: Uint8Array, path: string, bad: number, option: string): InputError {
  const { line, column } = placeOfByte(bytes, bad);
  const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  const readings = readLegacyCandidates(bytes.subarray(0, SNIFF_BYTES));
  const winner = clearWinner(readings);
  const location = { file: path, line, column, byteOffset: bad };
  const where = `not valid UTF-8 (byte 0x${byte} at offset ${bad})`;
  const flag = option;
  if (winner) {
    const option = LEGACY_ENCODING_OPTION[winner.guess];
    const name = LEGACY_NAMES[winner.guess];
    const hint = option
      ? `Re-run with ${flag} ${option}, or convert the file to UTF-8.`
      : `vitrans cannot read ${name}: convert the file to UTF-8 with a Vietnamese converter (e.g. Unikey's toolkit), then re-run.`;
    return new InputError(`${where}: it is likely ${name}`, { location, hint });
  }
  const plausible = readings.filter((r) => r.score.share >= 0.3).map((r) => LEGACY_NAMES[r.guess]);
  const tail = plausible.length > 0 ? `: perhaps ${plausible.join(', ')}` : '';
  return new InputError(`${where}${tail}`, {
    location,
    hint: `If it is Vietnamese in a legacy encoding, re-run with ${flag} windows-1258|tcvn|viscii (VNI must be converted to UTF-8 first); otherwise save it as UTF-8.`,
  });
}

/** What a mojibake hit looks like and how it came about, for warnings and errors alike. */
function mojibakeExplained(hit: MojibakeHit): { what: string; cause: string } {
  const source = LEGACY_NAMES[hit.guess];
  if (hit.guess === 'double-utf8') {
    return { what: `"${hit.sample}" looks like ${source} and would read "${hit.repaired}"`, cause: 'the file was decoded as Windows-1252 and saved as UTF-8 again' };
  }
  return { what: `"${hit.sample}" looks like ${source} font text and would read "${hit.repaired}"`, cause: `the text was typed in a ${source} font` };
}

function mojibakeWarnings(hit: MojibakeHit | undefined, text: string, option: string): TextWarning[] {
  if (!hit) return [];
  const { line, column } = new LineIndex(text).position(hit.offset);
  const { what, cause } = mojibakeExplained(hit);
  const legacyOption = LEGACY_ENCODING_OPTION[hit.guess];
  const how =
    hit.guess === 'double-utf8'
      ? cause
      : `${cause}${legacyOption ? ` (a file saved in that encoding could be read with ${option} ${legacyOption})` : ''}; convert it to Unicode`;
  return [{ code: 'mojibake', message: `${what}: ${how}`, offset: hit.offset, line, column, guess: hit.guess }];
}

/** Below this share of well-formed syllables among its accented words, a text is not readable Vietnamese. */
const READABLE_SHARE = 0.5;
/** Fewer accented words than this are too few to judge a text's language by. */
const MIN_WORDS_TO_JUDGE = 8;
/** How much better another reading must score to be named as the likely encoding. */
const CLEARLY_BETTER = 0.2;

/** A Vietnamese source whose text is mostly mojibake cannot be checked or translated: an error, at the first bad word. */
function mojibakeError(hit: MojibakeHit, text: string, path: string): InputError {
  const { line, column } = new LineIndex(text).position(hit.offset);
  const { what, cause } = mojibakeExplained(hit);
  const fix =
    hit.guess === 'double-utf8'
      ? 'export the article again as UTF-8 from where it came, then re-run'
      : `convert it to Unicode with a Vietnamese converter (e.g. Unikey's toolkit, ${LEGACY_NAMES[hit.guess]} → Unicode), then re-run`;
  return new InputError(`this source is not readable Vietnamese: ${what}, and most of the file reads the same`, {
    location: { file: path, line, column },
    hint: `Nothing in it can be checked or translated as it is: ${cause}; ${fix}.`,
  });
}

/** The legacy guess an encoding option reads as. */
const GUESS_OF: Record<Exclude<TextEncoding, 'utf-8'>, LegacyGuess> = { 'windows-1258': 'windows-1258', tcvn: 'tcvn3', viscii: 'viscii' };

/**
 * A legacy reading of a Vietnamese source that is not Vietnamese means the wrong encoding was
 * given (a Windows-1258 file read as TCVN3 finds no term and would pass): stop, naming the
 * reading that is Vietnamese when one clearly is.
 */
function assertReadsAsVietnamese(bytes: Uint8Array, text: string, path: string, encoding: Exclude<TextEncoding, 'utf-8'>, option: string): void {
  const score = scoreVietnamese(text.length > SNIFF_BYTES ? text.slice(0, SNIFF_BYTES) : text);
  if (score.words < MIN_WORDS_TO_JUDGE) return;
  const readings = readLegacyCandidates(bytes.subarray(0, SNIFF_BYTES));
  const winner = clearWinner(readings);
  const chosen = LEGACY_NAMES[GUESS_OF[encoding]];
  const percent = `${Math.round(score.share * 100)}% of its accented words are Vietnamese syllables`;
  const location = { file: path };
  if (winner && winner.guess !== GUESS_OF[encoding] && winner.score.share - score.share >= CLEARLY_BETTER) {
    const right = LEGACY_ENCODING_OPTION[winner.guess];
    const name = LEGACY_NAMES[winner.guess];
    throw new InputError(`read as ${chosen} this is not Vietnamese (${percent}): it is likely ${name}`, {
      location,
      hint: right
        ? `Re-run with ${option} ${right}.`
        : `vitrans cannot read ${name}: convert the file to UTF-8 with a Vietnamese converter (e.g. Unikey's toolkit), then re-run.`,
    });
  }
  if (score.share < READABLE_SHARE) {
    throw new InputError(`read as ${chosen} this does not look like Vietnamese (${percent})`, {
      location,
      hint: `Check which encoding the file is in (${option} windows-1258|tcvn|viscii), or save it as UTF-8 and drop ${option}.`,
    });
  }
}

/** Offset of the first byte of a multi-byte UTF-8 sequence, or -1 when the bytes are not UTF-8 with non-ASCII text. */
function firstUtf8Sequence(bytes: Uint8Array): number {
  if (!isUtf8(bytes)) return -1;
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] ?? 0) >= 0x80) return i;
  return -1;
}

/**
 * Decodes file bytes into text. Pure: `path` is only used in messages.
 * UTF-8 (the default) is checked strictly and kept as written apart from a leading BOM; with a
 * legacy `encoding` the text is converted and NFC'd. Valid UTF-8 that looks like legacy-font
 * text or double-encoded UTF-8 yields a `mojibake` warning.
 * @throws InputError for empty, binary, UTF-16 or invalid UTF-8 input, or an unknown encoding
 * @example decodeText(new TextEncoder().encode('\uFEFFBộ Quốc phòng'), 'a.txt').text // 'Bộ Quốc phòng'
 */
export function decodeText(bytes: Uint8Array, path: string, options: ReadTextOptions = {}): TextFile {
  const encoding = options.encoding === undefined ? 'utf-8' : parseEncoding(options.encoding);
  const option = options.encodingOption ?? '--encoding';
  const location = { file: path };
  const emptyError = (): InputError =>
    new InputError('the file is empty', { location, hint: 'Pass a file with the article text in it (UTF-8).' });
  if (bytes.length === 0) throw emptyError();

  if (encoding === 'utf-8') {
    const bom16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    if (bom16) {
      throw new InputError('the file is UTF-16, not UTF-8', { location, hint: 'Save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8).' });
    }
  }
  if (looksBinary(bytes, encoding === 'utf-8')) {
    throw new InputError('this looks like a binary file, not text', {
      location,
      hint: 'Pass a plain-text article (.txt, UTF-8); extract the text from PDFs or Word files first.',
    });
  }

  let text: string;
  let warnings: TextWarning[] = [];
  const bom = encoding === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (encoding === 'utf-8') {
    const start = bom ? 3 : 0;
    const body = bytes.subarray(start);
    if (!isUtf8(body)) throw invalidUtf8Error(bytes, path, firstInvalidUtf8(body) + start, option);
    text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  } else {
    // Vietnamese in an 8-bit encoding is never valid UTF-8 once it has a letter beyond ASCII:
    // such a file is UTF-8, and reading it as legacy would shift every column after its first letter.
    const utf8At = firstUtf8Sequence(bytes);
    if (utf8At >= 0) {
      throw new InputError(`this file is UTF-8, not ${LEGACY_NAMES[GUESS_OF[encoding]]}`, {
        location: { file: path, ...placeOfByte(bytes, utf8At), byteOffset: utf8At },
        hint: 'Read it as UTF-8: give the legacy encoding only to the files written in it (--source-encoding or --target-encoding instead of --encoding).',
      });
    }
    // iconv's Vietnamese decoders give base letter + combining tone: NFC makes them ordinary text.
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), ICONV_NAME[encoding]).normalize('NFC');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  }
  if (text.trim() === '') throw emptyError();
  if (encoding !== 'utf-8') {
    if (options.vietnamese) assertReadsAsVietnamese(bytes, text, path, encoding, option);
  } else {
    const hit = findMojibake(text);
    if (hit && options.vietnamese) {
      const score = scoreVietnamese(text.length > SNIFF_BYTES ? text.slice(0, SNIFF_BYTES) : text);
      if (score.words >= MIN_WORDS_TO_JUDGE && score.share < READABLE_SHARE) throw mojibakeError(hit, text, path);
    }
    warnings = mojibakeWarnings(hit, text, option);
  }
  return { path, text, warnings, bom, encoding };
}

/**
 * Turns a file-system error from reading `path` into a one-line InputError with a hint.
 * @example readError(Object.assign(new Error(), { code: 'ENOENT' }), 'a.txt') // InputError 'file not found', location { file: 'a.txt' }
 */
export function readError(error: unknown, path: string): InputError {
  const code = (error as { code?: unknown } | null)?.code;
  const location = { file: path };
  switch (code) {
    case 'ENOENT':
      return new InputError('file not found', { location, hint: 'Check the path (it is relative to the current folder).', cause: error });
    case 'EISDIR':
      return new InputError('this is a folder, not a file', { location, hint: 'Pass a text file inside it, e.g. corpus/a/source.vi.txt.', cause: error });
    case 'EACCES':
    case 'EPERM':
      return new InputError('cannot read the file: permission denied', { location, hint: 'Make the file readable (chmod u+r) or copy it somewhere you can read.', cause: error });
    default:
      return new InputError(`cannot read the file${typeof code === 'string' ? ` (${code})` : ''}`, {
        location,
        hint: 'Check that the path names a readable text file.',
        cause: error,
      });
  }
}

/**
 * Reads and decodes a text file (see decodeText).
 * @throws InputError when the file is missing, a folder, unreadable, empty, binary or not decodable
 * @example const { text, warnings } = await readTextFile('corpus/a/source.vi.txt');
 */
export async function readTextFile(path: string, options: ReadTextOptions = {}): Promise<TextFile> {
  if (options.encoding !== undefined) parseEncoding(options.encoding); // fail before touching the disk
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw readError(error, path);
  }
  return decodeText(bytes, path, options);
}
