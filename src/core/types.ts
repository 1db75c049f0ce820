/**
 * Shared data types. Everything here is plain data: no behaviour, no imports.
 */

/**
 * One source→target term pair, as engines take glossaries (glossary exports produce them,
 * engines consume them; neither needs the other's types).
 * @example { source: 'Thiết bị đánh chặn pha bay', target: 'Glide Phase Interceptor' }
 */
export interface TermPair {
  source: string;
  target: string;
}

/** How serious a finding is. `error` fails a check run by default. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * A place in a file as the user has it (not in any normalised copy).
 * `line` and `column` are 1-based; `column` counts Unicode code points, as editors do.
 * `offset` is the 0-based UTF-16 index into the decoded file text (a JS string index).
 * @example { line: 3, column: 12, offset: 118 }
 */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** A half-open range [start, end) in one file. */
export interface Span {
  start: Position;
  end: Position;
}

/**
 * A text edit, in the style of textlint/ESLint fixes: replace `range` (UTF-16 offsets into the
 * decoded file text, half-open) with `text`.
 * @example { range: [120, 145], text: 'Glide Phase Interceptor' }
 */
export interface Fix {
  range: [number, number];
  text: string;
  /**
   * The fix may be wrong for this text (the source does not call for the term it enforces):
   * `--fix` leaves it alone unless unsafe fixes are asked for (`--unsafe-fixes`).
   */
  unsafe?: boolean;
}

/** A passage of a source file that a finding refers to (e.g. the Vietnamese term). */
export interface SourceRef {
  file: string;
  span: Span;
  text: string;
}

/** A place a finding points at besides its own: `file` as shown, 1-based line and column, what is there. */
export interface RelatedPlace {
  file: string;
  line: number;
  column: number;
  message: string;
}

/**
 * A problem found in content: data with positions, never an exception (cf. vfile-message).
 * @example
 * { ruleId: 'term-forbidden', severity: 'error', file: 'corpus/a/deepl.en.txt', paragraph: 4,
 *   message: '"flight phase interceptor" is a forbidden rendering of "Thiết bị đánh chặn pha bay": use "Glide Phase Interceptor"',
 *   termId: 'glide-phase-interceptor', expected: ['Glide Phase Interceptor'], actual: 'flight phase interceptor' }
 */
export interface Finding {
  /** Id of the check that reported it, kebab-case (`term-missing`). */
  ruleId: string;
  severity: Severity;
  /** One human sentence. */
  message: string;
  /** The file the finding points into (usually the translation). */
  file: string;
  /** 1-based paragraph number, when the finding belongs to one. */
  paragraph?: number;
  /** Where in `file`; absent when the problem is an absence with no better place. */
  span?: Span;
  /** The source-language passage that caused the finding. */
  source?: SourceRef;
  /** Glossary entry id, for term checks. */
  termId?: string;
  /** What was expected (approved renderings, canonical first). */
  expected?: string[];
  /** What was found instead. */
  actual?: string;
  /** A safe automatic repair. */
  fix?: Fix;
  /** Engine that produced the text, when known. */
  engine?: string;
  /** Id of the bilingual unit the finding belongs to (an XLIFF unit, a TMX tu), when the file has them. */
  unit?: string;
  /** A longer explanation or hint. */
  note?: string;
  /**
   * Other places the finding is about, in the files as the user has them (the earlier translation
   * of a sentence inconsistent-translation compares with); SARIF lists them as related locations.
   */
  related?: RelatedPlace[];
  /**
   * Stable identity of the finding across edits elsewhere in the file: rule, term, what was found
   * and the paragraph's text (whitespace folded), hashed. Baselines and SARIF `partialFingerprints` use it.
   */
  fingerprint?: string;
  /** Present when the user suppressed the finding: it is still reported, but counts for no exit code. */
  suppression?: FindingSuppression;
}

/** How a finding was suppressed: in the translation itself, in a suppressions list, or by a baseline. */
export type SuppressionKind = 'inline' | 'file' | 'baseline';

/**
 * Why a finding does not count, and where that was decided.
 * @example { kind: 'inline', reason: 'historical name, correct before 2013', at: { file: 'a.en.md', line: 4, column: 1 } }
 */
export interface FindingSuppression {
  kind: SuppressionKind;
  /** The user's reason, as written (for a baseline: that it was recorded there). */
  reason: string;
  /**
   * Where the suppression is declared: the marker, the suppressions-file entry, the baseline file.
   * An inline marker's `offset` (UTF-16, in the file) lets what moves the finding move it too.
   */
  at: { file: string; line?: number; column?: number; offset?: number };
}

/**
 * One paragraph of a file: blank-line separated text with its place in the file.
 * `start`/`end` are UTF-16 offsets into the decoded file text; `text` is exactly that slice.
 */
export interface Paragraph {
  /** 1-based. */
  index: number;
  text: string;
  start: number;
  end: number;
  /** 1-based line on which the paragraph starts. */
  line: number;
  /** The unit's id in a bilingual file (XLIFF unit, TMX tu), when the paragraph is one. */
  id?: string;
  /**
   * The number findings give it when that is not `index`: an XLIFF segment's place among all the
   * file's segments (`index` counts only those checked, which `--protected-segments` changes).
   */
  number?: number;
}


/** What a protected span is, so losses can be told apart (terms fall back to unmasked text, markup cannot). */
export type ProtectedKind = 'term' | 'markup';

/**
 * A half-open range [start, end) of UTF-16 offsets into the text, to be hidden from the engine;
 * `replacement` is what goes back in its place (the approved English term, or the markup itself).
 * @example { start: 10, end: 35, replacement: 'Glide Phase Interceptor', kind: 'term' }
 */
export interface ProtectedSpan {
  start: number;
  end: number;
  replacement: string;
  kind: ProtectedKind;
}

/**
 * Why a paragraph's translation deserves a second look. Stable codes (the bilingual JSON carries them):
 * - `placeholder-lost`: a masked glossary term did not come back; the paragraph was retranslated unmasked.
 * - `markup-lost`: a Markdown markup token did not come back; that markup is missing from the output.
 * - `placeholder-conflict`: the source already contains ⟦ ⟧ brackets, so nothing was masked.
 * - `split-long-paragraph`: the paragraph exceeded the engine's request limit and was sent in parts.
 */
export type TranslationWarning =
  | 'placeholder-lost'
  | 'markup-lost'
  | 'placeholder-conflict'
  | 'split-long-paragraph'
  /** The engine's answer held a key (or other secret), masked before anything was written. */
  | 'secret-redacted';

/**
 * How the glossary reaches the engine; part of the cache key.
 * `native`: an engine-side glossary id; `prompt`: per-paragraph term hints; `mask`: terms replaced by
 * placeholders and the approved English put back; `off`: no glossary given.
 */
export type GlossaryMode = 'native' | 'prompt' | 'mask' | 'off';

/** One paragraph's translation by one engine, in paragraph order. */
export interface ParagraphTranslation {
  /** The source paragraph, NFC. */
  source: string;
  target: string;
  engine: string;
  model: string;
  /** Came from the cache: nothing was sent for it in this run. */
  cached: boolean;
  billedCharacters?: number;
  /** Glossary terms were masked with placeholders (and came back). */
  masked?: boolean;
  warnings: TranslationWarning[];
}
