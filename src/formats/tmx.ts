/**
 * TMX 1.4b translation memories: reading (any TMX 1.1–1.4 file a CAT tool writes, UTF-8 or
 * UTF-16, with positions), writing (streamed, every character escaped), and the aligned
 * Vietnamese/English pairs that `check` and `compare` read from one.
 *
 * Inline codes are never read as text: `<bpt>`, `<ept>` and `<it>` (paired formatting) stand for
 * nothing, `<ph>` and `<ut>` (a placeholder for something: a line break, a variable) for one
 * space (nothing beside a space), `<sub>` (a separate flow, e.g. alt text) is left out, and `<hi>`
 * is read for its text.
 */
import { readFile } from 'node:fs/promises';
import { createCB } from 'xmlbuilder2';
import { InputError } from '../core/errors.js';
import type { Finding, Paragraph, Position, Span } from '../core/types.js';
import { withSourcePlaceNote } from '../core/source-note.js';
import type { BilingualDocument } from './bilingual.js';
import { LineIndex } from '../text/positions.js';
import { readError } from '../text/read.js';
import {
  childElements,
  decodeXml,
  firstNonXmlChar,
  isEnglishTag,
  isVietnameseTag,
  langOf,
  parseXml,
  placeholderReadsAsSpace,
  textAfterSpacedPlaceholder,
  plainText,
  type TextPiece,
  type XmlElement,
  type XmlSource,
} from './xml.js';

/** A `<prop type="...">value</prop>`. */
export interface TmxProp {
  type: string;
  value: string;
}

/** A segment's text and where each of its characters is in the file. */
export interface TmxSegment {
  /** Decoded text, inline codes removed (placeholders as one space, nothing beside a space), line ends as `\n`. */
  text: string;
  /** Text offsets → file offsets (see TextPiece). */
  pieces: TextPiece[];
  /** File offsets of the `<seg>` content: [start, end). */
  start: number;
  end: number;
  /** Where the content starts, 1-based. */
  line: number;
  column: number;
}

/** One language variant of a unit (`<tuv>`). */
export interface TmxVariant {
  lang: string;
  props: TmxProp[];
  notes: string[];
  segment: TmxSegment;
}

/** One translation unit (`<tu>`). */
export interface TmxUnit {
  /** `tuid`, when the file gives one. */
  id?: string;
  /** 1-based position among the file's units. */
  index: number;
  /** Where the `<tu>` starts. */
  position: Position;
  /** The unit's attributes as written (creationdate, creationid, changedate, srclang, …). */
  attrs: Readonly<Record<string, string>>;
  props: TmxProp[];
  notes: string[];
  variants: TmxVariant[];
}

/** The `<header>`: its attributes as written (srclang, creationtool, …), props and notes. */
export interface TmxHeader {
  attrs: Readonly<Record<string, string>>;
  props: TmxProp[];
  notes: string[];
}

/** A TMX file read into memory. */
export interface TmxDocument {
  file: string;
  /** The decoded file text every offset refers to. */
  text: string;
  version: string;
  header: TmxHeader;
  units: TmxUnit[];
}

/**
 * Reads a TMX file (TMX 1.1 to 1.4b: `xml:lang` or the older `lang`).
 * @throws InputError at file:line:col for malformed XML, a root other than `<tmx>`, or a `<tuv>` without a language or `<seg>`
 * @example readTmx({ file: 'm.tmx', text }).units[0].variants[0].segment.text
 */
export function readTmx(source: XmlSource): TmxDocument {
  const units: TmxUnit[] = [];
  let header: TmxHeader = { attrs: {}, props: [], notes: [] };
  const lines = new LineIndex(source.text);
  const root = parseXml(source, {
    lines,
    expected: 'a TMX file',
    stream: { element: 'tu', onElement: (tu) => units.push(readUnit(tu, units.length + 1, source, lines)) },
  });
  if (root.name !== 'tmx') {
    throw new InputError(`not a TMX file: the root element is <${root.name}>, not <tmx>`, {
      location: { file: source.file, line: root.start.line, column: root.start.column },
      hint: 'Pass a .tmx translation memory (TMX 1.4b), as CAT tools export it.',
    });
  }
  const head = childElements(root, 'header')[0];
  if (head) header = { attrs: head.attrs, props: propsOf(head), notes: notesOf(head) };
  const doc: TmxDocument = { file: source.file, text: source.text, version: root.attrs.version ?? '', header, units };
  LINES.set(doc, lines);
  return doc;
}

