import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../src/glossary/load.js';
import { applyFixes } from '../../src/glossary/fix.js';
import { checksById, checkTranslation, createCheckTools, fixesToApply, prepareSource } from '../../src/checks/index.js';
import { decodeXml } from '../../src/formats/xml.js';
import { readXliff, xliffCheckSet } from '../../src/formats/xliff.js';
import { readTmx, tmxCheckSets } from '../../src/formats/tmx.js';
import { blankMarkdownCode } from '../../src/formats/markdown/checkable.js';
import { GLOSSARY_YAML, ruleTester } from './helpers.js';

const VI = 'Hai bên nhất trí thúc đẩy hợp tác quốc phòng.';

ruleTester('double-space', {
  valid: [
    ['single spaces', VI, 'The two sides agreed to advance defense cooperation.'],
    ['indentation and trailing spaces are not between words', VI, '  The two sides agreed   \n    to advance cooperation.  '],
    ['a line break between words', VI, 'The two sides agreed\nto advance cooperation.'],
  ],
  invalid: [
    {
      name: 'two spaces between words',
      source: VI,
      target: 'The two sides  agreed to advance defense cooperation.',
      findings: [{ severity: 'warning', message: '2 spaces between words', span: { start: { column: 14 }, end: { column: 16 } } }],
      fixed: 'The two sides agreed to advance defense cooperation.',
    },
    {
      name: 'two spaces after a period, and three elsewhere',
      source: `${VI} Hai bên ký kết.`,
      target: 'The two sides agreed.  They signed   it.',
      findings: [{ message: '2 spaces between words' }, { message: '3 spaces between words' }],
      fixed: 'The two sides agreed. They signed it.',
    },
    {
      name: 'a no-break space beside a space keeps the no-break space',
      source: VI,
      target: 'It costs 10\u00A0 km of cable.',
      findings: [{ message: '2 spaces between words' }],
      fixed: 'It costs 10\u00A0km of cable.',
    },
  ],
});

describe('double-space in Markdown', () => {
  const check = (target: string) => {
    const tools = createCheckTools(parseGlossary(GLOSSARY_YAML, 'glossary.yaml'), checksById(['double-space']));
    const source = prepareSource({ file: 'a.vi.md', text: blankMarkdownCode('Xem `mã` và [đây](https://a.vn).\n\n| a | b |') }, tools);
    return checkTranslation(source, { file: 'a.en.md', text: blankMarkdownCode(target) }, tools).findings;
  };

  it('does not take code spans, tags and link targets (blanked to spaces) for double spaces', () => {
    expect(check('See `code` and <b>this</b> and [here](https://a.vn).\n\n| a   | b |')).toEqual([]);
  });

  it('still finds two spaces typed between words, outside tables', () => {
    expect(check('See `code` and  [here](https://a.vn).\n\n| a | b |').map((f) => f.span?.start.column)).toEqual([15]);
  });
});

// Block markers are Markdown syntax: the spaces after them are not between words, and removing one
// could move a list item's content column (and the indented code under it).
const LIST_VI = '-  Hai bên nhất trí thúc đẩy hợp tác quốc phòng.\n\n1.  Bộ Quốc phòng Nhật Bản hoan nghênh.';
ruleTester(
  'double-space',
  {
    valid: [
      ['two spaces after a bullet', LIST_VI, '-  The two sides agreed to advance defense cooperation.\n\n1.  The Japanese Ministry of Defense welcomed it.'],
      ['two spaces after a block quote marker', '>  Hai bên nhất trí.', '>  The two sides agreed to advance defense cooperation.'],
      ['two spaces after a heading marker', '#  Hợp tác quốc phòng', '#  Defense cooperation advances'],
      ['a quoted list item, and its continuation line', '> -  Hai bên nhất trí.', '> -  The two sides agreed\n>  to advance defense cooperation.'],
      [
        'an indented code block under an item padded to column 3',
        '-  Hai bên nhất trí.\n\n       mã',
        '-  The two sides agreed to advance defense cooperation.\n\n       code',
      ],
    ],
    invalid: [
      {
        name: 'two spaces between words of a list item are still found',
        source: LIST_VI,
        target: '-  The two sides  agreed to advance defense cooperation.\n\n1.  The Japanese Ministry of Defense welcomed it.',
        findings: [{ message: '2 spaces between words', span: { start: { line: 1, column: 17 } } }],
        fixed: '-  The two sides agreed to advance defense cooperation.\n\n1.  The Japanese Ministry of Defense welcomed it.',
      },
      {
        name: 'two spaces between words of a heading are still found',
        source: '# Hợp tác quốc phòng',
        target: '# Defense  cooperation advances',
        findings: [{ message: '2 spaces between words', span: { start: { line: 1, column: 10 } } }],
        fixed: '# Defense cooperation advances',
      },
    ],
  },
  undefined,
  { markdown: true },
);

