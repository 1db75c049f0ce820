import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatCheckSarif } from '../../src/report/check-sarif.js';
import { VERSION } from '../../src/cli/version.js';
import { cleanReport, forbiddenGpi, missingSosa, report, suppressedReport } from './check-fixtures.js';

const sarifOf = (r: Parameters<typeof formatCheckSarif>[0]) => JSON.parse(formatCheckSarif(r, { version: '9.9.9' }));

describe('formatCheckSarif', () => {
  it('writes one SARIF 2.1.0 run with the checks as rules and code-point columns', () => {
    const sarif = sarifOf({ ...report, rules: [{ id: 'term-missing', description: 'A term is not rendered the approved way.' }] });
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    const run = sarif.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'vitrans', version: '9.9.9' });
    expect(run.tool.driver.rules).toEqual([
      { id: 'term-forbidden', shortDescription: { text: 'term-forbidden' } },
      { id: 'term-missing', shortDescription: { text: 'A term is not rendered the approved way.' } },
    ]);
    expect(run.columnKind).toBe('unicodeCodePoints');
    expect(run.results).toHaveLength(report.findings.length);
  });

  it('places a finding at its span, links the source term, and offers its fix', () => {
    const [gpi] = sarifOf({ ...report, findings: [forbiddenGpi] }).runs[0].results;
    expect(gpi).toMatchObject({
      ruleId: 'term-forbidden',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'corpus/a/deepl.en.txt' }, region: { startLine: 7, startColumn: 58, endLine: 7, endColumn: 82 } } }],
      relatedLocations: [{ physicalLocation: { artifactLocation: { uri: 'corpus/a/source.vi.txt' }, region: { startLine: 7, startColumn: 70 } } }],
      fixes: [{ artifactChanges: [{ replacements: [{ deletedRegion: { startLine: 7, startColumn: 58 }, insertedContent: { text: 'Glide Phase Interceptor' } }] }] }],
      properties: { termId: 'glide-phase-interceptor', paragraph: 4, engine: 'deepl', actual: 'flight phase interceptor' },
    });
    expect(gpi.message.text).toContain('expected: Glide Phase Interceptor | GPI');
  });

  it('maps severities, and leaves out what a finding does not have', () => {
    const [sosa] = sarifOf({ ...report, findings: [missingSosa] }).runs[0].results;
    expect(sosa.level).toBe('warning');
    expect(sosa.locations[0].physicalLocation.region).toBeUndefined();
    expect(sosa.fixes).toBeUndefined();
    expect(sosa.relatedLocations).toBeUndefined();
    const note = sarifOf({ ...report, findings: [{ ...missingSosa, severity: 'info' }] }).runs[0].results[0];
    expect(note.level).toBe('note');
  });

  it('writes file names as URI references', () => {
    const [r] = sarifOf({ ...report, findings: [{ ...missingSosa, file: 'bài báo/bản dịch #1.en.txt' }] }).runs[0].results;
    expect(r.locations[0].physicalLocation.artifactLocation.uri).toBe('b%C3%A0i%20b%C3%A1o/b%E1%BA%A3n%20d%E1%BB%8Bch%20%231.en.txt');
  });

  it('writes a file outside the working folder (an absolute path) as a file:// URI, a Windows drive included', () => {
    const uriOf = (file: string): string => sarifOf({ ...report, findings: [{ ...missingSosa, file }] }).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    expect(uriOf('/tmp/bản dịch/tin.en.txt')).toBe('file:///tmp/b%E1%BA%A3n%20d%E1%BB%8Bch/tin.en.txt');
    expect(uriOf('C:\\Users\\bien tap\\tin.en.txt')).toBe('file:///C:/Users/bien%20tap/tin.en.txt');
    expect(uriOf('\\\\srv\\bien tap\\tin.en.txt')).toBe('file://srv/bien%20tap/tin.en.txt');
    expect(new URL(uriOf('/tmp/bản dịch/tin.en.txt')).pathname).toBe('/tmp/b%E1%BA%A3n%20d%E1%BB%8Bch/tin.en.txt');
  });

  it('has no results for a clean report', () => {
    expect(sarifOf(cleanReport).runs[0].results).toEqual([]);
  });

  it('reports the version package.json declares', () => {
    expect(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')).version).toBe(VERSION);
  });
});

describe('formatCheckSarif: suppressions and baselines', () => {
  const results = JSON.parse(formatCheckSarif(suppressedReport, { version: VERSION })).runs[0].results as Record<string, unknown>[];
  const byActual = (actual: string) => results.find((r) => (r.properties as { actual?: string }).actual === actual)!;

  it('keeps suppressed findings as results with SARIF suppressions: inline is inSource, a baseline external', () => {
    expect(results).toHaveLength(5);
    expect(byActual('Vietnam Marine Police').suppressions).toEqual([
      {
        kind: 'inSource',
        status: 'accepted',
        justification: 'the 2012 press release is quoted',
        location: { physicalLocation: { artifactLocation: { uri: 'corpus/a/deepl.en.txt' }, region: { startLine: 10, startColumn: 1 } } },
      },
    ]);
    const baselined = results.filter((r) => (r.suppressions as { kind: string }[] | undefined)?.[0]?.kind === 'external');
    expect(baselined).toHaveLength(1);
    expect(results.filter((r) => !r.suppressions)).toHaveLength(3);
  });

  it('says against the baseline which results are new and which were recorded', () => {
    expect(results.map((r) => r.baselineState).sort()).toEqual(['new', 'new', 'new', 'new', 'unchanged']);
    expect(JSON.parse(formatCheckSarif(report, { version: VERSION })).runs[0].results.some((r: { baselineState?: string }) => r.baselineState)).toBe(false);
  });

  it('gives results with a fingerprint their partialFingerprints', () => {
    expect(byActual('Vietnam Marine Police').partialFingerprints).toEqual({ 'vitrans/v1': '5d1f0e9a3c2b7a64' });
  });
});
