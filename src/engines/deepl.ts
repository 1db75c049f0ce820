/**
 * DeepL through deepl-node. The client's own retries are turned off (our retry layer honours
 * Retry-After, which deepl-node neither honours nor passes on: ./deepl-response-headers.ts reads
 * it); its errors are adapted into EngineErrors here.
 */
// Must load before deepl-node: it wraps the axios adapter deepl-node copies when it loads.
import { callWithNotes, NotedFailure, type ResponseNotes } from './deepl-response-headers.js';
import deepl from 'deepl-node';
import { ConfigError, EngineError, KEPT_IN_CACHE } from '../core/errors.js';
import { Redactor } from '../core/redact.js';
import { CAPABILITIES } from './capabilities.js';
import {
  answerExcerpt,
  badResponseError,
  engineErrorFromHttp,
  GLOSSARY_PROBLEM,
  isAbort,
  networkError,
  redactFor,
  timeoutError,
  toEngineError,
  transportFailure,
  type EngineErrorContext,
} from './errors.js';
import { baseUrlSetting, SERVER_URLS } from './base-url.js';
import { timeoutSetting, withDeadline } from './http.js';
import type { Engine, EngineSettings, TermPair, TranslateRequest, TranslateResult } from './types.js';

/** Names of glossaries this tool created: `vitrans-` and 16 hex digits of the glossary hash. */
const OWN_GLOSSARY = /^vitrans-[0-9a-f]{16}$/;

/** The DeepL glossary name for a glossary content hash. @example deeplGlossaryName('3f2a…') === 'vitrans-3f2a…' (16 hex digits) */
export function deeplGlossaryName(contentHash: string): string {
  const prefix = contentHash.toLowerCase().replace(/[^0-9a-f]/g, '').slice(0, 16);
  if (prefix.length < 16) throw new ConfigError(`glossary hash "${contentHash}" is too short to name a DeepL glossary`);
  return `vitrans-${prefix}`;
}

/**
 * DeepL's code for a target language: English needs a variant (`en` → `en-US`, or `en-GB` when
 * the `target` setting says so); other codes pass through.
 * @example deeplTargetLang('en', 'en-GB') === 'en-GB'
 */
export function deeplTargetLang(targetLang: string, englishVariant: string | undefined): string {
  const lower = targetLang.toLowerCase();
  if (lower === 'en') return (englishVariant ?? 'en-US').replace(/^en-(\w+)$/i, (_, r: string) => `en-${r.toUpperCase()}`);
  if (lower === 'pt') return 'pt-PT';
  return targetLang;
}

/**
 * Maps deepl-node's errors to EngineErrors. `notes` is what the failed answer really said (status,
 * body, Retry-After), which deepl-node drops or folds into its message: the real status and body
 * go through the shared mapping, so DeepL's empty 403/429/5xx bodies read as plain lines. Without
 * notes, the status is read back from deepl-node's error class and message.
 * Errors that are not deepl-node's go to the shared classifier `toEngineError`, so a programming
 * error (a TypeError, say) ends as a fatal `bad-response`, not as a retried `network` error.
 */
function deeplError(ctx: EngineErrorContext, err: unknown, timeoutMs: number, signal?: AbortSignal, notes: ResponseNotes = {}): unknown {
  if (err instanceof NotedFailure) return deeplError(ctx, err.error, timeoutMs, signal, err.notes);
  if (err instanceof EngineError || isAbort(err, signal)) return err;
  const headers = notes.retryAfter !== undefined ? { 'retry-after': notes.retryAfter } : undefined;
  if (err instanceof deepl.ConnectionError) {
    return transportFailure(err.error) === 'timeout' || transportFailure(err) === 'timeout' ? timeoutError(ctx, timeoutMs, err) : networkError(ctx, err);
  }
  // A 2xx answer deepl-node could not read (not JSON, or JSON without `translations`): a proxy
  // or captive portal answering for DeepL, or a cut-off body. Unusable, and worth asking again.
  if (notes.answered && (!(err instanceof deepl.DeepLError) || /^Error parsing response JSON/.test(err.message))) {
    return unreadableAnswer(ctx, notes.answered, err);
  }
  if (!(err instanceof deepl.DeepLError)) return toEngineError(ctx, err, { timeoutMs, signal });
  if (err instanceof deepl.GlossaryNotFoundError) {
    return engineErrorFromHttp(ctx, { status: 404, body: notes.body || JSON.stringify({ message: 'glossary not found' }) });
  }
  if (notes.status !== undefined) return engineErrorFromHttp(ctx, { status: notes.status, body: notes.body, headers });
  const body = JSON.stringify({ message: deeplDetail(err.message) });
  if (err instanceof deepl.AuthorizationError) return engineErrorFromHttp(ctx, { status: 403, body });
  if (err instanceof deepl.QuotaExceededError) return engineErrorFromHttp(ctx, { status: 456, body });
  if (err instanceof deepl.TooManyRequestsError) return engineErrorFromHttp(ctx, { status: 429, body, headers });
  const status = deeplStatus(err.message);
  if (status !== undefined) return engineErrorFromHttp(ctx, { status, body, headers });
  // ArgumentError and other client-side refusals: the request never left.
  return new EngineError(ctx.engine, GLOSSARY_PROBLEM.test(err.message) ? 'glossary' : 'bad-request', redactFor(ctx, `${ctx.label}: ${err.message}`));
}

