/**
 * The engine registry: a sorted name → factory map. Importing it is cheap: each factory's
 * `create` imports its engine module (and so its SDK) only when called.
 */
import { ConfigError } from '../core/errors.js';
import { baseUrlSetting, SERVER_URLS, type ServerUrlSetting } from './base-url.js';
import { closestName } from '../core/suggest.js';
import { CAPABILITIES } from './capabilities.js';
import type { Engine, EngineFactory, EngineSettings, EngineStatus } from './types.js';

/**
 * One setting an engine reads: its key in EngineSettings, its spelling in the config file and
 * the environment variable that overrides it.
 * @example { key: 'authKey', yaml: 'auth_key', env: 'DEEPL_AUTH_KEY', secret: true, description: 'API key' }
 */
export interface SettingSpec {
  key: string;
  yaml: string;
  env?: string;
  /** Never printed; collected for the Redactor. */
  secret?: boolean;
  /** A server URL: shown with its password and query values masked, and checked by `status`. */
  url?: boolean;
  description: string;
}

/** A registry entry: the EngineFactory plus the settings it reads, described. */
export interface EngineDefinition extends EngineFactory {
  settings: SettingSpec[];
}

const timeout: SettingSpec = { key: 'timeoutMs', yaml: 'timeout_ms', description: 'per-request timeout in ms (default 30000)' };

function need(settings: EngineSettings, specs: SettingSpec[], keys: string[]): EngineStatus {
  const missing = keys.filter((k) => !settings[k]);
  if (missing.length === 0) return { configured: true };
  const names = missing.map((k) => specs.find((s) => s.key === k)?.env ?? k);
  return { configured: false, missing: `${names.join(' and ')} ${names.length > 1 ? 'are' : 'is'} not set` };
}

const deeplSettings: SettingSpec[] = [
  { key: 'authKey', yaml: 'auth_key', env: 'DEEPL_AUTH_KEY', secret: true, description: 'API key (keys ending :fx use the free API)' },
  { key: 'serverUrl', yaml: 'server_url', env: 'DEEPL_SERVER_URL', url: true, description: 'API server URL override' },
  { key: 'target', yaml: 'target', description: 'English variant: en-US (default) or en-GB' },
  { key: 'modelType', yaml: 'model_type', description: 'quality_optimized, prefer_quality_optimized or latency_optimized' },
  timeout,
];
const googleSettings: SettingSpec[] = [
  { key: 'projectId', yaml: 'project_id', env: 'GOOGLE_CLOUD_PROJECT', description: 'Google Cloud project id' },
  { key: 'location', yaml: 'location', env: 'GOOGLE_TRANSLATE_LOCATION', description: 'global (default) or a region such as us-central1' },
  { key: 'apiKey', yaml: 'api_key', env: 'GOOGLE_API_KEY', secret: true, description: 'API key (with a project id)' },
  { key: 'keyFile', yaml: 'key_file', env: 'GOOGLE_APPLICATION_CREDENTIALS', description: 'service-account JSON file' },
  { key: 'glossary', yaml: 'glossary', env: 'GOOGLE_TRANSLATE_GLOSSARY', description: 'glossary resource name or id (needs a regional location)' },
  timeout,
];
const googleV2Settings: SettingSpec[] = [
  { key: 'apiKey', yaml: 'api_key', env: 'GOOGLE_API_KEY', secret: true, description: 'API key' },
  timeout,
];
const libreSettings: SettingSpec[] = [
  { key: 'url', yaml: 'url', env: 'LIBRETRANSLATE_URL', url: true, description: 'server URL, e.g. http://localhost:5000' },
  { key: 'apiKey', yaml: 'api_key', env: 'LIBRETRANSLATE_API_KEY', secret: true, description: 'API key, for servers that need one' },
  timeout,
];
const openaiSettings: SettingSpec[] = [
  { key: 'baseUrl', yaml: 'base_url', env: 'OPENAI_BASE_URL', url: true, description: 'API base URL (default https://api.openai.com/v1)' },
  { key: 'apiKey', yaml: 'api_key', env: 'OPENAI_API_KEY', secret: true, description: 'API key (optional for local servers)' },
  { key: 'model', yaml: 'model', env: 'OPENAI_MODEL', description: 'model name, e.g. gpt-4o-mini' },
  timeout,
];

