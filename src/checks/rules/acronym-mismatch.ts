import type { Check, ParagraphPair } from '../types.js';
import type { Glossary, GlossaryEntry } from '../../glossary/types.js';
import { acronymIntroductions, capitalisedInitials, findAcronyms, spellsAcronym, vietnameseInitialisms, type AcronymToken } from '../../text/acronyms.js';
import { withoutDiacritics } from '../../text/vietnamese.js';
import { wordCharLength } from '../../text/chars.js';

/**
 * Acronyms must survive translation. In each paragraph pair:
 * - an acronym of the source (GPI, SOSA, PJHQ) must be in the translation, as written or with its
 *   parts ("SM" in "SM-3"), be rendered by the glossary entry it names ("SDF" by "JSDF" or
 *   "Self-Defense Forces"), or be spelled out by words whose initials it is ("foreign direct
 *   investors" for FDI, `spellsAcronym`): otherwise an error;
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
        default: ['US', 'USA', 'UK', 'UN', 'EU', 'VNA', 'CEO', 'HCMC', 'FY'],
        description: 'acronyms a translation may add: English short names of what Vietnamese spells out (Mỹ, Anh, Liên hợp quốc; TTXVN is VNA; Tổng Giám đốc is CEO; TP.HCM is HCMC; năm tài khóa 2024 is FY2024)',
      },
      vietnameseAbbreviations: {
        type: 'string[]',
        default: ['UBND', 'TP', 'TPHCM', 'HCM', 'CAND', 'THPT', 'CSGT', 'GS', 'TS', 'PGS', 'BQP', 'BCA', 'VN', 'BCH', 'TW', 'BHXH', 'ATGT', 'CNTT', 'NXB', 'TTXVN', 'KT', 'XH', 'NHNN', 'UBTVQH', 'KCN', 'DNNN', 'DN', 'BNG', 'QH', 'LHQ', 'MTTQ'],
        description: 'source abbreviations of Vietnamese words, which English spells out (UBND: People’s Committee); one the source defines from Vietnamese words ("Ngân hàng Nhà nước (NHNN)") needs no listing',
      },
    },
  },
  create(context) {
    const ignore = new Set(context.options.ignore as readonly string[]);
    const allowAdded = new Set(context.options.allowAdded as readonly string[]);
    const vietnamese = new Set(context.options.vietnameseAbbreviations as readonly string[]);
    const glossary = glossaryAcronyms(context.glossary);
    const byAcronym = glossary.entries;

    return {
      // A pair contributes its acronyms and the introductions it writes, relative to its starts;
      // what depends on the whole translation (where each acronym is introduced, which comes
      // first, the source's acronyms anywhere) is put together from them in `contributed`.
      contribute(pair): PairAcronyms {
        const t0 = pair.target.start;
        const s0 = pair.source.start;
        const text = context.targetText;
        const target = tokensIn(text, pair.target.start, pair.target.end, ignore);
        const source = tokensIn(context.sourceText, pair.source.start, pair.source.end, ignore).filter((t) => !isVietnameseAbbreviation(t, vietnamese));
        const keyOf = new Map(target.map((t) => [t.start, t.key]));
        const introductions = acronymIntroductions(text, ignore, pair.target.start, pair.target.end).map((i) => ({ key: keyOf.get(i.at) ?? i.key, from: i.from - t0 }));
        // Where the words before "(ACR)" end: a glossary rendering ending there introduces ACR.
        const parenthesised: { key: string; before: number }[] = [];
        for (const t of target) {
          if (text.charAt(t.start - 1) !== '(') continue;
          let k = t.start - 1;
          while (k > pair.target.start && /\s/.test(text.charAt(k - 1))) k--;
          parenthesised.push({ key: t.key, before: k - t0 });
        }
        const empty = target.length === 0 && source.length === 0;
        // Most paragraphs have no acronym: they share one summary, kept for every pair of the document.
        if (empty && introductions.length === 0) return NO_ACRONYMS;
        return {
          shouting: !empty && (shouting(pair.source.text) || shouting(pair.target.text)),
          vietnameseInitialisms: source.length === 0 ? [] : vietnameseInitialisms(context.sourceText, pair.source.start, pair.source.end),
          source: source.map((t) => moved(t, -s0)),
          target: target.map((t) => moved(t, -t0)),
          introductions,
          parenthesised,
        };
      },
      contributed(all: readonly PairAcronyms[], pairAt) {
        // Pairs are made as they are read, not all at once: each holds its paragraphs' matches.
        const pairOf = (i: number): ParagraphPair => pairAt(i + 1);
        const introducedAt = introductions(all, pairOf, glossary);
        // Acronyms anywhere in the source: a translation may use one where the source repeats the full name.
        const inSourceDocument = new Set<string>();
        for (const a of all) for (const t of a.source) inSourceDocument.add(t.key);
        // Acronyms the source makes of Vietnamese words ("Ngân hàng Nhà nước (NHNN)"), wherever it uses them.
        const spelledOut = new Set<string>();
        for (const a of all) for (const key of a.vietnameseInitialisms) spelledOut.add(key);
        const seen = new Set<string>();
        const checkPair = (pair: ParagraphPair, source: readonly AcronymToken[], target: readonly AcronymToken[]): void => {
          for (const s of firstOfEach(source)) {
            // "ADMM-Plus" for "ADMM+": the acronym written as the first part of a longer name.
            if (target.some((t) => sameAcronym(s, t)) || spelledOut.has(s.key) || writesWord(pair.target.text, s.text)) continue;
            const entries = byAcronym.get(s.key) ?? [];
            if (entries.some((e) => pair.renderings.some((r) => r.entry === e))) continue;
            // Spelled out: "foreign direct investors" for "nhà đầu tư FDI", "the World Trade Organization" for "WTO".
            if (spellsAcronym(context.targetText, s.key.replace(/[^A-Z]/g, ''), pair.target.start, pair.target.end)) continue;
            context.report({
              paragraph: pair.index,
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
            // A headline uses the acronym its source uses ("GDP quý III/2024 tăng 7,4%" → "Q3 GDP
            // grows 7.4 percent"): the body expands it.
            const headline = isHeading(pair.target.text) && source.some((s) => sameAcronym(s, t));
            if (first && at !== undefined && t.start < at && !headline && !termMissingReports(t, pair, byAcronym)) {
              const where = context.position(at, 'target');
              context.report({
                paragraph: pair.index,
                message: `"${t.text}" is used before it is expanded (at ${where.line}:${where.column})`,
                severity: 'warning',
                targetRange: [t.start, t.end],
                actual: t.text,
                note: 'expand an acronym where it is first used, then use it alone',
              });
            }
          }

          let plainSource: string | undefined;
          let sourceInitials: Set<string> | undefined;
          for (const t of firstOfEach(target)) {
            // "FY2024" is the allowed "FY" with its year.
            if (source.some((s) => sameAcronym(s, t)) || allowAdded.has(t.key) || allowAdded.has(t.key.replace(/\d+$/, '')) || inSourceDocument.has(t.key)) continue;
            // Copied from the source as English copy writes it: "08-NQ/TW" ("TW" is one of the
            // Vietnamese abbreviations left out above), "ND-CP" for "NĐ-CP".
            if (writesWord((plainSource ??= withoutDiacritics(pair.source.text)), t.text)) continue;
            // The initials of a name the source spells out: "HCM City" for "TP Hồ Chí Minh".
            if ((sourceInitials ??= capitalisedInitials(plainSource)).has(t.key)) continue;
            const entries = byAcronym.get(t.key) ?? [];
            const called = entries.some((e) => pair.terms.some((m) => m.entry === e) || source.some((s) => byAcronym.get(s.key)?.includes(e)));
            const at = introducedAt.get(t.key);
            if (called || (at !== undefined && at < pair.target.end)) continue;
            context.report({
              paragraph: pair.index,
              message: `"${t.text}" is not in the source paragraph`,
              severity: 'warning',
              targetRange: [t.start, t.end],
              actual: t.text,
              note: 'an acronym the source does not have: check what the source says here',
            });
          }
        };
        for (let i = 0; i < all.length; i++) {
          const a = all[i]!;
          if (a.target.length === 0 && a.source.length === 0) continue;
          if (a.shouting) {
            for (const t of a.target) seen.add(t.key);
            continue;
          }
          const pair = pairOf(i);
          checkPair(pair, a.source.map((t) => moved(t, pair.source.start)), a.target.map((t) => moved(t, pair.target.start)));
        }
      },
    };
  },
};

/** A title rather than prose: at most 20 words, and no sentence punctuation at its end. */
function isHeading(text: string): boolean {
  const trimmed = text.trimEnd();
  return !/[.!?…:;"”’)]$/u.test(trimmed) && trimmed.split(/\s+/).length <= 20;
}

/** Whether `text` has `word` standing alone (no letter or digit either side). */
function writesWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if ((at === 0 || !isWordChar(text, at - 1)) && !isWordChar(text, at + word.length)) return true;
  }
  return false;
}

