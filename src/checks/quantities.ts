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
import { findVerbatim, type VerbatimToken } from '../text/verbatim.js';

/** What the comparison of one paragraph pair found. */
export interface QuantityComparison {
  /** Source quantities, in text order; `corrupted` set on those holding debris. */
  source: readonly Quantity[];
  /** Translation quantities, in text order. */
  target: readonly Quantity[];
  /** Debris in the source paragraph. */
  debris: readonly Debris[];
  /**
   * A source value rendered as another value of its family; `falls` is set where a dated day is
   * rendered as a weekday it does not fall on (the weekday it does, and the year that says so).
   */
  wrong: Array<{ source: Quantity; target: Quantity; falls?: { weekday: number; year: number } }>;
  /** Source values and the translation values that stand for them, in the source's order of matching. */
  matched: Array<{ source: Quantity; target: Quantity }>;
  /** Source values with no counterpart in the translation (weak ones left out). */
  missing: Quantity[];
  /** Translation values with no counterpart in the source (weak ones left out). */
  added: Quantity[];
  /** Amounts the translation adds as a currency conversion of the amount before them: "VND 81.5 trillion ($3.3 billion)". */
  conversions: Quantity[];
  /** For each corrupted source quantity, the translation quantities that stand for it. */
  counterparts: ReadonlyMap<Quantity, readonly Quantity[]>;
}

const comparisons = new WeakMap<ParagraphPair, QuantityComparison>();

/** The comparison of a paragraph pair (computed once per pair, whichever check asks first). */
export function compareQuantities(pair: ParagraphPair, context: CheckContext): QuantityComparison {
  let found = comparisons.get(pair);
  if (!found) {
    found = compute(pair, context.sourceText, context.targetText, yearsOf(context));
    comparisons.set(pair, found);
  }
  return found;
}

/** Years named anywhere in each text (for "April 10th" in an article that says 2024 elsewhere), per translation checked. */
const documentYears = new WeakMap<object, { source: ReadonlySet<number>; target: ReadonlySet<number> }>();
const YEAR = /(?<![\p{N}.,])(1[5-9]\d\d|20\d\d|21\d\d)(?![\p{N}])/gu;

function yearsIn(text: string): ReadonlySet<number> {
  const years = new Set<number>();
  for (const m of text.matchAll(YEAR)) years.add(Number(m[1]));
  return years;
}

/**
 * What a pair's quantity comparison reads beyond the pair: the years each whole text names, as a
 * key (see `Check.documentKey`).
 */
export function quantityDocumentKey(context: CheckContext): string {
  const { source, target } = yearsOf(context);
  return `${[...source].sort().join(',')}/${[...target].sort().join(',')}`;
}

/** The years of both texts, read once per translation: every check of one translation shares `context.document`. */
function yearsOf(context: CheckContext): { source: ReadonlySet<number>; target: ReadonlySet<number> } {
  let years = documentYears.get(context.document);
  if (!years) {
    years = { source: yearsIn(context.sourceText), target: yearsIn(context.targetText) };
    documentYears.set(context.document, years);
  }
  return years;
}

