import type { Check } from '../types.js';
import type { GlossaryEntry, RenderingMatch } from '../../glossary/types.js';
import { findAcronyms } from '../../text/acronyms.js';
import { foldEnglish, renderingLabel } from '../renderings.js';

/**
 * One glossary term rendered two ways in one translation, both approved: the renderings of each
 * term are tallied per document and the rarer ones reported beside the most frequent. Two
 * renderings count as two ways when they spell one rendering differently ("Defense"/"Defence",
 * "U.S."/"US", a serial comma), or, for a name (capitalised), when neither is a short form of the
 * other ("Japan Ministry of Defense" beside "Japanese Ministry of Defense"; "Ministry of Defense"
 * is a short form of it). Plurals, possessives, case, hyphens and acronyms are not renderings of
 * their own; common nouns and verbs may vary ("co-develop", "jointly develop").
 */
export const termInconsistent: Check = {
  meta: {
    id: 'term-inconsistent',
    description: 'A glossary term is rendered two different approved ways in one translation.',
    severity: 'warning',
    fixable: false,
  },
  create(context) {
    return {
      // A pair contributes its renderings that could be a second way (offsets relative to it);
      // they are tallied per document in `contributed`.
      contribute(pair): Written[] {
        const out: Written[] = [];
        // A rendering in a paragraph whose source lacks the term translates something else there
        // ("India's Ministry of Defence" beside "Bộ Quốc phòng Ấn Độ"): no way of rendering this term.
        let inSource: Set<GlossaryEntry> | undefined;
        for (const r of pair.renderings) {
          inSource ??= new Set(pair.terms.map((t) => t.entry));
          if (!inSource.has(r.entry)) continue;
          // Only an entry with more than one approved rendering can be rendered two ways.
          // A forbidden rendering in an allowed context (a former name) is history, not a second way of rendering the term.
          if (r.kind === 'acronym' || r.kind === 'forbidden' || r.allowedBy !== undefined || (r.entry.accepted.length === 0 && r.entry.forms.length === 0)) continue;
          out.push({ match: r, start: r.start - pair.target.start, end: r.end - pair.target.start });
        }
        return out;
      },
      contributed(all: readonly Written[][], pairAt) {
        // Occurrences by entry and by what is written; labels are worked out once per written form.
        const byEntry = new Map<GlossaryEntry, Map<string, { match: RenderingMatch; occurrences: Occurrence[] }>>();
        for (let i = 0; i < all.length; i++) {
          if (all[i]!.length === 0) continue;
          const t0 = pairAt(i + 1).target.start;
          for (const { match: r, start, end } of all[i]!) {
            let written = byEntry.get(r.entry);
            if (!written) byEntry.set(r.entry, (written = new Map()));
            const occurrence = { paragraph: i + 1, start: start + t0, end: end + t0, label: '' };
            const seen = written.get(r.text);
            if (seen) seen.occurrences.push(occurrence);
            else written.set(r.text, { match: r, occurrences: [occurrence] });
          }
        }
        for (const [entry, written] of byEntry) {
          if (written.size < 2) continue;
          const labels = new Map<string, Occurrence[]>();
          for (const { match, occurrences } of written.values()) {
            if (isAcronymText(match.text)) continue;
            const label = renderingLabel(match);
            for (const o of occurrences) o.label = label;
            const key = foldEnglish(label);
            const list = labels.get(key);
            if (list) for (const o of occurrences) list.push(o);
            else labels.set(key, [...occurrences]);
          }
          if (labels.size < 2) continue;
          for (const list of labels.values()) list.sort((a, b) => a.start - b.start);
          // The most frequent rendering (the first seen on a tie) is the one the others are set beside.
          const ranked = [...labels.values()].sort((a, b) => b.length - a.length || a[0]!.start - b[0]!.start);
          const main = ranked[0]!;
          for (const other of ranked.slice(1)) {
            if (!twoWays(entry, other[0]!.label, main[0]!.label)) continue;
            for (const o of other) {
              context.report({
                paragraph: o.paragraph,
                message: `"${o.label}" and "${main[0]!.label}" both render "${entry.vi}" in this translation (${other.length} and ${main.length} times): keep one`,
                targetRange: [o.start, o.end],
                termId: entry.id,
                expected: [main[0]!.label],
                actual: o.label,
              });
            }
          }
        }
      },
    };
  },
};

/** A rendering of a pair: what is written (its offsets are not read: they are those of the check that found it) and where, relative to the pair. */
interface Written {
  match: RenderingMatch;
  start: number;
  end: number;
}

interface Occurrence {
  paragraph: number;
  start: number;
  end: number;
  label: string;
}

function isAcronymText(text: string): boolean {
  const [token, ...more] = findAcronyms(text);
  return token !== undefined && more.length === 0 && token.text === text.trim();
}

/**
 * Whether two approved renderings of one entry are two ways of writing it (see the check's
 * comment): the same words spelt differently, a short form spelt differently ("Ministry of
 * Defence" beside "Japanese Ministry of Defense"), or two names neither of which is a short form.
 */
function twoWays(entry: GlossaryEntry, a: string, b: string): boolean {
  const [sa, sb] = [spelling(a).split(' '), spelling(b).split(' ')];
  const related = contains(sa, sb) || contains(sb, sa);
  if (related) {
    const [ra, rb] = [written(a), written(b)];
    return !contains(ra, rb) && !contains(rb, ra);
  }
  return /^\p{Lu}/u.test(entry.en);
}

/** British spellings as American ones, for telling spelling variants apart from other renderings. */
const SPELLINGS: ReadonlyArray<[RegExp, string]> = [
  [/\b(def|off)ence\b/g, '$1ense'],
  [/\blicence\b/g, 'license'],
  [/\bprogramme(s?)\b/g, 'program$1'],
  [/\b(cent|met|theat)re(s?)\b/g, '$1er$2'],
  [/\b(\w{2,}[^aeiou\s])our(s?)\b/g, '$1or$2'],
  [/\b(\w{3,})is(e|ed|es|ing|ation|ations)\b/g, '$1iz$2'],
];

/** A rendering reduced to its spelling-independent form: lower case, no punctuation, American spelling, "&" as "and". */
function spelling(label: string): string {
  let s = label.toLowerCase().replace(/&/g, ' and ').replace(/[.,'’]/g, '').replace(/[\s\u00A0\u2010-\u2015-]+/gu, ' ').trim();
  for (const [from, to] of SPELLINGS) s = s.replace(from, to);
  return s;
}

/** The words as written, in lower case, punctuation kept ("u.s.", "test,"). */
function written(label: string): string[] {
  return label.toLowerCase().replace(/[\s\u00A0\u2010-\u2015-]+/gu, ' ').trim().split(' ');
}

/** Whether `inner` is a run of consecutive words of `outer`. */
function contains(outer: readonly string[], inner: readonly string[]): boolean {
  for (let i = 0; i + inner.length <= outer.length; i++) {
    let k = 0;
    while (k < inner.length && outer[i + k] === inner[k]) k++;
    if (k === inner.length) return true;
  }
  return false;
}
