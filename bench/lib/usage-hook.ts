/**
 * Preloaded into a measured child process (`node --import tsx --import ./bench/lib/usage-hook.ts`):
 * when the process exits, its peak resident set size and CPU time go to the file named by
 * VITRANS_BENCH_USAGE, for bench/lib/measure.ts to read.
 */
import { writeFileSync } from 'node:fs';

const target = process.env.VITRANS_BENCH_USAGE;
if (target) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRssKb: u.maxRSS, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000 }));
  });
}
