/**
 * TER (translation edit rate, Snover et al. 2006) exactly as sacreBLEU 2.6 computes it with its
 * defaults, so that a score here can be quoted next to sacreBLEU's with the same signature.
 *
 * What sacreBLEU does (and so this module):
 * - Tokenisation (`tok:tercom`, `norm:no`, `punct:yes`, `case:lc`): lowercase, then split on
 *   Python whitespace. Nothing else: punctuation stays attached to words.
 * - Edits: the fewest insertions, deletions, substitutions (each cost 1) and shifts (a block of
 *   words moved elsewhere, cost 1) that turn the hypothesis into the reference. Shifts are found
 *   greedily, as tercom does: repeatedly apply the shift that lowers the edit distance most, until
 *   none does. Candidate shifts move a block of at most 10 words that matches the reference
 *   somewhere at most 50 positions away, only where both sides are in error, to the positions the
 *   current alignment suggests; ties go to the longer block, then the earlier block, then the
 *   earlier target. At most 1,000 candidates are tried per segment; when that budget runs out
 *   the search stops without applying the last round's best shift.
 * - The edit distance is a Levenshtein distance over words computed only in a beam of 25 cells
 *   either side of the (length-ratio) diagonal, wider when the lengths differ a lot; the last row
 *   is computed in full. Cells outside the beam count as unreachable, so the distance can be
 *   larger than the unrestricted one on very uneven pairs, as in sacreBLEU.
 * - Statistics per segment are [edits, reference length]; the corpus score is
 *   100 × Σedits / Σlength (100 when the references are empty but edits are not, else 0).
 *   With several references a segment takes the fewest edits and the mean reference length.
 *
 * How it is made fast (the results are those of the plain algorithm): words become integer ids;
 * the beam is stored as one band of typed-array cells per row; a shifted candidate shares its
 * first rows with the current hypothesis (its prefix) and its last rows (its suffix), so only the
 * rows of the moved stretch are computed, and joined to a backward pass over the suffix.
 */
import { pySplit, referencesOf, SACREBLEU_VERSION, type ReferenceStreams } from './metrics.js';

/** sacreBLEU's limits for the shift search (tercom's, plus its own candidate budget). */
export const TER_LIMITS = Object.freeze({ maxShiftSize: 10, maxShiftDistance: 50, beamWidth: 25, maxShiftCandidates: 1000 });

/** The TER signature of sacreBLEU 2.6's defaults. */
export const TER_SIGNATURE = `TER|nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:${SACREBLEU_VERSION}`;

/**
 * TER's words of a segment: lowercased, split on Python whitespace (sacreBLEU's tercom
 * tokeniser with its defaults).
 * @example terWords('Thoả thuận, SOSA.') // ['thoả', 'thuận,', 'sosa.']
 */
export function terWords(text: string): string[] {
  return pySplit(text.toLowerCase());
}

// Large enough never to be a real distance, small enough that two of them add up within int32.
const INF = 0x3fffffff;

// Edit operations in the forward matrix: hyp[i-1] vs ref[j-1].
const OP_NONE = 0; // unreachable
const OP_MATCH = 1;
const OP_SUB = 2;
const OP_DEL = 3; // a hypothesis word not in the reference (i − 1)
const OP_INS = 4; // a reference word missing from the hypothesis (j − 1)

/**
 * The beam: which cells of the (n+1) × (m+1) matrix are computed. Row i covers columns
 * [lo[i], hi[i]); cells are stored row after row from offset off[i]. It depends only on the two
 * lengths, and a shift keeps the hypothesis length, so one band serves a whole segment.
 * The arrays may be longer than n + 1 (they are reused from segment to segment).
 */
interface Band {
  n: number;
  m: number;
  lo: Int32Array;
  hi: Int32Array;
  off: Int32Array;
  cells: number;
  widest: number;
}

