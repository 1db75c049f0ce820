import { describe, it, expect } from 'vitest';
import { analysisWords, LENGTH_EDGES, MAX_DIFFERENCES_LISTED } from '../../src/compare/analyses.js';
import { compareTranslations } from '../../src/compare/compare.js';
import { CHRF_PLUS_PLUS, corpusBleu, corpusChrf } from '../../src/compare/metrics.js';
import { corpusTer } from '../../src/compare/ter.js';
import type { CompareInput, TermFinder } from '../../src/compare/types.js';

const SOURCE = ['Biên bản ghi nhớ (MOU) đã được ký tại Tokyo.', 'Hai nước sẽ cùng phát triển GPI.'];

function input(reference: string[], engines: Record<string, string[]>, extra: Partial<CompareInput> = {}): CompareInput {
  return {
    source: { file: 'a.vi.txt', paragraphs: reference.map((_, i) => SOURCE[i % SOURCE.length]!) },
    reference: { file: 'a.ref.en.txt', paragraphs: reference },
    engines: Object.entries(engines).map(([name, paragraphs]) => ({ name, file: `a.${name}.en.txt`, paragraphs })),
    bootstrap: false,
    ...extra,
  };
}

describe('analysisWords', () => {
  it('takes 13a tokens, lowercased: punctuation is a word of its own', () => {
    expect(analysisWords('The GPI, co-developed by Japan.')).toEqual(['the', 'gpi', ',', 'co-developed', 'by', 'japan', '.']);
    expect(analysisWords("Japan's MOU (2024)")).toEqual(["japan's", 'mou', '(', '2024', ')']);
  });
});

describe('word accuracy by frequency bucket', () => {
  const reference = ['The MOU was signed in Tokyo.', 'The GPI will be co-developed.'];
  const c = compareTranslations(
    input(reference, {
      deepl: reference,
      google: ['A memorandum was signed in Tokyo.', 'The interceptor will be co-developed.'],
    }),
  );
  const bucket = (label: string) => c.analyses!.wordAccuracy.find((b) => b.label === label)!;

  it('buckets words by their count in the reference and scores precision, recall and F per engine', () => {
    expect(c.analyses!.wordAccuracy.map((b) => b.label)).toEqual(['0', '1', '2']);
    // Frequency 1: mou was signed in tokyo gpi will be co-developed (9 in the reference).
    expect(bucket('1').byEngine.google).toMatchObject({ ref: 9, hyp: 7, matched: 7, precision: 1, recall: 7 / 9 });
    expect(bucket('1').byEngine.google!.f).toBeCloseTo(0.875, 12);
    // Frequency 2: "the" and "." twice each; google has "the" once and "." twice.
    expect(bucket('2').byEngine.google).toMatchObject({ ref: 4, hyp: 3, matched: 3, recall: 0.75 });
    expect(bucket('2').byEngine.google!.f).toBeCloseTo(6 / 7, 12);
    expect(bucket('1').byEngine.deepl).toMatchObject({ precision: 1, recall: 1, f: 1 });
  });

  it('puts words the reference never uses in bucket 0, where recall is undefined', () => {
    // "a", "memorandum", "interceptor".
    expect(bucket('0').byEngine.google).toEqual({ ref: 0, hyp: 3, matched: 0, precision: 0, recall: null, f: null });
    expect(bucket('0').byEngine.deepl).toEqual({ ref: 0, hyp: 0, matched: 0, precision: null, recall: null, f: null });
  });

  it('labels the buckets after compare-mt (5–9, 10–99, ...)', () => {
    const many = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? 'The MOU was signed in Tokyo.' : 'The ministers met again.'));
    const d = compareTranslations(input(many, { deepl: many }));
    // "the" and "." occur 12 times, mou/was/signed/in/tokyo/ministers/met/again 6 times.
    expect(d.analyses!.wordAccuracy.map((b) => [b.label, b.min, b.max])).toEqual([
      ['5–9', 5, 9],
      ['10–99', 10, 99],
    ]);
  });
});

