/**
 * `vitrans check` on a file with more findings than a call takes arguments (~125,000): it used
 * to end in exit 3, "Maximum call stack size exceeded", from `push(...findings)` and
 * `Math.max(...widths)`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runVitrans } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'vitrans-big-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vitrans check on a file with 150,000 findings', () => {
  it('reports every one of them as text, and exits 1', async () => {
    writeFileSync(join(dir, 'glossary.yaml'), 'version: 1\nentries:\n  - id: mou\n    vi: Biên bản ghi nhớ\n    en: memorandum\n    forbidden: [memo note]\n');
    // 150 paragraphs of 1,000 occurrences each: the findings of one file add up past the limit.
    const paragraphs = 150;
    writeFileSync(join(dir, 'source.vi.txt'), Array.from({ length: paragraphs }, () => 'Biên bản ghi nhớ; '.repeat(1000).trim()).join('\n\n') + '\n');
    writeFileSync(join(dir, 'deepl.en.txt'), Array.from({ length: paragraphs }, () => 'memo note; '.repeat(1000).trim()).join('\n\n') + '\n');
    const r = await runVitrans(['check', 'source.vi.txt', 'deepl.en.txt', '-o', 'report.txt'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = readFileSync(join(dir, 'report.txt'), 'utf8');
    expect(report).toContain('✖ 150000 errors, 0 warnings in 1 file');
    expect(report).toContain('150000 of them fixable with --fix');
    // The widest place sets the column: "299:10990" is the last finding's.
    expect(report).toMatch(/\n {2}299:10990 {2}error {2}"memo note" is a forbidden rendering/);
  }, 120_000);
});
