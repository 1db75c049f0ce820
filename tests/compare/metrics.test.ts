import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  bleuFromStats,
  bleuSignature,
  bleuStats,
  chrfFromStats,
  chrfProfile,
  chrfSignature,
  chrfStats,
  chrfStatsFromProfiles,
  chrfWords,
  NgramSpace,
  corpusBleu,
  corpusChrf,
  sentenceBleu,
  sentenceChrf,
  tokenize13a,
  type BleuOptions,
  type BleuSmoothing,
  type ChrfOptions,
} from '../../src/compare/metrics.js';

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

interface BleuFixture {
  epsilon: number;
  readmeHyps: string[];
  readmeRefs: string[][];
  corpus: { hyps: string[] | 'readme'; options: BleuOptions; expected: number }[];
  raw: { hyps: string[]; refs: string[][]; smoothValue: number | null; expected: number }[];
  statistics: { hyp: string; ref: string; counts: number[]; totals: number[] }[];
  scoring: { counts: number[]; totals: number[]; sysLen: number; refLen: number; expected: number }[];
  degenerate: { counts: number[]; totals: number[]; sysLen: number; refLen: number; smoothValue: number; expected: number }[];
  maxOrder: { order: number; expected: string }[];
}

interface SentenceBleuFixture {
  epsilon: number;
  cases: { hyp: string; ref: string; smoothing: BleuSmoothing; smoothValue: number | null; tokenize: '13a' | 'none'; expected: number }[];
}

interface ChrfFixture {
  epsilon: number;
  groups: { name: string; sentence?: boolean; options: ChrfOptions; cases: { hyps: string[]; refs: string[]; expected: number }[] }[];
  chrfPlusPlus: { hyps: string[]; refs: string[]; cases: { options: ChrfOptions; expected: number }[] };
}

const bleuFx = fixture<BleuFixture>('sacrebleu-bleu.json');
const sentFx = fixture<SentenceBleuFixture>('sacrebleu-sentence-bleu.json');
const chrfFx = fixture<ChrfFixture>('sacrebleu-chrf.json');

describe('BLEU golden vectors (sacreBLEU test/test_bleu.py)', () => {
  it.each(bleuFx.corpus.map((c, i) => [i, c] as const))('corpus case %i', (_i, c) => {
    const hyps = c.hyps === 'readme' ? bleuFx.readmeHyps : c.hyps;
    expect(Math.abs(corpusBleu(hyps, bleuFx.readmeRefs, c.options).score - c.expected)).toBeLessThan(bleuFx.epsilon);
  });

  it.each(bleuFx.raw.map((c, i) => [i, c] as const))('raw_corpus_bleu case %i', (_i, c) => {
    const opts: BleuOptions = { tokenize: 'none', smoothing: 'floor', effectiveOrder: true };
    if (c.smoothValue !== null) opts.smoothValue = c.smoothValue;
    expect(Math.abs(corpusBleu(c.hyps, c.refs, opts).score / 100 - c.expected)).toBeLessThan(bleuFx.epsilon);
  });

  it('collects the same n-gram statistics', () => {
    for (const c of bleuFx.statistics) {
      const r = corpusBleu([c.hyp], [c.ref], { tokenize: 'none' });
      expect(r.counts).toEqual(c.counts);
      expect(r.totals).toEqual(c.totals);
    }
  });

  it('scores given statistics without smoothing', () => {
    for (const c of bleuFx.scoring) {
      const r = bleuFromStats([c.sysLen, c.refLen, ...c.counts, ...c.totals], { smoothing: 'none' });
      expect(Math.abs(r.score / 100 - c.expected)).toBeLessThan(bleuFx.epsilon);
    }
  });

  it('returns exactly 0 for degenerate statistics', () => {
    for (const c of bleuFx.degenerate) {
      const r = bleuFromStats([c.sysLen, c.refLen, ...c.counts, ...c.totals], { smoothing: 'floor', smoothValue: c.smoothValue });
      expect(r.score / 100).toBe(c.expected);
    }
  });

  it.each(bleuFx.maxOrder.map((c) => [c.order, c.expected] as const))('max n-gram order %i', (order, expected) => {
    expect(corpusBleu(bleuFx.readmeHyps, bleuFx.readmeRefs, { maxOrder: order }).score.toFixed(2)).toBe(expected);
  });
});

describe('sentence BLEU golden vectors (sacreBLEU test/test_sentence_bleu.py)', () => {
  it.each(sentFx.cases.map((c, i) => [i, c] as const))('case %i', (_i, c) => {
    const opts: BleuOptions = { smoothing: c.smoothing, tokenize: c.tokenize };
    if (c.smoothValue !== null) opts.smoothValue = c.smoothValue;
    expect(Math.abs(sentenceBleu(c.hyp, [c.ref], opts).score - c.expected)).toBeLessThan(sentFx.epsilon);
  });
});

