/**
 * Reading one article for checking: its source (in its own encoding, cleaned on request) and
 * every translation (plain files, or the engines of translate's bilingual JSON), each paired with
 * the view of the source it translates. Everything is read before anything is checked.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Finding, Paragraph, Position } from '../core/types.js';
import { UsageError } from '../core/errors.js';
import { compactText } from '../core/detach.js';
import { decodeText, readTextFile, type TextFile } from '../text/read.js';
import { readOptionsFor, type EncodingChoice, type FileRole } from '../text/encodings.js';
import { splitParagraphs } from '../text/paragraphs.js';
import type { CorpusArticle } from '../text/corpus.js';
import { readBilingual, type BilingualTexts } from './bilingual.js';
import { blankMarkdownCode, checkableText, isMarkdownFile } from './markdown/checkable.js';
import { formatByExtension } from './registry.js';
import { readHtmlArticle } from './html.js';
import { docxView, readDocxFile } from './docx.js';
import { parseMarkdown, renderMarkdown, type MarkdownDocument } from './markdown/segments.js';
import { cleanText, removalsAt, removeLines, withoutLines, type CleanOptions, type RemovedLine } from './clean.js';
import { assertSameSourceParagraphs, assertVietnameseSource, engineNameFromFile, firstDifferentParagraph, isBilingualPath } from './translation-files.js';

/** The path that stands for standard input. */
export const STDIN_PATH = '-';

/** Standard input, read by the caller (only the CLI touches the process): its bytes and the name to show. */
export interface StdinInput {
  bytes: Uint8Array;
  /** Shown in findings and matched by encoding patterns; a `.md` name reads it as Markdown. */
  name: string;
}

/** How the files of an article are read. */
export interface ArticleReadOptions {
  /** Where relative paths inside bilingual files are resolved from. */
  cwd: string;
  encodings?: EncodingChoice;
  /** Clean the source before checking (see formats/clean.ts); absent: read it as it is. */
  clean?: CleanOptions;
  /** Standard input, for a path `-`. */
  stdin?: StdinInput;
  /** How a path is shown in notes (default: as it is). */
  shown?: (path: string) => string;
  /**
   * Texts of files as an editor has them (unsaved), by path: read instead of the disk, as the
   * text the editor decoded (so as UTF-8, whatever the file's encoding), with their own warnings.
   */
  texts?: ReadonlyMap<string, string>;
  /**
   * Files read before, kept by path and reused while the file's size, times and inode stay the
   * same (the language server reads an article's source again at every edit of its translation).
   */
  readCache?: Map<string, { stamp: string; file: TextFile }>;
  /** The command's usage, for the error when a source is not Vietnamese. */
  usage?: string;
}

/** A source as the checker reads it: the file as read, and the text and paragraphs to check. */
export interface SourceView {
  file: TextFile;
  /** The checker's text: Markdown code and removed lines blanked, so positions are those of the file. */
  text: string;
  /** Paragraphs without the removed ones; absent when nothing was removed (the checker splits `text`). */
  paragraphs?: Paragraph[];
  removed: RemovedLine[];
}

/**
 * One translation to check, with the source view it translates. Not `writable` for --fix: stdin
 * and texts inside a bilingual JSON or TMX file. A side of a bilingual XML file brings its own
 * segments (`paragraphs`), moves findings back into the file (`relocate`) and may bring findings
 * of its own (`findings`).
 */
export type ArticleTranslation = TextFile & {
  engine?: string;
  writable: boolean;
  source: SourceView;
  paragraphs?: readonly Paragraph[];
  relocate?: (finding: Finding) => Finding;
  /** Findings the file's reader made itself (an XLIFF's `tag-mismatch`), in the file already. */
  findings?: readonly Finding[];
  /**
   * True when no text edit at the findings' positions fixes the file, so its findings offer none: a
   * Word document (its text lives in runs of XML inside a ZIP; a SARIF consumer would write
   * line:column edits into the ZIP), an engine's targets inside a bilingual JSON (`FILE#engine`
   * is the text translate wrote from them, not a file on disk).
   */
  noTextEdits?: true;
  /**
   * Where an offset of the checked texts (this translation's, or its source's) stands in the file,
   * when they are not the file's text (a bilingual XML file's segments); absent: the texts' own.
   */
  position?: (offset: number, side: 'source' | 'target') => Position;
  /** Read as Markdown though its name does not say so (a Markdown output inside a bilingual JSON); absent: by its name. */
  markdown?: boolean;
};