function readUnit(tu: XmlElement, index: number, source: XmlSource, lines: LineIndex): TmxUnit {
  const variants = childElements(tu, 'tuv').map((tuv): TmxVariant => {
    const lang = langOf(tuv);
    const where = { file: source.file, line: tuv.start.line, column: tuv.start.column };
    if (lang === '') {
      throw new InputError('a <tuv> has no xml:lang', { location: where, hint: 'Give every <tuv> its language, e.g. xml:lang="vi".' });
    }
    const seg = childElements(tuv, 'seg')[0];
    if (!seg) throw new InputError('a <tuv> has no <seg>', { location: where, hint: 'Each <tuv> holds its text in one <seg> element.' });
    return { lang, props: propsOf(tuv), notes: notesOf(tuv), segment: segmentOf(seg, lines) };
  });
  const id = tu.attrs.tuid;
  return {
    ...(id !== undefined && id !== '' ? { id } : {}),
    index,
    position: tu.start,
    attrs: tu.attrs,
    props: propsOf(tu),
    notes: notesOf(tu),
    variants,
  };
}

function propsOf(element: XmlElement): TmxProp[] {
  return childElements(element, 'prop').map((p) => ({ type: p.attrs.type ?? '', value: plainText(p) }));
}

function notesOf(element: XmlElement): string[] {
  return childElements(element, 'note').map(plainText).filter((n) => n !== '');
}

/** TMX's inline codes: never read for their content. */
const TMX_CODES = new Set(['ph', 'ut', 'bpt', 'ept', 'it']);

/** A `<seg>`'s text and offsets, inline codes handled as the module comment says. */
function segmentOf(seg: XmlElement, lines: LineIndex): TmxSegment {
  let text = '';
  const pieces: TextPiece[] = [];
  const walk = (element: XmlElement): void => {
    for (const [index, c] of element.children.entries()) {
      if (c.kind === 'text') {
        const before = element.children[index - 1];
        const spaced = before?.kind === 'element' && (before.name === 'ph' || before.name === 'ut') && /[ \t]$/.test(text);
        const { skip, pieces: read } = spaced ? textAfterSpacedPlaceholder(c) : { skip: 0, pieces: c.pieces };
        for (const p of read) pieces.push({ ...p, textStart: p.textStart + text.length });
        text += c.text.slice(skip);
      } else if (c.name === 'ph' || c.name === 'ut') {
        if (!placeholderReadsAsSpace(text, element.children, index, (x) => TMX_CODES.has(x.name))) continue;
        pieces.push({ textStart: text.length, length: 1, fileStart: c.start.offset, fileLength: c.end - c.start.offset });
        text += ' ';
      } else if (c.name === 'hi') {
        walk(c);
      } else if (c.name !== 'bpt' && c.name !== 'ept' && c.name !== 'it' && c.name !== 'sub') {
        walk(c); // an element TMX does not define: its text is still text
      }
    }
  };
  walk(seg);
  const { line, column } = lines.position(seg.contentStart);
  return { text, pieces, start: seg.contentStart, end: seg.contentEnd, line, column };
}

/** The unit's value of a `<prop>` type, on the unit or else on a variant. */
export function propValue(unit: TmxUnit, type: string, variant?: TmxVariant): string | undefined {
  return (variant?.props.find((p) => p.type === type) ?? unit.props.find((p) => p.type === type))?.value;
}

// ---- aligned pairs (check and compare input) ----

/** The `<prop>` type vitrans writes for the engine that made a translation. */
export const ENGINE_PROP = 'x-engine';
/** The `<prop>` type vitrans writes for the engine's model. */
export const MODEL_PROP = 'x-model';

/** One Vietnamese/English pair of a TMX file. */
export interface TmxPair {
  unit: TmxUnit;
  vi: TmxVariant;
  en: TmxVariant;
  /** The unit's id for findings: its tuid, else its 1-based index. */
  unitId: string;
}

