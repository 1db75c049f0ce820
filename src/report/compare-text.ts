/**
 * The terminal comparison report: a compact score table, the outlier, and the paragraphs where
 * the engines disagree most with inline word diffs against the pivot.
 */
import pc from 'picocolors';
import type { Comparison, DiffOp, ParagraphComparison } from '../compare/types.js';
import {
  agreementText,
  bestText,
  bootstrapNote,
  fmt,
  glossaryText,
  headline,
  isPivotEngine,
  metricLabel,
  metricsOf,
  pivotText,
  scoreOf,
  scoreWithInterval,
  signatures,
  significanceText,
  topDisagreements,
} from './compare-common.js';
import { displayWidth, padEnd, padStart, wrapWords } from './escape.js';
import type { CompareTextOptions } from './types.js';

type Colors = ReturnType<typeof pc.createColors>;

/**
 * Formats a comparison for a terminal. With colour, insertions are green and underlined and
 * deletions red and struck through; without, diffs read `[-deleted-]{+inserted+}`.
 * @example formatCompareText(comparison, { color: false, width: 100, top: 3 })
 */
export function formatCompareText(c: Comparison, opts: CompareTextOptions): string {
  const col = pc.createColors(opts.color);
  const width = Math.max(40, opts.width ?? 100);
  const prose = (text: string, style?: (s: string) => string): string[] => wrapWords(text, width).map((l) => (style ? style(l) : l));
  const out: string[] = prose(`vitrans compare: ${headline(c)}`, col.bold);
  // Lines are appended one by one: a long paragraph wraps to more lines than a call takes arguments.
  const add = (lines: readonly string[]): void => {
    for (const l of lines) out.push(l);
  };
  add(prose(`Diffs against ${c.pivot.kind === 'reference' ? 'the reference' : c.pivot.name}: ${c.pivot.reason}`));
  out.push('');

  add(table(c, col));
  const best = bestText(c);
  if (best) add(prose(best));
  add(signatureLines(c, width).map((l) => col.dim(l)));
  const note = bootstrapNote(c);
  if (note) add(prose(note, col.dim));
  if (c.outlier.engine !== null || c.engines.length > 2) add(prose(c.outlier.note));
  if (c.analyses) add(prose('Analyses (word accuracy by frequency, glossary terms, scores by paragraph length, n-grams, paragraphs where two engines differ most): see --format html, markdown or json.', col.dim));
  out.push('');

  const top = topDisagreements(c, opts.top ?? 3);
  if (c.engines.length < 2) {
    out.push('Only one engine: nothing to compare paragraph by paragraph.');
  } else if (top.length === 0) {
    out.push('The engines agree on every paragraph.');
  } else {
    out.push(col.bold(`Where the engines disagree most (${top.length} of ${c.paragraphs.length} paragraphs):`), '');
    for (const p of top) {
      add(paragraphBlock(c, p, col, width));
      out.push('');
    }
  }
  while (out.at(-1) === '') out.pop();
  return out.join('\n') + '\n';
}

function table(c: Comparison, col: Colors): string[] {
  const rows: string[][] = [];
  const hasGlossary = c.glossary !== undefined;
  if (c.scores && c.scores.length > 0) {
    const vs = c.bootstrap ? `vs ${c.bootstrap.baseline} (chrF2)` : 'significance';
    // The primary metric (first) with its interval; the others as plain scores, to fit a terminal.
    const metrics = metricsOf(c);
    rows.push(['engine', ...metrics.map((m, i) => (i === 0 ? `${metricLabel(m)} (95% CI)` : metricLabel(m))), 'glossary', vs]);
    for (const s of c.scores) {
      const cells = metrics.map((m, i) => {
        const score = scoreOf(s, m.id);
        return score === undefined ? 'n/a' : i === 0 ? scoreWithInterval(score) : fmt(score.score);
      });
      rows.push([s.engine, ...cells, glossaryText(c, s.engine), significanceText(s, c)]);
    }
  } else {
    rows.push(['engine', 'agreement (chrF2 with the others)', 'glossary']);
    for (const e of c.engines) rows.push([e, agreementText(c, e), hasGlossary ? glossaryText(c, e) : 'n/a']);
  }
  const widths = rows[0]!.map((_, i) => rows.reduce((w, r) => Math.max(w, displayWidth(r[i] ?? '')), 0));
  // Numbers right-aligned, names and words left-aligned.
  const numeric = rows[0]!.map((_, i) => i > 0 && rows.slice(1).every((r) => /^[\d.]+( ± [\d.]+)?$/.test(r[i] ?? '')));
  return rows.map((r, ri) => {
    const line = r
      .map((cell, i) => (numeric[i] && ri > 0 ? padStart(cell, widths[i]!) : padEnd(cell, widths[i]!)))
      .join('  ')
      .trimEnd();
    return ri === 0 ? col.bold(line) : line;
  });
}

/**
 * The metric signatures under the score table, one a line (none without scores). A signature
 * wider than the terminal breaks after a `|`, its continuation indented further.
 */
function signatureLines(c: Comparison, width: number): string[] {
  const sigs = signatures(c).flatMap((s) => s.signatures);
  if (sigs.length === 0) return [];
  const out = ['Signatures:'];
  for (const sig of sigs) {
    let line = '  ';
    for (const part of sig.split(/(?<=\|)/)) {
      if (line.trim() !== '' && displayWidth(line + part) > width) {
        out.push(line);
        line = '    ';
      }
      line += part;
    }
    out.push(line);
  }
  return out;
}