// An XLIFF inline code between two spaces, as the CAT tool copied it from the source: the file has
// no two spaces in a row, and --fix could not make them one.
describe('double-space beside XLIFF and TMX inline codes', () => {
  const xliff = (units: [string, string][]): string =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file original="a.txt" source-language="vi" target-language="en" datatype="plaintext"><body>\n` +
    units.map(([vi, en], k) => `<trans-unit id="${k + 1}"><source>${vi}</source><target>${en}</target></trans-unit>\n`).join('') +
    '</body></file></xliff>\n';
  const check = (units: [string, string][]) => {
    const set = xliffCheckSet(readXliff(decodeXml(Buffer.from(xliff(units)), 'a.xlf')));
    const tools = createCheckTools(parseGlossary(GLOSSARY_YAML, 'glossary.yaml'), checksById(['double-space']));
    const source = prepareSource({ file: 'a.xlf', text: set.source.text, paragraphs: set.source.paragraphs }, tools);
    return checkTranslation(source, { file: 'a.xlf', text: set.translation.text, paragraphs: set.translation.paragraphs }, tools).findings.map(set.relocate);
  };

  const tmx = (vi: string, en: string): string =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="vi-VN" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>\n` +
    `<tu tuid="1"><tuv xml:lang="vi-VN"><seg>${vi}</seg></tuv><tuv xml:lang="en-US"><seg>${en}</seg></tuv></tu>\n</body></tmx>\n`;
  it('one space either side of a TMX placeholder is no double space', () => {
    const [set] = tmxCheckSets(readTmx(decodeXml(Buffer.from(tmx('Ngân sách đạt 2,4 tỷ USD <ph x="1"/> trong năm 2024.', 'The budget reached $2.4 billion <ph x="1"/> in 2024.')), 'a.tmx')));
    const tools = createCheckTools(parseGlossary(GLOSSARY_YAML, 'glossary.yaml'), checksById(['double-space']));
    expect(checkTranslation(prepareSource(set!.source, tools), set!.translation, tools).findings).toEqual([]);
  });

  it.each([
    ['a standalone code', 'Ngân sách đạt 2,4 tỷ USD <x id="1"/> trong năm 2024.', 'The budget reached $2.4 billion <x id="1"/> in 2024.'],
    ['a placeholder with its content', 'Hai bên <ph id="1">&lt;br/&gt;</ph> hợp tác.', 'The two sides <ph id="1">&lt;br/&gt;</ph> cooperate.'],
    ['two codes in a row', 'Hai bên <x id="1"/><x id="2"/> hợp tác.', 'The two sides <x id="1"/><x id="2"/> cooperate.'],
  ])('one space either side of %s is no double space', (_name, vi, en) => {
    expect(check([[vi, en]])).toEqual([]);
  });

  it('still finds two spaces written before a code, and --fix leaves one', () => {
    const units: [string, string][] = [['Ngân sách đạt 2,4 tỷ USD <x id="1"/> trong năm 2024.', 'The budget reached $2.4 billion  <x id="1"/> in 2024.']];
    const findings = check(units);
    expect(findings.map((f) => f.message)).toEqual(['2 spaces between words']);
    expect(applyFixes(xliff(units), fixesToApply(findings, 'a.xlf'))).toContain('<target>The budget reached $2.4 billion <x id="1"/> in 2024.</target>');
  });
});