/** The pairs of one engine (by the `x-engine` prop vitrans writes), or of the whole file when units name none. */
export interface TmxPairSet {
  /** Engine name from `x-engine`; undefined for units that name none (a CAT tool's memory). */
  engine?: string;
  pairs: TmxPair[];
}

/** A TMX file's aligned pairs, grouped by engine, with what had to be left out. */
export interface TmxPairs {
  sets: TmxPairSet[];
  /** Units without a Vietnamese or without an English variant (first one's place, for the message). */
  skipped: { count: number; first?: TmxUnit };
  /** Units with more than one English variant: the first is used. */
  severalEnglish: number;
}

/**
 * Pairs each unit's Vietnamese and English variants (`vi`, `vi-VN`, `en-GB`, …), grouped by the
 * engine that made the English.
 * @example tmxPairs(readTmx(src)).sets[0].pairs[0].en.segment.text
 */
export function tmxPairs(doc: TmxDocument): TmxPairs {
  const sets = new Map<string, TmxPairSet>();
  let skipped = 0;
  let firstSkipped: TmxUnit | undefined;
  let severalEnglish = 0;
  for (const unit of doc.units) {
    const vi = unit.variants.find((v) => isVietnameseTag(v.lang));
    const english = unit.variants.filter((v) => isEnglishTag(v.lang));
    const en = english[0];
    if (!vi || !en) {
      skipped++;
      firstSkipped ??= unit;
      continue;
    }
    if (english.length > 1) severalEnglish++;
    const engine = propValue(unit, ENGINE_PROP, en);
    const key = engine ?? '';
    let set = sets.get(key);
    if (!set) sets.set(key, (set = { ...(engine !== undefined ? { engine } : {}), pairs: [] }));
    set.pairs.push({ unit, vi, en, unitId: unit.id ?? String(unit.index) });
  }
  return { sets: [...sets.values()], skipped: { count: skipped, ...(firstSkipped ? { first: firstSkipped } : {}) }, severalEnglish };
}

/**
 * One side of a pair set as the checker reads it: the segments' decoded texts one after another
 * (a blank line between two), one paragraph per unit carrying the unit id and the line its
 * segment starts on. The text holds only what is checked (not the file's markup, not the other
 * language), so checking a TMX costs what checking the same text does; `locator` maps every
 * offset in it back to the file, through entities, inline codes and `\r\n` (see TmxLocator).
 */
export function tmxSide(doc: TmxDocument, set: TmxPairSet, side: 'vi' | 'en'): { text: string; paragraphs: Paragraph[]; locator: TmxLocator } {
  return segmentsSide(doc.text, set.pairs.map((p) => p[side].segment), set.pairs.map((p) => p.unitId), fileLines(doc));
}

/**
 * Segments of a bilingual XML file (TMX, XLIFF) as one side's text for the checker: their decoded
 * texts one after another with a blank line between two, one paragraph per segment carrying its
 * unit id, and the locator that maps the text back into the file.
 */
export function segmentsSide(fileText: string, segments: readonly TmxSegment[], ids: readonly string[], lines: LineIndex, numbers?: readonly number[]): { text: string; paragraphs: Paragraph[]; locator: TmxLocator } {
  const parts: string[] = [];
  const bases: number[] = [];
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  segments.forEach((seg, i) => {
    if (i > 0) {
      parts.push(SEPARATOR);
      offset += SEPARATOR.length;
    }
    bases.push(offset);
    paragraphs.push({ index: i + 1, text: seg.text, start: offset, end: offset + seg.text.length, line: seg.line, id: ids[i]!, ...(numbers ? { number: numbers[i]! } : {}) });
    parts.push(seg.text);
    offset += seg.text.length;
  });
  return { text: parts.join(''), paragraphs, locator: new TmxLocator(fileText, segments, bases, lines) };
}

/** Between two segments of a side's text: a blank line, so nothing reads two units as one sentence. */
const SEPARATOR = '\n\n';

const LINES = new WeakMap<TmxDocument, LineIndex>();

/** The file's line index, built once per document. */
function fileLines(doc: TmxDocument): LineIndex {
  let lines = LINES.get(doc);
  if (!lines) LINES.set(doc, (lines = new LineIndex(doc.text)));
  return lines;
}