/** The bad-response for a successful answer that is not DeepL's JSON, saying what came back. */
function unreadableAnswer(ctx: EngineErrorContext, answered: NonNullable<ResponseNotes['answered']>, cause: unknown): EngineError {
  const { status, contentType, body } = answered;
  let json = true;
  try {
    JSON.parse(body ?? '');
  } catch {
    json = false;
  }
  const what = json ? "JSON that holds no DeepL translations" : "something that is not DeepL's JSON";
  return badResponseError(ctx, `answered ${status} with ${what} (${answerExcerpt(ctx, body, contentType)})`, {
    cause,
    hint: `something between here and DeepL (a proxy, a Wi-Fi login page) may be answering for it: check the network or try again later; ${KEPT_IN_CACHE.engineHint}`,
  });
}

function deeplStatus(message: string): number | undefined {
  const unexpected = /Unexpected status code: (\d{3})/.exec(message);
  if (unexpected) return Number(unexpected[1]);
  if (message.startsWith('Bad request')) return 400;
  if (message.startsWith('Not found')) return 404;
  if (message.startsWith('Service unavailable')) return 503;
  return undefined;
}

/** The server's words inside a deepl-node message ("…, message: X" or "…, content: X"). */
function deeplDetail(message: string): string {
  const said = /(?:message|detail): ([\s\S]*)$/.exec(message) ?? /content: ([\s\S]*)$/.exec(message);
  return said?.[1]?.trim() ?? '';
}

/**
 * Creates the DeepL engine. Settings: `authKey` (required), `serverUrl`, `target` (en-US | en-GB),
 * `modelType`, `timeoutMs`.
 * @throws ConfigError without `authKey`, with an unknown `target`, or with a `serverUrl` that is not
 * a bare http(s) URL (credentials or a query string in it are refused, as for the other engines).
 */
