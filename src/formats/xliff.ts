/**
 * XLIFF 1.2 and 2.0 bilingual files as CAT tools export them (Trados `sdl:`, memoQ `mq:`, Okapi,
 * Phrase): reading with file positions, the segments the checker reads, `tag-mismatch` findings,
 * and writing new targets into the file without touching anything else.
 *
 * Segments: a 1.2 `<trans-unit>` is one segment, or one per `<mrk mtype="seg">` of its
 * `<seg-source>` (Okapi and Trados segmentation); a 2.0 `<unit>` has one per `<segment>`.
 *
 * Inline codes are never read as text. Placeholders (`<x/>`, `<ph>`, `<cp/>`) read as one space,
 * so words on either side stay apart (as nothing beside a space: no double space is made); paired
 * codes (`<bx/>`, `<ex/>`, `<bpt>`, `<ept>`, `<it>`, `<sc/>`, `<ec/>`, `<sm/>`, `<em/>`) as nothing; containers (`<g>`, `<pc>`, `<mrk>`) are read for
 * their content. For translation each code (and each container's start and end tag) is a
 * protected span whose replacement is the code as written, so it goes back byte for byte.
 *
 * Writing splices: the targets (and the attributes that carry their state) are replaced in the
 * file's own text and everything else stays as written, so the CAT tool re-opens the file with
 * the same ids, tags, notes and extensions. The result is parsed again before it is handed over.
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../core/errors.js';
import type { Finding, Paragraph, Position, ProtectedSpan } from '../core/types.js';
import { LineIndex } from '../text/positions.js';
import { readError } from '../text/read.js';
import { escapeXmlText, segmentsSide, type TmxSegment } from './tmx.js';
import { TAG_MISMATCH } from './tags.js';
import {
  childElements,
  decodeXml,
  firstNonXmlChar,
  isEnglishTag,
  isVietnameseTag,
  parseXml,
  placeholderReadsAsSpace,
  textAfterSpacedPlaceholder,
  type TextPiece,
  type XmlElement,
  type XmlSource,
} from './xml.js';

/** The two XLIFF generations; 1.0 and 1.1 read as 1.2, 2.1 and 2.2 as 2.0. */
export type XliffVersion = '1.2' | '2.0';

/** An inline code of a segment, as written in the file. */
export interface XliffTag {
  /** Local name: `g`, `x`, `ph`, `bpt`, `pc`, `sc`, … */
  name: string;
  /** `open`/`close`: a container's start or end tag; `code`: an element standing alone (with its content). */
  kind: 'open' | 'close' | 'code';
  /** What tells it apart from the segment's other codes: its name and id (`startRef`/`rid` for an end code). */
  identity: string;
  /** The code exactly as the file has it (`<g id="1">`, `<bpt id="1">&lt;b&gt;</bpt>`). */
  raw: string;
  /** File offset of its `<`. */
  fileOffset: number;
}

/**
 * The content of a `<source>`, `<target>` or `<mrk mtype="seg">`, read two ways: as the checker
 * reads it (`text`, codes as the module comment says, with its pieces and place in the file, as a
 * TMX segment has them) and as an engine is given it.
 */
export interface XliffContent extends TmxSegment {
  /** Its inline codes in file order (a container's open and close tags both). */
  tags: XliffTag[];
  /** What an engine is given: NFC text with each code in place, spaces of pretty-printing folded. */
  translatable: string;
  /** The codes of `translatable` as protected markup (replacement: the code as written). */
  markup: ProtectedSpan[];
}

/** Why a segment must not be changed (and is not checked unless asked). */
export type XliffProtection = 'translate-no' | 'locked' | 'approved';

/** One segment: a source, perhaps a target, and what the file says about it. */
export interface XliffSegment {
  /** How findings name it: the unit id, with `#` and the segment id when the unit has several. */
  unit: string;
  unitId: string;
  segmentId?: string;
  /** 1-based among the file's segments. */
  index: number;
  /** Where the unit (or its `<mrk>`/`<segment>`) starts. */
  position: Position;
  source: XliffContent;
  /** Absent when the file has no target for it; an empty target has empty text. */
  target?: XliffContent;
  /** The target's state as written (1.2 `<target state>`, 2.0 `<segment state>`). */
  state?: string;
  protection?: XliffProtection;
}

