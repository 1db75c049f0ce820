/**
 * Recognises English renderings (approved, acronym, forbidden) of glossary entries in a text.
 *
 * One pass for all entries: the text is cut into word tokens (runs of letters, marks, digits) and
 * single punctuation tokens; spaces, NBSP, line breaks, hyphens and dashes only separate tokens, so
 * "Glide‑Phase  Interceptor" and "glide phase\ninterceptor" give the same tokens. Every entry
 * contributes its renderings and their plurals to one trie over lower-cased tokens.
 */
import type { GlossaryEntry, RenderingKind, RenderingMatch, ForbiddenRendering } from './types.js';
import { pluralForms, pluralWord, headIndex } from './inflect.js';

/** What the English matcher offers the checks. */
export interface EnMatcher {
  /**
   * All renderings in `text`, non-overlapping, in text order (longest wins where they compete).
   * Offsets are UTF-16 indexes into `text`.
   */
  find(text: string): RenderingMatch[];
  /** `find` plus document-order facts (acronym introductions) for one document. */
  index(text: string): DocumentRenderingIndex;
}

/**
 * The renderings of one document and what follows from their order.
 * @example
 * const idx = matcher.index('The Glide Phase Interceptor (GPI) ... the GPI');
 * idx.isAcronymIntroduced('glide-phase-interceptor', 40) === true
 */
export interface DocumentRenderingIndex {
  readonly matches: readonly RenderingMatch[];
  /** Matches of one entry, in text order. */
  forEntry(entryId: string): RenderingMatch[];
  /** Offset where the first approved non-acronym rendering of the entry ends, if any. */
  acronymIntroducedAt(entryId: string): number | undefined;
  /** Whether an approved expansion of the entry ends at or before `offset` (so its acronym may stand alone there). */
  isAcronymIntroduced(entryId: string, offset: number): boolean;
  /**
   * Whether a match counts as an approved rendering of its entry here: canonical, accepted and form
   * always do; an acronym only after the expansion; a forbidden rendering never.
   */
  satisfies(match: RenderingMatch): boolean;
}

/** A token-level pattern one entry contributes. */
interface Pattern {
  entry: GlossaryEntry;
  kind: RenderingKind;
  forbidden?: ForbiddenRendering;
  plural: boolean;
  /** Tokens as written, when the match must keep their case (acronyms; approved renderings of case-sensitive entries, never forbidden ones). */
  exact: string[] | null;
  order: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  out: Pattern[];
}

const KIND_RANK: Record<RenderingKind, number> = { canonical: 0, accepted: 1, form: 2, acronym: 3, forbidden: 4 };
const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);

/** Token arrays for a text: start/end offsets and whether a paragraph break precedes the token. */
interface Tokens {
  count: number;
  start: Int32Array;
  end: Int32Array;
  /** 1 when the separator before this token holds a blank line: phrases do not cross it. */
  hardGap: Uint8Array;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const SEPARATOR_CHAR = /[\s\u00AD\u2010-\u2015\u2212]/u;

/** 0: punctuation (a token of its own), 1: word character, 2: separator (space, NBSP, line break, hyphen, dash). */
function charClass(code: number, text: string, i: number): number {
  if (code < 0x80) {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)) return 1;
    if (code === 0x20 || code === 0x2d || (code >= 0x09 && code <= 0x0d)) return 2;
    return 0;
  }
  const ch = String.fromCodePoint(text.codePointAt(i) ?? code);
  if (WORD_CHAR.test(ch)) return 1;
  return SEPARATOR_CHAR.test(ch) ? 2 : 0;
}

/**
 * Cut a text into word tokens (runs of letters, marks, digits) and single punctuation tokens;
 * separators only separate. A char loop rather than a regex: this runs over whole corpora.
 */
function tokenize(text: string): Tokens {
  let cap = Math.max(16, Math.ceil(text.length / 5));
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let hardGap = new Uint8Array(cap);
  let count = 0;
  let newlines = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1;
    const cls = charClass(code, text, i);
    if (cls === 2) {
      // A blank line (two line breaks with only spaces between) ends a paragraph.
      if (code === 0x0a) newlines++;
      else if (code === 0x2029) newlines += 2;
      i += width;
      continue;
    }
    if (count === cap) {
      cap *= 2;
      const s = new Int32Array(cap);
      s.set(start);
      start = s;
      const e = new Int32Array(cap);
      e.set(end);
      end = e;
      const h = new Uint8Array(cap);
      h.set(hardGap);
      hardGap = h;
    }
    start[count] = i;
    hardGap[count] = newlines >= 2 ? 1 : 0;
    newlines = 0;
    i += width;
    if (cls === 1) {
      while (i < n) {
        const c = text.charCodeAt(i);
        if (charClass(c, text, i) !== 1) break;
        i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
      }
    }
    end[count] = i;
    count++;
  }
  return { count, start, end, hardGap };
}

