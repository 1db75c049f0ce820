/**
 * Adapts src/engines/retry.ts `withRetry` to the orchestrator's RetryRunner, so one retry policy
 * (attempts, backoff, Retry-After) serves every request of a run.
 */
import { withRetry, type RetryOptions } from '../engines/retry.js';
import type { RetryRunner } from './types.js';

/** The retry policy of a run's requests (translations, judgments): five attempts, backoff from 0.5 s up to a minute. */
export const RUN_RETRY_POLICY = Object.freeze({ maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 60_000 });

/**
 * A RetryRunner over `withRetry` with the given policy; the orchestrator supplies signal and onRetry.
 * @example retryRunner({ maxAttempts: 4, baseDelayMs: 500 })
 */
export function retryRunner(policy: Omit<RetryOptions, 'signal' | 'onRetry'> = {}): RetryRunner {
  return (fn, hooks) =>
    withRetry(() => fn(), {
      ...policy,
      signal: hooks.signal,
      onRetry: (e) => hooks.onRetry(e.error, e.attempt, e.delayMs),
    });
}
