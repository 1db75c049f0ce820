/**
 * A local LibreTranslate stand-in for translation benchmarks: `POST /translate` with `q` as a list,
 * answered at once with a deterministic pseudo-English (each word replaced by an English word
 * chosen by its hash; placeholders, digits and punctuation kept), so the output is no echo and the
 * cost on the server side stays linear. Binds 127.0.0.1 on a free port.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ENGLISH_WORDS } from './generate.js';

/** A running stand-in: its URL, request and character counts, and how to stop it. */
export interface FakeLibreTranslate {
  url: string;
  requests: number;
  characters: number;
  close(): Promise<void>;
}

function pseudoEnglish(text: string): string {
  return text.replace(/[\p{L}\p{M}]+/gu, (word) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
    return ENGLISH_WORDS[(h >>> 0) % ENGLISH_WORDS.length]!;
  });
}

export async function startFakeLibreTranslate(): Promise<FakeLibreTranslate> {
  const state = { requests: 0, characters: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.requests++;
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { q: string | string[] };
      const q = Array.isArray(body.q) ? body.q : [body.q];
      for (const t of q) state.characters += t.length;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ translatedText: q.map(pseudoEnglish) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get characters() {
      return state.characters;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