export function createDeepLEngine(settings: EngineSettings): Engine {
  const authKey = settings.authKey;
  if (!authKey) throw new ConfigError('DeepL needs an API key', { hint: 'set DEEPL_AUTH_KEY or engines.deepl.auth_key in the config file' });
  const target = settings.target;
  if (target !== undefined && !/^en-(us|gb)$/i.test(target)) {
    throw new ConfigError(`DeepL target "${target}" is not an English variant DeepL knows`, { hint: 'use en-US or en-GB' });
  }
  const timeoutMs = timeoutSetting(settings.timeoutMs, 'deepl');
  // Checked here: deepl-node would send a user:password as Basic auth instead of the key, and
  // retry a URL it cannot use as a network failure.
  const ownServer = settings.serverUrl
    ? baseUrlSetting(settings.serverUrl, SERVER_URLS.deepl)
    : undefined;
  const serverUrl = ownServer ?? (authKey.endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com');
  const ctx: EngineErrorContext = { engine: 'deepl', label: 'DeepL', keySource: 'DEEPL_AUTH_KEY', redactor: new Redactor([authKey]), url: serverUrl };
  const translator = new deepl.Translator(authKey, {
    serverUrl: ownServer,
    // deepl-node's loop makes one attempt for 0 (and for 1): our withRetry does the retrying.
    maxRetries: 0,
    minTimeout: timeoutMs,
    sendPlatformInfo: false,
  });
  const modelType = settings.modelType as deepl.TranslateTextOptions['modelType'] | undefined;

  const call = async <T>(request: () => Promise<T>, signal?: AbortSignal): Promise<T> => {
    try {
      return await withDeadline(ctx, callWithNotes(request), timeoutMs, signal);
    } catch (err) {
      throw deeplError(ctx, err, timeoutMs, signal);
    }
  };

  return {
    name: 'deepl',
    model: `deepl/${modelType ?? 'default'}`,
    capabilities: CAPABILITIES.deepl,
    cacheOptions: { target: deeplTargetLang('en', target) },

    async translate(request: TranslateRequest): Promise<TranslateResult[]> {
      if (request.texts.length === 0) return [];
      const source = request.sourceLang.toLowerCase() as deepl.SourceLanguageCode;
      const targetLang = deeplTargetLang(request.targetLang, target) as deepl.TargetLanguageCode;
      const options: deepl.TranslateTextOptions = {};
      if (request.glossaryId) options.glossary = request.glossaryId;
      if (modelType) options.modelType = modelType;
      const results = await call(() => translator.translateText(request.texts, source, targetLang, options), request.signal);
      if (results.length !== request.texts.length) {
        throw new EngineError('deepl', 'bad-response', `DeepL returned ${results.length} translations for ${request.texts.length} texts`);
      }
      const out = results.map((r) => ({ text: r.text, billedCharacters: r.billedCharacters, detectedSourceLang: r.detectedSourceLang }));
      // deepl-node passes `text` on unchecked: null or missing is no translation.
      const textless = out.flatMap((r, i) => (typeof r.text === 'string' ? [] : [`${i + 1} (${r.text === undefined ? 'missing' : JSON.stringify(r.text)})`]));
      if (textless.length > 0) {
        const some = textless.length < out.length;
        throw badResponseError(ctx, `translation${textless.length > 1 ? 's' : ''} ${textless.join(', ')} of the ${out.length} sent came back without a text`, {
          partial: some ? out.map((r) => (typeof r.text === 'string' ? r : undefined)) : undefined,
        });
      }
      return out;
    },

    async prepareGlossary(pairs: TermPair[], contentHash: string, langs: { sourceLang: string; targetLang: string }): Promise<string> {
      const name = deeplGlossaryName(contentHash);
      // Glossaries are per language, not per variant: en-US and en-GB share an `en` glossary.
      const sourceLang = langs.sourceLang.toLowerCase().split('-')[0]!;
      const targetLang = langs.targetLang.toLowerCase().split('-')[0]!;
      const existing = await call(() => translator.listGlossaries());
      const samePair = existing.filter((g) => g.sourceLang === sourceLang && g.targetLang === targetLang);
      const reusable = samePair.find((g) => g.name === name && g.ready);
      for (const stale of samePair) {
        if (OWN_GLOSSARY.test(stale.name) && stale.name !== name) await deleteUnlessGone(() => call(() => translator.deleteGlossary(stale.glossaryId)));
      }
      if (reusable) return reusable.glossaryId;
      const entries = glossaryEntries(pairs);
      try {
        const created = await call(() =>
          translator.createGlossary(name, sourceLang as deepl.SourceGlossaryLanguageCode, targetLang as deepl.TargetGlossaryLanguageCode, entries),
        );
        return created.glossaryId;
      } catch (err) {
        throw pairRefusal(err, `${sourceLang}-${targetLang}`) ?? err;
      }
    },

    async close(): Promise<void> {
      // deepl-node keeps no sockets open between requests.
    },
  };
}

/**
 * DeepL translates more pairs than it keeps glossaries for, and says so with a 400 ("Unsupported
 * glossary source and target language pair") when one is created: that is no reason to stop, the
 * caller can protect the terms itself.
 */
function pairRefusal(err: unknown, pair: string): EngineError | undefined {
  if (!(err instanceof EngineError) || err.status !== 400 || !/language|pair|lang\b/i.test(err.message)) return undefined;
  return new EngineError('deepl', 'glossary-unsupported', `DeepL translates ${pair} but keeps no glossaries for it (${err.message.replace(/^DeepL [^:]*: /, '')})`, {
    status: 400,
    hint: 'glossary terms are protected with placeholders instead',
    cause: err,
  });
}

/** Deletes a stale glossary; one already gone (another run deleted it first) is no failure. */
async function deleteUnlessGone(remove: () => Promise<void>): Promise<void> {
  try {
    await remove();
  } catch (err) {
    if (!(err instanceof EngineError && err.status === 404)) throw err;
  }
}

/** The pairs as DeepL glossary entries: first rendering of each source term wins; no empty terms. */
function glossaryEntries(pairs: TermPair[]): deepl.GlossaryEntries {
  const entries: Record<string, string> = {};
  for (const { source, target } of pairs) {
    const s = source.trim();
    const t = target.trim();
    if (!s || !t) continue;
    if (/[\t\n\r]/.test(s + t)) {
      throw new EngineError('deepl', 'glossary', `DeepL glossary terms cannot contain tabs or line breaks: "${s}"`);
    }
    if (!(s in entries)) entries[s] = t;
  }
  if (Object.keys(entries).length === 0) throw new EngineError('deepl', 'glossary', 'DeepL glossary would be empty');
  return new deepl.GlossaryEntries({ entries });
}