function compute(pair: ParagraphPair, sourceText: string, targetText: string, years: { source: ReadonlySet<number>; target: ReadonlySet<number> }): QuantityComparison {
  const { source: sp, target: tp } = pair;
  // Read in place (offsets are those of the files); a format's paragraph text is exactly its slice.
  const inPlace = sourceText.slice(sp.start, sp.end) === sp.text && targetText.slice(tp.start, tp.end) === tp.text;
  const debris = inPlace ? findDebris(sourceText, sp.start, sp.end) : findDebris(sp.text).map((d) => ({ ...d, start: d.start + sp.start, end: d.end + sp.start }));
  // Digits inside a URL or an e-mail address are not quantities: verbatim-mismatch compares those whole.
  const source = outsideVerbatim(
    inPlace ? readVietnameseQuantities(sourceText, sp.start, sp.end) : readVietnameseQuantities(sp.text).map((q) => shift(q, sp.start)),
    inPlace ? findVerbatim(sourceText, sp.start, sp.end) : findVerbatim(sp.text).map((t) => shiftSpan(t, sp.start)),
  );
  const target = outsideVerbatim(
    inPlace ? readEnglishQuantities(targetText, tp.start, tp.end) : readEnglishQuantities(tp.text).map((q) => shift(q, tp.start)),
    inPlace ? findVerbatim(targetText, tp.start, tp.end) : findVerbatim(tp.text).map((t) => shiftSpan(t, tp.start)),
  );
  const { source: sourceYears, target: targetYears } = years;
  markDebris(source, debris);

  const used = new Set<Quantity>();
  const matched = new Set<Quantity>();
  const matchedPairs: Array<{ source: Quantity; target: Quantity }> = [];
  // Strong values first on both sides, so that "hai" takes "two" before the weak "bilateral" can.
  const clean = strongFirst(source.filter((q) => !q.corrupted));
  const targets = strongFirst(target);
  const sourceKeys = new Map(clean.map((q) => [q, quantityKeys(q, (y) => targetYears.has(y))]));
  const targetKeys = new Map(target.map((q) => [q, quantityKeys(q, (y) => sourceYears.has(y))]));

  // 1: own reading against own reading; 2: any reading against any reading, and a date without
  // its year against the same date where the year is given elsewhere.
  for (const phase of [1, 2] as const) {
    const index = new Map<string, Queue>();
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
          matchedPairs.push({ source: s, target: t });
          break;
        }
      }
    }
  }

  // Corrupted source quantities take what in the translation shares one of their numbers, and the translation's own debris.
  const counterparts = new Map<Quantity, Quantity[]>();
  const corrupted = source.filter((q) => q.corrupted);
  if (corrupted.length > 0) {
    const byBare = new Map<string, Queue>();
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
      const nearest = nearestIndex(corrupted, relative(t, pair.target.start, pair.target.end), pair.source, () => true);
      used.add(t);
      counterparts.get(corrupted[nearest!]!)!.push(t);
    }
  }

  // Where the source has debris, a value the translation writes beside its own copy of the debris
  // ("XNUMX 25" for a mis-encoded "ngÃ y 25 thÃ¡ng XNUMX") is that value.
  if (corrupted.length > 0 || debris.length > 0) {
    const debrisValues = new Set(target.filter((t) => t.corrupted).flatMap((t) => t.bare.map(String)));
    for (const s of clean) if (!matched.has(s) && s.bare.length === 1 && debrisValues.has(String(s.bare[0]))) matched.add(s);
  }

  const weekdayWrong = matchWeekdays(source, clean, target, matched, used, matchedPairs, pair, sourceYears);

  // "100%" is "full", "entire", "complete" in English copy ("giải ngân 100% vốn": "the full disbursement of the capital"),
  // unless a percentage of the translation is left to be its rendering ("90% ... in full").
  const whole = clean.filter((s) => s.kind === 'percent' && s.value === 100 && !matched.has(s));
  if (whole.length > 0 && !target.some((t) => t.kind === 'percent' && !used.has(t)) && WHOLE_WORDS.test(targetText.slice(pair.target.start, pair.target.end))) for (const s of whole) matched.add(s);

  // A year the translation says relative to the story's date ("so với cùng kỳ năm 2025" as "from a year
  // earlier", "năm 2026" as "this year") cannot be checked, and is no omission.
  // One year for each such phrase, the first left: "year-on-year" does not excuse the "2030" of a target too.
  let relativeYears = 0;
  if (clean.some((s) => !matched.has(s) && isYearOnly(s))) {
    for (const m of targetText.slice(pair.target.start, pair.target.end).matchAll(RELATIVE_YEAR)) if (m[0] !== '') relativeYears++;
  }
  const excused = new Set<Quantity>();
  for (const s of clean) {
    if (relativeYears === 0) break;
    if (!matched.has(s) && !s.weak && isYearOnly(s)) {
      excused.add(s);
      relativeYears--;
    }
  }
  const missingCandidates = clean.filter((s) => !matched.has(s) && !s.weak && !(s.periodYear && targetYears.has(s.value)) && !excused.has(s));
  // The amount before a conversion stands for one of the source's, or is the wrong rendering of one left in
  // that currency ("VND875 billion ($34.4 billion)" for "875.000 tỷ đồng"): the finding is then the wrong
  // amount alone, not also its correct conversion.
  const leftCurrencies = new Set(missingCandidates.filter((s) => s.kind === 'money').map((s) => s.currency));
  const standsForSource = (q: Quantity): boolean => used.has(q) || (q.kind === 'money' && leftCurrencies.has(q.currency));
  const conversions = target.filter((t, k) => !used.has(t) && isConversion(t, target[k - 1], standsForSource, tp));
  const converted = new Set(conversions);
  const addedCandidates = target.filter((t) => !used.has(t) && !t.weak && !converted.has(t) && !(t.periodYear && sourceYears.has(t.value)));
  // "double", "twice" are weak multiples, never reported alone, but where a multiple of the source is left they are its rendering ("gấp 1,5 lần" as "double").
  const weakMultiples = target.filter((t) => !used.has(t) && t.weak && t.kind === 'multiple');
  const pairable = weakMultiples.length === 0 ? addedCandidates : [...addedCandidates, ...weakMultiples].sort((a, b) => a.start - b.start);
  const wrong: QuantityComparison['wrong'] = [...weekdayWrong, ...pairByFamily(missingCandidates, pairable, pair)];
  const paired = new Set(wrong.flatMap((w) => [w.source, w.target]));
  return {
    source,
    target,
    debris,
    wrong,
    matched: matchedPairs,
    missing: missingCandidates.filter((q) => !paired.has(q)),
    added: addedCandidates.filter((q) => !paired.has(q)),
    conversions,
    counterparts,
  };
}

