/**
 * The comparison model: what `compareTranslations` returns and what every report format renders.
 * Plain JSON-friendly data (no Maps, no class instances, no `undefined` inside arrays); the field
 * names are the schema of the JSON report, so keep them stable.
 */
import type { Finding, Paragraph } from '../core/types.js';
import type { JudgeReport } from '../judge/types.js';

/**
 * One step of a diff from the pivot text (`delete`: only in the pivot) to an engine's text
 * (`insert`: only in the engine's output). Joining the `equal` and `delete` texts gives the pivot;
 * joining `equal` and `insert` gives the engine's text.
 * `chars` is set on the delete and the insert of a one-word substitution: a character-level diff
 * of the two words, in which the delete carries the `equal`/`delete` steps and the insert the
 * `equal`/`insert` steps.
 * @example [{ op: 'equal', text: 'the Glide Phase ' },
 *   { op: 'delete', text: 'Interceptor', chars: [{ op: 'equal', text: 'Interceptor' }] },
 *   { op: 'insert', text: 'Interceptors', chars: [{ op: 'equal', text: 'Interceptor' }, { op: 'insert', text: 's' }] }]
 */
export interface DiffOp {
  op: 'equal' | 'insert' | 'delete';
  text: string;
  chars?: DiffOp[];
}

/**
 * Words (not whitespace or punctuation) a diff keeps, deletes and inserts.
 * @example { equal: 41, deleted: 3, inserted: 4 }
 */
export interface DiffStats {
  equal: number;
  deleted: number;
  inserted: number;
}

/** The metrics vitrans computes, named as sacreBLEU names them. */
export type MetricName = 'chrF2' | 'chrF2++' | 'BLEU' | 'TER';

/** Keys of a metric in `EngineScores` and `SentenceScores`. */
export type MetricId = 'chrf' | 'chrfPlusPlus' | 'bleu' | 'ter';

/**
 * A metric as the reports show it: reports build their score columns from `Comparison.metrics`,
 * in this order, so a new metric is one more entry (and its field in `EngineScores`).
 * @example { id: 'ter', name: 'TER', better: 'lower', signature: 'TER|nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0' }
 */
export interface MetricInfo {
  id: MetricId;
  name: MetricName;
  /** Whether a higher or a lower score is better (TER counts edits: lower is better). */
  better: 'higher' | 'lower';
  signature: string;
}

/**
 * A 95% bootstrap confidence interval of a corpus score (sacreBLEU style: mean of the
 * resampled scores ± half the width of the 2.5–97.5 percentile range).
 * @example { mean: 61.2, halfWidth: 1.4, low: 59.8, high: 62.6 }
 */
export interface ConfidenceInterval {
  /** Mean of the resampled corpus scores. */
  mean: number;
  /** Half the distance between the 2.5th and 97.5th percentile of the resampled scores. */
  halfWidth: number;
  /** 2.5th percentile of the resampled scores. */
  low: number;
  /** 97.5th percentile of the resampled scores. */
  high: number;
}

/**
 * Paired bootstrap test of one engine against the baseline engine on one metric.
 * @example { baseline: 'deepl', difference: -3.1, pValue: 0.001, significant: true }
 */
export interface SignificanceTest {
  /** Name of the baseline engine. */
  baseline: string;
  /** This engine's corpus score minus the baseline's (on the full corpus, not resampled). */
  difference: number;
  /** Probability of a difference at least this large by chance (paired bootstrap, +1 smoothed). */
  pValue: number;
  /** `pValue < alpha` (alpha is 0.05). `false` means: no evidence that the engines differ. */
  significant: boolean;
}

/**
 * One corpus-level score with the sacreBLEU signature that says how it was computed.
 * @example { metric: 'chrF2', score: 58.31, signature: 'chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0' }
 */
export interface CorpusScore {
  metric: MetricName;
  /** 0–100. */
  score: number;
  signature: string;
  /** Absent when bootstrap resampling was switched off. */
  interval?: ConfidenceInterval;
  /** Absent for the baseline engine itself and when bootstrap resampling was switched off. */
  significance?: SignificanceTest;
}

