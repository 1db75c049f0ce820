import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../src/glossary/load.js';
import { checksById, checkTranslation, createCheckTools, prepareSource } from '../../src/checks/index.js';
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
