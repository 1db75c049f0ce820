/**
 * The HTML comparison report: one self-contained page (inline CSS, a few lines of inline JS, an
 * inline SVG chart; no external assets, fonts or CDNs) that works offline and from file:.
 *
 * Paragraphs are shown in document order; a "sort by disagreement" control reorders them with
 * JS. Without JS the page stays whole: the control is hidden and a "look here first" list links
 * to the most-disagreeing paragraphs.
 *
 * Safety: every piece of text from a source, reference, engine, glossary or file name goes
 * through `escapeHtml`. A Content-Security-Policy meta forbids all loads and allows only this
 * page's own style and script (by hash), so even markup that slipped through could not run.
 */
import { createHash } from 'node:crypto';
import type { Analyses, Comparison, DiffOp, ParagraphComparison } from '../compare/types.js';
import type { Finding } from '../core/types.js';
import {
  agreementText,
  analysesNote,
  bestText,
  bootstrapNote,
  byDisagreement,
  fmt,
  fText,
  wordMatchCells,
  glossaryText,
  headline,
  isBest,
  isPivotEngine,
  metricLabel,
  metricName,
  metricsOf,
  referenceCount,
  scoreOf,
  scoreWithInterval,
  sentenceScoresText,
  signatures,
  significanceText,
  topDisagreements,
} from './compare-common.js';
// Content (source, reference, engine texts, messages) shows bidi controls as marks; names and
// attributes write them out: applied, they would reorder what the reader sees.
import { escapeHtmlShowingControls as esc, escapeHtmlText as html } from './escape.js';
import { describeSuppression } from './check-common.js';
import type { MqmSpan } from '../judge/types.js';
import {
  categoryLabel,
  isMergedFinding,
  judgeNote,
  judgmentOf,
  mqmBest,
  mqmCategoryRows,
  mqmHeading,
  MQM_CATEGORY_HEADER,
  MQM_SUMMARY_HEADER,
  mqmOf,
  mqmScoreText,
  mqmSummaryCells,
  SEVERITY_ORDER,
  unjudgedText,
} from './compare-mqm.js';

/** Background colours of insertions and deletions (the browser test looks for them on screen). */
export const HTML_COLORS = {
  insert: '#acf2bd',
  delete: '#ffc2c2',
  /** Changed characters inside a changed word. */
  insertStrong: '#6fdc8c',
  deleteStrong: '#ff8a8a',
  term: '#ffe27a',
} as const;

/** The underline of a judge's error span, by severity (the browser test looks for them on screen). */
export const MQM_COLORS = {
  minor: '#1c7ed6',
  major: '#e8590c',
  critical: '#a61e4d',
} as const;

/** One colour per engine in the charts, in engine order (repeating after six). */
export const ENGINE_COLORS = ['#0969da', '#bf3989', '#1a7f37', '#bc4c00', '#8250df', '#57606a'] as const;

/** Below this width the paragraph columns stack and wide tables reflow (the page never scrolls sideways). */
export const STACK_BELOW = '60rem';

