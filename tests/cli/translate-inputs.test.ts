import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { BilingualDocument } from '../../src/formats/bilingual.js';
import { runVitrans } from './run-cli.js';
import { ENV, ROOT, referenceEngine, useProjects, tree } from './inputs-helpers.js';

const make = useProjects();
const translate = (args: string[], cwd: string, stdin?: string) => runVitrans(['translate', ...args, '-e', 'openai'], { cwd, env: ENV, ...(stdin !== undefined ? { stdin } : {}) });
const json = (file: string): BilingualDocument => JSON.parse(fs.readFileSync(file, 'utf8')) as BilingualDocument;
const SLUGS = ['japan-us-defense-industry', 'vietnam-japan-defense-cooperation'];

describe('vitrans translate: many sources from many folders', () => {
  it('mirrors the folders of the sources under --out, so same-named sources never collide', async () => {
    const dir = make();
    referenceEngine();
    const r = await translate(SLUGS.map((s) => `corpus/${s}/source.vi.txt`), dir);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    expect(tree(path.join(dir, 'out'))).toEqual(SLUGS.flatMap((s) => [`${s}/source.vi.bilingual.json`, `${s}/source.vi.openai.en.txt`]));
    for (const s of SLUGS) {
      // The reference engine returns the corpus reference: the output is that translation, paragraph for paragraph.
      expect(fs.readFileSync(path.join(dir, 'out', s, 'source.vi.openai.en.txt'), 'utf8').trim()).toBe(fs.readFileSync(path.join(ROOT, 'corpus', s, 'reference.en.txt'), 'utf8').trim());
      const doc = json(path.join(dir, 'out', s, 'source.vi.bilingual.json'));
      expect(doc.source).toMatchObject({ file: `corpus/${s}/source.vi.txt`, path: `../../corpus/${s}/source.vi.txt` });
      expect(doc.engines.openai!.output).toBe(`out/${s}/source.vi.openai.en.txt`);
    }
    // The seed article's five corrupted dates and names are the only findings, listed, then the command for the full report.
    expect(r.stdout).toMatch(/^translated 2 files with openai: 23 paragraphs .*; check: 0 errors, 5 warnings\n(out\/japan-us-defense-industry\/source\.vi\.openai\.en\.txt:\d+:\d+: warning source-corrupted .*\n){5}The full report:\n {2}vitrans check .*\n$/);
  });

  it('takes a folder as the sources discovery finds in it, and writes the same layout', async () => {
    const dir = make();
    referenceEngine();
    const r = await translate(['corpus'], dir);
    expect(r.code).toBe(0);
    expect(tree(path.join(dir, 'out')).filter((f) => f.endsWith('.en.txt'))).toEqual(SLUGS.map((s) => `${s}/source.vi.openai.en.txt`));
  });

  it('keeps every single-file and one-folder output path as before', async () => {
    const dir = make({ 'a.txt': fs.readFileSync(path.join(ROOT, 'corpus', SLUGS[1]!, 'source.vi.txt'), 'utf8') });
    referenceEngine();
    expect((await translate(['a.txt'], dir)).code).toBe(0);
    expect(tree(path.join(dir, 'out'))).toEqual(['a.bilingual.json', 'a.openai.en.txt']);
  });

  it('two sources of one folder with the same name keep their extensions in the outputs', async () => {
    const vi = fs.readFileSync(path.join(ROOT, 'corpus', SLUGS[1]!, 'source.vi.txt'), 'utf8');
    const dir = make({ 'bai.txt': vi, 'bai.md': `# ${vi}` });
    referenceEngine();
    const r = await translate(['bai.txt', 'bai.md'], dir);
    expect(r.code).toBe(0);
    expect(tree(path.join(dir, 'out'))).toEqual(['bai.md.bilingual.json', 'bai.md.openai.en.md', 'bai.txt.bilingual.json', 'bai.txt.openai.en.txt']);
  });

  it('refuses a source given twice, also through a folder, before sending anything', async () => {
    const dir = make();
    const { prompts } = referenceEngine();
    const r = await translate(['corpus', `corpus/${SLUGS[0]}/source.vi.txt`], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vitrans: error: corpus\/japan-us-defense-industry\/source\.vi\.txt is given twice/);
    expect(prompts).toEqual([]);
  });

  it('--compare with articles of several folders writes each report beside its outputs', async () => {
    const dir = make();
    referenceEngine();
    const r = await translate([...SLUGS.map((s) => `corpus/${s}/source.vi.txt`), '--compare', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    for (const s of SLUGS) expect(JSON.parse(fs.readFileSync(path.join(dir, 'out', s, 'source.vi.compare.json'), 'utf8')).engines).toBeDefined();
  });
});

describe('vitrans translate: standard input', () => {
  const article = fs.readFileSync(path.join(ROOT, 'corpus', SLUGS[1]!, 'source.vi.txt'), 'utf8');

  it('"-" translates what is piped in, writing out/stdin.*', async () => {
    const dir = make();
    const { prompts } = referenceEngine();
    const r = await translate(['-'], dir, article);
    expect(r.code).toBe(0);
    expect(tree(path.join(dir, 'out'))).toEqual(['stdin.bilingual.json', 'stdin.openai.en.txt']);
    expect(prompts.join('\n')).toContain('Việt Nam và Nhật Bản thúc đẩy hợp tác');
    expect(json(path.join(dir, 'out/stdin.bilingual.json')).source.file).toBe('<stdin>');
    expect(json(path.join(dir, 'out/stdin.bilingual.json')).source.path).toBeUndefined();
  });

  it('points at a check command that runs: the bilingual JSON, as standard input has no file to name', async () => {
    const dir = make();
    referenceEngine();
    const seed = fs.readFileSync(path.join(ROOT, 'corpus', SLUGS[0]!, 'source.vi.txt'), 'utf8');
    const r = await translate(['-'], dir, seed);
    expect(r.code).toBe(0);
    const suggested = /The full report:\n {2}(.*)\n$/.exec(r.stdout)?.[1];
    expect(suggested).toBe('vitrans check out/stdin.bilingual.json');
    const report = await runVitrans(suggested!.split(' ').slice(1), { cwd: dir, env: ENV });
    expect(report.stderr).toBe('');
    // The seed's five corrupted dates and names, found in the output beside the JSON.
    expect(report.stdout).toMatch(/^out\/stdin\.openai\.en\.txt\n {2}3:4 +warning +"ngày 25 tháng XNUMX"/);
    expect(report.stdout).toContain('0 errors, 5 warnings');
  });

  it('says "1 paragraph" in the summary, not "1 paragraphs"', async () => {
    const dir = make();
    referenceEngine();
    const first = fs.readFileSync(path.join(ROOT, 'corpus', SLUGS[1]!, 'source.vi.txt'), 'utf8').split('\n\n')[0]!;
    const r = await translate(['-'], dir, first);
    expect(r.stdout).toMatch(/^translated 1 file with openai: 1 paragraph \(0 cached\); /);
  });

  it('--stdin-filename names the outputs and makes a .md name Markdown', async () => {
    const dir = make();
    referenceEngine();
    const r = await translate(['-', '--stdin-filename', 'bai.md'], dir, `# Tiêu đề\n\n${article}`);
    expect(r.code).toBe(0);
    expect(tree(path.join(dir, 'out'))).toEqual(['bai.bilingual.json', 'bai.openai.en.md']);
    expect(fs.readFileSync(path.join(dir, 'out/bai.openai.en.md'), 'utf8')).toMatch(/^# EN: Tiêu đề\n/);
  });

  it('refuses "-" when nothing is piped in, and --compare, which rereads the source file', async () => {
    const dir = make();
    const tty = await runVitrans(['translate', '-', '-e', 'openai'], { cwd: dir, env: ENV });
    expect(tty.code).toBe(2);
    expect(tty.stderr).toBe('vitrans: error: "-" reads standard input, but nothing is piped in (stdin is a terminal) (pipe the text in, e.g. cat article.vi.txt | vitrans translate - -e deepl)\n');
    const compare = await translate(['-', '--compare'], dir, article);
    expect(compare.code).toBe(2);
    expect(compare.stderr).toMatch(/^vitrans: error: --compare reads the source again from its file/);
  });
});

describe('vitrans translate: encodings', () => {
  const legacy = (encoding: string): Buffer => fs.readFileSync(path.join(ROOT, 'tests/fixtures/corpus/encodings', encoding));

  it('reads a legacy source with --encoding or --source-encoding, sending proper Unicode', async () => {
    for (const option of ['--encoding', '--source-encoding']) {
      const dir = make({ 'cu.txt': legacy('tcvn3.txt') });
      const { prompts } = referenceEngine();
      const r = await translate(['cu.txt', option, 'tcvn'], dir);
      expect(r.code).toBe(0);
      expect(prompts.join('\n')).toContain('Tận dụng tối đa hợp tác công nghiệp quốc phòng Nhật-Mỹ');
    }
  });

  it('a wrong encoding stops before anything is sent, naming the likely one', async () => {
    const dir = make({ 'cu.txt': legacy('windows-1258.txt') });
    const { prompts } = referenceEngine();
    const r = await translate(['cu.txt', '--encoding', 'tcvn'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vitrans: cu\.txt: error: read as TCVN3 \(ABC\) this is not Vietnamese \(\d+% of its accented words are Vietnamese syllables\): it is likely Windows-1258 \(Re-run with --source-encoding windows-1258\)\n$/);
    expect(prompts).toEqual([]);
    expect(tree(path.join(dir, 'out'))).toEqual([]);
  });

  it('an undecodable source suggests the option translate has', async () => {
    const dir = make({ 'cu.txt': legacy('viscii.txt') });
    const r = await translate(['cu.txt'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/likely VISCII \(Re-run with --source-encoding viscii/);
  });

  it('--source-lang other than vi does not judge the source as Vietnamese', async () => {
    const dir = make({ 'fr.txt': iconv.encode('Le ministère de la Défense du Japon et les États-Unis ont signé un accord à Tokyo, déjà évoqué en été.', 'windows1258') });
    referenceEngine();
    const r = await translate(['fr.txt', '--encoding', 'windows-1258', '--source-lang', 'fr'], dir);
    expect(r.stderr).not.toMatch(/not Vietnamese/);
    expect(r.code).toBe(0);
  });
});
