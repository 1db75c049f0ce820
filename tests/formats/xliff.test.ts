import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeXml } from '../../src/formats/xml.js';
import { readXliff, segmentsToTranslate, tagMismatches, writeXliff, xliffCheckSet, type XliffDocument } from '../../src/formats/xliff.js';
import { InputError } from '../../src/core/errors.js';
import { checkTranslation, createCheckTools, prepareSource } from '../../src/checks/index.js';
import { loadGlossary } from '../../src/glossary/load.js';
import { LineIndex } from '../../src/text/positions.js';

const FIXTURES = resolve(import.meta.dirname, 'fixtures');
const fixture = (name: string): string => readFileSync(resolve(FIXTURES, name), 'utf8');
const read = (name: string, text = fixture(name)): XliffDocument => readXliff(decodeXml(Buffer.from(text), name));

/** 1-based line and column of the first occurrence of `needle` (after `after`) in a text. */
function placeIn(text: string, needle: string, after?: string): { line: number; column: number; offset: number } {
  const from = after === undefined ? 0 : text.indexOf(after);
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`not in the fixture: ${needle}`);
  return new LineIndex(text).position(offset);
}

describe('inline placeholders beside spaces', () => {
  const xlf = (target: string) => `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.html" source-language="vi" target-language="en" datatype="html"><body>
    <trans-unit id="tu1">
      <source>Hai bên ký <x id="1"/>Bản ghi nhớ về <ph id="2">&lt;b&gt;</ph>chuỗi cung ứng<ph id="3">&lt;/b&gt;</ph>.</source>
      <target state="translated">${target}</target>
    </trans-unit>
  </body></file>
</xliff>
`;

  it('read as a space between two words, as nothing beside a space: no double space is made', () => {
    const read = (target: string) => readXliff(decodeXml(Buffer.from(xlf(target)), 'a.xlf')).segments[0]!.target!.text;
    expect(read('The two sides signed <x id="1"/>a Memorandum on <ph id="2">&lt;b&gt;</ph>supply chains<ph id="3">&lt;/b&gt;</ph>.')).toBe('The two sides signed a Memorandum on supply chains .');
    expect(read('signed<x id="1"/> a Memorandum')).toBe('signed a Memorandum');
    expect(read('signed<x id="1"/>a Memorandum')).toBe('signed a Memorandum');
    // Two codes side by side (bold and italic opened or closed together), beside a space or not.
    expect(read('on <ph id="2">&lt;b&gt;</ph><ph id="3">&lt;i&gt;</ph>supply chains<ph id="4">&lt;/i&gt;</ph><ph id="5">&lt;/b&gt;</ph> in')).toBe('on supply chains in');
    expect(read('memorandum.<x id="6"/><x id="7"/> The ship')).toBe('memorandum. The ship');
    expect(read('signed<x id="6"/><x id="7"/>a')).toBe('signed a');
  });

  it('raises no double-space finding on a target laid out as its source', async () => {
    const tools = createCheckTools(await loadGlossary(resolve(import.meta.dirname, '../../glossary.yaml')));
    const set = xliffCheckSet(readXliff(decodeXml(Buffer.from(xlf('The two sides signed <x id="1"/>a Memorandum on <ph id="2">&lt;b&gt;</ph>supply chains<ph id="3">&lt;/b&gt;</ph>.')), 'a.xlf')));
    const { findings } = checkTranslation(prepareSource(set.source, tools), set.translation, tools);
    expect(findings.filter((f) => f.ruleId === 'double-space')).toEqual([]);
  });
});

