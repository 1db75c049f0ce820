/** The cleaning options `check`, `translate` and `clean` share: built-in rules, patterns from flags and a file. */
import { readTextFile } from '../text/read.js';
import { readCleanPatterns, type CleanOptions, type RemovedLine } from '../formats/clean.js';
import type { CliIO } from './io.js';
import { UsageError } from '../core/errors.js';
import { cleanSettings } from '../config/effective.js';
import type { VitransConfig } from '../config/load.js';

/** The flags behind CleanOptions, as commander parses them. */
export interface CleanFlags {
  /** true with --clean, false with --no-clean, absent: the config's clean.enabled. */
  clean?: boolean;
  /** A file of patterns, one a line (implies cleaning). */
  cleanPatterns?: string;
  /** Patterns given one by one (`vitrans clean --pattern`). */
  pattern?: string[];
  /** true with --builtin-rules, false with --no-builtin-rules, absent: the config's clean.builtin_rules. */
  builtinRules?: boolean;
}

/**
 * The cleaning a command was asked for, undefined for none: flags over the config's `clean:`
 * (its patterns come before those of the flags).
 * @throws UsageError for --no-clean with patterns, ConfigError for a pattern that is not a regular
 *   expression (file:line:col for a file), InputError for an unreadable file
 */
export async function cleanOptionsFrom(flags: CleanFlags, abs: (p: string) => string, config: Pick<VitransConfig, 'clean' | 'origins'> = {}): Promise<CleanOptions | undefined> {
  const fromFlags = flags.cleanPatterns !== undefined || Boolean(flags.pattern?.length);
  if (flags.clean === false && fromFlags) throw new UsageError('--no-clean and clean patterns do not go together', { hint: 'drop --no-clean to clean with the patterns, or the patterns not to clean' });
  const settings = cleanSettings(config, flags);
  if (!settings.enabled.value && !fromFlags) return undefined;
  const patterns = [...settings.patterns.value, ...(flags.pattern ?? [])];
  if (flags.cleanPatterns !== undefined) {
    const file = await readTextFile(abs(flags.cleanPatterns));
    for (const item of readCleanPatterns(file.text, file.path)) patterns.push(item);
  }
  return { patterns, builtins: settings.builtinRules.value };
}

/** One line per cleaned source saying how much was removed by which rule, and (for a file) how to see the lines. */
export function reportCleaning(path: string, removed: readonly RemovedLine[], shown: (p: string) => string, io: CliIO, fromStdin = false): void {
  if (removed.length === 0) return;
  const byRule = new Map<string, number>();
  for (const r of removed) byRule.set(r.rule, (byRule.get(r.rule) ?? 0) + 1);
  const rules = [...byRule].map(([rule, n]) => `${rule} ×${n}`).join(', ');
  const see = fromStdin ? '' : `; \`vitrans clean ${shown(path)} --dry-run\` lists them`;
  io.stderr.write(`vitrans: note: cleaned ${shown(path)}: removed ${removed.length} line${removed.length === 1 ? '' : 's'} (${rules})${see}\n`);
}
