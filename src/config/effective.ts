/**
 * The effective configuration and where each value came from (`vitrans config`): a flag, an
 * environment variable, the config file (file:line:col), or the built-in default. The same
 * precedence every command applies: flags > environment > file > default.
 */
import path from 'node:path';
import { maskedUrl } from '../core/redact.js';
import type { Severity } from '../core/types.js';
import type { EncodingChoice } from '../text/encodings.js';
import { ENGINES } from '../engines/registry.js';
import { allChecks } from '../checks/registry.js';
import { SUPPRESSION_RULES } from '../checks/inline-suppressions.js';
import { READER_SEVERITY_RULES, type CheckSettings } from '../checks/runner.js';
import type { VitransConfig } from './load.js';
import type { CheckFormat, CompareFormat } from '../report/formats.js';
import type { FailOn, FileOrigin } from './sections.js';

/** Where a value came from. */
export type ValueOrigin =
  | { kind: 'default' }
  | { kind: 'file'; at: FileOrigin }
  | { kind: 'env'; name: string }
  | { kind: 'flag'; name: string };

/** A value and its origin. */
export interface Sourced<T> {
  value: T;
  origin: ValueOrigin;
}

/**
 * One line of the effective configuration. `secret` values are never shown (only that one is set).
 * @example { key: 'checks.term-missing.severity', value: 'warning', origin: { kind: 'file', at: { file, line: 4, column: 19, offset: 61 } } }
 */
export interface ConfigRow {
  key: string;
  value: string | number | boolean | readonly string[] | null;
  origin: ValueOrigin;
  secret?: boolean;
  /** The value is a path (absolute): show it relative to the working directory. */
  path?: boolean;
}

/** What the command line gave, by the flag's own name (`--glossary`). */
export interface CommandFlags {
  glossary?: string;
  format?: string;
  failOn?: string;
  baseline?: string;
  protectedSegments?: 'skip' | 'check';
}

/** Defaults that belong to the commands rather than to the config. */
export interface CommandDefaults {
  glossary: string;
  concurrency: number;
  cache: string;
  prices: Readonly<Record<string, number>>;
}

/** The first given of flag, file value and default, with its origin. */
export function pick<T>(flag: { name: string; value: T | undefined }, file: { value: T | undefined; at: FileOrigin | undefined }, fallback: T): Sourced<T> {
  if (flag.value !== undefined) return { value: flag.value, origin: { kind: 'flag', name: flag.name } };
  if (file.value !== undefined) return { value: file.value, origin: file.at ? { kind: 'file', at: file.at } : { kind: 'default' } };
  return { value: fallback, origin: { kind: 'default' } };
}

/** The glossary, check report format, fail level and baseline of a `vitrans check` run. */
export interface CheckRunSettings {
  glossary: Sourced<string>;
  format: Sourced<CheckFormat>;
  compareFormat: Sourced<CompareFormat>;
  failOn: Sourced<FailOn>;
  baseline: Sourced<string | undefined>;
  /** What check does with XLIFF segments their file protects. */
  protectedSegments: Sourced<'skip' | 'check'>;
}

/**
 * What check, compare and translate take from flags, the config file and defaults. Paths are
 * absolute (flags resolved against `cwd`, the file's against its folder).
 */
export function runSettings(config: VitransConfig, flags: CommandFlags, resolvePath: (p: string) => string, defaults: Pick<CommandDefaults, 'glossary'>): CheckRunSettings {
  const at = (key: string): FileOrigin | undefined => config.origins?.[key];
  return {
    glossary: pick({ name: '--glossary', value: flags.glossary && resolvePath(flags.glossary) }, { value: config.glossary, at: at('glossary') }, resolvePath(defaults.glossary)),
    format: pick({ name: '--format', value: flags.format as CheckFormat | undefined }, { value: config.format?.check, at: at('format.check') }, 'text'),
    compareFormat: pick({ name: '--format', value: undefined }, { value: config.format?.compare, at: at('format.compare') }, 'text'),
    failOn: pick({ name: '--fail-on', value: flags.failOn as FailOn | undefined }, { value: config.failOn, at: at('fail_on') }, 'error'),
    baseline: pick<string | undefined>({ name: '--baseline', value: flags.baseline && resolvePath(flags.baseline) }, { value: config.baseline, at: at('baseline') }, undefined),
    protectedSegments: pick({ name: '--protected-segments', value: flags.protectedSegments }, { value: config.xliff?.protectedSegments, at: at('xliff.protected_segments') }, 'skip'),
  };
}

