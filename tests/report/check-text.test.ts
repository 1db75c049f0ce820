import { describe, it, expect } from 'vitest';
import { formatCheckText } from '../../src/report/check-text.js';
import { stripAnsi } from '../../src/report/escape.js';
import type { CheckReport } from '../../src/report/types.js';
import { cleanReport, forbiddenGpi, NFD_MINISTRY, report, suppressedReport } from './check-fixtures.js';

const ESC = '\x1b[';

describe('formatCheckText', () => {
  it('groups findings by file in the order files were checked, sorted by position', () => {
    const out = formatCheckText(report, { color: false, width: 200 });
    const lines = out.split('\n');
    const deepl = lines.indexOf('corpus/a/deepl.en.txt');
    const google = lines.indexOf('corpus/a/google.en.txt');
    expect(deepl).toBeGreaterThanOrEqual(0);
    expect(google).toBeGreaterThan(deepl);
    // Within deepl: the finding with a span (7:58) comes before the one with only a paragraph.
    const gpi = lines.findIndex((l) => l.includes('7:58'));
    const sosa = lines.findIndex((l) => l.includes('¶3'));
    expect(gpi).toBeGreaterThan(deepl);
    expect(sosa).toBeGreaterThan(gpi);
    expect(sosa).toBeLessThan(google);
  });

  it('prints line:col, severity, message and rule id aligned on one row', () => {
    const out = formatCheckText(report, { color: false, width: 200 });
    const row = out.split('\n').find((l) => l.includes('7:58'))!;
    expect(row).toMatch(/^ {2}7:58 {2}error {4}"Thiết bị đánh chặn pha bay" should be rendered "Glide Phase Interceptor" {2}term-forbidden$/);
    const sosaRow = out.split('\n').find((l) => l.includes('¶3'))!;
    // Place column padded to the widest place in the group ("7:58"), severity to "warning".
    expect(sosaRow.indexOf('warning')).toBe(row.indexOf('error'));
  });

  it('shows the expected rendering and the fix beneath the finding', () => {
    const out = formatCheckText(report, { color: false, width: 200 });
    expect(out).toContain(
      'expected "Glide Phase Interceptor" (or "GPI"); fix: replace "flight phase interceptor" with "Glide Phase Interceptor"',
    );
    // Without a fix, what was found is shown instead.
    expect(out).toContain('found "Memo | <b>of</b> *Understandings*"');
    expect(out).toContain(`of the ${NFD_MINISTRY} should be`);
  });

  it('puts the note on its own line beneath the details', () => {
    const lines = formatCheckText(report, { color: false, width: 200 }).split('\n');
    const at = lines.findIndex((l) => l.includes('¶3'));
    expect(lines[at + 1]).toMatch(/^ {17}expected "Security of Supply Arrangement" \(or "SOSA"\)$/);
    expect(lines[at + 2]).toBe(' '.repeat(17) + 'The year "XNUMX" placeholder in the source is a scraping artifact.');
  });

  it('ends with a summary line counting errors, warnings and files', () => {
    const out = formatCheckText(report, { color: false, width: 200 });
    expect(out).toContain('✖ 2 errors, 1 warning in 2 files\n');
    expect(out).toContain('1 of them fixable with --fix');
  });

  it('wraps long messages to the width with a hanging indent, rule id on the last line', () => {
    const out = formatCheckText(report, { color: false, width: 60 });
    const lines = out.split('\n');
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(60);
    const start = lines.findIndex((l) => l.includes('7:58'));
    expect(lines[start]).not.toContain('term-forbidden');
    expect(lines[start + 1]).toMatch(/^ {17}\S/);
    expect(lines.slice(start, start + 4).some((l) => l.endsWith('term-forbidden'))).toBe(true);
  });

  it('summarises the term renderings, listing the terms not rendered one approved way', () => {
    const out = formatCheckText(report, { color: false, width: 120 });
    expect(out).toMatch(/^Glossary terms: 2 terms, 6 occurrences checked in 3 translations; 2 terms not rendered one approved way$/m);
    expect(out).toContain('  Thiết bị đánh chặn pha bay → Glide Phase Interceptor\n    Glide Phase Interceptor ×2, flight phase interceptor ×1\n');
    const consistent = [{ ...report.summary[0]!, renderings: [{ text: 'Glide Phase Interceptor', count: 3, approved: true }] }];
    const clean = formatCheckText({ ...report, findings: [], summary: consistent }, { color: false });
    expect(clean).toMatch(/each rendered one approved way\n\n✔ No problems in 3 translations checked\.\n$/);
  });

  it('counts NFD tone marks as zero-width when aligning', () => {
    const nfd: CheckReport = {
      files: [{ source: 's.vi.txt', translations: ['t.en.txt'] }],
      findings: [
        { ...forbiddenGpi, file: 't.en.txt', message: 'Thuỷ'.normalize('NFD') + ' x'.repeat(30) },
      ],
      summary: [],
    };
    const out = formatCheckText(nfd, { color: false, width: 50 });
    // Every line fits when measured in what the terminal shows.
    for (const l of out.split('\n')) expect([...l.normalize('NFC')].length).toBeLessThanOrEqual(50);
  });

  it('colours only when asked', () => {
    expect(formatCheckText(report, { color: false })).not.toContain(ESC);
    const coloured = formatCheckText(report, { color: true, width: 200 });
    expect(coloured).toContain(`${ESC}31merror`);
    expect(coloured).toContain(`${ESC}33mwarning`);
    expect(stripAnsi(coloured)).toBe(formatCheckText(report, { color: false, width: 200 }));
  });

  it('says so in one line when there are no findings', () => {
    expect(formatCheckText(cleanReport, { color: false })).toBe('✔ No problems in 2 translations checked.\n');
    const empty: CheckReport = { files: [], findings: [], summary: [] };
    expect(formatCheckText(empty, { color: false })).toBe('✔ No problems in 0 translations checked.\n');
  });
});