/** An XLIFF file read into memory. */
export interface XliffDocument {
  file: string;
  /** The decoded file text every offset refers to. */
  text: string;
  version: XliffVersion;
  /** The version as written (`1.2`, `2.1`). */
  declaredVersion: string;
  sourceLang: string;
  /** '' when the file names none yet. */
  targetLang: string;
  segments: XliffSegment[];
}

/** One `<target>` to write (1.2: per trans-unit; 2.0: per segment). */
interface TargetPlace {
  segments: XliffSegment[];
  target?: XmlElement;
  /** Where a new `<target>` is inserted, the indentation before its sibling `<source>`, and that one's prefix (`''` or `x:`). */
  insertAt: number;
  prefix: string;
  indent: string;
  /** 2.0: the `<segment>` element (its `state` is rewritten). */
  stateElement?: XmlElement;
  /** 1.2 segmented: the `<seg-source>` whose structure the target repeats. */
  segSource?: XmlElement;
  /** 1.2 segmented: the target's `<mrk mtype="seg">` by mid. */
  targetMarks?: Map<string, XmlElement>;
}

const LAYOUTS = new WeakMap<XliffDocument, { places: TargetPlace[]; roots: { element: XmlElement; langAttr: string }[] }>();

const CONTAINERS = new Set(['g', 'pc', 'mrk']);
const PLACEHOLDERS = new Set(['x', 'ph', 'cp']);

/**
 * Reads an XLIFF file (1.0–1.2 or 2.x), one unit in memory at a time while parsing.
 * @throws InputError at file:line:col for malformed XML, a root other than `<xliff>`, an unknown
 *   version, or a unit without a source
 * @example readXliff({ file: 'a.xlf', text }).segments[0].source.text
 */
export function readXliff(source: XmlSource): XliffDocument {
  const lines = new LineIndex(source.text);
  const segments: XliffSegment[] = [];
  const places: TargetPlace[] = [];
  let version: XliffVersion | undefined;
  const reader = (unit: XmlElement, ancestors: readonly XmlElement[]): void => {
    version ??= versionOf(ancestors[0]!, source.file);
    const read = version === '1.2' ? readUnit12(unit, ancestors, source, lines, segments.length) : readUnit20(unit, ancestors, source, lines, segments.length);
    for (const place of read) {
      places.push(place);
      for (const segment of place.segments) segments.push(segment);
    }
  };
  const root = parseXml(source, { lines, expected: 'an XLIFF file', stream: { element: ['trans-unit', 'unit'], onElement: reader } });
  if (root.name !== 'xliff') {
    throw new InputError(`not an XLIFF file: the root element is <${root.name}>, not <xliff>`, {
      location: { file: source.file, line: root.start.line, column: root.start.column },
      hint: 'Pass an .xlf/.xliff file (XLIFF 1.2 or 2.0) as a CAT tool exports it.',
    });
  }
  version ??= versionOf(root, source.file);
  const roots = version === '1.2' ? childElements(root, 'file').map((element) => ({ element, langAttr: 'target-language' })) : [{ element: root, langAttr: 'trgLang' }];
  const first = roots[0]?.element;
  const sourceLang = version === '1.2' ? (first?.attrs['source-language'] ?? '') : (root.attrs.srcLang ?? '');
  const targetLang = first?.attrs[roots[0]!.langAttr] ?? '';
  const doc: XliffDocument = { file: source.file, text: source.text, version, declaredVersion: root.attrs.version ?? '', sourceLang, targetLang, segments };
  LAYOUTS.set(doc, { places, roots });
  return doc;
}

function versionOf(root: XmlElement, file: string): XliffVersion {
  const where = { file, line: root.start.line, column: root.start.column };
  if (root.name !== 'xliff') {
    throw new InputError(`not an XLIFF file: the root element is <${root.name}>, not <xliff>`, { location: where, hint: 'Pass an .xlf/.xliff file (XLIFF 1.2 or 2.0) as a CAT tool exports it.' });
  }
  const declared = root.attrs.version ?? '';
  if (/^1\.[012]$/.test(declared)) return '1.2';
  if (/^2\.[0-2]$/.test(declared)) return '2.0';
  throw new InputError(declared === '' ? 'the <xliff> element has no version' : `unknown XLIFF version "${declared}"`, {
    location: where,
    hint: 'vitrans reads XLIFF 1.2 and 2.0 (version="1.2" or "2.0"): export the file again in one of them.',
  });
}

