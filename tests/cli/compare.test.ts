import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { parseSeed } from '../../src/cli/commands/compare.js';
import { engineNameFromFile } from '../../src/cli/translation-files.js';
import { buildBilingual, readBilingual } from '../../src/formats/bilingual.js';
import { runVitrans } from './run-cli.js';

const REPO = path.resolve(import.meta.dirname, '../..');

// Three paragraphs from the seed article, with its "XNUMX" artifacts and an old-style tone mark.
const SOURCE = [
  'Vào ngày 25 tháng XNUMX, Nhà Trắng công bố chuyến thăm cấp nhà nước của Thủ tướng Nhật Bản Kishida Fumio.',
  'Ngoài ra, hai nước công bố hợp tác phát triển Thiết bị đánh chặn pha bay (GPI) vào tháng 2023 năm 3.',
  'Bộ trưởng Quốc phòng Mỹ Lloyd Austin ký kết Thoả thuận An ninh Cung ứng (SOSA) với Bộ Quốc phòng Nhật Bản.',
];
const REFERENCE = [
  'On January 25, the White House announced the state visit of Japanese Prime Minister Kishida Fumio.',
  'In addition, the two countries announced the co-development of the Glide Phase Interceptor (GPI) in 2023.',
  "US Secretary of Defense Lloyd Austin signed the Security of Supply Arrangement (SOSA) with Japan's Ministry of Defense.",
];
const DEEPL = [
  'On January 25, the White House announced the state visit of Japanese Prime Minister Kishida Fumio.',
  'In addition, the two countries announced the co-development of the flight phase interceptor (GPI) in March 2023.',
  'US Defense Secretary Lloyd Austin signed the Security of Supply Arrangement (SOSA) with the Japanese Ministry of Defense.',
];
const GOOGLE = [
  'On XNUMX 25, the White House announced a state visit by Japanese Prime Minister Kishida Fumio.',
  'In addition, <script>alert(1)</script> the two countries announced <b>joint development</b> of the Glide Phase Interceptor (GPI) in 2023.',
  'US Defense Minister Lloyd Austin signed the Supply Security Agreement (SOSA) with the Japanese Ministry of Defense.',
];

