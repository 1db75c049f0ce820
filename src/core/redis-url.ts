/**
 * Redis addresses as the user writes them (`redis://[USER:PASSWORD@]HOST:PORT[/DB]`, `rediss://`
 * for TLS): checked once, with the password kept out of everything shown. No Redis client here,
 * so the CLI can check and show an address without loading one.
 */
import { UsageError } from './errors.js';
import { REDACTED } from './redact.js';

/** A checked Redis address. */
export interface RedisAddress {
  /** The URL as given (password included): only ever handed to the Redis client. */
  url: string;
  /** The URL with the password masked: what messages, status and logs show. */
  shown: string;
  /** The password and user name, for the redactor (absent when the URL carries none). */
  secrets: string[];
  tls: boolean;
}

/** Whether a `--cache` or `cache:` value names a Redis server rather than a file. */
export function isRedisUrl(value: string): boolean {
  return /^rediss?:\/\//i.test(value.trim());
}

/**
 * Checks a Redis URL; `what` names the flag or setting it came from, for the message.
 * @throws UsageError for anything but redis:// or rediss:// with a host, or a database that is not a number.
 * @example parseRedisUrl('redis://:s3cret-pass@10.0.0.5:6379/2', '--queue').shown === 'redis://:[REDACTED]@10.0.0.5:6379/2'
 */
export function parseRedisUrl(value: string, what: string): RedisAddress {
  let parsed: URL;
  try {
    parsed = new URL(value.trim());
  } catch {
    throw new UsageError(`${what} must be a Redis URL such as redis://127.0.0.1:6379, got something that is not a URL`, { hint: 'write redis://HOST:PORT[/DB], or rediss:// for TLS' });
  }
  const scheme = parsed.protocol.toLowerCase();
  if (scheme !== 'redis:' && scheme !== 'rediss:') {
    throw new UsageError(`${what} must be a redis:// or rediss:// URL, got ${scheme}//`, { hint: 'write redis://HOST:PORT[/DB], or rediss:// for TLS' });
  }
  if (!parsed.hostname) throw new UsageError(`${what} names no host`, { hint: 'write redis://HOST:PORT[/DB]' });
  const db = parsed.pathname.replace(/^\/+/, '');
  if (db !== '' && !/^\d+$/.test(db)) throw new UsageError(`${what}: the database after the host must be a number, got "${decodeURIComponent(db)}"`, { hint: 'e.g. redis://127.0.0.1:6379/0' });
  const password = decodeURIComponent(parsed.password);
  const user = decodeURIComponent(parsed.username);
  const secrets = [...new Set([password, parsed.password])].filter((s) => s !== '');
  // A user name alone is not secret, but with a password it is half of the credential.
  if (password && user && user !== 'default') secrets.push(user);
  const masked = new URL(parsed.href);
  if (masked.password) masked.password = REDACTED;
  return { url: value.trim(), shown: masked.href.replace(encodeURIComponent(REDACTED), REDACTED).replace(/\/$/, ''), secrets, tls: scheme === 'rediss:' };
}
