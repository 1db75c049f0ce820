/**
 * Recognises English renderings (approved, acronym, forbidden) of glossary entries in a text.
 *
 * One pass for all entries: the text is cut into word tokens (runs of letters, marks, digits) and
 * single punctuation tokens; spaces, NBSP, line breaks, hyphens and dashes only separate tokens, so
 * "Glide‑Phase  Interceptor" and "glide phase\ninterceptor" give the same tokens. Every entry
 * contributes its renderings and their plurals to one trie over lower-cased tokens.
 *
 * Closed compounds are seen like hyphenated ones: a word that starts with a common prefix (anti,
 * counter, non, co) and is not itself in a rendering is read as the prefix and the rest
 * ("antiballistic missile" holds "ballistic missile", "coproduction" is "co-production"), and a
 * rendering written closed ("counterstrike capability") also matches its open forms
 * ("counter-strike capability").
 */
import type { GlossaryEntry, RenderingKind, RenderingMatch, ForbiddenRendering } from './types.js';
import { pluralForms, pluralWord, headIndex } from './inflect.js';
import { allowedContextAt } from './allowed-context.js';

/** What the English matcher offers the checks. */
export interface EnMatcher {
  /**
   * All renderings in `text`, non-overlapping, in text order (longest wins where they compete).
   * Offsets are UTF-16 indexes into `text`.
   */
  find(text: string): RenderingMatch[];
  /** `find` plus document-order facts (acronym introductions) for one document. */
  index(text: string): DocumentRenderingIndex;
}

/**
 * The renderings of one document and what follows from their order.
 * @example
 * const idx = matcher.index('The Glide Phase Interceptor (GPI) ... the GPI');
 * idx.isAcronymIntroduced('glide-phase-interceptor', 40) === true
 */
export interface DocumentRenderingIndex {
  readonly matches: readonly RenderingMatch[];
  /** Matches of one entry, in text order. */
  forEntry(entryId: string): RenderingMatch[];
  /** Whether an approved expansion of the entry ends at or before `offset` (so its acronym may stand alone there). */
  isAcronymIntroduced(entryId: string, offset: number): boolean;
  /**
   * Whether a match counts as an approved rendering of its entry here: canonical, accepted and form
   * always do; an acronym only after the expansion; a forbidden rendering never.
   */
  satisfies(match: RenderingMatch): boolean;
}

/** A token-level pattern one entry contributes. */
interface Pattern {
  entry: GlossaryEntry;
  kind: RenderingKind;
  forbidden?: ForbiddenRendering;
  plural: boolean;
  /** Tokens as written, when the match must keep their case (acronyms; approved renderings of case-sensitive entries, never forbidden ones). */
  exact: string[] | null;
  order: number;
}

const KIND_RANK: Record<RenderingKind, number> = { canonical: 0, accepted: 1, form: 2, acronym: 3, forbidden: 4 };
const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);

/** Token arrays for a text: start/end offsets, whether a paragraph break precedes the token, and its vocabulary id. */
interface Tokens {
  count: number;
  start: Int32Array;
  end: Int32Array;
  /** 1 when the separator before this token holds a blank line: phrases do not cross it. */
  hardGap: Uint8Array;
  /** Id of the folded token in the matcher's vocabulary, -1 when no rendering uses it. */
  id: Int32Array;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const SEPARATOR_CHAR = /[\s\u00AD\u2010-\u2015\u2212]/u;

/**
 * Prefixes English writes closed, hyphenated or spaced alike ("antiballistic", "anti-ballistic").
 * Only these: longer lists ("inter", "re") would find "national" in "international".
 */
const COMPOUND_PREFIXES = ['counter', 'anti', 'non', 'co'] as const;
/** The shortest rest of a word after its prefix that makes it a compound ("co" + "ast" is not). */
const MIN_COMPOUND_REST = 4;

/**
 * The prefix a lower-cased word starts with as a compound, or undefined. Not "co" before "o":
 * "cooperation" and "coordination" are words of their own, not co- and "operation".
 */
function compoundPrefix(word: string): string | undefined {
  for (const p of COMPOUND_PREFIXES) {
    if (word.length >= p.length + MIN_COMPOUND_REST && word.startsWith(p) && !(p === 'co' && word.charAt(2) === 'o')) return p;
  }
  return undefined;
}

/** Class of each ASCII code (see `charClass`). */
const ASCII_CLASS = new Uint8Array(128);
/** ASCII codes lower-cased. */
const ASCII_LOWER = new Uint8Array(128);
/** For every UTF-16 code: the lower-cased code of an ASCII letter or digit, else 0. */
const ASCII_WORD = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) {
  const word = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  ASCII_CLASS[c] = word ? 1 : c === 0x20 || c === 0x2d || (c >= 0x09 && c <= 0x0d) ? 2 : 0;
  ASCII_LOWER[c] = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
  if (word) ASCII_WORD[c] = ASCII_LOWER[c]!;
}
/** Class + 1 of BMP code points already seen (0: not yet computed); surrogates are not cached. */
const BMP_CLASS = new Uint8Array(0x10000);

/** 0: punctuation (a token of its own), 1: word character, 2: separator (space, NBSP, line break, hyphen, dash). */
function charClass(code: number, text: string, i: number): number {
  if (code < 0x80) return ASCII_CLASS[code]!;
  const surrogate = code >= 0xd800 && code <= 0xdfff;
  if (!surrogate) {
    const known = BMP_CLASS[code]!;
    if (known !== 0) return known - 1;
  }
  const ch = String.fromCodePoint(text.codePointAt(i) ?? code);
  const cls = WORD_CHAR.test(ch) ? 1 : SEPARATOR_CHAR.test(ch) ? 2 : 0;
  if (!surrogate) BMP_CLASS[code] = cls + 1;
  return cls;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 codes: the same value `tokenize` computes over a lower-cased ASCII token. */
function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), FNV_PRIME);
  return h;
}

