import { open } from 'node:fs/promises';

/**
 * Which document format a file is: by its extension, and by sniffing its first bytes when the
 * extension says nothing (or is the generic `.xml`). Commands ask here instead of testing names.
 */

/** The document formats vitrans reads. */
export type DocumentFormat = 'text' | 'markdown' | 'bilingual-json' | 'tmx' | 'xliff' | 'html' | 'docx';

/** What the registry knows about one format. */
export interface FormatInfo {
  format: DocumentFormat;
  /** File extensions, lower case, without the dot. */
  extensions: readonly string[];
  /** Whether one file holds both the source and its translation (checked alone). */
  bilingual: boolean;
  /** Whether `vitrans translate` takes it as a source. */
  translatable: boolean;
}

/** Every format, in the order sniffing tries them. */
export const FORMATS: readonly FormatInfo[] = [
  // Trados (.sdlxliff), memoQ (.mqxliff), Phrase (.mxliff), XTM and OmegaT (.xlf) all write XLIFF.
  { format: 'xliff', extensions: ['xlf', 'xliff', 'sdlxliff', 'mqxliff', 'mxliff'], bilingual: true, translatable: true },
  { format: 'tmx', extensions: ['tmx'], bilingual: true, translatable: false },
  { format: 'bilingual-json', extensions: ['json'], bilingual: true, translatable: false },
  { format: 'html', extensions: ['html', 'htm', 'xhtml'], bilingual: false, translatable: true },
  { format: 'docx', extensions: ['docx'], bilingual: false, translatable: true },
  { format: 'markdown', extensions: ['md', 'markdown'], bilingual: false, translatable: true },
  { format: 'text', extensions: ['txt', 'text'], bilingual: false, translatable: true },
];

const BY_EXTENSION = new Map(FORMATS.flatMap((f) => f.extensions.map((e) => [e, f.format] as const)));

/** The format's entry. */
export function formatInfo(format: DocumentFormat): FormatInfo {
  return FORMATS.find((f) => f.format === format)!;
}

/**
 * The format a path names by its extension, undefined for an extension that says nothing.
 * @example formatByExtension('project/nhat-my.vi-en.sdlxliff') === 'xliff'
 */
export function formatByExtension(path: string): DocumentFormat | undefined {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? undefined : BY_EXTENSION.get(name.slice(dot + 1).toLowerCase());
}

/**
 * The format of a file's first bytes (a kilobyte is plenty), undefined when they look like none in
 * particular: a ZIP (DOCX), an `<xliff>` or `<tmx>` root, an HTML document, a JSON object.
 * @example sniffFormat(new TextEncoder().encode('<?xml version="1.0"?>\n<xliff version="2.0">')) === 'xliff'
 */
export function sniffFormat(head: Uint8Array): DocumentFormat | undefined {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'docx';
  const text = decodeHead(head);
  const start = text.replace(/^\uFEFF/, '').replace(/^(?:\s|<\?[^>]*\?>|<!--[\s\S]*?-->)*/, '');
  if (/^<([A-Za-z_][\w.-]*:)?xliff[\s>]/.test(start)) return 'xliff';
  if (/^<tmx[\s>]/.test(start)) return 'tmx';
  if (/^<!doctype\s+html|^<html[\s>]/i.test(start)) return 'html';
  if (/^\{\s*"/.test(start)) return 'bilingual-json';
  return undefined;
}

/** The first bytes as text: UTF-16 by its byte-order mark or zero bytes, else UTF-8 (lenient: the head may cut a character). */
function decodeHead(head: Uint8Array): string {
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0x3c && head[1] === 0x00) ? 'utf-16le' : (head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0x00 && head[1] === 0x3c) ? 'utf-16be' : undefined;
  return new TextDecoder(utf16 ?? 'utf-8').decode(head.subarray(0, 1024));
}

/**
 * A file's format: by extension, else (for `.xml` and names without a known extension) by its
 * first bytes when they are given, else plain text.
 * @example formatOf('article.vi.md') === 'markdown'
 */
export function formatOf(path: string, head?: Uint8Array): DocumentFormat {
  return formatByExtension(path) ?? (head ? sniffFormat(head) : undefined) ?? 'text';
}

/**
 * A file's format as `formatOf` tells it, reading its first kilobyte when the extension says
 * nothing. A file that cannot be read is plain text here; reading it later says why.
 */
export async function detectFormat(path: string): Promise<DocumentFormat> {
  const byName = formatByExtension(path);
  if (byName || path === '-') return byName ?? 'text';
  let handle;
  try {
    handle = await open(path, 'r');
    const head = new Uint8Array(1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return sniffFormat(head.subarray(0, bytesRead)) ?? 'text';
  } catch {
    return 'text';
  } finally {
    await handle?.close();
  }
}
