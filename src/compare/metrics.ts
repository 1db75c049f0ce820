/**
 * BLEU, chrF and chrF++ exactly as sacreBLEU 2.6 computes them with its defaults, so that a
 * score here can be quoted next to a sacreBLEU score with the same signature.
 *
 * Statistics are plain number vectors in sacreBLEU's layout, so corpus scores are sums of
 * segment vectors and the bootstrap can re-sum them without re-tokenising:
 * - BLEU: [hypLen, refLen, correct1..N, total1..N] (N = 4)
 * - chrF: [hyp, ref, match] per order, character orders first, then word orders.
 *
 * Python and JavaScript disagree on whitespace: Python's `str.split()` also splits on
 * U+001C–U+001F and U+0085 and not on U+FEFF. Every split and strip here uses Python's set.
 */

/** sacreBLEU's version in signatures: the behaviour reproduced here. */
export const SACREBLEU_VERSION = '2.6.0';

// Python str.isspace() characters (str.split() / str.rstrip() without arguments).
const PY_WS = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const PY_WS_RUN = new RegExp(`[${PY_WS}]+`, 'g');
const PY_WS_TRAILING = new RegExp(`[${PY_WS}]+$`);

/** Python's `s.split()`: split on runs of Python whitespace, dropping empty ends. */
export function pySplit(s: string): string[] {
  const out = s.split(PY_WS_RUN);
  if (out.length > 0 && out[0] === '') out.shift();
  if (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

// ---------------------------------------------------------------------------------------------
// N-gram space

/**
 * Interns the n-grams of a group of segments that are scored against each other (one paragraph:
 * reference and every engine's output). Each n-gram gets a small integer id, built from the id of
 * its (n−1)-gram prefix and its last symbol (a code point or a word, numbered through a Map).
 * Counting and matching then run over Int32Arrays of ids instead of substrings, which is what
 * makes thousands of paragraphs × engines fast. Ids are only comparable within one space.
 */
export class NgramSpace {
  private readonly symbols = new Map<string | number, number>();
  // (prefix, symbol) → id in an open-addressing hash table over typed arrays: the hot loop of
  // every metric, and several times faster than a Map with number keys.
  private prefixes = new Int32Array(4096);
  private lasts = new Int32Array(4096);
  private ids = new Int32Array(4096);
  private size = 0;
  private counts = new Int32Array(256);
  private maxima = new Int32Array(256);

  /** Forget every symbol and n-gram, keeping the allocated tables for the next group of segments. */
  reset(): void {
    this.symbols.clear();
    this.prefixes.fill(0);
    this.size = 0;
  }

  /** Dense index of a code point or a word. */
  symbol(key: string | number): number {
    let s = this.symbols.get(key);
    if (s === undefined) {
      s = this.symbols.size;
      this.symbols.set(key, s);
    }
    return s;
  }

  /** How many n-grams have ids: ids run from 0 to this − 1, in the order they were first seen. */
  get ngramCount(): number {
    return this.size;
  }

  /** Id of the n-gram `prefix` + `symbol` if it has one, else −1 (never adds one). */
  find(prefix: number, symbol: number): number {
    const h = this.slot(prefix + 2, symbol);
    return this.prefixes[h] === 0 ? -1 : this.ids[h]!;
  }

  /** The table slot of (prefix + 2, symbol): where it is, or the empty slot where it would go. */
  private slot(p: number, symbol: number): number {
    const mask = this.prefixes.length - 1;
    let h = (Math.imul(p, 0x9e3779b1) ^ Math.imul(symbol, 0x85ebca77)) & mask;
    for (;;) {
      const slot = this.prefixes[h]!;
      if (slot === 0 || (slot === p && this.lasts[h] === symbol)) return h;
      h = (h + 1) & mask;
    }
  }

  /** Id of the n-gram made of the n-gram `prefix` (−1 for none) followed by `symbol`. */
  extend(prefix: number, symbol: number): number {
    // Slots hold prefix + 2 so that 0 marks an empty slot.
    const p = prefix + 2;
    const h = this.slot(p, symbol);
    if (this.prefixes[h] !== 0) return this.ids[h]!;
    const id = this.size++;
    this.prefixes[h] = p;
    this.lasts[h] = symbol;
    this.ids[h] = id;
    if (this.size * 2 > this.prefixes.length) this.grow();
    return id;
  }

  private grow(): void {
    const [prefixes, lasts, ids] = [this.prefixes, this.lasts, this.ids];
    const capacity = prefixes.length * 2;
    this.prefixes = new Int32Array(capacity);
    this.lasts = new Int32Array(capacity);
    this.ids = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let i = 0; i < prefixes.length; i++) {
      const p = prefixes[i]!;
      if (p === 0) continue;
      let h = (Math.imul(p, 0x9e3779b1) ^ Math.imul(lasts[i]!, 0x85ebca77)) & mask;
      while (this.prefixes[h] !== 0) h = (h + 1) & mask;
      this.prefixes[h] = p;
      this.lasts[h] = lasts[i]!;
      this.ids[h] = ids[i]!;
    }
  }

  /** Ids of all n-grams of orders 1..maxOrder over a symbol sequence: `result[n-1][i]`. */
  ngrams(symbols: ArrayLike<number>, maxOrder: number): Int32Array[] {
    const out: Int32Array[] = [];
    let prev: Int32Array | undefined;
    for (let n = 1; n <= maxOrder; n++) {
      const ids = new Int32Array(Math.max(0, symbols.length - n + 1));
      for (let i = 0; i < ids.length; i++) ids[i] = this.extend(prev ? prev[i]! : -1, symbols[i + n - 1]!);
      out.push(ids);
      prev = ids;
    }
    return out;
  }

  private ensure(): void {
    if (this.counts.length < this.size) {
      const len = Math.max(this.size, this.counts.length * 2);
      this.counts = new Int32Array(len);
      this.maxima = new Int32Array(len);
    }
  }

  /** Clipped match count: the sum over n-grams of min(count in a, count in b). */
  match(a: Int32Array, b: Int32Array): number {
    this.ensure();
    const c = this.counts;
    for (let i = 0; i < a.length; i++) c[a[i]!]!++;
    let m = 0;
    for (let i = 0; i < b.length; i++) {
      const id = b[i]!;
      if (c[id]! > 0) {
        c[id]!--;
        m++;
      }
    }
    for (let i = 0; i < a.length; i++) c[a[i]!] = 0;
    return m;
  }

  /** Match count against several references: min(count in hyp, max count in any reference). */
  matchMax(hyp: Int32Array, refs: readonly Int32Array[]): number {
    if (refs.length === 1) return this.match(hyp, refs[0]!);
    this.ensure();
    const c = this.counts;
    const max = this.maxima;
    for (const r of refs) {
      for (let i = 0; i < r.length; i++) c[r[i]!]!++;
      for (let i = 0; i < r.length; i++) {
        const id = r[i]!;
        if (c[id]! > max[id]!) max[id] = c[id]!;
      }
      for (let i = 0; i < r.length; i++) c[r[i]!] = 0;
    }
    let m = 0;
    for (let i = 0; i < hyp.length; i++) {
      const id = hyp[i]!;
      if (max[id]! > 0) {
        max[id]!--;
        m++;
      }
    }
    for (const r of refs) for (let i = 0; i < r.length; i++) max[r[i]!] = 0;
    return m;
  }
}

function sameSpace(a: { space: NgramSpace }, b: { space: NgramSpace }): void {
  if (a.space !== b.space) throw new Error('profiles from different NgramSpaces cannot be compared');
}

// ---------------------------------------------------------------------------------------------
// BLEU

/** BLEU smoothing methods as in sacreBLEU; `exp` is the default. */
export type BleuSmoothing = 'exp' | 'none' | 'floor' | 'add-k';

/** BLEU settings. Defaults are sacreBLEU's: 13a, exp smoothing, order 4, no effective order. */
export interface BleuOptions {
  /** `13a` (default) or `none` (split on whitespace only). */
  tokenize?: '13a' | 'none';
  smoothing?: BleuSmoothing;
  /** Value for `floor` (default 0.1) and `add-k` (default 1). */
  smoothValue?: number;
  maxOrder?: number;
  /** Score only up to the highest order with any hypothesis n-grams (sentence BLEU). */
  effectiveOrder?: boolean;
}

/** A BLEU score with its parts, as sacreBLEU's BLEUScore. */
export interface BleuResult {
  /** 0–100. */
  score: number;
  counts: number[];
  totals: number[];
  /** Per order, in percent. */
  precisions: number[];
  brevityPenalty: number;
  hypLength: number;
  refLength: number;
}

// mteval-v13a's punctuation classes, as sacreBLEU's TokenizerRegexp writes them:
// { | } ~  [ \ ] ^ _ `  space ! " # $ % &  ( ) * +  : ; < = > ? @  /
const V13A_SYMBOLS = /([\x7B-\x7E\x5B-\x60\x20-\x26\x28-\x2B\x3A-\x40\x2F])/g;
const V13A_PERIOD_COMMA_AFTER_NON_DIGIT = /([^0-9])([.,])/g;
const V13A_PERIOD_COMMA_BEFORE_NON_DIGIT = /([.,])([^0-9])/g;
const V13A_DASH_AFTER_DIGIT = /([0-9])(-)/g;

/**
 * sacreBLEU's `13a` tokenizer (mteval-v13a): returns the tokens joined by single spaces.
 * @example tokenize13a('It wasn\'t 3.5-fold, "really".') // 'It wasn\'t 3.5 - fold , " really " .'
 */
export function tokenize13a(line: string): string {
  line = line.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
  if (line.includes('&')) {
    line = line.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  }
  line = ` ${line} `;
  line = line.replace(V13A_SYMBOLS, ' $1 ');
  line = line.replace(V13A_PERIOD_COMMA_AFTER_NON_DIGIT, '$1 $2 ');
  line = line.replace(V13A_PERIOD_COMMA_BEFORE_NON_DIGIT, ' $1 $2');
  line = line.replace(V13A_DASH_AFTER_DIGIT, '$1 $2 ');
  return pySplit(line).join(' ');
}

/** The n-grams of one segment for BLEU, as ids in an NgramSpace: reusable against several others. */
export interface BleuProfile {
  space: NgramSpace;
  length: number;
  /** `ngrams[n-1]`: ids of the n-grams at each position. */
  ngrams: Int32Array[];
}

/**
 * BLEU's tokens of a segment: after Python's `rstrip()` (as sacreBLEU does), 13a-tokenised
 * (unless `tokenize: 'none'`) and split on Python whitespace.
 * @example bleuTokens('The GPI, co-developed.') // ['The', 'GPI', ',', 'co-developed', '.']
 */
export function bleuTokens(text: string, opts: BleuOptions = {}): string[] {
  const stripped = text.replace(PY_WS_TRAILING, '');
  return pySplit((opts.tokenize ?? '13a') === '13a' ? tokenize13a(stripped) : stripped);
}

/** Tokenise a segment as `bleuTokens` and list its n-grams. */
export function bleuProfile(text: string, opts: BleuOptions = {}, space = new NgramSpace()): BleuProfile {
  return bleuProfileOfTokens(bleuTokens(text, opts), opts, space);
}

/** List the n-grams of a segment already split into BLEU's tokens (`bleuTokens`). */
export function bleuProfileOfTokens(tokens: readonly string[], opts: BleuOptions = {}, space = new NgramSpace()): BleuProfile {
  const symbols = tokens.map((t) => space.symbol(t));
  return { space, length: tokens.length, ngrams: space.ngrams(symbols, opts.maxOrder ?? 4) };
}

/**
 * BLEU statistics of a hypothesis profile against one or more reference profiles. With several
 * references, n-gram counts are clipped by the largest reference count and the reference length
 * is the one closest to the hypothesis length (the shorter on a tie), as in sacreBLEU.
 */
export function bleuStatsFromProfiles(hyp: BleuProfile, refs: BleuProfile | readonly BleuProfile[]): number[] {
  const refList = Array.isArray(refs) ? (refs as readonly BleuProfile[]) : [refs as BleuProfile];
  for (const r of refList) sameSpace(hyp, r);
  const order = hyp.ngrams.length;
  const stats = new Array<number>(2 + 2 * order).fill(0);
  let refLength = -1;
  let closest = -1;
  for (const r of refList) {
    const d = Math.abs(hyp.length - r.length);
    if (closest === -1 || d < closest || (d === closest && r.length < refLength)) {
      closest = d;
      refLength = r.length;
    }
  }
  stats[0] = hyp.length;
  stats[1] = Math.max(refLength, 0);
  for (let n = 0; n < order; n++) {
    stats[2 + n] = hyp.space.matchMax(
      hyp.ngrams[n]!,
      refList.map((r) => r.ngrams[n]!),
    );
    stats[2 + order + n] = hyp.ngrams[n]!.length;
  }
  return stats;
}

/**
 * BLEU sufficient statistics of one segment: [hypLen, refLen, correct1..4, total1..4].
 * @example bleuStats('am I am a character sequence', 'I am a symbol string sequence a a')
 * // [6, 8, 4, 2, 1, 0, 6, 5, 4, 3]
 */
export function bleuStats(hyp: string, refs: string | readonly string[], opts: BleuOptions = {}): number[] {
  const refList = typeof refs === 'string' ? [refs] : refs;
  const space = new NgramSpace();
  return bleuStatsFromProfiles(
    bleuProfile(hyp, opts, space),
    refList.map((r) => bleuProfile(r, opts, space)),
  );
}

/**
 * References for corpus scoring: one reference stream (a string per segment), or several
 * streams (sacreBLEU's `[refs1, refs2, ...]`).
 */
export type ReferenceStreams = readonly string[] | readonly (readonly string[])[];

/** The references of segment `i`, from one stream or several; throws when a stream's length differs. */
export function referencesOf(refs: ReferenceStreams, segments: number): (i: number) => string[] {
  if (refs.length > 0 && typeof refs[0] !== 'string') {
    const streams = refs as readonly (readonly string[])[];
    for (const s of streams) {
      if (s.length !== segments) throw new RangeError(`${segments} hypotheses but a reference stream of ${s.length}`);
    }
    return (i) => streams.map((s) => s[i]!);
  }
  const stream = refs as readonly string[];
  if (stream.length !== segments) throw new RangeError(`${segments} hypotheses but ${stream.length} references`);
  return (i) => [stream[i]!];
}

// sacreBLEU's my_log: log of zero is a large negative number, not -Infinity.
function myLog(x: number): number {
  return x === 0 ? -9999999999 : Math.log(x);
}

/**
 * BLEU from summed statistics, as sacreBLEU's `compute_bleu` (brevity penalty, smoothing,
 * optional effective order).
 * @example bleuFromStats([11, 11, 9, 7, 5, 3, 10, 8, 6, 4]).score // 83.75922397
 */
export function bleuFromStats(stats: ArrayLike<number>, opts: BleuOptions = {}): BleuResult {
  const order = opts.maxOrder ?? (stats.length - 2) / 2;
  const smoothing = opts.smoothing ?? 'exp';
  const smoothValue = opts.smoothValue ?? (smoothing === 'floor' ? 0.1 : 1);
  const hypLength = stats[0]!;
  const refLength = stats[1]!;
  const counts: number[] = [];
  const totals: number[] = [];
  for (let n = 0; n < order; n++) {
    counts.push(stats[2 + n]!);
    totals.push(stats[2 + order + n]!);
  }
  let brevityPenalty = 1;
  if (hypLength < refLength) brevityPenalty = hypLength > 0 ? Math.exp(1 - refLength / hypLength) : 0;
  const precisions = new Array<number>(order).fill(0);
  const result = { counts: [...counts], totals: [...totals], precisions, brevityPenalty, hypLength, refLength };
  if (!counts.some((c) => c !== 0)) return { score: 0, ...result };

  let smoothMteval = 1;
  let effOrder = order;
  for (let n = 1; n <= order; n++) {
    if (smoothing === 'add-k' && n > 1) {
      counts[n - 1]! += smoothValue;
      totals[n - 1]! += smoothValue;
    }
    if (totals[n - 1] === 0) break;
    if (opts.effectiveOrder) effOrder = n;
    if (counts[n - 1] === 0) {
      if (smoothing === 'exp') {
        smoothMteval *= 2;
        precisions[n - 1] = 100 / (smoothMteval * totals[n - 1]!);
      } else if (smoothing === 'floor') {
        precisions[n - 1] = (100 * smoothValue) / totals[n - 1]!;
      }
    } else {
      precisions[n - 1] = (100 * counts[n - 1]!) / totals[n - 1]!;
    }
  }
  let logSum = 0;
  for (let n = 0; n < effOrder; n++) logSum += myLog(precisions[n]!);
  return { score: brevityPenalty * Math.exp(logSum / effOrder), ...result };
}

/**
 * Corpus BLEU: statistics summed over all segments, then scored once.
 * @example corpusBleu(['The dog bit the man.'], ['The dog bit the man.']).score // 100
 */
export function corpusBleu(hyps: readonly string[], refs: ReferenceStreams, opts: BleuOptions = {}): BleuResult {
  const refsAt = referencesOf(refs, hyps.length);
  const order = opts.maxOrder ?? 4;
  const sum = new Array<number>(2 + 2 * order).fill(0);
  for (let i = 0; i < hyps.length; i++) {
    const s = bleuStats(hyps[i]!, refsAt(i), opts);
    for (let k = 0; k < s.length; k++) sum[k]! += s[k]!;
  }
  return bleuFromStats(sum, { ...opts, maxOrder: order });
}

/**
 * Sentence BLEU as sacreBLEU's `sentence_bleu`: effective order on by default.
 * @example sentenceBleu('a test', 'a test').score // 100
 */
export function sentenceBleu(hyp: string, refs: string | readonly string[], opts: BleuOptions = {}): BleuResult {
  const o = { effectiveOrder: true, ...opts };
  return bleuFromStats(bleuStats(hyp, refs, o), o);
}

/**
 * sacreBLEU's signature for BLEU with these options.
 * @example bleuSignature() // 'BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0'
 */
export function bleuSignature(opts: BleuOptions = {}): string {
  const smoothing = opts.smoothing ?? 'exp';
  let smooth: string = smoothing;
  if (smoothing === 'floor' || smoothing === 'add-k') {
    smooth += `[${(opts.smoothValue ?? (smoothing === 'floor' ? 0.1 : 1)).toFixed(2)}]`;
  }
  const eff = opts.effectiveOrder ? 'yes' : 'no';
  return `BLEU|nrefs:1|case:mixed|eff:${eff}|tok:${opts.tokenize ?? '13a'}|smooth:${smooth}|version:${SACREBLEU_VERSION}`;
}

// ---------------------------------------------------------------------------------------------
// chrF / chrF++

/** chrF settings. Defaults are sacreBLEU's chrF: β=2, 6 character orders, no word n-grams. */
export interface ChrfOptions {
  charOrder?: number;
  /** 0 for chrF, 2 for chrF++. */
  wordOrder?: number;
  beta?: number;
  /** Keep whitespace in character n-grams (sacreBLEU `--chrf-whitespace`); default false. */
  whitespace?: boolean;
  /** chrF++.py-style epsilon smoothing instead of effective order (default false). */
  epsSmoothing?: boolean;
}

/** chrF++ settings: chrF with word unigrams and bigrams. */
export const CHRF_PLUS_PLUS: Readonly<ChrfOptions> = Object.freeze({ wordOrder: 2 });

/** The character and word n-grams of one segment for chrF, as ids in an NgramSpace. */
export interface ChrfProfile {
  space: NgramSpace;
  /** `char[n-1]`: ids of the character n-grams at each position. */
  char: Int32Array[];
  /** `word[n-1]`: ids of the word n-grams at each position. */
  word: Int32Array[];
  /** Total count per order, character orders then word orders. */
  totals: number[];
}

// string.punctuation: what chrF++ splits off a word's end (or, failing that, its start).
const ASCII_PUNCT = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

/**
 * chrF++'s words: split on (Python) whitespace, then one ASCII punctuation mark split off the
 * end, or else off the start, of every word longer than one character.
 * @example chrfWords('Thoả thuận, (MOU)') // ['Thoả', 'thuận', ',', '(MOU', ')']
 */
export function chrfWords(text: string): string[] {
  const out: string[] = [];
  for (const w of pySplit(text)) {
    // A one-code-point word stays whole; a surrogate pair is never punctuation, so UTF-16
    // length is enough to tell.
    if (w.length === 1) out.push(w);
    else if (ASCII_PUNCT.has(w[w.length - 1]!)) out.push(w.slice(0, -1), w[w.length - 1]!);
    else if (ASCII_PUNCT.has(w[0]!)) out.push(w[0]!, w.slice(1));
    else out.push(w);
  }
  return out;
}

/** Code point symbols of a string (as Python iterates it). */
function codePointSymbols(s: string, space: NgramSpace): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    out.push(space.symbol(cp));
  }
  return out;
}