/** Lower-cased, NFC token text with typographic apostrophes folded to ASCII. */
function foldToken(raw: string): string {
  let t = raw;
  if (/[\u0080-\uFFFF]/.test(t)) t = t.normalize('NFC').replace(/[\u2019\u02BC\u2018]/g, "'");
  return t.toLowerCase();
}

/** Tokens of a rendering as written (for exact comparison) and folded (for the trie). */
function phraseTokens(phrase: string): string[] {
  const nfc = phrase.normalize('NFC');
  const toks = tokenize(nfc);
  const out: string[] = [];
  for (let i = 0; i < toks.count; i++) out.push(nfc.slice(toks.start[i], toks.end[i]).replace(/[\u2019\u02BC\u2018]/g, "'"));
  return out;
}

/**
 * Every rendering of an entry the checks accept, canonical first (for messages and `expected`).
 * @example approvedRenderings(gpi) → ['Glide Phase Interceptor', 'GPI']
 */
export function approvedRenderings(entry: GlossaryEntry): string[] {
  const all = [entry.en, ...entry.accepted, ...entry.forms];
  if (entry.acronym) all.push(entry.acronym);
  return [...new Set(all)];
}

/**
 * Build the matcher for a glossary's entries (one trie for all of them).
 * @example
 * const m = createEnMatcher(glossary.entries);
 * m.find('Two Glide-Phase Interceptors were tested.')[0].kind === 'canonical'
 */
export function createEnMatcher(entries: readonly GlossaryEntry[]): EnMatcher {
  const root: TrieNode = { next: new Map(), out: [] };
  let order = 0;
  const seen = new Set<string>();

  const add = (phrase: string, p: Omit<Pattern, 'exact' | 'order'>, entryCaseSensitive: boolean): void => {
    // Case sensitivity narrows what counts as approved; a forbidden rendering is caught in any
    // case ("Patriot Rockets", "PATRIOT rockets"), else it would escape by a change of case.
    const caseSensitive = entryCaseSensitive && p.kind !== 'forbidden';
    let toks = phraseTokens(phrase);
    // A leading article is allowed before any rendering and never part of it.
    if (toks.length > 1 && ARTICLES.has((toks[0] ?? '').toLowerCase())) toks = toks.slice(1);
    if (toks.length === 0) return;
    const folded = toks.map(foldToken);
    const key = `${p.entry.id}\u0000${p.kind}\u0000${caseSensitive ? toks.join('\u0001') : folded.join('\u0001')}`;
    if (seen.has(key)) return;
    seen.add(key);
    let node = root;
    for (const t of folded) {
      let child = node.next.get(t);
      if (!child) {
        child = { next: new Map(), out: [] };
        node.next.set(t, child);
      }
      node = child;
    }
    node.out.push({ ...p, exact: caseSensitive ? toks : null, order: order++ });
  };

  const addWithPlurals = (phrase: string, p: Omit<Pattern, 'exact' | 'order' | 'plural'>, cs: boolean): void => {
    add(phrase, { ...p, plural: false }, cs);
    for (const plural of pluralForms(phrase)) add(plural, { ...p, plural: true }, cs);
  };

  for (const entry of entries) {
    const cs = entry.caseSensitive;
    addWithPlurals(entry.en, { entry, kind: 'canonical' }, cs);
    for (const a of entry.accepted) addWithPlurals(a, { entry, kind: 'accepted' }, cs);
    const enHead = headWord(entry.en);
    for (const f of entry.forms) add(f, { entry, kind: 'form', plural: headWord(f) !== enHead }, cs);
    if (entry.acronym) {
      add(entry.acronym, { entry, kind: 'acronym', plural: false }, true);
      for (const p of pluralWord(entry.acronym)) add(p, { entry, kind: 'acronym', plural: true }, true);
    }
    for (const fb of entry.forbidden) addWithPlurals(fb.text, { entry, kind: 'forbidden', forbidden: fb }, cs);
  }

  const find = (text: string): RenderingMatch[] => findAll(root, text);
  return {
    find,
    index: (text) => buildIndex(find(text)),
  };
}

function headWord(phrase: string): string {
  const words = phrase.split(/[\s\-\u2010-\u2015]+/u).filter((w) => w.length > 0);
  return (words[headIndex(words)] ?? '').toLowerCase();
}

interface Candidate {
  pattern: Pattern;
  firstToken: number;
  /** One past the last token, possessive included. */
  endToken: number;
  start: number;
  end: number;
  possessive: boolean;
}

