/**
 * Short second mentions of a glossary rendering: after "the Ministry of National Defence", English
 * news writes "the ministry" or "the defence ministry" for the next "Bộ Quốc phòng" of the source.
 * A short reference is a determiner and the rendering's head noun ("Ministry" of "Ministry of
 * National Defence", "Office" of "General Statistics Office"), with at most two of the rendering's
 * own words before the head ("the defence ministry", not "the Japanese ministry"), not followed by
 * "of" (which starts another name: "the Ministry of Foreign Affairs"); or "a"/"an" and the head
 * noun used as a modifier of one of the ministry's people or papers ("a ministry representative",
 * "a ministry statement").
 */
import type { GlossaryEntry, RenderingMatch } from './types.js';
import { approvedRenderings } from './en-matcher.js';

const patterns = new WeakMap<GlossaryEntry, RegExp | null>();

/**
 * Nouns the head noun may modify after "a"/"an": "a ministry representative" is one of the
 * ministry's people, so the ministry is the one named before. "A ministry" alone ("a ministry
 * that oversees ports") introduces another one, and is no second mention.
 */
const PEOPLE_AND_PAPERS = ['representatives?', 'spokes(?:man|woman|person)', 'officials?', 'officers?', 'sources?', 'delegation', 'statement', 'announcement', 'report', 'document', 'inspectors?', 'leaders?'];

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The head noun of a rendering of several words: the word before its first "of", else its last word. */
function headNoun(rendering: string): string | undefined {
  const words = rendering.split(/\s+/).filter((w) => w.length > 0);
  if (words.length < 2) return undefined;
  const of = words.findIndex((w) => w.toLowerCase() === 'of');
  const head = of > 0 ? words[of - 1]! : words[words.length - 1]!;
  return /^\p{L}+$/u.test(head) && head.toUpperCase() !== head ? head.toLowerCase() : undefined;
}

/** The pattern of an entry's short references, or null when no rendering has a head noun to stand alone. */
function patternOf(entry: GlossaryEntry): RegExp | null {
  let pattern = patterns.get(entry);
  if (pattern !== undefined) return pattern;
  const renderings = approvedRenderings(entry, { acronym: false });
  const heads = new Set<string>();
  const modifiers = new Set<string>();
  for (const r of renderings) {
    const head = headNoun(r);
    if (!head) continue;
    heads.add(head);
    for (const w of r.split(/\s+/)) if (/^\p{L}+$/u.test(w) && w.toLowerCase() !== head && w.toLowerCase() !== 'of') modifiers.add(w.toLowerCase());
  }
  if (heads.size === 0) pattern = null;
  else {
    const modifier = modifiers.size > 0 ? `(?:(?:${[...modifiers].map(escape).join('|')})[\\s\\u00a0]+){0,2}` : '';
    const head = `${modifier}(?:${[...heads].map(escape).join('|')})(?![\\p{L}\\p{M}\\p{N}])`;
    pattern = new RegExp(
      `(?<![\\p{L}\\p{M}\\p{N}])(?:(?:the|this|that)[\\s\\u00a0]+${head}(?![\\s\\u00a0]+of(?![\\p{L}\\p{M}\\p{N}]))|an?[\\s\\u00a0]+${head}(?=[\\s\\u00a0]+(?:${PEOPLE_AND_PAPERS.join('|')})(?![\\p{L}\\p{M}\\p{N}])))`,
      'giu',
    );
  }
  patterns.set(entry, pattern);
  return pattern;
}

/**
 * The short references to `entry` in `paragraph` (the text from offset `start` on), as offsets of
 * the whole text, leaving out those that overlap `taken` (full renderings of any entry, sorted by
 * start: "the Ministry" of "the Ministry of National Defence" is that rendering, not a second mention).
 */