/**
 * Whether translation amount `t` converts the amount written just before it into another currency,
 * as English-language news adds to đồng figures: "VND 81.5 trillion ($3.3 billion)", "(about
 * $3.3 billion)", "VND 81.5 trillion, or $3.3 billion". The amount before it must stand for one of
 * the source's (`standsForSource`).
 */
function isConversion(t: Quantity, before: Quantity | undefined, standsForSource: (q: Quantity) => boolean, paragraph: { start: number; text: string }): boolean {
  if (t.kind !== 'money' || before === undefined || before.kind !== 'money' || before.currency === t.currency || !standsForSource(before)) return false;
  const between = paragraph.text.slice(before.end - paragraph.start, t.start - paragraph.start);
  if (CONVERSION_OPENING.test(between)) return paragraph.text.slice(t.end - paragraph.start, t.end - paragraph.start + 2).trimStart().startsWith(')');
  return CONVERSION_OR.test(between);
}

/** What stands between an amount and its conversion in brackets, or after "or". */
const CONVERSION_OPENING = /^\s*\(\s*(?:about|around|approximately|approx\.|roughly|some|nearly|almost|over|more than|or|~|≈)?\s*$/i;
const CONVERSION_OR = /^\s*[,–—-]?\s*or\s+(?:about|around|approximately|roughly|some|nearly|almost)?\s*$/i;

function strongFirst(quantities: readonly Quantity[]): Quantity[] {
  return [...quantities.filter((q) => !q.weak), ...quantities.filter((q) => q.weak)];
}

/** English that names a year by its distance from the story's ("this year", "a year earlier", "year-on-year"). */
const RELATIVE_YEAR = /(?<![\p{L}\p{M}])(?:(?:this|last|next|previous|the\s+previous|the\s+same\s+period\s+(?:of\s+)?last)\s+year|(?:a|one)\s+year\s+(?:earlier|before|ago)|year[-\s]on[-\s]year|year[-\s]over[-\s]year)(?![\p{L}\p{M}])/giu;

/** A quantity that is a year and nothing more ("năm 2025", "in 2025"). */
function isYearOnly(q: Quantity): boolean {
  if (q.kind === 'date') return q.date?.year !== undefined && q.date.month === undefined && q.date.day === undefined;
  return q.kind === 'number' && q.also.some((r) => r.kind === 'date' && r.date?.year === q.value);
}

/** English words that say "100%" ("the full disbursement", "fully funded", "the entire budget"). */
const WHOLE_WORDS = /(?<![\p{L}\p{M}-])(?:full|fully|entire|entirely|complete|completely|whole|wholly|totally)(?![\p{L}\p{M}-])(?![\s\u00a0]+year)/iu;

/** The unused, non-weak translation value of the same family nearest to a source value's position. */
function nearestUnused(target: readonly Quantity[], s: Quantity, pair: ParagraphPair, used: ReadonlySet<Quantity>): Quantity | undefined {
  const family = quantityFamily(s);
  const k = nearestIndex(target, relative(s, pair.source.start, pair.source.end), pair.target, (t) => !used.has(t) && !t.weak && !t.corrupted && quantityFamily(t) === family);
  return k === undefined ? undefined : target[k];
}

/** How far from the nearest position `nearestIndex` looks on each side: a bound, so that it stays O(log n). */
const NEAREST_WINDOW = 32;

/**
 * Index of the quantity (of `sorted`, in text order within `paragraph`) nearest to relative position
 * `at` that passes `ok`, looking at most NEAREST_WINDOW quantities to either side.
 */
function nearestIndex(sorted: readonly Quantity[], at: number, paragraph: { start: number; end: number }, ok: (q: Quantity) => boolean): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (relative(sorted[mid]!, paragraph.start, paragraph.end) < at) lo = mid + 1;
    else hi = mid;
  }
  let best: number | undefined;
  let distance = Infinity;
  for (let k = Math.max(0, lo - NEAREST_WINDOW); k < Math.min(sorted.length, lo + NEAREST_WINDOW); k++) {
    if (!ok(sorted[k]!)) continue;
    const d = Math.abs(relative(sorted[k]!, paragraph.start, paragraph.end) - at);
    if (d < distance) {
      distance = d;
      best = k;
    }
  }
  return best;
}

