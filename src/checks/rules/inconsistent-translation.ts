import type { Check } from '../types.js';
import { foldSyllable, syllableSpans } from '../../text/vietnamese.js';
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

    return {
      paragraph(pair) {
        const sources = sentenceSpans(context.sourceText, pair.source.start, pair.source.end);
        const targets = sentenceSpans(context.targetText, pair.target.start, pair.target.end);
        if (sources.length !== targets.length) return;
        for (let i = 0; i < sources.length; i++) {
          const [ss, se] = sources[i]!;
          const [ts, te] = targets[i]!;
          const target = englishKey(context.targetText.slice(ts, te));
          if (target.words < o.minWords) continue;
          const sourceHash = hash53(vietnameseKey(context.sourceText.slice(ss, se)));
          const targetHash = hash53(target.key);
          const s = context.position(ss, 'source');
          const t = context.position(ts, 'target');
          const here = { sourceFile, sourceLine: s.line, sourceColumn: s.column, targetFile, targetLine: t.line, targetColumn: t.column };

          const first = bySource.get(sourceHash);
          if (first === undefined) bySource.add(sourceHash, targetHash, here);
          else if (o.sameSource && bySource.other(first) !== targetHash) {
            context.report({
              message: `this sentence is translated differently at ${place(...bySource.target(first))}`,
              targetRange: [ts, te],
              sourceRange: [ss, se],
              note: `its source is the same as at ${place(...bySource.source(first))}: translate it one way`,
            });
          }

          const same = byTarget.get(targetHash);
          if (same === undefined) byTarget.add(targetHash, sourceHash, here);
          else if (o.sameTranslation && byTarget.other(same) !== sourceHash) {
            context.report({
              message: `this translation is also given at ${place(...byTarget.target(same))} to a different source sentence`,
              targetRange: [ts, te],
              sourceRange: [ss, se],
              note: `compare the sources: this one and ${place(...byTarget.source(same))}`,
            });
          }
        }
      },
    };
  },
};

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
    this.places.set([p.sourceFile, p.sourceLine, p.sourceColumn, p.targetFile, p.targetLine, p.targetColumn], row * 6);
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

/** A Vietnamese sentence as the glossary matcher folds it, words only (no case, no punctuation). */
function vietnameseKey(sentence: string): string {
  return syllableSpans(sentence)
    .map(([s, e]) => foldSyllable(sentence.slice(s, e)))
    .join(' ');
}

/** An English sentence lower-cased, NFC, words only; and how many words it has. */
function englishKey(sentence: string): { key: string; words: number } {
  const words = sentence.normalize('NFC').toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  return { key: words.join(' '), words: words.length };
}

/**
 * A 53-bit hash of a string: two 32-bit FNV-1a variants (different offsets and primes) side by
 * side, so a million sentences collide with a chance of about one in 20,000.
 */
function hash53(s: string): number {
  let a = 0x811c9dc5 | 0;
  let b = 0x9747b28c | 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 0x200000 + (b >>> 11);
}
