/**
 * How far V8's heap may grow between full collections, for a `vitrans translate` process. By
 * default V8 lets the old generation reach several times what survived the last full collection
 * before it collects again; translate of a big article promotes mostly short-lived objects (each
 * batch's requests and answers, per-paragraph matches, JSON pieces), so that headroom is most of
 * its peak memory. Growing by a fifth at a time keeps it nearer what is live: in one
 * `bench:translate --big-only` run on 2026-12-04, peak RSS of a 10 MB article 429 MB against 496,
 * of a 40 MB one 1,059 against 1,722, for the same CPU time (47.1 against 46.4 s).
 * `vitrans check` keeps V8's growth: on the same 40 MB pair its CPU time rose from 36 to 60 s
 * with this flag (its live heap is larger, and collected far more often), for 1.37 GB against 1.81.
 */
export const HEAP_GROWING_FLAG = '--heap-growing-percent=20';

/** The commands whose processes get `HEAP_GROWING_FLAG`. */
const BOUNDED_COMMANDS = new Set(['translate']);

/**
 * The V8 flag to set at start-up for these CLI arguments (the command is the first that is no
 * option: the CLI's own options before it take no value), or undefined for other commands and
 * when the user chose the growth themselves, on the command line or in NODE_OPTIONS
 * (`--heap-growing-percent=0` gives V8's default back).
 * @example heapGrowingFlag(['translate', 'a.vi.txt', '-e', 'deepl'], ['--import', 'tsx'], undefined) // '--heap-growing-percent=20'
 */
export function heapGrowingFlag(argv: readonly string[], execArgv: readonly string[], nodeOptions: string | undefined): string | undefined {
  const command = argv.find((arg) => !arg.startsWith('-'));
  if (command === undefined || !BOUNDED_COMMANDS.has(command)) return undefined;
  const chosen = (arg: string): boolean => /^--heap[-_]growing[-_]percent(=|$)/.test(arg);
  if (execArgv.some(chosen) || (nodeOptions ?? '').split(/\s+/).some(chosen)) return undefined;
  return HEAP_GROWING_FLAG;
}
