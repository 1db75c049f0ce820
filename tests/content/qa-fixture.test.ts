/**
 * The QA fixture (tests/fixtures/corpus/qa) through the CLI, as a user runs it: every planted error
 * of ERRORS.md is found, nothing else, and the correct translations raise nothing.
 */
import { describe, expect, it, afterEach } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runVitrans } from '../cli/run-cli.js';

const ROOT = resolve(import.meta.dirname, '../..');
const QA = join(ROOT, 'tests/fixtures/corpus/qa');

/** The rows of the Markdown table under a heading of ERRORS.md. */
function tableRows(heading: string): string[][] {
  const section = readFileSync(join(QA, 'ERRORS.md'), 'utf8').split(/^## /m).find((s) => s.startsWith(heading)) ?? '';
  return section
    .split('\n')
    .filter((line) => /^\| [a-z-]+ \| \d+ \|/.test(line))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}
const code = (cell: string): string => /`([^`]+)`/.exec(cell)?.[1] ?? '';
const paragraphs = (file: string): string[] => readFileSync(file, 'utf8').trim().split(/\n\s*\n/);

interface JsonFinding {
  file: string;
  paragraph: number;
  ruleId: string;
  severity: string;
}

describe('fixture: QA (acronyms, omissions, mechanical errors, consistency)', () => {
  const errors = tableRows('Errors');
  let work: string | undefined;
  afterEach(() => work && rmSync(work, { recursive: true, force: true }));

  it('documents errors of every new check, each in its flawed paragraph, which differs from the correct one', () => {
    expect(new Set(errors.map((r) => r[2]))).toEqual(
      new Set(['acronym-mismatch', 'quote-mismatch', 'length-ratio', 'verbatim-mismatch', 'doubled-word', 'term-inconsistent', 'double-space', 'bracket-mismatch', 'final-punctuation', 'inconsistent-translation']),
    );
    for (const [article, para, rule, , wrong] of errors) {
      const i = Number(para) - 1;
      const flawed = paragraphs(join(QA, article!, 'flawed.en.txt'))[i];
      expect(flawed, `${article} ${para}`).toContain(code(wrong!));
      // A consistency finding points at the later of two sentences, which may itself be the right one.
      if (rule !== 'inconsistent-translation') expect(paragraphs(join(QA, article!, 'correct.en.txt'))[i], `${article} ${para}`).not.toBe(flawed);
    }
    for (const [article, para, text] of tableRows('Must not be flagged')) {
      expect(paragraphs(join(QA, article!, 'correct.en.txt'))[Number(para) - 1], `${article} ${para}`).toContain(code(text!));
    }
  });

  it('finds exactly the planted errors, across both articles, and nothing in the correct translations', async () => {
    const r = await runVitrans(['check', QA, '--format', 'json'], { cwd: ROOT });
    expect(r.stderr).toBe('');
    const findings = JSON.parse(r.stdout).findings as JsonFinding[];
    const found = findings.map((f) => `${f.file.split('/').slice(-2).join('/')} ${f.paragraph} ${f.ruleId} ${f.severity}`);
    const documented = errors.map(([article, para, rule, severity]) => `${article}/flawed.en.txt ${para} ${rule} ${severity}`);
    expect(found.sort()).toEqual(documented.sort());
    expect(r.code).toBe(1);
  });

  it('--fix repairs the doubled word, the double space and the URL, and nothing else', async () => {
    work = mkdtempSync(join(tmpdir(), 'vitrans-qa-'));
    cpSync(QA, work, { recursive: true });
    const file = join(work, 'air-defense-drill/flawed.en.txt');
    const before = readFileSync(file, 'utf8');
    const r = await runVitrans(['check', work, '--fix', '--format', 'json'], { cwd: ROOT });
    expect(r.stderr).toMatch(/fixed 3 findings \(1 verbatim-mismatch, 1 doubled-word, 1 double-space\) in 1 file/);
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(
      before
        .replace('https://www.mod.go.jp/asdf/news/2024/0410,', 'https://www.mod.go.jp/asdf/news/2024/0410.html,')
        .replace('the the Japan', 'the Japan')
        .replace('results  with', 'results with'),
    );
    const left = (JSON.parse(r.stdout).findings as JsonFinding[]).map((f) => f.ruleId);
    expect(left).not.toContain('doubled-word');
    expect(left).not.toContain('double-space');
    expect(left).toHaveLength(errors.length - 3);
  });
});