const STYLE = `
:root{color-scheme:light;--ins:${HTML_COLORS.insert};--del:${HTML_COLORS.delete};--ins2:${HTML_COLORS.insertStrong};--del2:${HTML_COLORS.deleteStrong};--term:${HTML_COLORS.term};--muted:#5f6b7a;--line:#d8dee4}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0 auto;max-width:110rem;padding:1rem 1.5rem 3rem;color:#1f2328;background:#fff}
h1{font-size:1.4rem;margin:.5rem 0}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}h3{font-size:1rem;margin:0 0 .5rem}h4{font-size:.85rem;margin:0 0 .25rem;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
.meta,.note,small{color:var(--muted)}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid var(--line);padding:.3rem .6rem;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.sig-yes{font-weight:600}.sig-no{color:var(--muted)}
ins{background:var(--ins);text-decoration:underline;text-decoration-color:#1a7f37;text-decoration-thickness:2px}
del{background:var(--del);text-decoration:line-through;text-decoration-color:#cf222e;text-decoration-thickness:2px}
del+ins{margin-left:2px}
ins .ch{background:var(--ins2)}del .ch{background:var(--del2)}
mark.term{background:var(--term);outline:1px solid #bf8700;border-radius:2px;color:inherit}
.controls{margin:.5rem 0 1rem}.controls button{font:inherit;padding:.2rem .7rem;border:1px solid var(--line);background:#f6f8fa;border-radius:6px;cursor:pointer}
.controls button[aria-pressed=true]{background:#0969da;color:#fff;border-color:#0969da}
.para{border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem;margin:0 0 1rem}
.badge{display:inline-block;font-size:.8rem;font-weight:500;padding:0 .5rem;border-radius:1rem;background:#eef1f4;color:#3d4752}
.cols{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(13rem,1fr);gap:.75rem;overflow-x:auto}
@media (max-width:${STACK_BELOW}){body{padding:.75rem}.cols{grid-auto-flow:row;grid-template-columns:minmax(0,1fr);grid-auto-columns:auto;overflow-x:visible}th,td{padding:.25rem .4rem}}
svg{max-width:100%;height:auto}
td.best{font-weight:700}td.best::after{content:" ★";color:#9a6700}
.analysis{margin:1rem 0}.analysis table{font-size:.9rem}ul.ngrams li,ul.diffs li{margin:.15rem 0}
.swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin:0 .3em 0 .8em;vertical-align:-.05em}
${ENGINE_COLORS.map((color, i) => `.swatch.c${i}{background:${color}}`).join('')}
.col p{margin:0;white-space:pre-wrap;overflow-wrap:anywhere;unicode-bidi:plaintext}
ins,del,mark,.ch,.bidi{unicode-bidi:isolate}
.bidi{font:600 .7em/1 ui-monospace,monospace;color:#7d4e00;background:#fff8c5;border:1px solid #bf8700;border-radius:3px;padding:0 .15em;margin:0 .1em;direction:ltr}
.col.source p{font-style:italic}
ul.findings{margin:.4rem 0 0;padding-left:1.1rem;font-size:.85rem}ul.findings li.error{color:#a40e26}ul.findings li.warning{color:#7d4e00}ul.findings li.suppressed{color:#57606a}
.legend span{margin-right:1rem}
svg text{font:12px system-ui,sans-serif;fill:#1f2328}
figure{margin:1rem 0}figcaption{color:var(--muted);font-size:.85rem}
code{font-size:.85em;overflow-wrap:anywhere}
mark.mqm{background:transparent;color:inherit;border-bottom:3px solid;padding-bottom:1px}
mark.mqm.minor{border-color:${MQM_COLORS.minor}}mark.mqm.major{border-color:${MQM_COLORS.major}}mark.mqm.critical{border-color:${MQM_COLORS.critical};border-bottom-width:4px}
mark.mqm.term{background:var(--term)}mark.mqm.overlap{border-bottom-style:double;border-bottom-width:5px}
.sev{display:inline-block;min-width:4.2em;font-size:.75rem;font-weight:600;text-transform:uppercase;border-bottom:3px solid}
.sev.minor{border-color:${MQM_COLORS.minor}}.sev.major{border-color:${MQM_COLORS.major}}.sev.critical{border-color:${MQM_COLORS.critical}}
ul.mqm{margin:.4rem 0 0;padding-left:1.1rem;font-size:.85rem}ul.mqm li{margin:.1rem 0}
p.judge-note{border-left:3px solid #bf8700;padding-left:.6rem}
`.trim();