const definitions: EngineDefinition[] = [
  {
    name: 'deepl',
    description: 'DeepL API (free or pro)',
    capabilities: CAPABILITIES.deepl,
    settings: deeplSettings,
    status: (s) => need(s, deeplSettings, ['authKey']),
    create: async (s) => (await import('./deepl.js')).createDeepLEngine(s),
  },
  {
    name: 'google',
    description: 'Google Cloud Translation Advanced (v3)',
    capabilities: CAPABILITIES.google,
    settings: googleSettings,
    status: (s) =>
      s.keyFile
        ? { configured: true }
        : s.apiKey
          ? need(s, googleSettings, ['projectId'])
          : { configured: false, missing: 'GOOGLE_APPLICATION_CREDENTIALS (or GOOGLE_API_KEY + GOOGLE_CLOUD_PROJECT) is not set' },
    create: async (s) => (await import('./google.js')).createGoogleEngine(s),
  },
  {
    name: 'google-v2',
    description: 'Google Cloud Translation Basic (v2)',
    capabilities: CAPABILITIES['google-v2'],
    settings: googleV2Settings,
    status: (s) => need(s, googleV2Settings, ['apiKey']),
    create: async (s) => (await import('./google-v2.js')).createGoogleV2Engine(s),
  },
  {
    name: 'libretranslate',
    description: 'LibreTranslate server (self-hosted or public)',
    capabilities: CAPABILITIES.libretranslate,
    settings: libreSettings,
    status: (s) => need(s, libreSettings, ['url']),
    create: async (s) => (await import('./libretranslate.js')).createLibreTranslateEngine(s),
  },
  {
    name: 'openai',
    description: 'OpenAI-compatible chat model (OpenAI, Ollama, llama.cpp, vLLM)',
    capabilities: CAPABILITIES.openai,
    settings: openaiSettings,
    status: (s) => need(s, openaiSettings, ['model']),
    create: async (s) => (await import('./openai.js')).createOpenAIEngine(s),
  },
];

/** Every engine, by name, in name order. */
export const ENGINES: ReadonlyMap<string, EngineDefinition> = new Map(
  [...definitions].sort((a, b) => a.name.localeCompare(b.name)).map((d) => [d.name, d]),
);

/** Registry names, sorted. */
export function engineNames(): string[] {
  return [...ENGINES.keys()];
}

/**
 * The registry entry for `name`.
 * @throws ConfigError for an unknown name, listing the known ones and suggesting the closest.
 * @example getEngine('depl') // ConfigError: unknown engine "depl" (did you mean deepl?)
 */
export function getEngine(name: string): EngineDefinition {
  const def = ENGINES.get(name.trim().toLowerCase());
  if (def) return def;
  const names = engineNames();
  const closest = closestName(name.trim().toLowerCase(), names);
  throw new ConfigError(`unknown engine "${name}"${closest ? ` (did you mean ${closest}?)` : ''}`, {
    hint: `choose one of: ${names.join(', ')}`,
  });
}

/**
 * Creates the engine `name` from resolved settings (loading its module and SDK now).
 * @throws ConfigError for an unknown name or missing settings.
 * @example const deepl = await createEngine('deepl', { authKey: env.DEEPL_AUTH_KEY })
 */
export async function createEngine(name: string, settings: EngineSettings): Promise<Engine> {
  return getEngine(name).create(settings);
}


/**
 * Why the engine `name` would refuse its server URL setting (the refusal's message, which never
 * shows the URL's credentials or query string), or undefined when it has none or a usable one:
 * what `vitrans engines` says instead of "configured".
 * @example serverUrlProblem('libretranslate', { url: 'ftp://x' }) === 'LibreTranslate URL "ftp://x" is not an http(s) URL'
 */
export function serverUrlProblem(name: string, settings: EngineSettings): string | undefined {
  const spec = (SERVER_URLS as Record<string, ServerUrlSetting | undefined>)[name];
  const value = spec ? settings[spec.key] : undefined;
  if (!spec || !value) return undefined;
  try {
    baseUrlSetting(value, spec);
    return undefined;
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
}

/** Re-exported for the config loader's "did you mean" messages (it lives in core/suggest.ts). */
export { closestName };
