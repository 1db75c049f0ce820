/**
 * Word (.docx) articles: the paragraphs of `word/document.xml` read for checking and translation,
 * and translations written back into the same document, every other part of the package (styles,
 * numbering, relationships, images, headers) left byte for byte as it was.
 *
 * A paragraph is a `<w:p>` of the body (table cells and block content controls included; the
 * paragraphs of text boxes, headers, footers, footnotes and comments are not read). Its text is
 * the `<w:t>` of its runs, inside hyperlinks, smart tags, custom XML and tracked insertions too.
 *
 * For translation a paragraph becomes one string in which formatting and structure are protected
 * markup (the placeholder mechanism Markdown and XLIFF inline codes use): the paragraph's most
 * common run formatting is plain text; a stretch in other formatting (bold, italic, a character
 * style) is wrapped in an open and a close marker, a hyperlink too; what is no text (a tab or
 * line break, a bookmark, a field, a picture, a footnote reference, a tracked deletion) is a code
 * marker put back where the engine leaves it, or at the paragraph's end if it lost it. Writing
 * rebuilds the paragraph's runs from the translation: each stretch gets its source run's
 * `<w:rPr>` as written, each link its `<w:hyperlink>` start tag (so its `r:id` still names the
 * same relationship); the paragraph's `<w:pPr>` (style, heading level, numbering) is kept as it is.
 * Spelling marks (`w:proofErr`) and Word's layout hints (`w:lastRenderedPageBreak`, run `rsid`s)
 * say nothing about the English and are not carried over; smart tags and tracked insertions are
 * read for their text and written as plain runs.
 *
 * Positions: Word numbers no lines, so the checker reads a document as one line per paragraph
 * (empty ones included): `article.docx:12:5` is the 12th paragraph of the body, 5th character.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { InputError } from '../core/errors.js';
import type { Paragraph, ProtectedSpan } from '../core/types.js';
import { readError } from '../text/read.js';
import { escapeXmlText } from './tmx.js';
import { childElements, decodeXml, firstNonXmlChar, parseXml, type XmlElement } from './xml.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const OFFICE_DOCUMENT = /\/officeDocument$/;

/** A span of a paragraph in formatting other than the paragraph's own, or a hyperlink. */
type Wrapper = { kind: 'format'; rPr: string } | { kind: 'link'; open: string; close: string; rPr: string };

/** One paragraph of the document body. */
export interface DocxParagraph {
  /** 1-based among the body's paragraphs (empty ones counted): the line of the checker's view. */
  number: number;
  /** The text as the checker reads it: runs' text, tabs and breaks as a space, other codes as nothing. */
  text: string;
  /** What an engine is given: NFC text with markers (protected markup) for formatting, links and codes. */
  translatable: string;
  markup: ProtectedSpan[];
  /** Where the rebuilt runs go in document.xml: after the `<w:pPr>`, to the paragraph's end tag. */
  contentStart: number;
  contentEnd: number;
  /** The run formatting of plain text (`<w:rPr>…</w:rPr>` as written, '' for none). */
  baseRPr: string;
  wrappers: Wrapper[];
  /** Codes as written in document.xml, by marker number. */
  codes: string[];
  /** The qualified-name prefix of the WordprocessingML elements as written (`w:`). */
  prefix: string;
}

/** A Word document read into memory. */
export interface DocxDocument {
  /** The path shown in messages. */
  file: string;
  /** Path of the main document part inside the package (`word/document.xml`). */
  part: string;
  /** The part's decoded text, which every offset refers to. */
  xml: string;
  paragraphs: DocxParagraph[];
  zip: JSZip;
}

/** The checker's view of a document: one line per body paragraph, and the paragraphs with text. */
export interface DocxView {
  text: string;
  paragraphs: Paragraph[];
}

const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';
const MARKER = /\uE000([<>*])(\d+)\uE001/g;

function marker(kind: '<' | '>' | '*', n: number): string {
  return `${MARK_OPEN}${kind}${n}${MARK_CLOSE}`;
}