/** Lay out the band of an n-word hypothesis against an m-word reference into `band`. */
function layBand(band: Band, n: number, m: number): void {
  if (band.off.length < n + 2) {
    const size = Math.max(n + 2, 2 * band.off.length);
    band.lo = new Int32Array(size);
    band.hi = new Int32Array(size);
    band.off = new Int32Array(size);
  }
  const { lo, hi, off } = band;
  const ratio = n > 0 ? m / n : 1;
  const beam = TER_LIMITS.beamWidth < ratio / 2 ? Math.ceil(ratio / 2 + TER_LIMITS.beamWidth) : TER_LIMITS.beamWidth;
  lo[0] = 0;
  hi[0] = m + 1;
  for (let i = 1; i <= n; i++) {
    const diagonal = Math.floor(i * ratio);
    lo[i] = Math.max(0, diagonal - beam);
    hi[i] = i === n ? m + 1 : Math.min(m + 1, diagonal + beam);
  }
  let widest = 0;
  off[0] = 0;
  for (let i = 0; i <= n; i++) {
    off[i + 1] = off[i]! + (hi[i]! - lo[i]!);
    widest = Math.max(widest, hi[i]! - lo[i]!);
  }
  band.n = n;
  band.m = m;
  band.cells = off[n + 1]!;
  band.widest = widest;
}

/** Grow a typed array to at least `size` elements (contents are not kept). */
function atLeast<T extends Int32Array | Uint8Array>(a: T, size: number, make: (n: number) => T): T {
  return a.length >= size ? a : make(Math.max(size, 2 * a.length));
}

/**
 * The band, the matrices, the alignment and the scratch space of one segment. One instance is
 * reused for every segment (`prepare`), so scoring thousands of paragraphs allocates little.
 */
class TerSearch {
  readonly band: Band = { n: 0, m: 0, lo: new Int32Array(64), hi: new Int32Array(64), off: new Int32Array(64), cells: 0, widest: 0 };
  /** Forward distances and the operation that reached each cell (for the trace). */
  fwd = new Int32Array(4096);
  ops = new Uint8Array(4096);
  /** Backward distances: from a cell to the bottom-right corner. */
  bwd = new Int32Array(4096);
  private rowA = new Int32Array(64);
  private rowB = new Int32Array(64);
  private trace = new Uint8Array(128);
  /** Reference position → hypothesis position it lines up with (−1: before the first word). */
  align = new Int32Array(64);
  /** Prefix sums of the error flags: `hypErrors[b] − hypErrors[a]` errors in hyp[a..b). */
  hypErrors = new Int32Array(64);
  refErrors = new Int32Array(64);
  private ref: Int32Array = new Int32Array(0);

  /** Get ready for an n-word hypothesis against `ref`. */
  prepare(n: number, ref: Int32Array): this {
    this.ref = ref;
    const m = ref.length;
    layBand(this.band, n, m);
    const { cells, widest } = this.band;
    this.fwd = atLeast(this.fwd, cells, (k) => new Int32Array(k));
    this.ops = atLeast(this.ops, cells, (k) => new Uint8Array(k));
    this.bwd = atLeast(this.bwd, cells, (k) => new Int32Array(k));
    this.rowA = atLeast(this.rowA, widest, (k) => new Int32Array(k));
    this.rowB = atLeast(this.rowB, widest, (k) => new Int32Array(k));
    this.trace = atLeast(this.trace, n + m, (k) => new Uint8Array(k));
    this.align = atLeast(this.align, m, (k) => new Int32Array(k));
    this.hypErrors = atLeast(this.hypErrors, n + 1, (k) => new Int32Array(k));
    this.refErrors = atLeast(this.refErrors, m + 1, (k) => new Int32Array(k));
    return this;
  }

  /**
   * Follow the forward matrix's operations back from the corner and read off tercom's view of
   * the current hypothesis: `align`, `hypErrors`, `refErrors`.
   */
  alignment(): void {
    const { lo, off, n, m } = this.band;
    const { trace, ops, align, hypErrors, refErrors } = this;
    let t = n + m;
    const end = t;
    for (let i = n, j = m; i > 0 || j > 0; ) {
      const op = ops[off[i]! + j - lo[i]!]!;
      trace[--t] = op;
      if (op === OP_MATCH || op === OP_SUB) {
        i--;
        j--;
      } else if (op === OP_INS) j--;
      else if (op === OP_DEL) i--;
      else throw new Error(`TER: no path through cell ${i},${j}`);
    }
    let h = -1;
    let r = -1;
    hypErrors[0] = 0;
    refErrors[0] = 0;
    for (; t < end; t++) {
      const op = trace[t]!;
      if (op === OP_MATCH || op === OP_SUB) {
        align[++r] = ++h;
        const err = op === OP_SUB ? 1 : 0;
        hypErrors[h + 1] = hypErrors[h]! + err;
        refErrors[r + 1] = refErrors[r]! + err;
      } else if (op === OP_DEL) {
        ++h;
        hypErrors[h + 1] = hypErrors[h]! + 1;
      } else {
        align[++r] = h;
        refErrors[r + 1] = refErrors[r]! + 1;
      }
    }
  }

