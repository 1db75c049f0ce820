import type { Check } from '../types.js';
import { planFixes } from '../../glossary/fix.js';

/** A forbidden rendering was used: report it, with the approved rendering as a fix. */
export const termForbidden: Check = {
  meta: {
    id: 'term-forbidden',
    description: 'A rendering the glossary forbids is used in the translation.',
    severity: 'error',
    fixable: true,
  },
  create(context) {
    return {
      paragraph(pair) {
        const forbidden = pair.renderings.filter((m) => m.kind === 'forbidden');
        if (forbidden.length === 0) return;
        const fixes = planFixes(context.targetText, forbidden);
        // Pair each forbidden rendering with an occurrence of its term in the source paragraph, in order.
        const unpaired = [...pair.terms];
        forbidden.forEach((match) => {
          const at = unpaired.findIndex((t) => t.entry.id === match.entry.id);
          const term = at >= 0 ? unpaired.splice(at, 1)[0] : undefined;
          const use = match.forbidden?.use ?? match.entry.en;
          // A fix may also take the article before the match ("an earth-to-earth" → "a surface-to-surface").
          const fix = fixes.find((f) => f.range[1] === match.end && f.range[0] <= match.start);
          context.report({
            message: `"${match.text}" is a forbidden rendering of "${match.entry.vi}": use "${fix?.text ?? use}"`,
            targetRange: fix ? fix.range : [match.start, match.end],
            term,
            termId: match.entry.id,
            expected: [use],
            actual: match.text,
            fix,
            note: match.forbidden?.note,
          });
        });
      },
    };
  },
};
