/**
 * The error hierarchy. Problems in content are Findings; these are for conditions that stop a
 * run. One place (the CLI) turns them into a single line and an exit code.
 */

/** Where a user error was found, pointing into the user's own file. */
export interface ErrorLocation {
  file: string;
  line?: number;
  column?: number;
  /** Byte offset, for encoding errors where line:col is meaningless. */
  byteOffset?: number;
}

/** Base of every error vitrans throws on purpose. */
export class VitransError extends Error {
  /** Stable machine-readable code, e.g. `E_GLOSSARY`. */
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/**
 * Something the user can fix: a bad file, a bad glossary, a missing key, an unknown engine.
 * Shown as one line (what, where, how to fix) with exit code 2, no stack trace.
 */
export class UserError extends VitransError {
  readonly location?: ErrorLocation;
  /** How to fix it, as an imperative sentence. */
  readonly hint?: string;
  constructor(code: string, message: string, opts: { location?: ErrorLocation; hint?: string; cause?: unknown } = {}) {
    super(code, message, { cause: opts.cause });
    this.location = opts.location;
    this.hint = opts.hint;
  }
}

/** Command-line usage problems (unknown option value, wrong argument count). */
export class UsageError extends UserError {
  constructor(message: string, opts: { hint?: string } = {}) {
    super('E_USAGE', message, opts);
  }
}

/** An input file that cannot be read as Vietnamese or English text. */
export class InputError extends UserError {
  constructor(message: string, opts: { location?: ErrorLocation; hint?: string; cause?: unknown } = {}) {
    super('E_INPUT', message, opts);
  }
}

/** A malformed, invalid or self-contradicting glossary. */
export class GlossaryError extends UserError {
  constructor(message: string, opts: { location?: ErrorLocation; hint?: string; cause?: unknown } = {}) {
    super('E_GLOSSARY', message, opts);
  }
}

/** Source and translation paragraphs do not line up. */
export class AlignmentError extends UserError {
  constructor(message: string, opts: { location?: ErrorLocation; hint?: string } = {}) {
    super('E_ALIGNMENT', message, opts);
  }
}

/** Missing or invalid configuration: no API key, unknown engine, bad config file. */
export class ConfigError extends UserError {
  /** The engine setting refused (`url`, `timeoutMs`: an `EngineSettings` key), so the CLI can say where it was set. */
  readonly setting?: string;
  constructor(message: string, opts: { location?: ErrorLocation; hint?: string; cause?: unknown; setting?: string } = {}) {
    super('E_CONFIG', message, opts);
    this.setting = opts.setting;
  }
}

/** What went wrong talking to an engine, for retry decisions and messages. */
export type EngineErrorKind =
  | 'auth' // 401/403: fatal
  | 'quota' // DeepL 456, Google quota exhausted: fatal
  | 'rate-limit' // 429: retry, honouring Retry-After
  | 'server' // 5xx: retry
  | 'network' // connection refused/reset, DNS: retry
  | 'timeout' // no answer within the per-request timeout: retry
  | 'unsupported-language' // fatal
  | 'glossary' // the engine rejected the glossary: fatal
  | 'glossary-unsupported' // the engine translates the pair but keeps no glossary for it: placeholders instead
  | 'bad-request' // other 4xx: fatal
  | 'bad-response'; // the engine answered something we cannot use (malformed JSON, missing paragraphs): retry

const RETRYABLE: ReadonlySet<EngineErrorKind> = new Set(['rate-limit', 'server', 'network', 'timeout', 'bad-response']);

/** One text an engine did translate, as carried by a partial `bad-response` (see `EngineError.partial`). */
export interface PartialTranslation {
  text: string;
  billedCharacters?: number;
}

/**
 * A failure from a translation engine. `retryable` says whether the same request may succeed
 * later (by kind, unless the thrower says otherwise); `retryAfterMs` carries the server's
 * Retry-After when it sent one.
 * Fatal engine errors are user errors too (exit 2): the user must fix a key, a quota, a glossary.
 * Retryable ones that persist after every retry exit 4 (the engine is unavailable or unreliable).
 */
export class EngineError extends UserError {
  readonly engine: string;
  readonly kind: EngineErrorKind;
  readonly status?: number;
  readonly retryAfterMs?: number;
  /**
   * Only on `bad-response`, when part of a batch came back usable: parallel to the texts sent,
   * the translation of each text that came back and `undefined` for each that did not. The caller
   * keeps the translated ones and sends only the missing ones again.
   */
  readonly partial?: readonly (PartialTranslation | undefined)[];
  private readonly retryableOverride?: boolean;
  constructor(
    engine: string,
    kind: EngineErrorKind,
    message: string,
    opts: {
      status?: number;
      retryAfterMs?: number;
      hint?: string;
      cause?: unknown;
      partial?: readonly (PartialTranslation | undefined)[];
      /** Overrides the kind's default (e.g. a bug in a client library is a fatal `bad-response`). */
      retryable?: boolean;
    } = {},
  ) {
    super(`E_ENGINE_${kind.toUpperCase().replace(/-/g, '_')}`, message, { hint: opts.hint, cause: opts.cause });
    this.engine = engine;
    this.kind = kind;
    this.status = opts.status;
    this.retryAfterMs = opts.retryAfterMs;
    this.partial = opts.partial;
    this.retryableOverride = opts.retryable;
  }
  get retryable(): boolean {
    return this.retryableOverride ?? RETRYABLE.has(this.kind);
  }
}

/** A run stopped because it would exceed the user's budget (`--max-chars`). */
export class BudgetError extends UserError {
  constructor(message: string, opts: { hint?: string } = {}) {
    super('E_BUDGET', message, opts);
  }
}

/** What a failed or stopped run says it kept, with a cache: finished work is not paid for again. */
export const KEPT_IN_CACHE = {
  engineHint: 'finished paragraphs are cached, so a rerun sends only the rest',
  translation: 'finished paragraphs are kept in the cache',
  judging: 'the judgments that came back are kept in the cache',
} as const;

/** What a run without a cache (`--no-cache`) says instead: nothing is kept, a rerun pays again. */
const NOTHING_KEPT = 'nothing was kept (--no-cache), so a rerun sends everything again';

/**
 * `err` saying what a run without a cache keeps (nothing) where it says finished work is cached:
 * the engines and the orchestrator say so without knowing whether the run has a cache.
 * @example withoutCacheClaims(new TranslationAbortedError()).message === 'translation interrupted; nothing was kept (--no-cache), so a rerun sends everything again'
 */
export function withoutCacheClaims(err: unknown): unknown {
  if (!(err instanceof VitransError)) return err;
  const reword = (text: string): string => Object.values(KEPT_IN_CACHE).reduce((t, claim) => t.split(claim).join(NOTHING_KEPT), text);
  err.message = reword(err.message);
  if (err instanceof UserError && err.hint !== undefined) Object.defineProperty(err, 'hint', { value: reword(err.hint) });
  return err;
}
