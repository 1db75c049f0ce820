/**
 * Finding the articles under a directory, in every layout people have:
 * - a corpus: `<slug>/source.vi.txt` with any `*.en.txt` beside it;
 * - flat pairs: `NAME.vi.txt` beside `NAME.en.txt` or `NAME.ENGINE.en.txt` (several per folder);
 * - Markdown: the same with `.md` (`source.vi.md`, `NAME.deepl.en.md`);
 * - translate's output folder: `NAME.bilingual.json` with its `NAME.ENGINE.en.txt|md` outputs,
 *   the source being the one the JSON names (read by the caller, see formats/articles.ts).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../core/errors.js';

/** The source file name every classic corpus article has. */
export const SOURCE_FILE = 'source.vi.txt';

/** One article: its source and its translations (sorted by file name). */
export interface CorpusArticle {
  slug: string;
  /** The source file; for an article known only from translate's bilingual JSON, that JSON file. */
  source: string;
  translations: string[];
  /** translate's `NAME.bilingual.json`, for an article found in an output folder: its source is the one the JSON names. */
  bilingual?: string;
}

/** What a directory holds: its articles, and translation files that belong to none of them. */
export interface CorpusScan {
  articles: CorpusArticle[];
  /** `*.en.*` files whose name matches no source beside them (the caller says so). */
  unmatched: string[];
}

/** The hint every "nothing found" error gives: the layouts discovery understands. */
export const CORPUS_LAYOUT_HINT =
  `put each article in a folder as <slug>/${SOURCE_FILE} (or NAME.vi.txt, or .md) with its translations NAME.en.txt or NAME.ENGINE.en.txt beside it, or give the folder vitrans translate wrote`;

/**
 * The articles at any depth under `dir` (or `dir` itself), sorted by slug; an article without
 * translations is listed with none, so the caller can say so.
 * @throws InputError when `dir` is missing or holds no article.
 * @example await discoverCorpus('corpus') // [{ slug: 'japan-us-defense-industry', source: 'corpus/japan-us-defense-industry/source.vi.txt', translations: [...] }]
 */
export async function discoverCorpus(dir: string): Promise<CorpusArticle[]> {
  return (await scanCorpus(dir)).articles;
}

/**
 * Like discoverCorpus, also listing the translation files that match no source.
 * `translationsOnly`: a folder of translations alone is no error (their sources may be mapped elsewhere).
 * @throws InputError when `dir` is missing or holds no article (nor, with `translationsOnly`, a translation).
 */
export async function scanCorpus(dir: string, options: { translationsOnly?: boolean } = {}): Promise<CorpusScan> {
  const scan: CorpusScan = { articles: [], unmatched: [] };
  await walk(dir, dir.split(/[\\/]/).filter(Boolean).pop() ?? dir, scan, 0);
  if (scan.articles.length === 0 && !(options.translationsOnly && scan.unmatched.length > 0)) {
    throw new InputError(`no article found in ${dir}`, { location: { file: dir }, hint: CORPUS_LAYOUT_HINT });
  }
  scan.articles.sort((a, b) => a.slug.localeCompare(b.slug));
  return scan;
}

/** Folders nested deeper than this are not searched (a corpus is shallow; a loop of links is not). */
const MAX_DEPTH = 8;

/** Collects the articles at or below `dir`: every folder with a source or a bilingual file has articles, nested ones too. */
async function walk(dir: string, slug: string, scan: CorpusScan, depth: number): Promise<void> {
  const names = (await listDir(dir)).sort();
  const files: string[] = [];
  const dirs: string[] = [];
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    ((await stat(join(dir, name))).isDirectory() ? dirs : files).push(name);
  }
  const found = folderArticles(files);
  for (const a of found.articles) {
    const own = a.name === undefined ? slug : slug === '' ? a.name : `${slug}/${a.name}`;
    scan.articles.push({
      slug: own,
      source: join(dir, a.source),
      translations: a.translations.map((t) => join(dir, t)),
      ...(a.bilingual ? { bilingual: join(dir, a.bilingual) } : {}),
    });
  }
  for (const item of found.unmatched.map((t) => join(dir, t))) scan.unmatched.push(item);
  if (depth >= MAX_DEPTH) return;
  for (const name of dirs) await walk(join(dir, name), depth === 0 ? name : `${slug}/${name}`, scan, depth + 1);
}