/** The cleaning flags of check, translate and clean, as commander gives them (`--clean`/`--no-clean`, `--builtin-rules`/`--no-builtin-rules`). */
export interface CleanFlags {
  clean?: boolean;
  builtinRules?: boolean;
}

/** Whether sources are cleaned, the config's extra patterns and whether the built-in rules apply, each with its origin. */
export interface CleanSettings {
  enabled: Sourced<boolean>;
  patterns: Sourced<readonly string[]>;
  builtinRules: Sourced<boolean>;
}

/**
 * The cleaning settings: flags > the config's `clean:` > default (no cleaning; built-in rules on).
 * @example cleanSettings(config, { clean: false }).enabled // { value: false, origin: { kind: 'flag', name: '--no-clean' } }
 */
export function cleanSettings(config: Pick<VitransConfig, 'clean' | 'origins'>, flags: CleanFlags): CleanSettings {
  const at = (key: string): FileOrigin | undefined => config.origins?.[key];
  return {
    enabled: pick({ name: flags.clean === false ? '--no-clean' : '--clean', value: flags.clean }, { value: config.clean?.enabled, at: at('clean.enabled') }, false),
    patterns: pick<readonly string[]>({ name: '', value: undefined }, { value: config.clean?.patterns, at: at('clean.patterns') }, []),
    builtinRules: pick({ name: flags.builtinRules === false ? '--no-builtin-rules' : '--builtin-rules', value: flags.builtinRules }, { value: config.clean?.builtinRules, at: at('clean.builtin_rules') }, true),
  };
}

/**
 * The checker's settings from the config's `checks:` (severities, `off`, options), for
 * `createCheckTools`.
 * @example checkSettingsOf(config) // { severity: { 'term-missing': 'warning' }, options: { 'length-ratio': { min: 0.4 } } }
 */
/**
 * The config's `encodings:` patterns as an encoding choice (relative to the config file's folder),
 * to spread under the command's own encoding flags.
 */
export function encodingChoiceOf(config: Pick<VitransConfig, 'file' | 'encodings'>): Pick<EncodingChoice, 'patterns' | 'patternBase'> {
  return config.file && config.encodings?.length ? { patterns: config.encodings, patternBase: path.dirname(config.file) } : {};
}

export function checkSettingsOf(config: Pick<VitransConfig, 'checks'>): CheckSettings {
  const severity: Record<string, Severity | 'off'> = {};
  const options: Record<string, Record<string, unknown>> = {};
  for (const [id, c] of Object.entries(config.checks ?? {})) {
    if (c.severity) severity[id] = c.severity;
    if (Object.keys(c.options).length > 0) options[id] = c.options;
  }
  return { severity, options };
}

/**
 * Where an engine setting in effect comes from, in the order they win: `--set`, the environment,
 * the config file (undefined when none gives it).
 * @example engineSettingOrigin(config, 'libretranslate', 'url', process.env) // { kind: 'file', at: { file: 'vitrans.config.yaml', line: 3, column: 10, offset: 40 } }
 */
export function engineSettingOrigin(config: VitransConfig, engine: string, key: string, env: Readonly<Record<string, string | undefined>>): ValueOrigin | undefined {
  const spec = ENGINES.get(engine)?.settings.find((s) => s.key === key);
  if (!spec) return undefined;
  if (config.flags?.[engine]?.[key] !== undefined) return { kind: 'flag', name: `--set ${engine}.${spec.yaml}` };
  const fromEnv = spec.env ? env[spec.env] : undefined;
  if (fromEnv !== undefined && fromEnv !== '') return { kind: 'env', name: spec.env! };
  if (config.engines[engine]?.[key] === undefined) return undefined;
  const at = config.origins?.[`engines.${engine}.${spec.yaml}`];
  return at ? { kind: 'file', at } : { kind: 'default' };
}

/**
 * Every setting in effect, in the config file's key order, each with its origin: the shared
 * command settings, every check's severity and options, suppressions, encodings, every engine
 * setting that has a value (secrets marked), prices, concurrency and cache.
 */
