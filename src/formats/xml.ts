/**
 * Reading XML interchange files (TMX, TBX) with exact positions: bytes to text (UTF-8 or UTF-16 by
 * byte-order mark and declaration), and saxes events to a small element tree in which every
 * element knows where it starts and every text run knows which characters of the file it came
 * from, so findings and errors can point into the file as the user has it.
 *
 * saxes does the parsing (well-formedness, entities, CDATA, line ends); this module only keeps
 * the books on offsets.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { InputError } from '../core/errors.js';
import type { Position } from '../core/types.js';
import { LineIndex } from '../text/positions.js';

/**
 * A stretch of decoded text and the file range it came from. `length` decoded UTF-16 units come
 * from `fileLength` units of the file at `fileStart`: equal for plain characters, longer in the
 * file for an entity (`&amp;` → `&`) or a normalised line end (`\r\n` → `\n`), and zero-length in
 * the text for markup that stands in the text for nothing.
 */
export interface TextPiece {
  textStart: number;
  length: number;
  fileStart: number;
  fileLength: number;
}

/** A run of character data (text, entities, CDATA) between two tags. */
export interface XmlText {
  kind: 'text';
  /** Decoded, line ends normalised as XML requires. */
  text: string;
  /** Where the characters of `text` are in the file (pieces relative to `text`). */
  pieces: TextPiece[];
}

/** An element with its attributes, children and place in the file. */
export interface XmlElement {
  kind: 'element';
  /** Local name (`langSec`, `tuv`), without prefix. */
  name: string;
  /** Namespace URI, '' when none. */
  ns: string;
  /** Attributes by qualified name as written (`xml:lang`, `type`). */
  attrs: Readonly<Record<string, string>>;
  children: (XmlElement | XmlText)[];
  /** Offset of its `<` in the decoded file text, and line:column there. */
  start: Position;
  /** Offset just after its start tag's `>` (where its content begins). */
  contentStart: number;
  /** Offset of its end tag's `<` (where its content ends); equal to contentStart when empty. */
  contentEnd: number;
  /** Offset just after the element (after its end tag's `>`). */
  end: number;
}

/** A decoded XML file: the text positions refer to, and the path shown in messages. */
export interface XmlSource {
  file: string;
  text: string;
}

/**
 * Decodes an XML file's bytes: UTF-16 (LE/BE, by byte-order mark, as Trados and Excel write it)
 * or UTF-8 (with or without BOM); an `encoding` declaration other than UTF-8/UTF-16 is decoded
 * with the platform's decoder when it knows it.
 * @throws InputError for an empty file, invalid UTF-8, or an encoding this runtime cannot decode
 * @example decodeXml(new TextEncoder().encode('<tmx/>'), 'a.tmx').text === '<tmx/>'
 */
export function decodeXml(bytes: Uint8Array, file: string): XmlSource {
  const location = { file };
  if (bytes.length === 0) throw new InputError('the file is empty', { location, hint: 'Pass the exported file itself, not an empty one.' });
  let encoding = 'utf-8';
  let skip = 0;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, skip] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, skip] = ['utf-16be', 2];
  else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) skip = 3;
  else if (bytes[0] === 0x3c && bytes[1] === 0x00) encoding = 'utf-16le';
  else if (bytes[0] === 0x00 && bytes[1] === 0x3c) encoding = 'utf-16be';
  else {
    // An ASCII-compatible file may declare another encoding (ISO-8859-1 from old tools).
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
    const declared = /^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
    if (declared && !['utf-8', 'utf8', 'utf-16', 'utf16'].includes(declared)) encoding = declared;
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  } catch {
    throw new InputError(`the file declares the encoding "${encoding}", which vitrans cannot decode`, {
      location,
      hint: 'Export the file again as UTF-8 (or UTF-16), or convert it with iconv.',
    });
  }
  try {
    return { file, text: decoder.decode(bytes.subarray(skip)) };
  } catch (cause) {
    throw new InputError(`the file is not valid ${encoding.toUpperCase()}`, {
      location,
      hint: 'Export the file again as UTF-8, or fix the encoding declaration in its first line.',
      cause,
    });
  }
}

/** Options for `parseXml`. */
export interface ParseXmlOptions {
  /**
   * Local name of elements to hand over one by one and not keep in the tree (`tu` for a TMX), so
   * a large file is held one unit at a time. Their subtrees are complete when handed over, with
   * the elements still open around them (root first; read them then, the list changes later).
   */
  stream?: { element: string | readonly string[]; onElement: (element: XmlElement, ancestors: readonly XmlElement[]) => void };
  /** What the file should be, for the "malformed" message's hint (e.g. "a TMX file"). */
  expected?: string;
  /** The text's line index, when the caller has one already (building one is a pass over the text). */
  lines?: LineIndex;
}

/**
 * Parses XML text into an element tree with positions.
 * @throws InputError `malformed XML` at file:line:col for anything that is not well-formed
 * @example parseXml({ file: 'a.tbx', text: '<tbx><text/></tbx>' }).name === 'tbx'
 */
