import { createHash } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import type { Comparison } from '../../src/compare/types.js';
import { formatCompareHtml, HTML_CSP } from '../../src/report/compare-html.js';
import { SCRIPT, SIGNATURES, SOURCE_P3, withReference, withoutReference } from './compare-fixtures.js';

const html = formatCompareHtml(withReference);

/** The text of the one element `tag` in the page. */
function inner(page: string, tag: string): string {
  const all = [...page.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))];
  expect(all).toHaveLength(1);
  return all[0]![1]!;
}

/** The HTML of one paragraph's column for an engine. */
function cell(page: string, paragraph: number, engine: string): string {
  const article = page.split(`<article class="para" id="p-${paragraph}"`)[1]!.split('</article>')[0]!;
  return article.split(`data-engine="${engine}">`)[1]!.split('</section>')[0]!;
}

describe('formatCompareHtml: one self-contained, locked-down page', () => {
  it('loads nothing: no src, no external href, no url(), no @import', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).not.toMatch(/url\(|@import/i);
    for (const m of html.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^#p-\d+$/);
    // The SVG namespace is a name, not a load; nothing else names a URL.
    expect(html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:\/\//);
  });

  it('has a CSP that forbids loads and admits only its own style and script, by hash', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!.replaceAll('&#39;', "'");
    expect(meta).toBe(HTML_CSP);
    expect(meta).toContain("default-src 'none'");
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    expect(meta).toContain(`style-src ${hash(inner(html, 'style'))}`);
    expect(meta).toContain(`script-src ${hash(inner(html, 'script'))}`);
    expect(meta).not.toContain('unsafe-inline');
  });

  it('escapes engine output: <script> and <b> show as text', () => {
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('<b>');
    expect(cell(html, 2, 'google')).toContain('<ins>&lt;script&gt;alert(1)&lt;/script&gt; </ins>');
    expect(cell(html, 2, 'google')).toContain('<ins>&lt;b&gt;joint development&lt;/b&gt;</ins>');
  });

  it('escapes file names, engine names and glossary text everywhere they appear', () => {
    const evil = '"><img src=x onerror=alert(1)>';
    const c: Comparison = {
      ...withoutReference,
      sourceFile: `bai${evil}.txt`,
      engines: ['deepl', `g${evil}`],
      pivot: { ...withoutReference.pivot, reason: `because ${evil}` },
      paragraphs: withoutReference.paragraphs.map((p) => ({
        ...p,
        outputs: { deepl: p.outputs.deepl!, [`g${evil}`]: `${SCRIPT} x` },
        diffs: { [`g${evil}`]: [{ op: 'insert', text: `${SCRIPT} x` }] },
      })),
      agreement: { ...withoutReference.agreement, engines: ['deepl', `g${evil}`], meanAgreement: { deepl: 80, [`g${evil}`]: 80 } },
      glossary: {
        [`g${evil}`]: {
          expected: 1,
          approved: 0,
          accuracy: 0,
          findings: [{ ruleId: 'term-missing', severity: 'error', file: 'g.en.txt', paragraph: 1, message: `missing ${evil}`, actual: 'x' }],
          suppressed: 0,
        },
      },
    };
    const page = formatCompareHtml(c);
    expect(page).not.toContain('<img');
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain(`data-engine="g&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"`);
  });

  it("heads each engine's column with its paragraph chrF, chrF++, BLEU and TER", () => {
    expect(html).toContain('<section class="col engine" data-engine="google"><h4>google <small>chrF 61.9, chrF++ 60.4, BLEU 38.2, TER 44.4</small></h4>');
    expect(formatCompareHtml(withoutReference)).not.toContain('chrF++ ');
  });

  it('shows word diffs against the pivot as <del>/<ins>', () => {
    expect(cell(html, 3, 'deepl')).toContain('US <del>Secretary of Defense</del><ins>Defense Secretary</ins> Lloyd Austin');
    expect(cell(html, 1, 'openai')).toContain('Prime Minister <ins>Fumio </ins>Kishida<del> Fumio</del>.');
    // The pivot's text is in the reference column, plain.
    expect(html).toContain('<h4>Reference <small>(pivot)</small></h4><p>US Secretary of Defense Lloyd Austin');
  });

  it('marks the changed characters of a one-word substitution', () => {
    const c: Comparison = {
      ...withoutReference,
      paragraphs: [{
        ...withoutReference.paragraphs[0]!,
        outputs: { deepl: 'the Glide Phase Interceptor', google: 'the Glide Phase Interceptors' },
        diffs: { google: [
          { op: 'equal', text: 'the Glide Phase ' },
          { op: 'delete', text: 'Interceptor', chars: [{ op: 'equal', text: 'Interceptor' }] },
          { op: 'insert', text: 'Interceptors', chars: [{ op: 'equal', text: 'Interceptor' }, { op: 'insert', text: 's' }] },
        ] },
      }],
    };
    expect(formatCompareHtml(c)).toContain('the Glide Phase <del>Interceptor</del><ins>Interceptor<span class="ch">s</span></ins>');
  });

  it('highlights glossary findings in the engine output and the Vietnamese source', () => {
    expect(cell(html, 2, 'deepl')).toContain(
      '<ins><mark class="term" title="&quot;Thiết bị đánh chặn pha bay&quot; should be rendered &quot;Glide Phase Interceptor&quot;">flight phase interceptor</mark></ins>',
    );
    expect(cell(html, 2, 'deepl')).toContain('<ul class="findings"><li class="error">');
    expect(html).toContain('<span><mark class="term">term</mark> glossary finding</span></p>');
    expect(cell(html, 3, 'google')).toContain('>Supply Security Agreement</mark></ins>');
    const nfdTerm = 'Thoả thuận An ninh Cung ứng'.normalize('NFD');
    expect(html).toContain(`">${nfdTerm}</mark>`);
    expect(html).toContain(SOURCE_P3.slice(0, 20));
  });

  it('lists paragraphs in document order, carrying their disagreement for the sort control', () => {
    const ids = [...html.matchAll(/<article class="para" id="p-(\d+)" data-index="\d+" data-disagreement="([\d.]*)"/g)].map((m) => [m[1], m[2]]);
    expect(ids).toEqual([['1', '12.5'], ['2', '30.2'], ['3', '41.7']]);
    expect(html).toContain('<div class="controls" id="sort-controls" hidden>');
    expect(html).toMatch(/Look here first \(most disagreement\): <a href="#p-3">¶3<\/a> \(41\.7\), <a href="#p-2">¶2<\/a>/);
  });

  it('has the score table with intervals, TER, glossary accuracy and significance in words', () => {
    const row = (engine: string) => new RegExp(`<tr><th scope="row">${engine}</th>(.*?)</tr>`).exec(html)![1]!;
    const cells = (engine: string) => [...row(engine).matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);
    expect(cells('openai')).toEqual(['72.5 ± 1.8', '71.0', '60.3', '30.8 ± 2.4', '100% (3/3)', '+1.2, p = 0.38: not significant']);
    expect(cells('google')).toEqual(['55.4 ± 3.0', '53.1', '40.7', '51.9 ± 2.4', '67% (2/3)', '−15.9, p = 0.001: significantly worse']);
    expect(html).toContain('<td class="sig-yes">−15.9, p = 0.001: significantly worse</td>');
    expect(html).toMatch(/<th scope="col" data-metric="ter">TER ↓ <small>\(95% CI\)<\/small><\/th>/);
  });

  it('marks the best score of each metric, the lowest TER, every engine of a tie', () => {
    const best = [...html.matchAll(/<td class="num best" data-metric="(\w+)" title="best">/g)].map((m) => m[1]);
    // openai is best on chrF, chrF++ and BLEU; deepl and openai tie on TER.
    expect(best.sort()).toEqual(['bleu', 'chrf', 'chrfPlusPlus', 'ter', 'ter']);
    expect(html).toMatch(/<tr><th scope="row">google<\/th>(?:(?!<\/tr>).)*<\/tr>/);
    expect(/<tr><th scope="row">google<\/th>(.*?)<\/tr>/.exec(html)![1]).not.toContain('best');
    expect(html).toContain('Best: chrF2 openai; chrF2++ openai; BLEU openai; TER ↓ deepl and openai (tie).');
  });

  it('tests every metric against the baseline in a table, a higher TER being the worse one', () => {
    expect(html).toContain('<details class="significance"><summary>Against deepl on every metric (paired bootstrap)</summary>');
    expect(html).toContain('<tr><th scope="row">google</th><td>−15.9, p = 0.001: significantly worse</td><td>n/a</td><td>n/a</td><td>+21.1, p = 0.001: significantly worse</td></tr>');
  });

  it('lists every metric signature in the footer, TER included', () => {
    expect(html).toContain(`<dt>TER</dt><dd><code>${SIGNATURES.ter}</code></dd>`);
  });

  it('draws chrF per engine with interval whiskers, or agreement without a reference', () => {
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)![0];
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(3);
    // google: 52.4..58.4 on a 400px scale starting at x=110.
    expect(svg).toContain(`M${(110 + 4 * 52.4).toFixed(1)} `);
    expect(svg).toContain(`H${(110 + 4 * 58.4).toFixed(1)}`);
    const plain = formatCompareHtml(withoutReference);
    expect(plain).toContain('Mean agreement (chrF2) of each engine with the others');
    expect(/<svg[\s\S]*?<\/svg>/.exec(plain)![0]).not.toContain('<path');
    expect(plain).toContain('<td class="num">n/a</td>');
  });
});

