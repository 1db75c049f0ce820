/** The Redis translation cache against a real redis-server: entries, atomic claims, and the orchestrator on it. */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRedisUrl } from '../../src/core/redis-url.js';
import { RedisTranslationCache } from '../../src/store/redis.js';
import { SharedRateLimiter } from '../../src/queue/limiter.js';
import { translationCacheKey } from '../../src/store/types.js';
import { translateParagraphs } from '../../src/translate/orchestrator.js';
import { FakeEngine } from '../translate/fake-engine.js';
import { manyParagraphs } from '../translate/helpers.js';
import { SKIP_REASON, startRedis, type RedisServer } from './redis-server.js';

const value = { target: 'the Memorandum of Understanding on rice trade', masked: false, warnings: [], createdAt: 1_800_000_000_000 };

describe('Redis URLs', () => {
  it('masks the password in what is shown and hands it to the redactor', () => {
    const a = parseRedisUrl('redis://:s3cret-Pass-42@10.0.0.5:6379/2', '--queue');
    expect(a).toEqual({ url: 'redis://:s3cret-Pass-42@10.0.0.5:6379/2', shown: 'redis://:[REDACTED]@10.0.0.5:6379/2', secrets: ['s3cret-Pass-42'], tls: false });
    const b = parseRedisUrl('rediss://worker:p%40ss-w0rd-long@redis.example.vn:6380', '--cache');
    expect(b.shown).toBe('rediss://worker:[REDACTED]@redis.example.vn:6380');
    expect(b.secrets).toEqual(['p@ss-w0rd-long', 'p%40ss-w0rd-long', 'worker']);
    expect(b.tls).toBe(true);
  });

  it('refuses what is not a Redis URL, in one line', () => {
    expect(() => parseRedisUrl('http://127.0.0.1:6379', '--queue')).toThrow('--queue must be a redis:// or rediss:// URL, got http://');
    expect(() => parseRedisUrl('redis://127.0.0.1:6379/cache', '--queue')).toThrow('the database after the host must be a number');
    expect(() => parseRedisUrl('127.0.0.1:6379', '--queue')).toThrow(/must be a redis:\/\/ or rediss:\/\/ URL|not a URL/);
  });
});

