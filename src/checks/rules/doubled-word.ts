import type { Check } from '../types.js';
import { isMarkdownFile } from '../../formats/markdown/checkable.js';

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu;

/**
 * A word written twice in a row ("the the"), with a fix that removes the second. Words that may
 * stand twice ("had had", "that that") are allowed; two capitalised words are a name ("Bora Bora").
 */
export const doubledWord: Check = {
  meta: {
    id: 'doubled-word',
    description: 'A word is repeated ("the the").',
    severity: 'warning',
    fixable: true,
    options: {
      allow: { type: 'string[]', default: ['had', 'that', 'is'], description: 'words that may be written twice in a row (lower case)' },
    },
  },
  create(context) {
    const allow = new Set((context.options.allow as readonly string[]).map((w) => w.toLowerCase()));
    // Markdown code is blanked to spaces: a word either side of a blanked span is no repetition.
    const maxGap = isMarkdownFile(context.targetFile) ? 2 : Infinity;
    return {
      paragraph(pair) {
        const { text, start: base } = pair.target;
        let previous: RegExpExecArray | undefined;
        for (const m of text.matchAll(WORD)) {
          const before = previous;
          previous = m;
          if (!before) continue;
          const gapStart = before.index + before[0].length;
          const gap = text.slice(gapStart, m.index);
          if (gap.length === 0 || gap.length > maxGap || !/^[ \t\u00A0]*\n?[ \t\u00A0]*$/u.test(gap)) continue;
          const word = m[0].toLowerCase();
          if (word !== before[0].toLowerCase() || !/\p{L}/u.test(word) || allow.has(word)) continue;
          if (/^\p{Lu}/u.test(before[0]) && /^\p{Lu}/u.test(m[0])) continue;
          const range: [number, number] = [base + gapStart, base + m.index + m[0].length];
          context.report({
            message: `"${m[0]}" is written twice`,
            targetRange: range,
            actual: m[0],
            fix: { range, text: '' },
          });
        }
      },
    };
  },
};