function findShortReferences(entry: GlossaryEntry, paragraph: string, start: number, taken: readonly { start: number; end: number }[]): Array<{ start: number; end: number }> {
  const pattern = patternOf(entry);
  if (!pattern) return [];
  const out: Array<{ start: number; end: number }> = [];
  // Over the paragraph alone (a paragraph without a mention must not scan on through the document),
  // and the taken spans in one sweep: the references come in text order, so the furthest end among
  // the spans that start before a reference ends tells whether one overlaps it.
  let next = 0;
  let furthest = -1;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(paragraph); m; m = pattern.exec(paragraph)) {
    const s = start + m.index;
    const e = s + m[0].length;
    for (; next < taken.length && taken[next]!.start < e; next++) furthest = Math.max(furthest, taken[next]!.end);
    if (furthest <= s) out.push({ start: s, end: e });
  }
  return out;
}

/** A term of a paragraph's source left without a full rendering: how many occurrences, and where its first full rendering ends, if the paragraph has one. */
export interface ShortMentionNeed {
  entry: GlossaryEntry;
  missing: number;
  fullEnd: number | undefined;
}

/** The short mentions one entry may take: after its own full rendering in the paragraph, and those that count only if an earlier paragraph renders it in full. */
export interface ShortMentionShare {
  afterFull: Array<{ start: number; end: number }>;
  ifRenderedBefore: Array<{ start: number; end: number }>;
}

/**
 * Shares a paragraph's short mentions among the entries that need them, each mention standing for
 * one entry at most ("the ministry" is one ministry, though two were named before it): first to the
 * entries rendered in full earlier in the paragraph, then, in source order, to those that need an
 * earlier paragraph's rendering. term-missing counts them, and the term summary tallies them, alike.
 */
export function allotShortMentions(needs: readonly ShortMentionNeed[], text: string, start: number, end: number, taken: readonly { start: number; end: number }[]): Map<GlossaryEntry, ShortMentionShare> {
  const shares = new Map<GlossaryEntry, ShortMentionShare>();
  const found = new Map<GlossaryEntry, Array<{ start: number; end: number }>>();
  const claimed = new Set<number>();
  // Cut and sorted once for the paragraph, whatever the number of entries that need a mention.
  let paragraph: string | undefined;
  let byStart: Array<{ start: number; end: number }> | undefined;
  const mentionsOf = (entry: GlossaryEntry) => {
    let list = found.get(entry);
    if (!list) {
      paragraph ??= text.slice(start, end);
      byStart ??= [...taken].sort((a, b) => a.start - b.start);
      found.set(entry, (list = findShortReferences(entry, paragraph, start, byStart)));
    }
    return list;
  };
  const take = (list: ReadonlyArray<{ start: number; end: number }>, count: number, accept: (m: { start: number }) => boolean) => {
    const out: Array<{ start: number; end: number }> = [];
    for (const m of list) {
      if (out.length >= count) break;
      if (claimed.has(m.start) || !accept(m)) continue;
      claimed.add(m.start);
      out.push(m);
    }
    return out;
  };
  for (const need of needs) {
    const fullEnd = need.fullEnd;
    const afterFull = fullEnd === undefined || need.missing <= 0 ? [] : take(mentionsOf(need.entry), need.missing, (m) => m.start > fullEnd);
    shares.set(need.entry, { afterFull, ifRenderedBefore: [] });
  }
  for (const need of needs) {
    const share = shares.get(need.entry)!;
    const remaining = need.missing - share.afterFull.length;
    if (remaining > 0) share.ifRenderedBefore = take(mentionsOf(need.entry), remaining, () => true);
  }
  return shares;
}

/** An entry's first full rendering among its matches in a paragraph (not an acronym alone, not a forbidden one): what a short mention after it refers to. */
export function firstFullRendering(renderings: readonly RenderingMatch[]): RenderingMatch | undefined {
  return renderings.find(isFullRendering);
}

/** A rendering a short mention may refer back to: not an acronym alone, not a forbidden one. */
export function isFullRendering(r: RenderingMatch): boolean {
  return r.kind !== 'acronym' && r.kind !== 'forbidden';
}
