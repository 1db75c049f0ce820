/**
 * `vitrans translate FILE... --engine deepl[,google,...]`: translates each file with each engine,
 * enforcing the glossary, and writes `<out>/<name>.<engine>.<lang>.txt|md` plus
 * `<out>/<name>.bilingual.json` (schema in src/formats/bilingual.ts), then a check summary line.
 * Everything is read, planned and budgeted before the first request; every output is written
 * atomically once its engine has finished the file, so a failed engine leaves nothing behind.
 */
import { existsSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { shownPath } from '../format-error.js';
import { AlignmentError, EngineError, UsageError } from '../../core/errors.js';
import type { Finding } from '../../core/types.js';
import type { Engine } from '../../engines/types.js';
import { getEngine } from '../../engines/registry.js';
import { loadGlossary } from '../../glossary/load.js';
import { glossaryCacheDir } from '../glossary-cache.js';
import { termPairs } from '../../glossary/export.js';
import { applyFixes } from '../../glossary/fix.js';
import type { Glossary } from '../../glossary/types.js';
import { checkTranslation, createCheckTools, prepareSource, type CheckTools, type PreparedSource } from '../../checks/index.js';
import { splitParagraphs } from '../../text/paragraphs.js';
import { readTextFile } from '../../text/read.js';
import { bilingualHeader, bilingualJson, bilingualParagraphs, mergeWithPrevious, readPreviousBilingual, type EngineFileResult } from '../../formats/bilingual.js';
import { DEFAULT_CACHE_PATH, openTranslationCache, type TranslationCache } from '../../store/index.js';
import { enforceBudget, estimateRun, formatEstimateTable } from '../../translate/estimate.js';
import { parseMarkdown, renderMarkdown, type MarkdownDocument } from '../../formats/markdown/segments.js';
import { nativeGlossaryOnce, planTranslation, rememberingMatcher, translateParagraphs, TranslationAbortedError } from '../../translate/orchestrator.js';
import type { ProtectedSpan } from '../../translate/placeholders.js';
import { retryRunner } from '../../translate/retry.js';
import type { ParagraphTranslation } from '../../translate/types.js';
import { loadConfig, resolveEngineSettings, withSettingFlags } from '../../config/load.js';
import { createProgress } from '../progress.js';
import { assertDirectoryOrAbsent, assertNotAnInput, writeFileAtomic } from '../write-file.js';
import { assertVietnameseSource } from '../translation-files.js';
import { checkableText, isMarkdownFile } from '../../formats/markdown/checkable.js';
import { exitCodeFor, type FailOn } from '../exit-codes.js';
import type { CliIO } from '../io.js';

/** Options of `vitrans translate`, as commander parses them. */
export interface TranslateOptions {
  engine: string;
  out?: string;
  /** Absent: `glossary.yaml` if it exists (translation without enforcement otherwise). */
  glossary?: string;
  config?: string;
  /** `--set ENGINE.SETTING=VALUE`, repeatable. */
  set?: string[];
  sourceLang: string;
  targetLang: string;
  concurrency?: string;
  /** A path, false for --no-cache, absent for the config's or the default path. */
  cache?: string | false;
  dryRun?: boolean;
  maxChars?: string;
  fix?: boolean;
  failOn?: FailOn;
  quiet?: boolean;
  compare?: boolean;
  format?: string;
}

/** The default requests in flight per engine. */
export const DEFAULT_CONCURRENCY = 4;

/** One input file, read and cut into what gets translated. */
interface InputFile {
  path: string;
  shown: string;
  /** File name without its extension: the outputs' stem. */
  stem: string;
  text: string;
  format: 'text' | 'markdown';
  segments: string[];
  markup?: ProtectedSpan[][];
  markdown?: MarkdownDocument;
}

/** Runs `vitrans translate`. Exit code 0 when every file was translated by every engine (130 when interrupted). */
export async function translateCommand(files: string[], opts: TranslateOptions, io: CliIO): Promise<number> {
  const abs = (p: string): string => resolve(io.cwd, p);
  const shown = (p: string): string => shownPath(p, io.cwd);
  if (opts.format && !opts.compare) throw new UsageError('--format chooses the comparison report: it goes with --compare', { hint: 'add --compare, or drop --format' });
  const engineNames = parseEngineList(opts.engine);
  const concurrencyFlag = positiveInt(opts.concurrency, '--concurrency');
  const maxChars = positiveInt(opts.maxChars, '--max-chars', true);
  const config = withSettingFlags(await loadConfig({ path: opts.config, cwd: io.cwd, env: io.env }), opts.set);
  io.registerSecrets(config.secrets);
  const concurrency = concurrencyFlag ?? config.concurrency ?? DEFAULT_CONCURRENCY;
  const outDir = abs(opts.out ?? 'out');
  assertDirectoryOrAbsent(outDir, '--out');

  const glossaryPath = opts.glossary ?? 'glossary.yaml';
  // --no-cache stores nothing: neither translations nor the compiled glossary.
  const glossary = await glossaryFor(abs(glossaryPath), opts.glossary === undefined, opts.quiet ? undefined : io, opts.cache === false ? undefined : glossaryCacheDir(io.cwd));
  // The checker's matchers serve the translation too (masking, prompt hints): built once.
  const tools = glossary ? createCheckTools(glossary) : undefined;
  const viMatcher = tools && rememberingMatcher(tools.vi);
  const pairs = glossary ? termPairs(glossary) : [];
  const inputs = await readInputs(files.map(abs), shown);
  if (opts.sourceLang.toLowerCase() === 'vi') {
    for (const input of inputs) assertVietnameseSource(checkableText(input.path, input.text), input.shown, 'vitrans translate ARTICLE.vi.txt -e ENGINE (or --source-lang for another language)');
  }
  const outputPathOf = (input: InputFile, engine: string): string =>
    join(outDir, `${input.stem}.${engine}.${opts.targetLang.toLowerCase()}.${input.format === 'markdown' ? 'md' : 'txt'}`);
  for (const input of inputs) {
    for (const name of engineNames) assertNotAnInput(outputPathOf(input, name), inputs.map((i) => i.path), '--out');
    assertNotAnInput(join(outDir, `${input.stem}.bilingual.json`), inputs.map((i) => i.path), '--out');
  }

  const cachePath = opts.cache === false ? undefined : abs(opts.cache ?? config.cache ?? DEFAULT_CACHE_PATH);
  const engines: Engine[] = [];
  let cache: TranslationCache | undefined;
  try {
    for (const name of engineNames) engines.push(await createEngine(name, config, io, Boolean(opts.dryRun)));
    if (cachePath && (!opts.dryRun || existsSync(cachePath))) cache = openTranslationCache(cachePath);

    // The plans are summed and let go at once: each holds every paragraph of its file.
    const estimates = estimateRun(
      inputs.flatMap((input) =>
        engines.map((engine) => ({
          engine: engine.name,
          plan: planTranslation({ engine, paragraphs: input.segments, markup: input.markup, glossary, viMatcher, cache, sourceLang: opts.sourceLang, targetLang: opts.targetLang }),
        })),
      ),
      config.prices,
    );
    if (opts.dryRun) {
      io.stdout.write(formatEstimateTable(estimates));
      for (const e of engines.filter((x) => x.model.endsWith('/unconfigured'))) {
        io.stdout.write(`note: ${e.name} is not configured (${getEngine(e.name).status(resolveEngineSettings(e.name, config, io.env)).missing}): its cache cannot be consulted, so every paragraph counts\n`);
      }
      if (estimates.some((e) => e.costUsd === null)) io.stdout.write('note: n/a = no price per character for this engine; set one under prices: in vitrans.config.yaml\n');
      if (maxChars !== undefined) enforceBudget(estimates, maxChars);
      return 0;
    }
    enforceBudget(estimates, maxChars);

    const retry = retryRunner({ maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 60_000 });
    const progress = createProgress({ stream: io.stderr, quiet: opts.quiet, now: Date.now });
    const glossaryIds = new Map(
      engines.map((e) => [e.name, nativeGlossaryOnce(e, pairs, glossary?.hash ?? '', { sourceLang: opts.sourceLang, targetLang: opts.targetLang })]),
    );
    let paragraphs = 0;
    let cached = 0;
    let billed = 0;
    const allFindings: Finding[] = [];
    const warnings = new Map<string, number>();

    for (const input of inputs) {
      // The engines of one file run side by side, each with its own concurrency; a failing engine
      // does not stop the others, whose outputs are written before the failure is reported.
      const check: SourceCheck | undefined = tools && { tools, source: prepareSource({ file: input.shown, text: checkableText(input.path, input.text) }, tools) };
      progress.begin(`${input.shown} → ${engines.map((e) => e.name).join(', ')}`, engines.length);
      const settled = await Promise.allSettled(
        engines.map(async (engine) => {
          const translations = await translateParagraphs({
            engine,
            paragraphs: input.segments,
            markup: input.markup,
            sourceLang: opts.sourceLang,
            targetLang: opts.targetLang,
            glossary,
            termPairs: pairs,
            viMatcher,
            nativeGlossaryId: glossaryIds.get(engine.name),
            cache,
            concurrency,
            retry,
            signal: io.signal,
            onProgress: (e) => progress.update(e),
          });
          const outPath = outputPathOf(input, engine.name);
          const result = finishEngineFile(input, engine, translations, shown(outPath), check, Boolean(opts.fix));
          await writeFileAtomic(outPath, result.text);
          if (result.unchecked) io.stderr.write(`vitrans: warning: ${shown(outPath)} does not align with ${input.shown} paragraph for paragraph; it was not checked\n`);
          return { translations, file: result.file };
        }),
      );
      progress.end();
      const results: EngineFileResult[] = [];
      for (const outcome of settled) {
        if (outcome.status === 'rejected') continue;
        const { translations, file } = outcome.value;
        results.push(file);
        paragraphs += translations.length;
        for (const t of translations) {
          if (t.cached) cached++;
          billed += t.billedCharacters ?? 0;
          for (const w of t.warnings) warnings.set(w, (warnings.get(w) ?? 0) + 1);
        }
        for (const f of file.otherFindings) allFindings.push(f);
        for (const list of file.paragraphFindings) for (const f of list) allFindings.push(f);
      }
      const failure = settled.find((o) => o.status === 'rejected');
      if (failure) throw failure.reason;
      const header = bilingualHeader(
        { file: input.shown, format: input.format, sourceLang: opts.sourceLang, targetLang: opts.targetLang },
        glossary ? { file: shown(glossary.file), hash: glossary.hash } : null,
        results,
      );
      const bilingualPath = join(outDir, `${input.stem}.bilingual.json`);
      // Written paragraph by paragraph, merged with an earlier file as it is read: neither this
      // document nor the earlier one is ever one string or one object in memory.
      const merged = await mergeWithPrevious(await readPreviousBilingual(bilingualPath), header, input.segments, () => bilingualParagraphs(input.segments, results));
      if (merged.dropped.length > 0 && !opts.quiet) {
        io.stderr.write(`vitrans: note: ${shown(bilingualPath)} was for another text; its ${merged.dropped.join(', ')} results are not kept (their .en files are stale)\n`);
      }
      await writeFileAtomic(bilingualPath, bilingualJson(merged.header, merged.paragraphs));
    }

    // With --compare, stdout carries the comparison report (possibly JSON): the summary goes to stderr.
    const summaryStream = opts.compare ? io.stderr : io.stdout;
    if (!opts.quiet) summaryStream.write(summaryLine(inputs.length, engines, paragraphs, cached, billed, allFindings, warnings, glossary !== undefined) + '\n');
    if (opts.compare) {
      const [{ compareCommand }, { DEFAULT_BOOTSTRAP }] = await Promise.all([import('./compare.js'), import('../../compare/compare.js')]);
      const format = (opts.format ?? 'text') as 'text' | 'markdown' | 'html' | 'json';
      // One report per article: several HTML or JSON documents in one stream would be no document.
      const toFiles = inputs.length > 1 && format !== 'text';
      for (const input of inputs) {
        const outputs = engines.map((e) => outputPathOf(input, e.name));
        const output = toFiles ? join(outDir, `${input.stem}.compare.${format === 'markdown' ? 'md' : format}`) : undefined;
        await compareCommand(input.shown, outputs, { format, glossary: glossaryPath, bootstrap: true, seed: String(DEFAULT_BOOTSTRAP.seed), ...(output ? { output } : {}) }, io);
      }
    }
    return exitCodeFor(allFindings, opts.failOn ?? 'never');
  } catch (err) {
    if (err instanceof TranslationAbortedError) {
      io.stderr.write(`vitrans: ${err.message}\n`);
      return 130;
    }
    throw err;
  } finally {
    cache?.close();
    await Promise.allSettled(engines.map((e) => e.close?.()));
  }
}

/** `deepl, google,deepl` → ['deepl', 'google']; unknown names fail early with a suggestion. */
function parseEngineList(value: string): string[] {
  const names = [...new Set(value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))];
  if (names.length === 0) throw new UsageError('--engine needs at least one engine name', { hint: 'e.g. --engine deepl,google' });
  for (const n of names) getEngine(n);
  return names;
}

