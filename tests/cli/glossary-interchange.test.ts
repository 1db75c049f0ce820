import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseGlossary } from '../../src/glossary/load.js';
import { runVitrans } from './run-cli.js';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = resolve(ROOT, 'tests/glossary/interchange/fixtures');

/** A small glossary as people write one: comments, flow lists, a folded note. */
const EXISTING = [
  'version: 1',
  'name: Newsroom terms',
  'entries:',
  '  # Ministries',
  '  - id: japan-ministry-of-defense',
  '    vi: Bộ Quốc phòng Nhật Bản',
  '    en: Japan Ministry of Defense',
  '    accepted: [Japanese Ministry of Defense]',
  '    note: >-',
  '      Japan has a ministry, not a department.',
  '',
  '  - id: ministry-of-defense',
  '    vi: Bộ Quốc phòng',
  '    en: Ministry of Defense # Vietnam\'s ministry',
  '',
].join('\n');

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vitrans-gi-'));
  writeFileSync(join(dir, 'glossary.yaml'), EXISTING);
  return dir;
}

describe('vitrans glossary import', () => {
  it('prints the glossary.yaml of a termbase, saying on stderr what it could not map', async () => {
    const r = await runVitrans(['glossary', 'import', join(FIXTURES, 'multiterm-defence.tbx')], { cwd: ROOT });
    expect(r.code).toBe(0);
    const g = parseGlossary(r.stdout, 'out.yaml');
    expect(g.entries.map((e) => e.en)).toEqual(['Glide Phase Interceptor', 'Security of Supply Arrangement']);
    expect(r.stderr).toMatch(/^vitrans: note: tests\/glossary\/interchange\/fixtures\/multiterm-defence\.tbx:\d+:\d+: dropped the records of who created or changed terms/m);
    expect(r.stderr).toMatch(/vitrans: imported 2 from tests\/glossary\/interchange\/fixtures\/multiterm-defence\.tbx: 2 new entries\n$/);
  });

  it('writes a new file with -o, but never over an existing one unless --force', async () => {
    const dir = workspace();
    const refused = await runVitrans(['glossary', 'import', join(FIXTURES, 'deepl-glossary.tsv'), '-o', 'glossary.yaml'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/glossary\.yaml already exists/);
    expect(readFileSync(join(dir, 'glossary.yaml'), 'utf8')).toBe(EXISTING);
    const written = await runVitrans(['glossary', 'import', join(FIXTURES, 'deepl-glossary.tsv'), '-o', 'deepl.yaml'], { cwd: dir });
    expect(written.code).toBe(0);
    expect(parseGlossary(readFileSync(join(dir, 'deepl.yaml'), 'utf8'), 'deepl.yaml').entries).toHaveLength(5);
  });

  it('--merge adds new entries and new renderings to existing ones, keeping the file as written', async () => {
    const dir = workspace();
    const r = await runVitrans(['glossary', 'import', join(FIXTURES, 'excel-terms.csv'), '--merge'], { cwd: dir });
    expect(r.stderr).toMatch(/vitrans: imported 3 from .*excel-terms\.csv: 2 new entries, 1 existing entry extended, 1 imported row or concept folded into others \(same term\); wrote glossary\.yaml/);
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'glossary.yaml'), 'utf8');
    // The user's comments, flow list, folded note and inline comment are all still there.
    expect(text).toContain('  # Ministries\n');
    expect(text).toContain("    en: Ministry of Defense # Vietnam's ministry\n");
    expect(text).toContain('    note: >-\n      Japan has a ministry, not a department.\n');
    expect(text).toContain('    accepted: [Japanese Ministry of Defense, Japan MOD]\n');
    const g = parseGlossary(text, 'glossary.yaml');
    expect(g.entries.map((e) => e.id)).toEqual(['japan-ministry-of-defense', 'ministry-of-defense', 'japan-self-defense-forces', 'defense-industrial-cooperation']);
    expect(g.entries[0]).toMatchObject({ forbidden: [{ text: 'Japanese Department of Defense' }], note: 'Japan has a ministry, not a department.' });
    expect(g.entries[2]).toMatchObject({ acronym: 'JSDF', forbidden: [{ text: 'Japanese army' }, { text: 'Japan Defence Forces' }] });
    expect(r.stderr).toMatch(/kept the note of the entry at glossary\.yaml:5:5; the imported note was not merged/);
  });

  it('--merge stops at a conflict the way the loader does, pointing into the imported file, and writes nothing', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'deepl.tsv'), readFileSync(join(FIXTURES, 'deepl-glossary.tsv')));
    const r = await runVitrans(['glossary', 'import', 'deepl.tsv', '--merge'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'vitrans: deepl.tsv:1:1: error: Vietnamese term "Bộ Quốc phòng" is already the term of the entry at glossary.yaml:12:5 ("Bộ Quốc phòng" → "Ministry of Defense"), with a different rendering "Ministry of National Defence"' +
        ' (Keep one rendering for the term (put the other under accepted), or make one Vietnamese term more specific, in either file)\n',
    );
    expect(readFileSync(join(dir, 'glossary.yaml'), 'utf8')).toBe(EXISTING);
  });

  it('--merge refuses an entry that would break a self-test that held: it claims a rendering an entry needs (--force merges anyway)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrans-gi-'));
    const glossary = [
      'version: 1',
      'entries:',
      '  - id: vietnamese-ministry-of-national-defense',
      '    vi: Bộ Quốc phòng Việt Nam',
      '    en: Vietnamese Ministry of National Defense',
      '    accepted: [Ministry of National Defence]',
      '    tests:',
      `      - en: "Vietnam's Ministry of National Defence said on Friday"`,
      '',
    ].join('\n');
    writeFileSync(join(dir, 'glossary.yaml'), glossary);
    // As Excel saves a CSV: a BOM, semicolons, CRLF.
    writeFileSync(join(dir, 'terms.csv'), '\uFEFFTiếng Việt;English\r\nBộ Quốc phòng;Ministry of National Defence\r\nhàng không mẫu hạm;aircraft carrier\r\n');
    const r = await runVitrans(['glossary', 'import', 'terms.csv', '--merge'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l.includes('error'))).toEqual([
      `vitrans: glossary.yaml:8:9: error: the merge would break the self-test of "vietnamese-ministry-of-national-defense": en: no approved rendering in "Vietnam's Ministry of National Defence said on Friday"; nothing was written` +
        ' (an imported entry (ministry-of-national-defence, aircraft-carrier) competes with it: drop or change that row, or add it to the entry by hand (--force merges anyway))',
    ]);
    expect(readFileSync(join(dir, 'glossary.yaml'), 'utf8')).toBe(glossary);
    const forced = await runVitrans(['glossary', 'import', 'terms.csv', '--merge', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(parseGlossary(readFileSync(join(dir, 'glossary.yaml'), 'utf8'), 'glossary.yaml').entries).toHaveLength(3);
  });

  it('reports a forbidden rendering that the glossary approves elsewhere, at the imported row', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'terms.csv'), 'vi,en,forbidden\r\nBộ Tổng Tham mưu,General Staff,Japan Ministry of Defense\r\n');
    const r = await runVitrans(['glossary', 'import', 'terms.csv', '--merge'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vitrans: terms\.csv:2:1: error: "Japan Ministry of Defense" is forbidden in the entry at terms\.csv:2:1 but approved in the entry at glossary\.yaml:5:5 \("Bộ Quốc phòng Nhật Bản"\)/);
    expect(readFileSync(join(dir, 'glossary.yaml'), 'utf8')).toBe(EXISTING);
  });

  it('refuses a file it cannot read as a glossary: malformed TBX, TBX without Vietnamese, unknown format', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'broken.tbx'), '<?xml version="1.0"?>\n<martif type="TBX">\n  <text><body>\n    <termEntry><langSet xml:lang="vi"><tig><term>Bộ Ngoại giao</term></tig></langSet>\n  </body></text>\n</martif>\n');
    const malformed = await runVitrans(['glossary', 'import', 'broken.tbx'], { cwd: dir });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/^vitrans: broken\.tbx:5:\d+: error: malformed XML: /);
    writeFileSync(join(dir, 'en-cs.tbx'), readFileSync(join(FIXTURES, 'weblate-defence.tbx'), 'utf8').replace(/xml:lang="vi"/g, 'xml:lang="cs"'));
    const noVi = await runVitrans(['glossary', 'import', 'en-cs.tbx'], { cwd: dir });
    expect(noVi.code).toBe(2);
    expect(noVi.stderr).toMatch(/^vitrans: en-cs\.tbx:13:13: error: no Vietnamese language section in this TBX file \(its languages: en, cs\)/);
    writeFileSync(join(dir, 'terms.xlsx'), 'PK');
    const unknown = await runVitrans(['glossary', 'import', 'terms.xlsx'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/cannot tell the format of terms\.xlsx from its name/);
    expect(existsSync(join(dir, 'terms.yaml'))).toBe(false);
  });
});

describe('vitrans glossary export', () => {
  it('exports TBX, CSV and TSV that import back to the same glossary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrans-ge-'));
    const original = parseGlossary(readFileSync(join(ROOT, 'glossary.yaml'), 'utf8'), 'glossary.yaml');
    for (const format of ['tbx', 'csv', 'tsv']) {
      const out = join(dir, `g.${format}`);
      const e = await runVitrans(['glossary', 'export', '--format', format, '-o', out], { cwd: ROOT });
      expect(e.code).toBe(0);
      const i = await runVitrans(['glossary', 'import', out, '-o', join(dir, `back-${format}.yaml`)], { cwd: ROOT });
      expect(i.code).toBe(0);
      const back = parseGlossary(readFileSync(join(dir, `back-${format}.yaml`), 'utf8'), 'back.yaml');
      expect(back.hash).toBe(original.hash);
      expect(back.entries.map((x) => [x.note ?? null, x.tests.length, x.forbidden])).toEqual(original.entries.map((x) => [x.note ?? null, x.tests.length, x.forbidden]));
    }
  });
});
