import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bytesPerCharacter } from '../core/representation.js';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AlignmentError, InputError } from '../../src/core/errors.js';
import { loadArticle, outputText, targetsInOutput } from '../../src/formats/articles.js';
import { buildBilingual } from '../../src/formats/bilingual.js';
import { cleanText } from '../../src/formats/clean.js';
import { splitParagraphs } from '../../src/text/paragraphs.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SEED = readFileSync(join(ROOT, 'tests/text/fixtures/seed-000.txt'), 'utf8');
const REFERENCE = readFileSync(join(ROOT, 'corpus/japan-us-defense-industry/reference.en.txt'), 'utf8');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vitrans-articles-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A bilingual JSON of the seed translated after cleaning, as translate --clean writes it. */
function cleanedBilingual(): string {
  const { text, removed } = cleanText(SEED);
  const sources = splitParagraphs(text).map((p) => p.text);
  const targets = splitParagraphs(REFERENCE).map((p) => p.text);
  const doc = buildBilingual(
    { file: 'seed.txt', format: 'text', sourceLang: 'vi', targetLang: 'en', path: '../seed.txt', clean: { removed: removed.map(({ line, rule, text: t }) => ({ line, rule, text: t })) } },
    null,
    sources,
    [{ engine: 'deepl', model: 'deepl', output: 'out/seed.deepl.en.txt', translations: sources.map((source, i) => ({ source, target: targets[i]!, engine: 'deepl', model: 'deepl', cached: false, warnings: [] })), paragraphFindings: sources.map(() => []), otherFindings: [] }],
  );
  return JSON.stringify(doc);
}

describe('loadArticle', () => {
  it('reads each file in the encoding its pattern gives (the config\'s encodings: list)', async () => {
    copyFileSync(join(ROOT, 'tests/fixtures/corpus/encodings/tcvn3.txt'), join(dir, 'cu.vi.txt'));
    writeFileSync(join(dir, 'cu.en.txt'), 'Making the Most of Japan–U.S. Defense Industrial Cooperation\n\nOn XNUMX 25, the White House announced.\n');
    const encodings = { patterns: [{ pattern: '*.vi.txt', encoding: 'tcvn' }], patternBase: dir };
    const a = await loadArticle({ slug: '', source: join(dir, 'cu.vi.txt'), translations: [join(dir, 'cu.en.txt')] }, { cwd: dir, encodings });
    expect(a.source.file.encoding).toBe('tcvn');
    expect(a.source.text).toMatch(/^Tận dụng tối đa/);
    expect(a.translations[0]!.encoding).toBe('utf-8');
    await expect(loadArticle({ slug: '', source: join(dir, 'cu.vi.txt'), translations: [join(dir, 'cu.en.txt')] }, { cwd: dir })).rejects.toBeInstanceOf(InputError);
  });

  it('checks a bilingual file against its source cleaned as the file records, without being told to clean', async () => {
    writeFileSync(join(dir, 'seed.txt'), SEED);
    writeFileSync(join(dir, 'seed.bilingual.json'), cleanedBilingual());
    const a = await loadArticle({ slug: '', source: join(dir, 'seed.txt'), translations: [join(dir, 'seed.bilingual.json')] }, { cwd: dir });
    const t = a.translations[0]!;
    expect(t.path).toBe(join(dir, 'seed.bilingual.json#deepl'));
    expect(t.source.removed.map((r) => r.line)).toEqual([1, 5, 37, 39, 41]);
    expect(t.source.paragraphs).toHaveLength(16);
    expect(a.source.removed).toEqual([]);
  });

  it('refuses a bilingual file of another text than the source given with it', async () => {
    writeFileSync(join(dir, 'other.vi.txt'), readFileSync(join(ROOT, 'corpus/vietnam-japan-defense-cooperation/source.vi.txt')));
    writeFileSync(join(dir, 'seed.bilingual.json'), cleanedBilingual());
    await expect(loadArticle({ slug: '', source: join(dir, 'other.vi.txt'), translations: [join(dir, 'seed.bilingual.json')] }, { cwd: dir })).rejects.toBeInstanceOf(AlignmentError);
  });
});

describe('targetsInOutput', () => {
  it('cuts the targets of a plain-text output back out of it, each equal to the target it was made from', () => {
    const targets = REFERENCE.split('\n\n').map((p) => p.trim()).filter((p) => p !== '');
    const text = outputText(undefined, targets);
    expect(targetsInOutput(text, targets)).toEqual(targets);
  });

  it('keeps empty targets (a paragraph the engine left blank) and targets with line breaks in their place', () => {
    const targets = ['Tokyo and Washington signed the Memorandum of Understanding.', '', 'The ministers met\non Tuesday.', 'Hai bên nhất trí — “an important step”.'];
    const text = outputText(undefined, targets);
    expect(targetsInOutput(text, targets)).toEqual(targets);
  });
});


describe('outputText', () => {
  it('holds an English output one byte a character, though the targets came as two-byte strings (the placeholders an engine answered with)', () => {
    const answers = ['Tokyo and Washington signed the ⟦1⟧ on Tuesday.', 'The ⟦1⟧ covers the ⟦2⟧.'];
    const terms = ['Memorandum of Understanding', 'Security of Supply Arrangement'];
    const targets = answers.map((a) => a.replace(/⟦(\d)⟧/g, (_, n: string) => terms[Number(n) - 1]!));
    expect(targets.map(bytesPerCharacter)).toEqual([2, 2]);
    const text = outputText(undefined, targets);
    expect(text).toBe('Tokyo and Washington signed the Memorandum of Understanding on Tuesday.\n\nThe Memorandum of Understanding covers the Security of Supply Arrangement.\n');
    expect(bytesPerCharacter(text)).toBe(1);
    expect(targetsInOutput(text, targets).map(bytesPerCharacter)).toEqual([1, 1]);
  });

  it('leaves an output that needs two bytes a character as it is', () => {
    const targets = ['Hai bên nhất trí — “an important step”.'];
    expect(outputText(undefined, targets)).toBe(`${targets[0]}\n`);
  });
});
