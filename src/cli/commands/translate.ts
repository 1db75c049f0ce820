/**
 * `vitrans translate FILE... --engine deepl[,google,...]`: translates each file with each engine,
 * enforcing the glossary, and writes `<out>/<name>.<engine>.<lang>.txt|md` plus
 * `<out>/<name>.bilingual.json` (schema in src/formats/bilingual.ts), then a check summary line.
 * Everything is read, planned and budgeted before the first request; every output is written
 * atomically once its engine has finished the file, so a failed engine leaves nothing behind.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { shownPath } from '../format-error.js';
import { AlignmentError, ConfigError, EngineError, InputError, UsageError, UserError, withoutCacheClaims } from '../../core/errors.js';
import type { Finding, Paragraph, Severity } from '../../core/types.js';
import type { Engine } from '../../engines/types.js';
import { getEngine } from '../../engines/registry.js';
import { loadGlossary } from '../../glossary/load.js';
import { glossaryCacheDir, storeCompiledGlossary } from '../../glossary/compiled.js';
import { termPairs } from '../../glossary/export.js';
import { applyFixes } from '../../glossary/fix.js';
import type { Glossary } from '../../glossary/types.js';
import { checkTranslation, checkXliff, createCheckTools, fixesToApply, prepareSource, type CheckTools, type PreparedSource } from '../../checks/index.js';
import { paragraphNumbered, splitParagraphs } from '../../text/paragraphs.js';
import { decodeText, readError, readTextFile } from '../../text/read.js';
import { readOptionsFor, validateEncodingChoice, type EncodingChoice } from '../../text/encodings.js';
import { CORPUS_LAYOUT_HINT, scanCorpus } from '../../text/corpus.js';
import { STDIN_PATH, outputTarget, outputText, targetsInOutput, type StdinInput } from '../../formats/articles.js';
import type { CleanOptions, RemovedLine } from '../../formats/clean.js';
import { outputPlaces, prepareTranslationSource, type OutputPlace } from '../../translate/inputs.js';
import { cleanOptionsFrom, reportCleaning } from '../clean-options.js';
import { STDIN_NAME, stdinFor } from '../stdin.js';
import { bilingualHeader, bilingualJson, bilingualParagraphs, mergeWithPrevious, readPreviousBilingual, type EngineFileResult } from '../../formats/bilingual.js';
import { DEFAULT_CACHE_PATH, openTranslationCache, type TranslationCache } from '../../store/index.js';
import { enforceBudget, estimateRun, formatEstimateTable } from '../../translate/estimate.js';
import type { MarkdownDocument } from '../../formats/markdown/segments.js';
import { InFlightRequests } from '../../core/in-flight.js';
import { onStopSayWaiting } from '../stop-notice.js';
import { DEFAULT_LEASE_MS, nativeGlossaryOnce, planTranslation, rememberingMatcher, translateParagraphs, TranslationAbortedError, type TranslationPlan } from '../../translate/orchestrator.js';
import type { ProtectedSpan } from '../../translate/placeholders.js';
import { retryRunner, RUN_RETRY_POLICY } from '../../translate/retry.js';
import type { ParagraphTranslation, TranslateProgress } from '../../translate/types.js';
import { loadConfig, resolveEngineSettings, withSettingFlags } from '../../config/load.js';
import { checkSettingsOf, encodingChoiceOf, engineSettingOrigin, runSettings } from '../../config/effective.js';
import { suppressInLists, type SuppressionRule } from '../../checks/suppressions.js';
import type { CheckSettings } from '../../checks/runner.js';
import { FindingTally } from '../../report/check-compact.js';
import { plural } from '../../report/check-common.js';
import { shellQuote } from '../shell-quote.js';
import { createProgress } from '../progress.js';
import { assertDirectoryOrAbsent, assertNotAnInput, assertWritableDirectory, writeFailure, writeFailureHint, writeFilesTogether } from '../write-file.js';
import { assertVietnameseSource } from '../translation-files.js';
import { checkableText } from '../../formats/markdown/checkable.js';
import { detectFormat } from '../../formats/registry.js';
import { docxView, hasText, readDocx, readDocxFile, writeDocx, type DocxDocument, type DocxParagraph } from '../../formats/docx.js';
import { articleHtml, readHtmlArticle } from '../../formats/html.js';
import { asUtf8Xml, readXliff, readXliffFile, segmentsToTranslate, tagMismatches, writeXliff, type XliffDocument, type XliffSegment } from '../../formats/xliff.js';
import { exitCodeForCounts, type FailOn } from '../exit-codes.js';
import { readFile } from 'node:fs/promises';
import type { Redis } from 'ioredis';
import { isRedisUrl } from '../../core/redis-url.js';
import type { QueuedRun } from '../../queue/coordinator.js';
import type { RateLimit } from '../../queue/limiter.js';
import { DEFAULT_LIMIT_INTERVAL_MS, type QueueConfig } from '../../config/queue.js';
import { openRedis, queueAddressFor, redisCacheFor } from '../redis.js';
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
  unsafeFixes?: boolean;
  failOn?: FailOn;
  quiet?: boolean;
  compare?: boolean;
  format?: string;
  /** How the sources are read: `encoding` (alias `sourceEncoding`, which wins). */
  encoding?: string;
  sourceEncoding?: string;
  /** Leave site chrome out before translating (vitrans clean's rules; `cleanPatterns` adds a patterns file). */
  clean?: boolean;
  cleanPatterns?: string;
  /** --builtin-rules / --no-builtin-rules; absent: the config's clean.builtin_rules, else true. */
  builtinRules?: boolean;
  /** The name standard input (`-`) goes by: its outputs' stem, and `.md` for Markdown. */
  stdinFilename?: string;
  /** Also write each Markdown output (of a web page or Markdown article) as a clean HTML page. */
  html?: boolean;
  /** XLIFF: translate segments that have a target too (never protected ones). */
  overwrite?: boolean;
  /** XLIFF: the state written targets get (default needs-review). */
  xliffState?: 'needs-review' | 'translated';
  /** Enqueue on this Redis for `vitrans worker`s instead of translating here. */
  queue?: string | boolean;
  /** With --queue: print the run id and return. */
  detach?: boolean;
  /** With --queue: wait for this run and write its outputs. */
  resume?: string;
  batchParagraphs?: string;
  rateRequests?: string;
  rateCharacters?: string;
  rateInterval?: string;
}

