/**
 * What `translate` does with its inputs before planning: cut each source into what gets sent
 * (cleaned of site chrome on request), and give every input's outputs a place under the output
 * folder that no other input shares.
 */
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { TextFile } from '../text/read.js';
import { splitParagraphs } from '../text/paragraphs.js';
import { cleanText, type CleanOptions, type RemovedLine } from '../formats/clean.js';
import { parseMarkdown, type MarkdownDocument } from '../formats/markdown/segments.js';
import { readsAsMarkdown, sourceView, type SourceView } from '../formats/articles.js';
import type { ProtectedSpan } from './placeholders.js';

/** A source cut into what gets translated. */
export interface TranslationSource {
  format: 'text' | 'markdown';
  /** The text that is translated: the file's, without the lines cleaning removed. */
  text: string;
  segments: string[];
  markup?: ProtectedSpan[][];
  markdown?: MarkdownDocument;
  /** Lines cleaning removed (empty without cleaning). */
  removed: RemovedLine[];
  /** The source as the checker reads it, positions those of the file (for checking the outputs). */
  view: SourceView;
}

/**
 * Cuts a source file into segments: blank-line paragraphs, or Markdown's translatable parts; with
 * `clean`, after removing the site chrome lines, so none of it is sent or paid for.
 * @throws ConfigError for an invalid clean pattern
 * @example prepareTranslationSource(file, { clean: {} }).segments // the article's paragraphs, without "Logo Zephyrnet"
 */
export function prepareTranslationSource(file: TextFile, options: { clean?: CleanOptions } = {}): TranslationSource {
  const markdown = readsAsMarkdown(file.path);
  const cleaned = options.clean ? cleanText(file.text, { ...options.clean, markdown }) : { text: file.text, removed: [] };
  const view = sourceView(file, { removed: cleaned.removed });
  if (markdown) {
    const doc = parseMarkdown(cleaned.text);
    return { format: 'markdown', text: cleaned.text, segments: doc.segments.map((s) => s.text), markup: doc.segments.map((s) => s.markup), markdown: doc, removed: cleaned.removed, view };
  }
  return { format: 'text', text: cleaned.text, segments: splitParagraphs(cleaned.text).map((p) => p.text), removed: cleaned.removed, view };
}

/** Where one input's outputs go: a folder and the stem of their names (`<dir>/<stem>.<engine>.en.txt`, `<dir>/<stem>.bilingual.json`). */
export interface OutputPlace {
  dir: string;
  stem: string;
}

/**
 * Places every input's outputs under `outDir`. One input, or inputs of one folder, write straight
 * into `outDir` as `<name without extension>.*`; inputs from several folders keep their folders
 * below the common parent (`corpus/a/source.vi.txt` → `out/a/source.vi.*`). Two inputs of one
 * folder with the same name but another extension keep their extensions in the stem
 * (`a.txt.*`, `a.md.*`). `name` is how an input without a folder (stdin) is called.
 * @throws UsageError when a file is given twice
 * @example outputPlaces(['/c/a/source.vi.txt', '/c/b/source.vi.txt'], '/out') // [{ dir: '/out/a', stem: 'source.vi' }, { dir: '/out/b', stem: 'source.vi' }]
 */
export function outputPlaces(inputs: readonly { path: string; folderless?: boolean }[], outDir: string): OutputPlace[] {
  const folders = inputs.filter((i) => !i.folderless).map((i) => dirname(i.path));
  const common = folders.length === 0 ? '' : folders.reduce(commonFolder);
  const places = inputs.map((i) => ({
    dir: i.folderless ? outDir : join(outDir, relative(common, dirname(i.path))),
    stem: basename(i.path, extname(i.path)),
  }));
  const key = (p: OutputPlace): string => join(p.dir, p.stem);
  const seen = new Map<string, number[]>();
  places.forEach((p, i) => seen.set(key(p), [...(seen.get(key(p)) ?? []), i]));
  for (const clash of [...seen.values()].filter((list) => list.length > 1)) {
    for (const i of clash) places[i]!.stem = basename(inputs[i]!.path);
  }
  const final = new Map<string, number>();
  places.forEach((p, i) => {
    const other = final.get(key(p));
    if (other !== undefined) {
      throw new UsageError(`${inputs[other]!.path} and ${inputs[i]!.path} would write the same outputs (${p.stem}.*)`, { hint: 'give each file once (for stdin, a --stdin-filename no other input has)' });
    }
    final.set(key(p), i);
  });
  return places;
}

/** The deepest folder containing both. */
function commonFolder(a: string, b: string): string {
  const x = a.split(sep);
  const y = b.split(sep);
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return x.slice(0, n).join(sep) || sep;
}