/**
 * Maps offsets of a `tmxSide` text back to the TMX file, and finding positions with them. An
 * offset inside a segment goes through the segment's pieces (an entity is one character of text
 * and five of the file; an inline code none or one); one between two segments goes to the end of
 * the first.
 */
export class TmxLocator {
  /**
   * @param fileText the decoded TMX file
   * @param segments the side's segments, in text order
   * @param bases where each segment starts in the side's text
   */
  constructor(
    private readonly fileText: string,
    private readonly segments: readonly TmxSegment[],
    private readonly bases: readonly number[],
    private readonly lines: LineIndex = new LineIndex(fileText),
  ) {}

  /** The file offset of a text offset, as the start (`start`) or the end (`end`) of a range. */
  fileOffset(offset: number, edge: 'start' | 'end'): number {
    const k = this.segmentAt(offset);
    if (k < 0) return this.segments[0]?.start ?? 0;
    const seg = this.segments[k]!;
    const t = offset - this.bases[k]!;
    if (t > seg.text.length) return seg.end; // in the blank line after it
    const pieces = seg.pieces;
    if (pieces.length === 0) return seg.start;
    // The piece holding character t (start) or character t-1 (end).
    const want = edge === 'start' ? t : t - 1;
    if (want < 0) return pieces[0]!.fileStart;
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pieces[mid]!.textStart <= want) lo = mid;
      else hi = mid - 1;
    }
    const p = pieces[lo]!;
    if (want >= p.textStart + p.length) return p.fileStart + p.fileLength; // past the text (a trailing tag)
    const oneToOne = p.length === p.fileLength;
    if (edge === 'start') return oneToOne ? p.fileStart + (t - p.textStart) : p.fileStart;
    return oneToOne ? p.fileStart + (t - p.textStart) : p.fileStart + p.fileLength;
  }

  /** The file's line and column of a text offset. */
  position(offset: number): Position {
    return this.lines.position(this.fileOffset(offset, 'start'));
  }

  /** The file span of a text range. */
  span(start: number, end: number): Span {
    return this.lines.span(this.fileOffset(start, 'start'), this.fileOffset(end, 'end'));
  }

  /** Index of the last segment starting at or before `offset`, -1 before the first. */
  private segmentAt(offset: number): number {
    let lo = 0;
    let hi = this.bases.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.bases[mid]! <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /**
   * A finding of the checker with its spans (and its source's) moved into the file, and its fix
   * rewritten for the file (range mapped, text escaped) or dropped when the range holds markup.
   */
  relocate(finding: Finding, sourceLocator: TmxLocator): Finding {
    const out: Finding = { ...finding };
    if (finding.span) out.span = this.span(finding.span.start.offset, finding.span.end.offset);
    if (finding.source) out.source = { ...finding.source, span: sourceLocator.span(finding.source.span.start.offset, finding.source.span.end.offset) };
    if (finding.fix) {
      const start = this.fileOffset(finding.fix.range[0], 'start');
      const end = this.fileOffset(finding.fix.range[1], 'end');
      if (this.fileText.slice(start, end).includes('<')) delete out.fix;
      else out.fix = { range: [start, end], text: escapeXmlText(finding.fix.text) };
    }
    // An inline directive is in the target too: its place moves into the file with the finding.
    const at = finding.suppression?.kind === 'inline' ? finding.suppression.at : undefined;
    if (at?.offset !== undefined) {
      const offset = this.fileOffset(at.offset, 'start');
      const p = this.lines.position(offset);
      out.suppression = { ...finding.suppression!, at: { file: at.file, line: p.line, column: p.column, offset } };
    }
    return withSourcePlaceNote(out);
  }
}

/** Text escaped for XML character data. */
export function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// ---- writing ----

/** One unit to write: a source and a target segment, with props and notes. */
export interface TmxUnitToWrite {
  id?: string;
  source: { lang: string; text: string };
  target: { lang: string; text: string };
  props?: TmxProp[];
  notes?: string[];
  /** When the translation was made (the unit's `creationdate`). */
  created?: Date;
  /** Who or what made it (the unit's `creationid`). */
  creator?: string;
}

