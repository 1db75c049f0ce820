/**
 * Built-in checks by id, sorted. A new check is one module in ./rules plus one line here.
 */
import { ConfigError } from '../core/errors.js';
import type { Check } from './types.js';
import { numberMismatch } from './rules/number-mismatch.js';
import { sourceCorrupted } from './rules/source-corrupted.js';
import { termForbidden } from './rules/term-forbidden.js';
import { termMissing } from './rules/term-missing.js';
import { untranslated } from './rules/untranslated.js';

const CHECKS: ReadonlyMap<string, Check> = new Map(
  [numberMismatch, sourceCorrupted, termForbidden, termMissing, untranslated].sort((a, b) => a.meta.id.localeCompare(b.meta.id)).map((c) => [c.meta.id, c]),
);

/** Every built-in check. */
export function allChecks(): Check[] {
  return [...CHECKS.values()];
}

/**
 * The checks with these ids.
 * @throws ConfigError for an unknown id, naming the known ones.
 */
export function checksById(ids: readonly string[]): Check[] {
  return ids.map((id) => {
    const check = CHECKS.get(id);
    if (!check) throw new ConfigError(`unknown check "${id}"`, { hint: `known checks: ${[...CHECKS.keys()].join(', ')}` });
    return check;
  });
}