/** An article read from disk. `notes` say what the reader decided on its own (a changed source). */
export interface LoadedArticle {
  source: SourceView;
  translations: ArticleTranslation[];
  notes: string[];
}

/**
 * Reads an article found by discovery or given on the command line.
 * @throws InputError for a file that cannot be read or decoded, a source that is not Vietnamese;
 *   AlignmentError for a bilingual file of another text than the source given with it
 * @example const { source, translations } = await loadArticle({ slug: '', source: 'a.vi.txt', translations: ['a.en.txt'] }, { cwd })
 */
export async function loadArticle(article: CorpusArticle, options: ArticleReadOptions): Promise<LoadedArticle> {
  const reader = new ArticleReader(options);
  if (article.bilingual) return reader.fromBilingual(article.bilingual, article.translations);
  if (article.source === article.translations[0] && isBilingualPath(article.source)) return reader.fromBilingual(article.source);
  return reader.fromSource(article.source, article.translations);
}

/**
 * Whether an article file's text is read as Markdown: a Markdown file, or a web page (whose text,
 * once read, is its article as Markdown: see formats/html.ts).
 */
export function readsAsMarkdown(path: string): boolean {
  return isMarkdownFile(path) || formatByExtension(path) === 'html';
}

/**
 * The source paragraphs as `vitrans translate` sends them: Markdown segments or blank-line
 * paragraphs, of the text without the removed lines.
 */
export function translatedParagraphs(path: string, text: string, removed: readonly Pick<RemovedLine, 'line'>[] = []): string[] {
  const cleaned = removeLines(text, removed);
  return readsAsMarkdown(path) ? parseMarkdown(cleaned).segments.map((s) => s.text) : splitParagraphs(cleaned).map((p) => p.text);
}

/**
 * One engine answer as translate writes it into the output file: trimmed, and a blank line inside
 * it made a line break (it would split the paragraph and shift every later one).
 */
export function outputTarget(target: string): string {
  return target.replace(/\n[ \t]*(?:\n[ \t]*)+/g, '\n').trim();
}

/** What separates the paragraphs of a plain-text output. */
const PARAGRAPH_BREAK = '\n\n';

/**
 * The output file translate writes from an engine's targets (already `outputTarget`s): put back
 * into the Markdown source's structure (headings, list markers), else blank-line paragraphs.
 * @example outputText(parseMarkdown('# Tin\n\n- Một.\n- Hai.\n'), ['News', 'One.', 'Two.']) // '# News\n\n- One.\n- Two.\n'
 */
export function outputText(markdown: MarkdownDocument | undefined, targets: readonly string[]): string {
  // English joined from an engine's two-byte answers is held one byte a character: half the memory.
  return compactText(markdown ? renderMarkdown(markdown, targets) : targets.join(PARAGRAPH_BREAK) + '\n');
}

/**
 * The targets of a plain-text output (`outputText(undefined, targets)`) cut back out of it. V8
 * keeps a piece of a string as a reference into it, so the pieces hold the translated text once,
 * where the engine's strings beside the output hold it twice.
 * @example targetsInOutput('One.\n\nTwo.\n', ['One.', 'Two.']) // ['One.', 'Two.'], pieces of the text
 */
export function targetsInOutput(text: string, targets: readonly string[]): string[] {
  const pieces: string[] = [];
  let at = 0;
  for (const target of targets) {
    pieces.push(text.slice(at, at + target.length));
    at += target.length + PARAGRAPH_BREAK.length;
  }
  return pieces;
}

/**
 * How translate wrote an engine's targets for this source view: a bilingual JSON keeps segments
 * (each list item, each table cell), while its output file and the checker's paragraphs have the
 * source's structure, so the targets are checked as the file they made, never one per segment.
 */
