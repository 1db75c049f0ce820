import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runVitrans } from './run-cli.js';
import { ENV, ROOT, referenceEngine, useProjects } from './inputs-helpers.js';

const make = useProjects();

const check = (args: string[], cwd: string, stdin?: string | Buffer) => runVitrans(['check', ...args], { cwd, env: ENV, ...(stdin !== undefined ? { stdin } : {}) });
type Report = { files: { source: string; translations: string[] }[]; findings: { file: string; ruleId: string; actual?: string; span: { start: { line: number; column: number } }; source?: { file: string; span: { start: { line: number } } } }[] };
const report = (stdout: string): Report => JSON.parse(stdout) as Report;

const SLUGS = ['japan-us-defense-industry', 'vietnam-japan-defense-cooperation'];
const read = (p: string): string => fs.readFileSync(path.join(ROOT, p), 'utf8');
const SOURCE = (slug: string) => read(`corpus/${slug}/source.vi.txt`);
const REFERENCE = (slug: string) => read(`corpus/${slug}/reference.en.txt`);
const FLAWED = read('tests/fixtures/corpus/flawed/flawed.en.txt');
/** What the flawed translation of the seed article is found to hold: its planted term errors, and the seed's five corrupted dates. */
const FLAWED_FINDINGS = { 'term-forbidden': 14, 'term-missing': 6, 'source-corrupted': 5 };
const byRule = (findings: Report['findings']): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
  return counts;
};

/** Translates both corpus articles into out/ with the reference engine. */
async function translated(): Promise<string> {
  const dir = make();
  referenceEngine();
  const r = await runVitrans(['translate', ...SLUGS.map((s) => `corpus/${s}/source.vi.txt`), '-e', 'openai'], { cwd: dir, env: ENV });
  expect(r.code).toBe(0);
  return dir;
}