/** List the n-grams of a segment for chrF (whitespace removed unless `whitespace`). */
export function chrfProfile(text: string, opts: ChrfOptions = {}, space = new NgramSpace()): ChrfProfile {
  const chars = opts.whitespace ? text : text.replace(PY_WS_RUN, '');
  const char = space.ngrams(codePointSymbols(chars, space), opts.charOrder ?? 6);
  const wordOrder = opts.wordOrder ?? 0;
  const word = wordOrder > 0 ? space.ngrams(chrfWords(text).map((w) => space.symbol(` ${w}`)), wordOrder) : [];
  return { space, char, word, totals: [...char, ...word].map((ids) => ids.length) };
}

/**
 * chrF statistics of a hypothesis profile against a reference profile: [hyp, ref, match] per
 * order. As in sacreBLEU, hypothesis n-grams of an order count only when the reference has
 * n-grams of that order.
 */
export function chrfStatsFromProfiles(hyp: ChrfProfile, ref: ChrfProfile): number[] {
  sameSpace(hyp, ref);
  const hm = [...hyp.char, ...hyp.word];
  const rm = [...ref.char, ...ref.word];
  const stats: number[] = [];
  for (let i = 0; i < hm.length; i++) {
    const refTotal = ref.totals[i]!;
    stats.push(refTotal > 0 ? hyp.totals[i]! : 0, refTotal, hyp.space.match(hm[i]!, rm[i]!));
  }
  return stats;
}

