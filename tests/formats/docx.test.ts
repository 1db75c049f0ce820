import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { docxView, hasText, readDocx, writeDocx, type DocxDocument, type DocxParagraph } from '../../src/formats/docx.js';
import { InputError } from '../../src/core/errors.js';
import { maskText, unmaskText } from '../../src/translate/placeholders.js';
import { buildDocx, FIXTURE_PARAGRAPHS, fixtureDocumentXml, fixtureParts, partsOf } from './docx-fixture.js';

/** What an engine does with a paragraph: it sees placeholders for the markup, answers with them where the English wants them. */
function translated(p: DocxParagraph, english: string): string {
  const masked = maskText(p.translatable, p.markup);
  const back = unmaskText(english, masked);
  return back.text;
}

/** English for the fixture's paragraphs, placeholders where a translator would put the markup. */
const ENGLISH: Record<number, string> = {
  1: 'Japan and the US strengthen defence cooperation',
  2: 'On 10 April, Japanese Prime Minister Kishida Fumio held talks with the US President in Washington.',
  // The link and the italic come in another order in English.
  3: '⟦1⟧Both sides agreed to ⟦2⟧upgrade⟦3⟧ the alliance, according to ⟦6⟧Japan⟦7⟧’s ⟦4⟧Foreign Ministry⟦5⟧.⟦8⟧',
  4: 'Updated on ⟦1⟧.',
  5: 'Defence industrial cooperation',
  7: 'Production of Patriot missiles in Japan & <elsewhere>.⟦1⟧',
  8: 'The two countries pledged to maintain peace and stability in the region.',
  9: 'Item',
  10: 'Value',
};

async function translateFixture(): Promise<{ doc: DocxDocument; bytes: Uint8Array }> {
  const doc = await readDocx(await buildDocx(), 'bai.docx');
  const targets = doc.paragraphs.filter(hasText).map((p) => ({ paragraph: p, text: translated(p, ENGLISH[p.number]!) }));
  return { doc, bytes: await writeDocx(doc, targets) };
}

