/**
 * Word documents built as Word writes them: the package parts ([Content_Types].xml, relationships,
 * styles with heading and hyperlink styles, numbering for a list, settings, fonts, core properties,
 * an image), and a document.xml on one line with rsids, runs split mid-word, spelling marks, a
 * bookmark, a smart tag, a hyperlink by r:id, a DATE field, bold and italic, a numbered list item,
 * a table, an empty paragraph, a picture; Vietnamese in NFC and, in one paragraph, NFD with the old
 * tone-mark placement ("hoà").
 */
import JSZip from 'jszip';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="png" ContentType="image/png"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const DOCUMENT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.mofa.go.jp/mofaj/na/st/page1_001234.html" TargetMode="External"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>';
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:styles xmlns:w="${W_NS}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/><w:sz w:val="24"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/></w:pPr></w:style><w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style></w:styles>`;
const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:numbering xmlns:w="${W_NS}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
const SETTINGS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:settings xmlns:w="${W_NS}"><w:zoom w:percent="100"/><w:proofState w:spelling="clean" w:grammar="clean"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:rsids><w:rsidRoot w:val="00A1B2C3"/><w:rsid w:val="00A1B2C3"/><w:rsid w:val="00D4E5F6"/></w:rsids><w:themeFontLang w:val="vi-VN"/></w:settings>`;
const FONTS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:fonts xmlns:w="${W_NS}"><w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`;
const CORE =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Nhật – Mỹ</dc:title><dc:creator>Phòng biên tập</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2024-04-10T08:00:00Z</dcterms:created></cp:coreProperties>';
/** A 1×1 PNG. */
const IMAGE = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

const NFD_PARAGRAPH = 'Hai nước cam kết duy trì hoà bình và ổn định ở khu vực.'.normalize('NFD');

/** The body paragraphs of the fixture, in order, as Word shows their text (tabs as a space). */
export const FIXTURE_PARAGRAPHS = [
  'Nhật Bản và Mỹ tăng cường hợp tác quốc phòng',
  'Ngày 10/4, Thủ tướng Nhật Bản Kishida Fumio đã có cuộc hội đàm với Tổng thống Mỹ tại Washington.',
  'Hai bên nhất trí nâng cấp liên minh, theo Bộ Ngoại giao Nhật Bản.',
  'Cập nhật lúc .',
  'Hợp tác công nghiệp quốc phòng',
  '',
  'Sản xuất tên lửa Patriot tại Nhật Bản.',
  NFD_PARAGRAPH,
  'Hạng mục',
  'Giá trị',
];

/** The document.xml of the fixture: one line after the declaration, as Word writes it. */
export function fixtureDocumentXml(): string {
  const r = (text: string, rPr = '', rsid = '00A1B2C3'): string => `<w:r w:rsidR="${rsid}">${rPr}<w:t${/^\s|\s$/.test(text) ? ' xml:space="preserve"' : ''}>${text}</w:t></w:r>`;
  const lang = '<w:rPr><w:lang w:val="vi-VN"/></w:rPr>';
  const body = [
    // Heading 1 with its run language.
    `<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3" w:rsidP="00A1B2C3"><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${r('Nhật Bản và Mỹ tăng cường hợp tác quốc phòng', lang)}</w:p>`,
    // Runs split mid-word ("Kishi|da"), spelling marks, a smart tag and a last-rendered page break.
    `<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00D4E5F6"><w:r><w:t xml:space="preserve">Ngày 10/4, Thủ tướng Nhật Bản </w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>Kishi</w:t></w:r><w:r w:rsidR="00D4E5F6"><w:t>da</w:t></w:r><w:proofErr w:type="spellEnd"/><w:r><w:t xml:space="preserve"> Fumio đã có cuộc hội đàm </w:t></w:r><w:r><w:lastRenderedPageBreak/><w:t xml:space="preserve">với Tổng thống Mỹ tại </w:t></w:r><w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place"><w:smartTagPr><w:attr w:name="country-region" w:val="US"/></w:smartTagPr><w:r><w:t>Washington</w:t></w:r></w:smartTag><w:r><w:t>.</w:t></w:r></w:p>`,
    // Bold, italic, a hyperlink by relationship id, a bookmark around the paragraph.
    `<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"><w:bookmarkStart w:id="0" w:name="_Hlk163123456"/>${r('Hai bên nhất trí ')}${r('nâng cấp', '<w:rPr><w:b/><w:bCs/></w:rPr>')}${r(' liên minh, theo ')}<w:hyperlink r:id="rId8" w:history="1"><w:r w:rsidRPr="00D4E5F6"><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>Bộ Ngoại giao</w:t></w:r></w:hyperlink>${r(' ')}${r('Nhật Bản', '<w:rPr><w:i/><w:iCs/></w:rPr>')}${r('.')}<w:bookmarkEnd w:id="0"/></w:p>`,
    // A DATE field: its instruction and shown result go back untouched.
    `<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3">${r('Cập nhật lúc ')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \\@ "dd/MM/yyyy" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:noProof/></w:rPr><w:t>10/04/2024</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>${r('.')}</w:p>`,
    `<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${r('Hợp tác công nghiệp quốc phòng')}</w:p>`,
    // An empty paragraph, still a paragraph (a line) of the document.
    `<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"/>`,
    // A numbered list item, and a picture in a run of its own.
    `<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${r('Sản xuất tên lửa Patriot tại Nhật Bản.')}<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="9525" cy="9525"/><wp:docPr id="1" name="Picture 1"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:embed="rId9"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`,
    // NFD with the old tone-mark placement, in one run.
    `<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3">${r(NFD_PARAGRAPH)}</w:p>`,
    // A table: each cell's paragraph is a paragraph of the body.
    `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4508"/><w:gridCol w:w="4508"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="4508" w:type="dxa"/></w:tcPr><w:p>${r('Hạng mục')}</w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="4508" w:type="dxa"/></w:tcPr><w:p>${r('Giá trị')}</w:p></w:tc></w:tr></w:tbl>`,
    `<w:sectPr w:rsidR="00A1B2C3"><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>`,
  ].join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    `<w:document xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="${R_NS}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:w="${W_NS}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"><w:body>${body}</w:body></w:document>`
  );
}

/** The parts of the fixture package by path (document.xml replaceable). */
export function fixtureParts(documentXml = fixtureDocumentXml()): Record<string, string | Buffer> {
  return {
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': ROOT_RELS,
    'word/document.xml': documentXml,
    'word/_rels/document.xml.rels': DOCUMENT_RELS,
    'word/styles.xml': STYLES,
    'word/numbering.xml': NUMBERING,
    'word/settings.xml': SETTINGS,
    'word/fontTable.xml': FONTS,
    'word/media/image1.png': IMAGE,
    'docProps/core.xml': CORE,
  };
}

/** A .docx package of `parts` (default: the fixture), deflated as Word does. */
export async function buildDocx(parts: Record<string, string | Buffer> = fixtureParts()): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Every part of a package as bytes, by path. */
export async function partsOf(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files).sort()) if (!zip.files[name]!.dir) out.set(name, await zip.files[name]!.async('nodebuffer'));
  return out;
}
