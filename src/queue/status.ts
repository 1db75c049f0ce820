/**
 * The progress of queued runs across all workers, from Redis (`vitrans status --queue ...`):
 * paragraphs done, cached, in flight and failed, characters billed, and an ETA from the pace so far.
 */
import type { Redis } from 'ioredis';
import { Queue } from 'bullmq';
import { BULL_PREFIX, COUNTERS, FAILURE_FIELD, queueName, RUNS_KEY, runKeys, type BatchJob, type RunFailure, type RunSpec } from './run.js';

/** One run's progress. */
export interface RunStatus {
  id: string;
  createdAt: number;
  files: number;
  engines: string[];
  /** Paragraphs to translate (blank ones aside), over every file and engine. */
  paragraphs: number;
  /** Translated or served by the cache, stored. */
  done: number;
  /** Of `done`, served by a cache (when the run was planned, or on a worker). */
  cached: number;
  /** In batches a worker holds right now. */
  inFlight: number;
  /** In batches that failed for good. */
  failed: number;
  /** Characters the engines reported billing. */
  billed: number;
  /** Milliseconds left at the pace so far; undefined before the first batch or after the last. */
  etaMs?: number;
  /** What stopped the run, if anything did. */
  failure?: RunFailure;
  finished: boolean;
}

/** The status of run `id`, or undefined when Redis does not know it. */
export async function runStatus(redis: Redis, id: string, now: number = Date.now()): Promise<RunStatus | undefined> {
  const hash = await redis.hgetall(runKeys(id).spec);
  if (!hash.spec) return undefined;
  const spec = JSON.parse(hash.spec) as RunSpec;
  const n = (field: string): number => Number(hash[field] ?? 0) || 0;
  let inFlight = 0;
  let failed = 0;
  for (const engine of spec.engines) {
    const queue = new Queue<BatchJob>(queueName(engine), { connection: redis, prefix: BULL_PREFIX });
    try {
      for (const job of await queue.getJobs(['active'])) if (job?.data.run === id) inFlight += job.data.indices.length;
      for (const job of await queue.getJobs(['failed'])) if (job?.data.run === id) failed += job.data.indices.length;
    } finally {
      await queue.close();
    }
  }
  const paragraphs = spec.paragraphs + spec.cachedAtStart;
  const done = spec.cachedAtStart + n(COUNTERS.done);
  const finished = n(COUNTERS.batches) >= spec.jobs;
  const firstAt = n(COUNTERS.firstAt);
  const sent = n(COUNTERS.done);
  // The pace since the first batch came back (the time before it was spent starting up).
  const etaMs = !finished && sent > 0 && firstAt > 0 && now > firstAt ? Math.round(((spec.paragraphs - sent) * (now - firstAt)) / sent) : undefined;
  return {
    id,
    createdAt: spec.createdAt,
    files: spec.files.length,
    engines: spec.engines,
    paragraphs,
    done,
    cached: spec.cachedAtStart + n(COUNTERS.cached),
    inFlight,
    failed,
    billed: n(COUNTERS.billed),
    ...(etaMs !== undefined ? { etaMs } : {}),
    ...(hash[FAILURE_FIELD] ? { failure: JSON.parse(hash[FAILURE_FIELD]) as RunFailure } : {}),
    finished,
  };
}

/** The latest `limit` runs Redis knows, newest first. */
export async function recentRuns(redis: Redis, limit = 20, now: number = Date.now()): Promise<RunStatus[]> {
  const ids = await redis.zrevrange(RUNS_KEY, 0, limit - 1);
  const out: RunStatus[] = [];
  for (const id of ids) {
    const s = await runStatus(redis, id, now);
    if (s) out.push(s);
  }
  return out;
}

/**
 * One run as lines of text (pure, for `vitrans status`).
 * @example formatRunStatus(status) // "run 20261202-150102-a1b2c3: 1,240 of 2,000 paragraphs done (310 cached), 40 in flight, 0 failed; 98,512 characters billed; ETA 1m 12s"
 */
export function formatRunStatus(s: RunStatus): string {
  const num = (x: number): string => x.toLocaleString('en-US');
  const state = s.failure ? `stopped: ${s.failure.message}` : s.finished ? 'finished' : s.etaMs !== undefined ? `ETA ${duration(s.etaMs)}` : 'waiting for workers';
  return `run ${s.id}: ${num(s.done)} of ${num(s.paragraphs)} paragraphs done (${num(s.cached)} cached), ${num(s.inFlight)} in flight, ${num(s.failed)} failed; ${num(s.billed)} characters billed; ${state}`;
}

function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}
