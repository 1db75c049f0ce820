import type { Check, ParagraphPair } from '../types.js';
import type { Glossary, GlossaryEntry, RenderingMatch } from '../../glossary/types.js';
import { acronymIntroductions, findAcronyms, type AcronymToken } from '../../text/acronyms.js';

/**
 * Acronyms must survive translation. In each paragraph pair:
 * - an acronym of the source (GPI, SOSA, PJHQ) must be in the translation, as written or with its
 *   parts ("SM" in "SM-3"), or be rendered by the glossary entry it names ("SDF" by "JSDF" or
 *   "Self-Defense Forces"): otherwise an error;
 * - an acronym of the translation must come from the source: the same acronym in the paragraph
 *   or elsewhere in the article, one the glossary gives to a term of the source paragraph, one the
 *   translation has introduced ("Japan International Cooperation Agency (JICA)"), or one of
 *   `allowAdded` (US, UN…): otherwise a warning;
 * - an acronym used before the translation expands it ("the PJHQ" in paragraph 3, "Permanent
 *   Joint Headquarters (PJHQ)" in paragraph 5) is a warning at its first use, unless term-missing
 *   already reports it (the glossary term of that paragraph has no other rendering).
 * Placeholders and currency codes (`ignore`) are not acronyms here; paragraphs mostly in capitals
 * (shouted headlines) are skipped.
 */
export const acronymMismatch: Check = {
  meta: {
    id: 'acronym-mismatch',
    description: 'An acronym of the source is missing from the translation, one is added, or one is used before its expansion.',
    severity: 'error',
    fixable: false,
    options: {
      ignore: {
        type: 'string[]',
        default: ['XNUMX', 'USD', 'VND', 'JPY', 'EUR', 'CNY', 'RMB', 'KRW', 'GBP', 'AUD', 'SGD', 'THB'],
        description: 'not acronyms: pipeline placeholders, and currency codes (number-mismatch compares amounts)',
      },
      allowAdded: {
        type: 'string[]',
        default: ['US', 'USA', 'UK', 'UN', 'EU', 'VNA'],
        description: 'acronyms a translation may add: English short names of what Vietnamese spells out (Mỹ, Anh, Liên hợp quốc; TTXVN is VNA)',
      },
      vietnameseAbbreviations: {
        type: 'string[]',
        default: ['UBND', 'TP', 'TPHCM', 'HCM', 'CAND', 'THPT', 'CSGT', 'GS', 'TS', 'PGS', 'BQP', 'BCA', 'VN', 'BCH', 'TW', 'BHXH', 'ATGT', 'CNTT', 'NXB', 'TTXVN', 'KT', 'XH'],
        description: 'source abbreviations of Vietnamese words, which English spells out (UBND: People’s Committee)',
      },
    },
  },
  create(context) {
    const ignore = new Set(context.options.ignore as readonly string[]);
    const allowAdded = new Set(context.options.allowAdded as readonly string[]);
    const vietnamese = new Set(context.options.vietnameseAbbreviations as readonly string[]);
    const glossary = glossaryAcronyms(context.glossary);
    const byAcronym = glossary.entries;
    const text = context.targetText;

    const tokens = findAcronyms(text)
      .map((t) => effective(t, ignore))
      .filter((t): t is AcronymToken => t !== undefined && !isDatelineOrLabel(text, t));
    const introducedAt = introductions(text, tokens, ignore, glossary, context.document.matches);
    const sourceTokens = findAcronyms(context.sourceText)
      .map((t) => effective(t, ignore))
      .filter((t): t is AcronymToken => t !== undefined && !isVietnameseAbbreviation(t, vietnamese) && !isDatelineOrLabel(context.sourceText, t));
    // Acronyms anywhere in the source: a translation may use one where the source repeats the full name.
    const inSourceDocument = new Set(sourceTokens.map((t) => t.key));
    const seen = new Set<string>();
    let next = 0;
    let nextSource = 0;

    /** Whether term-missing reports this acronym: its entry's term is in the source paragraph with no other rendering. */
    const termMissingReports = (token: AcronymToken, pair: ParagraphPair): boolean =>
      (byAcronym.get(token.key) ?? []).some(
        (e) => pair.terms.some((t) => t.entry === e) && !pair.renderings.some((r) => r.entry === e && r.kind !== 'acronym'),
      );

    /** The three rules over one paragraph pair's acronyms. */
    const checkPair = (pair: ParagraphPair, source: readonly AcronymToken[], target: readonly AcronymToken[]): void => {
      for (const s of firstOfEach(source)) {
        if (target.some((t) => sameAcronym(s, t))) continue;
        const entries = byAcronym.get(s.key) ?? [];
        if (entries.some((e) => pair.renderings.some((r) => r.entry === e))) continue;
        context.report({
          message: `"${s.text}" of the source is missing from the translation`,
          sourceRange: [s.start, s.end],
          expected: [s.key, ...entries.map((e) => e.en)],
          note: entries.length > 0 ? `write ${s.key} or "${entries[0]!.en}" where the source has it` : `keep ${s.key}, or spell it out as the source means it`,
        });
      }

      for (const t of target) {
        const first = !seen.has(t.key);
        seen.add(t.key);
        const at = introducedAt.get(t.key);
        if (first && at !== undefined && t.start < at && !termMissingReports(t, pair)) {
          const where = context.position(at, 'target');
          context.report({
            message: `"${t.text}" is used before it is expanded (at ${where.line}:${where.column})`,
            severity: 'warning',
            targetRange: [t.start, t.end],
            actual: t.text,
            note: 'expand an acronym where it is first used, then use it alone',
          });
        }
      }

      for (const t of firstOfEach(target)) {
        if (source.some((s) => sameAcronym(s, t)) || allowAdded.has(t.key) || inSourceDocument.has(t.key)) continue;
        const entries = byAcronym.get(t.key) ?? [];
        const called = entries.some((e) => pair.terms.some((m) => m.entry === e) || source.some((s) => byAcronym.get(s.key)?.includes(e)));
        const at = introducedAt.get(t.key);
        if (called || (at !== undefined && at < pair.target.end)) continue;
        context.report({
          message: `"${t.text}" is not in the source paragraph`,
          severity: 'warning',
          targetRange: [t.start, t.end],
          actual: t.text,
          note: 'an acronym the source does not have: check what the source says here',
        });
      }
    };

    return {
      paragraph(pair) {
        const target: AcronymToken[] = [];
        next = collect(tokens, next, pair.target.start, pair.target.end, target);
        const source: AcronymToken[] = [];
        nextSource = collect(sourceTokens, nextSource, pair.source.start, pair.source.end, source);
        if (target.length === 0 && source.length === 0) return;
        if (shouting(pair.source.text) || shouting(pair.target.text)) {
          for (const t of target) seen.add(t.key);
          return;
        }
        checkPair(pair, source, target);
      },
    };
  },
};