function isWordChar(text: string, i: number): boolean {
  return i < text.length && wordCharLength(text, i) > 0;
}

/** What a pair contributes (offsets relative to the pair's starts). */
/** The summary of a pair without acronyms or introductions. */
const NO_ACRONYMS: PairAcronyms = Object.freeze({ shouting: false, vietnameseInitialisms: [], source: [], target: [], introductions: [], parenthesised: [] });

interface PairAcronyms {
  /** A paragraph mostly in capitals on either side (with acronyms in it): its words are no acronyms. */
  shouting: boolean;
  /** Acronyms the source paragraph defines from Vietnamese words (English spells them out). */
  vietnameseInitialisms: string[];
  source: AcronymToken[];
  target: AcronymToken[];
  /** "Long Form (ACR)" and "ACR (Long Form)" in the translated paragraph: where they start. */
  introductions: { key: string; from: number }[];
  /** Acronyms in parentheses, and where the words before the parenthesis end. */
  parenthesised: { key: string; before: number }[];
}

/** The acronyms of text[start, end), ignored parts left out, datelines and labels too. */
function tokensIn(text: string, start: number, end: number, ignore: ReadonlySet<string>): AcronymToken[] {
  const out: AcronymToken[] = [];
  for (const t of findAcronyms(text, start, end)) {
    const e = effective(t, ignore);
    if (e !== undefined && !isDatelineOrLabel(text, e, start, end)) out.push(e);
  }
  return out;
}

