/**
 * `npm run bench:translate`: orchestration overhead against a local mock engine.
 * The engine answers each request after 150 ms and throws if more than `concurrency` requests are
 * in flight. 2,000 seed-like paragraphs (glossary masking on) are translated with a fresh SQLite
 * cache, then again from the cache. Reported against the ideal bound
 * ceil(batches / concurrency) × latency and a sequential one-request-per-paragraph baseline,
 * measured on a subset and extrapolated.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Engine, TranslateRequest, TranslateResult } from '../src/engines/types.js';
import { parseGlossary } from '../src/glossary/load.js';
import { createViMatcher } from '../src/glossary/vi-matcher.js';
import { splitParagraphs } from '../src/text/paragraphs.js';
import { openTranslationCache } from '../src/store/index.js';
import { translateParagraphs } from '../src/translate/orchestrator.js';
import { startFakeLibreTranslate } from './lib/fake-libretranslate.js';
import { glossaryYaml, longParagraph, makeGlossary, mulberry32, syllableList, vietnameseArticle } from './lib/generate.js';
import { describe, measureNode, type Measured } from './lib/measure.js';

const LATENCY_MS = 150;
const CONCURRENCY = 4;
const PARAGRAPHS = 2000;
const MAX_TEXTS = 50;
const BASELINE_SUBSET = 40;

class MockEngine implements Engine {
  readonly name = 'bench';
  readonly model = 'bench-1';
  readonly capabilities = { glossary: 'none' as const, maxTexts: MAX_TEXTS, maxChars: 30_000 };
  readonly cacheOptions = {};
  requests = 0;
  inFlight = 0;
  constructor(private readonly cap: number) {}
  async translate(request: TranslateRequest): Promise<TranslateResult[]> {
    this.requests++;
    if (++this.inFlight > this.cap) throw new Error(`concurrency cap ${this.cap} exceeded`);
    try {
      await new Promise((r) => setTimeout(r, LATENCY_MS));
      return request.texts.map((t) => ({ text: `EN ${t}`, billedCharacters: t.length }));
    } finally {
      this.inFlight--;
    }
  }
}

/** The orchestration benchmark: ideal bound, sequential baseline, cached rerun. */
async function orchestration(): Promise<void> {
const here = path.dirname(fileURLToPath(import.meta.url));
const seed = fs.readFileSync(path.join(here, '../tests/translate/fixtures/seed-article.txt'), 'utf8');
const seedParas = splitParagraphs(seed).map((p) => p.text);
const paragraphs = Array.from({ length: PARAGRAPHS }, (_, i) => `${seedParas[i % seedParas.length]} [${i + 1}]`);
const glossary = parseGlossary(
  'version: 1\nentries:\n  - vi: Biên bản ghi nhớ\n    en: Memorandum of Understanding\n  - vi: Thỏa thuận An ninh Cung ứng\n    vi_variants: [Thoả thuận An ninh Cung ứng]\n    en: Security of Supply Arrangement\n  - vi: Bộ Quốc phòng\n    en: Department of Defense\n',
  'bench-glossary.yaml',
);
const viMatcher = createViMatcher(glossary.entries);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-bench-'));
const common = { sourceLang: 'vi', targetLang: 'en', glossary, viMatcher };

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}

// Sequential baseline: one request per paragraph, one at a time, on a subset.
const baselineEngine = new MockEngine(1);
const [baselineSubsetMs] = await timed(async () => {
  for (const p of paragraphs.slice(0, BASELINE_SUBSET)) {
    await translateParagraphs({ ...common, engine: baselineEngine, paragraphs: [p], concurrency: 1 });
  }
});
const baselineMs = (baselineSubsetMs / BASELINE_SUBSET) * PARAGRAPHS;

const cacheFile = path.join(dir, 'translations.sqlite');
let cache = openTranslationCache(cacheFile);
const engine = new MockEngine(CONCURRENCY);
const [runMs, out] = await timed(() => translateParagraphs({ ...common, engine, paragraphs, cache, concurrency: CONCURRENCY }));
cache.close();
const batches = engine.requests;
const idealMs = Math.ceil(batches / CONCURRENCY) * LATENCY_MS;

cache = openTranslationCache(cacheFile);
const rerunEngine = new MockEngine(CONCURRENCY);
const [cachedMs, again] = await timed(() => translateParagraphs({ ...common, engine: rerunEngine, paragraphs, cache, concurrency: CONCURRENCY }));
cache.close();
fs.rmSync(dir, { recursive: true, force: true });

const masked = out.filter((o) => o.masked).length;
if (again.some((o, i) => o.target !== out[i]!.target)) throw new Error('cached rerun differs');

