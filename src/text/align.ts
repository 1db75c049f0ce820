/**
 * Paragraph alignment between a source and a translation. Checks and comparisons only ever
 * compare paragraph i with paragraph i, so a different count is an error that must say where
 * the two files part ways, never a silent shift.
 */
import { AlignmentError } from '../core/errors.js';
import type { Paragraph } from '../core/types.js';

/** A text file split into paragraphs, as alignment sees it. */
export interface ParagraphFile {
  file: string;
  paragraphs: Paragraph[];
}

/**
 * Throws an AlignmentError unless `translation` has as many paragraphs as `source`.
 * The message names the first paragraph where the two stop corresponding, found from anchors
 * both languages share (numbers, acronyms, Latin-script names) and relative length.
 * @example assertAligned({ file: 'a.vi.txt', paragraphs }, { file: 'a.en.txt', paragraphs: other })
 */
export function assertAligned(source: ParagraphFile, translation: ParagraphFile): void {
  const n = source.paragraphs.length;
  const m = translation.paragraphs.length;
  if (n === m) return;
  const k = firstDivergence(source.paragraphs, translation.paragraphs);
  const sp = source.paragraphs[Math.min(k, n - 1)];
  const tp = translation.paragraphs[Math.min(k, m - 1)];
  const where = m < n ? 'merged or dropped' : 'split or added';
  throw new AlignmentError(
    `${translation.file} has ${m} paragraphs but ${source.file} has ${n}: alignment breaks at paragraph ${k + 1}` +
      ` (source line ${sp?.line ?? '?'}, translation line ${tp?.line ?? '?'}); a paragraph looks ${where} there`,
    {
      location: { file: translation.file, line: tp?.line ?? 1, column: 1 },
      hint: 'separate paragraphs with one blank line so each source paragraph has exactly one translated paragraph',
    },
  );
}

/** Index of the first paragraph pair that fits a shifted pairing better than the straight one. */
export function firstDivergence(source: Paragraph[], target: Paragraph[]): number {
  const limit = Math.min(source.length, target.length);
  const ratio = medianLengthRatio(source, target, limit);
  for (let i = 0; i < limit; i++) {
    const s = source[i]!;
    const straight = similarity(s, target[i]!, ratio);
    const shiftedTarget = i + 1 < target.length ? similarity(s, target[i + 1]!, ratio) : -1;
    const shiftedSource = i + 1 < source.length ? similarity(source[i + 1]!, target[i]!, ratio) : -1;
    if (Math.max(shiftedTarget, shiftedSource) > straight + 0.15) return i;
  }
  return limit;
}

function medianLengthRatio(source: Paragraph[], target: Paragraph[], limit: number): number {
  const ratios: number[] = [];
  for (let i = 0; i < limit; i++) ratios.push(target[i]!.text.length / Math.max(1, source[i]!.text.length));
  ratios.sort((a, b) => a - b);
  return ratios.length ? ratios[Math.floor(ratios.length / 2)]! : 1;
}

/** 0..1: shared anchors (Jaccard) blended with how well the length fits the typical ratio. */
function similarity(s: Paragraph, t: Paragraph, ratio: number): number {
  const a = anchors(s.text);
  const b = anchors(t.text);
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  const anchorScore = union === 0 ? 0.5 : shared / union;
  const expected = s.text.length * ratio;
  const lengthScore = Math.min(expected, t.text.length) / Math.max(1, Math.max(expected, t.text.length));
  return 0.6 * anchorScore + 0.4 * lengthScore;
}

/** Tokens that survive translation unchanged: numbers, acronyms, capitalised Latin names. */
function anchors(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\d+(?:[.,]\d+)*|\b[A-Z][A-Za-z&-]*[A-Z]\b|\b[A-Z][a-z]+\b/g)) out.add(m[0]);
  return out;
}