function writtenFrom(view: SourceView): { markdown: boolean; text: (targets: readonly string[]) => string } {
  if (!readsAsMarkdown(view.file.path)) return { markdown: false, text: (targets) => outputText(undefined, targets.map(outputTarget)) };
  const doc = parseMarkdown(removeLines(view.file.text, view.removed));
  return { markdown: true, text: (targets) => outputText(doc, targets.map(outputTarget)) };
}

/**
 * The checker's view of a source: Markdown read without its code, and the given lines (or, with
 * `clean`, the lines cleaning finds) blanked.
 */
export function sourceView(file: TextFile, how: { clean?: CleanOptions; removed?: RemovedLine[] } = {}): SourceView {
  const markdown = readsAsMarkdown(file.path);
  const checkable = markdown ? blankMarkdownCode(file.text) : file.text;
  const removed = how.removed ?? (how.clean ? cleanText(file.text, { ...how.clean, markdown }).removed : []);
  if (removed.length === 0) return { file, text: checkable, removed };
  const view = withoutLines(checkable, removed);
  return { file, text: view.text, paragraphs: view.paragraphs, removed };
}

/** The paragraphs of Word documents read as sources, by the text file standing for each. */
const WORD_PARAGRAPHS = new WeakMap<TextFile, Paragraph[]>();

class ArticleReader {
  private readonly notes: string[] = [];
  constructor(private readonly options: ArticleReadOptions) {}

  private shown(path: string): string {
    return this.options.shown ? this.options.shown(path) : path;
  }

  /** Reads a file (or stdin) in the encoding its role and name call for. */
  private async read(path: string, role: FileRole): Promise<TextFile> {
    const encodings = this.options.encodings ?? {};
    const open = this.options.texts?.get(path);
    if (open !== undefined) return decodeText(Buffer.from(open, 'utf8'), path, { ...readOptionsFor(path, role, encodings), encoding: undefined });
    if (path !== STDIN_PATH) return this.readFile(path, role);
    const stdin = this.options.stdin;
    if (!stdin) throw new UsageError('"-" reads standard input, which is not available here', { hint: 'pass a file path instead' });
    return decodeText(stdin.bytes, stdin.name, readOptionsFor(stdin.name, role, encodings));
  }

  /** A file from disk, or from `readCache` when it has not changed since it was read as this role. */
  private async readFile(path: string, role: FileRole): Promise<TextFile> {
    const options = readOptionsFor(path, role, this.options.encodings ?? {});
    const cache = this.options.readCache;
    if (!cache) return readTextFile(path, options);
    const st = await stat(path).catch(() => undefined);
    const stamp = st && `${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}:${JSON.stringify(options)}`;
    const kept = cache.get(path);
    if (stamp !== undefined && kept?.stamp === stamp) return kept.file;
    const file = await readTextFile(path, options);
    if (stamp !== undefined) cache.set(path, { stamp, file });
    return file;
  }

  /** A Word document as the checker reads it: one line per paragraph, its paragraphs with text. */
  private async readWord(path: string): Promise<{ file: TextFile; paragraphs: Paragraph[] }> {
    const view = docxView(await readDocxFile(path, this.shown(path)));
    return { file: { path, text: view.text, warnings: [] }, paragraphs: view.paragraphs };
  }

  private async readSource(path: string): Promise<TextFile> {
    if (path !== STDIN_PATH && formatByExtension(path) === 'docx') {
      const word = await this.readWord(path);
      WORD_PARAGRAPHS.set(word.file, word.paragraphs);
      assertVietnameseSource(word.file.text, this.shown(path), this.options.usage ?? 'vitrans check SOURCE.vi.txt TRANSLATION.en.txt');
      return word.file;
    }
    let file = await this.read(path, 'source');
    if (formatByExtension(path) === 'html') file = { ...file, text: readHtmlArticle(file.text, this.shown(file.path)).markdown };
    assertVietnameseSource(checkableText(file.path, file.text), this.shown(file.path), this.options.usage ?? 'vitrans check SOURCE.vi.txt TRANSLATION.en.txt');
    return file;
  }