/** BLEU's parts, for reports that explain a BLEU score. */
export interface BleuDetails {
  /** Modified n-gram precisions for n = 1..4, in percent. */
  precisions: number[];
  /** Brevity penalty, 0–1. */
  brevityPenalty: number;
  /** Hypothesis length in 13a tokens. */
  hypLength: number;
  /** Reference length in 13a tokens. */
  refLength: number;
}

/** TER's parts, for reports that explain a TER score. */
export interface TerDetails {
  /** Total edits (shifts, insertions, deletions, substitutions). */
  edits: number;
  /** Reference length in TER words. */
  refLength: number;
}

/** Corpus scores of one engine against the reference. */
export interface EngineScores {
  engine: string;
  /** The primary metric. */
  chrf: CorpusScore;
  chrfPlusPlus: CorpusScore;
  bleu: CorpusScore & { details: BleuDetails };
  /** Lower is better. */
  ter: CorpusScore & { details: TerDetails };
}

/** Sentence-level (paragraph-level) scores of one engine's paragraph against the reference. */
export interface SentenceScores {
  /** sacreBLEU sentence chrF (β=2), 0–100. */
  chrf: number;
  /** sacreBLEU sentence chrF++ (β=2, word order 2), 0–100. Named as `EngineScores.chrfPlusPlus`. */
  chrfPlusPlus: number;
  /** sacreBLEU sentence BLEU (effective order, exp smoothing), 0–100. */
  bleu: number;
  /** sacreBLEU sentence TER, 0–100 and beyond; lower is better. */
  ter: number;
}

/** One aligned paragraph across source, reference and engine outputs. */
export interface ParagraphComparison {
  /** 1-based paragraph number (the same in every input). */
  index: number;
  /** 1-based line in the source file where the paragraph starts. */
  line: number;
  source: string;
  /** Absent when no reference was given. */
  reference?: string;
  /** Engine name → its translation of this paragraph. */
  outputs: Record<string, string>;
  /**
   * Engine name → word diff from the pivot's text to the engine's. The pivot engine has none; with
   * `diffScope: 'disagreements'` only the paragraphs in `Comparison.disagreements` have them.
   */
  diffs: Record<string, DiffOp[]>;
  /** Engine name → words the diff from the pivot keeps, deletes and inserts (every paragraph; not the pivot engine). */
  changes?: Record<string, DiffStats>;
  /** Engine name → sentence scores against the reference. Absent without a reference. */
  scores?: Record<string, SentenceScores>;
  /**
   * 100 minus the mean pairwise sentence chrF between the engines' outputs (over ordered pairs):
   * 0 = identical outputs, higher = the engines disagree more. `null` with fewer than two engines.
   */
  disagreement: number | null;
}

/**
 * Pairwise agreement: `chrf[i][j]` is the corpus chrF of `engines[i]` scored against
 * `engines[j]` as if it were the reference (chrF is not symmetric: β=2 favours recall).
 * The diagonal is 100.
 */
export interface AgreementMatrix {
  engines: string[];
  chrf: number[][];
  /** Engine name → mean of its agreements with every other engine, both directions. */
  meanAgreement: Record<string, number>;
}

/**
 * The engine that agrees least with the others, when one clearly does.
 * @example { engine: 'google', clear: true, note: 'google agrees least with the others (48.2 vs 61.0 next lowest)' }
 */
export interface Outlier {
  /** The engine with the lowest mean agreement; `null` with fewer than three engines. */
  engine: string | null;
  /** Whether its mean agreement is lower than the next lowest by at least the margin. */
  clear: boolean;
  /** One human sentence saying what was found, including when there is no clear outlier. */
  note: string;
}

/**
 * What the diffs are taken against: the reference when there is one, else the engine that agrees
 * most with the others (highest mean pairwise corpus chrF).
 */
export interface Pivot {
  kind: 'reference' | 'engine';
  /** Engine name, or `reference`. */
  name: string;
  /** One human sentence saying why this pivot. */
  reason: string;
}