  /**
   * The forward matrix of `hyp` from row `from` on (rows before it are kept), with the
   * operations: substitution or match first, then deletion, then insertion on equal cost (the
   * preference that, once the trace is flipped, gives tercom's alignment).
   */
  forward(hyp: Int32Array, from = 1): number {
    const { lo, hi, off, m, n } = this.band;
    const { fwd, ops, ref } = this;
    if (from <= 1) {
      for (let j = 0; j <= m; j++) {
        fwd[j] = j;
        ops[j] = OP_INS;
      }
      from = 1;
    }
    for (let i = from; i <= n; i++) {
      const word = hyp[i - 1]!;
      const pLo = lo[i - 1]!;
      const pHi = hi[i - 1]!;
      const pOff = off[i - 1]! - pLo;
      const cLo = lo[i]!;
      const cHi = hi[i]!;
      const cOff = off[i]! - cLo;
      for (let j = cLo; j < cHi; j++) {
        if (j === 0) {
          fwd[cOff] = fwd[pOff]! + 1;
          ops[cOff] = OP_DEL;
          continue;
        }
        let best = INF;
        let op = OP_NONE;
        const same = word === ref[j - 1];
        const diag = j - 1 >= pLo && j - 1 < pHi ? fwd[pOff + j - 1]! + (same ? 0 : 1) : INF + 1;
        if (best > diag) {
          best = diag;
          op = same ? OP_MATCH : OP_SUB;
        }
        const del = j < pHi && j >= pLo ? fwd[pOff + j]! + 1 : INF + 1;
        if (best > del) {
          best = del;
          op = OP_DEL;
        }
        const ins = j - 1 >= cLo ? fwd[cOff + j - 1]! + 1 : INF + 1;
        if (best > ins) {
          best = ins;
          op = OP_INS;
        }
        fwd[cOff + j] = best;
        ops[cOff + j] = op;
      }
    }
    return fwd[off[n]! + m - lo[n]!]!;
  }

  /** The backward matrix of `hyp`: the cheapest way from each cell to the end, inside the band. */
  backward(hyp: Int32Array): void {
    const { lo, hi, off, m, n } = this.band;
    const { bwd, ref } = this;
    const last = off[n]! - lo[n]!;
    for (let j = lo[n]!; j <= m; j++) bwd[last + j] = m - j;
    for (let i = n - 1; i >= 0; i--) {
      const word = hyp[i]!;
      const nLo = lo[i + 1]!;
      const nHi = hi[i + 1]!;
      const nOff = off[i + 1]! - nLo;
      const cLo = lo[i]!;
      const cHi = hi[i]!;
      const cOff = off[i]! - cLo;
      for (let j = cHi - 1; j >= cLo; j--) {
        let best = INF;
        if (j + 1 >= nLo && j + 1 < nHi) best = Math.min(best, bwd[nOff + j + 1]! + (word === ref[j] ? 0 : 1));
        if (j >= nLo && j < nHi) best = Math.min(best, bwd[nOff + j]! + 1);
        if (j + 1 < cHi) best = Math.min(best, bwd[cOff + j + 1]! + 1);
        bwd[cOff + j] = best;
      }
    }
  }

