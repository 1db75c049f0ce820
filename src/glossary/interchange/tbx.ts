/**
 * TBX termbases in and out. Reads TBX v3 (ISO 30042:2019: `<tbx>`, conceptEntry/langSec/termSec,
 * TBX-Basic and TBX-Core, DCA or DCT style) and TBX v2 (`<martif>`, termEntry/langSet/tig|ntig,
 * as Weblate, memoQ and MultiTerm export); writes TBX-Basic (DCA) valid against its RELAX NG
 * schema and Schematron rules.
 *
 * Mapping: administrativeStatus preferred → `en` (`vi`), admitted → `accepted` (`vi_variants`),
 * deprecated/superseded (and Weblate's forbidden/obsolete) → `forbidden`; termType acronym →
 * `acronym`; definitions, subject fields, notes and other termNotes → the entry's note.
 * What vitrans has and TBX-Basic has no data category for (case sensitivity, irregular forms,
 * negative self-tests) travels in `<note>`s that start with "vitrans:"; positive self-tests are
 * context sentences marked with the source "vitrans self-test".
 */
import { create } from 'xmlbuilder2';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { GlossaryError, InputError } from '../../core/errors.js';
import { childElements, firstNonXmlChar, isEnglishTag, isVietnameseTag, langOf, parseXml, plainText, type XmlElement, type XmlSource } from '../../formats/xml.js';
import { isAcronym } from '../inflect.js';
import type { Glossary, GlossaryEntry } from '../types.js';
import type { Severity } from '../../core/types.js';
import { SEVERITIES } from '../load.js';
import { parseAllowedContext } from '../allowed-context.js';
import { parseTest } from './delimited.js';
import { testItem } from './yaml-out.js';
import { emptyDraft, Notices, type EntryDraft, type GlossaryImport, type ImportOrigin, type TestSpec } from './types.js';

/** The TBX namespace of ISO 30042:2019. */
export const TBX_NS = 'urn:iso:std:iso:30042:ed-2';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** The `admin type="source"` of a context sentence that is a vitrans self-test, with its place among the entry's tests. */
const SELF_TEST_SOURCE = /^vitrans self-test (\d+)$/;
const VITRANS_NOTE = /^vitrans:\s*/;

type Status = 'preferred' | 'admitted' | 'forbidden';

/** administrativeStatus values (TBX-Basic's `…-admn-sts`, TBX's full list, Weblate's words) → what vitrans makes of them. */
function statusOf(value: string): Status | undefined {
  const v = value.trim().toLowerCase().replace(/-admn-sts$/, '').replace(/term$/, '');
  if (['preferred', 'standardized', 'legal', 'regulated'].includes(v)) return 'preferred';
  if (['admitted', 'accepted', 'approved'].includes(v)) return 'admitted';
  if (['deprecated', 'superseded', 'forbidden', 'obsolete', 'notrecommended', 'rejected'].includes(v)) return 'forbidden';
  return undefined;
}

/** One term of a language section, with everything said about it. */
interface TermRecord {
  text: string;
  status?: Status;
  type?: string;
  /** Human notes and termNotes for the entry's note, labelled. */
  notes: string[];
  /** vitrans notes on the term (`{ form: true }`). */
  vitrans: Record<string, unknown>[];
  /** Context sentences; `selfTest` is the test's place among the entry's tests when it is one of vitrans's. */
  contexts: { text: string; selfTest?: number }[];
  /** Text of `ref type="relatedTerm"`: for a forbidden term, what to use instead. */
  related?: string;
  origin: ImportOrigin;
}

/**
 * Reads a TBX file into entry drafts.
 * @throws InputError for a root that is not TBX, or a file in which no concept has a Vietnamese language section
 */
