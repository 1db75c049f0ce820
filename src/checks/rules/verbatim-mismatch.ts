import type { Check } from '../types.js';
import { unmatchedBy } from '../../text/punctuation.js';
import { findVerbatim, type VerbatimToken } from '../../text/verbatim.js';

/**
 * URLs and e-mail addresses must be copied unchanged: each one of the source paragraph appears in
 * its translation (scheme and host in any case, the rest as written) and the translation has none
 * the source lacks. Where exactly one URL (or one address) is missing and one is new in a
 * paragraph, the new one is taken for a changed copy, with a fix that puts the source's back.
 */
export const verbatimMismatch: Check = {
  meta: {
    id: 'verbatim-mismatch',
    description: 'A URL or e-mail address is not copied unchanged from the source.',
    severity: 'error',
    fixable: true,
    paragraphScoped: true,
  },
  create(context) {
    return {
      paragraph(pair) {
        const source = findVerbatim(context.sourceText, pair.source.start, pair.source.end);
        const target = findVerbatim(context.targetText, pair.target.start, pair.target.end);
        if (source.length === 0 && target.length === 0) return;
        const missing = unmatchedBy(source, target, (t) => t.key);
        const added = unmatchedBy(target, source, (t) => t.key);
        const what = (t: VerbatimToken) => (t.kind === 'url' ? 'URL' : 'e-mail address');
        for (const kind of ['url', 'email'] as const) {
          const gone = missing.filter((t) => t.kind === kind);
          const made = added.filter((t) => t.kind === kind);
          if (gone.length === 1 && made.length === 1) {
            // One of a kind missing and one new: a changed copy, which the source's own copy fixes.
            const [was, now] = [gone[0]!, made[0]!];
            context.report({
              message: `the ${what(was)} "${now.text}" differs from the source's "${was.text}"`,
              targetRange: [now.start, now.end],
              sourceRange: [was.start, was.end],
              expected: [was.text],
              actual: now.text,
              fix: { range: [now.start, now.end], text: was.text },
              note: 'URLs and e-mail addresses are copied as they are',
            });
            continue;
          }
          for (const t of gone) {
            context.report({ message: `the ${what(t)} "${t.text}" of the source is missing`, sourceRange: [t.start, t.end], expected: [t.text] });
          }
          for (const t of made) {
            context.report({ message: `the ${what(t)} "${t.text}" is not in the source`, targetRange: [t.start, t.end], actual: t.text });
          }
        }
      },
    };
  },
};
