import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ConfigError } from '../../src/core/errors.js';
import { loadConfig, parseConfig, withSettingFlags } from '../../src/config/load.js';
import { configErrorOf } from './parse-error.js';
import { checkSettingsOf, effectiveConfig, runSettings } from '../../src/config/effective.js';
import { encodingFor } from '../../src/text/encodings.js';
import type { Check } from '../../src/checks/types.js';

const PROJECT = '/proj';
const FILE = path.join(PROJECT, 'vitrans.config.yaml');

/** A config with every shared key, as a newsroom might write it. */
const FULL = `# Cấu hình kiểm tra thuật ngữ cho tòa soạn
glossary: terms/quoc-phong.yaml
checks:
  term-missing: warning
  untranslated: off
  term-forbidden: { severity: error }
suppressions:
  - rule: term-forbidden
    file: corpus/coast-guard/*.en.txt
    text: known as the Vietnam Marine Police until 2013
    reason: the force's name before 2013
  - rule: [term-missing, untranslated]
    file: [corpus/quotes/*.en.md]
    paragraph: 3
    reason: a quotation left in Vietnamese
baseline: qa/vitrans-baseline.json
format: { check: github, compare: html }
fail_on: warning
encodings:
  "legacy/*.vi.txt": windows-1258
  "*.tcvn.txt": tcvn
concurrency: 2
`;

const errorOf = (text: string): ConfigError => configErrorOf(text, FILE);

