import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { detectFormat, formatByExtension, formatOf, sniffFormat } from '../../src/formats/registry.js';
import { isBilingualPath, isTmxPath } from '../../src/formats/translation-files.js';
import { isMarkdownFile } from '../../src/formats/markdown/checkable.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('the formats registry', () => {
  it('knows formats by extension, in any case, CAT tools\' own extensions included', () => {
    expect(['a.xlf', 'b.XLIFF', 'c.vi-en.sdlxliff', 'd.mqxliff', 'e.mxliff'].map((p) => formatOf(p))).toEqual(['xliff', 'xliff', 'xliff', 'xliff', 'xliff']);
    expect(['m.tmx', 'out/a.bilingual.json', 'page.HTM', 'bai.docx', 'bai.vi.md', 'bai.vi.txt'].map((p) => formatOf(p))).toEqual(['tmx', 'bilingual-json', 'html', 'docx', 'markdown', 'text']);
    expect(formatByExtension('export.xml')).toBeUndefined();
    expect(formatByExtension('.hidden')).toBeUndefined();
    // The older predicates ask the registry.
    expect([isTmxPath('a.TMX'), isBilingualPath('a.json'), isMarkdownFile('a.markdown'), isMarkdownFile('a.html')]).toEqual([true, true, true, false]);
  });

  it('sniffs the first bytes: XLIFF (any prefix, after a declaration and comments, UTF-16 too), TMX, HTML, a ZIP, JSON', () => {
    expect(sniffFormat(bytes('\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<!-- memoQ -->\n<xliff version="1.2">'))).toBe('xliff');
    expect(sniffFormat(bytes('<x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:2.0" version="2.0">'))).toBe('xliff');
    expect(sniffFormat(Buffer.from('\uFEFF<xliff version="1.2">', 'utf16le'))).toBe('xliff');
    expect(sniffFormat(bytes('<?xml version="1.0"?><tmx version="1.4">'))).toBe('tmx');
    expect(sniffFormat(bytes('<!DOCTYPE html>\n<html lang="vi">'))).toBe('html');
    expect(sniffFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBe('docx');
    expect(sniffFormat(bytes('{ "version": 1'))).toBe('bilingual-json');
    expect(sniffFormat(bytes('Tận dụng tối đa hợp tác công nghiệp quốc phòng Nhật-Mỹ'))).toBeUndefined();
    expect(formatOf('export.xml', bytes('<xliff version="2.0">'))).toBe('xliff');
    expect(formatOf('export.xml', bytes('<catalog/>'))).toBe('text');
  });

  it('reads a file\'s head only when its name says nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-registry-'));
    try {
      fs.writeFileSync(path.join(dir, 'export.xml'), '<?xml version="1.0"?>\n<xliff version="1.2"/>');
      fs.writeFileSync(path.join(dir, 'named.txt'), '<xliff version="1.2"/>');
      expect(await detectFormat(path.join(dir, 'export.xml'))).toBe('xliff');
      expect(await detectFormat(path.join(dir, 'named.txt'))).toBe('text');
      expect(await detectFormat(path.join(dir, 'missing'))).toBe('text');
      expect(await detectFormat(dir)).toBe('text');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
