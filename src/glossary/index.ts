/** The glossary module: loading glossary.yaml, the Vietnamese and English matchers, fixes, exports, self-tests. */
export type * from './types.js';
export { loadGlossary, parseGlossary, MAX_GLOSSARY_NESTING } from './load.js';
export type { LoadGlossaryOptions } from './load.js';
export { matchersFor, compileGlossary, storeCompiledGlossary } from './compiled.js';
export type { GlossaryMatchers, CompiledGlossary } from './compiled.js';
export { createViMatcher } from './vi-matcher.js';
export type { ViMatcher } from './vi-matcher.js';
export { createEnMatcher, buildIndex, approvedRenderings } from './en-matcher.js';
export type { EnMatcher, DocumentRenderingIndex } from './en-matcher.js';
export { pluralForms, pluralWord, preferredPlural, headIndex, isAcronym } from './inflect.js';
export { planFixes, applyFixes } from './fix.js';
export { exportGlossary, termPairs } from './export.js';
export type { GlossaryExportFormat, GlossaryExportOptions } from './export.js';
export { runGlossarySelfTests } from './selftest.js';
export type { SelfTestResult } from './selftest.js';