describe('the shared config keys', () => {
  const config = parseConfig(FULL, FILE);

  it('reads every key, paths against the config file folder', () => {
    expect(config.glossary).toBe('/proj/terms/quoc-phong.yaml');
    expect(config.baseline).toBe('/proj/qa/vitrans-baseline.json');
    expect(config.checks).toEqual({
      'term-missing': { severity: 'warning', options: {} },
      untranslated: { severity: 'off', options: {} },
      'term-forbidden': { severity: 'error', options: {} },
    });
    expect(config.format).toEqual({ check: 'github', compare: 'html' });
    expect(config.failOn).toBe('warning');
    expect(config.encodings).toEqual([
      { pattern: 'legacy/*.vi.txt', encoding: 'windows-1258' },
      { pattern: '*.tcvn.txt', encoding: 'tcvn' },
    ]);
    expect(config.suppressions!.map((s) => [s.rules, s.files?.map((f) => f.pattern), s.paragraph, s.text, s.reason, s.at.line, s.at.column])).toEqual([
      [['term-forbidden'], ['corpus/coast-guard/*.en.txt'], undefined, 'known as the Vietnam Marine Police until 2013', "the force's name before 2013", 8, 5],
      [['term-missing', 'untranslated'], ['corpus/quotes/*.en.md'], 3, undefined, 'a quotation left in Vietnamese', 12, 5],
    ]);
    expect(checkSettingsOf(config)).toEqual({ severity: { 'term-missing': 'warning', untranslated: 'off', 'term-forbidden': 'error' }, options: {} });
  });

  it('matches encoding patterns from the config folder; a pattern without a slash in any folder', () => {
    expect(encodingFor('/proj/legacy/bai-viet.vi.txt', 'source', { patterns: config.encodings, patternBase: PROJECT })).toBe('windows-1258');
    expect(encodingFor('/proj/legacy/sub/bai-viet.vi.txt', 'source', { patterns: config.encodings, patternBase: PROJECT })).toBeUndefined();
    expect(encodingFor('/proj/a/b/tin.tcvn.txt', 'source', { patterns: config.encodings, patternBase: PROJECT })).toBe('tcvn');
    expect(encodingFor('/elsewhere/legacy/bai-viet.vi.txt', 'source', { patterns: config.encodings, patternBase: PROJECT })).toBeUndefined();
  });

  const bad: [string, string, string, number, number][] = [
    ['an unknown check', 'checks:\n  term-forbiden: warning\n', 'unknown check "term-forbiden" (did you mean term-forbidden?)', 2, 3],
    ['a bad severity', 'checks:\n  term-missing: fatal\n', 'checks.term-missing.severity must be one of error, warning, info, off', 2, 17],
    ['an option a check does not have', 'checks:\n  term-missing: { severity: warning, ratio: 2 }\n', 'check "term-missing" has no option "ratio"', 2, 38],
    ['an unknown format', 'format: compakt\n', 'format.check must be one of text, compact, github, json, markdown, sarif (did you mean compact?)', 1, 9],
    ['a compare format for check', 'format: { check: html }\n', 'format.check must be one of', 1, 18],
    ['a bad fail level', 'fail_on: errors\n', 'fail_on must be one of error, warning, never (did you mean error?)', 1, 10],
    ['an unknown encoding', 'encodings:\n  "*.vi.txt": vni\n', 'encodings.*.vi.txt must be one of utf-8, windows-1258, tcvn, viscii', 2, 15],
    ['a suppression without a reason', 'suppressions:\n  - rule: term-forbidden\n    file: a.en.txt\n', 'suppression 1 has no reason', 2, 5],
    ['a suppression for everything', 'suppressions:\n  - rule: term-forbidden\n    reason: too strict\n', 'suppression 1 applies everywhere', 2, 5],
    ['a suppression of an unknown rule', 'suppressions:\n  - rule: [term-missing, term-forbiden]\n    file: a.en.txt\n    reason: x\n', 'unknown rule "term-forbiden" in suppression 1', 2, 26],
    ['a misspelt suppression key', 'suppressions:\n  - rule: term-missing\n    files: a.en.txt\n    reason: x\n', 'unknown key "files" in suppression 1 (did you mean file?)', 3, 5],
    ['a paragraph without a file', 'suppressions:\n  - rule: term-missing\n    text: a\n    paragraph: 2\n    reason: x\n', 'suppression 1 names a paragraph but no file', 4, 5],
    ['a paragraph that is no number', 'suppressions:\n  - rule: term-missing\n    file: a.en.txt\n    paragraph: two\n    reason: x\n', 'paragraph of suppression 1 must be a paragraph number', 4, 16],
    ['an unclosed bracket in a file pattern', 'suppressions:\n  - rule: term-missing\n    file: "corpus/[abc.en.txt"\n    reason: x\n', 'bad file pattern "corpus/[abc.en.txt": "[" is never closed (write [[] for the character itself)', 3, 11],
    ['an unclosed brace in a file pattern', 'suppressions:\n  - rule: term-missing\n    file: "*.{en,vi.txt"\n    reason: x\n', 'bad file pattern "*.{en,vi.txt": "{" is never closed', 3, 11],
    ['an empty glossary path', 'glossary: ""\n', 'glossary must be a file path', 1, 11],
    ['a misspelt top key', 'fail-on: error\n', 'unknown config key "fail-on" (did you mean fail_on?)', 1, 1],
    ['a duplicate key', 'fail_on: error\nfail_on: never\n', 'config file is not valid YAML: the key "fail_on" appears twice in the same mapping', 2, 1],
    ['a second YAML document', 'fail_on: error\n---\nformat: github\n', 'config file is not valid YAML: a second YAML document starts here ("---"); the file must hold one', 2, 1],
    ['a tab indenting a key', 'checks:\n\tterm-missing: warning\n', 'config file is not valid YAML: a tab in the indentation, where YAML allows spaces only', 2, 1],
    // Columns count code points, as editors do: the ship emoji is two UTF-16 units but one column.
    ['a column after an emoji and Vietnamese', 'suppressions:\n  - { reason: "🚢 tên cũ của lực lượng", rule: term-missing, file: a.en.txt, paragraph: 0 }\n', 'paragraph of suppression 1 must be a paragraph number', 2, 88],
  ];
  it.each(bad)('stops at %s with file:line:col', (_name, text, message, line, column) => {
    const error = errorOf(text);
    expect(error.message).toContain(message);
    expect(error.location).toEqual({ file: FILE, line, column });
  });
});