describe('glossary term accuracy', () => {
  const finder: TermFinder = {
    find: (text) =>
      [...text.matchAll(/Security of Supply Arrangement|SOSA|Glide Phase Interceptor/gi)].map((m) => ({
        termId: /gli/i.test(m[0]) ? 'gpi' : 'sosa',
        label: /gli/i.test(m[0]) ? 'Glide Phase Interceptor' : 'Security of Supply Arrangement',
      })),
  };
  const reference = ['They signed the Security of Supply Arrangement (SOSA).', 'Japan will co-develop the Glide Phase Interceptor.'];
  const c = compareTranslations(
    input(
      reference,
      { deepl: reference, google: ['They signed the Supply Security Agreement (SOSA).', 'Japan will co-develop the flight phase interceptor.'] },
      { analyses: { terms: finder } },
    ),
  );

  it('counts approved renderings in each engine against those in the reference, per paragraph', () => {
    const t = c.analyses!.terms!;
    expect(t.overall.deepl).toMatchObject({ ref: 3, hyp: 3, matched: 3, f: 1 });
    expect(t.overall.google).toMatchObject({ ref: 3, hyp: 1, matched: 1, precision: 1 });
    expect(t.overall.google!.recall).toBeCloseTo(1 / 3, 12);
    expect(t.terms.map((x) => [x.termId, x.label, x.byEngine.google!.matched])).toEqual([
      ['sosa', 'Security of Supply Arrangement', 1],
      ['gpi', 'Glide Phase Interceptor', 0],
    ]);
  });

  it('is null without a term finder', () => {
    expect(compareTranslations(input(reference, { deepl: reference })).analyses!.terms).toBeNull();
  });
});

describe('scores by paragraph length', () => {
  const short = 'The MOU was signed.';
  const long = 'US Secretary of Defense Lloyd Austin and Japanese Defense Minister Hamada Yasukazu signed a bilateral memorandum on co-development of the interceptor.';
  const reference = [short, long, short, long];
  const google = ['The memorandum was signed.', long.replace('co-development', 'joint development'), short, long.replace('bilateral ', '')];
  const c = compareTranslations(input(reference, { deepl: reference, google }));

  it('groups paragraphs by reference length and scores each group as a corpus', () => {
    const buckets = c.analyses!.lengthBuckets;
    expect(buckets.map((b) => [b.label, b.paragraphs])).toEqual([
      ['<10', 2],
      ['20–39', 2],
    ]);
    const longOnes = [1, 3];
    const g = buckets[1]!.scores.google!;
    const refs = longOnes.map((i) => reference[i]!);
    const hyps = longOnes.map((i) => google[i]!);
    expect(g.chrf).toBeCloseTo(corpusChrf(hyps, refs), 10);
    expect(g.chrfPlusPlus).toBeCloseTo(corpusChrf(hyps, refs, CHRF_PLUS_PLUS), 10);
    expect(g.bleu).toBeCloseTo(corpusBleu(hyps, refs).score, 10);
    expect(g.ter).toBeCloseTo(corpusTer(hyps, refs).score, 10);
    expect(buckets[0]!.scores.deepl!.ter).toBe(0);
  });

  it('uses the documented edges', () => {
    expect(LENGTH_EDGES).toEqual([10, 20, 40, 60, 100]);
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    const refs = [words(9), words(10), words(59), words(60), words(100)];
    const d = compareTranslations(input(refs, { deepl: refs }));
    expect(d.analyses!.lengthBuckets.map((b) => [b.label, b.min, b.max, b.paragraphs])).toEqual([
      ['<10', 0, 9, 1],
      ['10–19', 10, 19, 1],
      ['40–59', 40, 59, 1],
      ['60–99', 60, 99, 1],
      ['100+', 100, null, 1],
    ]);
  });
});

