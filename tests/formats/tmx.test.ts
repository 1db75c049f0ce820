import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeXml } from '../../src/formats/xml.js';
import { readTmx, tmxCheckSets, tmxPairs, writeTmx, type TmxUnitToWrite } from '../../src/formats/tmx.js';
import { InputError } from '../../src/core/errors.js';
import { checkTranslation, createCheckTools, prepareSource } from '../../src/checks/index.js';
import { loadGlossary } from '../../src/glossary/load.js';
import { LineIndex } from '../../src/text/positions.js';
import { applyFixes } from '../../src/glossary/fix.js';
import { SCHEMAS, XMLLINT, xmllint } from '../setup/xmllint.js';

const FIXTURE = resolve(import.meta.dirname, 'fixtures/memoq-defence.tmx');
const bytes = readFileSync(FIXTURE);
const fileText = bytes.toString('utf8');
const read = (b: Uint8Array = bytes, file = 'memoq-defence.tmx') => readTmx(decodeXml(b, file));

/** 1-based line and column of the first occurrence of `needle` in the file. */
function placeOf(needle: string, from = 0): { line: number; column: number; offset: number } {
  const offset = fileText.indexOf(needle, from);
  if (offset < 0) throw new Error(`not in the fixture: ${needle}`);
  return new LineIndex(fileText).position(offset);
}

describe('reading TMX', () => {
  it('reads units with ids, props, notes and decoded segments, inline codes left out', () => {
    const doc = read();
    expect(doc.header.attrs.srclang).toBe('vi-vn');
    expect(doc.header.props).toContainEqual({ type: 'name', value: 'VI-EN Defence news 2024' });
    expect(doc.units.map((u) => u.id ?? `#${u.index}`)).toEqual(['#1', 'seg-2', 'seg-3', 'seg-4', 'seg-5']);
    const [first, second, third, , fifth] = doc.units;
    expect(first!.notes).toEqual(['Checked against the White House readout.']);
    expect(first!.attrs.creationid).toBe('ha.nguyen');
    expect(second!.variants[0]!.segment.text).toBe('Bộ trưởng Quốc phòng Hoa Kỳ Lloyd Austin & người đồng cấp Nhật Bản ký Biên bản ghi nhớ (MOU) với Bộ Quốc phòng Hoa Kỳ.');
    // <ph> stands for something (here a variable): one space; character references decoded.
    expect(third!.variants[0]!.segment.text).toBe('Hai nước đã ký Thoả thuận An ninh Cung ứng vào đầu năm 2023, theo "Quốc phòng".');
    expect(third!.variants[1]!.segment.text).toBe('The two countries signed the Supply Security Agreement in early 2023, according to \u201CQuốc phòng\u201D.');
    expect(fifth!.variants[0]!.segment.text.normalize('NFC')).toBe('Nhật Bản sẽ xuất khẩu tên lửa Patriot sản xuất theo giấy phép sang Hoa Kỳ.');
    expect(fifth!.variants[1]!.segment.text).toBe('Japan will export licence-built Patriot rockets\nto the United States.');
  });

  it('maps every character of a segment back to the file', () => {
    for (const unit of read().units) {
      for (const v of unit.variants) {
        const { text, pieces } = v.segment;
        let covered = 0;
        for (const p of pieces) {
          expect(p.textStart).toBe(covered);
          covered += p.length;
          const raw = fileText.slice(p.fileStart, p.fileStart + p.fileLength);
          const decoded = text.slice(p.textStart, p.textStart + p.length);
          if (p.length === p.fileLength) expect(raw).toBe(decoded);
          else expect(raw).toMatch(/^(&[#\w]+;|\r\n|<ph[^]*<\/ph>)$/);
        }
        expect(covered).toBe(text.length);
      }
    }
  });

  it('reads the same units from UTF-16 (as Trados and Excel write it), with or without a BOM', () => {
    const utf8 = read();
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fileText.replace('encoding="utf-8"', 'encoding="utf-16"'), 'utf16le')]);
    const fromLe = read(le);
    expect(fromLe.units.map((u) => u.variants.map((v) => v.segment.text))).toEqual(utf8.units.map((u) => u.variants.map((v) => v.segment.text)));
    const { line, column } = utf8.units[2]!.position;
    expect(fromLe.units[2]!.position).toMatchObject({ line, column });
  });

  it('stops at malformed XML with file:line:col', () => {
    const broken = fileText.replace('</seg>\r\n      </tuv>\r\n    </tu>\r\n    <tu tuid="seg-2"', '</seg>\r\n    </tu>\r\n    <tu tuid="seg-2"');
    const err = (() => {
      try {
        read(Buffer.from(broken));
      } catch (e) {
        return e;
      }
    })() as InputError;
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/^malformed XML: /);
    // The first unit's English <tuv> is never closed: the parser stops at the </tu> on line 17.
    expect(err.location).toMatchObject({ file: 'memoq-defence.tmx', line: 17, column: 10 });
  });

  it('refuses an XML file that is not TMX, and a <tuv> without a language', () => {
    expect(() => read(Buffer.from('<?xml version="1.0"?>\n<xliff version="1.2"><file/></xliff>'), 'a.xlf')).toThrow(/not a TMX file: the root element is <xliff>/);
    const noLang = '<tmx version="1.4"><header srclang="vi"/><body>\n  <tu><tuv><seg>Xin chào</seg></tuv></tu></body></tmx>';
    try {
      read(Buffer.from(noLang), 'a.tmx');
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ message: 'a <tuv> has no xml:lang', location: { file: 'a.tmx', line: 2, column: 7 } });
    }
  });

  it('pairs Vietnamese and English variants and counts the units that have no pair', () => {
    const pairs = tmxPairs(read());
    expect(pairs.sets).toHaveLength(1);
    expect(pairs.sets[0]!.engine).toBeUndefined();
    expect(pairs.sets[0]!.pairs.map((p) => p.unitId)).toEqual(['1', 'seg-2', 'seg-3', 'seg-5']);
    expect(pairs.skipped.count).toBe(1);
    expect(pairs.skipped.first?.id).toBe('seg-4');
  });
});

