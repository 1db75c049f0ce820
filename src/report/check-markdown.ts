/**
 * The Markdown check report, for a pull request or an issue: a headline, a table of findings and
 * the corpus-wide table of how each glossary term was rendered.
 */
import {
  activeFindings, countFindings, describeExpected, describeFix, describeSuppression, findingPlace, groupByFile, plural, summaryLine, suppressedFindings,
} from './check-common.js';
import { escapeMarkdown as md } from './escape.js';
import type { CheckReport, TermSummary } from './types.js';

const SEVERITY_MARK: Record<string, string> = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ note' };

/**
 * Formats a check report as GitHub-flavoured Markdown. All content is escaped: a `|` in a
 * translation cannot break the table and `<b>` shows as text.
 * @example formatCheckMarkdown({ files: [], findings: [], summary: [] }) === '✅ **vitrans check**: No problems in 0 translations checked.\n'
 */
export function formatCheckMarkdown(report: CheckReport): string {
  const counts = countFindings(report);
  const out: string[] = [];
  const active = activeFindings(report);
  if (active.length === 0) {
    out.push(`✅ **vitrans check**: ${summaryLine(counts)}`);
  } else {
    out.push(`## vitrans check: ${summaryLine(counts)}`, '');
    out.push('| File | Place | Severity | Rule | Message | Expected | Found | Fix |');
    out.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
    let size = out.join('\n').length;
    let shown = 0;
    findings: for (const group of groupByFile(report)) {
      for (const f of group.findings) {
        const cells = [
          `\`${codeSpan(group.file)}\``,
          md(findingPlace(f)),
          SEVERITY_MARK[f.severity] ?? f.severity,
          `\`${codeSpan(f.ruleId)}\``,
          md(f.message),
          md(describeExpected(f) ?? ''),
          md(f.actual ?? ''),
          md(describeFix(f) ?? ''),
        ];
        const row = `| ${cells.join(' | ')} |`;
        // A pull-request comment holds 65,536 characters: keep the report under that.
        if (size + row.length + 1 > FINDINGS_BUDGET) break findings;
        out.push(row);
        size += row.length + 1;
        shown++;
      }
    }
    const left = active.length - shown;
    if (left > 0) out.push('', `…and ${left} more finding${left === 1 ? '' : 's'}: see \`vitrans check --format json\` for all of them.`);
  }
  for (const row of suppressedTable(report)) out.push(row);
  if (report.summary.length > 0) {
    out.push('');
    for (const row of termTable(report.summary)) out.push(row);
  }
  return out.join('\n') + '\n';
}

/** The suppressed findings in a collapsed section, with how and why each was suppressed (kept within its own budget). */
function suppressedTable(report: CheckReport): string[] {
  const suppressed = suppressedFindings(report);
  if (suppressed.length === 0) return [];
  const out = ['', '<details>', `<summary>${plural(suppressed.length, 'suppressed finding')}</summary>`, ''];
  out.push('| File | Place | Rule | Message | Suppressed |', '| --- | --- | --- | --- | --- |');
  let size = 0;
  let shown = 0;
  rows: for (const group of groupByFile(report, suppressed)) {
    for (const f of group.findings) {
      const row = `| \`${codeSpan(group.file)}\` | ${md(findingPlace(f))} | \`${codeSpan(f.ruleId)}\` | ${md(f.message)} | ${md(describeSuppression(f))} |`;
      if (size + row.length + 1 > SUPPRESSED_BUDGET) break rows;
      out.push(row);
      size += row.length + 1;
      shown++;
    }
  }
  if (shown < suppressed.length) out.push('', `…and ${suppressed.length - shown} more: see \`vitrans check --format json\`.`);
  out.push('', '</details>');
  return out;
}

/** Characters the suppressed table may take (the findings table has its own budget). */
const SUPPRESSED_BUDGET = 8_000;

/** Characters the findings table may take, leaving room for the term table in one PR comment. */
const FINDINGS_BUDGET = 50_000;

function termTable(summary: TermSummary[]): string[] {
  const rows = [
    '### Term renderings across the corpus',
    '',
    '| Term (vi) | Glossary (en) | Occurrences (all translations) | Renderings |',
    '| --- | --- | ---: | --- |',
  ];
  for (const t of summary) {
    const renderings = t.renderings.map((r) => `${r.approved ? '✅' : '❌'} ${md(r.text)} ×${r.count}`).join(', ');
    rows.push(`| ${md(t.vi)} | ${md(t.en)} | ${t.occurrences} | ${renderings || '—'} |`);
  }
  return rows;
}

/** Text for inside a code span in a table cell: backticks and pipes cannot close it. */
function codeSpan(text: string): string {
  return text.replace(/[`\r\n]/g, ' ').replace(/\|/g, '\\|');
}