/** The `<header>` of a TMX being written. */
export interface TmxHeaderToWrite {
  srcLang: string;
  creationTool: string;
  creationToolVersion: string;
  /** `paragraph` for vitrans's paragraphs, `phrase` for glossaries. */
  segType: 'block' | 'paragraph' | 'sentence' | 'phrase';
  created?: Date;
  props?: TmxProp[];
}

/** A TMX date: `YYYYMMDDThhmmssZ` (UTC), as TMX 1.4b writes dates. */
export function tmxDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The first text of a unit that XML cannot carry, as a reason, or undefined when it can be written. */
export function unwritableReason(unit: TmxUnitToWrite): string | undefined {
  const texts = [unit.source.text, unit.target.text, unit.id ?? '', unit.creator ?? '', ...(unit.notes ?? []), ...(unit.props ?? []).flatMap((p) => [p.type, p.value])];
  for (const t of texts) {
    const bad = firstNonXmlChar(t);
    if (bad !== undefined) return `it contains U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}, which XML cannot carry`;
  }
  return undefined;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * Writes a TMX 1.4b document unit by unit to `write` (chunks of text), so a large memory is never
 * held as one string. Check each unit with `unwritableReason` first.
 * @returns how many units were written
 * @throws InputError when a unit holds a character XML cannot carry
 */
export function writeTmx(header: TmxHeaderToWrite, units: Iterable<TmxUnitToWrite>, write: (chunk: string) => void): number {
  let failure: Error | undefined;
  const xml = createCB({ data: (chunk: string) => write(chunk), error: (err: Error) => (failure ??= err), prettyPrint: true, wellFormed: true });
  xml.dec({ version: '1.0', encoding: 'UTF-8' }).dtd({ name: 'tmx', sysID: 'tmx14.dtd' }).ele('tmx', { version: '1.4' });
  xml.ele('header', {
    creationtool: header.creationTool,
    creationtoolversion: header.creationToolVersion,
    segtype: header.segType,
    'o-tmf': 'vitrans',
    adminlang: 'en',
    srclang: header.srcLang,
    datatype: 'plaintext',
    ...(header.created ? { creationdate: tmxDate(header.created) } : {}),
  });
  for (const p of header.props ?? []) xml.ele('prop', { type: p.type }).txt(p.value).up();
  xml.up().ele('body');
  let count = 0;
  for (const unit of units) {
    const reason = unwritableReason(unit);
    if (reason) throw new InputError(`cannot write translation unit ${unit.id ?? count + 1} as TMX: ${reason}`, { hint: 'Remove the character from the text.' });
    xml.ele('tu', {
      ...(unit.id !== undefined ? { tuid: unit.id } : {}),
      ...(unit.created ? { creationdate: tmxDate(unit.created) } : {}),
      ...(unit.creator !== undefined ? { creationid: unit.creator } : {}),
    });
    for (const n of unit.notes ?? []) xml.ele('note').txt(n).up();
    for (const p of unit.props ?? []) xml.ele('prop', { type: p.type }).txt(p.value).up();
    for (const v of [unit.source, unit.target]) xml.ele('tuv').att(XML_NS, 'xml:lang', v.lang).ele('seg').txt(v.text).up().up();
    xml.up();
    count++;
    if (failure) throw failure;
  }
  xml.up().up().end();
  if (failure) throw failure;
  return count;
}

// ---- files ----

/**
 * Reads and parses a TMX file. `shown` is the path as the user wrote it (used in every message).
 * @throws InputError when the file is missing, unreadable, not decodable or not a TMX file
 */
export async function readTmxFile(path: string, shown = path): Promise<TmxDocument> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw readError(error, shown);
  }
  return readTmx(decodeXml(bytes, shown));
}

/** One pair set of a TMX file ready for the checker: both sides as documents, findings moved back into the file. */
export interface TmxCheckSet {
  engine?: string;
  source: { file: string; text: string; paragraphs: Paragraph[] };
  translation: { file: string; text: string; paragraphs: Paragraph[]; engine?: string };
  /** The checker's finding with every position (and its fix) in the TMX file. */
  relocate(finding: Finding): Finding;
  /** Where an offset of either side's text stands in the TMX file (for places a check names in its messages). */
  position(offset: number, side: 'source' | 'target'): Position;
}

/**
 * The pair sets of a TMX file as checker documents (see tmxSide), named `file` in findings.
 * @throws InputError when no unit has both a Vietnamese and an English variant
 */
