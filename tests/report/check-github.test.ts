import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatCheckGithub } from '../../src/report/check-github.js';
import { cleanReport, forbiddenGpi, report, suppressedReport } from './check-fixtures.js';

describe('formatCheckGithub', () => {
  it('makes each finding that stands an annotation with file, line, columns and the rule as title', () => {
    const lines = formatCheckGithub(report).trimEnd().split('\n');
    expect(lines[0]).toBe(
      '::error file=corpus/a/deepl.en.txt,line=7,col=58,endLine=7,endColumn=82,title=vitrans term-forbidden::"Thiết bị đánh chặn pha bay" should be rendered "Glide Phase Interceptor"',
    );
    // No span: the file only; warnings are warnings; the note on a second (escaped) line.
    expect(lines[1]).toBe(
      '::warning file=corpus/a/deepl.en.txt,title=vitrans term-missing::"Thoả thuận An ninh Cung ứng" is not rendered "Security of Supply Arrangement"%0AThe year "XNUMX" placeholder in the source is a scraping artifact.',
    );
    expect(lines.at(-1)).toBe('vitrans check: 2 errors, 1 warning in 2 files');
  });

  it('turns info into a notice and drops endColumn for a span over several lines', () => {
    const f = { ...forbiddenGpi, severity: 'info' as const, span: { start: { line: 7, column: 58, offset: 912 }, end: { line: 8, column: 3, offset: 940 } } };
    expect(formatCheckGithub({ ...cleanReport, findings: [f] }).split('\n')[0]).toMatch(/^::notice file=corpus\/a\/deepl\.en\.txt,line=7,col=58,endLine=8,title=/);
  });

  it('escapes what would end a command early or open another', () => {
    expect(escapeData('50% of "a"\r\nb')).toBe('50%25 of "a"%0D%0Ab');
    expect(escapeProperty('dir,a: b.en.txt')).toBe('dir%2Ca%3A b.en.txt');
    const hostile = { ...forbiddenGpi, file: 'tin tức, 2024: số 1.en.txt', message: 'line one\n::error::injected' };
    const [line, ...rest] = formatCheckGithub({ ...cleanReport, findings: [hostile] }).trimEnd().split('\n');
    expect(rest).toHaveLength(1);
    expect(line).toBe('::error file=tin tức%2C 2024%3A số 1.en.txt,line=7,col=58,endLine=7,endColumn=82,title=vitrans term-forbidden::line one%0A::error::injected');
  });

  it('lists suppressed findings in a collapsed group, not as annotations', () => {
    const lines = formatCheckGithub(suppressedReport).trimEnd().split('\n');
    const open = lines.indexOf('::group::vitrans: 2 suppressed findings');
    expect(open).toBeGreaterThan(0);
    expect(lines[open + 3]).toBe('::endgroup::');
    expect(lines.slice(open + 1, open + 3).every((l) => l.startsWith('corpus/a/') && l.includes(': suppressed term-forbidden '))).toBe(true);
    expect(lines.filter((l) => l.startsWith('::error') || l.startsWith('::warning'))).toHaveLength(3);
    expect(lines.at(-1)).toBe('vitrans check: 2 errors, 1 warning in 2 files; 2 suppressed: 1 inline, 1 by the baseline');
  });
});
