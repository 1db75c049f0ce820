/**
 * Inline suppressions: directives written in a translation as HTML comments, in Markdown and plain
 * text alike (after ESLint's `eslint-disable-next-line rule -- reason`):
 *
 *   <!-- vitrans-disable-next-paragraph term-forbidden -- historical name, correct before 2013 -->
 *   <!-- vitrans-disable-next-line term-missing, untranslated -- a quotation left in Vietnamese -->
 *   The text … <!-- vitrans-disable-line term-forbidden -- the source quotes the old name -->
 *
 * Each names one or more checks and needs a reason after ` -- `. The checker blanks the directives
 * before reading the text (so they are no translation text and move no position), applies them to
 * the findings, and reports a directive that is malformed, or that suppressed nothing, as a finding
 * of its own. Pure: text in, data out.
 */
import type { Finding, Paragraph, Span } from '../core/types.js';
import type { LineIndex } from '../text/positions.js';
import { findDirectiveComments } from '../text/directives.js';
import { TAG_MISMATCH } from '../formats/tags.js';

/** Rule id of a directive that cannot be used (no reason, no or unknown check, unknown directive). */
export const INVALID_SUPPRESSION = 'invalid-suppression';
/** Rule id of a suppression (inline, in a suppressions list, in a baseline) that matched no finding. */
export const UNUSED_SUPPRESSION = 'unused-suppression';

/** What the suppression rules report about themselves, for rule lists (SARIF) and docs. */
export const SUPPRESSION_RULES: readonly { id: string; description: string }[] = [
  { id: INVALID_SUPPRESSION, description: 'A suppression directive without a reason, a check, or a known check or directive name; it suppresses nothing.' },
  { id: UNUSED_SUPPRESSION, description: 'A suppression that no longer matches any finding: remove it.' },
];

/**
 * Rule ids reported outside the checks, by the file readers (a mis-decoded file, an XLIFF inline
 * code missing from its target), that a suppressions list may name too. A directive in the text
 * cannot: the reader reports them before any directive is read.
 */
export const READER_RULES: readonly string[] = ['encoding-mojibake', TAG_MISMATCH];

/** The directives and what each one covers. */
export type InlineDirective = 'disable-line' | 'disable-next-line' | 'disable-next-paragraph';
const DIRECTIVES: readonly InlineDirective[] = ['disable-next-paragraph', 'disable-next-line', 'disable-line'];

/**
 * One directive found in a text. `start`/`end` are UTF-16 offsets of the whole comment; `problem`
 * says why it cannot be used (it then suppresses nothing).
 * @example { directive: 'disable-line', rules: ['term-forbidden'], reason: 'quoted', start: 40, end: 95 }
 */
export interface InlineSuppression {
  directive: string;
  rules: string[];
  reason?: string;
  start: number;
  end: number;
  problem?: string;
}


/**
 * The directives in a text, in text order, each checked against the known check ids.
 * @example findInlineSuppressions('<!-- vitrans-disable-line term-missing -- quoted -->', ['term-missing'])
 */
export function findInlineSuppressions(text: string, knownRules: readonly string[]): InlineSuppression[] {
  const out: InlineSuppression[] = [];
  for (const comment of findDirectiveComments(text)) {
    const [, directive = '', body = ''] = /^[ \t]*vitrans-([\w-]*)([\s\S]*)$/.exec(comment.body) ?? [];
    const cut = body.search(/(?:^|\s)--(?:\s|$)/);
    const rulePart = cut >= 0 ? body.slice(0, cut) : body;
    const reason = cut >= 0 ? body.slice(cut).replace(/^\s*--/, '').trim() : '';
    const rules = rulePart.split(/[\s,]+/).filter(Boolean);
    const found: InlineSuppression = { directive, rules, start: comment.start, end: comment.end };
    if (reason) found.reason = reason;
    const unknown = rules.filter((r) => !knownRules.includes(r));
    if (!DIRECTIVES.includes(directive as InlineDirective)) {
      found.problem = `unknown directive "vitrans-${directive}": use vitrans-${DIRECTIVES.join(', vitrans-')}`;
    } else if (rules.length === 0) {
      found.problem = `"vitrans-${directive}" names no check: write the check ids it suppresses, e.g. "vitrans-${directive} term-forbidden -- reason"`;
    } else if (unknown.length > 0 && unknown.every((r) => READER_RULES.includes(r))) {
      found.problem = `${unknown.map((u) => `"${u}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} reported by the file's reader, before any directive is read: suppress ${unknown.length === 1 ? 'it' : 'them'} with a suppressions: entry in vitrans.config.yaml (rule, file, reason)`;
    } else if (unknown.length > 0) {
      found.problem = `"vitrans-${directive}" names an unknown check ${unknown.map((u) => `"${u}"`).join(', ')}: known checks are ${knownRules.join(', ')}`;
    } else if (!reason) {
      found.problem = `"vitrans-${directive} ${rules.join(', ')}" has no reason: add one after " -- ", e.g. "-- historical name"`;
    }
    out.push(found);
  }
  return out;
}