describe('reading XLIFF 1.2', () => {
  it('reads Okapi/Trados segmentation: one segment per <mrk mtype="seg">, inline codes never read as text', () => {
    const doc = read('okapi-defence.xlf');
    expect(doc).toMatchObject({ version: '1.2', sourceLang: 'vi-VN', targetLang: 'en-GB' });
    expect(doc.segments.map((s) => s.unit)).toEqual(['tu1', 'tu2#0', 'tu2#1', 'tu3', 'tu4', 'tu5', 'tu6']);
    const [, first, second, third] = doc.segments;
    expect(first!.source.text).toBe('Nhà Trắng công bố chuyến thăm cấp nhà nước của Thủ tướng Nhật Bản Kishida Fumio vào ngày 10 tháng XNUMX.');
    expect(second!.source.text).toBe('Bộ trưởng Quốc phòng Hoa Kỳ Lloyd Austin & người đồng cấp ký Biên bản ghi nhớ với Bộ Quốc phòng Hoa Kỳ.');
    // A placeholder reads as a space, so "ứng" and "vào" stay two words.
    expect(third!.source.text).toBe('Hai nước đã ký Thoả thuận An ninh Cung ứng vào đầu năm 2023.');
    expect(third!.target).toBeUndefined();
    expect(second!.target!.text).toBe('U.S. Defense Secretary Lloyd Austin & his counterpart signed a Memorandum of Understanding with the Department of Defence.');
    expect(second!.source.tags.map((t) => [t.kind, t.raw])).toEqual([
      ['code', '<bpt id="2" ctype="italic">&lt;i&gt;</bpt>'],
      ['code', '<ept id="2">&lt;/i&gt;</ept>'],
    ]);
    expect(first!.source.tags.map((t) => t.raw)).toEqual(['<g id="1" ctype="bold">', '</g>']);
  });

  it('gives engines the text with each code in place as protected markup, in NFC', () => {
    const doc = read('okapi-defence.xlf');
    const g = doc.segments[1]!.source;
    expect(g.translatable).toBe('Nhà Trắng công bố <g id="1" ctype="bold">chuyến thăm cấp nhà nước</g> của Thủ tướng Nhật Bản Kishida Fumio vào ngày 10 tháng XNUMX.');
    expect(g.markup.map((m) => g.translatable.slice(m.start, m.end))).toEqual(['<g id="1" ctype="bold">', '</g>']);
    expect(g.markup.every((m) => m.kind === 'markup')).toBe(true);
    // The approved unit's source is NFD in the file: the engine text is NFC, the checker's text as written.
    const nfd = doc.segments.find((s) => s.unit === 'tu4')!.source;
    expect(nfd.text).toBe(nfd.text.normalize('NFD'));
    expect(nfd.translatable).toBe('Tên lửa Patriot do Nhật Bản sản xuất sẽ bổ sung kho dự trữ của Mỹ.'.normalize('NFC'));
  });

  it('knows which segments the file protects: translate="no", approved, signed-off, memoQ locks', () => {
    const okapi = read('okapi-defence.xlf');
    expect(Object.fromEntries(okapi.segments.map((s) => [s.unit, s.protection ?? null]))).toEqual({
      tu1: null,
      'tu2#0': null,
      'tu2#1': null,
      tu3: null,
      tu4: 'approved',
      tu5: 'translate-no',
      tu6: null,
    });
    const memoq = read('memoq-defence.mqxliff');
    expect(memoq.segments.map((s) => [s.unit, s.protection ?? null])).toEqual([
      ['1', 'locked'],
      ['2', null],
    ]);
    expect(segmentsToTranslate(okapi).segments.map((s) => s.unit)).toEqual(['tu3', 'tu6']);
    expect(segmentsToTranslate(okapi, { overwrite: true }).segments.map((s) => s.unit)).toEqual(['tu1', 'tu2#0', 'tu2#1', 'tu3', 'tu6']);
  });

  it('reads a Trados-style sdl:seg lock on one segment of a unit', () => {
    const text = `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0"><file source-language="vi-VN" target-language="en-US"><body>
<trans-unit id="a1"><source>Câu một. Câu hai.</source><seg-source><mrk mtype="seg" mid="1">Câu một.</mrk> <mrk mtype="seg" mid="2">Câu hai.</mrk></seg-source>
<target><mrk mtype="seg" mid="1">Sentence one.</mrk> <mrk mtype="seg" mid="2">Sentence two.</mrk></target>
<sdl:seg-defs><sdl:seg id="1" conf="Translated"/><sdl:seg id="2" conf="ApprovedSignOff" locked="true"/></sdl:seg-defs></trans-unit></body></file></xliff>`;
    const doc = read('a.sdlxliff', text);
    expect(doc.segments.map((s) => [s.unit, s.protection ?? null])).toEqual([
      ['a1#1', null],
      ['a1#2', 'locked'],
    ]);
  });
});

