/**
 * The transport shared by the fetch-based engines (LibreTranslate, OpenAI-compatible) and the
 * deadline guard for SDK calls: a per-request timeout, the caller's AbortSignal, and errors mapped
 * through errors.ts.
 */
import { abortReason } from './retry.js';
import { badResponseError, engineErrorFromHttp, networkError, timeoutError, type EngineErrorContext } from './errors.js';

/** Per-request timeout when the settings name none. */
const DEFAULT_TIMEOUT_MS = 30_000;

/** Reads `timeoutMs` from settings: a positive integer, else the default. */
export function timeoutSetting(value: string | undefined): number {
  const n = value === undefined ? NaN : Number(value);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_TIMEOUT_MS;
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
    throw networkError(ctx, err);
  }
  if (!response.ok) throw engineErrorFromHttp(ctx, { status: response.status, body: text, headers: response.headers });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badResponseError(ctx, `expected JSON, got ${JSON.stringify(text.slice(0, 80))}`);
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
