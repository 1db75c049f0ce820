import type { Check } from '../types.js';
import type { TermMatch } from '../../glossary/types.js';
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
    paragraphScoped: true,
  },
  create(context) {
    return {
      paragraph(pair) {
        const forbidden = pair.renderings.filter((m) => m.kind === 'forbidden');
        if (forbidden.length === 0) return;
        // Fixes by where they end (a fix may also take the article before the match: "an
        // earth-to-earth" → "a surface-to-surface"), so each match finds its own in one look-up.
        const fixes = new Map(planFixes(context.targetText, forbidden).map((f) => [f.range[1], f]));
        // Pair each forbidden rendering with an occurrence of its term in the source paragraph,
        // in order: one queue per entry, read with a cursor (linear in the paragraph).
        const unpaired = new Map<string, { terms: TermMatch[]; next: number }>();
        for (const t of pair.terms) {
          const queue = unpaired.get(t.entry.id);
          if (queue) queue.terms.push(t);
          else unpaired.set(t.entry.id, { terms: [t], next: 0 });
        }
        for (const match of forbidden) {
          const queue = unpaired.get(match.entry.id);
          const term = queue?.terms[queue.next];
          if (term) queue!.next++;
          const use = match.forbidden?.use ?? match.entry.en;
          const candidate = fixes.get(match.end);
          const taken = candidate && candidate.range[0] <= match.start ? candidate : undefined;
          // A fix that takes the article before the match but keeps it as it was ("A Vietnam Marine
          // Police" → "A Vietnam Coast Guard") is the match's own: the message then reads "use
          // \"Vietnam Coast Guard\"", not "use \"A Vietnam Coast Guard\"" for "Vietnam Marine Police".
          const article = taken ? context.targetText.slice(taken.range[0], match.start) : '';
          const planned =
            taken && article !== '' && taken.text.startsWith(article)
              ? { ...taken, range: [match.start, taken.range[1]] as [number, number], text: taken.text.slice(article.length) }
              : taken;
          // The queue of this entry's source occurrences exists only when the source has the term.
          const sourced = queue !== undefined;
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
        }
      },
    };
  },
};
