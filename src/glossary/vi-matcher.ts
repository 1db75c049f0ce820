/**
 * Finds the Vietnamese terms of a glossary in a text with one automaton for all terms: a trie
 * over folded syllables (see foldSyllable), walked left to right, longest match first. The cost of
 * `find` depends on the text and the longest term, not on how many terms there are.
 */
import { foldSyllable, syllableSpans } from '../text/vietnamese.js';
import { isSpaceCode, wordCharLength, wordRunEnd } from '../text/chars.js';
import type { GlossaryEntry, TermMatch } from './types.js';

/** Finds glossary terms in Vietnamese text. Build once with createViMatcher, call `find` often. */
export interface ViMatcher {
  /**
   * Every non-overlapping occurrence of an entry's `vi` or `viVariants`, sorted by start, with
   * half-open UTF-16 offsets into `text` exactly as given (NFD, old tone marks and all).
   */
  find(text: string): TermMatch[];
}

/**
 * One term that ends at a trie node. `cased` holds its syllables unlowered for case-sensitive
 * entries; `capitalised` is its first syllable with a capital first letter (sentence start, heading).
 */
interface TermCandidate {
  entry: GlossaryEntry;
  cased: string[] | null;
  capitalised: string;
}

/** A term taken apart: folded syllables, their unlowered forms, and the separators between them. */
interface TermTokens {
  syllables: string[];
  cased: string[];
  gaps: string[];
}

/** Gap id for "only whitespace" (and for the gap before a term's first syllable). */
const SPACE_GAP = 0;
const NO_GAP = -1;
const MAX_GAP_KEY = 16;
const CACHE_LIMIT = 100_000;

/**
 * A separator as a key: whitespace removed and dashes unified, so "Dương-Thái", "Dương - Thái" and
 * "Dương–Thái" meet; '' means whitespace only.
 */
function gapKey(gap: string): string {
  // Nearly every gap of a term or a text is one space: no regex for it.
  if (gap === ' ') return '';
  return gap.replace(/\s+/g, '').replace(/[\u2010-\u2015\u2212]/g, '-').normalize('NFC');
}

function tokeniseTerm(term: string): TermTokens {
  const spans = syllableSpans(term);
  const syllables: string[] = [];
  const cased: string[] = [];
  const gaps: string[] = [];
  let prevEnd = -1;
  for (const [start, end] of spans) {
    const raw = term.slice(start, end);
    syllables.push(foldSyllable(raw, true));
    cased.push(foldSyllable(raw, false));
    gaps.push(prevEnd < 0 ? '' : gapKey(term.slice(prevEnd, start)));
    prevEnd = end;
  }
  return { syllables, cased, gaps };
}

/**
 * The key under which the matcher knows a term: folded syllables (NFC/NFD, case, tone placement,
 * i/y) and the separators between them (any whitespace alike, dashes alike). Two terms with the
 * same key are the same term to the matcher.
 * @example termKey('Thoả thuận') === termKey('THỎA  THUẬN')
 */
export function termKey(term: string): string {
  return keyOf(recentTokens(term));
}

function keyOf(tokens: TermTokens): string {
  return tokens.syllables.join(' ') + '\u0000' + tokens.gaps.join(' ');
}

/**
 * Terms tokenised lately (never changed once made): loading a glossary asks termKey of every term,
 * then compiling its matcher tokenises the same terms again; this way each is folded once. Bounded:
 * emptied when full, and by compileViMatcher when it is done.
 */
const recent = new Map<string, TermTokens>();
const RECENT_LIMIT = 250_000;

function recentTokens(term: string): TermTokens {
  let tokens = recent.get(term);
  if (tokens === undefined) {
    tokens = tokeniseTerm(term);
    if (recent.size >= RECENT_LIMIT) recent.clear();
    recent.set(term, tokens);
  }
  return tokens;
}

