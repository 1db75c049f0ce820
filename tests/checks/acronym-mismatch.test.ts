import { describe, expect, it } from 'vitest';
import { checkWith, GLOSSARY_YAML, ruleTester } from './helpers.js';

const GLOSSARY = `${GLOSSARY_YAML}  - id: jsdf
    vi: Lực lượng Phòng vệ Nhật Bản
    en: Japan Self-Defense Forces
    acronym: JSDF
    accepted: [Self-Defense Forces, SDF]
  - id: jjoc
    vi: Bộ Tư lệnh Tác chiến Liên hợp Nhật Bản
    en: Japan Joint Operations Command
    acronym: JJOC
    accepted: [J-JOC]
`;

ruleTester(
  'acronym-mismatch',
  {
    valid: [
      ['the same acronyms', 'Hai bên ký MOU và SOSA.', 'The two sides signed the MOU and the SOSA.'],
      ['an acronym in the plural and the possessive', 'Hai bên ký các MOU. Phạm vi của MOU rất rộng.', "They signed two MOUs. The MOU's scope is wide."],
      ['an acronym with a number part', 'Tên lửa Tiêu chuẩn (SM) Block-XNUMX IIA.', 'The Standard Missile (SM-XNUMX) Block IIA.'],
      ['a hyphenated spelling the glossary accepts', 'Trung tâm mới (J-JOC) ra mắt.', 'The new Japan Joint Operations Command (JJOC) opened.'],
      ['a short form rendered by another acronym of its glossary entry', 'SDF là khách hàng duy nhất.', 'The JSDF is the sole customer.'],
      ['a source acronym rendered by the expansion of its glossary entry', 'Hai nước hợp tác phát triển GPI.', 'The two countries co-develop the Glide Phase Interceptor.'],
      ['the glossary acronym of a term in the source', 'Hai bên ký Biên bản ghi nhớ.', 'The two sides signed the Memorandum of Understanding (MOU).'],
      ['an acronym the translation introduces itself', 'Cơ quan Hợp tác Quốc tế Nhật Bản tài trợ dự án.', 'The Japan International Cooperation Agency (JICA) funds the project.'],
      ['an acronym the translation introduced in an earlier paragraph', 'Cơ quan Hợp tác Quốc tế Nhật Bản tài trợ.\n\nCơ quan này cũng cử chuyên gia.', 'The Japan International Cooperation Agency (JICA) funds it.\n\nJICA also sends experts.'],
      ['an acronym of another paragraph of the source', 'Cơ quan Hợp tác Quốc tế Nhật Bản (JICA) tài trợ.\n\nCơ quan Hợp tác Quốc tế Nhật Bản cũng cử chuyên gia.', 'JICA funds it.\n\nJICA also sends experts.'],
      ['English short names Vietnamese spells out', 'Mỹ và Liên hợp quốc ủng hộ.', 'The US and the UN support it.'],
      ['the initials of a Vietnamese name the source spells out', 'Giá nhà tại TP Hồ Chí Minh tăng mạnh.', 'House prices in HCM City rose sharply.'],
      ['the same in NFD, the name after "Thành phố"', 'Giá nhà tại Thành phố Hồ Chí Minh tăng mạnh.'.normalize('NFD'), 'House prices in HCM City rose sharply.'],
      ['placeholders and currency codes', 'Ngày 25 tháng XNUMX, Nhật Bản mua tên lửa trị giá 2,4 tỷ USD.', 'On XNUMX 25, Japan bought missiles worth $2.4 billion.'],
      ['Vietnamese abbreviations English spells out', 'UBND TP Hà Nội làm việc với đoàn.', "The Hanoi People's Committee met the delegation."],
      ['a hyphenated Vietnamese abbreviation', 'Tình hình KT-XH ổn định.', 'The socio-economic situation is stable.'],
      ['a Roman numeral', 'sau Chiến tranh thế giới thứ hai', 'after World War II'],
      ['a shouted headline', 'NHẬT BẢN VÀ MỸ KÝ THỎA THUẬN MỚI', 'JAPAN AND US SIGN NEW DEAL'],
      ['a shouted headline in NFD, its marks apart from its letters', 'NHẬT BẢN VÀ MỸ KÝ THỎA THUẬN MỚI'.normalize('NFD'), 'JAPAN AND US SIGN NEW DEAL'],
      ['a dateline and a label', 'Hà Nội, ngày 14/3 (TTXVN) - Hai bên hội đàm.', 'HANOI, March 14 (VNA) – The two sides held talks.'],
      ['an acronym glued to a Vietnamese letter is no acronym', 'Mã MOUđ sai.', 'The code is wrong.'],
      ['a currency code glued to its amount is an amount', 'Doanh thu đạt 4.500 tỷ đồng.', 'Revenue reached VND4.5 trillion.'],
      ['a document number copied from the source, its Đ written D', 'Theo Nghị định 15/2020/NĐ-CP và Nghị quyết 08-NQ/TW, mức phạt tăng.', 'Under Decree 15/2020/ND-CP and Resolution 08-NQ/TW, fines rose.'],
      ['an acronym the source makes of Vietnamese words, spelled out', 'Theo Ngân hàng Nhà nước (NHNN), tín dụng tăng 9%.\n\nNHNN cũng giữ nguyên lãi suất.', 'According to the State Bank of Vietnam, credit grew 9 percent.\n\nThe central bank also kept its rates.'],
      ['one with a Vietnamese capital with a mark', 'Ủy ban Thường vụ Quốc hội (UBTVQH) họp phiên thứ 38.', "The National Assembly Standing Committee held its 38th session."],
      ['English short forms of a title, a city, a fiscal year', 'Ông Thắng, Chủ tịch kiêm Tổng Giám đốc, báo cáo tại TP.HCM về năm tài khóa 2024.', "Thang, the chairman and CEO, reported in HCMC on FY2024."],
      ['an acronym kept as the first part of an official name', 'Hội nghị Bộ trưởng Quốc phòng các nước ASEAN mở rộng (ADMM+) diễn ra tại Viêng Chăn.', "The ASEAN Defence Ministers' Meeting-Plus (ADMM-Plus) took place in Vientiane."],
      ['a headline using the acronym its source uses, the body expanding it', 'GDP quý III/2024 tăng 7,4%\n\nTổng sản phẩm trong nước (GDP) quý III/2024 tăng 7,4% so với cùng kỳ.', "Vietnam's Q3 GDP grows 7.4 percent\n\nGross domestic product (GDP) grew 7.4 percent year-on-year in the third quarter of 2024."],
      ['an acronym spelled out in lower case, plural', 'Nhật Bản hiện là nhà đầu tư FDI lớn thứ ba tại Việt Nam.', 'Japan is now the third-largest foreign direct investor in Vietnam.'],
      ['an acronym spelled out with its own capitals', 'Tổng sản phẩm trong nước (GDP) quý III ước tăng 8,23%.', 'Gross domestic product is estimated to have grown 8.23% in the third quarter.'],
      ['an acronym spelled out after "the"', 'Việt Nam gia nhập WTO năm 2007.', 'Vietnam joined the World Trade Organization in 2007.'],
      ['a function word passed over', 'Hội nghị cấp cao ASEAN khai mạc.', 'The Association of Southeast Asian Nations summit opened.'],
      ['a function word that counts', 'Đại diện MOFA phát biểu.', 'A representative of the Ministry of Foreign Affairs spoke.'],
      ['function words passed over, a hyphenated word giving its parts, and one name word passed over', 'Xuất khẩu sang các nước thành viên CPTPP tăng gấp đôi.', 'Exports to members of the Comprehensive and Progressive Agreement for Trans-Pacific Partnership doubled.'],
      ['a two-letter acronym spelled out by a capitalised name', 'Hai bên thảo luận về quan hệ với EU.', 'The two sides discussed relations with the European Union.'],
      ['an acronym spelled out in NFD text', 'Nhà đầu tư FDI tăng vốn.'.normalize('NFD'), 'Foreign direct investors increased their capital.'],
    ],
    invalid: [
      {
        name: 'the initials of a name the source does not have',
        source: 'Giá nhà tại Hà Nội tăng mạnh.',
        target: 'House prices in HCM City rose sharply.',
        findings: [{ severity: 'warning', message: '"HCM" is not in the source paragraph' }],
      },
      {
        name: 'an acronym whose letters are not the initials of the Vietnamese words before it, dropped',
        source: 'Thiết bị đánh chặn pha bay (GPI) được thử nghiệm thành công.',
        target: 'The interceptor was tested successfully.',
        findings: [{ severity: 'error', message: '"GPI" of the source is missing from the translation' }],
      },
      {
        name: 'a document code the source does not have',
        source: 'Theo Nghị định 15/2020/NĐ-CP, mức phạt tăng.',
        target: 'Under Decree 15/2020/ND-CP and Circular 05/2021/TT-BTC, fines rose.',
        findings: [{ severity: 'warning', message: '"TT-BTC" is not in the source paragraph' }],
      },
      {
        name: 'a source acronym dropped',
        source: 'Việc thành lập trụ sở mới (PJHQ) sẽ cực kỳ quan trọng.',
        target: 'Setting up the new headquarters will be critical.',
        findings: [{ severity: 'error', message: '"PJHQ" of the source is missing from the translation', source: { text: 'PJHQ', span: { start: { column: 28 } } }, expected: ['PJHQ'] }],
      },
      {
        name: 'a glossary acronym dropped without its expansion',
        source: 'Hai bên ký SOSA.',
        target: 'The two sides signed the arrangement.',
        findings: [{ message: '"SOSA" of the source is missing from the translation', expected: ['SOSA', 'Security of Supply Arrangement'] }],
      },
      {
        name: 'an acronym misspelt',
        source: 'Việc thành lập PJHQ sẽ quan trọng.',
        target: 'Setting up the PHQ will be critical.',
        findings: [
          { severity: 'error', message: '"PJHQ" of the source is missing from the translation' },
          { severity: 'warning', message: '"PHQ" is not in the source paragraph', actual: 'PHQ' },
        ],
      },
      {
        name: 'an acronym added',
        source: 'Khối quân sự này họp tại Brussels.',
        target: 'The NATO alliance met in Brussels.',
        findings: [{ severity: 'warning', message: '"NATO" is not in the source paragraph', span: { start: { column: 5 } } }],
      },
      {
        name: 'an acronym used before its expansion',
        source: 'Hai nước ký thỏa thuận về PJHQ.\n\nViệc thành lập trụ sở chung thường trực (PJHQ) sẽ quan trọng.',
        target: 'The two countries signed a deal on the PJHQ.\n\nEstablishing a Permanent Joint Headquarters (PJHQ) will be critical.',
        findings: [{ paragraph: 1, severity: 'warning', message: '"PJHQ" is used before it is expanded (at 3:16)', actual: 'PJHQ' }],
      },
      {
        name: 'a glossary acronym used before its expansion in a paragraph whose source has only the acronym',
        source: 'JSDF tham gia.\n\nLực lượng Phòng vệ Nhật Bản (JSDF) có khả năng cao.',
        target: 'The JSDF took part.\n\nThe Japan Self-Defense Forces (JSDF) are highly capable.',
        findings: [{ paragraph: 1, message: '"JSDF" is used before it is expanded (at 3:5)' }],
      },
      {
        name: 'FDI dropped: "foreign investor" spells only FI',
        source: 'Nhật Bản hiện là nhà đầu tư FDI lớn thứ ba tại Việt Nam.',
        target: 'Japan is now the third-largest foreign investor in Vietnam.',
        findings: [{ severity: 'error', message: '"FDI" of the source is missing from the translation' }],
      },
      {
        name: 'GDP dropped, its initials split by punctuation',
        source: 'Tổng sản phẩm trong nước (GDP) quý III ước tăng 8,23%.',
        target: 'Gross output, domestic and foreign, product of the third quarter, grew an estimated 8.23%.',
        findings: [{ severity: 'error', message: '"GDP" of the source is missing from the translation' }],
      },
      {
        name: 'CPTPP dropped for a description whose initials do not spell it',
        source: 'Xuất khẩu sang các nước thành viên CPTPP tăng gấp đôi.',
        target: 'Exports to members of the trans-Pacific trade pact doubled.',
        findings: [{ severity: 'error', message: '"CPTPP" of the source is missing from the translation' }],
      },
      {
        name: 'a two-letter acronym is not spelled out by lower-case words',
        source: 'Hai bên thảo luận về quan hệ với EU.',
        target: 'The two sides discussed economic upgrading.',
        findings: [{ severity: 'error', message: '"EU" of the source is missing from the translation' }],
      },
    ],
  },
  GLOSSARY,
);

