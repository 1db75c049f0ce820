import type { Check } from '../types.js';
import { vietnameseShare } from '../../text/vietnamese.js';

/** Share of Vietnamese-written words from which a translated paragraph counts as untranslated. */
const VIETNAMESE_SHARE = 0.3;
/** Shorter paragraphs (a dateline, a name) say too little to judge; capitalised words (names) are not counted. */
const MIN_WORDS = 4;

/**
 * A translated paragraph that is still largely Vietnamese: an engine that echoed its input, or a
 * paragraph left out of translation. Glossary terms spliced into it would otherwise pass the checks.
 */
export const untranslated: Check = {
  meta: {
    id: 'untranslated',
    description: 'A translated paragraph is still largely Vietnamese.',
    severity: 'error',
    fixable: false,
    paragraphScoped: true,
  },
  create(context) {
    return {
      paragraph(pair) {
        // Names kept with their diacritics ("Defence Minister Phan Văn Giang") are English copy too.
        const { share, words } = vietnameseShare(pair.target.text, { names: false });
        if (words < MIN_WORDS || share < VIETNAMESE_SHARE) return;
        context.report({
          message: `paragraph ${pair.index} looks untranslated: ${Math.round(share * 100)}% of its words are written with Vietnamese letters`,
          note: 'translate it, or check that the engine did not return its input',
        });
      },
    };
  },
};