function positiveInt(value: string | undefined, flag: string, allowZero = false): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || (!allowZero && n < 1)) {
    throw new UsageError(`${flag} must be a ${allowZero ? 'non-negative' : 'positive'} whole number, got "${value}"`);
  }
  return n;
}

/** The default glossary may be absent (translate without enforcement); a named one must exist. */
async function glossaryFor(path: string, isDefault: boolean, io: CliIO | undefined, cacheDir: string | undefined): Promise<Glossary | undefined> {
  if (isDefault && !existsSync(path)) {
    io?.stderr.write('vitrans: no glossary.yaml here: translating without glossary enforcement\n');
    return undefined;
  }
  return loadGlossary(path, { cacheDir });
}

async function readInputs(paths: string[], shown: (p: string) => string): Promise<InputFile[]> {
  const inputs: InputFile[] = [];
  const stems = new Map<string, string>();
  for (const path of paths) {
    const file = await readTextFile(path);
    const stem = basename(path, extname(path));
    const clash = stems.get(stem);
    if (clash) throw new UsageError(`${shown(clash)} and ${shown(path)} would write the same outputs (${stem}.*)`, { hint: 'translate them in separate runs with different --out directories' });
    stems.set(stem, path);
    if (isMarkdownFile(path)) {
      const markdown = parseMarkdown(file.text);
      inputs.push({
        path,
        shown: shown(path),
        stem,
        text: file.text,
        format: 'markdown',
        segments: markdown.segments.map((s) => s.text),
        markup: markdown.segments.map((s) => s.markup),
        markdown,
      });
    } else {
      inputs.push({ path, shown: shown(path), stem, text: file.text, format: 'text', segments: splitParagraphs(file.text).map((p) => p.text) });
    }
  }
  return inputs;
}

