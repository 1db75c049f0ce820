import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createViMatcher } from '../../src/glossary/vi-matcher.js';
import type { GlossaryEntry } from '../../src/glossary/types.js';

function entry(id: string, vi: string, extra: Partial<GlossaryEntry> = {}): GlossaryEntry {
  return {
    id,
    vi,
    viVariants: [],
    en: id,
    accepted: [],
    forms: [],
    forbidden: [],
    caseSensitive: false,
    tests: [],
    location: { file: 'glossary.yaml', line: 1, column: 1 },
    ...extra,
  };
}

const GLOSSARY = [
  entry('glide-phase-interceptor', 'Thiết bị đánh chặn pha bay'),
  entry('us-dod', 'Bộ Quốc phòng Hoa Kỳ', { viVariants: ['Bộ Quốc phòng Mỹ'] }),
  entry('ministry-of-defense', 'Bộ Quốc phòng'),
  entry('jsdf', 'Lực lượng Phòng vệ Nhật Bản'),
  entry('sosa', 'Thỏa thuận An ninh Cung ứng'),
  entry('indo-pacific', 'Ấn Độ Dương-Thái Bình Dương'),
  entry('india', 'Ấn Độ'),
  entry('device', 'Thiết bị'),
  entry('technology', 'kỹ thuật'),
  entry('hydropower', 'thuỷ điện'),
];

const matcher = createViMatcher(GLOSSARY);
const found = (text: string) => matcher.find(text).map((m) => [m.entry.id, m.text]);

