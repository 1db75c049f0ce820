import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { AlignmentError, UsageError } from '../../src/core/errors.js';
import { compareTranslations, OUTLIER_MARGIN, TIE_MARGIN } from '../../src/compare/compare.js';
import { corpusTer, sentenceTer, TER_SIGNATURE } from '../../src/compare/ter.js';
import { bleuSignature, CHRF_PLUS_PLUS, chrfSignature, corpusBleu, corpusChrf, sentenceChrf } from '../../src/compare/metrics.js';
import type { CompareInput, DiffOp } from '../../src/compare/types.js';

const read = (name: string) => readFileSync(new URL(`./fixtures/seed/${name}`, import.meta.url), 'utf8');
const file = (name: string) => ({ file: `corpus/seed/${name}`, text: read(name) });
const paras = (name: string) => read(name).trim().split('\n\n').map((p) => p.normalize('NFC'));

const source = file('source.vi.txt');
const reference = file('reference.en.txt');
const engines = ['deepl', 'google', 'mock'].map((name) => ({ name, ...file(`${name}.en.txt`) }));
const withRef: CompareInput = { source, reference, engines, bootstrap: { samples: 300, seed: 12345 } };

/** Pivot side (equal + delete) and engine side (equal + insert) of a diff. */
function sides(ops: readonly DiffOp[]): [string, string] {
  return [
    ops.filter((o) => o.op !== 'insert').map((o) => o.text).join(''),
    ops.filter((o) => o.op !== 'delete').map((o) => o.text).join(''),
  ];
}