describe('acronym-mismatch beside term-missing', () => {
  it('leaves an unexpanded glossary acronym to term-missing where the source paragraph has the term', () => {
    const source = 'Lực lượng Phòng vệ Nhật Bản có khả năng cao.\n\nLực lượng Phòng vệ Nhật Bản (JSDF) tham gia.';
    const target = 'The JSDF is highly capable.\n\nThe Japan Self-Defense Forces (JSDF) took part.';
    const findings = checkWith(GLOSSARY, source, target, ['acronym-mismatch', 'term-missing']).findings;
    expect(findings.map((f) => [f.ruleId, f.paragraph])).toEqual([['term-missing', 1]]);
  });

  it('counts a wrong expansion as an introduction (term-forbidden reports the wording)', () => {
    const source = 'Hai bên ký Thỏa thuận An ninh Cung ứng (SOSA).\n\nSOSA không ràng buộc.';
    const target = 'They signed a Supply Security Agreement (SOSA).\n\nThe SOSA is non-binding.';
    expect(checkWith(GLOSSARY, source, target, ['acronym-mismatch']).findings).toEqual([]);
  });

  it('takes options: ignore, allowAdded and vietnameseAbbreviations', () => {
    const yaml = GLOSSARY;
    const found = (source: string, target: string) => checkWith(yaml, source, target, ['acronym-mismatch']).findings.map((f) => f.message);
    expect(found('Khối quân sự họp.', 'NATO met.')).toEqual(['"NATO" is not in the source paragraph']);
    expect(found('Giá 10 tỷ VND.', 'It costs 10 billion dong.')).toEqual([]);
  });
});