/** Whether an attribute value says yes in any of the ways tools write it. */
function isYes(value: string | undefined): boolean {
  return value !== undefined && /^(yes|true|locked|1)$/i.test(value.trim());
}

/** A tool's `locked` extension attribute (memoQ `mq:locked="locked"`, others `*:locked="true"`). */
function lockedByExtension(element: XmlElement): boolean {
  return Object.entries(element.attrs).some(([name, value]) => /(^|:)locked$/i.test(name) && isYes(value));
}

function translateNo(element: XmlElement | undefined, ancestors: readonly XmlElement[]): boolean {
  for (const e of [...ancestors, ...(element ? [element] : [])].reverse()) {
    const v = e.attrs.translate;
    if (v !== undefined) return v.trim().toLowerCase() === 'no';
  }
  return false;
}

// ---- XLIFF 1.2 ----

function readUnit12(tu: XmlElement, ancestors: readonly XmlElement[], src: XmlSource, lines: LineIndex, before: number): TargetPlace[] {
  const id = tu.attrs.id ?? String(before + 1);
  const where = { file: src.file, line: tu.start.line, column: tu.start.column };
  const source = childElements(tu, 'source')[0];
  if (!source) throw new InputError(`translation unit ${id} has no <source>`, { location: where, hint: 'Each <trans-unit> holds its text in a <source> element.' });
  const segSource = childElements(tu, 'seg-source')[0];
  const target = childElements(tu, 'target')[0];
  const state = target?.attrs.state;
  const sdlSegs = new Map<string, XmlElement>();
  for (const defs of childElements(tu, 'seg-defs')) for (const s of childElements(defs, 'seg')) sdlSegs.set(s.attrs.id ?? '', s);
  const unitProtection = (mid?: string): XliffProtection | undefined => {
    if (translateNo(tu, ancestors)) return 'translate-no';
    const sdl = mid !== undefined ? sdlSegs.get(mid) : undefined;
    if (lockedByExtension(tu) || isYes(sdl?.attrs.locked)) return 'locked';
    if (isYes(tu.attrs.approved) || state === 'final' || state === 'signed-off' || /^Approved/i.test(sdl?.attrs.conf ?? '')) return 'approved';
    return undefined;
  };
  const marks = segSource ? segmentMarks(segSource) : [];
  const place: TargetPlace = { segments: [], insertAt: (segSource ?? source).end, prefix: prefixOf(src.text, source), indent: indentBefore(src.text, source.start.offset) };
  if (target) place.target = target;
  if (marks.length > 0) {
    place.segSource = segSource!;
    place.targetMarks = new Map(target ? segmentMarks(target).map((m) => [m.attrs.mid ?? '', m]) : []);
    for (const mark of marks) {
      const mid = mark.attrs.mid ?? '';
      const t = place.targetMarks.get(mid);
      place.segments.push({
        unit: marks.length > 1 ? `${id}#${mid}` : id,
        unitId: id,
        segmentId: mid,
        index: before + place.segments.length + 1,
        position: mark.start,
        source: readContent(mark, src.text, lines),
        ...(t ? { target: readContent(t, src.text, lines) } : {}),
        ...(state !== undefined ? { state } : {}),
        ...protectionField(unitProtection(mid)),
      });
    }
  } else {
    place.segments.push({
      unit: id,
      unitId: id,
      index: before + 1,
      position: tu.start,
      source: readContent(source, src.text, lines),
      ...(target ? { target: readContent(target, src.text, lines) } : {}),
      ...(state !== undefined ? { state } : {}),
      ...protectionField(unitProtection(sdlSegs.size === 1 ? [...sdlSegs.keys()][0] : undefined)),
    });
  }
  return [place];
}

function protectionField(p: XliffProtection | undefined): { protection?: XliffProtection } {
  return p ? { protection: p } : {};
}

