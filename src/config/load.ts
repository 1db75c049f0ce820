/**
 * The optional config file (vitrans.config.yaml), one for every command: engine settings (resolved
 * from it, the environment and flags: flags > environment > file), and what check, compare and
 * translate share (glossary, checks, suppressions, baseline, formats, fail level, encodings; see
 * ./sections.ts). Errors point at file:line:col.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, isMap, isScalar, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { ConfigError, UsageError } from '../core/errors.js';
import { ENGINES, closestName, engineNames, getEngine } from '../engines/registry.js';
import type { EngineSettings } from '../engines/types.js';
import type { SuppressionRule } from '../checks/suppressions.js';
import type { Check } from '../checks/types.js';
import {
  readChecks, readClean, readEncodings, readFailOn, readFormat, readPath, readSources, readSuppressionList, readXliffSection,
  type CheckConfig, type CleanConfig, type SourceMapping, type EncodingPattern, type FailOn, type FileOrigin, type FormatConfig, type SectionContext, type XliffConfig,
} from './sections.js';
import { readQueueSection, type QueueConfig } from './queue.js';
import { isRedisUrl, parseRedisUrl } from '../core/redis-url.js';
import { describeYamlError } from '../text/yaml-syntax.js';

/** The config file looked for in the working directory when `--config` is not given. */
export const DEFAULT_CONFIG_FILE = 'vitrans.config.yaml';

/**
 * The loaded configuration. Everything is optional: no file means empty settings.
 * @example { file: '/proj/vitrans.config.yaml', engines: { deepl: { target: 'en-GB' } }, prices: { deepl: 25 }, secrets: [] }
 */
export interface VitransConfig {
  /** Absolute path of the file read, if any. */
  file?: string;
  /** Engine settings from the file, by engine name, keyed by setting key (camelCase). */
  engines: Record<string, EngineSettings>;
  /** USD per million characters, by engine name. */
  prices: Record<string, number>;
  /** Requests in flight per engine. */
  concurrency?: number;
  /** Translation cache path, absolute (relative paths are taken from the config file's directory), or a redis:// URL as written. */
  cache?: string;
  /** `queue:`: the Redis runs are queued on, batch size and shared rate limits (./queue.ts). */
  queue?: QueueConfig;
  /** Secret values found in the file or the environment (API keys), for the Redactor. */
  secrets: string[];
  /** Engine settings given on the command line (`--set deepl.target=en-GB`): they win over all else. */
  flags?: Record<string, EngineSettings>;
  /** Glossary path, absolute. */
  glossary?: string;
  /** Severity and options by check id (`checks:`). */
  checks?: Record<string, CheckConfig>;
  /** Suppressions: the config's own list, or the entries of the file `suppressions:` names. */
  suppressions?: SuppressionRule[];
  /** The suppressions file, absolute, when `suppressions:` names one. */
  suppressionsFile?: string;
  /** Baseline file for `vitrans check`, absolute. */
  baseline?: string;
  /** Report formats by command. */
  format?: FormatConfig;
  /** Exit 1 on findings at or above this level. */
  failOn?: FailOn;
  /** Encodings by file pattern (relative to the config file's folder), first match wins. */
  encodings?: EncodingPattern[];
  /** Which source a translation translates, by file pattern (`sources:`), for check and the editor. */
  sources?: SourceMapping[];
  /** Source cleaning for `clean`, `translate --clean` and `check --clean` (`clean:`). */
  clean?: CleanConfig;
  /** XLIFF settings (`xliff:`): what check does with protected segments. */
  xliff?: XliffConfig;
  /** Where each value was written, by dotted key (`checks.term-missing.severity`), for `vitrans config`. */
  origins?: Record<string, FileOrigin>;
}

/** The keys of the config file, in the order `vitrans config` prints them. */
export const TOP_KEYS = ['glossary', 'checks', 'suppressions', 'baseline', 'format', 'fail_on', 'encodings', 'sources', 'clean', 'xliff', 'engines', 'prices', 'concurrency', 'cache', 'queue'];

/**
 * Loads the config: `path` if given (missing → ConfigError), else `vitrans.config.yaml` in `cwd`
 * if present, else an empty config. Relative paths resolve against `cwd`.
 * @throws ConfigError with file:line:col for malformed YAML, unknown keys or bad values.
 */
