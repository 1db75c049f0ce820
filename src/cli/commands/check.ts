/**
 * `vitrans check SOURCE TRANSLATION...` and `vitrans check DIR...`: glossary consistency of
 * translations, reported in any check format (src/report/); `--fix` repairs forbidden renderings,
 * `--diff` shows what it would change. The config file (vitrans.config.yaml) sets the glossary,
 * the checks, suppressions, a baseline, the format and encodings; flags win over it.
 * Everything is read and checked before anything is written.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { shownPath } from '../format-error.js';
import { InputError, UsageError } from '../../core/errors.js';
import type { Finding, Paragraph } from '../../core/types.js';
import { exitCodeFor, type FailOn } from '../exit-codes.js';
import { readError, type TextFile } from '../../text/read.js';
import { CORPUS_LAYOUT_HINT, scanCorpus, type CorpusArticle } from '../../text/corpus.js';
import { encodingFor, validateEncodingChoice, type EncodingChoice } from '../../text/encodings.js';
import { paragraphNumbered } from '../../text/paragraphs.js';
import { loadGlossary } from '../../glossary/load.js';
import { glossaryCacheDir } from '../../glossary/compiled.js';
import { applyFixes } from '../../glossary/fix.js';
import { createCheckRun, createCheckTools, fixesToApply, summarizeTerms, type CheckTools, withReaderSeverities } from '../../checks/index.js';
import { SUPPRESSION_RULES } from '../../checks/inline-suppressions.js';
import { checkArticle, type ArticleCheck } from '../../checks/article.js';
import { READER_RULES, applySuppressionRules, levelSuppressionFindings } from '../../checks/suppressions.js';
import { applyBaseline, baselineEntries, baselineKeyOf, formatBaseline, parseBaseline, type Baseline } from '../../checks/baseline.js';
import { loadConfig } from '../../config/load.js';
import { checkSettingsOf, encodingChoiceOf, runSettings } from '../../config/effective.js';
import { mappedSource, type SourceMapping } from '../../config/sections.js';
import type { CheckReport } from '../../report/types.js';
import { checkReporters, type CheckFormat } from '../../report/index.js';
import { allInOrder, mapped } from '../../core/iterate.js';
import { detachEach } from '../../core/detach.js';
import { VERSION } from '../version.js';
import { STDIN_PATH, bilingualArticle, loadArticle, type LoadedArticle } from '../../formats/articles.js';
import { assertNotAnInput, assertParentFolderExists, fileFingerprint, rewriteFile, writeFileAtomic, writeInBlocks } from '../write-file.js';
import { isTmxPath } from '../translation-files.js';
import { detectFormat, formatByExtension, formatInfo } from '../../formats/registry.js';
import { TAG_MISMATCH, TAG_MISMATCH_DESCRIPTION } from '../../formats/tags.js';
import { decodeXml, type XmlSource } from '../../formats/xml.js';
import { cleanOptionsFrom, reportCleaning } from '../clean-options.js';
import { stdinFor } from '../stdin.js';
import type { CliIO } from '../io.js';

/** Options of `vitrans check`, as commander parses them (absent: from the config file, else the default). */
export interface CheckOptions {
  glossary?: string;
  format?: CheckFormat;
  failOn?: FailOn;
  /** Every file's encoding; `sourceEncoding` and `targetEncoding` override it per role. */
  encoding?: string;
  sourceEncoding?: string;
  targetEncoding?: string;
  /** Clean the sources (vitrans clean's rules) before checking; `cleanPatterns` adds a patterns file. */
  clean?: boolean;
  cleanPatterns?: string;
  /** --builtin-rules / --no-builtin-rules; absent: the config's clean.builtin_rules, else true. */
  builtinRules?: boolean;
  /** The name standard input (`-`) goes by in findings. */
  stdinFilename?: string;
  fix?: boolean;
  /** With --fix: print the unified diff, write nothing. */
  dryRun?: boolean;
  /** Print the unified diff --fix would write, write nothing. */
  diff?: boolean;
  /** With --fix: also apply fixes that may be wrong (forbidden renderings whose term the source lacks). */
  unsafeFixes?: boolean;
  output?: string;
  config?: string;
  /** Compare with this baseline (recorded first when the file does not exist). */
  baseline?: string;
  /** Rewrite the baseline with today's findings. */
  updateBaseline?: boolean;
  /** XLIFF segments the file protects (translate="no", locked, approved): skipped (default) or checked. */
  protectedSegments?: 'skip' | 'check';
}

