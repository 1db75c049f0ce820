/** The orchestrator through the real LibreTranslate engine module, against msw. */
import { http, HttpResponse } from 'msw';
import { describe, it, expect } from 'vitest';
import { createLibreTranslateEngine } from '../../src/engines/libretranslate.js';
import { createViMatcher } from '../../src/glossary/vi-matcher.js';
import { MemoryTranslationCache } from '../../src/store/index.js';
import { translateParagraphs } from '../../src/translate/orchestrator.js';
import { retryRunner } from '../../src/translate/retry.js';
import { server } from '../setup/server.js';
import { pseudoTranslate } from './fake-engine.js';
import { SEED_PARAGRAPHS, testGlossary } from './helpers.js';

const URL = 'http://libre.test';

/** A LibreTranslate mock: records bodies, answers like the fake engine, fails on cue. */
function libreMock(fail: (n: number) => Response | undefined = () => undefined) {
  const bodies: { q: string[]; source: string; target: string }[] = [];
  server.use(
    http.post(`${URL}/translate`, async ({ request }) => {
      const body = (await request.json()) as { q: string[]; source: string; target: string };
      bodies.push(body);
      const failure = fail(bodies.length);
      if (failure) return failure;
      return HttpResponse.json({ translatedText: body.q.map(pseudoTranslate) });
    }),
  );
  return bodies;
}

describe('orchestrator with the LibreTranslate engine (msw)', () => {
  const glossary = testGlossary();
  const viMatcher = createViMatcher(glossary.entries);
  const base = { sourceLang: 'vi', targetLang: 'en', glossary, viMatcher, concurrency: 2 };

  it('masks terms over HTTP, honours Retry-After on 429, retries a 503, and caches per batch', async () => {
    const delays: number[] = [];
    const bodies = libreMock((n) =>
      n === 1
        ? new HttpResponse(JSON.stringify({ error: 'Slowdown: 10 per 1 minute' }), { status: 429, headers: { 'Retry-After': '3' } })
        : n === 2
          ? HttpResponse.json({ error: 'Service Unavailable' }, { status: 503 })
          : undefined,
    );
    const engine = createLibreTranslateEngine({ url: URL });
    const cache = new MemoryTranslationCache();
    const retry = retryRunner({ maxAttempts: 4, baseDelayMs: 10, random: () => 0, sleep: async (ms) => void delays.push(ms) });
    const out = await translateParagraphs({ ...base, engine, paragraphs: SEED_PARAGRAPHS, cache, retry, concurrency: 1 });
    expect(delays[0]).toBe(3000);
    expect(delays).toHaveLength(2);
    expect(bodies).toHaveLength(3);
    expect(bodies[2]!.q).toHaveLength(SEED_PARAGRAPHS.length);
    expect(bodies[2]!.source).toBe('vi');
    expect(bodies[2]!.q[2]).toContain('⟦1⟧ (GPI)');
    expect(out[2]!.target).toContain('Glide Phase Interceptor (GPI)');
    expect(out[3]!.target).toContain('Memorandum of Understanding (MOU) and Security of Supply Arrangement (SOSA)');
    expect(cache.entries.size).toBe(SEED_PARAGRAPHS.length);
  });

  it('stops at a 403 without retrying and keeps nothing it did not get', async () => {
    const bodies = libreMock(() => HttpResponse.json({ error: 'Invalid API key' }, { status: 403 }));
    const engine = createLibreTranslateEngine({ url: URL, apiKey: 'libre-secret-key-123' });
    const cache = new MemoryTranslationCache();
    const retry = retryRunner({ maxAttempts: 4, sleep: async () => {} });
    await expect(translateParagraphs({ ...base, engine, paragraphs: SEED_PARAGRAPHS, cache, retry })).rejects.toMatchObject({ kind: 'auth', status: 403 });
    expect(bodies).toHaveLength(1);
    expect(cache.entries.size).toBe(0);
  });
});