/**
 * Folded tokens the renderings use, numbered. ASCII tokens of a text are looked up straight from the
 * text (hash and compare char codes, nothing allocated); other tokens are folded once and remembered.
 */
class Vocabulary {
  readonly ids = new Map<string, number>();
  private words: string[] = [];
  private table = new Int32Array(0);
  private hashes = new Int32Array(0);
  private pool = new Uint16Array(0);
  private poolStart = new Int32Array(0);
  private mask = 0;
  /** Raw non-ASCII token → id; bounded, so odd input cannot grow it. */
  private readonly slowCache = new Map<string, number>();

  /** A frozen vocabulary from its data (see `data`). */
  static fromData(d: VocabularyData): Vocabulary {
    const v = new Vocabulary();
    // No `ids` Map: a frozen vocabulary looks folded tokens up in its table (lookupFolded).
    v.words = d.words;
    v.table = d.table;
    v.hashes = d.hashes;
    v.pool = d.pool;
    v.poolStart = d.poolStart;
    v.mask = d.mask;
    return v;
  }

  /** What a frozen vocabulary is made of, as plain data. */
  data(): VocabularyData {
    return { words: this.words, table: this.table, hashes: this.hashes, pool: this.pool, poolStart: this.poolStart, mask: this.mask };
  }