/** The token with its offsets moved by `by`. */
function moved(t: AcronymToken, by: number): AcronymToken {
  return { ...t, start: t.start + by, end: t.end + by };
}

/** Whether term-missing reports this acronym: its entry's term is in the source paragraph with no other rendering. */
function termMissingReports(token: AcronymToken, pair: ParagraphPair, byAcronym: ReadonlyMap<string, GlossaryEntry[]>): boolean {
  return (byAcronym.get(token.key) ?? []).some((e) => pair.terms.some((t) => t.entry === e) && !pair.renderings.some((r) => r.entry === e && r.kind !== 'acronym'));
}

/** The token without its ignored parts ("SM-XNUMX" → "SM"), or undefined when nothing is left. */
function effective(token: AcronymToken, ignore: ReadonlySet<string>): AcronymToken | undefined {
  if (ignore.has(token.key)) return undefined;
  // "VND4" of "VND4.5 trillion": an ignored code glued to digits is an amount (number-mismatch's).
  const glued = /^([A-Z]+)\d+$/.exec(token.key);
  if (glued && ignore.has(glued[1]!)) return undefined;
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
function isDatelineOrLabel(text: string, token: AcronymToken, start: number, end: number): boolean {
  let i = token.start;
  while (i > start && (text.charAt(i - 1) === ' ' || text.charAt(i - 1) === '\t')) i--;
  if (i > start && text.charAt(i - 1) !== '\n') return false;
  return /^\s*[,:(\u2013\u2014-]/u.test(text.slice(token.end, Math.min(token.end + 3, end)));
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
  // Words are runs of two or more letters (\p{L}: combining marks end one, as in NFD text); a
  // word is in capitals when upper-casing changes none of its letters. One pass, no copies.
  let words = 0;
  let capitals = 0;
  let run = 0;
  let lower = false;
  const endWord = (): void => {
    if (run >= 2) {
      words++;
      if (!lower) capitals++;
    }
    run = 0;
    lower = false;
  };
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      i++;
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) {
        run++;
        if (c >= 0x61) lower = true;
      } else endWord();
      continue;
    }
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    const kind = letterKind(cp);
    if (kind === NOT_LETTER) {
      endWord();
      continue;
    }
    run++;
    if (kind === LOWER) lower = true;
  }
  endWord();
  return words >= 3 && capitals / words >= 0.6;
}

const NOT_LETTER = 1;
const LOWER = 2;
const OTHER_LETTER = 3;
/** What each character of the BMP is, decided once: not a letter (\p{L}), a letter upper-casing changes, another letter. */
const LETTER_KIND = new Uint8Array(0x10000);
function letterKind(cp: number): number {
  const known = cp <= 0xffff ? LETTER_KIND[cp]! : 0;
  if (known !== 0) return known;
  const ch = String.fromCodePoint(cp);
  const kind = !/\p{L}/u.test(ch) ? NOT_LETTER : ch !== ch.toUpperCase() ? LOWER : OTHER_LETTER;
  if (cp <= 0xffff) LETTER_KIND[cp] = kind;
  return kind;
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
function introductions(all: readonly PairAcronyms[], pairOf: (i: number) => ParagraphPair, glossary: GlossaryAcronyms): Map<string, number> {
  const at = new Map<string, number>();
  const earliest = (key: string, offset: number): void => {
    const known = at.get(key);
    if (known === undefined || offset < known) at.set(key, offset);
  };
  const endingAt = new Map<number, GlossaryEntry>();
  const matchStart = new Map<number, number>();
  for (let i = 0; i < all.length; i++) {
    const pair = pairOf(i);
    const t0 = pair.target.start;
    for (const intro of all[i]!.introductions) earliest(intro.key, intro.from + t0);
    for (const m of pair.renderings) {
      // Only entries that have acronyms can introduce one (most have none).
      const keys = glossary.keys.get(m.entry);
      if (m.kind === 'acronym' || !keys) continue;
      endingAt.set(m.end, m.entry);
      matchStart.set(m.end, m.start);
      // An approved expansion introduces the entry's acronyms; an accepted rendering that is itself an acronym does not.
      if (m.kind === 'forbidden' || acronymKey(m.text) !== undefined) continue;
      for (const key of keys) earliest(key, m.start);
    }
  }
  for (let i = 0; i < all.length; i++) {
    if (all[i]!.parenthesised.length === 0) continue;
    const t0 = pairOf(i).target.start;
    for (const { key, before } of all[i]!.parenthesised) {
      const k = before + t0;
      const entry = endingAt.get(k);
      if (entry && glossary.entries.get(key)?.includes(entry)) earliest(key, matchStart.get(k)!);
    }
  }
  return at;
}

