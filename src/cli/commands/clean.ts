/**
 * `vitrans clean FILE...`: removes site chrome lines (formats/clean.ts), says what it removed and
 * why, and writes the cleaned text to stdout, to `-o FILE`, or over the file (`--in-place`). A web
 * page is cleaned as its article in Markdown, a Word document as its paragraphs' text.
 */
import { resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { cleanText, type CleanResult } from '../../formats/clean.js';
import { isMarkdownFile } from '../../formats/markdown/checkable.js';
import { detectFormat, formatByExtension } from '../../formats/registry.js';
import { docxPlainText, readDocxFile } from '../../formats/docx.js';
import { readHtmlArticle } from '../../formats/html.js';
import { STDIN_PATH } from '../../formats/articles.js';
import { decodeText, readTextFile, type TextFile } from '../../text/read.js';
import { readOptionsFor, validateEncodingChoice } from '../../text/encodings.js';
import { splitParagraphs } from '../../text/paragraphs.js';
import { shownPath } from '../format-error.js';
import { cleanOptionsFrom } from '../clean-options.js';
import { loadConfig } from '../../config/load.js';
import { stdinFor } from '../stdin.js';
import { assertNotAnInput, writeFileAtomic } from '../write-file.js';
import type { CliIO } from '../io.js';

/** Options of `vitrans clean`, as commander parses them. */
export interface CleanCommandOptions {
  /** Whole-line patterns, repeatable. */
  pattern?: string[];
  /** A file of patterns, one a line. */
  patterns?: string;
  /** false with --no-builtin-rules, true with --builtin-rules; absent: the config's clean.builtin_rules, else true. */
  builtinRules?: boolean;
  output?: string;
  inPlace?: boolean;
  dryRun?: boolean;
  encoding?: string;
  stdinFilename?: string;
  /** The config file whose `clean:` applies (default: ./vitrans.config.yaml if present). */
  config?: string;
}

/** Runs `vitrans clean`. Exit code 0 (also when nothing was removed). */
export async function cleanCommand(files: string[], opts: CleanCommandOptions, io: CliIO): Promise<number> {
  const abs = (p: string): string => (p === STDIN_PATH ? p : resolve(io.cwd, p));
  const shown = (p: string): string => shownPath(p, io.cwd);
  const modes = [opts.output !== undefined && '-o', opts.inPlace && '--in-place', opts.dryRun && '--dry-run'].filter(Boolean);
  if (modes.length > 1) throw new UsageError(`${modes.join(' and ')} do not go together`, { hint: 'choose where the cleaned text goes: stdout (default), -o FILE, --in-place, or nowhere (--dry-run)' });
  if (files.length > 1 && !opts.inPlace && !opts.dryRun) {
    throw new UsageError('several files are cleaned only --in-place (or listed with --dry-run)', { hint: 'vitrans clean FILE -o CLEANED, or vitrans clean FILE... --in-place' });
  }
  if (opts.inPlace && files.includes(STDIN_PATH)) throw new UsageError('--in-place rewrites files, and standard input is not one', { hint: 'drop --in-place: the cleaned text goes to stdout' });
  const encodings = { all: opts.encoding };
  validateEncodingChoice(encodings);
  if (opts.inPlace && opts.encoding && opts.encoding !== 'utf-8') {
    throw new UsageError(`--in-place writes UTF-8 and would re-encode ${opts.encoding} files`, { hint: 'write the cleaned text elsewhere with -o (as UTF-8), or convert the file first' });
  }
  const paths = files.map(abs);
  if (new Set(paths).size !== paths.length) throw new UsageError('a file is given twice', { hint: 'name each file once' });
  if (opts.output !== undefined) assertNotAnInput(abs(opts.output), paths.filter((p) => p !== STDIN_PATH));
  const stdin = await stdinFor(paths, io, opts.stdinFilename, 'cat page.txt | vitrans clean - > article.vi.txt');
  const config = await loadConfig({ path: opts.config, cwd: io.cwd, env: io.env });
  const clean = (await cleanOptionsFrom({ clean: true, cleanPatterns: opts.patterns, pattern: opts.pattern, builtinRules: opts.builtinRules }, abs, config))!;

  // Read and clean everything before writing anything.
  const done: Array<{ path: string; file: TextFile; result: CleanResult }> = [];
  for (const path of paths) {
    if (path !== STDIN_PATH && (await detectFormat(path)) === 'docx') {
      // A Word document: its paragraphs, as plain text, are what is cleaned and written.
      if (opts.inPlace) throw new UsageError(`--in-place would replace the Word document ${shown(path)} with its text`, { hint: 'write the text elsewhere: vitrans clean article.docx -o article.vi.txt' });
      const text = docxPlainText(await readDocxFile(path, shown(path)));
      done.push({ path, file: { path, text, warnings: [] }, result: cleanText(text, clean) });
      continue;
    }
    const file =
      path === STDIN_PATH ? decodeText(stdin!.bytes, stdin!.name, readOptionsFor(stdin!.name, 'source', encodings, false)) : await readTextFile(path, readOptionsFor(path, 'source', encodings, false));
    if (formatByExtension(file.path) === 'html') {
      // A web page: its article (Readability), as Markdown, is what is cleaned and written.
      if (opts.inPlace) throw new UsageError(`--in-place would replace the web page ${shown(path)} with its article as Markdown`, { hint: 'write the article elsewhere: vitrans clean page.html -o article.vi.md' });
      const article = readHtmlArticle(file.text, path === STDIN_PATH ? file.path : shown(path)).markdown;
      done.push({ path, file, result: cleanText(article, { ...clean, markdown: true }) });
      continue;
    }
    done.push({ path, file, result: cleanText(file.text, { ...clean, markdown: isMarkdownFile(file.path) }) });
  }

  // The report goes where the cleaned text does not.
  const report = opts.output === undefined && !opts.inPlace && !opts.dryRun ? io.stderr : io.stdout;
  for (const { path, file, result } of done) {
    const name = path === STDIN_PATH ? file.path : shown(path);
    for (const r of result.removed) report.write(`${name}:${r.line}: ${opts.dryRun ? 'would remove' : 'removed'} ${JSON.stringify(r.text.trim())} (${r.rule}: ${r.reason})\n`);
    const left = splitParagraphs(result.text).length;
    const n = result.removed.length;
    report.write(`${name}: ${opts.dryRun ? 'would remove' : 'removed'} ${n} line${n === 1 ? '' : 's'}; ${left} paragraph${left === 1 ? '' : 's'} left\n`);
  }
  if (opts.dryRun) return 0;

  const bytes = ({ file, result }: (typeof done)[number]): string => (file.bom ? '\uFEFF' : '') + result.text;
  if (opts.inPlace) {
    for (const d of done) if (d.result.removed.length > 0) await writeFileAtomic(d.path, bytes(d));
  } else if (opts.output !== undefined) {
    await writeFileAtomic(abs(opts.output), bytes(done[0]!));
    const legacy = done[0]!.file.encoding;
    if (legacy && legacy !== 'utf-8') report.write(`vitrans: note: ${opts.output} is written in UTF-8 (the input was ${legacy})\n`);
  } else {
    io.stdout.write(done[0]!.result.text);
  }
  return 0;
}