async function createEngine(name: string, config: Awaited<ReturnType<typeof loadConfig>>, io: CliIO, dryRun: boolean): Promise<Engine> {
  const def = getEngine(name);
  const settings = resolveEngineSettings(def.name, config, io.env);
  if (dryRun && !def.status(settings).configured) {
    // A dry run without keys still estimates: a stand-in with the engine's limits (cache keys
    // need the real model, so nothing counts as cached).
    return {
      name: def.name,
      model: `${def.name}/unconfigured`,
      capabilities: def.capabilities,
      cacheOptions: {},
      translate: () => Promise.reject(new EngineError(def.name, 'auth', 'not configured')),
    };
  }
  return def.create(settings);
}

const NO_FINDINGS: Finding[] = Object.freeze([]) as unknown as Finding[];

/** Renders one engine's output for one file, runs the checker on it, applies --fix. */
function finishEngineFile(
  input: InputFile,
  engine: Engine,
  translations: ParagraphTranslation[],
  outShown: string,
  check: SourceCheck | undefined,
  fix: boolean,
): { text: string; file: EngineFileResult; unchecked: boolean } {
  const render = (targets: string[]): string =>
    input.markdown ? renderMarkdown(input.markdown, targets) : targets.join('\n\n') + '\n';
  // A blank line inside one translated paragraph would shift every later paragraph.
  let targets = translations.map((t) => t.target.replace(/\n[ \t]*(?:\n[ \t]*)+/g, '\n').trim());
  let text = render(targets);
  let checked = checkTranslationText(check, text, outShown, engine.name);
  if (fix && checked) {
    const fixes = checked.filter((f) => f.fix).map((f) => f.fix!);
    if (fixes.length > 0) {
      text = applyFixes(text, fixes);
      if (!input.markdown) targets = splitParagraphs(text).map((p) => p.text);
      checked = checkTranslationText(check, text, outShown, engine.name);
    }
  }
  const findings = checked ?? [];
  // One shared empty list for the (many) paragraphs without findings; a list of its own on the first.
  const perParagraph: Finding[][] = new Array<Finding[]>(translations.length).fill(NO_FINDINGS);
  const other: Finding[] = [];
  for (const f of findings) {
    const at = !input.markdown && f.paragraph !== undefined && f.paragraph <= translations.length ? f.paragraph - 1 : -1;
    if (at < 0) other.push(f);
    else if (perParagraph[at] === NO_FINDINGS) perParagraph[at] = [f];
    else perParagraph[at]!.push(f);
  }
  // The results are this run's own objects: the fixed targets go into them, not into copies.
  if (!input.markdown) translations.forEach((t, i) => (t.target = targets[i] ?? t.target));
  const fixed = translations;
  return {
    text,
    file: { engine: engine.name, model: engine.model, output: outShown, translations: fixed, paragraphFindings: perParagraph, otherFindings: other },
    unchecked: check !== undefined && checked === undefined,
  };
}

