import { describe, it, expect, vi } from 'vitest';
import { EngineError } from '../../src/core/errors.js';
import { backoffDelay, sleep, withRetry, type RetryEvent } from '../../src/engines/retry.js';

/** A sleep that records and returns at once. */
function fakeSleep(): { waits: number[]; sleep: (ms: number) => Promise<void> } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

/** Fails with the given errors in turn, then returns `value`. */
function flaky<T>(errors: unknown[], value: T): { fn: (attempt: number) => Promise<T>; attempts: number[] } {
  const attempts: number[] = [];
  return {
    attempts,
    fn: async (attempt) => {
      attempts.push(attempt);
      const e = errors[attempts.length - 1];
      if (e) throw e;
      return value;
    },
  };
}

const server503 = (): EngineError => new EngineError('deepl', 'server', 'DeepL server error (HTTP 503)', { status: 503 });

describe('backoffDelay', () => {
  it('full jitter draws from [0, base·2^(n-1)] capped at maxDelayMs', () => {
    const opts = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(1, { ...opts, random: () => 0.999 })).toBe(100);
    expect(backoffDelay(3, { ...opts, random: () => 0.5 })).toBe(200);
    expect(backoffDelay(10, { ...opts, random: () => 0.5 })).toBe(500);
    expect(backoffDelay(4, { ...opts, random: () => 0 })).toBe(0);
  });
});

describe('withRetry', () => {
  it('retries retryable errors with exponential waits until success', async () => {
    const { waits, sleep: s } = fakeSleep();
    const { fn, attempts } = flaky([server503(), server503()], ['Hà Nội']);
    const events: RetryEvent[] = [];
    const result = await withRetry(fn, { baseDelayMs: 100, random: () => 0.5, sleep: s, onRetry: (e) => events.push(e) });
    expect(result).toEqual(['Hà Nội']);
    expect(attempts).toEqual([1, 2, 3]);
    expect(waits).toEqual([50, 100]);
    expect(events.map((e) => [e.attempt, e.delayMs, e.error.kind])).toEqual([
      [1, 50, 'server'],
      [2, 100, 'server'],
    ]);
  });

  it('waits at least Retry-After, capped at maxDelayMs', async () => {
    const { waits, sleep: s } = fakeSleep();
    const limited = (ms: number): EngineError => new EngineError('google', 'rate-limit', 'slow down', { status: 429, retryAfterMs: ms });
    const { fn } = flaky([limited(7000), limited(120_000)], 'ok');
    await withRetry(fn, { baseDelayMs: 100, maxDelayMs: 30_000, random: () => 0.5, sleep: s });
    expect(waits).toEqual([7000, 30_000]);
  });

  it('stops at once on a fatal error', async () => {
    const { waits, sleep: s } = fakeSleep();
    const fatal = new EngineError('deepl', 'auth', 'DeepL rejected the key (HTTP 403)', { status: 403 });
    const { fn, attempts } = flaky([fatal], 'never');
    await expect(withRetry(fn, { sleep: s })).rejects.toBe(fatal);
    expect(attempts).toEqual([1]);
    expect(waits).toEqual([]);
  });

  it('does not retry errors that are not EngineErrors (bugs)', async () => {
    const { sleep: s } = fakeSleep();
    const { fn, attempts } = flaky([new TypeError('x is undefined')], 'never');
    await expect(withRetry(fn, { sleep: s })).rejects.toThrow(TypeError);
    expect(attempts).toEqual([1]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const { waits, sleep: s } = fakeSleep();
    const last = server503();
    const { fn, attempts } = flaky([server503(), server503(), last], 'never');
    await expect(withRetry(fn, { maxAttempts: 3, sleep: s, random: () => 0 })).rejects.toBe(last);
    expect(attempts).toEqual([1, 2, 3]);
    expect(waits).toHaveLength(2);
  });

  it('stops waiting and never calls again once the signal aborts', async () => {
    const controller = new AbortController();
    const { fn, attempts } = flaky([server503(), server503()], 'never');
    const run = withRetry(fn, { baseDelayMs: 60_000, random: () => 1, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('Ctrl-C')), 10);
    await expect(run).rejects.toThrow('Ctrl-C');
    expect(attempts).toEqual([1]);
  });

  it('does not start when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { fn, attempts } = flaky([], 'never');
    await expect(withRetry(fn, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(attempts).toEqual([]);
  });
});

describe('sleep', () => {
  it('resolves after the delay and rejects early on abort', async () => {
    vi.useFakeTimers();
    try {
      let done = false;
      const waiting = sleep(20).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(19);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await waiting;
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
  });
});
