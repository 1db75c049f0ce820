/** `vitrans status --queue redis://... [RUN]`: the progress of queued runs across all workers. */
import { UserError } from '../../core/errors.js';
import type { CliIO } from '../io.js';
import { loadConfig } from '../../config/load.js';
import { openRedis, queueAddressFor } from '../redis.js';

/** Options of `vitrans status`. */
export interface StatusOptions {
  /** Absent: the config's queue.url. */
  queue?: string;
  config?: string;
}

/** Prints one line per run (the latest runs, or the one named). Exit 0; 2 for a run Redis does not know. */
export async function statusCommand(runId: string | undefined, opts: StatusOptions, io: CliIO): Promise<number> {
  const config = await loadConfig({ path: opts.config, cwd: io.cwd, env: io.env });
  io.registerSecrets(config.secrets);
  const address = queueAddressFor(opts.queue, config, io, true)!;
  const redis = await openRedis(address, 'vitrans-status', io);
  try {
    const { formatRunStatus, recentRuns, runStatus } = await import('../../queue/status.js');
    if (runId) {
      const status = await runStatus(redis, runId);
      if (!status) throw new UserError('E_QUEUE_RUN', `no run ${runId} on ${address.shown}`, { hint: `list the runs with: vitrans status --queue ${address.shown}` });
      io.stdout.write(formatRunStatus(status) + '\n');
      return 0;
    }
    const runs = await recentRuns(redis);
    if (runs.length === 0) io.stdout.write(`no runs on ${address.shown}\n`);
    for (const s of runs) io.stdout.write(formatRunStatus(s) + '\n');
    return 0;
  } finally {
    redis.disconnect();
  }
}