function paragraphBlock(c: Comparison, p: ParagraphComparison, col: Colors, width: number): string[] {
  const labels = ['source', ...(p.reference !== undefined ? ['reference'] : []), ...c.engines];
  const labelWidth = labels.reduce((w, l) => Math.max(w, displayWidth(l)), 0);
  const indent = 2 + labelWidth + 2;
  const textWidth = Math.max(20, width - indent);
  const out = [col.cyan(`¶${p.index} (line ${p.line}) · disagreement ${p.disagreement === null ? 'n/a' : fmt(p.disagreement)}`)];
  const block = (label: string, pieces: Piece[]): void => {
    wrapPieces(pieces, textWidth).forEach((line, i) => {
      out.push(`${i === 0 ? `  ${col.dim(padEnd(label, labelWidth))}  ` : ' '.repeat(indent)}${line}`);
    });
  };
  block('source', [{ text: p.source }]);
  if (p.reference !== undefined) block('reference', [{ text: p.reference }]);
  for (const engine of c.engines) {
    const ops = p.diffs[engine];
    const score = p.scores?.[engine];
    const suffix: Piece[] = score ? [{ text: ` (chrF ${fmt(score.chrf)})`, style: col.dim, nowrap: true }] : [];
    if (isPivotEngine(c, engine) || !ops) block(engine, [{ text: p.outputs[engine] ?? '' }, { text: ' (pivot)', style: col.dim, nowrap: true }, ...suffix]);
    else block(engine, [...diffPieces(ops, col), ...suffix]);
  }
  if (c.pivot.kind === 'engine' && pivotText(c, p) === '') out.push(col.dim('  (the pivot engine has no text here)'));
  return out;
}

/** A run of text with one style (none for plain text). */
interface Piece {
  text: string;
  style?: (s: string) => string;
  /** Put around the whole run when there is no colour. */
  open?: string;
  close?: string;
  /** Keep the run on one line (a label such as "(chrF 81.6)"). */
  nowrap?: boolean;
}

function diffPieces(ops: DiffOp[], col: Colors): Piece[] {
  // One function object per style, so runs of the same style merge when a line is rendered.
  const insertStyle = (s: string): string => col.green(col.underline(s));
  const deleteStyle = (s: string): string => col.red(col.strikethrough(s));
  return ops.map((op) => {
    if (op.op === 'equal') return { text: op.text };
    if (!col.isColorSupported) return op.op === 'insert' ? { text: op.text, open: '{+', close: '+}' } : { text: op.text, open: '[-', close: '-]' };
    return op.op === 'insert'
      ? { text: op.text, style: insertStyle }
      : { text: op.text, style: deleteStyle };
  });
}

/**
 * Word-wraps styled runs to `width` columns. Styles are applied per line (a colour never spans
 * a line break); without colour, the markers go around the run's first and last word.
 */
function wrapPieces(pieces: Piece[], width: number): string[] {
  interface Token {
    text: string;
    width: number;
    space: boolean;
    style?: (s: string) => string;
  }
  const tokens: Token[] = [];
  for (const piece of pieces) {
    // Markers go outside the run's leading and trailing spaces so `{+word +}` reads `{+word+} `.
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(piece.text)!;
    const [lead, core, trail] = [m[1]!, m[2]!, m[3]!];
    if (piece.open && core === '') {
      // A change that is only whitespace: the markers go around it, as one word.
      const text = `${piece.open}${piece.text}${piece.close!}`;
      tokens.push({ text, width: displayWidth(text), space: false });
      continue;
    }
    const words = piece.nowrap ? (core ? [core] : []) : core.split(/(\s+)/).filter(Boolean);
    if (piece.open) {
      words[0] = piece.open + words[0]!;
      words[words.length - 1] = words[words.length - 1]! + piece.close!;
    }
    for (const part of [...(lead ? [lead] : []), ...words, ...(trail ? [trail] : [])]) {
      const space = /^\s+$/.test(part);
      tokens.push({ text: space ? ' ' : part, width: space ? 1 : displayWidth(part), space, style: piece.style });
    }
  }

  // Words are runs of tokens with no space between them ("[-In addition-]{+Additionally+},"):
  // lines break only at spaces.
  const words: { tokens: Token[]; width: number; spaceBefore?: Token }[] = [];
  let pendingSpace: Token | undefined;
  for (const t of tokens) {
    if (t.space) {
      pendingSpace = t;
      continue;
    }
    const last = words.at(-1);
    if (last && !pendingSpace) {
      last.tokens.push(t);
      last.width += t.width;
    } else {
      words.push({ tokens: [t], width: t.width, spaceBefore: pendingSpace });
    }
    pendingSpace = undefined;
  }
  const lines: Token[][] = [];
  let line: Token[] = [];
  let used = 0;
  for (const w of words) {
    if (used > 0 && used + 1 + w.width > width) {
      lines.push(line);
      line = [];
      used = 0;
    }
    if (used > 0 && w.spaceBefore) {
      line.push(w.spaceBefore);
      used += 1;
    }
    for (const t of w.tokens) line.push(t);
    used += w.width;
  }
  lines.push(line);
  return lines.map(renderLine);
}

/** Joins a line's tokens, styling each run of same-styled tokens once. */
function renderLine(tokens: { text: string; style?: (s: string) => string }[]): string {
  let out = '';
  let run = '';
  let style: ((s: string) => string) | undefined;
  const flush = (): void => {
    out += style ? style(run) : run;
    run = '';
  };
  for (const t of tokens) {
    if (t.style !== style) {
      flush();
      style = t.style;
    }
    run += t.text;
  }
  flush();
  return out;
}