/**
 * Builds a matcher for the Vietnamese side of `entries` (`vi` and `viVariants`). Terms and text are
 * folded alike: NFC, canonical tone marks (hoà = hòa), i/y variants (Mỹ = Mĩ), Ð = Đ, any whitespace
 * between syllables. Matching is on whole syllables and case-insensitive, except for entries with
 * `caseSensitive`, whose syllables must also agree in case (but for a capital first letter, as at a
 * sentence start or in a heading: "Tên lửa Patriot" is "tên lửa Patriot"). Punctuation around a term is ignored;
 * punctuation inside it must be there in the text. When two entries share a term, the first wins.
 * @example
 * const m = createViMatcher(glossary.entries);
 * m.find('Bộ Quốc phòng Hoa Kỳ cho biết'); // [{ entry, start: 0, end: 20, text: 'Bộ Quốc phòng Hoa Kỳ' }]
 */
export function createViMatcher(entries: GlossaryEntry[]): ViMatcher {
  return viMatcherFromData(compileViMatcher(entries), entries);
}

/**
 * The Vietnamese matcher's automaton as plain data: typed arrays, string lists, and entries by
 * their index in the glossary, so that a compiled glossary is stored and read back (./compiled.ts)
 * in a few milliseconds instead of being rebuilt.
 */
export interface ViMatcherData {
  /** Folded syllables by id. */
  syllables: string[];
  /** Separator keys (see gapKey) by id; '' (SPACE_GAP) first. */
  gaps: string[];
  /** Trie edges in one open-addressing table: (node, edge key = syllable id × gaps + gap id) → child node. */
  edgeNode: Int32Array<ArrayBuffer>;
  edgeKey: Int32Array<ArrayBuffer>;
  edgeChild: Int32Array<ArrayBuffer>;
  edgeMask: number;
  /** Terms ending at trie node k: candidates acceptStart[k] .. acceptStart[k + 1]. */
  acceptStart: Int32Array<ArrayBuffer>;
  /** Per candidate: its entry's index in the glossary. */
  candidateEntry: Int32Array<ArrayBuffer>;
  /** Per candidate: its first syllable with a capital first letter. */
  candidateCapitalised: string[];
  /** Candidates of case-sensitive entries: [candidate index, syllables as written]. */
  candidateCased: Array<[number, string[]]>;
  /** Syllables of the longest term. */
  longest: number;
}

