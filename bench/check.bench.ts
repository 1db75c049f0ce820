/**
 * Benchmark of the glossary check: how fast the Vietnamese term matcher runs over a large text,
 * for a small and a large glossary, beside a naive per-term regex loop.
 *
 * Run with `npm run bench:check`. Everything is generated from a seeded PRNG, so runs compare.
 * To measure another stage (e.g. the English side of the check), add a Case to `cases()`.
 */
import { readFileSync } from 'node:fs';
import { createViMatcher } from '../src/glossary/vi-matcher.js';
import type { GlossaryEntry } from '../src/glossary/types.js';
import { foldForMatching, syllableSpans } from '../src/text/vietnamese.js';

const TARGET_BYTES = 20_000_000;
const SMALL_GLOSSARY = 100;
const LARGE_GLOSSARY = 10_000;

/** mulberry32: small, fast, good enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Distinct lower-case syllables of the seed article, plus common ones it lacks (old-style tones included). */
function syllableList(): string[] {
  const seed = readFileSync(new URL('../tests/text/fixtures/seed-000.txt', import.meta.url), 'utf8');
  const extra =
    'hòa hoà thủy thuỷ khỏe khoẻ tỷ tỉ kỹ kĩ mỹ mĩ lý lí quý quí người nước những được trong của với cho này khi đã sẽ là có ' +
    'không một các về theo như sau trên dưới giữa ngoài hợp đồng chính phủ luật nghị định thông tư quyết kinh tế xã hội ' +
    'an ninh quân sự biển đảo hàng hải hàng không vũ trụ năng lượng điện hạt nhân dầu khí ngân sách thuế tài chính tiền tệ';
  const words = new Set<string>();
  for (const text of [seed, extra]) {
    for (const [s, e] of syllableSpans(text)) {
      const w = text.slice(s, e).toLowerCase();
      if (/^\p{L}+$/u.test(w) && w !== 'xnumx') words.add(w);
    }
  }
  return [...words].sort();
}

function entry(i: number, vi: string): GlossaryEntry {
  return {
    id: `term-${i}`,
    vi,
    viVariants: [],
    en: `Term ${i}`,
    accepted: [],
    forms: [],
    forbidden: [],
    caseSensitive: false,
    tests: [],
    location: { file: 'bench.yaml', line: i + 1, column: 1 },
  };
}

/** `count` distinct terms of 2–5 syllables, the first word capitalised as glossaries write them. */
function makeGlossary(count: number, syllables: string[], random: () => number): GlossaryEntry[] {
  const seen = new Set<string>();
  const entries: GlossaryEntry[] = [];
  while (entries.length < count) {
    const length = 2 + Math.floor(random() * 4);
    const words = Array.from({ length }, () => syllables[Math.floor(random() * syllables.length)] ?? 'bộ');
    const vi = words.join(' ').replace(/^./u, (c) => c.toUpperCase());
    if (seen.has(vi.toLowerCase())) continue;
    seen.add(vi.toLowerCase());
    entries.push(entry(entries.length, vi));
  }
  return entries;
}

/** About `bytes` of paragraphs: random syllables with a glossary term every ~20 words (half from the first 100). */
function makeText(bytes: number, syllables: string[], terms: GlossaryEntry[], random: () => number): string {
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const words: string[] = [];
    const sentences = 3 + Math.floor(random() * 5);
    for (let s = 0; s < sentences; s++) {
      const length = 12 + Math.floor(random() * 20);
      for (let w = 0; w < length; w++) {
        if (random() < 0.05) {
          const pool = random() < 0.5 ? SMALL_GLOSSARY : terms.length;
          words.push(terms[Math.floor(random() * pool)]?.vi ?? '');
        } else {
          words.push(syllables[Math.floor(random() * syllables.length)] ?? '');
        }
      }
      words[words.length - 1] += random() < 0.1 ? ',' : '.';
    }
    const paragraph = words.join(' ').replace(/^./u, (c) => c.toUpperCase());
    paragraphs.push(paragraph);
    size += Buffer.byteLength(paragraph) + 2;
  }
  return paragraphs.join('\n\n');
}

/**
 * The naive baseline: one Unicode-aware regex per term, whole words by lookaround, over NFC text.
 * Regexes are compiled (and run once, which is when V8 compiles them) before timing: only scanning is measured.
 */
