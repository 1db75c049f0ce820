import type { Check, ParagraphPair } from '../types.js';
import type { GlossaryEntry, RenderingMatch, TermMatch } from '../../glossary/types.js';
import { approvedRenderings } from '../../glossary/en-matcher.js';
import { allotShortMentions, firstFullRendering, isFullRendering } from '../../glossary/short-reference.js';
import { sourcePlaceNote } from '../../core/source-note.js';

/**
 * A glossary term of the source paragraph has no approved rendering in its translation.
 * Each source occurrence needs one approved rendering (or a forbidden one, which
 * `term-forbidden` reports instead); an acronym alone counts only after its expansion, and a
 * short reference ("the ministry", "the defence ministry") only after the full rendering, earlier
 * in the paragraph or in an earlier paragraph.
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
      // A pair contributes, per term of its source, what its translation renders of it (offsets
      // relative to the pair); only whether an acronym alone was introduced earlier depends on the
      // rest of the document, and that is asked in `contributed`.
      contribute(pair): Contribution {
        // Everything per paragraph is grouped once, so the cost stays linear in its length.
        const renderingsOf = groupByEntry(pair.renderings);
        const out: MissingCandidate[] = [];
        const rendered = fullyRendered(pair.renderings);
        let strangers: StrangerIndex | undefined;
        const t0 = pair.target.start;
        const unrendered: Array<{ entry: GlossaryEntry; occurrences: TermMatch[]; full: number; acronyms: ReturnType<typeof countRenderings>['acronyms'] }> = [];
        for (const [entry, occurrences] of groupByEntry(pair.terms)) {
          const { counted: full, acronyms } = countRenderings(renderingsOf.get(entry) ?? []);
          // Accounted for, whatever the rest of the document says about the acronyms.
          if (full < occurrences.length) unrendered.push({ entry, occurrences, full, acronyms });
        }
        if (unrendered.length === 0) return { candidates: out, rendered };
        // Short references after the paragraph's own first full rendering count here; those before
        // it (or without one) count if an earlier paragraph renders the term in full. Each stands for one entry.
        const shares = allotShortMentions(
          // An acronym alone stands for an occurrence (once introduced, which `contributed` checks), as the term summary counts it.
          unrendered.map(({ entry, occurrences, full, acronyms }) => ({
            entry,
            missing: occurrences.length - full - acronyms.filter((a) => a.counts).length,
            fullEnd: firstFullRendering(renderingsOf.get(entry) ?? [])?.end,
          })),
          context.targetText,
          pair.target.start,
          pair.target.end,
          pair.renderings,
        );
        for (const { entry, occurrences, full, acronyms } of unrendered) {
          const share = shares.get(entry)!;
          const counted = full + share.afterFull.length;
          if (counted >= occurrences.length) continue;
          strangers ??= strangerIndex(pair, context.targetText);
          const stranger = strangers.firstSharingWord(entry);
          out.push({
            entry,
            occurrences: occurrences.map((t) => ({ ...t, start: t.start - pair.source.start, end: t.end - pair.source.start })),
            counted,
            acronyms: acronyms.map((r) => ({ start: r.match.start - t0, end: r.match.end - t0, text: r.match.text, counts: r.counts })),
            stranger: stranger && { start: stranger.start - t0, end: stranger.end - t0, text: stranger.text, vi: stranger.entry.vi },
            shortReferencesIfRenderedBefore: share.ifRenderedBefore.length,
          });
        }
        return { candidates: out, rendered };
      },
      contributed(all: readonly Contribution[], pairAt) {
        const renderedBefore = new Set<string>();
        for (let i = 0; i < all.length; i++) {
          const { candidates, rendered } = all[i]!;
          if (candidates.length === 0) {
            for (const id of rendered) renderedBefore.add(id);
            continue;
          }
          const pair = pairAt(i + 1);
          const t0 = pair.target.start;
          for (const { entry, occurrences, counted, acronyms, stranger, shortReferencesIfRenderedBefore } of candidates) {
            const introduced = (r: { start: number }): boolean => context.document.isAcronymIntroduced(entry.id, r.start + t0);
            const accounted = counted + acronyms.filter((r) => r.counts && introduced(r)).length + (renderedBefore.has(entry.id) ? shortReferencesIfRenderedBefore : 0);
            if (accounted >= occurrences.length) continue;
            const unintroduced = acronyms.find((r) => !introduced(r));
            for (const term of occurrences.slice(accounted)) {
              // The finding spans its paragraph when nothing in the translation stands for the term:
              // the note names which source occurrence is not rendered.
              const place = sourcePlaceNote(context.position(term.start + pair.source.start, 'source'));
              const why = unintroduced
                ? `${unintroduced.text} is used before "${entry.en} (${entry.acronym})" introduces it`
                : stranger
                  ? `"${stranger.text}" is the approved rendering of "${stranger.vi}", which this paragraph's source does not contain`
                  : entry.note;
              context.report({
                paragraph: pair.index,
                message: `"${term.text}" is not rendered as "${entry.en}"${entry.acronym ? ` (or ${entry.acronym} after its expansion)` : ''}`,
                targetRange: unintroduced ? [unintroduced.start + t0, unintroduced.end + t0] : stranger ? [stranger.start + t0, stranger.end + t0] : undefined,
                term: { ...term, start: term.start + pair.source.start, end: term.end + pair.source.start },
                termId: entry.id,
                expected: approvedRenderings(entry, { acronym: false }),
                actual: unintroduced?.text ?? stranger?.text,
                note: why ? `${place}; ${why}` : place,
              });
            }
          }
          for (const id of rendered) renderedBefore.add(id);
        }
      },
    };
  },
};

/** What a pair contributes: its candidates, and the entries its translation renders in full (for the short references of later paragraphs). */
interface Contribution {
  candidates: MissingCandidate[];
  rendered: string[];
}

