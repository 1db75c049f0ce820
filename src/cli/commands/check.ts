/**
 * `vitrans check SOURCE TRANSLATION...` and `vitrans check DIR...`: glossary consistency of
 * translations, reported in any check format (src/report/); `--fix` repairs forbidden renderings,
 * `--diff` shows what it would change. The config file (vitrans.config.yaml) sets the glossary,
 * the checks, suppressions, a baseline, the format and encodings; flags win over it.
 * Everything is read and checked before anything is written.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { shownPath } from '../format-error.js';
import { InputError, UsageError } from '../../core/errors.js';
import type { Finding, Fix, Paragraph } from '../../core/types.js';
import { exitCodeFor, type FailOn } from '../exit-codes.js';
import { readError, readTextFile, type TextFile } from '../../text/read.js';
import { checkableText } from '../../formats/markdown/checkable.js';
import { discoverCorpus, type CorpusArticle } from '../../text/corpus.js';
import { loadGlossary } from '../../glossary/load.js';
import { applyFixes } from '../../glossary/fix.js';
import { checkTranslation, createCheckTools, prepareSource, summarizeTerms, type CheckTools, type TermOutcome } from '../../checks/index.js';
import { SUPPRESSION_RULES } from '../../checks/inline-suppressions.js';
import { READER_RULES, applySuppressionRules } from '../../checks/suppressions.js';
import { applyBaseline, baselineEntries, formatBaseline, parseBaseline, type Baseline } from '../../checks/baseline.js';
import { loadConfig, type VitransConfig } from '../../config/load.js';
import { checkSettingsOf, runSettings } from '../../config/effective.js';
import { encodingFor } from '../../config/sections.js';
import type { CheckReport } from '../../report/types.js';
import { checkFormatters, type CheckFormat } from '../../report/index.js';
import { VERSION } from '../version.js';
import { readBilingual } from '../../formats/bilingual.js';
import { assertNotAnInput, writeFileAtomic } from '../write-file.js';
import { assertTranslatesSource, assertVietnameseSource, engineNameFromFile, isBilingualPath } from '../translation-files.js';
import type { CliIO } from '../io.js';

/** Options of `vitrans check`, as commander parses them (absent: from the config file, else the default). */
export interface CheckOptions {
  glossary?: string;
  format?: CheckFormat;
  failOn?: FailOn;
  encoding?: string;
  fix?: boolean;
  /** With --fix: print the unified diff, write nothing. */
  dryRun?: boolean;
  /** Print the unified diff --fix would write, write nothing. */
  diff?: boolean;
  output?: string;
  config?: string;
  /** Compare with this baseline (recorded first when the file does not exist). */
  baseline?: string;
  /** Rewrite the baseline with today's findings. */
  updateBaseline?: boolean;
}

