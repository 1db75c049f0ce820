/**
 * Per-request timeouts of the SDK engines. msw's `delay()` does not trip axios timeouts
 * (deepl-node), so DeepL talks to a real local server that accepts and never answers,
 * reached through msw `passthrough()`.
 */
import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { http as mswHttp, passthrough, delay, HttpResponse } from 'msw';
import { server } from '../setup/server.js';
import { createDeepLEngine } from '../../src/engines/deepl.js';
import { createGoogleEngine } from '../../src/engines/google.js';
import { createGoogleV2Engine } from '../../src/engines/google-v2.js';
import { withRetry } from '../../src/engines/retry.js';
import { PARAGRAPHS } from './fixtures.js';

let stall: http.Server;
let base: string;
let received = 0;

beforeAll(async () => {
  stall = http.createServer(() => {
    received++; // never answer
  });
  await new Promise<void>((resolve) => stall.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(stall.address() as AddressInfo).port}`;
});

afterAll(async () => {
  stall.closeAllConnections();
  await new Promise((resolve) => stall.close(resolve));
});

describe('timeouts', () => {
  it('deepl: a server that never answers gives a retryable timeout after timeoutMs', async () => {
    server.use(mswHttp.all(`${base}/*`, () => passthrough()));
    received = 0;
    const engine = createDeepLEngine({ authKey: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d:fx', serverUrl: base, timeoutMs: '150' });
    const kinds: string[] = [];
    const err = await withRetry(() => engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }), {
      maxAttempts: 2,
      sleep: async () => {},
      onRetry: (e) => kinds.push(e.error.kind),
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'timeout', retryable: true });
    expect(kinds).toEqual(['timeout']);
    expect(received).toBe(2);
  });

  it('google v3: no answer within timeoutMs is a timeout', async () => {
    let received = 0;
    server.use(
      mswHttp.post('https://translate.googleapis.com/v3/projects/:p/locations/:l\\:translateText', async () => {
        received++;
        await delay(3000);
        return HttpResponse.json({ translations: [] });
      }),
    );
    const engine = await createGoogleEngine({ apiKey: 'AIzaSyC-stall-0123456789abcdefghijkl', projectId: 'vitrans-news-412309', timeoutMs: '100' });
    // Without the timeout the late (empty) answer would end as a bad-response instead.
    const err = await engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'timeout', retryable: true });
    // On a loaded machine the client may send its request after our deadline: let it arrive while
    // this test's handler is in place, not during the next test.
    await vi.waitFor(() => expect(received).toBe(1), { timeout: 10_000 });
  });

  it('google v2: no answer within timeoutMs is a timeout', async () => {
    let received = 0;
    server.use(
      mswHttp.post('https://translation.googleapis.com/language/translate/v2', async () => {
        received++;
        await delay(3000);
        return HttpResponse.json({ data: { translations: [] } });
      }),
    );
    const engine = createGoogleV2Engine({ apiKey: 'AIzaSyC-stall-0123456789abcdefghijkl', timeoutMs: '100' });
    // Without the timeout the late (empty) answer would end as a bad-response instead.
    const err = await engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'timeout', retryable: true });
    await vi.waitFor(() => expect(received).toBe(1), { timeout: 10_000 });
  });

  it('deepl: the caller’s abort ends the wait at once with the abort reason', async () => {
    server.use(mswHttp.all(`${base}/*`, () => passthrough()));
    const engine = createDeepLEngine({ authKey: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d:fx', serverUrl: base, timeoutMs: '10000' });
    const controller = new AbortController();
    const pending = engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en', signal: controller.signal });
    setTimeout(() => controller.abort(new Error('Ctrl-C')), 50);
    await expect(pending).rejects.toThrow('Ctrl-C');
  });
});
