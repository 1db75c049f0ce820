/**
 * Report formatters: pure functions from check results or comparisons to a string.
 * A new format is one module plus one line in a table below.
 */
import type { Comparison } from '../compare/types.js';
import { checkCompactPieces, formatCheckCompact } from './check-compact.js';
import { checkGithubPieces, formatCheckGithub } from './check-github.js';
import { checkJsonPieces, formatCheckJson } from './check-json.js';
import { formatCheckMarkdown } from './check-markdown.js';
import { checkSarifPieces, formatCheckSarif } from './check-sarif.js';
import { checkTextPieces, formatCheckText } from './check-text.js';
import { formatCompareHtml } from './compare-html.js';
import { formatCompareJson } from './compare-json.js';
import { formatCompareMarkdown } from './compare-markdown.js';
import { formatCompareText } from './compare-text.js';
import type { CheckReport, CompareTextOptions, TerminalOptions } from './types.js';
import type { CheckFormat, CompareFormat } from './formats.js';

export type * from './types.js';
export { formatCheckText, formatCheckCompact, formatCheckGithub, formatCheckMarkdown, formatCheckJson, formatCheckSarif, formatCompareText, formatCompareMarkdown, formatCompareJson, formatCompareHtml };
export { CHECK_JSON_VERSION } from './check-json.js';
export { HTML_CSP } from './compare-html.js';
export { diffMarkdown } from './compare-markdown.js';
export { escapeHtml, escapeMarkdown } from './escape.js';

export { CHECK_FORMATS, COMPARE_FORMATS } from './formats.js';
export type { CheckFormat, CompareFormat } from './formats.js';

/**
 * Check reports by format name, in pieces (a finding or a line each, never one cut in two), as
 * `vitrans check` writes them: a report of a million findings is never one string. Terminal
 * options are ignored by the file formats.
 */
export const checkReporters: Readonly<Record<CheckFormat, (report: CheckReport, opts: TerminalOptions & { version: string }) => Iterable<string>>> = {
  text: checkTextPieces,
  compact: (report) => checkCompactPieces(report),
  github: (report) => checkGithubPieces(report),
  // Markdown keeps within a pull-request comment's 65,536 characters: one piece.
  markdown: (report) => [formatCheckMarkdown(report)],
  json: (report) => checkJsonPieces(report),
  sarif: (report, opts) => checkSarifPieces(report, { version: opts.version }),
};

/** Check formatters by format name, each report one string; terminal options are ignored by the file formats. */
export const checkFormatters: Readonly<Record<CheckFormat, (report: CheckReport, opts: TerminalOptions & { version: string }) => string>> = {
  text: formatCheckText,
  compact: (report) => formatCheckCompact(report),
  github: (report) => formatCheckGithub(report),
  markdown: (report) => formatCheckMarkdown(report),
  json: (report) => formatCheckJson(report),
  sarif: (report, opts) => formatCheckSarif(report, { version: opts.version }),
};

/**
 * Comparison formatters by format name; terminal options are ignored by the file formats.
 * @example compareFormatters.html(comparison, { color: false })
 */
export const compareFormatters: Readonly<Record<CompareFormat, (c: Comparison, opts: CompareTextOptions) => string>> = {
  text: formatCompareText,
  markdown: (c, opts) => formatCompareMarkdown(c, opts.top !== undefined ? { top: opts.top } : {}),
  json: (c) => formatCompareJson(c),
  html: (c) => formatCompareHtml(c),
};
