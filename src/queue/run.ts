/**
 * A queued run as Redis holds it: its spec (what every worker needs besides its own keys), one
 * BullMQ job per batch on the engine's queue, the batches' results, and counters for
 * `vitrans status`. Names of keys and queues live here, in one place.
 */
import { createHash } from 'node:crypto';
import type { EngineErrorKind } from '../core/errors.js';
import type { ParagraphTranslation, ProtectedSpan } from '../core/types.js';
import { REDIS_PREFIX } from '../store/redis.js';

/** BullMQ's key prefix for vitrans's queues. */
export const BULL_PREFIX = `${REDIS_PREFIX}bull`;

/** The queue of one engine's jobs (one queue per engine, so each has its own rate limit). */
export const queueName = (engine: string): string => `translate-${engine}`;

/** Redis keys of one run. */
export const runKeys = (run: string): { spec: string; results: string } => ({ spec: `${REDIS_PREFIX}run:${run}`, results: `${REDIS_PREFIX}run:${run}:results` });

/** Every run, by creation time, for `vitrans status` without a run id. */
export const RUNS_KEY = `${REDIS_PREFIX}runs`;

/** What a worker needs to know about a run: everything but the engine keys, which are its own. */
export interface RunSpec {
  id: string;
  /** ms since the epoch. */
  createdAt: number;
  sourceLang: string;
  targetLang: string;
  /** The glossary's text (as the coordinator read it), its name as shown, and its hash (cache keys depend on it). */
  glossary?: { file: string; text: string; hash: string };
  engines: string[];
  /** The inputs as shown, and their paragraphs. */
  files: { shown: string; paragraphs: number }[];
  /** Jobs in all, and the paragraphs they carry (the rest were cached or blank when the run started). */
  jobs: number;
  paragraphs: number;
  /** Paragraphs the cache served when the run was planned. */
  cachedAtStart: number;
  /** Paragraphs of the run in all, over every file and engine. */
  totalParagraphs: number;
  /** sha256 over the jobs' contents: `--resume` refuses inputs that would make other jobs. */
  fingerprint: string;
}

/** One batch: the paragraphs one request (or a few, for a long paragraph cut into parts) translates. */
export interface BatchJob {
  run: string;
  /** Index into `RunSpec.files`. */
  file: number;
  engine: string;
  /** The batch's number within its file and engine. */
  batch: number;
  /** The paragraphs' places in their file. */
  indices: number[];
  /** NFC sources. */
  texts: string[];
  /** Inline markup to protect, parallel to `texts` (absent: plain text). */
  markup?: (ProtectedSpan[] | null)[];
  /** UTF-16 units of the texts, for status and estimates. */
  characters: number;
}

/** The id of a batch's BullMQ job and its field in the results hash: the same batch always gets the same id, so enqueueing it twice is a no-op. */
export function batchId(job: Pick<BatchJob, 'run' | 'file' | 'engine' | 'batch'>): string {
  return `${job.run}-${job.file}-${job.engine}-${job.batch}`;
}

/** What a worker stores for a batch. */
export interface BatchResult {
  translations: ParagraphTranslation[];
  /** The worker that translated it (host and process), for status. */
  worker: string;
}

/** The fingerprint of a run's batches (their ids and texts, in order). */
export function fingerprintOf(jobs: readonly BatchJob[]): string {
  const hash = createHash('sha256');
  for (const j of jobs) hash.update(JSON.stringify([j.file, j.engine, j.batch, j.indices, j.texts, j.markup ?? null])).update('\n');
  return hash.digest('hex');
}

/** Counter fields of the run's spec hash. */
export const COUNTERS = {
  /** Paragraphs whose batch is stored. */
  done: 'done',
  /** Of those, served by the cache on the worker (another run or machine had translated them). */
  cached: 'cached',
  /** Characters the engines reported billing. */
  billed: 'billed',
  /** Batches stored. */
  batches: 'batches',
  /** ms since the epoch of the first and the latest batch stored. */
  firstAt: 'firstAt',
  lastAt: 'lastAt',
} as const;

/** The field holding the message that stopped a run for every worker (an auth or quota error). */
export const FAILURE_FIELD = 'failure';

/** What stopped a run, as stored under `FAILURE_FIELD` (secrets already masked by the worker). */
export interface RunFailure {
  message: string;
  hint?: string;
  /** Set for an engine's error: the coordinator raises it as that engine's error. */
  engine?: string;
  kind?: EngineErrorKind;
  retryable?: boolean;
  /** The worker that met it. */
  worker?: string;
}