/** The `<mrk mtype="seg">` children of a `<seg-source>` or segmented `<target>`, at any depth of `<g>`. */
function segmentMarks(element: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of childElements(e)) {
      if (c.name === 'mrk' && c.attrs.mtype === 'seg') out.push(c);
      else walk(c);
    }
  };
  walk(element);
  return out;
}

// ---- XLIFF 2.0 ----

function readUnit20(unit: XmlElement, ancestors: readonly XmlElement[], src: XmlSource, lines: LineIndex, before: number): TargetPlace[] {
  const id = unit.attrs.id ?? String(before + 1);
  const segs = childElements(unit, 'segment');
  const noTranslate = translateNo(unit, ancestors);
  const locked = lockedByExtension(unit);
  let count = before;
  return segs.map((segment, k) => {
    const where = { file: src.file, line: segment.start.line, column: segment.start.column };
    const source = childElements(segment, 'source')[0];
    if (!source) throw new InputError(`unit ${id} has a <segment> without <source>`, { location: where, hint: 'Each <segment> holds its text in a <source> element.' });
    const target = childElements(segment, 'target')[0];
    const state = segment.attrs.state;
    const segmentId = segment.attrs.id ?? String(k + 1);
    const protection: XliffProtection | undefined = noTranslate ? 'translate-no' : locked || lockedByExtension(segment) ? 'locked' : state === 'final' ? 'approved' : undefined;
    const seg: XliffSegment = {
      unit: segs.length > 1 ? `${id}#${segmentId}` : id,
      unitId: id,
      ...(segs.length > 1 || segment.attrs.id !== undefined ? { segmentId } : {}),
      index: ++count,
      position: segs.length > 1 ? segment.start : unit.start,
      source: readContent(source, src.text, lines),
      ...(target ? { target: readContent(target, src.text, lines) } : {}),
      ...(state !== undefined ? { state } : {}),
      ...protectionField(protection),
    };
    return { segments: [seg], insertAt: source.end, prefix: prefixOf(src.text, source), indent: indentBefore(src.text, source.start.offset), stateElement: segment, ...(target ? { target } : {}) };
  });
}

// ---- content ----

/**
 * The line break and indentation before `offset`, when only spaces and tabs stand between the line
 * start and it ('' otherwise). Scans back over the indentation only: linear in the file overall.
 */
function indentBefore(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && (text.charCodeAt(start - 1) === 0x20 || text.charCodeAt(start - 1) === 0x09)) start--;
  const before = text.charCodeAt(start - 1);
  if (start === 0 || (before !== 0x0a && before !== 0x0d)) return '';
  const newline = before === 0x0a && text.charCodeAt(start - 2) === 0x0d ? '\r\n' : before === 0x0d ? '\r' : '\n';
  return newline + text.slice(start, offset);
}

type Part = { kind: 'text'; text: string } | { kind: 'tag'; raw: string };

function readContent(element: XmlElement, text: string, lines: LineIndex): XliffContent {
  let checked = '';
  const pieces: TextPiece[] = [];
  const tags: XliffTag[] = [];
  const parts: Part[] = [];
  const addTag = (tag: XliffTag): void => {
    tags.push(tag);
    parts.push({ kind: 'tag', raw: tag.raw });
  };
  const walk = (e: XmlElement): void => {
    for (const [index, c] of e.children.entries()) {
      if (c.kind === 'text') {
        const before = e.children[index - 1];
        const spaced = before?.kind === 'element' && PLACEHOLDERS.has(before.name) && /[ \t]$/.test(checked);
        const { skip, pieces: read } = spaced ? textAfterSpacedPlaceholder(c) : { skip: 0, pieces: c.pieces };
        for (const p of read) pieces.push({ ...p, textStart: p.textStart + checked.length });
        checked += c.text.slice(skip);
        parts.push({ kind: 'text', text: c.text });
        continue;
      }
      const id = c.attrs.id ?? '';
      if (CONTAINERS.has(c.name) && c.contentEnd > c.contentStart) {
        addTag({ name: c.name, kind: 'open', identity: `${c.name}#${id}`, raw: text.slice(c.start.offset, c.contentStart), fileOffset: c.start.offset });
        walk(c);
        addTag({ name: c.name, kind: 'close', identity: `/${c.name}#${id}`, raw: text.slice(c.contentEnd, c.end), fileOffset: c.contentEnd });
        continue;
      }
      const ref = c.attrs.startRef ?? c.attrs.rid ?? '';
      addTag({ name: c.name, kind: 'code', identity: `${c.name}#${id}${ref ? `>${ref}` : ''}`, raw: text.slice(c.start.offset, c.end), fileOffset: c.start.offset });
      if (PLACEHOLDERS.has(c.name) && placeholderReadsAsSpace(checked, e.children, index, (x) => !CONTAINERS.has(x.name))) {
        pieces.push({ textStart: checked.length, length: 1, fileStart: c.start.offset, fileLength: c.end - c.start.offset });
        checked += ' ';
      }
    }
  };
  walk(element);
  const { translatable, markup } = engineText(parts, element.attrs['xml:space'] === 'preserve');
  const { line, column } = lines.position(element.contentStart);
  return { text: checked, pieces, start: element.contentStart, end: element.contentEnd, line, column, tags, translatable, markup };
}

