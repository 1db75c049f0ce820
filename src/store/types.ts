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

/**
 * Who claims paragraphs, and for how long. Two runs that share a store (two processes on one
 * SQLite file, workers on one Redis) never send the same paragraph at the same time: each claims a
 * batch before sending it, and a claim lapses after `ttlMs` unless renewed, so the claims of a run
 * that crashed are taken over once they expire.
 */
export interface LeaseRequest {
  /** Unique per run (host, process, random part): a run's own claims are its to renew and take again. */
  owner: string;
  /** How long a claim holds without renewal. */
  ttlMs: number;
  /** The clock, ms since the epoch (default Date.now). One machine's clock for SQLite; a shared store may use its own. */
  now?: number;
}

/** What a claim found, key by key. */
export interface LeaseOutcome {
  /** Now the caller's: free, expired, or already the caller's. */
  claimed: string[];
  /** Translated meanwhile (by another run): nothing to send. */
  done: Map<string, CachedTranslation>;
  /** Claimed by another run whose claim has not expired: wait for it, or take other keys. */
  busy: { key: string; owner: string; expiresAt: number }[];
}

/**
 * Where translations are remembered between runs, and which paragraphs are being translated right
 * now. Every method that reads or writes entries or claims is asynchronous so that a networked
 * store can implement it; `putMany` ends the claims on the keys it stores.
 */
export interface TranslationCache {
  /**
   * The entries stored under `keys` (absent keys are left out). Asynchronous so that a networked
   * store (Redis) can answer in one round trip; the embedded stores answer at once.
   */
  getMany(keys: readonly string[]): Promise<Map<string, CachedTranslation>>;
  /** Stores several entries in one transaction, ending any claim on them. */
  putMany(entries: readonly { key: string; value: CachedTranslation }[]): Promise<void>;
  /** Claims `keys` for `lease.owner` in one atomic step; see `LeaseOutcome`. */
  claim(keys: readonly string[], lease: LeaseRequest): Promise<LeaseOutcome>;
  /** Extends the owner's claims on `keys` by `ttlMs` from now; returns the keys it still holds. */
  renew(keys: readonly string[], lease: LeaseRequest): Promise<string[]>;
  /** Gives up the owner's claims (a failed or interrupted run), so other runs take them at once. */
  release(keys: readonly string[], owner: string): Promise<void>;
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


/**
 * A judge model's answer about one translation, as it came back (secrets already masked): the
 * answer is read again on every run, so a better reader improves old answers without paying for them.
 */
export interface CachedJudgment {
  /** The message content. */
  answer: string;
  /** The refusal the server reported separately, if any. */
  refusal?: string;
  /** Whether it was answered in JSON mode. */
  json: boolean;
  /** Milliseconds since the epoch when it was stored. */
  createdAt: number;
}

/**
 * Where judge answers are kept: beside the translations, in the same store and file.
 * Optional on a `TranslationCache` (a store that keeps no judgments makes every judging run pay).
 */
export interface JudgmentCache {
  getJudgment(key: string): CachedJudgment | undefined;
  /** Stores several answers in one transaction. */
  putJudgments(entries: readonly { key: string; value: CachedJudgment }[]): void;
}

/** Everything that makes two judgments of the same translation differ. */
export interface JudgmentKeyParts {
  /** The judge engine's registry name and model. */
  engine: string;
  model: string;
  /** The judge engine's `cacheOptions` (its server, its temperature). */
  cacheOptions: Readonly<Record<string, string | number | boolean>>;
  promptVersion: string;
  sourceLang: string;
  targetLang: string;
  /** NFC texts. */
  source: string;
  translation: string;
  /** The reference shown to the judge; absent when judging without one. */
  reference?: string;
}

/**
 * sha256 (hex) over the judgment's key parts, in another space than translation keys.
 * @example judgmentCacheKey({ engine: 'openai', model: 'gpt-4o-mini', cacheOptions: {}, promptVersion: 'vitrans-mqm-1', sourceLang: 'vi', targetLang: 'en', source: 'Xin chào', translation: 'Hello' })
 */
export function judgmentCacheKey(p: JudgmentKeyParts): string {
  const options = Object.keys(p.cacheOptions)
    .sort()
    .map((k) => [k, p.cacheOptions[k]]);
  const material = JSON.stringify(['judgment', 1, p.engine, p.model, options, p.promptVersion, p.sourceLang, p.targetLang, p.source, p.translation, p.reference ?? null]);
  return createHash('sha256').update(material, 'utf8').digest('hex');
}