describe('checking a TMX file', () => {
  it('reports findings at line:col in the TMX file, past entities, inline codes and CRLF, with the unit id', async () => {
    const tools = createCheckTools(await loadGlossary(resolve(import.meta.dirname, '../../glossary.yaml')));
    const [set] = tmxCheckSets(read());
    const source = prepareSource(set!.source, tools);
    const { findings } = checkTranslation(source, set!.translation, tools);
    const located = findings.map((f) => set!.relocate(f));
    const at = (actual: string) => located.find((f) => f.actual?.toLowerCase().startsWith(actual.toLowerCase()));

    const stateVisit = at('state-level visit')!;
    expect(stateVisit).toMatchObject({ ruleId: 'term-forbidden', unit: '1', span: { start: placeOf('state-level visit') } });
    expect(stateVisit.source?.span.start).toEqual(placeOf('chuyến thăm cấp nhà nước'));

    const defence = at('Department of Defence')!;
    expect(defence).toMatchObject({ unit: 'seg-2', span: { start: placeOf('Department of Defence'), end: placeOf('.</seg>', placeOf('Department of Defence').offset) } });

    const agreement = at('Supply Security Agreement')!;
    expect(agreement).toMatchObject({ unit: 'seg-3', span: { start: placeOf('Supply Security Agreement') } });
    expect(agreement.source?.span.start).toEqual(placeOf('Thoả thuận An ninh Cung ứng'));

    const rockets = at('Patriot rocket')!;
    expect(rockets).toMatchObject({ unit: 'seg-5', span: { start: placeOf('Patriot rockets') } });
    // The Vietnamese term is NFD in the file: the span covers it as written.
    const nfdTerm = 'tên lửa Patriot'.normalize('NFD');
    expect(rockets.source?.span).toMatchObject({ start: placeOf(nfdTerm), end: { offset: placeOf(nfdTerm).offset + nfdTerm.length } });
  });

  it("says where in the file a number's source is, in the finding's note as in its source span", async () => {
    const tmx = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<tmx version="1.4">',
      '  <header creationtool="memoQ" creationtoolversion="10" segtype="sentence" o-tmf="memoQ" adminlang="en-US" srclang="vi-VN" datatype="plaintext"/>',
      '  <body>',
      '    <tu tuid="1">',
      '      <tuv xml:lang="vi-VN"><seg>Cảnh sát biển Việt Nam tăng cường tuần tra.</seg></tuv>',
      '      <tuv xml:lang="en-US"><seg>The Vietnam Coast Guard has stepped up patrols.</seg></tuv>',
      '    </tu>',
      '    <tu tuid="2">',
      '      <tuv xml:lang="vi-VN"><seg>Hai bên ký thỏa thuận trị giá 2,4 tỷ USD.</seg></tuv>',
      '      <tuv xml:lang="en-US"><seg>The two sides signed an agreement worth $2.4 million.</seg></tuv>',
      '    </tu>',
      '  </body>',
      '</tmx>',
      '',
    ].join('\n');
    const tools = createCheckTools(await loadGlossary(resolve(import.meta.dirname, '../../glossary.yaml')));
    const [set] = tmxCheckSets(read(Buffer.from(tmx), 'deal.tmx'));
    const { findings } = checkTranslation(prepareSource(set!.source, tools), set!.translation, tools);
    const wrong = findings.map((f) => set!.relocate(f)).find((f) => f.ruleId === 'number-mismatch')!;
    const inFile = new LineIndex(tmx).position(tmx.indexOf('2,4 tỷ USD'));
    expect(wrong.source?.span.start).toEqual(inFile);
    expect(wrong.note).toBe(`source ${inFile.line}:${inFile.column}`);
  });

  it('rewrites fixes for the TMX file: escaped text, file offsets, applicable as they are', async () => {
    const tools = createCheckTools(await loadGlossary(resolve(import.meta.dirname, '../../glossary.yaml')));
    const [set] = tmxCheckSets(read());
    const { findings } = checkTranslation(prepareSource(set!.source, tools), set!.translation, tools);
    const fixes = findings.map((f) => set!.relocate(f).fix).filter((f) => f !== undefined);
    expect(fixes.length).toBeGreaterThanOrEqual(3);
    const fixed = applyFixes(fileText, fixes);
    expect(fixed).toContain('signed a <bpt i="1" type="bold">&lt;b&gt;</bpt>Memorandum of Understanding<ept i="1">&lt;/b&gt;</ept> (MOU) with the Department of Defense.');
    expect(fixed).toContain('announced the state visit of');
    // Still a TMX whose units read back.
    expect(readTmx({ file: 'fixed.tmx', text: fixed }).units).toHaveLength(5);
  });

  it('refuses a TMX without a Vietnamese–English pair, naming its languages', () => {
    const enFr = '<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>Hello</seg></tuv><tuv xml:lang="fr"><seg>Bonjour</seg></tuv></tu></body></tmx>';
    expect(() => tmxCheckSets(read(Buffer.from(enFr), 'en-fr.tmx'))).toThrow(/no unit with both a Vietnamese and an English variant \(languages: en, fr\)/);
  });
});

