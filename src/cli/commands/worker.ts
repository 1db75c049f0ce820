/**
 * `vitrans worker --queue redis://...`: takes the batches `vitrans translate --queue` put on Redis
 * and translates them with this machine's engine keys and config, until Ctrl-C (jobs in flight
 * are finished first). Logs one line per event that matters, never a source text or a key.
 */
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { ENGINES, getEngine } from '../../engines/registry.js';
import type { Engine } from '../../engines/types.js';
import { loadConfig, resolveEngineSettings, withSettingFlags } from '../../config/load.js';
import { DEFAULT_CACHE_PATH, openTranslationCache, type TranslationCache } from '../../store/index.js';
import { DEFAULT_LEASE_MS } from '../../translate/orchestrator.js';
import { shownPath } from '../format-error.js';
import type { CliIO } from '../io.js';
import { envMs, openRedis, queueAddressFor, redisCacheFor } from '../redis.js';
import { createEngine, DEFAULT_CONCURRENCY } from './translate.js';

/** Options of `vitrans worker`, as commander parses them. */
export interface WorkerOptions {
  /** Absent: the config's queue.url. */
  queue?: string;
  engine?: string;
  config?: string;
  set?: string[];
  concurrency?: string;
  cache?: string | false;
  verbose?: boolean;
  quiet?: boolean;
}

/** Runs a worker until interrupted; exit code 0 once its jobs in flight are done. */
export async function workerCommand(opts: WorkerOptions, io: CliIO): Promise<number> {
  const config = withSettingFlags(await loadConfig({ path: opts.config, cwd: io.cwd, env: io.env }), opts.set);
  io.registerSecrets(config.secrets);
  const address = queueAddressFor(opts.queue, config, io, true)!;
  const concurrency = opts.concurrency === undefined ? (config.concurrency ?? DEFAULT_CONCURRENCY) : Number(opts.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency must be a positive whole number, got "${opts.concurrency}"`);
  // The engines asked for, or every engine this machine has the keys and settings for.
  const names = opts.engine
    ? opts.engine.split(',').map((n) => n.trim().toLowerCase()).filter(Boolean)
    : [...ENGINES.keys()].filter((n) => getEngine(n).status(resolveEngineSettings(n, config, io.env)).configured);
  if (names.length === 0) throw new UsageError('no engine is configured on this machine, so this worker could take no batch', { hint: 'set an engine key (e.g. DEEPL_AUTH_KEY) or LIBRETRANSLATE_URL, or name engines with --engine' });
  const engines: Engine[] = [];
  for (const name of names) engines.push(await createEngine(getEngine(name).name, config, io, false));

  const cacheSetting = opts.cache === false ? undefined : (opts.cache ?? config.cache ?? DEFAULT_CACHE_PATH);
  const shared = await redisCacheFor(cacheSetting, io);
  let cache: TranslationCache | undefined = shared?.cache;
  if (!cache && cacheSetting) cache = openTranslationCache(resolve(io.cwd, cacheSetting));
  const cacheShown = shared ? shared.address.shown : cacheSetting ? shownPath(resolve(io.cwd, cacheSetting), io.cwd) : 'none';

  const redis = await openRedis(address, 'vitrans-worker', io);
  const { runWorker } = await import('../../queue/worker.js');
  const owner = `${hostname()}:${process.pid}`;
  if (!opts.quiet) io.stderr.write(`vitrans worker ${owner}: taking batches for ${names.join(', ')} from ${address.shown} (concurrency ${concurrency}, cache ${cacheShown}); Ctrl-C stops it after the batches in flight\n`);
  try {
    await runWorker({
      redis,
      engines,
      ...(cache ? { cache } : {}),
      concurrency,
      stallMs: envMs(io.env, 'VITRANS_QUEUE_STALL_MS', 30_000),
      leaseMs: envMs(io.env, 'VITRANS_CACHE_LEASE_MS', DEFAULT_LEASE_MS),
      owner,
      redact: io.redact,
      signal: io.signal,
      onEvent: (e) => {
        if (e.type === 'done') {
          if (opts.verbose) io.stderr.write(`vitrans worker: batch ${e.job}: ${e.paragraphs} paragraphs (${e.cached} cached)\n`);
        } else if (e.type === 'rate-limited') io.stderr.write(`vitrans worker: ${e.engine} answered 429: every worker pauses it for ${e.ms} ms\n`);
        else if (e.type === 'run-stopped') io.stderr.write(`vitrans worker: run ${e.run} stopped for every worker: ${e.message}\n`);
        else if (e.type === 'job-failed') io.stderr.write(`vitrans worker: batch ${e.job} failed${e.final ? '' : ' (it will be tried again)'}: ${e.message}\n`);
        else if (e.type === 'lock-lost') io.stderr.write(`vitrans worker: batch ${e.job} went to another worker (this one did not renew its lock within VITRANS_QUEUE_STALL_MS); it sends nothing more for it\n`);
        else if (e.type === 'retry' && opts.verbose) io.stderr.write(`vitrans worker: batch ${e.job}: ${e.reason}; retrying in ${e.delayMs} ms\n`);
      },
    });
  } finally {
    cache?.close();
    redis.disconnect();
    await Promise.allSettled(engines.map((e) => e.close?.()));
  }
  if (!opts.quiet) io.stderr.write('vitrans worker: stopped\n');
  return 0;
}