// Sorting only reorders existing elements; it reads nothing from the content.
const SCRIPT = `
(function () {
  var list = document.getElementById('paragraph-list');
  var controls = document.getElementById('sort-controls');
  if (!list || !controls) return;
  var buttons = Array.prototype.slice.call(controls.querySelectorAll('button[data-sort]'));
  function num(el, key) { var v = parseFloat(el.getAttribute(key)); return isNaN(v) ? -1 : v; }
  function sortBy(key) {
    var items = Array.prototype.slice.call(list.children);
    items.sort(function (a, b) {
      if (key === 'disagreement') {
        var d = num(b, 'data-disagreement') - num(a, 'data-disagreement');
        if (d !== 0) return d;
      }
      return num(a, 'data-index') - num(b, 'data-index');
    });
    items.forEach(function (el) { list.appendChild(el); });
    buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-sort') === key)); });
  }
  buttons.forEach(function (b) { b.addEventListener('click', function () { sortBy(b.getAttribute('data-sort')); }); });
  controls.hidden = false;
})();
`.trim();

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The Content-Security-Policy of the page: nothing loads, only our own style and script run. */
export const HTML_CSP = [
  "default-src 'none'",
  `style-src ${sha256(STYLE)}`,
  `script-src ${sha256(SCRIPT)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "connect-src 'none'",
].join('; ');

/**
 * Formats a comparison as one self-contained HTML page.
 * @example fs.writeFileSync('report.html', formatCompareHtml(comparison))
 */
export function formatCompareHtml(c: Comparison): string {
  const title = `vitrans compare: ${c.sourceFile}`;
  const body = [
    `<header><h1>${esc(title)}</h1><p class="meta">${esc(headline(c))}. Diffs are against ${
      c.pivot.kind === 'reference' ? 'the reference' : `<strong>${esc(c.pivot.name)}</strong>`
    }: ${esc(c.pivot.reason)}</p></header>`,
    summarySection(c),
    paragraphsSection(c),
    ...(c.analyses ? [analysesSection(c, c.analyses)] : []),
    footer(c),
  ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(HTML_CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function summarySection(c: Comparison): string {
  const out = ['<section id="summary"><h2>Summary</h2>'];
  if (c.scores && c.scores.length > 0) {
    const vs = c.bootstrap ? `vs ${esc(c.bootstrap.baseline)} (chrF2)` : 'Significance';
    const metrics = metricsOf(c);
    const interval = c.bootstrap ? ' <small>(95% CI)</small>' : '';
    const heads = metrics.map((m) => `<th scope="col" data-metric="${esc(m.id)}">${esc(metricLabel(m))}${interval}</th>`).join('');
    out.push(`<table class="scores"><thead><tr><th>Engine</th>${heads}<th>Glossary</th>${mqmHeads(c)}<th>${vs}</th></tr></thead><tbody>`);
    for (const s of c.scores) {
      const sig = significanceText(s, c);
      const sigClass = s.chrf.significance ? (s.chrf.significance.significant ? 'sig-yes' : 'sig-no') : '';
      const cells = metrics.map((m) => {
        const score = scoreOf(s, m.id);
        const best = c.engines.length > 1 && isBest(c, m.id, s.engine);
        return `<td class="num${best ? ' best' : ''}" data-metric="${esc(m.id)}"${best ? ' title="best"' : ''}>${score ? esc(scoreWithInterval(score)) : 'n/a'}</td>`;
      });
      out.push(`<tr><th scope="row">${esc(s.engine)}</th>${cells.join('')}<td class="num">${esc(glossaryText(c, s.engine))}</td>${mqmCells(c, s.engine)}<td class="${sigClass}">${esc(sig)}</td></tr>`);
    }
    out.push('</tbody></table>');
    const best = bestText(c);
    if (best) out.push(`<p class="best-note">${esc(best)} <small>★ marks the best score of each metric; ↓: lower is better.</small></p>`);
    if (c.bootstrap && c.scores.length > 1) {
      const baseline = c.bootstrap.baseline;
      const rows = c.scores
        .filter((s) => s.engine !== baseline)
        .map((s) => [esc(s.engine), ...metrics.map((m) => esc(significanceText(s, c, m)))]);
      out.push(`<details class="significance"><summary>Against ${esc(baseline)} on every metric (paired bootstrap)</summary>${htmlTable('significance', ['Engine', ...metrics.map((m) => esc(metricLabel(m)))], rows, () => false)}</details>`);
    }
  } else {
    out.push(`<table class="scores"><thead><tr><th>Engine</th><th>Agreement with the others (chrF2)</th><th>Glossary</th>${mqmHeads(c)}</tr></thead><tbody>`);
    for (const e of c.engines) {
      out.push(`<tr><th scope="row">${esc(e)}</th><td class="num">${esc(agreementText(c, e))}</td><td class="num">${esc(glossaryText(c, e))}</td>${mqmCells(c, e)}</tr>`);
    }
    out.push('</tbody></table>');
  }
  const note = bootstrapNote(c);
  if (note) out.push(`<p class="note">${esc(note)}</p>`);
  if (c.outlier.engine !== null || c.engines.length > 2) out.push(`<p class="outlier">${esc(c.outlier.note)}</p>`);
  out.push(scoreChart(c));
  if (c.agreement.engines.length > 1) out.push(agreementTable(c));
  out.push('</section>');
  if (c.judge) out.push(mqmSection(c));
  return out.join('\n');
}

/** The summary table's MQM headings (none without a judge). */
function mqmHeads(c: Comparison): string {
  if (!c.judge) return '';
  return `<th scope="col" data-metric="mqm">${esc(mqmHeading(c.judge))}</th><th scope="col">MQM errors <small>(minor/major/critical)</small></th>`;
}

/** An engine's MQM cells in the summary table. */
function mqmCells(c: Comparison, engine: string): string {
  if (!c.judge) return '';
  const m = mqmOf(c, engine);
  const best = mqmBest(c.judge).includes(engine);
  const counts = m ? SEVERITY_ORDER.map((s) => Object.values(m.counts).reduce((n, x) => n + x[s], 0)).join('/') : 'n/a';
  return `<td class="num${best ? ' best' : ''}" data-metric="mqm">${esc(mqmScoreText(c, engine))}</td><td class="num">${m ? `${m.errors} <small>(${counts})</small>` : 'n/a'}</td>`;
}

/** The judge's section: who judged and its limits, the summary per engine, each engine's errors by category and severity. */
function mqmSection(c: Comparison): string {
  const j = c.judge!;
  const out = ['<section id="mqm"><h2>MQM error spans (judge model)</h2>', `<p class="note judge-note">${esc(judgeNote(j))}</p>`];
  out.push(htmlTable('mqm-summary', ['Engine', esc(mqmHeading(j)), ...MQM_SUMMARY_HEADER.map(esc)], j.engines.map((m) => [esc(m.engine), ...mqmSummaryCells(m).map(esc)]), (i) => i > 0));
  for (const m of j.engines) {
    const rows = mqmCategoryRows(m);
    out.push(`<div class="mqm-engine" data-engine="${esc(m.engine)}"><h3>${esc(m.engine)}</h3>`);
    out.push(rows.length === 0 ? '<p>No errors reported.</p>' : htmlTable('mqm-categories', MQM_CATEGORY_HEADER.map(esc), rows.map((r) => r.map(esc)), (i) => i > 0));
    out.push('</div>');
  }
  out.push('</section>');
  return out.join('\n');
}

function agreementTable(c: Comparison): string {
  const a = c.agreement;
  const head = a.engines.map((e) => `<th scope="col">${esc(e)}</th>`).join('');
  const rows = a.engines.map(
    (e, i) => `<tr><th scope="row">${esc(e)}</th>${a.engines.map((_, j) => `<td class="num">${fmt(a.chrf[i]?.[j] ?? NaN)}</td>`).join('')}</tr>`,
  );
  return `<details><summary>Pairwise agreement (chrF2 of the row engine scored against the column engine)</summary><table class="agreement"><thead><tr><th></th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></details>`;
}

/** A horizontal bar per engine: chrF with its 95% interval as whiskers, or mean agreement without a reference. */
function scoreChart(c: Comparison): string {
  const withScores = c.scores && c.scores.length > 0;
  const bars = withScores
    ? c.scores!.map((s) => ({ engine: s.engine, value: s.chrf.score, low: s.chrf.interval?.low, high: s.chrf.interval?.high }))
    : c.engines.map((e) => ({ engine: e, value: c.agreement.meanAgreement[e] ?? 0, low: undefined, high: undefined }));
  // Agreement needs two engines; without a reference and with one engine there is nothing to draw.
  if (bars.length === 0 || (!withScores && c.engines.length < 2)) return '';
  const caption = withScores
    ? `chrF2 against the reference per engine${c.bootstrap ? ', with 95% confidence intervals' : ''}`
    : 'Mean agreement (chrF2) of each engine with the others';
  const left = 110;
  const plot = 400;
  const rowH = 26;
  const top = 8;
  const height = top + bars.length * rowH + 22;
  const x = (v: number): number => left + (Math.max(0, Math.min(100, v)) / 100) * plot;
  const parts: string[] = [];
  for (const t of [0, 25, 50, 75, 100]) {
    parts.push(`<line x1="${x(t)}" y1="${top}" x2="${x(t)}" y2="${height - 18}" stroke="#d8dee4"/>`);
    parts.push(`<text x="${x(t)}" y="${height - 4}" text-anchor="middle">${t}</text>`);
  }
  bars.forEach((b, i) => {
    const y = top + i * rowH;
    parts.push(`<text x="${left - 8}" y="${y + 16}" text-anchor="end">${esc(b.engine)}</text>`);
    parts.push(`<rect class="bar" x="${left}" y="${y + 4}" width="${(x(b.value) - left).toFixed(1)}" height="16" fill="#54aeff"><title>${esc(`${b.engine}: ${fmt(b.value)}`)}</title></rect>`);
    if (b.low !== undefined && b.high !== undefined) {
      const [x1, x2] = [x(b.low).toFixed(1), x(b.high).toFixed(1)];
      parts.push(`<path d="M${x1} ${y + 6}v12M${x1} ${y + 12}H${x2}M${x2} ${y + 6}v12" stroke="#1f2328" stroke-width="1.5" fill="none"/>`);
    }
    parts.push(`<text x="${x(100) + 6}" y="${y + 16}">${fmt(b.value)}</text>`);
  });
  return `<figure><svg role="img" aria-label="${esc(caption)}" width="${left + plot + 50}" height="${height}" viewBox="0 0 ${left + plot + 50} ${height}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg><figcaption>${esc(caption)}</figcaption></figure>`;
}