export async function checkCommand(paths: string[], opts: CheckOptions, io: CliIO): Promise<number> {
  const abs = (p: string) => resolve(io.cwd, p);
  const shown = (p: string) => shownPath(p, io.cwd);
  if (opts.dryRun && !opts.fix) throw new UsageError('--dry-run goes with --fix', { hint: 'vitrans check --fix --dry-run ... (or --diff) shows what --fix would change' });
  if (opts.updateBaseline && !opts.baseline) throw new UsageError('--update-baseline needs --baseline FILE');
  const preview = Boolean(opts.diff || opts.dryRun);
  const config = await loadConfig({ path: opts.config, cwd: io.cwd, env: io.env });
  io.registerSecrets(config.secrets);
  const settings = runSettings(config, { glossary: opts.glossary, format: opts.format, failOn: opts.failOn, baseline: opts.baseline }, abs, { glossary: 'glossary.yaml' });
  if ((opts.fix || preview) && opts.encoding && opts.encoding !== 'utf-8') {
    throw new UsageError(`--fix writes UTF-8 and would re-encode ${opts.encoding} files`, {
      hint: 'convert the translations to UTF-8 first, then run --fix on them',
    });
  }
  const articles = await articlesFrom(paths.map(abs));
  if (opts.output) assertNotAnInput(abs(opts.output), articles.flatMap((a) => [a.source, ...a.translations]));
  for (const a of articles) if (a.translations.length === 0) io.stderr.write(`vitrans: warning: ${shown(a.source)} has no *.en.txt translation beside it; skipped\n`);
  if (articles.every((a) => a.translations.length === 0)) {
    throw new InputError('nothing to check: no translation found', {
      location: { file: shown(articles[0]!.source) },
      hint: 'put translations named *.en.txt beside each source.vi.txt',
    });
  }
  const glossary = await loadGlossary(settings.glossary.value);
  const tools = createCheckTools(glossary, checkSettingsOf(config));

  const read = async (path: string): Promise<TextFile> => {
    const encoding = opts.encoding ?? encodingOf(config, path);
    return readTextFile(path, encoding ? { encoding } : {});
  };
  const run = (source: TextFile, translations: Translation[]): ArticleCheck => checkArticle(source, translations, tools, shown);

  // Read every file first: a bad file anywhere stops the run before anything is written.
  const loaded: { source: TextFile; translations: Translation[] }[] = [];
  for (const a of articles) {
    if (a.source === a.translations[0] && isBilingualPath(a.source)) {
      loaded.push(await fromBilingual(await read(a.source), io.cwd));
      continue;
    }
    const source = await read(a.source);
    assertVietnameseSource(checkableText(source.path, source.text), shown(source.path), 'vitrans check SOURCE.vi.txt TRANSLATION.en.txt');
    const translations: Translation[] = [];
    for (const t of a.translations) {
      const file = await read(t);
      if (isBilingualPath(t)) {
        const bilingual = await fromBilingual(file, io.cwd);
        assertTranslatesSource(bilingual.sources, shown(t), source.text, shown(source.path));
        translations.push(...bilingual.translations);
      } else {
        translations.push({ ...file, engine: engineFromName(t), writable: true });
      }
    }
    loaded.push({ source, translations });
  }

  // Inline suppressions come with the checker's findings; the config's suppressions list and the
  // baseline apply to the whole run (an entry is stale only if none of the files it covers matched).
  const checkedFiles = loaded.flatMap((a) => [a.source, ...a.translations]).map((f) => shown(f.path));
  const paragraphs = new Map<string, readonly Paragraph[]>();
  const ran = new Set([...tools.checks.map((c) => c.meta.id), ...READER_RULES]);
  const remember = (r: ArticleCheck): ArticleCheck => {
    for (const [file, list] of r.paragraphs) paragraphs.set(file, list);
    return r;
  };
  let results = loaded.map((a) => remember(run(a.source, a.translations)));
  const suppressionList = (config.suppressions ?? []).map((r) => ({ ...r, at: { ...r.at, file: shown(r.at.file) } }));
  const listed = (): Finding[] =>
    applySuppressionRules(results.flatMap((r) => r.findings), suppressionList, {
      resolve: (file) => abs(file.replace(/#[^/\\]*$/, '')),
      checked: checkedFiles,
      paragraphText: (file, paragraph) => paragraphs.get(file)?.[paragraph - 1]?.text,
      ran,
    });

  if (opts.fix || preview) {
    const inJson = loaded.flatMap((a) => a.translations).filter((t) => !t.writable);
    if (inJson.length > 0) {
      io.stderr.write(`vitrans: note: --fix does not rewrite bilingual JSON; fix the engine outputs it names (or run translate --fix)\n`);
    }
    let fixed = 0;
    const rewritten: { path: string; before: string; file: Translation }[] = [];
    // A finding suppressed inline or by the list is the user's decision: its fix is not applied.
    // (A baseline only postpones failing: baselined findings are fixed like the others.)
    const fixesByFile = new Map<string, Fix[]>();
    for (const f of listed()) {
      if (!f.fix || f.suppression) continue;
      const list = fixesByFile.get(f.file);
      if (list) list.push(f.fix);
      else fixesByFile.set(f.file, [f.fix]);
    }
    for (const a of loaded) {
      for (const t of a.translations.filter((x) => x.writable)) {
        const fixes = fixesByFile.get(shown(t.path)) ?? [];
        if (fixes.length === 0) continue;
        rewritten.push({ path: t.path, before: t.text, file: t });
        t.text = applyFixes(t.text, fixes);
        fixed += fixes.length;
      }
    }
    const what = `${fixed} forbidden rendering${fixed === 1 ? '' : 's'} in ${rewritten.length} file${rewritten.length === 1 ? '' : 's'}`;
    if (preview) {
      const { unifiedDiff } = await import('../../report/fix-diff.js');
      io.stdout.write(rewritten.map((r) => unifiedDiff(shown(r.path), bomOf(r.file) + r.before, bomOf(r.file) + r.file.text)).join(''));
      io.stderr.write(fixed > 0 ? `vitrans: --fix would fix ${what}; nothing written\n` : 'vitrans: nothing for --fix to change\n');
    } else {
      for (const r of rewritten) await writeFileAtomic(r.path, bomOf(r.file) + r.file.text);
      if (fixed > 0) io.stderr.write(`vitrans: fixed ${what}\n`);
    }
    results = loaded.map((a) => remember(run(a.source, a.translations)));
  }

  let findings = listed();
  const baselinePath = settings.baseline.value;
  if (baselinePath) findings = await withBaseline(findings, baselinePath, { update: Boolean(opts.updateBaseline), write: !preview }, checkedFiles, io);

  const report: CheckReport = {
    files: articles.map((a) => ({ source: shown(a.source), translations: a.translations.map(shown) })),
    findings,
    summary: summarizeTerms(glossary, results.flatMap((r) => r.outcomes)),
    rules: [...tools.checks.map((c) => ({ id: c.meta.id, description: c.meta.description })), ...SUPPRESSION_RULES],
    ...(baselinePath ? { baseline: shown(baselinePath) } : {}),
  };
  const format = settings.format.value;
  const output = checkFormatters[format](report, { color: io.color && !opts.output, width: opts.output ? undefined : io.stdout.columns, version: VERSION });
  if (opts.output) await writeFileAtomic(abs(opts.output), io.redact(output));
  else if (!preview) io.stdout.write(output.endsWith('\n') ? output : output + '\n');

  return exitCodeFor(report.findings, settings.failOn.value);
}

/** The BOM a file had, to write it back. */
function bomOf(file: TextFile): string {
  return file.bom ? '\uFEFF' : '';
}

/** The encoding the config gives a file by its patterns (relative to the config file's folder). */
function encodingOf(config: VitransConfig, path: string): string | undefined {
  return config.file ? encodingFor(config.encodings, dirname(config.file), path) : undefined;
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
  const keyOf = (file: string): string => relative(dirname(path), resolve(io.cwd, file)).split(sep).join('/');
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

/** What one article's check gives: findings, term outcomes, and each translation's paragraphs by file. */
interface ArticleCheck {
  findings: Finding[];
  outcomes: TermOutcome[];
  paragraphs: Map<string, readonly Paragraph[]>;
}

/** Findings of one article: encoding warnings of every file, then each translation's checks. */
function checkArticle(source: TextFile, translations: Translation[], tools: CheckTools, shown: (p: string) => string): ArticleCheck {
  const findings: Finding[] = [];
  const outcomes: TermOutcome[] = [];
  const paragraphs = new Map<string, readonly Paragraph[]>();
  for (const file of [source, ...translations]) findings.push(...encodingFindings(file, shown(file.path)));
  const prepared = prepareSource({ file: shown(source.path), text: checkableText(source.path, source.text) }, tools);
  for (const t of translations) {
    const r = checkTranslation(prepared, { file: shown(t.path), text: checkableText(t.path, t.text), engine: t.engine }, tools);
    findings.push(...r.findings);
    outcomes.push(...r.outcomes);
    paragraphs.set(r.translation, r.paragraphs);
  }
  return { findings, outcomes, paragraphs };
}

/** A translation to check: a text file, or one engine's text inside a bilingual JSON file (not writable by --fix). */
type Translation = TextFile & { engine?: string; writable: boolean };

/**
 * The source and every engine of a bilingual JSON file. An engine whose output file (as the JSON
 * names it) still holds exactly its targets is checked in that file, so positions, SARIF and --fix
 * work on the real file; otherwise its targets are checked as `FILE#engine`, blank-line paragraphs
 * whose line:column count in that joined text.
 */
async function fromBilingual(file: TextFile, cwd: string): Promise<{ source: TextFile; sources: string[]; translations: Translation[] }> {
  const doc = readBilingual(file.text, file.path);
  const translations: Translation[] = [];
  for (const e of doc.engines) {
    const joined = e.targets.join('\n\n');
    const real = e.output === undefined ? undefined : await sameText(resolve(cwd, e.output), joined);
    translations.push(real ? { ...real, engine: e.name, writable: true } : { path: `${file.path}#${e.name}`, text: joined, warnings: [], engine: e.name, writable: false });
  }
  return { sources: doc.sources, source: { path: `${file.path}#source`, text: doc.sources.join('\n\n'), warnings: [] }, translations };
}

/** The file at `path` when it still holds `text` (plain-text outputs end with one newline), else undefined. */
async function sameText(path: string, text: string): Promise<TextFile | undefined> {
  try {
    const file = await readTextFile(path);
    return file.text.replace(/\n$/, '') === text ? file : undefined;
  } catch {
    return undefined;
  }
}


/** Mojibake and other reading warnings, as findings so every report shows them. */
function encodingFindings(file: TextFile, shownPath: string): Finding[] {
  return file.warnings.map((w) => ({
    ruleId: `encoding-${w.code}`,
    severity: 'warning' as const,
    message: w.message,
    file: shownPath,
    span: {
      start: { line: w.line, column: w.column, offset: w.offset },
      end: { line: w.line, column: w.column, offset: w.offset },
    },
  }));
}

/** The engine a translation file is named after, if its name tells. */
function engineFromName(path: string): string | undefined {
  try {
    return engineNameFromFile(path);
  } catch {
    return undefined; // a name such as ".en.txt" names no engine; the finding simply has none
  }
}

async function articlesFrom(paths: string[]): Promise<CorpusArticle[]> {
  const kinds = await Promise.all(
    paths.map(async (p) => {
      try {
        return (await stat(p)).isDirectory();
      } catch (err) {
        throw readError(err, p);
      }
    }),
  );
  if (kinds.every(Boolean)) return (await Promise.all(paths.map(discoverCorpus))).flat();
  if (kinds.some(Boolean)) throw new UsageError('give either corpus directories or SOURCE TRANSLATION files, not both');
  if (paths.length === 1 && isBilingualPath(paths[0]!)) return [{ slug: '', source: paths[0]!, translations: [paths[0]!] }];
  if (paths.length < 2) {
    throw new UsageError('a source file needs at least one translation', { hint: 'vitrans check SOURCE.vi.txt TRANSLATION.en.txt [...], or vitrans check DIR' });
  }
  const [source, ...translations] = paths;
  const seen = new Set<string>([source!]);
  for (const t of translations) {
    if (seen.has(t)) throw new UsageError(`${t} is given twice`, { hint: 'name each file once' });
    seen.add(t);
  }
  return [{ slug: '', source: source!, translations }];
}
