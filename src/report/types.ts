/**
 * What the report formatters take. Check reports are built by the checker (`vitrans check`);
 * comparison reports render `Comparison` from src/compare/types.ts.
 */
import type { Finding } from '../core/types.js';

/**
 * One source file and the translations of it that were checked.
 * @example { source: 'corpus/a/source.vi.txt', translations: ['corpus/a/deepl.en.txt', 'corpus/a/google.en.txt'] }
 */
export interface CheckedFile {
  source: string;
  translations: string[];
}

/**
 * One English rendering of a glossary term seen in the corpus, and how often.
 * @example { text: 'flight phase interceptor', count: 2, approved: false }
 */
export interface TermRendering {
  /** The rendering as written (first spelling seen). */
  text: string;
  count: number;
  /** Whether the glossary approves it (canonical, accepted, a form or the acronym). */
  approved: boolean;
  /** A short second mention of a full rendering ("the ministry"): not another way of rendering the term. */
  secondMention?: true;
}

/**
 * How one glossary term was rendered across the whole corpus.
 * `occurrences` counts the term in the sources (summed over every translation checked);
 * the renderings' counts need not add up to it (a term can be left out).
 * @example { termId: 'glide-phase-interceptor', vi: 'Thiết bị đánh chặn pha bay', en: 'Glide Phase Interceptor',
 *   occurrences: 4, renderings: [{ text: 'Glide Phase Interceptor', count: 3, approved: true },
 *   { text: 'flight phase interceptor', count: 1, approved: false }] }
 */
export interface TermSummary {
  termId: string;
  vi: string;
  en: string;
  occurrences: number;
  /** Most frequent first. */
  renderings: TermRendering[];
}

/**
 * The result of `vitrans check`: what was checked, what was found, and the corpus-wide term summary.
 * Every formatter in src/report/ renders exactly this.
 */
export interface CheckReport {
  files: CheckedFile[];
  findings: Finding[];
  summary: TermSummary[];
  /** The checks that ran, for formats that list them (SARIF rules). */
  rules?: { id: string; description: string }[];
  /** The baseline the findings were compared with, as shown to the user (SARIF `baselineState`). */
  baseline?: string;
}

/** Options of the terminal formatters. The CLI decides `color` (TTY, NO_COLOR, --color/--no-color). */
export interface TerminalOptions {
  color: boolean;
  /** Terminal width in columns; long lines wrap to it. Absent: the check report wraps nothing (output piped to a file or a program); the comparison report lays out at 100. */
  width?: number;
}

/** Options of the comparison terminal formatter. */
export interface CompareTextOptions extends TerminalOptions {
  /** How many of the most-disagreeing paragraphs to show with diffs. Default 3. */
  top?: number;
}
