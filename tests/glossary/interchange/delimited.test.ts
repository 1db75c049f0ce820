import { describe, expect, it } from 'vitest';
import { readDelimited, spreadsheet, googleCsv, deeplTsv } from '../../../src/glossary/interchange/delimited.js';
import { readTmxGlossary } from '../../../src/glossary/interchange/tmx-glossary.js';
import { InputError } from '../../../src/core/errors.js';
import { fields, fixture, loadImported, shippedGlossary } from './helpers.js';

const read = (name: string, kind: 'csv' | 'tsv') => readDelimited(fixture(name).text, name, { kind });

describe('spreadsheet round trip', () => {
  for (const kind of ['csv', 'tsv'] as const) {
    it(`${kind}: import → export → import keeps every field of every entry of the shipped glossary`, async () => {
      const original = await shippedGlossary();
      const text = spreadsheet(original, kind);
      expect(text.startsWith('\uFEFFid' + (kind === 'csv' ? ',' : '\t') + 'vi')).toBe(true); // a BOM, so Excel reads UTF-8
      const once = loadImported(readDelimited(text, `g.${kind}`, { kind })).glossary;
      expect(once.entries.map(fields)).toEqual(original.entries.map(fields));
      expect(once.hash).toBe(original.hash);
      const twice = loadImported(readDelimited(spreadsheet(once, kind), `g2.${kind}`, { kind })).glossary;
      expect(twice.entries.map(fields)).toEqual(original.entries.map(fields));
    });
  }

  it('keeps list items that hold the separators, and forbidden renderings that look like YAML', async () => {
    const { glossary: g } = loadImported(
      readDelimited(
        'vi,en,accepted,forbidden\r\nBộ Quốc phòng,Ministry of Defense,"""Defense; Ministry""\nMOD | Japan","{ text: ""{odd}"", use: Ministry of Defense }\nDefence Ministry"\r\n',
        'odd.csv',
        { kind: 'csv' },
      ),
    );
    expect(g.entries[0]).toMatchObject({ accepted: ['Defense; Ministry', 'MOD', 'Japan'], forbidden: [{ text: '{odd}', use: 'Ministry of Defense' }, { text: 'Defence Ministry' }] });
    const again = loadImported(readDelimited(spreadsheet(g, 'csv'), 'again.csv', { kind: 'csv' })).glossary;
    expect(again.entries.map(fields)).toEqual(g.entries.map(fields));
  });
});

describe('engine glossary files', () => {
  it('reads DeepL TSV: one entry per English rendering, other Vietnamese wordings as variants', () => {
    const { glossary } = loadImported(read('deepl-glossary.tsv', 'tsv'));
    expect(glossary.entries.map((e) => [e.vi, e.viVariants, e.en])).toEqual([
      ['Bộ Quốc phòng', [], 'Ministry of National Defence'],
      ['Bộ Ngoại giao', [], 'Ministry of Foreign Affairs'],
      ['chuyến thăm cấp nhà nước', [], 'state visit'],
      ['chuyến thăm chính thức', [], 'official visit'],
      ['Thỏa thuận An ninh Cung ứng', ['Thoả thuận An ninh Nguồn cung'], 'Security of Supply Arrangement'],
    ]);
  });

  it('reads DeepL CSV with the optional language columns, quoted fields and commas inside', () => {
    const { glossary } = loadImported(read('deepl-glossary.csv', 'csv'));
    expect(glossary.entries.map((e) => [e.vi, e.en])).toEqual([
      ['Lầu Năm Góc', 'Pentagon'],
      ['Bộ Quốc phòng Mỹ', 'U.S. Department of Defense'],
      ['Nhật Bản, Hàn Quốc', 'Japan, South Korea'],
    ]);
  });

  it('reads Google equivalent-term-sets CSV: language-code header, part of speech and description in the note', () => {
    const { glossary } = loadImported(read('google-equivalent-terms.csv', 'csv'));
    expect(glossary.entries[0]).toMatchObject({
      vi: 'tên lửa đạn đạo',
      en: 'ballistic missile',
      note: 'Part of speech: noun\ndescription: A missile that follows a ballistic trajectory, as in "North Korea launched a ballistic missile".',
    });
  });

  it('reads back what the engine exports write, pair for pair', async () => {
    const original = await shippedGlossary();
    for (const [text, kind] of [[deeplTsv(original), 'tsv'], [googleCsv(original), 'csv']] as const) {
      const back = loadImported(readDelimited(text, `x.${kind}`, { kind })).glossary;
      expect(back.entries.map((e) => [e.vi, e.viVariants, e.en])).toEqual(original.entries.map((e) => [e.vi, e.viVariants, e.en]));
    }
  });
});

