import { describe, expect, it } from 'vitest';
import { acronymIntroductions, findAcronyms } from '../../src/text/acronyms.js';

describe('findAcronyms', () => {
  it.each([
    ['plain and with "&"', 'ký MOU về RDT&E', [['MOU', 'MOU', ['MOU']], ['RDT&E', 'RDT&E', ['RDT&E']]]],
    ['plural', 'two MOUs and GPIs', [['MOUs', 'MOU', ['MOU']], ['GPIs', 'GPI', ['GPI']]]],
    ['hyphenated, with parts', 'J-JOC and SM-3', [['J-JOC', 'JJOC', ['J', 'JOC']], ['SM-3', 'SM3', ['SM', '3']]]],
    ['possessive apostrophe outside', "the MOU's terms", [['MOU', 'MOU', ['MOU']]]],
  ])('%s', (_name, text, expected) => {
    expect(findAcronyms(text).map((t) => [t.text, t.key, t.parts])).toEqual(expected);
  });

  it.each([
    ['Roman numerals', 'World War II and XXI'],
    ['one capital', 'F-35 and A-10 and I'],
    ['mixed case', 'DoD, SoSA, Block-IIA, iPhone'],
    ['glued to other letters', 'MOUđ, preMOU'],
  ])('ignores %s', (_name, text) => {
    expect(findAcronyms(text)).toEqual([]);
  });

  it('gives offsets into the text, in a range of it', () => {
    const text = 'Hai bên ký MOU và SOSA.';
    const [sosa] = findAcronyms(text, text.indexOf('và'));
    expect(sosa).toMatchObject({ start: text.indexOf('SOSA'), end: text.indexOf('SOSA') + 4 });
  });
});

describe('acronymIntroductions', () => {
  it.each([
    ['initials', 'the Glide Phase Interceptor (GPI) program', 'GPI', 'Glide'],
    ['letters inside words ("Headquarters" gives H and Q)', 'a new Permanent Joint Headquarters (PJHQ)', 'PJHQ', 'Permanent'],
    ['small words that spell letters', 'a Security of Supply Arrangement (SOSA)', 'SOSA', 'Security'],
    ['"&" and a comma list', 'for research, development, test and evaluation (RDT&E) projects', 'RDT&E', 'research'],
    ['hyphenated words', 'the Japan Self-Defense Forces (JSDF)', 'JSDF', 'Japan'],
    ['a plural acronym', 'two Memoranda of Understanding (MOUs)', 'MOU', 'Memoranda'],
    ['an ignored placeholder part', 'the Standard Missile (SM-XNUMX) Block IIA', 'SMXNUMX', 'Standard'],
    ['the acronym first', 'PJHQ (Permanent Joint Headquarters) will', 'PJHQ', 'PJHQ'],
  ])('%s', (_name, text, key, from) => {
    const [intro, ...rest] = acronymIntroductions(text, new Set(['XNUMX']));
    expect(rest).toEqual([]);
    expect(intro).toMatchObject({ key, from: text.indexOf(from) });
  });

  it.each([
    ['letters the words do not spell', 'a Supply Security Agreement (SOSA)'],
    ['a word in brackets that is no acronym', 'the plan (approved) went ahead'],
    ['a bracket that is not closed', 'the Glide Phase Interceptor (GPI'],
    ['a long form in another paragraph', 'Glide Phase Interceptor\n\n(GPI)'],
  ])('finds none for %s', (_name, text) => {
    expect(acronymIntroductions(text)).toEqual([]);
  });
});
