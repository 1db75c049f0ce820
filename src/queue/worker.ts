/**
 * A queue worker (`vitrans worker --queue redis://...`): takes batch jobs from the queues of the
 * engines it has keys for and translates each with the same code as a local run
 * (`translateParagraphs`: glossary enforcement, retries, echo and secret guards, the cache and its
 * claims), every request booked with the engine's shared rate limit. A 429 pauses the engine for
 * every worker (the shared limiter's pause and BullMQ's queue rate limit); an auth or quota error
 * stops the run for every worker; results are stored once per batch.
 */
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { EngineError } from '../core/errors.js';
import { withRetry } from '../engines/retry.js';
import type { Engine } from '../engines/types.js';
import { termPairs } from '../glossary/export.js';
import { matchersFor } from '../glossary/compiled.js';
import { parseGlossary } from '../glossary/load.js';
import type { Glossary } from '../glossary/types.js';
import type { TranslationCache } from '../store/types.js';
import { nativeGlossaryOnce, rememberingMatcher, translateParagraphs } from '../translate/orchestrator.js';
import { RUN_RETRY_POLICY } from '../translate/retry.js';
import type { RetryRunner, ViMatcher } from '../translate/types.js';
import type { TermPair } from '../engines/types.js';
import { limitedEngine, SharedRateLimiter, DEFAULT_RATE_LIMIT_PAUSE_MS } from './limiter.js';
import { batchId, BULL_PREFIX, COUNTERS, FAILURE_FIELD, queueName, runKeys, type BatchJob, type BatchResult, type RunFailure, type RunSpec } from './run.js';

/** What a worker reports, for its log (never a source text or a key). */
export type WorkerEvent =
  | { type: 'done'; job: string; paragraphs: number; cached: number }
  | { type: 'rate-limited'; engine: string; ms: number }
  | { type: 'retry'; job: string; reason: string; delayMs: number }
  | { type: 'run-stopped'; run: string; message: string }
  | { type: 'job-failed'; job: string; message: string; final: boolean }
  | { type: 'lock-lost'; job: string };

/** Options of `runWorker`. */
export interface QueueWorkerOptions {
  redis: Redis;
  /** The engines this worker translates with, configured from its own environment and config. */
  engines: Engine[];
  cache?: TranslationCache;
  /** Jobs in flight at once, per engine. */
  concurrency: number;
  /** How long a job's lock holds without renewal: a worker that died is noticed after about this long (default 30 s). */
  stallMs?: number;
  /** Claims on paragraphs in the cache (see `TranslateParagraphsOptions.lease`). */
  leaseMs?: number;
  /** Who this worker is (host and process), for claims, results and status. */
  owner?: string;
  /** Masks known secrets (the CLI's redactor). */
  redact: (text: string) => string;
  onEvent?: (event: WorkerEvent) => void;
  /** Aborting it stops taking jobs; jobs in flight are finished first. */
  signal: AbortSignal;
}

/**
 * Thrown before a request when this worker no longer holds its job's lock: the job was given to
 * another worker (this one was stopped or starved past the stall interval), which sends it itself.
 */
class LockLost extends Error {}

/** Thrown out of the retry runner so that a 429 is not retried here but handed to the queue. */
class RateLimitedRequest extends Error {
  constructor(readonly error: EngineError) {
    super(error.message);
  }
}

