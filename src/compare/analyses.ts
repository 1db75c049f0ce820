/**
 * Analyses that explain a score, after compare-mt (Neubig et al. 2019): which words each engine
 * gets right by how frequent they are, how it renders glossary terms, how its scores change with
 * paragraph length, which n-grams it gets right more often than the other engines, and where
 * two engines differ most.
 *
 * Everything is against the reference. Words are sacreBLEU's 13a tokens, lowercased (so
 * punctuation marks are words of their own and "The" matches "the"). One pass over the
 * paragraphs feeds running totals per word, n-gram and term; memory grows with the vocabulary,
 * not with the corpus.
 */
import { bleuTokens, NgramSpace } from './metrics.js';
import type {
  Analyses,
  FrequencyBucket,
  LengthBucket,
  MetricId,
  NgramWin,
  PairDifferences,
  ParagraphComparison,
  SentenceScores,
  TermAccuracy,
  TermFinder,
  WordMatch,
} from './types.js';

/** Lower edges of the word-frequency buckets after 0 (compare-mt's defaults): 0, 1, 2, 3, 4, 5–9, 10–99, 100–999, 1000+. */
export const FREQUENCY_EDGES: readonly number[] = [1, 2, 3, 4, 5, 10, 100, 1000];

/** Lower edges of the paragraph-length buckets after the first, in reference words: <10, 10–19, 20–39, 40–59, 60–99, 100+. */
export const LENGTH_EDGES: readonly number[] = [10, 20, 40, 60, 100];

/** Longest n-gram of the n-gram analysis. */
export const NGRAM_ORDER = 4;

/** How many n-grams are listed per engine, differing paragraphs per engine pair and metric, and terms. */
export const MAX_NGRAMS_LISTED = 10;
export const MAX_DIFFERENCES_LISTED = 5;
export const MAX_TERMS_LISTED = 25;

// Candidates kept per engine before n-grams contained in longer ones are left out.
const NGRAM_CANDIDATES = 5 * MAX_NGRAMS_LISTED;

/** The metrics whose paragraph-level differences are listed, as in `SentenceScores`. */
const DIFFERENCE_METRICS: readonly MetricId[] = ['chrf', 'chrfPlusPlus', 'bleu', 'ter'];

/**
 * The words the analyses count: 13a tokens, lowercased.
 * @example analysisWords('The GPI, co-developed.') // ['the', 'gpi', ',', 'co-developed', '.']
 */
export function analysisWords(text: string): string[] {
  return bleuTokens(text).map((t) => t.toLowerCase());
}

function counts<K>(keys: Iterable<K>): Map<K, number> {
  const out = new Map<K, number>();
  for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

/** Per engine: occurrences in its output and matched occurrences; plus the reference's. */
interface Tally {
  ref: number;
  hyp: Float64Array;
  matched: Float64Array;
}

function wordMatch(ref: number, hyp: number, matched: number): WordMatch {
  const precision = hyp > 0 ? matched / hyp : null;
  const recall = ref > 0 ? matched / ref : null;
  const f = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ref, hyp, matched, precision, recall, f };
}

/** Bucket `i` (≥ 1) of a list of lower edges: from edges[i−1] to just below edges[i]. */
function bucketLabel(edges: readonly number[], i: number): { label: string; min: number; max: number | null } {
  const min = edges[i - 1]!;
  const next = edges[i];
  const max = next === undefined ? null : next - 1;
  const label = max === null ? `${min}+` : max === min ? `${min}` : `${min}–${max}`;
  return { label, min, max };
}

function bucketOf(edges: readonly number[], value: number): number {
  let i = 0;
  while (i < edges.length && value >= edges[i]!) i++;
  return i;
}

/** A Float64Array that grows (doubling) to hold index `i`. */
function room(a: Float64Array<ArrayBuffer>, i: number): Float64Array<ArrayBuffer> {
  if (i < a.length) return a;
  const b = new Float64Array(Math.max(i + 1, a.length * 2));
  b.set(a);
  return b;
}

