/**
 * Paragraph alignment between a source and a translation. Checks and comparisons only ever
 * compare paragraph i with paragraph i, so a different count is an error that must say where
 * the two files part ways, never a silent shift.
 */
import { AlignmentError } from '../core/errors.js';
import type { Paragraph } from '../core/types.js';
import { wordCharLength } from './chars.js';

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

/** What the cost function compares: a paragraph's anchors (interned, sorted ids) and length. */
interface Unit {
  anchors: number[];
  length: number;
}

/**
 * Cells the alignment table may have. Up to this the whole table is searched; beyond it (tens of
 * thousands of paragraphs on each side) only a band along the line from the start of both files to
 * their ends, which is where a paragraph merged, split or dropped here and there keeps the path.
 */
export const ALIGNMENT_CELL_BUDGET = 16_000_000;

/** Diagonals searched on either side of those a few drops or additions reach. */
const BAND_MARGIN = 8;

/**
 * Index of the first source paragraph where the best alignment stops pairing one with one.
 * A small dynamic programme in the manner of Gale and Church: steps pair 1:1, merge 2:1, split
 * 1:2, or leave a paragraph out, each costed by how badly the paired units fit (shared anchors and
 * relative length); the cheapest path's first step that is not 1:1 is where alignment breaks.
 * Time and memory are linear in the paragraphs (a band of the table for big files; see
 * ALIGNMENT_CELL_BUDGET).
 */
export function firstDivergence(source: ParagraphFile | Paragraph[], target: ParagraphFile | Paragraph[]): number {
  const s = units(Array.isArray(source) ? { file: '', paragraphs: source } : source);
  const t = units(Array.isArray(target) ? { file: '', paragraphs: target } : target);
  const n = s.length;
  const m = t.length;
  const ratio = totalLength(t) / Math.max(1, totalLength(s));
  // Shared anchors of each paragraph with the next, for merged units without building them.
  const nextShared = (u: Unit[]): Int32Array => Int32Array.from(u, (a, i) => (i + 1 < u.length ? sharedCount(a.anchors, u[i + 1]!.anchors) : 0));
  const sNext = nextShared(s);
  const tNext = nextShared(t);
  const fit = (a: Unit, b: Unit): number => 1 - similarity(a.anchors.length, b.anchors.length, sharedCount(a.anchors, b.anchors), a.length, b.length, ratio);
  // The paragraph at index i of `side` merged with the next one, against b (on the other side).
  const fitMerged = (i: number, b: Unit, side: Unit[], next: Int32Array, swap: boolean): number => {
    const a = side[i]!;
    const a2 = side[i + 1]!;
    const shared = sharedWithEither(b.anchors, a.anchors, a2.anchors);
    const size = a.anchors.length + a2.anchors.length - next[i]!;
    const length = a.length + 1 + a2.length;
    return 1 - (swap ? similarity(b.anchors.length, size, shared, b.length, length, ratio) : similarity(size, b.anchors.length, shared, length, b.length, ratio));
  };
  // Tuned on the corpus (every paragraph of each reference dropped, merged with the next, split):
  // merges and splits are found exactly, drops almost always (else one paragraph early).
  const SKIP = 0.5; // leaving a paragraph out
  const MERGE = 0.5; // added to a 2:1 or 1:2 step's fit, so a drop is not read as a merge

  // Row i holds columns lo[i]..hi[i]: the whole table when it fits the budget; else the
  // diagonals from 0 to m − n (where paragraphs dropped or added in a few places put the path)
  // with a margin; else, when the counts differ too much for that, a band along the line from
  // (0, 0) to (n, m) as wide as the budget allows.
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  const shift = m - n;
  const diagonalCells = (n + 1) * (Math.abs(shift) + 2 * BAND_MARGIN + 1);
  const full = (n + 1) * (m + 1) <= ALIGNMENT_CELL_BUDGET;
  const lineBand = Math.max(BAND_MARGIN, Math.floor(ALIGNMENT_CELL_BUDGET / (n + 1) / 2));
  const rowAt = new Float64Array(n + 2);
  for (let i = 0; i <= n; i++) {
    if (full) {
      lo[i] = 0;
      hi[i] = m;
    } else if (diagonalCells <= ALIGNMENT_CELL_BUDGET) {
      lo[i] = Math.max(0, i + Math.min(0, shift) - BAND_MARGIN);
      hi[i] = Math.min(m, i + Math.max(0, shift) + BAND_MARGIN);
    } else {
      lo[i] = Math.max(0, Math.floor((i * m) / n) - lineBand);
      hi[i] = Math.min(m, Math.ceil(((i + 1) * m) / n) + lineBand);
    }
    if (hi[i]! < lo[i]!) hi[i] = lo[i]!;
    rowAt[i + 1] = rowAt[i]! + (hi[i]! - lo[i]! + 1);
  }
  const step = new Uint8Array(rowAt[n + 1]!); // 1: 1:1, 2: 2:1, 3: 1:2, 4: 1:0, 5: 0:1
  // Costs of three rows at a time (steps reach two rows ahead).
  const rows = [0, 1, 2].map(() => new Float64Array(0));
  const rowCost = (i: number): Float64Array => rows[i % 3]!;
  const openRow = (i: number): void => {
    if (i > n) return;
    const width = hi[i]! - lo[i]! + 1;
    if (rows[i % 3]!.length < width) rows[i % 3] = new Float64Array(width);
    rows[i % 3]!.fill(Infinity, 0, width);
  };
  openRow(0);
  openRow(1);
  rowCost(0)[0] = 0;
  /** Offers the cell (ti, tj) the cost `cost` by step `kind`; cells outside the band are not kept. */
  const relax = (row: Float64Array, ti: number, tj: number, kind: number, cost: number): void => {
    if (ti > n || tj < lo[ti]! || tj > hi[ti]!) return;
    const k = tj - lo[ti]!;
    if (cost < row[k]!) {
      row[k] = cost;
      step[rowAt[ti]! + k] = kind;
    }
  };
  for (let i = 0; i <= n; i++) {
    openRow(i + 2);
    const here = rowCost(i);
    const below = i < n ? rowCost(i + 1) : here;
    const twoBelow = i + 1 < n ? rowCost(i + 2) : here;
    const a = s[i];
    for (let j = lo[i]!; j <= hi[i]!; j++) {
      const c = here[j - lo[i]!]!;
      if (c === Infinity) continue;
      const b = t[j];
      if (a && b) {
        relax(below, i + 1, j + 1, 1, c + fit(a, b));
        if (i + 1 < n) relax(twoBelow, i + 2, j + 1, 2, c + fitMerged(i, b, s, sNext, false) + MERGE);
        if (j + 1 < m) relax(below, i + 1, j + 2, 3, c + fitMerged(j, a, t, tNext, true) + MERGE);
      }
      if (a) relax(below, i + 1, j, 4, c + SKIP);
      if (b) relax(here, i, j + 1, 5, c + SKIP);
    }
  }
  // Walk back from the end and keep the earliest step that is not 1:1.
  let i = n;
  let j = m;
  let first = Math.min(n, m);
  while (i > 0 || j > 0) {
    const kind = step[rowAt[i]! + (j - lo[i]!)]!;
    if (kind === 0) break; // outside the band's reach: cannot happen with a band this wide
    const [di, dj] = kind === 1 ? [1, 1] : kind === 2 ? [2, 1] : kind === 3 ? [1, 2] : kind === 4 ? [1, 0] : [0, 1];
    i -= di;
    j -= dj;
    if (kind !== 1) first = i;
  }
  return first;
}

