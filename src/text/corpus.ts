/**
 * Finding the articles of a corpus directory: `<dir>/<slug>/source.vi.txt` with any
 * `*.en.txt` translations beside it (or `<dir>` itself being one article).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../core/errors.js';

/** The source file name every corpus article has. */
export const SOURCE_FILE = 'source.vi.txt';

/** One article: its source and its translations (sorted by file name). */
export interface CorpusArticle {
  slug: string;
  source: string;
  translations: string[];
}

/**
 * The articles under `dir`, sorted by slug.
 * @throws InputError when `dir` is missing or holds no article.
 * @example await discoverCorpus('corpus') // [{ slug: 'japan-us-defense-industry', source: 'corpus/japan-us-defense-industry/source.vi.txt', translations: [...] }]
 */
export async function discoverCorpus(dir: string): Promise<CorpusArticle[]> {
  const names = await listDir(dir);
  if (names.includes(SOURCE_FILE)) return [await article(dir, dir.split(/[\\/]/).filter(Boolean).pop() ?? dir, names)];
  const articles: CorpusArticle[] = [];
  for (const name of names.sort()) {
    const sub = join(dir, name);
    if (!(await stat(sub)).isDirectory()) continue;
    const inner = await listDir(sub);
    if (inner.includes(SOURCE_FILE)) articles.push(await article(sub, name, inner));
  }
  if (articles.length === 0) {
    throw new InputError(`no article found in ${dir}`, {
      location: { file: dir },
      hint: `put each article in its own folder as <slug>/${SOURCE_FILE} with its *.en.txt translations beside it`,
    });
  }
  return articles;
}

async function article(dir: string, slug: string, names: string[]): Promise<CorpusArticle> {
  const translations = names.filter((n) => n.endsWith('.en.txt')).sort().map((n) => join(dir, n));
  return { slug, source: join(dir, SOURCE_FILE), translations };
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const what = code === 'ENOENT' ? 'does not exist' : code === 'ENOTDIR' ? 'is not a directory' : `cannot be read (${code})`;
    throw new InputError(`${dir} ${what}`, { location: { file: dir }, hint: 'give a corpus directory or SOURCE TRANSLATION files', cause: err });
  }
}