let dir: string;
const write = (name: string, paragraphs: string[] | string): string => {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Array.isArray(paragraphs) ? paragraphs.join('\n\n') + '\n' : paragraphs);
  return name;
};
const run = (argv: string[], opts: { env?: Record<string, string>; color?: boolean } = {}) =>
  runVitrans(['compare', ...argv], { cwd: dir, ...opts });

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-compare-'));
  write('source.vi.txt', SOURCE);
  write('reference.en.txt', REFERENCE);
  write('out/deepl.en.txt', DEEPL);
  write('out/article.google.en.txt', GOOGLE);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('vitrans compare', () => {
  it('prints a text report naming engines after their files, with scores and "n/a" glossary accuracy', async () => {
    const r = await run(['source.vi.txt', 'out/deepl.en.txt', 'out/article.google.en.txt', '--ref', 'reference.en.txt']);
    expect(r.stderr).toBe('vitrans: note: no glossary at glossary.yaml; glossary accuracy is n/a (pass --glossary FILE)\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('vitrans compare: 2 engines on source.vi.txt (3 paragraphs, reference reference.en.txt)');
    expect(r.stdout).toMatch(/^deepl +\d+\.\d ± \d+\.\d +\d+\.\d +\d+\.\d +\d+\.\d +n\/a +baseline$/m);
    expect(r.stdout).toMatch(/^engine +chrF2 \(95% CI\) +chrF2\+\+ +BLEU +TER ↓ +glossary/m);
    expect(r.stdout).toContain('  TER|nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0');
    expect(r.stdout).toMatch(/^google +\d+\.\d ± \d+\.\d .* n\/a +[−+]\d+\.\d, p [=<] [\d.]+: (significantly (worse|better)|not significant)$/m);
    expect(r.stdout).toContain('{+<script>alert(1)</script>+}');
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('colours the terminal report only when the CLI says so', async () => {
    const r = await run(['source.vi.txt', 'out/deepl.en.txt', 'out/article.google.en.txt'], { color: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\x1b[32m\x1b[4m');
  });

  it('writes JSON atomically to -o, leaving no temporary file and nothing on stdout', async () => {
    const r = await run(['source.vi.txt', 'out/deepl.en.txt', 'out/article.google.en.txt', '-r', 'reference.en.txt', '-f', 'json', '-o', 'reports/cmp.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('wrote json report to reports/cmp.json');
    const doc = JSON.parse(fs.readFileSync(path.join(dir, 'reports/cmp.json'), 'utf8'));
    expect(doc.engines).toEqual(['deepl', 'google']);
    expect(doc.bootstrap).toEqual({ samples: 1000, seed: 12345, alpha: 0.05, baseline: 'deepl' });
    expect(doc.glossary).toBeNull();
    expect(doc.paragraphs[1].outputs.google).toContain('<script>alert(1)</script>');
    expect(fs.readdirSync(path.join(dir, 'reports'))).toEqual(['cmp.json']);
  });

  it('keeps the JSON lean: word diffs for the most-disagreeing paragraphs, counts for all; --full-diffs for every diff', async () => {
    // Twelve paragraphs: two more than the ten most-disagreeing ones the report lists.
    const many = (lines: string[]) => Array.from({ length: 12 }, (_, i) => `${lines[i % 3]!} (${i + 1})`);
    write('long/source.vi.txt', many(SOURCE));
    write('long/deepl.en.txt', many(DEEPL));
    write('long/google.en.txt', many(GOOGLE));
    write('long/reference.en.txt', many(REFERENCE));
    const args = ['long/source.vi.txt', 'long/deepl.en.txt', 'long/google.en.txt', '-r', 'long/reference.en.txt', '-f', 'json', '--no-bootstrap'];
    const lean = JSON.parse((await run(args)).stdout);
    expect(lean.diffScope).toBe('disagreements');
    const listed = new Set(lean.disagreements.map((d: { paragraph: number }) => d.paragraph));
    expect(listed.size).toBe(10);
    for (const p of lean.paragraphs) {
      expect(p.diffs === null, `paragraph ${p.index}`).toBe(!listed.has(p.index));
      expect(Object.keys(p.changes)).toEqual(['deepl', 'google']);
    }
    const full = JSON.parse((await run([...args, '--full-diffs'])).stdout);
    expect(full.diffScope).toBe('all');
    expect(full.paragraphs.every((p: { diffs: object | null }) => p.diffs !== null && Object.keys(p.diffs).length === 2)).toBe(true);
    // The counts are those of the full diffs: "the flight phase interceptor" against "the Glide Phase Interceptor".
    expect(lean.paragraphs[1].changes.deepl).toEqual(full.paragraphs[1].changes.deepl);
    expect(full.paragraphs[1].changes.deepl.deleted).toBeGreaterThan(0);
  });

  it('honours --baseline, --seed and --no-bootstrap', async () => {
    const args = ['source.vi.txt', 'out/deepl.en.txt', 'out/article.google.en.txt', '-r', 'reference.en.txt', '-f', 'json'];
    const a = JSON.parse((await run([...args, '--seed', '7', '--baseline', 'google'])).stdout);
    const b = JSON.parse((await run([...args, '--seed', '7', '--baseline', 'google'])).stdout);
    expect(a.bootstrap).toEqual({ samples: 1000, seed: 7, alpha: 0.05, baseline: 'google' });
    expect(a.scores[0].chrf.significance.baseline).toBe('google');
    expect(a).toEqual(b);
    const off = JSON.parse((await run([...args, '--no-bootstrap'])).stdout);
    expect(off.bootstrap).toBeNull();
    expect(off.scores[0].chrf.interval).toBeUndefined();
  });

  it('writes a self-contained HTML page with the engine markup escaped', async () => {
    const r = await run(['source.vi.txt', 'out/deepl.en.txt', 'out/article.google.en.txt', '-r', 'reference.en.txt', '-f', 'html', '-o', 'report.html']);
    expect(r.code).toBe(0);
    const page = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.match(/<script/g)).toHaveLength(1);
  });

  it('writes Markdown with the diffs', async () => {
    const r = await run(['source.vi.txt', 'out/deepl.en.txt', 'out/article.google.en.txt', '-f', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('## vitrans compare: 2 engines on source.vi.txt (3 paragraphs, no reference)');
    expect(r.stdout).toMatch(/~~[^~]+~~\*\*[^*]+\*\*/);
  });

  it('fails on misaligned paragraphs with one line saying where, never shifting silently', async () => {
    write('out/openai.en.txt', [DEEPL[0]!, DEEPL[1]!.replace(' (GPI)', ' (GPI).\n\nIt was'), DEEPL[2]!]);
    const r = await run(['source.vi.txt', 'out/deepl.en.txt', 'out/openai.en.txt']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/out\/openai\.en\.txt.*has 4 paragraphs but .*source\.vi\.txt has 3/);
  });

  it('rejects a bad --seed, a missing file and two files for one engine as user errors', async () => {
    const seed = await run(['source.vi.txt', 'out/deepl.en.txt', '--seed', 'abc']);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain('--seed must be a whole number');
    const baseline = await run(['source.vi.txt', 'out/deepl.en.txt', '--baseline', 'bing']);
    expect(baseline.code).toBe(2);
    expect(baseline.stderr).toContain('baseline engine "bing" is not among the compared engines');
    const missing = await run(['source.vi.txt', 'out/bing.en.txt']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/out\/bing\.en\.txt: error: file not found/);
    const over = await run(['source.vi.txt', 'out/deepl.en.txt', '-o', 'out/deepl.en.txt']);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('is one of the input files');
    write('other/deepl.en.txt', DEEPL);
    const twice = await run(['source.vi.txt', 'out/deepl.en.txt', 'other/deepl.en.txt']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('engine "deepl" is given twice');
  });

  it('accepts the bilingual JSON (every engine in it) and checks it translates this source', async () => {
    const translated = (engine: string, targets: string[]) => ({
      engine,
      model: engine,
      output: `out/article.${engine}.en.txt`,
      translations: SOURCE.map((s, i) => ({ source: s, target: targets[i]!, engine, model: engine, cached: false, warnings: [] })),
      paragraphFindings: SOURCE.map(() => []),
      otherFindings: [],
    });
    const openai = DEEPL.map((t) => t.replace('flight phase interceptor', 'Glide Phase Interceptor'));
    const doc = buildBilingual({ file: 'source.vi.txt', format: 'text', sourceLang: 'vi', targetLang: 'en' }, null, SOURCE.map((s) => s.normalize('NFD')), [
      translated('openai', openai),
      translated('libretranslate', DEEPL),
    ]);
    write('out/article.bilingual.json', JSON.stringify(doc));
    const r = await run(['source.vi.txt', 'out/deepl.en.txt', 'out/article.bilingual.json', '-f', 'json']);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.engines).toEqual(['deepl', 'openai', 'libretranslate']);
    expect(report.paragraphs[1].outputs.openai).toContain('Glide Phase Interceptor');

    write('out/other.bilingual.json', JSON.stringify({ ...doc, paragraphs: doc.paragraphs.slice(0, 2) }));
    const wrong = await run(['source.vi.txt', 'out/other.bilingual.json']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('is a translation of a different text than source.vi.txt');
  });

  it('prints TER equal to sacreBLEU-style corpus TER of the files, in every format', async () => {
    const { corpusTer } = await import('../../src/compare/ter.js');
    const expected = { deepl: corpusTer(DEEPL, REFERENCE).score, google: corpusTer(GOOGLE, REFERENCE).score };
    const json = await run(['source.vi.txt', 'out/deepl.en.txt', 'out/article.google.en.txt', '--ref', 'reference.en.txt', '-f', 'json']);
    const doc = JSON.parse(json.stdout);
    expect(doc.scores.map((s: { ter: { score: number } }) => s.ter.score)).toEqual([expected.deepl, expected.google]);
    // deepl's edits: "flight phase interceptor" for the GPI, "March", "Defense Secretary", "the Japanese".
    expect(expected.deepl).toBeGreaterThan(0);
    expect(expected.google).toBeGreaterThan(expected.deepl);
    const text = await run(['source.vi.txt', 'out/deepl.en.txt', 'out/article.google.en.txt', '--ref', 'reference.en.txt']);
    expect(text.stdout).toMatch(new RegExp(`^google +.* ${expected.google.toFixed(1)} +n/a `, 'm'));
    const md = await run(['source.vi.txt', 'out/deepl.en.txt', 'out/article.google.en.txt', '--ref', 'reference.en.txt', '-f', 'markdown']);
    expect(md.stdout).toContain(`| **${expected.deepl.toFixed(1)} ± `);
    expect(md.stdout).toContain('### Why the scores differ');
  });

  it('analyses glossary terms against the reference with the glossary', async () => {
    fs.copyFileSync(path.join(REPO, 'glossary.yaml'), path.join(dir, 'terms.yaml'));
    const r = await run(['source.vi.txt', 'out/deepl.en.txt', 'out/article.google.en.txt', '--ref', 'reference.en.txt', '-g', 'terms.yaml', '-f', 'json']);
    expect(r.stderr).toBe('');
    const terms = JSON.parse(r.stdout).analyses.terms;
    const gpi = terms.terms.find((t: { termId: string }) => t.termId === 'glide-phase-interceptor');
    // The reference has "Glide Phase Interceptor (GPI)": two renderings. google has both; deepl
    // says "flight phase interceptor (GPI)", only the acronym.
    expect(gpi.byEngine.google).toMatchObject({ ref: 2, matched: 2 });
    expect(gpi.byEngine.deepl).toMatchObject({ ref: 2, matched: 1 });
    // And the other way round for the SOSA: google writes "Supply Security Agreement (SOSA)".
    const sosa = terms.terms.find((t: { termId: string }) => t.termId === 'security-of-supply-arrangement');
    expect(sosa.byEngine.deepl).toMatchObject({ ref: 2, matched: 2 });
    expect(sosa.byEngine.google).toMatchObject({ ref: 2, matched: 1 });
  });

  it('measures glossary accuracy per engine with the glossary', async () => {
    fs.copyFileSync(path.join(REPO, 'glossary.yaml'), path.join(dir, 'terms.yaml'));
    const r = await run(['source.vi.txt', 'out/deepl.en.txt', 'out/article.google.en.txt', '-g', 'terms.yaml', '-f', 'json']);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    const deepl = doc.glossary.deepl;
    expect(deepl.expected).toBeGreaterThan(0);
    expect(deepl.accuracy).toBeCloseTo(deepl.approved / deepl.expected, 10);
    expect(deepl.approved).toBeLessThan(deepl.expected);
    const gpi = deepl.findings.find((f: { termId?: string }) => f.termId === 'glide-phase-interceptor');
    expect(gpi).toMatchObject({ ruleId: 'term-forbidden', actual: 'flight phase interceptor', paragraph: 2, file: 'out/deepl.en.txt', engine: 'deepl' });
    expect(doc.glossary.google.findings.some((f: { termId?: string }) => f.termId === 'glide-phase-interceptor')).toBe(false);

    const text = await run(['source.vi.txt', 'out/deepl.en.txt', 'out/article.google.en.txt', '-g', 'terms.yaml']);
    expect(text.stdout).toMatch(new RegExp(`^deepl +\\d+\\.\\d +${Math.round(deepl.accuracy * 100)}% \\(${deepl.approved}/${deepl.expected}\\)`, 'm'));
  });

  it('fails on an invalid glossary as a user error', async () => {
    write('bad.yaml', 'version: 1\nentries:\n  - vi: [unclosed\n');
    const r = await run(['source.vi.txt', 'out/deepl.en.txt', '-g', 'bad.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vitrans: .*bad\.yaml.*error/);
  });

  it('redacts secrets from the report', async () => {
    const key = '3f1c9a7e-5b2d-4c8f-9e6a-1d2b3c4d5e6f:fx';
    write('out/deepl.en.txt', [DEEPL[0]!, DEEPL[1]!, `${DEEPL[2]!} Key ${key}`]);
    const r = await run(['source.vi.txt', 'out/deepl.en.txt', 'out/article.google.en.txt', '-f', 'json'], { env: { DEEPL_AUTH_KEY: key } });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(key);
    expect(r.stdout).toContain('[REDACTED]');
    const toFile = await run(['source.vi.txt', 'out/deepl.en.txt', 'out/article.google.en.txt', '-f', 'html', '-o', 'report.html'], { env: { DEEPL_AUTH_KEY: key } });
    expect(toFile.code).toBe(0);
    const html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html).not.toContain(key);
    expect(html).toContain('[REDACTED]');
  });
});

describe('compare helpers', () => {
  it('names the engine after the part of the file name before .en.txt/.txt', () => {
    expect(engineNameFromFile('out/deepl.en.txt')).toBe('deepl');
    expect(engineNameFromFile('out/article.google-v2.en.txt')).toBe('google-v2');
    expect(engineNameFromFile('libretranslate.txt')).toBe('libretranslate');
    expect(engineNameFromFile('bai-viet.openai.json')).toBe('openai');
    expect(engineNameFromFile('out/a.deepl.en.md')).toBe('deepl');
    expect(() => engineNameFromFile('.en.txt')).toThrow(/cannot tell which engine/);
  });

  it('parses seeds as whole numbers only', () => {
    expect(parseSeed('12345')).toBe(12345);
    expect(() => parseSeed('-1')).toThrow(/whole number/);
    expect(() => parseSeed('1.5')).toThrow(/whole number/);
    expect(() => parseSeed('4294967296')).toThrow(/whole number/);
  });

  it('refuses JSON that is not a bilingual file, or of another version', () => {
    expect(() => readBilingual('{"paragraphs":[{"source":"a"}]}', 'a.json')).toThrow(/version/);
    expect(() => readBilingual('{"version":1,"engines":{"deepl":{}},"paragraphs":[{"source":"a","translations":{}}]}', 'a.json')).toThrow(/paragraph 1 has no "deepl" target/);
    expect(() => readBilingual('[]', 'a.json')).toThrow(/not a vitrans bilingual file/);
    expect(() => readBilingual('{oops', 'a.json')).toThrow(/not valid JSON/);
  });
});
