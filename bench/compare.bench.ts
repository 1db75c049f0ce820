/**
 * Benchmark of `vitrans compare`'s engine: 3 engines × 2,000 paragraphs with a reference.
 * Deterministic input (seeded): English-like paragraphs, and engines that edit the reference at
 * controlled rates. Prints a table of timings (best of 3, wall-clock and CPU): diffs, TER alone,
 * the comparison without bootstrap (with and without the analyses), with bootstrap, without a reference, and the HTML report size
 * once src/report's HTML formatter exists.
 *
 * Run: npm run bench:compare
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, measureNode } from './lib/measure.js';
import { mulberry32 } from '../src/compare/bootstrap.js';
import { compareTranslations } from '../src/compare/compare.js';
import { wordDiff } from '../src/compare/diff.js';
import { terEditsOfIds, TerVocabulary } from '../src/compare/ter.js';
import type { Comparison } from '../src/compare/types.js';

const PARAGRAPHS = 2000;
const rand = mulberry32(20240410);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const SYLLABLES = ['de', 'fen', 'se', 'in', 'ter', 'cep', 'tor', 'pa', 'ci', 'fic', 'al', 'li', 'ance', 'mis', 'sile', 'na', 'tion', 'stra', 'te', 'gy'];
const vocabulary = Array.from({ length: 3000 }, () => {
  let w = '';
  const n = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) w += pick(SYLLABLES);
  return w;
});
const NAMES = ['Japan', 'United States', 'Kishida', 'Austin', 'Hamada', 'Indo-Pacific', 'MOU', 'RDT&E', 'SOSA', 'GPI'];

function sentence(): string {
  const words: string[] = [];
  const n = 8 + Math.floor(rand() * 18);
  for (let i = 0; i < n; i++) {
    const r = rand();
    words.push(r < 0.08 ? pick(NAMES) : r < 0.12 ? String(Math.floor(rand() * 3000)) : pick(vocabulary));
    if (rand() < 0.06) words[words.length - 1] += ',';
  }
  const s = words.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}

function paragraph(): string {
  const n = 2 + Math.floor(rand() * 4);
  return Array.from({ length: n }, sentence).join(' ');
}

/** Substitute, drop, insert or pluralise words at the given rate. */
function edit(text: string, rate: number): string {
  const out: string[] = [];
  for (const w of text.split(' ')) {
    if (rand() >= rate) {
      out.push(w);
      continue;
    }
    const r = rand();
    if (r < 0.4) out.push(pick(vocabulary));
    else if (r < 0.6) continue;
    else if (r < 0.8) out.push(w, pick(vocabulary));
    else out.push(w.endsWith('.') ? w : w + 's');
  }
  return out.join(' ');
}

const reference = Array.from({ length: PARAGRAPHS }, paragraph);
const source = reference.map((p) => `Đoạn văn: ${p.slice(0, 80)} — Thoả thuận XNUMX.`);
const engines = [
  { name: 'deepl', rate: 0.05 },
  { name: 'google', rate: 0.12 },
  { name: 'mock', rate: 0.3 },
].map((e) => ({ name: e.name, file: `${e.name}.en.txt`, paragraphs: reference.map((p) => edit(p, e.rate)) }));
const chars = reference.reduce((n, p) => n + p.length, 0);

const RUNS = 3;
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Best of RUNS: wall-clock and CPU milliseconds (CPU time is steadier on a shared machine). */
function time<T>(fn: () => T, runs = RUNS): [T, string] {
  let result: T | undefined;
  let wall = Infinity;
  let cpu = Infinity;
  for (let r = 0; r < runs; r++) {
    const [w0, c0] = [performance.now(), cpuMs()];
    result = fn();
    wall = Math.min(wall, performance.now() - w0);
    cpu = Math.min(cpu, cpuMs() - c0);
  }
  return [result as T, `${wall.toFixed(0)} ms wall, ${cpu.toFixed(0)} ms CPU`];
}

const input = {
  source: { file: 'source.vi.txt', paragraphs: source },
  reference: { file: 'reference.en.txt', paragraphs: reference },
  engines,
};