describe('compareTranslations with a reference', () => {
  const c = compareTranslations(withRef);

  it('aligns paragraphs and keeps source, reference and outputs per paragraph', () => {
    expect(c.paragraphs).toHaveLength(6);
    expect(c.paragraphs[0]!.source).toBe('Logo Zephyrnet');
    expect(c.paragraphs[3]!.source).toContain('tháng XNUMX');
    expect(c.paragraphs[3]!.line).toBe(7);
    expect(c.paragraphs[4]!.reference).toContain('Security of Supply Arrangement');
    expect(c.paragraphs[4]!.outputs.google).toContain('Supply Security Agreement');
    expect(c.engines).toEqual(['deepl', 'google', 'mock']);
    expect(c.sourceFile).toBe('corpus/seed/source.vi.txt');
    expect(c.referenceFile).toBe('corpus/seed/reference.en.txt');
  });

  it('diffs every engine against the reference, reproducing both texts', () => {
    expect(c.pivot).toMatchObject({ kind: 'reference', name: 'reference' });
    for (const p of c.paragraphs) {
      for (const e of c.engines) expect(sides(p.diffs[e]!)).toEqual([p.reference, p.outputs[e]]);
    }
    const gpi = c.paragraphs[5]!.diffs.google!;
    expect(gpi.some((o) => o.op === 'delete' && o.text.includes('Glide'))).toBe(true);
  });

  it('reports corpus scores equal to scoring the aligned paragraphs directly, with signatures', () => {
    const ref = paras('reference.en.txt');
    for (const s of c.scores!) {
      const hyps = paras(`${s.engine}.en.txt`);
      expect(s.chrf.score).toBeCloseTo(corpusChrf(hyps, ref), 10);
      expect(s.chrfPlusPlus.score).toBeCloseTo(corpusChrf(hyps, ref, { wordOrder: 2 }), 10);
      expect(s.bleu.score).toBeCloseTo(corpusBleu(hyps, ref).score, 10);
      expect(s.chrf.signature).toBe(chrfSignature());
      expect(s.chrfPlusPlus.signature).toBe('chrF2++|nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0');
      expect(s.bleu.signature).toBe(bleuSignature());
      expect(s.bleu.details.precisions).toHaveLength(4);
    }
    const [deepl, google, mock] = c.scores!;
    expect(deepl!.chrf.score).toBeGreaterThan(google!.chrf.score);
    expect(google!.chrf.score).toBeGreaterThan(mock!.chrf.score);
  });

  it('reports corpus TER equal to sacreBLEU-style corpus TER of the aligned paragraphs, with its signature and parts', () => {
    const ref = paras('reference.en.txt');
    for (const s of c.scores!) {
      const direct = corpusTer(paras(`${s.engine}.en.txt`), ref);
      expect(s.ter.score).toBeCloseTo(direct.score, 10);
      expect(s.ter.details).toEqual({ edits: direct.edits, refLength: direct.refLength });
      expect(s.ter.signature).toBe(TER_SIGNATURE);
      expect(s.ter.metric).toBe('TER');
    }
    const [deepl, google, mock] = c.scores!;
    // Lower is better: the ranking is chrF's turned round.
    expect(deepl!.ter.score).toBeLessThan(google!.ter.score);
    expect(google!.ter.score).toBeLessThan(mock!.ter.score);
    expect(c.metrics!.find((m) => m.id === 'ter')).toEqual({ id: 'ter', name: 'TER', better: 'lower', signature: TER_SIGNATURE });
    expect(c.metrics!.map((m) => m.id)).toEqual(['chrf', 'chrfPlusPlus', 'bleu', 'ter']);
  });

  it('names the best engine per metric, the lowest for TER', () => {
    expect(c.best).toEqual({ chrf: ['deepl'], chrfPlusPlus: ['deepl'], bleu: ['deepl'], ter: ['deepl'] });
    // Two identical outputs tie for best on every metric.
    const twin = compareTranslations({ ...withRef, engines: [engines[2]!, { ...engines[0]!, name: 'deepl-copy' }, engines[0]!], bootstrap: false });
    expect(twin.best!.ter).toEqual(['deepl-copy', 'deepl']);
    expect(twin.best!.chrf).toEqual(['deepl-copy', 'deepl']);
  });

  it('scores each paragraph with sentence TER', () => {
    for (const p of c.paragraphs) for (const e of c.engines) expect(p.scores![e]!.ter).toBe(sentenceTer(p.outputs[e]!, p.reference!));
    expect(c.paragraphs[4]!.scores!.mock!.ter).toBeGreaterThan(c.paragraphs[4]!.scores!.deepl!.ter);
  });

  it('scores each paragraph with sentence chrF and BLEU', () => {
    const p = c.paragraphs[4]!;
    expect(p.scores!.deepl!.chrf).toBeCloseTo(100, 9);
    expect(p.scores!.google!.chrf).toBeCloseTo(sentenceChrf(p.outputs.google!, p.reference!), 12);
    expect(p.scores!.mock!.bleu).toBeLessThan(p.scores!.google!.bleu);
  });

  it('scores each paragraph with sentence chrF++ too, as sentenceChrf with the chrF++ settings', () => {
    for (const p of c.paragraphs) {
      for (const e of c.engines) {
        expect(p.scores![e]!.chrfPlusPlus).toBeCloseTo(sentenceChrf(p.outputs[e]!, p.reference!, CHRF_PLUS_PLUS), 12);
      }
    }
    const p = c.paragraphs[4]!;
    expect(p.scores!.deepl!.chrfPlusPlus).toBeCloseTo(100, 9);
    // Word bigrams make chrF++ differ from chrF where the words differ.
    expect(p.scores!.google!.chrfPlusPlus).not.toBeCloseTo(p.scores!.google!.chrf, 6);
  });

  it('compares in NFC: an NFD engine output scores like its NFC form', () => {
    // google.en.txt writes "Nguyễn Hoà" in NFD; the comparison holds it in NFC.
    const last = c.paragraphs[5]!;
    expect(last.outputs.google).toContain('Nguyễn Hoà');
    expect(last.outputs.google).toBe(last.outputs.google!.normalize('NFC'));
    expect(last.diffs.google!.some((o) => o.op !== 'equal' && o.text.includes('Nguy'))).toBe(false);
  });

  it('adds bootstrap intervals and significance against the first engine', () => {
    expect(c.bootstrap).toEqual({ samples: 300, seed: 12345, alpha: 0.05, baseline: 'deepl' });
    const [deepl, , mock] = c.scores!;
    expect(deepl!.chrf.interval).toBeDefined();
    expect(deepl!.chrf.significance).toBeUndefined();
    const sig = mock!.chrf.significance!;
    expect(sig.baseline).toBe('deepl');
    expect(sig.difference).toBeCloseTo(mock!.chrf.score - deepl!.chrf.score, 12);
    expect(sig.significant).toBe(sig.pValue < 0.05);
    expect(mock!.bleu.significance).toBeDefined();
    expect(mock!.chrfPlusPlus.interval!.low).toBeLessThanOrEqual(mock!.chrfPlusPlus.interval!.high);
  });

  it('bootstraps TER with the same resamples: its interval brackets the score, a worse engine differs upwards', () => {
    const [deepl, , mock] = c.scores!;
    expect(deepl!.ter.significance).toBeUndefined();
    const t = mock!.ter.significance!;
    expect(t.difference).toBeCloseTo(mock!.ter.score - deepl!.ter.score, 12);
    expect(t.difference).toBeGreaterThan(0);
    const iv = mock!.ter.interval!;
    expect(iv.low).toBeLessThanOrEqual(mock!.ter.score);
    expect(iv.high).toBeGreaterThanOrEqual(mock!.ter.score);
    expect(iv.halfWidth).toBeGreaterThan(0);
  });

  it('is deterministic and JSON-round-trips unchanged', () => {
    const again = compareTranslations(withRef);
    expect(again).toEqual(c);
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });

  it('bootstraps 1,000 samples with seed 12345 by default', () => {
    const d = compareTranslations({ source, reference, engines });
    expect(d.bootstrap).toEqual({ samples: 1000, seed: 12345, alpha: 0.05, baseline: 'deepl' });
    expect(d.scores![1]!.chrf.interval).toBeDefined();
  });

  it('uses a named baseline and skips bootstrap when asked', () => {
    const named = compareTranslations({ ...withRef, baseline: 'google' });
    expect(named.bootstrap!.baseline).toBe('google');
    expect(named.scores![1]!.chrf.significance).toBeUndefined();
    expect(named.scores![0]!.chrf.significance!.baseline).toBe('google');
    const off = compareTranslations({ ...withRef, bootstrap: false });
    expect(off.bootstrap).toBeNull();
    expect(off.scores![0]!.chrf.interval).toBeUndefined();
    expect(off.scores![2]!.chrf.significance).toBeUndefined();
    expect(off.scores![2]!.chrf.score).toBe(c.scores![2]!.chrf.score);
  });
});

