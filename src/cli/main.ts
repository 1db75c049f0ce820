#!/usr/bin/env node
/** The process shell: builds the real CliIO from `process`, runs the CLI, sets the exit code. */
import { setFlagsFromString } from 'node:v8';
import { runCli } from './program.js';
import { invocationDirectory } from './cwd.js';
import { heapGrowingFlag } from './heap.js';
import type { CliIO } from './io.js';

// Before anything big is allocated: the heap's headroom over what is live is most of a big translate's peak (heap.ts).
const heapFlag = heapGrowingFlag(process.argv.slice(2), process.execArgv, process.env.NODE_OPTIONS);
if (heapFlag) setFlagsFromString(heapFlag);

const controller = new AbortController();
/** The exit code of the signal that stopped the run: 128 + its number, as shells report it. */
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };
let interrupted: number | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // First Ctrl-C or SIGTERM: stop cleanly (commands send nothing more, wait for the requests
    // already sent, which the engine bills, and keep their answers). Second: leave now, losing them.
    if (interrupted !== undefined) process.exit(interrupted);
    interrupted = SIGNAL_EXIT[signal];
    controller.abort();
  });
}

// A reader that goes away (`vitrans compare ... | head -1`) is not an error: what is written to it
// from then on is dropped, and the command goes on. It must not stop there: `translate ... 2>&1 |
// head -1` loses its reader at the first note, long before the outputs it was run for are written.
const gone = new WeakSet<NodeJS.WriteStream>();
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    gone.add(stream);
  });
}
const writeTo = (stream: NodeJS.WriteStream, text: string): void => {
  if (!gone.has(stream)) stream.write(text);
};

const env = process.env;
const io: CliIO = {
  // The terminal's width as it is when a report is written (a resize during a long run counts).
  // Piped output has none, so reports do not wrap, unless COLUMNS is exported to ask for a width.
  stdout: {
    write: (s) => writeTo(process.stdout, s),
    isTTY: Boolean(process.stdout.isTTY),
    get columns() {
      return process.stdout.columns || Number(env.COLUMNS) || undefined;
    },
  },
  stderr: {
    write: (s) => writeTo(process.stderr, s),
    isTTY: Boolean(process.stderr.isTTY),
    get columns() {
      return process.stderr.columns || undefined;
    },
  },
  stdin: {
    isTTY: Boolean(process.stdin.isTTY),
    read: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  },
  env,
  // Relative paths are the user's: through `npm run vitrans --`, the folder npm was run in.
  cwd: invocationDirectory(env, process.cwd()),
  color: Boolean(process.stdout.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb',
  debug: env.VITRANS_DEBUG === '1',
  signal: controller.signal,
  // runCli replaces these two with its redactor.
  registerSecrets: () => {},
  redact: (text) => text,
  rawStreams: { input: process.stdin, output: process.stdout },
};

const code = await runCli(process.argv.slice(2), io);
// Commands report an interrupt as 130 (Ctrl-C); the signal that really came decides.
process.exitCode = interrupted !== undefined && (code === 0 || code === 130) ? interrupted : code;
// Stopped: what was to be kept is kept and said by now. A request whose answer nobody waits for
// any more (--no-cache; a client such as deepl-node's that cannot be aborted) must not keep the
// process alive until the engine answers or its timeout runs out. Pipes and files are written
// synchronously here (Linux), so exiting loses no output.
if (interrupted !== undefined) process.exit();
