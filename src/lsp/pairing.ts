/**
 * Which source an open translation translates, by the rules `vitrans check` uses: the config's
 * `sources:` first, then a bilingual file is its own source (XLIFF, TMX), then the names in its
 * folder (`NAME.vi.EXT` beside `NAME[.ENGINE].en.EXT`, the classic corpus's `source.vi.txt`,
 * translate's `NAME.bilingual.json`). Each answer says how it was found, for the one message the
 * server sends.
 */
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { folderArticles, type CorpusArticle } from '../text/corpus.js';
import { mappedSource, type SourceMapping } from '../config/sections.js';
import { detectFormat } from '../formats/registry.js';

/** A translation paired with its source, or why it is not. */
export type Pairing =
  | { kind: 'paired'; article: CorpusArticle; how: string }
  | { kind: 'source'; how: string }
  | { kind: 'none'; why: string };

/**
 * Pairs the file at `path` (absolute). `shown` names files in messages.
 * @example await pairTranslation('/proj/news/visit.deepl.en.md', { shown }) // { kind: 'paired', article: { source: '/proj/news/visit.vi.md', ... }, how: 'beside it by name' }
 */
export async function pairTranslation(path: string, options: { sources?: readonly SourceMapping[]; shown: (p: string) => string }): Promise<Pairing> {
  const mapped = mappedSource(path, options.sources);
  if (mapped !== undefined) return { kind: 'paired', article: { slug: '', source: mapped, translations: [path] }, how: `by sources: in the config` };
  // By its name, or for one that says nothing (an XLIFF saved as .xml) by its first bytes on disk.
  const format = await detectFormat(path);
  if (format === 'xliff') return { kind: 'paired', article: { slug: '', source: path, translations: [path] }, how: 'an XLIFF file holds its own source' };
  if (format === 'tmx') return { kind: 'none', why: 'a translation memory is checked whole by vitrans check, not as you type' };
  if (format === 'bilingual-json') return { kind: 'none', why: "translate's bilingual JSON is checked through the engine outputs beside it (NAME.ENGINE.en.txt): open one of them" };
  const name = basename(path);
  if (/\.vi\.[^.]+$/i.test(name)) return { kind: 'source', how: `${options.shown(path)} is a Vietnamese source: hovers and definitions only` };
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch (err) {
    return { kind: 'none', why: `its folder cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (!names.includes(name)) names.push(name);
  const { articles } = folderArticles(names);
  const owner = articles.find((a) => a.translations.includes(name));
  if (!owner) {
    return {
      kind: 'none',
      why: /\.en\.[^.]+$/i.test(name)
        ? 'no NAME.vi file beside it matches its name; name it NAME.en.EXT or NAME.ENGINE.en.EXT after its NAME.vi.EXT, or map it under sources: in vitrans.config.yaml'
        : 'it is not named as a translation (NAME.en.EXT); map it under sources: in vitrans.config.yaml',
    };
  }
  const folder = dirname(path);
  const article: CorpusArticle = { slug: '', source: join(folder, owner.source), translations: [path], ...(owner.bilingual ? { bilingual: join(folder, owner.bilingual) } : {}) };
  return { kind: 'paired', article, how: owner.bilingual ? `through ${owner.bilingual}, the bilingual file beside it` : 'beside it by name' };
}
