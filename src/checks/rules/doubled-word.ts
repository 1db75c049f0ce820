import type { Check } from '../types.js';
import { CONTAINER } from '../../formats/markdown/syntax.js';
import { wordCharLength } from '../../text/chars.js';

/** End of the word at `i`: word characters, with apostrophes inside ("Japan's" is one word). */
function wordEnd(text: string, i: number, end: number): number {
  let j = i;
  for (;;) {
    for (let l = j < end ? wordCharLength(text, j) : 0; l > 0; l = j < end ? wordCharLength(text, j) : 0) j += l;
    const c = text.charAt(j);
    if ((c === "'" || c === '’') && j + 1 < end && wordCharLength(text, j + 1) > 0) j++;
    else return j;
  }
}

/** Whether text[a, b) and text[c, d) are one word in any case (ASCII compared in place). */
function sameWord(text: string, a: number, b: number, c: number, d: number): boolean {
  if (b - a !== d - c) return false;
  for (let k = 0; k < b - a; k++) {
    const x = text.charCodeAt(a + k);
    const y = text.charCodeAt(c + k);
    if (x === y || (x < 0x80 && y < 0x80 && (x | 0x20) === (y | 0x20) && (x | 0x20) >= 0x61 && (x | 0x20) <= 0x7a)) continue;
    if (x < 0x80 && y < 0x80) return false;
    return text.slice(a, b).toLowerCase() === text.slice(c, d).toLowerCase();
  }
  return true;
}

/**
 * Whether only spaces and at most one line break stand between two words (Markdown, where `maxGap`
 * is finite: at most `maxGap` characters, or a line break with its markup).
 */
function gapAllowed(text: string, from: number, to: number, maxGap: number): boolean {
  if (to - from === 0) return false;
  const markdown = maxGap !== Infinity;
  if (to - from > maxGap) return markdown && markdownLineBreak(text, from, to);
  let breaks = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0a) breaks++;
    else if (c !== 0x20 && c !== 0x09 && c !== 0xa0 && c !== 0x0d) return markdown && markdownLineBreak(text, from, to);
  }
  return breaks <= 1;
}

/**
 * Whether text[from, to) is one line break inside a Markdown paragraph and its markup only: a hard
 * break (two spaces or a backslash) before it, and after it the next line's block quote markers and
 * indentation, no longer than the container prefix of the line before (blanked code is longer; a
 * list marker, which starts another item, is not allowed).
 */
function markdownLineBreak(text: string, from: number, to: number): boolean {
  const gap = text.slice(from, to);
  const nl = gap.indexOf('\n');
  if (nl < 0 || !/^(?:[ \t]{0,2}|\\)\r?$/.test(gap.slice(0, nl))) return false;
  const next = gap.slice(nl + 1);
  if (!/^[ \t>]*$/.test(next)) return false;
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  return next.length <= CONTAINER.exec(text.slice(lineStart, from))![1]!.length;
}

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
    paragraphScoped: true,
    options: {
      allow: { type: 'string[]', default: ['had', 'that', 'is'], description: 'words that may be written twice in a row (lower case)' },
    },
  },
  create(context) {
    const allow = new Set((context.options.allow as readonly string[]).map((w) => w.toLowerCase()));
    // Markdown code is blanked to spaces: a word either side of a blanked span is no repetition.
    const maxGap = context.targetMarkdown ? 2 : Infinity;
    return {
      paragraph(pair) {
        const text = context.targetText;
        const end = pair.target.end;
        // One pass over the words, without a regex match object or a slice per word.
        let prevStart = -1;
        let prevEnd = -1;
        let i = pair.target.start;
        while (i < end) {
          if (wordCharLength(text, i) === 0) {
            i++;
            continue;
          }
          const s = i;
          i = wordEnd(text, i, end);
          if (prevEnd >= 0 && sameWord(text, prevStart, prevEnd, s, i) && gapAllowed(text, prevEnd, s, maxGap)) {
            const word = text.slice(s, i);
            const first = text.slice(prevStart, prevEnd);
            // A run of the same word ("word word word …", a model repeating itself) is one finding,
            // not one per repeat: a million repeats would make a million findings.
            let times = 2;
            let lastStart = s;
            let runEnd = i;
            for (;;) {
              let k = runEnd;
              while (k < end && wordCharLength(text, k) === 0) k++;
              if (k >= end) break;
              const e = wordEnd(text, k, end);
              if (!sameWord(text, prevStart, prevEnd, k, e) || !gapAllowed(text, runEnd, k, maxGap)) break;
              times++;
              lastStart = k;
              runEnd = e;
            }
            const name = /^\p{Lu}/u.test(first) && /^\p{Lu}/u.test(word);
            if (/\p{L}/u.test(word) && !allow.has(word.toLowerCase()) && !name) {
              const range: [number, number] = [prevEnd, runEnd];
              const message = times === 2 ? `"${word}" is written twice` : `"${word}" is written ${times} times in a row`;
              context.report({ message, targetRange: range, actual: word, fix: { range, text: '' } });
            }
            i = runEnd;
            // The run's last word is the one the next word is compared with.
            prevStart = lastStart;
            prevEnd = runEnd;
            continue;
          }
          prevStart = s;
          prevEnd = i;
        }
      },
    };
  },
};
