/**
 * A real HTTP server on 127.0.0.1 (a free port) that answers as LibreTranslate does and counts
 * every text it is asked to translate: what the concurrency and crash tests assert on.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { pseudoTranslate } from '../translate/fake-engine.js';

/** One request as the server saw it. */
export interface SeenRequest {
  texts: string[];
  at: number;
  answered: boolean;
}

/** The running server. */
export interface LibreServer {
  url: string;
  requests: SeenRequest[];
  /** How often each text was asked for. */
  counts(): Map<string, number>;
  /** Answers every request held by `hold` so far, and no longer holds new ones. */
  releaseHeld(): void;
  close(): Promise<void>;
}

export interface LibreServerOptions {
  /** Delay before each answer (ms). */
  delayMs?: number;
  /**
   * Decides, per request (0-based), whether to hold its answer: `'forever'` (until the client goes
   * away), `'release'` (until `releaseHeld()`), or `undefined` to answer after `delayMs`.
   */
  hold?: (index: number, server: LibreServer) => 'forever' | 'release' | undefined;
}

export async function startLibreServer(opts: LibreServerOptions = {}): Promise<LibreServer> {
  const requests: SeenRequest[] = [];
  const held: (() => void)[] = [];
  let releasing = false;
  const sockets = new Set<Socket>();
  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (body += d));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/translate') {
        res.writeHead(404).end();
        return;
      }
      const { q } = JSON.parse(body) as { q: string[] | string };
      const texts = Array.isArray(q) ? q : [q];
      const seen: SeenRequest = { texts, at: Date.now(), answered: false };
      const index = requests.push(seen) - 1;
      const answer = (): void => {
        if (res.destroyed) return;
        seen.answered = true;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ translatedText: texts.map(pseudoTranslate) }));
      };
      const hold = releasing ? undefined : opts.hold?.(index, server);
      if (hold === 'forever') return;
      if (hold === 'release') {
        held.push(answer);
        return;
      }
      setTimeout(answer, opts.delayMs ?? 0);
    });
  });
  http.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const server: LibreServer = {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    requests,
    counts() {
      const counts = new Map<string, number>();
      for (const r of requests) for (const t of r.texts) counts.set(t, (counts.get(t) ?? 0) + 1);
      return counts;
    },
    releaseHeld() {
      releasing = true;
      for (const answer of held.splice(0)) answer();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
  return server;
}