export async function loadConfig(opts: { path?: string; cwd: string; env: Readonly<Record<string, string | undefined>> }): Promise<VitransConfig> {
  const explicit = opts.path !== undefined;
  const file = path.resolve(opts.cwd, opts.path ?? DEFAULT_CONFIG_FILE);
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (!explicit && code === 'ENOENT') return withEnvSecrets({ engines: {}, prices: {}, secrets: [] }, opts.env);
    throw new ConfigError(code === 'ENOENT' ? 'config file not found' : `cannot read config file: ${(err as Error).message}`, {
      location: { file },
      hint: code === 'ENOENT' ? 'check the --config path' : undefined,
      cause: err,
    });
  }
  const config = parseConfig(text, file);
  if (config.suppressionsFile) config.suppressions = await loadSuppressionsFile(config.suppressionsFile);
  return withEnvSecrets(config, opts.env);
}

/**
 * Reads a suppressions file: a YAML list of entries as under `suppressions:` in the config.
 * @throws ConfigError at file:line:col
 */
export async function loadSuppressionsFile(file: string): Promise<SuppressionRule[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ConfigError(missing ? 'suppressions file not found' : `cannot read suppressions file: ${(err as Error).message}`, {
      location: { file },
      hint: missing ? 'create it, or fix the suppressions: path in the config file' : undefined,
      cause: err,
    });
  }
  const { doc, ctx } = yamlContext(text, file, {}, 'suppressions file');
  return readSuppressionList(doc.contents as Node | null, ctx, null);
}

/** Advice for the YAML mistakes made most in a config or suppressions file. */
const CONFIG_SYNTAX_HINTS: Partial<Record<string, string>> = {
  DUPLICATE_KEY: 'Remove or merge one of the two: a key may appear once in the same mapping.',
  BAD_INDENT: 'Indent the keys of one mapping by the same number of spaces.',
  MISSING_CHAR: 'Add what is missing here (a closing quote or bracket) or fix the indentation.',
};

/** Parses YAML with positions and the error reporting every config reader shares. */
function yamlContext(text: string, file: string, origins: Record<string, FileOrigin> = {}, label = 'config file') {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): FileOrigin => {
    if (offset === undefined) return { file, line: 1, column: 1, offset: 0 };
    const { line, col } = lineCounter.linePos(offset);
    // yaml counts columns in UTF-16 units; editors count code points.
    const lineStart = offset - (col - 1);
    return { file, line, column: [...source.slice(lineStart, offset)].length + 1, offset };
  };
  const ctx: SectionContext = {
    file,
    at: (node) => at(node?.range?.[0]),
    fail: (message, node, hint) => {
      const where = at(node?.range?.[0]);
      throw new ConfigError(message, { location: { file, line: where.line, column: where.column }, hint });
    },
    origin: (key, node) => {
      origins[key] = at(node?.range?.[0]);
    },
  };
  const firstError = doc.errors[0];
  if (firstError) {
    const problem = describeYamlError(source, firstError, CONFIG_SYNTAX_HINTS);
    const where = at(problem.offset);
    throw new ConfigError(`${label} is not valid YAML: ${problem.message}`, { location: { file, line: where.line, column: where.column }, hint: problem.hint });
  }
  return { doc, ctx };
}

/**
 * Parses config YAML text (`file` is for messages and for resolving paths). `checks:` is validated
 * against `opts.checks` (default: the built-in checks), their ids and declared options.
 * @throws ConfigError pointing at file:line:col.
 */
