import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, it, expect } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { openTranslationCache, translationCacheKey, type CacheKeyParts } from '../../src/store/index.js';
import { tempDir } from '../translate/helpers.js';

const parts: CacheKeyParts = {
  engine: 'deepl',
  model: 'deepl/quality_optimized',
  cacheOptions: { formality: 'default', split: 'nonewlines' },
  glossaryHash: 'abc',
  sourceLang: 'vi',
  targetLang: 'en',
  mode: 'native',
  markup: '',
  source: 'Thỏa thuận An ninh Cung ứng',
};

describe('translationCacheKey', () => {
  it('changes with every part that changes the output, and not with option order', () => {
    const k = translationCacheKey(parts);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(translationCacheKey({ ...parts, cacheOptions: { split: 'nonewlines', formality: 'default' } })).toBe(k);
    const variants: Partial<CacheKeyParts>[] = [
      { engine: 'google' },
      { model: 'deepl/latency_optimized' },
      { cacheOptions: { formality: 'more' } },
      { glossaryHash: 'abd' },
      { sourceLang: 'en' },
      { targetLang: 'en-GB' },
      { mode: 'mask' },
      { markup: '[{"start":0}]' },
      { source: 'Thoả thuận An ninh Cung ứng' },
    ];
    const keys = variants.map((v) => translationCacheKey({ ...parts, ...v }));
    expect(new Set([k, ...keys]).size).toBe(variants.length + 1);
  });
});

describe('SqliteTranslationCache', () => {
  it('stores and reads back target, billed characters, warnings and timestamp in a WAL database', () => {
    const file = path.join(tempDir(), 'nested', 'translations.sqlite');
    const cache = openTranslationCache(file);
    cache.putMany([{ key: 'k1', value: { target: 'Glide Phase Interceptor', billedCharacters: 26, masked: true, warnings: ['placeholder-lost'], createdAt: 1700000000000 } }]);
    expect(cache.get('k1')).toEqual({ target: 'Glide Phase Interceptor', billedCharacters: 26, masked: true, warnings: ['placeholder-lost'], createdAt: 1700000000000 });
    expect(cache.get('missing')).toBeUndefined();
    cache.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('reports a corrupt cache file as a user error with a hint', () => {
    const file = path.join(tempDir(), 'translations.sqlite');
    fs.writeFileSync(file, 'Đây không phải là cơ sở dữ liệu SQLite. '.repeat(200));
    let error: unknown;
    try {
      openTranslationCache(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ code: 'E_CACHE', location: { file }, hint: expect.stringContaining('--no-cache') });
  });

  it('reports a cache locked by another process as a user error', async () => {
    const file = path.join(tempDir(), 'translations.sqlite');
    openTranslationCache(file).close();
    const other = new Database(file);
    other.exec('BEGIN EXCLUSIVE');
    const clear = { code: 'E_CACHE', message: 'the translation cache is locked by another process' };
    try {
      const cache = openTranslationCache(file, { busyTimeoutMs: 20 });
      let thrown: unknown;
      try {
        await cache.putMany([{ key: 'k', value: { target: 't', masked: false, warnings: [], createdAt: 0 } }]);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(UserError);
      expect(thrown).toMatchObject(clear);
      cache.close();
    } catch (e) {
      // Opening may already hit the lock (WAL set-up); either way it must be the clear user error.
      expect(e).toBeInstanceOf(UserError);
      expect(e).toMatchObject(clear);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('says it cannot create the cache when its folder is a file', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'not-a-folder'), 'x');
    let thrown: unknown;
    try {
      openTranslationCache(path.join(dir, 'not-a-folder', 'translations.sqlite'));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect(thrown).toMatchObject({ code: 'E_CACHE', message: expect.stringMatching(/^cannot create the translation cache/) });
  });
});