function paragraphsSection(c: Comparison): string {
  const out = ['<section id="paragraphs"><h2>Paragraphs</h2>'];
  const hasDiffs = c.paragraphs.some((p) => Object.keys(p.diffs).length > 0);
  const hasFindings = Object.values(c.glossary ?? {}).some((g) => g.findings.length > 0);
  const legend = [
    ...(hasDiffs ? ['<span><ins>inserted</ins> in the engine, not in the pivot</span><span><del>deleted</del>: in the pivot, not in the engine</span>'] : []),
    ...(hasFindings ? ['<span><mark class="term">term</mark> glossary finding</span>'] : []),
    ...(c.judge
      ? [
          `<span>judge's error spans: ${SEVERITY_ORDER.map((s) => `<mark class="mqm ${s}">${s}</mark>`).join(' ')}; <mark class="mqm major overlap">double line</mark>: overlapping spans; <mark class="mqm major term">on a term</mark>: the glossary checker flags it too</span>`,
        ]
      : []),
  ];
  if (legend.length > 0) out.push(`<p class="legend">${legend.join('')}</p>`);
  const top = topDisagreements(c, 5);
  if (top.length > 0 && c.engines.length > 1) {
    const links = top.map((p) => `<a href="#p-${p.index}">¶${p.index}</a> (${p.disagreement === null ? 'n/a' : fmt(p.disagreement)})`);
    out.push(`<p class="lookfirst">Look here first (most disagreement): ${links.join(', ')}</p>`);
  }
  out.push(
    '<div class="controls" id="sort-controls" hidden>Order paragraphs by: ' +
      '<button type="button" data-sort="order" aria-pressed="true">document order</button> ' +
      '<button type="button" data-sort="disagreement" aria-pressed="false">disagreement</button></div>',
  );
  out.push('<div id="paragraph-list">');
  const findings = findingsByParagraph(c);
  for (const p of c.paragraphs) out.push(paragraphArticle(c, p, findings.get(p.index)));
  out.push('</div></section>');
  return out.join('\n');
}

