import { describe, expect, it } from 'vitest';
import { GlossaryError } from '../../src/core/errors.js';
import { allowedContextAt, parseAllowedContext } from '../../src/glossary/allowed-context.js';
import { createEnMatcher } from '../../src/glossary/en-matcher.js';
import { applyFixes, planFixes } from '../../src/glossary/fix.js';
import { parseGlossary } from '../../src/glossary/load.js';
import { runGlossarySelfTests } from '../../src/glossary/selftest.js';
import type { AllowedContext } from '../../src/glossary/types.js';

/** The coast guard entry as glossary.yaml has it: the force's English name changed in 2013. */
const GLOSSARY = `version: 1
entries:
  - id: vietnam-coast-guard
    vi: Cảnh sát biển Việt Nam
    en: Vietnam Coast Guard
    severity: warning
    forbidden:
      - text: Vietnam Sea Police
      - text: Vietnam Marine Police
        note: The English name used until 2013.
        allowed_in:
          - "known as … until"
          - "formerly ..."
          - "renamed from …"
          - "… (then its name)"
    tests:
      - en: "the force, known as the Vietnam Marine Police until 2013"
      - fix: { from: "Vietnam Marine Police vessels", to: "Vietnam Coast Guard vessels" }
`;

const glossary = parseGlossary(GLOSSARY, 'glossary.yaml');
const matcher = createEnMatcher(glossary.entries);

const ctx = (pattern: string): AllowedContext => {
  const parsed = parseAllowedContext(pattern);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
};

describe('allowed contexts of a forbidden rendering', () => {
  it('parses the words before and after the "…" (or "..."), folded', () => {
    expect(ctx('Known as … until')).toEqual({ pattern: 'Known as … until', before: ['known', 'as'], after: ['until'] });
    expect(ctx('formerly ...')).toEqual({ pattern: 'formerly ...', before: ['formerly'], after: [] });
    expect(ctx('“so-called” …')).toEqual({ pattern: '“so-called” …', before: ['so', 'called'], after: [] });
    expect(ctx('… (then its name)').after).toEqual(['(', 'then', 'its', 'name', ')']);
  });

  it.each([
    ['known as until', 'has no "…"'],
    ['… and …', 'more than one'],
    ['  …  ', 'no words around'],
  ])('refuses "%s"', (pattern, error) => {
    expect(parseAllowedContext(pattern)).toEqual({ error: expect.stringContaining(error) });
  });

  const text = (s: string) => ({ s, start: s.indexOf('Vietnam Marine Police'), end: s.indexOf('Vietnam Marine Police') + 'Vietnam Marine Police'.length });
  it.each([
    ['known as the Vietnam Marine Police until 2013', true],
    ['Known As “Vietnam Marine Police” until 2013', true],
    ['known as a Vietnam Marine Police until', true],
    ['known as\nthe Vietnam Marine Police\nuntil 2013', true],
    ['known as the Vietnam Marine Police since 2013', false],
    ['known as, the Vietnam Marine Police until', false],
    ['known as the Vietnam Marine Police.\n\nUntil 2013 it', false],
    ['known as\n\nthe Vietnam Marine Police until 2013', false],
    ['the Vietnam Marine Police until 2013', false],
  ])('"%s" → allowed: %s', (s, allowed) => {
    const t = text(s);
    expect(allowedContextAt(t.s, t.start, t.end, [ctx('known as … until')]) !== undefined).toBe(allowed);
  });

  it('makes the matcher see an allowed use as an accepted rendering, and only there', () => {
    const english = 'The Vietnam Coast Guard, formerly the Vietnam Marine Police, took delivery of two vessels. The Vietnam Marine Police had none.';
    const matches = matcher.find(english).map((m) => [m.text, m.kind, m.allowedBy]);
    expect(matches).toEqual([
      ['Vietnam Coast Guard', 'canonical', undefined],
      ['Vietnam Marine Police', 'accepted', 'formerly ...'],
      ['Vietnam Marine Police', 'forbidden', undefined],
    ]);
  });

  it('keeps --fix away from an allowed use and fixes the others', () => {
    const english = 'The force, renamed from the Vietnam Marine Police in 2013, said the Vietnam Marine Police vessels were old.';
    const fixed = applyFixes(english, planFixes(english, matcher.find(english)));
    expect(fixed).toBe('The force, renamed from the Vietnam Marine Police in 2013, said the Vietnam Coast Guard vessels were old.');
  });

  it('passes the entry self-tests that show it (an allowed use counts as approved)', () => {
    expect(runGlossarySelfTests(glossary).map((r) => [r.test.kind, r.passed])).toEqual([
      ['en', true],
      ['fix', true],
    ]);
    // Without the context the same self-test fails: the test shows the allowance, not the matcher's leniency.
    const without = parseGlossary(GLOSSARY.replace('"known as … until"', '"called … until"'), 'glossary.yaml');
    expect(runGlossarySelfTests(without)[0]!.passed).toBe(false);
  });

  it('reads severity and allowed_in from the glossary', () => {
    const entry = glossary.entries[0]!;
    expect(entry.severity).toBe('warning');
    expect(entry.forbidden[1]!.allowedIn!.map((c) => c.pattern)).toEqual(['known as … until', 'formerly ...', 'renamed from …', '… (then its name)']);
    expect(entry.forbidden[0]!.allowedIn).toBeUndefined();
  });

  const bad: [string, string, string, number, number][] = [
    ['a pattern without "…"', GLOSSARY.replace('"formerly ..."', '"formerly"'), 'allowed context "formerly" in item 2 of `forbidden` in entry 1 has no "…"', 13, 13],
    ['allowed_in that is not a list', GLOSSARY.replace(/allowed_in:\n(\s+- .*\n)+/, 'allowed_in: known as … until\n'), '`allowed_in` of item 2 of `forbidden` in entry 1 must be a list', 11, 21],
    ['an unknown severity', GLOSSARY.replace('severity: warning', 'severity: critical'), 'severity "critical" of entry 1 is not one of error, warning, info', 6, 15],
    ['a misspelt key', GLOSSARY.replace('allowed_in', 'allowed_on'), 'unknown key `allowed_on`', 11, 9],
  ];
  it.each(bad)('stops at %s, with its line and column', (_name, source, message, line, column) => {
    let error: unknown;
    try {
      parseGlossary(source, 'glossary.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GlossaryError);
    expect((error as GlossaryError).message).toContain(message);
    expect((error as GlossaryError).location).toEqual({ file: 'glossary.yaml', line, column });
  });
});
