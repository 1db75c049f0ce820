/**
 * One place that turns what an engine's server said (HTTP status, body, headers) or how the
 * connection failed into an `EngineError` with a kind, a message that says what to do, and no key.
 * Engine modules adapt their client library's errors into `HttpFailure`s and call in here.
 */
import { EngineError, KEPT_IN_CACHE, type EngineErrorKind, type PartialTranslation } from '../core/errors.js';
import { Redactor } from '../core/redact.js';
import { decodeEntities } from '../text/entities.js';

const NO_SECRETS = new Redactor([]);

/** Who failed, for messages: the registry name, a human label and the setting that holds the key. */
export interface EngineErrorContext {
  /** Registry name ('deepl'). */
  engine: string;
  /** Human name ('DeepL'). */
  label: string;
  /** Where the key comes from, for auth messages ('DEEPL_AUTH_KEY'). */
  keySource?: string;
  /** Secrets that must not appear in messages (the key, the URL with its key). */
  redactor?: Redactor;
  /** Clock for HTTP-date Retry-After values (ms since the epoch). */
  now?: () => number;
  /** The server's URL, for messages about reaching it (shown without credentials or query). */
  url?: string;
}

/** `s` with the context's secrets masked (unchanged when the context has no redactor). */
export function redactFor(ctx: EngineErrorContext, s: string): string {
  return ctx.redactor ? ctx.redactor.redact(s) : s;
}

/** Response headers in whichever shape a client library hands them over. */
export type HeaderSource =
  | { get(name: string): string | null | undefined }
  | Record<string, string | string[] | number | undefined>
  | undefined;

/** A non-2xx answer from an engine's server. */
export interface HttpFailure {
  status: number;
  /** Raw response body (JSON or text), if any. */
  body?: string;
  headers?: HeaderSource;
}

/**
 * Parses a Retry-After value: delta-seconds or an HTTP date. Returns milliseconds to wait, or
 * undefined when absent or unparseable.
 * @example parseRetryAfter('7', Date.now()) === 7000
 * @example parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:30 GMT')) === 30000
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const when = Date.parse(trimmed);
  if (Number.isNaN(when)) return undefined;
  return Math.max(0, when - nowMs);
}

/** Reads one header, case-insensitively, from any `HeaderSource`. */
export function headerValue(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(n: string): string | null | undefined }).get(name) ?? undefined;
  }
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers as Record<string, unknown>)) {
    if (k.toLowerCase() !== lower || v === undefined) continue;
    return Array.isArray(v) ? String(v[0]) : String(v);
  }
  return undefined;
}

/**
 * The human part of an error body: `error.message`, `message`, `detail` or `error` of a JSON body,
 * else the text itself; one line, at most 300 characters. Secrets are masked before the cut, so
 * no key is cut into a prefix the redactor would no longer recognise.
 */
export function errorDetail(body: string | undefined, redactor?: Redactor): string {
  if (!body || body.trim() === '') return '';
  let detail: string;
  try {
    const json: unknown = JSON.parse(body);
    // DeepL-style `{"message":""}` says nothing: no detail rather than the raw JSON.
    detail = pickMessage(json) ?? (saysNothing(json) ? '' : body);
  } catch {
    // Not JSON: keep the text, or an HTML page's title (a proxy's error page).
    detail = htmlPageTitle(body) ?? body;
  }
  detail = detail.replace(/\s+/g, ' ').trim();
  return (redactor ?? NO_SECRETS).cut(detail, 300);
}

/**
 * What an HTML error page says, from its `<title>` (else its first `<h1>`, else the words it starts
 * with), entities decoded: "502 Bad Gateway" for nginx's page, "example.org | 502: Bad gateway" for
 * Cloudflare's; never the page's markup, scripts or styles. Undefined when the body is no page.
 * @example htmlPageTitle('<html><head><title>502 Bad Gateway</title></head>…') === '502 Bad Gateway'
 */
export function htmlPageTitle(body: string): string | undefined {
  const head = body.slice(0, 4096);
  if (!/^\s*(?:<!--[^]*?-->\s*)?<(?:!doctype\s+html|html|head|body|title)\b/i.test(head)) return undefined;
  // Without a title or heading, the words of the page's start, its scripts and styles left out.
  const words = (): string => head.replace(/<(script|style)\b[^]*?(?:<\/\1\s*>|$)/gi, ' ').replace(/<[^>]*>?/g, ' ');
  const title = /<title\b[^>]*>([^<]*)<\/title>/i.exec(head)?.[1] ?? /<h1\b[^>]*>([^<]*)<\/h1>/i.exec(body.slice(0, 65_536))?.[1] ?? words();
  const text = decodeEntities(title.replace(/&nbsp;/gi, ' '), '\ufffd').replace(/\s+/g, ' ').trim();
  return text ? text : 'an HTML page without a title';
}