describe('n-grams an engine gets right more often', () => {
  const reference = [
    'Austin signed the Security of Supply Arrangement on Tuesday.',
    'The Security of Supply Arrangement covers munitions.',
    'The ministers met in Tokyo.',
  ];
  const c = compareTranslations(
    input(reference, {
      deepl: reference,
      google: ['Austin signed the Supply Security Agreement on Tuesday.', 'The Supply Security Agreement covers munitions.', 'The ministers met in Tokyo.'],
    }),
  );

  it("scores compare-mt's way, (mine + 1) / (mine + others + 2), and lists an engine's wins only", () => {
    const wins = c.analyses!.ngrams.deepl!;
    const four = wins.find((w) => w.ngram === 'security of supply arrangement')!;
    expect(four).toEqual({ ngram: 'security of supply arrangement', n: 4, matched: 2, othersMatched: 0, score: 3 / 4 });
    // Both engines match "the ministers met in tokyo": nobody wins it.
    expect(wins.some((w) => w.ngram.includes('ministers'))).toBe(false);
    expect(c.analyses!.ngrams.google).toEqual([]);
    for (let i = 1; i < wins.length; i++) expect(wins[i - 1]!.score).toBeGreaterThanOrEqual(wins[i]!.score);
    expect(wins.length).toBeLessThanOrEqual(10);
  });

  it('compares with the mean of the other engines when there are more than two', () => {
    const d = compareTranslations(
      input(reference, {
        deepl: reference,
        google: ['Austin signed the Supply Security Agreement on Tuesday.', ...reference.slice(1)],
        mock: ['Austin signed supply security deal Tuesday.', 'Supply security deal covers munitions.', reference[2]!],
      }),
    );
    const four = d.analyses!.ngrams.deepl!.find((w) => w.ngram === 'security of supply arrangement')!;
    expect(four.matched).toBe(2);
    expect(four.othersMatched).toBe(0.5);
    expect(four.score).toBeCloseTo(3 / 4.5, 12);
  });
});

describe('paragraphs where two engines differ most', () => {
  const reference = ['The MOU was signed.', 'The GPI will be co-developed.', 'The ministers met in Tokyo.', 'Peace in the Indo-Pacific.'];
  const c = compareTranslations(
    input(reference, {
      deepl: reference,
      google: ['The memorandum was signed.', reference[1]!, 'Ministers had a meeting in the city of Tokyo.', 'Peace in the Indo Pacific region.'],
    }),
  );

  it('lists, per metric, the paragraphs with the largest difference first, leaving out equal ones', () => {
    const ter = c.analyses!.differences.find((d) => d.metric === 'ter')!;
    expect([ter.a, ter.b]).toEqual(['deepl', 'google']);
    expect(ter.paragraphs.map((p) => p.paragraph)).toEqual([3, 4, 1]);
    for (const p of ter.paragraphs) {
      const para = c.paragraphs[p.paragraph - 1]!;
      expect(p.a).toBe(para.scores!.deepl!.ter);
      expect(p.b).toBe(para.scores!.google!.ter);
      expect(p.difference).toBe(p.a - p.b);
    }
    expect(c.analyses!.differences.map((d) => d.metric)).toEqual(['chrf', 'chrfPlusPlus', 'bleu', 'ter']);
  });

  it(`keeps at most ${MAX_DIFFERENCES_LISTED} per pair and metric, one entry per engine pair`, () => {
    const refs = Array.from({ length: 12 }, (_, i) => `The ministers met ${i + 1} times in Tokyo.`);
    const d = compareTranslations(
      input(refs, { deepl: refs, google: refs.map((r) => r.replace('met', 'gathered')), mock: refs.map((r, i) => (i % 2 ? r : 'No.')) }),
    );
    expect(d.analyses!.differences.map((x) => `${x.a}/${x.b}`)).toEqual([
      ...Array(4).fill('deepl/google'),
      ...Array(4).fill('deepl/mock'),
      ...Array(4).fill('google/mock'),
    ]);
    for (const x of d.analyses!.differences) expect(x.paragraphs.length).toBeLessThanOrEqual(MAX_DIFFERENCES_LISTED);
  });
});

describe('switching analyses off', () => {
  it('gives null', () => {
    const r = ['The MOU was signed.'];
    expect(compareTranslations(input(r, { deepl: r }, { analyses: false })).analyses).toBeNull();
  });
});
