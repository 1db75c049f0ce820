/**
 * Where the queue's Redis comes from (`--queue URL`, or the config's `queue.url` for `--queue` given
 * alone, `vitrans worker` and `vitrans status`), and a Redis that refuses the password: one line,
 * exit 2, at once, instead of waiting as for a Redis that is down.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVitrans } from '../cli/run-cli.js';
import { SKIP_REASON, startRedis, type RedisServer } from './redis-server.js';

const PASSWORD = 'Tu-khoa-Redis-9c1e';

describe.skipIf(SKIP_REASON)('the queue address and Redis credentials', () => {
  let redis: RedisServer;
  let dir: string;
  beforeAll(async () => {
    redis = await startRedis({ password: PASSWORD });
    dir = mkdtempSync(join(tmpdir(), 'vitrans-queue-address-'));
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('vitrans status uses queue.url from the config when --queue is not given', async () => {
    const cwd = mkdtempSync(join(dir, 'config-'));
    writeFileSync(join(cwd, 'vitrans.config.yaml'), `queue:\n  url: redis://:${PASSWORD}@127.0.0.1:${redis.port}\n`);
    const run = await runVitrans(['status'], { cwd });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`no runs on redis://:[REDACTED]@127.0.0.1:${redis.port}\n`);
  });

  it('without --queue or queue.url, worker and status say what to give (exit 2)', async () => {
    const cwd = mkdtempSync(join(dir, 'none-'));
    for (const argv of [['status'], ['worker', '-e', 'libretranslate']]) {
      const run = await runVitrans(argv, { cwd, env: { LIBRETRANSLATE_URL: 'http://127.0.0.1:9' } });
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^vitrans: error: this command works on the Redis the runs are queued on, and none is named/);
      expect(run.stderr).toMatch(/set queue\.url in vitrans\.config\.yaml/);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('translate --queue given alone needs queue.url, and a local run never reads it', async () => {
    const cwd = mkdtempSync(join(dir, 'translate-'));
    writeFileSync(join(cwd, 'bai.vi.txt'), 'Hai bên nhất trí tăng cường hợp tác quốc phòng.\n');
    const alone = await runVitrans(['translate', 'bai.vi.txt', '-e', 'libretranslate', '--queue', '--dry-run'], { cwd, env: { LIBRETRANSLATE_URL: 'http://127.0.0.1:9' } });
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--queue without a URL takes queue\.url from the config, and none is set/);
    // With queue.url set but no --queue, a dry run stays local: it plans, and talks to no Redis.
    writeFileSync(join(cwd, 'vitrans.config.yaml'), 'queue:\n  url: redis://127.0.0.1:9\n');
    const local = await runVitrans(['translate', 'bai.vi.txt', '-e', 'libretranslate', '--dry-run'], { cwd, env: { LIBRETRANSLATE_URL: 'http://127.0.0.1:9' } });
    expect(local.stderr).not.toMatch(/Redis/);
    expect(local.code).toBe(0);
  });

  it('a wrong password stops status and worker at once with one line, the password masked', async () => {
    const cwd = mkdtempSync(join(dir, 'wrong-'));
    const wrong = 'sai-mat-khau-4410';
    for (const argv of [
      ['status', '--queue', `redis://:${wrong}@127.0.0.1:${redis.port}`],
      ['worker', '-e', 'libretranslate', '--queue', `redis://:${wrong}@127.0.0.1:${redis.port}`, '--no-cache'],
    ]) {
      const run = await runVitrans(argv, { cwd, env: { LIBRETRANSLATE_URL: 'http://127.0.0.1:9' } });
      expect(run.code, argv[0]).toBe(2);
      expect(run.stderr).toBe(
        `vitrans: error: Redis at redis://:[REDACTED]@127.0.0.1:${redis.port} refused to let vitrans in: authentication failed (check the password in the URL) ` +
          '(put the right password in the URL: redis://:PASSWORD@HOST:PORT, or user:password for an ACL user)\n',
      );
      expect(run.stdout + run.stderr).not.toContain(wrong);
    }
  });

  it('no password for a Redis that requires one is the same user error', async () => {
    const run = await runVitrans(['status', '--queue', `redis://127.0.0.1:${redis.port}`], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^vitrans: error: Redis at redis:\/\/127\.0\.0\.1:\d+ refused to let vitrans in: authentication failed/);
  });
});
