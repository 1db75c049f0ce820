import { describe, it, expect } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { http, HttpResponse } from 'msw';
import { server } from '../setup/server.js';
import { ConfigError, EngineError } from '../../src/core/errors.js';
import { createGoogleEngine, resolveGoogleTarget } from '../../src/engines/google.js';
import { withRetry } from '../../src/engines/retry.js';
import { ENGLISH, PARAGRAPHS, fakeTranslate } from './fixtures.js';

const API_KEY = 'AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY';
const PROJECT = 'vitrans-news-412309';
const TRANSLATE_URL = 'https://translate.googleapis.com/v3/projects/:project/locations/:location\\:translateText';
const GLOSSARY = `projects/${PROJECT}/locations/us-central1/glossaries/quoc-phong-vi-en`;

interface TranslateTextBody {
  contents: string[];
  sourceLanguageCode: string;
  targetLanguageCode: string;
  mimeType: string;
  glossaryConfig?: { glossary: string; ignoreCase?: boolean };
}

interface Seen {
  url: URL;
  params: Record<string, string>;
  headers: Headers;
  body: TranslateTextBody;
}

/** The v3 :translateText handler: records the request, answers translations (and glossaryTranslations). */
function translateText(seen: Seen[], reply?: (call: number) => Response | undefined) {
  return http.post(TRANSLATE_URL, async ({ request, params }) => {
    const body = (await request.json()) as TranslateTextBody;
    seen.push({ url: new URL(request.url), params: params as Record<string, string>, headers: request.headers, body });
    const early = reply?.(seen.length);
    if (early) return early;
    const translations = body.contents.map((t) => ({ translatedText: `(generic) ${fakeTranslate(t)}` }));
    const glossaryTranslations = body.glossaryConfig
      ? body.contents.map((t) => ({ translatedText: fakeTranslate(t), glossaryConfig: body.glossaryConfig }))
      : undefined;
    return HttpResponse.json({ translations, ...(glossaryTranslations ? { glossaryTranslations } : {}) });
  });
}

const googleError = (status: number, message: string, code: string, headers?: Record<string, string>) =>
  HttpResponse.json({ error: { code: status, message, status: code } }, { status, headers });

