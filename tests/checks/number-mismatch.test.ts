import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../src/glossary/load.js';
import { checkTranslation, checksById, createCheckTools, prepareSource } from '../../src/checks/index.js';
import { GLOSSARY_YAML } from './helpers.js';

/** Runs number-mismatch alone (options as given) and returns its findings. */
function numbers(source: string, target: string, options: Record<string, unknown> = {}) {
  const tools = createCheckTools(parseGlossary(GLOSSARY_YAML, 'glossary.yaml'), { checks: checksById(['number-mismatch']), options: { 'number-mismatch': options } });
  const prepared = prepareSource({ file: 'a.vi.txt', text: source }, tools);
  return checkTranslation(prepared, { file: 'a.en.txt', text: target }, tools).findings;
}

const messages = (source: string, target: string, options?: Record<string, unknown>): string[] =>
  numbers(source, target, options).map((f) => `${f.severity}: ${f.message}`);

describe('number-mismatch', () => {
  describe('valid: the same values, written the way translators write them', () => {
    it.each([
      ['Hợp đồng trị giá 2,4 tỷ USD.', 'The contract is worth $2.4 billion.'],
      ['Hợp đồng trị giá 2,4 tỷ USD.', 'The contract is worth US$2.4 billion.'],
      ['Hợp đồng trị giá 2,4 tỷ USD.', 'The contract is worth 2.4 billion USD.'],
      ['Hợp đồng trị giá 2,4 tỷ USD.', 'The contract is worth 2,400 million dollars.'],
      ['Hợp đồng trị giá 2.4 tỷ USD.', 'The contract is worth $2.4 billion.'],
      ['Ngân sách là 6.800 tỷ yên.', 'The budget is 6.8 trillion yen.'],
      ['Ngân sách là 6.800 tỷ yên.', 'The budget is ¥6.8 trillion.'],
      ['Ngày 10 tháng 4 năm 2024, hai bên ký kết.', 'On April 10, 2024, the two sides signed.'],
      ['Ngày 10 tháng 4 năm 2024, hai bên ký kết.', 'On 10 April 2024, the two sides signed.'],
      ['Ngày 10/4/2024, hai bên ký kết.', 'On April 10, 2024, the two sides signed.'],
      ['Ngày 10/4, hai bên ký kết.', 'On April 10th, the two sides signed.'],
      ['Từ tháng 8/2023, giá tăng 26,3%.', 'Since August 2023, prices have risen 26.3 percent.'],
      ['Từ tháng 8 năm 2023, giá tăng 26,3 phần trăm.', 'Since August 2023, prices have risen 26.3%.'],
      ['Năm 2023 là năm bản lề.', 'The year 2023 was a turning point.'],
      ['Năm 2023 là năm bản lề.', '2023 was a turning point.'],
      ['Trong thế kỷ 21, ...', 'In the 21st century, ...'],
      ['Trong thế kỷ XXI, ...', 'In the twenty-first century, ...'],
      ['Nhật Bản mua 400 tên lửa.', 'Japan is buying four hundred missiles.'],
      ['Hai nước ký ba văn kiện.', 'The two countries signed three documents.'],
      ['Cả hai nước đều ủng hộ.', 'Both countries support it.'],
      ['Mười hai tàu tham gia.', 'A dozen ships took part.'],
      ['Doanh thu đạt 4.500 tỷ đồng.', 'Revenue reached VND4.5 trillion.'],
      ['Thu ngân sách ước đạt 1,48 triệu tỷ đồng.', 'Budget revenue is estimated at VND 1.48 quadrillion.'],
      ['Dự án trị giá 2,4 tỷ USD.', 'The project is worth $2.4bn.'],
      ['Thiệt hại ước khoảng 81.500 tỷ đồng.', 'Damage is estimated at about VND 81.5 trillion ($3.3 billion).'],
      ['Thiệt hại ước khoảng 81.500 tỷ đồng.', 'Damage is estimated at VND 81.5 trillion, or about $3.3 billion.'],
      ['GDP quý III/2024 tăng 7,4%\n\nGDP quý III/2024 tăng 7,4% so với cùng kỳ.', "Q3 GDP grows 7.4 percent\n\nGDP grew 7.4 percent year-on-year in the third quarter of 2024."],
      ['Phần hai: mã được giữ.', 'Part two: the code is kept.'],
      ['Theo Nghị định 15/2020/NĐ-CP, mức phạt tăng.', 'Under Decree 15/2020/ND-CP, fines rose.'],
      ['Đường dây nóng 1900 1234 hoạt động 24/7.', 'The hotline 1900 1234 operates around the clock.'],
      ['Việt Nam đứng thứ hai thế giới về xuất khẩu gạo.', "Vietnam is the world's No. 2 rice exporter."],
      ['Hai nước có quan hệ hợp tác 20 năm.', 'The two countries have two decades of cooperation.'],
      ['Trong mười năm qua, kinh tế tăng trưởng ổn định.', 'Over the past decade, the economy has grown steadily.'],
      ['Hàng chục tàu tham gia.', 'Dozens of ships took part.'],
      ['Gần 1.000 binh sĩ tham gia.', 'Nearly 1,000 troops took part.'],
      ['Một số linh kiện được nhập khẩu.', 'Some components are imported.'],
      ['Năm 2024 tỷ lệ thất nghiệp giảm.', 'In 2024 the unemployment rate fell.'],
      ['Hai bên ký kết năm tài khoá tới.', 'The two sides will sign next fiscal year.'],
      ['Đây là chuyến thăm đầu tiên.', 'It is the first visit.'],
      ['Đây là một trong những thỏa thuận quan trọng.', 'It is one of the most important agreements.'],
      ['Các nước thứ ba được hưởng lợi.', 'Third countries benefit.'],
      ['Tiêm kích F-35 và tên lửa SM-3 Block IIA.', 'F-35 fighters and SM-3 Block IIA missiles.'],
      ['Trung Quốc có hơn 30 tàu 054A.', 'China has more than 30 Type 054A frigates.'],
      ['Tăng 3 điểm phần trăm.', 'Up 3 percentage points.'],
      ['Hội nghị ba bên.', 'A trilateral meeting.'],
      ['Phát biểu lúc 15 giờ.', 'He spoke at 3 p.m.'],
      ['Trong 48 giờ qua.', 'In the past 48 hours.'],
      ['Vào thứ Ba (9/4).', 'On Tuesday (April 9).'],
      ['Chi phí 2–3 tỷ USD.', 'It costs $2-3 billion.'],
      ['Trong quý III/2024.', 'In the third quarter of 2024.'],
      ['Những năm 1990.', 'The 1990s.'],
      ['Chiếm gần một phần tư.', 'Nearly a quarter of it.'],
      ['Chiếm 2/3 số phiếu.', 'Two-thirds of the vote.'],
      ['Vào ngày 25 tháng XNUMX, Nhà Trắng công bố.', 'On XNUMX 25, the White House announced.'],
      ['Vào ngày 25 tháng XNUMX, Nhà Trắng công bố.', 'On March 25, the White House announced.'],
      ['vào tháng 2023 năm 3.', 'in 2023.'],
      ['vào tháng 2023 năm 3.', 'in March 2023.'],
      ['Tên lửa Block-XNUMX IIA.', 'The SM-XNUMX Block IIA missile.'],
      ['Xuất khẩu 6 tháng đầu năm 2024 tăng.', 'Exports rose in the first half of 2024.'],
      ['Hơn 10 năm qua, hai nước hợp tác.', 'For more than a decade, the two countries have cooperated.'],
      ['Dịp Quốc khánh 2/9, ...', 'On National Day, September 2, ...'],
      ['Kỷ niệm 50 năm thiết lập quan hệ ngoại giao.', 'The 50th anniversary of diplomatic relations.'],
      ['Sư đoàn số 1 tham gia.', 'The 1st Division took part.'],
      ['Hội nghị cấp cao ASEAN lần thứ 43.', 'The 43rd ASEAN Summit.'],
      ['Nghị quyết số 57-NQ/TW.', 'Resolution 57-NQ/TW.'],
      ['Đối thoại 2+2.', 'The 2+2 dialogue.'],
      ['Hai tàu đã cập cảng Cam Ranh sau hành trình 12 ngày.', 'The two ships docked at Cam Ranh after a 12-day voyage.'],
      ['Việt Nam ký hợp đồng 10 năm.', 'Vietnam signed a 10-year contract.'],
      ['Việt Nam mua tên lửa tầm bắn 300 km.', 'Vietnam bought a 300-km-range missile.'],
      ['Đường 9 đoạn phi pháp.', 'The illegal 9-dash line.'],
    ])('%s → %s', (source, target) => expect(messages(source, target)).toEqual([]));

    // Periods of months and multiples are one value each, however either side words them.
    it.each([
      ['Trong 9 tháng đầu năm 2024, kim ngạch xuất khẩu đạt 290 tỷ USD.', 'Exports reached $290 billion in January-September 2024.'],
      ['Trong 9 tháng đầu năm 2024, kim ngạch xuất khẩu đạt 290 tỷ USD.', 'Exports reached $290 billion in the first nine months of 2024.'],
      ['Trong 9 tháng năm 2024, thu ngân sách đạt 1,5 triệu tỷ đồng.', 'Budget revenue reached VND1.5 quadrillion in January–September 2024.'],
      ['Từ tháng 1 đến tháng 9, vốn FDI giải ngân đạt 17,3 tỷ USD.', 'Disbursed FDI reached $17.3 billion in the first nine months.'],
      ['Từ tháng 1 đến tháng 9 năm 2024, vốn FDI giải ngân đạt 17,3 tỷ USD.', 'Disbursed FDI reached $17.3 billion in January–September 2024.'],
      ['Năm 2024, nền kinh tế phục hồi.\n\nTrong 9 tháng đầu năm, xuất khẩu tăng 15%.', 'The economy recovered in 2024.\n\nExports rose 15% in January-September 2024.'],
      ['Trong quý I, GDP tăng 5,66%.', 'GDP grew 5.66% in Q1.'],
      ['Trong quý 1, doanh thu tăng 20%.', 'Revenue rose 20% in Q1.'],
      ['Trong 3 tháng đầu năm, GDP tăng 5,66%.', 'GDP grew 5.66% in the first quarter.'],
      ['Nửa đầu năm, tăng trưởng đạt 6,42%.', 'Growth reached 6.42% in the first half.'],
      ['Nửa đầu năm 2024, FDI đạt 15 tỷ USD.', 'FDI reached $15 billion in the first half of 2024.'],
      ['Xuất khẩu vũ khí của Hàn Quốc đã tăng gấp đôi trong năm 2023.', "South Korea's arms exports doubled in 2023."],
      ['Ngân sách quốc phòng tăng gấp ba so với một thập kỷ trước.', 'The defence budget has tripled from a decade ago.'],
      ['Sản lượng đạn pháo dự kiến tăng gấp 3 lần vào năm 2025.', 'Artillery shell output is expected to rise threefold by 2025.'],
      ['Sản lượng đạn pháo dự kiến tăng gấp 3 lần vào năm 2025.', 'Artillery shell output is expected to grow three times by 2025.'],
      ['Lượng khách quốc tế tăng gấp 2 lần so với năm ngoái.', "International arrivals were twice last year's level."],
      ['Thời gian thông quan giảm một nửa nhờ hệ thống mới.', 'Customs clearance time has been halved thanks to the new system.'],
      ['Thời gian thông quan giảm một nửa.'.normalize('NFD'), 'Customs clearance time has been cut by half.'],
      ['Khách quốc tế đạt gần 12,7 triệu lượt, gấp 1,5 lần cùng kỳ năm trước.', 'International arrivals reached nearly 12.7 million, 1.5 times the figure a year earlier.'],
      ['Khách quốc tế tăng gấp 1.5 lần.', 'International arrivals rose 1.5 times.'],
      ['Xuất khẩu 9 tháng đạt 290,3 tỷ USD.', 'Exports reached $290.3 billion in January-September.'],
      // Two months are no period ("và"/"and" make one only after "giữa"/"between"); a thousand-fold is 1.000 in Vietnamese
      ['Xuất khẩu tăng mạnh trong tháng 3 và tháng 5.', 'Exports rose sharply in March and May.'],
      ['Xuất khẩu tăng mạnh giữa tháng 3 và tháng 5.', 'Exports rose sharply between March and May.'],
      ['Xuất khẩu tăng mạnh từ tháng 3 đến tháng 5.', 'Exports rose sharply between March and May.'],
      ['Sản lượng tăng gấp 1.000 lần so với năm 2000.', 'Output rose 1,000 times from 2000.'],
      ['Mẫu q2 của bộ câu hỏi.', 'Form q2 of the questionnaire.'],
      // A year said relative to the story's date
      ['CPI tháng 8 tăng 3,2% so với cùng kỳ năm 2025.', 'The CPI rose 3.2% in August from a year earlier.'],
      ['Năm 2026, lạm phát được kiểm soát dưới 4,5%.', 'Inflation is to be kept below 4.5% this year.'],
      ['Xuất khẩu tăng 14% so với năm 2025.', 'Exports grew 14% year-on-year.'],
      ['Giá tăng trong năm 2023.', 'Prices rose last year.'],
      // Basis points are hundredths of a percentage point
      ['Ngân hàng Nhà nước giảm lãi suất điều hành 0,25 điểm phần trăm.', 'The State Bank of Vietnam cut its policy rate by 25 basis points.'],
      ['Ngân hàng Nhà nước giảm lãi suất điều hành 0,25 điểm phần trăm.', 'The central bank announced a 25-basis-point cut in its policy rate.'],
      // The second end of a range written short: its currency before the first end, its century before the span
      ['Tỷ giá dao động trong khoảng 24.300-24.600 đồng/USD.', 'The exchange rate moved within VND24,300-24,600 per dollar.'],
      ['Giai đoạn 2016-2020, kinh tế tăng trưởng bình quân 6%.', 'In the 2016-20 period, the economy grew 6% a year on average.'],
      // Times with the British dot, as Vietnam News writes them
      ['Lúc 7 giờ 30 phút sáng, tàu cá bị đâm chìm.', 'At 7.30am, the fishing boat was rammed and sank.'],
      ['Lúc 13 giờ 15 phút, tàu rời cảng.', 'The ship left port at 1.15 p.m.'],
      ['Các địa phương phải giải ngân 100% vốn đầu tư công được giao.', 'Localities must ensure the full disbursement of the public investment capital allocated to them.'],
      ['Dự án được cấp 100% kinh phí từ ngân sách.', 'The project is fully funded from the state budget.'],
      ['Sản lượng tăng gấp ba mươi lần so với năm 2000.', 'Output rose thirty times from 2000.'],
      ['Hai bên nhất trí tăng cường trao đổi đoàn.', 'They agreed to step up delegation exchanges.'],
      ['Hai bên nhất trí tăng cường trao đổi đoàn.'.normalize('NFD'), 'The two sides agreed to step up delegation exchanges.'],
    ])('period or multiple: %s → %s', (source, target) => expect(messages(source, target)).toEqual([]));


    it('accepts "April 10th" for a dated day when the translation names the year elsewhere', () => {
      const source = 'Thủ tướng thăm Mỹ năm 2024.\n\nNgày 10/4/2024, ông phát biểu.';
      expect(messages(source, 'The prime minister visits the U.S. in 2024.\n\nOn April 10th, he speaks.')).toEqual([]);
      expect(messages('Ngày 10/4/2024, ông phát biểu.', 'On April 10th, he speaks.')).toEqual([
        'error: "Ngày 10/4/2024" (10 April 2024) is rendered as "April 10th" (10 April)',
      ]);
    });
  });

  describe('invalid: each finding says which value, in the source and in the translation', () => {
    it.each([
      ['Hợp đồng trị giá 2,4 tỷ USD.', 'The contract is worth $2.4 million.', ['error: "2,4 tỷ USD" (2.4 billion USD) is rendered as "$2.4 million" (2.4 million USD)']],
      ['Hợp đồng trị giá 2,4 tỷ USD.', 'The contract is worth ¥2.4 billion.', ['error: "2,4 tỷ USD" (2.4 billion USD) is rendered as "¥2.4 billion" (2.4 billion JPY)']],
      ['Hợp đồng trị giá 2,4 tỷ USD.', 'The contract is worth 2.4 billion.', ['error: "2,4 tỷ USD" (2.4 billion USD) is rendered as "2.4 billion"']],
      ['Ngân sách là 6.800 tỷ yên.', 'The budget is 6.8 billion yen.', ['error: "6.800 tỷ yên" (6.8 trillion JPY) is rendered as "6.8 billion yen" (6.8 billion JPY)']],
      ['Nhật Bản mua 400 tên lửa.', 'Japan is buying 40 missiles.', ['error: "400" is rendered as "40"']],
      ['Ngày 10 tháng 4 năm 2024, hai bên ký kết.', 'On April 11, 2024, the two sides signed.', ['error: "Ngày 10 tháng 4 năm 2024" (10 April 2024) is rendered as "April 11, 2024" (11 April 2024)']],
      ['Ngày 10/4/2024, hai bên ký kết.', 'On October 4, 2024, the two sides signed.', ['error: "Ngày 10/4/2024" (10 April 2024) is rendered as "October 4, 2024" (4 October 2024)']],
      ['Giá tăng 26,3%.', 'Prices rose 23.6%.', ['error: "26,3%" (26.3%) is rendered as "23.6%"']],
      ['Tăng 3 điểm phần trăm.', 'Up 3%.', ['error: "3 điểm phần trăm" (3 percentage points) is rendered as "3%"']],
      ['Trong thế kỷ 21, ...', 'In the 20th century, ...', ['error: "thế kỷ 21" (21st century) is rendered as "20th century"']],
      ['Hai nước ký ba văn kiện.', 'The two countries signed four documents.', ['warning: "ba" (3) is rendered as "four" (4)']],
      ['Tiêm kích F-35.', 'F-16 fighters.', ['error: "F-35" is rendered as "F-16"']],
      ['Hai tàu cập cảng sau hành trình 12 ngày.', 'The two ships docked after a 13-day voyage.', ['error: "12" is rendered as "13"']],
      ['Tàu khu trục Type-054A.', 'A Type-054B destroyer.', ['error: "Type-054A" is rendered as "Type-054B"']],
      ['Hàng chục tàu tham gia.', 'Hundreds of ships took part.', ['warning: "Hàng chục" (tens) is rendered as "Hundreds"']],
      ['Phát biểu lúc 10 giờ sáng.', 'He spoke at 10 p.m.', ['error: "10 giờ sáng" (10:00) is rendered as "10 p.m." (22:00)']],
      ['Năm 2023 là năm bản lề.', '2022 was a turning point.', ['error: "Năm 2023" (2023) is rendered as "2022"']],
      ['Giá tăng 26,3% và 5%.', 'Prices rose 26.3%.', ['error: "5%" is missing from the translation']],
      ['Giá tăng.', 'Prices rose 26.3%.', ['error: "26.3%" is not in the source']],
      ['Giá tăng.', 'Prices rose in 2023.', ['warning: "2023" is not in the source']],
      ['Giá tăng trong năm 2023.', 'Prices rose.', ['warning: "năm 2023" (2023) is missing from the translation']],
      ['Hai tàu cập cảng Cam Ranh.', 'The ships docked at Cam Ranh.', ['warning: "Hai" (2) is missing from the translation']],
      ['Vào ngày 25 tháng 3, Nhà Trắng công bố.', 'On XNUMX 26, the White House announced.', ['error: "ngày 25 tháng 3" (25 March) is rendered as "XNUMX 26" (26 ?)']],
      ['Trong 9 tháng đầu năm 2024, xuất khẩu tăng 15%.', 'Exports rose 15% in January-August 2024.', ['error: "9 tháng đầu năm" (January–September) is rendered as "January-August" (January–August)']],
      ['Từ tháng 1 đến tháng 9, FDI đạt 17,3 tỷ USD.', 'FDI reached $17.3 billion in the first eight months.', ['error: "Từ tháng 1 đến tháng 9" (January–September) is rendered as "first eight months" (January–August)']],
      ['Nửa đầu năm, tăng trưởng đạt 6,42%.', 'Growth reached 6.42% in the second half.', ['warning: "Nửa đầu năm" (January–June) is rendered as "second half" (July–December)']],
      ['Sản lượng tăng gấp 3 lần.', 'Output has doubled.', ['error: "gấp 3 lần" (3 times) is rendered as "doubled" (2 times)']],
      ['Ngân sách tăng gấp ba.', 'The budget has doubled.', ['warning: "gấp ba" (3 times) is rendered as "doubled" (2 times)']],
      ['Ngân sách tăng gấp đôi.', 'The budget has tripled.', ['warning: "gấp đôi" (2 times) is rendered as "tripled" (3 times)']],
      ['Hai bên ký ba văn kiện.', 'The two sides signed four documents.', ['warning: "ba" (3) is rendered as "four" (4)']],
      ['Khách quốc tế tăng gấp 1,5 lần.', 'International arrivals rose 2.5 times.', ['error: "gấp 1,5 lần" (1.5 times) is rendered as "2.5 times"']],
      ['Chi phí giảm một nửa.', 'Costs have doubled.', ['warning: "giảm một nửa" (halved) is rendered as "doubled" (2 times)']],
      ['Lúc 13 giờ 15 phút, tàu rời cảng.', 'The ship left port at 1.15am.', ['error: "13 giờ 15 phút" (13:15) is rendered as "1.15am" (01:15)']],
      ['Lạm phát tăng 7,3%.', 'Inflation rose 7.30 percent.', []],
      ['Tỷ giá dao động trong khoảng 24.300-24.600 đồng/USD.', 'The exchange rate moved within VND24,300-24,900 per dollar.', ['error: "24.600 đồng" (24,600 VND) is rendered as "24,900" (24,900 VND)']],
      ['Giai đoạn 2016-2020, kinh tế tăng trưởng bình quân 6%.', 'In the 2016-19 period, the economy grew 6% a year on average.', ['error: "2020" is rendered as "19" (2019)']],
      ['Ngân hàng Nhà nước giảm lãi suất 0,25 điểm phần trăm.', 'The central bank announced a 50-basis-point cut.', ['error: "0,25 điểm phần trăm" (0.25 percentage points) is rendered as "50-basis-point" (0.5 percentage points)']],
      ['Năm 2026, lạm phát được kiểm soát dưới 4,5%.', 'Inflation is to be kept below 4.5% in 2025.', ['error: "Năm 2026" (2026) is rendered as "2025"']],
      ['Năm 2030, GDP tăng 6%.', 'GDP will grow 6% a year on average.', ['warning: "Năm 2030" (2030) is missing from the translation']],
      ['Xuất khẩu tăng 14% so với năm 2025, mục tiêu đến năm 2030 đạt 500 tỷ USD.', 'Exports grew 14% year-on-year, with a goal of $500 billion.', ['warning: "năm 2030" (2030) is missing from the translation']],
      ['Tỷ lệ bao phủ đạt 100%, doanh thu cả năm tăng 5%.', 'Coverage rose, and full-year revenue grew 5%.', ['error: "100%" is missing from the translation']],
      ['Các địa phương phải giải ngân 100% vốn đầu tư công.', 'Localities must disburse all public investment capital.', ['error: "100%" is missing from the translation']],
      ['Các địa phương phải giải ngân 100% vốn đầu tư công.', 'Localities must disburse 90% of the public investment capital in full.', ['error: "100%" is rendered as "90%"']],
      ['Xuất khẩu tăng mạnh trong tháng 3 và tháng 5.', 'Exports rose sharply between March and June.', ['error: "tháng 3" (March) is missing from the translation', 'error: "tháng 5" (May) is missing from the translation', 'error: "between March and June." (March–June) is not in the source']],
      ['Sản lượng tăng gấp ba mươi lần so với năm 2000.', 'Output rose threefold from 2000.', ['warning: "ba mươi" (30) is missing from the translation', 'warning: "threefold" (3 times) is not in the source']],
    ])('%s → %s', (source, target, expected) => expect(messages(source, target)).toEqual(expected));
  });

  describe('a weekday for a date: it stands for a date of the paragraph that falls on it, and another is reported', () => {
    it.each([
      ['Ngày 10/6/2025, Bộ Ngoại giao Việt Nam ra thông cáo về vụ việc.', "Vietnam's foreign ministry issued a statement on the incident on Tuesday."],
      ['Ngày 10 tháng 6 năm 2025, Bộ Ngoại giao ra thông cáo.', 'On Tuesday morning, the foreign ministry issued a statement.'],
      ['Ngày 10 tháng 6 năm 2025, Bộ Ngoại giao ra thông cáo.'.normalize('NFD'), 'On Tuesday morning, the foreign ministry issued a statement.'],
      ['Cuộc họp ngày 10/6/2025 đã kết thúc tốt đẹp.', "Tuesday's meeting ended well."],
      ['Ngày 6/10/2025, Tổng cục Thống kê công bố số liệu.', 'The General Statistics Office released the figures on Monday.'],
      // No year in the date: the paragraph's other dates give it, else the article's
      ['Sáng 20/2, Thủ tướng phát biểu tại hội nghị tổng kết năm 2024, triển khai nhiệm vụ năm 2025.', 'On Thursday morning, the prime minister addressed a conference reviewing 2024 and setting tasks for 2025.'],
      ['Năm 2025, kinh tế phục hồi.\n\nSáng 20/2, Thủ tướng phát biểu.', 'The economy recovered in 2025.\n\nThe prime minister spoke on Thursday morning.'],
      // With no year anywhere the weekday cannot be verified, and is accepted
      ['Sáng 20/2, Thủ tướng phát biểu.', 'The prime minister spoke on Thursday morning.'],
      // The source names the weekday too; the translation gives both, or the weekday alone
      ['Hôm thứ Ba 10/6, hai bên hội đàm.', 'The two sides held talks on Tuesday.'],
      ['Hôm thứ Ba 10/6/2025, hai bên hội đàm.', 'The two sides held talks on Tuesday, June 10, 2025.'],
      ['Dự án được phê duyệt ngày 10/6/2025.', 'The project was approved on Tuesday, June 10, 2025.'],
      ['Ngày 10/6/2025 và ngày 11/6/2025, hai bên hội đàm.', 'The two sides held talks on Tuesday and Wednesday.'],
      ['Chủ nhật, hai bên hội đàm.', 'The two sides held talks on Sunday.'],
    ])('%s → %s', (source, target) => expect(messages(source, target)).toEqual([]));

    it.each([
      ['Ngày 10/6/2025, Bộ Ngoại giao ra thông cáo.', 'The foreign ministry issued a statement on Wednesday.', ['error: "Ngày 10/6/2025" (10 June 2025) is rendered as "Wednesday", but 10 June 2025 is a Tuesday']],
      ['Năm 2025, kinh tế phục hồi.\n\nSáng 20/2, Thủ tướng phát biểu.', 'The economy recovered in 2025.\n\nThe prime minister spoke on Wednesday morning.', ['error: "20/2" (20 February) is rendered as "Wednesday", but 20 February 2025 is a Thursday']],
      ['Ngày 10/6/2025 và ngày 11/6/2025, hai bên hội đàm.', 'The two sides held talks on Tuesday and Thursday.', ['error: "ngày 11/6/2025" (11 June 2025) is rendered as "Thursday", but 11 June 2025 is a Wednesday']],
      ['Dự án được phê duyệt ngày 10/6/2025.', 'The project was approved on Wednesday, June 10, 2025.', ['error: "ngày 10/6/2025" (10 June 2025) is rendered as "Wednesday", but 10 June 2025 is a Tuesday']],
      // The source's own weekday is compared, once: the date goes with it
      ['Hôm thứ Ba 10/6, hai bên hội đàm.', 'The two sides held talks on Wednesday.', ['error: "thứ Ba" (Tuesday) is rendered as "Wednesday"']],
      ['Vào thứ Hai, hai bên hội đàm.', 'The two sides held talks on Tuesday.', ['error: "thứ Hai" (Monday) is rendered as "Tuesday"']],
      ['Chủ nhật, hai bên hội đàm.', 'The two sides held talks on Saturday.', ['error: "Chủ nhật" (Sunday) is rendered as "Saturday"']],
      // No weekday, no date: still missing
      ['Ngày 10/6/2025, Bộ Ngoại giao ra thông cáo.', 'The foreign ministry issued a statement.', ['error: "Ngày 10/6/2025" (10 June 2025) is missing from the translation']],
    ])('%s → %s', (source, target, expected) => expect(messages(source, target)).toEqual(expected));

    it('says which weekday the date is', () => {
      const [finding] = numbers('Ngày 10/6/2025, Bộ Ngoại giao ra thông cáo.', 'The foreign ministry issued a statement on Wednesday.');
      expect(finding).toMatchObject({ expected: ['Tuesday'], actual: 'Wednesday', source: { text: 'Ngày 10/6/2025' } });
    });
  });

  describe('document numbers, weak counts, multiples and conversions as professional translators write them', () => {
    it.each([
      ['Theo Nghị định số 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân, ...', 'Under Decree No. 13/2023/ND-CP on personal data protection, ...'],
      ['Nghị định số 52/2013/NĐ-CP hết hiệu lực.'.normalize('NFD'), 'Decree No. 52/2013/ND-CP ceases to be in force.'],
      ['Nghị quyết số 57-NQ/TW.', 'Resolution No. 57-NQ/TW.'],
      ['Hai nước nhất trí tăng cường hợp tác quốc phòng.', 'Hanoi and Tokyo agreed to step up defence cooperation.'],
      ['Hai nước nhất trí tăng cường hợp tác quốc phòng.', 'Both countries agreed to step up defence cooperation.'],
      ['Hai nước nhất trí tăng cường hợp tác quốc phòng.'.normalize('NFD'), 'The two countries agreed to step up defence cooperation.'],
      ['Đây là lần thứ hai nước này đăng cai hội nghị.', 'It is the second time the country has hosted the conference.'],
    ])('%s → %s', (source, target) => expect(messages(source, target)).toEqual([]));

    it.each([
      ['Theo Nghị định số 13/2023/NĐ-CP, mức phạt tăng.', 'Under Decree No. 31/2023/ND-CP, fines rose.', ['error: "13/2023/NĐ-CP" is rendered as "31/2023/ND-CP"']],
      ['Quy mô nền kinh tế gấp 1,5 lần so với năm 2019.', 'The economy is double its 2019 size.', ['error: "gấp 1,5 lần" (1.5 times) is rendered as "double" (2 times)']],
      // "hai nước" of "lần thứ hai nước này" is the ordinal's, not a weak count of countries
      ['Đây là lần thứ hai nước này đăng cai hội nghị.', 'It is the third time the country has hosted the conference.', ['warning: "thứ hai" (2nd) is rendered as "third" (3rd)']],
      ['Xuất khẩu tăng gấp ba lần.', 'Exports grew to twice the level.', ['warning: "gấp ba lần" (3 times) is rendered as "twice" (2 times)']],
      // The wrong amount alone: its correct conversion is not blamed
      ['Giải ngân khoảng 875.000 tỷ đồng.', 'Disbursement of about VND875 billion ($34.4 billion).', ['error: "875.000 tỷ đồng" (875 trillion VND) is rendered as "VND875 billion" (875 billion VND)']],
      ['Giải ngân khoảng 875.000 tỷ đồng.', 'Disbursement of about VND875 billion, or $34.4 billion.', ['error: "875.000 tỷ đồng" (875 trillion VND) is rendered as "VND875 billion" (875 billion VND)']],
    ])('%s → %s', (source, target, expected) => expect(messages(source, target)).toEqual(expected));

    it('shows a document code as written, never its matching key', () => {
      const [finding] = numbers('Theo Nghị định số 13/2023/NĐ-CP, mức phạt tăng.', 'Under Decree No. 31/2023/ND-CP, fines rose.');
      expect(finding).toMatchObject({ expected: ['13/2023/NĐ-CP'], actual: '31/2023/ND-CP' });
    });

    it('shows a year as a year is written, without a thousands separator', () => {
      const [finding] = numbers('Nhiệm kỳ 2021-2026, Đại hội bầu 200 ủy viên.', 'For the 2020-2026 term, the congress elected 200 members.');
      expect(finding).toMatchObject({ expected: ['2021'], actual: '2020' });
    });
  });

  it('leaves the digits of URLs and e-mail addresses to verbatim-mismatch, and still reads the numbers around them', () => {
    const source = 'Theo thông cáo ngày 10/4/2024 trên https://www.mod.go.jp/j/press/news/2024/04/10a.html (liên hệ: press-2024@mod.go.jp), Nhật Bản mua 400 tên lửa.';
    // A changed link, a key pasted into one, an address with other digits: none of them is a quantity.
    const target = 'According to the April 10, 2024 statement at https://www.mod.go.jp/j/press/news/2024/04/10b.html?key=f63c02c5-f056-4f8a (contact: press-2025@mod.go.jp), Japan is buying 40 missiles.';
    expect(messages(source, target)).toEqual(['error: "400" is rendered as "40"']);
  });

  it('points at the wrong value in the translation and at the source passage', () => {
    const source = 'Tiêu đề\n\nNhật Bản mua 400 tên lửa trị giá 2,4 tỷ USD.';
    const target = 'Title\n\nJapan is buying 400 missiles worth $2.4 million.';
    const [finding, ...rest] = numbers(source, target);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      ruleId: 'number-mismatch',
      paragraph: 2,
      span: { start: { line: 3, column: target.split('\n')[2]!.indexOf('$2.4') + 1 } },
      source: { file: 'a.vi.txt', text: '2,4 tỷ USD', span: { start: { line: 3, column: source.split('\n')[2]!.indexOf('2,4') + 1 } } },
      expected: ['2.4 billion USD'],
      actual: '$2.4 million',
      note: `source 3:${source.split('\n')[2]!.indexOf('2,4') + 1}`,
    });
  });

  it('points a dropped value at the whole translated paragraph', () => {
    const [finding] = numbers('Hai bên ký kết ngày 10/4.', 'The two sides signed.');
    expect(finding).toMatchObject({ span: { start: { offset: 0 }, end: { offset: 'The two sides signed.'.length } }, source: { text: 'ngày 10/4' } });
  });

  it('compares each paragraph with its own translation, not with the document', () => {
    const source = 'Mua 400 tên lửa.\n\nMua 40 tàu.';
    expect(messages(source, 'Buying 40 missiles.\n\nBuying 400 ships.')).toEqual(['error: "400" is rendered as "40"', 'error: "40" is rendered as "400"']);
  });

  it('tells a conversion from an added amount: the same currency, or no amount of the source before it, is added', () => {
    expect(messages('Dự án trị giá 2.000 tỷ đồng.', 'The project is worth VND2 trillion (VND3 trillion with taxes).')).toEqual(['error: "VND3 trillion" (3 trillion VND) is not in the source']);
    expect(messages('Dự án được phê duyệt.', 'The project ($80 million) was approved.')).toEqual(['error: "$80 million" (80 million USD) is not in the source']);
  });

  it('leaves out the year of a quarter only where the translation names that year elsewhere', () => {
    expect(messages('GDP quý III/2024 tăng 7,4%.', 'Q3 GDP grew 7.4 percent.')).toEqual(['error: "2024" is missing from the translation']);
  });

  describe('qualifiers: an equivalent one is the same value, one that bounds it the other way is a warning', () => {
    it.each([
      ['Hơn 100 doanh nghiệp quốc phòng tham gia triển lãm.', 'More than 100 defence companies took part in the exhibition.'],
      ['Trên 200 tàu cá đã được hỗ trợ nhiên liệu.', 'Over 200 fishing boats received fuel support.'],
      ['Gần 300 binh sĩ tham gia cuộc tập trận.', 'Nearly 300 soldiers took part in the exercise.'],
      ['Gần 300 binh sĩ tham gia cuộc tập trận.', 'Almost 300 soldiers took part in the exercise.'],
      ['Khoảng 400 chuyên gia quốc tế dự hội nghị.', 'About 400 international experts attended the conference.'],
      ['Khoảng 500 người đã được sơ tán.', 'Some 500 people were evacuated.'],
      ['Khoảng 500 người đã được sơ tán.', 'Nearly 500 people were evacuated.'],
      ['Hơn 2 tỷ USD đã được giải ngân.', 'More than $2 billion has been disbursed.'],
      ['Dự án ít hơn 50 tỷ đồng.'.normalize('NFD'), 'The project costs less than VND50 billion.'],
      ['Binh sĩ trên 2 tàu đã trở về.', 'Sailors on the two ships have returned.'],
    ])('%s → %s', (source, target) => expect(messages(source, target)).toEqual([]));

    it.each([
      ['Hơn 100 doanh nghiệp quốc phòng tham gia triển lãm.', 'Nearly 100 defence companies took part in the exhibition.', ['warning: "Hơn 100" is rendered as "Nearly 100": the translation bounds the value the other way']],
      ['Gần 300 binh sĩ tham gia cuộc tập trận.', 'More than 300 soldiers took part in the exercise.', ['warning: "Gần 300" is rendered as "More than 300": the translation bounds the value the other way']],
      ['Trên 200 tàu cá được hỗ trợ.'.normalize('NFD'), 'Fewer than 200 fishing boats received support.', [`warning: "${'Trên 200'.normalize('NFD')}" is rendered as "Fewer than 200": the translation bounds the value the other way`]],
      ['Thiệt hại ít nhất 2 tỷ USD.', 'Damage is up to $2 billion.', ['warning: "ít nhất 2 tỷ USD" is rendered as "up to $2 billion": the translation bounds the value the other way']],
    ])('%s → %s', (source, target, expected) => expect(messages(source, target)).toEqual(expected));

    it('says what the source says, and points at its qualifier', () => {
      const [finding] = numbers('Theo báo cáo, hơn 100 doanh nghiệp tham gia.', 'According to the report, nearly 100 companies took part.');
      expect(finding).toMatchObject({ severity: 'warning', expected: ['more than 100'], actual: 'nearly 100', note: 'source 1:15', source: { text: 'hơn 100' } });
    });

    it('is an option', () => {
      expect(messages('Hơn 100 doanh nghiệp tham gia.', 'Nearly 100 companies took part.', { qualifiers: false })).toEqual([]);
    });
  });

  it('takes its options: words, added, names, conversions', () => {
    expect(messages('Hai nước ký ba văn kiện.', 'The two countries signed four documents.', { words: false })).toEqual([]);
    expect(messages('Giá tăng.', 'Prices rose 26.3%.', { added: false })).toEqual([]);
    expect(messages('Tiêm kích F-35.', 'F-16 fighters.', { names: false })).toEqual([]);
    expect(messages('Thiệt hại khoảng 81.500 tỷ đồng.', 'Damage is about VND 81.5 trillion ($3.3 billion).', { conversions: false })).toEqual(['error: "$3.3 billion" (3.3 billion USD) is not in the source']);
    expect(() => numbers('a', 'b', { word: false })).toThrow(/check "number-mismatch" has no option "word"/);
  });

  describe('day and month ranges sharing one month or year ("ngày 8-9/11/2024", "tháng 11-12/2024")', () => {
    it.each([
      ['Hội nghị diễn ra ngày 8-9/11/2024.', 'The conference took place on November 8-9, 2024.'],
      ['Hội nghị diễn ra ngày 8-9/11/2024.', 'The conference took place on 8-9 November 2024.'],
      ['Hội nghị diễn ra ngày 8-9/11/2024.', 'The conference took place on 8–9 Nov. 2024.'],
      ['Hội nghị diễn ra ngày 8–9/11/2024.', 'The conference took place on November 8 and 9, 2024.'],
      ['Hội nghị thượng đỉnh diễn ra từ ngày 8-10/11/2024 tại Hà Nội.', 'The summit was held in Hanoi on 8-10 November 2024.'],
      ['Hội nghị thượng đỉnh diễn ra từ ngày 8-10/11/2024 tại Hà Nội.', 'The summit was held in Hanoi from 8 to 10 November 2024.'],
      ['Đoàn công tác làm việc tại Đà Nẵng từ 8-10/11.', 'The delegation worked in Da Nang on November 8-10.'],
      ['Hội chợ diễn ra từ ngày 8-10.11.2024.'.normalize('NFD'), 'The fair ran from November 8 to 10, 2024.'],
      ['Trong tháng 11-12/2024, giá xăng dầu tăng mạnh.', 'In November-December 2024, fuel prices rose sharply.'],
      ['Trong tháng 11-12/2024, giá xăng dầu tăng mạnh.', 'From November to December 2024, fuel prices rose sharply.'],
      ['Trong tháng 11 - 12 năm 2024, giá xăng dầu tăng mạnh.'.normalize('NFD'), 'In November–December 2024, fuel prices rose sharply.'],
    ])('%s → %s', (source, target) => expect(messages(source, target)).toEqual([]));

    it.each([
      ['Hội nghị diễn ra ngày 8-9/11/2024.', 'The conference took place on November 8-10, 2024.', ['error: "9/11/2024" (9 November 2024) is rendered as "10, 2024" (10 November 2024)']],
      ['Hội nghị diễn ra ngày 8-9/11/2024.', 'The conference took place on October 8-9, 2024.', [
        'error: "ngày 8" (8 November 2024) is rendered as "October 8" (8 October 2024)',
        'error: "9/11/2024" (9 November 2024) is rendered as "9, 2024" (9 October 2024)',
      ]],
      ['Trong tháng 11-12/2024, giá xăng dầu tăng mạnh.', 'In October-December 2024, fuel prices rose sharply.', ['error: "tháng 11-12/" (November–December) is rendered as "October-December" (October–December)']],
    ])('still reports a wrong rendering: %s → %s', (source, target, expected) => expect(messages(source, target)).toEqual(expected));

    it('reports both days of a range put in the wrong month', () => {
      // Which wrong day is paired with which is left to the positional pairing: both are errors in December.
      const found = messages('Hội nghị thượng đỉnh diễn ra từ ngày 8-10/11/2024.', 'The summit was held on 8-10 December 2024.');
      expect(found).toHaveLength(2);
      for (const message of found) expect(message).toMatch(/^error: .*\(\d+ November 2024\) is rendered as .*\d+ December 2024\b/);
    });
  });

  it('reads NFD and old tone marks in the source', () => {
    const source = 'Ngày 10 tháng 4 năm 2024, hai bên ký khoá học trị giá 2,4 tỷ đồng.'.normalize('NFD');
    expect(messages(source, 'On April 10, 2024, the two sides signed for a course worth 2.4 billion dong.')).toEqual([]);
    expect(messages(source, 'On April 10, 2024, the two sides signed for a course worth 2.4 billion dollars.')).toEqual([
      'error: "2,4 tỷ đồng" (2.4 billion VND) is rendered as "2.4 billion dollars" (2.4 billion USD)'.normalize('NFD'),
    ]);
  });
});
