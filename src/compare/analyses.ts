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
import { pySplit, tokenize13a } from './metrics.js';
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

/** The metrics whose paragraph-level differences are listed, as in `SentenceScores`. */
const DIFFERENCE_METRICS: readonly MetricId[] = ['chrf', 'chrfPlusPlus', 'bleu', 'ter'];

/**
 * The words the analyses count: 13a tokens, lowercased.
 * @example analysisWords('The GPI, co-developed.') // ['the', 'gpi', ',', 'co-developed', '.']
 */
export function analysisWords(text: string): string[] {
  return pySplit(tokenize13a(text.trimEnd()).toLowerCase());
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

/**
 * Collects the analyses paragraph by paragraph (`add`), then summarises them (`finish`).
 * @example
 * const a = new AnalysisCollector(['deepl', 'google']);
 * a.add('The MOU was signed.', ['The MOU was signed.', 'The memorandum was signed.']);
 * a.finish(paragraphs, (bucket) => scoresOf(bucket))
 */
export class AnalysisCollector {
  private readonly words = new Map<string, Tally>();
  private readonly ngrams = new Map<string, Float64Array>();
  private readonly terms = new Map<string, Tally & { label: string }>();
  /** Length bucket of each paragraph, in order. */
  private readonly lengthBuckets: number[] = [];

  constructor(
    private readonly engines: readonly string[],
    private readonly termFinder?: TermFinder,
  ) {}

  private tally(word: string): Tally {
    let t = this.words.get(word);
    if (!t) {
      t = this.newTally();
      this.words.set(word, t);
    }
    return t;
  }

  private termTally(termId: string, label: string): Tally & { label: string } {
    let t = this.terms.get(termId);
    if (!t) {
      t = { ...this.newTally(), label };
      this.terms.set(termId, t);
    }
    return t;
  }

  private newTally(): Tally {
    return { ref: 0, hyp: new Float64Array(this.engines.length), matched: new Float64Array(this.engines.length) };
  }

  /** One paragraph: the reference and each engine's output, in the constructor's engine order. */
  add(reference: string, outputs: readonly string[]): void {
    const refWords = analysisWords(reference);
    this.lengthBuckets.push(bucketOf(LENGTH_EDGES, refWords.length));
    const refCounts = counts(refWords);
    for (const [w, c] of refCounts) this.tally(w).ref += c;
    const refNgrams = ngramCounts(refWords);
    const refFound = this.termFinder?.find(reference);
    const refTerms = refFound ? counts(refFound.map((t) => t.termId)) : undefined;
    for (const t of refFound ?? []) this.termTally(t.termId, t.label).ref++;

    outputs.forEach((output, e) => {
      const hypWords = analysisWords(output);
      for (const [w, c] of counts(hypWords)) {
        const t = this.tally(w);
        t.hyp[e]! += c;
        t.matched[e]! += Math.min(c, refCounts.get(w) ?? 0);
      }
      for (const [g, c] of ngramCounts(hypWords)) {
        const r = refNgrams.get(g);
        if (r === undefined) continue;
        let row = this.ngrams.get(g);
        if (!row) {
          row = new Float64Array(this.engines.length);
          this.ngrams.set(g, row);
        }
        row[e]! += Math.min(c, r);
      }
      if (this.termFinder && refTerms) {
        const labels = new Map<string, string>();
        const found = this.termFinder.find(output);
        for (const t of found) if (!labels.has(t.termId)) labels.set(t.termId, t.label);
        for (const [termId, c] of counts(found.map((t) => t.termId))) {
          const tally = this.termTally(termId, labels.get(termId)!);
          tally.hyp[e]! += c;
          tally.matched[e]! += Math.min(c, refTerms.get(termId) ?? 0);
        }
      }
    });
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

  private wordAccuracy(): FrequencyBucket[] {
    const k = this.engines.length;
    const buckets = Array.from({ length: FREQUENCY_EDGES.length + 1 }, () => this.newTally());
    for (const t of this.words.values()) {
      // A word's frequency is its count in the reference corpus.
      const b = t.ref === 0 ? 0 : bucketOf(FREQUENCY_EDGES, t.ref);
      const sum = buckets[b]!;
      sum.ref += t.ref;
      for (let e = 0; e < k; e++) {
        sum.hyp[e]! += t.hyp[e]!;
        sum.matched[e]! += t.matched[e]!;
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

  private ngramWins(): Record<string, NgramWin[]> {
    const k = this.engines.length;
    const out: Record<string, NgramWin[]> = {};
    if (k < 2) {
      for (const e of this.engines) out[e] = [];
      return out;
    }
    // Keep each engine's best few while scanning: no sort of the whole n-gram table.
    const best: NgramWin[][] = this.engines.map(() => []);
    for (const [ngram, row] of this.ngrams) {
      let total = 0;
      for (let e = 0; e < k; e++) total += row[e]!;
      for (let e = 0; e < k; e++) {
        const mine = row[e]!;
        const others = (total - mine) / (k - 1);
        if (mine <= others) continue;
        const win: NgramWin = { ngram, n: ngram.split(' ').length, matched: mine, othersMatched: others, score: (mine + 1) / (mine + others + 2) };
        insertTop(best[e]!, win, MAX_NGRAMS_LISTED, compareWins);
      }
    }
    this.engines.forEach((name, e) => (out[name] = best[e]!));
    return out;
  }
}

function compareWins(a: NgramWin, b: NgramWin): number {
  return b.score - a.score || b.matched - a.matched || (a.ngram < b.ngram ? -1 : a.ngram > b.ngram ? 1 : 0);
}

/** Insert `item` into the sorted list `top`, keeping at most `max` items. */
function insertTop<T>(top: T[], item: T, max: number, order: (a: T, b: T) => number): void {
  if (top.length === max && order(item, top[max - 1]!) >= 0) return;
  let i = top.length;
  while (i > 0 && order(item, top[i - 1]!) < 0) i--;
  top.splice(i, 0, item);
  if (top.length > max) top.pop();
}

/** Counts of the n-grams (n = 1..NGRAM_ORDER) of a word list, keyed by their words joined with spaces. */
function ngramCounts(words: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < words.length; i++) {
    let key = '';
    for (let n = 1; n <= NGRAM_ORDER && i + n <= words.length; n++) {
      key = n === 1 ? words[i]! : `${key} ${words[i + n - 1]!}`;
      out.set(key, (out.get(key) ?? 0) + 1);
    }
  }
  return out;
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