describe('TMX placeholders beside spaces', () => {
  it('read as a space between two words, as nothing beside a space', () => {
    const tmx = (seg: string) => `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="vi-VN" segtype="sentence" o-tmf="memoQ" adminlang="en-US" datatype="plaintext" creationtool="memoQ" creationtoolversion="10"/><body>
<tu tuid="5"><tuv xml:lang="vi-VN"><seg>Báo cáo xác nhận <ph x="1">&lt;br/&gt;</ph>điều đó.</seg></tuv><tuv xml:lang="en-US"><seg>${seg}</seg></tuv></tu>
</body></tmx>
`;
    const english = (seg: string) => readTmx(decodeXml(Buffer.from(tmx(seg)), 'm.tmx')).units[0]!.variants[1]!.segment.text;
    expect(english('The report confirmed <ph x="1">&lt;br/&gt;</ph>the finding.')).toBe('The report confirmed the finding.');
    expect(english('The report confirmed<ph x="1">&lt;br/&gt;</ph>the finding.')).toBe('The report confirmed the finding.');
  });
});

describe('writing TMX', () => {
  const units: TmxUnitToWrite[] = [
    {
      id: 'a.txt:1:deepl',
      source: { lang: 'vi', text: 'Bộ trưởng Austin & người đồng cấp ký "Biên bản ghi nhớ" <MOU> ]]>' },
      target: { lang: 'en', text: "Secretary Austin & his counterpart signed a 'Memorandum of Understanding' <MOU> ]]>" },
      props: [{ type: 'x-engine', value: 'deepl' }, { type: 'x-model', value: 'deepl' }],
      created: new Date(Date.UTC(2026, 11, 2, 10, 15, 30)),
      creator: 'vitrans/deepl',
    },
  ];
  const write = (list: Iterable<TmxUnitToWrite>) => {
    let out = '';
    const n = writeTmx({ srcLang: 'vi', creationTool: 'vitrans', creationToolVersion: '0.1.0', segType: 'paragraph' }, list, (c) => (out += c));
    return { out, n };
  };

  it('writes what it reads back exactly, every character escaped', () => {
    const { out, n } = write(units);
    expect(n).toBe(1);
    expect(out).toContain('creationdate="20261202T101530Z"');
    const back = readTmx({ file: 'out.tmx', text: out });
    expect(back.units[0]!.variants.map((v) => [v.lang, v.segment.text])).toEqual([
      ['vi', units[0]!.source.text],
      ['en', units[0]!.target.text],
    ]);
    expect(back.units[0]!.props).toEqual(units[0]!.props);
    expect(back.units[0]!.attrs).toMatchObject({ tuid: 'a.txt:1:deepl', creationid: 'vitrans/deepl' });
  });

  it('refuses a character XML cannot carry instead of writing a broken file', () => {
    expect(() => write([{ ...units[0]!, target: { lang: 'en', text: 'bell \u0007' } }])).toThrow(/U\+0007, which XML cannot carry/);
  });

  it.skipIf(!XMLLINT)('is valid against the TMX 1.4b DTD (xmllint)', async () => {
    const { out } = write(units);
    const verdict = await xmllint(out, { dtd: join(SCHEMAS, 'tmx14.dtd') });
    expect(verdict.output).toBe('');
    expect(verdict.valid).toBe(true);
    // The validator is not a rubber stamp: a <tu> without <tuv> is refused.
    const invalid = await xmllint(out.replace(/<tuv[^]*<\/tuv>/, ''), { dtd: join(SCHEMAS, 'tmx14.dtd') });
    expect(invalid.valid).toBe(false);
  });
});
