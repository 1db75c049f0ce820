/** An in-memory translation cache. */
import type { CachedTranslation, ExportableTranslation, TranslationCache } from './types.js';

/** An in-memory cache, for tests, benchmarks and library callers that keep nothing. */
export class MemoryTranslationCache implements TranslationCache {
  readonly entries = new Map<string, CachedTranslation>();
  get(key: string): CachedTranslation | undefined {
    return this.entries.get(key);
  }
  putMany(entries: readonly { key: string; value: CachedTranslation }[]): void {
    for (const e of entries) this.entries.set(e.key, e.value);
  }
  exportable(): { entries: Iterable<ExportableTranslation>; withoutOrigin: number } {
    const values = [...this.entries.values()];
    const seen = new Set<string>();
    const entries = values
      .filter((v) => v.origin)
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((v): ExportableTranslation => ({ ...v.origin!, target: v.target, createdAt: v.createdAt, warnings: v.warnings }))
      .filter((e) => {
        const key = JSON.stringify([e.engine, e.model, e.sourceLang, e.targetLang, e.source, e.target]);
        return !seen.has(key) && seen.add(key);
      });
    return { entries, withoutOrigin: values.filter((v) => !v.origin).length };
  }
  close(): void {}
}