describe('compareTranslations without a reference', () => {
  const c = compareTranslations({ source, engines, bootstrap: false });

  it('builds the pairwise agreement matrix from corpus chrF', () => {
    const m = c.agreement;
    expect(m.engines).toEqual(['deepl', 'google', 'mock']);
    expect(m.chrf[0]![0]).toBe(100);
    expect(m.chrf[0]![1]).toBeCloseTo(corpusChrf(paras('deepl.en.txt'), paras('google.en.txt')), 10);
    expect(m.chrf[1]![0]).toBeCloseTo(corpusChrf(paras('google.en.txt'), paras('deepl.en.txt')), 10);
    expect(m.meanAgreement.mock).toBeLessThan(m.meanAgreement.deepl!);
    expect(c.scores).toBeUndefined();
    expect(c.bootstrap).toBeNull();
  });

  it('takes the engine that agrees most with the others as pivot and diffs the others against it', () => {
    const best = Object.entries(c.agreement.meanAgreement).sort((a, b) => b[1] - a[1])[0]![0];
    expect(c.pivot).toMatchObject({ kind: 'engine', name: best });
    for (const p of c.paragraphs) {
      expect(p.diffs[best]).toBeUndefined();
      for (const e of c.engines.filter((x) => x !== best)) expect(sides(p.diffs[e]!)).toEqual([p.outputs[best], p.outputs[e]]);
      expect(p.reference).toBeUndefined();
      expect(p.scores).toBeUndefined();
    }
  });

  it('says which engine agrees most, with the figures that show it', () => {
    const mean = c.agreement.meanAgreement;
    const [best, next] = Object.entries(mean).sort((a, b) => b[1] - a[1]);
    expect(best![1] - next![1]).toBeGreaterThanOrEqual(TIE_MARGIN);
    expect(c.pivot.reason).toBe(`no reference: ${best![0]} agrees most with the other engines (mean chrF ${best![1].toFixed(1)} vs ${next![1].toFixed(1)} for ${next![0]})`);
  });

  it('says tie when two engines agree equally with the others, and never that one agrees most', () => {
    // deepl and a copy of it agree with mock alike: their mean agreements are equal.
    const tie = compareTranslations({ source, engines: [engines[2]!, engines[0]!, { ...engines[0]!, name: 'deepl-copy' }], bootstrap: false });
    expect(tie.agreement.meanAgreement.deepl).toBeCloseTo(tie.agreement.meanAgreement['deepl-copy']!, 12);
    expect(tie.pivot.name).toBe('deepl');
    expect(tie.pivot.reason).toMatch(/^no reference: deepl and deepl-copy tie for the most agreement with the other engines \(mean chrF \d+\.\d\); deepl, given first, is the pivot$/);
    expect(tie.pivot.reason).not.toMatch(/agrees most/);
  });

  it('with two engines says neither agrees more (mean agreement is symmetric)', () => {
    const two = compareTranslations({ source, engines: [engines[1]!, engines[0]!], bootstrap: false });
    expect(two.agreement.meanAgreement.google).toBeCloseTo(two.agreement.meanAgreement.deepl!, 12);
    expect(two.pivot.name).toBe('google');
    expect(two.pivot.reason).toMatch(/^no reference: with two engines neither agrees more with the other \(mean chrF \d+\.\d\); google, given first, is the pivot$/);
  });

  it('has no metrics, best engines or analyses without a reference', () => {
    expect(c.metrics).toEqual([]);
    expect(c.best).toBeUndefined();
    expect(c.analyses).toBeNull();
  });

  it('names the outlier engine when it agrees clearly less', () => {
    expect(c.outlier.engine).toBe('mock');
    expect(c.outlier.clear).toBe(true);
    expect(c.outlier.note).toContain('mock');
  });

  it('says when there is no clear outlier', () => {
    // Three engines with the same text except for one word each: no engine stands apart.
    const near = compareTranslations({
      source,
      engines: ['a', 'b', 'c'].map((name, i) => ({
        name,
        file: `${name}.en.txt`,
        text: read('deepl.en.txt').replace('co-develop', ['co-develop', 'jointly develop', 'develop together'][i]!),
      })),
    });
    expect(near.outlier.clear).toBe(false);
    expect(near.outlier.note).toMatch(/^no clear outlier/);
    expect(near.outlier.note).toContain(String(OUTLIER_MARGIN));
  });

  it('ranks the paragraphs where engines disagree most', () => {
    const d = c.disagreements;
    expect(d.length).toBeGreaterThan(0);
    for (let i = 1; i < d.length; i++) expect(d[i - 1]!.disagreement).toBeGreaterThanOrEqual(d[i]!.disagreement);
    expect(d[0]!.disagreement).toBe(Math.max(...c.paragraphs.map((p) => p.disagreement!)));
    // "Date:" is the same in deepl and google, but mock has "Day:": it disagrees less than the title.
    const date = c.paragraphs[2]!.disagreement!;
    const title = c.paragraphs[1]!.disagreement!;
    expect(title).toBeGreaterThan(date);
  });

  it('gives zero disagreement for identical outputs, even empty ones', () => {
    const same = compareTranslations({
      source: { file: 's.vi.txt', paragraphs: ['Thoả thuận.', 'Ngày:'] },
      engines: [
        { name: 'a', file: 'a.txt', paragraphs: ['Arrangement.', ''] },
        { name: 'b', file: 'b.txt', paragraphs: ['Arrangement.', ''] },
      ],
    });
    expect(same.paragraphs.map((p) => p.disagreement)).toEqual([0, 0]);
    expect(same.outlier).toMatchObject({ engine: null, clear: false });
  });

  it('works with a single engine', () => {
    const one = compareTranslations({ source, engines: [engines[0]!] });
    expect(one.pivot).toMatchObject({ kind: 'engine', name: 'deepl' });
    expect(one.paragraphs[0]!.disagreement).toBeNull();
    expect(one.disagreements).toEqual([]);
  });
});