function roomInt(a: Int32Array<ArrayBuffer>, i: number): Int32Array<ArrayBuffer> {
  if (i < a.length) return a;
  const b = new Int32Array(Math.max(i + 1, a.length * 2));
  b.set(a);
  return b;
}

/** Per engine, running sums indexed by a word or n-gram id. */
class Sums {
  hyp: Float64Array<ArrayBuffer>[];
  matched: Float64Array<ArrayBuffer>[];
  ref = new Float64Array(1024);

  constructor(engines: number) {
    this.hyp = Array.from({ length: engines }, () => new Float64Array(1024));
    this.matched = Array.from({ length: engines }, () => new Float64Array(1024));
  }

  /** Make every array hold index `id`. */
  fit(id: number): void {
    this.ref = room(this.ref, id);
    for (let e = 0; e < this.hyp.length; e++) {
      this.hyp[e] = room(this.hyp[e]!, id);
      this.matched[e] = room(this.matched[e]!, id);
    }
  }
}

/**
 * Collects the analyses paragraph by paragraph (`add`), then summarises them (`finish`).
 * Words get integer ids; the reference's n-grams get ids in one NgramSpace for the whole corpus
 * (an engine's n-gram can only be right if the reference has it, so engines' n-grams are looked
 * up, never added); counting runs over typed arrays indexed by those ids.
 * @example
 * const a = new AnalysisCollector(['deepl', 'google']);
 * a.add('The MOU was signed.', ['The MOU was signed.', 'The memorandum was signed.']);
 * a.finish(paragraphs, (positions) => scoresOf(positions))
 */
export class AnalysisCollector {
  private readonly vocabulary = new Map<string, number>();
  private readonly wordTexts: string[] = [];
  private readonly words: Sums;
  private readonly space = new NgramSpace();
  /** Per n-gram id: its prefix n-gram id (−1 for a unigram) and its last word id, to spell it out. */
  private ngramPrefix = new Int32Array(1024);
  private ngramWord = new Int32Array(1024);
  /** Per engine, per n-gram id: matched occurrences. */
  private ngramMatched: Float64Array<ArrayBuffer>[];
  // Per-paragraph counts, indexed by id, put back to zero after each paragraph.
  private refWordCount = new Int32Array(1024);
  private hypWordCount = new Int32Array(1024);
  private refNgramCount = new Int32Array(1024);
  private hypNgramCount = new Int32Array(1024);
  private readonly terms = new Map<string, Tally & { label: string }>();
  /** Length bucket of each paragraph, in order. */
  private readonly lengthBuckets: number[] = [];

  constructor(
    private readonly engines: readonly string[],
    private readonly termFinder?: TermFinder,
  ) {
    this.words = new Sums(engines.length);
    this.ngramMatched = engines.map(() => new Float64Array(1024));
  }

