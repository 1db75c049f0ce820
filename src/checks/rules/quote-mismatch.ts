import type { Check } from '../types.js';
import { isSpaceCode } from '../../text/chars.js';
import { unmatchedBy, unpairedQuotes, type UnpairedMark } from '../../text/punctuation.js';

/** Quotation marks that may open a paragraph continuing a quotation. */
const OPENING_QUOTE = /^[“"«]$/u;

/** The first character after `offset` that is not whitespace ('' at the end). */
function nextInk(text: string, offset: number): string {
  let i = offset;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return text.charAt(i);
}

/**
 * A double quotation mark in the translated paragraph without its pair. A quotation running on
 * into the next paragraph, which opens with a quotation mark again (the English convention), is
 * not reported; neither are unpaired marks the source paragraph has too. Single quotes are left
 * out: ’ is also the apostrophe.
 */
export const quoteMismatch: Check = {
  meta: {
    id: 'quote-mismatch',
    description: 'A quotation mark in the translation has no pair.',
    severity: 'warning',
    fixable: false,
  },
  create(context) {
    return {
      // A pair contributes its unpaired marks (offsets relative to it); whether the next paragraph
      // continues the quotation is looked at when the document is put together.
      contribute(pair): UnpairedMark[] {
        const inSource = unpairedQuotes(context.sourceText, pair.source.start, pair.source.end);
        const unpaired = unmatchedBy(unpairedQuotes(context.targetText, pair.target.start, pair.target.end), inSource, (m) => m.side);
        return unpaired.map((m) => ({ ...m, offset: m.offset - pair.target.start }));
      },
      contributed(all: readonly UnpairedMark[][], pairAt) {
        for (let i = 0; i < all.length; i++) {
          const unpaired = all[i]!;
          if (unpaired.length === 0) continue;
          const pair = pairAt(i + 1);
          const continues = OPENING_QUOTE.test(nextInk(context.targetText, pair.target.end));
          for (const m of unpaired) {
            if (m.side === 'open' && continues) continue;
            const at = pair.target.start + m.offset;
            context.report({
              paragraph: pair.index,
              message: m.side === 'open' ? `the quotation opened by ${m.mark} is not closed in this paragraph` : `${m.mark} closes no quotation`,
              targetRange: [at, at + 1],
              actual: m.mark,
            });
          }
        }
      },
    };
  },
};
