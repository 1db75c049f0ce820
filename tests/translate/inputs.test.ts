import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { UsageError } from '../../src/core/errors.js';
import { outputPlaces, prepareTranslationSource } from '../../src/translate/inputs.js';
import { readFileSync } from 'node:fs';

const OUT = join('/work', 'out');
const at = (...paths: string[]) => paths.map((path) => ({ path }));

describe('outputPlaces', () => {
  it('puts one input, or inputs of one folder, straight into --out, named without their extension', () => {
    expect(outputPlaces(at('/news/article.txt'), OUT)).toEqual([{ dir: OUT, stem: 'article' }]);
    expect(outputPlaces(at('/news/a.vi.txt', '/news/b.md'), OUT)).toEqual([
      { dir: OUT, stem: 'a.vi' },
      { dir: OUT, stem: 'b' },
    ]);
  });

  it('mirrors the folders below the inputs\' common parent', () => {
    expect(outputPlaces(at('/c/a/source.vi.txt', '/c/b/source.vi.txt', '/c/b/deep/x.txt'), OUT)).toEqual([
      { dir: join(OUT, 'a'), stem: 'source.vi' },
      { dir: join(OUT, 'b'), stem: 'source.vi' },
      { dir: join(OUT, 'b/deep'), stem: 'x' },
    ]);
    expect(outputPlaces(at('/c/x.txt', '/c/a/x.txt'), OUT)).toEqual([
      { dir: OUT, stem: 'x' },
      { dir: join(OUT, 'a'), stem: 'x' },
    ]);
  });

  it('keeps the extension in the stem of same-named inputs of one folder', () => {
    expect(outputPlaces(at('/n/bai.txt', '/n/bai.md', '/n/khac.txt'), OUT)).toEqual([
      { dir: OUT, stem: 'bai.txt' },
      { dir: OUT, stem: 'bai.md' },
      { dir: OUT, stem: 'khac' },
    ]);
  });

  it('places a folderless input (stdin) at the top by its name, and refuses one file twice', () => {
    expect(outputPlaces([{ path: 'stdin', folderless: true }, { path: '/c/a/x.txt' }, { path: '/c/b/x.txt' }], OUT)).toEqual([
      { dir: OUT, stem: 'stdin' },
      { dir: join(OUT, 'a'), stem: 'x' },
      { dir: join(OUT, 'b'), stem: 'x' },
    ]);
    expect(() => outputPlaces(at('/n/a.txt', '/n/a.txt'), OUT)).toThrow(UsageError);
  });
});

describe('prepareTranslationSource', () => {
  const seed = readFileSync(new URL('../text/fixtures/seed-000.txt', import.meta.url), 'utf8');
  const article = readFileSync(new URL('../../corpus/japan-us-defense-industry/source.vi.txt', import.meta.url), 'utf8');

  it('cuts the cleaned text into the article paragraphs, and a checker view at the file positions', () => {
    const source = prepareTranslationSource({ path: 'seed.txt', text: seed, warnings: [] }, { clean: {} });
    expect(source.segments).toEqual(article.split('\n\n').map((p) => p.trim()));
    expect(source.removed).toHaveLength(5);
    expect(source.view.paragraphs!.map((p) => seed.slice(p.start, p.end))).toEqual(source.segments);
  });

  it('sends everything without clean', () => {
    expect(prepareTranslationSource({ path: 'seed.txt', text: seed, warnings: [] }).segments[0]).toBe('Logo Zephyrnet');
  });

  it('cleans Markdown as Markdown', () => {
    const md = '## Tin tức mới nhất\n\nHai bên nhất trí.\n\n```\nTin tức mới nhất\n```\n';
    const source = prepareTranslationSource({ path: 'a.md', text: md, warnings: [] }, { clean: {} });
    expect(source.format).toBe('markdown');
    expect(source.segments).toEqual(['Hai bên nhất trí.']);
    expect(source.text).toBe('Hai bên nhất trí.\n\n```\nTin tức mới nhất\n```\n');
  });
});
