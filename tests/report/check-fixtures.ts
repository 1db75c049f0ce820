/** Realistic check reports over the seed article's translations, for the check formatter tests. */
import type { Finding } from '../../src/core/types.js';
import type { CheckReport } from '../../src/report/types.js';

const pos = (line: number, column: number, offset: number) => ({ line, column, offset });

/** "Bộ Quốc phòng" in NFD, as some CMS exports write it. */
export const NFD_MINISTRY = 'Bộ Quốc phòng'.normalize('NFD');

export const forbiddenGpi: Finding = {
  ruleId: 'term-forbidden',
  severity: 'error',
  message: '"Thiết bị đánh chặn pha bay" should be rendered "Glide Phase Interceptor"',
  file: 'corpus/a/deepl.en.txt',
  paragraph: 4,
  span: { start: pos(7, 58, 912), end: pos(7, 82, 936) },
  source: { file: 'corpus/a/source.vi.txt', span: { start: pos(7, 70, 1003), end: pos(7, 96, 1029) }, text: 'Thiết bị đánh chặn pha bay' },
  termId: 'glide-phase-interceptor',
  expected: ['Glide Phase Interceptor', 'GPI'],
  actual: 'flight phase interceptor',
  fix: { range: [912, 936], text: 'Glide Phase Interceptor' },
  engine: 'deepl',
};

export const missingSosa: Finding = {
  ruleId: 'term-missing',
  severity: 'warning',
  message: '"Thoả thuận An ninh Cung ứng" is not rendered "Security of Supply Arrangement"',
  file: 'corpus/a/deepl.en.txt',
  paragraph: 3,
  termId: 'security-of-supply-arrangement',
  expected: ['Security of Supply Arrangement', 'SOSA'],
  engine: 'deepl',
  note: 'The year "XNUMX" placeholder in the source is a scraping artifact.',
};

export const forbiddenMou: Finding = {
  ruleId: 'term-forbidden',
  severity: 'error',
  message: `"Biên bản ghi nhớ" of the ${NFD_MINISTRY} should be rendered "Memorandum of Understanding"`,
  file: 'corpus/a/google.en.txt',
  paragraph: 3,
  span: { start: pos(5, 101, 640), end: pos(5, 138, 677) },
  termId: 'memorandum-of-understanding',
  expected: ['Memorandum of Understanding'],
  actual: 'Memo | <b>of</b> *Understandings*',
  engine: 'google',
};

export const report: CheckReport = {
  files: [{ source: 'corpus/a/source.vi.txt', translations: ['corpus/a/deepl.en.txt', 'corpus/a/google.en.txt', 'corpus/a/openai.en.txt'] }],
  // Out of order on purpose: formatters group by file and sort by position.
  findings: [forbiddenMou, missingSosa, forbiddenGpi],
  summary: [
    {
      termId: 'glide-phase-interceptor',
      vi: 'Thiết bị đánh chặn pha bay',
      en: 'Glide Phase Interceptor',
      occurrences: 3,
      renderings: [
        { text: 'Glide Phase Interceptor', count: 2, approved: true },
        { text: 'flight phase interceptor', count: 1, approved: false },
      ],
    },
    {
      termId: 'security-of-supply-arrangement',
      vi: 'Thoả thuận An ninh Cung ứng',
      en: 'Security of Supply Arrangement',
      occurrences: 3,
      renderings: [{ text: 'Security | Supply <i>Arrangement</i>', count: 1, approved: false }],
    },
  ],
};

export const cleanReport: CheckReport = {
  files: [{ source: 'corpus/a/source.vi.txt', translations: ['corpus/a/deepl.en.txt', 'corpus/a/google.en.txt'] }],
  findings: [],
  summary: [],
};

/** The Vietnam Coast Guard's former name, allowed by the writer in a translation and suppressed inline. */
export const suppressedInline: Finding = {
  ruleId: 'term-forbidden',
  severity: 'error',
  message: '"Vietnam Marine Police" is a forbidden rendering of "Cảnh sát biển Việt Nam": use "Vietnam Coast Guard"',
  file: 'corpus/a/deepl.en.txt',
  paragraph: 6,
  span: { start: pos(11, 5, 1500), end: pos(11, 26, 1521) },
  termId: 'vietnam-coast-guard',
  expected: ['Vietnam Coast Guard'],
  actual: 'Vietnam Marine Police',
  fix: { range: [1500, 1521], text: 'Vietnam Coast Guard' },
  fingerprint: '5d1f0e9a3c2b7a64',
  suppression: { kind: 'inline', reason: 'the 2012 press release is quoted', at: { file: 'corpus/a/deepl.en.txt', line: 10, column: 1 } },
};

/** A finding recorded in the team's baseline. */
export const suppressedBaseline: Finding = {
  ...forbiddenMou,
  paragraph: 2,
  span: { start: pos(3, 10, 300), end: pos(3, 47, 337) },
  fingerprint: '0c9e4b1d2a7f6e35',
  suppression: { kind: 'baseline', reason: 'recorded in the baseline', at: { file: 'qa/vitrans-baseline.json', line: 6, column: 81 } },
};

/** `report` with one finding suppressed inline and one by the baseline. */
export const suppressedReport: CheckReport = {
  ...report,
  findings: [...report.findings, suppressedBaseline, suppressedInline],
  baseline: 'qa/vitrans-baseline.json',
};
