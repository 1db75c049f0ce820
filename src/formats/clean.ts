/**
 * Source cleaning: the lines a web page adds around an article (a logo's alt text, an empty
 * "Ngày:" label, an image placeholder, a "Tin tức mới nhất" widget heading) removed before
 * anything is checked or paid for. Built-in rules are conservative: each matches a whole short
 * line of a known kind, never a sentence; users add their own whole-line patterns.
 *
 * Removing a line keeps every other byte: a paragraph left empty goes with one blank-line
 * separator, so the paragraphs that remain are those of the article, in order.
 */
import type { Paragraph } from '../core/types.js';
import { ConfigError } from '../core/errors.js';
import { splitParagraphs } from '../text/paragraphs.js';
import { LineIndex } from '../text/positions.js';
import { blankMarkdownCode } from './markdown/checkable.js';

/** A built-in cleaning rule: an id for reports, why such a line is not article text, and the test. */
export interface CleanRule {
  id: string;
  reason: string;
  /** Whether a line (trimmed, NFC, Markdown heading marks and emphasis taken off) is this kind of chrome. */
  matches(line: string): boolean;
}

/** Whole-line alternatives, case-insensitive, old and new tone placement both listed. */
const phrases = (list: readonly string[]): RegExp =>
  new RegExp(`^(?:${list.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|')})$`, 'iu');

/** A few words of a site's name: letters, digits and the marks names use, no sentence punctuation. */
const NAME_WORD = "[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}.&'’-]*";

const LOGO = new RegExp(`^(?:logo|biểu trưng)\\s+${NAME_WORD}(?:\\s+${NAME_WORD}){0,2}$`, 'iu');

/** Metadata labels whose value the page filled in by script, so the copy has the label alone. */
const EMPTY_LABEL = new RegExp(
  phrases([
    'ngày', 'ngày đăng', 'đăng ngày', 'đăng lúc', 'ngày cập nhật', 'cập nhật', 'thời gian', 'tác giả', 'người viết',
    'nguồn', 'thẻ', 'từ khóa', 'từ khoá', 'chuyên mục', 'danh mục', 'chia sẻ', 'bình luận',
    'date', 'posted', 'posted on', 'published', 'updated', 'author', 'by', 'tags', 'tag', 'source', 'category', 'categories', 'share',
  ]).source.replace(/\)\$$/, ')\\s*:$'),
  'iu',
);

/** Image placeholders a theme leaves in copied text: `spot_img` (machine-translated "tại chỗ_img"), `[image]`. */
const IMAGE_PLACEHOLDER = /^(?:[\p{L}\p{M}]+(?:\s+[\p{L}\p{M}]+){0,3}_img|img_[\p{L}\p{N}_-]+|\[(?:image|img|photo|ảnh|hình ảnh|hình)(?:\s*\d+)?\])$/iu;

/** Headings of a site's widgets and navigation that follow or precede every article. */
const SITE_SECTION = phrases([
  'tin tức mới nhất', 'tin mới nhất', 'tin mới', 'bài viết mới nhất', 'bài mới nhất', 'tin liên quan', 'bài viết liên quan',
  'tin cùng chuyên mục', 'đọc thêm', 'xem thêm', 'đọc nhiều', 'đọc nhiều nhất', 'xem nhiều nhất', 'tin nổi bật', 'tin đọc nhiều',
  'quảng cáo', 'latest news', 'latest posts', 'related news', 'related posts', 'related articles', 'read more', 'read next',
  'most read', 'most popular', 'trending', 'share this', 'share this article', 'advertisement',
]);
const SITE_SECTION_MARKS = /\s*[:›»>]+$/u;

/** Chrome lines are short: a longer line is article text whatever it says (and no built-in rule reads it). */
const MAX_CHROME_LINE = 80;

