/**
 * The Redis password never shows (output, logs, status, errors, Redis's own keys and values), and
 * rediss:// works against a real redis-server with TLS and a throwaway certificate.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnVitrans, type VitransChild } from '../cli/spawn-cli.js';
import { pseudoTranslate } from '../translate/fake-engine.js';
import { startEngineServer, type EngineServer } from './engine-server.js';
import { article, machine, output, startWorker, stopAll } from './helpers.js';
import { makeCertificate, redisHasTls, SKIP_REASON, startRedis, type RedisServer } from './redis-server.js';

const PASSWORD = 'q-Redis-S3cret-7f2a';
const ENGINE_KEY = 'libre-Key-0042-abcdef';

/** Every key and value Redis holds, as text. */
async function everything(url: string): Promise<string> {
  const redis = new Redis(url);
  let all = '';
  try {
    for (const key of await redis.keys('*')) {
      const type = await redis.type(key);
      all += `${key}\n`;
      if (type === 'string') all += (await redis.get(key)) ?? '';
      else if (type === 'hash') all += JSON.stringify(await redis.hgetall(key));
      else if (type === 'list') all += JSON.stringify(await redis.lrange(key, 0, -1));
      else if (type === 'set') all += JSON.stringify(await redis.smembers(key));
      else if (type === 'zset') all += JSON.stringify(await redis.zrange(key, '0', '-1', 'WITHSCORES'));
      else if (type === 'stream') all += JSON.stringify(await redis.xrange(key, '-', '+'));
    }
  } finally {
    redis.disconnect();
  }
  return all;
}

describe.skipIf(SKIP_REASON)('Redis credentials and TLS', () => {
  let redis: RedisServer | undefined;
  let engine: EngineServer | undefined;
  let children: VitransChild[] = [];
  afterEach(async () => {
    await stopAll(children);
    children = [];
    await engine?.close();
    await redis?.stop();
  });

  it('the password in a redis:// URL appears in no output, log, status, error, key or value', async () => {
    redis = await startRedis({ password: PASSWORD });
    engine = await startEngineServer({ delayMs: 10 });
    const text = article(6);
    const dir = machine(text);
    // The engine key is the worker's own: it must not reach Redis either.
    const worker = startWorker(machine(), redis.url, engine.url, ['--cache', redis.url, '--verbose'], { LIBRETRANSLATE_API_KEY: ENGINE_KEY });
    children.push(worker);
    const run = await spawnVitrans(['translate', 'article.vi.txt', '-e', 'libretranslate', '--queue', redis.url, '--cache', redis.url, '--batch-paragraphs', '2'], { cwd: dir, env: { LIBRETRANSLATE_URL: engine.url } }).done;
    expect(run.code).toBe(0);
    expect(output(dir).trim().split('\n\n')).toEqual(text.trim().split('\n\n').map((p) => pseudoTranslate(p.normalize('NFC'))));
    const id = /run (\S+):/.exec(run.stderr)![1]!;
    const status = await spawnVitrans(['status', '--queue', redis.url, id], { cwd: dir }).done;
    const list = await spawnVitrans(['status', '--queue', redis.url], { cwd: dir }).done;
    // A wrong run id is a one-line user error that names the server.
    const missing = await spawnVitrans(['status', '--queue', redis.url, 'no-such-run'], { cwd: dir }).done;
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^vitrans: error: no run no-such-run on redis:\/\/:\[REDACTED\]@127\.0\.0\.1:\d+/);
    await stopAll([worker]);
    const seen = [run.stdout, run.stderr, status.stdout, status.stderr, list.stdout, missing.stderr, worker.output().stdout, worker.output().stderr, await everything(redis.url)].join('\n');
    expect(seen).toContain('[REDACTED]');
    expect(seen).toContain(`run ${id}: 6 of 6 paragraphs done`);
    for (const piece of [PASSWORD, encodeURIComponent(PASSWORD), PASSWORD.slice(0, 10), PASSWORD.slice(-10), ENGINE_KEY]) expect(seen).not.toContain(piece);
  }, 60_000);

  it.skipIf(!redisHasTls())('rediss:// works with a real redis-server on TLS (a throwaway certificate)', async () => {
    const certs = makeCertificate(mkdtempSync(join(tmpdir(), 'vitrans-tls-')));
    redis = await startRedis({ tls: certs });
    engine = await startEngineServer({ delayMs: 10 });
    const text = article(4);
    const dir = machine(text);
    const env = { NODE_EXTRA_CA_CERTS: certs.ca };
    children.push(startWorker(machine(), redis.url, engine.url, [], env));
    const run = await spawnVitrans(['translate', 'article.vi.txt', '-e', 'libretranslate', '--queue', redis.url], { cwd: dir, env: { LIBRETRANSLATE_URL: engine.url, ...env } }).done;
    expect(run.stderr).toMatch(/queued on rediss:\/\/127\.0\.0\.1:\d+/);
    expect(run.code).toBe(0);
    expect(output(dir).trim().split('\n\n')).toEqual(text.trim().split('\n\n').map((p) => pseudoTranslate(p.normalize('NFC'))));
  }, 60_000);
});