describe('formatCheckText: suppressed findings and width', () => {
  it('lists suppressed findings apart, with how and why, and counts them in the summary', () => {
    const out = formatCheckText(suppressedReport, { color: false, width: 200 });
    const lines = out.split('\n');
    const at = lines.indexOf('Suppressed: 2 findings');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 7)).toEqual([
      'corpus/a/deepl.en.txt',
      '  11:5  "Vietnam Marine Police" is a forbidden rendering of "Cảnh sát biển Việt Nam": use "Vietnam Coast Guard"  term-forbidden',
      '        inline at corpus/a/deepl.en.txt:10:1: the 2012 press release is quoted',
      'corpus/a/google.en.txt',
      expect.stringMatching(/^ {2}3:10 {2}"Biên bản ghi nhớ" of the .* {2}term-forbidden$/),
      '        by the baseline qa/vitrans-baseline.json:6:81',
    ]);
    expect(out).toContain('✖ 2 errors, 1 warning in 2 files; 2 suppressed: 1 inline, 1 by the baseline\n');
    // The suppressed fix is no fix to offer.
    expect(out).toContain('1 of them fixable with --fix');
  });

  it('does not wrap at all without a width (piped output), however long the lines', () => {
    const long = { ...forbiddenGpi, message: `${forbiddenGpi.message}; ${'the programme was renamed twice '.repeat(8)}`.trim() };
    const out = formatCheckText({ ...cleanReport, findings: [long] }, { color: false });
    const row = out.split('\n').find((l) => l.includes('7:58'))!;
    expect(row.length).toBeGreaterThan(300);
    expect(row.endsWith('term-forbidden')).toBe(true);
    for (const width of [80, 132]) {
      for (const l of formatCheckText({ ...cleanReport, findings: [long] }, { color: false, width }).split('\n')) expect([...l].length).toBeLessThanOrEqual(width);
    }
  });
});
