/**
 * The Markdown comparison report, for a pull request or an issue: the score table, the outlier,
 * the most-disagreeing paragraphs with `~~deleted~~` / `**inserted**` diffs, and the metric
 * signatures as footnotes.
 */
import type { Analyses, Comparison, DiffOp, ParagraphComparison } from '../compare/types.js';
import {
  agreementText,
  analysesNote,
  bestText,
  bootstrapNote,
  fmt,
  footnoteLabel,
  fText,
  wordMatchCells,
  referenceCount,
  glossaryText,
  headline,
  isBest,
  isPivotEngine,
  metricLabel,
  metricName,
  metricsOf,
  scoreOf,
  scoreWithInterval,
  sentenceScoresText,
  signatures,
  significanceText,
  topDisagreements,
} from './compare-common.js';
import { escapeMarkdown as md } from './escape.js';

/**
 * Formats a comparison as GitHub-flavoured Markdown (tables, strikethrough, footnotes).
 * All content is escaped, so markup in an engine's output shows as text.
 * @example formatCompareMarkdown(comparison).startsWith('## vitrans compare: ')
 */
export function formatCompareMarkdown(c: Comparison, opts: { top?: number } = {}): string {
  const out: string[] = [`## vitrans compare: ${md(headline(c))}`, ''];
  out.push(`Diffs are against ${c.pivot.kind === 'reference' ? 'the reference' : `**${md(c.pivot.name)}**`}: ${md(c.pivot.reason)}`, '');

  if (c.scores && c.scores.length > 0) {
    const vs = c.bootstrap ? `vs ${md(c.bootstrap.baseline)} (chrF2)` : 'Significance';
    const metrics = metricsOf(c);
    const interval = c.bootstrap ? ' (95% CI)' : '';
    out.push(`| Engine | ${metrics.map((m) => `${metricLabel(m)}${interval}[^${footnoteLabel(m.id)}]`).join(' | ')} | Glossary | ${vs} |`);
    out.push(`| --- | ${metrics.map(() => '---:').join(' | ')} | ---: | --- |`);
    for (const s of c.scores) {
      const scores = metrics.map((m) => {
        const score = scoreOf(s, m.id);
        if (score === undefined) return 'n/a';
        return isBest(c, m.id, s.engine) && c.engines.length > 1 ? `**${scoreWithInterval(score)}**` : scoreWithInterval(score);
      });
      const cells = [md(s.engine), ...scores, glossaryText(c, s.engine), significanceText(s, c)];
      out.push(`| ${cells.join(' | ')} |`);
    }
    const best = bestText(c);
    if (best) out.push('', `${md(best)} Bold marks the best score of each metric; ↓: lower is better.`);
    if (c.bootstrap && c.scores.length > 1) {
      out.push('', `Against ${md(c.bootstrap.baseline)} on every metric (paired bootstrap):`, '');
      out.push(`| Engine | ${metrics.map((m) => metricLabel(m)).join(' | ')} |`, `| --- | ${metrics.map(() => '---').join(' | ')} |`);
      for (const s of c.scores) {
        if (s.engine === c.bootstrap.baseline) continue;
        out.push(`| ${md(s.engine)} | ${metrics.map((m) => significanceText(s, c, m)).join(' | ')} |`);
      }
    }
  } else {
    out.push('| Engine | Agreement with the others (chrF2) | Glossary |', '| --- | ---: | ---: |');
    for (const e of c.engines) out.push(`| ${md(e)} | ${agreementText(c, e)} | ${glossaryText(c, e)} |`);
  }
  out.push('');
  const note = bootstrapNote(c);
  if (note) out.push(md(note), '');
  if (c.outlier.engine !== null || c.engines.length > 2) out.push(`> ${md(c.outlier.note)}`, '');

  const top = topDisagreements(c, opts.top ?? 5);
  if (top.length > 0 && c.engines.length > 1) {
    out.push('### Where the engines disagree most', '');
    for (const p of top) for (const line of paragraphSection(c, p)) out.push(line);
  }
  if (c.analyses) for (const item of analysesSection(c, c.analyses)) out.push(item);

  const sigs = signatures(c);
  if (sigs.length > 0) {
    for (const s of sigs) out.push(`[^${footnoteLabel(s.id)}]: ${s.signatures.map((x) => `\`${x}\``).join(', ')}`);
  }
  while (out.at(-1) === '') out.pop();
  return out.join('\n') + '\n';
}

function paragraphSection(c: Comparison, p: ParagraphComparison): string[] {
  const out = [`#### ¶${p.index} (line ${p.line}), disagreement ${p.disagreement === null ? 'n/a' : fmt(p.disagreement)}`, ''];
  out.push(`- **Source:** ${md(p.source)}`);
  if (p.reference !== undefined) out.push(`- **Reference${c.pivot.kind === 'reference' ? ' (pivot)' : ''}:** ${md(p.reference)}`);
  for (const engine of c.engines) {
    const score = sentenceScoresText(p, engine);
    const suffix = score ? ` _(${score})_` : '';
    const ops = p.diffs[engine];
    const text = isPivotEngine(c, engine) || !ops ? md(p.outputs[engine] ?? '') : diffMarkdown(ops);
    out.push(`- **${md(engine)}${isPivotEngine(c, engine) ? ' (pivot)' : ''}:** ${text}${suffix}`);
  }
  out.push('');
  return out;
}

