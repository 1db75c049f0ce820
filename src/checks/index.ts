/** The checker: check modules, their registry, the runner and the corpus summary. */
export * from './types.js';
export { allChecks, checksById } from './registry.js';
export { createCheckTools, prepareSource, checkTranslation, createCheckRun, translationSeries, CheckMemo, withReaderSeverities, READER_SEVERITY_RULES } from './runner.js';
export { fixesToApply } from './fixes.js';
export { resolveCheckOptions } from './options.js';
export type { CheckRun, CheckSettings, CheckTools, PreparedSource, TextDocument, TranslationDocument, TermOutcome, TranslationCheck } from './runner.js';
export { summarizeTerms, MISSING_RENDERING } from './summary.js';
export type { TermRenderingSummary, RenderingCount } from './summary.js';
export { findInlineSuppressions, applyInlineSuppressions, INVALID_SUPPRESSION, UNUSED_SUPPRESSION, SUPPRESSION_RULES } from './inline-suppressions.js';
export type { InlineSuppression } from './inline-suppressions.js';
export { applySuppressionRules, READER_RULES } from './suppressions.js';
export type { SuppressionRule, SuppressionScope, FileMatcher } from './suppressions.js';
export { applyBaseline, baselineEntries, formatBaseline, parseBaseline, BASELINE_VERSION } from './baseline.js';
export type { Baseline, BaselineEntry, BaselineScope } from './baseline.js';
export { checkXliff } from './bilingual-files.js';
export { checkArticle, encodingFindings } from './article.js';
export type { ArticleCheck, ArticleReuse } from './article.js';
