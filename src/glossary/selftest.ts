/**
 * `vitrans glossary test`: run every entry's `tests:` against the real matchers (built over the
 * whole glossary, so competition between entries is part of the test).
 */
import type { EntryTest, Glossary, GlossaryEntry, YamlLocation } from './types.js';
import type { ViMatcher } from './vi-matcher.js';
import type { EnMatcher } from './en-matcher.js';
import { matchersFor } from './compiled.js';
import { applyFixes, planFixes } from './fix.js';

/**
 * The outcome of one self-test, pointing at its line in glossary.yaml.
 * @example { entryId: 'glide-phase-interceptor', test, passed: false,
 *   message: 'en: no approved rendering in "the flight phase interceptor"', location: { file, line: 14, column: 9 } }
 */
export interface SelfTestResult {
  entryId: string;
  test: EntryTest;
  passed: boolean;
  /** One line: what was checked and, on failure, what happened instead. */
  message: string;
  location: YamlLocation;
}

/**
 * Run all entries' self-tests, in glossary order.
 * @example runGlossarySelfTests(glossary).filter((r) => !r.passed)
 */
export function runGlossarySelfTests(glossary: Glossary): SelfTestResult[] {
  const { vi, en } = matchersFor(glossary);
  const results: SelfTestResult[] = [];
  for (const entry of glossary.entries) {
    for (const test of entry.tests) {
      const outcome = runOne(entry, test, vi, en);
      results.push({
        entryId: entry.id,
        test,
        ...outcome,
        location: { file: glossary.file, line: test.line, column: test.column },
      });
    }
  }
  return results;
}

function runOne(entry: GlossaryEntry, test: EntryTest, vi: ViMatcher, en: EnMatcher): { passed: boolean; message: string } {
  switch (test.kind) {
    case 'vi':
    case 'not_vi': {
      const found = vi.find(test.text).find((m) => m.entry.id === entry.id);
      const want = test.kind === 'vi';
      const passed = Boolean(found) === want;
      const message = found
        ? `${test.kind}: found "${found.text}" in "${test.text}"`
        : `${test.kind}: "${entry.vi}" not found in "${test.text}"`;
      return { passed, message };
    }
    case 'en':
    case 'not_en': {
      const index = en.index(test.text);
      const own = index.forEntry(entry.id);
      const approved = own.find((m) => index.satisfies(m));
      const passed = Boolean(approved) === (test.kind === 'en');
      if (approved) return { passed, message: `${test.kind}: found ${approved.kind} rendering "${approved.text}" in "${test.text}"` };
      const other = own[0];
      const instead = other ? ` (only ${other.kind === 'acronym' ? 'the acronym before its expansion' : `${other.kind} "${other.text}"`})` : '';
      return { passed, message: `${test.kind}: no approved rendering in "${test.text}"${instead}` };
    }
    case 'fix': {
      const forbidden = en.find(test.from).filter((m) => m.entry.id === entry.id && m.kind === 'forbidden');
      if (forbidden.length === 0) return { passed: false, message: `fix: no forbidden rendering found in "${test.from}"` };
      const fixed = applyFixes(test.from, planFixes(test.from, forbidden));
      return fixed === test.to
        ? { passed: true, message: `fix: "${test.from}" → "${fixed}"` }
        : { passed: false, message: `fix: "${test.from}" became "${fixed}", expected "${test.to}"` };
    }
  }
}
