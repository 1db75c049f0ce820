import type { Check } from '../types.js';
import { finalPunctuation as endingOf, type FinalPunctuation } from '../../text/punctuation.js';

/** How a mark is named in a message. */
const NAMES: Readonly<Record<string, string>> = { '.': 'a period', '?': 'a question mark', '!': 'an exclamation mark', ':': 'a colon', ';': 'a semicolon', '…': 'an ellipsis', '': 'no punctuation' };

/**
 * A translated paragraph that ends with other punctuation than its source: a question made a
 * statement, a heading given a period, a colon that introduced a quotation lost. Closing quotes and
 * brackets are set aside on both sides ('."' and '".'), "..." is "…", and a final abbreviation
 * ("U.S.") may end a paragraph whose source has no period.
 */
export const finalPunctuation: Check = {
  meta: {
    id: 'final-punctuation',
    description: "A translated paragraph ends with other punctuation than its source.",
    severity: 'warning',
    fixable: false,
    paragraphScoped: true,
  },
  create(context) {
    return {
      paragraph(pair) {
        const source = endingOf(context.sourceText, pair.source.start, pair.source.end);
        const target = endingOf(context.targetText, pair.target.start, pair.target.end);
        if (source.mark === target.mark) return;
        const optionalPeriod = (a: FinalPunctuation, b: FinalPunctuation) => a.abbreviation && (b.mark === '' || b.mark === '.');
        if (optionalPeriod(target, source) || optionalPeriod(source, target)) return;
        context.report({
          message: `paragraph ${pair.index} ends with ${NAMES[target.mark] ?? `"${target.mark}"`} where its source ends with ${NAMES[source.mark] ?? `"${source.mark}"`}`,
          targetRange: [target.offset, target.offset + 1],
          sourceRange: [source.offset, source.offset + 1],
          expected: source.mark === '' ? undefined : [source.mark],
          actual: target.mark === '' ? undefined : target.mark,
        });
      },
    };
  },
};