export function readTbx(source: XmlSource): GlossaryImport {
  const root = parseXml(source, { expected: 'a TBX termbase' });
  const where = (e: XmlElement): ImportOrigin => ({ file: source.file, line: e.start.line, column: e.start.column });
  if (root.name !== 'tbx' && root.name !== 'martif') {
    throw new InputError(`not a TBX file: the root element is <${root.name}>, not <tbx> or <martif>`, {
      location: where(root),
      hint: 'Pass a TBX termbase (TBX-Basic, TBX-Core or TBX 2 as memoQ, Trados MultiTerm and Weblate export it).',
    });
  }
  const notices = new Notices();
  const header = childElements(root, root.name === 'tbx' ? 'tbxHeader' : 'martifHeader')[0];
  const title = header ? find(header, 'title') : undefined;
  const body = childElements(childElements(root, 'text')[0] ?? root, 'body')[0];
  const concepts = body ? childElements(body).filter((c) => c.name === 'conceptEntry' || c.name === 'termEntry') : [];
  const langs = new Set<string>();
  let viTag: string | undefined;
  let enTag: string | undefined;
  const entries: EntryDraft[] = [];
  for (const concept of concepts) {
    const sections = childElements(concept).filter((e) => e.name === 'langSec' || e.name === 'langSet');
    for (const s of sections) langs.add(langOf(s));
    const vi = sections.filter((s) => isVietnameseTag(langOf(s)));
    const en = sections.filter((s) => isEnglishTag(langOf(s)));
    if (vi.length === 0 || en.length === 0) {
      notices.add(vi.length === 0 ? 'no-vi' : 'no-en', `concept without ${vi.length === 0 ? 'a Vietnamese' : 'an English'} language section skipped`, where(concept));
      continue;
    }
    viTag ??= langOf(vi[0]!);
    enTag ??= langOf(en[0]!);
    const draft = conceptDraft(concept, vi, en, where, notices);
    if (draft) entries.push(draft);
  }
  if (!langs.size || ![...langs].some(isVietnameseTag)) {
    throw new InputError(`no Vietnamese language section in this TBX file${langs.size ? ` (its languages: ${[...langs].join(', ')})` : ''}`, {
      location: where(concepts[0] ?? root),
      hint: 'vitrans imports Vietnamese → English termbases: export the termbase with Vietnamese (xml:lang="vi") and English.',
    });
  }
  return {
    file: source.file,
    format: 'tbx',
    ...(title ? { name: plainText(title) } : {}),
    ...(viTag && viTag !== 'vi' ? { sourceLanguage: viTag } : {}),
    ...(enTag && enTag !== 'en' ? { targetLanguage: enTag } : {}),
    entries,
    notices: notices.lines(),
  };
}

/** The first descendant named `name`. */
function find(e: XmlElement, name: string): XmlElement | undefined {
  for (const c of childElements(e)) {
    if (c.name === name) return c;
    const deeper = find(c, name);
    if (deeper) return deeper;
  }
  return undefined;
}

/** The data category of an element: its `type` (DCA) or, in DCT style, its own name. */
function category(e: XmlElement): string {
  return e.attrs.type ?? e.name;
}

const TERM_GROUPS = new Set(['termSec', 'tig', 'ntig']);