/** The comparison engine in this process: diffs, scores, bootstrap, HTML size. */
async function inProcess(): Promise<void> {
const [, diffTime] = time(() => {
  for (const e of engines) for (let i = 0; i < PARAGRAPHS; i++) wordDiff(reference[i]!, e.paragraphs[i]!);
});
const [, terTime] = time(() => {
  const vocabulary = new TerVocabulary();
  for (const e of engines) {
    for (let i = 0; i < PARAGRAPHS; i++) {
      vocabulary.reset();
      const ref = vocabulary.encode(reference[i]!);
      terEditsOfIds(vocabulary.encode(e.paragraphs[i]!), ref);
    }
  }
});
const [, noBootTime] = time(() => compareTranslations({ ...input, bootstrap: false }));
const [, noAnalysesTime] = time(() => compareTranslations({ ...input, bootstrap: false, analyses: false }));
const [comparison, fullTime] = time(() => compareTranslations(input));
const [, noRefTime] = time(() => compareTranslations({ source: input.source, engines }));

async function htmlSize(c: Comparison): Promise<string> {
  for (const path of ['../src/report/html.js', '../src/report/compare-html.js']) {
    try {
      const mod = (await import(path)) as Record<string, unknown>;
      const fn = Object.entries(mod).find(([name, v]) => typeof v === 'function' && /html/i.test(name))?.[1];
      if (typeof fn !== 'function') continue;
      const [html, took] = time(() => String((fn as (c: Comparison, o?: object) => unknown)(c, {})), 1);
      return `${(Buffer.byteLength(html) / 1024 / 1024).toFixed(2)} MB, ${took} (${path})`;
    } catch {
      // Not written yet (or failed to load): skip, the other figures still stand.
    }
  }
  return 'skipped (no HTML formatter in src/report yet)';
}

const rows: [string, string][] = [
  ['input', `3 engines × ${PARAGRAPHS} paragraphs + reference, ${(chars / 1e6).toFixed(2)} M chars per text`],
  ['word diffs only (3 × 2,000)', diffTime],
  ['TER only (3 × 2,000)', terTime],
  ['comparison, no bootstrap', noBootTime],
  ['comparison, no bootstrap, no analyses', noAnalysesTime],
  ['comparison with bootstrap (1,000)', fullTime],
  ['comparison without reference', noRefTime],
  ['HTML report', await htmlSize(comparison)],
];
const width = rows.reduce((w, [k]) => Math.max(w, k.length), 0);
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
for (const s of comparison.scores ?? []) {
  const sig = s.chrf.significance;
  console.log(
    `  ${s.engine.padEnd(7)} chrF ${s.chrf.score.toFixed(2)} ± ${s.chrf.interval?.halfWidth.toFixed(2)}  chrF++ ${s.chrfPlusPlus.score.toFixed(2)}` +
      `  BLEU ${s.bleu.score.toFixed(2)}  TER ${s.ter.score.toFixed(2)}${sig ? `  p=${sig.pValue.toFixed(3)} ${sig.significant ? 'significant' : 'not significant'}` : '  (baseline)'}`,
  );
}
console.log(`peak RSS of the in-process run: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

/**
 * 20,000 paragraphs × 3 engines with a reference through the CLI, in a process of its own: the
 * JSON report's size against the texts', and the peak RSS, by default and with --full-diffs.
 */
async function bigInputs(): Promise<void> {
  const N = 20_000;
  const dir = path.join(os.tmpdir(), `vitrans-bench-compare-${Date.now()}`);
  fs.mkdirSync(dir, { recursive: true });
  try {
    const ref = Array.from({ length: N }, paragraph);
    const files: Record<string, string[]> = {
      'source.vi.txt': ref.map((p) => `Đoạn văn: ${p.slice(0, 80)} — Thoả thuận XNUMX.`),
      'reference.en.txt': ref,
      'deepl.en.txt': ref.map((p) => edit(p, 0.05)),
      'google.en.txt': ref.map((p) => edit(p, 0.12)),
      'mock.en.txt': ref.map((p) => edit(p, 0.3)),
    };
    let bytes = 0;
    for (const [name, paragraphs] of Object.entries(files)) {
      const text = paragraphs.join('\n\n') + '\n';
      bytes += Buffer.byteLength(text);
      fs.writeFileSync(path.join(dir, name), text);
    }
    console.log(`\nBig input: ${N.toLocaleString('en-US')} paragraphs × 3 engines + reference (${(bytes / 1e6).toFixed(1)} MB of text), CLI in its own process`);
    const args = ['compare', 'source.vi.txt', 'deepl.en.txt', 'google.en.txt', 'mock.en.txt', '-r', 'reference.en.txt', '--no-bootstrap'];
    for (const [label, extra, out] of [
      ['JSON report', ['-f', 'json'], 'report.json'],
      ['JSON report, --full-diffs', ['-f', 'json', '--full-diffs'], 'full.json'],
      ['HTML report', ['-f', 'html'], 'report.html'],
    ] as const) {
      const m = await measureNode('src/cli/main.ts', [...args, ...extra, '-o', out], { cwd: dir, timeoutMs: 1_800_000 });
      const size = fs.existsSync(path.join(dir, out)) ? fs.statSync(path.join(dir, out)).size : 0;
      const note = m.code === 0 ? `${(size / 1e6).toFixed(1)} MB = ${(size / bytes).toFixed(1)}× the texts` : (m.stderr.split('\n')[0] ?? '');
      console.log(`${label.padEnd(28)} ${describe(m).padEnd(30)} ${note}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (!process.argv.includes('--big-only')) await inProcess();
if (!process.argv.includes('--no-big')) await bigInputs();
