import type { Check } from '../types.js';
import { unmatchedBy, unpairedBrackets } from '../../text/punctuation.js';

/**
 * A bracket ( [ { in the translated paragraph without its pair. Unpaired brackets the source
 * paragraph has as well (list markers such as "1)", a source's own typo) are carried over, not
 * made: they are not reported.
 */
export const bracketMismatch: Check = {
  meta: {
    id: 'bracket-mismatch',
    description: 'A bracket in the translation has no pair.',
    severity: 'warning',
    fixable: false,
    paragraphScoped: true,
  },
  create(context) {
    return {
      paragraph(pair) {
        const inSource = unpairedBrackets(context.sourceText, pair.source.start, pair.source.end);
        for (const m of unmatchedBy(unpairedBrackets(context.targetText, pair.target.start, pair.target.end), inSource, (x) => `${x.side}${x.mark}`)) {
          const closing = CLOSING[m.mark] ?? m.mark;
          context.report({
            message: m.side === 'open' ? `"${m.mark}" is not closed in this paragraph` : `"${m.mark}" closes no "${OPENING[m.mark] ?? m.mark}"`,
            targetRange: [m.offset, m.offset + 1],
            actual: m.mark,
            note: m.side === 'open' ? `add the "${closing}" or remove the "${m.mark}"` : undefined,
          });
        }
      },
    };
  },
};

const CLOSING: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const OPENING: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };
