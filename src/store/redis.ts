/**
 * The shared translation cache on Redis: every worker and coordinator of a queued run (and any
 * local run given `--cache redis://...`) reads and writes the same entries, keyed exactly as the
 * SQLite cache is (`translationCacheKey`). Claims on paragraphs in flight are Redis keys that
 * expire by themselves, taken, renewed and released by Lua scripts, so each step is atomic across
 * machines. Keys are hashes; values hold what the SQLite cache holds (never a secret).
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { CachedTranslation, LeaseOutcome, LeaseRequest, TranslationCache } from './types.js';
import type { RedisAddress } from '../core/redis-url.js';

/** Prefix of every key vitrans writes, so one Redis can serve other applications too. */
export const REDIS_PREFIX = 'vitrans:';

/** What a Redis connection reports about itself, for the one line a command prints when it is lost and found again. */
export type RedisConnectionEvent = { type: 'lost'; reason: string; auth: boolean } | { type: 'back' };

/**
 * Opens a connection to `address`. Commands wait while Redis is away (ioredis queues them and
 * reconnects every second or so), which BullMQ requires and lets a run go on when Redis comes
 * back. `onEvent` hears of the first failure after a good spell, and of the recovery.
 */
export function connectRedis(address: RedisAddress, opts: { name: string; onEvent?: (e: RedisConnectionEvent) => void; connectTimeoutMs?: number }): Redis {
  const options: RedisOptions = {
    maxRetriesPerRequest: null,
    connectionName: opts.name,
    connectTimeout: opts.connectTimeoutMs ?? 5000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 1000),
    ...(address.tls ? { tls: {} } : {}),
  };
  const redis = new Redis(address.url, options);
  let lost = false;
  let lastError: Error | undefined;
  const report = (): void => {
    if (lost) return;
    lost = true;
    opts.onEvent?.({ type: 'lost', reason: lastError ? connectionReason(lastError) : 'connection closed', auth: lastError !== undefined && isAuthFailure(lastError) });
  };
  redis.on('error', (err: Error) => {
    lastError = err;
    report();
  });
  // A Redis that restarts at once may close the connection without an error: that is a loss too
  // (unless it is our own disconnect).
  redis.on('close', () => {
    if (redis.status !== 'end') report();
  });
  redis.on('ready', () => {
    if (!lost) return;
    lost = false;
    lastError = undefined;
    opts.onEvent?.({ type: 'back' });
  });
  return redis;
}

/** Whether Redis refused the credentials (a wrong or missing password): waiting will not help. */
export function isAuthFailure(err: Error): boolean {
  return /WRONGPASS|NOAUTH|invalid password|invalid username-password/i.test(err.message);
}

/** The part of a connection error worth a line: what failed, without stack or address (the caller names the server, password masked). */
export function connectionReason(err: Error): string {
  const code = (err as { code?: string }).code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET') return 'connection reset';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ETIMEDOUT') return 'connection timed out';
  if (isAuthFailure(err)) return 'authentication failed (check the password in the URL)';
  if (/certificate|self[- ]signed|SSL|TLS/i.test(err.message)) return `TLS failed: ${err.message.split('\n')[0]}`;
  return err.message.split('\n')[0] ?? 'connection failed';
}

const entryKey = (key: string): string => `${REDIS_PREFIX}tm:${key}`;
const leaseKey = (key: string): string => `${REDIS_PREFIX}lease:${key}`;

// KEYS: entry keys, then lease keys (n of each). ARGV: owner, ttl ms.
// Per key: {'d', value} finished, {'c'} claimed now, {'b', owner, pttl} another owner's.
const CLAIM_SCRIPT = `
local n = #KEYS / 2
local out = {}
for i = 1, n do
  local value = redis.call('GET', KEYS[i])
  if value then
    out[i] = {'d', value}
  else
    local holder = redis.call('GET', KEYS[n + i])
    if holder and holder ~= ARGV[1] then
      out[i] = {'b', holder, tostring(redis.call('PTTL', KEYS[n + i]))}
    else
      redis.call('SET', KEYS[n + i], ARGV[1], 'PX', ARGV[2])
      out[i] = {'c'}
    end
  end
end
return out`;

