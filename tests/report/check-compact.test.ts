import { describe, expect, it } from 'vitest';
import { FindingTally, formatCheckCompact, formatFindingList } from '../../src/report/check-compact.js';
import type { Finding } from '../../src/core/types.js';
import { cleanReport, forbiddenGpi, forbiddenMou, missingSosa, report, suppressedBaseline, suppressedInline, suppressedReport } from './check-fixtures.js';

describe('formatCheckCompact', () => {
  it('prints one `file:line:col: severity rule-id message` line per finding, by file and position, then a summary', () => {
    expect(formatCheckCompact(report).split('\n')).toEqual([
      'corpus/a/deepl.en.txt:7:58: error term-forbidden "Thiết bị đánh chặn pha bay" should be rendered "Glide Phase Interceptor"',
      'corpus/a/deepl.en.txt: warning term-missing "Thoả thuận An ninh Cung ứng" is not rendered "Security of Supply Arrangement"',
      `corpus/a/google.en.txt:5:101: error term-forbidden ${report.findings[0]!.message}`,
      '',
      '2 errors, 1 warning in 2 files',
      '',
    ]);
  });

  it('is what an errorformat reads: every finding line matches %f:%l:%c: %t%*[a-z] %m', () => {
    const lines = formatCheckCompact(report).split('\n').filter((l) => /:\d+:\d+: /.test(l));
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l).toMatch(/^[^:]+:\d+:\d+: (error|warning|info) [a-z-]+ \S/);
  });

  it('lists suppressed findings after the others, saying how and why, and counts them', () => {
    const lines = formatCheckCompact(suppressedReport).trimEnd().split('\n');
    expect(lines.slice(3, 5)).toEqual([
      `corpus/a/deepl.en.txt:11:5: suppressed term-forbidden "Vietnam Marine Police" is a forbidden rendering of "Cảnh sát biển Việt Nam": use "Vietnam Coast Guard" (inline at corpus/a/deepl.en.txt:10:1: the 2012 press release is quoted)`,
      `corpus/a/google.en.txt:3:10: suppressed term-forbidden ${report.findings[0]!.message} (by the baseline qa/vitrans-baseline.json:6:81)`,
    ]);
    expect(lines.at(-1)).toBe('2 errors, 1 warning in 2 files; 2 suppressed: 1 inline, 1 by the baseline');
  });

  it('keeps a message with line breaks on one line', () => {
    const out = formatCheckCompact({ ...cleanReport, findings: [{ ...forbiddenGpi, message: 'first line\r\n  second line' }] });
    expect(out.split('\n')[0]).toBe('corpus/a/deepl.en.txt:7:58: error term-forbidden first line second line');
  });

  it('says so when nothing was found', () => {
    expect(formatCheckCompact(cleanReport)).toBe('No problems in 2 translations checked.\n');
  });
});

describe('formatFindingList (how translate ends)', () => {
  it('lists findings up to the limit, then the commands that show them all', () => {
    const out = formatFindingList(suppressedReport.findings, { limit: 2, commands: ['vitrans check a.txt out/a.deepl.en.txt'] });
    expect(out.split('\n')).toEqual([
      expect.stringMatching(/^corpus\/a\/deepl\.en\.txt:7:58: error term-forbidden /),
      expect.stringMatching(/^corpus\/a\/deepl\.en\.txt: warning term-missing /),
      // One more that stands, two suppressed.
      '…and 3 more. The full report:',
      '  vitrans check a.txt out/a.deepl.en.txt',
      '',
    ]);
    expect(formatFindingList([], { limit: 10, commands: ['x'] })).toBe('');
  });

  it('lists the suppressed findings after those that stand, marked, with how and why', () => {
    const out = formatFindingList(suppressedReport.findings, { limit: 10, commands: ['vitrans check a.txt out/a.deepl.en.txt'] }).split('\n');
    expect(out.slice(3)).toEqual([
      'corpus/a/deepl.en.txt:11:5: suppressed term-forbidden "Vietnam Marine Police" is a forbidden rendering of "Cảnh sát biển Việt Nam": use "Vietnam Coast Guard" (inline at corpus/a/deepl.en.txt:10:1: the 2012 press release is quoted)',
      expect.stringMatching(/^corpus\/a\/google\.en\.txt:3:10: suppressed term-forbidden .* \(by the baseline qa\/vitrans-baseline\.json:6:81\)$/),
      'The full report:',
      '  vitrans check a.txt out/a.deepl.en.txt',
      '',
    ]);
    // Only suppressed findings: still listed.
    expect(formatFindingList(suppressedReport.findings.filter((f) => f.suppression), { limit: 10, commands: [] }).trimEnd().split('\n')).toEqual(out.slice(3, 5));
  });
});

describe('FindingTally (what translate keeps of its findings)', () => {
  // Three outputs' findings, out of order, many at one line and column (ties keep the order given).
  const outputs = ['out/b.deepl.en.txt', 'out/a.google.en.txt', 'out/a.deepl.en.txt'];
  const kinds = [forbiddenGpi, missingSosa, forbiddenMou, suppressedInline, suppressedBaseline];
  let seed = 7;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const findings: Finding[] = Array.from({ length: 90 }, (_, i) => {
    const kind = kinds[i % kinds.length]!;
    const line = 1 + Math.floor(random() * 6);
    const column = 1 + Math.floor(random() * 3) * 20;
    return {
      ...kind,
      file: outputs[Math.floor(random() * outputs.length)]!,
      paragraph: line,
      message: `${kind.message} (${i + 1})`,
      ...(kind.span ? { span: { start: { line, column, offset: line * 100 + column }, end: { line, column: column + 9, offset: line * 100 + column + 9 } } } : {}),
    };
  });

  it('lists the first findings as the full report orders them (by file, then place, ties as given), whatever the limit', () => {
    const all = formatCheckCompact({ files: [], findings, summary: [] }).split('\n').slice(0, findings.length);
    for (const limit of [1, 4, 10, 36, 89, 90, 200]) {
      const tally = new FindingTally(limit);
      for (const f of findings) tally.add(f);
      const left = findings.length - Math.min(limit, findings.length);
      expect(tally.list(['vitrans check a.vi.txt out/a.deepl.en.txt'])).toBe(
        [...all.slice(0, limit), left > 0 ? `…and ${left} more. The full report:` : 'The full report:', '  vitrans check a.vi.txt out/a.deepl.en.txt', ''].join('\n'),
      );
    }
  });

  it('counts the findings that stand by severity, the suppressed ones, and the files they point into', () => {
    const tally = new FindingTally(10);
    for (const f of findings) tally.add(f);
    const standing = findings.filter((f) => !f.suppression);
    expect(tally.standing).toEqual({ error: standing.filter((f) => f.severity === 'error').length, warning: standing.filter((f) => f.severity === 'warning').length, info: 0 });
    expect(tally.suppressed).toBe(findings.length - standing.length);
    expect([...tally.files].sort()).toEqual([...new Set(findings.map((f) => f.file))].sort());
    expect(new FindingTally(10).list(['x'])).toBe('');
  });
});