describe('chrF golden vectors (sacreBLEU test/test_chrf.py)', () => {
  for (const group of chrfFx.groups) {
    it.each(group.cases.map((c, i) => [i, c] as const))(`${group.name} case %i`, (_i, c) => {
      const score = group.sentence ? sentenceChrf(c.hyps[0]!, c.refs[0]!, group.options) : corpusChrf(c.hyps, c.refs, group.options);
      expect(Math.abs(score - c.expected)).toBeLessThan(chrfFx.epsilon);
    });
  }

  it.each(chrfFx.chrfPlusPlus.cases.map((c) => [c.options.wordOrder ?? 0, c] as const))(
    'chrF with word order %i matches sacreBLEU via evaluate',
    (_n, c) => {
      expect(Math.abs(corpusChrf(chrfFx.chrfPlusPlus.hyps, chrfFx.chrfPlusPlus.refs, c.options) - c.expected)).toBeLessThan(1e-9);
    },
  );
});

describe('13a tokenizer', () => {
  it('splits punctuation but keeps decimals, thousands and apostrophes', () => {
    expect(tokenize13a("It wasn't 3.5-fold, \"really\".")).toBe('It wasn\'t 3.5 - fold , " really " .');
    expect(tokenize13a('1,000.50 USD (est.)')).toBe('1,000.50 USD ( est . )');
  });

  it('unescapes HTML entities and joins hyphenated line breaks', () => {
    expect(tokenize13a('R&amp;D &lt;b&gt; Indo-\nPacific')).toBe('R & D < b > IndoPacific');
  });

  it('splits on Python whitespace (U+001F, U+0085), not on U+FEFF', () => {
    expect(tokenize13a('Hà\u001fNội\u0085Việt\uFEFFNam')).toBe('Hà Nội Việt\uFEFFNam');
  });
});

describe('chrF details', () => {
  it('removes Python whitespace before counting character n-grams', () => {
    // U+0085 is whitespace to Python: "Hoà\u0085Bình" scores like "HoàBình".
    expect(sentenceChrf('Hoà\u0085Bình', 'HoàBình')).toBe(100);
    // U+FEFF is not: it stays a character and lowers the score.
    expect(sentenceChrf('Hoà\uFEFFBình', 'HoàBình')).toBeLessThan(100);
  });

  it('counts n-grams over code points, not UTF-16 units', () => {
    // Each astral character is one code point: 3 unigrams, 2 bigrams, 1 trigram.
    const p = chrfProfile('𝐀𝐁𝐂');
    expect(p.totals.slice(0, 4)).toEqual([3, 2, 1, 0]);
  });

  it('does not count hypothesis n-grams of an order the reference lacks', () => {
    // Reference "ab" has no trigrams: the hypothesis' trigram count is reported as 0.
    expect(chrfStats('abc', 'ab').slice(6, 9)).toEqual([0, 0, 0]);
  });

  it('splits one ASCII punctuation mark off words for chrF++ only', () => {
    expect(chrfWords('Thoả thuận, (MOU) x !')).toEqual(['Thoả', 'thuận', ',', '(MOU', ')', 'x', '!']);
    const pp = chrfProfile('Thoả thuận, (MOU)', { wordOrder: 2 });
    expect(pp.totals).toHaveLength(8);
    expect(pp.totals.slice(6)).toEqual([5, 4]);
    expect(chrfProfile('Thoả thuận, (MOU)').totals).toHaveLength(6);
  });

  it('treats NFC and NFD as different characters (callers normalise first)', () => {
    const nfc = 'Thỏa thuận';
    expect(sentenceChrf(nfc.normalize('NFD'), nfc)).toBeLessThan(100);
    expect(sentenceChrf(nfc.normalize('NFC'), nfc)).toBe(100);
  });

  it('scores swapped profiles with swapped precision and recall', () => {
    const space = new NgramSpace();
    const a = chrfProfile('the Glide Phase Interceptor', {}, space);
    const b = chrfProfile('the glide-phase interceptors', {}, space);
    const ab = chrfStatsFromProfiles(a, b);
    const ba = chrfStatsFromProfiles(b, a);
    for (let i = 0; i < ab.length; i += 3) {
      expect([ab[i], ab[i + 1], ab[i + 2]]).toEqual([ba[i + 1], ba[i], ba[i + 2]]);
    }
  });

  it('refuses to match profiles from different n-gram spaces', () => {
    expect(() => chrfStatsFromProfiles(chrfProfile('a'), chrfProfile('a'))).toThrow(/different NgramSpaces/);
  });

  it('sums statistics: corpus chrF is not the mean of sentence chrF', () => {
    const hyps = ['a b c d e f g h', 'x'];
    const refs = ['a b c d e f g h', 'y'];
    const summed = chrfStats(hyps[0]!, refs[0]!).map((v, i) => v + chrfStats(hyps[1]!, refs[1]!)[i]!);
    expect(corpusChrf(hyps, refs)).toBeCloseTo(chrfFromStats(summed), 12);
    expect(corpusChrf(hyps, refs)).not.toBeCloseTo((sentenceChrf(hyps[0]!, refs[0]!) + sentenceChrf(hyps[1]!, refs[1]!)) / 2, 2);
  });
});

