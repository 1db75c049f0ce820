/**
 * The glossary as engines take it: plain term pairs, a Google Cloud Translation glossary CSV, or
 * DeepL glossary TSV entries.
 */
import { GlossaryError } from '../core/errors.js';
import type { TermPair } from '../core/types.js';
import type { Glossary } from './types.js';

/** Export formats `exportGlossary` writes. */
export type GlossaryExportFormat = 'google-csv' | 'deepl-tsv';

/**
 * Source→target pairs: each entry's `vi` and every `vi_variants` item → its `en`, in glossary
 * order, identical pairs once.
 * @example termPairs(glossary)[0] → { source: 'Thiết bị đánh chặn pha bay', target: 'Glide Phase Interceptor' }
 */
export function termPairs(glossary: Glossary): TermPair[] {
  // Sources in NFC, each pair once. The loader already refuses one source with two renderings;
  // the exports check it again for glossaries built in code.
  const pairs: TermPair[] = [];
  const seen = new Set<string>();
  for (const entry of glossary.entries) {
    for (const vi of [entry.vi, ...entry.viVariants]) {
      const source = vi.normalize('NFC');
      const key = `${source}\u0000${entry.en}`;
      if (seen.has(key)) continue;
      seen.add(key);
      pairs.push({ source, target: entry.en });
    }
  }
  return pairs;
}

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
  const pairs = termPairs(glossary);
  if (format === 'google-csv') {
    const header = options.header === true ? [[glossary.sourceLanguage, glossary.targetLanguage]] : [];
    const rows = [...header, ...pairs.map((p) => [p.source, p.target])];
    return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
  }
  return deeplTsv(glossary, pairs);
}

/** An RFC 4180 field: quoted (with doubled quotes) when it holds a comma, quote or line break. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** C0/C1 controls (tab and newlines included) and the Unicode line/paragraph separators: DeepL refuses them in entries. */
function forbiddenCharIn(term: string): string | undefined {
  for (const c of term) {
    const code = c.charCodeAt(0);
    if (code <= 0x1f || (code >= 0x80 && code <= 0x9f) || code === 0x2028 || code === 0x2029) return c;
  }
  return undefined;
}

function deeplTsv(glossary: Glossary, pairs: TermPair[]): string {
  const targets = new Map<string, string>();
  const entryOf = (term: string) => glossary.entries.find((e) => e.vi === term || e.viVariants.includes(term) || e.en === term);
  for (const { source, target } of pairs) {
    for (const term of [source, target]) {
      const bad = forbiddenCharIn(term);
      if (bad !== undefined) {
        const entry = entryOf(term);
        throw new GlossaryError(
          `DeepL glossary entries cannot contain ${describeChar(bad)}: ${JSON.stringify(term)}`,
          { location: { file: glossary.file, ...(entry ? { line: entry.location.line, column: entry.location.column } : {}) }, hint: 'Remove the character from the term.' },
        );
      }
    }
    const earlier = targets.get(source);
    if (earlier !== undefined && earlier !== target) {
      const entry = glossary.entries.find((e) => (e.vi === source || e.viVariants.includes(source)) && e.en === target);
      throw new GlossaryError(`DeepL glossaries allow one target per source, but "${source}" maps to "${earlier}" and "${target}"`, {
        location: { file: glossary.file, ...(entry ? { line: entry.location.line, column: entry.location.column } : {}) },
        hint: 'Keep one rendering for this Vietnamese term (or put the other under `accepted`).',
      });
    }
    targets.set(source, target);
  }
  return pairs.map((p) => `${p.source}\t${p.target}`).join('\n') + (pairs.length > 0 ? '\n' : '');
}

function describeChar(c: string): string {
  if (c === '\t') return 'a tab';
  if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029') return 'a line break';
  return `the control character U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;
}
