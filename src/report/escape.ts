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
 * Unicode's bidirectional controls (embeddings, overrides, isolates, their pops) and the three
 * invisible direction marks, by code point: short name and Unicode name. Applied, they reorder
 * what a reader sees ("\u202Eabc.exe" displays as "exe.cba") and can scramble a diff; reports
 * show them instead.
 */
export const BIDI_CONTROLS: ReadonlyMap<number, { short: string; name: string }> = new Map([
  [0x202a, { short: 'LRE', name: 'LEFT-TO-RIGHT EMBEDDING' }],
  [0x202b, { short: 'RLE', name: 'RIGHT-TO-LEFT EMBEDDING' }],
  [0x202c, { short: 'PDF', name: 'POP DIRECTIONAL FORMATTING' }],
  [0x202d, { short: 'LRO', name: 'LEFT-TO-RIGHT OVERRIDE' }],
  [0x202e, { short: 'RLO', name: 'RIGHT-TO-LEFT OVERRIDE' }],
  [0x2066, { short: 'LRI', name: 'LEFT-TO-RIGHT ISOLATE' }],
  [0x2067, { short: 'RLI', name: 'RIGHT-TO-LEFT ISOLATE' }],
  [0x2068, { short: 'FSI', name: 'FIRST STRONG ISOLATE' }],
  [0x2069, { short: 'PDI', name: 'POP DIRECTIONAL ISOLATE' }],
  [0x200e, { short: 'LRM', name: 'LEFT-TO-RIGHT MARK' }],
  [0x200f, { short: 'RLM', name: 'RIGHT-TO-LEFT MARK' }],
  [0x061c, { short: 'ALM', name: 'ARABIC LETTER MARK' }],
]);

const BIDI_RE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
const HAS_BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

const codePoint = (ch: string): string => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Escapes text for HTML attribute values and places that hold no markup (the page title, SVG
 * text), with every bidirectional control written out instead of applied.
 * @example escapeHtmlShowingControls('\u202Eabc.exe') === '[U+202E RLO]abc.exe'
 */
export function escapeHtmlShowingControls(text: string): string {
  return escapeHtml(text.replace(BIDI_RE, (ch) => `[${codePoint(ch)} ${BIDI_CONTROLS.get(ch.charCodeAt(0))!.short}]`));
}

/**
 * Escapes text for HTML element content, with every bidirectional control shown as a visible mark
 * (`<span class="bidi">RLO</span>`, its code point and name in the tooltip) instead of applied.
 * @example escapeHtmlText('\u202Eabc.exe') === '<span class="bidi" title="U+202E RIGHT-TO-LEFT OVERRIDE (shown, not applied)">RLO</span>abc.exe'
 */
export function escapeHtmlText(text: string): string {
  if (!HAS_BIDI.test(text)) return escapeHtml(text);
  let out = '';
  let at = 0;
  for (const m of text.matchAll(BIDI_RE)) {
    const control = BIDI_CONTROLS.get(m[0].charCodeAt(0))!;
    out += escapeHtml(text.slice(at, m.index)) + `<span class="bidi" title="${codePoint(m[0])} ${control.name} (shown, not applied)">${control.short}</span>`;
    at = m.index + 1;
  }
  return out + escapeHtml(text.slice(at));
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
