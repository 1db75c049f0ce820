import { describe, it, expect, vi } from 'vitest';
import { http, HttpResponse } from 'msw';
import { server } from '../setup/server.js';
import { EngineError } from '../../src/core/errors.js';
import { createDeepLEngine, deeplGlossaryName, deeplTargetLang } from '../../src/engines/deepl.js';
// After src/engines/deepl.js: deepl-response-headers must load before deepl-node.
import deepl from 'deepl-node';
import { withRetry } from '../../src/engines/retry.js';
import { CAPABILITIES } from '../../src/engines/capabilities.js';
import { ENGLISH, PARAGRAPHS, TERMS, fakeTranslate } from './fixtures.js';
import { deeplGlossary, deeplServer, emptyAnswer, type DeepLGlossary } from './deepl-server.js';

const FREE_KEY = '0c5a7e1d-4b2f-4e8e-9a31-5d2c7b8e9f10:fx';
const PRO_KEY = '7d1e9a40-2c3b-4f5a-8e6d-1a2b3c4d5e6f';
const FREE = 'https://api-free.deepl.com';
const PRO = 'https://api.deepl.com';
const HASH = 'a3f1c9d2e4b5067182a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1';

interface SeenRequest {
  url: URL;
  auth: string | null;
  contentType: string | null;
  form: URLSearchParams;
}

/** A /v2/translate handler that records the form and answers with the fixture translations. */
function translateHandler(host: string, seen: SeenRequest[]) {
  return http.post(`${host}/v2/translate`, async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    seen.push({ url: new URL(request.url), auth: request.headers.get('authorization'), contentType: request.headers.get('content-type'), form });
    return HttpResponse.json({
      translations: form.getAll('text').map((t) => ({ detected_source_language: 'VI', text: fakeTranslate(t), billed_characters: [...t].length })),
    });
  });
}

const sleeper = (waits: number[]) => async (ms: number) => void waits.push(ms);

describe('deepl engine: translate', () => {
  it('sends the batch form-encoded to the free host for :fx keys and keeps the order', async () => {
    const seen: SeenRequest[] = [];
    server.use(translateHandler(FREE, seen));
    const engine = createDeepLEngine({ authKey: FREE_KEY });
    const results = await engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' });

    expect(results.map((r) => r.text)).toEqual(ENGLISH);
    expect(results[0]!.billedCharacters).toBe([...PARAGRAPHS[0]!].length);
    expect(results[0]!.detectedSourceLang).toBe('vi');
    expect(seen).toHaveLength(1);
    const [req] = seen;
    expect(req!.auth).toBe(`DeepL-Auth-Key ${FREE_KEY}`);
    expect(req!.contentType).toMatch(/application\/x-www-form-urlencoded/);
    expect(req!.form.getAll('text')).toEqual(PARAGRAPHS);
    expect(req!.form.get('source_lang')).toBe('vi');
    expect(req!.form.get('target_lang')).toBe('en-US');
    expect(req!.form.has('glossary_id')).toBe(false);
  });

  it('uses the pro host for pro keys, en-GB when configured, and passes glossary_id', async () => {
    const seen: SeenRequest[] = [];
    server.use(translateHandler(PRO, seen));
    const engine = createDeepLEngine({ authKey: PRO_KEY, target: 'en-gb' });
    expect(engine.cacheOptions).toEqual({ target: 'en-GB' });
    await engine.translate({ texts: [PARAGRAPHS[1]!], sourceLang: 'vi', targetLang: 'en', glossaryId: 'def3a26b-3e84-45b3-84ae-0c0aaf3525f7' });
    expect(seen[0]!.form.get('target_lang')).toBe('en-GB');
    expect(seen[0]!.form.get('glossary_id')).toBe('def3a26b-3e84-45b3-84ae-0c0aaf3525f7');
  });

  it('honours serverUrl', async () => {
    const seen: SeenRequest[] = [];
    server.use(translateHandler('https://deepl-proxy.example.vn', seen));
    const engine = createDeepLEngine({ authKey: FREE_KEY, serverUrl: 'https://deepl-proxy.example.vn' });
    await engine.translate({ texts: [PARAGRAPHS[0]!], sourceLang: 'vi', targetLang: 'en' });
    expect(seen).toHaveLength(1);
  });

  it('a full batch of worst-case text stays under DeepL\'s 128 KiB request body', async () => {
    let bodyBytes = 0;
    server.use(
      http.post(`${FREE}/v2/translate`, async ({ request }) => {
        const raw = await request.text();
        bodyBytes = Buffer.byteLength(raw);
        const form = new URLSearchParams(raw);
        return HttpResponse.json({ translations: form.getAll('text').map(() => ({ detected_source_language: 'VI', text: 'ok' })) });
      }),
    );
    const { maxTexts, maxChars } = CAPABILITIES.deepl;
    // "ệ" is 3 UTF-8 bytes, 9 characters once form-encoded: the worst case for Vietnamese.
    const texts = Array.from({ length: maxTexts }, () => 'ệ'.repeat(Math.floor(maxChars / maxTexts)));
    await createDeepLEngine({ authKey: FREE_KEY }).translate({ texts, sourceLang: 'vi', targetLang: 'en' });
    expect(bodyBytes).toBeLessThanOrEqual(128 * 1024);
    expect(bodyBytes).toBeGreaterThan(0.9 * 128 * 1024);
  });

  it('refuses to start without a key or with a non-English target variant', () => {
    expect(() => createDeepLEngine({})).toThrow(/DeepL needs an API key/);
    expect(() => createDeepLEngine({ authKey: FREE_KEY, target: 'de' })).toThrow(/en-US or en-GB|not an English variant/);
  });

  it('maps target languages', () => {
    expect(deeplTargetLang('en', undefined)).toBe('en-US');
    expect(deeplTargetLang('EN', 'en-gb')).toBe('en-GB');
    expect(deeplTargetLang('de', 'en-GB')).toBe('de');
  });
});