/** The default requests in flight per engine. */
export const DEFAULT_CONCURRENCY = 4;

/** One input file, read and cut into what gets translated. */
interface InputFile {
  path: string;
  shown: string;
  /** Where its outputs go: a folder under --out and their names' stem. */
  place: OutputPlace;
  /** The source file's path from the outputs' folder, for the bilingual JSON (none for stdin). */
  fromOutputs?: string;
  /** The text as read (before cleaning). */
  text: string;
  format: 'text' | 'markdown' | 'xliff' | 'docx';
  segments: string[];
  /** A Word source: the document read, and its paragraphs with text (parallel to `segments`). */
  docx?: { doc: DocxDocument; paragraphs: DocxParagraph[] };
  /** An XLIFF source: the file read, and the segments being translated (parallel to `segments`). */
  xliff?: { doc: XliffDocument; segments: XliffSegment[]; extension: string };
  markup?: ProtectedSpan[][];
  markdown?: MarkdownDocument;
  /** Lines --clean removed. */
  removed: RemovedLine[];
  /** The source as the checker reads it (cleaned lines blanked, positions those of the file). */
  check: { text: string; paragraphs?: Paragraph[] };
}

/** Runs `vitrans translate`. Exit code 0 when every file was translated by every engine (130 when interrupted). */
export async function translateCommand(files: string[], opts: TranslateOptions, io: CliIO): Promise<number> {
  const abs = (p: string): string => resolve(io.cwd, p);
  const shown = (p: string): string => shownPath(p, io.cwd);
  if (opts.format && !opts.compare) throw new UsageError('--format chooses the comparison report: it goes with --compare', { hint: 'add --compare, or drop --format' });
  if (opts.unsafeFixes && !opts.fix) throw new UsageError('--unsafe-fixes only says which fixes --fix applies', { hint: 'add --fix to apply them' });
  const engineNames = parseEngineList(opts.engine);
  if (!opts.queue) {
    const flag = (['detach', 'resume', 'batchParagraphs', 'rateRequests', 'rateCharacters', 'rateInterval'] as const).find((k) => opts[k] !== undefined);
    if (flag) throw new UsageError(`--${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} goes with --queue`, { hint: 'add --queue redis://HOST:PORT, or drop it' });
  }
  if (opts.detach && opts.resume) throw new UsageError('--detach starts a run and returns; --resume waits for one', { hint: 'drop one of them' });
  const batchParagraphs = positiveInt(opts.batchParagraphs, '--batch-paragraphs');
  const rateFlags = { requests: positiveInt(opts.rateRequests, '--rate-requests'), characters: positiveInt(opts.rateCharacters, '--rate-characters'), intervalMs: positiveInt(opts.rateInterval, '--rate-interval') };
  const concurrencyFlag = positiveInt(opts.concurrency, '--concurrency');
  const maxChars = positiveInt(opts.maxChars, '--max-chars', true);
  const config = withSettingFlags(await loadConfig({ path: opts.config, cwd: io.cwd, env: io.env }), opts.set);
  io.registerSecrets(config.secrets);
  const queueAddress = queueAddressFor(opts.queue, config, io, false);
  const concurrency = concurrencyFlag ?? config.concurrency ?? DEFAULT_CONCURRENCY;
  const outDir = abs(opts.out ?? 'out');
  assertDirectoryOrAbsent(outDir, '--out');

  const settings = runSettings(config, { glossary: opts.glossary }, abs, { glossary: 'glossary.yaml' });
  const glossaryPath = settings.glossary.value;
  // --no-cache stores nothing: neither translations nor the compiled glossary.
  const glossary = await glossaryFor(glossaryPath, settings.glossary.origin.kind === 'default', opts.quiet ? undefined : io, opts.cache === false ? undefined : glossaryCacheDir(io.cwd));
  // The checker's matchers serve the translation too (masking, prompt hints): built once.
  const tools = glossary ? createCheckTools(glossary, checkSettingsOf(config)) : undefined;
  const viMatcher = tools && rememberingMatcher(tools.vi);
  const pairs = glossary ? termPairs(glossary) : [];
  const encodings: EncodingChoice = { all: opts.encoding, source: opts.sourceEncoding, ...encodingChoiceOf(config) };
  validateEncodingChoice(encodings);
  const paths = await sourcePaths(files.map((f) => (f === STDIN_PATH ? f : abs(f))), shown);
  if (opts.compare && paths.includes(STDIN_PATH)) throw new UsageError('--compare reads the source again from its file, and standard input has none', { hint: 'save the article to a file and translate that' });
  const stdin = await stdinFor(paths, io, opts.stdinFilename, 'cat article.vi.txt | vitrans translate - -e deepl');
  const clean = await cleanOptionsFrom(opts, abs, config);
  const vietnamese = opts.sourceLang.toLowerCase() === 'vi';
  const inputs = await readInputs(paths, { shown, encodings, clean, stdin, vietnamese, outDir, overwrite: Boolean(opts.overwrite), targetLang: opts.targetLang });
  if (!inputs.some((i) => i.xliff)) {
    if (opts.overwrite) throw new UsageError('--overwrite says which XLIFF targets to translate, and no input is an XLIFF file', { hint: 'drop --overwrite' });
    if (opts.xliffState) throw new UsageError('--xliff-state sets the state of XLIFF targets, and no input is an XLIFF file', { hint: 'drop --xliff-state' });
  }
  if (opts.compare && inputs.some((i) => i.xliff)) throw new UsageError('--compare compares plain-text or Markdown outputs; an XLIFF file is checked instead', { hint: 'drop --compare, and run vitrans check on the written XLIFF' });
  if (clean && inputs.some((i) => i.xliff)) {
    const how = opts.clean || opts.cleanPatterns !== undefined ? '--clean' : "cleaning (the config's clean.enabled)";
    throw new UsageError(`${how} removes site chrome from articles; an XLIFF file holds only the segments its CAT tool chose`, { hint: opts.clean ? 'drop --clean for XLIFF files' : 'translate XLIFF files with --no-clean' });
  }
  const notMarkdown = opts.html ? inputs.find((i) => i.format !== 'markdown') : undefined;
  if (notMarkdown) {
    throw new UsageError(`--html writes the translations of web pages and Markdown articles as HTML, and ${notMarkdown.shown} is neither`, { hint: 'drop --html, or translate the article as a web page (.html) or Markdown (.md)' });
  }
  const word = inputs.find((i) => i.docx);
  if (word) {
    if (opts.compare) throw new UsageError(`--compare compares plain-text or Markdown outputs, and ${word.shown} is a Word document`, { hint: `drop --compare, and run vitrans check ${word.shown} on the written .docx files` });
    if (clean) {
      const how = opts.clean || opts.cleanPatterns !== undefined ? '--clean' : "cleaning (the config's clean.enabled)";
      throw new UsageError(`${how} removes site-chrome lines from web articles, and ${word.shown} is a Word document`, { hint: opts.clean ? 'drop --clean for Word documents' : 'translate Word documents with --no-clean' });
    }
    if (opts.fix) throw new UsageError(`--fix rewrites text outputs, and ${word.shown} is translated into a Word document`, { hint: 'drop --fix: the findings name the paragraph to correct in Word' });
  }
  if (!opts.quiet) for (const input of inputs) if (input.xliff) noteXliffSegments(input, Boolean(opts.overwrite), io);
  if (vietnamese) {
    for (const input of inputs) assertVietnameseSource(checkableText(input.path, input.text), input.shown, 'vitrans translate ARTICLE.vi.txt -e ENGINE (or --source-lang for another language)');
  }
  if (clean && !opts.quiet) for (const input of inputs) reportCleaning(input.shown, input.removed, shown, io, input.path === STDIN_PATH);
  const outputPathOf = (input: InputFile, engine: string): string =>
    join(input.place.dir, `${input.place.stem}.${engine}.${opts.targetLang.toLowerCase()}${input.xliff ? input.xliff.extension : input.docx ? '.docx' : input.format === 'markdown' ? '.md' : '.txt'}`);
  const bilingualPathOf = (input: InputFile): string => join(input.place.dir, `${input.place.stem}.bilingual.json`);
  const htmlPathOf = (input: InputFile, engine: string): string => join(input.place.dir, `${input.place.stem}.${engine}.${opts.targetLang.toLowerCase()}.html`);
  const inputPaths = inputs.map((i) => i.path).filter((p) => p !== STDIN_PATH);
  for (const input of inputs) {
    for (const name of engineNames) assertNotAnInput(outputPathOf(input, name), inputPaths, '--out');
    if (opts.html) for (const name of engineNames) assertNotAnInput(htmlPathOf(input, name), inputPaths, '--out');
    if (!input.xliff && !input.docx) assertNotAnInput(bilingualPathOf(input), inputPaths, '--out');
  }

  const cacheSetting = opts.cache === false ? undefined : (opts.cache ?? config.cache ?? DEFAULT_CACHE_PATH);
  const cachePath = cacheSetting && !isRedisUrl(cacheSetting) ? abs(cacheSetting) : undefined;
  const engines: Engine[] = [];
  let cache: TranslationCache | undefined;
  let queued: QueuedRun | undefined;
  let queueRedis: Redis | undefined;
  const inFlight = new InFlightRequests();
  let stopNotice: (() => void) | undefined;
  try {
    // A coordinator needs no engine keys (the workers use their own): an engine not configured
    // here plans with a stand-in, whose cache keys find nothing, so its workers look the cache up.
    for (const name of engineNames) engines.push(await createEngine(name, config, io, Boolean(opts.dryRun) || queueAddress !== undefined));
    cache = (await redisCacheFor(cacheSetting, io))?.cache;
    // A cache that does not exist yet has nothing to tell the plan: it is created only once the
    // run is sure to go ahead (a dry run or a refused budget leaves no file behind).
    if (cachePath && existsSync(cachePath)) cache = openTranslationCache(cachePath);

    // The plans are summed and let go at once: each holds every paragraph of its file.
    const plans: { engine: string; plan: TranslationPlan }[] = [];
    for (const input of inputs) {
      for (const engine of engines) {
        plans.push({ engine: engine.name, plan: await planTranslation({ engine, paragraphs: input.segments, markup: input.markup, glossary, viMatcher, cache, sourceLang: opts.sourceLang, targetLang: opts.targetLang }) });
      }
    }
    const estimates = estimateRun(plans, config.prices);
    // A queued run cuts its batches from the plans; a local one plans again as it goes.
    const kept = queueAddress ? inputs.map((_, f) => plans.slice(f * engines.length, (f + 1) * engines.length).map((p) => p.plan)) : [];
    plans.length = 0;
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
    // A folder that cannot take the outputs is found before anything is paid for.
    await assertWritableDirectory(outDir, expectedOutputBytes(inputs, engines.length), { option: '--out', shown: shown(outDir) });
    if (cachePath && !cache) cache = openTranslationCache(cachePath);
    // The run goes ahead: now the compiled glossary is kept for the next one.
    await storeCompiledGlossary(glossary);
    if (queueAddress) {
      queueRedis = await openRedis(queueAddress, 'vitrans-coordinator', io);
      const { startQueuedRun } = await import('../../queue/coordinator.js');
      queued = await startQueuedRun({
        redis: queueRedis,
        ...(opts.resume ? { resume: opts.resume } : {}),
        sourceLang: opts.sourceLang,
        targetLang: opts.targetLang,
        ...(glossary ? { glossary: { file: shown(glossary.file), text: await readFile(glossary.file, 'utf8'), hash: glossary.hash } } : {}),
        files: inputs.map((i) => ({ shown: i.shown, ...(i.markup ? { markup: i.markup } : {}) })),
        engines,
        plans: kept,
        limits: rateLimitsFor(engineNames, config.queue, rateFlags),
        ...((batchParagraphs ?? config.queue?.batchParagraphs) ? { batchParagraphs: batchParagraphs ?? config.queue?.batchParagraphs } : {}),
        signal: io.signal,
        onNote: (line) => io.stderr.write(`vitrans: ${line}\n`),
      });
      const resumeLine = `vitrans translate ${files.map(shellQuote).join(' ')} -e ${engineNames.join(',')} --queue ${shellQuote(queueAddress.shown)} --resume ${queued.id}`;
      if (opts.detach) {
        io.stdout.write(`${queued.id}\n`);
        if (!opts.quiet) io.stderr.write(`vitrans: run ${queued.id}: ${queued.enqueued} batches of ${queued.spec.paragraphs} paragraphs queued on ${queueAddress.shown}; collect the outputs with: ${resumeLine}\n`);
        return 0;
      }
      if (!opts.quiet) io.stderr.write(`vitrans: run ${queued.id}: ${queued.enqueued} batches queued on ${queueAddress.shown} (${queued.spec.jobs} in all); if this stops, collect it with --resume ${queued.id}\n`);
    }

    const retry = retryRunner(RUN_RETRY_POLICY);
    // The first Ctrl-C waits for the requests already sent (their answers are cached, as they are
    // paid for): say so once, and how to stop at once instead. Without a cache nothing could be
    // kept, so the orchestrator aborts them and there is nothing to wait for.
    if (!queued && cache) stopNotice = onStopSayWaiting(io, inFlight, 'engine');
    // This run's claims in the cache: another run on the same cache waits for them, or takes them
    // over once they lapse (this process crashed).
    const lease = { owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`, ttlMs: leaseMs(io.env.VITRANS_CACHE_LEASE_MS) };
    const progress = createProgress({ stream: io.stderr, quiet: opts.quiet, now: Date.now });
    const glossaryIds = new Map(
      engines.map((e) => [e.name, nativeGlossaryOnce(e, pairs, glossary?.hash ?? '', { sourceLang: opts.sourceLang, targetLang: opts.targetLang })]),
    );
    // The config's suppressions list applies to the outputs as `vitrans check` would apply it, before
    // the bilingual JSON is written (stale entries are check's to report).
    const suppressions = (config.suppressions ?? []).map((r) => ({ ...r, at: { ...r.at, file: shown(r.at.file) } }));
    const levels = checkSettingsOf(config).severity;
    let paragraphs = 0;
    let cached = 0;
    const usage = new Map(engines.map((e) => [e.name, emptyUsage()]));
    // Counts and the first findings listed: each file's findings go with its bilingual JSON.
    const findings = new FindingTally(FINDINGS_LISTED);
    const warnings = new Map<string, number>();
    const fellBack = new Set<string>();
    const onProgress = (e: TranslateProgress): void => {
      if (e.type !== 'glossary-fallback') return progress.update(e);
      if (fellBack.has(e.engine)) return;
      fellBack.add(e.engine);
      io.stderr.write(`vitrans: warning: ${e.engine}: ${e.reason}; glossary terms are protected with placeholders instead\n`);
    };

    for (const input of inputs) {
      // The engines of one file run side by side, each with its own concurrency; a failing engine
      // does not stop the others, whose outputs are written before the failure is reported.
      let check: SourceCheck | undefined = tools && { tools, source: prepareSource({ file: input.shown, ...input.check }, tools) };
      progress.begin(`${input.shown} → ${engines.map((e) => e.name).join(', ')}`, engines.length);
      const fileIndex = inputs.indexOf(input);
      let translating = engines.length;
      const settled = await Promise.allSettled(
        engines.map(async (engine) => {
          const translations = await (queued ? queued.translations(fileIndex, engine.name) : translateParagraphs({
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
            lease,
            concurrency,
            retry,
            signal: io.signal,
            inFlight,
            onProgress,
            redact: io.redact,
          })).finally(() => {
            // The last engine of the file has asked about its paragraphs: their term matches go before the checks.
            if (--translating === 0) viMatcher?.forget();
          });
          const outPath = outputPathOf(input, engine.name);
          const result = input.xliff
            ? finishXliffFile(input, engine, translations, shown(outPath), tools, { targetLang: opts.targetLang, state: opts.xliffState ?? 'needs-review' })
            : input.docx
              ? await finishDocxFile(input, engine, translations, shown(outPath), check)
              : finishEngineFile(input, engine, translations, shown(outPath), check, opts.fix ? { unsafe: Boolean(opts.unsafeFixes) } : undefined);
          if (result.unchecked) io.stderr.write(`vitrans: warning: ${shown(outPath)} does not align with ${input.shown} paragraph for paragraph; it was not checked\n`);
          const output = { path: outPath, content: 'content' in result ? result.content : result.text };
          // The page is the Markdown output as checked (and fixed), rendered: the .md stays what findings point into.
          const page = opts.html && 'text' in result ? [{ path: htmlPathOf(input, engine.name), content: articleHtml(result.text, opts.targetLang) }] : [];
          return { translations, file: result.file, outputs: [output, ...page], paragraphs: result.paragraphs };
        }),
      );
      progress.end();
      // The source's term matches and paragraphs served the checks: the writes need none of them.
      check = undefined;
      const results: EngineFileResult[] = [];
      const outputs: { path: string; content: string | Uint8Array }[] = [];
      for (const outcome of settled) {
        if (outcome.status === 'rejected') continue;
        const { translations, file, outputs: written, paragraphs: checkedParagraphs } = outcome.value;
        results.push(file);
        for (const output of written) outputs.push(output);
        paragraphs += translations.length;
        addUsage(usage.get(file.engine)!, translations);
        let leaked = 0;
        for (const t of translations) {
          if (t.cached) cached++;
          else if (t.warnings.includes('secret-redacted')) leaked++;
          for (const w of t.warnings) warnings.set(w, (warnings.get(w) ?? 0) + 1);
        }
        if (leaked > 0) {
          io.stderr.write(`vitrans: warning: ${file.engine} returned a key inside ${leaked} translation${leaked === 1 ? '' : 's'} of ${input.shown}; it is masked as [REDACTED] in the outputs, the bilingual JSON and the cache\n`);
        }
        // An XLIFF output's paragraphs are its checked segments, a Word document's those read back from it.
        const text = written[0]?.content;
        suppressInFile(file, checkedParagraphs ?? (typeof text === 'string' ? text : undefined), suppressions, levels, abs);
        for (const f of file.otherFindings) findings.add(f);
        for (const list of file.paragraphFindings) for (const f of list) findings.add(f);
      }
      // The engines that finished are written, with their bilingual JSON, before a failure of
      // another engine is reported; the outputs and the JSON are written together or not at all.
      const failure = settled.find((o) => o.status === 'rejected');
      if (results.length === 0) throw (failure as PromiseRejectedResult).reason;
      // An XLIFF file is bilingual itself: its translation goes back into it, with no JSON beside it.
      // A Word document's translation is a Word document, checked against its source (no JSON either).
      const written: Parameters<typeof writeFilesTogether>[0][number][] = [...outputs];
      if (input.format === 'text' || input.format === 'markdown') {
        const header = bilingualHeader(
          {
            file: input.shown,
            format: input.format,
            sourceLang: opts.sourceLang,
            targetLang: opts.targetLang,
            ...(input.fromOutputs !== undefined ? { path: input.fromOutputs } : {}),
            ...(input.removed.length > 0 ? { clean: { removed: input.removed.map((r) => ({ line: r.line, rule: r.rule, text: r.text })) } } : {}),
          },
          glossary ? { file: shown(glossary.file), hash: glossary.hash } : null,
          results,
        );
        const bilingualPath = bilingualPathOf(input);
        // Written paragraph by paragraph, merged with an earlier file as it is read: neither this
        // document nor the earlier one is ever one string or one object in memory.
        const merged = await mergeWithPrevious(await readPreviousBilingual(bilingualPath), header, input.segments, () => bilingualParagraphs(input.segments, results));
        if (merged.dropped.length > 0 && !opts.quiet) {
          io.stderr.write(`vitrans: note: ${shown(bilingualPath)} was for another text; its ${merged.dropped.join(', ')} results are not kept (their .en files are stale)\n`);
        }
        written.push({ path: bilingualPath, content: bilingualJson(merged.header, merged.paragraphs) });
      }
      try {
        await writeFilesTogether(written);
      } catch (err) {
        const why = writeFailure(err);
        if (why === undefined) throw err;
        const kept = cache ? 'the translations are cached, so a rerun costs nothing' : 'with --no-cache the translations are not kept';
        throw new UserError('E_OUTPUT', `cannot write the outputs of ${input.shown} to ${shown(outDir)}: ${why}; nothing of it was written, ${kept}`, {
          hint: `${writeFailureHint(err, 'another --out folder')}, then run again`,
          cause: err,
        });
      }
      if (failure) throw failure.reason;
    }

    // With --compare, stdout carries the comparison report (possibly JSON): the summary goes to stderr.
    const summaryStream = opts.compare ? io.stderr : io.stdout;
    if (!opts.quiet) {
      summaryStream.write(summaryLine(inputs.length, engines, paragraphs, cached, usage, findings, warnings, glossary !== undefined) + '\n');
      const checkCommands = inputs
        .map((input) => ({ input, outputs: engines.map((e) => shown(outputPathOf(input, e.name))) }))
        .filter(({ outputs }) => outputs.some((o) => findings.files.has(o)))
        // An XLIFF output holds its source: it is checked alone. Standard input has no file to
        // name: its bilingual JSON holds the source, and check reads the outputs beside it.
        .flatMap(({ input, outputs }) =>
          input.xliff
            ? outputs.map((o) => checkCommandLine(o, [], opts))
            : [input.path === STDIN_PATH ? checkCommandLine(shown(bilingualPathOf(input)), [], opts) : checkCommandLine(input.shown, outputs, opts)],
        );
      summaryStream.write(findings.list(checkCommands));
    }
    if (opts.compare) {
      const [{ compareCommand }, { DEFAULT_BOOTSTRAP }] = await Promise.all([import('./compare.js'), import('../../compare/compare.js')]);
      const format = (opts.format ?? settings.compareFormat.value) as 'text' | 'markdown' | 'html' | 'json';
      // One report per article: several HTML or JSON documents in one stream would be no document.
      const toFiles = inputs.length > 1 && format !== 'text';
      for (const input of inputs) {
        const outputs = engines.map((e) => outputPathOf(input, e.name));
        const output = toFiles ? join(input.place.dir, `${input.place.stem}.compare.${format === 'markdown' ? 'md' : format}`) : undefined;
        const compareOpts = {
          format,
          glossary: glossaryPath,
          ...(opts.config ? { config: opts.config } : {}),
          bootstrap: true,
          seed: String(DEFAULT_BOOTSTRAP.seed),
          ...(output ? { output } : {}),
          // What was translated: cleaned or not, whatever the config says.
          cleanSource: clean ?? (false as const),
        };
        await compareCommand(input.shown, outputs, compareOpts, io);
      }
    }
    return exitCodeForCounts(findings.standing, opts.failOn ?? 'never');
  } catch (caught) {
    // Engines and the orchestrator say finished paragraphs are cached; under --no-cache none are.
    const err = cache ? caught : withoutCacheClaims(caught);
    if (err instanceof TranslationAbortedError) {
      io.stderr.write(queued ? `vitrans: stopped waiting; run ${queued.id} goes on on the workers: collect its outputs with --resume ${queued.id}\n` : `vitrans: ${err.message}\n`);
      return 130;
    }
    throw err;
  } finally {
    stopNotice?.();
    cache?.close();
    await queued?.close();
    queueRedis?.disconnect();
    await Promise.allSettled(engines.map((e) => e.close?.()));
  }
}

/** How many of its findings `translate` lists before pointing at `vitrans check` for the rest. */
const FINDINGS_LISTED = 10;

/** The `vitrans check` command line that reports on one input's outputs, with the glossary and config this run used. */
function checkCommandLine(source: string, outputs: readonly string[], opts: TranslateOptions): string {
  const extra = [...(opts.glossary ? ['--glossary', opts.glossary] : []), ...(opts.config ? ['--config', opts.config] : [])];
  return ['vitrans', 'check', source, ...outputs, ...extra].map(shellQuote).join(' ');
}

/**
 * At most about how many bytes a run writes under --out, asked to be free before anything is sent:
 * the source in the bilingual JSON, and per engine its output and its share of the JSON. That
 * share is mostly findings, unknown before the run: an output the checks find much to say about
 * (an engine that left Vietnamese in, a large glossary) came with outputs of nine times its source
 * in bytes, so the bound allows twelve per engine.
 */
export function expectedOutputBytes(inputs: readonly { text: string }[], engines: number): number {
  return inputs.reduce((n, input) => n + Buffer.byteLength(input.text, 'utf8') * (2 + OUTPUT_BYTES_PER_SOURCE_BYTE * engines) + 64 * 1024, 0);
}

/** Bytes an engine's output and its part of the bilingual JSON may take per byte of source (see expectedOutputBytes). */
const OUTPUT_BYTES_PER_SOURCE_BYTE = 12;

/** The lease time from VITRANS_CACHE_LEASE_MS (milliseconds), else the default. */
function leaseMs(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_LEASE_MS;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 100) {
    throw new UsageError(`VITRANS_CACHE_LEASE_MS must be a whole number of milliseconds, at least 100, got "${value}"`, { hint: `unset it for the default ${DEFAULT_LEASE_MS}` });
  }
  return n;
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
  // Stored only once the run goes ahead (a dry run or a refused budget leaves no file behind).
  return loadGlossary(path, { cacheDir, deferStore: true });
}

/** How translate reads its sources. */
interface ReadInputsOptions {
  shown: (p: string) => string;
  encodings: EncodingChoice;
  clean?: CleanOptions;
  stdin?: StdinInput;
  /** The sources must be Vietnamese (--source-lang vi): wrong encodings and mojibake are errors. */
  vietnamese: boolean;
  outDir: string;
  /** XLIFF: translate segments with a target too. */
  overwrite: boolean;
  targetLang: string;
}

async function readInputs(paths: string[], options: ReadInputsOptions): Promise<InputFile[]> {
  const { shown, encodings, stdin } = options;
  const files = [];
  const xliffs = new Map<number, NonNullable<InputFile['xliff']>>();
  const docxs = new Map<number, DocxDocument>();
  for (const path of paths) {
    const format = path === STDIN_PATH ? 'text' : await detectFormat(path);
    if (path === STDIN_PATH) files.push(decodeText(stdin!.bytes, stdin!.name, readOptionsFor(stdin!.name, 'source', encodings, options.vietnamese)));
    else if (format === 'docx') {
      const doc = await readDocxFile(path, shown(path));
      docxs.set(files.length, doc);
      files.push({ path, text: docxView(doc).text, warnings: [] });
    } else if (format === 'xliff') {
      const doc = await readXliffFile(path, shown(path));
      const { segments } = segmentsToTranslate(doc, { overwrite: options.overwrite, targetLang: options.targetLang });
      xliffs.set(files.length, { doc, segments, extension: extname(path) });
      // What is translated (for the language check and the output estimate): the segments' texts.
      files.push({ path, text: segments.map((x) => x.source.text).join('\n\n'), warnings: [] });
    } else if (format === 'html') {
      // A web page: its article, as Markdown of the same structure, is what is translated.
      const page = await readTextFile(path, readOptionsFor(path, 'source', encodings, false));
      files.push({ ...page, text: readHtmlArticle(page.text, shown(path)).markdown });
    } else files.push(await readTextFile(path, readOptionsFor(path, 'source', encodings, options.vietnamese)));
  }
  const places = outputPlaces(
    // Standard input's outputs are named after --stdin-filename, else `stdin.*`.
    files.map((f, i) => (paths[i] === STDIN_PATH ? { path: f.path === STDIN_NAME ? 'stdin' : f.path, folderless: true } : { path: paths[i]! })),
    options.outDir,
  );
  return files.map((file, i): InputFile => {
    const path = paths[i]!;
    const place = places[i]!;
    const xliff = xliffs.get(i);
    if (xliff) {
      const segments = xliff.segments.map((x) => x.source.translatable);
      return { path, shown: shown(path), place, text: file.text, format: 'xliff', segments, markup: xliff.segments.map((x) => x.source.markup), xliff, removed: [], check: { text: file.text } };
    }
    const doc = docxs.get(i);
    if (doc) {
      const paragraphs = doc.paragraphs.filter(hasText);
      const view = docxView(doc);
      return {
        path,
        shown: shown(path),
        place,
        text: file.text,
        format: 'docx',
        segments: paragraphs.map((p) => p.translatable),
        markup: paragraphs.map((p) => p.markup),
        docx: { doc, paragraphs },
        removed: [],
        check: { text: view.text, paragraphs: view.paragraphs },
      };
    }
    const source = prepareTranslationSource(file, options.clean ? { clean: options.clean } : {});
    return {
      path,
      shown: path === STDIN_PATH ? file.path : shown(path),
      place,
      ...(path === STDIN_PATH ? {} : { fromOutputs: relative(place.dir, path).split(sep).join('/') }),
      text: file.text,
      format: source.format,
      segments: source.segments,
      ...(source.markup ? { markup: source.markup } : {}),
      ...(source.markdown ? { markdown: source.markdown } : {}),
      removed: source.removed,
      check: { text: source.view.text, ...(source.view.paragraphs ? { paragraphs: source.view.paragraphs } : {}) },
    };
  });
}

/** The sources the command line names: files, `-`, and the article sources found in folders (as `vitrans check DIR` finds them). */
async function sourcePaths(args: string[], shown: (p: string) => string): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if (arg === STDIN_PATH) {
      out.push(arg);
      continue;
    }
    let isDir: boolean;
    try {
      isDir = (await stat(arg)).isDirectory();
    } catch (err) {
      throw readError(err, arg);
    }
    if (!isDir) {
      out.push(arg);
      continue;
    }
    const sources = (await scanCorpus(arg)).articles.filter((a) => !a.bilingual).map((a) => a.source);
    if (sources.length === 0) throw new InputError(`no article source found in ${shown(arg)}`, { location: { file: shown(arg) }, hint: CORPUS_LAYOUT_HINT });
    for (const item of sources) out.push(item);
  }
  const seen = new Set<string>();
  for (const p of out) {
    if (seen.has(p) && p !== STDIN_PATH) throw new UsageError(`${shown(p)} is given twice`, { hint: 'name each file once' });
    seen.add(p);
  }
  return out;
}

/** The engine `name` from the config and environment; in a dry run, a stand-in when it is not configured. */
export async function createEngine(name: string, config: Awaited<ReturnType<typeof loadConfig>>, io: CliIO, dryRun: boolean): Promise<Engine> {
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
  try {
    const engine = await def.create(settings);
    // The model name goes into every cache row and bilingual JSON: one holding a key (variables
    // swapped: OPENAI_MODEL=sk-…) would store the key there.
    if (def.settings.some((s) => s.key === 'model') && io.redact(engine.model) !== engine.model) {
      throw new ConfigError(`${def.name}.model holds a key, which would be stored with every translation`, { hint: 'set the model name there (e.g. gpt-4o-mini), and the key in the key setting', setting: 'model' });
    }
    return engine;
  } catch (err) {
    throw err instanceof ConfigError && err.setting !== undefined ? placedSettingError(err, def.name, err.setting, config, io.env) : err;
  }
}

/**
 * An engine's refusal of one of its settings, said where the value came from: at its line in the
 * config file, or naming the `--set` or the environment variable that gave it (the engine itself
 * only knows the value, and would send a user to the environment for a value the file holds).
 */
function placedSettingError(err: ConfigError, engine: string, key: string, config: Awaited<ReturnType<typeof loadConfig>>, env: CliIO['env']): ConfigError {
  const origin = engineSettingOrigin(config, engine, key, env);
  const spec = getEngine(engine).settings.find((s) => s.key === key);
  if (!origin || !spec) return err;
  const name = `engines.${engine}.${spec.yaml}`;
  // "libretranslate.timeout_ms must be ..." already names the setting.
  const own = `${engine}.${spec.yaml} `;
  const said = (where: string): string => (err.message.startsWith(own) ? `${where} ${err.message.slice(own.length)}` : `${where}: ${err.message}`);
  // The engine's own advice stays when it says more than where to set the value ("put the key in api_key").
  const advice = err.hint && !/^set /.test(err.hint) ? `${err.hint}; ` : '';
  if (origin.kind === 'file') {
    const overridden = spec.env ? `; ${spec.env}, when set, overrides it` : '';
    return new ConfigError(said(name), { location: { file: origin.at.file, line: origin.at.line, column: origin.at.column }, hint: `${advice}correct it there${overridden}`, cause: err });
  }
  if (origin.kind === 'flag') return new ConfigError(said(origin.name), { hint: `${advice}correct the value given to ${origin.name}`, cause: err });
  if (origin.kind === 'env') return new ConfigError(said(origin.name), { hint: `${advice}correct ${origin.name} in the environment; it overrides ${name} of the config file`, cause: err });
  return err;
}

const NO_FINDINGS: Finding[] = Object.freeze([]) as unknown as Finding[];

/**
 * Marks the findings of one engine's output that the config's suppressions list covers (a `text:`
 * entry matched against the output's paragraphs as the checker read them: given, or the output's text cut), in place.
 */
function suppressInFile(file: EngineFileResult, output: string | readonly Paragraph[] | undefined, rules: readonly SuppressionRule[], levels: CheckSettings['severity'], abs: (p: string) => string): void {
  let paragraphs: readonly Paragraph[] | undefined = typeof output === 'string' ? undefined : output;
  const paragraphsOf = (name: string): readonly Paragraph[] =>
    (paragraphs ??= typeof output === 'string' ? splitParagraphs(checkableText(name, output)) : []);
  const [other, ...perParagraph] = suppressInLists([file.otherFindings, ...file.paragraphFindings], rules, {
    resolve: abs,
    paragraphText: (name, paragraph) => paragraphNumbered(paragraphsOf(name), paragraph)?.text,
  }, levels);
  file.otherFindings = other!;
  file.paragraphFindings = perParagraph;
}

/** One engine's output for one file, checked. */
interface FinishedFile {
  file: EngineFileResult;
  /** The output could not be aligned with its source, so it was not checked. */
  unchecked: boolean;
  /**
   * The paragraphs the findings number, when they are not the output's blank-line paragraphs (an XLIFF's checked
   * segments, a Word document's paragraphs): what a suppression's `text:` is matched against.
   */
  paragraphs?: readonly Paragraph[];
}

/** Renders one engine's output for one file, runs the checker on it, applies --fix. */
function finishEngineFile(
  input: InputFile,
  engine: Engine,
  translations: ParagraphTranslation[],
  outShown: string,
  check: SourceCheck | undefined,
  fix: { unsafe: boolean } | undefined,
): FinishedFile & { text: string } {
  // The same rendering check's reader expects of an untouched output (formats/articles.ts).
  const render = (targets: string[]): string => outputText(input.markdown, targets);
  let targets = translations.map((t) => outputTarget(t.target));
  let text = render(targets);
  if (!input.markdown) {
    // The targets become pieces of the output text before the check runs: the engine's strings
    // are let go, and the translated text is held once, not twice, through the check and the writes.
    targets = targetsInOutput(text, targets);
    translations.forEach((t, i) => (t.target = targets[i]!));
  }
  let checked = checkTranslationText(check, text, outShown, engine.name);
  if (fix && checked) {
    const fixes = fixesToApply(checked, outShown, fix);
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
    file: { engine: engine.name, model: engine.model, output: outShown, translations: fixed, paragraphFindings: perParagraph, otherFindings: other, finishedAt: new Date() },
    unchecked: check !== undefined && checked === undefined,
  };
}

/**
 * One engine's translation of an XLIFF file: the targets written into the file (nothing else
 * changed), then the file checked as `vitrans check FILE.xlf` would, tag mismatches included.
 */
function finishXliffFile(
  input: InputFile,
  engine: Engine,
  translations: ParagraphTranslation[],
  outShown: string,
  tools: CheckTools | undefined,
  options: { targetLang: string; state: 'needs-review' | 'translated' },
): FinishedFile & { text: string } {
  const { doc, segments } = input.xliff!;
  const targets = translations.map((t, i) => ({ segment: segments[i]!, text: t.target.trim() })).filter((t) => t.text !== '');
  const text = asUtf8Xml(writeXliff(doc, targets, { targetLang: options.targetLang, state: options.state }));
  const written = readXliff({ file: outShown, text });
  const checked = tools ? checkXliff(written, tools) : { findings: written.segments.flatMap((s) => tagMismatches(written, s)), paragraphs: [] };
  return {
    text,
    paragraphs: checked.paragraphs,
    file: { engine: engine.name, model: engine.model, output: outShown, translations, paragraphFindings: translations.map(() => []), otherFindings: checked.findings, finishedAt: new Date() },
    unchecked: false,
  };
}

/**
 * One engine's translation of a Word document: the translated paragraphs written into its runs
 * (a paragraph the engine returned empty keeps its text), then the document read back and checked
 * against its source, paragraph by paragraph.
 */
async function finishDocxFile(
  input: InputFile,
  engine: Engine,
  translations: ParagraphTranslation[],
  outShown: string,
  check: SourceCheck | undefined,
): Promise<FinishedFile & { content: Uint8Array }> {
  const { doc, paragraphs } = input.docx!;
  const targets = translations.map((t, i) => ({ paragraph: paragraphs[i]!, text: t.target.trim() })).filter((t) => t.text !== '');
  const content = await writeDocx(doc, targets);
  const written = docxView(await readDocx(content, outShown));
  const checked = checkTranslationText(check, written.text, outShown, engine.name, written.paragraphs);
  return {
    content,
    paragraphs: written.paragraphs,
    file: { engine: engine.name, model: engine.model, output: outShown, translations, paragraphFindings: translations.map(() => []), otherFindings: checked ?? [], finishedAt: new Date() },
    unchecked: check !== undefined && checked === undefined,
  };
}

/** What an XLIFF input leaves alone, said before anything is sent. */
function noteXliffSegments(input: InputFile, overwrite: boolean, io: CliIO): void {
  const { doc, segments } = input.xliff!;
  const prot = doc.segments.filter((s) => s.protection).length;
  const kept = doc.segments.length - prot - segments.length;
  const parts = [
    ...(prot > 0 ? [`${prot} protected (translate="no", locked or approved) left as they are`] : []),
    ...(kept > 0 && !overwrite ? [`${kept} with a target kept (--overwrite retranslates them)`] : []),
  ];
  if (parts.length > 0) io.stderr.write(`vitrans: note: ${input.shown}: ${segments.length} of ${doc.segments.length} segments to translate; ${parts.join(', ')}\n`);
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
function checkTranslationText(check: SourceCheck | undefined, outputText: string, outputShown: string, engine: string, paragraphs?: Paragraph[]): Finding[] | undefined {
  if (!check) return [];
  try {
    return checkTranslation(check.source, { file: outputShown, text: checkableText(outputShown, outputText), engine, ...(paragraphs ? { paragraphs } : {}) }, check.tools).findings;
  } catch (err) {
    if (err instanceof AlignmentError) return undefined;
    throw err;
  }
}

/** What one engine cost in this run, and what the cache saved. */
interface EngineUsage {
  /** Characters the engine said it billed for the paragraphs sent in this run. */
  billed: number;
  /** Whether the engine said so for any of them (Google does not). */
  reported: boolean;
  /** Source characters of the paragraphs sent in this run. */
  sent: number;
  /** Source characters of the paragraphs the cache served: not sent, not paid again. */
  cached: number;
}

function emptyUsage(): EngineUsage {
  return { billed: 0, reported: false, sent: 0, cached: 0 };
}

function addUsage(usage: EngineUsage, translations: readonly ParagraphTranslation[]): void {
  for (const t of translations) {
    const characters = [...t.source].length;
    if (t.cached) {
      usage.cached += characters;
    } else if (t.source.trim() !== '') {
      usage.sent += characters;
      if (t.billedCharacters !== undefined) {
        usage.billed += t.billedCharacters;
        usage.reported = true;
      }
    }
  }
}

/** One engine's share of the summary, in the terms its provider bills in. */
function usageText(engine: Engine, u: EngineUsage): string {
  const cachedText = `${u.cached} cached characters`;
  switch (engine.capabilities.billing ?? 'characters') {
    case 'none':
      return `${engine.name}: not billed per character (self-hosted), ${cachedText}`;
    case 'tokens':
      return `${engine.name}: billed by token, not by character (${u.sent} characters sent), ${cachedText}`;
    default:
      return u.reported || u.sent === 0
        ? `${engine.name}: ${u.billed} characters billed by this run, ${cachedText} (not billed again)`
        : `${engine.name}: ${u.sent} characters sent (billed per character; the engine reports no count), ${cachedText} (not billed again)`;
  }
}

function summaryLine(
  files: number,
  engines: Engine[],
  paragraphs: number,
  cached: number,
  usage: Map<string, EngineUsage>,
  findings: FindingTally,
  warnings: Map<string, number>,
  checked: boolean,
): string {
  const count = (s: Severity): number => findings.standing[s];
  const suppressed = findings.suppressed;
  const warned = [...warnings].map(([w, n]) => `${n} ${w}`).join(', ');
  const check = checked
    ? `check: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}${suppressed > 0 ? `, ${suppressed} suppressed` : ''}`
    : 'check: skipped (no glossary)';
  const costs = engines.map((e) => usageText(e, usage.get(e.name) ?? emptyUsage())).join('; ');
  return (
    `translated ${files} file${files === 1 ? '' : 's'} with ${engines.map((e) => e.name).join(', ')}: ` +
    `${plural(paragraphs, 'paragraph')} (${cached} cached); ${costs}; ${check}` +
    (warned ? `; warnings: ${warned}` : '')
  );
}


/** Each engine's shared limit: the flags (for every engine of the run) over the config's `queue.limits`. */
function rateLimitsFor(engines: readonly string[], config: QueueConfig | undefined, flags: { requests?: number; characters?: number; intervalMs?: number }): Map<string, RateLimit> {
  const limits = new Map<string, RateLimit>();
  for (const name of engines) {
    const file = config?.limits[name];
    const limit: RateLimit = {
      intervalMs: flags.intervalMs ?? file?.intervalMs ?? DEFAULT_LIMIT_INTERVAL_MS,
      ...((flags.requests ?? file?.requests) ? { requests: flags.requests ?? file?.requests } : {}),
      ...((flags.characters ?? file?.characters) ? { characters: flags.characters ?? file?.characters } : {}),
    };
    if (limit.requests || limit.characters) limits.set(name, limit);
  }
  return limits;
}