  /** Ids of BLEU tokens, lowercased. */
  private wordIds(tokens: readonly string[]): Int32Array {
    const ids = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const word = tokens[i]!.toLowerCase();
      let id = this.vocabulary.get(word);
      if (id === undefined) {
        id = this.wordTexts.length;
        this.vocabulary.set(word, id);
        this.wordTexts.push(word);
        if (id >= this.refWordCount.length) {
          this.words.fit(id);
          this.refWordCount = roomInt(this.refWordCount, id);
          this.hypWordCount = roomInt(this.hypWordCount, id);
        }
      }
      ids[i] = id;
    }
    return ids;
  }

  /**
   * Ids of a text's n-grams (n = 1..NGRAM_ORDER). The reference's are added (`add`); an engine's
   * are only looked up, and one the reference corpus lacks is left out with its extensions
   * (they cannot match).
   */
  private ngramIds(words: Int32Array, add: boolean): Int32Array {
    const out = new Int32Array(words.length * NGRAM_ORDER);
    let k = 0;
    for (let i = 0; i < words.length; i++) {
      let prefix = -1;
      for (let n = 1; n <= NGRAM_ORDER && i + n <= words.length; n++) {
        const word = words[i + n - 1]!;
        let id: number;
        if (add) {
          const before = this.space.ngramCount;
          id = this.space.extend(prefix, word);
          if (id === before) this.spelling(id, prefix, word);
        } else {
          id = this.space.find(prefix, word);
          if (id < 0) break;
        }
        out[k++] = id;
        prefix = id;
      }
    }
    return out.subarray(0, k);
  }

  /** Remember how a new n-gram is spelled, making room for it in the per-n-gram arrays. */
  private spelling(id: number, prefix: number, word: number): void {
    if (id >= this.ngramPrefix.length) {
      this.ngramPrefix = roomInt(this.ngramPrefix, id);
      this.ngramWord = roomInt(this.ngramWord, id);
      this.refNgramCount = roomInt(this.refNgramCount, id);
      this.hypNgramCount = roomInt(this.hypNgramCount, id);
      this.ngramMatched = this.ngramMatched.map((a) => room(a, id));
    }
    this.ngramPrefix[id] = prefix;
    this.ngramWord[id] = word;
  }

  private termTally(termId: string, label: string): Tally & { label: string } {
    let t = this.terms.get(termId);
    if (!t) {
      t = { ref: 0, hyp: new Float64Array(this.engines.length), matched: new Float64Array(this.engines.length), label };
      this.terms.set(termId, t);
    }
    return t;
  }

  /**
   * One paragraph: the reference and each engine's output, in the constructor's engine order.
   * `tokens` are their `bleuTokens`, when the caller has them already.
   */
  add(reference: string, outputs: readonly string[], tokens?: { reference: readonly string[]; outputs: readonly (readonly string[])[] }): void {
    const refWords = this.wordIds(tokens?.reference ?? bleuTokens(reference));
    this.lengthBuckets.push(bucketOf(LENGTH_EDGES, refWords.length));
    for (const w of refWords) {
      this.refWordCount[w]!++;
      this.words.ref[w]!++;
    }
    const refNgrams = this.ngramIds(refWords, true);
    for (const g of refNgrams) this.refNgramCount[g]!++;
    const refFound = this.termFinder?.find(reference);
    const refTerms = refFound ? counts(refFound.map((t) => t.termId)) : undefined;
    for (const t of refFound ?? []) this.termTally(t.termId, t.label).ref++;

    outputs.forEach((output, e) => {
      const hypWords = this.wordIds(tokens?.outputs[e] ?? bleuTokens(output));
      tallyMatches(hypWords, this.hypWordCount, this.refWordCount, this.words.hyp[e]!, this.words.matched[e]!);
      const known = this.ngramIds(hypWords, false);
      tallyMatches(known, this.hypNgramCount, this.refNgramCount, undefined, this.ngramMatched[e]!);
      if (refTerms) {
        const found = this.termFinder!.find(output);
        const labels = new Map<string, string>();
        for (const t of found) if (!labels.has(t.termId)) labels.set(t.termId, t.label);
        for (const [termId, c] of counts(found.map((t) => t.termId))) {
          const tally = this.termTally(termId, labels.get(termId)!);
          tally.hyp[e]! += c;
          tally.matched[e]! += Math.min(c, refTerms.get(termId) ?? 0);
        }
      }
    });
    for (const w of refWords) this.refWordCount[w] = 0;
    for (const g of refNgrams) this.refNgramCount[g] = 0;
  }

  /**
   * The analyses. `scoreParagraphs` gives each engine's corpus scores over a set of paragraphs
   * (by 0-based position), for the length buckets; `paragraphs` carry the sentence scores.
   */
  finish(paragraphs: readonly ParagraphComparison[], scoreParagraphs: (positions: readonly number[]) => Record<string, SentenceScores>): Analyses {
    return {
      tokenization: '13a, lowercased',
      wordAccuracy: this.wordAccuracy(),
      terms: this.termFinder ? this.termAccuracy() : null,
      lengthBuckets: this.lengthBucketScores(scoreParagraphs),
      ngrams: this.ngramWins(),
      differences: pairDifferences(this.engines, paragraphs),
    };
  }

  private newTally(): Tally {
    return { ref: 0, hyp: new Float64Array(this.engines.length), matched: new Float64Array(this.engines.length) };
  }

  private wordAccuracy(): FrequencyBucket[] {
    const k = this.engines.length;
    const buckets = Array.from({ length: FREQUENCY_EDGES.length + 1 }, () => this.newTally());
    for (let w = 0; w < this.wordTexts.length; w++) {
      // A word's frequency is its count in the reference corpus.
      const freq = this.words.ref[w]!;
      const sum = buckets[freq === 0 ? 0 : bucketOf(FREQUENCY_EDGES, freq)]!;
      sum.ref += freq;
      for (let e = 0; e < k; e++) {
        sum.hyp[e]! += this.words.hyp[e]![w]!;
        sum.matched[e]! += this.words.matched[e]![w]!;
      }
    }
    const out: FrequencyBucket[] = [];
    buckets.forEach((sum, b) => {
      if (sum.ref === 0 && sum.hyp.every((h) => h === 0)) return;
      const { label, min, max } = b === 0 ? { label: '0', min: 0, max: 0 } : bucketLabel(FREQUENCY_EDGES, b);
      out.push({ label, min, max, byEngine: this.byEngine(sum) });
    });
    return out;
  }

  private byEngine(t: Tally): Record<string, WordMatch> {
    const out: Record<string, WordMatch> = {};
    this.engines.forEach((name, e) => (out[name] = wordMatch(t.ref, t.hyp[e]!, t.matched[e]!)));
    return out;
  }

  private termAccuracy(): TermAccuracy {
    const overall = this.newTally();
    for (const t of this.terms.values()) {
      overall.ref += t.ref;
      for (let e = 0; e < this.engines.length; e++) {
        overall.hyp[e]! += t.hyp[e]!;
        overall.matched[e]! += t.matched[e]!;
      }
    }
    const listed = [...this.terms.entries()]
      .filter(([, t]) => t.ref > 0)
      .sort(([a, ta], [b, tb]) => tb.ref - ta.ref || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, MAX_TERMS_LISTED);
    return {
      overall: this.byEngine(overall),
      terms: listed.map(([termId, t]) => ({ termId, label: t.label, byEngine: this.byEngine(t) })),
    };
  }

  private lengthBucketScores(scoreParagraphs: (positions: readonly number[]) => Record<string, SentenceScores>): LengthBucket[] {
    const members: number[][] = Array.from({ length: LENGTH_EDGES.length + 1 }, () => []);
    this.lengthBuckets.forEach((b, p) => members[b]!.push(p));
    const out: LengthBucket[] = [];
    members.forEach((positions, b) => {
      if (positions.length === 0) return;
      const { label, min, max } = b === 0 ? { label: `<${LENGTH_EDGES[0]}`, min: 0, max: LENGTH_EDGES[0]! - 1 } : bucketLabel(LENGTH_EDGES, b);
      out.push({ label, min, max, paragraphs: positions.length, scores: scoreParagraphs(positions) });
    });
    return out;
  }

  /** The words of n-gram `id`, joined with spaces. */
  private spell(id: number): { text: string; n: number } {
    const words: string[] = [];
    for (let g = id; g >= 0; g = this.ngramPrefix[g]!) words.push(this.wordTexts[this.ngramWord[g]!]!);
    return { text: words.reverse().join(' '), n: words.length };
  }

  private ngramWins(): Record<string, NgramWin[]> {
    const k = this.engines.length;
    const out: Record<string, NgramWin[]> = {};
    // Keep each engine's best few while scanning: no sort of the whole n-gram table. Ties on
    // score and count go to the n-gram seen first; its text is spelled out only when listed.
    const best: { id: number; matched: number; others: number; score: number }[][] = this.engines.map(() => []);
    const order = (a: { id: number; matched: number; score: number }, b: { id: number; matched: number; score: number }): number =>
      b.score - a.score || b.matched - a.matched || a.id - b.id;
    if (k >= 2) {
      const count = this.space.ngramCount;
      for (let g = 0; g < count; g++) {
        let total = 0;
        for (let e = 0; e < k; e++) total += this.ngramMatched[e]![g]!;
        if (total === 0) continue;
        for (let e = 0; e < k; e++) {
          const mine = this.ngramMatched[e]![g]!;
          const others = (total - mine) / (k - 1);
          if (mine <= others) continue;
          insertTop(best[e]!, { id: g, matched: mine, others, score: (mine + 1) / (mine + others + 2) }, NGRAM_CANDIDATES, order);
        }
      }
    }
    this.engines.forEach((name, e) => {
      const wins = best[e]!.map((w): NgramWin => {
        const { text, n } = this.spell(w.id);
        return { ngram: text, n, matched: w.matched, othersMatched: w.others, score: w.score };
      });
      out[name] = withoutParts(wins).slice(0, MAX_NGRAMS_LISTED);
    });
    return out;
  }
}

