import type { Check } from '../types.js';
import { wordCharLength } from '../../text/chars.js';
import { foldSyllable } from '../../text/vietnamese.js';
import { sentenceSpans } from '../../text/sentences.js';

/**
 * Consistency across all the articles of a run (`vitrans check DIR`), within each series of
 * translations (one engine's or one translator's), in both directions:
 * - the same source sentence translated two ways ("Hai bên nhất trí tăng cường hợp tác." is "The
 *   two sides agreed to step up cooperation." in one article and "Both sides agreed to boost
 *   cooperation." in another);
 * - two different source sentences translated identically (a sentence pasted from another
 *   article, or a translation memory match used for a sentence that differs, in a number say).
 * The later sentence is reported, pointing at the first. Sentences are paired within a paragraph
 * when source and translation have as many; sentences are compared without case and punctuation,
 * Vietnamese as the glossary matcher folds it (tone placement, i/y, NFD). Only hashes and places
 * are kept, never the text.
 */
export const inconsistentTranslation: Check = {
  meta: {
    id: 'inconsistent-translation',
    description: 'A source sentence is translated two ways, or two source sentences one way, across the articles checked.',
    severity: 'warning',
    fixable: false,
    options: {
      minWords: { type: 'number', default: 5, min: 1, description: 'shortest translated sentence compared, in words (datelines and bylines vary)' },
      sameSource: { type: 'boolean', default: true, description: 'report a source sentence translated two ways' },
      sameTranslation: { type: 'boolean', default: true, description: 'report two source sentences translated identically' },
    },
  },
  create(context) {
    const o = context.options as { minWords: number; sameSource: boolean; sameTranslation: boolean };
    const run = context.runState(() => ({ files: new Files(), series: new Map<string, SeriesTables>() }));
    let tables = run.series.get(context.series);
    if (!tables) run.series.set(context.series, (tables = { bySource: new SentenceTable(), byTarget: new SentenceTable() }));
    const { bySource, byTarget } = tables;
    const sourceFile = run.files.id(context.sourceFile);
    const targetFile = run.files.id(context.targetFile);
    const place = (file: number, line: number, column: number) => `${run.files.name(file)}:${line}:${column}`;
    // The earlier sentence as a place of its own, for reports (SARIF) that link to it.
    const earlier = (message: string, file: number, line: number, column: number) => [{ file: run.files.name(file), line, column, message }];

    return {
      // A pair contributes its sentences' hashes and where they stand in it; the tables of the run
      // are filled from them in paragraph order, so an edit reads only the paragraphs it changed.
      contribute(pair): readonly number[] {
        const sources = sentenceSpans(context.sourceText, pair.source.start, pair.source.end);
        const targets = sentenceSpans(context.targetText, pair.target.start, pair.target.end);
        if (sources.length !== targets.length) return NO_SENTENCES;
        const rows: number[] = [];
        for (let i = 0; i < sources.length; i++) {
          const [ss, se] = sources[i]!;
          const [ts, te] = targets[i]!;
          const target = englishHash(context.targetText, ts, te);
          if (target.words < o.minWords) continue;
          const s0 = pair.source.start;
          const t0 = pair.target.start;
          rows.push(ss - s0, se - s0, ts - t0, te - t0, vietnameseHash(context.sourceText, ss, se), target.hash);
        }
        // A plain array of its own length: a typed array's buffer cost a pair as much again, kept for every pair of the document.
        return rows.length === 0 ? NO_SENTENCES : rows.slice();
      },
      contributed(all: readonly (readonly number[])[], pairAt) {
        for (let p = 0; p < all.length; p++) {
          const rows = all[p]!;
          if (rows.length === 0) continue;
          const pair = pairAt(p + 1);
          for (let r = 0; r < rows.length; r += SENTENCE_ROW) {
            const ss = pair.source.start + rows[r]!;
            const se = pair.source.start + rows[r + 1]!;
            const ts = pair.target.start + rows[r + 2]!;
            const te = pair.target.start + rows[r + 3]!;
            const sourceHash = rows[r + 4]!;
            const targetHash = rows[r + 5]!;
            const s = context.position(ss, 'source');
            const t = context.position(ts, 'target');
            const here = { sourceFile, sourceLine: s.line, sourceColumn: s.column, targetFile, targetLine: t.line, targetColumn: t.column };

            const first = bySource.get(sourceHash);
            if (first === undefined) bySource.add(sourceHash, targetHash, here);
            else if (o.sameSource && bySource.other(first) !== targetHash) {
              context.report({
                paragraph: pair.index,
                message: `this sentence is translated differently at ${place(...bySource.target(first))}`,
                targetRange: [ts, te],
                sourceRange: [ss, se],
                note: `its source is the same as at ${place(...bySource.source(first))}: translate it one way`,
                related: earlier('the earlier translation of this sentence', ...bySource.target(first)),
              });
            }

            const same = byTarget.get(targetHash);
            if (same === undefined) byTarget.add(targetHash, sourceHash, here);
            else if (o.sameTranslation && byTarget.other(same) !== sourceHash) {
              context.report({
                paragraph: pair.index,
                // Which of the two is the pasted one is not known here (the later one is where the
                // finding stands): the message names both alike.
                message: `the same translation stands here and at ${place(...byTarget.target(same))} for two different source sentences: one of them is likely pasted from the other`,
                targetRange: [ts, te],
                sourceRange: [ss, se],
                note: `compare the sources: this one and ${place(...byTarget.source(same))}, and fix the translation that does not match its own`,
                related: earlier('the same translation, of another source sentence', ...byTarget.target(same)),
              });
            }
          }
        }
      },
    };
  },
};

