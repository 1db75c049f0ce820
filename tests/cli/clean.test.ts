import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BilingualDocument } from '../../src/formats/bilingual.js';
import { runVitrans } from './run-cli.js';
import { ENV, ROOT, SEED_FILE, referenceEngine, useProjects } from './inputs-helpers.js';

const make = useProjects();
const SEED = fs.readFileSync(SEED_FILE, 'utf8');
const SLUG = 'japan-us-defense-industry';
const ARTICLE = fs.readFileSync(path.join(ROOT, 'corpus', SLUG, 'source.vi.txt'), 'utf8');
const REFERENCE = fs.readFileSync(path.join(ROOT, 'corpus', SLUG, 'reference.en.txt'), 'utf8');
const FLAWED = fs.readFileSync(path.join(ROOT, 'tests/fixtures/corpus/flawed/flawed.en.txt'), 'utf8');
const run = (args: string[], cwd: string, stdin?: string) => runVitrans(args, { cwd, env: ENV, ...(stdin !== undefined ? { stdin } : {}) });

const SEED_REPORT = [
  'seed.txt:1: removed "Logo Zephyrnet" (site-logo: a site logo\'s text)',
  'seed.txt:5: removed "Ngày:" (empty-label: a metadata label with nothing after it)',
  'seed.txt:37: removed "tại chỗ_img" (image-placeholder: an image placeholder of the site\'s theme)',
  'seed.txt:39: removed "Tin tức mới nhất" (site-section: a heading of the site\'s navigation or widgets)',
  'seed.txt:41: removed "tại chỗ_img" (image-placeholder: an image placeholder of the site\'s theme)',
  'seed.txt: removed 5 lines; 16 paragraphs left',
].join('\n') + '\n';

describe('vitrans clean', () => {
  it('cleans the seed to exactly the corpus article, saying what it removed and why', async () => {
    const dir = make({ 'seed.txt': SEED });
    const r = await run(['clean', 'seed.txt', '-o', 'article.vi.txt'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(SEED_REPORT);
    expect(fs.readFileSync(path.join(dir, 'article.vi.txt'), 'utf8')).toBe(ARTICLE);
    expect(fs.readFileSync(path.join(dir, 'seed.txt'), 'utf8')).toBe(SEED);
  });

  it('writes to stdout by default, the report to stderr; reads stdin for "-"', async () => {
    const dir = make({ 'seed.txt': SEED });
    const file = await run(['clean', 'seed.txt'], dir);
    expect(file.stdout).toBe(ARTICLE);
    expect(file.stderr).toBe(SEED_REPORT);
    const piped = await run(['clean', '-'], dir, SEED);
    expect(piped.stdout).toBe(ARTICLE);
    expect(piped.stderr).toBe(SEED_REPORT.replaceAll('seed.txt', '<stdin>'));
  });

  it('--dry-run lists and writes nothing', async () => {
    const dir = make({ 'seed.txt': SEED });
    const r = await run(['clean', 'seed.txt', '--dry-run'], dir);
    expect(r.stdout).toBe(SEED_REPORT.replaceAll('removed', 'would remove'));
    expect(fs.readdirSync(dir).sort()).toEqual(['corpus', 'glossary.yaml', 'seed.txt']);
    expect(fs.readFileSync(path.join(dir, 'seed.txt'), 'utf8')).toBe(SEED);
  });

  it('--in-place rewrites each file that has chrome, keeping its BOM and CRLF line ends, and leaves the others alone', async () => {
    const dir = make({ 'a.txt': '\uFEFF' + SEED.replace(/\n/g, '\r\n'), 'b.txt': ARTICLE });
    const before = fs.statSync(path.join(dir, 'b.txt')).mtimeMs;
    const r = await run(['clean', 'a.txt', 'b.txt', '--in-place'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^a\.txt: removed 5 lines; 16 paragraphs left$/m);
    expect(r.stdout).toMatch(/^b\.txt: removed 0 lines; 16 paragraphs left$/m);
    expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('\uFEFF' + ARTICLE.replace(/\n/g, '\r\n'));
    expect(fs.readFileSync(path.join(dir, 'b.txt'), 'utf8')).toBe(ARTICLE);
    expect(fs.statSync(path.join(dir, 'b.txt')).mtimeMs).toBe(before);
  });

  it('takes patterns from flags and from a file; --no-builtin-rules applies only those', async () => {
    const page = `Ảnh: Reuters\n\n${ARTICLE}\nTheo Kyodo\n`;
    const dir = make({ 'page.txt': page, 'chrome.txt': '# Zephyrnet\nTheo [^,.]{1,30}\n' });
    const r = await run(['clean', 'page.txt', '-p', 'Ảnh: .*', '--patterns', 'chrome.txt'], dir);
    expect(r.stdout).toBe(ARTICLE);
    expect(r.stderr).toContain('page.txt:1: removed "Ảnh: Reuters" (pattern: matches the pattern "Ảnh: .*")');
    const only = await run(['clean', 'seed.txt', '--no-builtin-rules', '-p', '.*_img', '--dry-run'], make({ 'seed.txt': SEED }));
    expect(only.stdout.split('\n').filter((l) => l.includes('would remove "'))).toHaveLength(2);
  });

  it.each([
    [['clean', 'page.txt', '-p', 'Ảnh: (.*'], /^vitrans: error: invalid clean pattern "Ảnh: \(\.\*": /],
    [['clean', 'page.txt', '--patterns', 'chrome.txt'], /^vitrans: chrome\.txt:2:3: error: invalid clean pattern "Theo \[Kyodo"/],
    [['clean', 'page.txt', 'seed.txt'], /^vitrans: error: several files are cleaned only --in-place/],
    [['clean', 'page.txt', '-o', 'page.txt'], /^vitrans: error: -o .*page\.txt is one of the input files/],
    [['clean', 'page.txt', '--in-place', '--dry-run'], /^vitrans: error: --in-place and --dry-run do not go together/],
    [['clean', '-', '--in-place'], /^vitrans: error: --in-place rewrites files, and standard input is not one/],
  ])('refuses in one line with exit 2: %j', async (args, message) => {
    const dir = make({ 'page.txt': SEED, 'seed.txt': SEED, 'chrome.txt': '# chrome\n  Theo [Kyodo\n' });
    const r = await run(args, dir, SEED);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, 'page.txt'), 'utf8')).toBe(SEED);
  });
});