describe('alignment and input errors', () => {
  it('throws an AlignmentError naming the file, both counts and where alignment breaks', () => {
    const merged = { name: 'google', ...file('google-merged.en.txt') };
    let err: unknown;
    try {
      compareTranslations({ source, reference, engines: [engines[0]!, merged] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AlignmentError);
    const msg = (err as AlignmentError).message;
    expect(msg).toContain('google-merged.en.txt');
    expect(msg).toContain('5 paragraphs');
    expect(msg).toContain('has 6');
    // The reference guides the search: paragraphs 4 and 5 were merged.
    expect(msg).toContain('alignment breaks at paragraph 4');
    expect(msg).toContain('seems to merge paragraphs 4 and 5 of');
    expect(msg).toContain('the shorter file, corpus/seed/google-merged.en.txt, ends with paragraph 5 at line 9');
    expect((err as AlignmentError).location?.file).toBe('corpus/seed/google-merged.en.txt');
  });

  it('checks the reference too', () => {
    const shortRef = { file: 'ref.txt', paragraphs: paras('reference.en.txt').slice(0, 4) };
    expect(() => compareTranslations({ source, reference: shortRef, engines })).toThrow(AlignmentError);
  });

  it('rejects no engines, duplicate names, an unknown baseline and bad bootstrap settings', () => {
    expect(() => compareTranslations({ source, engines: [] })).toThrow(UsageError);
    expect(() => compareTranslations({ source, engines: [engines[0]!, engines[0]!] })).toThrow(/given twice/);
    expect(() => compareTranslations({ ...withRef, baseline: 'systran' })).toThrow(/baseline engine "systran"/);
    expect(() => compareTranslations({ ...withRef, bootstrap: { samples: 0, seed: 1 } })).toThrow(UsageError);
  });

  it('accepts pre-split paragraphs', () => {
    const c = compareTranslations({
      source: { file: 's', paragraphs: paras('source.vi.txt') },
      reference: { file: 'r', paragraphs: paras('reference.en.txt') },
      engines: engines.map((e) => ({ name: e.name, file: e.file, paragraphs: paras(`${e.name}.en.txt`) })),
      bootstrap: false,
    });
    expect(c.scores!.map((s) => s.chrf.score)).toEqual(compareTranslations({ ...withRef, bootstrap: false }).scores!.map((s) => s.chrf.score));
    expect(c.paragraphs[3]!.line).toBe(7);
  });
});