export function parseXml(source: XmlSource, options: ParseXmlOptions = {}): XmlElement {
  const { file, text } = source;
  const lines = options.lines ?? new LineIndex(text);
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  const streamedNames = new Set(typeof options.stream?.element === 'string' ? [options.stream.element] : (options.stream?.element ?? []));
  let root: XmlElement | undefined;
  // Offset just after the last piece of markup: character data starts there.
  let lastEnd = 0;

  const appendText = (decoded: string, rawStart: number, rawEnd: number, cdata: boolean): void => {
    const parent = stack[stack.length - 1];
    if (!parent || decoded === '') return;
    const pieces = cdata ? cdataPieces(text, rawStart, rawEnd) : textPieces(text, rawStart, rawEnd, decoded);
    const last = parent.children[parent.children.length - 1];
    if (last?.kind === 'text') {
      const shift = last.text.length;
      for (const p of pieces) last.pieces.push({ ...p, textStart: p.textStart + shift });
      last.text += decoded;
    } else {
      parent.children.push({ kind: 'text', text: decoded, pieces });
    }
  };

  parser.on('xmldecl', () => (lastEnd = parser.position));
  parser.on('doctype', () => (lastEnd = parser.position));
  parser.on('comment', () => (lastEnd = parser.position));
  parser.on('processinginstruction', () => (lastEnd = parser.position));
  parser.on('text', (t) => {
    // The event comes when the next `<` has been read (or at the end of the input).
    const end = text.charCodeAt(parser.position - 1) === 0x3c ? parser.position - 1 : parser.position;
    appendText(t, lastEnd, end, false);
    lastEnd = end;
  });
  parser.on('cdata', (t) => {
    appendText(t, lastEnd, parser.position, true);
    lastEnd = parser.position;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const startOffset = text.lastIndexOf('<', parser.position - 1);
    const attrs: Record<string, string> = {};
    for (const [name, attr] of Object.entries(tag.attributes)) attrs[name] = attr.value;
    const element: XmlElement = {
      kind: 'element',
      name: tag.local,
      ns: tag.uri,
      attrs,
      children: [],
      start: lines.position(startOffset),
      contentStart: parser.position,
      contentEnd: parser.position,
      end: parser.position,
    };
    const parent = stack[stack.length - 1];
    const streamed = streamedNames.has(tag.local) && stack.length > 0;
    if (parent && !streamed) parent.children.push(element);
    if (!root) root = element;
    stack.push(element);
    lastEnd = parser.position;
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    const element = stack.pop()!;
    element.contentEnd = tag.isSelfClosing ? element.contentStart : text.lastIndexOf('<', parser.position - 1);
    element.end = parser.position;
    lastEnd = parser.position;
    if (streamedNames.has(element.name) && stack.length > 0) options.stream!.onElement(element, stack);
  });

  try {
    parser.write(text).close();
  } catch (err) {
    if (err instanceof InputError) throw err; // from a stream handler: already says where
    const { line, column } = lines.position(Math.min(parser.position, text.length));
    const reason = ((err as Error).message.split(': ').slice(1).join(': ') || (err as Error).message).replace(/\.$/, '');
    throw new InputError(`malformed XML: ${reason}`, {
      location: { file, line, column },
      hint: `The file is not well-formed XML${options.expected ? ` (expected ${options.expected})` : ''}: fix it here, or export it again from its tool.`,
      cause: err,
    });
  }
  if (!root) throw new InputError('no XML element in the file', { location: { file }, hint: `Pass ${options.expected ?? 'an XML file'}.` });
  return root;
}

/** The pieces of a CDATA section: its content is copied as written (no entities, line ends normalised). */
function cdataPieces(text: string, rawStart: number, rawEnd: number): TextPiece[] {
  const contentStart = rawStart + '<![CDATA['.length;
  return linePieces(text, contentStart, rawEnd - ']]>'.length, 0);
}

/**
 * The pieces of character data [rawStart, rawEnd) as saxes decoded it into `decoded`: plain runs
 * one to one, each entity or character reference one decoded character, each `\r\n` or `\r` one
 * `\n`. Checked against saxes's own decoding; should the two ever disagree, the whole run is
 * mapped as one piece (positions then point at the run, never outside it).
 */
function textPieces(text: string, rawStart: number, rawEnd: number, decoded: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let out = '';
  let runStart = rawStart;
  const flush = (upTo: number): void => {
    if (upTo > runStart) {
      for (const item of linePieces(text, runStart, upTo, out.length)) pieces.push(item);
      out += text.slice(runStart, upTo).replace(/\r\n?/g, '\n');
    }
  };
  for (let i = rawStart; i < rawEnd; i++) {
    if (text.charCodeAt(i) !== 0x26 /* & */) continue;
    const semi = text.indexOf(';', i);
    if (semi < 0 || semi >= rawEnd) break;
    flush(i);
    const value = referenceValue(text.slice(i + 1, semi));
    if (value === undefined) break;
    pieces.push({ textStart: out.length, length: value.length, fileStart: i, fileLength: semi + 1 - i });
    out += value;
    i = semi;
    runStart = semi + 1;
  }
  flush(rawEnd);
  if (out !== decoded) return [{ textStart: 0, length: decoded.length, fileStart: rawStart, fileLength: rawEnd - rawStart }];
  return pieces;
}