/** Bootstrap settings used for the intervals and significance tests. */
export interface BootstrapInfo {
  samples: number;
  seed: number;
  /** Significance level. */
  alpha: number;
  /** Name of the baseline engine. */
  baseline: string;
}

/**
 * Glossary accuracy of one engine, filled in by the caller from the glossary checker.
 * `accuracy` = approved / expected (1 when nothing was expected).
 */
export interface GlossaryAccuracy {
  /** Glossary term occurrences in the source that the translation should render. */
  expected: number;
  /** How many of those were rendered with an approved rendering. */
  approved: number;
  /** 0–1. */
  accuracy: number;
  /** The checker's findings on the engine's output, suppressed ones included (with their `suppression`). */
  findings: Finding[];
  /** How many of `findings` are suppressed (inline, by the config's suppressions list or file). */
  suppressed: number;
}

/** A paragraph where the engines disagree most (for "look here first" lists). */
export interface Disagreement {
  /** 1-based paragraph number. */
  paragraph: number;
  /** As `ParagraphComparison.disagreement`. */
  disagreement: number;
}

/** The whole comparison of several engines' translations of one source text. */
export interface Comparison {
  /** Schema version of this object. */
  version: 1;
  /** Source file label. */
  sourceFile: string;
  /** Reference file label, when a reference was given. */
  referenceFile?: string;
  /** Engine names in input order. */
  engines: string[];
  pivot: Pivot;
  paragraphs: ParagraphComparison[];
  /**
   * The metrics in `scores`, in the order reports show them (empty without a reference).
   * `compareTranslations` always sets it; reports given a comparison without it read the metrics
   * off `scores`.
   */
  metrics?: MetricInfo[];
  /** Corpus scores per engine, in `engines` order. Only with a reference. */
  scores?: EngineScores[];
  /**
   * Metric id → the engines with the best corpus score (the highest, or the lowest for TER);
   * several when they tie (within `TIE_MARGIN` points). Only with a reference.
   */
  best?: Partial<Record<MetricId, string[]>>;
  /** Bootstrap settings; `null` when resampling was off or there is no reference. */
  bootstrap: BootstrapInfo | null;
  /** Pairwise agreement between engines (always computed when there are two or more). */
  agreement: AgreementMatrix;
  /** Paragraphs with the highest disagreement, worst first (at most 10). */
  disagreements: Disagreement[];
  /** Which paragraphs carry their word diffs: all, or only those in `disagreements` (see CompareInput.diffs). */
  diffScope?: 'all' | 'disagreements';
  outlier: Outlier;
  /** Engine name → glossary accuracy; the caller fills this from the checker. */
  glossary?: Record<string, GlossaryAccuracy>;
  /** compare-mt-style analyses of the scores; `null` without a reference or when switched off. */
  analyses?: Analyses | null;
  /** MQM error spans and scores from a judge model (`compare --judge`); the caller fills this in. */
  judge?: JudgeReport;
}

/** Precision, recall and F-measure of one engine's words (or terms) against the reference. */
export interface WordMatch {
  /** Occurrences in the reference. */
  ref: number;
  /** Occurrences in the engine's output. */
  hyp: number;
  /** Occurrences matched (per paragraph, the smaller of the two counts). */
  matched: number;
  /** matched / hyp, `null` when the engine has none. */
  precision: number | null;
  /** matched / ref, `null` when the reference has none. */
  recall: number | null;
  /** Harmonic mean of precision and recall (0 when either is 0), `null` when either is `null`. */
  f: number | null;
}

/**
 * Word accuracy in one word-frequency bucket: a word's frequency is its count in the reference
 * corpus (compare-mt's default without a training corpus), so words the reference never uses
 * fall in bucket "0".
 * @example { label: '1', min: 1, max: 1, byEngine: { deepl: { ref: 40, hyp: 38, matched: 31, precision: 0.82, recall: 0.78, f: 0.8 } } }
 */
