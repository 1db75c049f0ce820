/**
 * The coordinator of a queued run (`vitrans translate --queue redis://...`): cuts the planned
 * paragraphs into batches within each engine's limits, puts one BullMQ job per batch on the
 * engine's queue, and hands back each file's results, in paragraph order, as a local run would
 * (cached and blank paragraphs filled in from the plan). Enqueueing is idempotent (a batch's job
 * id is fixed), so resuming a run, or enqueueing it again after Redis lost its data, adds only
 * what is missing.
 */
import type { Redis } from 'ioredis';
import { Queue } from 'bullmq';
import { EngineError, UserError } from '../core/errors.js';
import type { ParagraphTranslation, ProtectedSpan } from '../core/types.js';
import { sleep } from '../engines/retry.js';
import type { Engine } from '../engines/types.js';
import { fromCached, TranslationAbortedError, type TranslationPlan } from '../translate/orchestrator.js';
import type { TranslateProgress } from '../translate/types.js';
import { SharedRateLimiter, type RateLimit } from './limiter.js';
import { batchId, BULL_PREFIX, FAILURE_FIELD, fingerprintOf, queueName, RUNS_KEY, runKeys, type BatchJob, type BatchResult, type RunFailure, type RunSpec } from './run.js';

/** What a coordinator needs: the run as a local one plans it, and where the queue is. */
export interface QueuedRunOptions {
  redis: Redis;
  /** Resume this run instead of starting one (its inputs must make the same batches). */
  resume?: string;
  /** A new run's id (default: random). */
  id?: string;
  sourceLang: string;
  targetLang: string;
  glossary?: RunSpec['glossary'];
  files: { shown: string; markup?: readonly (readonly ProtectedSpan[] | undefined)[] }[];
  engines: Engine[];
  /** One plan per file and engine: `plans[file][engine]`, in `engines` order. */
  plans: TranslationPlan[][];
  /** Each engine's shared limit (absent: none). */
  limits: ReadonlyMap<string, RateLimit>;
  /** Paragraphs per batch at most, below the engine's own limit (smaller batches spread better over workers). */
  batchParagraphs?: number;
  /** How often results are looked for (default 200 ms). */
  pollMs?: number;
  signal?: AbortSignal;
  onProgress?: (event: TranslateProgress) => void;
  /** One-line notes (a run enqueued again). */
  onNote?: (line: string) => void;
  now?: () => number;
}

/** A run on the queue, whose results can be waited for. */
export interface QueuedRun {
  id: string;
  spec: RunSpec;
  /** Jobs added now (fewer than `spec.jobs` on a resume). */
  enqueued: number;
  /** The file's translations by `engine`, once every batch of them is stored. */
  translations(file: number, engine: string): Promise<ParagraphTranslation[]>;
  close(): Promise<void>;
}

/** Job options: a few attempts for failures a retry may cure (the engine's own retries come first), results kept in the run's hash, not in BullMQ. */
const JOB_OPTIONS = { attempts: 3, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3600 } } as const;

/** Jobs added per round trip. */
const ADD_SLICE = 500;

/** A run id: time-ordered and short enough to type. */
export function newRunId(now: number, random: () => number = Math.random): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '').replace('T', '-');
  return `${stamp}-${Math.floor(random() * 0xffffff).toString(16).padStart(6, '0')}`;
}

/**
 * Cuts one file's planned paragraphs for one engine into batches: consecutive paragraphs not
 * cached and not blank, at most `maxTexts` (and `batchParagraphs`) texts and `maxChars` characters
 * of what is sent; a paragraph longer than that goes alone (the worker cuts it into parts).
 */
export function cutBatches(plan: TranslationPlan, engine: Pick<Engine, 'capabilities'>, opts: { batchParagraphs?: number }): { indices: number[]; characters: number }[] {
  const maxTexts = Math.max(1, Math.min(engine.capabilities.maxTexts, opts.batchParagraphs ?? Infinity));
  const { maxChars } = engine.capabilities;
  const batches: { indices: number[]; characters: number }[] = [];
  let current: { indices: number[]; characters: number } = { indices: [], characters: 0 };
  for (const p of plan.paragraphs) {
    if (p.blank || p.cached) continue;
    const size = p.prepare().masked.text.length;
    p.release();
    if (current.indices.length > 0 && (current.indices.length >= maxTexts || current.characters + size > maxChars)) {
      batches.push(current);
      current = { indices: [], characters: 0 };
    }
    current.indices.push(p.index);
    current.characters += size;
  }
  if (current.indices.length > 0) batches.push(current);
  return batches;
}

