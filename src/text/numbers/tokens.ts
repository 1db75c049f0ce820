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
  readonly type: TokenType;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The matching key: the text folded by the reader's language (lower case at least). */
  readonly key: string;
  /** Whitespace before the token. */
  readonly gap: Gap;
  /** Starts with an upper-case letter. */
  readonly upper: boolean;
  /**
   * Whether the word's key may be one of the reader's `starters` (see `tokenize`): false only
   * when it cannot be, decided without folding. Always true without `starters`, and for other tokens.
   */
  readonly mayStart: boolean;
  /** Whether the word's key may hold an "x" (a placeholder's "xnumx"): false only when it cannot. */
  readonly spellsX: boolean;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

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

// A word token's text and key are made when first read: the readers pass over most words after
// one look at `mayStart`, and a copy and a fold for each of them were most of the reading time.
// Its flags share one number, and the text and folding one object per call: a text has millions
// of tokens, and their size was most of the garbage collector's work.
const ASCII = 1;
const CAPITALS = 2;
const WITH_Y = 4;
const UPPER = 8;
const MAY_START = 16;
const SPELLS_X = 32;
const TYPE_SHIFT = 6;
const GAP_SHIFT = 8;
const TYPES: readonly TokenType[] = ['num', 'word', 'punct'];

/** What every token of one `tokenize` call shares. */
interface Tokenized {
  readonly source: string;
  readonly folding: Folding;
}

class LazyToken implements Token {
  private text_: string | undefined = undefined;
  private key_: string | undefined = undefined;

  constructor(
    readonly start: number,
    readonly end: number,
    private readonly bits: number,
    private readonly from: Tokenized,
  ) {}

  get type(): TokenType {
    return TYPES[(this.bits >> TYPE_SHIFT) & 3]!;
  }

  get gap(): Gap {
    return (this.bits >> GAP_SHIFT) & 3;
  }

  get upper(): boolean {
    return (this.bits & UPPER) !== 0;
  }

  get mayStart(): boolean {
    return (this.bits & MAY_START) !== 0;
  }

  get spellsX(): boolean {
    return (this.bits & SPELLS_X) !== 0;
  }

  get text(): string {
    return (this.text_ ??= this.from.source.slice(this.start, this.end));
  }

  get key(): string {
    if (this.key_ === undefined) {
      const t = this.text;
      const bits = this.bits;
      if (this.type !== 'word') this.key_ = t;
      else if (!(bits & ASCII) || (bits & WITH_Y && this.from.folding.foldsY)) this.key_ = this.from.folding.fold(t);
      else this.key_ = bits & CAPITALS ? t.toLowerCase() : t;
    }
    return this.key_;
  }
}

/**
 * Words that may start a quantity, as a test on a word's letters that needs no copy and no fold:
 * the hashes of their skeletons (base letters, lower case, y as i, đ as d, marks left out). A word
 * whose key is one of them has the same skeleton, since folding only composes, moves tone marks,
 * swaps i and y, reads Ð as Đ and lowers case; a letter outside the Latin blocks makes a word a
 * candidate whatever it is.
 */
export interface Starters {
  readonly hashes: ReadonlySet<number>;
  readonly longest: number;
}

/** The Starters of `keys` (keys as the reader's folding makes them). */
export function starters(keys: Iterable<string>): Starters {
  const hashes = new Set<number>();
  let longest = 0;
  for (const key of keys) {
    let h = SKELETON_SEED;
    let length = 0;
    let known = true;
    for (let i = 0; i < key.length; i++) {
      const base = skeletonCode(key.charCodeAt(i));
      if (base === MARK) continue;
      if (base === UNKNOWN) known = false;
      h = Math.imul(h ^ base, 0x01000193);
      length++;
    }
    // A key outside the Latin letters (a currency sign) is no word's: words with such letters are candidates anyway.
    if (!known) continue;
    hashes.add(h);
    longest = Math.max(longest, length);
  }
  return { hashes, longest };
}

const SKELETON_SEED = 0x811c9dc5 | 0;
/** A combining mark: no part of a skeleton. */
const MARK = -1;
/** A letter the skeleton table does not know: its word is a candidate. */
const UNKNOWN = -2;

