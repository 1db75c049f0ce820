/**
 * What glossary importers produce: entries as glossary.yaml would hold them, each with the place
 * in the imported file it came from, and notices saying what could not be mapped.
 */
import type { Severity } from '../../core/types.js';
import type { ForbiddenRendering } from '../types.js';

/** Formats `vitrans glossary import` reads. */
export type GlossaryImportFormat = 'tbx' | 'csv' | 'tsv' | 'tmx';

/** Formats `vitrans glossary export` writes. */
export type GlossaryInterchangeFormat = 'tbx' | 'csv' | 'tsv' | 'deepl-tsv' | 'google-csv';

/** A self-test as glossary.yaml writes it (no position: it has not been written yet). */
export type TestSpec = { kind: 'vi' | 'not_vi' | 'en' | 'not_en'; text: string } | { kind: 'fix'; from: string; to: string };

/** Where an imported entry came from: file:line:col of its concept, row or unit. */
export interface ImportOrigin {
  file: string;
  line: number;
  column: number;
}

/**
 * One concept read from a termbase, a spreadsheet row or a TMX unit, in glossary.yaml's terms.
 * @example { vi: 'Bộ Quốc phòng', viVariants: [], en: 'Ministry of Defense', accepted: ['Defense Ministry'], ... }
 */
export interface EntryDraft {
  /** The file's own id for it, when it has one (made kebab-case and unique when written). */
  id?: string;
  vi: string;
  viVariants: string[];
  en: string;
  accepted: string[];
  forms: string[];
  forbidden: ForbiddenRendering[];
  acronym?: string;
  caseSensitive: boolean;
  note?: string;
  /** glossary.yaml's `severity` of every finding about the entry. */
  severity?: Severity;
  tests: TestSpec[];
  origin: ImportOrigin;
}

/** What an importer read: entries, the glossary's name and languages when the file says, and notices. */
export interface GlossaryImport {
  file: string;
  format: GlossaryImportFormat;
  name?: string;
  /** Language tags as the file writes them (`vi-VN`), when not plain `vi`/`en`. */
  sourceLanguage?: string;
  targetLanguage?: string;
  entries: EntryDraft[];
  /** One line each: what was not imported or was put elsewhere, and why (counts aggregated). */
  notices: string[];
}

/**
 * Gathers importer notices, counting repeats: `add('transactions', 'dropped … records', where)`
 * said 48 times becomes one line with the count and the first place.
 */
export class Notices {
  private readonly byKey = new Map<string, { message: string; count: number; where?: string }>();

  /** Records `count` (default 1) occurrences of a kind of notice; `message` and `where` are kept from the first. */
  add(key: string, message: string, where?: ImportOrigin, count = 1): void {
    const seen = this.byKey.get(key);
    if (seen) seen.count += count;
    else this.byKey.set(key, { message, count, ...(where ? { where: `${where.file}:${where.line}:${where.column}` } : {}) });
  }

  /** The notices, one line each: `FILE:LINE:COL: message (×N)`. */
  lines(): string[] {
    return [...this.byKey.values()].map((n) => `${n.where ? `${n.where}: ` : ''}${n.message}${n.count > 1 ? ` (×${n.count}, first here)` : ''}`);
  }
}

/** An empty draft at `origin`, to be filled by an importer. */
export function emptyDraft(origin: ImportOrigin): Omit<EntryDraft, 'vi' | 'en'> {
  return { viVariants: [], accepted: [], forms: [], forbidden: [], caseSensitive: false, tests: [], origin };
}
