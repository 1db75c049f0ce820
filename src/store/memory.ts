/** An in-memory translation cache. */
import type { CachedTranslation, TranslationCache } from './types.js';

/** An in-memory cache, for tests, benchmarks and library callers that keep nothing. */
export class MemoryTranslationCache implements TranslationCache {
  readonly entries = new Map<string, CachedTranslation>();
  get(key: string): CachedTranslation | undefined {
    return this.entries.get(key);
  }
  putMany(entries: readonly { key: string; value: CachedTranslation }[]): void {
    for (const e of entries) this.entries.set(e.key, e.value);
  }
  close(): void {}
}

