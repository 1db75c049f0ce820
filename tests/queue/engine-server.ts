/**
 * A fake engine on 127.0.0.1, shaped like LibreTranslate (`POST /translate`, `q` an array), that
 * counts every request by its own clock and enforces caps: more requests in flight than
 * `maxInFlight`, or more in any `windowMs` than `maxPerWindow`, are refused with a 429 and
 * recorded as violations. It can also answer 429 itself (a storm), or hold answers forever.
 */
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { pseudoTranslate } from '../translate/fake-engine.js';

export interface EngineRequest {
  texts: string[];
  at: number;
  status: number;
}

export interface EngineServer {
  url: string;
  requests: EngineRequest[];
  /** Requests over a cap (in flight or per window), by the server's clock. */
  violations: string[];
  /** The most requests that arrived within any `windowMs`. */
  maxInWindow(windowMs: number): number;
  /** How often each text was sent (answered or not). */
  counts(): Map<string, number>;
  close(): Promise<void>;
}

export interface EngineServerOptions {
  delayMs?: number;
  maxInFlight?: number;
  maxPerWindow?: { requests: number; windowMs: number };
  /** Refuse the request with this status (429 with a Retry-After in seconds, 403 ...), when it returns one. */
  refuse?: (index: number) => { status: number; retryAfterS?: number } | undefined;
  /** Never answer this request (a worker killed while waiting for it). */
  hold?: (index: number, texts: string[]) => boolean;
}

export async function startEngineServer(opts: EngineServerOptions = {}): Promise<EngineServer> {
  const requests: EngineRequest[] = [];
  const violations: string[] = [];
  let inFlight = 0;
  const sockets = new Set<Socket>();
  const http = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (body += d));
    req.on('end', () => {
      const now = Date.now();
      const { q } = JSON.parse(body) as { q: string[] | string };
      const texts = Array.isArray(q) ? q : [q];
      const seen: EngineRequest = { texts, at: now, status: 200 };
      const index = requests.push(seen) - 1;
      const cap = opts.maxPerWindow;
      if (cap) {
        const recent = requests.filter((r) => r.at > now - cap.windowMs).length;
        if (recent > cap.requests) violations.push(`${recent} requests within ${cap.windowMs} ms at request ${index}`);
      }
      if (opts.maxInFlight !== undefined && inFlight + 1 > opts.maxInFlight) violations.push(`${inFlight + 1} in flight at request ${index}`);
      const storm = opts.refuse?.(index);
      if (storm) {
        seen.status = storm.status;
        const retryAfter = storm.retryAfterS !== undefined ? { 'retry-after': String(storm.retryAfterS) } : {};
        // A 5xx comes from the proxy in front of LibreTranslate (nginx): an HTML page, not JSON.
        if (storm.status >= 500) res.writeHead(storm.status, { 'content-type': 'text/html', ...retryAfter }).end(`<html><head><title>${storm.status} Service Temporarily Unavailable</title></head><body><center><h1>${storm.status} Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>\n`);
        else res.writeHead(storm.status, { 'content-type': 'application/json', ...retryAfter }).end(JSON.stringify({ error: storm.status === 429 ? 'Too many requests' : 'Invalid API key' }));
        return;
      }
      if (opts.hold?.(index, texts)) return;
      inFlight++;
      setTimeout(() => {
        inFlight--;
        if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ translatedText: texts.map(pseudoTranslate) }));
      }, opts.delayMs ?? 0);
    });
  });
  http.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    requests,
    violations,
    maxInWindow(windowMs) {
      let best = 0;
      let from = 0;
      const times = requests.map((r) => r.at).sort((a, b) => a - b);
      for (let to = 0; to < times.length; to++) {
        while (times[to]! - times[from]! >= windowMs) from++;
        best = Math.max(best, to - from + 1);
      }
      return best;
    },
    counts() {
      const m = new Map<string, number>();
      for (const r of requests) for (const t of r.texts) m.set(t, (m.get(t) ?? 0) + 1);
      return m;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => http.close(() => r()));
    },
  };
}
