/** How a translation file's name says what it is: which engine made it, whether it is bilingual JSON. */
import { basename } from 'node:path';
import { AlignmentError, InputError, UsageError } from '../core/errors.js';
import { splitParagraphs } from '../text/paragraphs.js';
import { vietnameseShare } from '../text/vietnamese.js';
import { formatByExtension } from './registry.js';

/**
 * The engine name a translation file stands for: the part of its name before `.en.txt`, `.txt`,
 * `.md`, `.docx` or `.json`, after the last dot.
 * @example engineNameFromFile('out/article.deepl.en.txt') === 'deepl'
 * @example engineNameFromFile('google-v2.txt') === 'google-v2'
 */
export function engineNameFromFile(path: string): string {
  const stem = basename(path).replace(/(\.en)?\.(txt|json|md|docx)$/i, '');
  const name = stem.slice(stem.lastIndexOf('.') + 1);
  if (name === '') {
    throw new UsageError(`cannot tell which engine ${path} is from its name`, { hint: 'name translation files ENGINE.en.txt, e.g. deepl.en.txt' });
  }
  return name;
}

/** Whether a path is a TMX translation memory (a set of aligned pairs). */
export function isTmxPath(path: string): boolean {
  return formatByExtension(path) === 'tmx';
}

/** Whether a path is the translator's bilingual JSON (rather than a plain translation). */
export function isBilingualPath(path: string): boolean {
  return formatByExtension(path) === 'bilingual-json';
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

/**
 * Stops when a bilingual file was translated from another text than the source given with it.
 * @throws AlignmentError naming the first paragraph that differs
 */
export function assertTranslatesSource(bilingualSources: readonly string[], bilingualPath: string, sourceText: string, sourcePath: string): void {
  assertSameSourceParagraphs(bilingualSources, bilingualPath, splitParagraphs(sourceText).map((p) => p.text), sourcePath);
}

/**
 * Stops when a bilingual file's source paragraphs are not `expected` (the source's paragraphs as
 * translate cut them: Markdown segments, the cleaned text's paragraphs), compared in NFC.
 * @throws AlignmentError naming the first paragraph that differs
 */
export function assertSameSourceParagraphs(bilingualSources: readonly string[], bilingualPath: string, expected: readonly string[], sourcePath: string): void {
  const firstDiff = firstDifferentParagraph(bilingualSources, expected);
  if (firstDiff >= 0) {
    throw new AlignmentError(
      `${bilingualPath} is a translation of a different text than ${sourcePath}: its source paragraphs differ from paragraph ${firstDiff + 1} on (${bilingualSources.length} vs ${expected.length} paragraphs)`,
      { location: { file: bilingualPath }, hint: 'give it with the source it was translated from, or alone' },
    );
  }
}

/** Index of the first paragraph where two lists differ (NFC), the shorter length when one is a prefix, -1 when equal. */
export function firstDifferentParagraph(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i]!.normalize('NFC') !== b[i]!.normalize('NFC')) return i;
  return a.length === b.length ? -1 : n;
}