export function parseConfig(text: string, file: string, opts: { checks?: readonly Check[] } = {}): VitransConfig {
  const origins: Record<string, FileOrigin> = {};
  const { doc, ctx } = yamlContext(text, file, origins);
  const fail = ctx.fail;
  const config: VitransConfig = { file, engines: {}, prices: {}, secrets: [] };
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return config;
  if (!isMap(root)) return fail('the config file must be a mapping of settings', root, `use keys such as ${TOP_KEYS.join(', ')}`);

  for (const pair of (root as YAMLMap).items as Pair<Node, Node>[]) {
    const key = keyOf(pair, fail);
    const value = pair.value;
    switch (key) {
      case 'engines':
        readEngines(value, config, fail, ctx);
        break;
      case 'prices':
        readPrices(value, config, fail, ctx);
        break;
      case 'concurrency': {
        const n = isScalar(value) ? Number(value.value) : NaN;
        if (!Number.isInteger(n) || n < 1) fail('concurrency must be a positive whole number', value ?? pair.key);
        config.concurrency = n;
        ctx.origin(key, value);
        break;
      }
      case 'cache': {
        if (!isScalar(value) || typeof value.value !== 'string' || !value.value) fail('cache must be a file path or a redis:// URL', value ?? pair.key);
        const written = String((value as { value: unknown }).value);
        // A shared cache on Redis is kept as written (its password goes to the redactor).
        if (isRedisUrl(written)) {
          const address = ((): ReturnType<typeof parseRedisUrl> => {
            try {
              return parseRedisUrl(written, 'cache');
            } catch (err) {
              return fail((err as Error).message, value, 'write redis://HOST:PORT[/DB], or rediss:// for TLS');
            }
          })();
          for (const s of address.secrets) config.secrets.push(s);
          config.cache = address.url;
        } else config.cache = path.resolve(path.dirname(file), written);
        ctx.origin(key, value);
        break;
      }
      case 'glossary':
        config.glossary = readPath(value, key, ctx, pair.key);
        break;
      case 'baseline':
        config.baseline = readPath(value, key, ctx, pair.key);
        break;
      case 'checks':
        config.checks = readChecks(value, ctx, pair.key, opts.checks);
        break;
      case 'suppressions':
        if (isScalar(value) && typeof value.value === 'string') config.suppressionsFile = readPath(value, key, ctx, pair.key);
        else {
          config.suppressions = readSuppressionList(value, ctx, pair.key);
          ctx.origin(key, value ?? pair.key);
        }
        break;
      case 'format':
        config.format = readFormat(value, ctx, pair.key);
        break;
      case 'fail_on':
        config.failOn = readFailOn(value, ctx, pair.key);
        break;
      case 'encodings':
        config.encodings = readEncodings(value, ctx, pair.key);
        break;
      case 'sources':
        config.sources = readSources(value, ctx, pair.key);
        break;
      case 'clean':
        config.clean = readClean(value, ctx, pair.key);
        break;
      case 'xliff':
        config.xliff = readXliffSection(value, ctx, pair.key);
        break;
      case 'queue':
        config.queue = readQueueSection(value, ctx, pair.key, config.secrets);
        break;
      default: {
        const near = closestName(key, TOP_KEYS);
        fail(`unknown config key "${key}"${near ? ` (did you mean ${near}?)` : ''}`, pair.key, `known keys: ${TOP_KEYS.join(', ')}`);
      }
    }
  }
  if (Object.keys(origins).length > 0) config.origins = origins;
  return config;
}

type Fail = (message: string, node: Node | null | undefined, hint?: string) => never;

function keyOf(pair: Pair<Node, Node>, fail: Fail): string {
  const k = pair.key;
  if (!isScalar(k) || (typeof k.value !== 'string' && typeof k.value !== 'number')) return fail('keys must be plain names', k);
  return String(k.value);
}

function readEngines(node: Node | null, config: VitransConfig, fail: Fail, ctx: SectionContext): void {
  if (node === null || (isScalar(node) && node.value === null)) return;
  if (!isMap(node)) return fail('engines must map engine names to their settings', node);
  for (const pair of (node as YAMLMap).items as Pair<Node, Node>[]) {
    const name = keyOf(pair, fail);
    const def = ENGINES.get(name);
    if (!def) {
      const near = closestName(name, engineNames());
      return fail(`unknown engine "${name}"${near ? ` (did you mean ${near}?)` : ''}`, pair.key, `known engines: ${engineNames().join(', ')}`);
    }
    const settings: EngineSettings = {};
    const value = pair.value;
    if (value !== null && !(isScalar(value) && value.value === null)) {
      if (!isMap(value)) return fail(`engines.${name} must be a mapping of settings`, value);
      for (const item of (value as YAMLMap).items as Pair<Node, Node>[]) {
        const yamlKey = keyOf(item, fail);
        const spec = def.settings.find((s) => s.yaml === yamlKey);
        if (!spec) {
          const known = def.settings.map((s) => s.yaml);
          const near = closestName(yamlKey, known);
          return fail(`unknown setting "${yamlKey}" for engine ${name}${near ? ` (did you mean ${near}?)` : ''}`, item.key, `known settings: ${known.join(', ')}`);
        }
        const v = item.value;
        if (!isScalar(v) || v.value === null || typeof v.value === 'object') return fail(`engines.${name}.${yamlKey} must be a single value`, v ?? item.key);
        settings[spec.key] = String(v.value);
        ctx.origin(`engines.${name}.${yamlKey}`, v);
        if (spec.secret) config.secrets.push(String(v.value));
      }
    }
    config.engines[name] = settings;
  }
}

function readPrices(node: Node | null, config: VitransConfig, fail: Fail, ctx: SectionContext): void {
  if (node === null || (isScalar(node) && node.value === null)) return;
  if (!isMap(node)) return fail('prices must map engine names to USD per million characters', node);
  for (const pair of (node as YAMLMap).items as Pair<Node, Node>[]) {
    const name = keyOf(pair, fail);
    if (!ENGINES.has(name)) {
      const near = closestName(name, engineNames());
      return fail(`unknown engine "${name}" in prices${near ? ` (did you mean ${near}?)` : ''}`, pair.key);
    }
    const v = pair.value;
    const price = isScalar(v) ? Number(v.value) : NaN;
    if (!isScalar(v) || typeof v.value === 'boolean' || v.value === null || !Number.isFinite(price) || price < 0) {
      return fail(`prices.${name} must be a number of USD per million characters`, v ?? pair.key);
    }
    config.prices[name] = price;
    ctx.origin(`prices.${name}`, v);
  }
}

