/** An in-memory translation cache. */
import type { CachedJudgment, CachedTranslation, ExportableTranslation, JudgmentCache, LeaseOutcome, LeaseRequest, TranslationCache } from './types.js';

/** An in-memory cache, for tests, benchmarks and library callers that keep nothing; its claims hold within one process. */
export class MemoryTranslationCache implements TranslationCache, JudgmentCache {
  readonly entries = new Map<string, CachedTranslation>();
  /** Judge answers by key. */
  readonly judgments = new Map<string, CachedJudgment>();
  /** Claims by key: owner and expiry (ms since the epoch). */
  readonly leases = new Map<string, { owner: string; expiresAt: number }>();
  get(key: string): CachedTranslation | undefined {
    return this.entries.get(key);
  }
  async getMany(keys: readonly string[]): Promise<Map<string, CachedTranslation>> {
    const found = new Map<string, CachedTranslation>();
    for (const key of keys) {
      const value = this.entries.get(key);
      if (value) found.set(key, value);
    }
    return found;
  }
  async putMany(entries: readonly { key: string; value: CachedTranslation }[]): Promise<void> {
    for (const e of entries) {
      this.entries.set(e.key, e.value);
      this.leases.delete(e.key);
    }
  }
  async claim(keys: readonly string[], lease: LeaseRequest): Promise<LeaseOutcome> {
    const now = lease.now ?? Date.now();
    const outcome: LeaseOutcome = { claimed: [], done: new Map(), busy: [] };
    for (const key of keys) {
      const value = this.entries.get(key);
      const held = this.leases.get(key);
      if (value) outcome.done.set(key, value);
      else if (held && held.owner !== lease.owner && held.expiresAt > now) outcome.busy.push({ key, ...held });
      else {
        this.leases.set(key, { owner: lease.owner, expiresAt: now + lease.ttlMs });
        outcome.claimed.push(key);
      }
    }
    return outcome;
  }
  async renew(keys: readonly string[], lease: LeaseRequest): Promise<string[]> {
    const expiresAt = (lease.now ?? Date.now()) + lease.ttlMs;
    return keys.filter((key) => {
      const held = this.leases.get(key);
      if (held?.owner !== lease.owner) return false;
      held.expiresAt = expiresAt;
      return true;
    });
  }
  async release(keys: readonly string[], owner: string): Promise<void> {
    for (const key of keys) if (this.leases.get(key)?.owner === owner) this.leases.delete(key);
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
  getJudgment(key: string): CachedJudgment | undefined {
    return this.judgments.get(key);
  }
  putJudgments(entries: readonly { key: string; value: CachedJudgment }[]): void {
    for (const e of entries) this.judgments.set(e.key, e.value);
  }
  close(): void {}
}
