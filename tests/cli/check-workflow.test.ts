/**
 * `vitrans check` as a project lives with it: the config file, inline suppressions, a suppressions
 * list, a baseline, the line formats and `--fix --dry-run`/`--diff`. Real files in a temp folder;
 * the diff is applied with the real `git apply`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { runVitrans } from './run-cli.js';
import { SOURCE, TRANSLATION } from '../checks/suppression-fixtures.js';

const ROOT = resolve(import.meta.dirname, '../..');
const ARTICLE = 'corpus/coast-guard';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vitrans-workflow-'));
  mkdirSync(join(dir, ARTICLE), { recursive: true });
  mkdirSync(join(dir, 'terms'));
  copyFileSync(join(ROOT, 'glossary.yaml'), join(dir, 'terms/glossary.yaml'));
  writeFileSync(join(dir, ARTICLE, 'source.vi.txt'), SOURCE);
  writeFileSync(join(dir, ARTICLE, 'deepl.en.txt'), TRANSLATION);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string): void => writeFileSync(join(dir, name), text);
const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
const check = (args: string[], env: Record<string, string> = {}) => runVitrans(['check', ...args], { cwd: dir, env });
const ARGS = [`${ARTICLE}/source.vi.txt`, `${ARTICLE}/deepl.en.txt`];
const CONFIG = 'glossary: terms/glossary.yaml\n';

describe('vitrans check with vitrans.config.yaml', () => {
  it('takes the glossary, checks, format and fail level from the config; flags win', async () => {
    write('vitrans.config.yaml', `${CONFIG}checks:\n  term-forbidden: warning\nformat: compact\nfail_on: warning\n`);
    const r = await check(ARGS);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      `${ARTICLE}/deepl.en.txt:3:17: warning term-forbidden "Vietnam Sea Police" is a forbidden rendering of "Cảnh sát biển Việt Nam": use "Vietnam Coast Guard"`,
      expect.stringMatching(/^corpus\/coast-guard\/deepl\.en\.txt:5:\d+: warning term-forbidden "Japanese Department of Defense"/),
      expect.stringMatching(/^corpus\/coast-guard\/deepl\.en\.txt:7:5: warning term-forbidden "Vietnam Marine Police"/),
    ]);
    expect(r.code).toBe(1);
    const flagged = await check([...ARGS, '--format', 'json', '--fail-on', 'error']);
    expect(JSON.parse(flagged.stdout).summary).toMatchObject({ errors: 0, warnings: 3 });
    expect(flagged.code).toBe(0);
  });

  it('turns a check off, and reads another config with --config', async () => {
    write('team.yaml', `${CONFIG}checks:\n  term-forbidden: off\n`);
    const r = await check([...ARGS, '--config', 'team.yaml', '--format', 'json']);
    expect(JSON.parse(r.stdout).findings).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('stops at a bad config value with one line naming file:line:col, exit 2', async () => {
    write('vitrans.config.yaml', `${CONFIG}checks:\n  term-misssing: warning\n`);
    const r = await check(ARGS);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'vitrans: vitrans.config.yaml:3:3: error: unknown check "term-misssing" (did you mean term-missing?) (known checks: acronym-mismatch, bracket-mismatch, double-space, doubled-word, final-punctuation, inconsistent-translation, length-ratio, number-mismatch, quote-mismatch, source-corrupted, term-forbidden, term-inconsistent, term-missing, untranslated, verbatim-mismatch, invalid-suppression, unused-suppression)\n',
    );
  });

  it('reads a file in the encoding its config pattern names', async () => {
    write('vitrans.config.yaml', `${CONFIG}encodings:\n  "legacy/*.vi.txt": viscii\n`);
    mkdirSync(join(dir, 'legacy'));
    writeFileSync(join(dir, 'legacy/source.vi.txt'), iconv.encode(SOURCE.normalize('NFC'), 'viscii'));
    write('legacy/deepl.en.txt', TRANSLATION);
    const r = await check(['legacy/source.vi.txt', 'legacy/deepl.en.txt', '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.map((f: { actual: string }) => f.actual)).toEqual(['Vietnam Sea Police', 'Japanese Department of Defense', 'Vietnam Marine Police']);
    expect(doc.findings[0].source.text).toBe('Cảnh sát biển Việt Nam');
    // Without the pattern, the same bytes are refused as invalid UTF-8.
    write('vitrans.config.yaml', CONFIG);
    expect((await check(['legacy/source.vi.txt', 'legacy/deepl.en.txt'])).code).toBe(2);
  });
});

describe('suppressions', () => {
  it('honours inline markers and a suppressions list, shows them as suppressed, and exits on what stands', async () => {
    write(`${ARTICLE}/deepl.en.txt`, TRANSLATION.replace('The Vietnam Marine Police will', '<!-- vitrans-disable-next-paragraph term-forbidden -- the force\'s name in the 2012 statement quoted here -->\nThe Vietnam Marine Police will'));
    write('vitrans.config.yaml', `${CONFIG}suppressions:\n  - rule: term-forbidden\n    file: "corpus/*/deepl.en.txt"\n    text: the Japanese Department of Defense said\n    reason: the ministry's own English in 2014\n`);
    const r = await check([...ARGS, '--format', 'compact']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      `${ARTICLE}/deepl.en.txt:3:17: error term-forbidden "Vietnam Sea Police" is a forbidden rendering of "Cảnh sát biển Việt Nam": use "Vietnam Coast Guard"`,
      expect.stringMatching(/deepl\.en\.txt:5:\d+: suppressed term-forbidden "Japanese Department of Defense" .* \(by the suppressions list at vitrans\.config\.yaml:3:5: the ministry's own English in 2014\)$/),
      expect.stringMatching(/deepl\.en\.txt:8:5: suppressed term-forbidden "Vietnam Marine Police" .* \(inline at corpus\/coast-guard\/deepl\.en\.txt:7:1: the force's name in the 2012 statement quoted here\)$/),
      '',
      '1 error, 0 warnings in 1 file; 2 suppressed: 1 inline, 1 by the suppressions list',
      '',
    ]);
    // --fix leaves the suppressed renderings and the marker alone.
    const fixed = await check([...ARGS, '--fix']);
    expect(fixed.code).toBe(0);
    const text = read(`${ARTICLE}/deepl.en.txt`);
    expect(text).toContain('On 14 March the Vietnam Coast Guard took delivery');
    expect(text).toContain('Japanese Department of Defense said');
    expect(text).toContain('<!-- vitrans-disable-next-paragraph term-forbidden -- the force\'s name in the 2012 statement quoted here -->\nThe Vietnam Marine Police will');
  });

  it('reports stale suppressions as warnings: a marker and a list entry that match nothing', async () => {
    write(`${ARTICLE}/deepl.en.txt`, TRANSLATION.replace('Vietnam Coast Guard receives', '<!-- vitrans-disable-next-line untranslated -- headline -->\nVietnam Coast Guard receives'));
    write('vitrans.config.yaml', `${CONFIG}suppressions:\n  - rule: term-missing\n    file: "${ARTICLE}/*.en.txt"\n    reason: checked by hand\n`);
    const r = await check([...ARGS, '--format', 'json', '--fail-on', 'warning']);
    const stale = JSON.parse(r.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'unused-suppression');
    expect(stale.map((f: { file: string; line: number }) => `${f.file}:${f.line}`)).toEqual([`${ARTICLE}/deepl.en.txt:1`, 'vitrans.config.yaml:3']);
    expect(r.code).toBe(1);
  });

  it('re-levels the stale and invalid suppression findings under checks:, or turns them off', async () => {
    write(`${ARTICLE}/deepl.en.txt`, TRANSLATION.replace('Vietnam Coast Guard receives', '<!-- vitrans-disable-next-line untranslated -- headline -->\nVietnam Coast Guard receives').replace('(OSA).', '(OSA). <!-- vitrans-disable-line term-forbidden -->'));
    const entry = `suppressions:\n  - rule: term-missing\n    file: "${ARTICLE}/*.en.txt"\n    reason: checked by hand\n`;
    const levels = (findings: { ruleId: string; severity: string }[]) =>
      findings.filter((f) => f.ruleId.endsWith('-suppression')).map((f) => `${f.ruleId} ${f.severity}`);
    write('vitrans.config.yaml', `${CONFIG}${entry}checks:\n  unused-suppression: error\n  invalid-suppression: info\n`);
    const r = await check([...ARGS, '--format', 'json']);
    expect(levels(JSON.parse(r.stdout).findings)).toEqual(['unused-suppression error', 'invalid-suppression info', 'unused-suppression error']);
    write('vitrans.config.yaml', `${CONFIG}${entry}checks:\n  unused-suppression: off\n  invalid-suppression:\n    severity: off\n`);
    const off = await check([...ARGS, '--format', 'json']);
    expect(levels(JSON.parse(off.stdout).findings)).toEqual([]);
    // Only a level: these rules take no options.
    write('vitrans.config.yaml', `${CONFIG}checks:\n  unused-suppression:\n    max: 3\n`);
    const bad = await check(ARGS);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('vitrans: vitrans.config.yaml:4:5: error: check "unused-suppression" has no option "max" (it takes no options)\n');
  });

  it('reports a marker without a reason and does not apply it', async () => {
    write(`${ARTICLE}/deepl.en.txt`, TRANSLATION.replace('(OSA).', '(OSA). <!-- vitrans-disable-line term-forbidden -->'));
    const r = await check([...ARGS, '--glossary', 'terms/glossary.yaml', '--format', 'compact']);
    expect(r.stdout).toMatch(/deepl\.en\.txt:3:\d+: warning invalid-suppression "vitrans-disable-line term-forbidden" has no reason/);
    expect(r.stdout).toMatch(/deepl\.en\.txt:3:17: error term-forbidden "Vietnam Sea Police"/);
  });
});