describe('every comparison format with a single engine', () => {
  it('renders without diffs, legend, chart or "look here first" list', async () => {
    const { formatCompareText } = await import('../../src/report/compare-text.js');
    const { formatCompareMarkdown } = await import('../../src/report/compare-markdown.js');
    const { formatCompareJson } = await import('../../src/report/compare-json.js');
    const one: Comparison = {
      ...withoutReference,
      engines: ['deepl'],
      pivot: { kind: 'engine', name: 'deepl', reason: 'Only one engine.' },
      paragraphs: withoutReference.paragraphs.map((p) => ({ ...p, outputs: { deepl: p.outputs.deepl! }, diffs: {}, disagreement: null })),
      // As compareTranslations gives it: 100 with no one to agree with.
      agreement: { engines: ['deepl'], chrf: [[100]], meanAgreement: { deepl: 100 } },
      disagreements: [],
      outlier: { engine: null, clear: false, note: 'With one engine there is no outlier.' },
    };
    const page = formatCompareHtml(one);
    expect(page).not.toContain('Look here first');
    expect(page).not.toContain('<ins>');
    expect(page).not.toContain('<svg');
    expect(page).not.toContain('class="legend"');
    expect(page).toContain('data-disagreement=""');
    expect(page).not.toContain('Pairwise agreement');
    expect(formatCompareText(one, { color: false })).toContain('Only one engine: nothing to compare paragraph by paragraph.');
    expect(formatCompareMarkdown(one)).not.toContain('### Where the engines disagree most');
    expect(JSON.parse(formatCompareJson(one)).paragraphs[0].disagreement).toBeNull();
    // No others to agree with: no "100.0" agreement in any human format.
    expect(page).toContain('<tr><th scope="row">deepl</th><td class="num">n/a (one engine)</td>');
    expect(formatCompareMarkdown(one)).toContain('| deepl | n/a (one engine) | n/a |');
    expect(formatCompareText(one, { color: false })).toMatch(/^deepl +n\/a \(one engine\) +n\/a$/m);
    for (const out of [page, formatCompareMarkdown(one), formatCompareText(one, { color: false })]) expect(out).not.toContain('100.0');
  });
});

