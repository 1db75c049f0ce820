/**
 * TMX glossaries (Google Cloud Translation accepts one as a unidirectional glossary): each unit
 * with a Vietnamese and an English variant is a term pair; pairs with the same English are one
 * entry; notes and props go into the note.
 */
import { readTmx, tmxPairs, noPairsError } from '../../formats/tmx.js';
import type { XmlSource } from '../../formats/xml.js';
import { emptyDraft, Notices, type EntryDraft, type GlossaryImport } from './types.js';

/** Units longer than this many words look like sentences of a translation memory, not terms. */
const TERM_WORDS = 12;

/**
 * Reads a TMX glossary.
 * @throws InputError for malformed XML, a file that is not TMX, or one without a Vietnamese–English pair
 */
export function readTmxGlossary(source: XmlSource): GlossaryImport {
  const doc = readTmx(source);
  const { sets, skipped } = tmxPairs(doc);
  if (sets.length === 0) throw noPairsError(doc);
  const notices = new Notices();
  if (skipped.first) notices.add('no-pair', 'unit without a Vietnamese or an English variant skipped', { file: doc.file, ...skipped.first.position }, skipped.count);
  const entries: EntryDraft[] = [];
  for (const { pairs } of sets) {
    for (const { unit, vi, en } of pairs) {
      const origin = { file: doc.file, line: unit.position.line, column: unit.position.column };
      const words = en.segment.text.split(/\s+/).length;
      if (words > TERM_WORDS) notices.add('long', `units over ${TERM_WORDS} words imported as terms: is this a translation memory rather than a glossary?`, origin);
      const notes = [...unit.notes, ...vi.notes, ...en.notes, ...unit.props.map((p) => `${p.type}: ${p.value}`)];
      if (unit.props.length) notices.add('props', 'unit properties kept in the note', origin);
      entries.push({ ...emptyDraft(origin), vi: vi.segment.text, en: en.segment.text, ...(notes.length ? { note: notes.join('\n') } : {}) });
    }
  }
  return { file: doc.file, format: 'tmx', entries, notices: notices.lines() };
}
