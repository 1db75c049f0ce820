/** `vitrans glossary test`, `vitrans glossary import` and `vitrans glossary export`. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError, UserError } from '../../core/errors.js';
import { loadGlossary, parseGlossary } from '../../glossary/load.js';
import type { Glossary } from '../../glossary/types.js';
import { glossaryCacheDir } from '../../glossary/compiled.js';
import { runGlossarySelfTests, type SelfTestResult } from '../../glossary/selftest.js';
import type { GlossaryImportFormat, GlossaryInterchangeFormat } from '../../glossary/interchange/types.js';
import { shownPath } from '../format-error.js';
import { VERSION } from '../version.js';
import { assertNotAnInput, writeFileAtomic } from '../write-file.js';
import type { CliIO } from '../io.js';

/** Runs every entry's self-tests; exit 1 when any fails. */
export async function glossaryTestCommand(opts: { glossary: string }, io: CliIO): Promise<number> {
  const glossary = await loadGlossary(resolve(io.cwd, opts.glossary), { cacheDir: glossaryCacheDir(io.cwd) });
  const results = runGlossarySelfTests(glossary);
  const failed = results.filter((r) => !r.passed);
  for (const r of failed) io.stdout.write(`${r.location.file}:${r.location.line}:${r.location.column}: ${r.entryId}: ${r.message}\n`);
  const entries = glossary.entries.length;
  io.stdout.write(`${results.length - failed.length} passed, ${failed.length} failed (${entries} ${entries === 1 ? 'entry' : 'entries'})\n`);
  return failed.length > 0 ? 1 : 0;
}

/** Writes the glossary as TBX-Basic, a spreadsheet, or an engine's upload format. */
export async function glossaryExportCommand(opts: { glossary: string; format: GlossaryInterchangeFormat; output?: string }, io: CliIO): Promise<number> {
  if (opts.output) assertNotAnInput(resolve(io.cwd, opts.output), [resolve(io.cwd, opts.glossary)]);
  const glossary = await loadGlossary(resolve(io.cwd, opts.glossary), { cacheDir: glossaryCacheDir(io.cwd) });
  const { exportGlossaryAs } = await import('../../glossary/interchange/index.js');
  const text = exportGlossaryAs(glossary, opts.format, VERSION);
  if (opts.output) await writeFileAtomic(resolve(io.cwd, opts.output), text);
  else io.stdout.write(text);
  return 0;
}

/**
 * Refuses a merge that breaks a self-test that held before: an imported entry that claims a
 * rendering or a wording an existing entry needs (a row "Bộ Quốc phòng → Ministry of National
 * Defence" beside the entry whose accepted rendering that is) would make correct translations fail.
 * @throws UserError at the first self-test that fails now
 */
function assertSelfTestsHold(before: Glossary, after: Glossary, added: readonly string[]): void {
  // Tests are known by entry and text: the merge may add lines inside an entry it extends.
  const keyOf = (r: SelfTestResult): string => `${r.entryId}\0${JSON.stringify({ ...r.test, line: 0, column: 0 })}`;
  const held = new Map(runGlossarySelfTests(before).filter((r) => r.passed).map((r) => [keyOf(r), r]));
  const broken = runGlossarySelfTests(after).filter((r) => !r.passed && held.has(keyOf(r)));
  const first = broken[0];
  if (!first) return;
  const others = broken.length > 1 ? ` (and ${broken.length - 1} more)` : '';
  throw new UserError('E_GLOSSARY', `the merge would break the self-test of "${first.entryId}"${others}: ${first.message}; nothing was written`, {
    // Where the test stands in the file as it is (nothing was written).
    location: held.get(keyOf(first))!.location,
    hint: `an imported entry (${added.slice(0, 3).join(', ')}${added.length > 3 ? ', …' : ''}) competes with it: drop or change that row, or add it to the entry by hand (--force merges anyway)`,
  });
}

/** The glossary to merge into, its entries located as the user names the file. */
async function existingGlossary(path: string, shown: string) {
  const glossary = await loadGlossary(path);
  const text = await readFile(path, 'utf8');
  return { text, glossary: { ...glossary, file: shown, entries: glossary.entries.map((e) => ({ ...e, location: { ...e.location, file: shown } })) } };
}

/** Options of `vitrans glossary import`. */
export interface GlossaryImportOptions {
  glossary: string;
  format?: GlossaryImportFormat;
  output?: string;
  merge?: boolean;
  force?: boolean;
}

/**
 * Imports a termbase, spreadsheet or TMX glossary as glossary.yaml: to stdout, to `-o FILE`, or
 * merged into the glossary (`--merge`, in place unless `-o` names another file). Notes on what was
 * not mapped go to stderr; nothing is written when anything conflicts.
 */
export async function glossaryImportCommand(file: string, opts: GlossaryImportOptions, io: CliIO): Promise<number> {
  const abs = (p: string) => resolve(io.cwd, p);
  const shown = (p: string) => shownPath(abs(p), io.cwd);
  const target = opts.output ?? (opts.merge ? opts.glossary : undefined);
  if (target !== undefined) assertNotAnInput(abs(target), [abs(file)], opts.output ? '-o' : '--glossary');
  if (opts.output && !opts.merge && !opts.force && existsSync(abs(opts.output))) {
    throw new UsageError(`${opts.output} already exists`, { hint: 'pass --merge to add the entries to it (with -g), --force to replace it, or another -o' });
  }
  const { readGlossaryFile, importedGlossaryYaml } = await import('../../glossary/interchange/index.js');
  const imported = await readGlossaryFile(abs(file), shown(file), opts.format);
  const existing = opts.merge ? await existingGlossary(abs(opts.glossary), shown(opts.glossary)) : undefined;
  const { text, plan } = importedGlossaryYaml(imported, target !== undefined ? shown(target) : 'glossary.yaml', existing);
  for (const notice of plan.notices) io.stderr.write(`vitrans: note: ${notice}\n`);
  if (existing && !opts.force) assertSelfTestsHold(existing.glossary, parseGlossary(text, existing.glossary.file), plan.added.map((d) => d.id));
  if (target !== undefined) await writeFileAtomic(abs(target), text);
  else io.stdout.write(text);
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
  const parts = [`${n(plan.added.length, 'new entry').replace('entrys', 'entries')}`];
  if (plan.extended.length) parts.push(`${n(plan.extended.length, 'existing entry').replace('entrys', 'entries')} extended`);
  if (plan.folded) parts.push(`${plan.folded} imported ${plan.folded === 1 ? 'row or concept' : 'rows or concepts'} folded into others (same term)`);
  io.stderr.write(`vitrans: imported ${imported.entries.length} from ${shown(file)}: ${parts.join(', ')}${target !== undefined ? `; wrote ${shown(target)}` : ''}\n`);
  return 0;
}
