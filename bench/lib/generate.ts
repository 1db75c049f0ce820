/**
 * Seeded inputs for the benchmarks: Vietnamese-like text from the seed article's syllables,
 * English filler, glossaries of any size (as entries and as glossary.yaml), aligned corpora and
 * one very long paragraph. The same seed gives the same bytes on every run and machine.
 */
import { readFileSync } from 'node:fs';
import { mulberry32 } from '../../src/compare/bootstrap.js';
import type { Glossary, GlossaryEntry } from '../../src/glossary/types.js';
import { syllableSpans } from '../../src/text/vietnamese.js';
import { termKey } from '../../src/glossary/vi-matcher.js';

export { mulberry32 };

/** Distinct lower-case syllables of the seed article, plus common ones it lacks (old-style tones included). */
export function syllableList(): string[] {
  const seed = readFileSync(new URL('../../tests/text/fixtures/seed-000.txt', import.meta.url), 'utf8');
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

/** English words for renderings and filler text. */
export const ENGLISH_WORDS = (
  'defense industrial cooperation security supply arrangement ministry department missile interceptor program ' +
  'agreement export control technology production alliance partner force command headquarters strategy policy ' +
  'research development evaluation trade economy budget maritime aviation energy nuclear finance treaty council ' +
  'agency office bureau commission committee framework initiative dialogue summit review assessment capability ' +
  'logistics procurement acquisition innovation investment industry base chain network system platform vessel'
).split(' ');

export function englishPhrase(random: () => number, words: number): string {
  return Array.from({ length: words }, () => ENGLISH_WORDS[Math.floor(random() * ENGLISH_WORDS.length)]!).join(' ');
}

/** Letters that stand for a serial's digits, so that a serial reads as a word ("unitkoba"), not a number. */
const SERIAL_SYLLABLES = ['ba', 'ce', 'di', 'fo', 'gu', 'ha', 'ji', 'ko', 'lu', 'ma'];

/** How a rendering's serial is written: digits glued to a word ("unit86", which the number checks read as 86) or as letters. */
export type SerialStyle = 'digits' | 'letters';

function serial(i: number, style: SerialStyle): string {
  if (style === 'digits') return String(i);
  let word = '';
  for (const digit of String(i)) word += SERIAL_SYLLABLES[Number(digit)];
  return word;
}

function entry(i: number, vi: string, random: () => number, style: SerialStyle): GlossaryEntry {
  // Renderings carry a serial so that 10,000 of them are distinct, as in a real glossary.
  return {
    id: `term-${i}`,
    vi,
    viVariants: [],
    en: `${englishPhrase(random, 2)} unit${serial(i, style)}`,
    accepted: [],
    forms: [],
    forbidden: [{ text: `${englishPhrase(random, 2)} item${serial(i, style)}` }],
    caseSensitive: false,
    tests: [],
    location: { file: 'bench.yaml', line: i + 1, column: 1 },
  };
}

/**
 * `count` distinct terms of 2–5 syllables, the first word capitalised as glossaries write them.
 * Serials are digits by default (the inputs the golden-findings test was recorded on); real renderings
 * carry no digits, so benchmarks of checking speed ask for `'letters'`.
 */
export function makeGlossary(count: number, syllables: readonly string[], random: () => number, serials: SerialStyle = 'digits'): GlossaryEntry[] {
  const seen = new Set<string>();
  const entries: GlossaryEntry[] = [];
  while (entries.length < count) {
    const length = 2 + Math.floor(random() * 4);
    const words = Array.from({ length }, () => syllables[Math.floor(random() * syllables.length)] ?? 'bộ');
    const vi = words.join(' ').replace(/^./u, (c) => c.toUpperCase());
    // Distinct as the matcher sees terms (case, tone placement, i/y), as the loader demands.
    const key = termKey(vi);
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push(entry(entries.length, vi, random, serials));
  }
  return entries;
}

/** A Glossary object over entries built in code (no file behind it). */
export function glossaryOf(entries: GlossaryEntry[]): Glossary {
  return { file: 'bench.yaml', version: 1, sourceLanguage: 'vi', targetLanguage: 'en', entries, hash: String(entries.length) };
}

/** The entries as glossary.yaml, in the shape editors write it (a note and a self-test on every tenth entry). */
export function glossaryYaml(entries: readonly GlossaryEntry[]): string {
  const q = (s: string): string => JSON.stringify(s);
  const lines = ['version: 1', 'name: bench', 'entries:'];
  entries.forEach((e, i) => {
    lines.push(`  - id: ${e.id}`, `    vi: ${q(e.vi)}`, `    en: ${q(e.en)}`);
    if (e.forbidden.length > 0) lines.push(`    forbidden: [${e.forbidden.map((f) => q(f.text)).join(', ')}]`);
    if (i % 10 === 0) lines.push(`    note: ${q(`Entry ${i} of the benchmark glossary.`)}`, `    tests:`, `      - vi: ${q(`Văn bản nói về ${e.vi} hôm nay.`)}`);
  });
  return lines.join('\n') + '\n';
}

/**
 * About `bytes` in all of aligned Vietnamese/English paragraph pairs: each English paragraph
 * renders the paragraph's terms, 85% approved, 10% forbidden, 5% left out, amid English filler.
 * `smallPool` terms (the first ones) make half of the occurrences.
 */
export function makeAlignedCorpus(
  bytes: number,
  syllables: readonly string[],
  terms: readonly GlossaryEntry[],
  random: () => number,
  smallPool = 100,
): { source: string; target: string } {
  const vi: string[] = [];
  const en: string[] = [];
  let size = 0;
  while (size < bytes) {
    const [v, e] = alignedParagraph(40 + Math.floor(random() * 60), syllables, terms, random, smallPool);
    vi.push(v);
    en.push(e);
    size += Buffer.byteLength(v) + Buffer.byteLength(e) + 4;
  }
  return { source: vi.join('\n\n'), target: en.join('\n\n') };
}

/** One aligned pair of `words` Vietnamese words (a term on about 5% of them) and its English. */
export function alignedParagraph(
  words: number,
  syllables: readonly string[],
  terms: readonly GlossaryEntry[],
  random: () => number,
  smallPool = 100,
): [string, string] {
  const viWords: string[] = [];
  const enWords: string[] = [];
  for (let w = 0; w < words; w++) {
    if (random() < 0.05 && terms.length > 0) {
      const pool = random() < 0.5 ? Math.min(smallPool, terms.length) : terms.length;
      const term = terms[Math.floor(random() * pool)]!;
      viWords.push(term.vi);
      const roll = random();
      if (roll < 0.85) enWords.push(term.en);
      else if (roll < 0.95) enWords.push(term.forbidden[0]!.text);
    } else {
      viWords.push(syllables[Math.floor(random() * syllables.length)]!);
      enWords.push(ENGLISH_WORDS[Math.floor(random() * ENGLISH_WORDS.length)]!);
    }
    // Sentences of about 20 words.
    if (w % 20 === 19) {
      viWords[viWords.length - 1] += '.';
      if (enWords.length > 0) enWords[enWords.length - 1] += '.';
    }
  }
  return [viWords.join(' ') + '.', enWords.join(' ') + '.'];
}

/** One aligned pair whose Vietnamese side is about `chars` UTF-16 units, with no line break. */
export function longParagraph(
  chars: number,
  syllables: readonly string[],
  terms: readonly GlossaryEntry[],
  random: () => number,
): [string, string] {
  // Vietnamese syllables average a little under 5 units with their space.
  let words = Math.ceil(chars / 5);
  for (;;) {
    const pair = alignedParagraph(words, syllables, terms, random);
    if (pair[0].length >= chars) return pair;
    words = Math.ceil(words * 1.1);
  }
}

/** Paragraphs of a Vietnamese article, about `bytes` in all (for translation runs). */
export function vietnameseArticle(bytes: number, syllables: readonly string[], terms: readonly GlossaryEntry[], random: () => number, words = 60): string {
  const out: string[] = [];
  let size = 0;
  while (size < bytes) {
    const [v] = alignedParagraph(words, syllables, terms, random);
    out.push(v);
    size += Buffer.byteLength(v) + 2;
  }
  return out.join('\n\n') + '\n';
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A number, amount, date or percentage in Vietnamese and its English rendering (wrong 5% of the time). */
export function quantityPair(random: () => number): [string, string] {
  const n = 1 + Math.floor(random() * 900);
  const d = 1 + Math.floor(random() * 28);
  const m = 1 + Math.floor(random() * 12);
  const y = 1990 + Math.floor(random() * 35);
  const wrong = random() < 0.05 ? 1 : 0;
  switch (Math.floor(random() * 6)) {
    case 0:
      return [`${n} tên lửa`, `${n + wrong} missiles`];
    case 1:
      return [`${n},5 tỷ USD`, `$${n}.5 ${wrong ? 'million' : 'billion'}`];
    case 2:
      return [`ngày ${d} tháng ${m} năm ${y}`, `on ${MONTHS[m - 1]} ${d + wrong}, ${y}`];
    case 3:
      return [`${n % 100},3%`, `${n % 100}.3 percent`];
    case 4:
      return ['hai nước', wrong ? 'three countries' : 'the two countries'];
    default:
      return [`năm ${y}`, `in ${y + wrong}`];
  }
}

/** The aligned corpus with a quantity pair every ~25 words of each paragraph, as in news text. */
export function withQuantities(corpus: { source: string; target: string }, random: () => number): { source: string; target: string } {
  const vi = corpus.source.split('\n\n');
  const en = corpus.target.split('\n\n');
  for (let p = 0; p < vi.length; p++) {
    const viWords = vi[p]!.split(' ');
    const enWords = en[p]!.split(' ');
    const count = Math.max(1, Math.round(viWords.length / 25));
    for (let k = 0; k < count; k++) {
      const [v, e] = quantityPair(random);
      viWords.splice(Math.floor(random() * viWords.length), 0, v);
      enWords.splice(Math.floor(random() * enWords.length), 0, e);
    }
    vi[p] = viWords.join(' ');
    en[p] = enWords.join(' ');
  }
  return { source: vi.join('\n\n'), target: en.join('\n\n') };
}
