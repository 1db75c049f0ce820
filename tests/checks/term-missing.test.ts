import { describe, expect, it } from 'vitest';
import { check, checkWith, ruleTester } from './helpers.js';
import { summarizeTerms } from '../../src/checks/index.js';
import { parseGlossary } from '../../src/glossary/load.js';
import { formatCheckText } from '../../src/report/index.js';

describe('term-missing', () => {
  it('reports a dropped term and points at the Vietnamese occurrence in the source', () => {
    const source = 'Mở đầu.\n\nHai nước ký Biên bản ghi nhớ về nghiên cứu.';
    const target = 'Introduction.\n\nThe two countries signed an agreement on research.';
    const [finding, ...rest] = check(source, target).findings;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      ruleId: 'term-missing',
      paragraph: 2,
      termId: 'mou',
      // Approved renderings, canonical first, forms included; not the acronym (alone it counts only after its expansion).
      expected: ['Memorandum of Understanding', 'Memoranda of Understanding'],
      source: { file: 'a.vi.txt', text: 'Biên bản ghi nhớ', span: { start: { line: 3, column: 13 } } },
      span: { start: { line: 3, column: 1 } },
    });
  });

  it('gives source positions in the file as written, even in NFD', () => {
    const source = 'Hai nước ký Biên bản ghi nhớ.'.normalize('NFD');
    const [finding] = check(source, 'They signed an agreement.').findings.filter((f) => f.ruleId === 'term-missing');
    // Column counts code points of the NFD text: "Hai nước ký " is longer in NFD.
    expect(finding?.source?.span.start.column).toBe([...'Hai nước ký '.normalize('NFD')].length + 1);
    expect(finding?.source?.text).toBe('Biên bản ghi nhớ'.normalize('NFD'));
  });

  it('needs one rendering per occurrence', () => {
    const source = 'Biên bản ghi nhớ thứ nhất và Biên bản ghi nhớ thứ hai.';
    const findings = check(source, 'The first Memorandum of Understanding and the second one.').findings;
    expect(findings.map((f) => f.ruleId)).toEqual(['term-missing']);
    expect(check(source, 'The first Memorandum of Understanding and the second Memorandum of Understanding.').findings).toEqual([]);
  });

  it('accepts plural forms the entry lists', () => {
    expect(check('Các Biên bản ghi nhớ đã được ký.', 'The Memoranda of Understanding were signed.').findings).toEqual([]);
  });

  it('lets an acronym stand alone after its expansion, not before', () => {
    const source = 'Biên bản ghi nhớ được ký.\n\nBiên bản ghi nhớ có hiệu lực.';
    const after = 'The Memorandum of Understanding (MOU) was signed.\n\nThe MOU took effect.';
    expect(check(source, after).findings).toEqual([]);

    const before = 'The MOU was signed.\n\nThe Memorandum of Understanding (MOU) took effect.';
    const findings = check(source, before).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'term-missing', paragraph: 1, actual: 'MOU', expected: ['Memorandum of Understanding', 'Memoranda of Understanding'] });
    expect(findings[0]?.note).toMatch(/before/);
  });

  it('does not count "X (ACRONYM)" as two renderings', () => {
    const source = 'Thiết bị đánh chặn pha bay và Thiết bị đánh chặn pha bay.';
    const findings = check(source, 'The Glide Phase Interceptor (GPI) and nothing else.').findings;
    expect(findings.map((f) => f.ruleId)).toEqual(['term-missing']);
  });

  it('names the rendering of another entry that stands where the term should be', () => {
    const findings = check('Bộ Quốc phòng Nhật Bản đã ký.', 'The U.S. Department of Defense signed.').findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'term-missing', termId: 'japan-mod', actual: 'U.S. Department of Defense' });
  });

  it('does not report a term rendered with a forbidden form twice', () => {
    const findings = check('Thiết bị đánh chặn pha bay.', 'The flight phase interceptor.').findings;
    expect(findings.map((f) => f.ruleId)).toEqual(['term-forbidden']);
  });

  it('matches old-style tone marks and NFD in the source', () => {
    const source = 'Thoả thuận An ninh Cung ứng'.normalize('NFD') + ' được ký.';
    expect(check(source, 'The Security of Supply Arrangement was signed.').findings).toEqual([]);
    expect(check(source, 'The arrangement was signed.').findings.map((f) => f.termId)).toEqual(['sosa']);
  });
});

