import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../src/glossary/load.js';
import { applyFixes } from '../../src/glossary/fix.js';
import { checkTranslation, checksById, createCheckTools, fixesToApply, prepareSource } from '../../src/checks/index.js';
import type { Finding } from '../../src/core/types.js';
import { blankMarkdownCode } from '../../src/formats/markdown/checkable.js';

/** A small glossary in the shipped format, for check tests. */
export const GLOSSARY_YAML = `version: 1
entries:
  - id: glide-phase-interceptor
    vi: Thiết bị đánh chặn pha bay
    en: Glide Phase Interceptor
    acronym: GPI
    forbidden:
      - flight phase interceptor
      - gliding phase interceptor
  - id: mou
    vi: Biên bản ghi nhớ
    en: Memorandum of Understanding
    acronym: MOU
    forms: [Memoranda of Understanding]
    forbidden:
      - text: memo of understanding
  - id: us-dod
    vi: Bộ Quốc phòng Hoa Kỳ
    vi_variants: [Bộ Quốc phòng Mỹ]
    en: U.S. Department of Defense
    accepted: [Department of Defense]
  - id: japan-mod
    vi: Bộ Quốc phòng Nhật Bản
    en: Japanese Ministry of Defense
    accepted: [Ministry of Defense]
    forbidden:
      - text: Japanese Department of Defense
        use: Japanese Ministry of Defense
  - id: sosa
    vi: Thỏa thuận An ninh Cung ứng
    en: Security of Supply Arrangement
    acronym: SOSA
    forbidden:
      - text: Supply Security Agreement
`;

/** Checks `target` against `source` with the test glossary and returns the findings. */
export function check(source: string, target: string) {
  return checkWith(GLOSSARY_YAML, source, target);
}

/** Checks `target` against `source` with a glossary given as YAML (all checks, or the ones named). */
export function checkWith(
  glossaryYaml: string,
  source: string,
  target: string,
  checks?: readonly string[],
  options: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {},
) {
  const glossary = parseGlossary(glossaryYaml, 'glossary.yaml');
  const tools = createCheckTools(glossary, { ...(checks ? { checks: checksById(checks) } : {}), options });
  const prepared = prepareSource({ file: 'a.vi.txt', text: source }, tools);
  return checkTranslation(prepared, { file: 'a.en.txt', text: target }, tools);
}

/** Checks a Markdown `target` against a Markdown `source` (a.vi.md, a.en.md) as `vitrans check` reads them: code blanked. */
export function checkMarkdownWith(glossaryYaml: string, source: string, target: string, checks?: readonly string[]) {
  const tools = createCheckTools(parseGlossary(glossaryYaml, 'glossary.yaml'), checks ? { checks: checksById(checks) } : {});
  const prepared = prepareSource({ file: 'a.vi.md', text: blankMarkdownCode(source) }, tools);
  return checkTranslation(prepared, { file: 'a.en.md', text: blankMarkdownCode(target) }, tools);
}

/** Some of the fields of a value, at any depth (what `toMatchObject` compares). */
export type DeepPartial<T> = {
  [K in keyof T]?: NonNullable<T[K]> extends readonly unknown[] ? T[K] : NonNullable<T[K]> extends object ? DeepPartial<NonNullable<T[K]>> : T[K];
};

/** A case a rule must report: the findings it gives (each matched as an object) and, for a fix, the text after `--fix`. */
export interface InvalidCase {
  name: string;
  source: string;
  target: string;
  findings: DeepPartial<Finding>[];
  fixed?: string;
}

/**
 * Table-driven tests of one rule, in the manner of ESLint's RuleTester: `valid` cases
 * ([name, source, target]) raise nothing from it; `invalid` cases raise exactly the findings given,
 * in text order, and `--fix` gives `fixed`. With `markdown`, both are Markdown files (code blanked).
 */
export function ruleTester(
  ruleId: string,
  cases: { valid: [string, string, string][]; invalid: InvalidCase[] },
  glossaryYaml = GLOSSARY_YAML,
  options: { markdown?: boolean } = {},
): void {
  const run = (source: string, target: string) =>
    options.markdown ? checkMarkdownWith(glossaryYaml, source, target, [ruleId]).findings : checkWith(glossaryYaml, source, target, [ruleId]).findings;
  const kind = options.markdown ? ' (Markdown)' : '';
  describe(`${ruleId}: valid${kind}`, () => {
    it.each(cases.valid)('%s', (_name, source, target) => {
      expect(run(source, target)).toEqual([]);
    });
  });
  describe(`${ruleId}: invalid${kind}`, () => {
    it.each(cases.invalid.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const findings = run(c.source, c.target);
      expect(findings).toHaveLength(c.findings.length);
      c.findings.forEach((want, i) => expect(findings[i]).toMatchObject({ ruleId, ...want }));
      if (c.fixed !== undefined) expect(applyFixes(c.target, fixesToApply(findings, options.markdown ? 'a.en.md' : 'a.en.txt'))).toBe(c.fixed);
    });
  });
}