function conceptDraft(concept: XmlElement, vi: XmlElement[], en: XmlElement[], where: (e: XmlElement) => ImportOrigin, notices: Notices): EntryDraft | undefined {
  const origin = where(concept);
  const noteParts: string[] = [];
  const vitrans: Record<string, unknown>[] = [];
  readAux(concept, noteParts, vitrans, notices, where);
  const viTerms = vi.flatMap((s) => sectionTerms(s, noteParts, vitrans, notices, where));
  const enTerms = en.flatMap((s) => sectionTerms(s, noteParts, vitrans, notices, where));
  const pick = (terms: TermRecord[]) => terms.find((t) => t.status === 'preferred') ?? terms.find((t) => t.status !== 'forbidden' && !isShortForm(t));
  const viMain = pick(viTerms);
  const enMain = pick(enTerms);
  if (!viMain || !enMain) {
    notices.add('no-approved', `concept without an approved ${viMain ? 'English' : 'Vietnamese'} term skipped`, origin);
    return undefined;
  }
  const draft: EntryDraft = { ...emptyDraft(origin), vi: viMain.text, en: enMain.text, ...(concept.attrs.id ? { id: concept.attrs.id } : {}) };
  for (const t of viTerms) {
    if (t === viMain) continue;
    // A deprecated Vietnamese term still names the concept in the articles vitrans checks.
    if (t.status === 'forbidden') notices.add('vi-deprecated', 'deprecated Vietnamese terms kept as vi_variants: they still name the concept in source texts', t.origin);
    draft.viVariants.push(t.text);
  }
  const tests: { order: number; test: TestSpec }[] = [];
  for (const t of [...viTerms, ...enTerms]) {
    for (const c of t.contexts) {
      if (c.selfTest !== undefined) tests.push({ order: c.selfTest, test: { kind: viTerms.includes(t) ? 'vi' : 'en', text: c.text } });
      else noteParts.push(`Context (${t.text}): ${c.text}`);
    }
    for (const n of t.notes) noteParts.push(`${t.text}: ${n}`);
  }
  for (const t of enTerms) {
    if (t === enMain) continue;
    if (t.status === 'forbidden') {
      const note = t.notes.length ? t.notes.join(' ') : undefined;
      // Term notes of a forbidden rendering are its reason, not the entry's.
      for (const n of t.notes) noteParts.splice(noteParts.indexOf(`${t.text}: ${n}`), 1);
      const allowedIn = t.vitrans.flatMap((v) => (Array.isArray(v.allowed_in) ? v.allowed_in : [])).flatMap((p) => {
        const parsed = typeof p === 'string' ? parseAllowedContext(p) : { error: 'not a string' };
        return 'error' in parsed ? [] : [parsed];
      });
      draft.forbidden.push({ text: t.text, ...(t.related ? { use: t.related } : {}), ...(note ? { note } : {}), ...(allowedIn.length ? { allowedIn } : {}) });
    } else if (isShortForm(t) && draft.acronym === undefined && isAcronym(t.text)) {
      draft.acronym = t.text;
    } else if (t.vitrans.some((v) => v.form === true)) {
      draft.forms.push(t.text);
    } else {
      draft.accepted.push(t.text);
    }
  }
  for (const v of vitrans) {
    if (v.case_sensitive === true) draft.caseSensitive = true;
    if (typeof v.severity === 'string' && (SEVERITIES as readonly string[]).includes(v.severity)) draft.severity = v.severity as Severity;
    const test = typeof v.test === 'string' ? parseTest(v.test) : v.test ? parseTest(stringifyYaml(v.test, { collectionStyle: 'flow' }).trim()) : undefined;
    if (test) tests.push({ order: typeof v.order === 'number' ? v.order : tests.length + 1, test });
  }
  draft.tests = tests.sort((a, b) => a.order - b.order).map((t) => t.test);
  if (noteParts.length) draft.note = noteParts.join('\n');
  return draft;
}

function isShortForm(t: TermRecord): boolean {
  return t.type !== undefined && ['acronym', 'abbreviation', 'shortform', 'initialism'].includes(t.type.toLowerCase());
}

/** The terms of one language section (termSec, tig, ntig/termGrp), with the section's own notes added to the entry's. */
function sectionTerms(section: XmlElement, noteParts: string[], vitrans: Record<string, unknown>[], notices: Notices, where: (e: XmlElement) => ImportOrigin): TermRecord[] {
  readAux(section, noteParts, vitrans, notices, where);
  const groups = childElements(section).filter((e) => TERM_GROUPS.has(e.name));
  return groups.flatMap((g) => {
    const term = find(g, 'term');
    const text = term ? plainText(term) : '';
    if (text === '') {
      notices.add('empty-term', 'empty <term> skipped', where(g));
      return [];
    }
    const record: TermRecord = { text, notes: [], vitrans: [], contexts: [], origin: where(term!) };
    const visit = (e: XmlElement): void => {
      for (const c of childElements(e)) {
        const cat = category(c);
        if (c.name === 'term') continue;
        if (c.name === 'termGrp' || c.name === 'termNoteGrp') visit(c);
        else if (cat === 'administrativeStatus') {
          record.status = statusOf(plainText(c));
          if (!record.status) notices.add(`status-${plainText(c)}`, `administrative status "${plainText(c)}" read as admitted`, where(c));
          record.status ??= 'admitted';
        } else if (cat === 'termType') record.type = plainText(c).replace(/-tp$/, '');
        else if (c.name === 'descripGrp' || c.name === 'descrip' || cat === 'context' || cat === 'definition') readDescrip(c, record);
        else if (c.name === 'note') readNote(c, record.notes, record.vitrans);
        else if (c.name === 'ref' && cat === 'relatedTerm') record.related = plainText(c);
        else if (c.name === 'transacGrp' || c.name === 'transac') notices.add('transac', 'dropped the records of who created or changed terms, and when (vitrans has no place for them)', where(c));
        else if (c.name === 'termNote' || c.name === 'admin' || c.ns !== '' && c.ns !== TBX_NS) {
          const value = plainText(c);
          if (value) record.notes.push(`${label(cat)}: ${value}`);
        } else if (plainText(c)) {
          record.notes.push(`${label(cat)}: ${plainText(c)}`);
        }
      }
    };
    visit(g);
    return [record];
  });
}

