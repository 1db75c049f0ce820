/**
 * What a command may touch of the outside world, passed in so commands are testable in-process.
 * `main.ts` builds the real one from `process`; tests build one over strings.
 */

/** A text sink with the terminal facts reporters care about. */
export interface OutputStream {
  write(chunk: string): void;
  /** True when attached to a terminal (progress bars, colours). */
  readonly isTTY: boolean;
  /** Terminal width, when known. */
  readonly columns?: number;
}

/** Standard input, for paths given as `-`. */
export interface InputStream {
  /** True when attached to a terminal (nothing is piped in). */
  readonly isTTY: boolean;
  /** Everything up to the end of input. */
  read(): Promise<Uint8Array>;
}

/** Everything a command needs from its environment. */
export interface CliIO {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Standard input, when the command may read it (absent: `-` is refused). */
  stdin?: InputStream;
  /** Environment variables (engine keys, NO_COLOR, XDG_CACHE_HOME …). */
  env: Readonly<Record<string, string | undefined>>;
  /** Working directory for resolving relative paths. */
  cwd: string;
  /** Colour output on stdout (TTY and no NO_COLOR, or --color). */
  color: boolean;
  /** Print stack traces for user errors too. */
  debug: boolean;
  /** Aborted on Ctrl-C: long-running commands stop cleanly and keep their progress. */
  signal: AbortSignal;
  /**
   * Tells the shell about secrets learnt after start-up (keys from a config file). Everything
   * written to stdout/stderr, and every error message, is redacted with them from then on.
   */
  registerSecrets(values: Iterable<string>): void;
  /** Masks every known secret in a text that goes somewhere other than stdout/stderr (a report file). */
  redact(text: string): string;
  /** The process's own stdin and stdout as byte streams, for `vitrans lsp` (JSON-RPC); absent in tests run in-process. */
  rawStreams?: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream };
}