describe.skipIf(SKIP_REASON)('RedisTranslationCache', () => {
  let server: RedisServer;
  const connections: Redis[] = [];
  const open = (): RedisTranslationCache => {
    const redis = new Redis(server.url);
    connections.push(redis);
    return new RedisTranslationCache(redis, false);
  };
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    for (const c of connections) c.disconnect();
    await server.stop();
  });

  it('stores and finds entries by the same key as SQLite', async () => {
    const cache = open();
    const key = translationCacheKey({ engine: 'deepl', model: 'deepl', cacheOptions: {}, glossaryHash: '', sourceLang: 'vi', targetLang: 'en', mode: 'off', markup: '', source: 'Biên bản ghi nhớ về thương mại gạo' });
    await cache.putMany([{ key, value }]);
    expect(await cache.getMany([key, 'absent'])).toEqual(new Map([[key, value]]));
    expect(await connections[0]!.get(`vitrans:tm:${key}`)).toBe(JSON.stringify(value));
  });

  it('claims are atomic across connections, lapse on their own, and end with release or storing', async () => {
    const a = open();
    const b = open();
    const [x, y] = await Promise.all([a.claim(['c1', 'c2', 'c3'], { owner: 'run-a', ttlMs: 300 }), b.claim(['c1', 'c2', 'c3'], { owner: 'run-b', ttlMs: 300 })]);
    // Each key went to exactly one of the two.
    expect([...x.claimed, ...y.claimed].sort()).toEqual(['c1', 'c2', 'c3']);
    expect(x.claimed.length === 3 || y.claimed.length === 3).toBe(true);
    const [winner, loser, loserName] = x.claimed.length === 3 ? [a, b, 'run-b'] : [b, a, 'run-a'];
    const winnerName = loserName === 'run-a' ? 'run-b' : 'run-a';
    expect((await loser.claim(['c1'], { owner: loserName, ttlMs: 300 })).busy).toMatchObject([{ key: 'c1', owner: winnerName }]);
    expect(await winner.renew(['c1', 'c2', 'c9'], { owner: winnerName, ttlMs: 300 })).toEqual(['c1', 'c2']);
    expect(await loser.renew(['c1'], { owner: loserName, ttlMs: 300 })).toEqual([]);
    await loser.release(['c2'], loserName); // not the loser's to release
    await winner.release(['c3'], winnerName);
    await winner.putMany([{ key: 'c1', value }]);
    const seen = await loser.claim(['c1', 'c2', 'c3'], { owner: loserName, ttlMs: 300 });
    expect([...seen.done]).toEqual([['c1', value]]);
    expect(seen.busy.map((s) => s.key)).toEqual(['c2']);
    expect(seen.claimed).toEqual(['c3']);
    await new Promise((r) => setTimeout(r, 400));
    expect((await loser.claim(['c2'], { owner: loserName, ttlMs: 300 })).claimed).toEqual(['c2']);
  });

  it('two orchestrator runs on one Redis cache send each paragraph once', async () => {
    const paragraphs = manyParagraphs(30);
    const sent: string[] = [];
    const engine = (): FakeEngine => {
      const e = new FakeEngine({ maxTexts: 5, delayFor: () => 10 });
      const translate = e.translate.bind(e);
      e.translate = (request) => {
        for (const t of request.texts) sent.push(t);
        return translate(request);
      };
      return e;
    };
    const run = (owner: string) => translateParagraphs({ engine: engine(), paragraphs, sourceLang: 'vi', targetLang: 'en', concurrency: 2, cache: open(), lease: { owner, ttlMs: 10_000, pollMs: 5 } });
    const [x, y] = await Promise.all([run('run-a'), run('run-b')]);
    expect(sent).toHaveLength(paragraphs.length);
    expect(new Set(sent).size).toBe(paragraphs.length);
    expect(x.map((t) => t.target)).toEqual(y.map((t) => t.target));
  });
});

describe.skipIf(SKIP_REASON)('SharedRateLimiter', () => {
  let server: RedisServer;
  let redis: Redis;
  beforeAll(async () => {
    server = await startRedis();
    redis = new Redis(server.url);
  });
  afterAll(async () => {
    redis.disconnect();
    await server.stop();
  });

  it('holds a request that would pass the characters per interval until enough of the window has gone', async () => {
    const limiter = new SharedRateLimiter(redis, 'deepl');
    await limiter.setLimit({ characters: 100, intervalMs: 400 });
    const t0 = Date.now();
    const first = await limiter.acquire(60);
    await first();
    const second = await limiter.acquire(30);
    await second();
    expect(Date.now() - t0).toBeLessThan(200);
    // 60 + 30 + 20 > 100: the third waits for the first to leave the window.
    const third = await limiter.acquire(20);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(400);
    await third();
    expect(await limiter.limit()).toEqual({ characters: 100, intervalMs: 400 });
  });

  it('counts a request until one interval after its answer, and a pause holds every request', async () => {
    const limiter = new SharedRateLimiter(redis, 'google');
    await limiter.setLimit({ requests: 1, intervalMs: 200 });
    const t0 = Date.now();
    const slow = await limiter.acquire(10);
    setTimeout(() => void slow(), 300);
    await limiter.acquire(10);
    // Answered at 300 ms: the next may go at 500 ms, not at 200.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(490);
    await limiter.setLimit(undefined);
    await limiter.pause(300);
    const t1 = Date.now();
    await limiter.acquire(10);
    expect(Date.now() - t1).toBeGreaterThanOrEqual(280);
  });
});
