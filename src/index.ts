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
export { discoverCorpus } from './text/corpus.js';
export type { CorpusArticle } from './text/corpus.js';
export { readVietnameseQuantities, readEnglishQuantities, findDebris, describeReading } from './text/numbers/index.js';
export type { Quantity, QuantityKind, QuantityReading, DateValue, Debris, DebrisKind } from './text/numbers/index.js';

export * from './glossary/index.js';

export { allChecks, checksById, createCheckTools, prepareSource, checkTranslation, summarizeTerms } from './checks/index.js';
export type { Check, CheckMeta, CheckContext, CheckTools, TranslationCheck, TermRenderingSummary } from './checks/index.js';

export type * from './engines/types.js';
export { ENGINES, engineNames, getEngine, createEngine } from './engines/registry.js';
export { withRetry } from './engines/retry.js';

export { translateParagraphs, planTranslation, TranslationAbortedError } from './translate/orchestrator.js';
export { openTranslationCache, MemoryTranslationCache } from './store/index.js';
export { estimateRun, DEFAULT_PRICES_USD_PER_MILLION } from './translate/estimate.js';
export { buildBilingual, readBilingual, BILINGUAL_VERSION } from './formats/bilingual.js';
export type { BilingualDocument } from './formats/bilingual.js';

export { compareTranslations } from './compare/compare.js';
export type { Comparison, CompareInput, DiffOp } from './compare/types.js';
export { wordDiff, charDiff } from './compare/diff.js';
export { corpusBleu, corpusChrf, sentenceBleu, sentenceChrf } from './compare/metrics.js';

export {
  formatCheckText,
  formatCheckMarkdown,
  formatCheckJson,
  formatCompareText,
  formatCompareMarkdown,
  formatCompareJson,
  formatCompareHtml,
} from './report/index.js';
export type { CheckReport, TermSummary } from './report/index.js';
