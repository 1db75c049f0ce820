/**
 * The transport shared by the fetch-based engines (LibreTranslate, OpenAI-compatible) and the
 * deadline guard for SDK calls: a per-request timeout, the caller's AbortSignal, and errors mapped
 * through errors.ts.
 */
import { ConfigError } from '../core/errors.js';
import { abortReason } from './retry.js';
import { badResponseError, cutFor, engineErrorFromHttp, networkError, timeoutError, type EngineErrorContext } from './errors.js';

/** Per-request timeout when the settings name none. */
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Reads `timeoutMs` (`timeout_ms` in the config) from settings: a positive whole number of
 * milliseconds, or the default when unset.
 * @throws ConfigError naming `<engine>.timeout_ms` for anything else ("abc", "0", "1.5", "-3").
 * @example timeoutSetting('15000', 'libretranslate') === 15000
 */
export function timeoutSetting(value: string | undefined, engine: string): number {
  if (value === undefined || value.trim() === '') return DEFAULT_TIMEOUT_MS;
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n <= 0) {
    throw new ConfigError(`${engine}.timeout_ms must be a positive whole number of milliseconds, got ${JSON.stringify(value)}`, {
      hint: `set ${engine}.timeout_ms to milliseconds, e.g. 60000, or leave it out for the default ${DEFAULT_TIMEOUT_MS}`,
      setting: 'timeoutMs',
    });
  }
  return n;
}

/** Test seams for the fetch-based engines (LibreTranslate, OpenAI-compatible). */
export interface HttpEngineDeps {
  /** Injected fetch (default: global fetch). */
  fetch?: typeof fetch;
}

/** How `postJson` sends. */
export interface PostJsonOptions {
  headers?: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Injected fetch (default: global fetch). */
  fetch?: typeof fetch;
}

/**
 * POSTs `body` as JSON and returns the parsed JSON answer.
 * @throws EngineError (HTTP status mapped, network, timeout, bad-response); the caller's abort reason when `signal` aborts.
 * @example const answer = await postJson(ctx, 'http://localhost:5000/translate', { q: ['Xin chào'] }, { timeoutMs: 30_000 })
 */
export async function postJson(ctx: EngineErrorContext, url: string, body: unknown, opts: PostJsonOptions): Promise<unknown> {
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  const doFetch = opts.fetch ?? fetch;
  let response: Response;
  let text: string;
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...opts.headers },
      body: JSON.stringify(body),
      signal,
    });
    text = await response.text();
  } catch (err) {
    if (opts.signal?.aborted) throw abortReason(opts.signal);
    if (timeout.aborted) throw timeoutError(ctx, opts.timeoutMs, err);
    throw networkError(ctx, err, url);
  }
  if (!response.ok) throw engineErrorFromHttp(ctx, { status: response.status, body: text, headers: response.headers });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badResponseError(ctx, `expected JSON, got ${JSON.stringify(cutFor(ctx, text, 80))}`);
  }
}

/**
 * Waits for an SDK call that takes no AbortSignal, giving up with a timeout EngineError after
 * `timeoutMs` or with the abort reason when `signal` aborts. The call itself may run on.
 */
export async function withDeadline<T>(ctx: EngineErrorContext, call: Promise<T>, timeoutMs: number, signal?: AbortSignal): Promise<T> {
  if (signal?.aborted) {
    call.catch(() => undefined);
    throw abortReason(signal);
  }
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const guard = new Promise<never>((_, reject) => {
    // A little later than the client's own timeout, so the client's error (with detail) wins the race.
    timer = setTimeout(() => reject(timeoutError(ctx, timeoutMs)), timeoutMs + 250);
    onAbort = () => reject(abortReason(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([call, guard]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    call.catch(() => undefined);
  }
}