describe('allowed contexts in the glossary', () => {
  it('passes the former name where glossary.yaml allows it, and --fix leaves it while fixing the rest', async () => {
    write('vitrans.config.yaml', CONFIG);
    write(`${ARTICLE}/deepl.en.txt`, TRANSLATION.replace('The Vietnam Marine Police will', 'The Vietnam Coast Guard, known as the Vietnam Marine Police until 2013, will'));
    const r = await check([...ARGS, '--format', 'json']);
    // The former name in its allowed context is neither forbidden nor a second rendering (the longer
    // paragraph is a length-ratio warning of its own, and the year the source lacks a number-mismatch).
    const found = JSON.parse(r.stdout).findings.filter((f: { ruleId: string }) => f.ruleId !== 'length-ratio' && f.ruleId !== 'number-mismatch');
    expect(found.map((f: { actual: string }) => f.actual)).toEqual(['Vietnam Sea Police', 'Japanese Department of Defense']);
    await check([...ARGS, '--fix']);
    expect(read(`${ARTICLE}/deepl.en.txt`)).toContain('The Vietnam Coast Guard, known as the Vietnam Marine Police until 2013, will');
    expect(read(`${ARTICLE}/deepl.en.txt`)).toContain('On 14 March the Vietnam Coast Guard took delivery');
  });
});