describe('reading XLIFF 2.0', () => {
  it('reads units, segments, <pc>, <ph/>, <sc/>/<ec/>; notes, metadata and originalData are not text', () => {
    const doc = read('phrase-defence.xlf');
    expect(doc).toMatchObject({ version: '2.0', sourceLang: 'vi', targetLang: 'en' });
    expect(doc.segments.map((s) => [s.unit, s.state ?? null, s.protection ?? null])).toEqual([
      ['u1#s1', 'initial', null],
      ['u1#s2', 'translated', null],
      ['u2', null, 'translate-no'],
      ['u3', 'final', 'approved'],
      ['u4', null, null],
    ]);
    expect(doc.segments[0]!.source.text).toBe('Nhà Trắng công bố chuyến thăm cấp nhà nước của Thủ tướng Nhật Bản Kishida Fumio.');
    expect(doc.segments[0]!.source.markup.map((m) => m.replacement)).toEqual(['<pc id="1" dataRefStart="d1" dataRefEnd="d2">', '</pc>']);
    expect(doc.segments[4]!.source.text).toBe('Bộ Quốc phòng Hoa Kỳ xác nhận thông tin.');
  });
});

describe('tag-mismatch', () => {
  it('reports codes of the source missing or repeated in the target, and codes the source lacks, at line:col', () => {
    const text = fixture('okapi-defence.xlf');
    const doc = read('okapi-defence.xlf', text);
    const findings = tagMismatches(doc, doc.segments[2]!);
    expect(findings.map((f) => [f.ruleId, f.unit, f.message])).toEqual([
      ['tag-mismatch', 'tu2#1', 'the source\'s inline code <bpt id="2" ctype="italic"> is missing in the target of unit tu2#1'],
      ['tag-mismatch', 'tu2#1', 'the inline code <ept id="2"> appears 2 times in the target of unit tu2#1, once in the source'],
    ]);
    // The missing one points where the target segment starts; the repeated one at its second copy.
    expect(findings[0]!.span!.start).toEqual(placeIn(text, 'U.S. Defense Secretary'));
    const second = text.indexOf('<ept id="2">', text.indexOf('Memorandum of Understanding<ept')) + '<ept id="2">&lt;/i&gt;</ept>'.length;
    expect(findings[1]!.span!.start).toEqual(new LineIndex(text).position(second));

    const added = read('x.xlf', text.replace('announced the <g id="1" ctype="bold">state-level visit</g>', 'announced the <g id="9">state-level visit</g>'));
    expect(tagMismatches(added, added.segments[1]!).map((f) => f.message)).toEqual([
      'the source\'s inline code <g id="1" ctype="bold"> is missing in the target of unit tu2#0',
      'the target of unit tu2#0 has the inline code <g id="9">, which its source does not have',
    ]);
    // The same codes in another order are a translation's right (word order), not a mismatch.
    expect(tagMismatches(doc, doc.segments[1]!)).toEqual([]);
  });
});

