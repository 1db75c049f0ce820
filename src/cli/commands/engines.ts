/**
 * `vitrans engines`: every engine, whether it is configured (or what is missing), its glossary
 * support and batch limits. Never prints a setting's value.
 */
import pc from 'picocolors';
import { ENGINES } from '../../engines/registry.js';
import type { EngineCapabilities } from '../../engines/types.js';
import { loadConfig, resolveEngineSettings, withSettingFlags, type VitransConfig } from '../../config/load.js';
import type { CliIO } from '../io.js';

/** One row of the engines table (also the JSON output's items). */
export interface EngineRow {
  name: string;
  description: string;
  configured: boolean;
  missing?: string;
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
    const status = def.status(resolveEngineSettings(def.name, config, env));
    return {
      name: def.name,
      description: def.description,
      configured: status.configured,
      ...(status.missing ? { missing: status.missing } : {}),
      glossary: def.capabilities.glossary,
      maxTexts: def.capabilities.maxTexts,
      maxChars: def.capabilities.maxChars,
      env: def.settings.flatMap((s) => (s.env ? [s.env] : [])),
      ...(config.prices[def.name] !== undefined ? { price: config.prices[def.name] } : {}),
    };
  });
}

/** Lays the rows out as an aligned text table. */
export function formatEngineTable(rows: EngineRow[], color: boolean): string {
  const paint = pc.createColors(color);
  const header = ['ENGINE', 'STATUS', 'GLOSSARY', 'BATCH', 'DESCRIPTION'];
  const cells = rows.map((r) => [
    r.name,
    r.configured ? 'configured' : `missing: ${r.missing ?? 'settings'}`,
    r.glossary,
    `${r.maxTexts} texts / ${r.maxChars.toLocaleString('en-US')} chars`,
    r.description + (r.price !== undefined ? ` ($${r.price}/M chars)` : ''),
  ]);
  const widths = header.map((h, i) => cells.reduce((w, c) => Math.max(w, c[i]!.length), h.length));
  const line = (c: string[]): string => c.map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i]!))).join('  ').trimEnd();
  const out = [paint.bold(line(header))];
  cells.forEach((c, i) => {
    const text = line(c);
    out.push(rows[i]!.configured ? text : paint.yellow(text));
  });
  return out.join('\n') + '\n';
}

/** The `engines` command. Returns the exit code. */
export async function enginesCommand(opts: { config?: string; set?: string[]; format: 'text' | 'json' }, io: CliIO): Promise<number> {
  const config = withSettingFlags(await loadConfig({ path: opts.config, cwd: io.cwd, env: io.env }), opts.set);
  io.registerSecrets(config.secrets);
  const rows = engineRows(config, io.env);
  io.stdout.write(opts.format === 'json' ? JSON.stringify(rows, null, 2) + '\n' : formatEngineTable(rows, io.color));
  return 0;
}