function shift(q: Quantity, by: number): Quantity {
  return shiftSpan(q, by);
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

/** Quantities in order, read from a moving head (no `shift`, which would make long lists quadratic). */
interface Queue {
  items: Quantity[];
  head: number;
}

function push(map: Map<string, Queue>, key: string, value: Quantity): void {
  const queue = map.get(key);
  if (queue) queue.items.push(value);
  else map.set(key, { items: [value], head: 0 });
}

/** The first item of a queue not yet used; used items at the head are passed once and for all. */
function take(queue: Queue | undefined, used: ReadonlySet<Quantity>): Quantity | undefined {
  if (!queue) return undefined;
  while (queue.head < queue.items.length && used.has(queue.items[queue.head]!)) queue.head++;
  return queue.items[queue.head];
}

/** Position of a quantity within its paragraph, 0 to 1, so source and translation positions compare. */
function relative(q: Quantity, start: number, end: number): number {
  return end > start ? (q.start - start) / (end - start) : 0;
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
  for (const t of targets) {
    for (const g of pairingGroups(t)) {
      const pool = pools.get(g);
      if (pool) pool.push(t);
      else pools.set(g, [t]);
    }
  }
  const taken = new Set<Quantity>();
  for (const s of sources) {
    const at = relative(s, pair.source.start, pair.source.end);
    let best: Quantity | undefined;
    let distance = Infinity;
    for (const g of pairingGroups(s)) {
      const pool = pools.get(g);
      if (!pool) continue;
      const k = nearestIndex(pool, at, pair.target, (t) => !taken.has(t) && yearLike(t) === yearLike(s) && (g === 'year' || quantityFamily(t) === quantityFamily(s)));
      if (k === undefined) continue;
      const d = Math.abs(relative(pool[k]!, pair.target.start, pair.target.end) - at);
      if (d < distance) {
        distance = d;
        best = pool[k];
      }
    }
    if (!best) continue;
    taken.add(best);
    out.push({ source: s, target: best });
  }
  return out;
}

function shiftSpan<T extends { start: number; end: number }>(span: T, by: number): T {
  return { ...span, start: span.start + by, end: span.end + by };
}

/** The quantities that do not overlap any of `tokens` (a paragraph has a few URLs at most). */
function outsideVerbatim(quantities: Quantity[], tokens: readonly VerbatimToken[]): Quantity[] {
  if (tokens.length === 0) return quantities;
  return quantities.filter((q) => !tokens.some((t) => t.start < q.end && q.start < t.end));
}

/** 1 = Monday … 7 = Sunday, as weekday readings count. */
function weekdayOf(day: number, month: number, year: number): number {
  return ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
}

/**
 * The weekdays a dated day may fall on, each with the year that says so: its own year, else
 * `knownYears` (the paragraph's other dates' years, else those the article names, latest first);
 * none where no year is known, and the weekday cannot be verified.
 */
function weekdaysOf(s: Quantity, knownYears: readonly number[]): Array<{ weekday: number; year: number }> {
  const { day, month, year } = s.date!;
  const years = year !== undefined ? [year] : knownYears;
  return years.map((y) => ({ weekday: weekdayOf(day!, month!, y), year: y }));
}

/**
 * English news writes a date of the same week as its weekday: "Ngày 10/6/2025, …" is "on Tuesday",
 * "Tuesday's meeting". A dated day of the source left unmatched takes the nearest unused weekday of
 * the translation: the same weekday it falls on (or one that cannot be verified, with no year known)
 * stands for it; another is returned as a wrong rendering, with the weekday the date falls on. Where
 * the source names the date's weekday itself ("hôm thứ Ba 10/6"), the date goes with that weekday,
 * which is compared as any value is ("Tuesday" passes, "Wednesday" is a wrong weekday). A weekday the
 * translation adds beside a date it renders must be that date's too.
 */
function matchWeekdays(
  source: readonly Quantity[],
  clean: readonly Quantity[],
  target: readonly Quantity[],
  matched: Set<Quantity>,
  used: Set<Quantity>,
  matchedPairs: Array<{ source: Quantity; target: Quantity }>,
  pair: ParagraphPair,
  documentYears: ReadonlySet<number>,
): Array<{ source: Quantity; target: Quantity; falls: { weekday: number; year: number } }> {
  const wrong: Array<{ source: Quantity; target: Quantity; falls: { weekday: number; year: number } }> = [];
  const allDates = clean.filter((s) => s.kind === 'date' && s.date?.day !== undefined && s.date.month !== undefined);
  if (allDates.length === 0) return wrong;
  const dates = allDates.filter((s) => !matched.has(s));
  const weekdays = target.filter((t) => t.kind === 'weekday' && !t.corrupted);
  if (weekdays.length === 0) return wrong;
  const sourceWeekdays = clean.filter((s) => s.kind === 'weekday');
  // The years a date without its own may be in, worked out once for the paragraph.
  const paragraphYears = new Set(source.flatMap((q) => [q, ...q.also]).filter((r) => r.kind === 'date' && r.date?.year !== undefined).map((r) => r.date!.year!));
  const knownYears = [...(paragraphYears.size > 0 ? paragraphYears : documentYears)].sort((a, b) => b - a);
  for (const s of dates) {
    const falls = weekdaysOf(s, knownYears);
    const fits = (weekday: number): boolean => falls.length === 0 || falls.some((f) => f.weekday === weekday);
    // The source names the date's weekday itself ("hôm thứ Ba 10/6"): that weekday is compared, the date goes with it.
    if (sourceWeekdays.some((w) => fits(w.value))) {
      matched.add(s);
      continue;
    }
    const k = nearestIndex(weekdays, relative(s, pair.source.start, pair.source.end), pair.target, (t) => !used.has(t));
    if (k === undefined) continue;
    const t = weekdays[k]!;
    used.add(t);
    matched.add(s);
    if (fits(t.value)) matchedPairs.push({ source: s, target: t });
    else wrong.push({ source: s, target: t, falls: falls[0]! });
  }
  // A weekday the translation gives beside a date it renders ("on Tuesday, June 10, 2025") is that date's;
  // while a weekday of the source is left, the translation's is compared with that one instead.
  if (sourceWeekdays.some((w) => !matched.has(w))) return wrong;
  const dated = allDates.map((s) => weekdaysOf(s, knownYears));
  for (const t of weekdays) {
    if (used.has(t)) continue;
    if (dated.some((falls) => falls.length === 0 || falls.some((f) => f.weekday === t.value))) {
      used.add(t);
      continue;
    }
    const k = nearestIndex(allDates, relative(t, pair.target.start, pair.target.end), pair.source, () => true)!;
    used.add(t);
    wrong.push({ source: allDates[k]!, target: t, falls: dated[k]![0]! });
  }
  return wrong;
}