/**
 * Reads a .docx file's bytes.
 * @throws InputError for bytes that are no ZIP archive, a ZIP that is no Word document (a renamed
 *   workbook or presentation, a plain archive), and, at `FILE/word/document.xml:line:col`, a main
 *   part that is not well-formed XML
 * @example (await readDocx(bytes, 'bai.docx')).paragraphs[0].text
 */
export async function readDocx(bytes: Uint8Array, file: string): Promise<DocxDocument> {
  const hint = 'save the article from Word (or LibreOffice) as a Word document (.docx) and pass that file';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new InputError('this is an old Word 97–2003 document (.doc), not a .docx', { location: { file }, hint: 'open it in Word or LibreOffice and save it as a Word document (.docx)' });
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (cause) {
    throw new InputError('not a Word document: the file is not a ZIP archive', { location: { file }, hint, cause });
  }
  const part = await mainPart(zip, file, hint);
  const entry = zip.file(part);
  if (!entry) throw new InputError(`not a Word document: the package names ${part} as its document, and it is missing`, { location: { file }, hint });
  const source = decodeXml(await entry.async('uint8array'), `${file}/${part}`);
  const paragraphs: DocxParagraph[] = [];
  const root = parseXml(source, {
    expected: 'the WordprocessingML of a Word document',
    stream: {
      element: 'p',
      onElement: (p, ancestors) => {
        // A text box's paragraphs sit inside a run of another paragraph: that one is read, they are not.
        if (p.ns !== W || !ancestors.some((a) => a.name === 'body') || ancestors.some((a) => a.name === 'p' && a.ns === W)) return;
        paragraphs.push(readParagraph(p, source.text, paragraphs.length + 1));
      },
    },
  });
  if (root.name !== 'document' || root.ns !== W) {
    throw new InputError(`not a Word document: ${part} holds <${root.name}>, not a WordprocessingML <w:document>`, { location: { file: source.file, line: root.start.line, column: root.start.column }, hint });
  }
  return { file, part, xml: source.text, paragraphs, zip };
}

