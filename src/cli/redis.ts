/**
 * The CLI's side of Redis: addresses from flags and the config (passwords registered with the
 * redactor before anything can print them), connections that say in one line when Redis goes
 * away and when it is back, and the translation cache a `--cache` value names.
 */
import { UsageError } from '../core/errors.js';
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

/** A connection to `address` whose losses and recoveries are reported on stderr, one line each. */
export async function openRedis(address: RedisAddress, name: string, io: CliIO): Promise<Redis> {
  const { connectRedis } = await import('../store/redis.js');
  return connectRedis(address, {
    name,
    onEvent: (e) =>
      io.stderr.write(
        e.type === 'lost'
          ? `vitrans: lost Redis at ${address.shown} (${e.reason}); waiting for it to come back, finished work is kept\n`
          : `vitrans: Redis at ${address.shown} is back; going on\n`,
      ),
  });
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