describe('google engine (v3): requests', () => {
  it('posts contents as text/plain to projects/P/locations/global:translateText and keeps order', async () => {
    const seen: Seen[] = [];
    server.use(translateText(seen));
    const engine = await createGoogleEngine({ apiKey: API_KEY, projectId: PROJECT });
    const results = await engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' });
    await engine.close?.();

    expect(results.map((r) => r.text)).toEqual(ENGLISH.map((e) => `(generic) ${e}`));
    expect(seen).toHaveLength(1);
    const [req] = seen;
    expect(req!.params).toEqual({ project: PROJECT, location: 'global' });
    expect(req!.headers.get('x-goog-api-key')).toBe(API_KEY);
    expect(req!.body).toMatchObject({ contents: PARAGRAPHS, sourceLanguageCode: 'vi', targetLanguageCode: 'en', mimeType: 'text/plain' });
    expect(req!.body.glossaryConfig).toBeUndefined();
  });

  it('sends glossaryConfig and reads glossaryTranslations when a glossary is configured', async () => {
    const seen: Seen[] = [];
    server.use(translateText(seen));
    const engine = await createGoogleEngine({ apiKey: API_KEY, projectId: PROJECT, location: 'us-central1', glossary: 'quoc-phong-vi-en' });
    expect(engine.cacheOptions).toEqual({ location: 'us-central1', glossary: GLOSSARY });
    const results = await engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' });

    expect(results.map((r) => r.text)).toEqual(ENGLISH);
    expect(seen[0]!.params).toEqual({ project: PROJECT, location: 'us-central1' });
    expect(seen[0]!.body.glossaryConfig).toEqual({ glossary: GLOSSARY, ignoreCase: false });
  });

  it('authenticates with a service-account file, taking the project from it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-google-'));
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyFile = path.join(dir, 'service-account.json');
    fs.writeFileSync(
      keyFile,
      JSON.stringify({
        type: 'service_account',
        project_id: PROJECT,
        private_key_id: 'b1946ac92492d2347c6235b4d2611184',
        private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }),
        client_email: `vitrans@${PROJECT}.iam.gserviceaccount.com`,
        client_id: '109876543210987654321',
        token_uri: 'https://oauth2.googleapis.com/token',
      }),
    );
    const seen: Seen[] = [];
    server.use(translateText(seen));
    const engine = await createGoogleEngine({ keyFile });
    await engine.translate({ texts: [PARAGRAPHS[0]!], sourceLang: 'vi', targetLang: 'en' });
    expect(seen[0]!.params.project).toBe(PROJECT);
    // A self-signed JWT (header.payload.signature), no token exchange.
    expect(seen[0]!.headers.get('authorization')).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('google engine (v3): configuration', () => {
  it('refuses a glossary in the global location, saying what to set', () => {
    const err = (() => {
      try {
        return resolveGoogleTarget(PROJECT, undefined, 'quoc-phong-vi-en');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toMatch(/regional location/);
    expect((err as ConfigError).hint).toMatch(/us-central1/);
  });

  it('takes the location from a full glossary name and rejects a contradicting one', () => {
    expect(resolveGoogleTarget(PROJECT, undefined, GLOSSARY)).toEqual({
      projectId: PROJECT,
      location: 'us-central1',
      parent: `projects/${PROJECT}/locations/us-central1`,
      glossary: GLOSSARY,
    });
    expect(() => resolveGoogleTarget(PROJECT, 'europe-west1', GLOSSARY)).toThrow(/is in us-central1/);
  });

  it('needs credentials and a project', async () => {
    await expect(createGoogleEngine({ projectId: PROJECT })).rejects.toThrow(/needs credentials/);
    await expect(createGoogleEngine({ apiKey: API_KEY })).rejects.toThrow(/needs a project id/);
  });
});

describe('google engine (v3): errors and retries', () => {
  it('429 with Retry-After, then 503, then success: waits honour Retry-After', async () => {
    const seen: Seen[] = [];
    server.use(
      translateText(seen, (call) =>
        call === 1
          ? googleError(429, 'Rate Limit Exceeded', 'RESOURCE_EXHAUSTED', { 'Retry-After': '7' })
          : call === 2
            ? googleError(503, 'The service is currently unavailable.', 'UNAVAILABLE')
            : undefined,
      ),
    );
    const engine = await createGoogleEngine({ apiKey: API_KEY, projectId: PROJECT });
    const waits: number[] = [];
    const kinds: string[] = [];
    const results = await withRetry(() => engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }), {
      baseDelayMs: 200,
      random: () => 0.5,
      sleep: async (ms) => void waits.push(ms),
      onRetry: (e) => kinds.push(e.error.kind),
    });
    expect(results).toHaveLength(3);
    expect(seen).toHaveLength(3);
    expect(kinds).toEqual(['rate-limit', 'server']);
    expect(waits).toEqual([7000, 200]);
  });

  it('an invalid API key (400 INVALID_ARGUMENT, as Google answers it) is an auth error, at once', async () => {
    const seen: Seen[] = [];
    server.use(
      translateText(seen, () =>
        HttpResponse.json(
          {
            error: {
              code: 400,
              message: 'API key not valid. Please pass a valid API key.',
              status: 'INVALID_ARGUMENT',
              details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' }],
            },
          },
          { status: 400 },
        ),
      ),
    );
    const engine = await createGoogleEngine({ apiKey: API_KEY, projectId: PROJECT });
    const err = await withRetry(() => engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }), { sleep: async () => {} }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'auth', status: 400, hint: 'check GOOGLE_API_KEY' });
    expect(seen).toHaveLength(1);
  });

  it('403 is fatal at once, naming the key setting and not the key', async () => {
    const seen: Seen[] = [];
    server.use(translateText(seen, () => googleError(403, `API key not valid. Please pass a valid API key. (key=${API_KEY})`, 'PERMISSION_DENIED')));
    const engine = await createGoogleEngine({ apiKey: API_KEY, projectId: PROJECT });
    const err = await withRetry(() => engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }), { sleep: async () => {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect(err).toMatchObject({ kind: 'auth', status: 403, hint: 'check GOOGLE_API_KEY' });
    expect((err as Error).message).toContain('API key not valid');
    expect((err as Error).message).not.toContain(API_KEY);
    expect(seen).toHaveLength(1);
  });

  it('400 about the glossary is a glossary error', async () => {
    server.use(translateText([], () => googleError(400, `Glossary ${GLOSSARY} not found.`, 'INVALID_ARGUMENT')));
    const engine = await createGoogleEngine({ apiKey: API_KEY, projectId: PROJECT, glossary: GLOSSARY });
    const err = await engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'glossary', status: 400 });
  });

  it('a network failure is retried', async () => {
    const seen: Seen[] = [];
    server.use(translateText(seen, (call) => (call === 1 ? HttpResponse.error() : undefined)));
    const engine = await createGoogleEngine({ apiKey: API_KEY, projectId: PROJECT });
    const kinds: string[] = [];
    const results = await withRetry(() => engine.translate({ texts: [PARAGRAPHS[1]!], sourceLang: 'vi', targetLang: 'en' }), {
      sleep: async () => {},
      onRetry: (e) => kinds.push(e.error.kind),
    });
    expect(kinds).toEqual(['network']);
    expect(results[0]!.text).toBe(`(generic) ${ENGLISH[1]}`);
  });

  it('an answer with the wrong number of translations is a bad-response', async () => {
    server.use(translateText([], () => HttpResponse.json({ translations: [{ translatedText: 'only one' }] })));
    const engine = await createGoogleEngine({ apiKey: API_KEY, projectId: PROJECT });
    const err = await engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'bad-response' });
  });
});
