/**
 * Retrying engine requests: exponential backoff with jitter for retryable EngineErrors, honouring
 * Retry-After. The client libraries do not do this for us (deepl-node ignores Retry-After, Google
 * v3 never retries translateText), so every engine request goes through here, configured once.
 */
import { EngineError } from '../core/errors.js';

/** What `onRetry` is told before each wait. */
export interface RetryEvent {
  /** The attempt that failed, 1-based. */
  attempt: number;
  /** How long we wait before the next attempt. */
  delayMs: number;
  error: EngineError;
}

/** How to retry. Every field has a default; tests inject `sleep` and `random`. */
export interface RetryOptions {
  /** Attempts in all, including the first (default 4). */
  maxAttempts?: number;
  /** First backoff step (default 500 ms). */
  baseDelayMs?: number;
  /** No wait is longer than this, Retry-After included (default 30 s). */
  maxDelayMs?: number;
  /** Uniform random in [0, 1) (default Math.random). */
  random?: () => number;
  /** Waits `ms`, rejecting early when `signal` aborts (default: a timer). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Stops retrying (and waiting) at once when aborted. */
  signal?: AbortSignal;
  onRetry?: (event: RetryEvent) => void;
}

/**
 * A timer that resolves after `ms`, or rejects with the signal's reason when it aborts first.
 * @example await sleep(250, controller.signal)
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The error an aborted signal stands for (its reason, or a DOMException AbortError). */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted', 'AbortError');
}

/**
 * The wait before retry number `retry` (1-based), before Retry-After is applied: "full jitter",
 * random in [0, base·2^(retry-1)], the ceiling capped at `maxDelayMs`.
 * @example backoffDelay(3, { baseDelayMs: 100, maxDelayMs: 10_000, random: () => 0.5 }) === 200
 */
export function backoffDelay(retry: number, opts: { baseDelayMs: number; maxDelayMs: number; random: () => number }): number {
  const { baseDelayMs: base, maxDelayMs: cap, random } = opts;
  const ceiling = Math.min(cap, base * 2 ** (retry - 1));
  return Math.round(random() * ceiling);
}

/**
 * Runs `fn` until it succeeds, fails with a fatal error, runs out of attempts or is aborted.
 * Only EngineErrors with `retryable` are retried; a `retryAfterMs` is waited at least (capped at
 * `maxDelayMs`). Throws the last error, or the abort reason.
 * @example
 * const results = await withRetry(() => engine.translate(request), { signal, onRetry: (e) => log(e) });
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 4);
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const random = options.random ?? Math.random;
  const wait = options.sleep ?? sleep;
  const { signal } = options;

  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw abortReason(signal);
    try {
      return await fn(attempt);
    } catch (err) {
      if (signal?.aborted) throw abortReason(signal);
      if (!(err instanceof EngineError) || !err.retryable || attempt >= maxAttempts) throw err;
      let delayMs = backoffDelay(attempt, { baseDelayMs, maxDelayMs, random });
      if (err.retryAfterMs !== undefined) delayMs = Math.max(delayMs, Math.min(err.retryAfterMs, maxDelayMs));
      options.onRetry?.({ attempt, delayMs, error: err });
      await wait(delayMs, signal);
    }
  }
}
