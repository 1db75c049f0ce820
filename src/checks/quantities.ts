/**
 * The quantities of a paragraph pair, read once and compared by value, for `number-mismatch` and
 * `source-corrupted` alike (both see the same reading of the same pair).
 *
 * Matching: each source quantity takes a translation quantity with the same value, first by
 * their own readings, then by any reading either allows ("15 giờ" as 15 hours; a date without
 * the year the article gives elsewhere). Quantities holding pipeline debris are never reported:
 * they take whatever in the translation shares one of their numbers, or is debris itself. What is
 * left is paired within a family (amounts with amounts, dates with dates) by position as "wrong
 * value"; the rest is missing from, or added by, the translation. Linear in the quantities.
 */
import { findDebris, quantityFamily, quantityKeys, readEnglishQuantities, readVietnameseQuantities, type Debris, type Quantity } from '../text/numbers/index.js';
import type { CheckContext, ParagraphPair } from './types.js';

/** What the comparison of one paragraph pair found. */
export interface QuantityComparison {
  /** Source quantities, in text order; `corrupted` set on those holding debris. */
  source: readonly Quantity[];
  /** Translation quantities, in text order. */
  target: readonly Quantity[];
  /** Debris in the source paragraph. */
  debris: readonly Debris[];
  /** A source value rendered as another value of its family. */
  wrong: Array<{ source: Quantity; target: Quantity }>;
  /** Source values with no counterpart in the translation (weak ones left out). */
  missing: Quantity[];
  /** Translation values with no counterpart in the source (weak ones left out). */
  added: Quantity[];
  /** For each corrupted source quantity, the translation quantities that stand for it. */
  counterparts: ReadonlyMap<Quantity, readonly Quantity[]>;
}

const comparisons = new WeakMap<ParagraphPair, QuantityComparison>();

/** The comparison of a paragraph pair (computed once per pair, whichever check asks first). */
export function compareQuantities(pair: ParagraphPair, context: CheckContext): QuantityComparison {
  let found = comparisons.get(pair);
  if (!found) {
    found = compute(pair, yearsOf(context.sourceText), yearsOf(context.targetText));
    comparisons.set(pair, found);
  }
  return found;
}

/** Years named anywhere in a text (for "April 10th" in an article that says 2024 elsewhere). One entry per text, kept for the last two texts. */
const yearCache: Array<{ text: string; years: ReadonlySet<number> }> = [];
const YEAR = /(?<![\p{N}.,])(1[5-9]\d\d|20\d\d|21\d\d)(?![\p{N}])/gu;

function yearsOf(text: string): ReadonlySet<number> {
  const hit = yearCache.find((c) => c.text === text);
  if (hit) return hit.years;
  const years = new Set<number>();
  for (const m of text.matchAll(YEAR)) years.add(Number(m[1]));
  yearCache.unshift({ text, years });
  yearCache.length = Math.min(yearCache.length, 2);
  return years;
}