/**
 * Count the ids of one engine's text (`hypCount`, put back to zero here), then add each distinct
 * id's count to `hypSums` and its clipped match with the reference's count to `matchedSums`.
 */
function tallyMatches(ids: Int32Array, hypCount: Int32Array, refCount: Int32Array, hypSums: Float64Array | undefined, matchedSums: Float64Array): void {
  for (const id of ids) hypCount[id]!++;
  for (const id of ids) {
    const c = hypCount[id]!;
    if (c === 0) continue;
    if (hypSums) hypSums[id]! += c;
    matchedSums[id]! += Math.min(c, refCount[id]!);
    hypCount[id] = 0;
  }
}

/**
 * Leave out an n-gram that is part of a longer listed one with the same counts ("january 25"
 * beside "on january 25 ,"): it says nothing the longer one does not.
 */
function withoutParts(wins: readonly NgramWin[]): NgramWin[] {
  return wins.filter(
    (w) => !wins.some((v) => v.n > w.n && v.matched === w.matched && v.othersMatched === w.othersMatched && ` ${v.ngram} `.includes(` ${w.ngram} `)),
  );
}

/** Insert `item` into the sorted list `top`, keeping at most `max` items. */
function insertTop<T>(top: T[], item: T, max: number, order: (a: T, b: T) => number): void {
  if (top.length === max && order(item, top[max - 1]!) >= 0) return;
  let i = top.length;
  while (i > 0 && order(item, top[i - 1]!) < 0) i--;
  top.splice(i, 0, item);
  if (top.length > max) top.pop();
}

/** For every engine pair and metric, the paragraphs where their sentence scores differ most. */
function pairDifferences(engines: readonly string[], paragraphs: readonly ParagraphComparison[]): PairDifferences[] {
  const out: PairDifferences[] = [];
  type Item = PairDifferences['paragraphs'][number];
  const order = (x: Item, y: Item): number => Math.abs(y.difference) - Math.abs(x.difference) || x.paragraph - y.paragraph;
  for (let i = 0; i < engines.length; i++) {
    for (let j = i + 1; j < engines.length; j++) {
      const [a, b] = [engines[i]!, engines[j]!];
      for (const metric of DIFFERENCE_METRICS) {
        const top: Item[] = [];
        for (const p of paragraphs) {
          const sa = p.scores?.[a]?.[metric];
          const sb = p.scores?.[b]?.[metric];
          if (sa === undefined || sb === undefined || sa === sb) continue;
          insertTop(top, { paragraph: p.index, a: sa, b: sb, difference: sa - sb }, MAX_DIFFERENCES_LISTED, order);
        }
        out.push({ metric, a, b, paragraphs: top });
      }
    }
  }
  return out;
}
