/**
 * The bilingual JSON written beside the translations (`<basename>.bilingual.json`), read by the
 * compare and check commands. The schema is versioned; fields are only ever added.
 *
 * ```jsonc
 * {
 *   "version": 1,
 *   "source": { "file": "articles/a.txt", "format": "text", "sourceLang": "vi", "targetLang": "en",
 *               "path": "../articles/a.txt",              // from this file's folder (added later: optional)
 *               "clean": { "removed": [{ "line": 1, "rule": "site-logo", "text": "Logo Zephyrnet" }] } },  // translate --clean only
 *   "glossary": { "file": "glossary.yaml", "hash": "…" } | null,
 *   "engines": {                        // engines that finished this file, in command-line order
 *     "deepl": { "model": "deepl", "output": "out/a.deepl.en.txt", "billedCharacters": 9860 | null,
 *                "cachedParagraphs": 12, "findings": [Finding…],   // findings without a paragraph
 *                "findingCounts": { "errors": 2, "warnings": 1, "infos": 0, "suppressed": 1 } }  // the whole file's (added later: optional)
 *   },
 *   "paragraphs": [
 *     { "index": 1,                     // 1-based; text files: blank-line paragraphs; Markdown: segments
 *       "source": "…NFC…",
 *       "translations": {
 *         "deepl": { "target": "…", "model": "deepl", "billedCharacters": 120 | null, "cached": false,
 *                    "masked": false, "warnings": ["placeholder-lost"], "findings": [Finding…] } } }
 *   ]
 * }
 * ```
 * `Finding` is src/core/types.ts; its positions point into the engine's output file. A suppressed
 * finding (inline, or by the config's suppressions) keeps its `suppression` (kind, reason, where).
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { InputError } from '../core/errors.js';
import type { Finding } from '../core/types.js';
import type { ParagraphTranslation, TranslationWarning } from '../core/types.js';

/** Schema version of the bilingual JSON. */
export const BILINGUAL_VERSION = 1;

/** One engine's rendering of one paragraph. */
export interface BilingualTranslation {
  target: string;
  model: string;
  billedCharacters: number | null;
  cached: boolean;
  masked: boolean;
  warnings: TranslationWarning[];
  findings: Finding[];
}

/** One source paragraph and every engine's translation of it. */
export interface BilingualParagraph {
  index: number;
  source: string;
  translations: Record<string, BilingualTranslation>;
}

/** Per-engine totals and findings that belong to no single paragraph. */
export interface BilingualEngine {
  model: string;
  /** The output file, as shown to the user (relative to the working directory). */
  output: string;
  billedCharacters: number | null;
  cachedParagraphs: number;
  findings: Finding[];
  /** The findings of the whole file by severity, the suppressed ones counted apart; absent in files written before. */
  findingCounts?: FindingCounts;
  /** When the engine finished the file (ISO 8601, UTC); absent in files written before it was recorded. */
  finishedAt?: string;
}

/** Findings by severity; suppressed ones only under `suppressed`. */
export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
  suppressed: number;
}

/** Counts findings by severity, the suppressed ones apart. */
function countFindings(lists: Iterable<readonly Finding[]>): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, infos: 0, suppressed: 0 };
  for (const list of lists) {
    for (const f of list) {
      if (f.suppression) counts.suppressed++;
      else if (f.severity === 'error') counts.errors++;
      else if (f.severity === 'warning') counts.warnings++;
      else counts.infos++;
    }
  }
  return counts;
}

/** Lines `translate --clean` removed from the source before translating it (1-based lines of the source file). */
export interface BilingualClean {
  removed: Array<{ line: number; rule: string; text: string }>;
}

/** Where the paragraphs came from. */
export interface BilingualSource {
  /** The source file, as shown to the user (relative to the working directory of the run). */
  file: string;
  format: 'text' | 'markdown';
  sourceLang: string;
  targetLang: string;
  /** The source file relative to the bilingual file's folder, so the pair can be found from anywhere. */
  path?: string;
  /** Present when the source was cleaned: the paragraphs are those of the source without these lines. */
  clean?: BilingualClean;
}

/** The whole bilingual document. */
export interface BilingualDocument {
  version: typeof BILINGUAL_VERSION;
  source: BilingualSource;
  glossary: { file: string; hash: string } | null;
  engines: Record<string, BilingualEngine>;
  paragraphs: BilingualParagraph[];
}

