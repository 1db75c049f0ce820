import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { checkTranslation, createCheckTools, prepareSource } from '../../src/checks/index.js';
import { loadGlossary } from '../../src/glossary/load.js';
import { locateErrors } from '../../src/judge/locate.js';
import { mergeGlossaryFindings } from '../../src/judge/merge.js';
import { engineMqm, penaltyOf, wordCount } from '../../src/judge/score.js';
import { DEFAULT_MQM_WEIGHTS, type JudgeError, type JudgeReport, type ParagraphJudgment } from '../../src/judge/types.js';
import { GOOGLE, judgedParagraphs, SOURCE } from './fixtures.js';

const GLOSSARY = path.resolve(import.meta.dirname, '../../glossary.yaml');

/** The glossary checker's findings on Google's translation, as `vitrans compare` gets them. */
async function googleFindings() {
  const tools = createCheckTools(await loadGlossary(GLOSSARY));
  const source = prepareSource({ file: 'a.vi.txt', text: SOURCE.join('\n\n') }, tools);
  return checkTranslation(source, { file: 'a.google.en.txt', text: GOOGLE.join('\n\n') + '\n', engine: 'google' }, tools).findings;
}

function judgment(paragraph: number, errors: JudgeError[]): ParagraphJudgment {
  const p = judgedParagraphs()[paragraph - 1]!;
  const spans = locateErrors(errors, { source: p.source, translation: p.outputs.google! });
  return { paragraph, engine: 'google', status: 'judged', spans, dropped: 0, penalty: penaltyOf(spans, DEFAULT_MQM_WEIGHTS), words: wordCount(p.outputs.google!), cached: false };
}

function report(judgments: ParagraphJudgment[]): JudgeReport {
  return {
    engine: 'openai',
    model: 'gpt-4o-mini',
    promptVersion: 'vitrans-mqm-1',
    withReference: false,
    weights: DEFAULT_MQM_WEIGHTS,
    normalisation: 'words',
    disclaimer: '',
    engines: [engineMqm('google', judgments, 'words')],
    judgments: { google: judgments },
    requests: { sent: judgments.length, cached: 0 },
    mergedFindings: { google: [] },
  };
}

const term = (span: string, extra: Partial<JudgeError> = {}): JudgeError => ({ category: 'terminology', label: 'terminology', severity: 'major', span, side: 'translation', ...extra });

describe('mergeGlossaryFindings', () => {
  it('makes a terminology span on a term the checker flags one issue naming both sources', async () => {
    const findings = await googleFindings();
    const forbidden = findings.findIndex((f) => f.ruleId === 'term-forbidden' && f.actual === 'Supply Security Agreement');
    expect(forbidden).toBeGreaterThanOrEqual(0);
    const r = mergeGlossaryFindings(report([judgment(3, [term('Supply Security Agreement')])]), { google: findings }, judgedParagraphs());
    const span = r.judgments.google![0]!.spans[0]!;
    expect(span.glossary).toMatchObject({ ruleId: 'term-forbidden', termId: 'security-of-supply-arrangement', finding: forbidden });
    expect(span.glossary!.message).toContain('Supply Security Agreement');
    expect(r.mergedFindings.google).toEqual([forbidden]);
    expect(r.engines[0]!.alsoGlossary).toBe(1);
  });

  it('matches by the source term when the judge quotes other words of the translation', async () => {
    const findings = await googleFindings();
    const r = mergeGlossaryFindings(report([judgment(3, [term('the Supply Security', { sourceSpan: 'Thoả thuận An ninh Cung ứng' })])]), { google: findings }, judgedParagraphs());
    expect(r.judgments.google![0]!.spans[0]!.glossary?.termId).toBe('security-of-supply-arrangement');
  });

  it('leaves apart spans of other categories, other paragraphs and other words', async () => {
    const findings = await googleFindings();
    const r = mergeGlossaryFindings(
      report([judgment(3, [term('Supply Security Agreement', { category: 'accuracy/mistranslation' }), term('Lloyd Austin')]), judgment(1, [term('Supply')])]),
      { google: findings },
      judgedParagraphs(),
    );
    expect(r.judgments.google!.flatMap((j) => j.spans).some((s) => s.glossary)).toBe(false);
    expect(r.mergedFindings.google).toEqual([]);
  });

  it('merges a finding with one span only, when the judge reports the term twice', async () => {
    const findings = await googleFindings();
    const r = mergeGlossaryFindings(report([judgment(3, [term('Supply Security Agreement'), term('Supply Security Agreement (SOSA)')])]), { google: findings }, judgedParagraphs());
    expect(r.judgments.google![0]!.spans.map((s) => Boolean(s.glossary))).toEqual([true, false]);
  });
});