/** Builds the automaton of createViMatcher for `entries`. */
export function compileViMatcher(entries: readonly GlossaryEntry[]): ViMatcherData {
  const syllableIds = new Map<string, number>();
  const gapIds = new Map<string, number>([['', SPACE_GAP]]);
  const idOf = <K>(map: Map<K, number>, key: K): number => {
    let id = map.get(key);
    if (id === undefined) {
      id = map.size;
      map.set(key, id);
    }
    return id;
  };

  const terms: Array<{ entry: number; tokens: TermTokens }> = [];
  const addTerm = (index: number, tokens: TermTokens): void => {
    for (const s of tokens.syllables) idOf(syllableIds, s);
    for (const g of tokens.gaps) idOf(gapIds, g);
    terms.push({ entry: index, tokens });
  };
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (entry.viVariants.length === 0) {
      // One term, nothing to tell apart: no key, no Set (most entries of a big glossary).
      const tokens = recentTokens(entry.vi);
      if (tokens.syllables.length > 0) addTerm(index, tokens);
      continue;
    }
    const seen = new Set<string>();
    for (const term of [entry.vi, ...entry.viVariants]) {
      const tokens = recentTokens(term);
      const key = keyOf(tokens);
      if (tokens.syllables.length === 0 || seen.has(key)) continue;
      seen.add(key);
      addTerm(index, tokens);
    }
  }
  recent.clear();

  // While building: every edge in one Map keyed by (node, edge key) as one number (a Map per node
  // costs tens of thousands of Maps for a big glossary), and the candidates ending at each node.
  const gapStride = gapIds.size;
  const edgeSpace = (syllableIds.size + 1) * gapStride;
  const edgeMap = new Map<number, number>();
  let nodes = 1;
  const ending: Array<number[] | undefined> = [undefined];
  const candidateEntry: number[] = [];
  const candidateCapitalised: string[] = [];
  const candidateCased: Array<[number, string[]]> = [];
  let longest = 1;
  for (const { entry, tokens } of terms) {
    let node = 0;
    const { syllables } = tokens;
    for (let k = 0; k < syllables.length; k++) {
      const edge = (syllableIds.get(syllables[k]!) ?? 0) * gapStride + (k === 0 ? SPACE_GAP : (gapIds.get(tokens.gaps[k] ?? '') ?? 0));
      const at = node * edgeSpace + edge;
      let next = edgeMap.get(at);
      if (next === undefined) {
        next = nodes++;
        ending.push(undefined);
        edgeMap.set(at, next);
      }
      node = next;
    }
    const c = candidateEntry.length;
    (ending[node] ??= []).push(c);
    const first = tokens.cased[0] ?? '';
    candidateEntry.push(entry);
    candidateCapitalised.push(first.slice(0, codePointLength(first)).toUpperCase() + first.slice(codePointLength(first)));
    if (entries[entry]!.caseSensitive) candidateCased.push([c, tokens.cased]);
    longest = Math.max(longest, tokens.syllables.length);
  }

  let size = 16;
  while (size < edgeMap.size * 2) size *= 2;
  const edgeNode = new Int32Array(size).fill(-1);
  const edgeKey = new Int32Array(size);
  const edgeChild = new Int32Array(size);
  for (const [at, child] of edgeMap) {
    const node = Math.floor(at / edgeSpace);
    const key = at - node * edgeSpace;
    let slot = edgeSlot(node, key, size - 1);
    while (edgeNode[slot] !== -1) slot = (slot + 1) & (size - 1);
    edgeNode[slot] = node;
    edgeKey[slot] = key;
    edgeChild[slot] = child;
  }
  // Candidates renumbered node by node, so each node's are one run.
  const acceptStart = new Int32Array(nodes + 1);
  const order: number[] = [];
  ending.forEach((list, node) => {
    acceptStart[node] = order.length;
    for (const c of list ?? []) order.push(c);
  });
  acceptStart[nodes] = order.length;
  const renumbered = new Int32Array(order.length);
  order.forEach((c, k) => (renumbered[c] = k));
  return {
    syllables: [...syllableIds.keys()],
    gaps: [...gapIds.keys()],
    edgeNode,
    edgeKey,
    edgeChild,
    edgeMask: size - 1,
    acceptStart,
    candidateEntry: Int32Array.from(order, (c) => candidateEntry[c]!),
    candidateCapitalised: order.map((c) => candidateCapitalised[c]!),
    candidateCased: candidateCased.map(([c, cased]): [number, string[]] => [renumbered[c]!, cased]),
    longest,
  };
}

function edgeSlot(node: number, key: number, mask: number): number {
  let h = Math.imul(node, 0x9e3779b1) ^ Math.imul(key, 0x85ebca6b);
  h ^= h >>> 15;
  return h & mask;
}

/**
 * The matcher over compiled data (from compileViMatcher, or read back from a compiled glossary);
 * `entries` are the glossary's, whose indexes the data holds.
 */
