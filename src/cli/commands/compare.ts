/**
 * `vitrans compare SOURCE TRANSLATION... [--ref REFERENCE]`: word diffs between engines, chrF/BLEU/TER
 * against a reference with bootstrap intervals, and glossary accuracy, as text, Markdown, JSON or
 * one self-contained HTML page.
 */
import { access } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { AlignmentError, UsageError, withoutCacheClaims } from '../../core/errors.js';
import { compareTranslations, DEFAULT_BOOTSTRAP } from '../../compare/compare.js';
import { glossaryTermFinder } from '../../compare/terms.js';
import type { CompareInput, EngineInput, GlossaryAccuracy } from '../../compare/types.js';
import type { Paragraph } from '../../core/types.js';
import { checkTranslation, createCheckTools, prepareSource, type CheckSettings } from '../../checks/index.js';
import { applySuppressionRules, levelSuppressionFindings, withoutSuppressionFindings, type SuppressionRule } from '../../checks/suppressions.js';
import { paragraphNumbered, splitParagraphs } from '../../text/paragraphs.js';
import { loadConfig, withSettingFlags } from '../../config/load.js';
import { JudgingAbortedError } from '../../judge/judge.js';
import { assertJudgeFlags, judgeComparison, type JudgeFlags } from './compare-judge.js';
import { checkSettingsOf, encodingChoiceOf, runSettings } from '../../config/effective.js';
import { encodingFor } from '../../text/encodings.js';
import { shownPath } from '../format-error.js';
import { loadGlossary } from '../../glossary/load.js';
import type { Glossary } from '../../glossary/types.js';
import { glossaryCacheDir, storeCompiledGlossary } from '../../glossary/compiled.js';
import { readTextFile, type TextFile } from '../../text/read.js';
import { compareFormatters, type CompareFormat } from '../../report/index.js';
import { assertNotAnInput, writeFileAtomic } from '../write-file.js';
import { assertTranslatesSource, engineNameFromFile, isBilingualPath, isTmxPath } from '../translation-files.js';
import { readBilingual } from '../../formats/bilingual.js';
import { bilingualEngineOutput } from '../../formats/articles.js';
import { cleanText, type CleanOptions } from '../../formats/clean.js';
import { cleanOptionsFrom, reportCleaning } from '../clean-options.js';
import { isMarkdownFile } from '../../formats/markdown/checkable.js';
import type { TmxCheckSet } from '../../formats/tmx.js';
import type { CliIO } from '../io.js';

/** The checker documents of engines that come from TMX files (see tmxSides). */
const tmxChecks = new WeakMap<EngineInput, TmxCheckSet>();

/** Options of `vitrans compare`, as commander parses them (the judging ones in `JudgeFlags`). */
export interface CompareOptions extends JudgeFlags {
  /** `--set ENGINE.SETTING=VALUE`, repeatable (the judge engine's settings). */
  set?: string[];
  ref?: string;
  /** Absent: the config's `format.compare`, else text. */
  format?: CompareFormat;
  output?: string;
  /** Absent: the config's `glossary:`, else glossary.yaml. */
  glossary?: string;
  config?: string;
  baseline?: string;
  /** false with --no-bootstrap. */
  bootstrap: boolean;
  seed: string;
  /** Compare against the source cleaned this way, or not cleaned (`false`): what translate --compare translated. Absent: the config's `clean:`. */
  cleanSource?: CleanOptions | false;
  /** false with --no-clean: the source as it is, whatever the config's `clean.enabled` says. */
  clean?: boolean;
  /** --builtin-rules / --no-builtin-rules over the config's `clean.builtin_rules`. */
  builtinRules?: boolean;
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
  assertJudgeFlags(opts);
  const abs = (p: string): string => resolve(io.cwd, p);
  if (opts.output !== undefined) assertNotAnInput(abs(opts.output), [source, ...translations, ...(opts.ref !== undefined ? [opts.ref] : [])].map(abs));
  const config = withSettingFlags(await loadConfig({ path: opts.config, cwd: io.cwd, env: io.env }), opts.set);
  io.registerSecrets(config.secrets);
  const settings = runSettings(config, { glossary: opts.glossary }, abs, { glossary: 'glossary.yaml' });
  const format = opts.format ?? settings.compareFormat.value;
  const encodings = encodingChoiceOf(config);
  const read = async (p: string): Promise<TextFile> => {
    const encoding = encodingFor(abs(p), 'translation', encodings);
    const file = await readTextFile(abs(p), encoding ? { encoding } : {});
    for (const w of file.warnings) io.stderr.write(`vitrans: warning: ${p}:${w.line}:${w.column}: ${w.message}\n`);
    return file;
  };