/** One engine's finished file, as the command has it. */
export interface EngineFileResult {
  engine: string;
  model: string;
  output: string;
  translations: ParagraphTranslation[];
  /** Findings by 0-based paragraph index (same length as translations), plus the rest. */
  paragraphFindings: Finding[][];
  otherFindings: Finding[];
  /** When the engine finished the file. */
  finishedAt?: Date;
}

/** The bilingual document without its paragraphs. */
export type BilingualHeader = Omit<BilingualDocument, 'paragraphs'>;

/** The header of the bilingual document of one source file: each finished engine's totals. */
export function bilingualHeader(
  source: BilingualDocument['source'],
  glossary: BilingualDocument['glossary'],
  results: readonly EngineFileResult[],
): BilingualHeader {
  const engines: Record<string, BilingualEngine> = {};
  for (const r of results) {
    let billed: number | null = null;
    let cachedParagraphs = 0;
    for (const t of r.translations) {
      if (t.billedCharacters !== undefined) billed = (billed ?? 0) + t.billedCharacters;
      if (t.cached) cachedParagraphs++;
    }
    engines[r.engine] = {
      model: r.model,
      output: r.output,
      billedCharacters: billed,
      cachedParagraphs,
      findings: r.otherFindings,
      findingCounts: countFindings([r.otherFindings, ...r.paragraphFindings]),
      ...(r.finishedAt ? { finishedAt: r.finishedAt.toISOString() } : {}),
    };
  }
  return { version: BILINGUAL_VERSION, source, glossary, engines };
}

/**
 * The paragraphs of the bilingual document, one per source paragraph, made as they are asked for:
 * a document of a million paragraphs is written without being held in memory whole.
 */
export function* bilingualParagraphs(sources: readonly string[], results: readonly EngineFileResult[]): Generator<BilingualParagraph> {
  for (let i = 0; i < sources.length; i++) {
    const translations: Record<string, BilingualTranslation> = {};
    for (const r of results) {
      const t = r.translations[i]!;
      translations[r.engine] = {
        target: t.target,
        model: t.model,
        billedCharacters: t.billedCharacters ?? null,
        cached: t.cached,
        masked: Boolean(t.masked),
        warnings: t.warnings,
        findings: r.paragraphFindings[i] ?? [],
      };
    }
    yield { index: i + 1, source: sources[i]!.normalize('NFC'), translations };
  }
}

/**
 * Builds the bilingual document for one source file from every engine that finished it.
 * @example buildBilingual({ file: 'a.txt', format: 'text', sourceLang: 'vi', targetLang: 'en' }, null, ['Xin chào'], results)
 */
export function buildBilingual(
  source: BilingualDocument['source'],
  glossary: BilingualDocument['glossary'],
  sources: readonly string[],
  results: readonly EngineFileResult[],
): BilingualDocument {
  return { ...bilingualHeader(source, glossary, results), paragraphs: [...bilingualParagraphs(sources, results)] };
}

/**
 * The bilingual document as JSON text, in pieces: the header and `"paragraphs":[` on the first
 * line, then one paragraph per line, then `]}`. The pieces joined are one valid JSON document (what
 * JSON.parse reads); one paragraph per line is also what `readPreviousBilingual` reads back a
 * line at a time, and keeps diffs of a rerun readable.
 */
export async function* bilingualJson(header: BilingualHeader, paragraphs: Iterable<BilingualParagraph> | AsyncIterable<BilingualParagraph>): AsyncGenerator<string> {
  const head = JSON.stringify({ ...header, paragraphs: [] });
  yield head.slice(0, -2) + '\n';
  let first = true;
  for await (const p of paragraphs) {
    yield (first ? '' : ',\n') + JSON.stringify(p);
    first = false;
  }
  yield (first ? '' : '\n') + ']}\n';
}

/**
 * The bilingual document of this run, keeping the engines an earlier run wrote for the same source
 * (a later run with fewer engines must not drop them). An earlier document of another source,
 * schema version or shape is replaced.
 * @example mergeBilingual(JSON.parse(old), buildBilingual(...)).engines // { openai: …, libretranslate: … }
 */