/**
 * Puts into `out` the tokens from index `from` on that lie in [start, end), and returns the index
 * after the last one looked at (tokens are sorted and paragraphs come in order: one pass in all).
 */
function collect(tokens: readonly AcronymToken[], from: number, start: number, end: number, out: AcronymToken[]): number {
  let k = from;
  for (; k < tokens.length && tokens[k]!.start < end; k++) if (tokens[k]!.start >= start) out.push(tokens[k]!);
  return k;
}

/** The token without its ignored parts ("SM-XNUMX" → "SM"), or undefined when nothing is left. */
function effective(token: AcronymToken, ignore: ReadonlySet<string>): AcronymToken | undefined {
  if (ignore.has(token.key)) return undefined;
  const parts = token.parts.filter((p) => !ignore.has(p));
  if (parts.length === token.parts.length) return token;
  const key = parts.join('');
  return (key.match(/[A-Z]/g)?.length ?? 0) >= 2 ? { ...token, key, parts } : undefined;
}

/** A Vietnamese abbreviation, or a hyphenated one made of them ("KT-XH": kinh tế – xã hội). */
function isVietnameseAbbreviation(token: AcronymToken, list: ReadonlySet<string>): boolean {
  return list.has(token.key) || token.parts.every((p) => list.has(p));
}

/**
 * A word in capitals that opens a line and is followed by a comma, colon, bracket or dash is a
 * dateline or a label ("HANOI, March 14 –", "UPDATE:"), not an acronym.
 */
