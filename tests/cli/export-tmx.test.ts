import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildBilingual, type EngineFileResult } from '../../src/formats/bilingual.js';
import { readTmx } from '../../src/formats/tmx.js';
import { openTranslationCache } from '../../src/store/index.js';
import type { ParagraphTranslation } from '../../src/core/types.js';
import { SCHEMAS, XMLLINT, xmllint } from '../setup/xmllint.js';
import { runVitrans } from './run-cli.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCES = [
  'Nhà Trắng công bố chuyến thăm cấp nhà nước của Thủ tướng Nhật Bản Kishida Fumio vào ngày 10 tháng XNUMX.',
  'Hai nước đã ký Thoả thuận An ninh Cung ứng & Biên bản ghi nhớ (MOU) vào đầu năm 2023.',
];
const TARGETS: Record<string, string[]> = {
  deepl: ['The White House announced the state visit of Japanese Prime Minister Kishida Fumio on XNUMX 10.', 'The two countries signed the Security of Supply Arrangement & a Memorandum of Understanding (MOU) in early 2023.'],
  google: ['The White House announced the state-level visit of Japanese Prime Minister Kishida Fumio on XNUMX 10.', 'The two countries signed the Supply Security Agreement & a Memorandum of Understanding (MOU) in early 2023.'],
};
const FINISHED = new Date(Date.UTC(2026, 11, 1, 9, 30, 0));

/** A bilingual JSON file as `vitrans translate` writes it, for two engines. */
function writeRun(dir: string): string {
  const results: EngineFileResult[] = Object.entries(TARGETS).map(([engine, targets]) => ({
    engine,
    model: `${engine}/v3`,
    output: `out/article.${engine}.en.txt`,
    translations: targets.map((target, i): ParagraphTranslation => ({ source: SOURCES[i]!, target, engine, model: `${engine}/v3`, cached: i === 1, warnings: [] })),
    paragraphFindings: targets.map(() => []),
    otherFindings: [],
    ...(engine === 'deepl' ? { finishedAt: FINISHED } : {}),
  }));
  const doc = buildBilingual({ file: 'articles/article.txt', format: 'text', sourceLang: 'vi', targetLang: 'en' }, null, SOURCES, results);
  const path = join(dir, 'article.bilingual.json');
  writeFileSync(path, JSON.stringify(doc, null, 2));
  return path;
}