describe('deepl engine: errors and retries', () => {
  it('403 (an empty body, as DeepL sends it) is fatal at once with one plain message and no retry', async () => {
    const api = deeplServer();
    api.fail('translate', 403);
    const engine = createDeepLEngine({ authKey: FREE_KEY });
    const waits: number[] = [];
    const err = await withRetry(() => engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }), { sleep: sleeper(waits) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect(err).toMatchObject({ kind: 'auth', status: 403, hint: 'check DEEPL_AUTH_KEY' });
    expect((err as Error).message).toBe('DeepL rejected the key (HTTP 403)');
    expect(api.calls.translate).toBe(1);
    expect(waits).toEqual([]);
  });

  it("a 403 with DeepL's JSON message says it", async () => {
    server.use(http.post(`${FREE}/v2/translate`, () => HttpResponse.json({ message: 'Wrong endpoint. Use https://api.deepl.com' }, { status: 403 })));
    const err = await createDeepLEngine({ authKey: FREE_KEY }).translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }).catch((e: unknown) => e);
    expect((err as Error).message).toBe('DeepL rejected the key (HTTP 403): Wrong endpoint. Use https://api.deepl.com');
  });

  it('empty 429 and 5xx answers read as plain lines; the 5xx one says what to do', async () => {
    const api = deeplServer();
    api.fail('translate', 429, 500, 502, 503, 504);
    const engine = createDeepLEngine({ authKey: FREE_KEY });
    const errors: EngineError[] = [];
    for (let i = 0; i < 5; i++) errors.push((await engine.translate({ texts: [PARAGRAPHS[0]!], sourceLang: 'vi', targetLang: 'en' }).catch((e: unknown) => e)) as EngineError);
    expect(errors.map((e) => e.message)).toEqual([
      'DeepL is rate-limiting requests (HTTP 429)',
      'DeepL server error (HTTP 500)',
      'DeepL server error (HTTP 502)',
      'DeepL server error (HTTP 503)',
      'DeepL server error (HTTP 504)',
    ]);
    expect(errors.map((e) => e.kind)).toEqual(['rate-limit', 'server', 'server', 'server', 'server']);
    // DeepL's own 429s carry no Retry-After: nothing to honour, the backoff decides.
    expect(errors[0]!.retryAfterMs).toBeUndefined();
    expect(errors.every((e) => e.retryable)).toBe(true);
    expect(errors[1]!.hint).toMatch(/try again later; finished paragraphs are cached/);
    for (const e of errors) expect(`${e.message} ${e.hint}`).not.toMatch(/\{|message":/);
  });

  it('faults on the glossary endpoints map the same way (list, create, delete)', async () => {
    const stale = deeplGlossary('33333333-aaaa-4bbb-8ccc-000000000003', 'vitrans-0123456789abcdef');
    const api = deeplServer({ glossaries: [stale] });
    const engine = createDeepLEngine({ authKey: FREE_KEY });
    const langs = { sourceLang: 'vi', targetLang: 'en' };
    api.fail('glossaries:list', 503);
    expect(await engine.prepareGlossary!(TERMS, HASH, langs).catch((e: unknown) => e)).toMatchObject({ kind: 'server', status: 503, message: 'DeepL server error (HTTP 503)' });
    api.fail('glossaries:delete', 502);
    expect(await engine.prepareGlossary!(TERMS, HASH, langs).catch((e: unknown) => e)).toMatchObject({ kind: 'server', status: 502 });
    api.fail('glossaries:create', 500);
    expect(await engine.prepareGlossary!(TERMS, HASH, langs).catch((e: unknown) => e)).toMatchObject({ kind: 'server', status: 500 });
    api.fail('glossaries:create', 'network');
    expect(await engine.prepareGlossary!(TERMS, HASH, langs).catch((e: unknown) => e)).toMatchObject({ kind: 'network' });
    expect(await engine.prepareGlossary!(TERMS, HASH, langs)).toMatch(/^7f3c1a52-/);
    expect(api.calls).toMatchObject({ 'glossaries:list': 5, 'glossaries:delete': 2, 'glossaries:create': 3 });
  });

  it('a glossary language pair DeepL does not keep is glossary-unsupported, not "does not support this language pair"', async () => {
    deeplServer({ glossaryPairs: ['en-de'] });
    const err = await createDeepLEngine({ authKey: FREE_KEY }).prepareGlossary!(TERMS, HASH, { sourceLang: 'vi', targetLang: 'en' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'glossary-unsupported', retryable: false });
    expect((err as Error).message).toBe('DeepL translates vi-en but keeps no glossaries for it (Unsupported glossary source and target language pair)');
  });

  it('a stale glossary another run already deleted is no failure', async () => {
    const stale = deeplGlossary('33333333-aaaa-4bbb-8ccc-000000000003', 'vitrans-0123456789abcdef');
    const api = deeplServer({ glossaries: [stale] });
    // Listed, but gone by the time it is deleted.
    server.use(http.delete(`${FREE}/v2/glossaries/:id`, () => HttpResponse.json({ message: 'Glossary not found' }, { status: 404 })));
    expect(await createDeepLEngine({ authKey: FREE_KEY }).prepareGlossary!(TERMS, HASH, { sourceLang: 'vi', targetLang: 'en' })).toMatch(/^7f3c1a52-/);
    expect(api.calls['glossaries:create']).toBe(1);
  });

  it('456 quota is fatal at once', async () => {
    let calls = 0;
    server.use(
      http.post(`${FREE}/v2/translate`, () => {
        calls++;
        return HttpResponse.json({ message: 'Quota Exceeded' }, { status: 456 });
      }),
    );
    const engine = createDeepLEngine({ authKey: FREE_KEY });
    const err = await withRetry(() => engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }), { sleep: sleeper([]) }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'quota', status: 456, retryable: false });
    expect(calls).toBe(1);
  });

  it('429 and 5xx are retried by withRetry (the client makes one attempt each time)', async () => {
    const statuses = [429, 503, 200];
    let calls = 0;
    server.use(
      http.post(`${FREE}/v2/translate`, async ({ request }) => {
        const status = statuses[calls++]!;
        if (status !== 200) return emptyAnswer(status);
        const form = new URLSearchParams(await request.text());
        return HttpResponse.json({ translations: form.getAll('text').map((t) => ({ detected_source_language: 'VI', text: fakeTranslate(t) })) });
      }),
    );
    const engine = createDeepLEngine({ authKey: FREE_KEY });
    const waits: number[] = [];
    const kinds: string[] = [];
    const results = await withRetry(() => engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }), {
      sleep: sleeper(waits),
      random: () => 0.5,
      baseDelayMs: 100,
      onRetry: (e) => kinds.push(e.error.kind),
    });
    expect(results.map((r) => r.text)).toEqual(ENGLISH);
    expect(calls).toBe(3);
    expect(kinds).toEqual(['rate-limit', 'server']);
    expect(waits).toEqual([50, 100]);
  });

  it("honours DeepL's Retry-After although deepl-node drops response headers", async () => {
    const answers = [
      () => HttpResponse.json({ message: 'Too many requests' }, { status: 429, headers: { 'Retry-After': '7' } }),
      () => HttpResponse.json({ message: 'Service unavailable' }, { status: 503, headers: { 'Retry-After': '3' } }),
    ];
    let calls = 0;
    server.use(
      http.post(`${FREE}/v2/translate`, async ({ request }) => {
        const answer = answers[calls++];
        if (answer) return answer();
        const form = new URLSearchParams(await request.text());
        return HttpResponse.json({ translations: form.getAll('text').map((t) => ({ detected_source_language: 'VI', text: fakeTranslate(t) })) });
      }),
    );
    const engine = createDeepLEngine({ authKey: FREE_KEY });
    const first = await engine.translate({ texts: PARAGRAPHS.slice(0, 1), sourceLang: 'vi', targetLang: 'en' }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(EngineError);
    expect(first).toMatchObject({ kind: 'rate-limit', retryAfterMs: 7000 });

    const waits: number[] = [];
    const results = await withRetry(() => engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }), {
      sleep: sleeper(waits),
      random: () => 0.5,
      baseDelayMs: 100,
    });
    expect(results.map((r) => r.text)).toEqual(ENGLISH);
    expect(waits).toEqual([3000]);
  });

  it('keeps Retry-After apart between calls in flight at the same time', async () => {
    server.use(
      http.post(`${FREE}/v2/translate`, async ({ request }) => {
        const form = new URLSearchParams(await request.text());
        const text = form.get('text')!;
        const wait = text.startsWith('a') ? '11' : '2';
        return HttpResponse.json({ message: 'Too many requests' }, { status: 429, headers: { 'Retry-After': wait } });
      }),
    );
    const engine = createDeepLEngine({ authKey: FREE_KEY });
    const [a, b] = await Promise.all(
      ['a đoạn', 'b đoạn'].map((t) => engine.translate({ texts: [t], sourceLang: 'vi', targetLang: 'en' }).catch((e: EngineError) => e.retryAfterMs)),
    );
    expect([a, b]).toEqual([11_000, 2000]);
  });

  it('a network failure is a retryable network error', async () => {
    let calls = 0;
    server.use(
      http.post(`${FREE}/v2/translate`, async ({ request }) => {
        if (calls++ === 0) return HttpResponse.error();
        const form = new URLSearchParams(await request.text());
        return HttpResponse.json({ translations: form.getAll('text').map((t) => ({ detected_source_language: 'VI', text: fakeTranslate(t) })) });
      }),
    );
    const engine = createDeepLEngine({ authKey: FREE_KEY });
    const kinds: string[] = [];
    const results = await withRetry(() => engine.translate({ texts: [PARAGRAPHS[2]!], sourceLang: 'vi', targetLang: 'en' }), {
      sleep: sleeper([]),
      onRetry: (e) => kinds.push(e.error.kind),
    });
    expect(kinds).toEqual(['network']);
    expect(results[0]!.text).toBe(ENGLISH[2]);
  });

  it('a TypeError thrown inside the DeepL call (a bug) is fatal, not a retried network error', async () => {
    const spy = vi.spyOn(deepl.Translator.prototype, 'translateText').mockRejectedValue(new TypeError("Cannot read properties of undefined (reading 'text')"));
    try {
      const engine = createDeepLEngine({ authKey: FREE_KEY });
      let attempts = 0;
      const err = await withRetry(
        () => {
          attempts++;
          return engine.translate({ texts: [PARAGRAPHS[0]!], sourceLang: 'vi', targetLang: 'en' });
        },
        { sleep: sleeper([]) },
      ).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EngineError);
      expect((err as EngineError).kind).not.toBe('network');
      expect((err as EngineError).retryable).toBe(false);
      expect(attempts).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('an error body that echoes the key never shows the key', async () => {
    server.use(http.post(`${FREE}/v2/translate`, () => HttpResponse.json({ message: `Invalid auth key: ${FREE_KEY}` }, { status: 403 })));
    const engine = createDeepLEngine({ authKey: FREE_KEY });
    const err = (await engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }).catch((e: unknown) => e)) as EngineError;
    expect(err.kind).toBe('auth');
    expect(`${err.message} ${err.hint}`).not.toContain(FREE_KEY);
    expect(err.message).toContain('[REDACTED]');
  });

  it('a 400 naming the language is unsupported-language', async () => {
    server.use(http.post(`${FREE}/v2/translate`, () => HttpResponse.json({ message: "Value for 'source_lang' not supported." }, { status: 400 })));
    const engine = createDeepLEngine({ authKey: FREE_KEY });
    const err = await engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'unsupported-language', status: 400 });
  });
});