  /**
   * Edit distance of `hyp`, which equals the hypothesis of the current forward and backward
   * matrices outside rows (p, k]: the rows up to p come from the forward matrix, rows p+1..k are
   * computed here, and the rest of the path is the backward matrix's from row k.
   */
  distanceChanged(hyp: Int32Array, p: number, k: number): number {
    const { lo, hi, off } = this.band;
    const { fwd, bwd, ref } = this;
    let prev = this.rowA;
    let cur = this.rowB;
    prev.set(fwd.subarray(off[p]!, off[p + 1]!));
    for (let i = p + 1; i <= k; i++) {
      const word = hyp[i - 1]!;
      const pLo = lo[i - 1]!;
      const pHi = hi[i - 1]!;
      const cLo = lo[i]!;
      const cHi = hi[i]!;
      for (let j = cLo; j < cHi; j++) {
        const c = j - cLo;
        if (j === 0) {
          cur[c] = prev[0 - pLo]! + 1;
          continue;
        }
        let best = j - 1 >= pLo && j - 1 < pHi ? prev[j - 1 - pLo]! + (word === ref[j - 1] ? 0 : 1) : INF;
        if (j >= pLo && j < pHi) best = Math.min(best, prev[j - pLo]! + 1);
        if (j - 1 >= cLo) best = Math.min(best, cur[c - 1]! + 1);
        cur[c] = Math.min(best, INF);
      }
      const t = prev;
      prev = cur;
      cur = t;
    }
    let best = Infinity;
    const kLo = lo[k]!;
    const bOff = off[k]!;
    for (let j = kLo; j < hi[k]!; j++) best = Math.min(best, prev[j - kLo]! + bwd[bOff + j - kLo]!);
    return best;
  }
}

/**
 * `words` with the block [start, start+length) moved to `target`, into `out`, with Python's
 * slice semantics (indices past the end are clamped), as sacreBLEU's `_perform_shift`.
 */
function shiftInto(out: Int32Array, words: Int32Array, start: number, length: number, target: number): void {
  const n = words.length;
  let at = 0;
  const put = (a: number, b: number): void => {
    const from = Math.min(a, n);
    const to = Math.min(b, n);
    if (to > from) {
      out.set(words.subarray(from, to), at);
      at += to - from;
    }
  };
  if (target < start) {
    put(0, target);
    put(start, start + length);
    put(target, start);
    put(start + length, n);
  } else if (target > start + length) {
    put(0, start);
    put(start + length, target);
    put(start, start + length);
    put(target, n);
  } else {
    put(0, start);
    put(start + length, length + target);
    put(start, start + length);
    put(length + target, n);
  }
}

// Scoring is synchronous and never re-entered, so one search serves every call.
const SEARCH = new TerSearch();

/**
 * The number of TER edits (shifts plus word edits) turning `hyp` into `ref`, both as word ids.
 * @example terEditsOfIds(Int32Array.of(3, 4, 5, 6, 7, 0, 1, 2), Int32Array.of(0, 1, 2, 3, 4, 5, 6, 7)) // 1
 */
export function terEditsOfIds(hyp: Int32Array, ref: Int32Array): number {
  const n = hyp.length;
  const m = ref.length;
  if (m === 0) return n;
  const search = SEARCH.prepare(n, ref);
  const { maxShiftSize, maxShiftDistance, maxShiftCandidates } = TER_LIMITS;
  let words = Int32Array.from(hyp);
  let candidate = new Int32Array(n);
  let checked = 0;
  let shifts = 0;
  let from = 1;
  for (;;) {
    const distance = search.forward(words, from);
    search.alignment();
    search.backward(words);
    const { align, hypErrors, refErrors } = search;
    // The best candidate so far: gain, then longer block, earlier block, earlier target.
    let bestGain = 0;
    let bestLength = 0;
    let bestStart = 0;
    let bestTarget = 0;
    let found = false;
    let exhausted = false;
    pairs: for (let startH = 0; startH < n; startH++) {
      const rFrom = Math.max(0, startH - maxShiftDistance);
      const rTo = Math.min(m, startH + maxShiftDistance + 1);
      for (let startR = rFrom; startR < rTo; startR++) {
        for (let length = 1; length <= maxShiftSize && words[startH + length - 1] === ref[startR + length - 1]; length++) {
          if (
            hypErrors[startH + length]! - hypErrors[startH]! > 0 &&
            refErrors[startR + length]! - refErrors[startR]! > 0 &&
            !(startH <= align[startR]! && align[startR]! < startH + length)
          ) {
            let previous = -1;
            for (let offset = -1; offset < length; offset++) {
              const target = startR + offset === -1 ? 0 : align[startR + offset]! + 1;
              if (target === previous) continue;
              previous = target;
              shiftInto(candidate, words, startH, length, target);
              const gain = distance - distanceOf(search, words, candidate, startH, length, target, distance);
              checked++;
              if (
                !found ||
                gain > bestGain ||
                (gain === bestGain &&
                  (length > bestLength || (length === bestLength && (startH < bestStart || (startH === bestStart && target < bestTarget)))))
              ) {
                found = true;
                [bestGain, bestLength, bestStart, bestTarget] = [gain, length, startH, target];
              }
            }
            if (checked >= maxShiftCandidates) {
              exhausted = true;
              break pairs;
            }
          }
          if (startH + length === n || startR + length === m) break;
        }
      }
    }
    if (exhausted || !found || bestGain <= 0) return shifts + distance;
    shifts++;
    shiftInto(candidate, words, bestStart, bestLength, bestTarget);
    // The new hypothesis keeps the old one's rows up to where the moved stretch begins.
    from = Math.min(bestStart, bestTarget) + 1;
    [words, candidate] = [candidate, words];
  }
}

