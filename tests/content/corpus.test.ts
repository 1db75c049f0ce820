/**
 * Structural invariants of the shipped content: the corpus, glossary.yaml and the corpus test
 * fixtures. They need no checker; the "reference passes the glossary check" test belongs with it.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../', import.meta.url));
const corpusDir = join(root, 'corpus');
const fixtures = join(root, 'tests/fixtures/corpus');
const seedSource = join(corpusDir, 'japan-us-defense-industry/source.vi.txt');

const read = (path: string): string => readFileSync(path, 'utf8');

/** Blank-line separated paragraphs, trimmed (a line of spaces or NBSPs counts as blank). */
function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n[ \t\u00A0]*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

const count = (text: string, needle: string): number => text.split(needle).length - 1;

/** Lower case, hyphens and dashes as spaces, no possessive: how far a "wrong text" may differ from a glossary string. */
function loose(text: string): string {
  return text
    .toLowerCase()
    .replace(/[-\u2010\u2011\u2013\u2014]/g, ' ')
    .replace(/['\u2019]s?\b|['\u2019]$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const articles = readdirSync(corpusDir)
  .filter((name) => statSync(join(corpusDir, name)).isDirectory())
  .sort();

const SITE_CHROME = ['Logo Zephyrnet', 'Ngày:', 'tại chỗ_img', 'Tin tức mới nhất'];

describe('corpus', () => {
  it('has the seed article and a second article', () => {
    expect(articles).toContain('japan-us-defense-industry');
    expect(articles.length).toBeGreaterThanOrEqual(2);
  });

  describe.each(articles)('%s', (slug) => {
    const dir = join(corpusDir, slug);

    it('has source.vi.txt and reference.en.txt', () => {
      expect(existsSync(join(dir, 'source.vi.txt'))).toBe(true);
      expect(existsSync(join(dir, 'reference.en.txt'))).toBe(true);
    });

    it('has as many paragraphs in every translation as in the source', () => {
      const source = paragraphs(read(join(dir, 'source.vi.txt')));
      const translations = readdirSync(dir).filter((f) => f.endsWith('.en.txt'));
      expect(translations).toContain('reference.en.txt');
      for (const file of translations) {
        expect(paragraphs(read(join(dir, file))), file).toHaveLength(source.length);
      }
    });

    it('keeps the source as UTF-8 NFC without a BOM and without site chrome lines', () => {
      const bytes = readFileSync(join(dir, 'source.vi.txt'));
      expect(isUtf8(bytes)).toBe(true);
      const text = bytes.toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(false);
      expect(text).toBe(text.normalize('NFC'));
      const lines = text.split(/\r?\n/).map((l) => l.trim());
      for (const chrome of SITE_CHROME) expect(lines, chrome).not.toContain(chrome);
      expect(lines.filter((l) => /_img$/.test(l))).toEqual([]);
    });

    it('keeps every XNUMX placeholder of a source paragraph in the reference paragraph', () => {
      const source = paragraphs(read(join(dir, 'source.vi.txt')));
      const reference = paragraphs(read(join(dir, 'reference.en.txt')));
      source.forEach((p, i) => {
        expect(count(reference[i] ?? '', 'XNUMX'), `paragraph ${i + 1}`).toBe(count(p, 'XNUMX'));
      });
    });
  });

  it('keeps the seed article as real input: placeholders, stray ". ." and no-break spaces', () => {
    const text = read(seedSource);
    expect(paragraphs(text)).toHaveLength(16);
    expect(count(text, 'XNUMX')).toBeGreaterThanOrEqual(4);
    expect(text).toContain('. .\u00A0\n');
    expect(paragraphs(text)[0]).toBe('Tận dụng tối đa hợp tác công nghiệp quốc phòng Nhật-Mỹ');
  });

  it('writes the invented article with old-style tone marks, as Vietnamese sites do', () => {
    const text = read(join(corpusDir, 'vietnam-japan-defense-cooperation/source.vi.txt'));
    for (const old of ['hoà', 'Thoả thuận', 'thuỷ']) expect(text).toContain(old);
  });
});

interface RawEntry {
  id?: unknown;
  vi?: unknown;
  vi_variants?: unknown;
  en?: unknown;
  forbidden?: unknown;
  tests?: unknown;
}

const glossary = parse(read(join(root, 'glossary.yaml'))) as { version?: unknown; entries?: RawEntry[] };
const entries = glossary.entries ?? [];
const forbiddenTexts = (e: RawEntry): string[] =>
  Array.isArray(e.forbidden) ? e.forbidden.map((f: unknown) => (typeof f === 'string' ? f : String((f as { text?: unknown }).text))) : [];
const testKinds = (e: RawEntry): string[] =>
  Array.isArray(e.tests) ? e.tests.flatMap((t: unknown) => Object.keys(t as object)) : [];

describe('glossary.yaml', () => {
  it('is schema version 1 with at least 25 entries', () => {
    expect(glossary.version).toBe(1);
    expect(entries.length).toBeGreaterThanOrEqual(25);
  });

  it('gives every entry a kebab-case id, a vi term, an en rendering and tests', () => {
    for (const e of entries) {
      expect(e.id, JSON.stringify(e.vi)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(typeof e.vi === 'string' && e.vi.trim() !== '', String(e.id)).toBe(true);
      expect(typeof e.en === 'string' && e.en.trim() !== '', String(e.id)).toBe(true);
      expect(testKinds(e).length, String(e.id)).toBeGreaterThanOrEqual(1);
    }
  });

  it('tests every entry with a vi and an en example, and a fix example when it forbids something', () => {
    for (const e of entries) {
      const kinds = testKinds(e);
      expect(kinds, String(e.id)).toContain('vi');
      expect(kinds, String(e.id)).toContain('en');
      if (forbiddenTexts(e).length > 0) expect(kinds, String(e.id)).toContain('fix');
    }
  });

  it('uses each id once and each Vietnamese wording in one entry only', () => {
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const owner = new Map<string, unknown>();
    for (const e of entries) {
      const wordings = [e.vi, ...(Array.isArray(e.vi_variants) ? e.vi_variants : [])].map((w) =>
        String(w).normalize('NFC').toLowerCase(),
      );
      for (const w of wordings) {
        expect(owner.get(w) ?? e.id, `"${w}" in ${String(e.id)}`).toBe(e.id);
        owner.set(w, e.id);
      }
    }
  });
});

/** The rows of the Markdown table under a heading of ERRORS.md whose first cell is a paragraph number. */
function tableRows(markdown: string, heading: string): string[][] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith(heading)) ?? '';
  return section
    .split('\n')
    .filter((line) => /^\|\s*\d+\s*\|/.test(line))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

/** The code spans of a table cell: `a`, `b` → ['a', 'b']. */
const codeSpans = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');

describe('fixture: flawed translation', () => {
  const source = read(join(fixtures, 'flawed/source.vi.txt'));
  const flawed = paragraphs(read(join(fixtures, 'flawed/flawed.en.txt')));
  const reference = paragraphs(read(join(corpusDir, 'japan-us-defense-industry/reference.en.txt')));
  const errorsMd = read(join(fixtures, 'flawed/ERRORS.md'));
  const errors = tableRows(errorsMd, 'Errors');
  const clean = tableRows(errorsMd, 'Must not be flagged');
  const byId = new Map(entries.map((e) => [e.id, e]));

  it('uses the corpus source and stays aligned with it', () => {
    expect(source).toBe(read(seedSource));
    expect(flawed).toHaveLength(paragraphs(source).length);
  });

  it('documents at least 10 errors of both kinds, each in its paragraph and not in the reference', () => {
    expect(errors.length).toBeGreaterThanOrEqual(10);
    expect(new Set(errors.map((r) => r[2]))).toEqual(new Set(['term-missing', 'term-forbidden']));
    for (const [para, id, , wrong] of errors) {
      const i = Number(para) - 1;
      expect(byId.has(id), `unknown entry ${id}`).toBe(true);
      const text = codeSpans(wrong ?? '')[0] ?? '';
      expect(flawed[i], `paragraph ${para}: ${text}`).toContain(text);
      expect(reference[i], `paragraph ${para}: ${text}`).not.toContain(text);
    }
  });

  it('uses for every term-forbidden error a rendering the entry forbids (up to case, hyphens, plural, possessive)', () => {
    for (const [para, id, kind, wrong] of errors) {
      if (kind !== 'term-forbidden') continue;
      const found = loose(codeSpans(wrong ?? '')[0] ?? '');
      const forbidden = forbiddenTexts(byId.get(id) ?? {}).map((f) => loose(f).replace(/y$/, ''));
      expect(forbidden.some((f) => found.includes(f)), `paragraph ${para}: ${found} vs ${forbidden.join(' | ')}`).toBe(true);
    }
  });

  it('lists correct tolerant renderings that are really in the translation', () => {
    expect(clean.length).toBeGreaterThanOrEqual(5);
    for (const [para, id, texts] of clean) {
      expect(byId.has(id), `unknown entry ${id}`).toBe(true);
      for (const text of codeSpans(texts ?? '')) expect(flawed[Number(para) - 1], text).toContain(text);
    }
  });
});

describe('fixture: misaligned translation', () => {
  it('has one paragraph fewer than its source, merged into the one before', () => {
    const source = read(join(fixtures, 'misaligned/source.vi.txt'));
    const translation = paragraphs(read(join(fixtures, 'misaligned/translation.en.txt')));
    const reference = paragraphs(read(join(corpusDir, 'japan-us-defense-industry/reference.en.txt')));
    expect(source).toBe(read(seedSource));
    expect(translation).toHaveLength(paragraphs(source).length - 1);
    expect(translation[1]).toBe(`${reference[1]} ${reference[2]}`);
  });
});

describe('fixture: encodings', () => {
  const enc = (name: string): Buffer => readFileSync(join(fixtures, 'encodings', name));
  const seedParagraphs = paragraphs(read(seedSource));
  // The 8-bit files hold the title and paragraph 2, with no-break spaces written as spaces.
  const legacyText = seedParagraphs.slice(0, 2).join('\n\n').replace(/\u00A0/g, ' ');
  const firstThree = read(seedSource).split('\n\n').slice(0, 3).join('\n\n') + '\n';

  it.each([
    ['tcvn3.txt', 'tcvn'],
    ['windows-1258.txt', 'windows1258'],
    ['viscii.txt', 'viscii'],
  ])('%s is not UTF-8 and decodes with %s to the article text', (file, encoding) => {
    const bytes = enc(file);
    expect(isUtf8(bytes)).toBe(false);
    const decoded = iconv.decode(bytes, encoding).normalize('NFC');
    expect(paragraphs(decoded).join('\n\n')).toBe(paragraphs(legacyText).join('\n\n'));
  });

  it('nfd.vi.txt is the decomposed form of the first paragraphs', () => {
    const text = enc('nfd.vi.txt').toString('utf8');
    expect(text).not.toBe(text.normalize('NFC'));
    expect(text.normalize('NFC')).toBe(firstThree);
  });

  it('bom.vi.txt is UTF-8 with a byte order mark', () => {
    const bytes = enc('bom.vi.txt');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(firstThree);
  });

  it('old-tones.vi.txt uses old-style tone placement only', () => {
    const text = enc('old-tones.vi.txt').toString('utf8');
    for (const old of ['thoả thuận', 'Thoả thuận', 'hoá', 'hoà', 'thuỷ']) expect(text).toContain(old);
    for (const modern of ['thỏa', 'Thỏa', 'hóa', 'hòa', 'thủy']) expect(text).not.toContain(modern);
  });

  it('the mojibake files are valid UTF-8 showing legacy-font and double-encoded text', () => {
    const tcvnFont = enc('mojibake-tcvn3-font.txt');
    const double = enc('mojibake-double.txt');
    expect(isUtf8(tcvnFont)).toBe(true);
    expect(isUtf8(double)).toBe(true);
    expect(tcvnFont.toString('utf8')).toContain('TËn dông tèi ®a hîp t¸c');
    expect(double.toString('utf8')).toContain('Táº­n dá»¥ng tá»‘i');
    // Reading the double-encoded text back as Windows-1252 bytes gives the article again.
    expect(iconv.encode(double.toString('utf8'), 'windows1252').toString('utf8').startsWith(seedParagraphs[0] ?? '-')).toBe(true);
  });

  it('binary.bin has NUL bytes and empty.txt has none at all', () => {
    expect(enc('binary.bin').includes(0)).toBe(true);
    expect(enc('empty.txt').length).toBe(0);
  });
});
