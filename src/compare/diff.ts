/**
 * Word-level diffs between two translations, with a character-level pass inside one-word
 * substitutions. fast-diff works on characters, so every distinct token is first mapped to one
 * private-use code point, the encoded strings are diffed, and the result is decoded back.
 */
import fastDiff from 'fast-diff';
import type { DiffOp, DiffStats } from './types.js';

/** What a token is: a word, a run of whitespace, or a single other character (punctuation, symbol). */
export type TokenKind = 'word' | 'space' | 'punct';

/** One token of a text, exactly as it appears there. */
export interface Token {
  kind: TokenKind;
  text: string;
}

// A word is a run of letters, combining marks and digits; an apostrophe (' or ’) or a hyphen
// between two such runs keeps them one word ("don't", "Indo-Pacific", "Ấn Độ Dương-Thái").
// Combining marks belong to words so that NFD text is not split inside a syllable.
const TOKEN_RE = /([\p{L}\p{M}\p{N}]+(?:['’‐-][\p{L}\p{M}\p{N}]+)*)|(\s+)|([^])/gu;
// The same tokens without capture groups, for the diff's hot path (texts only).
const TOKEN_TEXT_RE = /[\p{L}\p{M}\p{N}]+(?:['’‐-][\p{L}\p{M}\p{N}]+)*|\s+|[^]/gu;
// Word tokens alone, for counting.
const WORD_RE = /[\p{L}\p{M}\p{N}]+(?:['’‐-][\p{L}\p{M}\p{N}]+)*/gu;
// A token is a word exactly when it starts with a letter, mark or digit.
const WORD_START = /^[\p{L}\p{M}\p{N}]/u;

/**
 * Split a text into words, whitespace runs and single punctuation characters. Joining the
 * tokens' texts gives back the input exactly.
 * @example tokenize("Thoả thuận, don't") // Thoả · ␠ · thuận · , · ␠ · don't
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const kind: TokenKind = m[1] !== undefined ? 'word' : m[2] !== undefined ? 'space' : 'punct';
    tokens.push({ kind, text: m[0] });
  }
  return tokens;
}

// A base character with its combining marks: the unit of the character-level pass, so that a
// tone mark in NFD text is never shown apart from its letter.
const CLUSTER_RE = /\P{M}\p{M}*|\p{M}+/gu;

function clusters(word: string): string[] {
  return word.match(CLUSTER_RE) ?? [];
}

/**
 * Code points used to stand for tokens: the BMP Private Use Area first (6,400 code points, one
 * UTF-16 unit each), then Supplementary Private Use Areas A and B (two units each, as a
 * surrogate pair). fast-diff's top-level call repairs edit boundaries that fall inside a
 * surrogate pair, and `decode` checks that no half pair ever comes back.
 */
function codePointFor(n: number): number {
  if (n < 0x1900) return 0xe000 + n;
  n -= 0x1900;
  if (n < 0xfffe) return 0xf0000 + n;
  n -= 0xfffe;
  if (n < 0xfffe) return 0x100000 + n;
  throw new RangeError('more than 137,468 distinct tokens in one diff');
}

const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });
/** Whether typed arrays hold their units little-endian here (every common platform; not s390x). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** UTF-16 units as a string: one decode of their bytes (swapped first on a big-endian machine). */
function decodeUnits(units: Uint16Array): string {
  if (units.length <= 64) {
    // A word's characters (charDiff): a decoder call costs more than a few concatenations.
    let out = '';
    for (let i = 0; i < units.length; i++) out += String.fromCharCode(units[i]!);
    return out;
  }
  if (!LITTLE_ENDIAN) {
    const swapped = new Uint16Array(units.length);
    for (let i = 0; i < units.length; i++) swapped[i] = ((units[i]! & 0xff) << 8) | (units[i]! >> 8);
    units = swapped;
  }
  return UTF16.decode(units);
}

/** Maps each distinct token text to one code point, shared by both sides of a diff. */
class TokenCodec {
  private readonly codes = new Map<string, number>();
  private readonly texts = new Map<number, string>();

  encode(parts: readonly string[]): string {
    // At most two UTF-16 units per token, decoded at once: linear, and no argument list.
    const units = new Uint16Array(parts.length * 2);
    let n = 0;
    for (const part of parts) {
      let cp = this.codes.get(part);
      if (cp === undefined) {
        cp = codePointFor(this.codes.size);
        this.codes.set(part, cp);
        this.texts.set(cp, part);
      }
      if (cp < 0x10000) units[n++] = cp;
      else {
        units[n++] = 0xd800 + ((cp - 0x10000) >> 10);
        units[n++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
      }
    }
    return decodeUnits(units.subarray(0, n));
  }

  /** The token texts that an encoded run stands for. */
  decode(encoded: string): string[] {
    const parts: string[] = [];
    for (const ch of encoded) {
      const text = this.texts.get(ch.codePointAt(0) ?? -1);
      // A half surrogate pair or a foreign character would mean the diff split a token.
      if (text === undefined) throw new Error(`word diff produced a split token (U+${(ch.codePointAt(0) ?? 0).toString(16)})`);
      parts.push(text);
    }
    return parts;
  }
}

const OPS = { [fastDiff.EQUAL]: 'equal', [fastDiff.INSERT]: 'insert', [fastDiff.DELETE]: 'delete' } as const;

/** Distinct tokens the private-use code points can stand for in one diff (see codePointFor). */
const MAX_DISTINCT_TOKENS = 0x1900 + 2 * 0xfffe;

/**
 * Diff two token sequences; each op also keeps the tokens it covers. Sequences with more distinct
 * tokens than there are code points to stand for them (a paragraph of megabytes, full of numbers)
 * are diffed in two halves each, cut in proportion: still an exact diff of the whole (equal and
 * deleted parts give `a`, equal and inserted give `b`), if not always the shortest.
 */
function diffParts(a: readonly string[], b: readonly string[]): { op: DiffOp['op']; parts: string[] }[] {
  if (a.length + b.length > MAX_DISTINCT_TOKENS && distinctTokens(a, b) > MAX_DISTINCT_TOKENS) {
    const [i, j] = cutPoints(a, b);
    return mergeSteps([...diffParts(a.slice(0, i), b.slice(0, j)), ...diffParts(a.slice(i), b.slice(j))]);
  }
  const codec = new TokenCodec();
  const encA = codec.encode(a);
  const encB = codec.encode(b);
  // No semantic cleanup: it folds equal runs no longer than the edits around them into those edits,
  // and here one code point is a whole word, so shared words would show as deleted and inserted.
  return fastDiff(encA, encB, undefined, false).map(([op, text]) => ({ op: OPS[op], parts: codec.decode(text) }));
}

/**
 * Where to cut both sequences in two: near the middle of `a`, at a token that `b` has near the
 * same proportion of its length (so the halves pair what corresponds); in proportion otherwise.
 */
function cutPoints(a: readonly string[], b: readonly string[]): [number, number] {
  const mid = a.length >> 1;
  const ratio = b.length / Math.max(1, a.length);
  const WINDOW = 4096;
  for (let d = 0; d < 64; d++) {
    for (const i of [mid + d, mid - d]) {
      const token = a[i];
      // A word: spaces and punctuation are everywhere and would pair the wrong places.
      if (token === undefined || i <= 0 || !WORD_START.test(token)) continue;
      const guess = Math.round(i * ratio);
      for (let k = 0; k <= WINDOW; k++) {
        if (b[guess + k] === token) return [i, guess + k];
        if (k > 0 && b[guess - k] === token && guess - k > 0) return [i, guess - k];
      }
    }
  }
  return [mid, Math.round(mid * ratio)];
}

function distinctTokens(a: readonly string[], b: readonly string[]): number {
  const seen = new Set(a);
  for (const t of b) seen.add(t);
  return seen.size;
}

/** Joins neighbouring steps of the same kind (where two halves meet). */
function mergeSteps(steps: { op: DiffOp['op']; parts: string[] }[]): { op: DiffOp['op']; parts: string[] }[] {
  const out: { op: DiffOp['op']; parts: string[] }[] = [];
  for (const s of steps) {
    if (s.parts.length === 0) continue;
    const last = out[out.length - 1];
    if (last && last.op === s.op) for (const p of s.parts) last.parts.push(p);
    else out.push({ op: s.op, parts: [...s.parts] });
  }
  return out;
}

/**
 * Character-level diff of two words, by user-perceived character (base letter plus combining
 * marks). Used inside one-word substitutions.
 * @example charDiff('Interceptor', 'Interceptors') // equal 'Interceptor', insert 's'
 */
export function charDiff(a: string, b: string): DiffOp[] {
  return diffParts(clusters(a), clusters(b)).map(({ op, parts }) => ({ op, text: parts.join('') }));
}

/**
 * Word-level diff from text `a` (the pivot) to text `b`. `equal`+`delete` texts join to `a`,
 * `equal`+`insert` texts join to `b`. A delete of exactly one word immediately followed by an
 * insert of exactly one word is a substitution: both get `chars`, a character-level diff
 * (the delete's `chars` hold the equal/delete steps, the insert's the equal/insert steps).
 * @example wordDiff('the Interceptor test', 'the Interceptors test')
 * // equal 'the ', delete 'Interceptor' (chars), insert 'Interceptors' (chars), equal ' test'
 */
export function wordDiff(a: string, b: string): DiffOp[] {
  if (a === b) return a === '' ? [] : [{ op: 'equal', text: a }];
  const steps = diffParts(a.match(TOKEN_TEXT_RE) ?? [], b.match(TOKEN_TEXT_RE) ?? []);
  const ops: DiffOp[] = steps.map(({ op, parts }) => ({ op, text: parts.length === 1 ? parts[0]! : parts.join('') }));
  for (let i = 0; i + 1 < steps.length; i++) {
    const del = steps[i]!;
    const ins = steps[i + 1]!;
    if (
      del.op === 'delete' &&
      ins.op === 'insert' &&
      del.parts.length === 1 &&
      ins.parts.length === 1 &&
      WORD_START.test(del.parts[0]!) &&
      WORD_START.test(ins.parts[0]!)
    ) {
      const chars = charDiff(del.parts[0]!, ins.parts[0]!);
      ops[i]!.chars = chars.filter((c) => c.op !== 'insert');
      ops[i + 1]!.chars = chars.filter((c) => c.op !== 'delete');
    }
  }
  return ops;
}

/**
 * Counts of words (not whitespace or punctuation) that a diff keeps, removes and adds.
 * @example diffStats(wordDiff('a b c', 'a x c')) // { equal: 2, deleted: 1, inserted: 1 }
 */
export function diffStats(ops: readonly DiffOp[]): DiffStats {
  const out = { equal: 0, deleted: 0, inserted: 0 };
  for (const op of ops) {
    // The word tokens of `tokenize`, counted without making the others.
    let words = 0;
    for (const _ of op.text.matchAll(WORD_RE)) words++;
    if (op.op === 'equal') out.equal += words;
    else if (op.op === 'delete') out.deleted += words;
    else out.inserted += words;
  }
  return out;
}
