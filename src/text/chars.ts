/**
 * Character classes for linear scans, precomputed for the Basic Multilingual Plane so that hot
 * loops test a table instead of running a regex per character.
 */

const WORD_RE = /[\p{L}\p{M}\p{N}]/u;
const SPACE_RE = /\s/;

const enum Kind {
  Other = 0,
  Word = 1,
  Space = 2,
}

const BMP = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  if (c >= 0xd800 && c <= 0xdfff) continue; // surrogates: decided per code point
  const ch = String.fromCharCode(c);
  if (WORD_RE.test(ch)) BMP[c] = Kind.Word;
  else if (SPACE_RE.test(ch)) BMP[c] = Kind.Space;
}

/** Whether UTF-16 unit `code` is whitespace as JS `\s` sees it (includes NBSP, U+202F, U+FEFF). */
export function isSpaceCode(code: number): boolean {
  return BMP[code] === Kind.Space;
}

/**
 * Length in UTF-16 units of the word character (`[\p{L}\p{M}\p{N}]`) at `i`, or 0 if there is none.
 * Astral letters (e.g. CJK Extension B) count as word characters of length 2.
 */
export function wordCharLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return BMP[c] === Kind.Word ? 1 : 0;
  const cp = text.codePointAt(i);
  if (cp === undefined || cp < 0x10000) return 0; // lone surrogate
  return WORD_RE.test(String.fromCodePoint(cp)) ? 2 : 0;
}

/**
 * End of the run of word characters starting at `start` (returns `start` if there is none).
 * @example wordRunEnd('Ấn Độ', 0) // 2
 */
export function wordRunEnd(text: string, start: number): number {
  let i = start;
  const n = text.length;
  while (i < n) {
    const len = wordCharLength(text, i);
    if (len === 0) break;
    i += len;
  }
  return i;
}
