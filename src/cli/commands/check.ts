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
import { readError, type TextFile } from '../../text/read.js';
import { checkableText } from '../../formats/markdown/checkable.js';
import { scanCorpus, type CorpusArticle } from '../../text/corpus.js';
import { encodingFor, validateEncodingChoice, type EncodingChoice } from '../../text/encodings.js';
import { loadGlossary } from '../../glossary/load.js';
import { applyFixes } from '../../glossary/fix.js';
import { checkTranslation, createCheckTools, prepareSource, summarizeTerms, type CheckTools, type PreparedSource, type TermOutcome } from '../../checks/index.js';
import type { CheckReport } from '../../report/types.js';
import { checkFormatters, type CheckFormat } from '../../report/index.js';
import { VERSION } from '../version.js';
import { STDIN_PATH, loadArticle, type LoadedArticle, type SourceView } from '../../formats/articles.js';
import { assertNotAnInput, writeFileAtomic } from '../write-file.js';
import { isBilingualPath } from '../translation-files.js';
import { cleanOptionsFrom, reportCleaning } from '../clean-options.js';
import { stdinFor } from '../stdin.js';
import type { CliIO } from '../io.js';

/** Options of `vitrans check`, as commander parses them. */
export interface CheckOptions {
  glossary: string;
  format: CheckFormat;
  failOn: FailOn;
  /** Every file's encoding; `sourceEncoding` and `targetEncoding` override it per role. */
  encoding?: string;
  sourceEncoding?: string;
  targetEncoding?: string;
  /** Clean the sources (vitrans clean's rules) before checking; `cleanPatterns` adds a patterns file. */
  clean?: boolean;
  cleanPatterns?: string;
  /** The name standard input (`-`) goes by in findings. */
  stdinFilename?: string;
  fix?: boolean;
  output?: string;
}

export async function checkCommand(paths: string[], opts: CheckOptions, io: CliIO): Promise<number> {
  const abs = (p: string) => (p === STDIN_PATH ? p : resolve(io.cwd, p));
  const shown = (p: string) => shownPath(p, io.cwd);
  const encodings: EncodingChoice = { all: opts.encoding, source: opts.sourceEncoding, translation: opts.targetEncoding };
  validateEncodingChoice(encodings);
  // Before looking at any file: the flags alone may already rule --fix out.
  if (opts.fix) refuseLegacyFix(opts.targetEncoding ?? opts.encoding);
  const articles = await articlesFrom(paths.map(abs), io, shown);
  if (opts.fix) assertFixable(articles, encodings);
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
  const clean = await cleanOptionsFrom(opts, abs);
  const glossary = await loadGlossary(abs(opts.glossary));
  const tools = createCheckTools(glossary);

  // Read every file first: a bad file anywhere stops the run before anything is written.
  const loaded: LoadedArticle[] = [];
  for (const a of withTranslations) {
    const article = await loadArticle(a, { cwd: io.cwd, encodings, clean, stdin, shown, usage: 'vitrans check SOURCE.vi.txt TRANSLATION.en.txt' });
    for (const note of article.notes) io.stderr.write(`vitrans: note: ${note}\n`);
    if (clean) reportCleaning(article.source.file.path, article.source.removed, shown, io, a.source === STDIN_PATH);
    loaded.push(article);
  }

  const run = (a: LoadedArticle) => checkArticle(a, tools, shown);
  let results = loaded.map(run);

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
    results = loaded.map(run);
  }

  const read = new Map(withTranslations.map((a, i) => [a, loaded[i]!]));
  const report: CheckReport = {
    files: articles.map((a) => {
      const l = read.get(a);
      return l ? { source: shown(l.source.file.path), translations: l.translations.map((t) => shown(t.path)) } : { source: shown(a.source), translations: [] };
    }),
    findings: results.flatMap((r) => r.findings),
    summary: summarizeTerms(glossary, results.flatMap((r) => r.outcomes)),
    rules: tools.checks.map((c) => ({ id: c.meta.id, description: c.meta.description })),
  };
  const output = checkFormatters[opts.format](report, { color: io.color && !opts.output, width: io.stdout.columns, version: VERSION });
  if (opts.output) await writeFileAtomic(abs(opts.output), output);
  else io.stdout.write(output.endsWith('\n') ? output : output + '\n');

  return exitCodeFor(report.findings, opts.failOn);
}

/** Findings of one article: encoding warnings of every file, then each translation's checks against the source view it translates. */
function checkArticle(article: LoadedArticle, tools: CheckTools, shown: (p: string) => string) {
  const findings: Finding[] = [];
  const outcomes: TermOutcome[] = [];
  const source = article.source.file;
  for (const file of [source, ...article.translations]) findings.push(...encodingFindings(file, shown(file.path)));
  // A source is matched once per view (a bilingual file may record a cleaning of its own).
  const prepared = new Map<SourceView, PreparedSource>();
  for (const t of article.translations) {
    let p = prepared.get(t.source);
    if (!p) {
      p = prepareSource({ file: shown(source.path), text: t.source.text, ...(t.source.paragraphs ? { paragraphs: t.source.paragraphs } : {}) }, tools);
      prepared.set(t.source, p);
    }
    const r = checkTranslation(p, { file: shown(t.path), text: checkableText(t.path, t.text), engine: t.engine }, tools);
    findings.push(...r.findings);
    outcomes.push(...r.outcomes);
  }
  return { findings, outcomes };
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

/** The articles the command line names: corpus directories, SOURCE TRANSLATION..., or one bilingual JSON; `-` is stdin. */
async function articlesFrom(paths: string[], io: CliIO, shown: (p: string) => string): Promise<CorpusArticle[]> {
  const kinds = await Promise.all(
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
    const scans = await Promise.all(paths.map(scanCorpus));
    for (const t of scans.flatMap((s) => s.unmatched)) {
      io.stderr.write(`vitrans: warning: ${shown(t)} matches no source beside it by name; skipped (name it NAME.en.txt or NAME.ENGINE.en.txt after its NAME.vi.txt)\n`);
    }
    return scans.flatMap((s) => s.articles);
  }
  if (kinds.some(Boolean)) throw new UsageError('give either corpus directories or SOURCE TRANSLATION files, not both');
  if (paths.length === 1 && isBilingualPath(paths[0]!)) return [{ slug: '', source: paths[0]!, translations: [paths[0]!] }];
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
