import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseGlossary } from '../../src/glossary/load.js';
import { runGlossarySelfTests } from '../../src/glossary/selftest.js';

const path = fileURLToPath(new URL('./fixtures/defense.yaml', import.meta.url));
const glossary = parseGlossary(readFileSync(path, 'utf8'), path);

describe('runGlossarySelfTests', () => {
  const results = runGlossarySelfTests(glossary);

  it('runs every test of every entry, in order', () => {
    expect(results).toHaveLength(glossary.entries.reduce((n, e) => n + e.tests.length, 0));
    expect(results.map((r) => r.entryId).slice(0, 5)).toEqual(Array(5).fill('glide-phase-interceptor'));
  });

  it('reports a failing spec with its YAML line and what was found', () => {
    const failed = results.filter((r) => !r.passed);
    expect(failed).toEqual([
      {
        entryId: 'us-department-of-defense',
        test: { kind: 'en', text: 'the Ministry of Defense said', line: 62, column: 9 },
        passed: false,
        message: 'en: no approved rendering in "the Ministry of Defense said"',
        location: { file: path, line: 62, column: 9 },
      },
    ]);
  });

  it('passes vi, not_vi, en, not_en and fix specs that hold', () => {
    const gpi = results.filter((r) => r.entryId === 'glide-phase-interceptor');
    expect(gpi.map((r) => [r.test.kind, r.passed])).toEqual([
      ['vi', true], ['not_vi', true], ['en', true], ['not_en', true], ['fix', true],
    ]);
    expect(gpi[3]?.message).toMatch(/acronym before its expansion/);
    expect(gpi[4]?.message).toBe('fix: "Two flight phase interceptors were ordered." → "Two Glide Phase Interceptors were ordered."');
  });

  const spec = (tests: string): ReturnType<typeof runGlossarySelfTests> =>
    runGlossarySelfTests(
      parseGlossary(
        `version: 1\nentries:\n  - vi: Thiết bị đánh chặn pha bay\n    en: Glide Phase Interceptor\n    acronym: GPI\n    forbidden: [flight phase interceptor]\n    tests:\n${tests}`,
        'g.yaml',
      ),
    );

  it('passes a fix spec whose approved rendering starts with an article already in the text', () => {
    const results = runGlossarySelfTests(
      parseGlossary(
        'version: 1\nentries:\n  - vi: Lầu Năm Góc\n    en: the Pentagon\n    forbidden: [Five Corner Building]\n    tests:\n' +
          '      - fix: { from: "the Five Corner Building said", to: "the Pentagon said" }\n' +
          '      - fix: { from: "The Five Corner Building said.", to: "The Pentagon said." }\n',
        'g.yaml',
      ),
    );
    expect(results.map((r) => [r.passed, r.message])).toEqual([
      [true, 'fix: "the Five Corner Building said" → "the Pentagon said"'],
      [true, 'fix: "The Five Corner Building said." → "The Pentagon said."'],
    ]);
  });

  it.each([
    ['vi not found', '      - vi: "Thiết bị đánh chặn tên lửa"\n', /^vi: "Thiết bị đánh chặn pha bay" not found in/],
    ['not_vi found (old tone marks, NFD)', `      - not_vi: "${'Thiết bị đánh chặn pha bay'.normalize('NFD')}"\n`, /^not_vi: found "/],
    ['en with only a forbidden rendering', '      - en: "the flight phase interceptor"\n', /^en: no approved rendering in ".*" \(only forbidden "flight phase interceptor"\)$/],
    ['not_en with an approved rendering', '      - not_en: "Glide-Phase Interceptors"\n', /^not_en: found canonical rendering "Glide-Phase Interceptors"/],
    ['fix with nothing to fix', '      - fix: { from: "the Glide Phase Interceptor", to: "the Glide Phase Interceptor" }\n', /^fix: no forbidden rendering found in/],
    ['fix giving another text', '      - fix: { from: "a flight phase interceptor", to: "a GPI" }\n', /^fix: "a flight phase interceptor" became "a Glide Phase Interceptor", expected "a GPI"$/],
  ])('fails a spec that does not hold: %s', (_name, tests, message) => {
    const [result] = spec(tests);
    expect(result?.passed).toBe(false);
    expect(result?.message).toMatch(message);
    expect(result?.location).toEqual({ file: 'g.yaml', line: 8, column: 9 });
  });
});
