import { describe, it, expect } from 'vitest';
import { http, HttpResponse, delay } from 'msw';
import { server } from '../setup/server.js';
import { createLibreTranslateEngine } from '../../src/engines/libretranslate.js';
import { withRetry } from '../../src/engines/retry.js';
import { ConfigError } from '../../src/core/errors.js';
import { ENGLISH, PARAGRAPHS, fakeTranslate } from './fixtures.js';

const BASE = 'http://libretranslate.internal:5000';
const KEY = 'lt-6f1d2c3b-4a5e-4f60-9a7b-8c9d0e1f2a3b';

interface LibreBody {
  q: string[];
  source: string;
  target: string;
  format: string;
  api_key?: string;
}

function libre(seen: LibreBody[], reply?: (call: number, body: LibreBody) => Response | Promise<Response> | undefined) {
  return http.post(`${BASE}/translate`, async ({ request }) => {
    expect(request.headers.get('content-type')).toBe('application/json');
    const body = (await request.json()) as LibreBody;
    seen.push(body);
    const early = await reply?.(seen.length, body);
    if (early) return early;
    return HttpResponse.json({ translatedText: body.q.map(fakeTranslate) });
  });
}

describe('libretranslate engine', () => {
  it('posts q as an array with the api_key and reads translatedText in order', async () => {
    const seen: LibreBody[] = [];
    server.use(libre(seen));
    const engine = createLibreTranslateEngine({ url: `${BASE}/`, apiKey: KEY });
    const results = await engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' });
    expect(results.map((r) => r.text)).toEqual(ENGLISH);
    expect(seen).toEqual([{ q: PARAGRAPHS, source: 'vi', target: 'en', format: 'text', api_key: KEY }]);
  });

  it('omits api_key when none is set', async () => {
    const seen: LibreBody[] = [];
    server.use(libre(seen));
    await createLibreTranslateEngine({ url: BASE }).translate({ texts: [PARAGRAPHS[0]!], sourceLang: 'vi', targetLang: 'en' });
    expect(seen[0]).not.toHaveProperty('api_key');
  });

  it('maps {error} bodies: 400 unsupported language, 403 bad key (redacted)', async () => {
    server.use(libre([], () => HttpResponse.json({ error: 'vi is not supported' }, { status: 400 })));
    const engine = createLibreTranslateEngine({ url: BASE, apiKey: KEY });
    const unsupported = await engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }).catch((e: unknown) => e);
    expect(unsupported).toMatchObject({ kind: 'unsupported-language', message: 'LibreTranslate does not support this language pair: vi is not supported' });

    server.use(libre([], () => HttpResponse.json({ error: `Invalid API key ${KEY}` }, { status: 403 })));
    const auth = await engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }).catch((e: unknown) => e);
    expect(auth).toMatchObject({ kind: 'auth', hint: 'check LIBRETRANSLATE_API_KEY' });
    expect((auth as Error).message).not.toContain(KEY);
  });

  it('retries 429 (Retry-After as an HTTP date) and 500, then succeeds', async () => {
    const seen: LibreBody[] = [];
    const retryAt = new Date(Date.now() + 4000).toUTCString();
    server.use(
      libre(seen, (call) =>
        call === 1
          ? HttpResponse.json({ error: 'Slowdown: 1 per 1 second' }, { status: 429, headers: { 'Retry-After': retryAt } })
          : call === 2
            ? HttpResponse.json({ error: 'Cannot translate text: model crashed' }, { status: 500 })
            : undefined,
      ),
    );
    const engine = createLibreTranslateEngine({ url: BASE });
    const waits: number[] = [];
    const results = await withRetry(() => engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }), {
      baseDelayMs: 100,
      random: () => 0,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(results.map((r) => r.text)).toEqual(ENGLISH);
    expect(seen).toHaveLength(3);
    // The HTTP date is whole seconds, so the wait is up to a second under 4 s.
    expect(waits[0]).toBeGreaterThan(2500);
    expect(waits[0]).toBeLessThanOrEqual(4000);
    expect(waits[1]).toBe(0);
  });

  it('a network error is retryable', async () => {
    server.use(libre([], () => HttpResponse.error()));
    const err = await createLibreTranslateEngine({ url: BASE }).translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'network', retryable: true });
  });

  it('gives up after timeoutMs with a retryable timeout error', async () => {
    server.use(libre([], async () => {
      await delay(2000);
      return HttpResponse.json({ translatedText: [] });
    }));
    // Without the timeout the late (empty) answer would end as a bad-response instead.
    const err = await createLibreTranslateEngine({ url: BASE, timeoutMs: '80' }).translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'timeout', retryable: true, message: 'LibreTranslate did not answer within 80 ms' });
  });

  it('stops when the caller aborts, with the abort reason rather than an engine error', async () => {
    server.use(libre([], async () => {
      await delay(2000);
      return HttpResponse.json({ translatedText: [] });
    }));
    const controller = new AbortController();
    const pending = createLibreTranslateEngine({ url: BASE }).translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en', signal: controller.signal });
    setTimeout(() => controller.abort(new Error('interrupted')), 20);
    await expect(pending).rejects.toThrow('interrupted');
  });

  it('a translatedText of the wrong length is a bad-response, which is retryable (an engine fault, exit 4 if it persists)', async () => {
    server.use(libre([], () => HttpResponse.json({ translatedText: ['one'] })));
    const err = await createLibreTranslateEngine({ url: BASE }).translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'bad-response', retryable: true });
  });

  it('malformed JSON is a bad-response that withRetry retries', async () => {
    const seen: LibreBody[] = [];
    server.use(libre(seen, (call) => (call === 1 ? new HttpResponse('{"translatedText": [oops', { headers: { 'content-type': 'application/json' } }) : undefined)));
    const kinds: string[] = [];
    const results = await withRetry(() => createLibreTranslateEngine({ url: BASE }).translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }), {
      sleep: async () => {},
      onRetry: (e) => kinds.push(e.error.kind),
    });
    expect(kinds).toEqual(['bad-response']);
    expect(seen).toHaveLength(2);
    expect(results.map((r) => r.text)).toEqual(ENGLISH);
  });

  it('refuses a URL with credentials or a query string at creation, never showing the secret', () => {
    const refusal = (url: string): ConfigError => {
      try {
        createLibreTranslateEngine({ url });
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error(`${url} was accepted`);
    };
    const withPassword = refusal('http://bob:s3cret@libretranslate.internal:5000');
    expect(withPassword).toBeInstanceOf(ConfigError);
    expect(withPassword.message).toMatch(/must not contain a user name or password/);
    expect(withPassword.hint).toMatch(/libretranslate\.api_key/);
    expect(`${withPassword.message} ${withPassword.hint}`).not.toMatch(/s3cret|bob/);
    const withQuery = refusal(`${BASE}/?api_key=${KEY}`);
    expect(withQuery).toBeInstanceOf(ConfigError);
    expect(withQuery.message).toMatch(/query string/);
    expect(`${withQuery.message} ${withQuery.hint}`).not.toContain(KEY);
  });

  it('refuses a timeout_ms that is not a positive whole number, naming the setting', () => {
    expect(() => createLibreTranslateEngine({ url: BASE, timeoutMs: 'abc' })).toThrow(ConfigError);
    expect(() => createLibreTranslateEngine({ url: BASE, timeoutMs: 'abc' })).toThrow('libretranslate.timeout_ms must be a positive whole number of milliseconds, got "abc"');
    expect(() => createLibreTranslateEngine({ url: BASE, timeoutMs: '0' })).toThrow(/libretranslate\.timeout_ms/);
  });

  it('needs an http(s) URL', () => {
    expect(() => createLibreTranslateEngine({})).toThrow(/needs a server URL/);
    expect(() => createLibreTranslateEngine({ url: 'localhost:5000' })).toThrow(/not an http\(s\) URL/);
  });
});