/** Each engine's glossary findings by paragraph, grouped once (not filtered again for every paragraph). */
function findingsByParagraph(c: Comparison): Map<number, Map<string, Finding[]>> {
  const out = new Map<number, Map<string, Finding[]>>();
  for (const engine of c.engines) {
    for (const f of c.glossary?.[engine]?.findings ?? []) {
      if (f.paragraph === undefined) continue;
      let byEngine = out.get(f.paragraph);
      if (!byEngine) out.set(f.paragraph, (byEngine = new Map()));
      const list = byEngine.get(engine);
      if (list) list.push(f);
      else byEngine.set(engine, [f]);
    }
  }
  return out;
}

/** A glossary finding in an engine's list; a suppressed one says so, and why. */
function findingItem(f: Finding): string {
  if (f.suppression) return `<li class="suppressed">${html(f.message)} <small>${esc(f.ruleId)}; suppressed ${html(describeSuppression(f))}</small></li>`;
  return `<li class="${esc(f.severity)}">${html(f.message)} <small>${esc(f.ruleId)}</small></li>`;
}

function paragraphArticle(c: Comparison, p: ParagraphComparison, ofParagraph: Map<string, Finding[]> | undefined): string {
  const findings = new Map<string, Finding[]>();
  for (const engine of c.engines) findings.set(engine, ofParagraph?.get(engine) ?? []);
  // A suppressed finding is listed (marked, with its reason) but not highlighted as a problem.
  const sourceTerms = [...findings.values()].flat().flatMap((f) => (f.source && !f.suppression ? [{ text: f.source.text, title: f.message }] : []));

  const cols: string[] = [];
  cols.push(`<section class="col source" lang="vi"><h4>Source</h4><p>${marked(p.source, 0, findRanges(p.source, sourceTerms))}</p></section>`);
  if (p.reference !== undefined) {
    const pivot = c.pivot.kind === 'reference' ? ' <small>(pivot)</small>' : '';
    cols.push(`<section class="col reference"><h4>Reference${pivot}</h4><p>${html(p.reference)}</p></section>`);
  }
  for (const engine of c.engines) {
    const text = p.outputs[engine] ?? '';
    // A finding merged into a judge span is shown once, as that span.
    const fs = (findings.get(engine) ?? []).filter((f) => !isMergedFinding(c, engine, c.glossary![engine]!.findings.indexOf(f)));
    const judgment = judgmentOf(c, engine, p.index);
    const spans = judgment?.spans ?? [];
    const ranges = layered([...findRanges(text, fs.flatMap((f) => (f.actual && !f.suppression ? [{ text: f.actual, title: f.message }] : []))), ...spanRanges(spans)]);
    const ops = p.diffs[engine];
    const pivot = isPivotEngine(c, engine);
    const score = sentenceScoresText(p, engine);
    const head = `${esc(engine)}${pivot ? ' <small>(pivot)</small>' : ''}${score ? ` <small>${esc(score)}</small>` : ''}`;
    const content = pivot || !ops ? marked(text, 0, ranges) : diffHtml(ops, ranges);
    const list = fs.length > 0 ? `<ul class="findings">${fs.map(findingItem).join('')}</ul>` : '';
    const unjudged = judgment && judgment.status !== 'judged' ? `<p class="note mqm-unjudged">${html(unjudgedText(judgment))}</p>` : '';
    const mqm = spans.length > 0 ? `<ul class="mqm">${spans.map(spanItem).join('')}</ul>` : '';
    cols.push(`<section class="col engine" data-engine="${esc(engine)}"><h4>${head}</h4><p>${content}</p>${list}${unjudged}${mqm}</section>`);
  }
  const d = p.disagreement === null ? '' : fmt(p.disagreement);
  const badge = p.disagreement === null ? '' : ` <span class="badge">disagreement ${d}</span>`;
  return (
    `<article class="para" id="p-${p.index}" data-index="${p.index}" data-disagreement="${d}">` +
    `<h3>¶${p.index} <small>line ${p.line}</small>${badge}</h3><div class="cols">${cols.join('')}</div></article>`
  );
}

/** A highlighted stretch of a text: [start, end) in UTF-16 units, with a tooltip and its `<mark>` classes. */
interface MarkRange {
  start: number;
  end: number;
  title: string;
  /** 'term' for a glossary finding; 'mqm SEVERITY' for a judge's span. */
  cls: string;
  /** A judge span's severity. */
  severity?: string;
  /** A glossary term (a finding, or a judge span the checker corroborates). */
  term?: boolean;
}

