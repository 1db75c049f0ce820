import type { Check } from '../types.js';
import { planFixes } from '../../glossary/fix.js';

/**
 * A forbidden rendering was used: report it, with the approved rendering as a fix. Where the
 * paragraph's source does not contain the entry's term at all, the rendering may well translate
 * something else ("military industrial cooperation" for "hợp tác công nghiệp quân sự"): that is a
 * warning, and its fix is unsafe (applied only with `--unsafe-fixes`).
 */
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
          const planned = fixes.find((f) => f.range[1] === match.end && f.range[0] <= match.start);
          const sourced = pair.terms.some((t) => t.entry.id === match.entry.id);
          const fix = planned && !sourced ? { ...planned, unsafe: true } : planned;
          const unsourcedNote = `The source paragraph does not contain "${match.entry.vi}", so this may translate something else: --fix changes it only with --unsafe-fixes.`;
          context.report({
            message: `"${match.text}" is a forbidden rendering of "${match.entry.vi}": use "${planned?.text ?? use}"`,
            severity: sourced ? undefined : 'warning',
            targetRange: planned ? planned.range : [match.start, match.end],
            term,
            termId: match.entry.id,
            expected: [use],
            actual: match.text,
            fix,
            note: sourced ? match.forbidden?.note : [match.forbidden?.note, unsourcedNote].filter(Boolean).join(' '),
          });
        });
      },
    };
  },
};