/**
 * chrF statistics of one segment against one or more references (with several, those of the
 * reference giving the best F-score, as sacreBLEU picks them).
 * @example chrfStats('a b c', 'abc') // [3,3,3, 2,2,2, 1,1,1, 0,0,0, 0,0,0, 0,0,0]
 */
export function chrfStats(hyp: string, refs: string | readonly string[], opts: ChrfOptions = {}): number[] {
  const refList = typeof refs === 'string' ? [refs] : refs;
  const space = new NgramSpace();
  const h = chrfProfile(hyp, opts, space);
  let best: number[] = [];
  let bestF = -1;
  for (const r of refList) {
    const stats = chrfStatsFromProfiles(h, chrfProfile(r, opts, space));
    const f = refList.length === 1 ? 0 : chrfFromStats(stats, opts);
    if (f > bestF) {
      bestF = f;
      best = stats;
    }
  }
  return best;
}

/**
 * chrF (0–100) from summed statistics, as sacreBLEU's `_compute_f_score`: precision and
 * recall averaged over the orders where both hypothesis and reference have n-grams, then F-β.
 * @example chrfFromStats(chrfStats('a b c', 'abc')) // 100
 */
export function chrfFromStats(stats: ArrayLike<number>, opts: ChrfOptions = {}): number {
  const beta = opts.beta ?? 2;
  const factor = beta * beta;
  const orders = stats.length / 3;
  const eps = 1e-16;
  let epsScore = 0;
  let avgPrec = 0;
  let avgRec = 0;
  let effOrder = 0;
  for (let i = 0; i < orders; i++) {
    const nHyp = stats[3 * i]!;
    const nRef = stats[3 * i + 1]!;
    const nMatch = stats[3 * i + 2]!;
    const prec = nHyp > 0 ? nMatch / nHyp : eps;
    const rec = nRef > 0 ? nMatch / nRef : eps;
    if (opts.epsSmoothing) {
      const denom = factor * prec + rec;
      epsScore += denom > 0 ? ((1 + factor) * prec * rec) / denom : eps;
    } else if (nHyp > 0 && nRef > 0) {
      avgPrec += prec;
      avgRec += rec;
      effOrder++;
    }
  }
  if (opts.epsSmoothing) return (100 * epsScore) / orders;
  if (effOrder === 0) return 0;
  avgPrec /= effOrder;
  avgRec /= effOrder;
  if (avgPrec + avgRec === 0) return 0;
  return (100 * ((1 + factor) * avgPrec * avgRec)) / (factor * avgPrec + avgRec);
}