export function tmxCheckSets(doc: TmxDocument, pairs: TmxPairs = tmxPairs(doc)): TmxCheckSet[] {
  if (pairs.sets.length === 0) throw noPairsError(doc);
  return pairs.sets.map((set) => {
    const vi = tmxSide(doc, set, 'vi');
    const en = tmxSide(doc, set, 'en');
    return {
      ...(set.engine !== undefined ? { engine: set.engine } : {}),
      source: { file: doc.file, text: vi.text, paragraphs: vi.paragraphs },
      translation: { file: doc.file, text: en.text, paragraphs: en.paragraphs, ...(set.engine !== undefined ? { engine: set.engine } : {}) },
      relocate: (finding) => en.locator.relocate(finding, vi.locator),
      position: (offset, side) => (side === 'source' ? vi : en).locator.position(offset),
    };
  });
}

/** The error for a TMX file without a single Vietnamese–English pair, naming the languages it has. */
export function noPairsError(doc: TmxDocument): InputError {
  const langs = [...new Set(doc.units.flatMap((u) => u.variants.map((v) => v.lang)))];
  const what = doc.units.length === 0 ? 'has no translation units' : `has no unit with both a Vietnamese and an English variant (languages: ${langs.join(', ')})`;
  return new InputError(`this TMX file ${what}`, {
    location: { file: doc.file, ...(doc.units[0] ? { line: doc.units[0].position.line, column: doc.units[0].position.column } : {}) },
    hint: 'vitrans reads <tuv xml:lang="vi…"> and <tuv xml:lang="en…"> pairs: export the memory with Vietnamese and English.',
  });
}

// ---- translation memories of vitrans runs ----

/** Options for the units of a run. */
export interface RunUnitsOptions {
  /** Only these engines (all when absent). */
  engines?: readonly string[];
  /** The date of engines whose bilingual file does not record when they finished (the file's time). */
  fallbackDate: Date;
}

/**
 * The translations of one bilingual JSON file as TMX units: one per paragraph and engine, with the
 * engine and model as `<prop>`s, the date the engine finished as `creationdate`, and the article
 * file and paragraph in the `tuid`. Blank paragraphs are left out.
 * @throws InputError when the file is not a vitrans bilingual JSON file
 */
export function* runUnits(doc: BilingualDocument, options: RunUnitsOptions): Generator<TmxUnitToWrite> {
  const names = Object.keys(doc.engines).filter((e) => !options.engines || options.engines.includes(e));
  for (const p of doc.paragraphs) {
    if (p.source.trim() === '') continue;
    for (const name of names) {
      const t = p.translations[name];
      if (!t || t.target.trim() === '') continue;
      const finished = doc.engines[name]?.finishedAt;
      yield {
        id: `${doc.source.file}:${p.index}:${name}`,
        source: { lang: doc.source.sourceLang, text: p.source },
        target: { lang: doc.source.targetLang, text: t.target },
        props: [
          { type: ENGINE_PROP, value: name },
          { type: MODEL_PROP, value: t.model },
          ...(t.warnings.length ? [{ type: 'x-warnings', value: t.warnings.join(' ') }] : []),
        ],
        created: finished ? new Date(finished) : options.fallbackDate,
        creator: `vitrans/${name}`,
      };
    }
  }
}

/** Cached translations (see TranslationCache.exportable) as TMX units, engine and model as props. */
export function* cacheUnits(entries: Iterable<{ source: string; target: string; engine: string; model: string; sourceLang: string; targetLang: string; createdAt: number; warnings: readonly string[] }>, engines?: readonly string[]): Generator<TmxUnitToWrite> {
  for (const e of entries) {
    if (engines && !engines.includes(e.engine)) continue;
    yield {
      source: { lang: e.sourceLang, text: e.source },
      target: { lang: e.targetLang, text: e.target },
      props: [
        { type: ENGINE_PROP, value: e.engine },
        { type: MODEL_PROP, value: e.model },
        ...(e.warnings.length ? [{ type: 'x-warnings', value: e.warnings.join(' ') }] : []),
      ],
      created: new Date(e.createdAt),
      creator: `vitrans/${e.engine}`,
    };
  }
}