function compute(pair: ParagraphPair, sourceYears: ReadonlySet<number>, targetYears: ReadonlySet<number>): QuantityComparison {
  const { source: sp, target: tp } = pair;
  const debris = findDebris(sp.text, 0, sp.text.length).map((d) => ({ ...d, start: d.start + sp.start, end: d.end + sp.start }));
  const source = readVietnameseQuantities(sp.text).map((q) => shift(q, sp.start));
  const target = readEnglishQuantities(tp.text).map((q) => shift(q, tp.start));
  markDebris(source, debris);

  const used = new Set<Quantity>();
  const matched = new Set<Quantity>();
  // Strong values first on both sides, so that "hai" takes "two" before the weak "bilateral" can.
  const clean = strongFirst(source.filter((q) => !q.corrupted));
  const targets = strongFirst(target);
  const sourceKeys = new Map(clean.map((q) => [q, quantityKeys(q, (y) => targetYears.has(y))]));
  const targetKeys = new Map(target.map((q) => [q, quantityKeys(q, (y) => sourceYears.has(y))]));

  // 1: own reading against own reading; 2: any reading against any reading, and a date without
  // its year against the same date where the year is given elsewhere.
  for (const phase of [1, 2] as const) {
    const index = new Map<string, Quantity[]>();
    for (const t of targets) {
      if (used.has(t) || t.corrupted) continue;
      const { own, loose } = targetKeys.get(t)!;
      if (phase === 1) push(index, own[0]!, t);
      else {
        for (const k of own) push(index, k, t);
        for (const k of loose) push(index, `~${k}`, t);
      }
    }
    for (const s of clean) {
      if (matched.has(s)) continue;
      const { own, loose } = sourceKeys.get(s)!;
      const keys = phase === 1 ? [own[0]!] : [...own, ...own.map((k) => `~${k}`), ...loose];
      for (const k of keys) {
        const t = take(index.get(k), used);
        if (t) {
          used.add(t);
          matched.add(s);
          break;
        }
      }
    }
  }

  // Corrupted source quantities take what in the translation shares one of their numbers, and the translation's own debris.
  const counterparts = new Map<Quantity, Quantity[]>();
  const corrupted = source.filter((q) => q.corrupted);
  if (corrupted.length > 0) {
    const byBare = new Map<string, Quantity[]>();
    for (const t of target) if (!used.has(t)) for (const v of t.bare) push(byBare, String(v), t);
    for (const s of corrupted) {
      const own: Quantity[] = [];
      for (const v of s.bare) {
        for (let t = take(byBare.get(String(v)), used); t; t = take(byBare.get(String(v)), used)) {
          used.add(t);
          own.push(t);
        }
      }
      // A placeholder with nothing readable ("XNUMX tên lửa") stands for the nearest value of its family.
      if (own.length === 0 && s.bare.length === 0) {
        const nearest = nearestUnused(target, s, pair, used);
        if (nearest) {
          used.add(nearest);
          own.push(nearest);
        }
      }
      counterparts.set(s, own);
    }
    const debrisTargets = target.filter((t) => t.corrupted && !used.has(t));
    for (const t of debrisTargets) {
      const nearest = nearestBy(corrupted, t, pair);
      used.add(t);
      counterparts.get(nearest)!.push(t);
    }
  }

  // Where the source has debris, a value the translation writes beside its own copy of the debris
  // ("XNUMX 25" for a mis-encoded "ngÃ y 25 thÃ¡ng XNUMX") is that value.
  if (corrupted.length > 0 || debris.length > 0) {
    const debrisValues = new Set(target.filter((t) => t.corrupted).flatMap((t) => t.bare.map(String)));
    for (const s of clean) if (!matched.has(s) && s.bare.length === 1 && debrisValues.has(String(s.bare[0]))) matched.add(s);
  }

  const missingCandidates = clean.filter((s) => !matched.has(s) && !s.weak);
  const addedCandidates = target.filter((t) => !used.has(t) && !t.weak);
  const wrong = pairByFamily(missingCandidates, addedCandidates, pair);
  const paired = new Set(wrong.flatMap((w) => [w.source, w.target]));
  return {
    source,
    target,
    debris,
    wrong,
    missing: missingCandidates.filter((q) => !paired.has(q)),
    added: addedCandidates.filter((q) => !paired.has(q)),
    counterparts,
  };
}

function strongFirst(quantities: readonly Quantity[]): Quantity[] {
  return [...quantities.filter((q) => !q.weak), ...quantities.filter((q) => q.weak)];
}

/** The unused, non-weak translation value of the same family nearest to a source value's position. */
function nearestUnused(target: readonly Quantity[], s: Quantity, pair: ParagraphPair, used: ReadonlySet<Quantity>): Quantity | undefined {
  const at = relative(s, pair.source.start, pair.source.end);
  let best: Quantity | undefined;
  for (const t of target) {
    if (used.has(t) || t.weak || t.corrupted || quantityFamily(t) !== quantityFamily(s)) continue;
    if (!best || Math.abs(relative(t, pair.target.start, pair.target.end) - at) < Math.abs(relative(best, pair.target.start, pair.target.end) - at)) best = t;
  }
  return best;
}