/** The ids of the entries rendered in full (not by an acronym alone, not forbidden). */
function fullyRendered(renderings: readonly RenderingMatch[]): string[] {
  const ids = new Set<string>();
  for (const r of renderings) if (isFullRendering(r)) ids.add(r.entry.id);
  return [...ids];
}

/**
 * A glossary term of a pair's source that its translation may not render: the source's
 * occurrences, the renderings that count wherever they stand, the acronyms alone (which count
 * once introduced), and the likely wrong rendering standing in for it. Offsets relative to the pair.
 */
interface MissingCandidate {
  entry: GlossaryEntry;
  occurrences: TermMatch[];
  counted: number;
  /** Acronyms alone, in text order; `counts`: one that counts as a rendering once introduced (not the "(GPI)" of "Glide Phase Interceptor (GPI)"). */
  acronyms: { start: number; end: number; text: string; counts: boolean }[];
  stranger: { start: number; end: number; text: string; vi: string } | undefined;
  /** Short references ("the ministry") before the paragraph's first full rendering: they count if an earlier paragraph renders the term in full. */
  shortReferencesIfRenderedBefore: number;
}

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
 * How many source occurrences the renderings account for wherever they stand (`counted`), and the
 * acronyms alone, which count only after their expansion. An acronym in parentheses right after
 * its expansion ("Glide Phase Interceptor (GPI)") is part of that one rendering, not a second one.
 */
function countRenderings(renderings: readonly RenderingMatch[]): { counted: number; acronyms: { match: RenderingMatch; counts: boolean }[] } {
  let counted = 0;
  const acronyms: { match: RenderingMatch; counts: boolean }[] = [];
  let previous: RenderingMatch | undefined;
  for (const r of renderings) {
    const introducesAcronym = r.kind === 'acronym' && previous && previous.kind !== 'acronym' && previous.kind !== 'forbidden' && r.start - previous.end <= 3;
    if (r.kind === 'acronym') acronyms.push({ match: r, counts: !introducesAcronym });
    else counted++; // a forbidden rendering counts too: term-forbidden reports it
    previous = r;
  }
  return { counted, acronyms };
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
