import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { corpusTer, sentenceTer, TER_SIGNATURE, terEditsOfIds, terFromStats, terStats, terWords } from '../../src/compare/ter.js';

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

interface TerFixture {
  epsilon: number;
  cases: { name: string; hyps: string[]; refs: string[]; expected: number }[];
  tokenizer: { default: { input: string; expected: string }[]; unsupported: { group: string; option: string; reason: string }[] };
}

interface GeneratedFixture {
  source: { sacrebleu: string; signature: string };
  segments: { kind: string; hyp: string; ref: string; edits: number; refLength: number; score: number }[];
  corpora: { hyps: string[]; refs: string[][]; edits: number; refLength: number; score: number }[];
}

const own = fixture<TerFixture>('sacrebleu-ter.json');
const generated = fixture<GeneratedFixture>('sacrebleu-ter-generated.json');

describe('TER golden vectors (sacreBLEU test/test_ter.py)', () => {
  it.each(own.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(Math.abs(corpusTer(c.hyps, c.refs).score - 100 * c.expected)).toBeLessThan(own.epsilon);
  });

  it.each(own.tokenizer.default.map((c) => [c.input, c.expected] as const))('tokenises %j as %j', (input, expected) => {
    expect(terWords(input).join(' ')).toBe(expected);
  });

  it('lists the tokeniser vectors of options outside the defaults as unsupported, with a reason', () => {
    expect(own.tokenizer.unsupported.map((u) => u.group)).toEqual(['test_cases_no_punct', 'test_cases_norm', 'test_cases_asian']);
    for (const u of own.tokenizer.unsupported) expect(u.reason).toMatch(/defaults/);
  });
});

describe(`TER against sacreBLEU ${generated.source.sacrebleu} on generated inputs`, () => {
  it('was generated with the signature vitrans reports', () => {
    expect(`TER|${generated.source.signature}`).toBe(TER_SIGNATURE);
  });

  // Edits are whole numbers: agreement is exact, not within a tolerance.
  const kinds = [...new Set(generated.segments.map((s) => s.kind))];
  it.each(kinds)('counts the same edits and reference length on every "%s" segment', (kind) => {
    const segments = generated.segments.filter((s) => s.kind === kind);
    const ours = segments.map((s) => terStats(s.hyp, s.ref));
    expect(ours).toEqual(segments.map((s) => [s.edits, s.refLength]));
    for (const s of segments) expect(sentenceTer(s.hyp, s.ref)).toBeCloseTo(s.score, 10);
  });

  it.each(generated.corpora.map((c, i) => [i, c.refs.length, c] as const))('corpus %i with %i reference(s)', (_i, _n, c) => {
    const r = corpusTer(c.hyps, c.refs);
    expect(r.edits).toBe(c.edits);
    expect(r.refLength).toBeCloseTo(c.refLength, 10);
    expect(r.score).toBeCloseTo(c.score, 10);
  });
});

describe('TER', () => {
  it('is case-insensitive and keeps punctuation attached to words', () => {
    expect(terWords('The Glide Phase Interceptor (GPI).')).toEqual(['the', 'glide', 'phase', 'interceptor', '(gpi).']);
    expect(sentenceTer('THE GLIDE PHASE INTERCEPTOR', 'the Glide Phase Interceptor')).toBe(0);
  });

  it('counts a moved block as one shift', () => {
    // "signed the MOU on Tuesday" → the date phrase moved to the front: one shift, no other edits.
    const ref = 'on Tuesday the two ministers signed the MOU';
    const hyp = 'the two ministers signed the MOU on Tuesday';
    expect(terStats(hyp, ref)).toEqual([1, 8]);
  });

  it('takes the fewest edits and the mean length over several references', () => {
    const hyp = 'the Security of Supply Arrangement';
    expect(terStats(hyp, ['the security of supply arrangement', 'a supply security agreement was signed'])).toEqual([0, 5.5]);
  });

  it('scores empty references as sacreBLEU does', () => {
    expect(terFromStats([0, 0])).toBe(0);
    expect(terFromStats([3, 0])).toBe(100);
    expect(corpusTer(['', 'three more words'], ['', '']).score).toBe(100);
  });

  it('can exceed 100 when the hypothesis is much longer than the reference', () => {
    expect(sentenceTer('the ministers met in Tokyo on Tuesday', 'met')).toBeGreaterThan(100);
  });

  it('works on word ids directly', () => {
    expect(terEditsOfIds(Int32Array.of(3, 4, 5, 6, 7, 0, 1, 2), Int32Array.of(0, 1, 2, 3, 4, 5, 6, 7))).toBe(1);
    expect(terEditsOfIds(new Int32Array(0), Int32Array.of(1, 2))).toBe(2);
    expect(terEditsOfIds(Int32Array.of(1, 2), new Int32Array(0))).toBe(2);
  });

  it('rejects a reference stream of the wrong length', () => {
    expect(() => corpusTer(['a', 'b'], ['a'])).toThrow(RangeError);
  });
});
