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
 * The articles at any depth under `dir` (or `dir` itself), sorted by slug; an article without
 * translations is listed with none, so the caller can say so.
 * @throws InputError when `dir` is missing or holds no article.
 * @example await discoverCorpus('corpus') // [{ slug: 'japan-us-defense-industry', source: 'corpus/japan-us-defense-industry/source.vi.txt', translations: [...] }]
 */
export async function discoverCorpus(dir: string): Promise<CorpusArticle[]> {
  const articles: CorpusArticle[] = [];
  await walk(dir, dir.split(/[\\/]/).filter(Boolean).pop() ?? dir, articles, 0);
  if (articles.length === 0) {
    throw new InputError(`no article found in ${dir}`, {
      location: { file: dir },
      hint: `put each article in its own folder as <slug>/${SOURCE_FILE} with its *.en.txt translations beside it`,
    });
  }
  return articles.sort((a, b) => a.slug.localeCompare(b.slug));
}

/** Folders nested deeper than this are not searched (a corpus is shallow; a loop of links is not). */
const MAX_DEPTH = 8;

/** Collects the articles at or below `dir`: every folder with a source is an article, nested ones too. */
async function walk(dir: string, slug: string, out: CorpusArticle[], depth: number): Promise<void> {
  const names = await listDir(dir);
  if (names.includes(SOURCE_FILE)) out.push(await article(dir, slug, names));
  if (depth >= MAX_DEPTH) return;
  for (const name of names.sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const sub = join(dir, name);
    if ((await stat(sub)).isDirectory()) await walk(sub, depth === 0 ? name : `${slug}/${name}`, out, depth + 1);
  }
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