/** Puts a run on the queue (or finds it again, for `resume`), and returns how to wait for it. */
export async function startQueuedRun(opts: QueuedRunOptions): Promise<QueuedRun> {
  const { redis } = opts;
  const now = opts.now ?? Date.now;
  const id = opts.resume ?? opts.id ?? newRunId(now());
  const jobs: BatchJob[] = [];
  let cachedAtStart = 0;
  let totalParagraphs = 0;
  opts.files.forEach((file, f) => {
    opts.engines.forEach((engine, e) => {
      const plan = opts.plans[f]![e]!;
      totalParagraphs += plan.paragraphs.length;
      for (const p of plan.paragraphs) if (p.cached) cachedAtStart++;
      cutBatches(plan, engine, opts).forEach((b, batch) => {
        const markup = file.markup ? b.indices.map((i) => (file.markup![i]?.length ? [...file.markup![i]!] : null)) : undefined;
        jobs.push({
          run: id,
          file: f,
          engine: engine.name,
          batch,
          indices: b.indices,
          texts: b.indices.map((i) => plan.paragraphs[i]!.source),
          ...(markup && markup.some((m) => m !== null) ? { markup } : {}),
          characters: b.characters,
        });
      });
    });
  });
  const fingerprint = fingerprintOf(jobs);
  const keys = runKeys(id);
  let spec: RunSpec;
  if (opts.resume) {
    const stored = await redis.hget(keys.spec, 'spec');
    if (!stored) {
      throw new UserError('E_QUEUE_RUN', `no run ${id} on this Redis (finished runs are kept until their results are collected; a Redis restarted without persistence forgets them)`, {
        hint: 'check the run id with `vitrans status --queue URL`, or start the run again without --resume',
      });
    }
    spec = JSON.parse(stored) as RunSpec;
    if (spec.fingerprint !== fingerprint) {
      throw new UserError('E_QUEUE_RUN', `run ${id} was started for other inputs or settings: these files would make other batches`, {
        hint: 'resume it with the same files, engines, glossary and languages it was started with',
      });
    }
    // Whatever stopped it (an expired key, an exhausted quota) is the user's to have fixed: try again.
    await redis.hdel(keys.spec, FAILURE_FIELD);
  } else {
    spec = {
      id,
      createdAt: now(),
      sourceLang: opts.sourceLang,
      targetLang: opts.targetLang,
      ...(opts.glossary ? { glossary: opts.glossary } : {}),
      engines: opts.engines.map((e) => e.name),
      files: opts.files.map((file, f) => ({ shown: file.shown, paragraphs: opts.plans[f]![0]?.paragraphs.length ?? 0 })),
      jobs: jobs.length,
      paragraphs: jobs.reduce((n, j) => n + j.indices.length, 0),
      cachedAtStart,
      totalParagraphs,
      fingerprint,
    };
  }

  const queues = new Map(opts.engines.map((e) => [e.name, new Queue<BatchJob>(queueName(e.name), { connection: redis, prefix: BULL_PREFIX })]));
  const enqueue = async (resume: boolean): Promise<number> => {
    await redis.multi().hsetnx(keys.spec, 'spec', JSON.stringify(spec)).zadd(RUNS_KEY, 'NX', spec.createdAt, id).exec();
    for (const engine of opts.engines) {
      const limit = opts.limits.get(engine.name);
      const queue = queues.get(engine.name)!;
      await new SharedRateLimiter(redis, engine.name).setLimit(limit);
      // BullMQ paces the jobs workers take; the shared limiter then books each request.
      if (limit?.requests) await queue.setGlobalRateLimit(limit.requests, limit.intervalMs);
      else await queue.removeGlobalRateLimit();
    }
    let missing = jobs;
    if (resume) {
      const stored = await storedFields(redis, keys.results, jobs.map(batchId));
      missing = jobs.filter((j) => !stored.has(batchId(j)));
      // A batch that failed for good keeps its job (and id): it is removed, so that adding it again runs it.
      for (const j of missing) {
        const old = await queues.get(j.engine)!.getJob(batchId(j));
        if (old && (await old.isFailed())) await old.remove();
      }
    }
    for (let from = 0; from < missing.length; from += ADD_SLICE) {
      const slice = missing.slice(from, from + ADD_SLICE);
      for (const engine of opts.engines) {
        const mine = slice.filter((j) => j.engine === engine.name);
        if (mine.length > 0) await queues.get(engine.name)!.addBulk(mine.map((j) => ({ name: 'batch', data: j, opts: { ...JOB_OPTIONS, jobId: batchId(j) } })));
      }
    }
    return missing.length;
  };
  const enqueued = await enqueue(Boolean(opts.resume));

  const pollMs = opts.pollMs ?? 200;
  const byFile = new Map<string, BatchJob[]>();
  for (const j of jobs) {
    const k = `${j.file}\u0000${j.engine}`;
    const list = byFile.get(k);
    if (list) list.push(j);
    else byFile.set(k, [j]);
  }

  /** Fails with the message that stopped the run, as the engine's own error (same message and exit code as a local run). */
  const checkFailure = async (): Promise<void> => {
    const failure = await redis.hget(keys.spec, FAILURE_FIELD);
    if (!failure) return;
    const f = JSON.parse(failure) as RunFailure;
    if (f.engine && f.kind) throw new EngineError(f.engine, f.kind, f.message, { ...(f.hint ? { hint: f.hint } : {}), retryable: Boolean(f.retryable) });
    // Not an engine's answer: a fault in a worker, reported as a bug with the worker's message.
    throw new Error(`a worker failed on run ${id}: ${f.message}`);
  };

  let reenqueued = false;
  return {
    id,
    spec,
    enqueued,
    async translations(file: number, engineName: string): Promise<ParagraphTranslation[]> {
      const e = opts.engines.findIndex((x) => x.name === engineName);
      const engine = opts.engines[e]!;
      const plan = opts.plans[file]![e]!;
      const batches = byFile.get(`${file}\u0000${engineName}`) ?? [];
      const results: (ParagraphTranslation | undefined)[] = plan.paragraphs.map((p) => {
        if (p.cached) return fromCached(engine, p, p.cached);
        if (p.blank) return { source: p.source, target: p.source, engine: engine.name, model: engine.model, cached: false, warnings: [] };
        return undefined;
      });
      const total = plan.paragraphs.length;
      let done = results.filter(Boolean).length;
      let cached = plan.paragraphs.filter((p) => p.cached).length;
      opts.onProgress?.({ type: 'start', engine: engine.name, total, cached });
      const waiting = new Map(batches.map((b) => [batchId(b), b]));
      for (;;) {
        if (opts.signal?.aborted) throw new TranslationAbortedError();
        const ids = [...waiting.keys()];
        for (let from = 0; from < ids.length; from += ADD_SLICE) {
          const slice = ids.slice(from, from + ADD_SLICE);
          const values = await redis.hmget(keys.results, ...slice);
          values.forEach((value, i) => {
            if (value === null) return;
            const batch = waiting.get(slice[i]!)!;
            const stored = JSON.parse(value) as BatchResult;
            batch.indices.forEach((index, k) => {
              const t = stored.translations[k]!;
              results[index] = t;
              done++;
              if (t.cached) cached++;
            });
            waiting.delete(slice[i]!);
          });
        }
        opts.onProgress?.({ type: 'progress', engine: engine.name, total, done, cached });
        if (waiting.size === 0) return results as ParagraphTranslation[];
        await checkFailure();
        // Redis came back without the run (restarted without persistence): enqueue it again;
        // paragraphs a worker's cache kept are not sent again. The run's spec field is what tells:
        // a worker that finished a job across the restart recreates the hash with its counters only.
        if ((await redis.hexists(keys.spec, 'spec')) === 0) {
          if (!reenqueued) opts.onNote?.(`Redis no longer holds run ${id} (restarted without persistence?): enqueueing its unfinished batches again`);
          reenqueued = true;
          await enqueue(true);
        }
        try {
          await sleep(pollMs, opts.signal);
        } catch {
          throw new TranslationAbortedError();
        }
      }
    },
    async close() {
      await Promise.allSettled([...queues.values()].map((q) => q.close()));
    },
  };
}

/** Which of `fields` the hash holds. */
async function storedFields(redis: Redis, key: string, fields: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let from = 0; from < fields.length; from += ADD_SLICE) {
    const slice = fields.slice(from, from + ADD_SLICE);
    const values = await redis.hmget(key, ...slice);
    values.forEach((v, i) => v !== null && found.add(slice[i]!));
  }
  return found;
}

