/**
 * The check interface (after ESLint/textlint rules): a check is `meta` plus `create(context)`,
 * which returns handlers the runner calls for each aligned paragraph pair and once at the end of
 * the translation. Checks report offsets into the files; the runner turns them into line:column
 * Findings. A check that looks across the articles of a run keeps its state in `runState`.
 */
import type { Fix, Paragraph, Position, RelatedPlace, Severity } from '../core/types.js';
import type { DocumentRenderingIndex } from '../glossary/en-matcher.js';
import type { Glossary, RenderingMatch, TermMatch } from '../glossary/types.js';

/** What a check is, for registries, docs and reports. */
export interface CheckMeta {
  /** kebab-case, equal to the module's file name. */
  id: string;
  description: string;
  /** Severity of its findings unless a report says otherwise. */
  severity: Severity;
  /** Whether it offers fixes that `--fix` applies. */
  fixable: boolean;
  /** The options it takes, with their defaults (validated by `resolveCheckOptions`). */
  options?: Readonly<Record<string, CheckOptionSpec>>;
  /**
   * Whether its reports for a paragraph pair depend on nothing but that pair: the text of the two
   * paragraphs, their terms and renderings, their number and where the source paragraph starts
   * (line:column; not the translated one's, which a line break above it moves), the options and
   * the glossary. No `end()`, no `runState`, no `document`, no text outside the pair.
   * The runner may then reuse the pair's reports from an earlier check of the same document
   * (`CheckMemo`) instead of calling the handler: the editor re-checks only what changed.
   */
  paragraphScoped?: boolean;
}

/**
 * One option of a check, for validation, `vitrans config` and docs.
 * @example { type: 'number', default: 0.5, min: 0, description: 'lowest translation/source length ratio' }
 */
export type CheckOptionSpec =
  | { type: 'number'; default: number; min?: number; max?: number; description: string }
  | { type: 'boolean'; default: boolean; description: string }
  | { type: 'string'; default: string; values?: readonly string[]; description: string }
  | { type: 'string[]'; default: readonly string[]; values?: readonly string[]; description: string };

/** A check's options after defaults are applied. */
export type CheckOptionValues = Readonly<Record<string, number | boolean | string | readonly string[]>>;

/** A source paragraph, its translation, and what the matchers found in each (offsets absolute in their files). */
export interface ParagraphPair {
  index: number;
  source: Paragraph;
  target: Paragraph;
  /** Vietnamese glossary terms in the source paragraph, in text order. */
  terms: readonly TermMatch[];
  /** English renderings in the target paragraph, in text order. */
  renderings: readonly RenderingMatch[];
}

/** What a check reports: the runner adds file, paragraph, positions and the check's id. */
export interface ReportDescriptor {
  message: string;
  severity?: Severity;
  /** [start, end) offsets into the translation text; defaults to the whole target paragraph. */
  targetRange?: [number, number];
  /** The source term occurrence behind the report. */
  term?: TermMatch;
  /** [start, end) offsets into the source text of the passage behind the report, when it is not a glossary term. */
  sourceRange?: [number, number];
  termId?: string;
  expected?: string[];
  actual?: string;
  fix?: Fix;
  note?: string;
  /**
   * 1-based paragraph the report belongs to; defaults to the paragraph being checked. Reports made
   * from `end()` must give it.
   */
  paragraph?: number;
  /** Other places the finding is about (see Finding.related), in the files as the user has them. */
  related?: RelatedPlace[];
}

/** What a check sees of one source/translation pair of files. */
export interface CheckContext {
  glossary: Glossary;
  sourceFile: string;
  targetFile: string;
  /** The translation is Markdown (code and link targets blanked to spaces), by its name or as its reader says. */
  targetMarkdown: boolean;
  /** The whole source text, as decoded from the file (Markdown code blanked). */
  sourceText: string;
  /** The whole translation text, as decoded from the file. */
  targetText: string;
  /** This check's options, defaults applied. */
  options: CheckOptionValues;
  /** The translation's renderings over the whole document (acronym introductions are document-wide). */
  document: DocumentRenderingIndex;
  /**
   * Which series of translations this one belongs to: the translations one engine or translator
   * made of different articles (`reference.en.txt` of every corpus article, every `*.deepl.en.txt`).
   * Checks that compare across articles (consistency) compare within one series only.
   */
  series: string;
  /**
   * This check's state for the whole run: `create` makes it on first use, and every translation
   * checked with the same `CheckRun` gets the same object back. Keep it small (hashes, not texts).
   */
  runState<T>(create: () => T): T;
  /** Line and column of an offset into the source or the translation, in the file as the user has it. */
  position(offset: number, side: 'source' | 'target'): Position;
  report(descriptor: ReportDescriptor): void;
}

/** Handlers a check returns from `create`. */
export interface CheckHandlers {
  /** Called for each aligned paragraph pair, in order. */
  paragraph?(pair: ParagraphPair): void;
  /** Called once after the last paragraph (reports must say which `paragraph` they belong to). */
  end?(): void;
  /**
   * For a check that looks across paragraphs: what one pair contributes to the document-wide
   * outcome (lengths, hashes, acronyms…), a value that depends on nothing but the pair (its texts,
   * terms, renderings, number and where its source paragraph starts, line:column), the options, the glossary and
   * `documentKey`, and holds no offsets into the files, only offsets relative to the pair's starts
   * (text before the pair moves it). It must not report. The runner keeps these per pair
   * (`CheckMemo`) and, after an edit, asks only the changed pairs again.
   */
  contribute?(pair: ParagraphPair): unknown;
  /**
   * Turns the summaries of every pair, in paragraph order (`all[i]` is paragraph i + 1's), into
   * reports (which must say their `paragraph`), cheaply: linear in the summaries, reading no more
   * text than a few characters around a pair. `pairAt(n)` gives paragraph n's pair (offsets in
   * the files, renderings, terms). Also called by a check of the command line, without a memo.
   */
  contributed?(all: readonly unknown[], pairAt: (paragraph: number) => ParagraphPair): void;
}

/** A check module. */
export interface Check {
  meta: CheckMeta;
  create(context: CheckContext): CheckHandlers;
  /**
   * For a `paragraphScoped` check that also reads something of the whole document (the years an
   * article names): that something, as a short key. Reports kept for a pair are reused only while
   * the key is the same.
   */
  documentKey?(context: CheckContext): string;
}
