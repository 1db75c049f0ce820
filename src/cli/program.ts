/**
 * The command table. Each action imports its command module only when it runs, so
 * `vitrans --help` loads neither the cloud SDKs nor the matchers.
 */
import { Command, CommanderError, Option } from 'commander';
import { EngineError, UsageError, UserError } from '../core/errors.js';
import { Redactor, environmentSecrets } from '../core/redact.js';
import { formatUserError, shownPath } from './format-error.js';
import { isWriteFailure, writeFailure, writeFailureHint } from './write-file.js';
import { VERSION } from './version.js';
import { EXIT_ENGINE_UNAVAILABLE } from './exit-codes.js';
import type { CliIO } from './io.js';
import { CHECK_FORMATS, COMPARE_FORMATS } from '../report/formats.js';
import { FAIL_ON_LEVELS } from '../config/levels.js';

export { VERSION } from './version.js';

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: string[], outerIO: CliIO): Promise<number> {
  // One redactor for everything the CLI prints: keys from the environment now, from config files
  // as commands load them.
  let redactor = new Redactor(environmentSecrets(outerIO.env));
  // stderr carries errors that quote servers, which may quote a key cut or elided: every piece
  // of one is masked there. stdout may carry a report of many megabytes: whole keys are masked.
  const redacting = (stream: CliIO['stdout'], quoted: boolean): CliIO['stdout'] => ({
    write: (chunk) => stream.write(quoted ? redactor.redactQuoted(chunk) : redactor.redact(chunk)),
    isTTY: stream.isTTY,
    get columns() {
      return stream.columns;
    },
  });
  const io: CliIO = {
    ...outerIO,
    stdout: redacting(outerIO.stdout, false),
    stderr: redacting(outerIO.stderr, true),
    registerSecrets: (values) => {
      redactor = redactor.with(values);
    },
    redact: (text) => redactor.redact(text),
  };
  let exitCode = 0;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander has already printed its one-line message.
      return err.exitCode === 0 ? 0 : 2;
    }
    const debug = io.debug || argv.includes('--debug');
    if (err instanceof UserError) {
      io.stderr.write(`vitrans: ${formatUserError(err, io.cwd)}\n`);
      if (debug && err.stack) io.stderr.write(err.stack + '\n');
      // An engine that kept failing after every retry is not the user's mistake: say so by the code.
      return err instanceof EngineError && err.retryable ? EXIT_ENGINE_UNAVAILABLE : 2;
    }
    // A full disk or a read-only folder under a report (-o) or another file: the user's to fix.
    const refused = fileSystemRefusal(err);
    if (refused) {
      io.stderr.write(`vitrans: ${shownPath(refused.path, io.cwd)}: error: cannot write: ${refused.why} (${writeFailureHint(err, 'another place')})\n`);
      if (debug && err instanceof Error && err.stack) io.stderr.write(err.stack + '\n');
      return 2;
    }
    const e = err instanceof Error ? err : new Error(String(err));
    io.stderr.write(`vitrans: internal error: ${e.message}\n`);
    io.stderr.write((debug ? String(e.stack) : 'Run again with --debug for details, and report it.') + '\n');
    return 3;
  }
}

/** A write the file system refused (full, read-only, forbidden), with the path it named. */
function fileSystemRefusal(err: unknown): { path: string; why: string } | undefined {
  const { code, path } = (err ?? {}) as { code?: unknown; path?: unknown };
  if (typeof path !== 'string') return undefined;
  // Any refusal of a write of ours (`-o` to a folder, under a file); of other calls, only those no bug makes.
  if (!isWriteFailure(err) && !['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM'].includes(String(code))) return undefined;
  const why = writeFailure(err);
  return why ? { path, why } : undefined;
}

type Commands = Record<string, unknown>;

/**
 * commander's own usage errors ("error: unknown option '--bogus'" and a suggestion on a second line), worded as
 * every other vitrans error: one line, the program's prefix, what to do.
 */