/** Descriptions of a term: context sentences (a self-test when marked so), definitions and others to the notes. */
function readDescrip(e: XmlElement, record: TermRecord): void {
  const descrip = e.name === 'descripGrp' ? childElements(e, 'descrip')[0] : e;
  if (!descrip) return;
  const source = e.name === 'descripGrp' ? childElements(e, 'admin').find((a) => category(a) === 'source') : undefined;
  const text = plainText(descrip);
  if (!text) return;
  const order = source ? SELF_TEST_SOURCE.exec(plainText(source)) : null;
  if (category(descrip) === 'context') record.contexts.push({ text, ...(order ? { selfTest: Number(order[1]) } : {}) });
  else record.notes.push(`${label(category(descrip))}: ${text}${source ? ` (source: ${plainText(source)})` : ''}`);
}

function readNote(e: XmlElement, notes: string[], vitrans: Record<string, unknown>[]): void {
  const text = plainText(e);
  if (!text) return;
  if (VITRANS_NOTE.test(text)) {
    try {
      const value = parseYaml(text.replace(VITRANS_NOTE, '')) as unknown;
      if (value && typeof value === 'object') {
        vitrans.push(value as Record<string, unknown>);
        return;
      }
    } catch {
      // not one of ours after all: a note like any other
    }
  }
  notes.push(e.attrs.from ? `${text} (${e.attrs.from})` : text);
}

/** Concept- and section-level notes, definitions and subject fields, into the entry's note. */
function readAux(e: XmlElement, noteParts: string[], vitrans: Record<string, unknown>[], notices: Notices, where: (e: XmlElement) => ImportOrigin): void {
  for (const c of childElements(e)) {
    if (c.name === 'note') readNote(c, noteParts, vitrans);
    else if (c.name === 'descrip' || c.name === 'descripGrp' || (c.ns !== '' && c.ns !== TBX_NS)) {
      const d = c.name === 'descripGrp' ? childElements(c, 'descrip')[0] : c;
      const text = d ? plainText(d) : '';
      if (!text) continue;
      const cat = category(d!);
      noteParts.push(cat === 'definition' || cat === 'descrip' ? text : `${label(cat)}: ${text}`);
    } else if (c.name === 'transacGrp' || c.name === 'adminGrp' || c.name === 'admin') {
      notices.add('transac', 'dropped the records of who created or changed terms, and when (vitrans has no place for them)', where(c));
    } else if (c.name === 'xref' || c.name === 'ref') {
      notices.add('xref', 'dropped links and images of concepts (xref, ref)', where(c));
    }
  }
}