/** Sentence-final punctuation, closing quotes and brackets allowed after it. */
const SENTENCE_END = /[.!?…]["'”’»)\]]*$/u;
const MIN_SENTENCE_WORDS = 4;

/**
 * Whether a line reads as a sentence of the article, so no user pattern removes it: longer than any
 * chrome line, or ending like a sentence (`.`, `!`, `?`, `…`) with at least four words. "Theo Kyodo"
 * and "Ảnh: Reuters" do not; "Theo ông Nam, đây là bước tiến lớn." does.
 */
export function readsAsSentence(line: string): boolean {
  if (line.length > MAX_CHROME_LINE) return true;
  return SENTENCE_END.test(line) && line.split(/\s+/u).length >= MIN_SENTENCE_WORDS;
}

/** The conservative rules `vitrans clean` applies unless told not to. */
export const BUILTIN_CLEAN_RULES: readonly CleanRule[] = [
  { id: 'site-logo', reason: "a site logo's text", matches: (l) => LOGO.test(l) },
  { id: 'empty-label', reason: 'a metadata label with nothing after it', matches: (l) => EMPTY_LABEL.test(l) },
  { id: 'image-placeholder', reason: "an image placeholder of the site's theme", matches: (l) => IMAGE_PLACEHOLDER.test(l) },
  { id: 'site-section', reason: "a heading of the site's navigation or widgets", matches: (l) => SITE_SECTION.test(l.replace(SITE_SECTION_MARKS, '')) },
];

/** How cleaning runs. */
export interface CleanOptions {
  /**
   * Extra patterns: JavaScript regular expressions, case-insensitive, each matched against a whole
   * line (trimmed, NFC), as if written `^(?:pattern)$`. A line one matches is removed, unless it
   * reads as a sentence (`readsAsSentence`).
   * @example ['Ảnh: .*', 'Theo [^,.]{1,30}']
   */
  patterns?: readonly string[];
  /** Apply BUILTIN_CLEAN_RULES (default true). */
  builtins?: boolean;
  /** The text is Markdown: front matter, code and HTML blocks are never removed, heading marks are ignored. */
  markdown?: boolean;
}

/** One removed line: where it was (1-based line, offsets of its text without the line break), what it said, which rule removed it. */
export interface RemovedLine {
  line: number;
  start: number;
  end: number;
  /** The line as written, without its line break. */
  text: string;
  /** A built-in rule's id, or `pattern` for a user pattern. */
  rule: string;
  /** Why: the rule's reason, or the pattern that matched. */
  reason: string;
}

/** A cleaned text and what was taken out of it. */
export interface CleanResult {
  /** The text without the removed lines and the blank lines that separated them; every other byte as it was. */
  text: string;
  removed: RemovedLine[];
}

/**
 * Compiles user patterns once (anchored to the whole line, case-insensitive, Unicode).
 * @throws ConfigError naming the pattern that is not a valid regular expression
 */
export function compileCleanPatterns(patterns: readonly string[]): Array<{ source: string; regex: RegExp }> {
  return patterns.map((source) => {
    try {
      return { source, regex: new RegExp(`^(?:${source})$`, 'iu') };
    } catch (err) {
      throw new ConfigError(`invalid clean pattern "${source}": ${(err as Error).message.replace(/^Invalid regular expression: /, '')}`, {
        hint: 'write a JavaScript regular expression that matches a whole line, e.g. "Ảnh: .*"',
        cause: err,
      });
    }
  });
}

/**
 * Reads a patterns file: one pattern per line; blank lines and lines starting with `#` are skipped.
 * @throws ConfigError at file:line:col for a pattern that is not a valid regular expression
 * @example readCleanPatterns('# site chrome\nẢnh: .*\n', 'clean.txt') // ['Ảnh: .*']
 */
export function readCleanPatterns(text: string, file: string): string[] {
  const patterns: string[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    const pattern = raw.trim();
    if (pattern === '' || pattern.startsWith('#')) return;
    try {
      compileCleanPatterns([pattern]);
    } catch (err) {
      const e = err as ConfigError;
      throw new ConfigError(e.message, { location: { file, line: i + 1, column: raw.indexOf(pattern) + 1 }, hint: e.hint, cause: err });
    }
    patterns.push(pattern);
  });
  return patterns;
}

/** One line of a text: its content [start, end) and where the next line starts. */
interface Line {
  start: number;
  end: number;
  next: number;
  blank: boolean;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  for (let start = 0; start < text.length; ) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    const next = text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : Math.min(end + 1, text.length);
    lines.push({ start, end, next, blank: text.slice(start, end).trim() === '' });
    start = next;
  }
  return lines;
}