export function mergeBilingual(previous: unknown, next: BilingualDocument): BilingualDocument {
  const old = previous as Partial<BilingualDocument> | null;
  if (!old || old.version !== BILINGUAL_VERSION || !Array.isArray(old.paragraphs) || !old.engines) return next;
  const sameSource =
    old.paragraphs.length === next.paragraphs.length &&
    old.paragraphs.every((p, i) => typeof p?.source === 'string' && p.source.normalize('NFC') === next.paragraphs[i]!.source);
  if (!sameSource) return next;
  const kept = Object.keys(old.engines).filter((name) => !(name in next.engines) && old.paragraphs!.every((p) => p.translations?.[name]));
  if (kept.length === 0) return next;
  return {
    ...next,
    engines: { ...next.engines, ...Object.fromEntries(kept.map((name) => [name, old.engines![name]!])) },
    paragraphs: next.paragraphs.map((p, i) => ({
      ...p,
      translations: { ...p.translations, ...Object.fromEntries(kept.map((name) => [name, old.paragraphs![i]!.translations[name]!])) },
    })),
  };
}

/** An earlier bilingual file, read paragraph by paragraph (see readPreviousBilingual). */
export interface PreviousBilingual {
  header: Partial<BilingualHeader>;
  /** Its paragraphs, read again from the file on every call; a malformed one ends the reading with an error. */
  paragraphs(): AsyncIterable<Partial<BilingualParagraph> | null>;
}

/**
 * An earlier bilingual file at `path`: the one-paragraph-per-line layout `bilingualJson` writes is
 * read a line at a time, any other JSON whole (files written that way were small enough to be
 * one string). Undefined when there is no file or it is not a JSON object.
 */
export async function readPreviousBilingual(path: string): Promise<PreviousBilingual | undefined> {
  let firstLine: string;
  try {
    firstLine = await readFirstLine(path);
  } catch {
    return undefined;
  }
  if (firstLine.endsWith('"paragraphs":[')) {
    let header: Partial<BilingualHeader>;
    try {
      header = JSON.parse(firstLine + ']}') as Partial<BilingualHeader>;
    } catch {
      return undefined;
    }
    return {
      header,
      async *paragraphs() {
        let line = 0;
        for await (const text of readLines(path)) {
          if (line++ === 0 || text === ']}' || text === '') continue;
          yield JSON.parse(text.endsWith(',') ? text.slice(0, -1) : text) as Partial<BilingualParagraph>;
        }
      },
    };
  }
  let doc: Partial<BilingualDocument>;
  try {
    doc = JSON.parse(await readFile(path, 'utf8')) as Partial<BilingualDocument>;
  } catch {
    return undefined;
  }
  if (!doc || typeof doc !== 'object') return undefined;
  const { paragraphs, ...header } = doc;
  return {
    header,
    async *paragraphs() {
      if (Array.isArray(paragraphs)) for (const p of paragraphs) yield p;
    },
  };
}

/** What merging with an earlier file gives: the header to write, its paragraphs, and the earlier engines not kept. */
export interface MergedBilingual {
  header: BilingualHeader;
  paragraphs: AsyncIterable<BilingualParagraph>;
  /** Engines of the earlier file that are neither kept nor in this run (it was for another text). */
  dropped: string[];
}

/**
 * mergeBilingual for documents too big to hold: this run's header and paragraphs (`next`, made
 * again for each call) with the engines an earlier file holds for the same source, read from the
 * file as they are written. The earlier file is read twice (to decide, then to copy), never whole.
 */
export async function mergeWithPrevious(
  previous: PreviousBilingual | undefined,
  header: BilingualHeader,
  sources: readonly string[],
  next: () => Iterable<BilingualParagraph>,
): Promise<MergedBilingual> {
  const fresh = async function* (): AsyncGenerator<BilingualParagraph> {
    yield* next();
  };
  const old = previous?.header;
  const none = { header, paragraphs: fresh(), dropped: [] };
  if (!previous || !old || old.version !== BILINGUAL_VERSION || !old.engines || typeof old.engines !== 'object') return none;
  const oldEngines = Object.keys(old.engines);
  const candidates = new Set(oldEngines.filter((name) => !(name in header.engines)));
  let count = 0;
  let sameSource = true;
  try {
    for await (const p of previous.paragraphs()) {
      const expected = sources[count++];
      if (expected === undefined || typeof p?.source !== 'string' || p.source.normalize('NFC') !== expected.normalize('NFC')) {
        sameSource = false;
        break;
      }
      for (const name of candidates) if (!p.translations?.[name]) candidates.delete(name);
    }
  } catch {
    // A broken earlier file (cut off by a full disk, edited by hand) is replaced, as an unreadable one is.
    return none;
  }
  if (!sameSource || count !== sources.length) return { ...none, dropped: oldEngines.filter((name) => !(name in header.engines)) };
  const kept = [...candidates];
  // As mergeBilingual: an earlier engine missing from some paragraph is not kept either.
  const dropped = oldEngines.filter((name) => !(name in header.engines) && !candidates.has(name));
  if (kept.length === 0) return { ...none, dropped };
  const merged: BilingualHeader = { ...header, engines: { ...header.engines, ...Object.fromEntries(kept.map((name) => [name, old.engines![name]!])) } };
  return {
    header: merged,
    dropped,
    paragraphs: (async function* () {
      const earlier = previous.paragraphs()[Symbol.asyncIterator]();
      try {
        for (const p of next()) {
          const o = (await earlier.next()).value as BilingualParagraph;
          yield { ...p, translations: { ...p.translations, ...Object.fromEntries(kept.map((name) => [name, o.translations[name]!])) } };
        }
      } finally {
        await earlier.return?.();
      }
    })(),
  };
}

