import type { Check } from '../types.js';
import { blockPrefixLength } from '../../formats/markdown/syntax.js';

/** Two or more spaces (or no-break spaces) between words on a line. */
const RUN = /(?<=[^\s])[ \u00A0]{2,}(?=[^\s])/gu;

/**
 * Two or more spaces between words on one line, with a fix that leaves one. Indentation and
 * trailing spaces are not between words. In Markdown, where code and link targets read as spaces,
 * only runs of exactly two count (a blanked construct leaves at least three), table rows,
 * which are padded on purpose, are left alone, and so are the spaces after a line's block markers
 * (`-  item`, `1.  item`, `>  quote`, `#  Heading`): they are syntax, and removing one can move a
 * list item's content column, and the indented code under it.
 */
export const doubleSpace: Check = {
  meta: {
    id: 'double-space',
    description: 'Two or more spaces stand between words.',
    severity: 'warning',
    fixable: true,
    paragraphScoped: true,
  },
  create(context) {
    const markdown = context.targetMarkdown;
    return {
      paragraph(pair) {
        const { text, start: base } = pair.target;
        // The current line's end, where its text starts after the block markers, and whether it is
        // a table row, moved forward with the matches.
        let lineEnd = -1;
        let textStart = 0;
        let tableRow = false;
        for (const m of text.matchAll(RUN)) {
          if (markdown) {
            if (m.index > lineEnd) {
              const lineStart = text.lastIndexOf('\n', m.index) + 1;
              const next = text.indexOf('\n', m.index);
              lineEnd = next < 0 ? text.length : next;
              const line = text.slice(lineStart, lineEnd);
              tableRow = line.includes('|');
              textStart = lineStart + blockPrefixLength(line);
            }
            if (m[0].length !== 2 || tableRow || m.index < textStart) continue;
          }
          const range: [number, number] = [base + m.index, base + m.index + m[0].length];
          context.report({
            message: `${m[0].length} spaces between words`,
            targetRange: range,
            fix: { range, text: m[0].charAt(0) },
          });
        }
      },
    };
  },
};