/** The `<w:p>` elements of a document.xml, as written. */
function paragraphXml(xml: string): string[] {
  return [...xml.matchAll(/<w:p\b[^>]*\/>|<w:p\b[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
}

describe('reading a Word document', () => {
  it('reads every body paragraph (table cells too, empty ones counted), runs split mid-word as one text, fields and spelling marks not as text', async () => {
    const doc = await readDocx(await buildDocx(), 'bai.docx');
    expect(doc.part).toBe('word/document.xml');
    expect(doc.paragraphs.map((p) => p.text)).toEqual(FIXTURE_PARAGRAPHS);
    // NFD stays as the file has it for the checker; the engine gets NFC.
    expect(doc.paragraphs[7]!.text).toBe(FIXTURE_PARAGRAPHS[7]);
    expect(doc.paragraphs[7]!.text).not.toBe(doc.paragraphs[7]!.text.normalize('NFC'));
    expect(doc.paragraphs[7]!.translatable).toBe('Hai nước cam kết duy trì hoà bình và ổn định ở khu vực.'.normalize('NFC'));
  });

  it('marks formatting other than the paragraph’s own, links and codes as protected markup, and nothing else', async () => {
    const doc = await readDocx(await buildDocx(), 'bai.docx');
    const masked = (n: number): string => maskText(doc.paragraphs[n - 1]!.translatable, doc.paragraphs[n - 1]!.markup).text;
    expect(masked(1)).toBe('Nhật Bản và Mỹ tăng cường hợp tác quốc phòng');
    expect(masked(2)).toBe('Ngày 10/4, Thủ tướng Nhật Bản Kishida Fumio đã có cuộc hội đàm với Tổng thống Mỹ tại Washington.');
    expect(masked(3)).toBe('⟦1⟧Hai bên nhất trí ⟦2⟧nâng cấp⟦3⟧ liên minh, theo ⟦4⟧Bộ Ngoại giao⟦5⟧ ⟦6⟧Nhật Bản⟦7⟧.⟦8⟧');
    expect(masked(4)).toBe('Cập nhật lúc ⟦1⟧.');
    expect(masked(7)).toBe('Sản xuất tên lửa Patriot tại Nhật Bản.⟦1⟧');
  });

  it('gives the checker one line per paragraph, so a finding’s line is the paragraph’s number in the document', async () => {
    const view = docxView(await readDocx(await buildDocx(), 'bai.docx'));
    expect(view.text.split('\n').slice(0, -1)).toEqual(FIXTURE_PARAGRAPHS);
    expect(view.paragraphs.map((p) => p.line)).toEqual([1, 2, 3, 4, 5, 7, 8, 9, 10]);
    for (const p of view.paragraphs) expect(view.text.slice(p.start, p.end)).toBe(p.text);
  });
});

describe('writing a translated Word document', () => {
  it('keeps every other part of the package byte for byte', async () => {
    const { bytes } = await translateFixture();
    const before = await partsOf(await buildDocx());
    const after = await partsOf(bytes);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, content] of before) if (name !== 'word/document.xml') expect(after.get(name)!.equals(content), name).toBe(true);
  });

  it('puts the English into the runs: paragraph properties, bold, italic, the link’s r:id and style, bookmarks, fields and pictures kept', async () => {
    const { bytes } = await translateFixture();
    const xml = (await partsOf(bytes)).get('word/document.xml')!.toString('utf8');
    const before = paragraphXml(fixtureDocumentXml());
    const after = paragraphXml(xml);
    expect(after).toHaveLength(before.length);
    expect(after[0]).toBe('<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3" w:rsidP="00A1B2C3"><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:rPr><w:lang w:val="vi-VN"/></w:rPr><w:t xml:space="preserve">Japan and the US strengthen defence cooperation</w:t></w:r></w:p>');
    expect(after[2]).toBe(
      '<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"><w:bookmarkStart w:id="0" w:name="_Hlk163123456"/>' +
        '<w:r><w:t xml:space="preserve">Both sides agreed to </w:t></w:r>' +
        '<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">upgrade</w:t></w:r>' +
        '<w:r><w:t xml:space="preserve"> the alliance, according to </w:t></w:r>' +
        '<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">Japan</w:t></w:r>' +
        '<w:r><w:t xml:space="preserve">’s </w:t></w:r>' +
        '<w:hyperlink r:id="rId8" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">Foreign Ministry</w:t></w:r></w:hyperlink>' +
        '<w:r><w:t xml:space="preserve">.</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>',
    );
    // The field goes back whole, instruction and shown date.
    expect(after[3]).toContain('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \\@ "dd/MM/yyyy" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:noProof/></w:rPr><w:t>10/04/2024</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>');
    // Escaped text; the list item's numbering and the picture kept.
    expect(after[6]).toContain('<w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">Production of Patriot missiles in Japan &amp; &lt;elsewhere&gt;.</w:t></w:r><w:r><w:drawing>');
    expect(after[6]).toContain('<a:blip r:embed="rId9"/>');
    // The empty paragraph, the table's and section's properties, and the part's head are as they were.
    expect(after[5]).toBe(before[5]);
    const outside = (text: string): string => text.replace(/<w:p\b[^>]*\/>|<w:p\b[\s\S]*?<\/w:p>/g, '');
    expect(outside(xml)).toBe(outside(fixtureDocumentXml()));
  });

  it('reads back as the English, paragraph for paragraph', async () => {
    const { bytes } = await translateFixture();
    const again = await readDocx(bytes, 'bai.en.docx');
    expect(again.paragraphs.map((p) => p.text)).toEqual([
      'Japan and the US strengthen defence cooperation',
      'On 10 April, Japanese Prime Minister Kishida Fumio held talks with the US President in Washington.',
      'Both sides agreed to upgrade the alliance, according to Japan’s Foreign Ministry.',
      'Updated on .',
      'Defence industrial cooperation',
      '',
      'Production of Patriot missiles in Japan & <elsewhere>.',
      'The two countries pledged to maintain peace and stability in the region.',
      'Item',
      'Value',
    ]);
  });

  it('puts a code the engine lost at the paragraph’s end, and drops a link or formatting whose markers are gone rather than break the XML', async () => {
    const doc = await readDocx(await buildDocx(), 'bai.docx');
    const p = doc.paragraphs[2]!;
    // The engine kept only the bold's markers.
    const text = translated(p, 'Both sides agreed to ⟦2⟧upgrade⟦3⟧ the alliance, according to the Foreign Ministry of Japan.');
    const xml = (await partsOf(await writeDocx(doc, [{ paragraph: p, text }]))).get('word/document.xml')!.toString('utf8');
    const written = paragraphXml(xml)[2]!;
    expect(written).toBe(
      '<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"><w:r><w:t xml:space="preserve">Both sides agreed to </w:t></w:r><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">upgrade</w:t></w:r>' +
        '<w:r><w:t xml:space="preserve"> the alliance, according to the Foreign Ministry of Japan.</w:t></w:r><w:bookmarkStart w:id="0" w:name="_Hlk163123456"/><w:bookmarkEnd w:id="0"/></w:p>',
    );
    // Every other paragraph is untouched.
    const before = paragraphXml(fixtureDocumentXml());
    paragraphXml(xml).forEach((x, i) => i !== 2 && expect(x).toBe(before[i]));
  });

  it('refuses a translation with a character XML cannot carry, naming the paragraph', async () => {
    const doc = await readDocx(await buildDocx(), 'bai.docx');
    const error = await writeDocx(doc, [{ paragraph: doc.paragraphs[1]!, text: 'On 10 April\u0007' }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe('the translation of paragraph 2 contains U+0007, which XML cannot carry');
  });
});

describe('files that are no Word document', () => {
  const failure = async (bytes: Uint8Array): Promise<InputError> => {
    const error = await readDocx(bytes, 'bai.docx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  };

  it('bytes that are no ZIP archive', async () => {
    const e = await failure(Buffer.from('Nhật Bản và Mỹ tăng cường hợp tác quốc phòng\n'));
    expect(e.message).toBe('not a Word document: the file is not a ZIP archive');
    expect(e.location).toEqual({ file: 'bai.docx' });
  });

  it('an old .doc renamed', async () => {
    const e = await failure(Buffer.from('d0cf11e0a1b11ae1000000000000000000000000000000003e000300feff0900', 'hex'));
    expect(e.message).toBe('this is an old Word 97–2003 document (.doc), not a .docx');
  });

  it('an Excel workbook renamed .docx', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>');
    zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
    zip.file('xl/workbook.xml', '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Trang tính1" sheetId="1" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></sheets></workbook>');
    const e = await failure(await zip.generateAsync({ type: 'uint8array' }));
    expect(e.message).toBe('not a Word document: this is an Excel workbook with a .docx name');
  });

  it('a plain ZIP of something else', async () => {
    const zip = new JSZip();
    zip.file('bai-viet.txt', 'Nhật Bản và Mỹ');
    const e = await failure(await zip.generateAsync({ type: 'uint8array' }));
    expect(e.message).toBe('not a Word document: a ZIP archive without the parts of an Office document');
  });

  it('a malformed document.xml, at its line and column inside the package', async () => {
    const xml = fixtureDocumentXml().replace('<w:t>Washington</w:t>', '<w:t>Washington</w:x>');
    const e = await failure(await buildDocx(fixtureParts(xml)));
    // saxes stops just after the end tag that does not match.
    expect(e.message).toMatch(/^malformed XML: /);
    expect(e.location).toEqual({ file: 'bai.docx/word/document.xml', line: 2, column: xml.split('\r\n')[1]!.indexOf('</w:x>') + '</w:x>'.length + 1 });
  });
});