describe('checking an XLIFF file', () => {
  it('reports the checker\'s findings at line:col in the XLIFF file with the unit id', async () => {
    const text = fixture('okapi-defence.xlf');
    const tools = createCheckTools(await loadGlossary(resolve(import.meta.dirname, '../../glossary.yaml')));
    const set = xliffCheckSet(read('okapi-defence.xlf', text));
    expect(set.skipped).toEqual({ protected: 2, untranslated: 2 });
    const { findings } = checkTranslation(prepareSource(set.source, tools), set.translation, tools);
    const located = findings.map(set.relocate);
    const visit = located.find((f) => f.actual === 'state-level visit')!;
    expect(visit).toMatchObject({ ruleId: 'term-forbidden', unit: 'tu2#0', span: { start: placeIn(text, 'state-level visit') } });
    expect(visit.source!.span.start).toEqual(placeIn(text, 'chuyến thăm cấp nhà nước', '<seg-source><mrk mid="0" mtype="seg">Nhà Trắng'));
    const defence = located.find((f) => f.actual === 'Department of Defence')!;
    expect(defence).toMatchObject({ unit: 'tu2#1', span: { start: placeIn(text, 'Department of Defence') } });
    // Approved units are skipped unless asked for: the Patriot rockets of tu4 show only then.
    expect(located.some((f) => f.actual?.startsWith('Patriot rocket'))).toBe(false);
    const all = xliffCheckSet(read('okapi-defence.xlf', text), { protectedSegments: 'check' });
    const again = checkTranslation(prepareSource(all.source, tools), all.translation, tools).findings.map(all.relocate);
    const rockets = again.find((f) => f.actual?.startsWith('Patriot rocket'))!;
    expect(rockets).toMatchObject({ unit: 'tu4', span: { start: placeIn(text, 'Patriot rockets') } });
    // The Vietnamese term is NFD in the file: the source span covers it as written.
    const nfd = 'Tên lửa Patriot'.normalize('NFD');
    expect(rockets.source!.span).toMatchObject({ start: placeIn(text, nfd), end: { offset: placeIn(text, nfd).offset + nfd.length } });
  });

  it('maps positions through CRLF line ends and entities (memoQ)', async () => {
    const text = fixture('memoq-defence.mqxliff');
    expect(text).toContain('\r\n');
    const tools = createCheckTools(await loadGlossary(resolve(import.meta.dirname, '../../glossary.yaml')));
    const set = xliffCheckSet(read('memoq-defence.mqxliff', text));
    const located = checkTranslation(prepareSource(set.source, tools), set.translation, tools).findings.map(set.relocate);
    expect(located.find((f) => f.actual === 'Supply Security Agreement')).toMatchObject({ unit: '2', span: { start: placeIn(text, 'Supply Security Agreement') } });
  });
});

describe('bad XLIFF files', () => {
  const fails = (name: string, text: string): InputError => {
    try {
      read(name, text);
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      return err as InputError;
    }
    throw new Error('did not fail');
  };

  it('says where malformed XML breaks', () => {
    const broken = fixture('okapi-defence.xlf').replace('</g> của Thủ tướng', '</x> của Thủ tướng');
    const err = fails('broken.xlf', broken);
    expect(err.message).toMatch(/^malformed XML/);
    // Line 16 is tu2's <source>, where </x> closes the <g>.
    expect(err.location).toMatchObject({ file: 'broken.xlf', line: 16 });
    expect(broken.split('\n')[15]).toContain('</x> của Thủ tướng');
  });

  it('refuses an unknown version, a missing one, and a root that is not <xliff>', () => {
    expect(fails('v3.xlf', '<?xml version="1.0"?>\n<xliff version="3.0" srcLang="vi"><file id="f"/></xliff>')).toMatchObject({
      message: 'unknown XLIFF version "3.0"',
      location: { file: 'v3.xlf', line: 2, column: 1 },
    });
    expect(fails('none.xlf', '<xliff><file/></xliff>').message).toBe('the <xliff> element has no version');
    expect(fails('tmx.xlf', '<tmx version="1.4"><body/></tmx>').message).toBe('not an XLIFF file: the root element is <tmx>, not <xliff>');
  });

  it('refuses a file whose languages are not Vietnamese into English when checking', () => {
    const enFr = read('en-fr.xlf', '<xliff version="2.0" srcLang="en" trgLang="fr"><file id="f"><unit id="1"><segment><source>Hello</source><target>Bonjour</target></segment></unit></file></xliff>');
    expect(() => xliffCheckSet(enFr)).toThrow('this XLIFF file\'s source language is "en", not Vietnamese');
  });
});

