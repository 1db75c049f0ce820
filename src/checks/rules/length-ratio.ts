import type { Check } from '../types.js';
import type { GlossaryEntry } from '../../glossary/types.js';
import { isSpaceCode } from '../../text/chars.js';
import { sentenceSpans } from '../../text/sentences.js';

/**
 * A translated paragraph far shorter or longer than its source, measured against the vi→en norm:
 * a dropped or an added sentence. Lengths are characters other than whitespace, as NFC counts
 * them, so NFD input and Vietnamese's many spaces between syllables do not count.
 *
 * The norm is learned from the translation itself (the median ratio of its paragraphs of at least
 * 100 characters, given enough of them), since it depends on the source's style: on the shipped
 * corpus, English is 1.01× the seed article (Vietnamese machine-translated from English, compact)
 * and 1.21× the natural Vietnamese article. Short documents use the `norm` option, 1.1. A
 * paragraph is reported when its ratio over the norm leaves [min, max] and its length is at least
 * `minDifference` characters from the expected one, so datelines and headings, whose ratios vary
 * most, need a real gap. Glossary terms may weigh what their canonical rendering weighs instead: a
 * paragraph whose length that explains (a short one full of ministry names) is not reported.
 */
export const lengthRatio: Check = {
  meta: {
    id: 'length-ratio',
    description: 'A translated paragraph is far shorter or longer than its source (a dropped or added sentence).',
    severity: 'warning',
    fixable: false,
    options: {
      norm: { type: 'number', default: 1.1, min: 0.1, max: 10, description: 'translation/source length when it cannot be learned from the translation' },
      learn: { type: 'boolean', default: true, description: "learn the norm from the translation's own paragraphs" },
      min: { type: 'number', default: 0.75, min: 0, max: 1, description: 'lowest ratio to the norm (0.75: a quarter shorter than usual)' },
      max: { type: 'number', default: 1.5, min: 1, description: 'highest ratio to the norm' },
      minDifference: { type: 'number', default: 40, min: 0, description: 'characters the length must be off by, whatever the ratio (spares short paragraphs)' },
    },
  },
  create(context) {
    const o = context.options as { norm: number; learn: boolean; min: number; max: number; minDifference: number };
    return {
      // A pair contributes its two lengths; the norm is learned from all of them, so an edit of one
      // paragraph may change the reports of others, but only the edited pair is measured again.
      contribute(pair): Lengths {
        // Counted in the whole texts: a paragraph's own text is a slice of them, slower to read.
        let termSource = 0;
        let termEnglish = 0;
        for (const t of pair.terms) {
          termSource += inkLength(context.sourceText, t.start, t.end);
          termEnglish += renderingLength(t.entry);
        }
        return {
          source: inkLength(context.sourceText, pair.source.start, pair.source.end),
          target: inkLength(context.targetText, pair.target.start, pair.target.end),
          termSource,
          termEnglish,
        };
      },
      contributed(all: readonly Lengths[], pairAt) {
        const learned = o.learn ? learnNorm(all) : undefined;
        const norm = learned ?? o.norm;
        for (let i = 0; i < all.length; i++) {
          const r = all[i]!;
          if (r.source === 0) continue;
          const ratio = r.target / r.source;
          const relative = ratio / norm;
          const expected = r.source * norm;
          if (relative >= o.min && relative <= o.max) continue;
          if (Math.abs(r.target - expected) < o.minDifference) continue;
          const shorter = relative < o.min;
          // Glossary terms weigh what their rendering weighs ("Bộ Quốc phòng", 11 characters, is
          // "Ministry of National Defence", 25): a paragraph that this explains is not off.
          const withTerms = (r.source - r.termSource) * norm + r.termEnglish;
          if (r.termSource > 0 && (shorter ? r.target >= withTerms * o.min : r.target <= withTerms * o.max)) continue;
          const pair = pairAt(i + 1);
          context.report({
            paragraph: pair.index,
            message:
              `paragraph ${pair.index} is ${ratio.toFixed(2)}× the length of its source, ${shorter ? 'far below' : 'far above'} the norm of ` +
              `${norm.toFixed(2)}× (${r.target} characters for ${r.source}; about ${Math.round(expected)} expected): ` +
              (shorter ? 'a sentence may be missing' : 'something may have been added'),
            note:
              `${plural(sentenceSpans(context.sourceText, pair.source.start, pair.source.end).length, 'sentence')} in the source, ` +
              `${sentenceSpans(context.targetText, pair.target.start, pair.target.end).length} in the translation; ` +
              (learned !== undefined ? "the norm is learned from this translation's paragraphs" : 'the norm is the default (too few long paragraphs to learn it)'),
          });
        }
      },
    };
  },
};

/** What a pair contributes: its lengths in characters other than whitespace, and those of its glossary terms. */
interface Lengths {
  source: number;
  target: number;
  /** The source's glossary terms, as written. */
  termSource: number;
  /** Their canonical renderings. */
  termEnglish: number;
}

const renderingLengths = new WeakMap<GlossaryEntry, number>();

/** The length of an entry's canonical rendering, in characters other than whitespace (once per entry). */
function renderingLength(entry: GlossaryEntry): number {
  let n = renderingLengths.get(entry);
  if (n === undefined) {
    n = inkLength(entry.en, 0, entry.en.length);
    renderingLengths.set(entry, n);
  }
  return n;
}

/** Paragraphs of at least this many source characters say how long this translation runs. */
const LEARN_MIN_LENGTH = 100;
/** How many such paragraphs the norm is learned from, at least. */
const LEARN_MIN_PARAGRAPHS = 5;

/** The median translation/source ratio of the long paragraphs, or undefined when there are too few. */
function learnNorm(rows: readonly { source: number; target: number }[]): number | undefined {
  const ratios = rows.filter((r) => r.source >= LEARN_MIN_LENGTH).map((r) => r.target / r.source);
  if (ratios.length < LEARN_MIN_PARAGRAPHS) return undefined;
  ratios.sort((a, b) => a - b);
  const mid = ratios.length >> 1;
  return ratios.length % 2 === 1 ? ratios[mid]! : (ratios[mid - 1]! + ratios[mid]!) / 2;
}

/**
 * Characters other than whitespace, as NFC counts them: combining marks (U+0300–U+036F, which NFD
 * Vietnamese uses for its tones and vowel marks) are part of the letter before them, and a
 * surrogate pair is one character. No copy of the text is made.
 */
function inkLength(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) continue;
    if (c > 0x20 && c < 0x80) n++;
    else if (!((c >= 0xdc00 && c <= 0xdfff) || (c >= 0x300 && c <= 0x36f) || isSpaceCode(c))) n++;
  }
  return n;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
