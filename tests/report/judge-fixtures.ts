/**
 * The fixture comparison with a judge's MQM annotation, built by the real span locator and scorer
 * from answers a judge model gave: overlapping spans, a span not in the text, an unknown category,
 * a refusal, and markup in what the judge wrote (which every report must escape).
 */
import type { Comparison } from '../../src/compare/types.js';
import { locateErrors } from '../../src/judge/locate.js';
import { engineMqm, penaltyOf, wordCount } from '../../src/judge/score.js';
import { DEFAULT_MQM_WEIGHTS, type JudgeError, type JudgeReport, type ParagraphJudgment } from '../../src/judge/types.js';
import { SCRIPT, withReference } from './compare-fixtures.js';

export const IMG = '<img src=x onerror="alert(3)">';

const e = (category: JudgeError['category'], severity: JudgeError['severity'], span: string, extra: Partial<JudgeError> = {}): JudgeError => ({
  category,
  label: category,
  severity,
  span,
  side: category === 'accuracy/omission' ? 'source' : 'translation',
  ...extra,
});

/** What the judge said, by engine and paragraph (1-based); `refused` for a refusal. */
const ANSWERS: Record<string, Record<number, JudgeError[] | 'refused'>> = {
  deepl: {
    1: [],
    2: [e('terminology', 'major', 'flight phase interceptor', { sourceSpan: 'Thiết bị đánh chặn pha bay', explanation: 'the approved name is Glide Phase Interceptor' })],
    3: [],
  },
  google: {
    1: [e('accuracy/untranslated', 'major', 'XNUMX', { explanation: 'the month is a placeholder' })],
    2: [
      e('accuracy/addition', 'critical', `${SCRIPT} the two countries`, { explanation: `markup ${IMG} added to the text` }),
      e('fluency/punctuation', 'minor', 'the two countries announced <b>joint', { explanation: 'tags in running text' }),
      e('other', 'minor', 'Security of Supply Arrangement', { label: `Cultural ${IMG}` }),
    ],
    3: [],
  },
  openai: {
    1: [e('style', 'minor', 'Fumio Kishida', { explanation: 'the article writes family name first' })],
    2: [],
    3: 'refused',
  },
};

function judgments(engine: string): ParagraphJudgment[] {
  return withReference.paragraphs.map((p) => {
    const answer = ANSWERS[engine]![p.index]!;
    const base = { paragraph: p.index, engine, words: wordCount(p.outputs[engine]!), cached: false, dropped: 0 };
    if (answer === 'refused') return { ...base, status: 'refused', note: `I cannot help with that ${IMG}.`, spans: [], penalty: 0 };
    const spans = locateErrors(answer, { source: p.source.normalize('NFC'), translation: p.outputs[engine]! });
    return { ...base, status: 'judged', spans, penalty: penaltyOf(spans, DEFAULT_MQM_WEIGHTS) };
  });
}

const byEngine = Object.fromEntries(withReference.engines.map((name) => [name, judgments(name)]));

export const judgeReport: JudgeReport = {
  engine: 'openai',
  model: `qwen2.5:14b${IMG}`,
  promptVersion: 'vitrans-mqm-1',
  withReference: true,
  weights: DEFAULT_MQM_WEIGHTS,
  normalisation: 'words',
  disclaimer: 'The error spans and MQM scores come from a language model acting as judge: it can be wrong.',
  engines: withReference.engines.map((name) => engineMqm(name, byEngine[name]!, 'words')),
  judgments: byEngine,
  requests: { sent: 8, cached: 1 },
  mergedFindings: Object.fromEntries(withReference.engines.map((name) => [name, []])),
};

/** The reference comparison, judged. */
export const withJudge: Comparison = { ...withReference, judge: judgeReport };
