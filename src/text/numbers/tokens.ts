/**
 * The token stream the number readers walk: digit runs, letter runs and single punctuation marks,
 * split where digits meet letters ("054A" is "054" + "A", "2.4bn" is "2" "." "4" "bn"), each with
 * the whitespace before it. One linear pass.
 */
import { isSpaceCode, wordCharLength } from '../chars.js';

/** `num`: ASCII digits only; `word`: letters and marks; `punct`: one other character. */
export type TokenType = 'num' | 'word' | 'punct';

/** What separates a token from the one before it: nothing, spaces (a line break included), or a blank line. */
export const enum Gap {
  None = 0,
  Space = 1,
  Break = 2,
}

/** One token, with offsets into the text read. */
export interface Token {
  type: TokenType;
  start: number;
  end: number;
  text: string;
  /** The matching key: the text folded by the reader's language (lower case at least). */
  key: string;
  /** Whitespace before the token. */
  gap: Gap;
  /** Starts with an upper-case letter. */
  upper: boolean;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Whether a word starts with a letter that has a lower case (ASCII decided without a copy). */
function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

/** How a reader folds its words into keys. */
export interface Folding {
  /** The key of a word that is not plain ASCII (memoised by the caller if it is costly). */
  fold(word: string): string;
  /**
   * Whether a plain ASCII word with a y may fold to something else than its lower case
   * (Vietnamese "quy" is "qui", "Ky" is "ki"). Any other plain ASCII word's key is its lower case,
   * made here without a call (and without a copy when it is lower case already): most words of a
   * text are.
   */
  foldsY: boolean;
}

/**
 * Tokens of `text` between `start` and `end`, each word with its key.
 * @example tokenize('F-35A, 2,4 tỷ', 0, 13, { fold: (w) => w.toLowerCase(), foldsY: false }).map((t) => t.text)
 * // ['F', '-', '35', 'A', ',', '2', ',', '4', 'tỷ']
 */
export function tokenize(text: string, start: number, end: number, folding: Folding): Token[] {
  const tokens: Token[] = [];
  let gap: Gap = Gap.None;
  let newlines = 0;
  let i = start;
  // ASCII is decided inline (letters and digits are word characters; TAB–CR and space are
  // whitespace, as `\s` has them): only other characters go to the tables of ../chars.js.
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < 0x80 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : isSpaceCode(c)) {
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) newlines++;
      gap = newlines >= 2 ? Gap.Break : Gap.Space;
      i++;
      continue;
    }
    let type: TokenType;
    let j: number;
    let ascii = true;
    let capitals = false;
    let withY = false;
    if (c < 0x80 ? !isAsciiWord(c) : wordCharLength(text, i) === 0) {
      const cp = c < 0xd800 || c > 0xdbff ? c : (text.codePointAt(i) ?? c);
      j = Math.min(end, i + (cp > 0xffff ? 2 : 1));
      type = 'punct';
    } else {
      // A run of word characters, cut where ASCII digits meet anything else.
      j = i;
      const digits = isDigit(c);
      while (j < end) {
        const d = text.charCodeAt(j);
        if (d < 0x80) {
          if (!isAsciiWord(d) || isDigit(d) !== digits) break;
          if (d <= 0x5a && d >= 0x41) capitals = true;
          if ((d | 0x20) === 0x79) withY = true;
          j++;
        } else {
          const l = wordCharLength(text, j);
          if (l === 0 || digits) break;
          ascii = false;
          j += l;
        }
      }
      type = digits ? 'num' : 'word';
    }
    const t = text.slice(i, j);
    let key = t;
    if (type === 'word') {
      if (!ascii || (withY && folding.foldsY)) key = folding.fold(t);
      else if (capitals) key = t.toLowerCase();
    }
    tokens.push({ type, start: i, end: j, text: t, key, gap, upper: type === 'word' && startsUpper(t) });
    gap = Gap.None;
    newlines = 0;
    i = j;
  }
  return tokens;
}

/** ASCII letters and digits: the word characters below U+0080. */
function isAsciiWord(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}