const SEVERITY_RANK: Readonly<Record<string, number>> = { minor: 1, major: 2, critical: 3 };

/** A judge span's one-line description, for tooltips and lists. */
function spanTitle(s: MqmSpan): string {
  const label = s.category === 'other' ? `other: ${s.label}` : categoryLabel(s.category);
  return `${s.severity} ${label}${s.explanation ? `: ${s.explanation}` : ''}${s.glossary ? ` (glossary checker: ${s.glossary.message})` : ''}`;
}

/** The judge's spans located in the translation, as ranges. */
function spanRanges(spans: readonly MqmSpan[]): MarkRange[] {
  return spans.flatMap((s) =>
    s.side === 'translation' && s.start !== undefined
      ? [{ start: s.start, end: s.end!, title: spanTitle(s), cls: `mqm ${s.severity}${s.glossary ? ' term' : ''}`, severity: s.severity, term: s.glossary !== undefined }]
      : [],
  );
}

/**
 * Overlapping ranges cut into stretches that do not overlap: each stretch takes the classes of the
 * most severe range over it (`overlap` when several are), and every covering range's tooltip.
 */
function layered(ranges: readonly MarkRange[]): MarkRange[] {
  if (ranges.length === 0) return [];
  const cuts = [...new Set(ranges.flatMap((r) => [r.start, r.end]))].sort((a, b) => a - b);
  const out: MarkRange[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i]!, cuts[i + 1]!];
    const over = ranges.filter((r) => r.start < end && start < r.end);
    if (over.length === 0) continue;
    const judged = over.filter((r) => r.severity !== undefined);
    const term = over.some((r) => r.term);
    let cls = 'term';
    if (judged.length > 0) {
      const top = judged.reduce((a, b) => (SEVERITY_RANK[b.severity!]! > SEVERITY_RANK[a.severity!]! ? b : a));
      cls = `mqm ${top.severity}${judged.length > 1 ? ' overlap' : ''}${term ? ' term' : ''}`;
    }
    out.push({ start, end, title: [...new Set(over.map((r) => r.title))].join('\n'), cls });
  }
  return out;
}

/** A judge span in the engine's list: severity, category, the quote, where it is, why, and the glossary checker's word. */
function spanItem(s: MqmSpan): string {
  const where =
    s.location === 'not-found'
      ? ' <small class="not-located">not found in the text</small>'
      : s.side === 'source'
        ? ' <small>in the source</small>'
        : s.ambiguous
          ? ` <small>occurs ${s.occurrences} times: placed by order</small>`
          : '';
  const label = s.category === 'other' ? `other: ${esc(s.label)}` : esc(categoryLabel(s.category));
  const why = s.explanation ? ` — ${esc(s.explanation)}` : '';
  const also = s.glossary ? ` <small class="also-glossary">also the glossary checker: ${esc(s.glossary.message)} (${esc(s.glossary.ruleId)})</small>` : '';
  return `<li class="mqm-${esc(s.severity)}" data-category="${esc(s.category)}"><span class="sev ${esc(s.severity)}">${esc(s.severity)}</span> ${label}: <q>${esc(s.found ?? s.span)}</q>${where}${why}${also}</li>`;
}

/**
 * Every occurrence of each needle in `text`, without overlaps, in order. Each distinct needle text
 * is searched once (with the first title given for it): a long paragraph with thousands of
 * findings of the same rendering is read once, not once per finding.
 */