describe('BLEU details', () => {
  it('applies the brevity penalty to short hypotheses', () => {
    const r = corpusBleu(['the memorandum of understanding'], ['the memorandum of understanding was signed today']);
    expect(r.brevityPenalty).toBeCloseTo(Math.exp(1 - 7 / 4), 12);
    expect(r.score).toBeCloseTo(100 * Math.exp(1 - 7 / 4), 9);
  });

  it('uses effective order in sentence BLEU only', () => {
    expect(sentenceBleu('a test', 'a test').score).toBeCloseTo(100, 9);
    expect(corpusBleu(['a test'], ['a test']).score).toBeLessThan(1);
  });

  it('strips trailing Python whitespace before the 13a rules', () => {
    // "-\n" at the very end: the newline is stripped first, so the hyphen survives; inside the
    // text the same "-\n" is a hyphenated line break and is removed.
    expect(bleuStats('Indo-\n', 'Indo-')).toEqual([1, 1, 1, 0, 0, 0, 1, 0, 0, 0]);
    expect(bleuStats('Indo-\nPacific', 'IndoPacific')).toEqual([1, 1, 1, 0, 0, 0, 1, 0, 0, 0]);
  });
});

describe('NgramSpace', () => {
  /** Naive oracle: n-gram substrings (over code points) counted in a Map. */
  function naiveMatch(a: string, b: string, n: number): number {
    const grams = (s: string) => {
      const cps = Array.from(s);
      const m = new Map<string, number>();
      for (let i = 0; i + n <= cps.length; i++) {
        const g = cps.slice(i, i + n).join('');
        m.set(g, (m.get(g) ?? 0) + 1);
      }
      return m;
    };
    const ga = grams(a);
    let match = 0;
    for (const [g, c] of grams(b)) match += Math.min(c, ga.get(g) ?? 0);
    return match;
  }

  it('matches a naive substring count, across table growth and resets', () => {
    const rand = (() => {
      let x = 42;
      return () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
    })();
    const alphabet = Array.from('aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặ𝐀🚀');
    const text = (len: number) => Array.from({ length: len }, () => alphabet[Math.floor(rand() * alphabet.length)]!).join('');
    const space = new NgramSpace();
    for (let round = 0; round < 3; round++) {
      space.reset();
      // Long enough that the table grows several times (thousands of distinct n-grams).
      const a = text(1500);
      const b = a.slice(0, 700) + text(800);
      const pa = chrfProfile(a, {}, space);
      const pb = chrfProfile(b, {}, space);
      for (let n = 1; n <= 6; n++) expect(space.match(pa.char[n - 1]!, pb.char[n - 1]!)).toBe(naiveMatch(a, b, n));
    }
  });

  it('gives the same id to the same n-gram and different ids to different ones', () => {
    const space = new NgramSpace();
    const x = space.extend(-1, space.symbol('Thoả'));
    const y = space.extend(x, space.symbol('thuận'));
    for (let i = 0; i < 5000; i++) space.extend(i, i % 97);
    expect(space.extend(-1, space.symbol('Thoả'))).toBe(x);
    expect(space.extend(x, space.symbol('thuận'))).toBe(y);
    expect(space.extend(y, space.symbol('thuận'))).not.toBe(y);
  });
});

describe('multiple references', () => {
  it('chrF takes the statistics of the best-matching reference', () => {
    const hyp = 'Security of Supply Arrangement';
    expect(sentenceChrf(hyp, ['Supply Security Agreement', hyp])).toBe(100);
    expect(chrfStats(hyp, ['Supply Security Agreement', hyp])).toEqual(chrfStats(hyp, hyp));
  });
});

describe('signatures', () => {
  it('name the smoothing value for floor and add-k', () => {
    expect(bleuSignature({ smoothing: 'floor' })).toContain('|smooth:floor[0.10]|');
    expect(bleuSignature({ smoothing: 'add-k', smoothValue: 2 })).toContain('|smooth:add-k[2.00]|');
  });

  it('match sacreBLEU 2.6 defaults', () => {
    expect(bleuSignature()).toBe('BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0');
    expect(bleuSignature({ effectiveOrder: true })).toBe('BLEU|nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.6.0');
    expect(chrfSignature()).toBe('chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0');
    expect(chrfSignature({ wordOrder: 2 })).toBe('chrF2++|nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0');
  });
});
