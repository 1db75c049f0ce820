/**
 * `vitrans config`: the effective configuration, every value with where it comes from (a flag,
 * an environment variable, the config file at file:line:col, or the default). Secrets are never
 * printed, only where they are set.
 */
import { resolve } from 'node:path';
import { loadConfig, withSettingFlags } from '../../config/load.js';
import { effectiveConfig, type ConfigRow, type ValueOrigin } from '../../config/effective.js';
import { DEFAULT_PRICES_USD_PER_MILLION } from '../../translate/estimate.js';
import { DEFAULT_CACHE_PATH } from '../../store/types.js';
import { shownPath } from '../format-error.js';
import type { CliIO } from '../io.js';
import { DEFAULT_CONCURRENCY } from './translate.js';

/** Options of `vitrans config`. */
export interface ConfigOptions {
  config?: string;
  set?: string[];
  glossary?: string;
  format: 'text' | 'json';
}

/** Runs `vitrans config`. Exit code 0 (a bad config file is a user error, exit 2, at file:line:col). */
export async function configCommand(opts: ConfigOptions, io: CliIO): Promise<number> {
  const config = withSettingFlags(await loadConfig({ path: opts.config, cwd: io.cwd, env: io.env }), opts.set);
  io.registerSecrets(config.secrets);
  const rows = effectiveConfig(config, {
    env: io.env,
    flags: { glossary: opts.glossary },
    resolvePath: (p) => resolve(io.cwd, p),
    defaults: { glossary: 'glossary.yaml', concurrency: DEFAULT_CONCURRENCY, cache: DEFAULT_CACHE_PATH, prices: DEFAULT_PRICES_USD_PER_MILLION },
  });
  const shown = (row: ConfigRow): ConfigRow['value'] => (row.path && typeof row.value === 'string' ? shownPath(row.value, io.cwd) : row.value);
  if (opts.format === 'json') {
    const out = {
      file: config.file ? shownPath(config.file, io.cwd) : null,
      values: rows.map((r) => ({ key: r.key, value: r.secret ? null : shown(r), secret: Boolean(r.secret), origin: originJson(r.origin, io.cwd) })),
    };
    io.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return 0;
  }
  io.stdout.write(formatConfigRows(rows.map((r) => ({ ...r, value: shown(r) })), config.file ? shownPath(config.file, io.cwd) : undefined, io.cwd));
  return 0;
}

/**
 * The rows as aligned `key  value  origin` lines under a headline naming the config file.
 * @example formatConfigRows(rows, 'vitrans.config.yaml', '/proj')
 * // checks.term-missing.severity  warning  vitrans.config.yaml:4:19
 */
export function formatConfigRows(rows: readonly ConfigRow[], file: string | undefined, cwd: string): string {
  const cells = rows.map((r) => [r.key, r.secret ? '(set, not shown)' : valueText(r.value), originText(r.origin, cwd)] as const);
  const keyWidth = cells.reduce((w, c) => Math.max(w, c[0].length), -Infinity);
  const valueWidth = Math.min(40, cells.reduce((w, c) => Math.max(w, c[1].length), -Infinity));
  const head = file ? `Configuration from ${file} (flags > environment > file > default)` : 'No config file (vitrans.config.yaml): defaults, environment and flags';
  return [head, ...cells.map(([k, v, o]) => `${k.padEnd(keyWidth)}  ${v.padEnd(valueWidth)}  ${o}`.trimEnd())].join('\n') + '\n';
}

function valueText(value: ConfigRow['value']): string {
  if (value === null) return '-';
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  return String(value);
}

function originText(origin: ValueOrigin, cwd: string): string {
  switch (origin.kind) {
    case 'default':
      return 'default';
    case 'flag':
      return origin.name;
    case 'env':
      return `env ${origin.name}`;
    case 'file':
      return `${shownPath(origin.at.file, cwd)}:${origin.at.line}:${origin.at.column}`;
  }
}

function originJson(origin: ValueOrigin, cwd: string) {
  return origin.kind === 'file' ? { kind: 'file', file: shownPath(origin.at.file, cwd), line: origin.at.line, column: origin.at.column } : origin;
}
