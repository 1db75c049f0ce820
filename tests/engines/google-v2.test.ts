import { describe, it, expect } from 'vitest';
import { http, HttpResponse } from 'msw';
import { server } from '../setup/server.js';
import { EngineError } from '../../src/core/errors.js';
import { createGoogleV2Engine } from '../../src/engines/google-v2.js';
import { withRetry } from '../../src/engines/retry.js';
import { ENGLISH, PARAGRAPHS, fakeTranslate } from './fixtures.js';

const KEY = 'AIzaSyB3x-Q1w2e3r4t5y6u7i8o9p0aSdFgHjK';
const URL_V2 = 'https://translation.googleapis.com/language/translate/v2';

interface V2Body {
  q: string[];
  source: string;
  target: string;
  format: string;
}

function v2Handler(seen: { url: URL; body: V2Body }[], reply?: (call: number) => Response | undefined) {
  return http.post(URL_V2, async ({ request }) => {
    const body = (await request.json()) as V2Body;
    seen.push({ url: new URL(request.url), body });
    const early = reply?.(seen.length);
    if (early) return early;
    return HttpResponse.json({ data: { translations: body.q.map((t) => ({ translatedText: fakeTranslate(t) })) } });
  });
}

describe('google-v2 engine', () => {
  it('sends ?key= and {q, source, target, format: text} and keeps order', async () => {
    const seen: { url: URL; body: V2Body }[] = [];
    server.use(v2Handler(seen));
    const engine = createGoogleV2Engine({ apiKey: KEY });
    const results = await engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' });
    expect(results.map((r) => r.text)).toEqual(ENGLISH);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url.searchParams.get('key')).toBe(KEY);
    expect(seen[0]!.body).toEqual({ q: PARAGRAPHS, source: 'vi', target: 'en', format: 'text' });
    expect(engine.capabilities.glossary).toBe('none');
  });

  it('is not retried by the client (autoRetry off) but by withRetry, honouring Retry-After', async () => {
    const seen: { url: URL; body: V2Body }[] = [];
    server.use(
      v2Handler(seen, (call) =>
        call === 1 ? HttpResponse.json({ error: { code: 429, message: 'User Rate Limit Exceeded' } }, { status: 429, headers: { 'Retry-After': '3' } }) : undefined,
      ),
    );
    const engine = createGoogleV2Engine({ apiKey: KEY });
    const waits: number[] = [];
    const results = await withRetry(() => engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }), {
      random: () => 0,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(results).toHaveLength(3);
    expect(seen).toHaveLength(2);
    expect(waits).toEqual([3000]);
  });

  it('400 with an invalid key is fatal, and the key does not leak', async () => {
    const seen: { url: URL; body: V2Body }[] = [];
    // As Google answers it: 400 INVALID_ARGUMENT with reason API_KEY_INVALID.
    server.use(
      v2Handler(seen, () =>
        HttpResponse.json(
          { error: { code: 400, message: `API key not valid. Please pass a valid API key. (${KEY})`, status: 'INVALID_ARGUMENT', errors: [{ reason: 'badRequest' }], details: [{ reason: 'API_KEY_INVALID' }] } },
          { status: 400 },
        ),
      ),
    );
    const engine = createGoogleV2Engine({ apiKey: KEY });
    const err = await withRetry(() => engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }), { sleep: async () => {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect(err).toMatchObject({ kind: 'auth', hint: 'check GOOGLE_API_KEY' });
    expect((err as Error).message).not.toContain(KEY);
    expect(seen).toHaveLength(1);
  });

  it('a network failure is retryable and its message (which names the ?key= URL) shows no key', async () => {
    server.use(v2Handler([], () => HttpResponse.error()));
    const engine = createGoogleV2Engine({ apiKey: KEY });
    const err = await engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'network', retryable: true });
    expect((err as Error).message).toMatch(/^could not reach Google Translate \(v2\) at https:\/\/translation\.googleapis\.com\/language\/translate\/v2: /);
    expect((err as Error).message).toContain('?key=[REDACTED]');
    expect((err as Error).message).not.toContain(KEY);
  });

  it('needs an API key', () => {
    expect(() => createGoogleV2Engine({})).toThrow(/needs an API key/);
  });
});
