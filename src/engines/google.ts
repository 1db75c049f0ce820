/**
 * Google Cloud Translation, Advanced edition (v3), through @google-cloud/translate's
 * TranslationServiceClient in REST mode (`fallback: true`). Glossaries are resources made from
 * Cloud Storage files beforehand; we only name one (settings `glossary`) and read the answer's
 * `glossaryTranslations`.
 */
import { readFile } from 'node:fs/promises';
import translatePkg from '@google-cloud/translate';
import { ConfigError, EngineError } from '../core/errors.js';
import { Redactor } from '../core/redact.js';
import { CAPABILITIES } from './capabilities.js';
import { toEngineError, type EngineErrorContext } from './errors.js';
import { timeoutSetting, withDeadline } from './http.js';
import type { Engine, EngineSettings, TranslateRequest, TranslateResult } from './types.js';

const GLOSSARY_NAME = /^projects\/([^/]+)\/locations\/([^/]+)\/glossaries\/([^/]+)$/;

/** Where requests go and which glossary they use, resolved once from the settings. */
export interface GoogleTarget {
  projectId: string;
  location: string;
  /** `projects/P/locations/L` */
  parent: string;
  /** Full glossary resource name, when one is configured. */
  glossary?: string;
}

/**
 * Resolves project, location and glossary. A glossary given by its short id is placed in the
 * configured location; glossaries cannot live in `global`.
 * @throws ConfigError on a global location with a glossary, or a glossary in another location.
 * @example resolveGoogleTarget('my-proj', 'us-central1', 'vn-terms').glossary === 'projects/my-proj/locations/us-central1/glossaries/vn-terms'
 */
export function resolveGoogleTarget(projectId: string, location: string | undefined, glossary: string | undefined): GoogleTarget {
  let loc = location || undefined;
  let glossaryName: string | undefined;
  if (glossary) {
    const full = GLOSSARY_NAME.exec(glossary);
    if (full) {
      if (loc && loc !== full[2]) {
        throw new ConfigError(`the Google glossary ${glossary} is in ${full[2]}, but the location setting is ${loc}`, {
          hint: `set location (GOOGLE_TRANSLATE_LOCATION) to ${full[2]}`,
        });
      }
      loc = full[2];
      glossaryName = glossary;
    } else if (/^[\w-]+$/.test(glossary)) {
      glossaryName = `projects/${projectId}/locations/${loc ?? 'global'}/glossaries/${glossary}`;
    } else {
      throw new ConfigError(`"${glossary}" is not a Google glossary id or resource name`, {
        hint: 'use projects/PROJECT/locations/REGION/glossaries/ID or just ID',
      });
    }
    if ((loc ?? 'global') === 'global') {
      throw new ConfigError('a Google glossary needs a regional location, not global', {
        hint: 'set location (GOOGLE_TRANSLATE_LOCATION) to the glossary region, e.g. us-central1',
      });
    }
  }
  const resolved = loc ?? 'global';
  return { projectId, location: resolved, parent: `projects/${projectId}/locations/${resolved}`, glossary: glossaryName };
}

/**
 * Creates the v3 engine. Settings: `projectId`, `location` (default global), `apiKey` or `keyFile`
 * (a service-account JSON; its project_id is used when `projectId` is unset), `glossary`, `timeoutMs`.
 * @throws ConfigError when credentials or the project are missing, or the glossary/location do not fit.
 */
export async function createGoogleEngine(settings: EngineSettings): Promise<Engine> {
  const { apiKey, keyFile } = settings;
  if (!apiKey && !keyFile) {
    throw new ConfigError('Google Cloud Translation needs credentials', {
      hint: 'set GOOGLE_APPLICATION_CREDENTIALS to a service-account JSON file, or GOOGLE_API_KEY and GOOGLE_CLOUD_PROJECT',
    });
  }
  const projectId = settings.projectId || (keyFile ? await projectOfKeyFile(keyFile) : undefined);
  if (!projectId) {
    throw new ConfigError('Google Cloud Translation needs a project id', { hint: 'set GOOGLE_CLOUD_PROJECT or engines.google.project_id' });
  }
  const target = resolveGoogleTarget(projectId, settings.location, settings.glossary);
  const timeoutMs = timeoutSetting(settings.timeoutMs, 'google');
  const ctx: EngineErrorContext = {
    engine: 'google',
    label: 'Google Cloud Translation',
    keySource: apiKey ? 'GOOGLE_API_KEY' : 'GOOGLE_APPLICATION_CREDENTIALS',
    redactor: new Redactor([apiKey]),
    url: 'https://translate.googleapis.com',
  };
  const client = new translatePkg.v3.TranslationServiceClient({
    fallback: true,
    projectId,
    ...(apiKey ? { apiKey } : { keyFilename: keyFile }),
  });

  return {
    name: 'google',
    model: 'v3',
    capabilities: CAPABILITIES.google,
    cacheOptions: target.glossary ? { location: target.location, glossary: target.glossary } : { location: target.location },

    async translate(request: TranslateRequest): Promise<TranslateResult[]> {
      if (request.texts.length === 0) return [];
      const glossary = request.glossaryId ?? target.glossary;
      let response;
      try {
        const call = client.translateText(
          {
            parent: target.parent,
            contents: request.texts,
            sourceLanguageCode: request.sourceLang,
            targetLanguageCode: request.targetLang,
            mimeType: 'text/plain',
            ...(glossary ? { glossaryConfig: { glossary, ignoreCase: false } } : {}),
          },
          { timeout: timeoutMs, retry: null },
        );
        [response] = await withDeadline(ctx, call, timeoutMs, request.signal);
      } catch (err) {
        throw toEngineError(ctx, err, { timeoutMs, signal: request.signal });
      }
      const translations = (glossary ? response.glossaryTranslations : response.translations) ?? [];
      if (translations.length !== request.texts.length) {
        throw new EngineError('google', 'bad-response', `Google returned ${translations.length} ${glossary ? 'glossary ' : ''}translations for ${request.texts.length} texts`);
      }
      return translations.map((t) => ({
        text: t.translatedText ?? '',
        ...(t.detectedLanguageCode ? { detectedSourceLang: t.detectedLanguageCode } : {}),
      }));
    },

    async close(): Promise<void> {
      await client.close();
    },
  };
}

async function projectOfKeyFile(keyFile: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(keyFile, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read the Google credentials file: ${(err as Error).message}`, {
      location: { file: keyFile },
      hint: 'check GOOGLE_APPLICATION_CREDENTIALS',
      cause: err,
    });
  }
  try {
    const json = JSON.parse(text) as { project_id?: unknown };
    return typeof json.project_id === 'string' ? json.project_id : undefined;
  } catch (err) {
    throw new ConfigError('the Google credentials file is not JSON', { location: { file: keyFile }, hint: 'download a service-account key as JSON', cause: err });
  }
}