  /** Id of a folded token, numbering it if new (only while building). */
  add(folded: string): number {
    let id = this.ids.get(folded);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(folded);
      this.ids.set(folded, id);
    }
    return id;
  }

  get size(): number {
    return this.words.length;
  }

  /** Build the lookup table once every token is in. */
  freeze(): void {
    const n = this.words.length;
    let size = 16;
    while (size < n * 2) size *= 2;
    this.mask = size - 1;
    this.table = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(n);
    this.poolStart = new Int32Array(n + 1);
    let chars = 0;
    for (const w of this.words) chars += w.length;
    this.pool = new Uint16Array(chars);
    let at = 0;
    for (let id = 0; id < n; id++) {
      const w = this.words[id]!;
      this.poolStart[id] = at;
      for (let k = 0; k < w.length; k++) this.pool[at++] = w.charCodeAt(k);
      const h = hashString(w);
      this.hashes[id] = h;
      let slot = h & this.mask;
      while (this.table[slot] !== -1) slot = (slot + 1) & this.mask;
      this.table[slot] = id;
    }
    this.poolStart[n] = at;
  }

  /** Id of the ASCII token text[s, e) lower-cased, whose hash (as `hashString` of it) is `h`; -1 if unknown. */
  lookupAscii(text: string, s: number, e: number, h: number): number {
    const { table, hashes, pool, poolStart, mask } = this;
    const len = e - s;
    let slot = h & mask;
    for (;;) {
      const id = table[slot]!;
      if (id < 0) return -1;
      if (hashes[id] === h) {
        const p = poolStart[id]!;
        if (poolStart[id + 1]! - p === len) {
          let k = 0;
          while (k < len && pool[p + k] === ASCII_LOWER[text.charCodeAt(s + k)]) k++;
          if (k === len) return id;
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Id of a folded token, from the frozen table; -1 if unknown. */
  lookupFolded(folded: string): number {
    const h = hashString(folded);
    let slot = h & this.mask;
    for (;;) {
      const id = this.table[slot]!;
      if (id < 0) return -1;
      if (this.hashes[id] === h && this.words[id] === folded) return id;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Id of a raw token that holds non-ASCII characters; -1 if unknown. */
  lookupRaw(raw: string): number {
    let id = this.slowCache.get(raw);
    if (id === undefined) {
      id = this.lookupFolded(foldToken(raw));
      if (this.slowCache.size >= SLOW_CACHE_LIMIT) this.slowCache.clear();
      this.slowCache.set(raw, id);
    }
    return id;
  }
}

const SLOW_CACHE_LIMIT = 50_000;

/** A frozen Vocabulary as plain data: folded tokens by id and their open-addressing lookup table. */
export interface VocabularyData {
  words: string[];
  table: Int32Array<ArrayBuffer>;
  hashes: Int32Array<ArrayBuffer>;
  pool: Uint16Array<ArrayBuffer>;
  poolStart: Int32Array<ArrayBuffer>;
  mask: number;
}

/**
 * Cut text[from, to) into word tokens (runs of letters, marks, digits) and single punctuation
 * tokens; separators only separate; give each token its id in the vocabulary. Offsets stay those
 * of `text`. A char loop rather than a regex: this runs over whole corpora. (`phraseTokens` cuts
 * renderings the same way.)
 */
function tokenize(text: string, vocabulary: Vocabulary, from = 0, to = text.length): Tokens {
  let cap = Math.max(16, Math.ceil((to - from) / 5));
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let hardGap = new Uint8Array(cap);
  let id = new Int32Array(cap);
  let count = 0;
  let newlines = 0;
  const n = to;
  let i = from;
  while (i < n) {
    const code = text.charCodeAt(i);
    const cls = code < 0x80 ? ASCII_CLASS[code]! : charClass(code, text, i);
    if (cls === 2) {
      // A blank line (two line breaks with only spaces between) ends a paragraph.
      if (code === 0x0a) newlines++;
      else if (code === 0x2029) newlines += 2;
      i += code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1;
      continue;
    }
    if (count === cap) [start, end, id, hardGap, cap] = growTokens(start, end, id, hardGap, cap);
    const s = i;
    start[count] = s;
    hardGap[count] = newlines >= 2 ? 1 : 0;
    newlines = 0;
    let ascii = code < 0x80;
    let hash = ascii ? Math.imul(FNV_OFFSET ^ ASCII_LOWER[code]!, FNV_PRIME) : 0;
    i += code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1;
    if (cls === 1) {
      while (i < n) {
        const c = text.charCodeAt(i);
        const lower = ASCII_WORD[c]!;
        if (lower !== 0) {
          hash = Math.imul(hash ^ lower, FNV_PRIME);
          i++;
        } else {
          if (c < 0x80 || charClass(c, text, i) !== 1) break;
          ascii = false;
          i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
        }
      }
    }
    end[count] = i;
    id[count] = ascii ? vocabulary.lookupAscii(text, s, i, hash) : vocabulary.lookupRaw(text.slice(s, i));
    if (id[count]! < 0 && ascii && cls === 1) {
      // An unknown closed compound ("antiballistic") whose rest is a rendering's word: two tokens.
      const split = splitCompound(text, s, i, vocabulary);
      if (split >= 0) {
        if (count + 1 === cap) [start, end, id, hardGap, cap] = growTokens(start, end, id, hardGap, cap);
        end[count] = split;
        id[count] = lookupAsciiSlice(text, s, split, vocabulary);
        count++;
        start[count] = split;
        end[count] = i;
        hardGap[count] = 0;
        id[count] = lookupAsciiSlice(text, split, i, vocabulary);
      }
    }
    count++;
  }
  return { count, start, end, hardGap, id };
}

/** Vocabulary id of the ASCII slice text[s, e), lower-cased; -1 if unknown. */
function lookupAsciiSlice(text: string, s: number, e: number, vocabulary: Vocabulary): number {
  let h = FNV_OFFSET;
  for (let k = s; k < e; k++) h = Math.imul(h ^ ASCII_LOWER[text.charCodeAt(k)]!, FNV_PRIME);
  return vocabulary.lookupAscii(text, s, e, h);
}

/**
 * Where an ASCII word text[s, e) that no rendering uses splits into a compound prefix and a rest
 * that a rendering does use ("anti|ballistic"), or -1.
 */
function splitCompound(text: string, s: number, e: number, vocabulary: Vocabulary): number {
  const first = text.charCodeAt(s) | 0x20;
  if (first !== 0x61 && first !== 0x63 && first !== 0x6e) return -1; // a, c, n
  for (const p of COMPOUND_PREFIXES) {
    if (e - s < p.length + MIN_COMPOUND_REST) continue;
    let k = 0;
    while (k < p.length && ASCII_LOWER[text.charCodeAt(s + k)] === p.charCodeAt(k)) k++;
    if (k < p.length) continue;
    if (p === 'co' && (text.charCodeAt(s + 2) | 0x20) === 0x6f) return -1;
    return lookupAsciiSlice(text, s + p.length, e, vocabulary) >= 0 ? s + p.length : -1;
  }
  return -1;
}

/** The token arrays at twice their capacity (a plain function: a closure would keep the loop's locals out of registers). */
function growTokens(
  start: Int32Array<ArrayBuffer>,
  end: Int32Array<ArrayBuffer>,
  id: Int32Array<ArrayBuffer>,
  hardGap: Uint8Array<ArrayBuffer>,
  cap: number,
): [Int32Array<ArrayBuffer>, Int32Array<ArrayBuffer>, Int32Array<ArrayBuffer>, Uint8Array<ArrayBuffer>, number] {
  const grown = cap * 2;
  const gaps = new Uint8Array(grown);
  gaps.set(hardGap);
  return [grow(start, grown), grow(end, grown), grow(id, grown), gaps, grown];
}

function grow(a: Int32Array<ArrayBuffer>, cap: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}

/** Lower-cased, NFC token text with typographic apostrophes folded to ASCII. */
function foldToken(raw: string): string {
  let t = raw;
  if (!isAscii(t)) t = t.normalize('NFC').replace(/[\u2019\u02BC\u2018]/g, "'");
  return t.toLowerCase();
}

/** Whether `s` is ASCII letters only (a char loop: asked of every long word of every rendering). */
function isAsciiLetters(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k) | 0x20;
    if (c < 0x61 || c > 0x7a) return false;
  }
  return s.length > 0;
}

/** Whether every UTF-16 code of `s` is ASCII (no regex: renderings are asked by the ten thousand). */
function isAscii(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) >= 0x80) return false;
  return true;
}

/** Tokens of a rendering as written (for exact comparison), cut as `tokenize` cuts a text. */
function phraseTokens(phrase: string): string[] {
  const ascii = isAscii(phrase);
  const nfc = ascii ? phrase : phrase.normalize('NFC');
  // Typographic apostrophes are rare: looked for once per phrase rather than per token.
  const apostrophes = !ascii && /[\u2019\u02BC\u2018]/.test(nfc);
  const out: string[] = [];
  const n = nfc.length;
  let i = 0;
  while (i < n) {
    const code = nfc.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1;
    const cls = charClass(code, nfc, i);
    const s = i;
    i += width;
    if (cls === 2) continue;
    if (cls === 1) {
      while (i < n) {
        const c = nfc.charCodeAt(i);
        if (charClass(c, nfc, i) !== 1) break;
        i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
      }
    }
    out.push(apostrophes ? nfc.slice(s, i).replace(/[\u2019\u02BC\u2018]/g, "'") : nfc.slice(s, i));
  }
  return out;
}

/**
 * Every rendering of an entry the checks accept, each once: canonical, accepted, forms, then the
 * acronym. The acronym counts alone only after its expansion, so `{ acronym: false }` leaves it
 * out (term-missing's `expected` does: the finding may be about an acronym used too early).
 * @example approvedRenderings(gpi) → ['Glide Phase Interceptor', 'GPI']
 * @example approvedRenderings(gpi, { acronym: false }) → ['Glide Phase Interceptor']
 */
export function approvedRenderings(entry: GlossaryEntry, opts: { acronym?: boolean } = {}): string[] {
  const all = [entry.en, ...entry.accepted, ...entry.forms];
  if (entry.acronym && opts.acronym !== false) all.push(entry.acronym);
  return [...new Set(all)];
}

/**
 * The trie over token ids, in typed arrays: node 0 is the root; its children are indexed by token id,
 * deeper edges sit in one open-addressing table keyed by (node, token id).
 */
interface Trie {
  vocabulary: Vocabulary;
  rootChild: Int32Array;
  edgeNode: Int32Array;
  edgeToken: Int32Array;
  edgeChild: Int32Array;
  edgeMask: number;
  /** Patterns ending at node k: patterns.at(outStart[k]) .. patterns.at(outStart[k + 1] - 1). */
  outStart: Int32Array;
  patterns: { at(k: number): Pattern };
  /** Per pattern (same index): kind rank, then order, as one sort key. */
  patternRank: Float64Array;
}

/**
 * The English matcher's trie as plain data: typed arrays, string lists, and entries by their
 * index in the glossary, so that a compiled glossary is stored and read back (./compiled.ts) in a
 * few milliseconds instead of being rebuilt.
 */
export interface EnMatcherData {
  vocabulary: VocabularyData;
  rootChild: Int32Array<ArrayBuffer>;
  edgeNode: Int32Array<ArrayBuffer>;
  edgeToken: Int32Array<ArrayBuffer>;
  edgeChild: Int32Array<ArrayBuffer>;
  edgeMask: number;
  /** Patterns ending at node k: k's patterns are outStart[k] .. outStart[k + 1]. */
  outStart: Int32Array<ArrayBuffer>;
  /** Per pattern: its entry's index in the glossary. */
  patternEntry: Int32Array<ArrayBuffer>;
  /** Per pattern: its kind, as an index into RENDERING_KINDS. */
  patternKind: Uint8Array<ArrayBuffer>;
  /** Per pattern: which of the entry's forbidden renderings it is (-1: not forbidden). */
  patternForbidden: Int32Array<ArrayBuffer>;
  /** Per pattern: 1 for a plural form. */
  patternPlural: Uint8Array<ArrayBuffer>;
  /** Patterns that must keep their case: [pattern index, tokens as written]. */
  patternExact: Array<[number, string[]]>;
  /** Per pattern: kind rank, then order, as one sort key. */
  patternRank: Float64Array<ArrayBuffer>;
}

const RENDERING_KINDS: readonly RenderingKind[] = ['canonical', 'accepted', 'form', 'acronym', 'forbidden'];

function edgeSlot(node: number, token: number, mask: number): number {
  let h = Math.imul(node, 0x9e3779b1) ^ Math.imul(token, 0x85ebca6b);
  h ^= h >>> 15;
  return h & mask;
}

function child(trie: Trie, node: number, token: number): number {
  if (node === 0) return trie.rootChild[token]!;
  const { edgeNode, edgeToken, edgeMask } = trie;
  let slot = edgeSlot(node, token, edgeMask);
  for (;;) {
    const n = edgeNode[slot]!;
    if (n < 0) return -1;
    if (n === node && edgeToken[slot] === token) return trie.edgeChild[slot]!;
    slot = (slot + 1) & edgeMask;
  }
}

/**
 * Build the matcher for a glossary's entries (one trie for all of them).
 * @example
 * const m = createEnMatcher(glossary.entries);
 * m.find('Two Glide-Phase Interceptors were tested.')[0].kind === 'canonical'
 */
export function createEnMatcher(entries: readonly GlossaryEntry[]): EnMatcher {
  return enMatcherFromData(compileEnMatcher(entries), entries);
}

/** Builds the trie of createEnMatcher for `entries`. */
export function compileEnMatcher(entries: readonly GlossaryEntry[]): EnMatcherData {
  const builder = new TrieBuilder();
  // Each rendering once per entry id, kind and tokens (as compared: as written when case counts):
  // the builder skips a pattern its node already holds for the same id and kind.
  const idNumbers = new Map<string, number>();
  let entryIndex = 0;
  let idNumber = 0;

  const add = (phrase: string, kind: RenderingKind, forbidden: number, plural: boolean, entryCaseSensitive: boolean): void => {
    const written = phraseTokens(phrase);
    addTokens(written, written.map(foldToken), kind, forbidden, plural, entryCaseSensitive);
  };

  /** `folded` is foldToken of each of `written`; neither is kept (but for `exact`, a copy). */
  const addTokens = (written: string[], folded: string[], kind: RenderingKind, forbidden: number, plural: boolean, entryCaseSensitive: boolean): void => {
    // Case sensitivity narrows what counts as approved; a forbidden rendering is caught in any
    // case ("Patriot Rockets", "PATRIOT rockets"), else it would escape by a change of case.
    const caseSensitive = entryCaseSensitive && kind !== 'forbidden';
    let toks = written;
    let fold = folded;
    // A leading article is allowed before any rendering and never part of it. (Folding is
    // lower-casing for the three: NFC and apostrophes make no "the", "a" or "an".)
    if (toks.length > 1 && ARTICLES.has(fold[0] ?? '')) {
      toks = toks.slice(1);
      fold = fold.slice(1);
    }
    if (toks.length === 0) return;
    builder.add(fold, entryIndex, idNumber, kind, forbidden, plural, caseSensitive ? toks.slice() : null);
    // A closed compound in the rendering ("counterstrike") also matches written open ("counter-strike").
    let open: string[] | undefined;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k]!;
      // The shortest compound is a prefix of two letters and MIN_COMPOUND_REST more.
      const prefix = t.length >= 2 + MIN_COMPOUND_REST && isAsciiLetters(t) ? compoundPrefix(fold[k]!) : undefined;
      if (prefix && !open) open = toks.slice(0, k);
      if (!open) continue;
      if (prefix) open.push(t.slice(0, prefix.length), t.slice(prefix.length));
      else open.push(t);
    }
    if (open) builder.add(open.map(foldToken), entryIndex, idNumber, kind, forbidden, plural, caseSensitive ? open : null);
  };

  const addWithPlurals = (phrase: string, kind: RenderingKind, forbidden: number, cs: boolean): void => {
    if (isPlainPhrase(phrase)) {
      // Its words are its tokens, and a plural is the same words with the head inflected: what
      // pluralForms and phraseTokens would give, without building and cutting each plural again.
      // ASCII words fold by lower-casing; the plurals reuse both lists with the head replaced.
      const words = phrase.split(' ');
      const folded = words.map(lowerAscii);
      addTokens(words, folded, kind, forbidden, false, cs);
      const head = headIndex(folded);
      const headWritten = words[head]!;
      const headFolded = folded[head]!;
      for (const plural of pluralWord(headWritten)) {
        words[head] = plural;
        folded[head] = lowerAscii(plural);
        addTokens(words, folded, kind, forbidden, true, cs);
      }
      words[head] = headWritten;
      folded[head] = headFolded;
      return;
    }
    add(phrase, kind, forbidden, false, cs);
    for (const plural of pluralForms(phrase)) add(plural, kind, forbidden, true, cs);
  };

  for (const entry of entries) {
    let id = idNumbers.get(entry.id);
    if (id === undefined) idNumbers.set(entry.id, (id = idNumbers.size));
    idNumber = id;
    const cs = entry.caseSensitive;
    addWithPlurals(entry.en, 'canonical', -1, cs);
    for (const a of entry.accepted) addWithPlurals(a, 'accepted', -1, cs);
    if (entry.forms.length > 0) {
      const enHead = headWord(entry.en);
      for (const f of entry.forms) add(f, 'form', -1, headWord(f) !== enHead, cs);
    }
    if (entry.acronym) {
      add(entry.acronym, 'acronym', -1, false, true);
      for (const p of pluralWord(entry.acronym)) add(p, 'acronym', -1, true, true);
    }
    for (const fb of entry.forbidden) addWithPlurals(fb.text, 'forbidden', entry.forbidden.indexOf(fb), cs);
    entryIndex++;
  }
  return builder.data();
}