/** A line as the rules read it: trimmed, NFC, and for Markdown without heading marks or whole-line emphasis. */
function readable(line: string, markdown: boolean): string {
  let l = line.trim().normalize('NFC');
  if (markdown) {
    l = l.replace(/^#{1,6}\s+/, '').replace(/\s+#+$/, '');
    const emphasis = /^(\*\*|__|\*|_)(.+)\1$/u.exec(l);
    if (emphasis) l = emphasis[2]!.trim();
  }
  return l;
}

/**
 * Finds the chrome lines of a text and removes them.
 * @throws ConfigError for an invalid pattern
 * @example cleanText('Logo Zephyrnet\n\nBộ Quốc phòng\n').text === 'Bộ Quốc phòng\n'
 */
export function cleanText(text: string, options: CleanOptions = {}): CleanResult {
  const rules = options.builtins === false ? [] : BUILTIN_CLEAN_RULES;
  const user = compileCleanPatterns(options.patterns ?? []);
  const lines = linesOf(text);
  // Markdown code, front matter and HTML are blanked in the checker's view: never touch those lines.
  const view = options.markdown ? blankMarkdownCode(text) : text;
  const removed: RemovedLine[] = [];
  lines.forEach((l, i) => {
    if (l.blank || view.slice(l.start, l.end).trim() === '') return;
    const line = readable(text.slice(l.start, l.end), Boolean(options.markdown));
    const rule = line.length <= MAX_CHROME_LINE ? rules.find((r) => r.matches(line)) : undefined;
    // A pattern matches whole lines, but one written loosely (`Theo .*`) would take sentences too.
    const pattern = rule || readsAsSentence(line) ? undefined : user.find((p) => p.regex.test(line));
    if (!rule && !pattern) return;
    removed.push({
      line: i + 1,
      start: l.start,
      end: l.end,
      text: text.slice(l.start, l.end),
      rule: rule ? rule.id : 'pattern',
      reason: rule ? rule.reason : `matches the pattern "${pattern!.source}"`,
    });
  });
  return { text: removeLines(text, removed), removed };
}

/**
 * The text without the given lines: a paragraph left empty takes the blank lines before it (or
 * after it, while nothing before it is kept), so the remaining paragraphs keep their separators.
 * @example removeLines('Logo Zephyrnet\n\nBộ Quốc phòng\n', [{ line: 1, ... }]) === 'Bộ Quốc phòng\n'
 */
export function removeLines(text: string, removed: readonly Pick<RemovedLine, 'line'>[]): string {
  if (removed.length === 0) return text;
  const lines = linesOf(text);
  const gone = new Uint8Array(lines.length);
  for (const r of removed) if (r.line >= 1 && r.line <= lines.length) gone[r.line - 1] = 1;
  let keptBefore = false;
  let pendingSeparator: number[] = [];
  for (let i = 0; i < lines.length; ) {
    if (lines[i]!.blank) {
      const run: number[] = [];
      for (; i < lines.length && lines[i]!.blank; i++) run.push(i);
      pendingSeparator = run;
      continue;
    }
    const first = i;
    for (; i < lines.length && !lines[i]!.blank; i++);
    let empty = true;
    for (let k = first; k < i; k++) if (!gone[k]) empty = false;
    if (!empty) {
      keptBefore = true;
      pendingSeparator = [];
      continue;
    }
    if (keptBefore) for (const k of pendingSeparator) gone[k] = 1;
    else for (let k = i; k < lines.length && lines[k]!.blank; k++) gone[k] = 1;
    pendingSeparator = [];
  }
  let out = '';
  lines.forEach((l, i) => {
    if (!gone[i]) out += text.slice(l.start, l.next);
  });
  return out;
}

/**
 * The removals recorded for a text earlier (by line number and text, as the bilingual JSON keeps
 * them), located in the text as it is now; undefined when a line no longer says what was removed.
 * @example removalsAt(seed, [{ line: 1, rule: 'site-logo', text: 'Logo Zephyrnet' }])?.[0].start === 0
 */
export function removalsAt(text: string, recorded: readonly Pick<RemovedLine, 'line' | 'rule' | 'text'>[]): RemovedLine[] | undefined {
  const lines = linesOf(text);
  const found: RemovedLine[] = [];
  for (const r of [...recorded].sort((a, b) => a.line - b.line)) {
    const l = lines[r.line - 1];
    if (!l || text.slice(l.start, l.end) !== r.text) return undefined;
    const rule = BUILTIN_CLEAN_RULES.find((x) => x.id === r.rule);
    found.push({ line: r.line, start: l.start, end: l.end, text: r.text, rule: r.rule, reason: rule?.reason ?? 'removed when it was translated' });
  }
  return found;
}

/**
 * The text as the checker reads a cleaned source: removed lines blanked (spaces, line breaks kept)
 * so every offset, line and column stays that of the file, and its paragraphs without the removed
 * ones (a paragraph that lost some lines keeps the rest).
 * @example withoutLines('Logo Zephyrnet\n\nBộ Quốc phòng', removed).paragraphs.map((p) => p.text) // ['Bộ Quốc phòng']
 */
export function withoutLines(text: string, removed: readonly RemovedLine[]): { text: string; paragraphs: Paragraph[] } {
  if (removed.length === 0) return { text, paragraphs: splitParagraphs(text) };
  let blanked = '';
  let at = 0;
  for (const r of removed) {
    blanked += text.slice(at, r.start) + ' '.repeat(r.end - r.start);
    at = r.end;
  }
  blanked += text.slice(at);
  const lines = new LineIndex(blanked);
  const paragraphs: Paragraph[] = [];
  for (const p of splitParagraphs(text)) {
    let start = p.start;
    let end = p.end;
    while (start < end && /\s/.test(blanked[start]!)) start++;
    while (end > start && /\s/.test(blanked[end - 1]!)) end--;
    if (start === end) continue;
    paragraphs.push({ index: paragraphs.length + 1, text: blanked.slice(start, end), start, end, line: lines.position(start).line });
  }
  return { text: blanked, paragraphs };
}
