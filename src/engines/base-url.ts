/**
 * Server URL settings (DeepL's `server_url`, LibreTranslate's `url`, OpenAI's `base_url`): one check
 * for all of them, light enough for the registry to run it when it tells whether an engine is
 * configured.
 */
import { ConfigError } from '../core/errors.js';

/** How a server URL setting is named in messages and where its key belongs instead. */
export interface ServerUrlSetting {
  /** For humans: 'OpenAI base URL'. */
  what: string;
  /** The environment variable that sets it. */
  setting: string;
  /** Its `EngineSettings` key. */
  key: string;
  engine: string;
  /** The environment variable of the engine's key, and its spelling in the config file (default `api_key`). */
  keyEnv: string;
  keyYaml?: string;
}

/** The server URL setting of each engine that has one. */
export const SERVER_URLS = {
  deepl: { what: 'DeepL server URL', setting: 'DEEPL_SERVER_URL', key: 'serverUrl', engine: 'deepl', keyEnv: 'DEEPL_AUTH_KEY', keyYaml: 'auth_key' },
  libretranslate: { what: 'LibreTranslate URL', setting: 'LIBRETRANSLATE_URL', key: 'url', engine: 'libretranslate', keyEnv: 'LIBRETRANSLATE_API_KEY' },
  openai: { what: 'OpenAI base URL', setting: 'OPENAI_BASE_URL', key: 'baseUrl', engine: 'openai', keyEnv: 'OPENAI_API_KEY' },
} as const satisfies Record<string, ServerUrlSetting>;

/**
 * Checks a server base URL setting: http(s), no credentials, no query string or fragment (keys go
 * in `api_key`). Returns it without trailing slashes. Messages never show the refused parts.
 * @throws ConfigError; `what` names it for humans ('OpenAI base URL'), `setting` says where it is set,
 * `keyYaml` is the engine's key setting in the config file (default `api_key`).
 * @example baseUrlSetting('http://localhost:5000/', SERVER_URLS.libretranslate) === 'http://localhost:5000'
 */
export function baseUrlSetting(value: string, opts: ServerUrlSetting): string {
  const { what, setting, engine, keyEnv } = opts;
  const refused = (message: string, hint: string): ConfigError => new ConfigError(message, { hint, setting: opts.key });
  const keyHint = `put the key in ${engine}.${opts.keyYaml ?? 'api_key'} or ${keyEnv}, not in the URL, and set ${setting} to the bare server URL`;
  // Checked on the raw text first: nothing after "://user:" may reach a message.
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(value)?.[1] ?? '';
  if (authority.includes('@')) {
    const shown = value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1');
    throw refused(`${what} "${stripQuery(shown)}" must not contain a user name or password`, keyHint);
  }
  if (/[?#]/.test(value)) {
    throw refused(`${what} "${stripQuery(value)}" must not contain a query string or fragment`, keyHint);
  }
  const base = value.replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/i.test(base)) throw refused(`${what} "${base}" is not an http(s) URL`, `set ${setting}`);
  try {
    new URL(base);
  } catch {
    throw refused(`${what} "${base}" is not a valid URL`, `set ${setting}`);
  }
  return base;
}

/** The URL without its query string and fragment (never shown: they may hold a key). */
function stripQuery(url: string): string {
  return url.replace(/[?#][\s\S]*$/, '');
}
