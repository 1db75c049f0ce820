/**
 * Google Cloud Translation, Basic edition (v2), through @google-cloud/translate's v2.Translate with
 * an API key. No glossaries; the client's own retries are off (`autoRetry: false`).
 */
import translatePkg from '@google-cloud/translate';
import { ConfigError, EngineError } from '../core/errors.js';
import { Redactor } from '../core/redact.js';
import { CAPABILITIES } from './capabilities.js';
import { toEngineError, type EngineErrorContext } from './errors.js';
import { timeoutSetting, withDeadline } from './http.js';
import type { Engine, EngineSettings, TranslateRequest, TranslateResult } from './types.js';

/**
 * Creates the v2 engine. Settings: `apiKey` (required), `timeoutMs`.
 * @throws ConfigError without `apiKey`.
 */
export function createGoogleV2Engine(settings: EngineSettings): Engine {
  const key = settings.apiKey;
  if (!key) throw new ConfigError('Google Translate (v2) needs an API key', { hint: 'set GOOGLE_API_KEY or engines.google-v2.api_key' });
  const timeoutMs = timeoutSetting(settings.timeoutMs, 'google-v2');
  const ctx: EngineErrorContext = {
    engine: 'google-v2',
    label: 'Google Translate (v2)',
    keySource: 'GOOGLE_API_KEY',
    redactor: new Redactor([key]),
    // Shown without its ?key=: networkError drops the query string.
    url: 'https://translation.googleapis.com/language/translate/v2',
  };
  const client = new translatePkg.v2.Translate({ key, autoRetry: false, maxRetries: 0, timeout: timeoutMs } as ConstructorParameters<typeof translatePkg.v2.Translate>[0]);

  return {
    name: 'google-v2',
    model: 'v2',
    capabilities: CAPABILITIES['google-v2'],
    cacheOptions: {},

    async translate(request: TranslateRequest): Promise<TranslateResult[]> {
      if (request.texts.length === 0) return [];
      let translations: string[];
      let detected: (string | undefined)[] = [];
      try {
        const [texts, metadata] = await withDeadline(
          ctx,
          client.translate(request.texts, { from: request.sourceLang, to: request.targetLang, format: 'text' }),
          timeoutMs,
          request.signal,
        );
        translations = texts;
        const raw = (metadata as { data?: { translations?: { detectedSourceLanguage?: string }[] } } | undefined)?.data?.translations;
        detected = raw?.map((t) => t.detectedSourceLanguage) ?? [];
      } catch (err) {
        throw toEngineError(ctx, err, { timeoutMs, signal: request.signal });
      }
      if (translations.length !== request.texts.length) {
        throw new EngineError('google-v2', 'bad-response', `Google returned ${translations.length} translations for ${request.texts.length} texts`);
      }
      return translations.map((text, i) => (detected[i] ? { text, detectedSourceLang: detected[i] } : { text }));
    },
  };
}
