/**
 * The real CLI in a child process (no msw there: its requests reach real servers on 127.0.0.1),
 * for concurrency, crash, signal and socket tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = resolve(ROOT, 'src/cli/main.ts');
const TSX = import.meta.resolve('tsx');

/** What a finished child printed and how it ended. */
export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A running `vitrans` child: its process, its output so far, and its end. */
export interface VitransChild {
  child: ChildProcess;
  /** stdout and stderr so far. */
  output(): { stdout: string; stderr: string };
  done: Promise<ChildRun>;
}

/**
 * Starts `vitrans ARGS` in `cwd` with only `env` (plus PATH and HOME) in its environment, as
 * another user when `uid`/`gid` are given (the test process must be root).
 * @example const run = spawnVitrans(['translate', 'a.txt', '-e', 'libretranslate'], { cwd, env: { LIBRETRANSLATE_URL: url } }); await run.done
 */
export function spawnVitrans(args: string[], opts: { cwd: string; env?: Record<string, string>; uid?: number; gid?: number }): VitransChild {
  const child = spawn(process.execPath, ['--import', TSX, MAIN, ...args], {
    cwd: opts.cwd,
    uid: opts.uid,
    gid: opts.gid,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const done = new Promise<ChildRun>((resolvePromise) => child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr })));
  return { child, output: () => ({ stdout, stderr }), done };
}

/** Resolves once `check()` holds, polling every 25 ms; rejects after `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