describe('term-missing hints at a competing rendering only where it stands for the term', () => {
  const yaml = `version: 1
entries:
  - id: japan-mod
    vi: Bộ Quốc phòng Nhật Bản
    en: Japanese Ministry of Defense
    accepted: [Ministry of Defense]
  - id: us-secretary
    vi: Bộ trưởng Quốc phòng Mỹ
    en: U.S. Secretary of Defense
    accepted: [Secretary of Defense]
`;
  const source = 'Bộ Quốc phòng Nhật Bản đã tiếp ông Ratner.';
  const cases: [string, string, string | undefined][] = [
    ['a rendering standing on its own is named', 'The Secretary of Defense received Mr. Ratner.', 'Secretary of Defense'],
    ['after "The" at a sentence start too', 'The Secretary of Defense received Mr. Ratner.', 'Secretary of Defense'],
    ['not the end of "Assistant Secretary of Defense"', 'Tokyo received Assistant Secretary of Defense Ely Ratner.', undefined],
    ['not the end of "Deputy Secretary of Defense" either', 'Tokyo received Deputy Secretary of Defense Kathleen Hicks.', undefined],
    ['nor after a hyphenated title word', 'Tokyo received the Under-Secretary of Defense.', undefined],
  ];
  it.each(cases)('%s', (_name, target, named) => {
    const findings = checkWith(yaml, source, target, ['term-missing']).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]!.actual).toBe(named);
    if (!named) expect(findings[0]!.note ?? '').not.toMatch(/Secretary of Defense/);
  });
});

