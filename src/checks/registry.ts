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
import { acronymMismatch } from './rules/acronym-mismatch.js';
import { lengthRatio } from './rules/length-ratio.js';
import { bracketMismatch } from './rules/bracket-mismatch.js';
import { quoteMismatch } from './rules/quote-mismatch.js';
import { doubledWord } from './rules/doubled-word.js';
import { doubleSpace } from './rules/double-space.js';
import { finalPunctuation } from './rules/final-punctuation.js';
import { verbatimMismatch } from './rules/verbatim-mismatch.js';
import { inconsistentTranslation } from './rules/inconsistent-translation.js';
import { termInconsistent } from './rules/term-inconsistent.js';

const CHECKS: ReadonlyMap<string, Check> = new Map(
  [
    numberMismatch,
    sourceCorrupted,
    termForbidden,
    termMissing,
    untranslated,
    acronymMismatch,
    lengthRatio,
    bracketMismatch,
    quoteMismatch,
    doubledWord,
    doubleSpace,
    finalPunctuation,
    verbatimMismatch,
    inconsistentTranslation,
    termInconsistent,
  ]
    .sort((a, b) => a.meta.id.localeCompare(b.meta.id))
    .map((c) => [c.meta.id, c]),
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
