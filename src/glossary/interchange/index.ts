/**
 * Glossary interchange: importing TBX, CSV/TSV spreadsheets and engine files, and TMX glossaries
 * into glossary.yaml (new, or merged into an existing one), and exporting glossary.yaml as TBX-Basic,
 * spreadsheets or engine upload files.
 */
import { readFile } from 'node:fs/promises';
import { UsageError } from '../../core/errors.js';
import { decodeXml } from '../../formats/xml.js';
import { readError } from '../../text/read.js';
import type { Glossary } from '../types.js';
import { deeplTsv, googleCsv, readDelimited, spreadsheet } from './delimited.js';
import { planMerge, type MergePlan } from './merge.js';
import { readTbx } from './tbx.js';
import { writeTbx } from './tbx.js';
import { readTmxGlossary } from './tmx-glossary.js';
import type { GlossaryImport, GlossaryImportFormat, GlossaryInterchangeFormat } from './types.js';
import { mergedGlossaryYaml, newGlossaryYaml } from './yaml-out.js';

export type * from './types.js';
export type { MergePlan } from './merge.js';
export { readTbx, writeTbx } from './tbx.js';
export { readDelimited, spreadsheet, SPREADSHEET_COLUMNS } from './delimited.js';
export { readTmxGlossary } from './tmx-glossary.js';

/** Import formats by file extension. */
export function importFormatOf(path: string): GlossaryImportFormat | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext === 'tbx' || ext === 'xml' || ext === 'mtf') return 'tbx';
  if (ext === 'tmx') return 'tmx';
  if (ext === 'tsv' || ext === 'tab') return 'tsv';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  return undefined;
}

/**
 * Reads a termbase, spreadsheet or TMX glossary. `shown` is the path used in messages.
 * @throws InputError (unreadable, malformed, no Vietnamese), UsageError (format not given and not told by the extension)
 */
export async function readGlossaryFile(path: string, shown: string, format?: GlossaryImportFormat): Promise<GlossaryImport> {
  const kind = format ?? importFormatOf(path);
  if (!kind) throw new UsageError(`cannot tell the format of ${shown} from its name`, { hint: 'pass --format tbx|csv|tsv|tmx' });
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw readError(err, shown);
  }
  // XML and Excel's "Unicode text" alike may be UTF-16: decode by BOM, as XML is.
  const source = decodeXml(bytes, shown);
  if (kind === 'tbx') return readTbx(source);
  if (kind === 'tmx') return readTmxGlossary(source);
  return readDelimited(source.text, shown, { kind });
}

/** The glossary.yaml text an import produces, and what was done. */
export interface ImportOutcome {
  text: string;
  plan: MergePlan;
}

/**
 * Turns an import into glossary.yaml text: a new glossary, or `existing` (its text and the loaded
 * glossary) with the imported entries merged in. The result always loads.
 * @throws GlossaryError for conflicts, reported as the loader reports them, at the imported entry
 */
export function importedGlossaryYaml(imported: GlossaryImport, outputPath: string, existing?: { text: string; glossary: Glossary }): ImportOutcome {
  const plan = planMerge(imported, { ...(existing ? { existing: existing.glossary } : {}), groupByEnglish: isPairFile(imported) });
  const text = existing ? mergedGlossaryYaml(existing.text, existing.glossary, plan) : newGlossaryYaml(imported, plan, outputPath);
  return { text, plan };
}

/** Two-column files write one row per Vietnamese variant: their rows with one English are one entry. */
function isPairFile(imported: GlossaryImport): boolean {
  return imported.format === 'tmx' || imported.entries.every((e) => e.id === undefined && e.accepted.length === 0 && e.note === undefined && e.forbidden.length === 0);
}

/**
 * The glossary in an interchange format: `tbx` (TBX-Basic), `csv`/`tsv` (a spreadsheet with every
 * field), `deepl-tsv` and `google-csv` (engine uploads).
 */
export function exportGlossaryAs(glossary: Glossary, format: GlossaryInterchangeFormat, toolVersion: string): string {
  switch (format) {
    case 'tbx':
      return writeTbx(glossary, { toolVersion });
    case 'csv':
    case 'tsv':
      return spreadsheet(glossary, format);
    case 'deepl-tsv':
      return deeplTsv(glossary);
    case 'google-csv':
      return googleCsv(glossary);
  }
}