describe('check options in the config', () => {
  // A check with options, as the registry's checks declare them.
  const lengthRatio: Check = {
    meta: {
      id: 'length-ratio',
      description: 'A translation much shorter or longer than its source.',
      severity: 'warning',
      fixable: false,
      options: {
        min: { type: 'number', default: 0.5, min: 0, description: 'lowest translation/source length ratio' },
        scripts: { type: 'string[]', default: [], description: 'writing systems to count' },
      },
    },
    create: () => ({}),
  };
  const parse = (text: string) => parseConfig(text, FILE, { checks: [lengthRatio] });

  it('reads options beside the severity, validated against what the check declares', () => {
    const config = parse('checks:\n  length-ratio: { severity: error, min: 0.4, scripts: [Latn] }\n');
    expect(config.checks).toEqual({ 'length-ratio': { severity: 'error', options: { min: 0.4, scripts: ['Latn'] } } });
    expect(checkSettingsOf(config)).toEqual({ severity: { 'length-ratio': 'error' }, options: { 'length-ratio': { min: 0.4, scripts: ['Latn'] } } });
    expect(config.origins!['checks.length-ratio.min']).toMatchObject({ line: 2, column: 41 });
  });

  it.each([
    ['a value of the wrong type, at the value', 'checks:\n  length-ratio:\n    min: "0.4"\n', 'option "min" of check "length-ratio" must be a number, got "0.4"', 3, 10],
    ['a value out of range', 'checks:\n  length-ratio:\n    min: -1\n', 'must be at least 0', 3, 10],
    ['YAML infinity, shown as written rather than as null', 'checks:\n  length-ratio:\n    min: .inf\n', 'option "min" of check "length-ratio" must be a finite number, got Infinity', 3, 10],
    ['a number too large for a double', 'checks:\n  length-ratio: { min: 1e400 }\n', 'option "min" of check "length-ratio" must be a finite number, got Infinity', 2, 24],
    ['YAML not-a-number', 'checks:\n  length-ratio:\n    min: .nan\n', 'must be a finite number, got NaN', 3, 10],
    ['a list of the wrong items', 'checks:\n  length-ratio:\n    scripts: [1, 2]\n', 'must be a list of strings', 3, 14],
    ['an option it does not declare, at the key', 'checks:\n  length-ratio:\n    max: 3\n', 'check "length-ratio" has no option "max"', 3, 5],
  ])('stops at %s', (_name, text, message, line, column) => {
    let error: unknown;
    try {
      parse(text);
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).message).toContain(message);
    expect((error as ConfigError).location).toEqual({ file: FILE, line, column });
  });
});

describe('loadConfig with a suppressions file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-config-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads the list from the file `suppressions:` names, patterns relative to that file', async () => {
    fs.mkdirSync(path.join(dir, 'qa'));
    fs.writeFileSync(path.join(dir, 'vitrans.config.yaml'), 'suppressions: qa/suppressions.yaml\n');
    fs.writeFileSync(path.join(dir, 'qa/suppressions.yaml'), '- rule: term-forbidden\n  file: "../corpus/**/*.en.txt"\n  term: vietnam-coast-guard\n  reason: historical name\n');
    const config = await loadConfig({ cwd: dir, env: {} });
    expect(config.suppressionsFile).toBe(path.join(dir, 'qa/suppressions.yaml'));
    const [entry] = config.suppressions!;
    expect(entry).toMatchObject({ rules: ['term-forbidden'], term: 'vietnam-coast-guard', at: { file: path.join(dir, 'qa/suppressions.yaml'), line: 1, column: 3 } });
    expect(entry!.files![0]!.matches(path.join(dir, 'corpus/a/deepl.en.txt'))).toBe(true);
  });

  it('says where a suppressions file is wrong, or that it is missing', async () => {
    fs.writeFileSync(path.join(dir, 'vitrans.config.yaml'), 'suppressions: suppressions.yaml\n');
    await expect(loadConfig({ cwd: dir, env: {} })).rejects.toMatchObject({ message: 'suppressions file not found', location: { file: path.join(dir, 'suppressions.yaml') } });
    fs.writeFileSync(path.join(dir, 'suppressions.yaml'), '- rule: term-forbidden\n  reason: x\n  paragraf: 2\n');
    await expect(loadConfig({ cwd: dir, env: {} })).rejects.toMatchObject({
      message: expect.stringContaining('unknown key "paragraf" in suppression 1'),
      location: { file: path.join(dir, 'suppressions.yaml'), line: 3, column: 3 },
    });
    // A tab under a list item: yaml itself only sees an unexpected scalar at the line's second character.
    fs.writeFileSync(path.join(dir, 'suppressions.yaml'), '- rule: term-forbidden\n\treason: the 2012 statement quotes the old name\n');
    await expect(loadConfig({ cwd: dir, env: {} })).rejects.toMatchObject({
      message: 'suppressions file is not valid YAML: a tab in the indentation, where YAML allows spaces only',
      hint: 'Replace the tab with spaces.',
      location: { file: path.join(dir, 'suppressions.yaml'), line: 2, column: 1 },
    });
  });
});

