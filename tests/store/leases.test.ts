import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { EngineError } from '../../src/core/errors.js';
import { MemoryTranslationCache, openTranslationCache, type TranslationCache } from '../../src/store/index.js';
import { translateParagraphs } from '../../src/translate/orchestrator.js';
import { FakeEngine } from '../translate/fake-engine.js';
import { manyParagraphs, tempDir } from '../translate/helpers.js';

const value = { target: 'Glide Phase Interceptor', masked: false, warnings: [], createdAt: 1_700_000_000_000 };
const T0 = 1_800_000_000_000;

/** The same lease rules, whatever the store: two SQLite connections on one file stand for two processes. */
const stores: [string, () => [TranslationCache, TranslationCache, () => void]][] = [
  [
    'sqlite (two connections to one file)',
    () => {
      const file = path.join(tempDir(), 'shared.sqlite');
      const a = openTranslationCache(file);
      const b = openTranslationCache(file);
      return [a, b, () => (a.close(), b.close())];
    },
  ],
  [
    'memory',
    () => {
      const cache = new MemoryTranslationCache();
      return [cache, cache, () => cache.close()];
    },
  ],
];

describe('leases of a run that fails or is interrupted', () => {
  it('are given up at once, so another run need not wait for them to lapse', async () => {
    const cache = new MemoryTranslationCache();
    const paragraphs = manyParagraphs(12);
    const failing = new FakeEngine({
      maxTexts: 4,
      delayFor: (n) => (n === 1 ? 0 : 50),
      failOn: (n) => {
        if (n === 2) throw new EngineError('fake', 'auth', 'fake rejected the key (HTTP 403)', { status: 403 });
      },
    });
    const run = translateParagraphs({ engine: failing, paragraphs, sourceLang: 'vi', targetLang: 'en', concurrency: 3, cache, lease: { owner: 'run-a', ttlMs: 3_600_000 } });
    await expect(run).rejects.toMatchObject({ kind: 'auth' });
    expect(cache.entries.size).toBe(4);
    expect([...cache.leases.keys()]).toEqual([]);
    // An hour-long lease would otherwise hold these paragraphs for an hour.
    const next = new FakeEngine({ maxTexts: 4 });
    await translateParagraphs({ engine: next, paragraphs, sourceLang: 'vi', targetLang: 'en', concurrency: 3, cache, lease: { owner: 'run-b', ttlMs: 3_600_000, pollMs: 5 } });
    expect(next.sentTexts.sort()).toEqual(paragraphs.slice(4).sort());
  });
});

describe.each(stores)('leases: %s', (_, open) => {
  it('a key claimed by one owner is busy for another until it expires, then taken over', async () => {
    const [a, b, close] = open();
    expect((await a.claim(['k1', 'k2'], { owner: 'run-a', ttlMs: 1000, now: T0 })).claimed).toEqual(['k1', 'k2']);
    const seen = await b.claim(['k1', 'k2', 'k3'], { owner: 'run-b', ttlMs: 1000, now: T0 + 500 });
    expect(seen.claimed).toEqual(['k3']);
    expect(seen.busy).toEqual([
      { key: 'k1', owner: 'run-a', expiresAt: T0 + 1000 },
      { key: 'k2', owner: 'run-a', expiresAt: T0 + 1000 },
    ]);
    // The owner takes its own claims again; after expiry anyone may.
    expect((await a.claim(['k1'], { owner: 'run-a', ttlMs: 1000, now: T0 + 600 })).claimed).toEqual(['k1']);
    expect((await b.claim(['k1', 'k2'], { owner: 'run-b', ttlMs: 1000, now: T0 + 1200 })).claimed).toEqual(['k2']);
    expect((await b.claim(['k1'], { owner: 'run-b', ttlMs: 1000, now: T0 + 1601 })).claimed).toEqual(['k1']);
    close();
  });

  it('renewal keeps a claim alive; release and storing end it', async () => {
    const [a, b, close] = open();
    await a.claim(['k1', 'k2', 'k3'], { owner: 'run-a', ttlMs: 1000, now: T0 });
    expect(await a.renew(['k1', 'k2', 'k3', 'k4'], { owner: 'run-a', ttlMs: 1000, now: T0 + 900 })).toEqual(['k1', 'k2', 'k3']);
    expect(await b.renew(['k1'], { owner: 'run-b', ttlMs: 1000, now: T0 + 900 })).toEqual([]);
    expect((await b.claim(['k1'], { owner: 'run-b', ttlMs: 1000, now: T0 + 1500 })).busy).toHaveLength(1);
    await b.release(['k2'], 'run-b'); // not b's to release
    await a.release(['k3'], 'run-a');
    a.putMany([{ key: 'k1', value }]);
    const seen = await b.claim(['k1', 'k2', 'k3'], { owner: 'run-b', ttlMs: 1000, now: T0 + 1500 });
    expect([...seen.done]).toEqual([['k1', value]]);
    expect(seen.busy.map((x) => x.key)).toEqual(['k2']);
    expect(seen.claimed).toEqual(['k3']);
    close();
  });

  it('two runs of the orchestrator on one cache send each paragraph once', async () => {
    const [a, b, close] = open();
    const paragraphs = manyParagraphs(40);
    const sent: string[] = [];
    const engine = (): FakeEngine => {
      const e = new FakeEngine({ maxTexts: 5, delayFor: () => 10 });
      const translate = e.translate.bind(e);
      e.translate = (request) => (sent.push(...request.texts), translate(request));
      return e;
    };
    const run = (cache: TranslationCache, owner: string) =>
      translateParagraphs({ engine: engine(), paragraphs, sourceLang: 'vi', targetLang: 'en', concurrency: 2, cache, lease: { owner, ttlMs: 10_000, pollMs: 5 } });
    const [x, y] = await Promise.all([run(a, 'run-a'), run(b, 'run-b')]);
    expect(sent).toHaveLength(paragraphs.length);
    expect(new Set(sent).size).toBe(paragraphs.length);
    expect(x.map((t) => t.target)).toEqual(y.map((t) => t.target));
    expect(x.filter((t) => t.cached).length + y.filter((t) => t.cached).length).toBe(paragraphs.length);
    close();
  });
});