describe('formatCompareHtml: the analyses', () => {
  const html = formatCompareHtml(withReference);
  const section = /<section id="analyses">[\s\S]*?<\/section>/.exec(html)![0];
  const a = withReference.analyses!;

  it('draws word accuracy by frequency and chrF by paragraph length as bar charts, one bar per engine and bucket', () => {
    const svgs = section.match(/<svg[\s\S]*?<\/svg>/g)!;
    expect(svgs).toHaveLength(2);
    const rated = a.wordAccuracy.filter((b) => b.max !== 0);
    expect(svgs[0]!.match(/<rect class="bar"/g)).toHaveLength(rated.length * 3);
    expect(svgs[1]!.match(/<rect class="bar"/g)).toHaveLength(a.lengthBuckets.length * 3);
    // Each bar says what it is when hovered.
    const g = rated[0]!;
    expect(svgs[0]).toContain(`<title>google, ${g.label}: ${g.byEngine.google!.f!.toFixed(2)}</title>`);
  });

  it('tabulates the same numbers', () => {
    const f = (x: number | null) => (x === null ? '–' : x.toFixed(2));
    const one = a.wordAccuracy.find((b) => b.label === '1')!;
    expect(section).toContain(`<tr><th scope="row">1</th><td class="num">${one.byEngine.deepl!.ref}</td><td class="num">${f(one.byEngine.deepl!.f)}</td><td class="num">${f(one.byEngine.google!.f)}</td><td class="num">${f(one.byEngine.openai!.f)}</td></tr>`);
    expect(section).toContain('<tr><th scope="row">Glide Phase Interceptor</th><td class="num">1</td><td class="num">0</td><td class="num">1</td><td class="num">1</td></tr>');
    const b = a.lengthBuckets[0]!;
    expect(section).toContain(`${b.scores.google!.chrf.toFixed(1)} / ${b.scores.google!.ter.toFixed(1)}`);
  });

  it('lists the n-grams each engine gets right and links the paragraphs where two engines differ', () => {
    expect(section).toContain('<li data-engine="openai"><strong>openai:</strong> <q>');
    expect(section).toMatch(/<li><strong>deepl vs google, TER ↓:<\/strong> <a href="#p-3">¶3<\/a>/);
  });

  it('escapes everything that comes from engines, the glossary and file names', () => {
    const evil: Comparison = {
      ...withReference,
      engines: ['deepl', '<i>google</i>', 'openai'],
      analyses: {
        ...a,
        terms: { ...a.terms!, terms: [{ ...a.terms!.terms[0]!, label: `GPI ${SCRIPT}` }] },
        ngrams: { ...a.ngrams, openai: [{ ngram: '<b>co-development</b>', n: 1, matched: 2, othersMatched: 0, score: 0.75 }] },
      },
    };
    const out = /<section id="analyses">[\s\S]*?<\/section>/.exec(formatCompareHtml(evil))![0];
    expect(out).not.toMatch(/<script>|<b>|<i>/);
    expect(out).toContain('GPI &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('<q>&lt;b&gt;co-development&lt;/b&gt;</q>');
    expect(out).toContain('&lt;i&gt;google&lt;/i&gt;');
  });

  it('uses no inline style attribute, which the page\'s Content-Security-Policy would block', () => {
    expect(html).not.toMatch(/ style="/);
  });

  it('is left out without analyses', () => {
    expect(formatCompareHtml({ ...withReference, analyses: null })).not.toContain('id="analyses"');
    expect(formatCompareHtml(withoutReference)).not.toContain('id="analyses"');
  });
});
