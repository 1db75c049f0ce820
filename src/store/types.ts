/**
 * The translation cache's interface and key: what every store (SQLite today, a shared one later)
 * keeps, keyed by everything that changes an engine's output. Keys and values never hold secrets.
 */
import { createHash } from 'node:crypto';
import type { GlossaryMode, TranslationWarning } from '../core/types.js';

/** The project-relative default cache file. */
export const DEFAULT_CACHE_PATH = '.vitrans-cache/translations.sqlite';

/** A stored translation of one paragraph. */
export interface CachedTranslation {
  target: string;
  billedCharacters?: number;
  masked: boolean;
  warnings: TranslationWarning[];
  /** Milliseconds since the epoch when it was stored. */
  createdAt: number;
  /** What was translated, by what: kept so the cache can be exported as a translation memory (absent in entries stored before). */
  origin?: TranslationOrigin;
}

/** The plain facts of a cached translation that its hashed key hides. */
export interface TranslationOrigin {
  /** The NFC source paragraph. */
  source: string;
  engine: string;
  model: string;
  sourceLang: string;
  targetLang: string;
}

/** A cached translation with its origin, as `TranslationCache.exportable` lists them. */
export interface ExportableTranslation extends TranslationOrigin {
  target: string;
  createdAt: number;
  warnings: TranslationWarning[];
}

/** Where translations are remembered between runs. */
export interface TranslationCache {
  get(key: string): CachedTranslation | undefined;
  /** Stores several entries in one transaction. */
  putMany(entries: readonly { key: string; value: CachedTranslation }[]): void;
  /**
   * Every stored translation whose origin is known, newest first, each (engine, model, languages,
   * source, target) once, streamed; and how many entries lack an origin (stored by an older vitrans).
   */
  exportable?(): { entries: Iterable<ExportableTranslation>; withoutOrigin: number };
  close(): void;
}

/** Everything that makes two translations of the same text differ. */
export interface CacheKeyParts {
  engine: string;
  model: string;
  cacheOptions: Readonly<Record<string, string | number | boolean>>;
  /** `Glossary.hash`, or '' without a glossary. */
  glossaryHash: string;
  sourceLang: string;
  targetLang: string;
  mode: GlossaryMode;
  /** Serialised protected markup spans ('' for plain text): the same words with other markup are sent differently. */
  markup: string;
  /** The NFC source paragraph. */
  source: string;
}

/**
 * sha256 (hex) over the key parts; cache options are sorted so their order does not matter.
 * @example translationCacheKey({ engine: 'deepl', model: 'deepl', cacheOptions: {}, glossaryHash: '', sourceLang: 'vi', targetLang: 'en', mode: 'off', markup: '', source: 'Xin chào' })
 */
export function translationCacheKey(p: CacheKeyParts): string {
  const options = Object.keys(p.cacheOptions)
    .sort()
    .map((k) => [k, p.cacheOptions[k]]);
  const material = JSON.stringify([1, p.engine, p.model, options, p.glossaryHash, p.sourceLang, p.targetLang, p.mode, p.markup, p.source]);
  return createHash('sha256').update(material, 'utf8').digest('hex');
}

