/**
 * `vitrans export tmx --cache redis://…`: the cache translate shares on Redis exports as the same
 * translation memory its SQLite twin gives, against a real redis-server with a password.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisTranslationCache } from '../../src/store/redis.js';
import { openTranslationCache } from '../../src/store/index.js';
import type { CachedTranslation } from '../../src/store/types.js';
import { runVitrans } from '../cli/run-cli.js';
import { SKIP_REASON, startRedis, type RedisServer } from './redis-server.js';

const PASSWORD = 'Tm-export-9fK2qLx7';
const PROVINCES = ['Quảng Ninh', 'Hải Phòng', 'Đà Nẵng', 'Khánh Hoà', 'Bà Rịa – Vũng Tàu', 'Cà Mau'];

/** 1,504 entries (more than three SCAN batches): two engines, and four stored before origins were kept. */
function entries(): { key: string; value: CachedTranslation }[] {
  const out: { key: string; value: CachedTranslation }[] = [];
  for (let i = 0; i < 750; i++) {
    const province = PROVINCES[i % PROVINCES.length]!;
    const source = `Lực lượng Cảnh sát biển tại ${province} đã tiếp nhận ${i + 2} tàu tuần tra trong năm ${2000 + (i % 25)}.`;
    for (const [engine, target] of [
      ['deepl', `The Coast Guard in ${province} took delivery of ${i + 2} patrol vessels in ${2000 + (i % 25)}.`],
      ['google', `Coast Guard forces in ${province} received ${i + 2} patrol boats in ${2000 + (i % 25)}.`],
    ] as const) {
      out.push({ key: `${engine}-${i}`, value: { target, masked: false, warnings: [], createdAt: Date.UTC(2026, 10, 1) + i * 60_000, origin: { source, engine, model: `${engine}/v3`, sourceLang: 'vi', targetLang: 'en' } } });
    }
  }
  for (let i = 0; i < 4; i++) out.push({ key: `old-${i}`, value: { target: `An older translation ${i}.`, masked: false, warnings: [], createdAt: Date.UTC(2026, 5, 1) } });
  return out;
}

/** The TMX without its header's creation date, which differs between two exports. */
const body = (tmx: string) => tmx.replace(/creationdate="[^"]*"/, '');

describe.skipIf(SKIP_REASON)('vitrans export tmx from the Redis cache', () => {
  let server: RedisServer;
  let dir: string;
  let temp: string;
  let url: string;

  beforeAll(async () => {
    server = await startRedis({ password: PASSWORD });
    url = server.url; // redis://:PASSWORD@127.0.0.1:PORT
    dir = mkdtempSync(join(tmpdir(), 'vitrans-export-redis-'));
    temp = join(dir, 'tmp');
    mkdirSync(temp);
    const all = entries();
    const redis = new Redis(url);
    const shared = new RedisTranslationCache(redis);
    await shared.putMany(all);
    shared.close();
    const file = openTranslationCache(join(dir, 'twin.sqlite'));
    await file.putMany(all);
    file.close();
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the translation memory the same entries in SQLite give, and keeps the password out of everything', async () => {
    const fromRedis = await runVitrans(['export', 'tmx', '--cache', url, '-o', 'redis.tmx'], { cwd: dir, env: { TMPDIR: temp } });
    expect(fromRedis.stderr).toBe('vitrans: note: 4 cached translations were stored before vitrans kept their source text; not exported (translate those articles again to include them)\nvitrans: exported 1500 translation units to redis.tmx\n');
    expect(fromRedis.code).toBe(0);
    const fromFile = await runVitrans(['export', 'tmx', '--cache', 'twin.sqlite', '-o', 'file.tmx'], { cwd: dir });
    expect(fromFile.code).toBe(0);
    const tmx = readFileSync(join(dir, 'redis.tmx'), 'utf8');
    expect(body(tmx)).toBe(body(readFileSync(join(dir, 'file.tmx'), 'utf8')));
    expect(tmx).toContain('<seg>Lực lượng Cảnh sát biển tại Bà Rịa – Vũng Tàu đã tiếp nhận 6 tàu tuần tra trong năm 2004.</seg>');
    expect(`${fromRedis.stdout}${fromRedis.stderr}${tmx}`).not.toContain(PASSWORD);
    // The private copy is gone.
    expect(readdirSync(temp)).toEqual([]);
  });

  it('takes the Redis cache from cache: in the config, as translate does', async () => {
    writeFileSync(join(dir, 'vitrans.config.yaml'), `cache: ${url}\n`);
    try {
      const r = await runVitrans(['export', 'tmx', '--cache', '-e', 'deepl'], { cwd: dir, env: { TMPDIR: temp } });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('vitrans: exported 750 translation units\n');
      expect(r.stdout).toContain('<seg>The Coast Guard in Cà Mau took delivery of 7 patrol vessels in 2005.</seg>');
      expect(r.stdout + r.stderr).not.toContain(PASSWORD);
    } finally {
      rmSync(join(dir, 'vitrans.config.yaml'));
    }
  });

  it('says in one line that Redis refused the password, and writes nothing', async () => {
    const wrong = server.url.replace(PASSWORD, 'not-the-password-123');
    const r = await runVitrans(['export', 'tmx', '--cache', wrong, '-o', 'refused.tmx'], { cwd: dir, env: { TMPDIR: temp } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^vitrans: error: Redis at redis:\/\/:\[REDACTED\]@127\.0\.0\.1:\d+ refused to let vitrans in: /);
    expect(r.stderr).not.toContain('not-the-password-123');
    expect(readdirSync(dir)).not.toContain('refused.tmx');
    expect(readdirSync(temp)).toEqual([]);
  });
});
