import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runVitrans } from './run-cli.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('vitrans glossary', () => {
  it('test: runs every self-test of the shipped glossary', async () => {
    const r = await runVitrans(['glossary', 'test'], { cwd: ROOT });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+ passed, 0 failed \(\d+ entries\)\n$/);
  });

  it('test: a failing self-test names its glossary line and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrans-glossary-'));
    writeFileSync(
      join(dir, 'glossary.yaml'),
      [
        'version: 1',
        'entries:',
        '  - id: mou',
        '    vi: Biên bản ghi nhớ',
        '    en: Memorandum of Understanding',
        '    tests:',
        '      - vi: "Hai bên ký biên bản ghi nhớ."',
        '      - en: "They signed a memo."',
        '',
      ].join('\n'),
    );
    const r = await runVitrans(['glossary', 'test'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/glossary\.yaml:8:\d+: mou: /);
    expect(r.stdout).toMatch(/1 passed, 1 failed \(1 entry\)/);
  });

  it('check: a glossary nested a thousand levels deep is a user error with its place, not a stack overflow', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrans-glossary-'));
    writeFileSync(join(dir, 'glossary.yaml'), `version: 1\nentries:\n  - vi: Bộ Quốc phòng\n    en: ${'{a: '.repeat(1000)}b${'}'.repeat(1000)}\n`);
    writeFileSync(join(dir, 'source.vi.txt'), 'Bộ Quốc phòng Nhật Bản cho biết hợp tác quốc phòng sẽ tiếp tục trong năm tới.\n');
    writeFileSync(join(dir, 'deepl.en.txt'), 'The Ministry of Defense said defence cooperation will continue next year.\n');
    const r = await runVitrans(['check', 'source.vi.txt', 'deepl.en.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vitrans: glossary\.yaml:4:\d+: error: the glossary is nested more than 64 levels deep here/);
    expect(r.stderr).not.toMatch(/call stack|internal error/);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
  });

  it('export: writes the Google CSV and the DeepL TSV of the shipped glossary', async () => {
    const csv = await runVitrans(['glossary', 'export', '--format', 'google-csv'], { cwd: ROOT });
    expect(csv.code).toBe(0);
    expect(csv.stdout).toMatch(/^Thiết bị đánh chặn pha bay,Glide Phase Interceptor\r$/m);

    const out = join(mkdtempSync(join(tmpdir(), 'vitrans-export-')), 'terms.tsv');
    const tsv = await runVitrans(['glossary', 'export', '--format', 'deepl-tsv', '-o', out], { cwd: ROOT });
    expect(tsv.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toContain('Biên bản ghi nhớ\tMemorandum of Understanding');
    expect(lines.every((l) => l.split('\t').length === 2)).toBe(true);
  });

  it('export: refuses to write over the glossary it reads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrans-export-'));
    const glossary = join(dir, 'g.yaml');
    writeFileSync(glossary, readFileSync(join(ROOT, 'glossary.yaml')));
    const r = await runVitrans(['glossary', 'export', '-g', glossary, '--format', 'deepl-tsv', '-o', glossary], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is one of the input files/);
    expect(readFileSync(glossary, 'utf8')).toBe(readFileSync(join(ROOT, 'glossary.yaml'), 'utf8'));
  });

  it('export: needs a format', async () => {
    const r = await runVitrans(['glossary', 'export'], { cwd: ROOT });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format/);
  });
});
