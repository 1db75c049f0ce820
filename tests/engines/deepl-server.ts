/**
 * msw handlers that answer as the real DeepL API does, ugly parts included: 403, 429 and 5xx come
 * with an empty body and no content type, DeepL's own 429s carry no Retry-After, and every endpoint
 * vitrans calls (translate, glossary list/create/delete) can be made to fail on cue.
 */
import { http, HttpResponse } from 'msw';
import { server } from '../setup/server.js';
import { fakeTranslate } from './fixtures.js';

/** The endpoints a DeepL client calls. */
export type DeepLEndpoint = 'translate' | 'glossaries:list' | 'glossaries:create' | 'glossaries:delete';

/**
 * A fault to answer instead of the real thing: an HTTP status (as DeepL sends it), a dropped
 * connection, or an answer made from the texts sent (a 200 a proxy or a broken server gives).
 */
export type DeepLFault = number | 'network' | ((texts: string[]) => Response);

/** A stored DeepL v2 glossary, as the API lists it. */
export interface DeepLGlossary {
  glossary_id: string;
  name: string;
  ready: boolean;
  source_lang: string;
  target_lang: string;
  creation_time: string;
  entry_count: number;
}

/** What the fake server saw and holds. */
export interface DeepLServer {
  /** Requests per endpoint, faults included. */
  calls: Record<DeepLEndpoint, number>;
  /** Every text sent to /v2/translate that was answered (not faulted). */
  translated: string[];
  glossaries: DeepLGlossary[];
  /** Queues a fault for the next requests to an endpoint, one per request. */
  fail(endpoint: DeepLEndpoint, ...faults: DeepLFault[]): void;
}

/** A ready glossary as DeepL lists it. */
export function deeplGlossary(id: string, name: string, source = 'vi', target = 'en'): DeepLGlossary {
  return { glossary_id: id, name, ready: true, source_lang: source, target_lang: target, creation_time: '2026-03-01T10:00:00.000Z', entry_count: 3 };
}

export interface DeepLServerOptions {
  host?: string;
  /** The translation of one text (default: the engine fixtures' table). */
  translate?: (text: string, form: URLSearchParams) => string;
  /** Glossary language pairs DeepL has (others are refused with its 400 message). */
  glossaryPairs?: readonly string[];
  glossaries?: DeepLGlossary[];
}

/** An empty answer without a content type, as DeepL sends 403, 429 and 5xx. */
export function emptyAnswer(status: number): HttpResponse<null> {
  return new HttpResponse(null, { status });
}

/** Installs the fake DeepL API on the shared msw server (reset after each test). */
export function deeplServer(opts: DeepLServerOptions = {}): DeepLServer {
  const host = opts.host ?? 'https://api-free.deepl.com';
  const translate = opts.translate ?? fakeTranslate;
  const pairs = new Set(opts.glossaryPairs ?? ['vi-en', 'en-vi', 'en-de', 'de-en']);
  const faults = new Map<DeepLEndpoint, DeepLFault[]>();
  const state: DeepLServer = {
    calls: { translate: 0, 'glossaries:list': 0, 'glossaries:create': 0, 'glossaries:delete': 0 },
    translated: [],
    glossaries: [...(opts.glossaries ?? [])],
    fail(endpoint, ...list) {
      faults.set(endpoint, [...(faults.get(endpoint) ?? []), ...list]);
    },
  };
  let nextId = 1;
  /** Counts the call; answers its queued fault, if any. */
  const fault = (endpoint: DeepLEndpoint, texts: string[] = []): Response | undefined => {
    state.calls[endpoint]++;
    const next = faults.get(endpoint)?.shift();
    if (next === undefined) return undefined;
    if (typeof next === 'function') return next(texts);
    return next === 'network' ? HttpResponse.error() : emptyAnswer(next);
  };
  server.use(
    http.post(`${host}/v2/translate`, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      const texts = form.getAll('text');
      const failed = fault('translate', texts);
      if (failed) return failed;
      state.translated.push(...texts);
      return HttpResponse.json({
        translations: texts.map((t) => ({ detected_source_language: 'VI', text: translate(t, form), billed_characters: [...t].length })),
      });
    }),
    http.get(`${host}/v2/glossaries`, () => fault('glossaries:list') ?? HttpResponse.json({ glossaries: state.glossaries })),
    http.post(`${host}/v2/glossaries`, async ({ request }) => {
      const failed = fault('glossaries:create');
      if (failed) return failed;
      const form = new URLSearchParams(await request.text());
      const pair = `${form.get('source_lang')}-${form.get('target_lang')}`;
      if (!pairs.has(pair)) {
        // DeepL's words for a pair it translates but has no glossaries for.
        return HttpResponse.json({ message: 'Unsupported glossary source and target language pair' }, { status: 400 });
      }
      const g = deeplGlossary(`7f3c1a52-9d4e-4b61-a8c2-${String(nextId++).padStart(12, '0')}`, form.get('name')!, form.get('source_lang')!, form.get('target_lang')!);
      g.entry_count = form.get('entries')!.split('\n').length;
      state.glossaries.push(g);
      return HttpResponse.json(g, { status: 201 });
    }),
    http.delete(`${host}/v2/glossaries/:id`, ({ params }) => {
      const failed = fault('glossaries:delete');
      if (failed) return failed;
      const at = state.glossaries.findIndex((g) => g.glossary_id === params.id);
      if (at < 0) return HttpResponse.json({ message: 'Glossary not found' }, { status: 404 });
      state.glossaries.splice(at, 1);
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return state;
}
