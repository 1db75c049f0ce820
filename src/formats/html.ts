/**
 * Web pages as articles: the article body extracted with Mozilla's Readability (the Firefox
 * Reader View extractor) over linkedom's DOM, without menus, share buttons, ads and footers, and
 * written as Markdown of the same structure (headline, subheadings, paragraphs, lists, block
 * quotes, bold, italic, links), which `translate` translates and `clean` prints; and an article
 * in Markdown written back as a clean HTML page (`articleHtml`, for `translate --html`).
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import MarkdownIt from 'markdown-it';
import { parseHTML } from 'linkedom';
import { InputError } from '../core/errors.js';

/** The few DOM members this module reads (the project compiles without the DOM library). */
interface HtmlNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<HtmlNode>;
  getAttribute?(name: string): string | null;
}

/** An article read from a web page. */
export interface HtmlArticle {
  /** The headline (Readability's title: the page's `<h1>`/`og:title`, site name removed). */
  title: string;
  byline?: string;
  /** The article as Markdown: `# headline`, then its blocks separated by blank lines. */
  markdown: string;
}

/** Class or id words of page chrome inside an article: ads, share and social bars. */
const CHROME = /(?:^|[\s_-])(?:ads?|advert\w*|quang-?cao|qc|banner|share\w*|social|sharing|sponsor\w*)(?:[\s_-]|$)/i;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * Extracts the article of a web page as Markdown.
 * @throws InputError when the page holds no article Readability can find (a front page, a login wall)
 * @example readHtmlArticle('<html>…<article><h1>Tận dụng…</h1><p>Nhật Bản…</p></article>…</html>', 'page.html').markdown
 */