/**
 * Corpus chrF: statistics summed over segments, scored once.
 * @example corpusChrf(['a b c'], ['a b c']) // 100
 */
export function corpusChrf(hyps: readonly string[], refs: ReferenceStreams, opts: ChrfOptions = {}): number {
  const refsAt = referencesOf(refs, hyps.length);
  const sum = new Array<number>(3 * ((opts.charOrder ?? 6) + (opts.wordOrder ?? 0))).fill(0);
  for (let i = 0; i < hyps.length; i++) {
    const s = chrfStats(hyps[i]!, refsAt(i), opts);
    for (let k = 0; k < s.length; k++) sum[k]! += s[k]!;
  }
  return chrfFromStats(sum, opts);
}

/**
 * Sentence chrF of one hypothesis against one reference.
 * @example sentenceChrf('Niemand hat die Absicht', 'Niemand hat die Absicht') // 100
 */
export function sentenceChrf(hyp: string, refs: string | readonly string[], opts: ChrfOptions = {}): number {
  return chrfFromStats(chrfStats(hyp, refs, opts), opts);
}

/**
 * sacreBLEU's signature for chrF with these options.
 * @example chrfSignature({ wordOrder: 2 }) // 'chrF2++|nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0'
 */
export function chrfSignature(opts: ChrfOptions = {}): string {
  const beta = opts.beta ?? 2;
  const nw = opts.wordOrder ?? 0;
  const name = `chrF${beta}${'+'.repeat(nw)}`;
  return (
    `${name}|nrefs:1|case:mixed|eff:${opts.epsSmoothing ? 'no' : 'yes'}|nc:${opts.charOrder ?? 6}|nw:${nw}` +
    `|space:${opts.whitespace ? 'yes' : 'no'}|version:${SACREBLEU_VERSION}`
  );
}
