/**
 * Recognising Vietnamese written in pre-Unicode encodings and fonts: TCVN3 (ABC), VNI, VISCII,
 * Windows-1258, and UTF-8 decoded twice. Heuristics for messages only: nothing here converts a
 * user's text silently.
 */
import iconv from 'iconv-lite';
import { isUtf8 } from 'node:buffer';
import { isVietnameseSyllable } from './vietnamese.js';

/** Where Vietnamese text that is not proper Unicode probably came from. */
export type LegacyGuess = 'windows-1258' | 'tcvn3' | 'vni' | 'viscii' | 'double-utf8';

/** How a guess is named in messages. */
export const LEGACY_NAMES: Readonly<Record<LegacyGuess, string>> = {
  'windows-1258': 'Windows-1258',
  tcvn3: 'TCVN3 (ABC)',
  vni: 'VNI',
  viscii: 'VISCII',
  'double-utf8': 'UTF-8 decoded twice',
};

/** The `--encoding` value that reads a legacy guess, when vitrans can read it. */
export const LEGACY_ENCODING_OPTION: Readonly<Partial<Record<LegacyGuess, string>>> = {
  'windows-1258': 'windows-1258',
  tcvn3: 'tcvn',
  viscii: 'viscii',
};

// VNI fonts write a letter as a base plus one Latin-1 "accent" character after it.
const VNI_TONE: Record<string, string> = { ù: '\u0301', ø: '\u0300', û: '\u0309', õ: '\u0303', ï: '\u0323' };
const VNI_AFTER_A: Record<string, string> = {
  â: '\u0302', á: '\u0302\u0301', à: '\u0302\u0300', å: '\u0302\u0309', ã: '\u0302\u0303', ä: '\u0302\u0323',
  ê: '\u0306', é: '\u0306\u0301', è: '\u0306\u0300', ú: '\u0306\u0309', ü: '\u0306\u0303', ë: '\u0306\u0323',
};
const VNI_AFTER_EO: Record<string, string> = {
  â: '\u0302', á: '\u0302\u0301', à: '\u0302\u0300', å: '\u0302\u0309', ã: '\u0302\u0303', ä: '\u0302\u0323',
};
const VNI_SINGLE: Record<string, string> = {
  ô: 'ơ', ö: 'ư', ñ: 'đ', æ: 'ỉ', ó: 'ĩ', ò: 'ị', î: 'ỵ', Ô: 'Ơ', Ö: 'Ư', Ñ: 'Đ', Æ: 'Ỉ', Ó: 'Ĩ', Ò: 'Ị', Î: 'Ỵ',
};

function upperTable(table: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { ...table };
  for (const [k, v] of Object.entries(table)) out[k.toUpperCase()] = v;
  return out;
}
const VNI_TONE_ANY = upperTable(VNI_TONE);
const VNI_A = upperTable(VNI_AFTER_A);
const VNI_EO = upperTable(VNI_AFTER_EO);

/**
 * Reads text typed in a VNI font back as Unicode (NFC). Approximate: for guessing only.
 * @example vniToUnicode('Vieät Nam') // 'Việt Nam'
 */
export function vniToUnicode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    const next = text[i + 1] ?? '';
    const lower = ch.toLowerCase();
    let marks: string | undefined;
    let base = ch;
    if (lower === 'a') marks = VNI_A[next] ?? VNI_TONE_ANY[next];
    else if (lower === 'e' || lower === 'o') marks = VNI_EO[next] ?? VNI_TONE_ANY[next];
    else if ('uyôö'.includes(lower)) {
      marks = VNI_TONE_ANY[next];
      base = VNI_SINGLE[ch] ?? ch;
    }
    if (marks !== undefined) {
      out += base + marks;
      i++;
    } else {
      out += VNI_SINGLE[ch] ?? ch;
    }
  }
  return out.normalize('NFC');
}

/** How Vietnamese a decoded text looks: of the words with non-ASCII letters, the share that are real syllables. */
export interface VietnameseScore {
  /** Words (whitespace-separated, punctuation trimmed) that contain a non-ASCII character. */
  words: number;
  /** Of those, the ones that are well-formed Vietnamese syllables. */
  syllables: number;
  /** syllables / words (0 when there are no such words). */
  share: number;
}

const NON_ASCII = /[\u0080-\uffff]/;
const EDGE_PUNCTUATION = /^[\p{P}\p{S}\d]+|[\p{P}\p{S}\d]+$/gu;

/**
 * Scores a text by how many of its non-ASCII words are well-formed Vietnamese syllables.
 * @example scoreVietnamese('Thiết bị đánh').share // 1;  scoreVietnamese('ThiÕt bÞ ®¸nh').share // 0
 */
export function scoreVietnamese(text: string): VietnameseScore {
  let words = 0;
  let syllables = 0;
  for (const token of text.split(/\s+/)) {
    if (!NON_ASCII.test(token)) continue;
    words++;
    const word = token.normalize('NFC').replace(EDGE_PUNCTUATION, '');
    if (word !== '' && isVietnameseSyllable(word)) syllables++;
  }
  return { words, syllables, share: words === 0 ? 0 : syllables / words };
}

/** One candidate reading of a text, scored. */
export interface LegacyReading {
  guess: LegacyGuess;
  text: string;
  score: VietnameseScore;
}

/**
 * Reads bytes that are not valid UTF-8 in each legacy encoding and scores the results, best first.
 * VNI is read as Windows-1252 plus VNI accents (iconv-lite has no VNI).
 */