// KEYS: lease keys. ARGV: owner, ttl ms. Returns 1/0 per key (still held and extended).
const RENEW_SCRIPT = `
local out = {}
for i = 1, #KEYS do
  if redis.call('GET', KEYS[i]) == ARGV[1] then
    redis.call('PEXPIRE', KEYS[i], ARGV[2])
    out[i] = 1
  else
    out[i] = 0
  end
end
return out`;

// KEYS: lease keys. ARGV: owner. Drops only the owner's own claims.
const RELEASE_SCRIPT = `
for i = 1, #KEYS do
  if redis.call('GET', KEYS[i]) == ARGV[1] then redis.call('DEL', KEYS[i]) end
end
return 0`;

/**
 * The Redis cache. Claims run on Redis's clock (`lease.now` is ignored: the machines sharing it
 * need not agree on the time).
 */
export class RedisTranslationCache implements TranslationCache {
  constructor(
    private readonly redis: Redis,
    /** Closes the connection with the cache (false when the caller shares it and closes it). */
    private readonly owned = true,
  ) {}

  async getMany(keys: readonly string[]): Promise<Map<string, CachedTranslation>> {
    const found = new Map<string, CachedTranslation>();
    if (keys.length === 0) return found;
    const values = await this.redis.mget(keys.map(entryKey));
    values.forEach((value, i) => {
      if (value !== null) found.set(keys[i]!, JSON.parse(value) as CachedTranslation);
    });
    return found;
  }

  async putMany(entries: readonly { key: string; value: CachedTranslation }[]): Promise<void> {
    if (entries.length === 0) return;
    const write = this.redis.multi();
    for (const { key, value } of entries) write.set(entryKey(key), JSON.stringify(value)).del(leaseKey(key));
    await write.exec();
  }

  async claim(keys: readonly string[], lease: LeaseRequest): Promise<LeaseOutcome> {
    const outcome: LeaseOutcome = { claimed: [], done: new Map(), busy: [] };
    if (keys.length === 0) return outcome;
    const args = [...keys.map(entryKey), ...keys.map(leaseKey), lease.owner, String(Math.max(1, Math.round(lease.ttlMs)))];
    const answers = (await this.redis.eval(CLAIM_SCRIPT, keys.length * 2, args)) as string[][];
    const now = Date.now();
    answers.forEach((answer, i) => {
      const key = keys[i]!;
      if (answer[0] === 'd') outcome.done.set(key, JSON.parse(answer[1]!) as CachedTranslation);
      else if (answer[0] === 'c') outcome.claimed.push(key);
      else outcome.busy.push({ key, owner: answer[1]!, expiresAt: now + Math.max(0, Number(answer[2])) });
    });
    return outcome;
  }

  async renew(keys: readonly string[], lease: LeaseRequest): Promise<string[]> {
    if (keys.length === 0) return [];
    const held = (await this.redis.eval(RENEW_SCRIPT, keys.length, [...keys.map(leaseKey), lease.owner, String(Math.max(1, Math.round(lease.ttlMs)))])) as number[];
    return keys.filter((_, i) => held[i] === 1);
  }

  async release(keys: readonly string[], owner: string): Promise<void> {
    if (keys.length === 0 || this.redis.status === 'end') return;
    await this.redis.eval(RELEASE_SCRIPT, keys.length, [...keys.map(leaseKey), owner]);
  }

  /**
   * Every stored entry, in batches of about `count`, streamed with SCAN (which never blocks Redis
   * the way KEYS does, and may repeat a key: callers store by key, so a repeat overwrites itself).
   */
  async *storedEntries(count = 500): AsyncGenerator<{ key: string; value: CachedTranslation }[]> {
    const prefix = entryKey('');
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', count);
      cursor = next;
      if (keys.length === 0) continue;
      const values = await this.redis.mget(keys);
      const batch: { key: string; value: CachedTranslation }[] = [];
      values.forEach((value, i) => {
        if (value !== null) batch.push({ key: keys[i]!.slice(prefix.length), value: JSON.parse(value) as CachedTranslation });
      });
      yield batch;
    } while (cursor !== '0');
  }

  close(): void {
    if (this.owned) this.redis.disconnect();
  }
}
