/**
 * Check options: each check declares its options with defaults (`CheckMeta.options`); what a
 * user gives (config file, library call) is validated against that once, before any checking.
 */
import { ConfigError } from '../core/errors.js';
import { closestName } from '../core/suggest.js';
import type { CheckMeta, CheckOptionSpec, CheckOptionValues } from './types.js';

/**
 * A check's options: its defaults, overridden by `given`.
 * @throws ConfigError naming the check and option for an unknown option or a value of the wrong type.
 * @example resolveCheckOptions(lengthRatio.meta, { min: 0.4 }) // { min: 0.4, max: 2.6 }
 */
export function resolveCheckOptions(meta: CheckMeta, given: Readonly<Record<string, unknown>>): CheckOptionValues {
  const specs = meta.options ?? {};
  const out: Record<string, number | boolean | string | readonly string[]> = {};
  for (const [name, spec] of Object.entries(specs)) out[name] = spec.default;
  for (const [name, value] of Object.entries(given)) {
    const spec = specs[name];
    if (!spec) {
      const known = Object.keys(specs);
      const guess = closestName(name, known);
      throw new ConfigError(`check "${meta.id}" has no option "${name}"`, {
        hint: guess ? `did you mean "${guess}"?` : known.length ? `its options: ${known.join(', ')}` : 'it takes no options',
      });
    }
    out[name] = checkValue(meta.id, name, spec, value);
  }
  return out;
}

function checkValue(id: string, name: string, spec: CheckOptionSpec, value: unknown): number | boolean | string | readonly string[] {
  // JSON would show YAML's .inf, .nan and 1e400 as "null", a value the user never wrote.
  const shown = typeof value === 'number' ? String(value) : JSON.stringify(value);
  const bad = (want: string): ConfigError => new ConfigError(`option "${name}" of check "${id}" must be ${want}, got ${shown}`);
  switch (spec.type) {
    case 'number':
      if (typeof value !== 'number') throw bad('a number');
      if (!Number.isFinite(value)) throw bad('a finite number');
      if (spec.min !== undefined && value < spec.min) throw bad(`at least ${spec.min}`);
      if (spec.max !== undefined && value > spec.max) throw bad(`at most ${spec.max}`);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw bad('true or false');
      return value;
    case 'string':
      if (typeof value !== 'string') throw bad('a string');
      if (spec.values && !spec.values.includes(value)) throw bad(`one of ${spec.values.join(', ')}`);
      return value;
    case 'string[]':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw bad('a list of strings');
      if (spec.values && value.some((v) => !spec.values!.includes(v))) throw bad(`a list of ${spec.values.join(', ')}`);
      return value as string[];
  }
}