describe('createViMatcher', () => {
  it('finds the seed article terms with offsets into the file as read', () => {
    const seed = readFileSync(new URL('../text/fixtures/seed-000.txt', import.meta.url), 'utf8');
    const matches = matcher.find(seed);
    for (const m of matches) expect(seed.slice(m.start, m.end)).toBe(m.text);
    const ids = matches.map((m) => m.entry.id);
    expect(ids).toContain('glide-phase-interceptor');
    expect(ids).toContain('jsdf');
    expect(ids).toContain('indo-pacific');
    // The article writes "Thỏa thuận An ninh Cung ứng" and "Bộ Quốc phòng Hoa Kỳ ... Bộ Quốc phòng Nhật Bản".
    expect(matches.find((m) => m.entry.id === 'sosa')?.text).toBe('Thỏa thuận An ninh Cung ứng');
    expect(ids.filter((id) => id === 'us-dod').length).toBe(seed.split('Bộ Quốc phòng Hoa Kỳ').length - 1);
    const starts = matches.map((m) => m.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('takes the longest match and uses a span once', () => {
    const text = 'giữa Bộ Quốc phòng Hoa Kỳ và Bộ Quốc phòng Nhật Bản';
    expect(found(text)).toEqual([
      ['us-dod', 'Bộ Quốc phòng Hoa Kỳ'],
      ['ministry-of-defense', 'Bộ Quốc phòng'],
    ]);
  });

  it('prefers the longer term that starts at the same place (Ấn Độ Dương-Thái Bình Dương over Ấn Độ)', () => {
    expect(found('khu vực Ấn Độ Dương-Thái Bình Dương và Ấn Độ')).toEqual([
      ['indo-pacific', 'Ấn Độ Dương-Thái Bình Dương'],
      ['india', 'Ấn Độ'],
    ]);
  });

  it('falls back to a shorter term when the longer one breaks off', () => {
    expect(found('Thiết bị đánh chặn tên lửa')).toEqual([['device', 'Thiết bị']]);
  });

  it('matches whole syllables only', () => {
    expect(found('Thiết bịt')).toEqual([]);
    expect(found('Bộ Quốc phòngg')).toEqual([]);
    expect(found('tại Ấn Độ.')).toEqual([['india', 'Ấn Độ']]);
  });

  it('needs the punctuation a term has, but whitespace around it may vary', () => {
    expect(found('Ấn Độ Dương - Thái Bình Dương')).toEqual([['indo-pacific', 'Ấn Độ Dương - Thái Bình Dương']]);
    expect(found('Ấn Độ Dương–Thái Bình Dương')).toEqual([['indo-pacific', 'Ấn Độ Dương–Thái Bình Dương']]);
    expect(found('Ấn Độ Dương Thái Bình Dương')).toEqual([['india', 'Ấn Độ']]);
    expect(found('Bộ Quốc, phòng')).toEqual([]);
  });

  it('matches NFD text and gives offsets into it', () => {
    const text = 'Hợp tác phát triển Thiết bị đánh chặn pha bay (GPI).'.normalize('NFD');
    const [m] = matcher.find(text);
    expect(m?.entry.id).toBe('glide-phase-interceptor');
    expect(m?.start).toBe(text.indexOf('Thie'));
    expect(m?.text).toBe('Thiết bị đánh chặn pha bay'.normalize('NFD'));
    expect(text.slice(m?.end)).toBe(' (GPI).');
  });

  it('matches NFD terms against NFC text', () => {
    const m = createViMatcher([entry('jsdf', 'Lực lượng Phòng vệ Nhật Bản'.normalize('NFD'))]);
    expect(m.find('của Lực lượng Phòng vệ Nhật Bản (JSDF)').map((x) => x.text)).toEqual(['Lực lượng Phòng vệ Nhật Bản']);
  });

  it('matches old and new tone placement both ways', () => {
    expect(found('ký Thoả thuận An ninh Cung ứng')).toEqual([['sosa', 'Thoả thuận An ninh Cung ứng']]);
    expect(found('nhà máy thủy điện và thuỷ điện')).toEqual([
      ['hydropower', 'thủy điện'],
      ['hydropower', 'thuỷ điện'],
    ]);
  });

  it('matches i/y spelling variants', () => {
    expect(found('Kĩ thuật mới')).toEqual([['technology', 'Kĩ thuật']]);
    expect(found('Bộ Quốc phòng Mĩ')).toEqual([['us-dod', 'Bộ Quốc phòng Mĩ']]);
    expect(found('Bộ Quốc phòng Hoa Kì')).toEqual([['us-dod', 'Bộ Quốc phòng Hoa Kì']]);
  });

  it('reads Icelandic Ð as Đ', () => {
    expect(found('Ấn Ðộ')).toEqual([['india', 'Ấn Ðộ']]);
  });

  it('matches across NBSP, runs of spaces and line breaks inside a term', () => {
    const text = 'Bộ\u00a0Quốc  phòng\r\nHoa\tKỳ';
    expect(matcher.find(text)).toEqual([{ entry: GLOSSARY[1], start: 0, end: text.length, text }]);
  });

  it('is case-insensitive by default and honours caseSensitive entries', () => {
    expect(found('bộ quốc phòng hoa kỳ')).toEqual([['us-dod', 'bộ quốc phòng hoa kỳ']]);
    const m = createViMatcher([entry('nam', 'Nam', { caseSensitive: true }), entry('south', 'phía nam')]);
    expect(m.find('Việt Nam ở phía nam').map((x) => [x.entry.id, x.start])).toEqual([
      ['nam', 5],
      ['south', 11],
    ]);
    expect(m.find('miền nam')).toEqual([]);
  });

  it('lets a case-sensitive term start with a capital, as at a sentence start, but nothing else change case', () => {
    const m = createViMatcher([entry('patriot', 'tên lửa Patriot', { caseSensitive: true }), entry('nam', 'Nam', { caseSensitive: true })]);
    const ids = (text: string) => m.find(text).map((x) => [x.entry.id, x.text]);
    expect(ids('Tên lửa Patriot được mua.')).toEqual([['patriot', 'Tên lửa Patriot']]);
    expect(ids('# Tên lửa Patriot')).toEqual([['patriot', 'Tên lửa Patriot']]);
    expect(ids('Nhật mua tên lửa Patriot.')).toEqual([['patriot', 'tên lửa Patriot']]);
    // Only the first letter: "Patriot" is still told from "patriot", and "TÊN" is no capitalised "tên".
    expect(ids('Tên lửa patriot được mua.')).toEqual([]);
    expect(ids('TÊN LỬA Patriot')).toEqual([]);
    expect(ids('Tên Lửa Patriot')).toEqual([]);
    // A term written with a capital in the glossary matches as written, never in lower case.
    expect(ids('Việt Nam')).toEqual([['nam', 'Nam']]);
    expect(ids('miền nam')).toEqual([]);
  });

  it('finds terms at the very start and end of the text, and before punctuation', () => {
    const text = 'Ấn Độ, rồi Bộ Quốc phòng Hoa Kỳ';
    const matches = matcher.find(text);
    expect(matches.map((m) => [m.start, m.end])).toEqual([
      [0, 5],
      [11, text.length],
    ]);
  });

  it('returns nothing for empty text, text without terms, or an empty glossary', () => {
    expect(matcher.find('')).toEqual([]);
    expect(matcher.find('Vào ngày 25 tháng XNUMX, Nhà Trắng công bố')).toEqual([]);
    expect(createViMatcher([]).find('Bộ Quốc phòng')).toEqual([]);
  });

  it('gives a shared term to the first entry only', () => {
    const m = createViMatcher([entry('a', 'Biên bản ghi nhớ'), entry('b', 'biên bản ghi nhớ')]);
    expect(m.find('ký Biên bản ghi nhớ (MOU)').map((x) => x.entry.id)).toEqual(['a']);
  });

  it('handles terms longer than the text and repeated calls', () => {
    expect(found('Thiết bị đánh')).toEqual([['device', 'Thiết bị']]);
    expect(found('Ấn Độ')).toEqual([['india', 'Ấn Độ']]);
    expect(found('Ấn Độ')).toEqual([['india', 'Ấn Độ']]);
  });
});
