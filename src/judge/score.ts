/**
 * MQM scores: each error costs its severity's weight; a paragraph's penalty is their sum; an
 * engine's score is its penalty per 1,000 words of translation, or per paragraph (segment).
 * Lower is better; 0 means the judge found nothing.
 */
import { MQM_CATEGORIES, type EngineMqm, type MqmCategory, type MqmNormalisation, type MqmSeverity, type MqmSpan, type MqmWeights, type ParagraphJudgment } from './types.js';

/** Words of a translation, for per-word normalisation: whitespace-separated tokens. */
export function wordCount(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/\S+/g)) n++;
  return n;
}

/** A paragraph's penalty: the sum of its spans' weights. */
export function penaltyOf(spans: readonly MqmSpan[], weights: MqmWeights): number {
  let sum = 0;
  for (const s of spans) sum += weights[s.severity];
  return sum;
}

/** Zero counts for every category and severity. */
export function emptyCounts(): Record<MqmCategory, Record<MqmSeverity, number>> {
  const counts = {} as Record<MqmCategory, Record<MqmSeverity, number>>;
  for (const c of MQM_CATEGORIES) counts[c] = { minor: 0, major: 0, critical: 0 };
  return counts;
}

/**
 * An engine's totals over its judgments; refused and unreadable paragraphs are counted apart and
 * not scored.
 * @example engineMqm('deepl', judgments, 'words').perThousandWords // 12.5: 5 penalty points in 400 words
 */
export function engineMqm(engine: string, judgments: readonly ParagraphJudgment[], normalisation: MqmNormalisation): EngineMqm {
  const counts = emptyCounts();
  let judged = 0;
  let penalty = 0;
  let words = 0;
  let errors = 0;
  let notLocated = 0;
  let ambiguous = 0;
  let alsoGlossary = 0;
  for (const j of judgments) {
    if (j.status !== 'judged') continue;
    judged++;
    penalty += j.penalty;
    words += j.words;
    for (const s of j.spans) {
      counts[s.category][s.severity]++;
      errors++;
      if (s.location === 'not-found') notLocated++;
      if (s.ambiguous) ambiguous++;
      if (s.glossary) alsoGlossary++;
    }
  }
  const perThousandWords = words > 0 ? (penalty * 1000) / words : judged > 0 ? 0 : null;
  const perSegment = judged > 0 ? penalty / judged : null;
  return {
    engine,
    judged,
    notJudged: judgments.length - judged,
    penalty,
    words,
    perThousandWords,
    perSegment,
    score: normalisation === 'words' ? perThousandWords : perSegment,
    counts,
    errors,
    notLocated,
    ambiguous,
    alsoGlossary,
  };
}