describe("vitrans check out/: translate's own output folder", () => {
  it('checks every output against the source each bilingual JSON names', async () => {
    const dir = await translated();
    const r = await check(['out', '-f', 'json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(report(r.stdout).files).toEqual(SLUGS.map((s) => ({ source: `corpus/${s}/source.vi.txt`, translations: [`out/${s}/source.vi.openai.en.txt`] })));
  });

  it('checks an output edited by hand as it is now, at its own line and column, and --fix repairs it', async () => {
    const dir = await translated();
    const output = path.join(dir, 'out', SLUGS[0]!, 'source.vi.openai.en.txt');
    fs.writeFileSync(output, fs.readFileSync(output, 'utf8').replace('Patriot missiles', 'Patriot rockets'));
    const r = await check(['out', '-f', 'json'], dir);
    expect(r.code).toBe(1);
    const [finding, ...others] = report(r.stdout).findings.filter((f) => f.ruleId !== 'source-corrupted');
    expect(others).toEqual([]);
    const line = fs.readFileSync(output, 'utf8').split('\n').findIndex((l) => l.includes('Patriot rockets')) + 1;
    expect(finding).toMatchObject({ ruleId: 'term-forbidden', file: `out/${SLUGS[0]}/source.vi.openai.en.txt`, actual: 'Patriot rockets', span: { start: { line } } });
    expect(finding!.source!.file).toBe(`corpus/${SLUGS[0]}/source.vi.txt`);
    expect((await check(['out', '--fix'], dir)).code).toBe(0);
    expect(fs.readFileSync(output, 'utf8')).not.toContain('Patriot rockets');
  });

  it('finds the source from another working directory through the path the JSON keeps', async () => {
    const dir = await translated();
    const r = await check([path.join(dir, 'out'), '-g', path.join(dir, 'glossary.yaml'), '-f', 'json'], ROOT);
    expect(r.code).toBe(0);
    expect(report(r.stdout).files.map((f) => f.source)).toEqual(SLUGS.map((s) => path.join(dir, 'corpus', s, 'source.vi.txt')));
  });

  it('without the source, checks against the source text kept in the JSON; a changed source is said so', async () => {
    const dir = await translated();
    fs.rmSync(path.join(dir, 'corpus', SLUGS[0]!), { recursive: true });
    fs.appendFileSync(path.join(dir, 'corpus', SLUGS[1]!, 'source.vi.txt'), '\nMột đoạn mới được thêm vào sau khi dịch.\n');
    const r = await check(['out', '-f', 'json'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `vitrans: note: corpus/${SLUGS[1]}/source.vi.txt has changed since out/${SLUGS[1]}/source.vi.bilingual.json was written: its translations are checked against the source text kept in the JSON\n`,
    );
    expect(report(r.stdout).files.map((f) => f.source)).toEqual(SLUGS.map((s) => `out/${s}/source.vi.bilingual.json#source`));
  });

  it('an engine whose output file is gone is checked inside the JSON', async () => {
    const dir = await translated();
    fs.rmSync(path.join(dir, 'out', SLUGS[1]!, 'source.vi.openai.en.txt'));
    const r = await check(['out', '-f', 'json'], dir);
    expect(r.code).toBe(0);
    expect(report(r.stdout).files[1]!.translations).toEqual([`out/${SLUGS[1]}/source.vi.bilingual.json#openai`]);
  });
});

describe('vitrans check DIR: flat pairs and Markdown', () => {
  it('pairs NAME.vi.txt with NAME.en.txt and NAME.ENGINE.en.txt, Markdown with Markdown, and names what it cannot pair', async () => {
    const dir = make({
      'news/tokyo.vi.txt': SOURCE(SLUGS[0]!),
      'news/tokyo.en.txt': REFERENCE(SLUGS[0]!),
      'news/tokyo.deepl.en.txt': FLAWED,
      'news/hanoi.vi.md': `# ${SOURCE(SLUGS[1]!)}`,
      'news/hanoi.google.en.md': `# ${REFERENCE(SLUGS[1]!)}`,
      'news/notes.en.txt': 'Notes for the editor.',
    });
    const r = await check(['news', '-f', 'json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('vitrans: warning: news/notes.en.txt matches no source beside it by name; skipped (name it NAME.en.txt or NAME.ENGINE.en.txt after its NAME.vi.txt, or map it under sources: in the config)\n');
    const out = report(r.stdout);
    expect(out.files).toEqual([
      { source: 'news/hanoi.vi.md', translations: ['news/hanoi.google.en.md'] },
      { source: 'news/tokyo.vi.txt', translations: ['news/tokyo.deepl.en.txt', 'news/tokyo.en.txt'] },
    ]);
    // The source's five scrambled or placeholder dates are reported against each of its translations.
    expect(byRule(out.findings.filter((f) => f.file === 'news/tokyo.deepl.en.txt'))).toEqual(FLAWED_FINDINGS);
    expect(byRule(out.findings.filter((f) => f.file !== 'news/tokyo.deepl.en.txt'))).toEqual({ 'source-corrupted': 5 });
    expect(new Set(out.findings.map((f) => f.file))).toEqual(new Set(['news/tokyo.deepl.en.txt', 'news/tokyo.en.txt']));
  });

  it('NAME.en.txt beside NAME.vi.txt names no engine: the articles of a folder are one series, compared with each other', async () => {
    // Two bulletins of one desk, each opening with the same sentence, translated two ways.
    const opening = 'Bộ Quốc phòng Việt Nam và Bộ Quốc phòng Nhật Bản nhất trí tăng cường hợp tác trong lĩnh vực công nghiệp quốc phòng.';
    const dir = make({
      'desk/ban-tin-1.vi.txt': `${opening}\n\nHai bên cũng trao đổi về tình hình khu vực.\n`,
      'desk/ban-tin-1.en.txt': 'The Ministry of National Defence of Viet Nam and the Japanese Ministry of Defense agreed to strengthen cooperation in the defence industry.\n\nThe two sides also discussed the regional situation.\n',
      'desk/ban-tin-2.vi.txt': `${opening}\n\nHai bên ký biên bản ghi nhớ về hợp tác đào tạo.\n`,
      'desk/ban-tin-2.en.txt': 'The Ministry of National Defence of Viet Nam and the Japanese Ministry of Defense agreed to step up defence-industry cooperation.\n\nThe two sides signed a memorandum of understanding on training cooperation.\n',
      'desk/ban-tin-2.deepl.en.txt': 'The Ministry of National Defence of Viet Nam and the Japanese Department of Defense agreed to strengthen cooperation in the defence industry.\n\nThe two sides signed a memorandum of understanding on training cooperation.\n',
    });
    const r = await check(['desk', '-f', 'json'], dir);
    const out = JSON.parse(r.stdout) as { findings: { file: string; ruleId: string; engine: string | null }[] };
    expect(out.findings.filter((f) => f.file === 'desk/ban-tin-1.en.txt' || f.file === 'desk/ban-tin-2.en.txt').map((f) => f.engine)).not.toContain('ban-tin-1');
    expect(new Set(out.findings.filter((f) => f.file.endsWith('ban-tin-2.deepl.en.txt')).map((f) => f.engine))).toEqual(new Set(['deepl']));
    // The desk's second bulletin renders the shared opening another way than its first: reported once, on the later one.
    expect(out.findings.filter((f) => f.ruleId === 'inconsistent-translation').map((f) => [f.file, f.engine])).toEqual([['desk/ban-tin-2.en.txt', null]]);
  });

  it('reads a classic corpus folder with source.vi.md', async () => {
    const dir = make({ 'md/a/source.vi.md': `# ${SOURCE(SLUGS[1]!)}`, 'md/a/reference.en.md': `# ${REFERENCE(SLUGS[1]!)}` });
    const r = await check(['md'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No problems in 1 translation checked/);
  });
});

describe('vitrans check -: standard input', () => {
  it('reads the source from stdin', async () => {
    const dir = make({ 'a.en.txt': FLAWED });
    const r = await check(['-', 'a.en.txt', '-f', 'json'], dir, SOURCE(SLUGS[0]!));
    expect(r.code).toBe(1);
    const out = report(r.stdout);
    expect(out.files).toEqual([{ source: '<stdin>', translations: ['a.en.txt'] }]);
    expect(byRule(out.findings)).toEqual(FLAWED_FINDINGS);
    expect(out.findings[0]!.source!.file).toBe('<stdin>');
  });

  it('reads the translation from stdin, named by --stdin-filename', async () => {
    const dir = make();
    const r = await check([`corpus/${SLUGS[0]}/source.vi.txt`, '-', '--stdin-filename', 'draft.en.txt', '-f', 'json'], dir, FLAWED);
    expect(r.code).toBe(1);
    const out = report(r.stdout);
    expect(new Set(out.findings.map((f) => f.file))).toEqual(new Set(['draft.en.txt']));
    expect(byRule(out.findings)).toEqual(FLAWED_FINDINGS);
  });

  it('stdin in a legacy encoding follows the option of its role', async () => {
    const dir = make({ 'a.en.txt': 'Making the Most of Japan-U.S. Defense Industrial Cooperation\n\nOn XNUMX 25, the White House announced.\n' });
    const bytes = fs.readFileSync(path.join(ROOT, 'tests/fixtures/corpus/encodings/tcvn3.txt'));
    const r = await check(['-', 'a.en.txt', '--source-encoding', 'tcvn', '-f', 'json'], dir, bytes);
    expect(r.stderr).toBe('');
    expect(report(r.stdout).findings.some((f) => f.source?.file === '<stdin>')).toBe(true);
  });

  it.each([
    [['-', '-'], /^vitrans: error: "-" \(standard input\) is given more than once: stdin can be read only once/],
    [['-'], /^vitrans: error: a source file needs at least one translation \(.*"-" reads the source or one translation from stdin\)/],
    [['corpus', '-'], /^vitrans: error: give either corpus directories or SOURCE TRANSLATION files, not both/],
    [[`corpus/${SLUGS[0]}/source.vi.txt`, '-', '--fix'], /^vitrans: error: --fix rewrites translation files, and standard input is not one/],
    [[`corpus/${SLUGS[0]}/source.vi.txt`, `corpus/${SLUGS[0]}/reference.en.txt`, '--stdin-filename', 'x.en.txt'], /^vitrans: error: --stdin-filename names standard input, but no path is "-"/],
  ])('refuses an ambiguous or impossible use of stdin in one line: %j', async (args, message) => {
    const r = await check(args, make(), FLAWED);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('refuses "-" when nothing is piped in', async () => {
    const r = await runVitrans(['check', '-', 'a.en.txt'], { cwd: make({ 'a.en.txt': FLAWED }), env: ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing is piped in \(stdin is a terminal\)/);
  });
});

describe('vitrans check: encodings per file', () => {
  const legacy = (name: string) => fs.readFileSync(path.join(ROOT, 'tests/fixtures/corpus/encodings', name));
  // The two legacy fixture paragraphs, in English with a curly apostrophe (UTF-8 beyond ASCII).
  const english = 'Making the Most of Japan–U.S. Defense Industrial Cooperation\n\nOn XNUMX 25, the White House announced Prime Minister Kishida’s state visit.\n';

  it('a legacy source beside a UTF-8 translation: --source-encoding reads each file right', async () => {
    const dir = make({ 'cu.vi.txt': legacy('windows-1258.txt'), 'cu.en.txt': english });
    const r = await check(['cu.vi.txt', 'cu.en.txt', '--source-encoding', 'windows-1258', '-f', 'json'], dir);
    expect(r.stderr).toBe('');
    const findings = report(r.stdout).findings;
    const sourced = findings.filter((f) => f.source);
    expect(sourced.length).toBeGreaterThan(0);
    expect(sourced.every((f) => f.source?.file === 'cu.vi.txt')).toBe(true);
  });

  it('--encoding for every file refuses the UTF-8 translation instead of shifting its columns', async () => {
    const dir = make({ 'cu.vi.txt': legacy('windows-1258.txt'), 'cu.en.txt': english });
    const r = await check(['cu.vi.txt', 'cu.en.txt', '--encoding', 'windows-1258'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vitrans: cu\.en\.txt:1:25: error: this file is UTF-8, not Windows-1258 \(Read it as UTF-8: give the legacy encoding only to the files written in it \(--source-encoding or --target-encoding instead of --encoding\)\)\n$/);
  });

  it('--target-encoding wins over --encoding for the translations', async () => {
    const dir = make({ 'cu.vi.txt': legacy('windows-1258.txt'), 'cu.en.txt': english });
    const r = await check(['cu.vi.txt', 'cu.en.txt', '--encoding', 'windows-1258', '--target-encoding', 'utf-8'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
  });

  it.each([
    ['windows-1258.txt', 'tcvn', 'Windows-1258', 'windows-1258'],
    ['tcvn3.txt', 'viscii', 'TCVN3 \\(ABC\\)', 'tcvn'],
    ['viscii.txt', 'windows-1258', 'VISCII', 'viscii'],
  ])('a %s source read as %s stops, naming %s (no more "No problems" with zero terms)', async (file, wrong, name, right) => {
    const dir = make({ 'cu.vi.txt': legacy(file), 'cu.en.txt': english });
    const r = await check(['cu.vi.txt', 'cu.en.txt', '--source-encoding', wrong], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^vitrans: cu\\.vi\\.txt: error: read as .* this is not Vietnamese \\(\\d+% .*\\): it is likely ${name} \\(Re-run with --source-encoding ${right}\\)\\n$`));
  });
});

describe('paths through npm run', () => {
  it('npm run vitrans -- check resolves paths from the folder it was run in', () => {
    const cwd = path.join(ROOT, 'tests/fixtures/corpus');
    const env = { ...process.env };
    for (const k of Object.keys(env)) if (k.startsWith('npm_') || k === 'INIT_CWD') delete env[k];
    const r = spawnSync('npm', ['run', '-s', 'vitrans', '--', 'check', 'flawed/source.vi.txt', 'flawed/flawed.en.txt', '-g', '../../../glossary.yaml', '-f', 'json'], {
      cwd,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const out = report(r.stdout);
    expect(out.files).toEqual([{ source: 'flawed/source.vi.txt', translations: ['flawed/flawed.en.txt'] }]);
    expect(byRule(out.findings)).toEqual(FLAWED_FINDINGS);
  });
});