  /** A source with its translations: text files, and bilingual files checked against it. */
  async fromSource(sourcePath: string, translationPaths: readonly string[]): Promise<LoadedArticle> {
    const file = await this.readSource(sourcePath);
    const wordParagraphs = WORD_PARAGRAPHS.get(file);
    // A Word document has no site chrome to clean: it is checked as it is.
    const view: SourceView = wordParagraphs ? { file, text: file.text, paragraphs: wordParagraphs, removed: [] } : sourceView(file, { clean: this.options.clean });
    const translations: ArticleTranslation[] = [];
    for (const path of translationPaths) {
      if (path !== STDIN_PATH && formatByExtension(path) === 'docx') {
        // Not writable: --fix edits text, and a Word document's text lives in its runs.
        const word = await this.readWord(path);
        translations.push({ ...word.file, engine: engineFromName(path, sourcePath), writable: false, noTextEdits: true, source: view, paragraphs: word.paragraphs });
        continue;
      }
      const t = await this.read(path, 'translation');
      if (!isBilingualPath(path)) {
        translations.push({ ...t, engine: path === STDIN_PATH ? undefined : engineFromName(t.path, sourcePath), writable: path !== STDIN_PATH, source: view });
        continue;
      }
      const doc = readBilingual(t.text, t.path);
      const against = this.viewTranslatedBy(doc, view) ?? view;
      assertSameSourceParagraphs(doc.sources, this.shown(t.path), translatedParagraphs(file.path, file.text, against.removed), this.shown(file.path));
      for (const item of await this.engineTexts(doc, t.path, against)) translations.push(item);
    }
    return { source: view, translations, notes: this.notes };
  }

  /** The view a bilingual file was translated from: the given one, or the source cleaned as the file records. */
  private viewTranslatedBy(doc: BilingualTexts, view: SourceView): SourceView | undefined {
    const { file } = view;
    if (firstDifferentParagraph(doc.sources, translatedParagraphs(file.path, file.text, view.removed)) < 0) return view;
    const recorded = doc.origin?.clean && removalsAt(file.text, doc.origin.clean.removed);
    if (!recorded || firstDifferentParagraph(doc.sources, translatedParagraphs(file.path, file.text, recorded)) >= 0) return undefined;
    return sourceView(file, { removed: recorded });
  }

  /**
   * translate's bilingual JSON: the source it names when that file still has the text translated
   * (else the source paragraphs the JSON keeps), and its engines: the output files beside it as
   * they are now when `outputs` lists them (an output folder), else each engine's output file
   * while it holds what the engine returned, else its text inside the JSON.
   */
  async fromBilingual(jsonPath: string, outputs?: readonly string[]): Promise<LoadedArticle> {
    const json = await this.read(jsonPath, 'translation');
    const doc = readBilingual(json.text, json.path);
    const source = (await this.namedSource(doc, json.path)) ?? {
      file: { path: `${json.path}#source`, text: doc.sources.join('\n\n'), warnings: [] },
      text: doc.sources.join('\n\n'),
      removed: [],
    };
    if (outputs === undefined) return { source, translations: await this.engineTexts(doc, json.path, source), notes: this.notes };
    const translations: ArticleTranslation[] = [];
    const covered = new Set<string>();
    for (const path of outputs) {
      const t = await this.read(path, 'translation');
      const engine = engineFromName(path);
      if (engine) covered.add(engine);
      translations.push({ ...t, engine, writable: true, source });
    }
    const written = writtenFrom(source);
    for (const e of doc.engines.filter((x) => !covered.has(x.name))) translations.push(insideJson(json.path, e, source, written));
    return { source, translations, notes: this.notes };
  }

  /** The source file a bilingual JSON names, viewed as it was translated; undefined when it is gone or has changed. */
  private async namedSource(doc: BilingualTexts, jsonPath: string): Promise<SourceView | undefined> {
    const origin = doc.origin;
    if (!origin) return undefined;
    const candidates = [...new Set([...(origin.path ? [resolve(dirname(jsonPath), origin.path)] : []), resolve(this.options.cwd, origin.file)])];
    for (const path of candidates) {
      if (!existsSync(path)) continue;
      const file = await this.readSource(path);
      const removed = origin.clean ? removalsAt(file.text, origin.clean.removed) : [];
      if (removed && firstDifferentParagraph(doc.sources, translatedParagraphs(file.path, file.text, removed)) < 0) return sourceView(file, { removed });
      this.notes.push(`${this.shown(path)} has changed since ${this.shown(jsonPath)} was written: its translations are checked against the source text kept in the JSON`);
      return undefined;
    }
    return undefined;
  }

