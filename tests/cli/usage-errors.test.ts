import { describe, expect, it } from 'vitest';
import { runVitrans } from './run-cli.js';
import { usageErrorLine } from '../../src/cli/program.js';

// commander's own errors (unknown options and commands, missing or refused option values) read like every other
// vitrans error: one line with the program's prefix and what to do, exit 2.
describe('usage errors commander finds', () => {
  it.each([
    [['check', '--bogus', 'corpus'], "vitrans: error: unknown option '--bogus' (run vitrans check --help for what it takes)\n"],
    [['chek', 'corpus'], "vitrans: error: unknown command 'chek' (did you mean check?) (run vitrans --help for what it takes)\n"],
    [['glossary', 'imprt', 'terms.tbx'], "vitrans: error: unknown command 'imprt' (did you mean import?) (run vitrans glossary --help for what it takes)\n"],
    [['export', 'tmx', '--engine'], "vitrans: error: option '-e, --engine <names>' argument missing (run vitrans export tmx --help for what it takes)\n"],
  ])('vitrans %j', async (argv, line) => {
    const r = await runVitrans(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(line);
    expect(r.stdout).toBe('');
  });

  it('a refused choice names the choices on the same line', async () => {
    const r = await runVitrans(['check', 'corpus', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/^vitrans: error: option '-f, --format <format>' argument 'xml' is invalid\. Allowed choices are text, .*sarif\. \(run vitrans check --help/);
  });

  it('help still goes to standard output, unprefixed', async () => {
    const r = await runVitrans(['check', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: vitrans check/);
    expect(r.stderr).toBe('');
  });

  it('keeps a text without a suggestion to one line', () => {
    expect(usageErrorLine("error: missing required argument 'paths'\n", 'vitrans check')).toBe(
      "vitrans: error: missing required argument 'paths' (run vitrans check --help for what it takes)\n",
    );
  });
});