export function viMatcherFromData(data: ViMatcherData, entries: readonly GlossaryEntry[]): ViMatcher {
  const { edgeNode, edgeKey, edgeChild, edgeMask, acceptStart, longest } = data;
  const syllableIds = new Map(data.syllables.map((s, id) => [s, id]));
  const gapIds = new Map(data.gaps.map((g, id) => [g, id]));
  const gapStride = gapIds.size;
  const cased = new Map(data.candidateCased);
  const candidates: TermCandidate[] = Array.from(data.candidateEntry, (entry, c) => ({
    entry: entries[entry]!,
    cased: cased.get(c) ?? null,
    capitalised: data.candidateCapitalised[c]!,
  }));
  const terms = candidates;
  const childOf = (node: number, key: number): number | undefined => {
    let slot = edgeSlot(node, key, edgeMask);
    for (;;) {
      const n = edgeNode[slot]!;
      if (n < 0) return undefined;
      if (n === node && edgeKey[slot] === key) return edgeChild[slot];
      slot = (slot + 1) & edgeMask;
    }
  };

  // Raw syllable as written → syllable id (-1: in no term). Shared by calls: texts repeat words.
  const rawIds = new Map<string, number>();
  const syllableIdOf = (raw: string): number => {
    let id = rawIds.get(raw);
    if (id === undefined) {
      id = syllableIds.get(foldSyllable(raw, true)) ?? -1;
      if (rawIds.size >= CACHE_LIMIT) rawIds.clear();
      rawIds.set(raw, id);
    }
    return id;
  };
  // Case-sensitive terms compare the case-kept key, which foldSyllable caches itself.
  const casedOf = (raw: string): string => foldSyllable(raw, false);
  const hasPunctuationGaps = gapIds.size > 1;

  let capacity = 2;
  while (capacity < longest + 1) capacity *= 2;
  const mask = capacity - 1;

  return {
    find(text: string): TermMatch[] {
      const matches: TermMatch[] = [];
      if (terms.length === 0) return matches;
      // A ring of the tokens ahead of the current start, at most `longest` of them.
      const tStart = new Int32Array(capacity);
      const tEnd = new Int32Array(capacity);
      const tSyllable = new Int32Array(capacity);
      const tGap = new Int32Array(capacity);
      const n = text.length;
      let pos = 0;
      let prevEnd = -1;
      let scanned = 0;

      const scanNext = (): boolean => {
        let onlySpace = true;
        const gapFrom = pos;
        while (pos < n && wordCharLength(text, pos) === 0) {
          if (onlySpace && !isSpaceCode(text.charCodeAt(pos))) onlySpace = false;
          pos++;
        }
        if (pos >= n) return false;
        const start = pos;
        const end = wordRunEnd(text, start);
        pos = end;
        let gap = SPACE_GAP;
        if (prevEnd >= 0 && !onlySpace) {
          gap = hasPunctuationGaps && start - gapFrom <= MAX_GAP_KEY ? (gapIds.get(gapKey(text.slice(gapFrom, start))) ?? NO_GAP) : NO_GAP;
        }
        const r = scanned & mask;
        tStart[r] = start;
        tEnd[r] = end;
        tSyllable[r] = syllableIdOf(text.slice(start, end));
        tGap[r] = gap;
        prevEnd = end;
        scanned++;
        return true;
      };

      // The first syllable may also be written with a capital first letter ("Tên lửa Patriot" at a
      // sentence start for "tên lửa Patriot"); every other letter must agree in case.
      const casedAgrees = (cased: string[], capitalised: string, head: number): boolean => {
        for (let k = 0; k < cased.length; k++) {
          const r = (head + k) & mask;
          const written = casedOf(text.slice(tStart[r], tEnd[r]));
          if (written !== cased[k] && (k > 0 || written !== capitalised)) return false;
        }
        return true;
      };

      let head = 0;
      for (;;) {
        if (head >= scanned && !scanNext()) break;
        let node = 0;
        let bestLength = 0;
        let best: TermCandidate | undefined;
        for (let k = 0; ; k++) {
          const t = head + k;
          if (t >= scanned && !scanNext()) break;
          const r = t & mask;
          const syllable = tSyllable[r] ?? -1;
          const gap = k === 0 ? SPACE_GAP : (tGap[r] ?? NO_GAP);
          if (syllable < 0 || gap < 0) break;
          const next = childOf(node, syllable * gapStride + gap);
          if (next === undefined) break;
          node = next;
          for (let c = acceptStart[node]!; c < acceptStart[node + 1]!; c++) {
            const candidate = candidates[c]!;
            if (candidate.cased === null || casedAgrees(candidate.cased, candidate.capitalised, head)) {
              best = candidate;
              bestLength = k + 1;
              break;
            }
          }
        }
        if (best) {
          const start = tStart[head & mask] ?? 0;
          const end = tEnd[(head + bestLength - 1) & mask] ?? start;
          matches.push({ entry: best.entry, start, end, text: text.slice(start, end) });
          head += bestLength;
        } else {
          head++;
        }
      }
      return matches;
    },
  };
}

/** UTF-16 length of the first code point of `s` (0 for ''). */
function codePointLength(s: string): number {
  const cp = s.codePointAt(0);
  return cp === undefined ? 0 : cp > 0xffff ? 2 : 1;
}