  // A TMX source brings its own engines (its English sides), unless it is the reference too.
  const tmxSource = isTmxPath(source) ? await tmxSides(abs(source), source) : undefined;
  const sourceFile: TextFile = tmxSource ? { path: source, text: tmxSource.vi.join('\n\n'), warnings: [] } : await read(source);
  // The source as translate read it: cleaned when translate --clean (or the config's clean.enabled) cleaned it.
  const cleanSource = opts.cleanSource === undefined ? await cleanOptionsFrom({ clean: opts.clean === false ? false : undefined, builtinRules: opts.builtinRules }, abs, config) : opts.cleanSource;
  if (cleanSource && !tmxSource) {
    const cleaned = cleanText(sourceFile.text, { ...cleanSource, markdown: isMarkdownFile(source) });
    sourceFile.text = cleaned.text;
    // Said as check says it, unless translate --compare passed what it translated (it has said so).
    if (opts.cleanSource === undefined) reportCleaning(source, cleaned.removed, (p) => p, io);
  }
  const refIsSource = opts.ref !== undefined && tmxSource !== undefined && abs(opts.ref) === abs(source);
  const reference = opts.ref === undefined ? undefined : refIsSource ? tmxReference(tmxSource!, opts.ref) : await referenceInput(opts.ref, sourceFile.text, source, abs, read);
  const engines: EngineInput[] = tmxSource && !refIsSource ? tmxSource.engines : [];
  for (const t of translations) {
    if (isTmxPath(t)) for (const item of tmxEngines(await tmxSides(abs(t), t), sourceFile.text, source)) engines.push(item);
    else for (const item of await engineInputs(t, await read(t), sourceFile.text, source, io.cwd)) engines.push(item);
  }

  const glossaryFile = await glossaryIfPresent(settings.glossary.value, glossaryCacheDir(io.cwd));
  const input: CompareInput = {
    source: tmxSource ? { file: source, paragraphs: tmxSource.viParagraphs } : { file: source, text: sourceFile.text },
    engines,
    bootstrap: opts.bootstrap ? { samples: DEFAULT_BOOTSTRAP.samples, seed } : false,
    // The HTML report shows every paragraph's diff; the others only the most-disagreeing ones'.
    diffs: opts.fullDiffs || format === 'html' ? 'all' : 'disagreements',
    ...(reference ? { reference } : {}),
    ...(opts.baseline !== undefined ? { baseline: opts.baseline } : {}),
    ...(glossaryFile ? { analyses: { terms: glossaryTermFinder(glossaryFile) } } : {}),
  };
  const comparison = compareTranslations(input);
  // Said after the comparison, so an alignment error stays the only line on stderr.
  if (!glossaryFile) io.stderr.write(`vitrans: note: no glossary at ${shownPath(settings.glossary.value, io.cwd)}; glossary accuracy is n/a (pass --glossary FILE)\n`);
  if (glossaryFile) {
    // The config's suppressions list applies as `vitrans check` applies it (stale entries are check's to report).
    const suppressions = (config.suppressions ?? []).map((r) => ({ ...r, at: { ...r.at, file: shownPath(r.at.file, io.cwd) } }));
    comparison.glossary = glossaryAccuracy(glossaryFile, checkSettingsOf(config), suppressions, abs, {
      source: { file: source, text: sourceFile.text },
      engines: engines.map((e) => ({
        name: e.name,
        file: e.file,
        text: 'text' in e ? e.text : e.paragraphs.map(paragraphText).join('\n\n'),
        ...(tmxChecks.has(e) ? { tmx: tmxChecks.get(e)! } : {}),
      })),
    });
  }