  /** Each engine of a bilingual file: its output file while unchanged (beside the JSON or where it was written), else its text in the JSON. */
  private async engineTexts(doc: BilingualTexts, jsonPath: string, source: SourceView): Promise<ArticleTranslation[]> {
    const out: ArticleTranslation[] = [];
    const written = writtenFrom(source);
    for (const e of doc.engines) {
      const real = await bilingualEngineOutput(e, jsonPath, this.options.cwd, written.text(e.targets));
      out.push(real ? { ...real, engine: e.name, writable: true, source } : insideJson(jsonPath, e, source, written));
    }
    return out;
  }
}

/**
 * A bilingual JSON engine's output file while it still holds the JSON's targets: where translate
 * wrote it (from `cwd`), else beside the JSON. Undefined when it is gone or was edited since.
 * `written` is the text translate wrote from the targets (default: blank-line paragraphs; a
 * Markdown source's output has its structure, see `outputText`).
 */
export async function bilingualEngineOutput(
  engine: { targets: readonly string[]; output?: string },
  jsonPath: string,
  cwd: string,
  written: string = engine.targets.join('\n\n'),
): Promise<TextFile | undefined> {
  if (engine.output === undefined) return undefined;
  const expected = written.replace(/\n$/, '');
  for (const place of new Set([resolve(cwd, engine.output), join(dirname(jsonPath), basename(engine.output))])) {
    const real = await sameText(place, expected);
    if (real) return real;
  }
  return undefined;
}

/**
 * One engine's targets inside a bilingual JSON file, as `FILE#engine` (not writable): the text
 * translate wrote from them, so its paragraphs are those of the source view, and one made for a
 * Markdown source is read as Markdown, as its output file is.
 */
function insideJson(jsonPath: string, engine: BilingualTexts['engines'][number], source: SourceView, written: ReturnType<typeof writtenFrom>): ArticleTranslation {
  const text = written.text(engine.targets).replace(/\n$/, '');
  return { path: `${jsonPath}#${engine.name}`, text, warnings: [], engine: engine.name, writable: false, noTextEdits: true, source, ...(written.markdown ? { markdown: true } : {}) };
}

/** The file at `path` when it still holds `text` (plain-text outputs end with one newline), else undefined. */
async function sameText(path: string, text: string): Promise<TextFile | undefined> {
  try {
    const file = await readTextFile(path);
    return file.text.replace(/\n$/, '') === text ? file : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The engine a translation file is named after, if its name tells. Beside its source, a flat pair's
 * `NAME.en.txt` names none (its name is the article's, not an engine's) and `NAME.deepl.en.txt` names deepl.
 */
function engineFromName(path: string, sourcePath?: string): string | undefined {
  if (sourcePath !== undefined && sourcePath !== STDIN_PATH) {
    const articleName = basename(sourcePath).replace(/(\.vi)?\.[^.]+$/i, '');
    const translationName = basename(path).replace(/(\.en)?\.[^.]+$/i, '');
    if (translationName === articleName) return undefined;
  }
  try {
    return engineNameFromFile(path);
  } catch {
    return undefined; // a name such as ".en.txt" names no engine; the finding simply has none
  }
}

/** A side pair of a bilingual XML file (TMX, XLIFF) as an article: not writable, findings moved back into the file. */
export function bilingualArticle(
  path: string,
  set: {
    source: { text: string; paragraphs: readonly Paragraph[] };
    translation: { text: string; paragraphs: readonly Paragraph[] };
    relocate: (f: Finding) => Finding;
    position: (offset: number, side: 'source' | 'target') => Position;
  },
  extra: Pick<ArticleTranslation, 'engine' | 'findings'>,
): LoadedArticle {
  const source: SourceView = { file: { path, text: set.source.text, warnings: [] }, text: set.source.text, paragraphs: [...set.source.paragraphs], removed: [] };
  const translation: ArticleTranslation = { path, text: set.translation.text, warnings: [], paragraphs: set.translation.paragraphs, writable: false, relocate: set.relocate, position: set.position, source, ...extra };
  return { source, translations: [translation], notes: [] };
}