/** The text with each directive replaced by spaces of its length: nothing moves, nothing is read. */
export function blankInlineSuppressions(text: string, found: readonly InlineSuppression[]): string {
  if (found.length === 0) return text;
  const pieces: string[] = [];
  let at = 0;
  for (const s of found) {
    pieces.push(text.slice(at, s.start), ' '.repeat(s.end - s.start));
    at = s.end;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

/** The translation a set of directives applies to: its (blanked) text, paragraphs and lines. */
export interface SuppressedDocument {
  file: string;
  /** The text with the directives blanked. */
  text: string;
  paragraphs: readonly Paragraph[];
  lines: LineIndex;
}

/**
 * Marks the findings that `found` suppresses (a copy of each, with its `suppression`), and adds a
 * finding for every directive that is malformed, or that suppressed nothing although one of its
 * checks ran (`ran`). Findings keep their order; the directives' findings follow.
 */
export function applyInlineSuppressions(
  findings: readonly Finding[],
  found: readonly InlineSuppression[],
  doc: SuppressedDocument,
  ran: ReadonlySet<string>,
): Finding[] {
  if (found.length === 0) return [...findings];
  const out = [...findings];
  // Findings by the line they are shown at and by paragraph: each directive looks up only its own.
  const byLine = new Map<number, number[]>();
  const byParagraph = new Map<number, number[]>();
  const add = (map: Map<number, number[]>, key: number | undefined, k: number): void => {
    if (key === undefined) return;
    const list = map.get(key);
    if (list) list.push(k);
    else map.set(key, [k]);
  };
  out.forEach((f, k) => {
    if (f.file !== doc.file) return;
    add(byLine, f.span?.start.line, k);
    add(byParagraph, f.paragraph, k);
  });
  // A line's findings: those shown at it, and those of its paragraph whose span runs over it from
  // a line above (an untranslated paragraph, reported where it starts, whose slogan is this line).
  const onLine = (line: number, paragraph: number | undefined): number[] => {
    const over = (byParagraph.get(paragraph ?? -1) ?? []).filter((k) => {
      const f = out[k]!.span;
      return f !== undefined && f.start.line < line && f.end.line >= line;
    });
    return [...(byLine.get(line) ?? []), ...over];
  };
  const extra: Finding[] = [];
  for (const s of found) {
    const span = doc.lines.span(s.start, s.end);
    if (s.problem) {
      extra.push(directiveFinding(INVALID_SUPPRESSION, s.problem, doc.file, span));
      continue;
    }
    const target = covered(s, doc, span);
    const candidates = target === undefined ? [] : target.line !== undefined ? onLine(target.line, target.paragraph) : (byParagraph.get(target.paragraph!) ?? []);
    let used = false;
    for (const k of candidates) {
      const f = out[k]!;
      if (f.suppression || !s.rules.includes(f.ruleId)) continue;
      out[k] = { ...f, suppression: { kind: 'inline', reason: s.reason!, at: { file: doc.file, line: span.start.line, column: span.start.column, offset: s.start } } };
      used = true;
    }
    if (!used && s.rules.some((r) => ran.has(r))) {
      extra.push(directiveFinding(UNUSED_SUPPRESSION, `"vitrans-${s.directive} ${s.rules.join(', ')}" suppresses nothing here: remove it`, doc.file, span));
    }
  }
  return [...out, ...extra];
}

/** What a directive covers: a line (as reports show a finding's place) or a paragraph; undefined when nothing follows it. */
function covered(s: InlineSuppression, doc: SuppressedDocument, span: Span): { line?: number; paragraph?: number } | undefined {
  if (s.directive === 'disable-line') {
    // Its own line's paragraph: where the line's text starts (the directive itself reads as blanks).
    const lineStart = doc.text.lastIndexOf('\n', s.start - 1) + 1;
    const ink = nextInk(doc.text, lineStart);
    // Alone on its line, inside a paragraph (which it does not split), it stands in that paragraph.
    return { line: span.start.line, paragraph: paragraphAt(doc.paragraphs, ink >= 0 && ink < s.start ? ink : s.start)?.index };
  }
  if (s.directive === 'disable-next-line') {
    // The next line with text on it, below the directive's own line.
    const lineEnd = doc.text.indexOf('\n', s.end);
    const below = lineEnd < 0 ? -1 : nextInk(doc.text, lineEnd + 1);
    return below < 0 ? undefined : { line: doc.lines.position(below).line, paragraph: paragraphAt(doc.paragraphs, below)?.index };
  }
  const next = nextInk(doc.text, s.end);
  const paragraph = next < 0 ? undefined : paragraphAt(doc.paragraphs, next);
  return paragraph ? { paragraph: paragraph.index } : undefined;
}

/** The paragraph holding `offset` (paragraphs sorted and disjoint), by binary search. */
function paragraphAt(paragraphs: readonly Paragraph[], offset: number): Paragraph | undefined {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = paragraphs[mid]!;
    if (offset < p.start) hi = mid - 1;
    else if (offset >= p.end) lo = mid + 1;
    else return p;
  }
  return undefined;
}

/** The offset of the first non-space character at or after `from`, or -1. */
function nextInk(text: string, from: number): number {
  const ink = /\S/g;
  ink.lastIndex = from;
  return ink.exec(text)?.index ?? -1;
}

function directiveFinding(ruleId: string, message: string, file: string, span: Span): Finding {
  return { ruleId, severity: 'warning', message, file, span };
}
