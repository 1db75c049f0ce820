/**
 * The CLI's side of Redis: addresses from flags and the config (passwords registered with the
 * redactor before anything can print them), connections that say in one line when Redis goes
 * away and when it is back, and the translation cache a `--cache` value names.
 */
import { UsageError, UserError } from '../core/errors.js';
import { isRedisUrl, parseRedisUrl, type RedisAddress } from '../core/redis-url.js';
import type { TranslationCache } from '../store/types.js';
import type { CliIO } from './io.js';
import type { Redis } from 'ioredis';

/** A Redis address from `flag` (or the config's value), its secrets registered with the redactor. */
export function redisAddress(value: string, what: string, io: CliIO): RedisAddress {
  const address = parseRedisUrl(value, what);
  io.registerSecrets(address.secrets);
  return address;
}

/**
 * The Redis runs are queued on: `--queue URL`; `--queue` alone, or nothing where the command cannot
 * go without a queue (worker, status), takes the config's `queue.url`. Undefined: a local run.
 */
export function queueAddressFor(flag: string | boolean | undefined, config: { queue?: { url?: string } }, io: CliIO, required: boolean): RedisAddress | undefined {
  if (typeof flag === 'string') return redisAddress(flag, '--queue', io);
  if (!flag && !required) return undefined;
  const url = config.queue?.url;
  if (!url) {
    throw new UsageError(flag ? '--queue without a URL takes queue.url from the config, and none is set' : 'this command works on the Redis the runs are queued on, and none is named', {
      hint: 'give --queue redis://HOST:PORT[/DB], or set queue.url in vitrans.config.yaml',
    });
  }
  return redisAddress(url, 'queue.url', io);
}

/**
 * A connection to `address` whose losses and recoveries are reported on stderr, one line each.
 * Redis refusing the password is not a loss to wait out: it stops the command (exit 2) before
 * anything is done. Any other first failure (Redis not up yet) is waited out as a loss.
 */
export async function openRedis(address: RedisAddress, name: string, io: CliIO): Promise<Redis> {
  const { connectRedis, connectionReason, isAuthFailure } = await import('../store/redis.js');
  const redis = connectRedis(address, {
    name,
    onEvent: (e) => {
      if (e.type === 'lost' && e.auth) return; // reported below, as the reason the command stops
      io.stderr.write(
        e.type === 'lost'
          ? `vitrans: lost Redis at ${address.shown} (${e.reason}); waiting for it to come back, finished work is kept\n`
          : `vitrans: Redis at ${address.shown} is back; going on\n`,
      );
    },
  });
  const refused = await new Promise<Error | undefined>((resolve) => {
    const settle = (err?: Error): void => {
      redis.off('ready', onReady);
      redis.off('error', onError);
      resolve(err);
    };
    const onReady = (): void => settle();
    const onError = (err: Error): void => settle(isAuthFailure(err) ? err : undefined);
    redis.once('ready', onReady);
    redis.once('error', onError);
  });
  if (refused) {
    redis.disconnect();
    throw new UserError('E_REDIS_AUTH', `Redis at ${address.shown} refused to let vitrans in: ${connectionReason(refused)}`, {
      hint: 'put the right password in the URL: redis://:PASSWORD@HOST:PORT, or user:password for an ACL user',
    });
  }
  return redis;
}

/**
 * The cache a `--cache` value (or the config's `cache:`) names: a Redis URL opens the shared
 * cache; anything else is a file, left to the caller (SQLite is opened only when a run goes ahead).
 */
export async function redisCacheFor(setting: string | undefined, io: CliIO, what = '--cache'): Promise<{ cache: TranslationCache; address: RedisAddress } | undefined> {
  if (!setting || !isRedisUrl(setting)) return undefined;
  const address = redisAddress(setting, what, io);
  const { RedisTranslationCache } = await import('../store/redis.js');
  return { cache: new RedisTranslationCache(await openRedis(address, 'vitrans-cache', io)), address };
}

/** A whole number of milliseconds from an environment variable, at least `min`, else `fallback`. */
export function envMs(env: CliIO['env'], name: string, fallback: number, min = 100): number {
  const value = env[name];
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min) throw new UsageError(`${name} must be a whole number of milliseconds, at least ${min}, got "${value}"`, { hint: `unset it for the default ${fallback}` });
  return n;
}
