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
 *                "cachedParagraphs": 12, "findings": [Finding…] }   // findings without a paragraph
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
 * `Finding` is src/core/types.ts; its positions point into the engine's output file.
 */
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
  /** When the engine finished the file (ISO 8601, UTC); absent in files written before it was recorded. */
  finishedAt?: string;
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
  const engines: Record<string, BilingualEngine> = {};
  for (const r of results) {
    const billed = r.translations.map((t) => t.billedCharacters);
    engines[r.engine] = {
      model: r.model,
      output: r.output,
      billedCharacters: billed.some((b) => b !== undefined) ? billed.reduce<number>((a, b) => a + (b ?? 0), 0) : null,
      cachedParagraphs: r.translations.filter((t) => t.cached).length,
      findings: r.otherFindings,
      ...(r.finishedAt ? { finishedAt: r.finishedAt.toISOString() } : {}),
    };
  }
  const paragraphs = sources.map((text, i): BilingualParagraph => {
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
    return { index: i + 1, source: text.normalize('NFC'), translations };
  });
  return { version: BILINGUAL_VERSION, source, glossary, engines, paragraphs };
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