export interface FrequencyBucket {
  label: string;
  /** Lowest frequency in the bucket. */
  min: number;
  /** Highest frequency in the bucket, `null` for the open last bucket. */
  max: number | null;
  byEngine: Record<string, WordMatch>;
}

/** Glossary terms rendered as the reference renders them, per engine (approved renderings only). */
export interface TermAccuracy {
  /** All terms together, per engine. */
  overall: Record<string, WordMatch>;
  /** The terms the reference uses most (at most `MAX_TERMS_LISTED`), with their counts per engine. */
  terms: { termId: string; label: string; byEngine: Record<string, WordMatch> }[];
}

/**
 * Corpus scores over the paragraphs whose reference length (in 13a words) falls in a bucket.
 * @example { label: '20–39', min: 20, max: 39, paragraphs: 12, scores: { deepl: { chrf: 61.2, chrfPlusPlus: 59.8, bleu: 33.1, ter: 48.0 } } }
 */
export interface LengthBucket {
  label: string;
  min: number;
  max: number | null;
  paragraphs: number;
  /** Engine → corpus scores of the bucket's paragraphs (same metrics as `SentenceScores`). */
  scores: Record<string, SentenceScores>;
}

/**
 * An n-gram an engine matches in the reference more often than the other engines do
 * (compare-mt's n-gram analysis: score = (mine + 1) / (mine + others + 2), where others is the
 * mean count of the other engines).
 * @example { ngram: 'security of supply arrangement', n: 4, matched: 6, othersMatched: 1.5, score: 0.73 }
 */
export interface NgramWin {
  ngram: string;
  n: number;
  /** How often this engine's output matched it (summed over paragraphs, clipped by the reference). */
  matched: number;
  /** The same, averaged over the other engines. */
  othersMatched: number;
  score: number;
}

/** Paragraphs where two engines' sentence scores on one metric differ most, largest first. */
export interface PairDifferences {
  metric: MetricId;
  a: string;
  b: string;
  paragraphs: { paragraph: number; a: number; b: number; difference: number }[];
}

/** compare-mt-style analyses that explain the corpus scores (all against the reference). */
export interface Analyses {
  /** How the analyses tokenise: 13a words, lowercased. */
  tokenization: string;
  wordAccuracy: FrequencyBucket[];
  /** `null` without a glossary. */
  terms: TermAccuracy | null;
  lengthBuckets: LengthBucket[];
  /** Engine → its n-grams (n = 1–4) most often right where the others are not, best first. */
  ngrams: Record<string, NgramWin[]>;
  /** Per engine pair and metric. */
  differences: PairDifferences[];
}

/**
 * Finds glossary terms rendered in an English text with an approved rendering (the CLI builds
 * one from the glossary's English matcher).
 */
export interface TermFinder {
  find(text: string): { termId: string; label: string }[];
}

/**
 * One input text: a file label plus either its whole text (split into paragraphs here) or its
 * paragraphs already split.
 * @example { file: 'corpus/a/source.vi.txt', text: 'Đoạn một.\n\nĐoạn hai.' }
 */
export type TextInput =
  | { file: string; text: string }
  | { file: string; paragraphs: string[] | Paragraph[] };

/** An engine's translation as input to `compareTranslations`. */
export type EngineInput = TextInput & { name: string };

/** Input of `compareTranslations`. */
export interface CompareInput {
  source: TextInput;
  reference?: TextInput;
  engines: EngineInput[];
  /** Engine to test the others against; default the first engine. */
  baseline?: string;
  /** Bootstrap resampling settings, or `false` to skip it. Default `{ samples: 1000, seed: 12345 }`. */
  bootstrap?: { samples: number; seed: number } | false;
  /** The analyses (with a reference): on by default; `terms` adds the glossary term accuracy. */
  analyses?: false | { terms?: TermFinder };
  /**
   * Which paragraphs keep their word diffs: `all` (default; the HTML report shows every one), or
   * `disagreements`, the most-disagreeing ones the text and Markdown reports show (memory and
   * JSON size then follow the texts, not their diffs). Word counts are kept for every paragraph.
   */
  diffs?: 'all' | 'disagreements';
}
