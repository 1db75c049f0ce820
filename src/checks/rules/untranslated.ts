import type { Check } from '../types.js';
import { vietnameseRuns, vietnameseShare } from '../../text/vietnamese.js';

/** Share of Vietnamese-written words from which a translated paragraph counts as untranslated. */
const VIETNAMESE_SHARE = 0.3;
/** Shorter paragraphs (a dateline, a name) say too little to judge; capitalised words (names) are not counted. */
const MIN_WORDS = 4;
/** A paragraph whose words are all capitalised (a headline in title case) counts as untranslated from this share, names included. */
const TITLE_CASE_SHARE = 0.7;
/** English words a headline in title case is held together by, none of them a Vietnamese syllable: one is enough to call it English. */
const ENGLISH_GLUE = /(?<![\p{L}\p{M}])(?:the|of|on|at|for|and|with|from|by|as|is|are|was|were|says|said|meets|visits|signs|calls|after|over|amid)(?![\p{L}\p{M}])/iu;

/**
 * A translated paragraph that is still largely Vietnamese: an engine that echoed its input, or a
 * paragraph left out of translation. Glossary terms spliced into it would otherwise pass the checks.
 * In a paragraph that is English, a run of Vietnamese words left in it ("on grounds of religion,
 * tình trạng sức khoẻ or disability": an engine that gave up on a phrase, a translator's draft) is
 * a warning with its span: the heuristic cannot tell every deliberate citation from a leftover.
 */
export const untranslated: Check = {
  meta: {
    id: 'untranslated',
    description: 'A translated paragraph is still largely Vietnamese, or has a Vietnamese phrase left in it.',
    severity: 'error',
    fixable: false,
    paragraphScoped: true,
  },
  create(context) {
    return {
      paragraph(pair) {
        // Names kept with their diacritics ("Defence Minister Phan Văn Giang") are English copy too.
        let { share, words } = vietnameseShare(pair.target.text, { names: false });
        if (words < MIN_WORDS) {
          // A headline in title case has no lower-case words to go by: every word counts, and only
          // a paragraph nearly all Vietnamese is reported ("Bộ Trưởng Quốc Phòng Thăm Ấn Độ").
          const all = vietnameseShare(pair.target.text);
          if (all.words >= MIN_WORDS && all.share >= TITLE_CASE_SHARE && !ENGLISH_GLUE.test(pair.target.text)) ({ share, words } = all);
        }
        if (words < MIN_WORDS || share < VIETNAMESE_SHARE) {
          const text = context.targetText;
          for (const run of vietnameseRuns(text, pair.target.start, pair.target.end)) {
            const phrase = text.slice(run.start, run.end);
            context.report({
              message: `"${phrase}" looks untranslated: Vietnamese words in an English paragraph`,
              severity: 'warning',
              targetRange: [run.start, run.end],
              actual: phrase,
              note: 'translate it; a Vietnamese term kept on purpose goes in quotes or italics after its English rendering',
            });
          }
          return;
        }
        context.report({
          message: `paragraph ${pair.index} looks untranslated: ${Math.round(share * 100)}% of its words are written with Vietnamese letters`,
          note: 'translate it, or check that the engine did not return its input',
        });
      },
    };
  },
};
