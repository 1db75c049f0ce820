/**
 * Which encoding each input file is read in: a legacy source beside a UTF-8 translation is the
 * common case, so the choice is per role (source, translation) and per file pattern, not one
 * setting for every file.
 */
import { isAbsolute, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { parseEncoding, type ReadTextOptions, type TextEncoding } from './read.js';

/**
 * One `encodings:` entry of the config: files matching `pattern` (a glob; without a `/` it
 * matches the file name in any folder) are read in `encoding`.
 * @example { pattern: 'archive/**\/*.vi.txt', encoding: 'tcvn' }
 */
export interface EncodingPattern {
  pattern: string;
  encoding: string;
}

/** What a file is to the command reading it. */
export type FileRole = 'source' | 'translation';

/**
 * Every way an encoding can be chosen, most specific first: the role's own option
 * (`--source-encoding`, `--target-encoding`), `--encoding` for every file, the first matching
 * pattern, else UTF-8.
 */
export interface EncodingChoice {
  /** `--encoding`: every file. */
  all?: string;
  /** `--source-encoding`. */
  source?: string;
  /** `--target-encoding`. */
  translation?: string;
  /** File patterns (the config's `encodings:`), first match wins. */
  patterns?: readonly EncodingPattern[];
  /** The folder patterns with a `/` are relative to (the config file's); files outside it match by name only. Default: paths as given. */
  patternBase?: string;
}

/** The option that sets a role's encoding, as hints name it. */
export const ENCODING_OPTION: Readonly<Record<FileRole, string>> = { source: '--source-encoding', translation: '--target-encoding' };

/**
 * Checks every encoding value of a choice once, before any file is read.
 * @throws InputError naming the bad value and the allowed ones
 */
export function validateEncodingChoice(choice: EncodingChoice): void {
  for (const value of [choice.all, choice.source, choice.translation]) if (value !== undefined) parseEncoding(value);
  for (const p of choice.patterns ?? []) parseEncoding(p.encoding);
}

/**
 * The encoding a file is read in, undefined for the UTF-8 default.
 * @example encodingFor('archive/a.vi.txt', 'source', { patterns: [{ pattern: '*.vi.txt', encoding: 'tcvn' }] }) // 'tcvn'
 */
export function encodingFor(path: string, role: FileRole, choice: EncodingChoice): TextEncoding | undefined {
  const direct = (role === 'source' ? choice.source : choice.translation) ?? choice.all;
  if (direct !== undefined) return parseEncoding(direct);
  const patterns = choice.patterns ?? [];
  if (patterns.length === 0) return undefined;
  const rel = choice.patternBase === undefined ? path : relative(choice.patternBase, path);
  const inside = choice.patternBase === undefined || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
  const posix = rel.split(sep).join('/');
  const name = posix.slice(posix.lastIndexOf('/') + 1);
  for (const p of patterns) {
    const hasSlash = p.pattern.includes('/');
    if (hasSlash ? inside && picomatch.isMatch(posix, p.pattern, { dot: true }) : picomatch.isMatch(name, p.pattern, { dot: true })) return parseEncoding(p.encoding);
  }
  return undefined;
}

/**
 * The reading options for one file: its encoding, whether it must be Vietnamese (sources), and
 * the option that hints should name.
 * @example readOptionsFor('a.vi.txt', 'source', { all: 'tcvn' }) // { encoding: 'tcvn', vietnamese: true, encodingOption: '--source-encoding' }
 */
export function readOptionsFor(path: string, role: FileRole, choice: EncodingChoice, vietnamese = role === 'source'): ReadTextOptions {
  const encoding = encodingFor(path, role, choice);
  return { ...(encoding ? { encoding } : {}), vietnamese, encodingOption: ENCODING_OPTION[role] };
}