/** Base letters of U+00C0–U+024F and U+1E00–U+1EFF, lower case (0: unknown). */
const LATIN_BASES = (() => {
  const table = new Uint8Array(0x1f00);
  for (let c = 0xc0; c < 0x1f00; c++) {
    if (c >= 0x250 && c < 0x1e00) continue;
    const base = String.fromCharCode(c).normalize('NFD').toLowerCase().charCodeAt(0);
    if (base >= 0x61 && base <= 0x7a) table[c] = base === 0x79 ? 0x69 : base;
  }
  for (const c of [0xd0, 0xf0, 0x110, 0x111]) table[c] = 0x64; // Ð ð Đ đ
  return table;
})();

/** A code unit's skeleton letter (ASCII lower case, y as i), MARK or UNKNOWN. */
function skeletonCode(c: number): number {
  if (c < 0x80) {
    const lower = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
    return lower === 0x79 ? 0x69 : lower;
  }
  if (c >= 0x300 && c <= 0x36f) return MARK;
  const base = c < 0x1f00 ? LATIN_BASES[c]! : 0;
  return base === 0 ? UNKNOWN : base;
}

/** Whether a word (a letter run) starts with a letter that has a lower case (ASCII decided without a copy). */
function startsUpper(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  const first = String.fromCharCode(c);
  return first !== first.toLowerCase();
}

/**
 * Tokens of `text` between `start` and `end`, each word with its key. With `starts`, each word
 * says whether its key may be one of them (`mayStart`).
 * @example tokenize('F-35A, 2,4 tỷ', 0, 13, { fold: (w) => w.toLowerCase(), foldsY: false }).map((t) => t.text)
 * // ['F', '-', '35', 'A', ',', '2', ',', '4', 'tỷ']
 */
export function tokenize(text: string, start: number, end: number, folding: Folding, starts?: Starters): Token[] {
  const tokens: Token[] = [];
  const from: Tokenized = { source: text, folding };
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
    let shape = ASCII;
    let mayStart = true;
    let spellsX = true;
    if (c < 0x80 ? !isAsciiWord(c) : wordCharLength(text, i) === 0) {
      const cp = c < 0xd800 || c > 0xdbff ? c : (text.codePointAt(i) ?? c);
      j = Math.min(end, i + (cp > 0xffff ? 2 : 1));
      type = 'punct';
    } else {
      // A run of word characters, cut where ASCII digits meet anything else.
      j = i;
      const digits = isDigit(c);
      // The skeleton's hash, built as the run is read (`known` false once a letter is not in the table).
      let h = SKELETON_SEED;
      let length = 0;
      let known = true;
      let x = false;
      while (j < end) {
        const d = text.charCodeAt(j);
        if (d < 0x80) {
          if (!isAsciiWord(d) || isDigit(d) !== digits) break;
          if (d <= 0x5a && d >= 0x41) shape |= CAPITALS;
          if ((d | 0x20) === 0x79) shape |= WITH_Y;
          else if ((d | 0x20) === 0x78) x = true;
          h = Math.imul(h ^ skeletonCode(d), 0x01000193);
          length++;
          j++;
        } else {
          const l = wordCharLength(text, j);
          if (l === 0 || digits) break;
          shape &= ~ASCII;
          for (let k = j; k < j + l; k++) {
            const base = skeletonCode(text.charCodeAt(k));
            if (base === MARK) continue;
            if (base === UNKNOWN) known = false;
            else if (base === 0x78) x = true;
            h = Math.imul(h ^ base, 0x01000193);
            length++;
          }
          j += l;
        }
      }
      type = digits ? 'num' : 'word';
      if (!digits && known) {
        if (starts) mayStart = length <= starts.longest && starts.hashes.has(h);
        spellsX = x;
      }
    }
    let bits = shape | ((type === 'num' ? 0 : type === 'word' ? 1 : 2) << TYPE_SHIFT) | (gap << GAP_SHIFT);
    if (type === 'word' && startsUpper(text, i)) bits |= UPPER;
    if (mayStart) bits |= MAY_START;
    if (spellsX) bits |= SPELLS_X;
    tokens.push(new LazyToken(i, j, bits, from));
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
