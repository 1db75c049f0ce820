/** How a translation file's name says what it is: which engine made it, whether it is bilingual JSON. */
import { basename } from 'node:path';
import { UsageError } from '../core/errors.js';

/**
 * The engine name a translation file stands for: the part of its name before `.en.txt`, `.txt`
 * or `.json`, after the last dot.
 * @example engineNameFromFile('out/article.deepl.en.txt') === 'deepl'
 * @example engineNameFromFile('google-v2.txt') === 'google-v2'
 */
export function engineNameFromFile(path: string): string {
  const stem = basename(path).replace(/(\.en)?\.(txt|json|md)$/i, '');
  const name = stem.slice(stem.lastIndexOf('.') + 1);
  if (name === '') {
    throw new UsageError(`cannot tell which engine ${path} is from its name`, { hint: 'name translation files ENGINE.en.txt, e.g. deepl.en.txt' });
  }
  return name;
}

/** Whether a path is the translator's bilingual JSON (rather than a plain translation). */
export function isBilingualPath(path: string): boolean {
  return /\.json$/i.test(path);
}