describe('vitrans check --clean', () => {
  it('checks the seed page against the translation of its article: the paragraphs align once the chrome is out', async () => {
    const dir = make({ 'seed.txt': SEED, 'a.en.txt': REFERENCE });
    const raw = await run(['check', 'seed.txt', 'a.en.txt'], dir);
    expect(raw.code).toBe(2);
    expect(raw.stderr).toMatch(/paragraph/);
    const r = await run(['check', 'seed.txt', 'a.en.txt', '--clean'], dir);
    // What remains is the seed's own damage: five dates and names whose numbers its pipeline lost.
    expect(r.stdout).toMatch(/0 errors, 5 warnings in 1 file/);
    expect(r.stdout.match(/ {2}source-corrupted$/gm)).toHaveLength(5);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('vitrans: note: cleaned seed.txt: removed 5 lines (site-logo ×1, empty-label ×1, image-placeholder ×2, site-section ×1); `vitrans clean seed.txt --dry-run` lists them\n');
  });

  it('cleans a source read from stdin, with a note that offers no file to list', async () => {
    const dir = make({ 'a.en.txt': REFERENCE });
    const r = await run(['check', '-', 'a.en.txt', '--clean'], dir, SEED);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('vitrans: note: cleaned <stdin>: removed 5 lines (site-logo ×1, empty-label ×1, image-placeholder ×2, site-section ×1)\n');
  });

  it('points findings into the seed file as it is, lines and columns included', async () => {
    const dir = make({ 'seed.txt': SEED, 'a.en.txt': FLAWED });
    const r = await run(['check', 'seed.txt', 'a.en.txt', '--clean', '-f', 'json'], dir);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout).findings as { source?: { file: string; text: string; span: { start: { line: number; column: number; offset: number } } } }[];
    // 20 planted term errors, and the seed's five corrupted dates and names.
    expect(findings).toHaveLength(25);
    const lines = SEED.split('\n');
    for (const f of findings.filter((x) => x.source)) {
      const { line, column, offset } = f.source!.span.start;
      expect(SEED.slice(offset, offset + f.source!.text.length)).toBe(f.source!.text);
      expect([...lines[line - 1]!].slice(column - 1).join('')).toMatch(new RegExp(`^${f.source!.text.slice(0, 5)}`));
    }
  });
});