/** The text an engine is given: text in NFC, codes in place (protected), pretty-printing's line breaks folded and the ends trimmed. */
function engineText(parts: readonly Part[], preserve: boolean): { translatable: string; markup: ProtectedSpan[] } {
  const texts = parts.map((p) => (p.kind === 'text' ? (preserve ? p.text : p.text.replace(/[ \t]*\n[ \t]*/g, ' ')).normalize('NFC') : ''));
  if (!preserve && parts.length > 0) {
    if (parts[0]!.kind === 'text') texts[0] = texts[0]!.trimStart();
    if (parts[parts.length - 1]!.kind === 'text') texts[parts.length - 1] = texts[parts.length - 1]!.trimEnd();
  }
  let out = '';
  const markup: ProtectedSpan[] = [];
  parts.forEach((p, i) => {
    if (p.kind === 'text') {
      out += texts[i];
      return;
    }
    const stand = p.raw.normalize('NFC');
    markup.push({ start: out.length, end: out.length + stand.length, replacement: p.raw, kind: 'markup' });
    out += stand;
  });
  return { translatable: out, markup };
}

// ---- checking ----

/** What `check` does with segments the file protects: leave them out (default), or check them too. */
export type ProtectedSegments = 'skip' | 'check';

/** An XLIFF file ready for the checker: both sides, findings moved back into the file, and the file's own findings. */
export interface XliffCheckSet {
  source: { file: string; text: string; paragraphs: Paragraph[] };
  translation: { file: string; text: string; paragraphs: Paragraph[] };
  /** The checker's finding with every position (and its fix) in the XLIFF file. */
  relocate(finding: Finding): Finding;
  /** Where an offset of either side's text stands in the XLIFF file (for places a check names in its messages). */
  position(offset: number, side: 'source' | 'target'): Position;
  /** `tag-mismatch` findings of the checked segments. */
  findings: Finding[];
  /** Segments left out: protected ones (when skipped) and those without a target text. */
  skipped: { protected: number; untranslated: number };
}

/**
 * The segments with a target as checker documents, one paragraph per segment carrying its unit
 * id, and `tag-mismatch` findings for codes of the source missing or repeated in the target (or
 * in the target only).
 * @throws InputError when the file is not Vietnamese to English, or no segment has a target
 */