/** Edit distance of a shifted candidate, computing only the rows of the stretch that changed. */
function distanceOf(search: TerSearch, words: Int32Array, shifted: Int32Array, start: number, length: number, target: number, distance: number): number {
  const n = words.length;
  let p = Math.min(start, target);
  let k = Math.min(n, Math.max(start + length, target + length));
  while (p < k && shifted[p] === words[p]) p++;
  while (k > p && shifted[k - 1] === words[k - 1]) k--;
  if (p >= k) return distance;
  return search.distanceChanged(shifted, p, k);
}

/** Words of a group of segments as integer ids (one id per distinct lowercased word). */
export class TerVocabulary {
  private readonly ids = new Map<string, number>();

  /** Forget every word (ids are only comparable within one group). */
  reset(): void {
    this.ids.clear();
  }

  /** TER's words of `text` as ids. */
  encode(text: string): Int32Array {
    const words = terWords(text);
    const out = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) {
      let id = this.ids.get(words[i]!);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(words[i]!, id);
      }
      out[i] = id;
    }
    return out;
  }
}

/**
 * TER statistics of one segment: [edits, reference length]. With several references, the
 * fewest edits and the mean reference length, as sacreBLEU.
 * @example terStats('d e f g h a b c', 'a b c d e f g h') // [1, 8]
 */
export function terStats(hyp: string, refs: string | readonly string[], vocabulary = new TerVocabulary()): [number, number] {
  const refList = typeof refs === 'string' ? [refs] : refs;
  const h = vocabulary.encode(hyp);
  let best = Infinity;
  let lengths = 0;
  for (const ref of refList) {
    const r = vocabulary.encode(ref);
    best = Math.min(best, terEditsOfIds(h, r));
    lengths += r.length;
  }
  return [best, lengths / refList.length];
}

/**
 * TER (0–100, lower is better) from summed [edits, reference length] statistics.
 * @example terFromStats([1, 8]) // 12.5
 */
export function terFromStats(stats: ArrayLike<number>): number {
  const edits = stats[0]!;
  const length = stats[1]!;
  if (length > 0) return (100 * edits) / length;
  return edits > 0 ? 100 : 0;
}

/** A corpus TER with its parts. */
export interface TerResult {
  /** 0–100 (it can exceed 100 when the hypothesis is much longer than the reference). */
  score: number;
  /** Total edits. */
  edits: number;
  /** Total reference length in words (the mean over references with several). */
  refLength: number;
}

/**
 * Corpus TER: edits and reference lengths summed over segments, then divided once.
 * @example corpusTer(['the cat sat'], ['The cat sat']).score // 0
 */
export function corpusTer(hyps: readonly string[], refs: ReferenceStreams): TerResult {
  const refsAt = referencesOf(refs, hyps.length);
  const vocabulary = new TerVocabulary();
  let edits = 0;
  let refLength = 0;
  for (let i = 0; i < hyps.length; i++) {
    vocabulary.reset();
    const [e, l] = terStats(hyps[i]!, refsAt(i), vocabulary);
    edits += e;
    refLength += l;
  }
  return { score: terFromStats([edits, refLength]), edits, refLength };
}

/**
 * Sentence TER of one hypothesis against one or more references.
 * @example sentenceTer('a b c d', 'a b c e') // 25
 */
export function sentenceTer(hyp: string, refs: string | readonly string[]): number {
  return terFromStats(terStats(hyp, refs));
}
