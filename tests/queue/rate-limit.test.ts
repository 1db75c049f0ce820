/**
 * Many workers share one rate limit: real redis-server, real worker processes, a fake engine that
 * counts requests by its own clock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawnVitrans, until } from '../cli/spawn-cli.js';
import { pseudoTranslate } from '../translate/fake-engine.js';
import { startEngineServer, type EngineServer } from './engine-server.js';
import { article, machine, output, startWorker, stopAll } from './helpers.js';
import { SKIP_REASON, startRedis, type RedisServer } from './redis-server.js';
import type { VitransChild } from '../cli/spawn-cli.js';

if (SKIP_REASON) console.warn(SKIP_REASON);

describe.skipIf(SKIP_REASON)('one rate limit across workers', () => {
  let redis: RedisServer | undefined;
  let engine: EngineServer | undefined;
  let workers: VitransChild[] = [];
  afterEach(async () => {
    await stopAll(workers);
    workers = [];
    await engine?.close();
    await redis?.stop();
  });

  for (const count of [2, 4]) {
    it(`${count} workers never send more than the limit in any interval, and the run's outputs are a local run's`, async () => {
      redis = await startRedis();
      engine = await startEngineServer({ delayMs: 60, maxPerWindow: { requests: 5, windowMs: 1000 } });
      const text = article(30);
      const dir = machine(text);
      for (let i = 0; i < count; i++) workers.push(startWorker(machine(), redis.url, engine.url, ['--concurrency', '3']));
      await until(() => workers.every((w) => w.output().stderr.includes('taking batches')), 20_000, 'workers to start');
      const run = await spawnVitrans(['translate', 'article.vi.txt', '-e', 'libretranslate', '--queue', redis.url, '--batch-paragraphs', '2', '--rate-requests', '5', '--rate-interval', '1000'], { cwd: dir, env: { LIBRETRANSLATE_URL: engine.url } }).done;
      expect(run.stderr).not.toMatch(/internal error/);
      expect(run.code).toBe(0);
      expect(engine.violations).toEqual([]);
      expect(engine.maxInWindow(1000)).toBeLessThanOrEqual(5);
      // 15 batches at 5 a second: at least two whole intervals.
      expect(engine.requests).toHaveLength(15);
      expect(engine.requests.at(-1)!.at - engine.requests[0]!.at).toBeGreaterThanOrEqual(2000);
      const sources = text.trim().split('\n\n').map((p) => p.normalize('NFC'));
      expect(output(dir).trim().split('\n\n')).toEqual(sources.map(pseudoTranslate));
      expect([...engine.counts().values()].every((n) => n === 1)).toBe(true);
      expect(run.stdout).toMatch(/translated 1 file with libretranslate: 30 paragraphs \(0 cached\)/);
    }, 60_000);
  }
});
