import { describe, it, expect } from 'vitest';
import { formatCheckJson } from '../../src/report/check-json.js';
import type { Finding } from '../../src/core/types.js';
import { cleanReport, report, suppressedReport } from './check-fixtures.js';

const FINDING_KEYS = [
  'ruleId', 'severity', 'message', 'file', 'paragraph', 'line', 'column', 'span', 'source',
  'termId', 'expected', 'actual', 'fix', 'engine', 'unit', 'note', 'related', 'fingerprint', 'suppression',
];
const NONE_SUPPRESSED = { total: 0, inline: 0, file: 0, baseline: 0 };

describe('formatCheckJson', () => {
  it('has a version, a summary, files, findings and terms, indented by two spaces', () => {
    const out = formatCheckJson(report);
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.split('\n')[1]).toBe('  "version": 1,');
    const doc = JSON.parse(out);
    expect(Object.keys(doc)).toEqual(['version', 'summary', 'baseline', 'files', 'findings', 'terms']);
    expect(doc.summary).toEqual({ errors: 2, warnings: 1, infos: 0, files: 3, filesWithFindings: 2, suppressed: NONE_SUPPRESSED });
    expect(doc.baseline).toBeNull();
    expect(doc.terms[0].renderings[1]).toEqual({ text: 'flight phase interceptor', count: 1, approved: false, secondMention: false });
  });

  it('gives every finding the same keys in the same order, null when absent', () => {
    const doc = JSON.parse(formatCheckJson(report));
    for (const f of doc.findings) expect(Object.keys(f)).toEqual(FINDING_KEYS);
    const sosa = doc.findings.find((f: { ruleId: string }) => f.ruleId === 'term-missing');
    expect(sosa.line).toBeNull();
    expect(sosa.span).toBeNull();
    expect(sosa.fix).toBeNull();
    expect(sosa.paragraph).toBe(3);
    const gpi = doc.findings.find((f: { termId: string }) => f.termId === 'glide-phase-interceptor');
    expect(gpi.line).toBe(7);
    expect(gpi.column).toBe(58);
    expect(gpi.source).toEqual({
      file: 'corpus/a/source.vi.txt',
      text: 'Thiết bị đánh chặn pha bay',
      span: { start: { line: 7, column: 70, offset: 1003 }, end: { line: 7, column: 96, offset: 1029 } },
    });
    expect(gpi.fix).toEqual({ range: [912, 936], text: 'Glide Phase Interceptor' });
  });

  it('keeps content as it is (JSON escaping only)', () => {
    const doc = JSON.parse(formatCheckJson(report));
    expect(doc.findings.map((f: { actual: string | null }) => f.actual)).toContain('Memo | <b>of</b> *Understandings*');
  });

  it('reports an empty run with zero counts', () => {
    const doc = JSON.parse(formatCheckJson(cleanReport));
    expect(doc.findings).toEqual([]);
    expect(doc.summary).toEqual({ errors: 0, warnings: 0, infos: 0, files: 2, filesWithFindings: 0, suppressed: NONE_SUPPRESSED });
  });
});

describe('formatCheckJson: suppressed findings', () => {
  it('lists them with their suppression and fingerprint, counts them apart from the severities, and names the baseline', () => {
    const doc = JSON.parse(formatCheckJson(suppressedReport));
    expect(doc.summary).toMatchObject({ errors: 2, warnings: 1, suppressed: { total: 2, inline: 1, file: 0, baseline: 1 } });
    expect(doc.baseline).toBe('qa/vitrans-baseline.json');
    const inline = doc.findings.find((f: { actual: string }) => f.actual === 'Vietnam Marine Police');
    expect(inline).toMatchObject({
      fingerprint: '5d1f0e9a3c2b7a64',
      fix: { text: 'Vietnam Coast Guard' },
      suppression: { kind: 'inline', reason: 'the 2012 press release is quoted', file: 'corpus/a/deepl.en.txt', line: 10, column: 1 },
    });
    expect(doc.findings.filter((f: { suppression: unknown }) => f.suppression === null)).toHaveLength(3);
  });
});

describe('summary.files', () => {
  it('counts the translations checked, not the config whose suppressions list has a stale entry', () => {
    const stale: Finding = {
      ruleId: 'unused-suppression',
      severity: 'warning',
      message: 'suppression 1 (doubled-word in news.xlf) matches no finding: remove it',
      file: 'vitrans.config.yaml',
      span: { start: { line: 2, column: 5, offset: 20 }, end: { line: 2, column: 5, offset: 20 } },
    };
    const doc = JSON.parse(formatCheckJson({ files: [{ source: 'news.xlf', translations: ['news.xlf'] }], findings: [stale], summary: [] }));
    expect(doc.summary).toMatchObject({ warnings: 1, files: 1, filesWithFindings: 1 });
  });
});