function units(file: ParagraphFile): Unit[] {
  return file.paragraphs.map((p, i) => {
    const ids = anchorIds(p.text);
    for (const extra of file.anchors?.[i] ?? []) ids.push(hash(`\u0000${extra}`, 0, extra.length + 1));
    ids.sort((a, b) => a - b);
    // Each anchor once, as in a set.
    let n = 0;
    for (let k = 0; k < ids.length; k++) if (k === 0 || ids[k] !== ids[k - 1]) ids[n++] = ids[k]!;
    ids.length = n;
    return { anchors: ids, length: p.text.length };
  });
}

function totalLength(units: Unit[]): number {
  return units.reduce((sum, u) => sum + u.length, 0);
}

/** Ids in both sorted lists. */
function sharedCount(a: readonly number[], b: readonly number[]): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  return shared;
}

/** Ids of sorted list `b` found in sorted list `a` or `a2`. */
function sharedWithEither(b: readonly number[], a: readonly number[], a2: readonly number[]): number {
  let shared = 0;
  let i = 0;
  let k = 0;
  for (const x of b) {
    while (i < a.length && a[i]! < x) i++;
    while (k < a2.length && a2[k]! < x) k++;
    if ((i < a.length && a[i] === x) || (k < a2.length && a2[k] === x)) shared++;
  }
  return shared;
}

/** 0..1: shared anchors (Jaccard) blended with how well the length fits the typical ratio. */
function similarity(sAnchors: number, tAnchors: number, shared: number, sLength: number, tLength: number, ratio: number): number {
  const union = sAnchors + tAnchors - shared;
  const anchorScore = union === 0 ? 0.5 : shared / union;
  // Lengths of translations vary around a typical ratio; score the log of the deviation.
  const deviation = Math.abs(Math.log((tLength + 1) / (sLength * ratio + 1)));
  const lengthScore = Math.exp(-2 * deviation);
  return 0.6 * anchorScore + 0.4 * lengthScore;
}

/**
 * Tokens that survive translation unchanged: numbers, acronyms, Latin-script names (Kishida,
 * Tomahawk), as 32-bit hashes (two anchors sharing one only nudge a heuristic score). A token is a
 * run of letters, marks, digits and "&"; one pass, no strings but for capitalised words.
 */
function anchorIds(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const len = text.charCodeAt(i) === 0x26 ? 1 : wordCharLength(text, i);
    if (len === 0) {
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      const l = text.charCodeAt(i) === 0x26 ? 1 : wordCharLength(text, i);
      if (l === 0) break;
      i += l;
    }
    if (isAnchor(text, start, i)) out.push(hash(text, start, i));
  }
  return out;
}

const isUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;

/** A number (starts with a digit), an acronym (/^[A-Z][A-Za-z&]*[A-Z]/) or a capitalised ASCII name that is not a common word. */
function isAnchor(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first >= 0x30 && first <= 0x39) return true;
  if (!isUpper(first)) return false;
  let allLower = true;
  for (let k = start + 1; k < end; k++) {
    const c = text.charCodeAt(k);
    if (isUpper(c)) return true;
    if (!isLower(c) && c !== 0x26) return false;
    if (!isLower(c)) allLower = false;
  }
  return allLower && end - start >= 3 && !COMMON_ASCII_WORDS.has(text.slice(start, end));
}

/** FNV-1a over the UTF-16 units of text[start, end). */
function hash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h;
}

/** Sentence-initial words that are plain ASCII in one language or the other and name nothing. */
const COMMON_ASCII_WORDS = new Set(['The', 'This', 'That', 'These', 'In', 'On', 'At', 'For', 'And', 'But', 'As', 'It', 'Its', 'Trong', 'Tuy', 'Khi', 'Do', 'Ngay']);
