/**
 * One rate limit per engine across every worker on one Redis, in requests and in characters per
 * interval. BullMQ's global rate limit (set on each engine's queue) paces the jobs workers take;
 * it counts jobs, and a job may send more than one request (a long paragraph in parts, a retry),
 * so every request also passes this limiter just before it is sent: a sliding window over the
 * requests of the last interval, kept in Redis and checked and booked by one Lua script on
 * Redis's clock. A request counts from its booking until one interval after its answer came
 * back: the engine counts by arrival, which falls somewhere in between, so however long a request
 * took to reach it (a cold connection, a loaded machine), the engine never sees more than the limit
 * in any interval. A 429 pauses the engine for every worker (`pause`).
 */
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { EngineError } from '../core/errors.js';
import { sleep } from '../engines/retry.js';
import type { Engine, TranslateRequest } from '../engines/types.js';
import { REDIS_PREFIX } from '../store/redis.js';

/** An engine's shared limit: requests and characters (UTF-16 units sent) per `intervalMs`; absent or 0 means no limit of that kind. */
export interface RateLimit {
  requests?: number;
  characters?: number;
  intervalMs: number;
}

/**
 * How long a request in flight counts at most, when its worker never says it is answered (the
 * worker died): longer than any engine's request timeout, so a slow answer is never let go early.
 */
export const IN_FLIGHT_MS = 120_000;

/** How long every worker stops sending after a 429 that names no Retry-After. */
export const DEFAULT_RATE_LIMIT_PAUSE_MS = 2000;

const keys = (engine: string): string[] => [`${REDIS_PREFIX}rate:${engine}:log`, `${REDIS_PREFIX}rate:${engine}:pause`, `${REDIS_PREFIX}rate:${engine}:limit`];

// KEYS: the window's log (a sorted set of "id:characters" by time), the pause key, the limit hash.
// ARGV: this request's characters, a unique id. Returns 0 (booked) or the milliseconds to wait.
const ACQUIRE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local paused = redis.call('PTTL', KEYS[2])
if paused > 0 then return paused end
local maxRequests = tonumber(redis.call('HGET', KEYS[3], 'requests') or '0')
local maxChars = tonumber(redis.call('HGET', KEYS[3], 'characters') or '0')
local window = tonumber(redis.call('HGET', KEYS[3], 'window') or '0')
if window <= 0 or (maxRequests <= 0 and maxChars <= 0) then return 0 end
local chars = tonumber(ARGV[1])
-- Entries in flight are scored in the future (their deadline): they wait for their answer.
local function leaves(score)
  if score > now then return 25 end
  return score + window - now + 1
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local log = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
local count = #log / 2
if maxRequests > 0 and count >= maxRequests then
  return leaves(tonumber(log[(count - maxRequests) * 2 + 2]))
end
if maxChars > 0 and count > 0 then
  local used = 0
  for i = 1, #log, 2 do used = used + tonumber(string.match(log[i], ':(%d+)$')) end
  if used + chars > maxChars then
    local freed = 0
    for i = 1, #log, 2 do
      freed = freed + tonumber(string.match(log[i], ':(%d+)$'))
      if used - freed + chars <= maxChars or i + 2 > #log then return leaves(tonumber(log[i + 1])) end
    end
  end
end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[2] .. ':' .. ARGV[1])
redis.call('PEXPIRE', KEYS[1], window + tonumber(ARGV[3]))
return 0`;

// KEYS: the window's log. ARGV: the booked member, the window. The request is answered: it now
// counts for one window from this moment.
const ANSWERED_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], 'XX', now, ARGV[1])
return 0`;

// KEYS: the pause key. ARGV: milliseconds. A pause is only ever lengthened.
const PAUSE_SCRIPT = `
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) end
return 0`;

/** The shared limiter of one engine on one Redis. */
export class SharedRateLimiter {
  constructor(
    private readonly redis: Redis,
    readonly engine: string,
  ) {}

  /** Sets the engine's limit for every worker (the coordinator does, from its config and flags); undefined removes it. */
  async setLimit(limit: RateLimit | undefined): Promise<void> {
    const [, , limitKey] = keys(this.engine);
    if (!limit || (!limit.requests && !limit.characters)) {
      await this.redis.del(limitKey!);
      return;
    }
    await this.redis.hset(limitKey!, { requests: limit.requests ?? 0, characters: limit.characters ?? 0, window: limit.intervalMs });
  }

  /** The engine's limit as set, or undefined. */
  async limit(): Promise<RateLimit | undefined> {
    const got = await this.redis.hgetall(keys(this.engine)[2]!);
    if (!got.window) return undefined;
    return { requests: Number(got.requests) || undefined, characters: Number(got.characters) || undefined, intervalMs: Number(got.window) };
  }

  /**
   * Waits until a request of `characters` fits the window (and no pause holds), then books it;
   * call the returned function once it is answered (or failed). A request bigger than the whole
   * character budget goes alone into an empty window.
   */
  async acquire(characters: number, signal?: AbortSignal): Promise<() => Promise<void>> {
    const [log, pause, limitKey] = keys(this.engine);
    const id = randomUUID().slice(0, 12);
    const chars = String(Math.max(0, Math.round(characters)));
    for (;;) {
      const wait = Number(await this.redis.eval(ACQUIRE_SCRIPT, 3, [log!, pause!, limitKey!, chars, id, String(IN_FLIGHT_MS)]));
      if (wait <= 0) break;
      await sleep(Math.min(wait, 1000), signal);
    }
    return async () => {
      await this.redis.eval(ANSWERED_SCRIPT, 1, [log!, `${id}:${chars}`]);
    };
  }

  /** Stops every worker sending to this engine for `ms` (a 429). */
  async pause(ms: number): Promise<void> {
    await this.redis.eval(PAUSE_SCRIPT, 1, [keys(this.engine)[1]!, String(Math.max(1, Math.round(ms)))]);
  }

  /** How long the engine is still paused, in ms (0 when it is not). */
  async pausedFor(): Promise<number> {
    return Math.max(0, await this.redis.pttl(keys(this.engine)[1]!));
  }
}

/**
 * The engine with every request (and glossary creation) booked with the shared limiter first, and
 * every 429 turned into a pause for all workers before it is thrown on.
 */
export function limitedEngine(engine: Engine, limiter: SharedRateLimiter): Engine {
  const guarded = async <T>(characters: number, signal: AbortSignal | undefined, send: () => Promise<T>): Promise<T> => {
    const answered = await limiter.acquire(characters, signal);
    try {
      return await send();
    } catch (err) {
      if (err instanceof EngineError && err.kind === 'rate-limit') await limiter.pause(err.retryAfterMs ?? DEFAULT_RATE_LIMIT_PAUSE_MS);
      throw err;
    } finally {
      await answered();
    }
  };
  const wrapped: Engine = {
    name: engine.name,
    model: engine.model,
    capabilities: engine.capabilities,
    cacheOptions: engine.cacheOptions,
    translate: (request: TranslateRequest) => guarded(request.texts.reduce((n, t) => n + t.length, 0), request.signal, () => engine.translate(request)),
    ...(engine.prepareGlossary ? { prepareGlossary: (pairs, hash, langs) => guarded(0, undefined, () => engine.prepareGlossary!(pairs, hash, langs)) } : {}),
    ...(engine.close ? { close: () => engine.close!() } : {}),
  };
  return wrapped;
}