/** "partOfSpeech" → "Part of speech"; "Usage note" and tool-specific names ("x-memoQ-matching") as they are. */
function label(category: string): string {
  if (!/^[a-z]+(?:[A-Z][a-z]*)+$/.test(category)) return category;
  const spaced = category.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

// ---- writing ----

/** An XML ID from a kebab-case id (IDs cannot start with a digit). */
function xmlId(id: string): string {
  return /^[0-9]/.test(id) ? `_${id}` : id;
}

/**
 * The glossary as TBX-Basic (DCA style, ISO 30042:2019), valid against the TBX-Basic RELAX NG
 * schema and Schematron rules, for memoQ, Trados and Weblate.
 * @throws GlossaryError when a term holds a character XML cannot carry
 */
export function writeTbx(glossary: Glossary, options: { toolVersion: string }): string {
  for (const e of glossary.entries) checkXmlText(glossary, e);
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const tbx = doc.ele(TBX_NS, 'tbx', { type: 'TBX-Basic', style: 'dca' }).att(XML_NS, 'xml:lang', 'en');
  const fileDesc = tbx.ele('tbxHeader').ele('fileDesc');
  fileDesc.ele('titleStmt').ele('title').txt(glossary.name ?? 'vitrans glossary');
  fileDesc.ele('sourceDesc').ele('p').txt(`Exported by vitrans ${options.toolVersion} from ${glossary.file.split(/[\\/]/).pop()}`);
  const body = tbx.ele('text').ele('body');
  for (const entry of glossary.entries) {
    const concept = body.ele('conceptEntry', { id: xmlId(entry.id) });
    // One <note> per line: notes have no line breaks in XML that survive pretty-printing readers.
    for (const line of entry.note?.split('\n') ?? []) concept.ele('note').txt(line);
    if (entry.caseSensitive) concept.ele('note').txt(vitransNote({ case_sensitive: true }));
    if (entry.severity !== undefined) concept.ele('note').txt(vitransNote({ severity: entry.severity }));
    entry.tests.forEach((t, i) => {
      if (t.kind !== 'vi' && t.kind !== 'en') concept.ele('note').txt(vitransNote({ test: testItem(t), order: i + 1 }));
    });
    const term = (section: typeof concept, text: string, status: Status, extra: (termSec: typeof concept) => void = () => {}) => {
      const termSec = section.ele('termSec');
      termSec.ele('term').txt(text);
      termSec.ele('termNote', { type: 'administrativeStatus' }).txt(`${status === 'forbidden' ? 'deprecated' : status}Term-admn-sts`);
      extra(termSec);
    };
    const contexts = (kind: 'vi' | 'en') => (termSec: typeof concept) => {
      entry.tests.forEach((t, i) => {
        if (t.kind !== kind) return;
        const grp = termSec.ele('descripGrp');
        grp.ele('descrip', { type: 'context' }).txt(t.text);
        grp.ele('admin', { type: 'source' }).txt(`vitrans self-test ${i + 1}`);
      });
    };
    const vi = concept.ele('langSec').att(XML_NS, 'xml:lang', glossary.sourceLanguage);
    term(vi, entry.vi, 'preferred', contexts('vi'));
    for (const v of entry.viVariants) term(vi, v, 'admitted');
    const en = concept.ele('langSec').att(XML_NS, 'xml:lang', glossary.targetLanguage);
    term(en, entry.en, 'preferred', (s) => {
      s.ele('termNote', { type: 'termType' }).txt('fullForm');
      contexts('en')(s);
    });
    for (const a of entry.accepted) term(en, a, 'admitted');
    for (const f of entry.forms) term(en, f, 'admitted', (s) => s.ele('note').txt(vitransNote({ form: true })));
    if (entry.acronym !== undefined) term(en, entry.acronym, 'admitted', (s) => s.ele('termNote', { type: 'termType' }).txt('acronym'));
    for (const f of entry.forbidden) {
      term(en, f.text, 'forbidden', (s) => {
        if (f.note !== undefined) s.ele('note').txt(f.note);
        if (f.use !== undefined) s.ele('ref', { type: 'relatedTerm' }).txt(f.use);
        if (f.allowedIn?.length) s.ele('note').txt(vitransNote({ allowed_in: f.allowedIn.map((c) => c.pattern) }));
      });
    }
  }
  return doc.end({ prettyPrint: true, wellFormed: true }) + '\n';
}

function vitransNote(value: Record<string, unknown>): string {
  return `vitrans: ${stringifyYaml(value, { collectionStyle: 'flow', lineWidth: 0 }).trim()}`;
}

function checkXmlText(glossary: Glossary, e: GlossaryEntry): void {
  const texts = [e.vi, ...e.viVariants, e.en, ...e.accepted, ...e.forms, ...(e.acronym ? [e.acronym] : []), ...e.forbidden.flatMap((f) => [f.text, f.use ?? '', f.note ?? '']), e.note ?? ''];
  for (const t of texts) {
    const bad = firstNonXmlChar(t);
    if (bad !== undefined) {
      throw new GlossaryError(`"${t}" holds U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}, which XML (and so TBX) cannot carry`, {
        location: { file: glossary.file, line: e.location.line, column: e.location.column },
        hint: 'Remove the character from the entry.',
      });
    }
  }
}