/** JSON with no text in it: null, empty strings, empty objects and arrays, nested. */
function saysNothing(json: unknown): boolean {
  if (json === null || json === '') return true;
  if (Array.isArray(json)) return json.every(saysNothing);
  if (typeof json === 'object') return Object.values(json as object).every(saysNothing);
  return typeof json === 'string' && json.trim() === '';
}

/** `s` with the context's secrets masked, then cut to `max` characters (see `Redactor.cut`). */
export function cutFor(ctx: EngineErrorContext, s: string, max: number): string {
  return (ctx.redactor ?? NO_SECRETS).cut(s, max);
}

function pickMessage(json: unknown): string | undefined {
  if (typeof json === 'string') return json;
  if (Array.isArray(json)) return pickMessage(json[0]);
  if (!json || typeof json !== 'object') return undefined;
  const o = json as Record<string, unknown>;
  for (const key of ['message', 'detail', 'error_description']) {
    if (typeof o[key] === 'string' && o[key]) return o[key] as string;
  }
  if (o.error !== undefined) return pickMessage(o.error);
  return undefined;
}

const LANGUAGE_REFUSAL = new RegExp(
  [
    String.raw`(language|lang\b|source_lang|target_lang|languagecode)[^.]*\b(not supported|unsupported|invalid|not available|is not a valid)`,
    String.raw`(not supported|unsupported|invalid)[^.]*\b(language|lang)`,
    // LibreTranslate: "vi is not supported"
    String.raw`^[a-z]{2,3}(-[a-z]{2,4})? is not supported`,
  ].join('|'),
  'i',
);
/** A 400 that is about the key (Google: "API key not valid", reason API_KEY_INVALID). */
const INVALID_KEY = /API_KEY_INVALID|API key not valid|invalid api key/i;
/** Words in an engine's message that say the glossary is the problem. */
export const GLOSSARY_PROBLEM = /glossar/i;
// A 429 that means the money or the daily allowance is gone (OpenAI insufficient_quota), as
// opposed to a per-minute quota (Google's RESOURCE_EXHAUSTED "... per minute"), which passes.
const QUOTA_EXHAUSTED = /insufficient_quota|billing|quota/i;
const PER_INTERVAL = /per (minute|second|\d+ seconds)|rate/i;

/**
 * Maps an HTTP failure to an EngineError: 401/403 auth, 456 quota, 429 rate-limit (with
 * `retryAfterMs` from Retry-After), 5xx server, 400 naming a language unsupported-language,
 * 4xx naming the glossary glossary, other 4xx bad-request.
 * @example engineErrorFromHttp({ engine: 'deepl', label: 'DeepL', keySource: 'DEEPL_AUTH_KEY' }, { status: 403 }).kind === 'auth'
 */
