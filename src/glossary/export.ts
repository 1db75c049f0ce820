/**
 * The glossary as engines take it: plain term pairs, a Google Cloud Translation glossary CSV, or
 * DeepL glossary TSV entries. The writers live with the other glossary formats in
 * ./interchange/delimited.ts; this is their engine-facing entry point.
 */
import { deeplTsv, googleCsv, termPairs } from './interchange/delimited.js';
import type { Glossary } from './types.js';

export { termPairs };

/** Export formats `exportGlossary` writes. */
export type GlossaryExportFormat = 'google-csv' | 'deepl-tsv';

/** Options for `exportGlossary`. */
export interface GlossaryExportOptions {
  /**
   * `google-csv` only: write a language-code header row (default false). A unidirectional
   * (`languagePair`) glossary, which is what vi→en translation uses, must have no header; an
   * equivalent-term-sets (`languageCodesSet`) file starts with one: pass true for that.
   */
  header?: boolean;
}

/**
 * The glossary in an engine's upload format.
 * - `google-csv`: two-column CSV (source, target) for a unidirectional glossary, no header unless
 *   `header: true` (then `vi,en`), RFC 4180 quoting, CRLF line ends.
 * - `deepl-tsv`: `source<TAB>target` per line, no header; validated as DeepL requires.
 * @throws GlossaryError when a DeepL entry has a tab, line break or control character, or a source repeats with another target.
 * @example exportGlossary(glossary, 'google-csv') → 'Bộ Quốc phòng,Ministry of Defense\r\n...'
 */
export function exportGlossary(glossary: Glossary, format: GlossaryExportFormat, options: GlossaryExportOptions = {}): string {
  return format === 'google-csv' ? googleCsv(glossary, options.header === true) : deeplTsv(glossary);
}