describe('deepl engine: answers that are no translation', () => {
  const translateFails = async (answer: () => Response, texts = [PARAGRAPHS[0]!]): Promise<EngineError> => {
    server.use(http.post(`${FREE}/v2/translate`, answer));
    const engine = createDeepLEngine({ authKey: FREE_KEY });
    const err = await engine.translate({ texts, sourceLang: 'vi', targetLang: 'en' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    return err as EngineError;
  };

  it('a null or missing text is a retryable bad-response, not a null handed on', async () => {
    const nullText = await translateFails(() => HttpResponse.json({ translations: [{ text: null, detected_source_language: 'VI' }] }));
    expect(nullText).toMatchObject({ kind: 'bad-response', retryable: true });
    expect(nullText.message).toBe('DeepL gave an unusable answer: translation 1 (null) of the 1 sent came back without a text');
    const missing = await translateFails(() => HttpResponse.json({ translations: [{ detected_source_language: 'VI', billed_characters: 67 }] }));
    expect(missing).toMatchObject({ kind: 'bad-response', retryable: true });
    expect(missing.message).toContain('translation 1 (missing)');
  });

  it('in a batch, the translations that did come back are kept as the partial answer', async () => {
    const err = await translateFails(
      () =>
        HttpResponse.json({
          translations: [
            { text: ENGLISH[0], detected_source_language: 'VI' },
            { text: null, detected_source_language: 'VI' },
          ],
        }),
      PARAGRAPHS.slice(0, 2),
    );
    expect(err.kind).toBe('bad-response');
    expect(err.partial?.map((r) => r?.text)).toEqual([ENGLISH[0], undefined]);
  });

  it('a 200 that is not DeepL\'s JSON (a captive portal, a cut-off body, {}, null) is a retryable bad-response saying what came back', async () => {
    const portal = await translateFails(
      () => new HttpResponse('<!DOCTYPE html><html><head><title>Đăng nhập Wi-Fi miễn phí</title></head><body><form>…</form></body></html>', { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } }),
    );
    expect(portal).toMatchObject({ kind: 'bad-response', retryable: true });
    expect(portal.message).toBe('DeepL gave an unusable answer: answered 200 with something that is not DeepL\'s JSON (text/html: an HTML page, "Đăng nhập Wi-Fi miễn phí")');
    const cut = await translateFails(() => new HttpResponse('{"translations":[{"detected_source_language":"VI","text":"On March 25, the White', { status: 200, headers: { 'content-type': 'application/json' } }));
    expect(cut).toMatchObject({ kind: 'bad-response', retryable: true });
    expect(cut.message).toContain('answered 200 with something that is not DeepL\'s JSON (application/json: "{\\"translations\\"');
    for (const body of ['{}', 'null']) {
      const err = await translateFails(() => new HttpResponse(body, { status: 200, headers: { 'content-type': 'application/json' } }));
      expect(err).toMatchObject({ kind: 'bad-response', retryable: true });
      expect(err.message).toBe(`DeepL gave an unusable answer: answered 200 with JSON that holds no DeepL translations (application/json: ${JSON.stringify(body)})`);
      expect(err.message).not.toMatch(/TypeError|Cannot read/);
    }
  });

  it('withRetry asks again after an unreadable 200 and gets the translation', async () => {
    const api = deeplServer();
    api.fail('translate', () => new HttpResponse('<html><body><h1>502 Bad Gateway</h1></body></html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    const engine = createDeepLEngine({ authKey: FREE_KEY });
    const results = await withRetry(() => engine.translate({ texts: [PARAGRAPHS[0]!], sourceLang: 'vi', targetLang: 'en' }), { sleep: sleeper([]) });
    expect(results.map((r) => r.text)).toEqual([ENGLISH[0]]);
    expect(api.calls.translate).toBe(2);
  });
});

describe('deepl engine: prepareGlossary', () => {
  const glossary = deeplGlossary;

  /** A fake DeepL glossary store that records what was created and deleted. */
  function glossaryApi(initial: DeepLGlossary[]) {
    const store = [...initial];
    const created: URLSearchParams[] = [];
    const deleted: string[] = [];
    server.use(
      http.get(`${FREE}/v2/glossaries`, ({ request }) => {
        expect(request.headers.get('authorization')).toBe(`DeepL-Auth-Key ${FREE_KEY}`);
        return HttpResponse.json({ glossaries: store });
      }),
      http.post(`${FREE}/v2/glossaries`, async ({ request }) => {
        const form = new URLSearchParams(await request.text());
        created.push(form);
        const g = glossary('7f3c1a52-9d4e-4b61-a8c2-e5f6a7b8c9d0', form.get('name')!, form.get('source_lang')!, form.get('target_lang')!);
        store.push(g);
        return HttpResponse.json(g, { status: 201 });
      }),
      http.delete(`${FREE}/v2/glossaries/:id`, ({ params }) => {
        deleted.push(String(params.id));
        return new HttpResponse(null, { status: 204 });
      }),
    );
    return { created, deleted };
  }

  it('creates a vitrans-<hash> glossary from TSV entries when none exists', async () => {
    const api = glossaryApi([glossary('11111111-aaaa-4bbb-8ccc-000000000001', 'Customer terms')]);
    const engine = createDeepLEngine({ authKey: FREE_KEY });
    const id = await engine.prepareGlossary!(TERMS, HASH, { sourceLang: 'vi', targetLang: 'en' });
    expect(id).toBe('7f3c1a52-9d4e-4b61-a8c2-e5f6a7b8c9d0');
    expect(api.created).toHaveLength(1);
    const form = api.created[0]!;
    expect(form.get('name')).toBe(`vitrans-${HASH.slice(0, 16)}`);
    expect(form.get('source_lang')).toBe('vi');
    expect(form.get('target_lang')).toBe('en');
    expect(form.get('entries_format')).toBe('tsv');
    expect(form.get('entries')!.split('\n').sort()).toEqual(TERMS.map((t) => `${t.source}\t${t.target}`).sort());
    expect(api.deleted).toEqual([]);
  });

  it('reuses a glossary with the same hash and deletes only its own stale ones of that language pair', async () => {
    const own = glossary('22222222-aaaa-4bbb-8ccc-000000000002', deeplGlossaryName(HASH));
    const stale = glossary('33333333-aaaa-4bbb-8ccc-000000000003', 'vitrans-0123456789abcdef');
    const userMade = glossary('44444444-aaaa-4bbb-8ccc-000000000004', 'vitrans notes (hand-made)');
    const otherPair = glossary('55555555-aaaa-4bbb-8ccc-000000000005', 'vitrans-fedcba9876543210', 'en', 'de');
    const api = glossaryApi([stale, userMade, own, otherPair]);
    const engine = createDeepLEngine({ authKey: FREE_KEY });
    const id = await engine.prepareGlossary!(TERMS, HASH, { sourceLang: 'vi', targetLang: 'en-GB' });
    expect(id).toBe(own.glossary_id);
    expect(api.created).toEqual([]);
    expect(api.deleted).toEqual([stale.glossary_id]);
  });

  it('names glossaries by the first 16 hex digits of the hash', () => {
    expect(deeplGlossaryName(HASH)).toBe('vitrans-a3f1c9d2e4b50671');
    expect(() => deeplGlossaryName('abc')).toThrow(/too short/);
  });

  it('refuses terms that would break the TSV', async () => {
    glossaryApi([]);
    const engine = createDeepLEngine({ authKey: FREE_KEY });
    const err = await engine.prepareGlossary!([{ source: 'Bộ\tQuốc phòng', target: 'Ministry' }], HASH, { sourceLang: 'vi', targetLang: 'en' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'glossary' });
  });
});
