/**
 * Markdown as the checker reads it: code, HTML and link targets are never translated, so they
 * are blanked out (replaced by spaces, line breaks kept) before matching. Every offset, line and
 * column stays that of the file as written.
 */

const FENCE = /^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\2[`~]*[ \t]*$|(?![\s\S]))/gm;
const INLINE_CODE = /(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g;
const HTML_TAG = /<\/?[A-Za-z][^<>\n]*>|<!--[\s\S]*?-->/g;
const AUTOLINK = /<(?:https?|mailto):[^<>\s]+>/g;
const LINK_TARGET = /\]\(\s*<?[^)\s>]*>?(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*\)/g;

/** Whether a path names a Markdown file. */
export function isMarkdownFile(path: string): boolean {
  return /\.(md|markdown)$/i.test(path);
}

/**
 * The text with code blocks, inline code, HTML tags, autolinks and link targets replaced by
 * spaces of the same length (line breaks kept), so positions do not move.
 * @example blankMarkdownCode('Xem `mã` [đây](https://a.vn)') === 'Xem      [đây]              '
 */
export function blankMarkdownCode(text: string): string {
  const blank = (match: string): string => match.replace(/[^\n]/g, ' ');
  return text
    .replace(FENCE, blank)
    .replace(INLINE_CODE, blank)
    .replace(AUTOLINK, blank)
    .replace(HTML_TAG, blank)
    .replace(LINK_TARGET, (m) => ']' + blank(m.slice(1)));
}

/**
 * What the checks read of a file: Markdown without its code, HTML and link targets (positions
 * kept); any other text as it is.
 */
export function checkableText(path: string, text: string): string {
  return isMarkdownFile(path) ? blankMarkdownCode(text) : text;
}
