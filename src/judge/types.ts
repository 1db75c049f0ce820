/**
 * The MQM judge's data model: error spans a judge model reports, where they are in the text, and
 * the MQM scores built from them. Plain JSON-friendly data: `Comparison.judge` carries a
 * `JudgeReport`, and its field names are part of the compare JSON report's schema.
 */

/** MQM severities, as the judge is asked for them. */
export type MqmSeverity = 'minor' | 'major' | 'critical';

/** The severities in the order reports show them. */
export const MQM_SEVERITIES: readonly MqmSeverity[] = Object.freeze(['minor', 'major', 'critical']);

/**
 * The MQM core typology categories vitrans asks for (top-level dimension/subcategory), plus
 * `other` for a category the judge made up: it is kept, with the judge's own label.
 */
export type MqmCategory =
  | 'accuracy/mistranslation'
  | 'accuracy/omission'
  | 'accuracy/addition'
  | 'accuracy/untranslated'
  | 'fluency/grammar'
  | 'fluency/spelling'
  | 'fluency/punctuation'
  | 'terminology'
  | 'style'
  | 'locale-convention'
  | 'other';

/** The categories in the order reports show them (`other` last). */
export const MQM_CATEGORIES: readonly MqmCategory[] = Object.freeze([
  'accuracy/mistranslation',
  'accuracy/omission',
  'accuracy/addition',
  'accuracy/untranslated',
  'fluency/grammar',
  'fluency/spelling',
  'fluency/punctuation',
  'terminology',
  'style',
  'locale-convention',
  'other',
]);

/** Penalty points per severity. */
export type MqmWeights = Readonly<Record<MqmSeverity, number>>;

/** MQM's usual weights (minor 1, major 5, critical 10). */
export const DEFAULT_MQM_WEIGHTS: MqmWeights = Object.freeze({ minor: 1, major: 5, critical: 10 });

/**
 * How penalties are normalised: per 1,000 words of the translation (MQM's per-word scoring), or
 * per segment (paragraph; GEMBA-MQM's per-segment sum, averaged).
 */
export type MqmNormalisation = 'words' | 'segment';

/**
 * One error as the judge reported it, read from its answer (before it is located).
 * @example { category: 'terminology', label: 'Terminology', severity: 'major', span: 'flight phase interceptor', side: 'translation', sourceSpan: 'Thiết bị đánh chặn pha bay', explanation: 'the approved term is Glide Phase Interceptor' }
 */
export interface JudgeError {
  category: MqmCategory;
  /** The category as the judge wrote it (the only trace of an unknown one). */
  label: string;
  severity: MqmSeverity;
  /** The quoted words: from the translation, or for an omission from the source. */
  span: string;
  /** Which text `span` quotes. */
  side: 'translation' | 'source';
  /** The source words the error concerns, when the judge named them. */
  sourceSpan?: string;
  explanation?: string;
}

/** How a quoted span was found in its text. */
export type SpanLocation =
  /** Character for character. */
  | 'exact'
  /** After folding case, spacing, quotes and dashes (the judge quoted loosely). */
  | 'folded'
  /** Nowhere in the text: reported, never given a position. */
  | 'not-found';

/**
 * A judge error with its place: `start`/`end` are UTF-16 offsets into the paragraph's NFC text
 * (the translation, or the source when `side` is `source`), absent when it was not found.
 * @example { ..., start: 48, end: 72, location: 'exact', occurrences: 1 }
 */
export interface MqmSpan extends JudgeError {
  start?: number;
  end?: number;
  /** The located words as the text has them (the judge may have quoted them with other case, spacing or quotes). */
  found?: string;
  location: SpanLocation;
  /** How often the quoted words occur in the text; with more than one, the place chosen is a guess by order (`ambiguous`). */
  occurrences: number;
  /** Set when the words occur several times and the place was chosen by the order of the judge's list. */
  ambiguous?: boolean;
  /** The glossary checker's finding on the same term, when it also flags it: one issue, two sources. */
  glossary?: GlossaryCorroboration;
}

/** The glossary finding a terminology span was merged with. */
export interface GlossaryCorroboration {
  ruleId: string;
  message: string;
  termId?: string;
  /** Its index in `Comparison.glossary[engine].findings`. */
  finding: number;
}

/** Whether the judge answered usefully for one paragraph and engine. */
export type JudgmentStatus = 'judged' | 'refused' | 'unreadable';

/** The judge's verdict on one engine's translation of one paragraph. */
export interface ParagraphJudgment {
  /** 1-based paragraph number. */
  paragraph: number;
  engine: string;
  status: JudgmentStatus;
  /** Why a paragraph was not judged (the refusal, what was unreadable). */
  note?: string;
  spans: MqmSpan[];
  /** Items of the answer that were not errors (no span, an unknown severity): left out, counted. */
  dropped: number;
  /** Sum of the spans' weights. */
  penalty: number;
  /** Words in the translation (whitespace-separated). */
  words: number;
  /** Served from the cache: nothing was sent for it in this run. */
  cached: boolean;
}

/** An engine's MQM totals over the judged paragraphs. */
export interface EngineMqm {
  engine: string;
  /** Paragraphs judged (refused and unreadable ones are not scored). */
  judged: number;
  notJudged: number;
  penalty: number;
  words: number;
  /** Penalty per 1,000 words of the judged paragraphs' translations; null with no words. */
  perThousandWords: number | null;
  /** Mean penalty per judged paragraph; null when nothing was judged. */
  perSegment: number | null;
  /** The score in the report's normalisation (lower is better). */
  score: number | null;
  /** Errors by category and severity (every category present, zeros included). */
  counts: Record<MqmCategory, Record<MqmSeverity, number>>;
  errors: number;
  /** Spans that could not be located in the text. */
  notLocated: number;
  /** Spans whose words occur several times in the text. */
  ambiguous: number;
  /** Terminology spans the glossary checker also flags. */
  alsoGlossary: number;
}

/** The whole judging of a comparison: who judged how, and the spans per engine and paragraph. */
export interface JudgeReport {
  /** The judge engine's registry name ('openai'). */
  engine: string;
  /** The judge model ('gpt-4o-mini', 'qwen2.5:14b'). */
  model: string;
  promptVersion: string;
  /** Whether the reference was shown to the judge. */
  withReference: boolean;
  weights: MqmWeights;
  normalisation: MqmNormalisation;
  /** Said in every report: the judge is a model and can be wrong. */
  disclaimer: string;
  /** Per compared engine, in the comparison's engine order. */
  engines: EngineMqm[];
  /** Engine name → its judgments, one per paragraph (none for a paragraph blank everywhere), in paragraph order. */
  judgments: Record<string, ParagraphJudgment[]>;
  /** Requests sent in this run and judgments the cache served. */
  requests: { sent: number; cached: number };
  /**
   * Engine name → indices into `Comparison.glossary[engine].findings` of the findings merged into
   * a terminology span (`MqmSpan.glossary`): reports show each of them once, as the span.
   */
  mergedFindings: Record<string, number[]>;
}

/** What judging reports while it works (the same shape as translation progress, so one renderer shows both). */
export type JudgeProgress =
  | { type: 'start'; engine: string; total: number; cached: number }
  | { type: 'progress'; engine: string; total: number; done: number; cached: number }
  | { type: 'retry'; engine: string; attempt: number; delayMs: number; reason: string };