export function effectiveConfig(
  config: VitransConfig,
  opts: { env: Readonly<Record<string, string | undefined>>; flags: CommandFlags; cleanFlags?: CleanFlags; resolvePath: (p: string) => string; defaults: CommandDefaults },
): ConfigRow[] {
  const at = (key: string): ValueOrigin => {
    const o = config.origins?.[key];
    return o ? { kind: 'file', at: o } : { kind: 'default' };
  };
  const rows: ConfigRow[] = [];
  const run = runSettings(config, opts.flags, opts.resolvePath, opts.defaults);
  rows.push({ key: 'glossary', value: run.glossary.value, origin: run.glossary.origin, path: true });
  for (const check of allChecks()) {
    const own = config.checks?.[check.meta.id];
    const key = `checks.${check.meta.id}`;
    rows.push({ key: `${key}.severity`, value: own?.severity ?? check.meta.severity, origin: own?.severity ? at(`${key}.severity`) : { kind: 'default' } });
    for (const [name, spec] of Object.entries(check.meta.options ?? {})) {
      const given = own && Object.prototype.hasOwnProperty.call(own.options, name);
      rows.push({ key: `${key}.${name}`, value: (given ? own!.options[name] : spec.default) as ConfigRow['value'], origin: given ? at(`${key}.${name}`) : { kind: 'default' } });
    }
  }
  for (const rule of SUPPRESSION_RULES) {
    const key = `checks.${rule.id}.severity`;
    const own = config.checks?.[rule.id]?.severity;
    rows.push({ key, value: own ?? 'warning', origin: own ? at(key) : { kind: 'default' } });
  }
  for (const id of READER_SEVERITY_RULES) {
    const own = config.checks?.[id]?.severity;
    rows.push({ key: `checks.${id}.severity`, value: own ?? 'error', origin: own ? at(`checks.${id}.severity`) : { kind: 'default' } });
  }
  const suppressions = config.suppressions?.length ?? 0;
  rows.push({
    key: 'suppressions',
    value: config.suppressionsFile ?? `${suppressions} entr${suppressions === 1 ? 'y' : 'ies'}`,
    origin: config.suppressionsFile || config.suppressions ? at('suppressions') : { kind: 'default' },
    ...(config.suppressionsFile ? { path: true } : {}),
  });
  rows.push({ key: 'baseline', value: run.baseline.value ?? null, origin: run.baseline.origin, path: true });
  rows.push({ key: 'format.check', value: run.format.value, origin: run.format.origin });
  rows.push({ key: 'format.compare', value: run.compareFormat.value, origin: run.compareFormat.origin });
  rows.push({ key: 'fail_on', value: run.failOn.value, origin: run.failOn.origin });
  for (const e of config.encodings ?? []) rows.push({ key: `encodings.${e.pattern}`, value: e.encoding, origin: at(`encodings.${e.pattern}`) });
  for (const m of config.sources ?? []) rows.push({ key: `sources.${m.pattern}`, value: m.source, origin: at(`sources.${m.pattern}`), path: true });
  const clean = cleanSettings(config, opts.cleanFlags ?? {});
  rows.push({ key: 'clean.enabled', value: clean.enabled.value, origin: clean.enabled.origin });
  rows.push({ key: 'clean.patterns', value: clean.patterns.value, origin: clean.patterns.origin });
  rows.push({ key: 'clean.builtin_rules', value: clean.builtinRules.value, origin: clean.builtinRules.origin });
  rows.push({ key: 'xliff.protected_segments', value: run.protectedSegments.value, origin: run.protectedSegments.origin });
  for (const def of ENGINES.values()) {
    for (const spec of def.settings) {
      const flag = config.flags?.[def.name]?.[spec.key];
      const env = spec.env ? opts.env[spec.env] : undefined;
      const file = config.engines[def.name]?.[spec.key];
      const origin = engineSettingOrigin(config, def.name, spec.key, opts.env);
      if (!origin) continue;
      const value = (flag ?? (env || undefined) ?? file)!;
      // A URL's password and query values are keys as much as a key setting is.
      rows.push({ key: `engines.${def.name}.${spec.yaml}`, value: spec.secret ? null : spec.url ? maskedUrl(value) : value, origin, ...(spec.secret ? { secret: true } : {}) });
    }
  }
  for (const name of ENGINES.keys()) {
    const price = config.prices[name] ?? opts.defaults.prices[name];
    if (price !== undefined) rows.push({ key: `prices.${name}`, value: price, origin: config.prices[name] !== undefined ? at(`prices.${name}`) : { kind: 'default' } });
  }
  rows.push({ key: 'concurrency', value: config.concurrency ?? opts.defaults.concurrency, origin: config.concurrency !== undefined ? at('concurrency') : { kind: 'default' } });
  rows.push({ key: 'cache', value: config.cache ?? opts.resolvePath(opts.defaults.cache), origin: config.cache !== undefined ? at('cache') : { kind: 'default' }, path: true });
  return rows;
}
