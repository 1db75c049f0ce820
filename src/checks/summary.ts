/**
 * The corpus-wide view: how each glossary term was rendered across every translation checked.
 */
import type { Glossary } from '../glossary/types.js';
import type { TermOutcome } from './runner.js';

/** One rendering of a term and how often it was seen. */
export interface RenderingCount {
  text: string;
  count: number;
  approved: boolean;
  /** Short second mentions ("the ministry" after "the Ministry of National Defence"): no other way of rendering the term. */
  secondMention?: true;
}

/** How one term was rendered across the corpus (`renderings` most frequent first; "(missing)" when none). */
export interface TermRenderingSummary {
  termId: string;
  vi: string;
  en: string;
  occurrences: number;
  renderings: RenderingCount[];
}

/** Label used for source occurrences with no rendering at all. */
export const MISSING_RENDERING = '(missing)';

/**
 * Folds term outcomes into one summary row per term that occurred, in glossary order.
 * Renderings are grouped case-insensitively; the first spelling seen is shown.
 */
export function summarizeTerms(glossary: Glossary, outcomes: Iterable<TermOutcome>): TermRenderingSummary[] {
  const rows = new Map<string, { occurrences: number; renderings: Map<string, RenderingCount> }>();
  for (const o of outcomes) {
    let row = rows.get(o.termId);
    if (!row) rows.set(o.termId, (row = { occurrences: 0, renderings: new Map() }));
    row.occurrences++;
    const text = o.rendering ?? MISSING_RENDERING;
    const key = text.toLowerCase();
    const seen = row.renderings.get(key);
    if (seen) seen.count++;
    else row.renderings.set(key, o.secondMention ? { text, count: 1, approved: o.approved, secondMention: true } : { text, count: 1, approved: o.approved });
  }
  const out: TermRenderingSummary[] = [];
  for (const entry of glossary.entries) {
    const row = rows.get(entry.id);
    if (!row) continue;
    out.push({
      termId: entry.id,
      vi: entry.vi,
      en: entry.en,
      occurrences: row.occurrences,
      renderings: [...row.renderings.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)),
    });
  }
  return out;
}
