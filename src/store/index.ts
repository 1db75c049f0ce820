/** Where translations are kept between runs: the cache interface and key, and its stores. */
export * from './types.js';
export { MemoryTranslationCache } from './memory.js';
export { SqliteTranslationCache, openTranslationCache } from './sqlite.js';
