import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/core/errors.js';
import { discoverCorpus, folderArticles, scanCorpus } from '../../src/text/corpus.js';

describe('folderArticles: pairing the files of one folder by name', () => {
  it('classic corpus folder: source.vi.txt takes every *.en.txt beside it', () => {
    expect(folderArticles(['deepl.en.txt', 'notes.md', 'reference.en.txt', 'source.vi.txt'])).toEqual({
      articles: [{ source: 'source.vi.txt', translations: ['deepl.en.txt', 'reference.en.txt'] }],
      unmatched: [],
    });
  });

  it('flat pairs: NAME.vi.EXT takes NAME.en.EXT and NAME.ENGINE.en.EXT, several articles per folder', () => {
    const { articles, unmatched } = folderArticles([
      'hai-nuoc.deepl.en.txt',
      'hai-nuoc.en.txt',
      'hai-nuoc.vi.txt',
      'tokyo.google.en.txt',
      'tokyo.vi.txt',
      'tokyo.vi.deepl.en.txt',
      'stray.en.txt',
    ]);
    expect(articles).toEqual([
      { name: 'hai-nuoc', source: 'hai-nuoc.vi.txt', translations: ['hai-nuoc.deepl.en.txt', 'hai-nuoc.en.txt'] },
      { name: 'tokyo', source: 'tokyo.vi.txt', translations: ['tokyo.google.en.txt', 'tokyo.vi.deepl.en.txt'] },
    ]);
    expect(unmatched).toEqual(['stray.en.txt']);
  });

  it('only the classic source.vi.txt takes translations named otherwise', () => {
    expect(folderArticles(['tokyo.vi.txt', 'notes.en.txt'])).toEqual({ articles: [{ name: 'tokyo', source: 'tokyo.vi.txt', translations: [] }], unmatched: ['notes.en.txt'] });
  });

  it('the longest source name wins', () => {
    const { articles } = folderArticles(['a.b.deepl.en.txt', 'a.b.vi.txt', 'a.deepl.en.txt', 'a.vi.txt']);
    expect(articles.map((a) => [a.source, a.translations])).toEqual([
      ['a.b.vi.txt', ['a.b.deepl.en.txt']],
      ['a.vi.txt', ['a.deepl.en.txt']],
    ]);
  });

  it('Markdown sources take Markdown translations, text sources text ones', () => {
    const { articles, unmatched } = folderArticles(['bai.deepl.en.md', 'bai.vi.md', 'source.vi.md', 'reference.en.md', 'bai.google.en.txt']);
    expect(articles).toEqual([
      { name: 'bai', source: 'bai.vi.md', translations: ['bai.deepl.en.md'] },
      { name: 'source', source: 'source.vi.md', translations: [] },
    ]);
    expect(unmatched).toEqual(['reference.en.md', 'bai.google.en.txt']);
  });

  it("translate's output folder: NAME.bilingual.json takes its NAME.ENGINE.en.* outputs", () => {
    const { articles } = folderArticles(['article.bilingual.json', 'article.deepl.en.txt', 'article.openai.en.txt', 'article.compare.html', 'bai.bilingual.json', 'bai.deepl.en.md']);
    expect(articles).toEqual([
      { name: 'article', source: 'article.bilingual.json', bilingual: 'article.bilingual.json', translations: ['article.deepl.en.txt', 'article.openai.en.txt'] },
      { name: 'bai', source: 'bai.bilingual.json', bilingual: 'bai.bilingual.json', translations: ['bai.deepl.en.md'] },
    ]);
  });

  it('outputs written beside their source (translate --out .) belong to the source, and the JSON adds no article', () => {
    const { articles } = folderArticles(['a.vi.bilingual.json', 'a.vi.deepl.en.txt', 'a.vi.txt']);
    expect(articles).toEqual([{ name: 'a', source: 'a.vi.txt', translations: ['a.vi.deepl.en.txt'] }]);
  });
});

describe('scanCorpus / discoverCorpus', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vitrans-corpus-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const put = (path: string): void => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), 'x');
  };

  it('finds every layout at any depth, with slugs from the folders and names', async () => {
    put('corpus/a/source.vi.txt');
    put('corpus/a/reference.en.txt');
    put('flat/tokyo.vi.md');
    put('flat/tokyo.deepl.en.md');
    put('flat/orphan.google.en.txt');
    put('out/corpus/b/source.vi.bilingual.json');
    put('out/corpus/b/source.vi.deepl.en.txt');
    put('.git/x.vi.txt');
    const scan = await scanCorpus(dir);
    expect(scan.articles.map((a) => [a.slug, a.source.slice(dir.length + 1), a.translations.map((t) => t.slice(dir.length + 1)), a.bilingual?.slice(dir.length + 1)])).toEqual([
      ['corpus/a', 'corpus/a/source.vi.txt', ['corpus/a/reference.en.txt'], undefined],
      ['flat/tokyo', 'flat/tokyo.vi.md', ['flat/tokyo.deepl.en.md'], undefined],
      ['out/corpus/b/source.vi', 'out/corpus/b/source.vi.bilingual.json', ['out/corpus/b/source.vi.deepl.en.txt'], 'out/corpus/b/source.vi.bilingual.json'],
    ]);
    expect(scan.unmatched).toEqual([join(dir, 'flat/orphan.google.en.txt')]);
    expect(await discoverCorpus(dir)).toEqual(scan.articles);
  });

  it('a folder with nothing it recognises is an error naming every layout', async () => {
    put('notes/readme.txt');
    await expect(scanCorpus(dir)).rejects.toBeInstanceOf(InputError);
    await expect(scanCorpus(dir)).rejects.toHaveProperty('hint', expect.stringMatching(/NAME\.vi\.txt.*NAME\.ENGINE\.en\.txt.*vitrans translate wrote/));
  });
});