/**
 * A word diff in Markdown: deletions `~~struck~~`, insertions `**bold**`, content escaped.
 * @example diffMarkdown([{ op: 'delete', text: 'Japan\'s' }, { op: 'insert', text: 'the Japanese' }]) === "~~Japan's~~**the Japanese**"
 */
export function diffMarkdown(ops: DiffOp[]): string {
  return ops
    .map((op) => {
      if (op.op === 'equal') return md(op.text);
      const mark = op.op === 'delete' ? '~~' : '**';
      // Emphasis cannot start or end with a space: keep the spaces outside the markers.
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(op.text)!;
      if (m[2] === '') return op.text;
      return `${m[1]}${mark}${md(m[2]!)}${mark}${m[3]}`;
    })
    .join('');
}

/** A Markdown table from a header and rows of already-escaped cells; `right` marks numeric columns. */
function mdTable(header: string[], rows: string[][], right: (i: number) => boolean): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map((_, i) => (right(i) ? '---:' : '---')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''];
}

/** The compare-mt-style analyses: word accuracy, glossary terms, length buckets, n-grams, differences. */
function analysesSection(c: Comparison, a: Analyses): string[] {
  const engines = c.engines.map(md);
  const out = ['### Why the scores differ', '', md(analysesNote(c)), ''];

  out.push('#### Word accuracy by word frequency', '', "F-measure of each engine's words against the reference's, by how often a word occurs in the reference (bucket 0: words the reference never uses, counted per engine).", '');
  append(
    out,
    mdTable(
      ['Frequency in the reference', 'Reference words', ...engines],
      a.wordAccuracy.map((b) => [md(b.label), String(referenceCount(b.byEngine)), ...c.engines.map((e) => {
        const w = b.byEngine[e];
        if (!w) return 'n/a';
        return b.max === 0 ? `${w.hyp} word${w.hyp === 1 ? '' : 's'}` : fText(w.f);
      })]),
      (i) => i > 0,
    ),
  );

  if (a.terms) {
    out.push('#### Glossary terms', '', 'Approved glossary renderings in each engine, matched against those in the reference, paragraph by paragraph.', '');
    append(
      out,
      mdTable(
        ['Engine', 'In the reference', 'In the engine', 'Matched', 'Recall', 'Precision', 'F'],
        c.engines.map((e) => {
          return [md(e), ...wordMatchCells(a.terms!.overall[e])];
        }),
        (i) => i > 0,
      ),
    );
    if (a.terms.terms.length > 0) {
      append(
        out,
        mdTable(
          ['Term', 'In the reference', ...engines.map((e) => `${e} matched`)],
          a.terms.terms.map((t) => [md(t.label), String(referenceCount(t.byEngine)), ...c.engines.map((e) => String(t.byEngine[e]?.matched ?? 0))]),
          (i) => i > 0,
        ),
      );
    }
  }

  out.push('#### Scores by paragraph length', '', 'Corpus chrF2 / TER ↓ over the paragraphs whose reference has that many words.', '');
  append(
    out,
    mdTable(
      ['Reference words', 'Paragraphs', ...engines],
      a.lengthBuckets.map((b) => [md(b.label), String(b.paragraphs), ...c.engines.map((e) => {
        const s = b.scores[e];
        return s ? `${fmt(s.chrf)} / ${fmt(s.ter)}` : 'n/a';
      })]),
      (i) => i > 0,
    ),
  );

  if (c.engines.length > 1) {
    out.push('#### N-grams each engine gets right more often than the others', '', 'Matched in the reference by this engine vs the mean of the others (compare-mt score (mine + 1) / (mine + others + 2)).', '');
    for (const e of c.engines) {
      const wins = a.ngrams[e] ?? [];
      const list = wins.map((w) => `“${md(w.ngram)}” (${w.matched} vs ${fmt(w.othersMatched)})`).join(', ');
      out.push(`- **${md(e)}:** ${list || 'none'}`);
    }
    out.push('');

    out.push('#### Where two engines differ most', '', 'Paragraphs with the largest difference in sentence score, per metric.', '');
    for (const d of a.differences) {
      if (d.paragraphs.length === 0) continue;
      const items = d.paragraphs.map((p) => `¶${p.paragraph} (${fmt(p.a)} vs ${fmt(p.b)})`).join(', ');
      out.push(`- **${md(d.a)} vs ${md(d.b)}, ${md(metricName(c, d.metric))}:** ${items}`);
    }
    out.push('');
  }
  return out;
}

/** Appends rows one by one (a spread into push would put every row on the stack). */
function append(out: string[], rows: readonly string[]): void {
  for (const row of rows) out.push(row);
}
