/**
 * The Markdown comparison report, for a pull request or an issue: the score table, the outlier,
 * the most-disagreeing paragraphs with `~~deleted~~` / `**inserted**` diffs, and the metric
 * signatures as footnotes.
 */
import type { Comparison, DiffOp, ParagraphComparison } from '../compare/types.js';
import {
  agreementText,
  bootstrapNote,
  fmt,
  glossaryText,
  headline,
  isPivotEngine,
  scoreWithInterval,
  sentenceScoresText,
  signatures,
  significanceText,
  topDisagreements,
} from './compare-common.js';
import { escapeMarkdown as md } from './escape.js';

/** Footnote labels of the metric signatures. */
const FOOTNOTE: Record<string, string> = { chrF2: 'chrf', 'chrF2++': 'chrfpp', BLEU: 'bleu' };

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
    out.push(`| Engine | chrF2 (95% CI)[^chrf] | chrF2++[^chrfpp] | BLEU[^bleu] | Glossary | ${vs} |`);
    out.push('| --- | ---: | ---: | ---: | ---: | --- |');
    for (const s of c.scores) {
      const cells = [md(s.engine), scoreWithInterval(s.chrf), fmt(s.chrfPlusPlus.score), fmt(s.bleu.score), glossaryText(c, s.engine), significanceText(s, c)];
      out.push(`| ${cells.join(' | ')} |`);
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

  const sigs = signatures(c);
  if (sigs.length > 0) {
    for (const s of sigs) out.push(`[^${FOOTNOTE[s.metric]}]: ${s.signatures.map((x) => `\`${x}\``).join(', ')}`);
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
