/**
 * The `queue:` section of vitrans.config.yaml: where runs are queued and how fast each engine may
 * be sent to across all workers.
 *
 *   queue:
 *     url: redis://127.0.0.1:6379
 *     batch_paragraphs: 10
 *     limits:
 *       deepl: { requests: 20, characters: 100000, interval_ms: 1000 }
 */
import { isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { parseRedisUrl } from '../core/redis-url.js';
import { ENGINES, closestName, engineNames } from '../engines/registry.js';
import type { SectionContext } from './sections.js';

/** One engine's shared limit: requests and characters (UTF-16 units) per `intervalMs`. */
export interface QueueLimit {
  requests?: number;
  characters?: number;
  intervalMs: number;
}

/** The `queue:` section, read. */
export interface QueueConfig {
  /** The Redis URL, as written (its password goes to the redactor). */
  url?: string;
  /** Paragraphs per job at most. */
  batchParagraphs?: number;
  /** Shared limits by engine name. */
  limits: Record<string, QueueLimit>;
}

/** The default interval of a limit that names none. */
export const DEFAULT_LIMIT_INTERVAL_MS = 1000;

const LIMIT_KEYS = ['requests', 'characters', 'interval_ms'];

/** Reads `queue:`; secrets (a password in the URL) are added to `secrets`. */
export function readQueueSection(node: Node | null, ctx: SectionContext, keyNode: Node, secrets: string[]): QueueConfig {
  const out: QueueConfig = { limits: {} };
  if (node === null || (isScalar(node) && node.value === null)) return out;
  if (!isMap(node)) return ctx.fail('queue must be a mapping with url, batch_paragraphs and limits', node ?? keyNode);
  for (const pair of (node as YAMLMap).items as Pair<Node, Node>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const v = pair.value;
    if (key === 'url') {
      if (!isScalar(v) || typeof v.value !== 'string') return ctx.fail('queue.url must be a redis:// or rediss:// URL', v ?? pair.key);
      let address;
      try {
        address = parseRedisUrl(v.value, 'queue.url');
      } catch (err) {
        return ctx.fail((err as Error).message, v, 'write redis://HOST:PORT[/DB], or rediss:// for TLS');
      }
      for (const s of address.secrets) secrets.push(s);
      out.url = address.url;
      ctx.origin('queue.url', v);
    } else if (key === 'batch_paragraphs') {
      out.batchParagraphs = positive(v, 'queue.batch_paragraphs', ctx, pair.key);
      ctx.origin('queue.batch_paragraphs', v);
    } else if (key === 'limits') {
      if (!isMap(v)) return ctx.fail('queue.limits must map engine names to { requests, characters, interval_ms }', v ?? pair.key);
      for (const entry of (v as YAMLMap).items as Pair<Node, Node>[]) {
        const name = isScalar(entry.key) ? String(entry.key.value) : '';
        if (!ENGINES.has(name)) {
          const near = closestName(name, engineNames());
          return ctx.fail(`unknown engine "${name}" in queue.limits${near ? ` (did you mean ${near}?)` : ''}`, entry.key);
        }
        if (!isMap(entry.value)) return ctx.fail(`queue.limits.${name} must be { requests, characters, interval_ms }`, entry.value ?? entry.key);
        const limit: QueueLimit = { intervalMs: DEFAULT_LIMIT_INTERVAL_MS };
        for (const field of (entry.value as YAMLMap).items as Pair<Node, Node>[]) {
          const f = isScalar(field.key) ? String(field.key.value) : '';
          const where = `queue.limits.${name}.${f}`;
          if (f === 'requests') limit.requests = positive(field.value, where, ctx, field.key);
          else if (f === 'characters') limit.characters = positive(field.value, where, ctx, field.key);
          else if (f === 'interval_ms') limit.intervalMs = positive(field.value, where, ctx, field.key);
          else return ctx.fail(`unknown key "${f}" in queue.limits.${name}`, field.key, `known keys: ${LIMIT_KEYS.join(', ')}`);
          ctx.origin(where, field.value);
        }
        out.limits[name] = limit;
      }
    } else {
      return ctx.fail(`unknown key "${key}" in queue`, pair.key, 'known keys: url, batch_paragraphs, limits');
    }
  }
  return out;
}

function positive(v: Node | null, where: string, ctx: SectionContext, keyNode: Node): number {
  const n = isScalar(v) && typeof v.value !== 'boolean' ? Number(v.value) : NaN;
  if (!Number.isInteger(n) || n < 1) return ctx.fail(`${where} must be a positive whole number`, v ?? keyNode);
  return n;
}
