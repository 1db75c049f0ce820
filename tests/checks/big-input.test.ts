/**
 * Inputs bigger than a call's argument list: a call with `...list` puts every element on the
 * stack, and past ~125,000 elements V8 throws "Maximum call stack size exceeded". One paragraph
 * (or one file) with more term occurrences or findings than that must check like any other.
 */
import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../src/glossary/load.js';
import { checkTranslation, createCheckTools, prepareSource } from '../../src/checks/index.js';

/** More than the ~125,000 arguments a call takes on Node 20's default stack. */
const MANY = 150_000;

const tools = createCheckTools(
  parseGlossary(
    `version: 1
entries:
  - id: mou
    vi: Biên bản ghi nhớ
    en: memorandum
    forbidden: [memo note]
`,
    'glossary.yaml',
  ),
);

describe('a paragraph with more occurrences than a call takes arguments', () => {
  it('counts every term occurrence rendered the approved way', () => {
    // One paragraph, no line break: "Biên bản ghi nhớ, Biên bản ghi nhớ, …".
    const source = prepareSource({ file: 'a.vi.txt', text: 'Biên bản ghi nhớ, '.repeat(MANY) + 'hết.' }, tools);
    const result = checkTranslation(source, { file: 'a.en.txt', text: 'memorandum, '.repeat(MANY) + 'end.' }, tools);
    // Every check runs and none reports: English is shorter, but exactly by what the terms' rendering weighs (length-ratio).
    expect(result.findings.map((f) => f.ruleId)).toEqual([]);
    expect(result.outcomes).toHaveLength(MANY);
    expect(result.outcomes.every((o) => o.approved && o.rendering === 'memorandum')).toBe(true);
  });

  it('reports every forbidden rendering, each with its fix, in text order', () => {
    const source = prepareSource({ file: 'a.vi.txt', text: 'Biên bản ghi nhớ; '.repeat(MANY) }, tools);
    const result = checkTranslation(source, { file: 'a.en.txt', text: 'memo note; '.repeat(MANY) }, tools);
    const forbidden = result.findings.filter((f) => f.ruleId === 'term-forbidden');
    expect(forbidden).toHaveLength(MANY);
    expect(result.findings.length - forbidden.length).toBeLessThanOrEqual(1);
    const last = forbidden.at(-1)!;
    expect(last.ruleId).toBe('term-forbidden');
    expect(last.fix).toEqual({ range: [(MANY - 1) * 11, (MANY - 1) * 11 + 9], text: 'memorandum' });
    expect(last.span?.start).toEqual({ line: 1, column: (MANY - 1) * 11 + 1, offset: (MANY - 1) * 11 });
    // Every occurrence is paired with its own source term, in order.
    expect(last.source?.span.start.offset).toBe((MANY - 1) * 18);
  });
});
