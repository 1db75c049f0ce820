/**
 * Paragraph alignment between a source and a translation. Checks and comparisons only ever
 * compare paragraph i with paragraph i, so a different count is an error that must say where
 * the two files part ways, never a silent shift.
 */
import { AlignmentError } from '../core/errors.js';
import type { Paragraph } from '../core/types.js';

/**
 * A text file split into paragraphs, as alignment sees it. `anchors`, when given, adds tokens per
 * paragraph that both languages share, beyond those alignment finds itself (e.g. the ids of the
 * glossary terms found in each paragraph of the source and of the translation).
 */
export interface ParagraphFile {
  file: string;
  paragraphs: readonly Paragraph[];
  anchors?: ReadonlyArray<Iterable<string>>;
}

/**
 * Throws an AlignmentError unless `translation` has as many paragraphs as `source`.
 * The message names the first paragraph where the two stop corresponding, found from anchors
 * both languages share (numbers, acronyms, Latin-script names, glossary terms) and relative length.
 * @example assertAligned({ file: 'a.vi.txt', paragraphs }, { file: 'a.en.txt', paragraphs: other })
 */
export function assertAligned(source: ParagraphFile, translation: ParagraphFile): void {
  const n = source.paragraphs.length;
  const m = translation.paragraphs.length;
  if (n === m) return;
  const k = firstDivergence(source, translation);
  const sp = source.paragraphs[Math.min(k, n - 1)];
  const tp = translation.paragraphs[Math.min(k, m - 1)];
  const where = m < n ? 'merged or dropped' : 'split or added';
  throw new AlignmentError(
    `${translation.file} has ${m} paragraph${m === 1 ? '' : 's'} but ${source.file} has ${n}: alignment breaks at paragraph ${k + 1}` +
      ` (source line ${sp?.line ?? '?'}, translation line ${tp?.line ?? '?'}); a paragraph looks ${where} there`,
    {
      location: { file: translation.file, line: tp?.line ?? 1, column: 1 },
      hint: 'separate paragraphs with one blank line so each source paragraph has exactly one translated paragraph',
    },
  );
}

/** What the cost function compares: a paragraph's (or two merged paragraphs') anchors and length. */
interface Unit {
  anchors: Set<string>;
  length: number;
}

/**
 * Index of the first source paragraph where the best alignment stops pairing one with one.
 * A small dynamic programme in the manner of Gale and Church: steps pair 1:1, merge 2:1, split
 * 1:2, or leave a paragraph out, each costed by how badly the paired units fit (shared anchors and
 * relative length); the cheapest path's first step that is not 1:1 is where alignment breaks.
 */
export function firstDivergence(source: ParagraphFile | Paragraph[], target: ParagraphFile | Paragraph[]): number {
  const s = units(Array.isArray(source) ? { file: '', paragraphs: source } : source);
  const t = units(Array.isArray(target) ? { file: '', paragraphs: target } : target);
  const n = s.length;
  const m = t.length;
  const ratio = totalLength(t) / Math.max(1, totalLength(s));
  const fit = (a: Unit, b: Unit) => 1 - similarity(a, b, ratio);
  // Tuned on the corpus (every paragraph of each reference dropped, merged with the next, split):
  // merges and splits are found exactly, drops almost always (else one paragraph early).
  const SKIP = 0.5; // leaving a paragraph out
  const MERGE = 0.5; // added to a 2:1 or 1:2 step's fit, so a drop is not read as a merge
  const cost = new Float64Array((n + 1) * (m + 1)).fill(Infinity);
  const step = new Uint8Array((n + 1) * (m + 1)); // 1: 1:1, 2: 2:1, 3: 1:2, 4: 1:0, 5: 0:1
  const at = (i: number, j: number) => i * (m + 1) + j;
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = cost[at(i, j)]!;
      if (here === Infinity) continue;
      const relax = (di: number, dj: number, kind: number, c: number) => {
        const k = at(i + di, j + dj);
        if (here + c < cost[k]!) {
          cost[k] = here + c;
          step[k] = kind;
        }
      };
      const a = s[i];
      const b = t[j];
      if (a && b) {
        relax(1, 1, 1, fit(a, b));
        if (i + 1 < n) relax(2, 1, 2, fit(merge(a, s[i + 1]!), b) + MERGE);
        if (j + 1 < m) relax(1, 2, 3, fit(a, merge(b, t[j + 1]!)) + MERGE);
      }
      if (a) relax(1, 0, 4, SKIP);
      if (b) relax(0, 1, 5, SKIP);
    }
  }
  // Walk back from the end and keep the earliest step that is not 1:1.
  let i = n;
  let j = m;
  let first = Math.min(n, m);
  while (i > 0 || j > 0) {
    const kind = step[at(i, j)]!;
    const [di, dj] = kind === 1 ? [1, 1] : kind === 2 ? [2, 1] : kind === 3 ? [1, 2] : kind === 4 ? [1, 0] : [0, 1];
    i -= di;
    j -= dj;
    if (kind !== 1) first = i;
  }
  return first;
}

function units(file: ParagraphFile): Unit[] {
  return file.paragraphs.map((p, i) => {
    const set = anchors(p.text);
    for (const extra of file.anchors?.[i] ?? []) set.add(`\u0000${extra}`);
    return { anchors: set, length: p.text.length };
  });
}

function merge(a: Unit, b: Unit): Unit {
  return { anchors: new Set([...a.anchors, ...b.anchors]), length: a.length + 1 + b.length };
}

function totalLength(units: Unit[]): number {
  return units.reduce((sum, u) => sum + u.length, 0);
}

/** 0..1: shared anchors (Jaccard) blended with how well the length fits the typical ratio. */
function similarity(s: Unit, t: Unit, ratio: number): number {
  let shared = 0;
  for (const x of s.anchors) if (t.anchors.has(x)) shared++;
  const union = s.anchors.size + t.anchors.size - shared;
  const anchorScore = union === 0 ? 0.5 : shared / union;
  // Lengths of translations vary around a typical ratio; score the log of the deviation.
  const deviation = Math.abs(Math.log((t.length + 1) / (s.length * ratio + 1)));
  const lengthScore = Math.exp(-2 * deviation);
  return 0.6 * anchorScore + 0.4 * lengthScore;
}

/** Tokens that survive translation unchanged: numbers, acronyms, Latin-script names (Kishida, Tomahawk). */
function anchors(text: string): Set<string> {
  const out = new Set<string>();
  for (const [token] of text.matchAll(/[\p{L}\p{M}\p{N}&]+/gu)) {
    if (/^\d/.test(token) || /^[A-Z][A-Za-z&]*[A-Z]/.test(token) || (/^[A-Z][a-z]{2,}$/.test(token) && !COMMON_ASCII_WORDS.has(token))) out.add(token);
  }
  return out;
}

/** Sentence-initial words that are plain ASCII in one language or the other and name nothing. */
const COMMON_ASCII_WORDS = new Set(['The', 'This', 'That', 'These', 'In', 'On', 'At', 'For', 'And', 'But', 'As', 'It', 'Its', 'Trong', 'Tuy', 'Khi', 'Do', 'Ngay']);