describe('--baseline', () => {
  it('records today\'s findings, then fails only on new ones, whatever moved elsewhere in the file', async () => {
    write('vitrans.config.yaml', CONFIG);
    mkdirSync(join(dir, 'qa'));
    const first = await check([...ARGS, '--baseline', 'qa/baseline.json']);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('vitrans: recorded the baseline qa/baseline.json: 3 findings; later runs report only new ones\n');
    expect(first.stdout).toContain('No problems in 1 translation checked (3 suppressed: 3 by the baseline).');
    expect(JSON.parse(read('qa/baseline.json')).findings.map((f: { file: string }) => f.file)).toEqual(Array(3).fill(`../${ARTICLE}/deepl.en.txt`));

    // A new paragraph on top moves every line; a new forbidden rendering is the only new finding.
    const edited = `Two more vessels for the coast guard\n\n${TRANSLATION}`.replace('two new patrol vessels', 'two new Vietnam Sea Police patrol vessels');
    write(`${ARTICLE}/source.vi.txt`, `Thêm hai tàu cho lực lượng\n\n${SOURCE}`);
    write(`${ARTICLE}/deepl.en.txt`, edited);
    const later = await check([...ARGS, '--baseline', 'qa/baseline.json', '--format', 'compact']);
    expect(later.code).toBe(1);
    const lines = later.stdout.split('\n');
    // Paragraph 2 changed: its finding is new twice over (both renderings), and its recorded one is stale.
    expect(lines.filter((l) => / error /.test(l)).map((l) => l.replace(/^.*?: error /, ''))).toEqual([
      expect.stringMatching(/^term-forbidden "Vietnam Sea Police"/),
      expect.stringMatching(/^term-forbidden "Vietnam Sea Police"/),
    ]);
    expect(lines.filter((l) => l.includes(': suppressed '))).toHaveLength(2);
    expect(lines).toContainEqual(expect.stringMatching(/^qa\/baseline\.json:5:\d+: warning unused-suppression the recorded term-forbidden finding .* no longer occurs: run with --update-baseline to drop it$/));

    const updated = await check([...ARGS, '--baseline', 'qa/baseline.json', '--update-baseline']);
    expect(updated.code).toBe(0);
    expect(updated.stderr).toContain('updated the baseline qa/baseline.json: 4 findings');
    const again = await check([...ARGS, '--baseline', 'qa/baseline.json', '--format', 'sarif']);
    const results = JSON.parse(again.stdout).runs[0].results;
    expect(results.map((x: { baselineState: string }) => x.baselineState)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(results.every((x: { suppressions: { kind: string }[] }) => x.suppressions[0]!.kind === 'external')).toBe(true);
  });

  it('refuses a baseline in a folder that does not exist, in one line, creating nothing', async () => {
    write('vitrans.config.yaml', CONFIG);
    const r = await check([...ARGS, '--baseline', 'no-such-dir/qa/baseline.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'vitrans: error: --baseline no-such-dir/qa/baseline.json: the folder no-such-dir/qa does not exist (create it first, or give --baseline a file in an existing folder)\n',
    );
    expect(existsSync(join(dir, 'no-such-dir'))).toBe(false);
  });

  it('is a config key too, and a broken baseline file stops the run at its line', async () => {
    write('vitrans.config.yaml', `${CONFIG}baseline: qa/baseline.json\n`);
    mkdirSync(join(dir, 'qa'));
    write('qa/baseline.json', '{\n  "version": 1,\n  "tool": "vitrans",\n  "findings": [\n    {"file": "x"}\n  ]\n}\n');
    const r = await check(ARGS);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vitrans: qa\/baseline\.json: error: not a vitrans baseline: finding 1 lacks a file, ruleId, fingerprint or positive count/);
  });
});

describe('--fix --dry-run and --diff', () => {
  it('prints the unified diff --fix would write and changes nothing; git apply of it gives what --fix writes', async () => {
    write('vitrans.config.yaml', CONFIG);
    const bom = `\uFEFF${TRANSLATION.replace(/\n/g, '\r\n')}\r\n`;
    write(`${ARTICLE}/deepl.en.txt`, bom);
    const dry = await check([...ARGS, '--fix', '--dry-run']);
    const diff = await check([...ARGS, '--diff']);
    expect(diff.stdout).toBe(dry.stdout);
    expect(dry.stdout.split('\n').slice(0, 3)).toEqual([`--- a/${ARTICLE}/deepl.en.txt`, `+++ b/${ARTICLE}/deepl.en.txt`, '@@ -1,7 +1,7 @@']);
    expect(dry.stdout).toContain('-On 14 March the Vietnam Sea Police took delivery');
    expect(dry.stdout).toContain('+On 14 March the Vietnam Coast Guard took delivery');
    expect(dry.stderr).toBe('vitrans: --fix would fix 3 forbidden renderings in 1 file; nothing written\n');
    expect(read(`${ARTICLE}/deepl.en.txt`)).toBe(bom);
    // Exit code as after the fixes: nothing is left.
    expect(dry.code).toBe(0);

    write('fixes.patch', dry.stdout);
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['apply', '--check', 'fixes.patch'], { cwd: dir });
    execFileSync('git', ['apply', 'fixes.patch'], { cwd: dir });
    const applied = read(`${ARTICLE}/deepl.en.txt`);
    write(`${ARTICLE}/deepl.en.txt`, bom);
    await check([...ARGS, '--fix']);
    expect(applied).toBe(read(`${ARTICLE}/deepl.en.txt`));
    expect(applied.startsWith('\uFEFF')).toBe(true);
    expect(applied).toContain('the Japanese Ministry of Defense said joint training courses would begin in June 2025.\r\n');
  });

  it('names a file outside the working folder by its absolute path without the leading "/", which patch -p1 and git apply take from /', async () => {
    write(`${ARTICLE}/deepl.en.txt`, TRANSLATION);
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    const absolute = join(dir, ARTICLE, 'deepl.en.txt');
    const r = await runVitrans(['check', join(dir, ARTICLE, 'source.vi.txt'), absolute, '--glossary', join(dir, 'terms/glossary.yaml'), '--diff'], { cwd: elsewhere });
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([`--- a${absolute}`, `+++ b${absolute}`]);
    execFileSync('git', ['apply', '--check', '-'], { cwd: '/', input: r.stdout });
    execFileSync('patch', ['-p1', '--dry-run', '--silent'], { cwd: '/', input: r.stdout });
  });

  it('says so when there is nothing to fix, and refuses --dry-run alone', async () => {
    write('vitrans.config.yaml', CONFIG);
    write(`${ARTICLE}/deepl.en.txt`, TRANSLATION.replace('Vietnam Sea Police', 'Vietnam Coast Guard').replace('Japanese Department', 'Japanese Ministry').replace('Vietnam Marine Police', 'Vietnam Coast Guard'));
    const r = await check([...ARGS, '--diff']);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', 'vitrans: nothing for --fix to change\n']);
    const alone = await check([...ARGS, '--dry-run']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--dry-run goes with --fix/);
    expect(existsSync(join(dir, 'qa'))).toBe(false);
  });
});