const rows: [string, string, string][] = [
  ['paragraphs / batches / concurrency', `${PARAGRAPHS} / ${batches} / ${CONCURRENCY}`, `${masked} with masked terms`],
  ['ideal bound ceil(batches/conc)×150ms', `${idealMs.toFixed(0)} ms`, ''],
  ['orchestrated run (fresh SQLite cache)', `${runMs.toFixed(0)} ms`, `${(runMs / idealMs).toFixed(3)}× ideal (goal ≤ 1.25×)`],
  ['sequential 1 paragraph/request', `${(baselineMs / 1000).toFixed(1)} s`, `measured on ${BASELINE_SUBSET}, extrapolated; ${(baselineMs / runMs).toFixed(0)}× slower`],
  ['cached rerun', `${cachedMs.toFixed(0)} ms`, `${rerunEngine.requests} requests (goal: 0, < 1 s)`],
];
const w0 = rows.reduce((w, r) => Math.max(w, r[0].length), 0);
const w1 = rows.reduce((w, r) => Math.max(w, r[1].length), 0);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
const ok = runMs <= idealMs * 1.25 && rerunEngine.requests === 0 && cachedMs < 1000;
console.log(ok ? 'PASS' : 'FAIL');
if (!ok) process.exitCode = 1;
}

/**
 * Big inputs, translated by the CLI in a process of its own (wall time and peak RSS) through a
 * local LibreTranslate stand-in that answers at once (bench/lib/fake-libretranslate.ts), without
 * the cache: one paragraph of 1 MB (and of 250 KB, to see how time grows with length), articles of
 * 10 and 40 MB (peak memory against size, with and without the CLI's heap growth), and half a
 * million short paragraphs.
 */
async function bigInputs(): Promise<void> {
  const dir = path.join(os.tmpdir(), `vitrans-bench-translate-${Date.now()}`);
  fs.mkdirSync(dir, { recursive: true });
  const server = await startFakeLibreTranslate();
  try {
    const syllables = syllableList();
    const terms = makeGlossary(100, syllables, mulberry32(20240410));
    const glossaryFile = path.join(dir, 'glossary.yaml');
    fs.writeFileSync(glossaryFile, glossaryYaml(terms));
    console.log('\nBig inputs (CLI, each in its own process; peak = max RSS; engine stand-in answers at once)');
    const translate = async (name: string, text: string, nodeOptions: string[] = []): Promise<Measured> => {
      fs.writeFileSync(path.join(dir, `${name}.txt`), text);
      const before = server.requests;
      const m = await measureNode('src/cli/main.ts', ['translate', `${name}.txt`, '-e', 'libretranslate', '-g', glossaryFile, '--out', 'out', '--no-cache', '-q'], {
        cwd: dir,
        env: { LIBRETRANSLATE_URL: server.url },
        timeoutMs: 1_800_000,
        nodeOptions,
      });
      const mb = Buffer.byteLength(text) / 1e6;
      const paragraphs = text.split('\n\n').length;
      console.log(`${name.padEnd(34)} ${describe(m).padEnd(34)} ${mb.toFixed(1)} MB, ${paragraphs.toLocaleString('en-US')} paragraphs, ${server.requests - before} requests${m.code === 0 ? '' : `; ${m.stderr.split('\n')[0]}`}`);
      return m;
    };
    const quarter = await translate('one paragraph of 250 KB', longParagraph(250_000, syllables, terms, mulberry32(3))[0] + '\n');
    const whole = await translate('one paragraph of 1 MB', longParagraph(1_000_000, syllables, terms, mulberry32(3))[0] + '\n');
    // Process start-up and glossary loading are the same in both: compare what the length adds.
    const start = await measureNode('src/cli/main.ts', ['--version'], { cwd: dir });
    console.log(`  1 MB vs 250 KB: ${((whole.seconds - start.seconds) / (quarter.seconds - start.seconds)).toFixed(1)}× the time beyond start-up for 4× the text (linear: 4×, quadratic: 16×)`);
    // Peak memory against article size, in the same run: 40 MB beside 10 MB (bounded: close to 1×;
    // growing with the article: 4×), with the CLI's heap growth (src/cli/heap.ts) and with V8's own.
    const article10 = vietnameseArticle(10_000_000, syllables, terms, mulberry32(4));
    const article40 = vietnameseArticle(40_000_000, syllables, terms, mulberry32(4));
    const small = await translate('article of 10 MB', article10);
    const big = await translate('article of 40 MB', article40);
    const smallV8 = await translate('article of 10 MB, V8 heap growth', article10, ['--heap-growing-percent=0']);
    const bigV8 = await translate('article of 40 MB, V8 heap growth', article40, ['--heap-growing-percent=0']);
    console.log(`  40 MB vs 10 MB peak RSS: ${(big.peakMb / small.peakMb).toFixed(2)}× (${big.peakMb.toFixed(0)} / ${small.peakMb.toFixed(0)} MB; goal ≤ 1.5× and well under 500 MB); with V8's heap growth ${(bigV8.peakMb / smallV8.peakMb).toFixed(2)}× (${bigV8.peakMb.toFixed(0)} / ${smallV8.peakMb.toFixed(0)} MB)`);
    await translate('short paragraphs (2 words each)', vietnameseArticle(6_000_000, syllables, terms, mulberry32(5), 2));
  } finally {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (!process.argv.includes('--big-only')) await orchestration();
if (!process.argv.includes('--no-big')) await bigInputs();
