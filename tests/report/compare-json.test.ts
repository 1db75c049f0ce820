import { describe, it, expect } from 'vitest';
import { formatCompareJson } from '../../src/report/compare-json.js';
import { SCRIPT, withReference, withoutReference } from './compare-fixtures.js';

const TOP = ['version', 'sourceFile', 'referenceFile', 'engines', 'pivot', 'bootstrap', 'scores', 'glossary', 'agreement', 'outlier', 'disagreements', 'diffScope', 'paragraphs'];
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
    expect(doc.paragraphs[0].scores.google).toEqual({ chrf: 78.4, chrfPlusPlus: 76.9, bleu: 52.1 });
  });
});
