/** `vitrans glossary test` and `vitrans glossary export`. */
import { resolve } from 'node:path';
import { loadGlossary } from '../../glossary/load.js';
import { glossaryCacheDir } from '../glossary-cache.js';
import { runGlossarySelfTests } from '../../glossary/selftest.js';
import { exportGlossary } from '../../glossary/export.js';
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

/** Writes the glossary in an engine's upload format. */
export async function glossaryExportCommand(opts: { glossary: string; format: 'google-csv' | 'deepl-tsv'; output?: string }, io: CliIO): Promise<number> {
  if (opts.output) assertNotAnInput(resolve(io.cwd, opts.output), [resolve(io.cwd, opts.glossary)]);
  const glossary = await loadGlossary(resolve(io.cwd, opts.glossary), { cacheDir: glossaryCacheDir(io.cwd) });
  const text = exportGlossary(glossary, opts.format);
  if (opts.output) await writeFileAtomic(resolve(io.cwd, opts.output), text);
  else io.stdout.write(text);
  return 0;
}
