import { describe, it, expect } from 'vitest';
import { headIndex, isAcronym, pluralForms, pluralWord, preferredPlural } from '../../src/glossary/inflect.js';

describe('pluralWord', () => {
  it.each([
    ['Interceptor', ['Interceptors']],
    ['agency', ['agencies']],
    ['Ministry', ['Ministries']],
    ['Day', ['Days']],
    ['tax', ['taxes']],
    ['Branch', ['Branches']],
    ['Process', ['Processes']],
    ['Status', ['Statuses']],
    ['Memorandum', ['Memoranda', 'Memorandums']],
    ['criterion', ['criteria']],
    ['Analysis', ['Analyses']],
    ['Chairman', ['Chairmen']],
    ['MOU', ['MOUs']],
    ['GPI', ['GPIs']],
    ['RDT&E', ['RDT&Es']],
    ['Forces', []],
    ['Affairs', []],
    ['aircraft', []],
    ['Series', []],
  ])('%s → %j', (word, plurals) => {
    expect(pluralWord(word)).toEqual(plurals);
  });

  it('gives an acronym a lower-case s, never an upper-case one', () => {
    expect(pluralWord('MOU')).not.toContain('MOUS');
    expect(pluralWord('GPI')).not.toContain('GPIS');
  });
});

describe('headIndex', () => {
  it.each([
    [['Memorandum', 'of', 'Understanding'], 0],
    [['Ministry', 'for', 'Foreign', 'Affairs'], 0],
    [['Glide', 'Phase', 'Interceptor'], 2],
    [['Security', 'of', 'Supply', 'Arrangement'], 0],
    [['Agreement', 'between', 'Japan', 'and', 'the', 'United', 'States'], 0],
  ])('%j → %i', (words, head) => {
    expect(headIndex(words)).toBe(head);
  });
});

describe('pluralForms', () => {
  it.each([
    ['Memorandum of Understanding', ['Memoranda of Understanding', 'Memorandums of Understanding']],
    ['Glide-Phase Interceptor', ['Glide-Phase Interceptors']],
    ['Department of Defense', ['Departments of Defense']],
    ['surface-to-surface missile', ['surface-to-surface missiles']],
    ['ground-to-air Missile Defense System', ['ground-to-air Missile Defense Systems']],
    ['Japan Self-Defense Forces', []],
    ['Chief of Staff', ['Chiefs of Staff']],
  ])('%s → %j', (phrase, plurals) => {
    expect(pluralForms(phrase)).toEqual(plurals);
  });

  it('falls back to the phrase itself when it has no plural', () => {
    expect(preferredPlural('Japan Self-Defense Forces')).toBe('Japan Self-Defense Forces');
    expect(preferredPlural('Memorandum of Understanding')).toBe('Memoranda of Understanding');
  });
});

describe('isAcronym', () => {
  it.each([
    ['GPI', true],
    ['JSDF', true],
    ['RDT&E', true],
    ['F-35', true],
    ['DoD', false],
    ['Interceptor', false],
    ['G', false],
    ['123', false],
  ])('%s → %s', (word, expected) => {
    expect(isAcronym(word)).toBe(expected);
  });
});