describe('term-missing takes a short second mention after the full rendering', () => {
  const yaml = `version: 1
entries:
  - id: vietnam-mnd
    vi: Bộ Quốc phòng
    en: Ministry of National Defence
    accepted: [Ministry of National Defense]
  - id: gso
    vi: Tổng cục Thống kê
    en: General Statistics Office
`;
  const missing = (source: string, target: string): Array<[number | undefined, string | undefined]> =>
    checkWith(yaml, source, target, ['term-missing']).findings.map((f) => [f.paragraph, f.source?.text]);

  it.each([
    [
      'Bộ Quốc phòng đã ký bản ghi nhớ với Ấn Độ. Theo Bộ Quốc phòng, thỏa thuận có hiệu lực ngay.',
      'The Ministry of National Defence signed a memorandum with India. According to the ministry, the agreement takes effect immediately.',
    ],
    [
      'Bộ Quốc phòng đã ký bản ghi nhớ với Ấn Độ.\n\nBộ Quốc phòng cho biết sẽ cử đoàn sang New Delhi.',
      "Vietnam's Ministry of National Defence signed a memorandum with India.\n\nThe defence ministry said it would send a delegation to New Delhi.",
    ],
    [
      'Tổng cục Thống kê công bố số liệu quý III.\n\nTheo Tổng cục Thống kê, GDP tăng 7,4%.'.normalize('NFD'),
      'The General Statistics Office released third-quarter data.\n\nAccording to the office, GDP grew 7.4%.',
    ],
  ])('%s', (source, target) => expect(missing(source, target)).toEqual([]));

  it('tallies the short mention in the term summary as one, not as a missing rendering or another way of rendering the term', () => {
    const source = 'Bộ Quốc phòng đã ký bản ghi nhớ với Ấn Độ. Theo Bộ Quốc phòng, thỏa thuận có hiệu lực ngay.\n\nBộ Quốc phòng cho biết sẽ cử đoàn sang New Delhi.';
    const target = 'The Ministry of National Defence signed a memorandum with India. According to the ministry, the agreement takes effect immediately.\n\nThe defence ministry said it would send a delegation to New Delhi.';
    const { outcomes, findings } = checkWith(yaml, source, target, ['term-missing']);
    const summary = summarizeTerms(parseGlossary(yaml, 'glossary.yaml'), outcomes);
    expect(summary[0]!.renderings).toEqual([
      { text: '(short second mention)', count: 2, approved: true, secondMention: true },
      { text: 'Ministry of National Defence', count: 1, approved: true },
    ]);
    const text = formatCheckText({ files: [{ source: 'a.vi.txt', translations: ['a.en.txt'] }], findings, summary }, { color: false });
    expect(text).toMatch(/1 term, 3 occurrences checked in 1 translation; each rendered one approved way/);
    // A term also left out somewhere is still listed, its short mentions beside the rest.
    const dropped = checkWith(yaml, `${source}\n\nBộ Quốc phòng Ấn Độ hoan nghênh.`, `${target}\n\nIndia welcomed it.`, ['term-missing']);
    const rows = summarizeTerms(parseGlossary(yaml, 'glossary.yaml'), dropped.outcomes);
    expect(rows[0]!.renderings.map((r) => [r.text, r.count])).toEqual([['(short second mention)', 2], ['(missing)', 1], ['Ministry of National Defence', 1]]);
  });

  it('takes one short mention for one entry: "the ministry" is one of the two ministries named before it', () => {
    const twoMinistries = `version: 1
entries:
  - id: vietnam-mnd
    vi: Bộ Quốc phòng Việt Nam
    en: Ministry of National Defence
  - id: india-mod
    vi: Bộ Quốc phòng Ấn Độ
    en: Indian Ministry of Defence
`;
    const source = 'Bộ Quốc phòng Việt Nam và Bộ Quốc phòng Ấn Độ đã ký bản ghi nhớ.\n\nBộ Quốc phòng Việt Nam và Bộ Quốc phòng Ấn Độ sẽ họp lại vào năm sau.';
    const both = 'The Ministry of National Defence and the Indian Ministry of Defence signed a memorandum.\n\nThe ministry and its Indian counterpart will meet again next year.';
    const one = 'The Ministry of National Defence and the Indian Ministry of Defence signed a memorandum.\n\nThe ministry will meet again next year.';
    const run = (target: string) => checkWith(twoMinistries, source, target, ['term-missing']);
    // One mention, two ministries in the source: one of them is missing.
    expect(run(one).findings.map((f) => [f.paragraph, f.termId])).toEqual([[2, 'india-mod']]);
    const summary = summarizeTerms(parseGlossary(twoMinistries, 'glossary.yaml'), run(one).outcomes);
    expect(summary.map((row) => row.renderings.find((r) => r.secondMention)?.count ?? 0)).toEqual([1, 0]);
    expect(run(both).findings.map((f) => f.termId)).toEqual(['india-mod']);
    // An entry its acronym already stands for leaves the mention to the other.
    const withAcronym = twoMinistries.replace('en: Indian Ministry of Defence', 'en: Indian Ministry of Defence\n    acronym: IMOD');
    const source2 = 'Bộ Quốc phòng Ấn Độ và Bộ Quốc phòng Việt Nam đã ký bản ghi nhớ.\n\nBộ Quốc phòng Ấn Độ cho biết Bộ Quốc phòng Ấn Độ sẽ phối hợp với Bộ Quốc phòng Việt Nam.';
    const target2 = 'The Indian Ministry of Defence (IMOD) and the Ministry of National Defence signed a memorandum.\n\nThe Indian Ministry of Defence said IMOD would work with the ministry.';
    const acronymRun = checkWith(withAcronym, source2, target2, ['term-missing']);
    expect(acronymRun.findings).toEqual([]);
    expect(summarizeTerms(parseGlossary(withAcronym, 'glossary.yaml'), acronymRun.outcomes).map((row) => row.renderings.find((r) => r.secondMention)?.count ?? 0)).toEqual([1, 0]);
  });

  it('still needs the full rendering first, and the head noun of this entry', () => {
    // "The ministry" before any full rendering: the reader cannot tell which ministry.
    expect(missing('Bộ Quốc phòng đã ký bản ghi nhớ.\n\nBộ Quốc phòng cho biết sẽ cử đoàn.', 'The ministry signed a memorandum.\n\nThe Ministry of National Defence said it would send a delegation.')).toEqual([[1, 'Bộ Quốc phòng']]);
    // Another ministry's name, and a modifier the rendering does not have, are not this ministry.
    expect(missing('Bộ Quốc phòng đã ký. Theo Bộ Quốc phòng, ...', 'The Ministry of National Defence signed. According to the Ministry of Foreign Affairs, ...')).toEqual([[1, 'Bộ Quốc phòng']]);
    expect(missing('Bộ Quốc phòng đã ký. Theo Bộ Quốc phòng, ...', 'The Ministry of National Defence signed. According to the Japanese ministry, ...')).toEqual([[1, 'Bộ Quốc phòng']]);
    // One short mention stands for one occurrence, not two.
    expect(missing('Bộ Quốc phòng đã ký. Theo Bộ Quốc phòng, Bộ Quốc phòng sẽ ...', 'The Ministry of National Defence signed. According to the ministry, it will ...')).toEqual([[1, 'Bộ Quốc phòng']]);
  });
});

