/**
 * `vitrans check SOURCE TRANSLATION...` and `vitrans check DIR...`: glossary consistency of
 * translations, reported as text, JSON or Markdown; `--fix` repairs forbidden renderings.
 * Everything is read and checked before anything is written.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { shownPath } from '../format-error.js';
import { InputError, UsageError } from '../../core/errors.js';
import type { Finding } from '../../core/types.js';
import { exitCodeFor, type FailOn } from '../exit-codes.js';
import { readError, readTextFile, type TextFile } from '../../text/read.js';
import { checkableText } from '../../formats/markdown/checkable.js';
import { discoverCorpus, type CorpusArticle } from '../../text/corpus.js';
import { loadGlossary } from '../../glossary/load.js';
import { glossaryCacheDir } from '../glossary-cache.js';
import { applyFixes } from '../../glossary/fix.js';
import { checkTranslation, createCheckTools, prepareSource, summarizeTerms, type CheckTools, type TermOutcome } from '../../checks/index.js';
import type { CheckReport } from '../../report/types.js';
import { checkFormatters, type CheckFormat } from '../../report/index.js';
import { VERSION } from '../version.js';
import { readBilingual } from '../../formats/bilingual.js';
import { assertNotAnInput, writeFileAtomic } from '../write-file.js';
import { assertTranslatesSource, assertVietnameseSource, engineNameFromFile, isBilingualPath } from '../translation-files.js';
import type { CliIO } from '../io.js';

/** Options of `vitrans check`, as commander parses them. */
export interface CheckOptions {
  glossary: string;
  format: CheckFormat;
  failOn: FailOn;
  encoding?: string;
  fix?: boolean;
  output?: string;
}

export async function checkCommand(paths: string[], opts: CheckOptions, io: CliIO): Promise<number> {
  const abs = (p: string) => resolve(io.cwd, p);
  const shown = (p: string) => shownPath(p, io.cwd);
  if (opts.fix && opts.encoding && opts.encoding !== 'utf-8') {
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
  const glossary = await loadGlossary(abs(opts.glossary), { cacheDir: glossaryCacheDir(io.cwd) });
  const tools = createCheckTools(glossary);

  const read = async (path: string): Promise<TextFile> => readTextFile(path, opts.encoding ? { encoding: opts.encoding } : {});
  const run = (source: TextFile, translations: Translation[]) => checkArticle(source, translations, tools, shown);

  const readArticle = async (a: CorpusArticle): Promise<{ source: TextFile; translations: Translation[] }> => {
    if (a.source === a.translations[0] && isBilingualPath(a.source)) return fromBilingual(await read(a.source), io.cwd);
    const source = await read(a.source);
    assertVietnameseSource(checkableText(source.path, source.text), shown(source.path), 'vitrans check SOURCE.vi.txt TRANSLATION.en.txt');
    const translations: Translation[] = [];
    for (const t of a.translations) {
      const file = await read(t);
      if (isBilingualPath(t)) {
        const bilingual = await fromBilingual(file, io.cwd);
        assertTranslatesSource(bilingual.sources, shown(t), source.text, shown(source.path));
        for (const t of bilingual.translations) translations.push(t);
      } else {
        translations.push({ ...file, engine: engineFromName(t), writable: true });
      }
    }
    return { source, translations };
  };

  // One article at a time: read, check, and (without --fix) let its text go before the next, so
  // memory follows the biggest article, not the corpus. Nothing is written before every file has
  // been read and checked: a bad file anywhere stops the run first.
  const loaded: { source: TextFile; translations: Translation[] }[] = [];
  let results: ReturnType<typeof run>[] = [];
  for (const a of articles) {
    const article = await readArticle(a);
    results.push(run(article.source, article.translations));
    if (opts.fix) loaded.push(article);
  }

  if (opts.fix) {
    const inJson = loaded.flatMap((a) => a.translations).filter((t) => !t.writable);
    if (inJson.length > 0) {
      io.stderr.write(`vitrans: note: --fix does not rewrite bilingual JSON; fix the engine outputs it names (or run translate --fix)\n`);
    }
    let fixed = 0;
    const rewritten: string[] = [];
    for (const [i, a] of loaded.entries()) {
      for (const t of a.translations.filter((x) => x.writable)) {
        const fixes = results[i]!.findings.filter((f) => f.fix && f.file === shown(t.path)).map((f) => f.fix!);
        if (fixes.length === 0) continue;
        t.text = applyFixes(t.text, fixes);
        fixed += fixes.length;
        rewritten.push(t.path);
      }
    }
    for (const path of rewritten) {
      const file = loaded.flatMap((a) => a.translations).find((t) => t.path === path)!;
      await writeFileAtomic(path, (file.bom ? '\uFEFF' : '') + file.text);
    }
    if (fixed > 0) io.stderr.write(`vitrans: fixed ${fixed} forbidden rendering${fixed === 1 ? '' : 's'} in ${rewritten.length} file${rewritten.length === 1 ? '' : 's'}\n`);
    results = loaded.map((a) => run(a.source, a.translations));
  }

  const report: CheckReport = {
    files: articles.map((a) => ({ source: shown(a.source), translations: a.translations.map(shown) })),
    findings: results.length === 1 ? results[0]!.findings : results.flatMap((r) => r.findings),
    summary: summarizeTerms(glossary, results.flatMap((r) => r.outcomes)),
    rules: tools.checks.map((c) => ({ id: c.meta.id, description: c.meta.description })),
  };
  const output = checkFormatters[opts.format](report, { color: io.color && !opts.output, width: io.stdout.columns, version: VERSION });
  if (opts.output) await writeFileAtomic(abs(opts.output), output);
  else io.stdout.write(output.endsWith('\n') ? output : output + '\n');

  return exitCodeFor(report.findings, opts.failOn);
}

/** Findings of one article: encoding warnings of every file, then each translation's checks. */
function checkArticle(source: TextFile, translations: Translation[], tools: CheckTools, shown: (p: string) => string) {
  const findings: Finding[] = [];
  const outcomes: TermOutcome[] = [];
  // Loops, not push(...list): a list can hold more items than a call takes arguments.
  for (const file of [source, ...translations]) for (const f of encodingFindings(file, shown(file.path))) findings.push(f);
  const prepared = prepareSource({ file: shown(source.path), text: checkableText(source.path, source.text) }, tools);
  for (const t of translations) {
    const r = checkTranslation(prepared, { file: shown(t.path), text: checkableText(t.path, t.text), engine: t.engine }, tools);
    for (const f of r.findings) findings.push(f);
    for (const o of r.outcomes) outcomes.push(o);
  }
  return { findings, outcomes };
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