describe('vitrans export tmx', () => {
  it('writes the translations of a run as TMX 1.4b, engine and model as props, dated, valid against the DTD', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrans-tmx-'));
    const bilingual = writeRun(dir);
    const r = await runVitrans(['export', 'tmx', bilingual, '-o', 'run.tmx'], { cwd: dir });
    expect(r.stderr).toBe('vitrans: exported 4 translation units to run.tmx\n');
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'run.tmx'), 'utf8');
    const doc = readTmx({ file: 'run.tmx', text });
    expect(doc.header.attrs).toMatchObject({ creationtool: 'vitrans', srclang: 'vi', segtype: 'paragraph' });
    expect(doc.units.map((u) => [u.id, u.props.map((p) => `${p.type}=${p.value}`), u.variants.map((v) => v.lang)])).toEqual([
      ['articles/article.txt:1:deepl', ['x-engine=deepl', 'x-model=deepl/v3'], ['vi', 'en']],
      ['articles/article.txt:1:google', ['x-engine=google', 'x-model=google/v3'], ['vi', 'en']],
      ['articles/article.txt:2:deepl', ['x-engine=deepl', 'x-model=deepl/v3'], ['vi', 'en']],
      ['articles/article.txt:2:google', ['x-engine=google', 'x-model=google/v3'], ['vi', 'en']],
    ]);
    expect(doc.units[0]!.attrs).toMatchObject({ creationdate: '20261201T093000Z', creationid: 'vitrans/deepl' });
    // google's entry in this file has no finishedAt (an older file): the file's own time stands in.
    expect(doc.units[1]!.attrs.creationdate).toMatch(/^\d{8}T\d{6}Z$/);
    expect(doc.units[2]!.variants[0]!.segment.text).toBe(SOURCES[1]);
    expect(text).toContain('Thoả thuận An ninh Cung ứng &amp; Biên bản ghi nhớ');
    if (XMLLINT) expect((await xmllint(text, { dtd: join(SCHEMAS, 'tmx14.dtd') })).valid).toBe(true);
  });

  it('the exported TMX is checked engine by engine, findings at line:col in the TMX with the unit id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrans-tmx-'));
    await runVitrans(['export', 'tmx', writeRun(dir), '-o', 'run.tmx'], { cwd: dir });
    const r = await runVitrans(['check', 'run.tmx', '-g', join(ROOT, 'glossary.yaml'), '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: { ruleId: string; engine?: string; unit?: string; actual?: string; span: { start: { line: number; column: number; offset: number } } }[] };
    const text = readFileSync(join(dir, 'run.tmx'), 'utf8');
    const forbidden = report.findings.filter((f) => f.ruleId === 'term-forbidden');
    expect(forbidden.map((f) => [f.engine, f.unit, f.actual])).toEqual([
      ['google', 'articles/article.txt:1:google', 'state-level visit'],
      ['google', 'articles/article.txt:2:google', 'Supply Security Agreement'],
    ]);
    for (const f of forbidden) expect(text.slice(f.span.start.offset, f.span.start.offset + f.actual!.length)).toBe(f.actual);
  });

  it('the exported TMX is compared engine by engine', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrans-tmx-'));
    await runVitrans(['export', 'tmx', writeRun(dir), '-o', 'run.tmx'], { cwd: dir });
    const r = await runVitrans(['compare', 'run.tmx', '-g', join(ROOT, 'glossary.yaml'), '-f', 'json', '--no-bootstrap'], { cwd: dir });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { engines: string[]; paragraphs: unknown[]; glossary?: Record<string, { approved: number; expected: number; findings: { actual?: string; span: { start: { offset: number } } }[] }> };
    expect(report.engines).toEqual(['deepl', 'google']);
    expect(report.paragraphs).toHaveLength(2);
    expect(report.glossary?.deepl?.approved).toBeGreaterThan(report.glossary!.google!.approved);
    // The glossary findings point into the TMX file too.
    const text = readFileSync(join(dir, 'run.tmx'), 'utf8');
    const found = report.glossary!.google!.findings.find((f) => f.actual === 'state-level visit')!;
    expect(text.slice(found.span.start.offset).startsWith('state-level visit')).toBe(true);
  });

  it('compares a CAT tool\'s memory against engine outputs, and with its English as the reference', async () => {
    const fixture = resolve(ROOT, 'tests/formats/fixtures/memoq-defence.tmx');
    const self = await runVitrans(['compare', fixture, '--ref', fixture, '-f', 'json'], { cwd: ROOT });
    expect(self.code).toBe(2);
    expect(self.stderr).toMatch(/nothing to compare/);
    const dir = mkdtempSync(join(tmpdir(), 'vitrans-tmx-'));
    writeFileSync(join(dir, 'mt.en.txt'), ['The White House announced the state visit.', 'Austin signed an MOU.', 'They signed the SOSA.', 'Japan will export Patriot missiles.'].join('\n\n') + '\n');
    const r = await runVitrans(['compare', fixture, join(dir, 'mt.en.txt'), '--ref', fixture, '-f', 'json', '--no-bootstrap'], { cwd: ROOT });
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { engines: string[]; referenceFile: string | null };
    expect(report.engines).toEqual(['mt']);
    expect(report.referenceFile).toBe(fixture);
  });

  it('exports the whole cache, counting the entries stored before sources were kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrans-tmx-'));
    const cachePath = join(dir, 'translations.sqlite');
    const cache = openTranslationCache(cachePath);
    cache.putMany([
      { key: 'a', value: { target: 'state visit', masked: false, warnings: [], createdAt: Date.UTC(2026, 10, 30), origin: { source: 'chuyến thăm cấp nhà nước', engine: 'deepl', model: 'deepl/v3', sourceLang: 'vi', targetLang: 'en-US' } } },
      { key: 'b', value: { target: 'Patriot missiles', masked: true, warnings: ['placeholder-lost'], createdAt: Date.UTC(2026, 11, 1), origin: { source: 'tên lửa Patriot', engine: 'openai', model: 'qwen2.5:14b', sourceLang: 'vi', targetLang: 'en' } } },
      { key: 'c', value: { target: 'an old translation', masked: false, warnings: [], createdAt: Date.UTC(2025, 0, 1) } },
    ]);
    cache.close();
    const r = await runVitrans(['export', 'tmx', '--cache', 'translations.sqlite', '-o', 'memory.tmx'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('vitrans: note: 1 cached translation was stored before vitrans kept their source text; not exported');
    expect(r.stderr).toContain('vitrans: exported 2 translation units to memory.tmx');
    const doc = readTmx({ file: 'memory.tmx', text: readFileSync(join(dir, 'memory.tmx'), 'utf8') });
    expect(doc.units.map((u) => [u.variants.map((v) => `${v.lang}:${v.segment.text}`), u.props.map((p) => p.value), u.attrs.creationdate])).toEqual([
      [['vi:tên lửa Patriot', 'en:Patriot missiles'], ['openai', 'qwen2.5:14b', 'placeholder-lost'], '20261201T000000Z'],
      [['vi:chuyến thăm cấp nhà nước', 'en-US:state visit'], ['deepl', 'deepl/v3'], '20261130T000000Z'],
    ]);
    const onlyDeepl = await runVitrans(['export', 'tmx', '--cache', cachePath, '-e', 'deepl'], { cwd: dir });
    expect(readTmx({ file: '-', text: onlyDeepl.stdout }).units).toHaveLength(1);
  });

  it('takes the cache of --cache alone from the config, as translate does (vitrans.config.yaml or -c FILE)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrans-tmx-'));
    const cache = openTranslationCache(join(dir, 'store/tm.sqlite'));
    cache.putMany([{ key: 'a', value: { target: 'the Vietnam Coast Guard', masked: false, warnings: [], createdAt: Date.UTC(2026, 10, 30), origin: { source: 'Cảnh sát biển Việt Nam', engine: 'deepl', model: 'deepl/v3', sourceLang: 'vi', targetLang: 'en-GB' } } }]);
    cache.close();
    writeFileSync(join(dir, 'vitrans.config.yaml'), 'cache: store/tm.sqlite\n');
    const r = await runVitrans(['export', 'tmx', '--cache'], { cwd: dir });
    expect(r.stderr).toBe('vitrans: exported 1 translation unit\n');
    expect(readTmx({ file: '-', text: r.stdout }).units.map((u) => u.variants.map((v) => v.segment.text))).toEqual([['Cảnh sát biển Việt Nam', 'the Vietnam Coast Guard']]);
    // Another config, its cache relative to its own folder.
    mkdirSync(join(dir, 'team'));
    writeFileSync(join(dir, 'team/vitrans.yaml'), 'cache: ../store/tm.sqlite\n');
    rmSync(join(dir, 'vitrans.config.yaml'));
    const other = await runVitrans(['export', 'tmx', '--cache', '-c', 'team/vitrans.yaml', '-o', 'memory.tmx'], { cwd: dir });
    expect(other.code).toBe(0);
    expect(readFileSync(join(dir, 'memory.tmx'), 'utf8')).toContain('<seg>the Vietnam Coast Guard</seg>');
    // Without a config, --cache is the default cache, which is not there.
    const none = await runVitrans(['export', 'tmx', '--cache'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^vitrans: \.vitrans-cache\/translations\.sqlite: error: no translation cache here/);
    // An explicit --cache FILE wins over the config's.
    writeFileSync(join(dir, 'vitrans.config.yaml'), 'cache: nowhere.sqlite\n');
    expect((await runVitrans(['export', 'tmx', '--cache', 'store/tm.sqlite'], { cwd: dir })).code).toBe(0);
  });

  it('says what to give when there is nothing to export, and refuses a missing cache without creating one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrans-tmx-'));
    const none = await runVitrans(['export', 'tmx'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^vitrans: error: nothing to export: give the bilingual JSON files of runs, or --cache/);
    const missing = await runVitrans(['export', 'tmx', '--cache', 'nope.sqlite'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.sqlite: error: no translation cache here/);
    expect(existsSync(join(dir, 'nope.sqlite'))).toBe(false);
    writeFileSync(join(dir, 'x.bilingual.json'), '{"version": 1, "paragraphs": "no"}');
    const bad = await runVitrans(['export', 'tmx', 'x.bilingual.json'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/x\.bilingual\.json: error: not a vitrans bilingual file/);
  });
});