export function usageErrorLine(commanderText: string, commandPath: string): string {
  const lines = commanderText.trim().split('\n').map((l) => l.trim()).filter(Boolean);
  const what = (lines[0] ?? 'usage error').replace(/^error:\s*/, '');
  const suggestion = lines.slice(1).join(' ').replace(/^\(Did you mean/, '(did you mean');
  const help = `(run ${commandPath} --help for what it takes)`;
  return `vitrans: error: ${what}${suggestion ? ` ${suggestion}` : ''} ${help}\n`;
}

/** Gives every command, nested ones too, the one-line wording of usageErrorLine with its own name in the hint. */
function sayUsageErrorsOurWay(command: Command, io: CliIO, parents: string[] = []): void {
  const path = [...parents, command.name()];
  command.configureOutput({
    writeOut: (s) => io.stdout.write(s),
    writeErr: (s) => io.stderr.write(s),
    outputError: (text, write) => write(usageErrorLine(text, path.join(' '))),
  });
  for (const sub of command.commands) sayUsageErrorsOurWay(sub, io, path);
}

/** The encodings the reading options accept (src/text/read.ts TEXT_ENCODINGS, not imported: --help loads nothing). */
const ENCODINGS = ['utf-8', 'windows-1258', 'tcvn', 'viscii'];

function buildProgram(io: CliIO, setExit: (code: number) => void): Command {
  const program = new Command('vitrans')
    .description('Translate Vietnamese articles into English and keep their terminology right.')
    .version(VERSION)
    .option('--debug', 'show stack traces for errors')
    // --color first: commander then leaves `color` undefined unless one of the two is given.
    .option('--color', 'colour output even when not on a terminal')
    .option('--no-color', 'never colour output (NO_COLOR is respected too)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showSuggestionAfterError(true);

  const withIO = (cmd: Command): CliIO => {
    const globals = cmd.optsWithGlobals() as { debug?: boolean; color?: boolean };
    // With both --color and --no-color defined, commander leaves `color` undefined unless one is given.
    const color = globals.color ?? io.color;
    return { ...io, debug: io.debug || Boolean(globals.debug), color };
  };
  const run = async <T extends Commands>(load: () => Promise<T>, call: (mod: T) => Promise<number>): Promise<void> => {
    setExit(await call(await load()));
  };

  program
    .command('check')
    .description('check translations (glossary terms, numbers, acronyms, lengths, punctuation, URLs, consistency): a SOURCE and its TRANSLATIONs, or corpus directories')
    .argument('<paths...>', 'SOURCE TRANSLATION [TRANSLATION...] | DIR [DIR...] | FILE.bilingual.json | FILE.tmx | FILE.xlf ("-" is stdin)')
    // No commander defaults: the config file may set these, and flags win over it.
    .option('-g, --glossary <file>', 'glossary file (default: the config\'s glossary:, else glossary.yaml)')
    .addOption(new Option('-f, --format <format>', 'output format (default: the config\'s format:, else text)').choices([...CHECK_FORMATS]))
    .addOption(new Option('--fail-on <level>', 'exit 1 on findings at or above (default: error)').choices([...FAIL_ON_LEVELS]))
    .addOption(new Option('--encoding <name>', 'encoding of every input file').choices(ENCODINGS))
    .addOption(new Option('--source-encoding <name>', 'encoding of the sources (overrides --encoding)').choices(ENCODINGS))
    .addOption(new Option('--target-encoding <name>', 'encoding of the translations (overrides --encoding)').choices(ENCODINGS))
    .option('--clean', "leave site chrome out of the sources, as vitrans clean does (default: the config's clean.enabled)")
    .option('--no-clean', "do not clean the sources, whatever the config's clean.enabled says")
    .option('--clean-patterns <file>', 'more lines to clean: a file of patterns, one a line (implies --clean)')
    .option('--builtin-rules', "with cleaning: apply vitrans's own rules too (default: the config's clean.builtin_rules, else yes)")
    .option('--no-builtin-rules', 'with cleaning: apply only the patterns')
    .option('--stdin-filename <name>', 'the name standard input ("-") is shown as; .md reads it as Markdown')
    .option('--fix', 'apply the fixes findings offer (forbidden renderings, doubled words, double spaces, URLs) to the translation files')
    .option('--unsafe-fixes', 'with --fix: also replace forbidden renderings whose term the source paragraph lacks')
    .option('--dry-run', 'with --fix: print the unified diff of what it would change, write nothing')
    .option('--diff', 'print the unified diff --fix would write, write nothing')
    .option('--baseline <file>', 'report only findings not recorded in this baseline (recorded first if the file does not exist)')
    .option('--update-baseline', 'rewrite the --baseline file with today\'s findings')
    .option('-c, --config <file>', 'config file (default: vitrans.config.yaml if present)')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--protected-segments <what>', 'XLIFF segments marked translate="no", locked or approved: skip them, or check them too (default: skip)').choices(['skip', 'check']))
    .action(async (paths: string[], opts, cmd: Command) =>
      run(() => import('./commands/check.js'), (m) => m.checkCommand(paths, opts, withIO(cmd))),
    );

  program
    .command('translate')
    .description('translate articles with one or more engines, enforcing the glossary')
    .argument('<files...>', 'plain-text or Markdown articles, XLIFF files (.xlf, .sdlxliff, .mqxliff), folders of articles (as check finds them), or "-" for stdin')
    .requiredOption('-e, --engine <names>', 'comma-separated engines: deepl, google, google-v2, libretranslate, openai')
    .option('-o, --out <dir>', 'output directory', 'out')
    // No commander defaults here: the command must tell a given path from the default one.
    .option('-g, --glossary <file>', 'glossary file (default: glossary.yaml if present)')
    .option('-c, --config <file>', 'config file (default: vitrans.config.yaml if present)')
    .option('-s, --set <engine.setting=value>', 'an engine setting as in the config file, repeatable (e.g. deepl.target=en-GB)', collect, [])
    .option('--source-lang <code>', 'source language', 'vi')
    .option('--target-lang <code>', 'target language', 'en')
    .option('--concurrency <n>', 'requests in flight per engine')
    .option('--cache <file|url>', 'translation cache: a file, or redis://HOST:PORT[/DB] shared by every machine (default: the config file\'s cache:, else .vitrans-cache/translations.sqlite)')
    .option('--no-cache', 'neither read nor write the cache')
    .option('--queue [url]', 'enqueue the run on Redis (redis://HOST:PORT[/DB], rediss:// for TLS; alone: the config\'s queue.url) for `vitrans worker`s to translate, wait and write the outputs')
    .option('--detach', 'with --queue: print the run id and return at once (collect the outputs later with --resume)')
    .option('--resume <run>', 'with --queue: wait for a run started before (same files and options) and write its outputs')
    .option('--batch-paragraphs <n>', 'with --queue: paragraphs per job at most (default: the config\'s queue.batch_paragraphs, else the engine\'s own limit)')
    .option('--rate-requests <n>', 'with --queue: requests per interval to each engine, across all workers')
    .option('--rate-characters <n>', 'with --queue: characters per interval to each engine, across all workers')
    .option('--rate-interval <ms>', 'with --queue: the interval of the rate limits, in milliseconds (default 1000)')
    .option('--dry-run', 'show what would be sent and what it would cost; send nothing')
    .option('--max-chars <n>', 'refuse a run that would send more characters than this')
    .option('--fix', 'apply the fixes findings offer (forbidden renderings, doubled words, double spaces, URLs) to the outputs')
    .option('--unsafe-fixes', 'with --fix: also replace forbidden renderings whose term the source paragraph lacks')
    .addOption(new Option('--fail-on <level>', "exit 1 when the outputs' check finds this or worse").choices(['error', 'warning', 'never']).default('never'))
    .addOption(new Option('--encoding <name>', 'encoding of the sources').choices(ENCODINGS))
    .addOption(new Option('--source-encoding <name>', 'encoding of the sources (the same as --encoding, as check names it)').choices(ENCODINGS))
    .option('--clean', "leave site chrome out of the sources before translating, as vitrans clean does (default: the config's clean.enabled)")
    .option('--no-clean', "do not clean the sources, whatever the config's clean.enabled says")
    .option('--clean-patterns <file>', 'more lines to clean: a file of patterns, one a line (implies --clean)')
    .option('--builtin-rules', "with cleaning: apply vitrans's own rules too (default: the config's clean.builtin_rules, else yes)")
    .option('--no-builtin-rules', 'with cleaning: apply only the patterns')
    .option('--stdin-filename <name>', 'the name standard input ("-") goes by: the outputs\' name, and .md for Markdown')
    .option('-q, --quiet', 'print errors only')
    .option('--compare', 'compare the engines afterwards')
    .option('--html', 'web pages and Markdown articles: also write each translation as a clean HTML page (NAME.ENGINE.en.html)')
    .option('--overwrite', 'XLIFF: translate segments that have a target too (never translate="no", locked or approved ones)')
    .addOption(new Option('--xliff-state <state>', 'XLIFF: the state of written targets (default: needs-review, as machine translation is)').choices(['needs-review', 'translated']))
    .addOption(new Option('--format <format>', 'comparison report format (with --compare)').choices(['text', 'markdown', 'html', 'json']))
    .action(async (files: string[], opts, cmd: Command) =>
      run(() => import('./commands/translate.js'), (m) => m.translateCommand(files, opts, withIO(cmd))),
    );

  program
    .command('worker')
    .description('translate the batches queued on Redis by `vitrans translate --queue`, with this machine\'s engine keys; runs until Ctrl-C')
    .option('--queue <url>', 'the Redis the runs are queued on: redis://HOST:PORT[/DB], rediss:// for TLS (default: the config\'s queue.url)')
    .option('-e, --engine <names>', 'the engines to take batches for (default: every engine configured here)')
    .option('-c, --config <file>', 'config file (default: vitrans.config.yaml if present)')
    .option('-s, --set <engine.setting=value>', 'an engine setting as in the config file, repeatable', collect, [])
    .option('--concurrency <n>', 'batches in flight per engine (default: the config\'s concurrency, else 4)')
    .option('--cache <file|url>', 'translation cache: a file, or redis://... shared by every machine (default: the config file\'s cache:, else .vitrans-cache/translations.sqlite)')
    .option('--no-cache', 'neither read nor write a cache')
    .option('-v, --verbose', 'a line for every batch done')
    .option('-q, --quiet', 'print errors only')
    .action(async (opts, cmd: Command) => run(() => import('./commands/worker.js'), (m) => m.workerCommand(opts, withIO(cmd))));

  program
    .command('status')
    .description('progress of queued runs across all workers: paragraphs done, cached, in flight, failed, characters billed, ETA')
    .argument('[run]', 'the run id (default: the latest runs)')
    .option('--queue <url>', 'the Redis the runs are queued on (default: the config\'s queue.url)')
    .option('-c, --config <file>', 'config file (default: vitrans.config.yaml if present)')
    .action(async (runId: string | undefined, opts, cmd: Command) => run(() => import('./commands/status.js'), (m) => m.statusCommand(runId, opts, withIO(cmd))));

  program
    .command('clean')
    .description('remove site chrome lines (logo text, empty labels, image placeholders, widget headings) from an article')
    .argument('<files...>', 'articles to clean ("-" reads stdin)')
    .option('-o, --output <file>', 'write the cleaned article to a file (default: stdout)')
    .option('--in-place', 'rewrite each file with its cleaned text')
    .option('--dry-run', 'only list what would be removed')
    .option('-p, --pattern <regex>', 'also remove lines matching this whole-line pattern (case-insensitive), repeatable', collect, [])
    .option('--patterns <file>', 'a file of such patterns, one a line (# comments)')
    .option('--builtin-rules', "apply vitrans's own rules too (default: the config's clean.builtin_rules, else yes)")
    .option('--no-builtin-rules', "apply only the given patterns (and the config's clean.patterns), not vitrans's own rules")
    .option('-c, --config <file>', "config file whose clean: patterns and builtin_rules apply (default: vitrans.config.yaml if present)")
    .addOption(new Option('--encoding <name>', 'encoding of the input files').choices(ENCODINGS))
    .option('--stdin-filename <name>', 'the name standard input ("-") is shown as; .md reads it as Markdown')
    .action(async (files: string[], opts, cmd: Command) => run(() => import('./commands/clean.js'), (m) => m.cleanCommand(files, opts, withIO(cmd))));

  program
    .command('engines')
    .description('list engines, whether each is configured, and what each supports')
    .option('-c, --config <file>', 'config file (default: vitrans.config.yaml if present)')
    .option('-s, --set <engine.setting=value>', 'an engine setting as in the config file, repeatable (e.g. deepl.target=en-GB)', collect, [])
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (opts, cmd: Command) => run(() => import('./commands/engines.js'), (m) => m.enginesCommand(opts, withIO(cmd))));

  program
    .command('compare')
    .description('compare engine outputs: word diffs, chrF/BLEU/TER and analyses against a reference, glossary accuracy')
    .argument('<source>', 'the Vietnamese source, or a TMX file of aligned pairs')
    .argument('[translations...]', 'engine outputs (NAME.en.txt), bilingual JSON or TMX files')
    .option('-r, --ref <file>', 'human reference translation')
    .addOption(new Option('-f, --format <format>', 'report format (default: the config\'s format.compare, else text)').choices([...COMPARE_FORMATS]))
    .option('-o, --output <file>', 'write the report to a file')
    .option('-g, --glossary <file>', 'glossary file (default: the config\'s glossary:, else glossary.yaml)')
    .option('-c, --config <file>', 'config file (default: vitrans.config.yaml if present)')
    .option('--baseline <engine>', 'engine to test significance against (default: the first)')
    .option('--no-bootstrap', 'skip bootstrap confidence intervals')
    .option('--seed <n>', 'bootstrap random seed', '12345')
    .option('--full-diffs', "every paragraph's word diffs in the JSON report (default: the most-disagreeing paragraphs')")
    .option('--no-clean', "compare against the source as it is, whatever the config's clean.enabled says")
    .option('--builtin-rules', "with the config's cleaning: apply vitrans's own rules too (default: the config's clean.builtin_rules, else yes)")
    .option('--no-builtin-rules', "with the config's cleaning: apply only its patterns")
    .option('--judge <engine>', 'MQM error spans and scores from a judge model: an OpenAI-compatible chat engine (openai)')
    .option('-s, --set <engine.setting=value>', 'an engine setting as in the config file, repeatable (e.g. openai.model=gpt-4o)', collect, [])
    .option('--mqm-weights <weights>', 'MQM penalty points per severity (default minor=1,major=5,critical=10)')
    .addOption(new Option('--mqm-per <unit>', 'MQM score per 1,000 words or per paragraph (default words)').choices(['words', 'segment']))
    .option('--no-judge-reference', 'judge without showing the judge the reference')
    .option('--concurrency <n>', 'judge requests in flight (default: the config\'s concurrency, else 4)')
    .option('--cache <file>', 'cache of judgments, beside the translations (default .vitrans-cache/translations.sqlite)')
    .option('--no-cache', 'judge without the cache')
    .option('--max-chars <n>', 'refuse to judge when the prompts would exceed this many characters')
    .option('--dry-run', 'print what judging would send and cost, send nothing')
    .action(async (source: string, translations: string[], opts, cmd: Command) =>
      run(() => import('./commands/compare.js'), (m) => m.compareCommand(source, translations, opts, withIO(cmd))),
    );

  program
    .command('config')
    .description('print the effective configuration and where each value comes from')
    .option('-c, --config <file>', 'config file (default: vitrans.config.yaml if present)')
    .option('-s, --set <engine.setting=value>', 'an engine setting as in the config file, repeatable', collect, [])
    .option('-g, --glossary <file>', 'glossary file, as check and translate would be given it')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (opts, cmd: Command) => run(() => import('./commands/config.js'), (m) => m.configCommand(opts, withIO(cmd))));

  program
    .command('lsp')
    .description('run the language server on stdin/stdout, for editors (diagnostics, quick fixes, glossary hovers)')
    .option('--stdio', 'talk over standard input and output (the default and only transport)')
    .action(async (_opts, cmd: Command) =>
      run(() => import('./commands/lsp.js'), (m) => {
        const cli = withIO(cmd);
        if (!cli.rawStreams) throw new UsageError('vitrans lsp needs the standard streams of a process', { hint: 'start it as a program: vitrans lsp' });
        return m.lspCommand(cli.rawStreams, cli);
      }),
    );

  const glossary = program.command('glossary').description('work with the glossary');
  glossary
    .command('test')
    .description("run every entry's self-tests")
    .option('-g, --glossary <file>', 'glossary file', 'glossary.yaml')
    .action(async (opts, cmd: Command) => run(() => import('./commands/glossary.js'), (m) => m.glossaryTestCommand(opts, withIO(cmd))));
  glossary
    .command('export')
    .description('export the glossary as TBX-Basic, a spreadsheet, or for upload to an engine')
    .option('-g, --glossary <file>', 'glossary file', 'glossary.yaml')
    .addOption(new Option('--format <format>', 'export format').choices(['tbx', 'csv', 'tsv', 'deepl-tsv', 'google-csv']).makeOptionMandatory())
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(async (opts, cmd: Command) => run(() => import('./commands/glossary.js'), (m) => m.glossaryExportCommand(opts, withIO(cmd))));

  glossary
    .command('import')
    .description('import a termbase (TBX), spreadsheet (CSV/TSV, DeepL, Google) or TMX glossary as glossary.yaml')
    .argument('<file>', 'the file to import (.tbx, .csv, .tsv, .tmx)')
    .addOption(new Option('--format <format>', 'its format (default: by extension)').choices(['tbx', 'csv', 'tsv', 'tmx']))
    .option('-o, --output <file>', 'write the glossary here (default: stdout; with --merge: the glossary itself)')
    .option('--merge', 'merge the entries into the glossary given with -g')
    .option('-g, --glossary <file>', 'glossary to merge into', 'glossary.yaml')
    .option('--force', 'replace an existing -o file; with --merge, merge even when a self-test of the glossary would fail')
    .action(async (file: string, opts, cmd: Command) => run(() => import('./commands/glossary.js'), (m) => m.glossaryImportCommand(file, opts, withIO(cmd))));

  program
    .command('export')
    .description('export translations for CAT tools')
    .command('tmx')
    .description('the translations of runs (bilingual JSON files) or of the whole cache as a TMX 1.4b translation memory')
    .argument('[files...]', 'bilingual JSON files written by vitrans translate')
    .option('--cache [file|url]', "export the translation cache instead: a file, or the redis:// cache translate shares (default: the config's cache:, else .vitrans-cache/translations.sqlite)")
    .option('-c, --config <file>', 'config file whose cache: --cache exports (default: ./vitrans.config.yaml if present)')
    .option('-e, --engine <names>', 'only these engines (comma-separated)')
    .option('-o, --output <file>', 'write the TMX here (default: stdout)')
    .action(async (files: string[], opts, cmd: Command) => run(() => import('./commands/export.js'), (m) => m.exportTmxCommand(files, opts, withIO(cmd))));

  sayUsageErrorsOurWay(program, io);
  return program;
}

/** Gathers a repeatable option's values (not variadic: that would swallow the file arguments after it). */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