export function readHtmlArticle(html: string, file: string): HtmlArticle {
  const { document } = parseHTML(html);
  // Readability drops what its class names give away; ad slots and share bars named in other
  // ways ("inline-ad", "quang-cao", "share-buttons") go first.
  for (const el of Array.from(document.querySelectorAll('[class], [id]')) as { getAttribute(name: string): string | null; remove(): void }[]) {
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (CHROME.test(names)) el.remove();
  }
  // A page without a paragraph of article length (a front page, a login wall) has no article to take.
  const readerable = isProbablyReaderable(document as never, { minContentLength: 80, minScore: 10 });
  const parsed = readerable ? new Readability<HtmlNode>(document as never, { serializer: (node) => node as unknown as HtmlNode, charThreshold: 200 }).parse() : null;
  if (!parsed?.content) {
    throw new InputError('no article found in this web page', {
      location: { file },
      hint: 'save the article page itself (not a front page or a list of articles), or copy its text into a .txt file',
    });
  }
  let title = collapse(parsed.title ?? '');
  const blocks = blocksOf(parsed.content);
  // A page whose <title> is its headline cut short ("Việt Nam và Nhật Bản" for the <h1>
  // "Việt Nam và Nhật Bản thúc đẩy hợp tác quốc phòng"): the headline in the content is the title.
  const lead = blocks[0]?.startsWith('#') ? blocks[0].replace(/^#+\s*/, '') : undefined;
  const cut = escapeInline(title).replace(/\s*(?:\.\.\.|…)$/, '').toLowerCase();
  if (lead !== undefined && cut !== '' && lead !== escapeInline(title) && lead.toLowerCase().startsWith(cut)) {
    blocks[0] = `# ${lead}`;
    title = lead;
  }
  // Readability keeps the headline in the content on some pages: it is written once.
  if (title !== '' && blocks[0]?.replace(/^#+\s*/, '') !== escapeInline(title)) blocks.unshift(`# ${escapeInline(title)}`);
  else if (blocks[0] !== undefined && !blocks[0].startsWith('#')) blocks[0] = `# ${blocks[0]}`;
  const byline = parsed.byline ? collapse(parsed.byline) : '';
  return { title, ...(byline ? { byline } : {}), markdown: blocks.join('\n\n') + '\n' };
}

/** The Markdown blocks of an element's content. */
function blocksOf(root: HtmlNode): string[] {
  const blocks: string[] = [];
  let inline: HtmlNode[] = [];
  const flush = (): void => {
    const text = inlineMarkdown(inline);
    if (text !== '') blocks.push(text);
    inline = [];
  };
  const walk = (node: HtmlNode, quote: number): void => {
    for (const child of Array.from(node.childNodes)) {
      const name = child.nodeType === ELEMENT_NODE ? child.nodeName.toLowerCase() : '';
      if (child.nodeType === TEXT_NODE || (name !== '' && INLINE.has(name))) {
        inline.push(child);
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE || SKIPPED.has(name)) continue;
      flush();
      const prefix = '> '.repeat(quote);
      const heading = /^h([1-6])$/.exec(name);
      if (heading) {
        const text = inlineMarkdown(Array.from(child.childNodes));
        if (text !== '') blocks.push(`${prefix}${'#'.repeat(Number(heading[1]))} ${text}`);
      } else if (name === 'ul' || name === 'ol') {
        const items = Array.from(child.childNodes).filter((n) => n.nodeType === ELEMENT_NODE && n.nodeName.toLowerCase() === 'li');
        const lines = items.map((li, i) => `${prefix}${name === 'ol' ? `${i + 1}.` : '-'} ${inlineMarkdown(Array.from(li.childNodes))}`).filter((l) => !/^(?:> )*(?:-|\d+\.) $/.test(l));
        if (lines.length > 0) blocks.push(lines.join('\n'));
      } else if (name === 'blockquote') {
        walk(child, quote + 1);
      } else if (name === 'p' || name === 'figcaption' || name === 'pre') {
        const text = inlineMarkdown(Array.from(child.childNodes));
        if (text !== '') blocks.push(prefix + text);
      } else {
        walk(child, quote); // div, section, article, figure, table cells: their blocks
      }
      flush();
    }
    flush();
  };
  walk(root, 0);
  return blocks;
}

/** Elements that are part of a paragraph's text. */
const INLINE = new Set(['a', 'b', 'strong', 'i', 'em', 'span', 'abbr', 'cite', 'code', 'small', 'sub', 'sup', 'time', 'u', 'mark', 'q', 'br', 'font']);
/** Elements whose content is no text of the article. */
const SKIPPED = new Set(['img', 'picture', 'video', 'audio', 'iframe', 'script', 'style', 'noscript', 'svg', 'button', 'form', 'input', 'hr']);

/** Inline nodes as Markdown: bold, italic, links, line breaks; the rest as its text. */
function inlineMarkdown(nodes: readonly HtmlNode[]): string {
  const render = (node: HtmlNode): string => {
    if (node.nodeType === TEXT_NODE) return escapeInline(node.textContent ?? '');
    if (node.nodeType !== ELEMENT_NODE) return '';
    const name = node.nodeName.toLowerCase();
    if (SKIPPED.has(name)) return '';
    if (name === 'br') return '\n';
    const inner = Array.from(node.childNodes).map(render).join('');
    if (inner.trim() === '') return inner;
    const wrap = (mark: string): string => {
      const [, lead, body, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
      return `${lead}${mark}${body}${mark}${trail}`;
    };
    if (name === 'b' || name === 'strong') return wrap('**');
    if (name === 'i' || name === 'em') return wrap('*');
    if (name === 'a') {
      const href = node.getAttribute?.('href') ?? '';
      return href && !href.startsWith('javascript:') ? `[${inner.trim()}](${href.replace(/[()\s]/g, (c) => encodeURIComponent(c))})` : inner;
    }
    return inner;
  };
  return nodes
    .map(render)
    .join('')
    .split('\n')
    .map(collapse)
    .filter((line, i, all) => line !== '' || (i > 0 && i < all.length - 1))
    .join('  \n')
    .trim()
    .replace(/^([#>+-]|\d+[.)])(?=\s)/, '\\$1');
}

/** Runs of white space as one space, ends trimmed. */
function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Text escaped where Markdown would read it as markup (emphasis, links, code, HTML); block markers are escaped where a block starts. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<]/g, (c) => `\\${c}`);
}

/**
 * Markdown as markdown-it renders it, with raw HTML off (a `<script>` an engine wrote is text, and
 * is escaped), no typographic rewriting, and links limited to the schemes markdown-it trusts
 * (no `javascript:`).
 */
const MARKDOWN = new MarkdownIt({ html: false, linkify: false, typographer: false });

/**
 * An article in Markdown (a translated web page) as a clean HTML page: the headline as its title
 * and `<h1>`, then the paragraphs, subheadings, lists, block quotes, bold, italic and links, and
 * nothing else (no scripts, styles or site chrome); every text and attribute escaped.
 * @example articleHtml('# Japan and the US\n\nThe **state visit**…\n', 'en') // '<!doctype html>\n<html lang="en">…<h1>Japan and the US</h1>…'
 */
export function articleHtml(markdown: string, lang: string): string {
  const tokens = MARKDOWN.parse(markdown, {});
  let title = '';
  const heading = tokens.findIndex((t) => t.type === 'heading_open' && t.tag === 'h1');
  const inline = heading >= 0 ? tokens[heading + 1] : undefined;
  if (inline?.children) for (const c of inline.children) if (c.type === 'text' || c.type === 'code_inline') title += c.content;
  const body = MARKDOWN.renderer.render(tokens, MARKDOWN.options, {});
  const escape = (text: string): string => MARKDOWN.utils.escapeHtml(text);
  return (
    `<!doctype html>\n<html lang="${escape(lang)}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escape(title.trim())}</title>\n</head>\n` +
    `<body>\n<article>\n${body}</article>\n</body>\n</html>\n`
  );
}