describe('--format github', () => {
  it('prints workflow annotations for the findings', async () => {
    write('vitrans.config.yaml', CONFIG);
    const r = await check([...ARGS, '--format', 'github']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      `::error file=${ARTICLE}/deepl.en.txt,line=3,col=17,endLine=3,endColumn=35,title=vitrans term-forbidden::"Vietnam Sea Police" is a forbidden rendering of "Cảnh sát biển Việt Nam": use "Vietnam Coast Guard"%0AWord-for-word rendering; the force's English name is "Vietnam Coast Guard".`,
    );
    expect(lines.at(-1)).toBe('vitrans check: 3 errors, 0 warnings in 1 file');
    expect(r.code).toBe(1);
  });
});

describe('suppressions in vitrans compare', () => {
  it('counts suppressed glossary findings apart in every format and keeps their suppression', async () => {
    // deepl: one inline marker; google: one entry of the config's list. Each keeps one finding standing.
    write(`${ARTICLE}/deepl.en.txt`, TRANSLATION.replace('The Vietnam Marine Police will', '<!-- vitrans-disable-next-paragraph term-forbidden -- the force\'s name in the 2012 statement quoted here -->\nThe Vietnam Marine Police will'));
    write(`${ARTICLE}/google.en.txt`, TRANSLATION.replace('On 14 March the Vietnam Sea Police', 'On 14 March the Vietnam Coast Guard'));
    write('vitrans.config.yaml', `${CONFIG}suppressions:\n  - rule: term-forbidden\n    file: "corpus/*/google.en.txt"\n    text: the Japanese Department of Defense said\n    reason: the ministry's own English in 2014\n`);
    const compare = (format: string) => runVitrans(['compare', `${ARTICLE}/source.vi.txt`, `${ARTICLE}/deepl.en.txt`, `${ARTICLE}/google.en.txt`, '--no-bootstrap', '--format', format], { cwd: dir });
    const json = await compare('json');
    expect(json.code).toBe(0);
    const glossary = JSON.parse(json.stdout).glossary;
    const forbidden = (engine: string) =>
      glossary[engine].findings.filter((f: { ruleId: string }) => f.ruleId === 'term-forbidden').map((f: { actual: string; suppression?: { kind: string; reason: string } }) => [f.actual, f.suppression?.kind ?? null, f.suppression?.reason ?? null]);
    expect(forbidden('deepl')).toEqual([
      ['Vietnam Sea Police', null, null],
      ['Japanese Department of Defense', null, null],
      ['Vietnam Marine Police', 'inline', "the force's name in the 2012 statement quoted here"],
    ]);
    expect(forbidden('google')).toEqual([
      ['Japanese Department of Defense', 'file', "the ministry's own English in 2014"],
      ['Vietnam Marine Police', null, null],
    ]);
    expect([glossary.deepl.suppressed, glossary.google.suppressed]).toEqual([1, 1]);

    const text = (await compare('text')).stdout;
    expect(text).toMatch(/^deepl .*\(\d+\/\d+\), 1 suppressed$/m);
    expect(text).toMatch(/^google .*\(\d+\/\d+\), 1 suppressed$/m);
    expect((await compare('markdown')).stdout).toMatch(/^\| deepl \| [^|]+ \| \d+% \(\d+\/\d+\), 1 suppressed \|$/m);
    const page = (await compare('html')).stdout;
    expect(page).toContain('<li class="suppressed">&quot;Japanese Department of Defense&quot;');
    expect(page).toContain('term-forbidden; suppressed by the suppressions list at vitrans.config.yaml:3:5: the ministry&#39;s own English in 2014</small></li>');
  });
});
