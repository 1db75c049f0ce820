/**
 * Allowed contexts of forbidden renderings (`allowed_in:` in glossary.yaml): "known as … until"
 * lets "known as the Vietnam Marine Police until 2013" stand. The pattern is compared token by
 * token with the words around the match: case-insensitively, quotes ignored, hyphens and dashes
 * as spaces, and an article right before the match skipped unless the pattern names one.
 * Each test reads a window of bounded size around the match, so checking stays linear in the text.
 */
import type { AllowedContext } from './types.js';

/** The mark standing for the forbidden rendering in a pattern: an ellipsis, or three dots. */
const HOLE = /…|\.\.\./g;
const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);
/** Quotes and apostrophes standing alone: a quoted name matches its unquoted pattern. */
const QUOTES = /["'“”‘’«»„‚‹›`]/u;
/** A word (letters, marks, digits; inner apostrophes kept) or one other visible character. */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}\u00AD\u2010-\u2015\u2212-]/gu;
/** Characters of context read per token on each side (long words, spaces, line breaks between). */
const WINDOW_PER_TOKEN = 48;
const PARAGRAPH_BREAK = /\n[ \t\u00A0]*\r?\n/g;

/** Folded tokens of a text: lower case, NFC, quotes dropped. */
export function contextTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.normalize('NFC').matchAll(TOKEN)) {
    if (QUOTES.test(m[0]) && m[0].length === 1) continue;
    out.push(m[0].toLowerCase().replace(/’/g, "'"));
  }
  return out;
}

/**
 * Parses one `allowed_in` pattern, or says what is wrong with it.
 * @example parseAllowedContext('known as … until') // { pattern, before: ['known', 'as'], after: ['until'] }
 */
export function parseAllowedContext(pattern: string): AllowedContext | { error: string } {
  const holes = [...pattern.matchAll(HOLE)];
  if (holes.length !== 1) {
    return { error: holes.length === 0 ? 'has no "…" standing for the forbidden rendering' : 'has more than one "…"' };
  }
  const at = holes[0]!.index;
  const before = contextTokens(pattern.slice(0, at));
  const after = contextTokens(pattern.slice(at + holes[0]![0].length));
  if (before.length === 0 && after.length === 0) return { error: 'has no words around the "…", so it would allow the rendering everywhere' };
  return { pattern, before, after };
}

/**
 * The first of `contexts` that the text around [start, end) satisfies, or undefined.
 * Context never reaches across a blank line (another paragraph).
 * @example allowedContextAt('known as the Vietnam Marine Police until 2013', 13, 34, [ctx]) === ctx
 */
export function allowedContextAt(text: string, start: number, end: number, contexts: readonly AllowedContext[]): AllowedContext | undefined {
  for (const c of contexts) {
    if (c.before.length > 0 && !endsWith(tokensBefore(text, start, c.before.length + 1), c.before)) continue;
    if (c.after.length > 0 && !startsWith(tokensAfter(text, end, c.after.length), c.after)) continue;
    return c;
  }
  return undefined;
}

function tokensBefore(text: string, offset: number, count: number): string[] {
  const window = text.slice(Math.max(0, offset - WINDOW_PER_TOKEN * (count + 1)), offset);
  let from = 0;
  for (const m of window.matchAll(PARAGRAPH_BREAK)) from = m.index + m[0].length;
  return contextTokens(window.slice(from));
}

function tokensAfter(text: string, offset: number, count: number): string[] {
  const window = text.slice(offset, offset + WINDOW_PER_TOKEN * (count + 1));
  const paragraphBreak = window.search(PARAGRAPH_BREAK);
  return contextTokens(paragraphBreak >= 0 ? window.slice(0, paragraphBreak) : window);
}

/** Whether `tokens` end with `want`, an article between them and the match allowed. */
function endsWith(tokens: string[], want: readonly string[]): boolean {
  const last = tokens[tokens.length - 1];
  const skip = last !== undefined && ARTICLES.has(last) && !ARTICLES.has(want[want.length - 1]!) ? 1 : 0;
  const end = tokens.length - skip;
  if (end < want.length) return false;
  return want.every((w, i) => tokens[end - want.length + i] === w);
}

function startsWith(tokens: string[], want: readonly string[]): boolean {
  return tokens.length >= want.length && want.every((w, i) => tokens[i] === w);
}