// KEYS: results hash, spec hash. ARGV: field, value, paragraphs, cached, billed, now.
// Stores a batch once: counters move only for the first copy (a job run twice counts once).
const STORE_SCRIPT = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('HINCRBY', KEYS[2], '${COUNTERS.done}', ARGV[3])
redis.call('HINCRBY', KEYS[2], '${COUNTERS.cached}', ARGV[4])
redis.call('HINCRBY', KEYS[2], '${COUNTERS.billed}', ARGV[5])
redis.call('HINCRBY', KEYS[2], '${COUNTERS.batches}', 1)
redis.call('HSETNX', KEYS[2], '${COUNTERS.firstAt}', ARGV[6])
redis.call('HSET', KEYS[2], '${COUNTERS.lastAt}', ARGV[6])
return 1`;

/** Everything a worker derives once per run: the glossary and its matchers. */
interface RunContext {
  spec: RunSpec;
  glossary?: Glossary;
  viMatcher?: ViMatcher;
  pairs: TermPair[];
  glossaryIds: Map<string, () => Promise<string | undefined>>;
}

/** Runs a worker until `signal` aborts; resolves once its jobs in flight are finished. */
export async function runWorker(opts: QueueWorkerOptions): Promise<void> {
  const { redis } = opts;
  const owner = opts.owner ?? `${hostname()}:${Math.random().toString(16).slice(2, 8)}`;
  const stallMs = opts.stallMs ?? 30_000;
  const engines = new Map(opts.engines.map((e) => [e.name, limitedEngine(e, new SharedRateLimiter(redis, e.name))]));
  const queues = new Map(opts.engines.map((e) => [e.name, new Queue(queueName(e.name), { connection: redis, prefix: BULL_PREFIX })]));
  const contexts = new Map<string, Promise<RunContext | undefined>>();
  const stoppedRuns = new Set<string>();

  const contextOf = (run: string): Promise<RunContext | undefined> => {
    let c = contexts.get(run);
    if (!c) {
      c = loadContext(redis, run);
      c.catch(() => contexts.delete(run));
      // A worker serves many runs over its life: keep the latest few.
      if (contexts.size >= 8) contexts.delete(contexts.keys().next().value!);
      contexts.set(run, c);
    }
    return c;
  };

  const recordFailure = async (run: string, failure: RunFailure): Promise<void> => {
    await redis.hsetnx(runKeys(run).spec, FAILURE_FIELD, JSON.stringify(failure));
    if (!stoppedRuns.has(run)) {
      stoppedRuns.add(run);
      opts.onEvent?.({ type: 'run-stopped', run, message: failure.message });
    }
  };

  const processJob = async (job: Job<BatchJob>, token?: string): Promise<{ stored: number }> => {
    const data = job.data;
    const id = batchId(data);
    const keys = runKeys(data.run);
    const context = await contextOf(data.run);
    if (!context) throw new UnrecoverableError(`run ${data.run} is not on this Redis any more`);
    const failure = await redis.hget(keys.spec, FAILURE_FIELD);
    if (failure) throw new UnrecoverableError(`run ${data.run} was stopped: ${(JSON.parse(failure) as RunFailure).message}`);
    // Stored already (the job ran to its end once, and its completion was lost): nothing to do.
    if ((await redis.hexists(keys.results, id)) === 1) return { stored: 0 };
    const engine = engines.get(data.engine);
    if (!engine) throw new UnrecoverableError(`this worker has no ${data.engine} engine`);
    const { spec } = context;
    // Every request first renews the job's lock: one that lapsed means the job is another
    // worker's now, and sending would pay for its batch twice. A request already on its way is
    // not cut short: its answer is paid for either way, and it still reaches this worker's cache.
    const holdsLock = async (): Promise<boolean> => token === undefined || (await job.extendLock(token, stallMs)) === 1;
    const retry: RetryRunner = (fn, hooks) =>
      withRetry(
        async () => {
          if (!(await holdsLock())) throw new LockLost();
          try {
            return await fn();
          } catch (err) {
            if (err instanceof EngineError && err.kind === 'rate-limit') throw new RateLimitedRequest(err);
            throw err;
          }
        },
        { ...RUN_RETRY_POLICY, signal: hooks.signal, onRetry: (e) => (hooks.onRetry(e.error, e.attempt, e.delayMs), opts.onEvent?.({ type: 'retry', job: id, reason: opts.redact(e.error.message), delayMs: e.delayMs })) },
      );
    try {
      const translations = await translateParagraphs({
        engine,
        paragraphs: data.texts,
        ...(data.markup ? { markup: data.markup.map((m) => m ?? undefined) } : {}),
        sourceLang: spec.sourceLang,
        targetLang: spec.targetLang,
        ...(context.glossary ? { glossary: context.glossary, termPairs: context.pairs, viMatcher: context.viMatcher } : {}),
        nativeGlossaryId: nativeGlossaryFor(context, engine),
        cache: opts.cache,
        lease: { owner: `${owner}:${id}`, ...(opts.leaseMs ? { ttlMs: opts.leaseMs } : {}) },
        concurrency: 1,
        retry,
        redact: opts.redact,
      });
      const cached = translations.filter((t) => t.cached).length;
      const billed = translations.reduce((n, t) => n + (t.cached ? 0 : (t.billedCharacters ?? 0)), 0);
      const result: BatchResult = { translations, worker: owner };
      await redis.eval(STORE_SCRIPT, 2, [keys.results, keys.spec, id, JSON.stringify(result), String(translations.length), String(cached), String(billed), String(Date.now())]);
      opts.onEvent?.({ type: 'done', job: id, paragraphs: translations.length, cached });
      return { stored: translations.length };
    } catch (err) {
      if (err instanceof LockLost) {
        // Nothing to store or report: the worker that holds the lock now finishes the job.
        opts.onEvent?.({ type: 'lock-lost', job: id });
        throw new LockLost(`batch ${id} was given to another worker`);
      }
      if (err instanceof RateLimitedRequest) {
        // Every worker stops taking this engine's jobs for the pause; this job goes back to wait.
        const ms = err.error.retryAfterMs ?? DEFAULT_RATE_LIMIT_PAUSE_MS;
        opts.onEvent?.({ type: 'rate-limited', engine: data.engine, ms });
        await queues.get(data.engine)!.rateLimit(ms);
        throw Worker.RateLimitError();
      }
      if (err instanceof EngineError && !err.retryable) {
        const message = opts.redact(err.message);
        await recordFailure(data.run, { message, ...(err.hint ? { hint: opts.redact(err.hint) } : {}), engine: err.engine, kind: err.kind, worker: owner });
        throw new UnrecoverableError(message);
      }
      throw err instanceof Error ? new Error(opts.redact(err.message)) : err;
    }
  };

  const workers = opts.engines.map((e) => {
    const worker = new Worker<BatchJob>(queueName(e.name), processJob, {
      connection: redis,
      prefix: BULL_PREFIX,
      concurrency: Math.max(1, opts.concurrency),
      lockDuration: stallMs,
      stalledInterval: stallMs,
      maxStalledCount: 5,
    });
    worker.on('failed', (job, err) => {
      if (!job || err.name === 'RateLimitError' || err instanceof LockLost) return;
      const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
      const message = opts.redact(err.message);
      if (!stoppedRuns.has(job.data.run)) opts.onEvent?.({ type: 'job-failed', job: batchId(job.data), message, final });
      // A batch that failed for good stops its run: the coordinator reports it and can resume.
      if (final && !(err instanceof UnrecoverableError)) {
        const engineError = err instanceof EngineError ? { engine: err.engine, kind: err.kind, retryable: err.retryable } : {};
        void recordFailure(job.data.run, { message, ...engineError, worker: owner }).catch(() => undefined);
      }
    });
    // Connection trouble is reported once by the connection itself.
    worker.on('error', () => undefined);
    return worker;
  });

  await new Promise<void>((resolve) => {
    if (opts.signal.aborted) resolve();
    else opts.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await Promise.allSettled(workers.map((w) => w.close()));
  await Promise.allSettled([...queues.values()].map((q) => q.close()));
}

async function loadContext(redis: Redis, run: string): Promise<RunContext | undefined> {
  const stored = await redis.hget(runKeys(run).spec, 'spec');
  if (!stored) return undefined;
  const spec = JSON.parse(stored) as RunSpec;
  if (!spec.glossary) return { spec, pairs: [], glossaryIds: new Map() };
  const glossary = parseGlossary(spec.glossary.text, spec.glossary.file);
  if (glossary.hash !== spec.glossary.hash) {
    throw new UnrecoverableError(`${spec.glossary.file} reads differently here than on the machine that started run ${run} (another vitrans version?)`);
  }
  return { spec, glossary, viMatcher: rememberingMatcher(matchersFor(glossary).vi), pairs: termPairs(glossary), glossaryIds: new Map() };
}

/** The engine-side glossary of a run, created at most once per worker, run and engine. */
function nativeGlossaryFor(context: RunContext, engine: Engine): (() => Promise<string | undefined>) | undefined {
  if (!context.glossary) return undefined;
  let once = context.glossaryIds.get(engine.name);
  if (!once) {
    once = nativeGlossaryOnce(engine, context.pairs, context.glossary.hash, context.spec);
    context.glossaryIds.set(engine.name, once);
  }
  return once;
}
