/**
 * LibreTranslate (self-hosted or public): `POST {url}/translate` with `q` as an array, answered by
 * `translatedText` as an array in the same order. Errors come as `{ "error": "..." }`.
 */
import { ConfigError } from '../core/errors.js';
import { Redactor } from '../core/redact.js';
import { CAPABILITIES } from './capabilities.js';
import { badResponseError, type EngineErrorContext } from './errors.js';
import { baseUrlSetting, SERVER_URLS } from './base-url.js';
import { postJson, timeoutSetting, type HttpEngineDeps } from './http.js';
import type { Engine, EngineSettings, TranslateRequest, TranslateResult } from './types.js';

/**
 * Creates the LibreTranslate engine. Settings: `url` (required, e.g. http://localhost:5000),
 * `apiKey` (for servers that demand one), `timeoutMs`.
 * @throws ConfigError without a valid `url` (one with credentials or a query string is refused), or with a bad `timeoutMs`.
 */
export function createLibreTranslateEngine(settings: EngineSettings, deps: HttpEngineDeps = {}): Engine {
  if (!settings.url?.replace(/\/+$/, '')) throw new ConfigError('LibreTranslate needs a server URL', { hint: 'set LIBRETRANSLATE_URL, e.g. http://localhost:5000' });
  const base = baseUrlSetting(settings.url, SERVER_URLS.libretranslate);
  const apiKey = settings.apiKey || undefined;
  const timeoutMs = timeoutSetting(settings.timeoutMs, 'libretranslate');
  const ctx: EngineErrorContext = { engine: 'libretranslate', label: 'LibreTranslate', keySource: 'LIBRETRANSLATE_API_KEY', redactor: new Redactor([apiKey]) };

  return {
    name: 'libretranslate',
    model: 'libretranslate',
    capabilities: CAPABILITIES.libretranslate,
    cacheOptions: { url: base },

    async translate(request: TranslateRequest): Promise<TranslateResult[]> {
      if (request.texts.length === 0) return [];
      const body = {
        q: request.texts,
        source: request.sourceLang,
        target: request.targetLang,
        format: 'text',
        ...(apiKey ? { api_key: apiKey } : {}),
      };
      const answer = await postJson(ctx, `${base}/translate`, body, { timeoutMs, signal: request.signal, fetch: deps.fetch });
      const translated = (answer as { translatedText?: unknown } | null)?.translatedText;
      // Older servers answer a one-item batch with a plain string.
      const list = typeof translated === 'string' && request.texts.length === 1 ? [translated] : translated;
      if (!Array.isArray(list) || list.length !== request.texts.length || !list.every((t) => typeof t === 'string')) {
        throw badResponseError(ctx, `expected translatedText with ${request.texts.length} strings`);
      }
      return (list as string[]).map((text) => ({ text }));
    },
  };
}
