/** Helpers for interchange tests: run an import to a loaded glossary, and compare glossaries field by field. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeXml } from '../../../src/formats/xml.js';
import { importedGlossaryYaml } from '../../../src/glossary/interchange/index.js';
import type { GlossaryImport } from '../../../src/glossary/interchange/types.js';
import { loadGlossary, parseGlossary } from '../../../src/glossary/load.js';
import type { Glossary, GlossaryEntry } from '../../../src/glossary/types.js';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const FIXTURES = resolve(import.meta.dirname, 'fixtures');

/** The shipped glossary (47 entries with every field vitrans has). */
export const shippedGlossary = (): Promise<Glossary> => loadGlossary(resolve(ROOT, 'glossary.yaml'));

/** A fixture decoded as the importers read it. */
export function fixture(name: string): { file: string; text: string } {
  return decodeXml(readFileSync(resolve(FIXTURES, name)), name);
}

/** An import written as glossary.yaml and loaded again, as `vitrans glossary import` would leave it. */
export function loadImported(imported: GlossaryImport): { glossary: Glossary; yaml: string } {
  const { text } = importedGlossaryYaml(imported, 'imported.yaml');
  return { glossary: parseGlossary(text, 'imported.yaml'), yaml: text };
}

/** Every field vitrans has of an entry, positions left out. */
export function fields(e: GlossaryEntry): Omit<GlossaryEntry, 'location' | 'tests'> & { tests: unknown[] } {
  const { location: _location, tests, ...rest } = e;
  return { ...rest, tests: tests.map(({ line: _l, column: _c, ...t }) => t) };
}
