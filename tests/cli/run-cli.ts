import { runCli } from '../../src/cli/program.js';
import type { CliIO } from '../../src/cli/io.js';

/** What an in-process CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process with captured output (no TTY, no colour unless asked).
 * @example const r = await runVitrans(['check', 'corpus'], { cwd: repoRoot })
 */
export async function runVitrans(
  argv: string[],
  opts: {
    cwd?: string;
    env?: Record<string, string | undefined>;
    tty?: boolean;
    color?: boolean;
    signal?: AbortSignal;
    /** What is piped into standard input; absent: stdin is a terminal. */
    stdin?: string | Uint8Array;
  } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const tty = opts.tty ?? false;
  const io: CliIO = {
    stdout: { write: (s) => void (stdout += s), isTTY: tty, columns: 100 },
    stderr: { write: (s) => void (stderr += s), isTTY: tty, columns: 100 },
    stdin: {
      isTTY: opts.stdin === undefined,
      read: async () => (typeof opts.stdin === 'string' ? new TextEncoder().encode(opts.stdin) : (opts.stdin ?? new Uint8Array())),
    },
    env: opts.env ?? {},
    cwd: opts.cwd ?? process.cwd(),
    color: opts.color ?? false,
    debug: false,
    signal: opts.signal ?? new AbortController().signal,
    registerSecrets: () => {},
    redact: (text) => text,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