/** The package's main part, from its relationships, checked to be a Word document by its content type. */
async function mainPart(zip: JSZip, file: string, hint: string): Promise<string> {
  const rels = zip.file('_rels/.rels');
  const types = zip.file('[Content_Types].xml');
  if (!rels || !types) throw new InputError('not a Word document: a ZIP archive without the parts of an Office document', { location: { file }, hint });
  const relsXml = parseXml(decodeXml(await rels.async('uint8array'), `${file}/_rels/.rels`), { expected: 'package relationships' });
  const main = childElements(relsXml, 'Relationship').find((r) => OFFICE_DOCUMENT.test(r.attrs.Type ?? ''));
  const target = main?.attrs.Target?.replace(/^\//, '');
  if (!target) throw new InputError('not a Word document: the package names no main document', { location: { file }, hint });
  const typesXml = parseXml(decodeXml(await types.async('uint8array'), `${file}/[Content_Types].xml`), { expected: 'the content types of an Office document' });
  const override = childElements(typesXml, 'Override').find((o) => (o.attrs.PartName ?? '').replace(/^\//, '') === target);
  const extension = target.slice(target.lastIndexOf('.') + 1);
  const type = override?.attrs.ContentType ?? childElements(typesXml, 'Default').find((d) => d.attrs.Extension === extension)?.attrs.ContentType ?? '';
  if (!type.includes('wordprocessingml')) {
    const what = type.includes('spreadsheetml') ? 'an Excel workbook' : type.includes('presentationml') ? 'a PowerPoint presentation' : `a package of another kind (${type || 'no content type'})`;
    throw new InputError(`not a Word document: this is ${what} with a .docx name`, { location: { file }, hint });
  }
  return target;
}

/** Containers read for the runs inside them, and not written again. */
const TRANSPARENT = new Set(['smartTag', 'customXml', 'ins', 'moveTo', 'dir', 'bdo']);
/** Markup of no meaning for the translation, left out. */
const DROPPED = new Set(['proofErr', 'pPr', 'smartTagPr', 'customXmlPr']);
/** Run children read as a space by the checker (they separate words). */
const SPACING = new Set(['tab', 'br', 'cr', 'ptab']);

type Event = { kind: 'text'; text: string; rPr: string; link: number | undefined } | { kind: 'code'; raw: string; spacing: boolean } | { kind: 'link-open' | 'link-close'; link: number };

function readParagraph(p: XmlElement, xml: string, number: number): DocxParagraph {
  const prefix = /^<([^\s/>:]+:)?p[\s/>]/.exec(xml.slice(p.start.offset, p.start.offset + 64))?.[1] ?? '';
  const raw = (e: XmlElement): string => xml.slice(e.start.offset, e.end);
  const events: Event[] = [];
  const links: { open: string; close: string }[] = [];
  const walk = (container: XmlElement, link: number | undefined): void => {
    const kids = childElements(container);
    for (let i = 0; i < kids.length; i++) {
      const c = kids[i]!;
      if (c.ns !== W) {
        events.push({ kind: 'code', raw: raw(c), spacing: false });
      } else if (DROPPED.has(c.name)) {
        continue;
      } else if (TRANSPARENT.has(c.name)) {
        walk(c, link);
      } else if (c.name === 'hyperlink') {
        const n = links.length;
        links.push({ open: xml.slice(c.start.offset, c.contentStart), close: c.contentEnd === c.contentStart ? '' : xml.slice(c.contentEnd, c.end) });
        events.push({ kind: 'link-open', link: n });
        walk(c, n);
        events.push({ kind: 'link-close', link: n });
      } else if (c.name === 'r') {
        const end = fieldEnd(kids, i);
        if (end > i) {
          // A field (its instruction and its shown result) goes back whole.
          events.push({ kind: 'code', raw: xml.slice(c.start.offset, kids[end]!.end), spacing: false });
          i = end;
        } else readRun(c, xml, prefix, link, events);
      } else {
        events.push({ kind: 'code', raw: raw(c), spacing: false });
      }
    }
  };
  walk(p, undefined);
  const pPr = childElements(p, 'pPr')[0];
  const contentStart = pPr ? pPr.end : p.contentStart;
  return buildParagraph(events, links, { number, prefix, contentStart, contentEnd: p.contentEnd });
}

/** Index of the run ending the field that the run at `i` begins (among its siblings), else `i`. */
function fieldEnd(kids: readonly XmlElement[], i: number): number {
  const type = (r: XmlElement): string | undefined => childElements(r, 'fldChar')[0]?.attrs['w:fldCharType'];
  if (type(kids[i]!) !== 'begin') return i;
  let depth = 0;
  for (let k = i; k < kids.length; k++) {
    const t = kids[k]!.name === 'r' ? type(kids[k]!) : undefined;
    if (t === 'begin') depth++;
    else if (t === 'end' && --depth === 0) return k;
  }
  return i;
}

function readRun(r: XmlElement, xml: string, prefix: string, link: number | undefined, events: Event[]): void {
  const rPrElement = childElements(r, 'rPr')[0];
  const rPr = rPrElement ? xml.slice(rPrElement.start.offset, rPrElement.end) : '';
  for (const c of childElements(r)) {
    if (c === rPrElement || (c.ns === W && c.name === 'lastRenderedPageBreak')) continue;
    if (c.ns === W && c.name === 't') {
      const text = c.children.map((x) => (x.kind === 'text' ? x.text : '')).join('');
      if (text !== '') events.push({ kind: 'text', text, rPr, link });
      continue;
    }
    // Anything else in a run (a tab, a break, a picture, a footnote reference) stands in its own run.
    events.push({ kind: 'code', raw: `<${prefix}r>${rPr}${xml.slice(c.start.offset, c.end)}</${prefix}r>`, spacing: c.ns === W && SPACING.has(c.name) });
  }
}

function buildParagraph(events: readonly Event[], links: readonly { open: string; close: string }[], at: { number: number; prefix: string; contentStart: number; contentEnd: number }): DocxParagraph {
  // Plain text is the formatting most of the paragraph's text outside links has.
  const weight = new Map<string, number>();
  for (const e of events) if (e.kind === 'text' && e.link === undefined) weight.set(e.rPr, (weight.get(e.rPr) ?? 0) + e.text.length);
  let baseRPr = '';
  let best = -1;
  for (const [rPr, n] of weight) if (n > best) [baseRPr, best] = [rPr, n];

  const wrappers: Wrapper[] = [];
  const codes: string[] = [];
  const markup: ProtectedSpan[] = [];
  let text = '';
  let translatable = '';
  const linkWrapper = new Map<number, number>();
  // A link's text is in the link's own formatting (most often the Hyperlink style): that of its first run.
  const linkRPr = new Map<number, string>();
  for (const e of events) if (e.kind === 'text' && e.link !== undefined && !linkRPr.has(e.link)) linkRPr.set(e.link, e.rPr);
  let format: { wrapper: number; rPr: string } | undefined;
  const mark = (kind: '<' | '>' | '*', n: number): void => {
    const m = marker(kind, n);
    markup.push({ start: translatable.length, end: translatable.length + m.length, replacement: m, kind: 'markup' });
    translatable += m;
  };
  const closeFormat = (): void => {
    if (format) mark('>', format.wrapper);
    format = undefined;
  };
  for (const e of events) {
    if (e.kind === 'text') {
      const clean = e.text.replace(/[\r\n]+/g, ' ');
      text += clean;
      const plain = e.link === undefined ? baseRPr : linkRPr.get(e.link);
      if (e.rPr === plain) closeFormat();
      else if (format?.rPr !== e.rPr) {
        closeFormat();
        format = { wrapper: wrappers.length, rPr: e.rPr };
        wrappers.push({ kind: 'format', rPr: e.rPr });
        mark('<', format.wrapper);
      }
      translatable += clean.normalize('NFC');
    } else if (e.kind === 'code') {
      if (e.spacing) text += ' ';
      codes.push(e.raw);
      mark('*', codes.length - 1);
    } else {
      closeFormat();
      if (e.kind === 'link-open') {
        linkWrapper.set(e.link, wrappers.length);
        wrappers.push({ kind: 'link', ...links[e.link]!, rPr: linkRPr.get(e.link) ?? baseRPr });
        mark('<', wrappers.length - 1);
      } else mark('>', linkWrapper.get(e.link)!);
    }
  }
  closeFormat();
  return { number: at.number, text, translatable, markup, contentStart: at.contentStart, contentEnd: at.contentEnd, baseRPr, wrappers, codes, prefix: at.prefix };
}

/** Whether a paragraph has text to translate. */
export function hasText(paragraph: DocxParagraph): boolean {
  return paragraph.text.trim() !== '';
}

/**
 * The checker's view: one line per body paragraph (so line N is paragraph N), the paragraphs with
 * text as its paragraphs.
 * @example docxView(doc).paragraphs[0].line // the number of the first paragraph with text
 */
export function docxView(doc: Pick<DocxDocument, 'paragraphs'>): DocxView {
  let text = '';
  const paragraphs: Paragraph[] = [];
  for (const p of doc.paragraphs) {
    if (p.number > 1) text += '\n';
    if (hasText(p)) paragraphs.push({ index: paragraphs.length + 1, text: p.text, start: text.length, end: text.length + p.text.length, line: p.number });
    text += p.text;
  }
  return { text: text + '\n', paragraphs };
}

/** A paragraph's new content: the translation of its `translatable`, markers as they came back. */
export interface DocxTarget {
  paragraph: DocxParagraph;
  text: string;
}

/**
 * The document with the given paragraphs translated: their runs rebuilt inside `word/document.xml`
 * (every other byte of it kept), the package's other parts as they were.
 * @throws InputError when a translation holds a character XML cannot carry (nothing is written)
 */
export async function writeDocx(doc: DocxDocument, targets: readonly DocxTarget[]): Promise<Uint8Array> {
  const sorted = [...targets].sort((a, b) => a.paragraph.contentStart - b.paragraph.contentStart);
  const parts: string[] = [];
  let at = 0;
  for (const t of sorted) {
    const bad = firstNonXmlChar(t.text.replace(MARKER, ''));
    if (bad !== undefined) {
      throw new InputError(`the translation of paragraph ${t.paragraph.number} contains U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}, which XML cannot carry`, {
        location: { file: doc.file, line: t.paragraph.number, column: 1 },
        hint: 'nothing was written; remove the character from the translation (or the cache entry) and run again',
      });
    }
    parts.push(doc.xml.slice(at, t.paragraph.contentStart), paragraphRuns(t.paragraph, t.text));
    at = t.paragraph.contentEnd;
  }
  parts.push(doc.xml.slice(at));
  const out = await JSZip.loadAsync(await doc.zip.generateAsync({ type: 'uint8array' }));
  out.file(doc.part, asUtf8Declaration(parts.join('')));
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** The XML declaration says UTF-8, which the part is written in. */
function asUtf8Declaration(xml: string): string {
  return xml.replace(/^(<\?xml[^>]*\bencoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2');
}

/**
 * A translated paragraph's runs: text in the formatting of the innermost open format marker (else
 * the open link's, else the paragraph's own), links opened and closed where their markers are, codes where theirs are;
 * a code whose marker was lost is put at the end, so nothing of the document goes missing.
 */
function paragraphRuns(p: DocxParagraph, translation: string): string {
  const w = p.prefix;
  const formats: number[] = [];
  let openLink: number | undefined;
  const usedCodes = new Set<number>();
  let out = '';
  const run = (text: string): void => {
    const clean = text.replace(/\s*[\r\n]+\s*/g, ' ');
    if (clean === '') return;
    const top = formats[formats.length - 1] ?? openLink;
    const rPr = top === undefined ? p.baseRPr : p.wrappers[top]!.rPr;
    out += `<${w}r>${rPr}<${w}t xml:space="preserve">${escapeXmlText(clean)}</${w}t></${w}r>`;
  };
  const closeLink = (): void => {
    if (openLink === undefined) return;
    out += (p.wrappers[openLink] as { close: string }).close;
    openLink = undefined;
  };
  let at = 0;
  for (const m of translation.matchAll(MARKER)) {
    run(translation.slice(at, m.index));
    at = m.index + m[0].length;
    const n = Number(m[2]);
    if (m[1] === '*') {
      if (n < p.codes.length && !usedCodes.has(n)) {
        usedCodes.add(n);
        out += p.codes[n];
      }
      continue;
    }
    const wrapper = p.wrappers[n];
    if (!wrapper) continue;
    if (wrapper.kind === 'format') {
      const k = formats.lastIndexOf(n);
      if (k >= 0) formats.splice(k, 1);
      if (m[1] === '<') formats.push(n);
    } else if (m[1] === '<') {
      closeLink();
      out += wrapper.open;
      // An empty link (`<w:hyperlink …/>`) is closed already.
      if (wrapper.close !== '') openLink = n;
    } else if (openLink === n) closeLink();
  }
  run(translation.slice(at));
  closeLink();
  p.codes.forEach((code, n) => {
    if (!usedCodes.has(n)) out += code;
  });
  return out;
}

/**
 * Reads a .docx file. `shown` is the path as the user wrote it (used in every message).
 * @throws InputError when the file is missing or unreadable, or is no Word document (see readDocx)
 */
export async function readDocxFile(path: string, shown = path): Promise<DocxDocument> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw readError(error, shown);
  }
  return readDocx(bytes, shown);
}

/** The document's text as blank-line paragraphs (what `vitrans clean` writes for it). */
export function docxPlainText(doc: Pick<DocxDocument, 'paragraphs'>): string {
  return doc.paragraphs.filter(hasText).map((p) => p.text.trim()).join('\n\n') + '\n';
}