/**
 * The secrets a config text holds, read without parsing it: the values of engines' secret
 * settings (`auth_key`, `api_key`) and the passwords of Redis URLs, wherever they stand. For a
 * config that does not parse yet (a file being typed in the editor), whose messages may still
 * quote what was typed.
 * @example secretsInConfigText('engines:\n  deepl:\n    auth_key: "f63c02c5-f056:fx"\n') → ['f63c02c5-f056:fx']
 */
export function secretsInConfigText(text: string): string[] {
  const names = new Set<string>();
  for (const def of ENGINES.values()) for (const spec of def.settings) if (spec.secret) names.add(spec.yaml);
  const secrets = new Set<string>();
  for (const m of text.matchAll(/(?:^|[\s{,])["']?([A-Za-z_][\w-]*)["']?[ \t]*:[ \t]*("[^"\n]*"|'[^'\n]*'|[^\s,}#]+)/gm)) {
    if (!names.has(m[1]!)) continue;
    const value = m[2]!.replace(/^(["'])(.*)\1$/, '$2').trim();
    if (value) secrets.add(value);
  }
  for (const m of text.matchAll(/rediss?:\/\/[^\s"',}#]+/gi)) {
    try {
      for (const s of parseRedisUrl(m[0], 'a Redis URL').secrets) secrets.add(s);
    } catch {
      // Not a URL yet: nothing in it to mask beyond what the user sees.
    }
  }
  return [...secrets];
}

function withEnvSecrets(config: VitransConfig, env: Readonly<Record<string, string | undefined>>): VitransConfig {
  const secrets = new Set(config.secrets);
  for (const def of ENGINES.values()) {
    for (const spec of def.settings) {
      const v = spec.secret && spec.env ? env[spec.env] : undefined;
      if (v) secrets.add(v);
    }
  }
  return { ...config, secrets: [...secrets] };
}

/**
 * The settings for engine `name`: the config file's, overridden by non-empty environment
 * variables, overridden by `flags` (already keyed by setting key).
 * @throws ConfigError for an unknown engine name.
 * @example resolveEngineSettings('deepl', config, { DEEPL_AUTH_KEY: 'k:fx' }) → { authKey: 'k:fx', target: 'en-GB' }
 */
export function resolveEngineSettings(
  name: string,
  config: Pick<VitransConfig, 'engines' | 'flags'>,
  env: Readonly<Record<string, string | undefined>>,
  flags: EngineSettings = config.flags?.[getEngine(name).name] ?? {},
): EngineSettings {
  const def = getEngine(name);
  const settings: EngineSettings = { ...config.engines[def.name] };
  for (const spec of def.settings) {
    const v = spec.env ? env[spec.env] : undefined;
    if (v !== undefined && v !== '') settings[spec.key] = v;
  }
  for (const [k, v] of Object.entries(flags)) if (v !== undefined) settings[k] = v;
  return settings;
}

/**
 * Adds `--set ENGINE.SETTING=VALUE` flags (setting names as in the config file) to a config.
 * @throws UsageError for a malformed flag, an unknown engine or setting
 * @example withSettingFlags(config, ['deepl.target=en-GB', 'openai.model=qwen2.5:14b'])
 */
export function withSettingFlags(config: VitransConfig, values: readonly string[] | undefined): VitransConfig {
  if (!values || values.length === 0) return config;
  const flags: Record<string, EngineSettings> = {};
  const secrets = [...config.secrets];
  for (const value of values) {
    const m = /^([\w-]+)\.(\w+)=(.*)$/s.exec(value);
    if (!m) throw new UsageError(`--set takes ENGINE.SETTING=VALUE, got "${value}"`, { hint: 'e.g. --set deepl.target=en-GB' });
    const [, engine, key, v] = m as unknown as [string, string, string, string];
    const def = getEngine(engine);
    const spec = def.settings.find((x) => x.yaml === key);
    if (!spec) {
      const known = def.settings.map((x) => x.yaml);
      const close = closestName(key, known);
      throw new UsageError(`${def.name} has no setting "${key}"${close ? `: did you mean "${close}"?` : ''}`, { hint: `its settings: ${known.join(', ')}` });
    }
    (flags[def.name] ??= {})[spec.key] = v;
    if (spec.secret && v) secrets.push(v);
  }
  return { ...config, flags, secrets };
}