const SOURCE_NAME = /^(.+)\.vi\.(txt|md|markdown)$/i;
const TRANSLATION_NAME = /^(.+)\.en\.(txt|md|markdown)$/i;
const BILINGUAL_NAME = /^(.+)\.bilingual\.json$/i;

/** Plain text and Markdown are read differently: a translation goes with a source of its own kind. */
const kindOf = (ext: string): string => (ext.toLowerCase() === 'txt' ? 'text' : 'markdown');

/** An article among the file names of one folder; `name` is undefined for a folder's only `source.vi.*` (the classic layout). */
interface FolderArticle {
  name?: string;
  source: string;
  translations: string[];
  bilingual?: string;
}

/**
 * Pairs the files of one folder. A translation `T.en.EXT` goes to the source `NAME.vi.EXT` whose
 * NAME is T or a prefix of it before a dot (`a.deepl`, `a.vi.deepl` → `a`), the longest such
 * NAME winning; else to the bilingual file `NAME.bilingual.json` it was written beside; else,
 * when the folder's one source of its kind is `source.vi.*`, to that one (the classic corpus
 * layout: any `*.en.txt` beside `source.vi.txt`).
 * Pure over names, so it is tested without a disk.
 */
export function folderArticles(names: readonly string[]): { articles: FolderArticle[]; unmatched: string[] } {
  const sources: Array<FolderArticle & { stem: string; kind: string }> = [];
  const bilinguals: Array<FolderArticle & { stem: string }> = [];
  const translations: Array<{ file: string; stem: string; kind: string }> = [];
  for (const file of names) {
    const s = SOURCE_NAME.exec(file);
    if (s) {
      const stem = s[1]!;
      sources.push({ name: stem, source: file, translations: [], stem, kind: kindOf(s[2]!) });
      continue;
    }
    const t = TRANSLATION_NAME.exec(file);
    if (t) {
      translations.push({ file, stem: t[1]!, kind: kindOf(t[2]!) });
      continue;
    }
    const b = BILINGUAL_NAME.exec(file);
    if (b) bilinguals.push({ name: b[1]!, source: file, translations: [], bilingual: file, stem: b[1]! });
  }
  // A bilingual file written beside its own source (translate --out .) adds nothing: that source has the outputs.
  // (translate names its outputs after the source file without its extension.)
  const sourceFiles = new Set(sources.map((x) => x.source.replace(/\.[^.]+$/, '')));
  const standalone = bilinguals.filter((b) => !sourceFiles.has(b.stem));
  // The classic layout's article is named after its folder alone.
  if (sources.length === 1 && sources[0]!.stem.toLowerCase() === 'source') delete sources[0]!.name;
  // Lookups by name, so a folder of thousands of pairs is paired in linear time.
  const byKindAndStem = new Map(sources.map((x) => [`${x.kind}\0${x.stem}`, x]));
  const bilingualByStem = new Map(standalone.map((x) => [x.stem, x]));
  const classicOf = new Map<string, FolderArticle | undefined>();
  for (const kind of ['text', 'markdown']) {
    const ofKind = sources.filter((x) => x.kind === kind);
    classicOf.set(kind, ofKind.length === 1 && ofKind[0]!.stem.toLowerCase() === 'source' ? ofKind[0] : undefined);
  }
  /** The entry named by the stem or by its longest prefix ending before a dot. */
  const longest = <T>(map: Map<string, T>, stem: string, prefix = ''): T | undefined => {
    for (let name = stem; ; ) {
      const hit = map.get(prefix + name);
      if (hit) return hit;
      const dot = name.lastIndexOf('.');
      if (dot <= 0) return undefined;
      name = name.slice(0, dot);
    }
  };
  const unmatched: string[] = [];
  for (const t of translations) {
    const owner = longest(byKindAndStem, t.stem, `${t.kind}\0`) ?? longest(bilingualByStem, t.stem) ?? classicOf.get(t.kind);
    if (owner) owner.translations.push(t.file);
    else unmatched.push(t.file);
  }
  const articles = [...sources, ...standalone].map(({ stem: _stem, kind: _kind, ...a }: FolderArticle & { stem: string; kind?: string }) => a);
  return { articles, unmatched };
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
