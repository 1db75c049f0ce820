import { describe, it, expect } from 'vitest';
import { categoryOf, parseJudgeAnswer } from '../../src/judge/parse.js';

const SPAN = {
  category: 'terminology',
  severity: 'major',
  span: 'Supply Security Agreement',
  source: 'Thoả thuận An ninh Cung ứng',
  explanation: 'the arrangement is the Security of Supply Arrangement',
};

describe('parseJudgeAnswer', () => {
  it('reads a well-formed JSON-mode answer', () => {
    const parsed = parseJudgeAnswer(JSON.stringify({ errors: [SPAN, { category: 'fluency/punctuation', severity: 'minor', span: ',,', source: '', explanation: 'doubled comma' }] }));
    expect(parsed).toEqual({
      status: 'judged',
      dropped: 0,
      errors: [
        { category: 'terminology', label: 'terminology', severity: 'major', span: 'Supply Security Agreement', side: 'translation', sourceSpan: 'Thoả thuận An ninh Cung ứng', explanation: 'the arrangement is the Security of Supply Arrangement' },
        { category: 'fluency/punctuation', label: 'fluency/punctuation', severity: 'minor', span: ',,', side: 'translation', explanation: 'doubled comma' },
      ],
    });
  });

  it('finds the JSON inside a code fence or inside prose', () => {
    const fenced = parseJudgeAnswer('Here is my annotation:\n```json\n' + JSON.stringify({ errors: [SPAN] }, null, 2) + '\n```\nLet me know if you need more.');
    const prose = parseJudgeAnswer(`Sure. The translation has one problem: {"errors": [${JSON.stringify(SPAN)}]} That is all {not json}.`);
    for (const parsed of [fenced, prose]) {
      expect(parsed.status).toBe('judged');
      expect(parsed.status === 'judged' && parsed.errors.map((e) => e.span)).toEqual(['Supply Security Agreement']);
    }
  });

  it('reads a bare array and braces inside strings', () => {
    const parsed = parseJudgeAnswer('[{"category": "Accuracy/Addition", "severity": "Critical", "span": "(see {note} here)"}]');
    expect(parsed).toMatchObject({ status: 'judged', errors: [{ category: 'accuracy/addition', severity: 'critical', span: '(see {note} here)' }] });
  });

  it('keeps an unknown category as "other" with the judge\'s own label', () => {
    const parsed = parseJudgeAnswer(JSON.stringify({ errors: [{ category: 'Cultural reference', severity: 'minor', span: 'Tet holiday' }] }));
    expect(parsed).toMatchObject({ status: 'judged', errors: [{ category: 'other', label: 'Cultural reference', severity: 'minor' }] });
  });

  it('reads an empty error list as judged with nothing found', () => {
    expect(parseJudgeAnswer('{"errors": []}')).toEqual({ status: 'judged', errors: [], dropped: 0 });
    expect(parseJudgeAnswer('```\n{"errors":[]}\n```')).toEqual({ status: 'judged', errors: [], dropped: 0 });
  });

  it('skips explicit "no error" entries and counts items it cannot use', () => {
    const parsed = parseJudgeAnswer(
      JSON.stringify({ errors: [{ category: 'no-error', severity: 'minor', span: '' }, { category: 'style', severity: 'neutral', span: 'x' }, { category: 'style', severity: 'severe', span: 'rather' }, 'a string', SPAN] }),
    );
    expect(parsed).toMatchObject({ status: 'judged', dropped: 2, errors: [{ span: 'Supply Security Agreement' }] });
  });

  it('takes an omission quoted only by its source words as a source-side span', () => {
    const parsed = parseJudgeAnswer(JSON.stringify({ errors: [{ category: 'accuracy/omission', severity: 'major', span: '', source: 'vào tháng 3 năm 2023' }] }));
    expect(parsed).toMatchObject({ status: 'judged', errors: [{ category: 'accuracy/omission', side: 'source', span: 'vào tháng 3 năm 2023' }] });
  });

  it('reports a refusal, from the refusal field or in prose', () => {
    expect(parseJudgeAnswer('', "I'm sorry, I can't assist with that request.")).toEqual({ status: 'refused', note: "I'm sorry, I can't assist with that request." });
    expect(parseJudgeAnswer('I cannot evaluate content about military cooperation.')).toEqual({ status: 'refused', note: 'I cannot evaluate content about military cooperation.' });
  });

  it('calls an answer without JSON, or with JSON but no list, unreadable', () => {
    expect(parseJudgeAnswer('The translation looks mostly fine, with one terminology issue.')).toMatchObject({ status: 'unreadable' });
    expect(parseJudgeAnswer('')).toEqual({ status: 'unreadable', note: 'the answer was empty' });
    expect(parseJudgeAnswer('{"score": -5, "comment": "ok"}')).toMatchObject({ status: 'unreadable' });
    expect(parseJudgeAnswer('{"errors": [')).toMatchObject({ status: 'unreadable' });
  });
});

describe('categoryOf', () => {
  it.each([
    ['Accuracy/Mistranslation', 'accuracy/mistranslation'],
    ['accuracy - omission', 'accuracy/omission'],
    ['Accuracy > Addition', 'accuracy/addition'],
    ['accuracy/untranslated text', 'accuracy/untranslated'],
    ['Fluency: Grammar', 'fluency/grammar'],
    ['fluency/spelling', 'fluency/spelling'],
    ['Fluency/Punctuation', 'fluency/punctuation'],
    ['Terminology/inconsistent use of terminology', 'terminology'],
    ['Style/Awkward', 'style'],
    ['Locale convention/date format', 'locale-convention'],
    ['Non-translation', 'other'],
    ['no-error', 'no-error'],
  ])('%s → %s', (label, category) => {
    expect(categoryOf(label)).toBe(category);
  });
});