function findRanges(text: string, needles: { text: string; title: string }[]): MarkRange[] {
  const ranges: MarkRange[] = [];
  const distinct = new Map<string, { text: string; title: string }>();
  for (const n of needles) if (!distinct.has(n.text)) distinct.set(n.text, n);
  for (const n of distinct.values()) {
    if (!n.text) continue;
    for (let at = text.indexOf(n.text); at >= 0; at = text.indexOf(n.text, at + n.text.length)) {
      ranges.push({ start: at, end: at + n.text.length, title: n.title, cls: 'term', term: true });
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: MarkRange[] = [];
  for (const r of ranges) if (kept.length === 0 || r.start >= kept.at(-1)!.end) kept.push(r);
  return kept;
}

/**
 * Escapes `piece` (found at `offset` in the whole text), wrapping the parts inside `ranges` (sorted,
 * disjoint) in `<mark>`. Pieces of one text come in order: `cursor` remembers the first range that
 * may still reach them, so marking a long diff reads each range once.
 */
function marked(piece: string, offset: number, ranges: MarkRange[], cursor = { next: 0 }): string {
  let out = '';
  let at = 0;
  while (cursor.next < ranges.length && ranges[cursor.next]!.end <= offset) cursor.next++;
  for (let k = cursor.next; k < ranges.length; k++) {
    const r = ranges[k]!;
    if (r.start - offset >= piece.length) break;
    const s = Math.max(r.start - offset, at);
    const e = Math.min(r.end - offset, piece.length);
    if (e <= s) continue;
    out += html(piece.slice(at, s)) + `<mark class="${esc(r.cls)}" title="${esc(r.title)}">${html(piece.slice(s, e))}</mark>`;
    at = e;
  }
  return out + html(piece.slice(at));
}

/**
 * A word diff as HTML: `<ins>`/`<del>`, with changed characters of a one-word substitution in a
 * stronger shade, and glossary ranges (offsets into the engine's text) marked.
 */
function diffHtml(ops: DiffOp[], ranges: MarkRange[]): string {
  let out = '';
  let pos = 0; // offset into the engine's text: equal and insert steps advance it
  const cursor = { next: 0 };
  for (const op of ops) {
    if (op.op === 'delete') {
      const inner = op.chars ? op.chars.map((s) => (s.op === 'delete' ? `<span class="ch">${html(s.text)}</span>` : s.op === 'equal' ? html(s.text) : '')).join('') : html(op.text);
      out += `<del>${inner}</del>`;
      continue;
    }
    let inner = '';
    if (op.op === 'insert' && op.chars) {
      let p = pos;
      for (const s of op.chars) {
        if (s.op === 'delete') continue;
        const piece = marked(s.text, p, ranges, cursor);
        inner += s.op === 'insert' ? `<span class="ch">${piece}</span>` : piece;
        p += s.text.length;
      }
    } else {
      inner = marked(op.text, pos, ranges, cursor);
    }
    out += op.op === 'insert' ? `<ins>${inner}</ins>` : inner;
    pos += op.text.length;
  }
  return out;
}

function footer(c: Comparison): string {
  const sigs = signatures(c);
  const order = byDisagreement(c.paragraphs).map((p) => p.index);
  const parts = ['<footer>'];
  if (sigs.length > 0) {
    parts.push('<h2>Metric signatures</h2><dl>');
    for (const s of sigs) parts.push(`<dt>${esc(s.metric)}</dt><dd>${s.signatures.map((x) => `<code>${esc(x)}</code>`).join(' ')}</dd>`);
    parts.push('</dl>');
  }
  parts.push(`<p class="note">Generated by vitrans. Paragraphs by disagreement: ${order.map((i) => `¶${i}`).join(' ')}.</p></footer>`);
  return parts.join('');
}

/** A bar of a grouped bar chart: `null` draws nothing (no value). */
interface ChartSeries {
  name: string;
  values: (number | null)[];
}

/**
 * A small vertical grouped bar chart (one group per bucket, one bar per engine), as inline SVG
 * that scales down to the page width.
 */
function groupedBars(opts: { caption: string; groups: string[]; series: ChartSeries[]; max: number; digits: number }): string {
  const { groups, series, max } = opts;
  const bar = 14;
  const gap = 18;
  const left = 36;
  const top = 10;
  const plot = 140;
  const groupWidth = series.length * bar + gap;
  const width = left + groups.length * groupWidth + 10;
  const height = top + plot + 40;
  const y = (v: number): number => top + plot - (Math.max(0, Math.min(max, v)) / max) * plot;
  const parts: string[] = [];
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    const v = t * max;
    parts.push(`<line x1="${left}" y1="${y(v).toFixed(1)}" x2="${width - 10}" y2="${y(v).toFixed(1)}" stroke="#d8dee4"/>`);
    parts.push(`<text x="${left - 4}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${fmt(v, max <= 1 ? 2 : 0)}</text>`);
  }
  groups.forEach((g, gi) => {
    const x0 = left + gi * groupWidth + gap / 2;
    series.forEach((s, si) => {
      const v = s.values[gi];
      if (v === null || v === undefined) return;
      const x = x0 + si * bar;
      const yv = y(v);
      parts.push(
        `<rect class="bar" x="${x}" y="${yv.toFixed(1)}" width="${bar - 2}" height="${(top + plot - yv).toFixed(1)}" fill="${ENGINE_COLORS[si % ENGINE_COLORS.length]}"><title>${esc(`${s.name}, ${g}: ${fmt(v, opts.digits)}`)}</title></rect>`,
      );
    });
    parts.push(`<text x="${x0 + (series.length * bar) / 2}" y="${top + plot + 16}" text-anchor="middle">${esc(g)}</text>`);
  });
  const legend = series.map((s, si) => `<span class="swatch c${si % ENGINE_COLORS.length}"></span>${esc(s.name)}`).join('');
  return (
    `<figure><svg role="img" aria-label="${esc(opts.caption)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>` +
    `<figcaption>${esc(opts.caption)}${legend ? `<br>${legend}` : ''}</figcaption></figure>`
  );
}

function htmlTable(cls: string, header: string[], rows: string[][], numeric: (i: number) => boolean): string {
  const head = header.map((h) => `<th scope="col">${h}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((cell, i) => (i === 0 ? `<th scope="row">${cell}</th>` : `<td${numeric(i) ? ' class="num"' : ''}>${cell}</td>`)).join('')}</tr>`).join('');
  return `<table class="${cls}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** The compare-mt-style analyses, with charts for word accuracy and paragraph length. */
function analysesSection(c: Comparison, a: Analyses): string {
  const engines = c.engines;
  const out = ['<section id="analyses"><h2>Why the scores differ</h2>', `<p class="note">${esc(analysesNote(c))}</p>`];

  const rated = a.wordAccuracy.filter((b) => b.max !== 0);
  out.push('<div class="analysis" id="word-accuracy"><h3>Word accuracy by word frequency</h3>');
  out.push(
    `<p class="note">F-measure of each engine's words against the reference's, by how often a word occurs in the reference. Bucket 0 counts the engine's words that the reference never uses.</p>`,
  );
  if (rated.length > 0) {
    out.push(
      groupedBars({
        caption: 'Word F-measure by frequency in the reference',
        groups: rated.map((b) => b.label),
        series: engines.map((e) => ({ name: e, values: rated.map((b) => b.byEngine[e]?.f ?? null) })),
        max: 1,
        digits: 2,
      }),
    );
  }
  out.push(
    htmlTable(
      'word-accuracy',
      ['Frequency', 'Reference words', ...engines.map(esc)],
      a.wordAccuracy.map((b) => [
        esc(b.label),
        String(referenceCount(b.byEngine)),
        ...engines.map((e) => {
          const w = b.byEngine[e];
          if (!w) return 'n/a';
          return b.max === 0 ? `${w.hyp} word${w.hyp === 1 ? '' : 's'}` : esc(fText(w.f));
        }),
      ]),
      (i) => i > 0,
    ),
    '</div>',
  );

  if (a.terms) {
    out.push('<div class="analysis" id="term-accuracy"><h3>Glossary terms</h3><p class="note">Approved glossary renderings in each engine, matched against those in the reference, paragraph by paragraph.</p>');
    out.push(
      htmlTable(
        'term-accuracy',
        ['Engine', 'In the reference', 'In the engine', 'Matched', 'Recall', 'Precision', 'F'],
        engines.map((e) => {
          return [esc(e), ...wordMatchCells(a.terms!.overall[e])];
        }),
        (i) => i > 0,
      ),
    );
    if (a.terms.terms.length > 0) {
      out.push(
        htmlTable(
          'terms',
          ['Term', 'In the reference', ...engines.map((e) => `${esc(e)} matched`)],
          a.terms.terms.map((t) => [esc(t.label), String(referenceCount(t.byEngine)), ...engines.map((e) => String(t.byEngine[e]?.matched ?? 0))]),
          (i) => i > 0,
        ),
      );
    }
    out.push('</div>');
  }

  out.push('<div class="analysis" id="length-buckets"><h3>Scores by paragraph length</h3><p class="note">Corpus scores over the paragraphs whose reference has that many words.</p>');
  out.push(
    groupedBars({
      caption: 'chrF2 by reference paragraph length (words)',
      groups: a.lengthBuckets.map((b) => b.label),
      series: engines.map((e) => ({ name: e, values: a.lengthBuckets.map((b) => b.scores[e]?.chrf ?? null) })),
      max: 100,
      digits: 1,
    }),
  );
  out.push(
    htmlTable(
      'length-buckets',
      ['Reference words', 'Paragraphs', ...engines.map((e) => `${esc(e)} <small>chrF2 / TER ↓</small>`)],
      a.lengthBuckets.map((b) => [esc(b.label), String(b.paragraphs), ...engines.map((e) => {
        const s = b.scores[e];
        return s ? `${fmt(s.chrf)} / ${fmt(s.ter)}` : 'n/a';
      })]),
      (i) => i > 0,
    ),
    '</div>',
  );

  if (engines.length > 1) {
    out.push('<div class="analysis" id="ngrams"><h3>N-grams each engine gets right more often than the others</h3>');
    out.push('<p class="note">Times matched in the reference by this engine vs the mean of the others; ranked by compare-mt\'s (mine + 1) / (mine + others + 2).</p><ul class="ngrams">');
    for (const e of engines) {
      const wins = a.ngrams[e] ?? [];
      const list = wins.map((w) => `<q>${esc(w.ngram)}</q> <small>${w.matched} vs ${fmt(w.othersMatched)}</small>`).join(', ');
      out.push(`<li data-engine="${esc(e)}"><strong>${esc(e)}:</strong> ${list || 'none'}</li>`);
    }
    out.push('</ul></div>');

    out.push('<div class="analysis" id="differences"><h3>Where two engines differ most</h3><p class="note">Paragraphs with the largest difference in sentence score, per metric.</p><ul class="diffs">');
    for (const d of a.differences) {
      if (d.paragraphs.length === 0) continue;
      const items = d.paragraphs.map((p) => `<a href="#p-${p.paragraph}">¶${p.paragraph}</a> <small>${fmt(p.a)} vs ${fmt(p.b)}</small>`).join(', ');
      out.push(`<li><strong>${esc(d.a)} vs ${esc(d.b)}, ${esc(metricName(c, d.metric))}:</strong> ${items}</li>`);
    }
    out.push('</ul></div>');
  }
  out.push('</section>');
  return out.join('\n');
}