function isDatelineOrLabel(text: string, token: AcronymToken): boolean {
  let i = token.start;
  while (i > 0 && (text.charAt(i - 1) === ' ' || text.charAt(i - 1) === '\t')) i--;
  if (i > 0 && text.charAt(i - 1) !== '\n') return false;
  return /^\s*[,:(\u2013\u2014-]/u.test(text.slice(token.end, token.end + 3));
}

/** The same acronym: one key, or a part of one that is the other ("SM" and "SM-3"). */
function sameAcronym(a: AcronymToken, b: AcronymToken): boolean {
  if (a.key === b.key) return true;
  const lettered = (p: string) => /[A-Z].*[A-Z]/.test(p);
  return a.parts.some((p) => lettered(p) && (p === b.key || b.parts.includes(p))) || b.parts.some((p) => lettered(p) && p === a.key);
}

function firstOfEach(tokens: readonly AcronymToken[]): AcronymToken[] {
  const keys = new Set<string>();
  return tokens.filter((t) => !keys.has(t.key) && keys.add(t.key));
}

/** A paragraph written mostly in capitals (a shouted headline): its words are not acronyms. */
function shouting(text: string): boolean {
  let words = 0;
  let capitals = 0;
  for (const [w] of text.matchAll(/\p{L}{2,}/gu)) {
    words++;
    if (w === w.toUpperCase()) capitals++;
  }
  return words >= 3 && capitals / words >= 0.6;
}

/** The acronyms a glossary gives its entries, both ways. */
interface GlossaryAcronyms {
  /** Entries by acronym key: `acronym`, and accepted renderings that are acronyms ("J-JOC", "SDF"). */
  entries: Map<string, GlossaryEntry[]>;
  /** Acronym keys by entry. */
  keys: Map<GlossaryEntry, string[]>;
}

const ACRONYMS_OF = new WeakMap<Glossary, GlossaryAcronyms>();

function glossaryAcronyms(glossary: Glossary): GlossaryAcronyms {
  let index = ACRONYMS_OF.get(glossary);
  if (index) return index;
  index = { entries: new Map(), keys: new Map() };
  for (const e of glossary.entries) {
    for (const written of [e.acronym ?? '', ...e.accepted, ...e.forms]) {
      const key = acronymKey(written);
      if (key === undefined) continue;
      const list = index.entries.get(key);
      if (!list) index.entries.set(key, [e]);
      else if (!list.includes(e)) list.push(e);
      const keys = index.keys.get(e);
      if (!keys) index.keys.set(e, [key]);
      else if (!keys.includes(key)) keys.push(key);
    }
  }
  ACRONYMS_OF.set(glossary, index);
  return index;
}

/** The key of a text that is one acronym and nothing else ("J-JOC" → "JJOC"), else undefined. */
function acronymKey(written: string): string | undefined {
  const [token, ...more] = findAcronyms(written);
  return token && more.length === 0 && token.text === written.trim() ? token.key : undefined;
}

/**
 * Where the translation introduces each acronym: "Long Form (ACR)" or "ACR (Long Form)", or a
 * rendering of its glossary entry (approved or not: a wrong expansion is term-forbidden's) right
 * before "(ACR)", or an approved expansion of the entry anywhere before (from its start).
 */
function introductions(
  text: string,
  tokens: readonly AcronymToken[],
  ignore: ReadonlySet<string>,
  glossary: GlossaryAcronyms,
  matches: readonly RenderingMatch[],
): Map<string, number> {
  const at = new Map<string, number>();
  const earliest = (key: string, offset: number): void => {
    const known = at.get(key);
    if (known === undefined || offset < known) at.set(key, offset);
  };
  const keyOf = new Map(tokens.map((t) => [t.start, t.key]));
  for (const intro of acronymIntroductions(text, ignore)) earliest(keyOf.get(intro.at) ?? intro.key, intro.from);
  const endingAt = new Map<number, GlossaryEntry>();
  const matchStart = new Map<number, number>();
  for (const m of matches) {
    // Only entries that have acronyms can introduce one (most have none).
    const keys = glossary.keys.get(m.entry);
    if (m.kind === 'acronym' || !keys) continue;
    endingAt.set(m.end, m.entry);
    matchStart.set(m.end, m.start);
    // An approved expansion introduces the entry's acronyms; an accepted rendering that is itself an acronym does not.
    if (m.kind === 'forbidden' || acronymKey(m.text) !== undefined) continue;
    for (const key of keys) earliest(key, m.start);
  }
  for (const t of tokens) {
    if (text.charAt(t.start - 1) !== '(') continue;
    let k = t.start - 1;
    while (k > 0 && /\s/.test(text.charAt(k - 1))) k--;
    const entry = endingAt.get(k);
    if (entry && glossary.entries.get(t.key)?.includes(entry)) earliest(t.key, matchStart.get(k) ?? t.start);
  }
  return at;
}