describe('spreadsheets people make', () => {
  it('maps an Excel sheet (semicolons, BOM, Vietnamese headers) and keeps unmapped columns in the note, saying so', () => {
    const imported = read('excel-terms.csv', 'csv');
    const { glossary } = loadImported(imported);
    expect(glossary.entries.map(fields)).toEqual([
      expect.objectContaining({
        vi: 'Bộ Quốc phòng Nhật Bản',
        en: 'Japan Ministry of Defense',
        accepted: ['Japanese Ministry of Defense', 'Japan MOD'],
        forbidden: [{ text: 'Japanese Department of Defense' }],
        note: 'Comment: Japan has a Ministry, not a Department.\nDomain: Diplomacy\nLast edited by: H. Nguyễn',
      }),
      expect.objectContaining({ vi: 'Lực lượng Phòng vệ Nhật Bản', acronym: 'JSDF', forbidden: [{ text: 'Japanese army' }, { text: 'Japan Defence Forces' }] }),
      expect.objectContaining({ vi: 'hợp tác công nghiệp quốc phòng', en: 'defense industrial cooperation' }),
    ]);
    expect(imported.notices).toContain('columns "Domain", "Last edited by" kept in each entry\'s note (vitrans has no field for them)');
    // The row before spans two lines (a cell with a line break): this one starts on line 5.
    expect(imported.notices).toContain('excel-terms.csv:5:1: row without an English term skipped');
  });

  it('reads a severity column and allowed contexts of forbidden renderings; a severity it does not know is dropped, saying so', () => {
    const sheet = [
      'vi,en,forbidden,severity',
      'Cảnh sát biển Việt Nam,Vietnam Coast Guard,"{ text: Vietnam Marine Police, allowed_in: [known as … until] }",warning',
      'Bộ Ngoại giao,Ministry of Foreign Affairs,,fatal',
    ].join('\r\n');
    const imported = readDelimited(sheet, 'terms.csv', { kind: 'csv' });
    const { glossary } = loadImported(imported);
    expect(glossary.entries[0]).toMatchObject({ severity: 'warning', forbidden: [{ text: 'Vietnam Marine Police', allowedIn: [{ pattern: 'known as … until' }] }] });
    expect(glossary.entries[1]!.severity).toBeUndefined();
    expect(imported.notices.join('\n')).toMatch(/terms\.csv:3:\d+: a severity is error, warning or info; dropped: fatal/);
  });

  it('reads a UTF-16 sheet (Excel\'s "Unicode text")', async () => {
    const { decodeXml } = await import('../../../src/formats/xml.js');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Vietnamese\tEnglish\r\nBộ Ngoại giao\tMinistry of Foreign Affairs\r\n', 'utf16le')]);
    const { glossary } = loadImported(readDelimited(decodeXml(utf16, 'u.txt').text, 'u.txt', { kind: 'tsv' }));
    expect(glossary.entries[0]).toMatchObject({ vi: 'Bộ Ngoại giao', en: 'Ministry of Foreign Affairs' });
  });

  it('refuses a header without a Vietnamese column, and an unclosed quote, with file:line', () => {
    expect(() => readDelimited('English,French\r\nstate visit,visite d\'État\r\n', 'en-fr.csv', { kind: 'csv' })).toThrow(/the header row names no Vietnamese column \(it names "English", "French"\)/);
    try {
      readDelimited('vi,en\r\nBộ Quốc phòng,"Ministry of Defense\r\nBộ Ngoại giao,Ministry of Foreign Affairs\r\n', 'broken.csv', { kind: 'csv' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).message).toMatch(/^not a readable CSV file: Quote Not Closed/);
      expect((e as InputError).location?.file).toBe('broken.csv');
      expect((e as InputError).location?.line).toBeGreaterThan(1);
    }
  });
});

describe('TMX glossaries', () => {
  it('reads term pairs, folding variants of one English term, notes and props kept in the note', () => {
    const imported = readTmxGlossary(fixture('google-glossary.tmx'));
    const { glossary } = loadImported(imported);
    expect(glossary.entries.map(fields)).toEqual([
      expect.objectContaining({ vi: 'Thiết bị đánh chặn pha bay', viVariants: ['Tên lửa đánh chặn giai đoạn lướt'], en: 'Glide Phase Interceptor', note: 'Official name since 2023.' }),
      expect.objectContaining({ vi: 'nghiên cứu, phát triển, thử nghiệm và đánh giá', en: 'research, development, test & evaluation', note: 'x-domain: R&D' }),
    ]);
    expect(imported.notices.join('\n')).toMatch(/google-glossary\.tmx:\d+:\d+: unit without a Vietnamese or an English variant skipped/);
  });
});