describe('vitrans translate --clean', () => {
  it('sends none of the chrome, keeps the article paragraphs, and check finds the pair again', async () => {
    const dir = make({ 'seed.txt': SEED });
    const { prompts } = referenceEngine();
    const r = await run(['translate', 'seed.txt', '-e', 'openai', '--clean'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('vitrans: note: cleaned seed.txt: removed 5 lines');
    const sent = prompts.join('\n');
    for (const chrome of ['Logo Zephyrnet', 'Ngày:', 'tại chỗ_img', 'Tin tức mới nhất']) expect(sent).not.toContain(chrome);
    expect(fs.readFileSync(path.join(dir, 'out/seed.openai.en.txt'), 'utf8').trim()).toBe(REFERENCE.trim());
    const doc = JSON.parse(fs.readFileSync(path.join(dir, 'out/seed.bilingual.json'), 'utf8')) as BilingualDocument;
    expect(doc.paragraphs).toHaveLength(16);
    expect(doc.source.clean!.removed.map((x) => [x.line, x.rule])).toEqual([
      [1, 'site-logo'],
      [5, 'empty-label'],
      [37, 'image-placeholder'],
      [39, 'site-section'],
      [41, 'image-placeholder'],
    ]);
    expect(r.stdout).toMatch(/16 paragraphs .*check: 0 errors, 5 warnings\n(.*warning source-corrupted .*\n){5}/);

    // The output folder, the JSON beside its source, and the output with --clean: all align with the seed.
    const folder = await run(['check', 'out', '-f', 'json'], dir);
    expect(folder.code).toBe(0);
    expect(JSON.parse(folder.stdout).files).toEqual([{ source: 'seed.txt', translations: ['out/seed.openai.en.txt'] }]);
    expect((await run(['check', 'seed.txt', 'out/seed.bilingual.json'], dir)).code).toBe(0);
    expect((await run(['check', 'seed.txt', 'out/seed.openai.en.txt', '--clean'], dir)).code).toBe(0);
  });

  it('--dry-run counts only the article', async () => {
    const dir = make({ 'seed.txt': SEED });
    const chars = async (args: string[]): Promise<number> => {
      const r = await run(['translate', 'seed.txt', '-e', 'deepl', '--dry-run', ...args], dir);
      return Number(/^deepl\s+1\s+\d+\s+0\s+\d+\s+(\d+)/m.exec(r.stdout)![1]);
    };
    const raw = await chars([]);
    const cleaned = await chars(['--clean']);
    // The image placeholder the page repeats is sent once uncleaned (a repeated paragraph is).
    expect(raw - cleaned).toBe(['Logo Zephyrnet', 'Ngày:', 'tại chỗ_img', 'Tin tức mới nhất'].reduce((n, s) => n + [...s].length, 0));
  });

  it('--compare compares against the cleaned source', async () => {
    const dir = make({ 'seed.txt': SEED });
    referenceEngine();
    const r = await run(['translate', 'seed.txt', '-e', 'openai', '--clean', '--compare', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).paragraphs).toHaveLength(16);
  });
});

describe('clean: in vitrans.config.yaml', () => {
  const PAGE = `Ảnh: Reuters\n\n${SEED}`;

  it('gives vitrans clean its patterns and built-in rules; flags win', async () => {
    const dir = make({ 'page.txt': PAGE, 'vitrans.config.yaml': 'clean:\n  patterns:\n    - "Ảnh: .*"\n  builtin_rules: false\n' });
    const own = await run(['clean', 'page.txt', '--dry-run'], dir);
    expect(own.stdout).toBe('page.txt:1: would remove "Ảnh: Reuters" (pattern: matches the pattern "Ảnh: .*")\npage.txt: would remove 1 line; 21 paragraphs left\n');
    const all = await run(['clean', 'page.txt', '--builtin-rules'], dir);
    expect(all.stdout).toBe(ARTICLE);
    // Another config with -c; without one, the built-in rules alone leave the photo credit.
    fs.renameSync(path.join(dir, 'vitrans.config.yaml'), path.join(dir, 'team.yaml'));
    expect((await run(['clean', 'page.txt', '-c', 'team.yaml', '--builtin-rules'], dir)).stdout).toBe(ARTICLE);
    expect((await run(['clean', 'page.txt'], dir)).stdout).toBe(`Ảnh: Reuters\n\n${ARTICLE}`);
  });

  it('cleans the sources of check and translate with enabled: true; --no-clean turns it off', async () => {
    const dir = make({ 'page.txt': PAGE, 'a.en.txt': REFERENCE, 'vitrans.config.yaml': 'clean:\n  enabled: true\n  patterns: ["Ảnh: .*"]\n' });
    const checked = await run(['check', 'page.txt', 'a.en.txt'], dir);
    expect(checked.code).toBe(0);
    expect(checked.stderr).toBe('vitrans: note: cleaned page.txt: removed 6 lines (pattern ×1, site-logo ×1, empty-label ×1, image-placeholder ×2, site-section ×1); `vitrans clean page.txt --dry-run` lists them\n');
    const raw = await run(['check', 'page.txt', 'a.en.txt', '--no-clean'], dir);
    expect(raw.code).toBe(2);
    expect(raw.stderr).toMatch(/paragraph/);
    const chars = async (args: string[]): Promise<number> => {
      const r = await run(['translate', 'page.txt', '-e', 'deepl', '--dry-run', ...args], dir);
      return Number(/^deepl\s+1\s+\d+\s+0\s+\d+\s+(\d+)/m.exec(r.stdout)![1]);
    };
    // The repeated image placeholder counts once: a repeated paragraph is sent once.
    const chrome = ['Ảnh: Reuters', 'Logo Zephyrnet', 'Ngày:', 'tại chỗ_img', 'Tin tức mới nhất'].reduce((n, s) => n + [...s].length, 0);
    expect((await chars(['--no-clean'])) - (await chars([]))).toBe(chrome);
    // --no-builtin-rules leaves the config's pattern alone at work.
    expect((await chars(['--no-clean'])) - (await chars(['--no-builtin-rules']))).toBe([...'Ảnh: Reuters'].length);
    const both = await run(['check', 'page.txt', 'a.en.txt', '--no-clean', '--clean-patterns', 'x.txt'], dir);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^vitrans: error: --no-clean and clean patterns do not go together/);
  });

  it('compares against the source as it was translated: cleaned by the config, or not with --no-clean', async () => {
    const dir = make({ 'seed.txt': SEED, 'vitrans.config.yaml': 'clean:\n  enabled: true\n' });
    referenceEngine();
    const cleaned = await run(['translate', 'seed.txt', '-e', 'openai', '--compare', '--format', 'json'], dir);
    expect(cleaned.code).toBe(0);
    expect(JSON.parse(cleaned.stdout).paragraphs).toHaveLength(16);
    // compare and check on their own read the source cleaned too, so it aligns with the output.
    expect((await run(['compare', 'seed.txt', 'out/seed.openai.en.txt', '--format', 'json', '--no-bootstrap'], dir)).code).toBe(0);
    expect((await run(['check', 'seed.txt', 'out/seed.openai.en.txt'], dir)).code).toBe(0);
    expect((await run(['check', 'out'], dir)).code).toBe(0);
    expect((await run(['check', 'seed.txt', 'out/seed.bilingual.json'], dir)).code).toBe(0);
    const raw = await run(['translate', 'seed.txt', '-e', 'openai', '--no-clean', '--compare', '--format', 'json', '-o', 'raw'], dir);
    expect(raw.code).toBe(0);
    expect(JSON.parse(raw.stdout).paragraphs).toHaveLength(21);
    // compare on its own says it cleaned, as check does; --no-clean compares the uncleaned output to the source as it is.
    const compared = await run(['compare', 'seed.txt', 'out/seed.openai.en.txt', '--format', 'json', '--no-bootstrap'], dir);
    expect(compared.stderr).toMatch(/^vitrans: note: cleaned seed\.txt: removed 5 lines \(/m);
    const asIs = await run(['compare', 'seed.txt', 'raw/seed.openai.en.txt', '--format', 'json', '--no-bootstrap', '--no-clean'], dir);
    expect(asIs.code).toBe(0);
    expect(asIs.stderr).not.toMatch(/cleaned/);
    expect(JSON.parse(asIs.stdout).paragraphs).toHaveLength(21);
    // Without --no-clean, the config cleans the source and the uncleaned output no longer aligns.
    expect((await run(['compare', 'seed.txt', 'raw/seed.openai.en.txt', '--format', 'json', '--no-bootstrap'], dir)).code).toBe(2);
  });

  it('shows each value and where it came from in vitrans config', async () => {
    const dir = make({ 'vitrans.config.yaml': 'glossary: glossary.yaml\nclean:\n  enabled: true\n  patterns:\n    - "Ảnh: .*"\n' });
    const r = await run(['config'], dir);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('clean.')).map((l) => l.split(/\s{2,}/));
    expect(lines).toEqual([
      ['clean.enabled', 'true', 'vitrans.config.yaml:3:12'],
      ['clean.patterns', '[Ảnh: .*]', 'vitrans.config.yaml:5:5'],
      ['clean.builtin_rules', 'true', 'default'],
    ]);
  });

  it.each([
    ['clean:\n  enabled: yes\n', 'vitrans.config.yaml:2:12: error: clean.enabled must be true or false'],
    ['clean:\n  builtin-rules: false\n', 'vitrans.config.yaml:2:3: error: unknown clean key "builtin-rules" (did you mean builtin_rules?) (clean takes enabled, patterns, builtin_rules)'],
    ['clean:\n  patterns:\n    - "Theo"\n    - "Ảnh: (.*"\n', 'vitrans.config.yaml:4:7: error: invalid clean pattern "Ảnh: (.*"'],
    ['clean:\n  patterns: "Ảnh: .*"\n', 'vitrans.config.yaml:2:13: error: clean.patterns must be a list of whole-line regular expressions'],
    ['clean: true\n', 'vitrans.config.yaml:1:8: error: clean must be a mapping of enabled:, patterns: and builtin_rules:'],
  ])('stops at a bad clean: value with file:line:col, exit 2: %j', async (config, message) => {
    const dir = make({ 'page.txt': PAGE, 'vitrans.config.yaml': config });
    for (const args of [['clean', 'page.txt'], ['config']]) {
      const r = await run(args, dir);
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining(`vitrans: ${message}`)]);
    }
  });
});
