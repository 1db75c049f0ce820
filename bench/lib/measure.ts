/**
 * Runs one benchmark case in its own Node process, so that its peak memory is its own: wall time,
 * CPU time and peak RSS (from the child's `process.resourceUsage()`), exit code and output.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the repository is: child processes run its TypeScript through tsx. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HOOK = fileURLToPath(new URL('./usage-hook.ts', import.meta.url));
/** tsx's loader by URL, so a child started in another folder (a temporary one) still finds it. */
const TSX = import.meta.resolve('tsx');

/** What one measured run took. */
export interface Measured {
  seconds: number;
  cpuSeconds: number;
  /** Peak resident set size, in MB (10^6 bytes). */
  peakMb: number;
  code: number | null;
  /** Set when the run was stopped at its time limit. */
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node --import tsx <script> ...args` (a .ts file relative to the repository, e.g.
 * `src/cli/main.ts`, or an absolute path) with a time limit; never throws for a failing child.
 */
export async function measureNode(script: string, args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; nodeOptions?: string[] } = {}): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'vitrans-measure-'));
  const usageFile = join(dir, 'usage.json');
  const t0 = performance.now();
  const child = spawn(process.execPath, [...(opts.nodeOptions ?? []), '--import', TSX, '--import', HOOK, resolve(ROOT, script), ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, ...opts.env, VITRANS_BENCH_USAGE: usageFile, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout = (stdout + d).slice(-20_000)));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-20_000)));
  let timedOut = false;
  // VITRANS_BENCH_LIMIT_S caps every case (to measure an old version whose cases take far longer).
  const cap = Number(process.env.VITRANS_BENCH_LIMIT_S) * 1000 || Infinity;
  const limit = Math.min(opts.timeoutMs ?? Infinity, cap);
  const timer = Number.isFinite(limit) ? setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), limit) : undefined;
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  if (timer) clearTimeout(timer);
  const seconds = (performance.now() - t0) / 1000;
  let usage = { maxRssKb: Number.NaN, userMs: Number.NaN, systemMs: Number.NaN };
  try {
    usage = JSON.parse(readFileSync(usageFile, 'utf8')) as typeof usage;
  } catch {
    // Killed at the time limit: no usage written.
  }
  rmSync(dir, { recursive: true, force: true });
  return { seconds, cpuSeconds: (usage.userMs + usage.systemMs) / 1000, peakMb: (usage.maxRssKb * 1024) / 1e6, code, timedOut, stdout, stderr };
}

/** "12.3 s (11.9 s CPU), 456 MB peak" (or "stopped at 120 s"). */
export function describe(m: Measured): string {
  if (m.timedOut) return `stopped at ${m.seconds.toFixed(0)} s (time limit)`;
  if (Number.isNaN(m.peakMb)) return `failed after ${m.seconds.toFixed(2)} s (exit ${m.code})`;
  // CPU time beside wall time: on a shared machine it is the steadier of the two.
  return `${m.seconds.toFixed(2)} s (${m.cpuSeconds.toFixed(2)} s CPU), ${m.peakMb.toFixed(0)} MB peak${m.code === 0 || m.code === 1 ? '' : `, exit ${m.code}`}`;
}