/** One-to-one pieces of raw text, except that each `\r\n` (or lone `\r`) is one `\n` of text. */
function linePieces(text: string, from: number, to: number, textStart: number): TextPiece[] {
  const pieces: TextPiece[] = [];
  let t = textStart;
  let start = from;
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) !== 0x0d) continue;
    if (i > start) pieces.push({ textStart: t, length: i - start, fileStart: start, fileLength: i - start });
    t += i - start;
    const crlf = text.charCodeAt(i + 1) === 0x0a && i + 1 < to;
    pieces.push({ textStart: t, length: 1, fileStart: i, fileLength: crlf ? 2 : 1 });
    t += 1;
    if (crlf) i++;
    start = i + 1;
  }
  if (to > start) pieces.push({ textStart: t, length: to - start, fileStart: start, fileLength: to - start });
  return pieces;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function referenceValue(name: string): string | undefined {
  if (name.startsWith('#x') || name.startsWith('#X')) return safeCodePoint(parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return safeCodePoint(parseInt(name.slice(1), 10));
  return PREDEFINED[name];
}

function safeCodePoint(n: number): string | undefined {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

/** Child elements of `element` with the local name `name` (any namespace). */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of element.children) if (c.kind === 'element' && (name === undefined || c.name === name)) out.push(c);
  return out;
}

/**
 * All the character data inside an element, tags left out, trimmed; a line break with the
 * indentation around it (pretty-printed XML) becomes one space, other spaces stay as written.
 */
export function plainText(element: XmlElement): string {
  const parts: string[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      if (c.kind === 'text') parts.push(c.text);
      else walk(c);
    }
  };
  walk(element);
  return parts.join('').replace(/[ \t]*[\r\n]+[ \t]*/g, ' ').trim();
}

/** The `xml:lang` of an element (or the deprecated `lang` of TMX 1.1), '' when neither is set. */
export function langOf(element: XmlElement): string {
  return element.attrs['xml:lang'] ?? element.attrs.lang ?? '';
}

/** Whether a language tag names Vietnamese (`vi`, `vi-VN`, ISO 639-2 `vie`), any case. */
export function isVietnameseTag(tag: string): boolean {
  return /^(vi|vie)(?:[-_]|$)/i.test(tag.trim());
}

/** Whether a language tag names English (`en`, `en-GB`, ISO 639-2 `eng`), any case. */
export function isEnglishTag(tag: string): boolean {
  return /^(en|eng)(?:[-_]|$)/i.test(tag.trim());
}

/** Characters XML 1.0 cannot carry at all (not even as references): most C0 controls, lone surrogates, U+FFFE/U+FFFF. */
// With the `u` flag a surrogate pair is one code point, so the surrogate range matches lone ones only.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/u;

/** The first character of `text` that XML 1.0 cannot hold, or undefined. */
export function firstNonXmlChar(text: string): string | undefined {
  return NOT_XML.exec(text)?.[0];
}

/**
 * The pieces of a run of text read after an inline placeholder that read as nothing because a space
 * stood before it, without the run's own leading space: "billion <x/> in" reads "billion in", one
 * space as in the source's "tỷ USD <x/> trong", not two spaces in a row that no edit of the file
 * could make one. Gives `skip` 1 and the pieces relative to the text read (`run.text.slice(1)`),
 * or `skip` 0 when the run does not start with a plain space.
 */
export function textAfterSpacedPlaceholder(run: XmlText): { skip: 0 | 1; pieces: TextPiece[] } {
  const first = run.pieces[0];
  if (!/^[ \t]/.test(run.text) || !first || first.textStart !== 0 || first.length !== first.fileLength) return { skip: 0, pieces: run.pieces };
  const pieces: TextPiece[] = [];
  if (first.length > 1) pieces.push({ textStart: 0, length: first.length - 1, fileStart: first.fileStart + 1, fileLength: first.fileLength - 1 });
  for (let k = 1; k < run.pieces.length; k++) pieces.push({ ...run.pieces[k]!, textStart: run.pieces[k]!.textStart - 1 });
  return { skip: 1, pieces };
}

/**
 * Whether an inline placeholder (`<x/>`, `<ph>`) at `children[index]` reads as a space (`isCode`:
 * which elements are codes, read as nothing or as a placeholder, never for their text): it
 * stands for something between two words, so it does, unless a space is already there on either
 * side ("signed <x/>a Memorandum" reads "signed a Memorandum", not with two spaces).
 */
export function placeholderReadsAsSpace(readSoFar: string, children: readonly (XmlElement | XmlText)[], index: number, isCode: (e: XmlElement) => boolean): boolean {
  if (/\s$/.test(readSoFar)) return false;
  // The text after it, past the codes standing beside it ("chains<ph/><ph/> in": bold and italic closed).
  let k = index + 1;
  for (let c = children[k]; c?.kind === 'element' && isCode(c); c = children[++k]);
  const next = children[k];
  return !(next?.kind === 'text' && /^\s/.test(next.text));
}