export async function checkCommand(paths: string[], opts: CheckOptions, io: CliIO): Promise<number> {
  const abs = (p: string) => (p === STDIN_PATH ? p : resolve(io.cwd, p));
  const shown = (p: string) => shownPath(p, io.cwd);
  if (opts.unsafeFixes && !opts.fix) {
    throw new UsageError('--unsafe-fixes only says which fixes --fix applies', { hint: 'add --fix to apply them' });
  }
  if (opts.dryRun && !opts.fix) throw new UsageError('--dry-run goes with --fix', { hint: 'vitrans check --fix --dry-run ... (or --diff) shows what --fix would change' });
  if (opts.updateBaseline && !opts.baseline) throw new UsageError('--update-baseline needs --baseline FILE');
  const preview = Boolean(opts.diff || opts.dryRun);
  const config = await loadConfig({ path: opts.config, cwd: io.cwd, env: io.env });
  io.registerSecrets(config.secrets);
  const settings = runSettings(config, { glossary: opts.glossary, format: opts.format, failOn: opts.failOn, baseline: opts.baseline, protectedSegments: opts.protectedSegments }, abs, { glossary: 'glossary.yaml' });
  if (settings.baseline.value) assertParentFolderExists(settings.baseline.value, opts.baseline ? '--baseline' : 'baseline', shown(settings.baseline.value));
  const encodings: EncodingChoice = { all: opts.encoding, source: opts.sourceEncoding, translation: opts.targetEncoding, ...encodingChoiceOf(config) };
  validateEncodingChoice(encodings);
  // Before looking at any file: the flags alone may already rule --fix out.
  if (opts.fix || preview) refuseLegacyFix(opts.targetEncoding ?? opts.encoding);
  const articles = await articlesFrom(paths.map(abs), io, shown, config.sources);
  if (opts.fix || preview) assertFixable(articles, encodings);
  if (opts.output) assertNotAnInput(abs(opts.output), articles.flatMap((a) => [a.source, ...a.translations]).filter((p) => p !== STDIN_PATH));
  for (const a of articles) {
    if (a.translations.length === 0 && !a.bilingual) io.stderr.write(`vitrans: warning: ${shown(a.source)} has no *.en.${a.source.split('.').pop()} translation beside it; skipped\n`);
  }
  const withTranslations = articles.filter((a) => a.translations.length > 0 || a.bilingual);
  if (withTranslations.length === 0) {
    throw new InputError('nothing to check: no translation found', {
      location: { file: shown(articles[0]!.source) },
      hint: 'put translations named *.en.txt beside each source.vi.txt (NAME.en.txt or NAME.ENGINE.en.txt beside a NAME.vi.txt)',
    });
  }
  const stdin = await stdinFor(paths, io, opts.stdinFilename, 'cat article.en.txt | vitrans check article.vi.txt -');
  const clean = await cleanOptionsFrom(opts, abs, config);
  const glossary = await loadGlossary(settings.glossary.value, { cacheDir: glossaryCacheDir(io.cwd) });
  const tools = createCheckTools(glossary, checkSettingsOf(config));

  // Inline suppressions come with the checker's findings; the config's suppressions list and the
  // baseline apply to the whole run (an entry is stale only if none of the files it covers matched).
  const suppressionList = (config.suppressions ?? []).map((r) => ({ ...r, at: { ...r.at, file: shown(r.at.file) } }));
  const ran = new Set([...tools.checks.map((c) => c.meta.id), ...READER_RULES, TAG_MISMATCH]);
  // Paragraph texts are kept only for entries that name a passage of their paragraph.
  const keepParagraphs = suppressionList.some((r) => r.text !== undefined);
  const paragraphs = new Map<string, readonly Paragraph[]>();
  // One run over every article, so checks comparing across articles (consistency) see them all.
  let run = createCheckRun();
  const checkOne = (a: LoadedArticle): ArticleCheck => {
    const r = checkArticle(a, tools, shown, run);
    if (keepParagraphs) for (const [file, list] of r.paragraphs) paragraphs.set(file, list);
    if (!streaming) return r;
    // Copies: a piece of an article's text quoted by a finding would keep the whole text.
    return { findings: detachEach(r.findings), outcomes: detachEach(r.outcomes), paragraphs: new Map() };
  };
  // Without --fix, each article is checked as soon as it is read and its texts are let go, so
  // memory follows the largest article rather than the corpus. --fix keeps every text: it rewrites
  // files and checks them all again. Either way, a bad file anywhere stops the run before anything
  // is written.
  const streaming = !opts.fix && !preview;
  const loaded: LoadedArticle[] = [];
  let results: ArticleCheck[] = [];
  const files: ArticleFiles[] = [];
  const checkedFiles: string[] = [];
  const take = (a: LoadedArticle): void => {
    files.push(articleFiles(a, shown));
    for (const f of [a.source.file, ...a.translations]) checkedFiles.push(shown(f.path));
    if (streaming) results.push(checkOne(a));
    else loaded.push(a);
  };
  const fingerprints = new Map<string, string>();
  // TMX and XLIFF files checked alone: --fix rewrites their targets in the file's own text.
  const xmlFiles: BilingualXmlFile[] = [];
  const readBilingualXml = (file: BilingualXmlFile, quiet: boolean): Promise<LoadedArticle[]> =>
    file.kind === 'tmx' ? fromTmx(file, io, quiet) : fromXliff(file, io, settings.protectedSegments.value, tools, quiet).then((a) => [a]);
  for (const a of withTranslations) {
    const kind = a.source !== a.translations[0] ? undefined : isTmxPath(a.source) ? 'tmx' : (await detectFormat(a.source)) === 'xliff' ? 'xliff' : undefined;
    if (kind) {
      const file = await readXmlFile(a.source, shown(a.source), kind);
      if (!streaming) xmlFiles.push(file);
      for (const item of await readBilingualXml(file, false)) {
        file.articles.push(files.length);
        take(item);
      }
      if (opts.fix && !preview) fingerprints.set(a.source, await fileFingerprint(a.source));
      continue;
    }
    const tmx = a.translations.find(isTmxPath);
    if (tmx) throw new UsageError(`${shown(tmx)} is a TMX file, which holds its own source`, { hint: `check it alone: vitrans check ${shown(tmx)}` });
    const article = await loadArticle(a, { cwd: io.cwd, encodings, clean, stdin, shown, usage: 'vitrans check SOURCE.vi.txt TRANSLATION.en.txt' });
    for (const note of article.notes) io.stderr.write(`vitrans: note: ${note}\n`);
    if (clean) reportCleaning(article.source.file.path, article.source.removed, shown, io, a.source === STDIN_PATH);
    // What --fix compares before writing: an edit made meanwhile must not be overwritten.
    if (opts.fix && !preview) for (const t of article.translations) if (t.writable) fingerprints.set(t.path, await fileFingerprint(t.path));
    take(article);
  }

  const checkAll = (): ArticleCheck[] => {
    run = createCheckRun();
    return loaded.map(checkOne);
  };
  if (!streaming) results = checkAll();
  const listed = (): Finding[] =>
    applySuppressionRules(results.flatMap((r) => r.findings), suppressionList, {
      resolve: (file) => abs(file.replace(/#[^/\\]*$/, '')),
      checked: checkedFiles,
      paragraphText: (file, paragraph) => paragraphNumbered(paragraphs.get(file) ?? [], paragraph)?.text,
      ran,
      termIds: glossary.entries.map((e) => e.id),
    });

  if (opts.fix || preview) {
    const inJson = loaded.flatMap((a) => a.translations).filter((t) => !t.writable);
    if (inJson.some((t) => formatByExtension(t.path) === 'docx')) {
      io.stderr.write(`vitrans: note: --fix does not rewrite Word documents; the findings name the paragraph (line) to correct in Word\n`);
    }
    if (inJson.some((t) => !t.relocate && formatByExtension(t.path) !== 'docx')) {
      io.stderr.write(`vitrans: note: --fix does not rewrite bilingual JSON; fix the engine outputs it names (or run translate --fix)\n`);
    }
    const fixedRules: string[] = [];
    let leftUnsafe = 0;
    const rewritten: { path: string; before: string; after: string; bom: string; xml?: BilingualXmlFile }[] = [];
    // A finding suppressed inline or by the list is the user's decision: its fix is not applied.
    // (A baseline only postpones failing: baselined findings are fixed like the others.)
    const byFile = new Map<string, Finding[]>();
    for (const f of listed()) {
      if (!f.fix || f.suppression) continue;
      const list = byFile.get(f.file);
      if (list) list.push(f);
      else byFile.set(f.file, [f]);
    }
    for (const a of loaded) {
      for (const t of a.translations.filter((x) => x.writable)) {
        const findings = byFile.get(shown(t.path)) ?? [];
        const fixes = fixesToApply(findings, shown(t.path), { unsafe: opts.unsafeFixes });
        if (!opts.unsafeFixes) leftUnsafe += findings.filter((f) => f.fix?.unsafe).length;
        if (fixes.length === 0) continue;
        const applied = new Set(fixes);
        for (const f of findings) if (f.fix && applied.has(f.fix)) fixedRules.push(f.ruleId);
        const before = t.text;
        t.text = applyFixes(t.text, fixes);
        rewritten.push({ path: t.path, before, after: t.text, bom: bomOf(t) });
      }
    }
    for (const xml of xmlFiles) {
      const findings = byFile.get(xml.source.file) ?? [];
      const fixes = fixesToApply(findings, xml.source.file, { unsafe: opts.unsafeFixes });
      if (!opts.unsafeFixes) leftUnsafe += findings.filter((f) => f.fix?.unsafe).length;
      if (fixes.length === 0) continue;
      if (!xml.utf8) {
        throw new UsageError(`--fix writes UTF-8 and would re-encode ${xml.source.file}, changing every byte of it`, {
          hint: 'convert the file to UTF-8 first (or fix the targets in the CAT tool); the fixes are in the report (--format sarif carries them as edits)',
        });
      }
      const applied = new Set(fixes);
      for (const f of findings) if (f.fix && applied.has(f.fix)) fixedRules.push(f.ruleId);
      // Fixes replace target text only (a range holding markup carries none): the file parses as before.
      const after = applyFixes(xml.source.text, fixes);
      rewritten.push({ path: xml.path, before: xml.source.text, after, bom: xml.bom, xml });
    }
    // The fixed TMX and XLIFF files are read again from their new text, for the report below.
    for (const r of rewritten) {
      if (!r.xml) continue;
      r.xml.source = { file: r.xml.source.file, text: r.after };
      const again = await readBilingualXml(r.xml, true);
      r.xml.articles.forEach((at, k) => {
        loaded[at] = again[k]!;
        files[at] = articleFiles(again[k]!, shown);
      });
    }
    const fixed = fixedRules.length;
    const what = `${fixed > 0 ? describeFixed(fixedRules) : 'nothing'} in ${rewritten.length} file${rewritten.length === 1 ? '' : 's'}`;
    if (preview) {
      const { unifiedDiff } = await import('../../report/fix-diff.js');
      io.stdout.write(rewritten.map((r) => unifiedDiff(shown(r.path), r.bom + r.before, r.bom + r.after)).join(''));
      io.stderr.write(fixed > 0 ? `vitrans: --fix would fix ${what}; nothing written\n` : 'vitrans: nothing for --fix to change\n');
    } else {
      for (const r of rewritten) await rewriteFile(r.path, r.bom + r.after, { fingerprint: fingerprints.get(r.path), shown: shown(r.path) });
      if (fixed > 0) io.stderr.write(`vitrans: fixed ${what}\n`);
    }
    if (leftUnsafe > 0) {
      io.stderr.write(
        `vitrans: note: left ${leftUnsafe} forbidden rendering${leftUnsafe === 1 ? '' : 's'} whose term the source paragraph lacks; check them, or add --unsafe-fixes\n`,
      );
    }
    results = checkAll();
  }

  let findings = listed();
  const baselinePath = settings.baseline.value;
  if (baselinePath) findings = await withBaseline(findings, baselinePath, { update: Boolean(opts.updateBaseline), write: !preview }, checkedFiles, io);
  // The suppressions' own findings at the levels `checks:` gives them (recorded in a baseline as found).
  findings = levelSuppressionFindings(findings, checkSettingsOf(config).severity);

  const read = new Map(withTranslations.map((a, i) => [a, files[i]!]));
  const report: CheckReport = {
    files: articles.map((a) => {
      const l = read.get(a);
      return l ? { source: l.source, translations: l.translations } : { source: shown(a.source), translations: [] };
    }),
    findings,
    summary: summarizeTerms(glossary, results.flatMap((r) => r.outcomes)),
    rules: [
      ...tools.checks.map((c) => ({ id: c.meta.id, description: c.meta.description })),
      ...SUPPRESSION_RULES,
      ...(files.some((a) => a.tagMismatch) ? [{ id: TAG_MISMATCH, description: TAG_MISMATCH_DESCRIPTION }] : []),
    ],
    ...(baselinePath ? { baseline: shown(baselinePath) } : {}),
  };
  const format = settings.format.value;
  const pieces = checkReporters[format](report, { color: io.color && !opts.output, width: opts.output ? undefined : io.stdout.columns, version: VERSION });
  // Piece by piece: a key is masked within the finding that quotes it (no piece cuts one in two).
  if (opts.output) await writeFileAtomic(abs(opts.output), mapped(pieces, (piece) => io.redact(piece)));
  else if (!preview) await writeInBlocks(io.stdout, pieces);

  return exitCodeFor(report.findings, settings.failOn.value);
}

/** What the report says of an article once its texts are let go: its files, as shown. */
interface ArticleFiles {
  source: string;
  translations: string[];
  /** A translation brought findings of its reader (an XLIFF file's tag-mismatch check ran). */
  tagMismatch: boolean;
}

function articleFiles(a: LoadedArticle, shown: (p: string) => string): ArticleFiles {
  return { source: shown(a.source.file.path), translations: a.translations.map((t) => shown(t.path)), tagMismatch: a.translations.some((t) => t.findings) };
}

/** "14 forbidden renderings", or "17 findings (14 term-forbidden, 3 double-space)" when several checks fixed something. */
function describeFixed(ruleIds: string[]): string {
  const n = ruleIds.length;
  const byRule = new Map<string, number>();
  for (const id of ruleIds) byRule.set(id, (byRule.get(id) ?? 0) + 1);
  if (byRule.size === 1 && byRule.has('term-forbidden')) return `${n} forbidden rendering${n === 1 ? '' : 's'}`;
  return `${n} finding${n === 1 ? '' : 's'} (${[...byRule].map(([id, k]) => `${k} ${id}`).join(', ')})`;
}

/** The BOM a file had, to write it back. */
function bomOf(file: TextFile): string {
  return file.bom ? '\uFEFF' : '';
}

/**
 * Each pair set of a TMX file (one per engine that vitrans exported, else the whole memory) as an
 * article: a source view and its translation, in the TMX's own segments, with findings moved back
 * into the file; units without both languages are left out with a warning.
 */
async function fromTmx(file: BilingualXmlFile, io: CliIO, quiet: boolean): Promise<LoadedArticle[]> {
  const { readTmx, tmxPairs, tmxCheckSets } = await import('../../formats/tmx.js');
  const doc = readTmx(file.source);
  const path = file.path;
  const pairs = tmxPairs(doc);
  const { count, first } = pairs.skipped;
  if (first && !quiet) {
    io.stderr.write(`vitrans: warning: ${doc.file}:${first.position.line}:${first.position.column}: ${count} translation unit${count === 1 ? ' has' : 's have'} no Vietnamese or no English variant; skipped\n`);
  }
  if (pairs.severalEnglish > 0 && !quiet) io.stderr.write(`vitrans: warning: ${doc.file}: ${pairs.severalEnglish} translation units have several English variants; the first of each is checked\n`);
  return tmxCheckSets(doc, pairs).map((set) => bilingualArticle(path, set, set.engine !== undefined ? { engine: set.engine } : {}));
}

/**
 * An XLIFF file as an article: its segments with a target, in the file's own segments, findings
 * moved back into the file and named by unit id, its `tag-mismatch` findings beside the checker's.
 */
async function fromXliff(file: BilingualXmlFile, io: CliIO, protectedSegments: 'skip' | 'check', tools: CheckTools, quiet: boolean): Promise<LoadedArticle> {
  const { readXliff, xliffCheckSet } = await import('../../formats/xliff.js');
  const doc = readXliff(file.source);
  const path = file.path;
  const set = xliffCheckSet(doc, { protectedSegments });
  const { protected: kept, untranslated } = quiet ? { protected: 0, untranslated: 0 } : set.skipped;
  if (kept > 0) io.stderr.write(`vitrans: note: ${doc.file}: ${kept} segment${kept === 1 ? '' : 's'} marked translate="no", locked or approved not checked (--protected-segments check checks them)\n`);
  if (untranslated > 0) io.stderr.write(`vitrans: note: ${doc.file}: ${untranslated} segment${untranslated === 1 ? ' has' : 's have'} no target yet; not checked\n`);
  return bilingualArticle(path, set, { findings: withReaderSeverities(set.findings, tools) });
}

/** A TMX or XLIFF file checked alone, as read: what --fix rewrites, and which of the loaded articles it gave. */
interface BilingualXmlFile {
  path: string;
  kind: 'tmx' | 'xliff';
  /** The decoded text (the path shown in messages as its file); replaced by the fixed text. */
  source: XmlSource;
  bom: string;
  /** Whether the text written back as UTF-8 (with its BOM) is the file's bytes: else --fix would re-encode it. */
  utf8: boolean;
  /** Indexes in the run's loaded articles (a TMX gives one per engine). */
  articles: number[];
}

async function readXmlFile(path: string, shown: string, kind: BilingualXmlFile['kind']): Promise<BilingualXmlFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw readError(err, shown);
  }
  const source = decodeXml(bytes, shown);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\uFEFF' : '';
  return { path, kind, source, bom, utf8: Buffer.from(bom + source.text, 'utf8').equals(bytes), articles: [] };
}