/** The file's first line, read in pieces until its line break (the stream is closed after). */
async function readFirstLine(path: string): Promise<string> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 });
  let line = '';
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      const end = chunk.indexOf('\n');
      if (end >= 0) return (line + chunk.slice(0, end)).replace(/\r$/, '');
      line += chunk;
    }
    return line;
  } finally {
    stream.destroy();
  }
}

/** The lines of a UTF-8 file, without their line breaks, read as a stream. */
function readLines(path: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
}

/** What `check` and `compare` take from a bilingual file: the source and each engine's text, paragraph-aligned. */
export interface BilingualTexts {
  /** Source paragraphs (NFC). */
  sources: string[];
  /** Engines in the file's order, each with one target per source paragraph. */
  engines: { name: string; targets: string[]; output?: string }[];
  /** The source file the paragraphs came from, when the file says (and how it was cleaned). */
  origin?: Pick<BilingualSource, 'file' | 'path' | 'clean'>;
}

/**
 * Reads a bilingual JSON file written by `vitrans translate`.
 * @throws InputError when it is not JSON, not this schema, or of a newer version
 * @example readBilingual(await readFile('out/a.bilingual.json', 'utf8'), 'out/a.bilingual.json').engines[0].name === 'deepl'
 */
export function readBilingual(text: string, file: string): BilingualTexts {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`not valid JSON: ${(err as Error).message}`, { location: { file }, cause: err });
  }
  const doc = data as Partial<BilingualDocument> | null;
  const shape = (what: string) =>
    new InputError(`not a vitrans bilingual file: ${what}`, {
      location: { file },
      hint: 'pass the *.bilingual.json that `vitrans translate` writes, or the plain *.en.txt outputs',
    });
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.paragraphs)) throw shape('no "paragraphs" list');
  if (doc.version !== BILINGUAL_VERSION) {
    throw new InputError(`bilingual file version ${String(doc.version)} is not supported (this vitrans reads version ${BILINGUAL_VERSION})`, {
      location: { file },
      hint: 'upgrade vitrans, or translate the article again',
    });
  }
  const names = Object.keys(doc.engines ?? {});
  const engines = names.map((name) => {
    const output = doc.engines?.[name]?.output;
    return { name, targets: [] as string[], ...(typeof output === 'string' ? { output } : {}) };
  });
  const sources: string[] = [];
  doc.paragraphs.forEach((p, i) => {
    if (!p || typeof p.source !== 'string' || !p.translations || typeof p.translations !== 'object') throw shape(`paragraph ${i + 1} has no source or translations`);
    sources.push(p.source.normalize('NFC'));
    for (const e of engines) {
      const target = p.translations[e.name]?.target;
      if (typeof target !== 'string') throw shape(`paragraph ${i + 1} has no "${e.name}" target`);
      e.targets.push(target);
    }
  });
  if (engines.length === 0) throw shape('no engine finished this file');
  return { sources, engines, ...originOf(doc.source) };
}

/** The source reference of a bilingual file, keeping only well-formed fields (older files have no path or clean). */
function originOf(source: unknown): { origin?: BilingualTexts['origin'] } {
  const s = source as Partial<BilingualSource> | null | undefined;
  if (!s || typeof s.file !== 'string') return {};
  const removed = Array.isArray(s.clean?.removed)
    ? s.clean.removed.filter((r) => r && Number.isInteger(r.line) && typeof r.rule === 'string' && typeof r.text === 'string')
    : undefined;
  return {
    origin: {
      file: s.file,
      ...(typeof s.path === 'string' ? { path: s.path } : {}),
      ...(removed ? { clean: { removed } } : {}),
    },
  };
}
