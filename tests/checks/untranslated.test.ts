import { describe, expect, it } from 'vitest';
import { check } from './helpers.js';

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
  ])('accepts a paragraph mostly of names kept with their diacritics: %s', (target) => {
    expect(check(SOURCE, `${target}\n\nDate:`).findings.filter((f) => f.ruleId === 'untranslated')).toEqual([]);
  });

  it('still reports an untranslated sentence full of names, and one in capitals', () => {
    for (const target of [
      'Tổng Bí thư Tô Lâm thăm tỉnh Quảng Ninh và làm việc với lãnh đạo tỉnh về phát triển kinh tế biển.',
      'Tổng Bí thư Tô Lâm thăm tỉnh Quảng Ninh và làm việc với lãnh đạo tỉnh.'.normalize('NFD'),
      'TỔNG BÍ THƯ TÔ LÂM THĂM TỈNH QUẢNG NINH',
    ]) expect(check(SOURCE, `${target}\n\nDate:`).findings.filter((f) => f.ruleId === 'untranslated').map((f) => f.paragraph)).toEqual([1]);
  });
});