export function xliffCheckSet(doc: XliffDocument, options: { protectedSegments?: ProtectedSegments } = {}): XliffCheckSet {
  assertLanguages(doc, 'check');
  const skipped = { protected: 0, untranslated: 0 };
  const checked: XliffSegment[] = [];
  for (const s of doc.segments) {
    if (s.protection && options.protectedSegments !== 'check') skipped.protected++;
    else if (!s.target || s.target.text.trim() === '') skipped.untranslated++;
    else checked.push(s);
  }
  if (checked.length === 0) {
    throw new InputError(`this XLIFF file has no translated segment to check (${doc.segments.length} segments: ${skipped.untranslated} without a target, ${skipped.protected} protected)`, {
      location: { file: doc.file },
      hint: 'translate it first (vitrans translate FILE.xlf -e ENGINE), or pass --protected-segments check to check locked and approved ones',
    });
  }
  const lines = new LineIndex(doc.text);
  const ids = checked.map((s) => s.unit);
  // Findings number a segment by its place among all the file's segments, whichever are checked.
  const numbers = checked.map((s) => s.index);
  const vi = segmentsSide(doc.text, checked.map((s) => s.source), ids, lines, numbers);
  const en = segmentsSide(doc.text, checked.map((s) => s.target!), ids, lines, numbers);
  const findings = checked.flatMap((s) => tagMismatches(doc, s, lines));
  return {
    source: { file: doc.file, text: vi.text, paragraphs: vi.paragraphs },
    translation: { file: doc.file, text: en.text, paragraphs: en.paragraphs },
    relocate: (finding) => {
      const segment = finding.paragraph !== undefined ? checked[finding.paragraph - 1]! : undefined;
      return { ...en.locator.relocate(finding, vi.locator), ...(segment ? { paragraph: segment.index, unit: segment.unit } : {}) };
    },
    position: (offset, side) => (side === 'source' ? vi : en).locator.position(offset),
    findings,
    skipped,
  };
}

/** Codes of the source missing, repeated or added in the segment's target. */
export function tagMismatches(doc: XliffDocument, segment: XliffSegment, lines: LineIndex = new LineIndex(doc.text)): Finding[] {
  const target = segment.target;
  if (!target) return [];
  const count = (tags: readonly XliffTag[]): Map<string, XliffTag[]> => {
    const m = new Map<string, XliffTag[]>();
    for (const t of tags) {
      if (t.kind === 'close') continue; // a container is one code: its end tag comes with its start tag
      const list = m.get(t.identity);
      if (list) list.push(t);
      else m.set(t.identity, [t]);
    }
    return m;
  };
  const inSource = count(segment.source.tags);
  const inTarget = count(target.tags);
  const out: Finding[] = [];
  const finding = (message: string, at: number, length: number, actual: string): Finding => ({
    ruleId: TAG_MISMATCH,
    severity: 'error',
    message,
    file: doc.file,
    paragraph: segment.index,
    span: lines.span(at, at + length),
    unit: segment.unit,
    actual,
  });
  for (const [identity, tags] of inSource) {
    const found = inTarget.get(identity) ?? [];
    const shown = startTag(tags[0]!);
    if (found.length < tags.length) {
      out.push(finding(`the source's inline code ${shown} is missing in the target of unit ${segment.unit}`, target.start, 0, shown));
    } else if (found.length > tags.length) {
      const extra = found[tags.length]!;
      out.push(finding(`the inline code ${shown} appears ${found.length} times in the target of unit ${segment.unit}, ${tags.length === 1 ? 'once' : `${tags.length} times`} in the source`, extra.fileOffset, startTag(extra).length, shown));
    }
  }
  for (const [identity, tags] of inTarget) {
    if (inSource.has(identity)) continue;
    const shown = startTag(tags[0]!);
    out.push(finding(`the target of unit ${segment.unit} has the inline code ${shown}, which its source does not have`, tags[0]!.fileOffset, shown.length, shown));
  }
  return out;
}

/** A code as shown in messages: its start tag (`<g id="1">`, `<x id="2"/>`). */
function startTag(tag: XliffTag): string {
  const end = tag.raw.indexOf('>');
  return end < 0 ? tag.raw : tag.raw.slice(0, end + 1);
}

/** Stops when the file is not Vietnamese into English (or, when it names no target yet, not from Vietnamese). */
function assertLanguages(doc: XliffDocument, what: 'check' | 'translate', targetLang = 'en'): void {
  const where = { file: doc.file, line: 1, column: 1 };
  if (doc.sourceLang !== '' && !isVietnameseTag(doc.sourceLang)) {
    throw new InputError(`this XLIFF file's source language is "${doc.sourceLang}", not Vietnamese`, { location: where, hint: `vitrans ${what}s Vietnamese sources: export the project's vi files` });
  }
  const englishTarget = targetLang.toLowerCase().startsWith('en');
  if (doc.targetLang !== '' && englishTarget && !isEnglishTag(doc.targetLang)) {
    throw new InputError(`this XLIFF file's target language is "${doc.targetLang}", not English`, { location: where, hint: `vitrans ${what}s into English: export the project's English target files` });
  }
}

// ---- writing ----