describe('the effective configuration', () => {
  const resolvePath = (p: string) => path.resolve(PROJECT, p);
  const defaults = { glossary: 'glossary.yaml', concurrency: 4, cache: '.vitrans-cache/translations.sqlite', prices: { deepl: 25, google: 20 } };
  const config = withSettingFlags(parseConfig(`${FULL}engines:\n  deepl:\n    target: en-GB\n    auth_key: "from-file-key:fx"\n`, FILE), ['deepl.target=en-US']);

  it('says where each value comes from: flag, environment, file:line:col or default', () => {
    const rows = effectiveConfig(config, { env: { DEEPL_AUTH_KEY: 'env-key-1234567890:fx' }, flags: { glossary: 'other.yaml' }, resolvePath, defaults });
    const row = (key: string) => rows.find((r) => r.key === key);
    expect(row('glossary')).toEqual({ key: 'glossary', value: '/proj/other.yaml', origin: { kind: 'flag', name: '--glossary' }, path: true });
    expect(row('checks.term-missing.severity')).toMatchObject({ value: 'warning', origin: { kind: 'file', at: { file: FILE, line: 4, column: 17 } } });
    expect(row('checks.term-forbidden.severity')).toMatchObject({ value: 'error', origin: { kind: 'file', at: { line: 6, column: 31 } } });
    expect(row('format.check')).toMatchObject({ value: 'github', origin: { kind: 'file', at: { line: 17 } } });
    expect(row('fail_on')).toMatchObject({ value: 'warning', origin: { kind: 'file', at: { line: 18, column: 10 } } });
    expect(row('engines.deepl.target')).toMatchObject({ value: 'en-US', origin: { kind: 'flag', name: '--set deepl.target' } });
    // A secret: where it is set, never its value.
    expect(row('engines.deepl.auth_key')).toEqual({ key: 'engines.deepl.auth_key', value: null, origin: { kind: 'env', name: 'DEEPL_AUTH_KEY' }, secret: true });
    expect(JSON.stringify(rows)).not.toMatch(/from-file-key|env-key/);
    expect(row('concurrency')).toMatchObject({ value: 2, origin: { kind: 'file', at: { line: 22 } } });
    expect(row('cache')).toMatchObject({ value: '/proj/.vitrans-cache/translations.sqlite', origin: { kind: 'default' } });
    expect(row('prices.deepl')).toMatchObject({ value: 25, origin: { kind: 'default' } });
  });

  it('applies flags over the file over the defaults for what commands share', () => {
    const fromFile = runSettings(config, {}, resolvePath, defaults);
    expect([fromFile.glossary.value, fromFile.format.value, fromFile.failOn.value, fromFile.baseline.value]).toEqual([
      '/proj/terms/quoc-phong.yaml',
      'github',
      'warning',
      '/proj/qa/vitrans-baseline.json',
    ]);
    const flagged = runSettings(config, { format: 'compact', failOn: 'never', baseline: 'b.json' }, resolvePath, defaults);
    expect([flagged.format, flagged.failOn.value, flagged.baseline.value]).toEqual([{ value: 'compact', origin: { kind: 'flag', name: '--format' } }, 'never', '/proj/b.json']);
    const none = runSettings(parseConfig('', FILE), {}, resolvePath, defaults);
    expect([none.glossary.value, none.format.value, none.failOn.value, none.baseline.value]).toEqual(['/proj/glossary.yaml', 'text', 'error', undefined]);
  });
});
