import { describe, it, expect } from 'vitest';
import { formatCompareHtml } from '../../src/report/compare-html.js';
import { formatCompareJson } from '../../src/report/compare-json.js';
import { formatCompareMarkdown } from '../../src/report/compare-markdown.js';
import { formatCompareText } from '../../src/report/compare-text.js';
import { SCRIPT, withReference } from './compare-fixtures.js';
import { IMG, judgeReport, withJudge } from './judge-fixtures.js';

const text = formatCompareText(withJudge, { color: false, width: 200 });
const markdown = formatCompareMarkdown(withJudge);
const html = formatCompareHtml(withJudge);

/** The HTML of one paragraph's column for an engine. */
function cell(page: string, paragraph: number, engine: string): string {
  const article = page.split(`<article class="para" id="p-${paragraph}"`)[1]!.split('</article>')[0]!;
  return article.split(`data-engine="${engine}">`)[1]!.split('</section>')[0]!;
}

describe('the judge fixture', () => {
  it('has overlapping spans, a span not in the text and a refusal, as the reports need', () => {
    const google2 = judgeReport.judgments.google![1]!.spans;
    expect(google2[1]!.start!).toBeLessThan(google2[0]!.end!);
    expect(google2[2]!.location).toBe('not-found');
    expect(judgeReport.judgments.openai![2]!.status).toBe('refused');
    expect(judgeReport.engines.map((m) => [m.engine, m.errors, m.penalty])).toEqual([
      ['deepl', 1, 5],
      ['google', 4, 5 + 10 + 1 + 1],
      ['openai', 1, 1],
    ]);
  });
});

describe('terminal report: MQM tables', () => {
  it('names the judge, its prompt and its limits', () => {
    expect(text).toContain('MQM error spans (judge model)');
    expect(text).toContain(`judge model qwen2.5:14b${IMG} (openai), prompt vitrans-mqm-1, shown the source and the reference; 1 judgment from the cache`);
    expect(text).toContain('weights minor 1, major 5, critical 10; lower is better. The error spans and MQM scores come from a language model acting as judge: it can be wrong.');
  });

  it('has a summary row and a category × severity table per engine', () => {
    expect(text).toMatch(/^engine {2}MQM ↓ per 1,000 words {2}errors {2}minor {2}major {2}critical {2}not located {2}also glossary {2}not judged$/m);
    expect(text).toMatch(/^google +\d+\.\d +4 +2 +1 +1 +1 +0 +0$/m);
    expect(text).toMatch(/^openai +\d+\.\d +1 +1 +0 +0 +0 +0 +1$/m);
    const google = text.slice(text.indexOf('google: 4 errors'), text.indexOf('openai: 1 error'));
    expect(google.split('\n').slice(1, 7)).toEqual([
      '  category               minor  major  critical  total',
      '  accuracy/addition          0      0         1      1',
      '  accuracy/untranslated      0      1         0      1',
      '  fluency/punctuation        1      0         0      1',
      '  other                      1      0         0      1',
      '  total                      2      1         1      4',
    ]);
    expect(text).toMatch(/^deepl: 1 error in 3 judged paragraphs$/m);
  });

  it('lists the spans under the paragraphs it shows, saying which were not found', () => {
    expect(text).toContain(`MQM critical accuracy/addition “${SCRIPT} the two countries”: markup ${IMG} added to the text`);
    expect(text).toContain(`MQM minor other: Cultural ${IMG} “Security of Supply Arrangement” (not found in the text)`);
    expect(text).toContain(`not judged (the judge refused): I cannot help with that ${IMG}.`);
  });

  it('says nothing of MQM without a judge', () => {
    expect(formatCompareText(withReference, { color: false, width: 200 })).not.toContain('MQM');
  });
});

describe('Markdown report: MQM tables', () => {
  it('has the judge note, the summary and one table per engine, escaped', () => {
    expect(markdown).toContain('### MQM error spans (judge model)');
    expect(markdown).toContain('| Engine | MQM ↓ per 1,000 words | Errors | Minor | Major | Critical | Not located | Also glossary | Not judged |');
    expect(markdown).toContain('#### MQM errors: google');
    expect(markdown).toContain('| accuracy/addition | 0 | 0 | 1 | 1 |');
    expect(markdown).toContain('| total | 2 | 1 | 1 | 4 |');
    expect(markdown).not.toContain(IMG);
    expect(markdown).not.toContain(SCRIPT);
    expect(markdown).toContain('qwen2.5:14b\\<img');
  });
});

describe('HTML report: spans highlighted by severity', () => {
  it('marks each located span in its engine\'s column with its severity, overlaps drawn apart', () => {
    const google2 = cell(html, 2, 'google');
    expect(google2).toContain('<mark class="mqm critical" title="critical accuracy/addition: markup &lt;img');
    expect(google2).toMatch(/<mark class="mqm critical overlap" title="critical accuracy\/addition[^"]*\nminor fluency\/punctuation: tags in running text">/);
    expect(google2).toContain('<mark class="mqm minor" title="minor fluency/punctuation: tags in running text">');
    expect(cell(html, 1, 'google')).toMatch(/<mark class="mqm major[^"]*" title="[^"]*major accuracy\/untranslated: the month is a placeholder">XNUMX<\/mark>/);
  });

  it('lists every span under its column, the unlocated one without a mark', () => {
    const google2 = cell(html, 2, 'google');
    expect(google2).toContain('<li class="mqm-minor" data-category="other"><span class="sev minor">minor</span> other: Cultural &lt;img src=x onerror=&quot;alert(3)&quot;&gt;: <q>Security of Supply Arrangement</q> <small class="not-located">not found in the text</small></li>');
    expect(google2).not.toMatch(/<mark[^>]*>Security of Supply Arrangement/);
    expect(cell(html, 3, 'openai')).toContain('<p class="note mqm-unjudged">not judged (the judge refused): I cannot help with that &lt;img');
  });

  it('adds MQM columns to the summary table and a section with the tables and the judge note', () => {
    expect(html).toContain('<th scope="col" data-metric="mqm">MQM ↓ per 1,000 words</th><th scope="col">MQM errors <small>(minor/major/critical)</small></th>');
    expect(html).toMatch(/<td class="num" data-metric="mqm">\d+\.\d<\/td><td class="num">4 <small>\(2\/1\/1\)<\/small><\/td>/);
    expect(html).toContain('<section id="mqm"><h2>MQM error spans (judge model)</h2>');
    expect(html).toContain('<p class="note judge-note">MQM error spans by judge model qwen2.5:14b&lt;img');
    expect(html).toContain('<p class="legend">');
    expect(html).toContain('<mark class="mqm critical">critical</mark>');
  });

  it('lets nothing the judge wrote become markup', () => {
    expect(html).not.toContain(IMG);
    expect(html).not.toContain(SCRIPT);
  });
});

describe('JSON report', () => {
  it('carries the whole judge report, and null without one', () => {
    const doc = JSON.parse(formatCompareJson(withJudge)) as { judge: typeof judgeReport };
    expect(doc.judge).toEqual(judgeReport);
    expect((JSON.parse(formatCompareJson(withReference)) as { judge: unknown }).judge).toBeNull();
  });
});
