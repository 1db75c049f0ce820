import type { Check, ParagraphPair } from '../types.js';
import type { GlossaryEntry, RenderingMatch } from '../../glossary/types.js';
import { approvedRenderings, type DocumentRenderingIndex } from '../../glossary/en-matcher.js';

/**
 * A glossary term of the source paragraph has no approved rendering in its translation.
 * Each source occurrence needs one approved rendering (or a forbidden one, which
 * `term-forbidden` reports instead); an acronym alone counts only after its expansion.
 */
export const termMissing: Check = {
  meta: {
    id: 'term-missing',
    description: 'A glossary term in the source is not rendered the approved way in the translation.',
    severity: 'error',
    fixable: false,
  },
  create(context) {
    return {
      paragraph(pair) {
        // Everything per paragraph is grouped once, so the cost stays linear in its length.
        const renderingsOf = groupByEntry(pair.renderings);
        let strangers: StrangerIndex | undefined;
        for (const [entry, occurrences] of groupByEntry(pair.terms)) {
          const own = renderingsOf.get(entry) ?? [];
          const accounted = countRenderings(own, context.document);
          if (accounted >= occurrences.length) continue;
          const unintroduced = own.find((r) => r.kind === 'acronym' && !context.document.satisfies(r));
          strangers ??= strangerIndex(pair, context.targetText);
          const stranger = strangers.firstSharingWord(entry);
          for (const term of occurrences.slice(accounted)) {
            context.report({
              message: `"${term.text}" is not rendered as "${entry.en}"${entry.acronym ? ` (or ${entry.acronym} after its expansion)` : ''}`,
              targetRange: unintroduced ? [unintroduced.start, unintroduced.end] : stranger ? [stranger.start, stranger.end] : undefined,
              term,
              termId: entry.id,
              expected: approvedRenderings(entry, { acronym: false }),
              actual: unintroduced?.text ?? stranger?.text,
              note: unintroduced
                ? `${unintroduced.text} is used before "${entry.en} (${entry.acronym})" introduces it`
                : stranger
                  ? `"${stranger.text}" is the approved rendering of "${stranger.entry.vi}", which this paragraph's source does not contain`
                  : entry.note,
            });
          }
        }
      },
    };
  },
};

/** Matches per entry, in text order. */
function groupByEntry<T extends { entry: GlossaryEntry }>(matches: readonly T[]): Map<GlossaryEntry, T[]> {
  const groups = new Map<GlossaryEntry, T[]>();
  for (const m of matches) {
    const list = groups.get(m.entry);
    if (list) list.push(m);
    else groups.set(m.entry, [m]);
  }
  return groups;
}

/**
 * How many source occurrences the renderings account for. An acronym in parentheses right after
 * its expansion ("Glide Phase Interceptor (GPI)") is part of that one rendering, not a second one.
 */
function countRenderings(renderings: readonly RenderingMatch[], document: DocumentRenderingIndex): number {
  let count = 0;
  let previous: RenderingMatch | undefined;
  for (const r of renderings) {
    const introducesAcronym = r.kind === 'acronym' && previous && previous.kind !== 'acronym' && previous.kind !== 'forbidden' && r.start - previous.end <= 3;
    if (!introducesAcronym && (r.kind === 'forbidden' || document.satisfies(r))) count++;
    previous = r;
  }
  return count;
}

/** Finds, for an entry, the first rendering of another entry that shares a word with it. */
interface StrangerIndex {
  firstSharingWord(entry: GlossaryEntry): RenderingMatch | undefined;
}

/**
 * Renderings of other entries that the source paragraph does not call for (likely the wrong
 * term), indexed by the words of their entry's rendering: for each word, the first such
 * rendering in the paragraph. Built once per paragraph, in one pass. One that ends a longer name
 * ("Secretary of Defense" in "Assistant Secretary of Defense") names another thing and is no such hint.
 */
function strangerIndex(pair: ParagraphPair, text: string): StrangerIndex {
  const inSource = new Set(pair.terms.map((t) => t.entry.id));
  const firstByWord = new Map<string, RenderingMatch>();
  for (const r of pair.renderings) {
    if (r.kind === 'acronym' || r.kind === 'forbidden' || inSource.has(r.entry.id) || insideLongerName(text, r.start)) continue;
    for (const w of wordsOf(r.entry)) if (!firstByWord.has(w)) firstByWord.set(w, r);
  }
  return {
    firstSharingWord(entry) {
      let first: RenderingMatch | undefined;
      for (const w of wordsOf(entry)) {
        const r = firstByWord.get(w);
        if (r && (!first || r.start < first.start)) first = r;
      }
      return first;
    },
  };
}

const entryWords = new WeakMap<GlossaryEntry, ReadonlySet<string>>();

/** The words (longer than three letters) of an entry's canonical rendering, lower case; built once per entry. */
function wordsOf(entry: GlossaryEntry): ReadonlySet<string> {
  let words = entryWords.get(entry);
  if (!words) {
    words = new Set(entry.en.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3));
    entryWords.set(entry, words);
  }
  return words;
}

/** Capitalised words that start a sentence or a phrase without being part of the name after them. */
const NOT_NAME_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'and', 'but', 'or', 'as', 'at', 'by',
  'for', 'from', 'in', 'of', 'on', 'to', 'with', 'when', 'while', 'after', 'before', 'then', 'both', 'former', 'new', 'current',
]);

/**
 * Whether the match at `start` continues a capitalised name that begins before it: the word right
 * before it (one space or hyphen between, same line) is capitalised and is not a function word
 * ("Assistant Secretary of Defense", "Deputy Secretary of Defense"; not "The Secretary of Defense",
 * "Japan's Defense Ministry", "U.S. Secretary of Defense").
 */
function insideLongerName(text: string, start: number): boolean {
  const gap = text.charAt(start - 1);
  if (gap !== ' ' && gap !== '\u00A0' && gap !== '-' && gap !== '\u2011') return false;
  let from = start - 1;
  while (from > 0 && /[\p{L}\p{M}\p{N}]/u.test(text.charAt(from - 1))) from--;
  const word = text.slice(from, start - 1);
  return /^\p{Lu}/u.test(word) && !NOT_NAME_WORDS.has(word.toLowerCase());
}
