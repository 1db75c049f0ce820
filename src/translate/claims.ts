/**
 * One run's claims on paragraphs in a shared translation cache (see `TranslationCache.claim`):
 * taken a batch at a time, renewed while the run lives, dropped as results are stored, and given
 * up when the run ends, so other runs never wait for a run that is gone.
 */
import type { LeaseOutcome, TranslationCache } from '../store/types.js';

/** Who claims, and for how long a claim holds without renewal. */
export interface ClaimOptions {
  owner: string;
  ttlMs: number;
  /** Clock, ms since the epoch. */
  now: () => number;
}

/** Keeps a run's claims alive: renews every third of the lease time what it holds. */
export class ClaimKeeper {
  private readonly held = new Set<string>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly cache: TranslationCache,
    private readonly opts: ClaimOptions,
  ) {
    this.heartbeat = setInterval(() => {
      if (this.held.size === 0) return;
      // A renewal that fails (a busy file) is tried again at the next beat, well before expiry.
      this.cache.renew([...this.held], this.request()).catch(() => undefined);
    }, Math.max(50, Math.floor(opts.ttlMs / 3)));
    this.heartbeat.unref();
  }

  /** Claims `keys`; the claimed ones are held (and renewed) from now on. */
  async claim(keys: readonly string[]): Promise<LeaseOutcome> {
    const outcome = await this.cache.claim(keys, this.request());
    for (const key of outcome.claimed) this.held.add(key);
    return outcome;
  }

  /** The keys' results are in the cache (which ended their claims): nothing more to renew. */
  stored(keys: Iterable<string>): void {
    for (const key of keys) this.held.delete(key);
  }

  /** Stops renewing and gives up what is still held (a failed or interrupted run). */
  async end(): Promise<void> {
    clearInterval(this.heartbeat);
    if (this.held.size > 0) await this.cache.release([...this.held], this.opts.owner).catch(() => undefined);
    this.held.clear();
  }

  private request(): { owner: string; ttlMs: number; now: number } {
    return { owner: this.opts.owner, ttlMs: this.opts.ttlMs, now: this.opts.now() };
  }
}