export function engineErrorFromHttp(ctx: EngineErrorContext, failure: HttpFailure): EngineError {
  const { status } = failure;
  const redact = (s: string): string => redactFor(ctx, s);
  const detail = errorDetail(failure.body, ctx.redactor);
  const said = detail ? `: ${detail}` : '';
  const make = (kind: EngineErrorKind, message: string, extra: { hint?: string; retryAfterMs?: number } = {}): EngineError =>
    new EngineError(ctx.engine, kind, redact(message), { status, ...extra, hint: extra.hint && redact(extra.hint) });

  // Google answers an invalid API key with 400 INVALID_ARGUMENT (reason API_KEY_INVALID).
  if (status === 401 || status === 403 || (status === 400 && INVALID_KEY.test(`${detail} ${failure.body ?? ''}`))) {
    const check = ctx.keySource ? `check ${ctx.keySource}` : 'check the API key';
    return make('auth', `${ctx.label} rejected the key (HTTP ${status})${said}`, { hint: check });
  }
  if (status === 456 || (status === 429 && QUOTA_EXHAUSTED.test(detail) && !PER_INTERVAL.test(detail))) {
    return make('quota', `${ctx.label} quota is used up (HTTP ${status})${said}`, {
      hint: 'wait for the next billing period or raise the limit in your account',
    });
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headerValue(failure.headers, 'retry-after'), (ctx.now ?? Date.now)());
    return make('rate-limit', `${ctx.label} is rate-limiting requests (HTTP 429)${said}`, {
      retryAfterMs,
      hint: 'lower --concurrency or try again later',
    });
  }
  if (status >= 500) {
    const retryAfterMs = parseRetryAfter(headerValue(failure.headers, 'retry-after'), (ctx.now ?? Date.now)());
    return make('server', `${ctx.label} server error (HTTP ${status})${said}`, {
      retryAfterMs,
      hint: `the server is failing on its side: try again later; ${KEPT_IN_CACHE.engineHint}`,
    });
  }
  if (status === 400 && LANGUAGE_REFUSAL.test(detail)) {
    return make('unsupported-language', `${ctx.label} does not support this language pair${said}`, {
      hint: 'check --source-lang and --target-lang',
    });
  }
  if (status >= 400 && status < 500 && GLOSSARY_PROBLEM.test(detail)) {
    return make('glossary', `${ctx.label} rejected the glossary (HTTP ${status})${said}`, {
      hint: 'check the glossary setting and that the glossary exists for this language pair',
    });
  }
  return make('bad-request', `${ctx.label} refused the request (HTTP ${status})${said}`);
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_NETWORK',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** Which transport failure an error describes, if any, looking through `cause` chains. */
export function transportFailure(err: unknown): 'network' | 'timeout' | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const o = e as { code?: unknown; name?: unknown; message?: unknown; type?: unknown };
    const code = typeof o.code === 'string' ? o.code : undefined;
    if (code && TIMEOUT_CODES.has(code)) return 'timeout';
    if (o.name === 'TimeoutError') return 'timeout';
    if (typeof o.message === 'string' && /\btime(d)? ?out\b|timeout of \d+ms/i.test(o.message)) return 'timeout';
    if (code && NETWORK_CODES.has(code)) return 'network';
    if (o.type === 'system') return 'network';
    if (o.name === 'TypeError' && typeof o.message === 'string' && /fetch failed|network|failed to fetch/i.test(o.message)) {
      return 'network';
    }
    if (typeof o.message === 'string' && /socket hang up|network error|request to .* failed|connection failure/i.test(o.message)) {
      return 'network';
    }
  }
  return undefined;
}

/** A timeout EngineError for a request that got no answer within `timeoutMs`. */
export function timeoutError(ctx: EngineErrorContext, timeoutMs: number, cause?: unknown): EngineError {
  return new EngineError(ctx.engine, 'timeout', `${ctx.label} did not answer within ${timeoutMs} ms`, {
    hint: 'raise timeout_ms in the config or try again later',
    cause,
  });
}

/**
 * A network EngineError (connection refused or reset, DNS failure) naming the URL tried (`url`, else
 * the context's, without credentials or query string) and the real cause, which fetch hides under
 * "fetch failed". A port that Node's fetch refuses outright ("bad port": 6000, 5060 and the rest of
 * the WHATWG blocked list) can never work: that one is not retried.
 * @example networkError(ctx, new TypeError('fetch failed', { cause: new Error('bad port') }), 'http://127.0.0.1:6000/translate').retryable === false
 */
export function networkError(ctx: EngineErrorContext, cause: unknown, url?: string): EngineError {
  const where = url ?? ctx.url;
  const at = where ? ` at ${safeUrl(where)}` : '';
  const root = rootCause(cause);
  const code = root?.code;
  const said = root?.message ?? (cause instanceof Error ? cause.message : '');
  const make = (message: string, hint: string, retryable?: boolean): EngineError =>
    new EngineError(ctx.engine, 'network', redactFor(ctx, message), { hint, cause, ...(retryable === undefined ? {} : { retryable }) });
  if (/^bad port$/i.test(said.trim())) {
    const port = where ? portOf(where) : undefined;
    return make(
      `cannot connect to ${ctx.label}${at}: Node's fetch refuses port ${port ?? 'of this URL'} ("bad port", a port reserved for another protocol)`,
      'run the server on another port, e.g. 5000 or 8080, and change the URL',
      false,
    );
  }
  if (code === 'ECONNREFUSED') {
    return make(`could not reach ${ctx.label}${at}: connection refused (${said})`, 'check that the server is running and that the URL and port are right');
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return make(`could not reach ${ctx.label}${at}: host not found (${said})`, 'check the host name in the server URL and the network connection');
  }
  return make(`could not reach ${ctx.label}${at}${said ? `: ${said}` : ''}`, 'check the network connection and the server URL');
}

