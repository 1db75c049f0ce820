import { describe, expect, it } from 'vitest';
import { decodeXml, parseXml, plainText, isVietnameseTag, isEnglishTag, firstNonXmlChar } from '../../src/formats/xml.js';
import type { InputError } from '../../src/core/errors.js';

describe('decodeXml', () => {
  it('decodes UTF-8 with or without BOM, UTF-16 by BOM, and a declared Latin-1 file', () => {
    expect(decodeXml(Buffer.from('\uFEFF<a>Bộ</a>', 'utf8'), 'a.xml').text).toBe('<a>Bộ</a>');
    expect(decodeXml(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('<a>Bộ</a>', 'utf16le').swap16()]), 'be.xml').text).toBe('<a>Bộ</a>');
    const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>Ministère de la Défense</a>', 'latin1');
    expect(decodeXml(latin1, 'fr.tmx').text).toContain('Ministère de la Défense');
  });

  it('refuses empty files, invalid UTF-8 and encodings it cannot decode, naming the file', () => {
    const fail = (bytes: Buffer) => {
      try {
        decodeXml(bytes, 'x.tmx');
      } catch (e) {
        return e as InputError;
      }
      throw new Error('no error');
    };
    expect(fail(Buffer.alloc(0)).message).toBe('the file is empty');
    const bad = fail(Buffer.from([0x3c, 0x61, 0x3e, 0xc3, 0x28, 0x3c, 0x2f, 0x61, 0x3e]));
    expect(bad).toMatchObject({ message: 'the file is not valid UTF-8', location: { file: 'x.tmx' } });
    expect(fail(Buffer.from('<?xml version="1.0" encoding="x-mac-vietnamese-unknown"?><a/>')).message).toMatch(/declares the encoding "x-mac-vietnamese-unknown"/);
  });
});

describe('parseXml', () => {
  it('gives element positions, content ranges and text pieces into the file', () => {
    const text = '<tu>\n  <seg>R&amp;D <b>x</b>y</seg>\n</tu>';
    const root = parseXml({ file: 'a.xml', text });
    const seg = root.children.find((c) => c.kind === 'element')!;
    expect(seg.kind === 'element' && seg.start).toEqual({ line: 2, column: 3, offset: 7 });
    if (seg.kind !== 'element') throw new Error();
    expect(text.slice(seg.contentStart, seg.contentEnd)).toBe('R&amp;D <b>x</b>y');
    expect(text.slice(seg.start.offset, seg.end)).toBe('<seg>R&amp;D <b>x</b>y</seg>');
    const first = seg.children[0]!;
    expect(first.kind === 'text' && first.text).toBe('R&D ');
    expect(first.kind === 'text' && first.pieces).toEqual([
      { textStart: 0, length: 1, fileStart: 12, fileLength: 1 },
      { textStart: 1, length: 1, fileStart: 13, fileLength: 5 },
      { textStart: 2, length: 2, fileStart: 18, fileLength: 2 },
    ]);
    expect(plainText(seg)).toBe('R&D xy');
  });

  it('keeps CDATA as written and collapses only pretty-printing line breaks in plainText', () => {
    const root = parseXml({ file: 'a.xml', text: '<a>one  two\n      three<![CDATA[ <x> & ]]></a>' });
    expect(plainText(root)).toBe('one  two three <x> &');
  });
});

describe('language tags and XML characters', () => {
  it('tells Vietnamese and English tags in the forms CAT tools write them', () => {
    expect(['vi', 'vi-VN', 'VI-vn', 'vie', 'vi_VN'].every(isVietnameseTag)).toBe(true);
    expect(['en', 'en-GB', 'EN-us', 'eng'].every(isEnglishTag)).toBe(true);
    expect(isVietnameseTag('vo')).toBe(false);
    expect(isEnglishTag('enm')).toBe(false);
  });

  it('finds characters XML 1.0 cannot carry, and passes astral ones', () => {
    expect(firstNonXmlChar('bell \u0007')).toBe('\u0007');
    expect(firstNonXmlChar('lone \uD800 surrogate')).toBe('\uD800');
    expect(firstNonXmlChar('tab\tnewline\n emoji 😀 Quốc')).toBeUndefined();
  });
});
