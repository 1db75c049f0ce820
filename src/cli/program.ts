/**
 * The command table. Each action imports its command module only when it runs, so
 * `vitrans --help` loads neither the cloud SDKs nor the matchers.
 */
import { Command, CommanderError, Option } from 'commander';
import { EngineError, UserError } from '../core/errors.js';
import { Redactor, isSecretName } from '../core/redact.js';
import { formatUserError } from './format-error.js';
import { VERSION } from './version.js';
import { EXIT_ENGINE_UNAVAILABLE } from './exit-codes.js';
import type { CliIO } from './io.js';

export { VERSION } from './version.js';

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: string[], outerIO: CliIO): Promise<number> {
  // One redactor for everything the CLI prints: keys from the environment now, from config files
  // as commands load them.
  let redactor = new Redactor(Object.entries(outerIO.env).filter(([k]) => isSecretName(k)).map(([, v]) => v));
  const redacting = (stream: CliIO['stdout']): CliIO['stdout'] => ({
    write: (chunk) => stream.write(redactor.redact(chunk)),
    isTTY: stream.isTTY,
    columns: stream.columns,
  });
  const io: CliIO = {
    ...outerIO,
    stdout: redacting(outerIO.stdout),
    stderr: redacting(outerIO.stderr),
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
    const e = err instanceof Error ? err : new Error(String(err));
    io.stderr.write(`vitrans: internal error: ${e.message}\n`);
    io.stderr.write((debug ? String(e.stack) : 'Run again with --debug for details, and report it.') + '\n');
    return 3;
  }
}

type Commands = Record<string, unknown>;

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
    .description('check translations against the glossary: a SOURCE and its TRANSLATIONs, or corpus directories')
    .argument('<paths...>', 'SOURCE TRANSLATION [TRANSLATION...] | DIR [DIR...]')
    .option('-g, --glossary <file>', 'glossary file', 'glossary.yaml')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown', 'sarif']).default('text'))
    .addOption(new Option('--fail-on <level>', 'exit 1 on findings at or above').choices(['error', 'warning', 'never']).default('error'))
    .addOption(new Option('--encoding <name>', 'legacy encoding of the input files').choices(['utf-8', 'windows-1258', 'tcvn', 'viscii']))
    .option('--fix', 'replace forbidden renderings in the translation files')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .action(async (paths: string[], opts, cmd: Command) =>
      run(() => import('./commands/check.js'), (m) => m.checkCommand(paths, opts, withIO(cmd))),
    );

  program
    .command('translate')
    .description('translate articles with one or more engines, enforcing the glossary')
    .argument('<files...>', 'plain-text or Markdown articles')
    .requiredOption('-e, --engine <names>', 'comma-separated engines: deepl, google, google-v2, libretranslate, openai')
    .option('-o, --out <dir>', 'output directory', 'out')
    // No commander defaults here: the command must tell a given path from the default one.
    .option('-g, --glossary <file>', 'glossary file (default: glossary.yaml if present)')
    .option('-c, --config <file>', 'config file (default: vitrans.config.yaml if present)')
    .option('-s, --set <engine.setting=value>', 'an engine setting as in the config file, repeatable (e.g. deepl.target=en-GB)', collect, [])
    .option('--source-lang <code>', 'source language', 'vi')
    .option('--target-lang <code>', 'target language', 'en')
    .option('--concurrency <n>', 'requests in flight per engine')
    .option('--cache <file>', 'translation cache file (default: the config file\'s cache:, else .vitrans-cache/translations.sqlite)')
    .option('--no-cache', 'neither read nor write the cache')
    .option('--dry-run', 'show what would be sent and what it would cost; send nothing')
    .option('--max-chars <n>', 'refuse a run that would send more characters than this')
    .option('--fix', 'replace forbidden renderings in the outputs')
    .addOption(new Option('--fail-on <level>', "exit 1 when the outputs' check finds this or worse").choices(['error', 'warning', 'never']).default('never'))
    .option('-q, --quiet', 'print errors only')
    .option('--compare', 'compare the engines afterwards')
    .addOption(new Option('--format <format>', 'comparison report format (with --compare)').choices(['text', 'markdown', 'html', 'json']))
    .action(async (files: string[], opts, cmd: Command) =>
      run(() => import('./commands/translate.js'), (m) => m.translateCommand(files, opts, withIO(cmd))),
    );

  program
    .command('engines')
    .description('list engines, whether each is configured, and what each supports')
    .option('-c, --config <file>', 'config file (default: vitrans.config.yaml if present)')
    .option('-s, --set <engine.setting=value>', 'an engine setting as in the config file, repeatable (e.g. deepl.target=en-GB)', collect, [])
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (opts, cmd: Command) => run(() => import('./commands/engines.js'), (m) => m.enginesCommand(opts, withIO(cmd))));

  program
    .command('compare')
    .description('compare engine outputs: word diffs, chrF/BLEU against a reference, glossary accuracy')
    .argument('<source>', 'the Vietnamese source')
    .argument('<translations...>', 'engine outputs (NAME.en.txt) or bilingual JSON files')
    .option('-r, --ref <file>', 'human reference translation')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'markdown', 'html', 'json']).default('text'))
    .option('-o, --output <file>', 'write the report to a file')
    .option('-g, --glossary <file>', 'glossary file', 'glossary.yaml')
    .option('--baseline <engine>', 'engine to test significance against (default: the first)')
    .option('--no-bootstrap', 'skip bootstrap confidence intervals')
    .option('--seed <n>', 'bootstrap random seed', '12345')
    .option('--full-diffs', "every paragraph's word diffs in the JSON report (default: the most-disagreeing paragraphs')")
    .action(async (source: string, translations: string[], opts, cmd: Command) =>
      run(() => import('./commands/compare.js'), (m) => m.compareCommand(source, translations, opts, withIO(cmd))),
    );

  const glossary = program.command('glossary').description('work with the glossary');
  glossary
    .command('test')
    .description("run every entry's self-tests")
    .option('-g, --glossary <file>', 'glossary file', 'glossary.yaml')
    .action(async (opts, cmd: Command) => run(() => import('./commands/glossary.js'), (m) => m.glossaryTestCommand(opts, withIO(cmd))));
  glossary
    .command('export')
    .description('export the glossary for upload to an engine')
    .option('-g, --glossary <file>', 'glossary file', 'glossary.yaml')
    .addOption(new Option('--format <format>', 'export format').choices(['google-csv', 'deepl-tsv']).makeOptionMandatory())
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(async (opts, cmd: Command) => run(() => import('./commands/glossary.js'), (m) => m.glossaryExportCommand(opts, withIO(cmd))));

  return program;
}

/** Gathers a repeatable option's values (not variadic: that would swallow the file arguments after it). */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