/**
 * Whether a rendering is ASCII letters and digits in words separated by single spaces, as most
 * are. Its tokens are then its words, and so are those of its plurals: pluralWord of such a word
 * is letters and digits, and pluralForms inflects the head that headIndex finds among the words.
 */
function isPlainPhrase(s: string): boolean {
  let space = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20) {
      if (space) return false;
      space = true;
    } else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) space = false;
    else return false;
  }
  return !space;
}

/** An ASCII word lower-cased (toLowerCase, without its cost for a word already lower case). */
function lowerAscii(word: string): string {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 0x41 && c <= 0x5a) return word.toLowerCase();
  }
  return word;
}

/** Whether two token lists (or two nulls) are the same. */
function sameTokens(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** Grows a typed array to `size`, new cells set to `fill`. */
function grown(a: Int32Array<ArrayBuffer>, size: number, fill: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

/**
 * The trie while it is built, straight into the typed arrays the matcher reads: children of the
 * root by token id, deeper edges in one open-addressing table (grown at half full), patterns in
 * parallel arrays; no object per node or per pattern, so a 100,000-entry glossary builds in
 * bounded, compact memory.
 */
class TrieBuilder {
  readonly vocabulary = new Vocabulary();
  private nodes = 1;
  private rootChild = new Int32Array(1024).fill(-1);
  private edgeNode = new Int32Array(1024).fill(-1);
  private edgeToken = new Int32Array(1024);
  private edgeChild = new Int32Array(1024);
  private edgeMask = 1023;
  private edges = 0;
  /** Per pattern, in the order added: the node it ends at, its entry, kind, forbidden index, plural. */
  private readonly patternNode: number[] = [];
  private readonly patternEntry: number[] = [];
  private readonly patternKind: number[] = [];
  private readonly patternForbidden: number[] = [];
  private readonly patternPlural: number[] = [];
  /** [pattern in the order added, tokens as written] for patterns that keep their case. */
  private readonly patternExact: Array<[number, string[]]> = [];
  /** Per pattern: its entry's id as a number, and the pattern added before it at the same node (-1: none). */
  private readonly patternId: number[] = [];
  private readonly previousAtNode: number[] = [];
  private readonly exactOf = new Map<number, string[]>();
  /** Per node: the last pattern added there (-1: none). */
  private lastAtNode = new Int32Array(1024).fill(-1);

  /**
   * A pattern over folded tokens (`exact`: the tokens as written, when case must agree), unless
   * its node already has one for the same entry id (`id`), kind and exact tokens.
   */
  add(folded: readonly string[], entry: number, id: number, kind: RenderingKind, forbidden: number, plural: boolean, exact: string[] | null): void {
    let node = 0;
    for (const t of folded) node = this.childOrNew(node, this.vocabulary.add(t));
    const kindIndex = RENDERING_KINDS.indexOf(kind);
    if (node >= this.lastAtNode.length) this.lastAtNode = grown(this.lastAtNode, Math.max(node + 1, this.lastAtNode.length * 2), -1);
    for (let p = this.lastAtNode[node]!; p >= 0; p = this.previousAtNode[p]!) {
      if (this.patternId[p] === id && this.patternKind[p] === kindIndex && sameTokens(this.exactOf.get(p) ?? null, exact)) return;
    }
    const k = this.patternNode.length;
    this.previousAtNode.push(this.lastAtNode[node]!);
    this.lastAtNode[node] = k;
    this.patternId.push(id);
    if (exact) this.exactOf.set(k, exact);
    this.patternNode.push(node);
    this.patternEntry.push(entry);
    this.patternKind.push(kindIndex);
    this.patternForbidden.push(forbidden);
    this.patternPlural.push(plural ? 1 : 0);
    if (exact) this.patternExact.push([k, exact]);
  }

  private childOrNew(node: number, token: number): number {
    if (node === 0) {
      if (token >= this.rootChild.length) this.rootChild = grown(this.rootChild, Math.max(token + 1, this.rootChild.length * 2), -1);
      let c = this.rootChild[token]!;
      if (c < 0) c = this.rootChild[token] = this.nodes++;
      return c;
    }
    let slot = edgeSlot(node, token, this.edgeMask);
    for (;;) {
      const n = this.edgeNode[slot]!;
      if (n < 0) break;
      if (n === node && this.edgeToken[slot] === token) return this.edgeChild[slot]!;
      slot = (slot + 1) & this.edgeMask;
    }
    const c = this.nodes++;
    this.edgeNode[slot] = node;
    this.edgeToken[slot] = token;
    this.edgeChild[slot] = c;
    if (++this.edges * 2 > this.edgeMask + 1) this.rehash();
    return c;
  }

  private rehash(): void {
    const { edgeNode, edgeToken, edgeChild } = this;
    const size = (this.edgeMask + 1) * 2;
    this.edgeMask = size - 1;
    this.edgeNode = new Int32Array(size).fill(-1);
    this.edgeToken = new Int32Array(size);
    this.edgeChild = new Int32Array(size);
    for (let s = 0; s < edgeNode.length; s++) {
      const node = edgeNode[s]!;
      if (node < 0) continue;
      let slot = edgeSlot(node, edgeToken[s]!, this.edgeMask);
      while (this.edgeNode[slot] !== -1) slot = (slot + 1) & this.edgeMask;
      this.edgeNode[slot] = node;
      this.edgeToken[slot] = edgeToken[s]!;
      this.edgeChild[slot] = edgeChild[s]!;
    }
  }

  /** The matcher's data: patterns renumbered node by node (in the order added within a node). */
  data(): EnMatcherData {
    this.vocabulary.freeze();
    const count = this.patternNode.length;
    const outStart = new Int32Array(this.nodes + 1);
    for (let k = 0; k < count; k++) outStart[this.patternNode[k]! + 1]!++;
    for (let node = 0; node < this.nodes; node++) outStart[node + 1]! += outStart[node]!;
    const next = outStart.slice(0, this.nodes);
    const renumbered = new Int32Array(count);
    const patternEntry = new Int32Array(count);
    const patternKind = new Uint8Array(count);
    const patternForbidden = new Int32Array(count);
    const patternPlural = new Uint8Array(count);
    const patternRank = new Float64Array(count);
    for (let k = 0; k < count; k++) {
      const at = next[this.patternNode[k]!]!++;
      renumbered[k] = at;
      patternEntry[at] = this.patternEntry[k]!;
      patternKind[at] = this.patternKind[k]!;
      patternForbidden[at] = this.patternForbidden[k]!;
      patternPlural[at] = this.patternPlural[k]!;
      patternRank[at] = KIND_RANK[RENDERING_KINDS[this.patternKind[k]!]!] * 2 ** 32 + k;
    }
    const patternExact = this.patternExact.map(([k, toks]): [number, string[]] => [renumbered[k]!, toks]).sort((a, b) => a[0] - b[0]);
    const rootChild = new Int32Array(this.vocabulary.size).fill(-1);
    rootChild.set(this.rootChild.subarray(0, Math.min(this.rootChild.length, rootChild.length)));
    return {
      vocabulary: this.vocabulary.data(),
      rootChild,
      edgeNode: this.edgeNode,
      edgeToken: this.edgeToken,
      edgeChild: this.edgeChild,
      edgeMask: this.edgeMask,
      outStart,
      patternEntry,
      patternKind,
      patternForbidden,
      patternPlural,
      patternExact,
      patternRank,
    };
  }
}

/**
 * The matcher over compiled data (from compileEnMatcher, or read back from a compiled glossary);
 * `entries` are the glossary's, whose indexes the data holds.
 */
export function enMatcherFromData(data: EnMatcherData, entries: readonly GlossaryEntry[]): EnMatcher {
  const exact = new Map(data.patternExact);
  // Patterns are made when a text first reaches them: a glossary read back from the cache is
  // ready at once, whatever its size.
  const made: Pattern[] = new Array<Pattern>(data.patternEntry.length);
  const patterns = {
    at(k: number): Pattern {
      let p = made[k];
      if (!p) {
        const entry = entries[data.patternEntry[k]!]!;
        const f = data.patternForbidden[k]!;
        p = made[k] = {
          entry,
          kind: RENDERING_KINDS[data.patternKind[k]!]!,
          ...(f >= 0 ? { forbidden: entry.forbidden[f]! } : {}),
          plural: data.patternPlural[k] === 1,
          exact: exact.get(k) ?? null,
          order: k,
        };
      }
      return p;
    },
  };
  const trie: Trie = { ...data, patterns, vocabulary: Vocabulary.fromData(data.vocabulary) };
  const find = (text: string): RenderingMatch[] => findAll(trie, text);
  return {
    find,
    index: (text) => buildIndex(find(text)),
  };
}

function headWord(phrase: string): string {
  const words = phrase.split(/[\s\-\u2010-\u2015]+/u).filter((w) => w.length > 0);
  return (words[headIndex(words)] ?? '').toLowerCase();
}

/** Candidate matches in parallel typed arrays (one index per candidate), grown as needed. */
class Candidates {
  count = 0;
  pattern = new Int32Array(256);
  firstToken = new Int32Array(256);
  /** One past the last token, possessive included. */
  endToken = new Int32Array(256);
  start = new Int32Array(256);
  end = new Int32Array(256);
  possessive = new Uint8Array(256);

  push(pattern: number, firstToken: number, endToken: number, start: number, end: number, possessive: boolean): void {
    if (this.count === this.pattern.length) {
      const cap = this.count * 2;
      this.pattern = grow(this.pattern, cap);
      this.firstToken = grow(this.firstToken, cap);
      this.endToken = grow(this.endToken, cap);
      this.start = grow(this.start, cap);
      this.end = grow(this.end, cap);
      const p = new Uint8Array(cap);
      p.set(this.possessive);
      this.possessive = p;
    }
    const k = this.count++;
    this.pattern[k] = pattern;
    this.firstToken[k] = firstToken;
    this.endToken[k] = endToken;
    this.start[k] = start;
    this.end[k] = end;
    this.possessive[k] = possessive ? 1 : 0;
  }
}

/**
 * Text is matched in pieces of about this many UTF-16 units, cut where a blank line separates
 * paragraphs (no rendering spans one): the token arrays stay that size however long the document.
 */
const FIND_CHUNK = 1 << 20;

function findAll(trie: Trie, text: string): RenderingMatch[] {
  if (text.length <= FIND_CHUNK) return findIn(trie, text, 0, text.length);
  const out: RenderingMatch[] = [];
  for (let from = 0; from < text.length; ) {
    const to = chunkEnd(text, from + FIND_CHUNK);
    for (const m of findIn(trie, text, from, to)) out.push(m);
    from = to;
  }
  return out;
}

/**
 * The first place at or after `at` where a blank line ends (tokens after it start a new
 * paragraph, as `tokenize` counts line breaks), or the end of the text.
 */
function chunkEnd(text: string, at: number): number {
  const n = text.length;
  for (let i = text.indexOf('\n', at); i >= 0 && i < n; i = text.indexOf('\n', i + 1)) {
    let newlines = 0;
    let j = i;
    for (; j < n; j++) {
      const code = text.charCodeAt(j);
      const cls = code < 0x80 ? ASCII_CLASS[code]! : charClass(code, text, j);
      if (cls !== 2) break;
      if (code === 0x0a) newlines++;
      else if (code === 0x2029) newlines += 2;
    }
    if (newlines >= 2) return j;
    i = j;
  }
  return n;
}

function findIn(trie: Trie, text: string, from: number, to: number): RenderingMatch[] {
  const toks = tokenize(text, trie.vocabulary, from, to);
  const { count, hardGap, id } = toks;
  const { rootChild, outStart, patterns } = trie;
  const candidates = new Candidates();
  for (let i = 0; i < count; i++) {
    const first = id[i]!;
    if (first < 0) continue;
    let node = rootChild[first]!;
    let j = i + 1;
    while (node >= 0) {
      const last = outStart[node + 1]!;
      for (let k = outStart[node]!; k < last; k++) {
        const exact = patterns.at(k).exact;
        if (exact && !exactMatch(text, toks, i, exact)) continue;
        addCandidate(candidates, text, toks, k, i, j);
      }
      if (j >= count || hardGap[j] === 1) break;
      const token = id[j]!;
      if (token < 0) break;
      node = child(trie, node, token);
      j++;
    }
  }
  return choose(trie, text, candidates);
}

/**
 * Longest candidates first (then leftmost, then by kind and order), each where its tokens are still
 * free; in text order. Candidates come in order of their first token, so they fall into runs that
 * share no token with other runs: each run is ranked on its own (most hold a single candidate).
 */
function choose(trie: Trie, text: string, candidates: Candidates): RenderingMatch[] {
  const { count, pattern, firstToken, endToken, start, end, possessive } = candidates;
  const { patterns, patternRank } = trie;
  const chosen = new Uint8Array(count);
  const run: number[] = [];
  let runStart = 0;
  let runEnd = 0;
  for (let c = 0; c <= count; c++) {
    if (c < count && (c === runStart || firstToken[c]! < runEnd)) {
      runEnd = Math.max(runEnd, endToken[c]!);
      continue;
    }
    // Candidates [runStart, c) overlap only among themselves.
    if (c - runStart === 1) chosen[runStart] = 1;
    else if (c > runStart) {
      run.length = 0;
      for (let k = runStart; k < c; k++) run.push(k);
      run.sort(
        (a, b) =>
          end[b]! - start[b]! - (end[a]! - start[a]!) ||
          start[a]! - start[b]! ||
          patternRank[pattern[a]!]! - patternRank[pattern[b]!]!,
      );
      const base = firstToken[runStart]!;
      const taken = new Uint8Array(runEnd - base);
      for (const k of run) {
        const from = firstToken[k]! - base;
        const to = endToken[k]! - base;
        let free = true;
        for (let t = from; t < to; t++) {
          if (taken[t] === 1) {
            free = false;
            break;
          }
        }
        if (!free) continue;
        taken.fill(1, from, to);
        chosen[k] = 1;
      }
    }
    runStart = c;
    runEnd = c < count ? endToken[c]! : 0;
  }
  // Chosen candidates share no token, so their order of discovery is text order.
  const matches: RenderingMatch[] = [];
  for (let c = 0; c < count; c++) {
    if (chosen[c] === 0) continue;
    const p = patterns.at(pattern[c]!);
    const s = start[c]!;
    const e = end[c]!;
    // A forbidden rendering in one of its allowed contexts is an approved use there.
    const allowed = p.forbidden?.allowedIn ? allowedContextAt(text, s, e, p.forbidden.allowedIn) : undefined;
    matches.push({
      entry: p.entry,
      kind: allowed ? 'accepted' : p.kind,
      start: s,
      end: e,
      text: text.slice(s, e),
      ...(p.forbidden ? { forbidden: p.forbidden } : {}),
      ...(allowed ? { allowedBy: allowed.pattern } : {}),
      plural: p.plural,
      possessive: possessive[c] === 1,
    });
  }
  return matches;
}

function exactMatch(text: string, toks: Tokens, first: number, exact: readonly string[]): boolean {
  for (let k = 0; k < exact.length; k++) {
    const raw = text.slice(toks.start[first + k], toks.end[first + k]);
    const norm = /[\u0080-\uFFFF]/.test(raw) ? raw.normalize('NFC').replace(/[\u2019\u02BC\u2018]/g, "'") : raw;
    if (norm !== exact[k]) return false;
  }
  return true;
}

function foldAt(text: string, toks: Tokens, k: number): string {
  return foldToken(text.slice(toks.start[k], toks.end[k]));
}

function adjacent(toks: Tokens, k: number): boolean {
  return k < toks.count && toks.start[k] === toks.end[k - 1];
}

/**
 * Add the candidate for pattern `pattern` over tokens [first, after), extended over a directly
 * following possessive: "'s", "’s", or a bare apostrophe after a final s.
 */
function addCandidate(candidates: Candidates, text: string, toks: Tokens, pattern: number, first: number, after: number): void {
  const start = toks.start[first]!;
  const end = toks.end[after - 1]!;
  if (adjacent(toks, after) && foldAt(text, toks, after) === "'") {
    if (adjacent(toks, after + 1) && foldAt(text, toks, after + 1) === 's') {
      // The "s" token is a whole word run, so "Defense'sx" never gets here: "'s" is the possessive.
      candidates.push(pattern, first, after + 2, start, toks.end[after + 1]!, true);
      return;
    }
    const last = text.slice(toks.start[after - 1], end);
    if (/[sS]$/.test(last) && !adjacentWord(text, toks, after)) {
      candidates.push(pattern, first, after + 1, start, toks.end[after]!, true);
      return;
    }
  }
  candidates.push(pattern, first, after, start, end, false);
}

function adjacentWord(text: string, toks: Tokens, k: number): boolean {
  const next = k + 1;
  if (next >= toks.count || toks.start[next] !== toks.end[k]) return false;
  return /^[\p{L}\p{M}\p{N}]/u.test(text.slice(toks.start[next], toks.end[next]));
}

/**
 * Document-order facts over a list of matches (as `find` returns them).
 * @example buildIndex(matcher.find(text)).isAcronymIntroduced('memorandum-of-understanding', 200)
 */
export function buildIndex(matches: readonly RenderingMatch[]): DocumentRenderingIndex {
  const byEntry = new Map<string, RenderingMatch[]>();
  const introducedAt = new Map<string, number>();
  for (const m of matches) {
    const list = byEntry.get(m.entry.id);
    if (list) list.push(m);
    else byEntry.set(m.entry.id, [m]);
    if (m.kind !== 'acronym' && m.kind !== 'forbidden' && !introducedAt.has(m.entry.id)) introducedAt.set(m.entry.id, m.end);
  }
  const isAcronymIntroduced = (entryId: string, offset: number): boolean => {
    const at = introducedAt.get(entryId);
    return at !== undefined && at <= offset;
  };
  return {
    matches,
    forEntry: (id) => [...(byEntry.get(id) ?? [])],
    isAcronymIntroduced,
    satisfies: (m) =>
      m.kind === 'forbidden' ? false : m.kind === 'acronym' ? isAcronymIntroduced(m.entry.id, m.start) : true,
  };
}
