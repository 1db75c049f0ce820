/**
 * Escaping for every report format. Every piece of content (source, reference, engine output,
 * glossary text, file names) goes through one of these before it is placed in markup.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and quoted attribute values alike.
 * @example escapeHtml('<script>alert(1)</script>') === '&lt;script&gt;alert(1)&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/**
 * Escapes text for inline Markdown (GitHub flavoured), including inside table cells: markup
 * characters get a backslash, `|` cannot end a cell, and line breaks become spaces so a cell
 * stays on its row.
 * @example escapeMarkdown('a | *b* <i>') === 'a \\| \\*b\\* \\<i\\>'
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(/[\\`*_{}[\]<>|~#&!]/g, (ch) => `\\${ch}`);
}

/** Strips ANSI colour sequences (to measure what the terminal shows). */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

/**
 * Columns a string takes on a terminal: code points, less combining marks (NFD Vietnamese
 * puts tone marks in their own code points) and colour codes.
 * @example displayWidth('Thu\u0309y') === 4
 */
export function displayWidth(text: string): number {
  let n = 0;
  for (const ch of stripAnsi(text)) if (!/\p{M}/u.test(ch)) n++;
  return n;
}

/** Pads `text` with spaces on the right to `width` display columns. */
export function padEnd(text: string, width: number): string {
  const w = displayWidth(text);
  return w >= width ? text : text + ' '.repeat(width - w);
}

/** Pads `text` with spaces on the left to `width` display columns. */
export function padStart(text: string, width: number): string {
  const w = displayWidth(text);
  return w >= width ? text : ' '.repeat(width - w) + text;
}

/**
 * Word-wraps plain text to `width` display columns; words longer than a line stay whole.
 * @example wrapWords('một hai ba', 7) → ['một hai', 'ba']
 */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && displayWidth(line) + 1 + displayWidth(word) > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
