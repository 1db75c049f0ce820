import { ruleTester } from './helpers.js';

ruleTester('final-punctuation', {
  valid: [
    ['a period each', 'Hai bên ký kết thỏa thuận.', 'The two sides signed the agreement.'],
    ['a heading without punctuation', 'Tận dụng tối đa hợp tác công nghiệp quốc phòng Nhật-Mỹ', 'Making the Most of Japan-U.S. Defense Industrial Cooperation'],
    ['a question', 'Liệu Nhật Bản có tăng ngân sách?', 'Will Japan raise its budget?'],
    ['the period inside or outside the quotes', 'Ông nói: "Đồng ý".', 'He said: "Agreed."'],
    ['the stray ". ." of machine output', 'Niềm tin chung cao hơn. . \u00A0', 'a higher level of shared trust.'],
    ['"..." and "…"', 'Và còn nữa…', 'And there is more...'],
    ['a final abbreviation for a source without a period', 'Hội đàm với Mỹ', 'Talks with the U.S.'],
    ['a colon before a quotation', 'Ông Kihara nói:', 'Kihara said:'],
    ['a closing bracket after the period', '(Theo Reuters.)', '(Reuters.)'],
  ],
  invalid: [
    {
      name: 'a question made a statement',
      source: 'Liệu Nhật Bản có tăng ngân sách quốc phòng?',
      target: 'Japan may raise its defense budget.',
      findings: [{ severity: 'warning', message: 'paragraph 1 ends with a period where its source ends with a question mark', expected: ['?'], actual: '.', source: { text: '?' }, span: { start: { column: 35 } } }],
    },
    {
      name: 'a period lost',
      source: 'Hai bên ký kết thỏa thuận.',
      target: 'The two sides signed the agreement',
      findings: [{ message: 'paragraph 1 ends with no punctuation where its source ends with a period' }],
    },
    {
      name: 'a heading given a period',
      source: 'Hợp tác quốc phòng Việt Nam - Nhật Bản',
      target: 'Vietnam-Japan Defense Cooperation.',
      findings: [{ message: 'paragraph 1 ends with a period where its source ends with no punctuation' }],
    },
    {
      name: 'a colon made a period',
      source: 'Ông Kihara nói:\n\n"Chúng tôi sẽ hợp tác."',
      target: 'Kihara said.\n\n"We will cooperate."',
      findings: [{ paragraph: 1, message: 'paragraph 1 ends with a period where its source ends with a colon' }],
    },
  ],
});