export function readLegacyCandidates(bytes: Uint8Array): LegacyReading[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const readings: LegacyReading[] = [
    { guess: 'windows-1258', text: iconv.decode(buf, 'windows1258').normalize('NFC') },
    { guess: 'tcvn3', text: iconv.decode(buf, 'tcvn').normalize('NFC') },
    { guess: 'viscii', text: iconv.decode(buf, 'viscii').normalize('NFC') },
    { guess: 'vni', text: vniToUnicode(iconv.decode(buf, 'windows1252')) },
  ].map((r) => ({ ...r, guess: r.guess as LegacyGuess, score: scoreVietnamese(r.text) }));
  return readings.sort((a, b) => b.score.share - a.score.share || b.score.syllables - a.score.syllables);
}

/** A reading wins clearly when it is mostly Vietnamese and well ahead of the next one. */
export function clearWinner(readings: LegacyReading[]): LegacyReading | undefined {
  const [best, second] = readings;
  if (!best || best.score.words < 2 || best.score.share < 0.6) return undefined;
  if (second && best.score.share - second.score.share < 0.2) return undefined;
  return best;
}

/** A suspicious passage in valid UTF-8 text. */
export interface MojibakeHit {
  guess: LegacyGuess;
  /** UTF-16 offset of the first suspicious word. */
  offset: number;
  /** The word as written, and how it would read. */
  sample: string;
  repaired: string;
}

// A UTF-8 lead byte for Vietnamese letters (C3–C6, E1 BA/BB) read as Windows-1252, then continuation bytes.
const CONTINUATION = '\\u0080-\\u00bf\\u0152\\u0153\\u0160\\u0161\\u0178\\u017d\\u017e\\u0192\\u02c6\\u02dc\\u2013\\u2014\\u2018-\\u201e\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203a\\u20ac\\u2122';
const DOUBLE_UTF8 = new RegExp(`(?:[\\u00c3-\\u00c6][${CONTINUATION}]|\\u00e1[\\u00ba\\u00bb][${CONTINUATION}])+`, 'g');
const VIETNAMESE_LETTER = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u00c0-\u00c3\u00c8-\u00ca\u00cc\u00cd\u00d2-\u00d5\u00d9\u00da\u00dd\u00e0-\u00e3\u00e8-\u00ea\u00ec\u00ed\u00f2-\u00f5\u00f9\u00fa\u00fd]/;

function wordAround(text: string, offset: number): [number, number] {
  let s = offset;
  while (s > 0 && !/\s/.test(text[s - 1] ?? ' ')) s--;
  let e = offset;
  while (e < text.length && !/\s/.test(text[e] ?? ' ')) e++;
  return [s, e];
}

function findDoubleUtf8(text: string): MojibakeHit | undefined {
  DOUBLE_UTF8.lastIndex = 0;
  for (let m = DOUBLE_UTF8.exec(text); m; m = DOUBLE_UTF8.exec(text)) {
    const bytes = iconv.encode(m[0], 'windows1252');
    if (!isUtf8(bytes)) continue;
    const decoded = bytes.toString('utf8');
    if (!VIETNAMESE_LETTER.test(decoded)) continue;
    const [s, e] = wordAround(text, m.index);
    const sample = text.slice(s, e);
    const repaired = sample.replace(DOUBLE_UTF8, (run) => {
      const b = iconv.encode(run, 'windows1252');
      return isUtf8(b) ? b.toString('utf8') : run;
    });
    return { guess: 'double-utf8', offset: s, sample, repaired };
  }
  return undefined;
}

const SAMPLE_CHARS = 200_000;
const BEYOND_LATIN1 = /[\u0100-\uffff]/;

/**
 * Looks for Vietnamese that is valid UTF-8 but not readable: legacy-font text (TCVN3 "ThiÕt bÞ
 * ®¸nh", VNI "Vieät Nam") or double-encoded UTF-8 ("Thiáº¿t"). Looks at the first 200,000
 * characters; returns the first hit of the most likely kind, or undefined.
 */
export function findMojibake(text: string): MojibakeHit | undefined {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const double = findDoubleUtf8(sample);
  if (double) return double;

  // Legacy fonts live in the Latin-1 range: collect the Latin-1 words that are not Vietnamese as
  // written, and see whether reading them as TCVN3 or as VNI makes them Vietnamese.
  const suspects: Array<{ word: string; offset: number }> = [];
  const tokenRe = /\S+/g;
  for (let m = tokenRe.exec(sample); m && suspects.length < 2000; m = tokenRe.exec(sample)) {
    const token = m[0];
    if (!/[\x80-\xff]/.test(token) || BEYOND_LATIN1.test(token)) continue;
    const asIs = token.normalize('NFC').replace(EDGE_PUNCTUATION, '');
    if (asIs !== '' && isVietnameseSyllable(asIs)) continue;
    suspects.push({ word: token, offset: m.index });
  }
  if (suspects.length < 2) return undefined;
  const readers: Array<{ guess: LegacyGuess; read: (word: string) => string }> = [
    { guess: 'tcvn3', read: (w) => iconv.decode(Buffer.from(w, 'latin1'), 'tcvn').normalize('NFC') },
    { guess: 'vni', read: vniToUnicode },
  ];
  let best: { guess: LegacyGuess; read: (word: string) => string; readable: number } | undefined;
  for (const reader of readers) {
    let readable = 0;
    for (const { word } of suspects) if (isVietnameseSyllable(reader.read(word).replace(EDGE_PUNCTUATION, ''))) readable++;
    if (!best || readable > best.readable) best = { ...reader, readable };
  }
  if (!best || best.readable < 2 || best.readable < 0.6 * suspects.length) return undefined;
  for (const { word, offset } of suspects) {
    const repaired = best.read(word);
    if (isVietnameseSyllable(repaired.replace(EDGE_PUNCTUATION, ''))) return { guess: best.guess, offset, sample: word, repaired };
  }
  return undefined;
}
