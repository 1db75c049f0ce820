/**
 * The compiled-glossary cache: a glossary is parsed, validated and compiled once, then read back
 * with its matchers; it never serves a stale glossary and survives a corrupt or unwritable cache.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadGlossary, parseGlossary } from '../../src/glossary/load.js';
import { compileGlossary, compiledGlossaryKey, matchersFor, readCompiledGlossary, writeCompiledGlossary } from '../../src/glossary/compiled.js';
import { checkTranslation, createCheckTools, prepareSource } from '../../src/checks/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHIPPED = join(ROOT, 'glossary.yaml');

const YAML = `version: 1
entries:
  - id: mou
    vi: Biên bản ghi nhớ
    en: Memorandum of Understanding
    acronym: MOU
    forbidden: [memo of understanding]
  - id: japan-mod
    vi: Bộ Quốc phòng Nhật Bản
    en: Japanese Ministry of Defense
`;

let dir: string;
let cacheDir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vitrans-compiled-'));
  cacheDir = join(dir, 'cache');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cacheFiles = (): string[] => readdirSync(cacheDir).filter((n) => n.endsWith('.bin'));
const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('compiled glossaries on disk', () => {
  it('stores a glossary once and reads it back, matchers and all, equal to a fresh parse', async () => {
    const path = write('glossary.yaml', YAML);
    const first = await loadGlossary(path, { cacheDir });
    expect(cacheFiles()).toHaveLength(1);
    const again = await loadGlossary(path, { cacheDir });
    expect(again).not.toBe(first);
    expect(again).toEqual(parseGlossary(YAML, path));
    const { vi, en } = matchersFor(again);
    expect(vi.find('Hai bên ký Biên bản ghi nhớ với Bộ Quốc phòng Nhật Bản.').map((m) => m.entry.id)).toEqual(['mou', 'japan-mod']);
    // The matches point at the glossary's own entries, as the checks expect.
    expect(vi.find('Biên bản ghi nhớ')[0]!.entry).toBe(again.entries[0]);
    expect(en.find('two Memoranda of Understanding and a memo of understanding').map((m) => m.kind)).toEqual(['canonical', 'forbidden']);
  });

  it('really reads the stored compilation (what is stored under the key is what loads)', async () => {
    const path = write('glossary.yaml', YAML);
    const key = compiledGlossaryKey(readFileSync(path), path);
    const planted = compileGlossary(parseGlossary(YAML.replace('Japanese Ministry of Defense', 'Ministry of Defense of Japan'), path));
    await writeCompiledGlossary(cacheDir, key, planted);
    expect((await loadGlossary(path, { cacheDir })).entries[1]!.en).toBe('Ministry of Defense of Japan');
  });

  it('never serves a stale glossary: an edited file, or the same file under another path, is compiled again', async () => {
    const path = write('glossary.yaml', YAML);
    await loadGlossary(path, { cacheDir });
    // Same size, same second: only the content tells.
    writeFileSync(path, YAML.replace('Japanese Ministry of Defense', 'Japanese Ministry of Defence'));
    expect((await loadGlossary(path, { cacheDir })).entries[1]!.en).toBe('Japanese Ministry of Defence');
    const moved = write('other.yaml', YAML);
    const glossary = await loadGlossary(moved, { cacheDir });
    expect(glossary.file).toBe(moved);
    expect(glossary.entries[0]!.location.file).toBe(moved);
    expect(cacheFiles()).toHaveLength(3);
  });

  it('survives a corrupt cache file (garbage, truncated, one byte changed) and replaces it', async () => {
    const path = write('glossary.yaml', YAML);
    const expected = parseGlossary(YAML, path);
    await loadGlossary(path, { cacheDir });
    const file = join(cacheDir, cacheFiles()[0]!);
    const good = readFileSync(file);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 100] = flipped[flipped.length - 100]! ^ 0x55;
    const key = compiledGlossaryKey(readFileSync(path), path);
    for (const bad of [Buffer.from('not a compiled glossary'), good.subarray(0, good.length >> 1), flipped, Buffer.alloc(0)]) {
      writeFileSync(file, bad);
      expect(await readCompiledGlossary(cacheDir, key)).toBeUndefined();
      const glossary = await loadGlossary(path, { cacheDir });
      expect(glossary).toEqual(expected);
      expect(matchersFor(glossary).vi.find('ký Biên bản ghi nhớ')).toHaveLength(1);
      // Replaced by a good one.
      expect(await readCompiledGlossary(cacheDir, key)).toBeDefined();
    }
  });

  it('loads as usual when the cache folder cannot be written', async () => {
    const path = write('glossary.yaml', YAML);
    const blocked = write('not-a-folder', 'a file where the cache folder should be');
    expect(await loadGlossary(path, { cacheDir: join(blocked, 'glossaries') })).toEqual(parseGlossary(YAML, path));
  });

  it('keeps the 16 most recently used compilations', async () => {
    for (let i = 0; i < 18; i++) await loadGlossary(write(`g${i}.yaml`, YAML.replace('mou', `mou-${i}`)), { cacheDir });
    expect(cacheFiles()).toHaveLength(16);
  });

  it('checks the shipped glossary and corpus the same from a compiled glossary as from a fresh one', async () => {
    const source = readFileSync(join(ROOT, 'tests/fixtures/corpus/flawed/source.vi.txt'), 'utf8');
    const target = readFileSync(join(ROOT, 'tests/fixtures/corpus/flawed/flawed.en.txt'), 'utf8');
    const run = (tools: ReturnType<typeof createCheckTools>) =>
      checkTranslation(prepareSource({ file: 'source.vi.txt', text: source }, tools), { file: 'flawed.en.txt', text: target }, tools);
    await loadGlossary(SHIPPED, { cacheDir });
    const cached = await loadGlossary(SHIPPED, { cacheDir });
    const fresh = run(createCheckTools(parseGlossary(readFileSync(SHIPPED, 'utf8'), SHIPPED)));
    expect(statSync(join(cacheDir, cacheFiles()[0]!)).size).toBeGreaterThan(0);
    expect(run(createCheckTools(cached))).toEqual(fresh);
    // The flawed translation's 20 planted term errors and the seed's five corrupted dates.
    expect(fresh.findings).toHaveLength(25);
  });
});
