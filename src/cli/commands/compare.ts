/**
 * `vitrans compare SOURCE TRANSLATION... [--ref REFERENCE]`: word diffs between engines, chrF/BLEU
 * against a reference with bootstrap intervals, and glossary accuracy, as text, Markdown, JSON or
 * one self-contained HTML page.
 */
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { compareTranslations, DEFAULT_BOOTSTRAP } from '../../compare/compare.js';
import type { CompareInput, EngineInput, GlossaryAccuracy } from '../../compare/types.js';
import type { Paragraph } from '../../core/types.js';
import { checkTranslation, createCheckTools, prepareSource } from '../../checks/index.js';
import { loadGlossary } from '../../glossary/load.js';
import { glossaryCacheDir } from '../glossary-cache.js';
import { readTextFile, type TextFile } from '../../text/read.js';
import { compareFormatters, type CompareFormat } from '../../report/index.js';
import { assertNotAnInput, writeFileAtomic } from '../write-file.js';
import { assertTranslatesSource, engineNameFromFile, isBilingualPath } from '../translation-files.js';
import { readBilingual } from '../../formats/bilingual.js';
import type { CliIO } from '../io.js';

/** Options of `vitrans compare`, as commander parses them. */
export interface CompareOptions {
  ref?: string;
  format: CompareFormat;
  output?: string;
  glossary: string;
  baseline?: string;
  /** false with --no-bootstrap. */
  bootstrap: boolean;
  seed: string;
  /** Every paragraph's word diffs in the JSON report (by default only the most-disagreeing paragraphs'). */
  fullDiffs?: boolean;
}

/**
 * Runs `vitrans compare`. Exit code 0 when the report was produced.
 * @throws UsageError (bad --seed, duplicate engine names, unknown --baseline), InputError
 *   (unreadable files), AlignmentError (paragraph counts differ), GlossaryError (invalid glossary)
 */
export async function compareCommand(source: string, translations: string[], opts: CompareOptions, io: CliIO): Promise<number> {
  const seed = parseSeed(opts.seed);
  const abs = (p: string): string => resolve(io.cwd, p);
  if (opts.output !== undefined) assertNotAnInput(abs(opts.output), [source, ...translations, ...(opts.ref !== undefined ? [opts.ref] : [])].map(abs));
  const read = async (p: string): Promise<TextFile> => {
    const file = await readTextFile(abs(p));
    for (const w of file.warnings) io.stderr.write(`vitrans: warning: ${p}:${w.line}:${w.column}: ${w.message}\n`);
    return file;
  };

  const sourceFile = await read(source);
  const reference = opts.ref !== undefined ? { file: opts.ref, text: (await read(opts.ref)).text } : undefined;
  const engines: EngineInput[] = [];
  for (const t of translations) for (const e of await engineInputs(t, await read(t), sourceFile.text, source)) engines.push(e);

  const input: CompareInput = {
    source: { file: source, text: sourceFile.text },
    engines,
    bootstrap: opts.bootstrap ? { samples: DEFAULT_BOOTSTRAP.samples, seed } : false,
    // The HTML report shows every paragraph's diff; the others only the most-disagreeing ones'.
    diffs: opts.fullDiffs || opts.format === 'html' ? 'all' : 'disagreements',
    ...(reference ? { reference } : {}),
    ...(opts.baseline !== undefined ? { baseline: opts.baseline } : {}),
  };
  const comparison = compareTranslations(input);
  const glossary = await glossaryAccuracy(
    {
      glossaryPath: abs(opts.glossary),
      glossaryLabel: opts.glossary,
      source: { file: source, text: sourceFile.text },
      engines: engines.map((e) => ({ name: e.name, file: e.file, text: 'text' in e ? e.text : e.paragraphs.map(paragraphText).join('\n\n') })),
    },
    io,
  );
  if (glossary) comparison.glossary = glossary;

  const toFile = opts.output !== undefined;
  const report = compareFormatters[opts.format](comparison, { color: io.color && !toFile, width: io.stdout.columns ?? 100 });
  if (toFile) {
    // Reports quote the user's files; a key pasted into one must not travel further.
    await writeFileAtomic(abs(opts.output!), io.redact(report));
    io.stderr.write(`vitrans: wrote ${opts.format} report to ${opts.output}\n`);
  } else {
    io.stdout.write(report);
  }
  return 0;
}

/**
 * THE GLOSSARY SEAM: glossary accuracy per engine (approved renderings / glossary terms in the
 * source, with the findings), from the checker that `vitrans check` runs. Without a glossary
 * file it returns undefined and every report shows "n/a".
 * @throws GlossaryError for a glossary that exists but is invalid
 */
async function glossaryAccuracy(
  ctx: { glossaryPath: string; glossaryLabel: string; source: { file: string; text: string }; engines: { name: string; file: string; text: string }[] },
  io: CliIO,
): Promise<Record<string, GlossaryAccuracy> | undefined> {
  if (!(await exists(ctx.glossaryPath))) {
    io.stderr.write(`vitrans: note: no glossary at ${ctx.glossaryLabel}; glossary accuracy is n/a (pass --glossary FILE)\n`);
    return undefined;
  }
  const tools = createCheckTools(await loadGlossary(ctx.glossaryPath, { cacheDir: glossaryCacheDir(io.cwd) }));
  const source = prepareSource(ctx.source, tools);
  const out: Record<string, GlossaryAccuracy> = {};
  for (const e of ctx.engines) {
    const result = checkTranslation(source, { file: e.file, text: e.text, engine: e.name }, tools);
    const expected = result.outcomes.length;
    const approved = result.outcomes.filter((o) => o.approved).length;
    out[e.name] = { expected, approved, accuracy: expected === 0 ? 1 : approved / expected, findings: result.findings };
  }
  return out;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Parses `--seed`: a whole number from 0 to 2^32 − 1. */
export function parseSeed(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n > 0xffffffff) {
    throw new UsageError(`--seed must be a whole number from 0 to 4294967295, got "${value}"`, { hint: 'e.g. --seed 12345' });
  }
  return n;
}

/**
 * The engines one translation file stands for: a plain English file is one engine named after the
 * file; the translator's bilingual JSON holds every engine that finished the article, and its
 * source paragraphs must be this source's.
 */
async function engineInputs(path: string, file: TextFile, sourceText: string, sourcePath: string): Promise<EngineInput[]> {
  if (!isBilingualPath(path)) return [{ name: engineNameFromFile(path), file: path, text: file.text }];
  const bilingual = readBilingual(file.text, path);
  assertTranslatesSource(bilingual.sources, path, sourceText, sourcePath);
  return bilingual.engines.map((e) => ({ name: e.name, file: path, paragraphs: e.targets }));
}

function paragraphText(p: string | Paragraph): string {
  return typeof p === 'string' ? p : p.text;
}
