import { ruleTester } from './helpers.js';

const GLOSSARY = `version: 1
entries:
  - id: japan-mod
    vi: Bộ Quốc phòng Nhật Bản
    en: Japanese Ministry of Defense
    accepted: [Ministry of Defense, Japanese Ministry of Defence, Ministry of Defence, Japan Ministry of Defense]
  - id: rdte
    vi: nghiên cứu, phát triển, thử nghiệm và đánh giá
    en: research, development, test and evaluation
    acronym: RDT&E
    accepted: ["research, development, test, and evaluation"]
  - id: co-development
    vi: cùng phát triển
    en: co-development
    accepted: [co-develop, jointly develop]
  - id: us-dod
    vi: Bộ Quốc phòng Hoa Kỳ
    en: U.S. Department of Defense
    accepted: [US Department of Defense, Department of Defense]
`;

const MOD = 'Bộ Quốc phòng Nhật Bản ra thông báo.';

ruleTester(
  'term-inconsistent',
  {
    valid: [
      ['one rendering throughout', `${MOD}\n\n${MOD}`, 'The Japanese Ministry of Defense said so.\n\nThe Japanese Ministry of Defense said so.'],
      ['a short form after the full name', `${MOD}\n\n${MOD}`, 'The Japanese Ministry of Defense said so.\n\nThe Ministry of Defense said so.'],
      ['plural, possessive, case and hyphens', `${MOD} ${MOD}`, "The Japanese Ministry of Defense's note; the japanese ministry of defense said."],
      ['the acronym beside the expansion', 'nghiên cứu, phát triển, thử nghiệm và đánh giá (RDT&E)', 'research, development, test and evaluation (RDT&E)'],
      [
        "another country's ministry, in a paragraph without the term",
        `${MOD}\n\nBộ Quốc phòng Ấn Độ cũng ra thông báo.`,
        "The Japanese Ministry of Defense said so.\n\nIndia's Ministry of Defence said so too.",
      ],
      ['verbs and nouns of a common-noun entry may vary', 'Hai nước cùng phát triển tên lửa.\n\nHai nước cùng phát triển tàu.', 'The two countries co-develop missiles.\n\nThe two countries jointly develop ships.'],
    ],
    invalid: [
      {
        name: 'British and American spelling in one translation',
        source: `${MOD}\n\n${MOD}\n\n${MOD}`,
        target: 'The Japanese Ministry of Defense said so.\n\nThe Japanese Ministry of Defence said so.\n\nThe Japanese Ministry of Defense said so.',
        findings: [
          {
            severity: 'warning',
            paragraph: 2,
            termId: 'japan-mod',
            message: '"Japanese Ministry of Defence" and "Japanese Ministry of Defense" both render "Bộ Quốc phòng Nhật Bản" in this translation (1 and 2 times): keep one',
            expected: ['Japanese Ministry of Defense'],
            actual: 'Japanese Ministry of Defence',
            span: { start: { line: 3, column: 5 } },
          },
        ],
      },
      {
        name: 'a short form in the other spelling',
        source: `${MOD}\n\n${MOD}`,
        target: 'The Japanese Ministry of Defense said so.\n\nThe Ministry of Defence said so.',
        findings: [{ paragraph: 2, actual: 'Ministry of Defence' }],
      },
      {
        name: 'a serial comma in one place only',
        source: 'nghiên cứu, phát triển, thử nghiệm và đánh giá\n\nnghiên cứu, phát triển, thử nghiệm và đánh giá',
        target: 'research, development, test and evaluation\n\nresearch, development, test, and evaluation',
        findings: [{ paragraph: 2, actual: 'research, development, test, and evaluation' }],
      },
      {
        name: '"U.S." and "US" in one translation',
        source: 'Bộ Quốc phòng Hoa Kỳ.\n\nBộ Quốc phòng Hoa Kỳ.',
        target: 'The U.S. Department of Defense.\n\nThe US Department of Defense.',
        findings: [{ paragraph: 2, expected: ['U.S. Department of Defense'] }],
      },
      {
        name: 'two names for one institution',
        source: `${MOD}\n\n${MOD}`,
        target: 'The Japanese Ministry of Defense said so.\n\nThe Japan Ministry of Defense said so.',
        findings: [{ paragraph: 2, actual: 'Japan Ministry of Defense' }],
      },
    ],
  },
  GLOSSARY,
);