/** A source prepared once for checking all its outputs: the glossary's tools and the matched source. */
interface SourceCheck {
  tools: CheckTools;
  source: PreparedSource;
}

/**
 * The glossary checker over one translated file (src/checks), as `vitrans check` runs it:
 * findings with positions in the output (Markdown read without its code). Undefined when the output
 * cannot be aligned with its source; empty without a glossary.
 */
function checkTranslationText(check: SourceCheck | undefined, outputText: string, outputShown: string, engine: string): Finding[] | undefined {
  if (!check) return [];
  try {
    return checkTranslation(check.source, { file: outputShown, text: checkableText(outputShown, outputText), engine }, check.tools).findings;
  } catch (err) {
    if (err instanceof AlignmentError) return undefined;
    throw err;
  }
}

function summaryLine(
  files: number,
  engines: Engine[],
  paragraphs: number,
  cached: number,
  billed: number,
  findings: Finding[],
  warnings: Map<string, number>,
  checked: boolean,
): string {
  const count = (s: string): number => findings.filter((f) => f.severity === s).length;
  const warned = [...warnings].map(([w, n]) => `${n} ${w}`).join(', ');
  const check = checked ? `check: ${count('error')} errors, ${count('warning')} warnings` : 'check: skipped (no glossary)';
  return (
    `translated ${files} file${files === 1 ? '' : 's'} with ${engines.map((e) => e.name).join(', ')}: ` +
    `${paragraphs} paragraphs (${cached} cached), ${billed} billed characters; ${check}` +
    (warned ? `; warnings: ${warned}` : '')
  );
}

