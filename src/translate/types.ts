/**
 * Types of the translation orchestrator: what it takes, what it reports, what it returns.
 */
import type { EngineError } from '../core/errors.js';
import type { InFlightRequests } from '../core/in-flight.js';
import type { Engine, TermPair } from '../engines/types.js';
import type { Glossary } from '../glossary/types.js';
import type { ViMatcher } from '../glossary/vi-matcher.js';
import type { ProtectedSpan } from '../core/types.js';
import type { TranslationCache } from '../store/types.js';

export type { TranslationWarning, GlossaryMode, ParagraphTranslation } from '../core/types.js';

/**
 * Runs `fn` with retries on retryable EngineErrors (src/engines/retry.ts `withRetry` fits behind
 * this). It must rethrow fatal errors at once and stop waiting when `signal` aborts.
 */
export type RetryRunner = <T>(
  fn: () => Promise<T>,
  hooks: { signal: AbortSignal; onRetry: (error: EngineError, attempt: number, delayMs: number) => void },
) => Promise<T>;

/** What the orchestrator reports while it works (feeds src/cli/progress.ts). */
export type TranslateProgress =
  | { type: 'start'; engine: string; total: number; cached: number }
  | { type: 'progress'; engine: string; total: number; done: number; cached: number }
  | { type: 'retry'; engine: string; attempt: number; delayMs: number; reason: string }
  /** The engine keeps no glossary for the language pair: terms are protected with placeholders instead. */
  | { type: 'glossary-fallback'; engine: string; reason: string }
  /** Only paragraphs another run on the same cache is translating are left: this run waits for them. */
  | { type: 'waiting'; engine: string; paragraphs: number };

/** Options of `translateParagraphs`. Everything from the outside world is passed in. */
export interface TranslateParagraphsOptions {
  engine: Engine;
  /** Paragraph texts; normalised to NFC before anything else. */
  paragraphs: readonly string[];
  sourceLang: string;
  targetLang: string;
  /** The loaded glossary; absent means no glossary enforcement (mode `off`). */
  glossary?: Glossary;
  /** Term pairs for native glossaries (src/glossary `termPairs`); defaults to each entry's vi and variants → en. */
  termPairs?: TermPair[];
  /** Needed for `prompt` and `none` engines; without it those get no term help. */
  viMatcher?: ViMatcher;
  /**
   * The engine-side glossary id for `native` engines, memoised once per run and engine
   * (see `nativeGlossaryOnce`); called only when something has to be sent.
   */
  nativeGlossaryId?: () => Promise<string | undefined>;
  /** Inline markup to protect, parallel to `paragraphs`, offsets into their NFC form (from formats/markdown/segments.ts). */
  markup?: readonly (readonly ProtectedSpan[] | undefined)[];
  cache?: TranslationCache;
  /**
   * Claims on paragraphs in flight in `cache`, so concurrent runs on one cache never pay for a
   * paragraph twice (see `TranslationCache.claim`). `owner` defaults to a random id, `ttlMs` to
   * `DEFAULT_LEASE_MS`, `pollMs` (how often a run waiting for another's paragraphs looks again) to
   * a quarter of it, at most 1 s. `false`: no claims.
   */
  lease?: { owner?: string; ttlMs?: number; pollMs?: number } | false;
  /** Requests in flight at most. */
  concurrency: number;
  retry?: RetryRunner;
  /**
   * Stops the run (the first Ctrl-C): no request is sent and no retry started after it. With a
   * `cache`, the requests already on their way are awaited (each within its engine's timeout) and
   * their answers cached, since the engine bills them either way; without one they are aborted.
   * The run then throws TranslationAbortedError.
   */
  signal?: AbortSignal;
  /** Counts this run's requests on their way (shared across runs: the CLI says how many a stop waits for). */
  inFlight?: InFlightRequests;
  onProgress?: (event: TranslateProgress) => void;
  /** Clock for cache timestamps (ms since the epoch); defaults to Date.now. */
  now?: () => number;
  /**
   * Masks known secrets in a text (the CLI's redactor). An answer that comes back holding one is
   * masked before it is kept anywhere, and its paragraph warns `secret-redacted`.
   */
  redact?: (text: string) => string;
}

export type { ViMatcher };