/**
 * Compares the findings with the baseline file: records them first when it does not exist (or
 * when asked to update it), so that from then on only new findings count.
 */
async function withBaseline(
  findings: Finding[],
  path: string,
  mode: { update: boolean; write: boolean },
  checked: readonly string[],
  io: CliIO,
): Promise<Finding[]> {
  const shown = shownPath(path, io.cwd);
  const keyOf = baselineKeyOf(path, io.cwd);
  let baseline: Baseline | undefined;
  if (!mode.update) {
    let text: string | undefined;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw readError(err, path);
    }
    if (text !== undefined) baseline = parseBaseline(text, path);
  }
  if (!baseline && !mode.write) {
    io.stderr.write(`vitrans: note: no baseline at ${shown} yet; nothing was recorded (this run writes nothing)\n`);
    return findings;
  }
  if (!baseline) {
    const entries = baselineEntries(findings, keyOf);
    await writeFileAtomic(path, io.redact(formatBaseline(entries)));
    const recorded = entries.reduce((n, e) => n + e.count, 0);
    io.stderr.write(`vitrans: ${mode.update ? 'updated' : 'recorded'} the baseline ${shown}: ${recorded} finding${recorded === 1 ? '' : 's'}; later runs report only new ones\n`);
    baseline = parseBaseline(formatBaseline(entries), path);
  }
  return applyBaseline(findings, { ...baseline, file: shown }, { keyOf, checked, shownFile: shown });
}