/** The innermost error of a `cause` (or deepl-node's `error`) chain that says something. */
function rootCause(err: unknown): { message: string; code?: string } | undefined {
  let found: { message: string; code?: string } | undefined;
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 8; depth++) {
    const o = e as { message?: unknown; code?: unknown; cause?: unknown; error?: unknown };
    const message = typeof o.message === 'string' ? o.message : '';
    const code = typeof o.code === 'string' ? o.code : undefined;
    if (message && !/^fetch failed$/i.test(message)) found = { message, code: code ?? found?.code };
    else if (code && found) found.code ??= code;
    e = o.cause ?? o.error;
  }
  return found;
}

/** A URL as it may be shown: no user, password, query string or fragment. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    u.search = '';
    u.hash = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1').replace(/[?#][\s\S]*$/, '');
  }
}

function portOf(url: string): string | undefined {
  try {
    return new URL(url).port || undefined;
  } catch {
    return undefined;
  }
}

/**
 * A bad-response EngineError: the engine answered something we cannot use (retryable). `partial`
 * carries what did come back, parallel to the texts sent (see `EngineError.partial`).
 */
export function badResponseError(
  ctx: EngineErrorContext,
  what: string,
  opts: { partial?: readonly (PartialTranslation | undefined)[]; retryable?: boolean; cause?: unknown; hint?: string } = {},
): EngineError {
  return new EngineError(ctx.engine, 'bad-response', `${ctx.label} gave an unusable answer: ${redactFor(ctx, what)}`, opts);
}

/**
 * What came back in a successful answer a client could not read, in a few words for a message:
 * its content type, then an HTML page's title or the start of the text, secrets masked.
 * @example answerExcerpt(ctx, '<html><title>Đăng nhập Wi-Fi</title>…', 'text/html') === 'text/html: an HTML page, "Đăng nhập Wi-Fi"'
 */
export function answerExcerpt(ctx: EngineErrorContext, body: string | undefined, contentType: string | undefined): string {
  const type = contentType?.split(';')[0]?.trim() || 'no content type';
  if (!body || body.trim() === '') return `${type}, empty`;
  const title = htmlPageTitle(body);
  if (title !== undefined) return `${type}: an HTML page, ${JSON.stringify(cutFor(ctx, title, 80))}`;
  return `${type}: ${JSON.stringify(cutFor(ctx, body.replace(/\s+/g, ' ').trim(), 80))}`;
}

/** Whether an error is an abort caused by the caller's signal (never retried, never wrapped). */
export function isAbort(err: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted && (err === signal.reason || (err instanceof Error && err.name === 'AbortError'))) return true;
  return false;
}

/**
 * Last-resort adapter for errors of fetch and Google's clients (Gaxios, ApiError): status + body +
 * headers when the error carries a response, else network/timeout, else a fatal (not retried) bad-response.
 * EngineErrors and aborts of `signal` pass through unchanged.
 */
export function toEngineError(ctx: EngineErrorContext, err: unknown, opts: { timeoutMs?: number; signal?: AbortSignal } = {}): unknown {
  if (err instanceof EngineError || isAbort(err, opts.signal)) return err;
  const failure = httpFailureOf(err);
  if (failure) return engineErrorFromHttp(ctx, failure);
  const transport = transportFailure(err);
  if (transport === 'timeout') return timeoutError(ctx, opts.timeoutMs ?? 0, err);
  if (transport === 'network') return networkError(ctx, err);
  // Neither an answer nor a transport failure: most likely a bug (a TypeError in a client
  // library), which the same request would only hit again.
  const message = err instanceof Error ? err.message : String(err);
  return badResponseError(ctx, message, { retryable: false, cause: err });
}

/** Extracts status, body and headers from a Gaxios-style or ApiError-style error, if it has them. */
export function httpFailureOf(err: unknown): HttpFailure | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const e = err as { status?: unknown; code?: unknown; response?: { status?: unknown; statusCode?: unknown; headers?: HeaderSource; data?: unknown; body?: unknown }; message?: unknown };
  const status = [e.response?.status, e.response?.statusCode, e.status, e.code].find((v) => typeof v === 'number' && v >= 400 && v < 600) as number | undefined;
  if (status === undefined) return undefined;
  const data = e.response?.data ?? e.response?.body;
  // Gaxios in REST-fallback mode leaves a consumed stream in `data` and the body in `message`.
  const plain = data !== null && typeof data === 'object' && (Array.isArray(data) || Object.getPrototypeOf(data) === Object.prototype);
  const body = typeof data === 'string' ? data : plain ? JSON.stringify(data) : typeof e.message === 'string' ? e.message : undefined;
  return { status, body, headers: e.response?.headers };
}