describe('writing XLIFF', () => {
  it('writes only targets and states: the rest of the file stays byte for byte', () => {
    const text = fixture('okapi-defence.xlf');
    const doc = read('okapi-defence.xlf', text);
    const tu3 = doc.segments.find((s) => s.unit === 'tu3')!;
    const tu6 = doc.segments.find((s) => s.unit === 'tu6')!;
    const out = writeXliff(
      doc,
      [
        { segment: tu3, text: 'The two countries signed the Security of Supply Arrangement<x id="3" ctype="lb"/>in early 2023 & "more".' },
        { segment: tu6, text: 'Japan is learning how the <g id="4">U.S. Department of Defense</g> shortens procurement <times>.' },
      ],
      { targetLang: 'en-GB' },
    );
    expect(out).toContain(
      '</seg-source>\n        <target xml:lang="en-GB" state="needs-review-translation" state-qualifier="mt-suggestion"><mrk mid="0" mtype="seg">The two countries signed the Security of Supply Arrangement<x id="3" ctype="lb"/>in early 2023 &amp; "more".</mrk></target>',
    );
    expect(out).toContain('<target xml:lang="en-GB" state="needs-review-translation" state-qualifier="mt-suggestion">Japan is learning how the <g id="4">U.S. Department of Defense</g> shortens procurement &lt;times&gt;.</target>');
    // Outside the two targets nothing changed.
    const before = text.split('\n');
    const after = out.split('\n');
    const changed = after.filter((line) => !before.includes(line));
    expect(changed).toHaveLength(2);
    expect(after.length).toBe(before.length + 1);
    // It reads back with the same ids, the translations as targets, and no tag mismatch.
    const back = read('out.xlf', out);
    expect(back.segments.map((s) => s.unit)).toEqual(doc.segments.map((s) => s.unit));
    const again = back.segments.find((s) => s.unit === 'tu3')!;
    expect(again.target!.text).toBe('The two countries signed the Security of Supply Arrangement in early 2023 & "more".');
    expect(tagMismatches(back, again)).toEqual([]);
    expect(tagMismatches(back, back.segments.find((s) => s.unit === 'tu6')!)).toEqual([]);
  });

  it('overwrites one segment of a segmented target, keeping the others', () => {
    const doc = read('okapi-defence.xlf');
    const first = doc.segments.find((s) => s.unit === 'tu2#0')!;
    const out = writeXliff(doc, [{ segment: first, text: 'The White House announced the <g id="1" ctype="bold">state visit</g> of Japanese Prime Minister Kishida Fumio on XNUMX 10.' }], { targetLang: 'en', state: 'translated' });
    const back = read('out.xlf', out);
    expect(back.segments.find((s) => s.unit === 'tu2#0')!.target!.text).toContain('announced the state visit of');
    expect(back.segments.find((s) => s.unit === 'tu2#1')!.target!.text).toBe(doc.segments.find((s) => s.unit === 'tu2#1')!.target!.text);
    expect(out).toContain('<target xml:lang="en-GB" state="translated"><mrk mid="0" mtype="seg">The White House announced the <g id="1" ctype="bold">state visit</g>');
  });

  it('writes XLIFF 2.0 targets after their source, state on the segment, notes and originalData untouched', () => {
    const text = fixture('phrase-defence.xlf');
    const doc = read('phrase-defence.xlf', text);
    const s1 = doc.segments[0]!;
    const out = writeXliff(doc, [{ segment: s1, text: 'The <pc id="1" dataRefStart="d1" dataRefEnd="d2">White House</pc> announced the state visit of Japanese Prime Minister Kishida Fumio.' }], { targetLang: 'en' });
    expect(out).toContain('<segment id="s1" state="translated">\n        <source>');
    expect(out).toContain('</source>\n        <target>The <pc id="1" dataRefStart="d1" dataRefEnd="d2">White House</pc> announced');
    expect(out).toContain('<note id="n1" appliesTo="source">Lead paragraph.</note>');
    expect(out).toContain('<data id="d1">&lt;a href="https://www.whitehouse.gov/"&gt;</data>');
    const back = read('out.xlf', out);
    expect(back.segments[0]).toMatchObject({ state: 'translated', target: { text: 'The White House announced the state visit of Japanese Prime Minister Kishida Fumio.' } });
    expect(tagMismatches(back, back.segments[0]!)).toEqual([]);
  });

  it('adds the target language where the file names none, and refuses a character XML cannot carry', () => {
    const doc = read('a.xlf', '<xliff version="2.0" srcLang="vi"><file id="f"><unit id="1"><segment><source>Xin chào</source></segment></unit></file></xliff>');
    const out = writeXliff(doc, [{ segment: doc.segments[0]!, text: 'Hello' }], { targetLang: 'en-US' });
    expect(out).toBe('<xliff version="2.0" srcLang="vi" trgLang="en-US"><file id="f"><unit id="1"><segment state="translated"><source>Xin chào</source><target>Hello</target></segment></unit></file></xliff>');
    expect(() => writeXliff(doc, [{ segment: doc.segments[0]!, text: 'Hel\u0001lo' }], { targetLang: 'en' })).toThrow(/U\+0001, which XML cannot carry/);
  });
});