function findAll(root: TrieNode, text: string): RenderingMatch[] {
  const toks = tokenize(text);
  const { count, start, end, hardGap } = toks;
  const folded: (string | undefined)[] = new Array<string | undefined>(count);
  const fold = (i: number): string => {
    let f = folded[i];
    if (f === undefined) {
      f = foldToken(text.slice(start[i], end[i]));
      folded[i] = f;
    }
    return f;
  };
  const candidates: Candidate[] = [];
  for (let i = 0; i < count; i++) {
    let node = root.next.get(fold(i));
    let j = i + 1;
    while (node) {
      if (node.out.length > 0) {
        for (const pattern of node.out) {
          if (pattern.exact && !exactMatch(text, toks, i, pattern.exact)) continue;
          candidates.push(withPossessive(text, toks, fold, pattern, i, j));
        }
      }
      if (j >= count || hardGap[j] === 1) break;
      node = node.next.get(fold(j));
      j++;
    }
  }
  candidates.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start ||
      KIND_RANK[a.pattern.kind] - KIND_RANK[b.pattern.kind] ||
      a.pattern.order - b.pattern.order,
  );
  const taken = new Uint8Array(count);
  const chosen: Candidate[] = [];
  for (const c of candidates) {
    let free = true;
    for (let t = c.firstToken; t < c.endToken; t++) {
      if (taken[t] === 1) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, c.firstToken, c.endToken);
    chosen.push(c);
  }
  chosen.sort((a, b) => a.start - b.start);
  return chosen.map((c) => ({
    entry: c.pattern.entry,
    kind: c.pattern.kind,
    start: c.start,
    end: c.end,
    text: text.slice(c.start, c.end),
    ...(c.pattern.forbidden ? { forbidden: c.pattern.forbidden } : {}),
    plural: c.pattern.plural,
    possessive: c.possessive,
  }));
}

function exactMatch(text: string, toks: Tokens, first: number, exact: readonly string[]): boolean {
  for (let k = 0; k < exact.length; k++) {
    const raw = text.slice(toks.start[first + k], toks.end[first + k]);
    const norm = /[\u0080-\uFFFF]/.test(raw) ? raw.normalize('NFC').replace(/[\u2019\u02BC\u2018]/g, "'") : raw;
    if (norm !== exact[k]) return false;
  }
  return true;
}

/** Extend a match over a directly following possessive: "'s", "’s", or a bare apostrophe after a final s. */
function withPossessive(
  text: string,
  toks: Tokens,
  fold: (i: number) => string,
  pattern: Pattern,
  first: number,
  after: number,
): Candidate {
  const base: Candidate = {
    pattern,
    firstToken: first,
    endToken: after,
    start: toks.start[first] ?? 0,
    end: toks.end[after - 1] ?? 0,
    possessive: false,
  };
  const adjacent = (k: number): boolean => k < toks.count && toks.start[k] === toks.end[k - 1];
  if (!adjacent(after) || fold(after) !== "'") return base;
  if (adjacent(after + 1) && fold(after + 1) === 's') {
    // The "s" token is a whole word run, so "Defense'sx" never gets here: "'s" is the possessive.
    return { ...base, endToken: after + 2, end: toks.end[after + 1] ?? base.end, possessive: true };
  }
  const last = text.slice(toks.start[after - 1], toks.end[after - 1]);
  if (/[sS]$/.test(last) && !adjacentWord(text, toks, after)) {
    return { ...base, endToken: after + 1, end: toks.end[after] ?? base.end, possessive: true };
  }
  return base;
}

function adjacentWord(text: string, toks: Tokens, k: number): boolean {
  const next = k + 1;
  if (next >= toks.count || toks.start[next] !== toks.end[k]) return false;
  return /^[\p{L}\p{M}\p{N}]/u.test(text.slice(toks.start[next], toks.end[next]));
}

/**
 * Document-order facts over a list of matches (as `find` returns them).
 * @example buildIndex(matcher.find(text)).isAcronymIntroduced('memorandum-of-understanding', 200)
 */
export function buildIndex(matches: readonly RenderingMatch[]): DocumentRenderingIndex {
  const byEntry = new Map<string, RenderingMatch[]>();
  const introducedAt = new Map<string, number>();
  for (const m of matches) {
    const list = byEntry.get(m.entry.id);
    if (list) list.push(m);
    else byEntry.set(m.entry.id, [m]);
    if (m.kind !== 'acronym' && m.kind !== 'forbidden' && !introducedAt.has(m.entry.id)) introducedAt.set(m.entry.id, m.end);
  }
  const isAcronymIntroduced = (entryId: string, offset: number): boolean => {
    const at = introducedAt.get(entryId);
    return at !== undefined && at <= offset;
  };
  return {
    matches,
    forEntry: (id) => [...(byEntry.get(id) ?? [])],
    acronymIntroducedAt: (id) => introducedAt.get(id),
    isAcronymIntroduced,
    satisfies: (m) =>
      m.kind === 'forbidden' ? false : m.kind === 'acronym' ? isAcronymIntroduced(m.entry.id, m.start) : true,
  };
}
