/**
 * number-mismatch and source-corrupted on the shipped content: the corpus references raise no
 * number-mismatch and exactly the source-corrupted warnings README.md explains; the numbers
 * fixture's correct translation raises nothing and its flawed one exactly the errors of its ERRORS.md.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGlossary } from '../../src/glossary/index.js';
import { checkTranslation, checksById, createCheckTools, prepareSource } from '../../src/checks/index.js';
import type { Finding } from '../../src/core/types.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(root, 'tests/fixtures/numbers');
const glossaryPromise = loadGlossary(join(root, 'glossary.yaml'));

async function check(sourcePath: string, translationPath: string): Promise<Finding[]> {
  const tools = createCheckTools(await glossaryPromise, checksById(['number-mismatch', 'source-corrupted']));
  const source = prepareSource({ file: sourcePath, text: readFileSync(sourcePath, 'utf8') }, tools);
  return checkTranslation(source, { file: translationPath, text: readFileSync(translationPath, 'utf8') }, tools).findings;
}

/** One line per finding; the source passage in NFC (paragraph 4 of the numbers fixture is NFD). */
const line = (f: Finding): string => `${f.paragraph} ${f.ruleId} ${f.severity} ${f.source?.text.normalize('NFC') ?? ''} | ${f.actual ?? ''}`;

describe('corpus references', () => {
  it('japan-us-defense-industry: no number is wrong; the five passages with XNUMX placeholders or scrambled dates cannot be verified', async () => {
    const dir = join(root, 'corpus/japan-us-defense-industry');
    const findings = await check(join(dir, 'source.vi.txt'), join(dir, 'reference.en.txt'));
    expect(findings.map(line)).toEqual([
      '2 source-corrupted warning ngày 25 tháng XNUMX | XNUMX 25',
      '2 source-corrupted warning ngày 10 tháng 2024 năm XNUMX | XNUMX 10, 2024',
      '5 source-corrupted warning tháng 2023 năm 3 | 2023',
      '5 source-corrupted warning Block-XNUMX | SM-XNUMX',
      '6 source-corrupted warning ngày 22 tháng XNUMX | XNUMX 22',
    ]);
  });

  it('vietnam-japan-defense-cooperation: nothing', async () => {
    const dir = join(root, 'corpus/vietnam-japan-defense-cooperation');
    expect((await check(join(dir, 'source.vi.txt'), join(dir, 'reference.en.txt'))).map(line)).toEqual([]);
  });

  it('the term-error fixture (the seed reference with wrong terms) has no number errors', async () => {
    const dir = join(root, 'tests/fixtures/corpus/flawed');
    const findings = await check(join(dir, 'source.vi.txt'), join(dir, 'flawed.en.txt'));
    expect(findings.filter((f) => f.ruleId === 'number-mismatch').map(line)).toEqual([]);
  });
});

describe('fixture: numbers', () => {
  it('the correct translation raises nothing', async () => {
    expect((await check(join(fixtures, 'source.vi.txt'), join(fixtures, 'correct.en.txt'))).map((f) => `${f.paragraph}: ${f.message}`)).toEqual([]);
  });

  it('the flawed translation yields exactly the errors documented in ERRORS.md', async () => {
    const documented = readFileSync(join(fixtures, 'ERRORS.md'), 'utf8')
      .split(/^## /m)
      .find((s) => s.startsWith('Errors'))!
      .split('\n')
      .filter((row) => /^\|\s*\d+\s*\|/.test(row))
      .map((row) => {
        const [paragraph, severity, source, translation] = row.split('|').slice(1, 5).map((c) => c.trim().replace(/^`|`$/g, ''));
        return `${paragraph} number-mismatch ${severity} ${source} | ${translation}`;
      });
    expect(documented).toHaveLength(19);
    const findings = await check(join(fixtures, 'source.vi.txt'), join(fixtures, 'flawed.en.txt'));
    expect(findings.map(line).sort()).toEqual(documented.sort());
  });

  it('says in each finding which value is wrong and where in the source it is', async () => {
    const findings = await check(join(fixtures, 'source.vi.txt'), join(fixtures, 'flawed.en.txt'));
    const money = findings.find((f) => f.source?.text === '2,4 tỷ USD')!;
    expect(money.message).toBe('"2,4 tỷ USD" (2.4 billion USD) is rendered as "$2.4 million" (2.4 million USD)');
    expect(money.source!.span.start).toMatchObject({ line: 3 });
    // Paragraph 4 is NFD: the source passage is quoted as written, at its code-point column.
    const nfd = findings.find((f) => f.paragraph === 4 && f.severity === 'warning' && f.source?.text.normalize('NFC') === 'hàng chục')!;
    expect(nfd.source!.text).toBe('hàng chục'.normalize('NFD'));
  });
});