/** A pair's sentences as rows of six numbers: source start and end, target start and end (relative to the pair's starts), source hash, target hash. */
const SENTENCE_ROW = 6;
const NO_SENTENCES: readonly number[] = Object.freeze([]);

interface SeriesTables {
  /** Source sentence hash → its first translation. */
  bySource: SentenceTable;
  /** Translated sentence hash → its first source. */
  byTarget: SentenceTable;
}

/** File names of a run, numbered once. */
class Files {
  private readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.ids.set(name, id);
    }
    return id;
  }
  name(id: number): string {
    return this.names[id] ?? '?';
  }
}

interface Place {
  sourceFile: number;
  sourceLine: number;
  sourceColumn: number;
  targetFile: number;
  targetLine: number;
  targetColumn: number;
}

/**
 * Sentence hash → (the other side's hash, where both sentences were), in typed columns: a few
 * dozen bytes a sentence however long it is.
 */
class SentenceTable {
  private readonly rows = new Map<number, number>();
  private other_ = new Float64Array(1024);
  private places = new Int32Array(1024 * 6);
  private count = 0;

  get(hash: number): number | undefined {
    return this.rows.get(hash);
  }

  add(hash: number, other: number, p: Place): void {
    if (this.count === this.other_.length) {
      const o = new Float64Array(this.count * 2);
      o.set(this.other_);
      this.other_ = o;
      const q = new Int32Array(this.count * 12);
      q.set(this.places);
      this.places = q;
    }
    const row = this.count++;
    this.other_[row] = other;
    const at = row * 6;
    const places = this.places;
    places[at] = p.sourceFile;
    places[at + 1] = p.sourceLine;
    places[at + 2] = p.sourceColumn;
    places[at + 3] = p.targetFile;
    places[at + 4] = p.targetLine;
    places[at + 5] = p.targetColumn;
    this.rows.set(hash, row);
  }

  other(row: number): number {
    return this.other_[row]!;
  }

  source(row: number): [number, number, number] {
    return [this.places[row * 6]!, this.places[row * 6 + 1]!, this.places[row * 6 + 2]!];
  }

  target(row: number): [number, number, number] {
    return [this.places[row * 6 + 3]!, this.places[row * 6 + 4]!, this.places[row * 6 + 5]!];
  }
}

/**
 * A 53-bit hash of a sentence's words as the glossary matcher folds Vietnamese (tone placement,
 * i/y, case, NFD), punctuation left out. Plain ASCII syllables without a final y fold to their
 * lower case and are hashed in place; the others go through the matcher's (cached) folding.
 */
function vietnameseHash(text: string, start: number, end: number): number {
  const h = new Hash53();
  forEachWord(text, start, end, (s, e, ascii) => {
    if (ascii && (text.charCodeAt(e - 1) | 0x20) !== 0x79) h.addLowerAscii(text, s, e);
    else h.add(foldSyllable(text.slice(s, e)));
    h.separator();
  });
  return h.value();
}

/** A 53-bit hash of an English sentence's words, lower case (NFC where it is not ASCII), and how many words it has. */
function englishHash(text: string, start: number, end: number): { hash: number; words: number } {
  const h = new Hash53();
  let words = 0;
  forEachWord(text, start, end, (s, e, ascii) => {
    if (ascii) h.addLowerAscii(text, s, e);
    else h.add(text.slice(s, e).normalize('NFC').toLowerCase());
    h.separator();
    words++;
  });
  return { hash: h.value(), words };
}

/** Calls `word` for each run of letters, marks and digits in text[start, end), saying whether it is plain ASCII. */
function forEachWord(text: string, start: number, end: number, word: (s: number, e: number, ascii: boolean) => void): void {
  let i = start;
  while (i < end) {
    if (wordCharLength(text, i) === 0) {
      i++;
      continue;
    }
    const s = i;
    let ascii = true;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39))) break;
        i++;
      } else {
        const l = wordCharLength(text, i);
        if (l === 0) break;
        ascii = false;
        i += l;
      }
    }
    word(s, i, ascii);
  }
}

/**
 * A 53-bit hash, fed piece by piece: two 32-bit FNV-1a variants (different offsets and primes)
 * side by side, so a million sentences collide with a chance of about one in 20,000.
 */
class Hash53 {
  private a = 0x811c9dc5 | 0;
  private b = 0x9747b28c | 0;

  add(s: string): void {
    for (let i = 0; i < s.length; i++) this.code(s.charCodeAt(i));
  }

  /** text[s, e), which is ASCII, lower-cased. */
  addLowerAscii(text: string, s: number, e: number): void {
    for (let i = s; i < e; i++) {
      const c = text.charCodeAt(i);
      this.code(c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
    }
  }

  separator(): void {
    this.code(0x20);
  }

  value(): number {
    return (this.a >>> 0) * 0x200000 + (this.b >>> 11);
  }

  private code(c: number): void {
    this.a = Math.imul(this.a ^ c, 0x01000193);
    this.b = Math.imul(this.b ^ c, 0x5bd1e995);
  }
}
