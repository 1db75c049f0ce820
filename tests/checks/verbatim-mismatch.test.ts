import { ruleTester } from './helpers.js';

const VI = 'Thông tin chi tiết tại https://www.mod.go.jp/en/press/2024/0410.html hoặc liên hệ press@mod.go.jp.';

ruleTester('verbatim-mismatch', {
  valid: [
    ['both copied, sentence punctuation aside', VI, 'Details at https://www.mod.go.jp/en/press/2024/0410.html or from press@mod.go.jp.'],
    ['scheme and host in another case', VI, 'Details at HTTPS://WWW.MOD.GO.JP/en/press/2024/0410.html or from press@MOD.GO.JP.'],
    ['no URLs at all', 'Hai bên ký kết.', 'The two sides signed.'],
    ['a URL with brackets of its own', 'Xem (https://vi.wikipedia.org/wiki/SM-3_(tên_lửa)).', 'See (https://vi.wikipedia.org/wiki/SM-3_(tên_lửa)).'],
    ['a URL in NFD and NFC', 'Xem https://vi.wikipedia.org/wiki/Hà_Nội'.normalize('NFD'), 'See https://vi.wikipedia.org/wiki/Hà_Nội'],
  ],
  invalid: [
    {
      name: 'a URL path translated, with a fix that puts the source one back',
      source: VI,
      target: 'Details at https://www.mod.go.jp/en/news/2024/0410.html or from press@mod.go.jp.',
      findings: [
        {
          severity: 'error',
          message: 'the URL "https://www.mod.go.jp/en/news/2024/0410.html" differs from the source\'s "https://www.mod.go.jp/en/press/2024/0410.html"',
          expected: ['https://www.mod.go.jp/en/press/2024/0410.html'],
          source: { text: 'https://www.mod.go.jp/en/press/2024/0410.html' },
        },
      ],
      fixed: 'Details at https://www.mod.go.jp/en/press/2024/0410.html or from press@mod.go.jp.',
    },
    {
      name: 'a URL cut short and an e-mail address dropped in one paragraph',
      source: VI,
      target: 'Details at https://www.mod.go.jp/en/press/2024/0410 or from the press office.',
      findings: [
        { message: 'the e-mail address "press@mod.go.jp" of the source is missing' },
        { message: 'the URL "https://www.mod.go.jp/en/press/2024/0410" differs from the source\'s "https://www.mod.go.jp/en/press/2024/0410.html"' },
      ],
      fixed: 'Details at https://www.mod.go.jp/en/press/2024/0410.html or from the press office.',
    },
    {
      name: 'an e-mail address dropped',
      source: VI,
      target: 'Details at https://www.mod.go.jp/en/press/2024/0410.html or from the press office.',
      findings: [{ message: 'the e-mail address "press@mod.go.jp" of the source is missing', source: { text: 'press@mod.go.jp' } }],
    },
    {
      name: 'a URL added',
      source: 'Hai bên ký kết.',
      target: 'The two sides signed (see www.example.com).',
      findings: [{ message: 'the URL "www.example.com" is not in the source', actual: 'www.example.com' }],
    },
    {
      name: 'a changed path case',
      source: 'Xem https://mod.go.jp/EN/Press.',
      target: 'See https://mod.go.jp/en/press.',
      findings: [{ message: 'the URL "https://mod.go.jp/en/press" differs from the source\'s "https://mod.go.jp/EN/Press"' }],
      fixed: 'See https://mod.go.jp/EN/Press.',
    },
  ],
});