function shift(q: Quantity, by: number): Quantity {
  return { ...q, start: q.start + by, end: q.end + by };
}

/** Source quantities overlapping debris cannot be verified either. */
function markDebris(quantities: Quantity[], debris: readonly Debris[]): void {
  let d = 0;
  for (const q of quantities) {
    while (d < debris.length && debris[d]!.end <= q.start) d++;
    const hit = debris[d];
    if (hit && hit.start < q.end && !q.corrupted) q.corrupted = hit.kind;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The first item of a list not yet used; used items at the head are dropped, so each is skipped once. */
function take(list: Quantity[] | undefined, used: ReadonlySet<Quantity>): Quantity | undefined {
  if (!list) return undefined;
  while (list.length > 0 && used.has(list[0]!)) list.shift();
  return list[0];
}

/** Position of a quantity within its paragraph, 0 to 1, so source and translation positions compare. */
function relative(q: Quantity, start: number, end: number): number {
  return end > start ? (q.start - start) / (end - start) : 0;
}

function nearestBy(candidates: readonly Quantity[], t: Quantity, pair: ParagraphPair): Quantity {
  const at = relative(t, pair.target.start, pair.target.end);
  let best = candidates[0]!;
  for (const c of candidates) {
    if (Math.abs(relative(c, pair.source.start, pair.source.end) - at) < Math.abs(relative(best, pair.source.start, pair.source.end) - at)) best = c;
  }
  return best;
}

/** Whether a quantity is, or may be, a bare year ("năm 2023", "2023"). */
function yearLike(q: Quantity): boolean {
  const onlyYear = (d: Quantity['date']): boolean => d !== undefined && d.year !== undefined && d.month === undefined && d.day === undefined;
  return (q.kind === 'date' && onlyYear(q.date)) || q.also.some((r) => r.kind === 'date' && onlyYear(r.date));
}

/** The pools a quantity is paired in: its kind (money counts as a number), and a year's. */
function pairingGroups(q: Quantity): string[] {
  const kind = q.kind === 'money' ? 'number' : q.kind === 'percentage-point' ? 'percent' : q.kind;
  return yearLike(q) ? [kind, 'year'] : [kind];
}

/**
 * Pairs leftovers that may be the same value gone wrong, each source value with the translation
 * value nearest its position: same kind (an amount with or without its currency counts as one),
 * and a year only with a year.
 */
function pairByFamily(sources: readonly Quantity[], targets: readonly Quantity[], pair: ParagraphPair): Array<{ source: Quantity; target: Quantity }> {
  const out: Array<{ source: Quantity; target: Quantity }> = [];
  const pools = new Map<string, Quantity[]>();
  for (const t of targets) for (const g of pairingGroups(t)) push(pools, g, t);
  const taken = new Set<Quantity>();
  for (const s of sources) {
    const at = relative(s, pair.source.start, pair.source.end);
    let best: Quantity | undefined;
    let distance = Infinity;
    for (const g of pairingGroups(s)) {
      const pool = pools.get(g);
      if (!pool) continue;
      // Pools are small in real text; past a bound, take them in order instead of searching.
      const candidates = pool.length > 64 ? [take(pool, taken)].filter((t): t is Quantity => t !== undefined) : pool;
      for (const t of candidates) {
        if (taken.has(t) || yearLike(t) !== yearLike(s) || (g !== 'year' && quantityFamily(t) !== quantityFamily(s))) continue;
        const d = Math.abs(relative(t, pair.target.start, pair.target.end) - at);
        if (d < distance) {
          distance = d;
          best = t;
        }
      }
    }
    if (!best) continue;
    taken.add(best);
    out.push({ source: s, target: best });
  }
  return out;
}
