/**
 * vitrans as a library: the same pieces the CLI uses, without `process`.
 *
 * @example
 * import { loadGlossary, createCheckTools, prepareSource, checkTranslation, formatCheckText } from 'vitrans';
 * const tools = createCheckTools(await loadGlossary('glossary.yaml'));
 * const source = prepareSource({ file: 'a.vi.txt', text: vi }, tools);
 * const { findings } = checkTranslation(source, { file: 'a.en.txt', text: en }, tools);
 *
 * Importing this module loads no engine SDK and no native module: engines are created through
 * `createEngine`, which imports the engine's SDK then, and the SQLite cache loads its binding
 * when opened.
 */
export type * from './core/types.js';
export * from './core/errors.js';
export { Redactor } from './core/redact.js';

export { readTextFile, decodeText, TEXT_ENCODINGS } from './text/read.js';
export type { TextFile, TextWarning, TextEncoding, ReadTextOptions } from './text/read.js';
export { splitParagraphs } from './text/paragraphs.js';
export { LineIndex } from './text/positions.js';
export { foldForMatching, canonicalToneMarks } from './text/vietnamese.js';
export { discoverCorpus, scanCorpus } from './text/corpus.js';
export type { CorpusArticle, CorpusScan } from './text/corpus.js';
export { encodingFor, readOptionsFor, validateEncodingChoice } from './text/encodings.js';
export type { EncodingChoice, EncodingPattern, FileRole } from './text/encodings.js';
export { cleanText, removeLines, withoutLines, readCleanPatterns, BUILTIN_CLEAN_RULES } from './formats/clean.js';
export type { CleanOptions, CleanResult, CleanRule, RemovedLine } from './formats/clean.js';
export { loadArticle, sourceView, STDIN_PATH } from './formats/articles.js';
export type { ArticleReadOptions, ArticleTranslation, LoadedArticle, SourceView, StdinInput } from './formats/articles.js';
export { readVietnameseQuantities, readEnglishQuantities, findDebris, describeReading } from './text/numbers/index.js';
export type { Quantity, QuantityKind, QuantityReading, DateValue, Debris, DebrisKind } from './text/numbers/index.js';

export * from './glossary/index.js';

export { allChecks, checksById, createCheckTools, prepareSource, checkTranslation, summarizeTerms } from './checks/index.js';
export { createCheckRun, translationSeries, fixesToApply } from './checks/index.js';
export type { Check, CheckMeta, CheckContext, CheckTools, CheckSettings, TranslationCheck, TermRenderingSummary } from './checks/index.js';
export { findInlineSuppressions, applySuppressionRules, applyBaseline, baselineEntries, formatBaseline, parseBaseline } from './checks/index.js';
export type { SuppressionRule, Baseline, BaselineEntry } from './checks/index.js';

export { loadConfig, parseConfig, DEFAULT_CONFIG_FILE } from './config/load.js';
export type { VitransConfig } from './config/load.js';
export { checkSettingsOf, effectiveConfig, runSettings } from './config/effective.js';
export type { ConfigRow, ValueOrigin } from './config/effective.js';
export type { CheckConfig, FailOn } from './config/sections.js';
export type { CheckRun, CheckHandlers, ReportDescriptor, TranslationDocument } from './checks/index.js';

export type * from './engines/types.js';
export { ENGINES, engineNames, getEngine, createEngine } from './engines/registry.js';
export { withRetry } from './engines/retry.js';

export { translateParagraphs, planTranslation, TranslationAbortedError } from './translate/orchestrator.js';
export { openTranslationCache, MemoryTranslationCache } from './store/index.js';
export type { TranslationCache, CachedTranslation, LeaseRequest, LeaseOutcome } from './store/types.js';
export { DEFAULT_LEASE_MS } from './translate/orchestrator.js';
export { estimateRun, DEFAULT_PRICES_USD_PER_MILLION } from './translate/estimate.js';
export { outputPlaces, prepareTranslationSource } from './translate/inputs.js';
export type { OutputPlace, TranslationSource } from './translate/inputs.js';
export { buildBilingual, readBilingual, BILINGUAL_VERSION } from './formats/bilingual.js';
export type { BilingualDocument } from './formats/bilingual.js';
export { readTmx, readTmxFile, tmxPairs, tmxCheckSets, writeTmx, runUnits, cacheUnits } from './formats/tmx.js';
export type { TmxDocument, TmxUnit, TmxVariant, TmxPairs, TmxCheckSet, TmxUnitToWrite } from './formats/tmx.js';
export { decodeXml } from './formats/xml.js';
export { readGlossaryFile, importedGlossaryYaml, exportGlossaryAs, readTbx, writeTbx, readDelimited, readTmxGlossary } from './glossary/interchange/index.js';
export type { GlossaryImport, EntryDraft, GlossaryImportFormat, GlossaryInterchangeFormat, MergePlan } from './glossary/interchange/index.js';

export { compareTranslations } from './compare/compare.js';
export type { Comparison, CompareInput, DiffOp } from './compare/types.js';
export { wordDiff, charDiff } from './compare/diff.js';
export { corpusBleu, corpusChrf, sentenceBleu, sentenceChrf } from './compare/metrics.js';
export { corpusTer, sentenceTer, terStats, TER_SIGNATURE } from './compare/ter.js';
export type { TerResult } from './compare/ter.js';
export { glossaryTermFinder } from './compare/terms.js';
export type { Analyses, MetricInfo, MetricId, TermFinder } from './compare/types.js';

export { judgeTranslations, planJudging, mergeGlossaryFindings, parseJudgeAnswer, locateQuote, MQM_PROMPT_VERSION, DEFAULT_MQM_WEIGHTS, JudgingAbortedError } from './judge/index.js';
export type { JudgeReport, JudgeOptions, JudgeRunOptions, JudgePlan, EngineMqm, MqmSpan, MqmCategory, MqmSeverity, MqmWeights, MqmNormalisation, ParagraphJudgment } from './judge/index.js';

export {
  formatCheckText,
  formatCheckCompact,
  formatCheckGithub,
  formatCheckMarkdown,
  formatCheckJson,
  formatCompareText,
  formatCompareMarkdown,
  formatCompareJson,
  formatCompareHtml,
} from './report/index.js';
export type { CheckReport, TermSummary } from './report/index.js';