function naiveMatcher(terms: GlossaryEntry[]): (text: string) => number {
  const regexes = terms.map((term) => {
    const escaped = term.vi.normalize('NFC').replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
    const re = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${escaped}(?![\\p{L}\\p{M}\\p{N}])`, 'giu');
    re.test('Bộ Quốc phòng'); // V8 compiles a regex on first use: keep that out of the timing
    re.lastIndex = 0;
    return re;
  });
  return (text) => {
    const nfc = text.normalize('NFC');
    let found = 0;
    for (const re of regexes) for (const _match of nfc.matchAll(re)) found++;
    return found;
  };
}

/** One measured function: what it does, how many bytes it reads, and the run (returns a count of results). */
interface Case {
  name: string;
  terms: number;
  bytes: number;
  /** Scale note when it runs on a slice. */
  note?: string;
  run(): number;
}

interface Result extends Case {
  seconds: number;
  mbPerSecond: number;
  results: number;
}

function measure(c: Case): Result {
  const t0 = performance.now();
  const results = c.run();
  const seconds = (performance.now() - t0) / 1000;
  return { ...c, seconds, mbPerSecond: c.bytes / 1e6 / seconds, results };
}

function cases(text: string, small: GlossaryEntry[], large: GlossaryEntry[]): Case[] {
  const bytes = Buffer.byteLength(text);
  // The naive loop costs terms × text: run it on slices so the bench ends in reasonable time.
  const smallSlice = text.slice(0, 2_000_000);
  const largeSlice = text.slice(0, 200_000);
  const matcherSmall = createViMatcher(small);
  const matcherLarge = createViMatcher(large);
  const naiveSmall = naiveMatcher(small);
  const tn = performance.now();
  const naiveLarge = naiveMatcher(large);
  const compileSeconds = (performance.now() - tn) / 1000;
  return [
    { name: 'foldForMatching', terms: 0, bytes, run: () => foldForMatching(text).text.length },
    { name: 'vi-matcher find', terms: small.length, bytes, run: () => matcherSmall.find(text).length },
    { name: 'vi-matcher find', terms: large.length, bytes, run: () => matcherLarge.find(text).length },
    {
      name: 'naive regex loop',
      terms: small.length,
      bytes: Buffer.byteLength(smallSlice),
      note: 'first 2 M chars',
      run: () => naiveSmall(smallSlice),
    },
    {
      name: 'naive regex loop',
      terms: large.length,
      bytes: Buffer.byteLength(largeSlice),
      note: `first 200 k chars; compiling its regexes took ${compileSeconds.toFixed(1)} s more`,
      run: () => naiveLarge(largeSlice),
    },
  ];
}

function pad(value: string, width: number, right = false): string {
  return right ? value.padStart(width) : value.padEnd(width);
}

function main(): void {
  const random = prng(20240410);
  const syllables = syllableList();
  const large = makeGlossary(LARGE_GLOSSARY, syllables, random);
  const small = large.slice(0, SMALL_GLOSSARY);
  const t0 = performance.now();
  const text = makeText(TARGET_BYTES, syllables, large, random);
  const built = performance.now();
  console.log(`${syllables.length} syllables; text ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB generated in ${((built - t0) / 1000).toFixed(1)} s`);
  const tb = performance.now();
  createViMatcher(large);
  console.log(`createViMatcher(${large.length} terms): ${(performance.now() - tb).toFixed(0)} ms`);
  console.log('');

  const results = cases(text, small, large).map(measure);
  console.log(`${pad('function', 18)} ${pad('terms', 6, true)} ${pad('MB', 6, true)} ${pad('s', 7, true)} ${pad('MB/s', 8, true)} ${pad('results', 9, true)}  note`);
  for (const r of results) {
    console.log(
      `${pad(r.name, 18)} ${pad(String(r.terms), 6, true)} ${pad((r.bytes / 1e6).toFixed(1), 6, true)} ${pad(r.seconds.toFixed(2), 7, true)} ${pad(r.mbPerSecond.toPrecision(3), 8, true)} ${pad(String(r.results), 9, true)}  ${r.note ?? ''}`,
    );
  }
  const rate = (name: string, terms: number): number => results.find((r) => r.name === name && r.terms === terms)?.mbPerSecond ?? Number.NaN;
  const m100 = rate('vi-matcher find', SMALL_GLOSSARY);
  const m10k = rate('vi-matcher find', LARGE_GLOSSARY);
  console.log(`\nvi-matcher MB/s ratio ${LARGE_GLOSSARY}/${SMALL_GLOSSARY} terms: ${(m10k / m100).toFixed(2)}`);
  console.log(`speed-up vs naive regex loop: ${(m100 / rate('naive regex loop', SMALL_GLOSSARY)).toFixed(1)}× at ${SMALL_GLOSSARY} terms, ${(m10k / rate('naive regex loop', LARGE_GLOSSARY)).toFixed(0)}× at ${LARGE_GLOSSARY} terms`);
  console.log('(naive rates are measured on slices and compared per MB; it also does less: no tone, i/y or NFD folding)');
}

main();