/** --fix writes UTF-8 files: it refuses translations read in a legacy encoding, and standard input. */
function assertFixable(articles: CorpusArticle[], encodings: EncodingChoice): void {
  for (const t of articles.flatMap((a) => a.translations)) {
    if (t === STDIN_PATH) throw new UsageError('--fix rewrites translation files, and standard input is not one', { hint: 'save the translation to a file and run --fix on it' });
    refuseLegacyFix(encodingFor(t, 'translation', encodings));
  }
}

function refuseLegacyFix(encoding: string | undefined): void {
  if (encoding && encoding !== 'utf-8') {
    throw new UsageError(`--fix writes UTF-8 and would re-encode ${encoding} files`, { hint: 'convert the translations to UTF-8 first, then run --fix on them' });
  }
}

/** The articles the command line names: corpus directories, SOURCE TRANSLATION..., or one bilingual JSON; `-` is stdin. */
async function articlesFrom(paths: string[], io: CliIO, shown: (p: string) => string, sources?: readonly SourceMapping[]): Promise<CorpusArticle[]> {
  const kinds = await allInOrder(
    paths.map(async (p) => {
      if (p === STDIN_PATH) return false;
      try {
        return (await stat(p)).isDirectory();
      } catch (err) {
        throw readError(err, p);
      }
    }),
  );
  if (kinds.every(Boolean)) {
    const scans = await allInOrder(paths.map((p) => scanCorpus(p, { translationsOnly: sources !== undefined && sources.length > 0 })));
    // A translation no source is beside goes to the source the config's `sources:` maps it to.
    const mapped = new Map<string, CorpusArticle>();
    for (const t of scans.flatMap((s) => s.unmatched)) {
      const source = mappedSource(t, sources);
      if (source === undefined) {
        io.stderr.write(`vitrans: warning: ${shown(t)} matches no source beside it by name; skipped (name it NAME.en.txt or NAME.ENGINE.en.txt after its NAME.vi.txt, or map it under sources: in the config)\n`);
        continue;
      }
      const article = mapped.get(source);
      if (article) article.translations.push(t);
      else mapped.set(source, { slug: shown(source), source, translations: [t] });
    }
    const found = [...scans.flatMap((s) => s.articles), ...mapped.values()];
    if (found.length === 0) throw new InputError(`no article found in ${paths.map(shown).join(', ')}`, { location: { file: shown(paths[0]!) }, hint: CORPUS_LAYOUT_HINT });
    return found;
  }
  if (kinds.some(Boolean)) throw new UsageError('give either corpus directories or SOURCE TRANSLATION files, not both');
  if (paths.length === 1 && formatInfo(await detectFormat(paths[0]!)).bilingual) return [{ slug: '', source: paths[0]!, translations: [paths[0]!] }];
  const mapped = paths.length === 1 ? mappedSource(paths[0]!, sources) : undefined;
  if (mapped !== undefined) return [{ slug: '', source: mapped, translations: [paths[0]!] }];
  if (paths.length < 2) {
    throw new UsageError('a source file needs at least one translation', {
      hint: 'vitrans check SOURCE.vi.txt TRANSLATION.en.txt [...], or vitrans check DIR; "-" reads the source or one translation from stdin',
    });
  }
  const [source, ...translations] = paths;
  const seen = new Set<string>([source!]);
  for (const t of translations) {
    if (seen.has(t) && t !== STDIN_PATH) throw new UsageError(`${t} is given twice`, { hint: 'name each file once' });
    seen.add(t);
  }
  return [{ slug: '', source: source!, translations }];
}
