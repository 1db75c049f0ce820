/** How a translation file's name says what it is: which engine made it, whether it is bilingual JSON. */
import { basename } from 'node:path';
import { InputError, UsageError } from '../core/errors.js';
import { vietnameseShare } from '../text/vietnamese.js';

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

/**
 * Stops when a Vietnamese source is plainly not Vietnamese (most often: files given in the wrong
 * order, or an English file sent for translation), which would otherwise pass or be paid for.
 * @throws InputError
 */
export function assertVietnameseSource(text: string, shownPath: string, usage: string): void {
  const { share, words } = vietnameseShare(text);
  if (words >= 20 && share < 0.15) {
    throw new InputError(`this does not look like Vietnamese (${Math.round(share * 100)}% of its words have Vietnamese letters)`, {
      location: { file: shownPath },
      hint: `the Vietnamese source comes first: ${usage}`,
    });
  }
}