/** A new target for one segment: its text with the source's codes in place (as `translate` returns it). */
export interface XliffTarget {
  segment: XliffSegment;
  /** The translation, each inline code exactly as its `XliffTag.raw` (what unmasking puts back). */
  text: string;
}

/** How written targets are marked, as the format expects it. */
export interface XliffWriteOptions {
  /** `needs-review` (default: machine translation a linguist has not seen) or `translated`. */
  state?: 'needs-review' | 'translated';
  /** The target language, written where the file names none yet. */
  targetLang: string;
}

/**
 * The file with the given targets written in: each `<target>` replaced (or inserted after its
 * `<source>`/`<seg-source>`, indented as its source), the state set (1.2: `state` on the
 * target, with `state-qualifier="mt-suggestion"` while it needs review; 2.0: `state` on the
 * segment, `translated` either way as 2.0 has no review state below it), the target language
 * added where the file lacks it. Everything else stays byte for byte.
 * @throws InputError when a translation holds a character XML cannot carry
 */
export function writeXliff(doc: XliffDocument, targets: readonly XliffTarget[], options: XliffWriteOptions): string {
  const layout = LAYOUTS.get(doc);
  if (!layout) throw new TypeError('writeXliff takes a document read by readXliff');
  const bySegment = new Map(targets.map((t) => [t.segment, t.text]));
  for (const t of targets) {
    const bad = firstNonXmlChar(t.text);
    if (bad !== undefined) {
      throw new InputError(`the translation of unit ${t.segment.unit} contains U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}, which XML cannot carry`, {
        location: { file: doc.file, line: t.segment.position.line, column: t.segment.position.column },
        hint: 'nothing was written; remove the character from the translation (or the cache entry) and run again',
      });
    }
  }
  const edits: Edit[] = [];
  const review = (options.state ?? 'needs-review') === 'needs-review';
  for (const place of layout.places) {
    const changed = place.segments.filter((s) => bySegment.has(s));
    if (changed.length === 0) continue;
    const content = place.segSource ? segmentedContent(doc.text, place, bySegment) : contentOf(changed[0]!, bySegment.get(changed[0]!)!);
    if (doc.version === '1.2') {
      const attrs: Record<string, string> = { ...(place.target?.attrs ?? { 'xml:lang': doc.targetLang || options.targetLang }) };
      attrs.state = review ? 'needs-review-translation' : 'translated';
      if (review) attrs['state-qualifier'] = 'mt-suggestion';
      else delete attrs['state-qualifier'];
      writeTarget(doc.text, place, attrs, content, edits);
    } else {
      writeTarget(doc.text, place, place.target?.attrs ?? {}, content, edits);
      const seg = place.stateElement!;
      edits.push({ start: seg.start.offset, end: seg.contentStart, text: startTagText(doc.text, seg, { ...seg.attrs, state: 'translated' }, seg.contentEnd === seg.contentStart && seg.end === seg.contentStart) });
    }
  }
  if (edits.length > 0 && doc.targetLang === '') {
    for (const r of layout.roots) edits.push({ start: r.element.start.offset, end: r.element.contentStart, text: startTagText(doc.text, r.element, { ...r.element.attrs, [r.langAttr]: options.targetLang }, false) });
  }
  return applyEdits(doc.text, edits);
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A translation as target content: text escaped, each of the segment's codes written as it was. */
function contentOf(segment: XliffSegment, translation: string): string {
  const raws = [...new Set(segment.source.markup.map((m) => m.replacement))].sort((a, b) => b.length - a.length);
  if (raws.length === 0) return escapeXmlText(translation);
  const codes = new RegExp(raws.map((r) => r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  let out = '';
  let at = 0;
  for (const m of translation.matchAll(codes)) {
    out += escapeXmlText(translation.slice(at, m.index)) + m[0];
    at = m.index + m[0].length;
  }
  return out + escapeXmlText(translation.slice(at));
}

/** A segmented 1.2 target: the seg-source's structure, each `<mrk mtype="seg">` holding its new (or kept) translation. */
function segmentedContent(text: string, place: TargetPlace, bySegment: ReadonlyMap<XliffSegment, string>): string {
  const segSource = place.segSource!;
  const byMid = new Map(place.segments.map((s) => [s.segmentId ?? '', s]));
  let out = '';
  let at = segSource.contentStart;
  for (const mark of segmentMarks(segSource)) {
    const mid = mark.attrs.mid ?? '';
    const seg = byMid.get(mid);
    out += text.slice(at, mark.contentStart);
    const translation = seg ? bySegment.get(seg) : undefined;
    const kept = place.targetMarks?.get(mid);
    if (translation !== undefined) out += contentOf(seg!, translation);
    else if (kept) out += text.slice(kept.contentStart, kept.contentEnd);
    at = mark.contentEnd;
  }
  return out + text.slice(at, segSource.contentEnd);
}

function writeTarget(text: string, place: TargetPlace, attrs: Record<string, string>, content: string, edits: Edit[]): void {
  const target = place.target;
  if (!target) {
    const name = `${place.prefix}target`;
    edits.push({ start: place.insertAt, end: place.insertAt, text: `${place.indent}<${name}${attributesText(attrs)}>${content}</${name}>` });
    return;
  }
  const name = qualifiedName(text, target);
  if (target.end === target.contentStart) {
    // <target/>: written out with its content
    edits.push({ start: target.start.offset, end: target.end, text: `<${name}${attributesText(attrs)}>${content}</${name}>` });
    return;
  }
  edits.push({ start: target.start.offset, end: target.contentStart, text: `<${name}${attributesText(attrs)}>` });
  edits.push({ start: target.contentStart, end: target.contentEnd, text: content });
}

/** An element's qualified name as written (`target`, `x:target`). */
function qualifiedName(text: string, element: Pick<XmlElement, 'start'>): string {
  return /^<([^\s/>]+)/.exec(text.slice(element.start.offset, element.start.offset + 300))![1]!;
}

/** An element's namespace prefix with its colon, '' when it has none. */
function prefixOf(text: string, element: XmlElement): string {
  const q = qualifiedName(text, element);
  return q.includes(':') ? q.slice(0, q.indexOf(':') + 1) : '';
}

function startTagText(text: string, element: XmlElement, attrs: Record<string, string>, selfClosing: boolean): string {
  return `<${qualifiedName(text, element)}${attributesText(attrs)}${selfClosing ? '/>' : '>'}`;
}

function attributesText(attrs: Readonly<Record<string, string>>): string {
  return Object.entries(attrs).map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`).join('');
}

/** Text escaped for a double-quoted XML attribute (tabs and line ends as references, so they survive normalisation). */
export function escapeXmlAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function applyEdits(text: string, edits: Edit[]): string {
  // Stable by start: an insertion at a target's start keeps its place before the replacement there.
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i).map((x) => x.e);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    parts.push(text.slice(at, e.start), e.text);
    at = Math.max(at, e.end);
  }
  parts.push(text.slice(at));
  return parts.join('');
}

// ---- files ----

/**
 * Reads and parses an XLIFF file. `shown` is the path as the user wrote it (used in every message).
 * @throws InputError when the file is missing, unreadable, not decodable or not XLIFF
 */
export async function readXliffFile(path: string, shown = path): Promise<XliffDocument> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw readError(error, shown);
  }
  return readXliff(decodeXml(bytes, shown));
}

/**
 * The written text as a UTF-8 file holds it: the XML declaration says UTF-8 (a UTF-16 file from
 * Trados comes back as UTF-8, which every CAT tool reads).
 */
export function asUtf8Xml(text: string): string {
  return text.replace(/^(<\?xml[^>]*\bencoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2');
}

/** Segments `translate` fills: not protected, and without a target text unless `overwrite`. */
export function segmentsToTranslate(doc: XliffDocument, options: { overwrite?: boolean; targetLang?: string } = {}): { segments: XliffSegment[]; protected: number; kept: number } {
  assertLanguages(doc, 'translate', options.targetLang);
  const segments: XliffSegment[] = [];
  let prot = 0;
  let kept = 0;
  for (const s of doc.segments) {
    if (s.protection) prot++;
    else if (s.source.translatable.trim() === '') continue;
    else if (!options.overwrite && s.target && s.target.text.trim() !== '') kept++;
    else segments.push(s);
  }
  return { segments, protected: prot, kept };
}
