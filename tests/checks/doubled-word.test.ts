import { describe, expect, it } from 'vitest';
import { checkWith, GLOSSARY_YAML, ruleTester } from './helpers.js';

const VI = 'Hai bên nhất trí thúc đẩy hợp tác quốc phòng.';

ruleTester('doubled-word', {
  valid: [
    ['ordinary text', VI, 'The two sides agreed to advance defense cooperation.'],
    ['"had had" and "that that" are English', VI, 'He said that that plan, which they had had for years, would advance.'],
    ['"is is" after a clause', VI, 'What it is is a plan to advance defense cooperation.'],
    ['a name of two equal words', VI, 'Talks in Bora Bora advanced defense cooperation.'],
    ['words apart from punctuation', VI, 'The plan, plan B, advanced defense cooperation.'],
    ['one word ending a paragraph, the same word starting the next', `${VI}\n\n${VI}`, 'They agreed on cooperation.\n\nCooperation will advance.'],
    ['numbers', VI, 'In rooms 10 10 and 11 they agreed.'],
  ],
  invalid: [
    {
      name: 'a run of the same word, one finding that removes every repeat',
      source: VI,
      target: 'The two sides agreed to advance defense defense defense defense cooperation.',
      findings: [{ severity: 'warning', message: '"defense" is written 4 times in a row', actual: 'defense', span: { start: { line: 1, column: 40 }, end: { line: 1, column: 64 } } }],
      fixed: 'The two sides agreed to advance defense cooperation.',
    },
    {
      name: 'a doubled article, fixed by removing the second',
      source: VI,
      target: 'The two sides agreed to advance the the defense cooperation.',
      findings: [{ severity: 'warning', message: '"the" is written twice', actual: 'the', span: { start: { line: 1, column: 36 }, end: { line: 1, column: 40 } } }],
      fixed: 'The two sides agreed to advance the defense cooperation.',
    },
    {
      name: 'at a sentence start, in another case',
      source: VI,
      target: 'The the two sides agreed.',
      findings: [{ message: '"the" is written twice' }],
      fixed: 'The two sides agreed.',
    },
    {
      name: 'across a line break',
      source: VI,
      target: 'The two sides agreed to\nto advance defense cooperation.',
      findings: [{ message: '"to" is written twice', span: { start: { line: 1, column: 24 } } }],
      fixed: 'The two sides agreed to advance defense cooperation.',
    },
    {
      name: 'two in one paragraph',
      source: VI,
      target: 'The two two sides agreed to to advance cooperation.',
      findings: [{ message: '"two" is written twice' }, { message: '"to" is written twice' }],
      fixed: 'The two sides agreed to advance cooperation.',
    },
  ],
});

describe('doubled-word on a model that repeats itself', () => {
  it('reports a run of 300,000 repeats once, with one fix', () => {
    const target = `The two sides agreed to ${'cooperate '.repeat(300_000)}closely.`;
    const findings = checkWith(GLOSSARY_YAML, VI, target, ['doubled-word']).findings;
    expect(findings.map((f) => f.message)).toEqual(['"cooperate" is written 300000 times in a row']);
    expect(findings[0]!.fix).toEqual({ range: [33, target.length - 'closely.'.length - 1], text: '' });
  });
});

// In Markdown, the markup between two lines of one paragraph (a block quote's `>`, a list item's
// indentation, a hard break's two spaces or backslash) is no text: the words still stand side by side.
const VI_MD = 'Hai bên nhất trí tăng cường hợp tác.';
ruleTester(
  'doubled-word',
  {
    valid: [
      ['a word either side of blanked code at a line start', VI_MD, 'The two sides agreed to strengthen the\n`the` cooperation.'],
      ['the last word of one list item and the first of the next', `- ${VI_MD}\n- ${VI_MD}`, '- The two sides agreed on the\n- The two sides agreed to cooperate.'],
      ['a block quote opening after a line of a paragraph', VI_MD, 'The spokesman said the\n> the two sides agreed to cooperate.'],
    ],
    invalid: [
      {
        name: 'across a line break in a block quote',
        source: `> ${VI_MD}`,
        target: '> The two sides agreed to strengthen the\n> the cooperation.',
        findings: [{ message: '"the" is written twice', span: { start: { line: 1, column: 41 } } }],
        fixed: '> The two sides agreed to strengthen the cooperation.',
      },
      {
        name: 'across a line break in a list item',
        source: `- ${VI_MD}`,
        target: '- The two sides agreed to strengthen the\n  the cooperation.',
        findings: [{ message: '"the" is written twice', span: { start: { line: 1, column: 41 } } }],
        fixed: '- The two sides agreed to strengthen the cooperation.',
      },
      {
        name: 'across a line break in a numbered item inside a block quote',
        source: `> 1. ${VI_MD}`,
        target: '> 1. The two sides agreed to strengthen the\n>    the cooperation.',
        findings: [{ message: '"the" is written twice' }],
        fixed: '> 1. The two sides agreed to strengthen the cooperation.',
      },
      {
        name: 'across a hard line break of two spaces',
        source: VI_MD,
        target: 'The two sides agreed to strengthen the  \nthe cooperation.',
        findings: [{ message: '"the" is written twice', span: { start: { line: 1, column: 39 } } }],
        fixed: 'The two sides agreed to strengthen the cooperation.',
      },
      {
        name: 'across a hard line break of a backslash',
        source: VI_MD,
        target: 'The two sides agreed to strengthen the\\\nthe cooperation.',
        findings: [{ message: '"the" is written twice' }],
        fixed: 'The two sides agreed to strengthen the cooperation.',
      },
    ],
  },
  undefined,
  { markdown: true },
);
