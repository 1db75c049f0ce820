/**
 * The shipped content against the real checker: glossary.yaml loads and passes its own tests,
 * every corpus reference passes the term checks, and the flawed fixture yields exactly the
 * errors listed in its ERRORS.md.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGlossary, runGlossarySelfTests } from '../../src/glossary/index.js';
import { createCheckTools, prepareSource, checkTranslation, fixesToApply } from '../../src/checks/index.js';
import type { CheckTools } from '../../src/checks/index.js';
import type { Finding } from '../../src/core/types.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const corpusDir = join(root, 'corpus');
const flawedDir = join(root, 'tests/fixtures/corpus/flawed');
const precisionDir = join(root, 'tests/fixtures/corpus/precision');

const glossaryPromise = loadGlossary(join(root, 'glossary.yaml'));

async function check(sourcePath: string, translationPath: string): Promise<Finding[]> {
  const tools: CheckTools = createCheckTools(await glossaryPromise);
  const source = prepareSource({ file: sourcePath, text: readFileSync(sourcePath, 'utf8') }, tools);
  return checkTranslation(source, { file: translationPath, text: readFileSync(translationPath, 'utf8') }, tools).findings;
}

describe('glossary.yaml', () => {
  it('loads and passes every self-test of every entry', async () => {
    const glossary = await glossaryPromise;
    const results = runGlossarySelfTests(glossary);
    expect(results.length).toBeGreaterThanOrEqual(glossary.entries.length * 2);
    expect(results.filter((r) => !r.passed).map((r) => `${r.entryId} (line ${r.location.line}): ${r.message}`)).toEqual([]);
  });
});

describe('corpus references', () => {
  const slugs = readdirSync(corpusDir).filter((name) => statSync(join(corpusDir, name)).isDirectory());

  it.each(slugs)('%s: the reference passes the term checks', async (slug) => {
    // source-corrupted speaks of the source (its XNUMX placeholders), not of the reference: tests/content/numbers.test.ts.
    const findings = (await check(join(corpusDir, slug, 'source.vi.txt'), join(corpusDir, slug, 'reference.en.txt'))).filter((f) => f.ruleId !== 'source-corrupted');
    expect(findings.map((f) => `${f.paragraph} ${f.ruleId} ${f.termId}: ${f.message}`)).toEqual([]);
  });
});

describe('fixture: flawed translation', () => {
  it('yields exactly the errors documented in ERRORS.md', async () => {
    const documented = readFileSync(join(flawedDir, 'ERRORS.md'), 'utf8')
      .split(/^## /m)
      .find((s) => s.startsWith('Errors'))!
      .split('\n')
      .filter((line) => /^\|\s*\d+\s*\|/.test(line))
      .map((line) => {
        const [paragraph, termId, ruleId] = line.split('|').slice(1, 4).map((c) => c.trim());
        return `${paragraph} ${ruleId} ${termId}`;
      });
    const findings = await check(join(flawedDir, 'source.vi.txt'), join(flawedDir, 'flawed.en.txt'));
    // ERRORS.md lists the term errors; the numbers of this fixture are tested in tests/content/numbers.test.ts.
    const found = findings.filter((f) => f.ruleId.startsWith('term-')).map((f) => `${f.paragraph} ${f.ruleId} ${f.termId}`);
    expect(found.sort()).toEqual(documented.sort());
  });
});

describe('fixture: precision on a real-style translation', () => {
  it('raises no error, and only the warning NOTES.md lists, whose fix --fix leaves alone', async () => {
    const findings = await check(join(precisionDir, 'source.vi.txt'), join(precisionDir, 'reference.en.txt'));
    const expected = readFileSync(join(precisionDir, 'NOTES.md'), 'utf8')
      .split(/^## /m)
      .find((s) => s.startsWith('Expected findings'))!
      .split('\n')
      .filter((line) => /^\|\s*\d+\s*\|/.test(line))
      .map((line) => line.split('|').slice(1, 5).map((c) => c.trim().replace(/`/g, '')).join(' '));
    expect(findings.map((f) => `${f.paragraph} ${f.ruleId} ${f.severity} ${f.actual}`)).toEqual(expected);
    expect(fixesToApply(findings, join(precisionDir, 'reference.en.txt'))).toEqual([]);
    expect(fixesToApply(findings, join(precisionDir, 'reference.en.txt'), { unsafe: true })).toHaveLength(1);
  });
});