const DEFENCE_GLOSSARY = `version: 1
entries:
  - id: vietnam-mnd
    vi: Bộ Quốc phòng Việt Nam
    en: Vietnamese Ministry of National Defense
    accepted: [Ministry of National Defence, Ministry of National Defense]
  - id: vietnam-coast-guard
    vi: Cảnh sát biển Việt Nam
    en: Vietnam Coast Guard
`;

ruleTester(
  'term-missing',
  {
    valid: [
      [
        'a second mention by "a" and the head noun modifying one of its people',
        'Theo Bộ Quốc phòng Việt Nam, hai nước sẽ tăng cường hợp tác. Đại diện Bộ Quốc phòng Việt Nam cho biết kế hoạch sẽ được triển khai trong năm 2026.',
        "Hanoi and Tokyo will step up cooperation, according to Vietnam's Ministry of National Defence. A ministry representative said the plan would be implemented in 2026.",
      ],
      [
        'the same with a modifier of the rendering, in NFD',
        'Bộ Quốc phòng Việt Nam đã ký bản ghi nhớ. Thông cáo của Bộ Quốc phòng Việt Nam nêu rõ thời hạn.'.normalize('NFD'),
        'The Ministry of National Defence signed the memorandum. A defence ministry statement set out the timeline.',
      ],
    ],
    invalid: [
      {
        name: '"a ministry" alone introduces another ministry: no second mention',
        source: 'Bộ Quốc phòng Việt Nam đã ký bản ghi nhớ. Bộ Quốc phòng Việt Nam sẽ giám sát việc thực hiện.',
        target: 'The Ministry of National Defence signed the memorandum. A ministry will oversee its implementation.',
        findings: [{ paragraph: 1, source: { text: 'Bộ Quốc phòng Việt Nam', span: { start: { line: 1, column: 43 } } }, note: 'source 1:43' }],
      },
      {
        name: 'a term missing in a later paragraph points at that paragraph and names the occurrence in the source',
        source: 'Hai bên hội đàm tại Hà Nội.\n\nCảnh sát biển Việt Nam sẽ nhận thêm hai tàu. Lực lượng Cảnh sát biển Việt Nam cũng sẽ cử cán bộ sang Nhật Bản học tập.',
        target: 'The two sides held talks in Hanoi.\n\nThe Vietnam Coast Guard will receive two more vessels. The force will also send officers to Japan for training.',
        findings: [{ paragraph: 2, span: { start: { line: 3, column: 1 } }, source: { span: { start: { line: 3, column: 56 } } }, note: 'source 3:56' }],
      },
    ],
  },
  DEFENCE_GLOSSARY,
);
