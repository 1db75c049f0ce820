import { describe, it, expect } from 'vitest';
import { formatCheckMarkdown } from '../../src/report/check-markdown.js';
import { cleanReport, report, suppressedReport } from './check-fixtures.js';

/** Splits a Markdown table row into cells the way GFM does: on `|` not escaped by a backslash. */
function cells(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((c) => c.trim());
}

describe('formatCheckMarkdown', () => {
  it('has a headline and a findings table with one row per finding', () => {
    const out = formatCheckMarkdown(report);
    expect(out.split('\n')[0]).toBe('## vitrans check: 2 errors, 1 warning in 2 files');
    const rows = out.split('\n').filter((l) => l.startsWith('| `corpus/'));
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(cells(r)).toHaveLength(8);
    expect(cells(rows[0]!)).toEqual([
      '`corpus/a/deepl.en.txt`',
      '7:58',
      '❌ error',
      '`term-forbidden`',
      '"Thiết bị đánh chặn pha bay" should be rendered "Glide Phase Interceptor"',
      '"Glide Phase Interceptor" (or "GPI")',
      'flight phase interceptor',
      'replace "flight phase interceptor" with "Glide Phase Interceptor"',
    ]);
  });

  it('escapes pipes and markup in content so the table holds', () => {
    const out = formatCheckMarkdown(report);
    const google = out.split('\n').find((l) => l.startsWith('| `corpus/a/google'))!;
    expect(cells(google)).toHaveLength(8);
    expect(google).toContain('Memo \\| \\<b\\>of\\</b\\> \\*Understandings\\*');
    expect(google).not.toContain('<b>');
  });

  it('summarises term renderings across the corpus, approved and not', () => {
    const out = formatCheckMarkdown(report);
    expect(out).toContain('### Term renderings across the corpus');
    const gpi = out.split('\n').find((l) => l.startsWith('| Thiết bị đánh chặn pha bay'))!;
    expect(cells(gpi)).toEqual([
      'Thiết bị đánh chặn pha bay',
      'Glide Phase Interceptor',
      '3',
      '✅ Glide Phase Interceptor ×2, ❌ flight phase interceptor ×1',
    ]);
    const sosa = out.split('\n').find((l) => l.startsWith('| Thoả thuận'))!;
    expect(cells(sosa)).toHaveLength(4);
    expect(sosa).toContain('Security \\| Supply \\<i\\>Arrangement\\</i\\>');
  });

  it('is one clean line when there is nothing to report', () => {
    expect(formatCheckMarkdown(cleanReport)).toBe('✅ **vitrans check**: No problems in 2 translations checked.\n');
  });
});

describe('formatCheckMarkdown on a large corpus', () => {
  it('stays under a pull-request comment, saying how many findings it left out', async () => {
    const { report, forbiddenGpi } = await import('./check-fixtures.js');
    const { formatCheckMarkdown } = await import('../../src/report/check-markdown.js');
    const many = Array.from({ length: 3000 }, (_, i) => ({ ...forbiddenGpi, paragraph: i + 1 }));
    const out = formatCheckMarkdown({ ...report, findings: many });
    expect(out.length).toBeLessThan(65_536);
    const shown = out.split('\n').filter((l) => l.startsWith('| `corpus/')).length;
    expect(shown).toBeGreaterThan(100);
    expect(out).toContain(`…and ${3000 - shown} more findings`);
  });
});

describe('formatCheckMarkdown: suppressed findings', () => {
  it('lists them in a collapsed section with how and why, out of the findings table and the counts', () => {
    const out = formatCheckMarkdown(suppressedReport);
    expect(out).toContain('## vitrans check: 2 errors, 1 warning in 2 files; 2 suppressed: 1 inline, 1 by the baseline');
    const [table, details] = out.split('<details>');
    expect(table!.match(/^\| `corpus/gm)).toHaveLength(3);
    expect(details).toContain('<summary>2 suppressed findings</summary>');
    expect(details).toContain('| `corpus/a/deepl.en.txt` | 11:5 | `term-forbidden` | "Vietnam Marine Police" is a forbidden rendering of "Cảnh sát biển Việt Nam": use "Vietnam Coast Guard" | inline at corpus/a/deepl.en.txt:10:1: the 2012 press release is quoted |');
    expect(details).toContain('by the baseline qa/vitrans-baseline.json:6:81');
  });

  it('shows the section on an otherwise clean run too', () => {
    const out = formatCheckMarkdown({ ...cleanReport, findings: suppressedReport.findings.filter((f) => f.suppression) });
    expect(out.startsWith('✅ **vitrans check**: No problems in 2 translations checked (2 suppressed: 1 inline, 1 by the baseline).')).toBe(true);
    expect(out).toContain('<summary>2 suppressed findings</summary>');
  });
});
