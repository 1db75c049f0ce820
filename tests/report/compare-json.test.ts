import { describe, it, expect } from 'vitest';
import { formatCompareJson } from '../../src/report/compare-json.js';
import { SCRIPT, SIGNATURES, withReference, withoutReference } from './compare-fixtures.js';

const TOP = ['version', 'sourceFile', 'referenceFile', 'engines', 'pivot', 'bootstrap', 'metrics', 'scores', 'best', 'glossary', 'agreement', 'outlier', 'disagreements', 'analyses', 'diffScope', 'paragraphs'];
const PARA = ['index', 'line', 'source', 'reference', 'outputs', 'diffs', 'changes', 'scores', 'disagreement'];

describe('formatCompareJson', () => {
  it('has the same keys in the same order whatever the input', () => {
    for (const c of [withReference, withoutReference]) {
      const out = formatCompareJson(c);
      expect(out.split('\n')[1]).toBe('  "version": 1,');
      const doc = JSON.parse(out);
      expect(Object.keys(doc)).toEqual(TOP);
      for (const p of doc.paragraphs) expect(Object.keys(p)).toEqual(PARA);
    }
  });

  it('uses null for what is absent', () => {
    const doc = JSON.parse(formatCompareJson(withoutReference));
    expect(doc.referenceFile).toBeNull();
    expect(doc.scores).toBeNull();
    expect(doc.best).toBeNull();
    expect(doc.metrics).toEqual([]);
    expect(doc.analyses).toBeNull();
    expect(doc.glossary).toBeNull();
    expect(doc.bootstrap).toBeNull();
    expect(doc.paragraphs[0].reference).toBeNull();
    expect(doc.paragraphs[0].scores).toBeNull();
  });

  it('carries everything: scores with intervals and signatures, significance, diffs, texts as they are', () => {
    const doc = JSON.parse(formatCompareJson(withReference));
    expect(doc.scores[1].chrf.interval).toEqual({ mean: 55.4, halfWidth: 3, low: 52.4, high: 58.4 });
    expect(doc.scores[2].chrf.significance).toEqual({ baseline: 'deepl', difference: 1.2, pValue: 0.38, significant: false });
    expect(doc.scores[0].bleu.details.precisions).toHaveLength(4);
    expect(doc.glossary.deepl.findings[0].termId).toBe('glide-phase-interceptor');
    expect(doc.paragraphs[1].outputs.google).toContain(SCRIPT);
    expect(doc.paragraphs[2].source).toBe(withReference.paragraphs[2]!.source);
    expect(doc.paragraphs[0].diffs.google[1]).toEqual({ op: 'delete', text: 'January' });
    expect(doc.paragraphs[0].scores.google).toEqual({ chrf: 78.4, chrfPlusPlus: 76.9, bleu: 52.1, ter: 18.8 });
  });

  it('reads the metrics off the scores of a comparison made without a metric list', () => {
    const { metrics: _metrics, analyses: _analyses, ...older } = withReference;
    const doc = JSON.parse(formatCompareJson(older));
    expect(doc.metrics).toEqual(withReference.metrics);
    expect(doc.analyses).toBeNull();
  });

  it('carries TER with its signature, its direction and its parts, and the analyses', () => {
    const doc = JSON.parse(formatCompareJson(withReference));
    expect(doc.metrics.map((m: { id: string; better: string }) => `${m.id}:${m.better}`)).toEqual(['chrf:higher', 'chrfPlusPlus:higher', 'bleu:higher', 'ter:lower']);
    expect(doc.scores[1].ter).toMatchObject({ metric: 'TER', score: 51.9, signature: SIGNATURES.ter, details: { refLength: 52 } });
    expect(doc.scores[1].ter.significance).toMatchObject({ difference: 21.1, significant: true });
    expect(doc.best.ter).toEqual(['deepl', 'openai']);
    expect(doc.analyses.wordAccuracy.length).toBeGreaterThan(0);
    expect(doc.analyses.terms.overall.deepl).toMatchObject({ ref: 2, hyp: 1, matched: 1 });
    expect(Object.keys(doc.analyses.ngrams)).toEqual(['deepl', 'google', 'openai']);
  });
});