  if (opts.judge !== undefined) {
    try {
      const judged = await judgeComparison(comparison, { ...opts, judge: opts.judge }, config, io);
      if (!judged) return 0; // a dry run: the estimate is the output
      comparison.judge = judged;
    } catch (caught) {
      // The judge's messages say the answers that came back are cached; under --no-cache none are.
      const err = opts.cache === false ? withoutCacheClaims(caught) : caught;
      if (!(err instanceof JudgingAbortedError)) throw err;
      io.stderr.write(`vitrans: ${err.message}\n`);
      return 130;
    }
  }

  await storeCompiledGlossary(glossaryFile);
  const toFile = opts.output !== undefined;
  const report = compareFormatters[format](comparison, { color: io.color && !toFile, width: io.stdout.columns ?? 100 });
  if (toFile) {
    // Reports quote the user's files; a key pasted into one must not travel further.
    await writeFileAtomic(abs(opts.output!), io.redact(report));
    io.stderr.write(`vitrans: wrote ${format} report to ${opts.output}\n`);
  } else {
    io.stdout.write(report);
  }
  return 0;
}

/**
 * The glossary, or undefined when there is no file: glossary accuracy is then "n/a" in every
 * report and the analyses have no glossary terms.
 * @throws GlossaryError for a glossary that exists but is invalid
 */
async function glossaryIfPresent(path: string, cacheDir: string): Promise<Glossary | undefined> {
  // Stored once the comparison goes ahead (a judge's dry run or refused budget leaves no file behind).
  return (await exists(path)) ? loadGlossary(path, { cacheDir, deferStore: true }) : undefined;
}

/**
 * THE GLOSSARY SEAM: glossary accuracy per engine (approved renderings / glossary terms in the
 * source, with the findings), from the checker that `vitrans check` runs, with the config's checks.
 */
