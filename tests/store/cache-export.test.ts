import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openTranslationCache } from '../../src/store/index.js';
import { translateParagraphs } from '../../src/translate/orchestrator.js';
import { FakeEngine, pseudoTranslate } from '../translate/fake-engine.js';
import { tempDir } from '../translate/helpers.js';

const paragraphs = ['Nhật Bản và Hoa Kỳ ký Thoả thuận An ninh Cung ứng.', 'Hợp tác công nghiệp quốc phòng được tăng cường.'.normalize('NFD')];

describe('the cache as a translation memory', () => {
  it('keeps each translation\'s source, engine, model and languages, and lists each translation once', async () => {
    const file = path.join(tempDir(), 'translations.sqlite');
    const cache = openTranslationCache(file);
    const engine = new FakeEngine({ name: 'deepl' });
    await translateParagraphs({ engine, paragraphs, sourceLang: 'vi', targetLang: 'en-GB', concurrency: 2, cache });
    await translateParagraphs({ engine, paragraphs, sourceLang: 'vi', targetLang: 'en-GB', concurrency: 2, cache }); // all cached
    const { entries, withoutOrigin } = cache.exportable();
    const list = [...entries];
    expect(withoutOrigin).toBe(0);
    expect(list.map((e) => [e.engine, e.model, e.sourceLang, e.targetLang, e.source, e.target]).sort()).toEqual(
      paragraphs.map((p) => ['deepl', 'fake-1', 'vi', 'en-GB', p.normalize('NFC'), pseudoTranslate(p)]).sort(),
    );
    expect(list.every((e) => typeof e.createdAt === 'number' && e.createdAt > 0)).toBe(true);
    cache.close();
  });

  it('opens a cache file written before sources were kept: old entries still serve, and are counted as without origin', () => {
    const file = path.join(tempDir(), 'old.sqlite');
    const old = new Database(file);
    old.exec(`CREATE TABLE translations (key TEXT PRIMARY KEY, target TEXT NOT NULL, billed_characters INTEGER,
      masked INTEGER NOT NULL DEFAULT 0, warnings TEXT NOT NULL DEFAULT '[]', created_at INTEGER NOT NULL)`);
    old.prepare('INSERT INTO translations (key, target, billed_characters, masked, warnings, created_at) VALUES (?, ?, ?, ?, ?, ?)').run('old-key', 'Japan Ministry of Defense', 24, 0, '[]', 1_700_000_000_000);
    old.close();

    const cache = openTranslationCache(file);
    expect(cache.get('old-key')).toMatchObject({ target: 'Japan Ministry of Defense', billedCharacters: 24 });
    cache.putMany([{ key: 'new-key', value: { target: 'state visit', masked: false, warnings: [], createdAt: 1_800_000_000_000, origin: { source: 'chuyến thăm cấp nhà nước', engine: 'google', model: 'nmt', sourceLang: 'vi', targetLang: 'en' } } }]);
    const { entries, withoutOrigin } = cache.exportable();
    expect(withoutOrigin).toBe(1);
    expect([...entries]).toEqual([{ source: 'chuyến thăm cấp nhà nước', engine: 'google', model: 'nmt', sourceLang: 'vi', targetLang: 'en', target: 'state visit', createdAt: 1_800_000_000_000, warnings: [] }]);
    cache.close();
    // Opening it again does not migrate twice.
    openTranslationCache(file).close();
  });
});
