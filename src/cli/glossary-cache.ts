import { resolve } from 'node:path';

/**
 * Where the CLI keeps compiled glossaries (see src/glossary/compiled.ts): beside the translation
 * cache, in `.vitrans-cache/glossaries` of the working directory.
 */
export function glossaryCacheDir(cwd: string): string {
  return resolve(cwd, '.vitrans-cache', 'glossaries');
}