function glossaryAccuracy(
  glossary: Glossary,
  checkSettings: CheckSettings,
  suppressions: readonly SuppressionRule[],
  abs: (p: string) => string,
  ctx: { source: { file: string; text: string }; engines: { name: string; file: string; text: string; tmx?: TmxCheckSet }[] },
): Record<string, GlossaryAccuracy> {
  const tools = createCheckTools(glossary, checkSettings);
  const source = prepareSource(ctx.source, tools);
  const out: Record<string, GlossaryAccuracy> = {};
  for (const e of ctx.engines) {
    // A TMX side is checked in its own segments, so its findings point into the TMX file.
    const result = e.tmx
      ? checkTranslation(prepareSource(e.tmx.source, tools), { ...e.tmx.translation, engine: e.name }, tools)
      : checkTranslation(source, { file: e.file, text: e.text, engine: e.name }, tools);
    const checked = e.tmx ? result.findings.map(e.tmx.relocate) : result.findings;
    const paragraphs = e.tmx ? undefined : splitParagraphs(e.text);
    const listed = applySuppressionRules(checked, suppressions, {
      resolve: (file) => abs(file.replace(/#[^/\\]*$/, '')),
      checked: [],
      paragraphText: (_file, paragraph) => paragraphNumbered(paragraphs ?? [], paragraph)?.text,
      ran: new Set(),
    });
    // Stale or invalid suppressions are check's to report: no compare format lists them.
    const findings = withoutSuppressionFindings(levelSuppressionFindings(listed, checkSettings.severity));
    const expected = result.outcomes.length;
    const approved = result.outcomes.filter((o) => o.approved).length;
    // Suppressed findings stay in the list, marked, and are counted apart.
    const suppressed = findings.filter((f) => f.suppression).length;
    out[e.name] = { expected, approved, accuracy: expected === 0 ? 1 : approved / expected, findings, suppressed };
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
async function engineInputs(path: string, file: TextFile, sourceText: string, sourcePath: string, cwd: string): Promise<EngineInput[]> {
  if (!isBilingualPath(path)) return [{ name: engineNameFromFile(path), file: path, text: file.text }];
  const bilingual = readBilingual(file.text, path);
  assertTranslatesSource(bilingual.sources, path, sourceText, sourcePath);
  const inputs: EngineInput[] = [];
  for (const e of bilingual.engines) {
    // Findings name the engine's output file while it holds these targets, as check names it, so
    // the config's suppressions by file pattern ("*.en.txt") match in compare as they do in check.
    const real = await bilingualEngineOutput(e, resolve(cwd, path), cwd);
    inputs.push({ name: e.name, file: real ? shownPath(real.path, cwd) : path, paragraphs: e.targets });
  }
  return inputs;
}

function paragraphText(p: string | Paragraph): string {
  return typeof p === 'string' ? p : p.text;
}

/** A TMX file's aligned sides: one Vietnamese sequence and each English side as an engine. */
interface TmxSides {
  file: string;
  vi: string[];
  viParagraphs: Paragraph[];
  engines: (EngineInput & { paragraphs: Paragraph[] })[];
}

/**
 * Reads a TMX file as compare input: every pair set (one per engine vitrans exported, else the
 * memory itself, named after the file) must translate the same Vietnamese units in the same order.
 * @throws AlignmentError naming the first unit where two sets part ways
 */
async function tmxSides(path: string, shown: string): Promise<TmxSides> {
  const { readTmxFile, tmxPairs, tmxCheckSets } = await import('../../formats/tmx.js');
  const doc = await readTmxFile(path, shown);
  const pairs = tmxPairs(doc);
  const checks = tmxCheckSets(doc, pairs); // throws when there is no Vietnamese–English pair
  const { sets } = pairs;
  const paragraphsOf = (set: (typeof sets)[number], side: 'vi' | 'en'): Paragraph[] =>
    set.pairs.map((p, i) => ({ index: i + 1, text: p[side].segment.text, start: p[side].segment.start, end: p[side].segment.end, line: p[side].segment.line, id: p.unitId }));
  const first = sets[0]!;
  const vi = first.pairs.map((p) => p.vi.segment.text.normalize('NFC'));
  for (const set of sets.slice(1)) {
    const at = set.pairs.findIndex((p, i) => p.vi.segment.text.normalize('NFC') !== vi[i]);
    if (set.pairs.length !== vi.length || at >= 0) {
      const unit = (set.pairs[at] ?? set.pairs[set.pairs.length - 1])!.unit;
      throw new AlignmentError(`${shown}: the ${set.engine ?? 'unnamed'} units translate other Vietnamese than the ${first.engine ?? 'unnamed'} units (from unit ${unit.id ?? unit.index} on)`, {
        location: { file: shown, line: unit.position.line, column: unit.position.column },
        hint: 'compare the runs of one article: export them from one bilingual JSON file',
      });
    }
  }
  const stem = basename(shown).replace(/\.tmx$/i, '');
  return {
    file: shown,
    vi,
    viParagraphs: paragraphsOf(first, 'vi'),
    engines: sets.map((set, i) => {
      const engine = { name: set.engine ?? stem, file: shown, paragraphs: paragraphsOf(set, 'en') };
      tmxChecks.set(engine, checks[i]!);
      return engine;
    }),
  };
}

/** The English sides of a TMX file given as a translation: its Vietnamese must be the source's. */
function tmxEngines(sides: TmxSides, sourceText: string, sourcePath: string): EngineInput[] {
  assertTranslatesSource(sides.vi, sides.file, sourceText, sourcePath);
  return sides.engines;
}

/** The English side of a TMX source that is also the reference: one side only. */
function tmxReference(sides: TmxSides, shown: string): CompareInput['reference'] {
  if (sides.engines.length !== 1) {
    throw new UsageError(`${shown} holds ${sides.engines.length} engines' translations, so none of them is the reference`, { hint: 'pass the human translation as --ref' });
  }
  return { file: shown, paragraphs: sides.engines[0]!.paragraphs };
}

/** `--ref`: a plain English file, or the English of a TMX file whose Vietnamese is the source's. */
async function referenceInput(
  ref: string,
  sourceText: string,
  sourcePath: string,
  abs: (p: string) => string,
  read: (p: string) => Promise<TextFile>,
): Promise<CompareInput['reference']> {
  if (!isTmxPath(ref)) return { file: ref, text: (await read(ref)).text };
  const sides = await tmxSides(abs(ref), ref);
  tmxEngines(sides, sourceText, sourcePath);
  return tmxReference(sides, ref);
}
