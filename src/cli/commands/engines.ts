/**
 * `vitrans engines`: every engine, whether it is configured (or what is missing), its glossary
 * support and batch limits. Never prints a setting's value.
 */
import pc from 'picocolors';
import { ENGINES, serverUrlProblem } from '../../engines/registry.js';
import type { EngineCapabilities } from '../../engines/types.js';
import { loadConfig, resolveEngineSettings, withSettingFlags, type VitransConfig } from '../../config/load.js';
import type { CliIO } from '../io.js';
import { wrapWords } from '../../report/escape.js';

/** One row of the engines table (also the JSON output's items). */
export interface EngineRow {
  name: string;
  description: string;
  configured: boolean;
  missing?: string;
  /** Why a setting that is present cannot be used (a server URL translate would refuse); `configured` is then false. */
  invalid?: string;
  glossary: EngineCapabilities['glossary'];
  maxTexts: number;
  maxChars: number;
  /** Environment variables the engine reads. */
  env: string[];
  /** USD per million characters, from the config file. */
  price?: number;
}

/**
 * Builds the rows from the config and environment.
 * @example engineRows(config, { DEEPL_AUTH_KEY: '…' })[0] → { name: 'deepl', configured: true, … }
 */
export function engineRows(config: Pick<VitransConfig, 'engines' | 'prices' | 'flags'>, env: Readonly<Record<string, string | undefined>>): EngineRow[] {
  return [...ENGINES.values()].map((def) => {
    const settings = resolveEngineSettings(def.name, config, env);
    const status = def.status(settings);
    const invalid = serverUrlProblem(def.name, settings);
    return {
      name: def.name,
      description: def.description,
      configured: status.configured && !invalid,
      ...(status.missing ? { missing: status.missing } : {}),
      ...(invalid ? { invalid } : {}),
      glossary: def.capabilities.glossary,
      maxTexts: def.capabilities.maxTexts,
      maxChars: def.capabilities.maxChars,
      env: def.settings.flatMap((s) => (s.env ? [s.env] : [])),
      ...(config.prices[def.name] !== undefined ? { price: config.prices[def.name] } : {}),
    };
  });
}

/** The widest the engines table gets: it fits a 100-column terminal or a CI log. */
export const ENGINE_TABLE_WIDTH = 100;

/**
 * Lays the rows out as an aligned text table within `width` columns: one row per engine, its
 * description wrapped in the last column, and what an unconfigured engine misses (or the setting it
 * cannot use) on the lines below.
 */
export function formatEngineTable(rows: EngineRow[], color: boolean, width = ENGINE_TABLE_WIDTH): string {
  const paint = pc.createColors(color);
  const header = ['ENGINE', 'STATUS', 'GLOSSARY', 'BATCH', 'DESCRIPTION'];
  const cells = rows.map((r) => [
    r.name,
    r.configured ? 'configured' : r.invalid ? 'invalid' : 'missing',
    r.glossary,
    `${r.maxTexts} texts / ${r.maxChars.toLocaleString('en-US')} chars`,
    r.description + (r.price !== undefined ? ` ($${r.price}/M chars)` : ''),
  ]);
  const widths = header.slice(0, -1).map((h, i) => cells.reduce((w, c) => Math.max(w, c[i]!.length), h.length));
  const descriptionAt = widths.reduce((n, w) => n + w + 2, 0);
  const room = Math.max(20, width - descriptionAt);
  const lead = (c: readonly string[]): string => c.slice(0, -1).map((v, i) => v.padEnd(widths[i]!)).join('  ') + '  ';
  const out = [paint.bold((lead(header) + header.at(-1)!).trimEnd())];
  cells.forEach((c, i) => {
    const row = rows[i]!;
    const [first = '', ...more] = wrapWords(c.at(-1)!, room);
    const lines = [lead(c) + first, ...more.map((m) => ' '.repeat(descriptionAt) + m)];
    // What is missing, under the status: the way to configure the engine.
    const statusAt = widths[0]! + 2;
    const problems = row.configured ? [] : [row.invalid, row.missing].filter((p) => p !== undefined);
    if (!row.configured) for (const m of (problems.length ? problems : ['settings are missing']).flatMap((p) => wrapWords(p, width - statusAt - 2))) lines.push(' '.repeat(statusAt + 2) + m);
    const text = lines.map((l) => l.trimEnd()).join('\n');
    out.push(row.configured ? text : paint.yellow(text));
  });
  return out.join('\n') + '\n';
}

/** The `engines` command. Returns the exit code. */
export async function enginesCommand(opts: { config?: string; set?: string[]; format: 'text' | 'json' }, io: CliIO): Promise<number> {
  const config = withSettingFlags(await loadConfig({ path: opts.config, cwd: io.cwd, env: io.env }), opts.set);
  io.registerSecrets(config.secrets);
  const rows = engineRows(config, io.env);
  io.stdout.write(opts.format === 'json' ? JSON.stringify(rows, null, 2) + '\n' : formatEngineTable(rows, io.color, Math.min(ENGINE_TABLE_WIDTH, io.stdout.columns ?? ENGINE_TABLE_WIDTH)));
  return 0;
}
