import { describe, expect, it } from 'vitest';
import { check, ruleTester } from './helpers.js';

const SOURCE = 'Việt Nam và Nhật Bản thúc đẩy hợp tác công nghiệp quốc phòng và an ninh hàng hải.\n\nNgày:';

describe('untranslated', () => {
  it('reports a paragraph an engine returned in Vietnamese, even with English terms spliced in', () => {
    const target = 'Việt Nam và Nhật Bản thúc đẩy defense industrial cooperation và maritime security.\n\nDate:';
    const findings = check(SOURCE, target).findings.filter((f) => f.ruleId === 'untranslated');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', paragraph: 1, span: { start: { line: 1, column: 1 } } });
    expect(findings[0]!.message).toMatch(/paragraph 1 looks untranslated: \d+% of its words/);
  });

  it('reports the source copied as its own translation, in NFD too', () => {
    const findings = check(SOURCE, SOURCE.normalize('NFD')).findings.filter((f) => f.ruleId === 'untranslated');
    expect(findings.map((f) => f.paragraph)).toEqual([1]);
  });

  it('accepts English with Vietnamese names and short datelines', () => {
    const target = 'Vietnam and Japan are advancing defense industrial cooperation, said Nguyễn Văn Thành.\n\nNgày:';
    expect(check(SOURCE, target).findings.filter((f) => f.ruleId === 'untranslated')).toEqual([]);
  });

  it.each([
    'General Secretary Tô Lâm met Prime Minister Phạm Minh Chính in Hà Nội.',
    'The late General Secretary Nguyễn Phú Trọng.',
    'General Phan Văn Giang and Senior Lieutenant General Hoàng Xuân Chiến at a ceremony in Quảng Ninh.'.normalize('NFD'),
    'Defence Minister Phan Văn Giang Visits Quảng Ninh Province',
    'Vietnamese Defence Minister Phan Văn Giang Visits India, Meets Counterpart Rajnath Singh',
    'Tô Lâm Meets Phạm Minh Chính, Trần Thanh Mẫn In Hà Nội',
    'Tô Lâm Meets Phạm Minh Chính At Hà Nội Ceremony',
  ])('accepts a paragraph mostly of names kept with their diacritics: %s', (target) => {
    expect(check(SOURCE, `${target}\n\nDate:`).findings.filter((f) => f.ruleId === 'untranslated')).toEqual([]);
  });

  it('still reports an untranslated sentence full of names, and one in capitals', () => {
    for (const target of [
      'Tổng Bí thư Tô Lâm thăm tỉnh Quảng Ninh và làm việc với lãnh đạo tỉnh về phát triển kinh tế biển.',
      'Tổng Bí thư Tô Lâm thăm tỉnh Quảng Ninh và làm việc với lãnh đạo tỉnh.'.normalize('NFD'),
      'TỔNG BÍ THƯ TÔ LÂM THĂM TỈNH QUẢNG NINH',
      // A headline in title case: every word capitalised
      'Bộ Trưởng Quốc Phòng Phan Văn Giang Thăm Ấn Độ Và Làm Việc Với Lãnh Đạo',
    ]) expect(check(SOURCE, `${target}\n\nDate:`).findings.filter((f) => f.ruleId === 'untranslated').map((f) => f.paragraph)).toEqual([1]);
  });
});

const DECREE_VI = 'Nghị định nghiêm cấm phân biệt đối xử vì lý do tôn giáo, tình trạng sức khoẻ hoặc khuyết tật.';

ruleTester('untranslated', {
  valid: [
    ['names kept with their diacritics', 'Tổng Bí thư Tô Lâm thăm tỉnh Quảng Ninh.', 'General Secretary Tô Lâm visited Quảng Ninh province.'],
    ['a Vietnamese term quoted after its English rendering', 'Chính sách Đổi mới bắt đầu năm 1986.', 'The Renovation ("đổi mới") policy, launched in 1986, turned the centrally planned economy into one of the fastest-growing in the region.'],
    ['a Vietnamese term in Markdown italics, an unmarked syllable opening it', 'Luật an toàn thực phẩm có hiệu lực.', 'The food safety law (*an toàn thực phẩm*) took effect on July 1, tightening the rules for producers, importers and street vendors alike.'],
    ['two Vietnamese words are a dish or a name, not a leftover', 'Du khách thích bánh mì.', 'Tourists love bánh mì, and the city now counts more than two thousand stalls selling it.'],
    ['French words with accents are no Vietnamese syllables', 'Quán cà phê mới mở.', 'A new café serving crème brûlée and other desserts opened near the cathedral last week, drawing long queues of young customers.'],
  ],
  invalid: [
    {
      name: 'a Vietnamese phrase left in an English sentence',
      source: DECREE_VI,
      target: 'The decree prohibits discrimination against employees and job applicants on grounds of religion, tình trạng sức khoẻ or disability, and sets fines for employers who break the rule.',
      findings: [{ severity: 'warning', message: '"tình trạng sức khoẻ" looks untranslated: Vietnamese words in an English paragraph', span: { start: { line: 1, column: 98 }, end: { line: 1, column: 117 } } }],
    },
    {
      name: 'the same in NFD, an unmarked syllable inside the run',
      source: DECREE_VI.normalize('NFD'),
      target: 'The decree applies to every cơ sở sản xuất kinh doanh across the country, including foreign-invested companies and household businesses that employ workers.'.normalize('NFD'),
      findings: [{ severity: 'warning', actual: 'cơ sở sản xuất'.normalize('NFD') }],
    },
    {
      name: 'a Vietnamese phrase in quotes but not the whole quotation',
      source: DECREE_VI,
      target: 'The decree, which takes effect next year, bans "discrimination vì lý do tôn giáo" in hiring, pay and promotion at companies of every size.',
      findings: [{ severity: 'warning', actual: 'vì lý do tôn giáo' }],
    },
  ],
});
