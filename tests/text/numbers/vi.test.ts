import { describe, expect, it } from 'vitest';
import { readVietnameseQuantities } from '../../../src/text/numbers/index.js';
import { summarize } from './helpers.js';

const read = (text: string): string[] => summarize(readVietnameseQuantities(text));

describe('readVietnameseQuantities', () => {
  describe('digits, scale words and currencies', () => {
    it.each([
      ['400 tên lửa', ['number 400 "400"']],
      ['1.000 binh sĩ', ['number 1,000 "1.000"']],
      ['2,4 tỷ USD', ['money 2.4 billion USD "2,4 tỷ USD"']],
      ['2.4 tỷ USD', ['money 2.4 billion USD "2.4 tỷ USD"']], // a decimal point copied from English
      ['2,4 tỉ đô la Mỹ', ['money 2.4 billion USD "2,4 tỉ đô la Mỹ"']],
      ['6.800 tỷ yên', ['money 6.8 trillion JPY "6.800 tỷ yên"']],
      ['1,5 nghìn tỷ đồng', ['money 1.5 trillion VND "1,5 nghìn tỷ đồng"']],
      ['3 triệu 500 nghìn USD', ['money 3.5 million USD "3 triệu 500 nghìn USD"']],
      ['500 ngàn euro', ['money 500,000 EUR "500 ngàn euro"']],
      ['1.234.567,89 VND', ['money 1,234,567.89 VND "1.234.567,89 VND"']],
      ['500.000đ', ['money 500,000 VND "500.000đ"']],
      ['$2,4 tỷ', ['money 2.4 billion USD "$2,4 tỷ"']],
      ['100 triệu nhân dân tệ', ['money 100 million CNY "100 triệu nhân dân tệ"']],
      ['1 triệu rưỡi USD', ['money 1.5 million USD "1 triệu rưỡi USD"']],
      ['2–3 tỷ USD', ['money 2 billion USD "2"', 'money 3 billion USD "3 tỷ USD"']],
    ])('%s', (text, expected) => expect(read(text)).toEqual(expected));
  });

  describe('percentages', () => {
    it.each([
      ['tăng 26,3%', ['percent 26.3% "26,3%"']],
      ['tăng 26,3 %', ['percent 26.3% "26,3 %"']],
      ['26,3 phần trăm', ['percent 26.3% "26,3 phần trăm"']],
      ['tăng 3 điểm phần trăm', ['percentage-point 3 percentage points "3 điểm phần trăm"']],
      ['10-15%', ['percent 10% "10"', 'percent 15% "15%"']],
      ['ba phần trăm', ['percent 3% "ba phần trăm" words']],
    ])('%s', (text, expected) => expect(read(text)).toEqual(expected));
  });

  describe('dates, day first', () => {
    it.each([
      ['ngày 10 tháng 4 năm 2024', ['date 10 April 2024 "ngày 10 tháng 4 năm 2024"']],
      ['Ngày 10/4/2024,', ['date 10 April 2024 "Ngày 10/4/2024"']],
      ['10/4/2024', ['date 10 April 2024 "10/4/2024"']],
      ['10-4-2024', ['date 10 April 2024 "10-4-2024"']],
      ['ngày 10/4', ['date 10 April "ngày 10/4"']],
      ['sáng 10/4', ['date 10 April "10/4"']],
      ['thứ Ba (9/4)', ['weekday Tuesday "thứ Ba"', 'date 9 April "9/4"']],
      ['25 tháng 3', ['date 25 March "25 tháng 3"']],
      ['tháng 8/2023', ['date August 2023 "tháng 8/2023"']],
      ['tháng 8 năm 2023', ['date August 2023 "tháng 8 năm 2023"']],
      ['tháng Tám', ['date August "tháng Tám"']],
      ['tháng Mười Hai', ['date December "tháng Mười Hai"']],
      ['năm 2023', ['date 2023 "năm 2023"']],
      ['Năm 2024 tỷ lệ thất nghiệp giảm', ['date 2024 "Năm 2024"']],
      ['từ ngày 8 đến 14/4/2024', ['date 8 April 2024 "ngày 8"', 'date 14 April 2024 "14/4/2024"']],
      ['ngày 10 và 11 tháng 4', ['date 10 April "ngày 10"', 'date 11 April "11 tháng 4"']],
      ['Chủ nhật', ['weekday Sunday "Chủ nhật" words']],
    ])('%s', (text, expected) => expect(read(text)).toEqual(expected.map((e) => (e.startsWith('weekday Tuesday') ? `${e} words` : e))));
  });

  describe('centuries, decades, quarters, ordinals, times', () => {
    it.each([
      ['thế kỷ 21', ['century 21st century "thế kỷ 21"']],
      ['thế kỷ XXI', ['century 21st century "thế kỷ XXI"']],
      ['thế kỉ thứ 21', ['century 21st century "thế kỉ thứ 21"']],
      ['thập niên 1990', ['decade 1990s "thập niên 1990"']],
      ['thập kỷ 90', ['decade 1990s "thập kỷ 90"']],
      ['những năm 1990', ['decade 1990s "những năm 1990"']],
      ['những năm 2023 và 2024', ['date 2023 "năm 2023"', 'number 2,024 "2024"']],
      ['quý III', ['quarter Q3 "quý III"']],
      ['GDP quý III/2024 tăng', ['quarter Q3 "quý III"', 'number 2,024 "2024"']],
      ['quý 3/2024', ['quarter Q3 "quý 3"', 'number 2,024 "2024"']],
      ['các nước thứ ba', ['ordinal 3rd "thứ ba" words']],
      ['lần thứ 5', ['ordinal 5th "thứ 5"']],
      ['khóa XV', ['ordinal 15th "XV"']],
      ['Đại hội XIII', ['ordinal 13th "XIII"']],
      ['thứ nhất', ['ordinal 1st "thứ nhất" weak words']],
      ['chuyến thăm đầu tiên', ['ordinal 1st "đầu tiên" weak words']],
      ['lúc 10 giờ sáng', ['time 10:00 "10 giờ sáng"']],
      ['3 giờ chiều', ['time 15:00 "3 giờ chiều"']],
      ['15h30', ['time 15:30 "15h30"']],
    ])('%s', (text, expected) => expect(read(text)).toEqual(expected));
  });

  describe('number words where they are numbers', () => {
    it.each([
      // "the two countries", as often "both countries" or "Hanoi and Tokyo": weak, like "hai bên"
      ['hai nước', ['number 2 "hai nước" weak words']],
      ['hai tàu', ['number 2 "hai" words']],
      ['Phần hai: kết luận', ['number 2 "hai" words']],
      ['Điều ba. Hiệu lực', ['number 3 "ba" words']],
      ['Chương mười:', ['number 10 "mười" words']],
      ['Hai bên nhất trí', ['number 2 "Hai bên" weak words']], // "the two sides", which English may write "they"
      ['mười tàu', ['number 10 "mười" words']],
      ['mười lăm tàu', ['number 15 "mười lăm" words']],
      ['hai mươi lăm tàu', ['number 25 "hai mươi lăm" words']],
      ['hai mươi tư giờ', ['number 24 "hai mươi tư" words']],
      ['hai mươi mốt nước', ['number 21 "hai mươi mốt" words']],
      ['ba trăm linh năm người', ['number 305 "ba trăm linh năm" words']],
      ['hai nghìn không trăm hai mươi tư', ['number 2,024 "hai nghìn không trăm hai mươi tư" words']],
      ['hai triệu người', ['number 2 million "hai triệu" words']],
      ['một triệu rưỡi người', ['number 1.5 million "một triệu rưỡi" words']],
      ['năm tàu', ['number 5 "năm" words']],
      ['năm mươi người', ['number 50 "năm mươi" words']],
      ['hai phần ba số phiếu', ['fraction 2/3 "hai phần ba" words']],
      ['một phần tư', ['fraction 1/4 "một phần tư" words']],
      ['2/3 số phiếu', ['date 2 March "2/3"']], // also read as the fraction 2/3, which a translation may give
      ['đạt 3/20 chỉ tiêu', ['fraction 3/20 "3/20"']],
      ['Quốc khánh 2/9.', ['date 2 September "2/9"']],
      ['hàng chục sĩ quan', ['approximate tens "hàng chục" words']],
      ['vài trăm nghìn người', ['approximate hundreds of thousands "vài trăm nghìn" words']],
      ['hàng nghìn tỷ đồng', ['approximate trillions VND "hàng nghìn tỷ đồng" words']],
    ])('%s', (text, expected) => expect(read(text)).toEqual(expected));
  });

  describe('words that only look like numbers', () => {
    it.each([
      ['tỷ lệ thất nghiệp', []],
      ['đường dây nóng hoạt động 24/7.', []], // around the clock
      ['một phần tư số tiền', ['fraction 1/4 "một phần tư" words']],
      ['tỷ giá hối đoái', []],
      ['triệu tập cuộc họp', []],
      ['một số linh kiện', ['number 1 "một" weak words']], // "some": never reported alone
      ['năm nay', []],
      ['năm tài khoá tới', []],
      ['trong hai năm qua', ['number 2 "hai" words']], // "năm" is the unit
      ['hai mươi năm', ['number 20 "hai mươi" words']], // twenty years, not 25
      ['ba trăm năm', ['number 300 "ba trăm" words']],
      ['Ba Lan và Hungary', []],
      ['thủ đô Ba Lan', []],
      ['quận Ba Đình', []],
      ['hai đồng minh', ['number 2 "hai" words']], // "đồng minh" is "ally", not dong
      ['ngành hàng hải', []],
      ['ngày càng tăng', []],
      ['lúa chín', []],
      ['tư nhân', []],
      ['thứ tự ưu tiên', []],
      ['Ngày:', []],
    ])('%s', (text, expected) => expect(read(text)).toEqual(expected));
  });

  describe('names with digits', () => {
    it.each([
      ['tiêm kích F-35', ['code F35 "F-35"']],
      ['tên lửa SM-3 Block IIA', ['code SM3 "SM-3"']],
      ['tàu hộ vệ lớp 054A', ['code 054A "054A"']],
      ['Su-30MK2', ['code SU30MK2 "Su-30MK2"']],
      ['COVID-19', ['code COVID19 "COVID-19"']],
      ['Nghị định 15/2020/NĐ-CP', ['code 152020NDCP "15/2020/NĐ-CP"']], // compared as English copy writes it: ND-CP
      ['300km', ['number 300 "300"']],
    ])('%s', (text, expected) => expect(read(text)).toEqual(expected));
  });

  describe('pipeline debris', () => {
    it.each([
      ['Vào ngày 25 tháng XNUMX,', ['date 25 ? "ngày 25 tháng XNUMX" placeholder']],
      ['vào ngày 10 tháng 2024 năm XNUMX.', ['date 10 ? "ngày 10 tháng 2024 năm XNUMX" scrambled-date']],
      ['vào tháng 2023 năm 3.', ['date a date "tháng 2023 năm 3" scrambled-date']],
      ['Block-XNUMX IIA', ['code BLOCKXNUMX "Block-XNUMX" placeholder']],
      ['XNUMX tên lửa', ['number ? "XNUMX" placeholder']],
    ])('%s', (text, expected) => expect(read(text)).toEqual(expected));
  });

  it('gives offsets into the text as given, NFD and old tone marks included', () => {
    const text = 'Hoà bình. ' + 'Ngày 10 tháng 4 năm 2024, hai khoá học'.normalize('NFD');
    const [date, two, ...rest] = readVietnameseQuantities(text);
    expect(rest).toEqual([]);
    expect(date).toMatchObject({ kind: 'date', date: { day: 10, month: 4, year: 2024 } });
    expect(text.slice(date!.start, date!.end)).toBe('Ngày 10 tháng 4 năm 2024'.normalize('NFD'));
    expect(two).toMatchObject({ kind: 'number', value: 2, words: true });
    expect(text.slice(two!.start, two!.end)).toBe('hai');
  });

  it('reads only between start and end', () => {
    const text = '400 tên lửa.\n\nNgày 10/4/2024, 2,4 tỷ USD.\n\n500 tàu.';
    const start = text.indexOf('Ngày');
    const end = text.indexOf('\n\n500');
    const found = readVietnameseQuantities(text, start, end);
    expect(summarize(found)).toEqual(['date 10 April 2024 "Ngày 10/4/2024"', 'money 2.4 billion USD "2,4 tỷ USD"']);
    expect(found[0]!.start).toBe(start);
  });

  it('reads a plain four-digit number also as the year it may be', () => {
    const [q] = readVietnameseQuantities('Chiến lược 2022');
    expect(q).toMatchObject({ kind: 'number', value: 2022, also: [{ kind: 'date', date: { year: 2022 } }] });
  });

  it('keeps the other reading of a Vietnamese ",ddd" that may be an English thousands group', () => {
    const [q] = readVietnameseQuantities('2,400 tỷ USD');
    expect(q).toMatchObject({ kind: 'money', value: 2.4e9, also: [{ kind: 'money', value: 2.4e12, currency: 'USD' }] });
  });

  it('reads "thứ Ba" as a weekday and "thứ ba" as an ordinal, each with the other reading', () => {
    const [weekday, ordinal] = readVietnameseQuantities('hôm thứ Ba, nước thứ ba');
    expect(weekday).toMatchObject({ kind: 'weekday', value: 2, also: [{ kind: 'ordinal', value: 3 }] });
    expect(ordinal).toMatchObject({ kind: 'ordinal', value: 3, also: [{ kind: 'weekday', value: 2 }] });
  });

  it('reads periods of months over the digits and the year ("9 tháng đầu năm 2024"), but not a day of May', () => {
    const kinds = (text: string) => readVietnameseQuantities(text.normalize('NFD')).map((q) => [q.kind, q.value, q.periodYear ?? false]);
    expect(kinds('Trong 9 tháng đầu năm 2024, xuất khẩu tăng.')).toEqual([['period', 109, false], ['number', 2024, true]]);
    expect(kinds('Từ tháng 1 đến tháng 9, FDI tăng.')).toEqual([['period', 109, false]]);
    expect(kinds('6 tháng cuối năm')).toEqual([['period', 712, false]]);
    expect(kinds('Trong 6 tháng qua')).toEqual([['number', 6, false]]);
    expect(kinds('Ngày 9 tháng năm 2024')[0]).toEqual(['date', 0, false]);
  });
});
