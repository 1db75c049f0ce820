import { describe, it, expect } from 'vitest';
import {
  canonicalToneMarks,
  foldForMatching,
  foldSyllable,
  isVietnameseSyllable,
  syllableSpans,
  vietnameseShare,
} from '../../src/text/vietnamese.js';

describe('canonicalToneMarks', () => {
  it.each([
    ['hoà', 'hòa'],
    ['thuỷ', 'thủy'],
    ['Thoả', 'Thỏa'],
    ['khoẻ', 'khỏe'],
    ['uý', 'úy'],
    ['HOÀ', 'HÒA'],
    ['Thuỷ', 'Thủy'],
    ['loà', 'lòa'],
  ])('moves the tone of old-style %s to %s', (input, expected) => {
    expect(canonicalToneMarks(input)).toBe(expected);
  });

  it.each(['hòa', 'thủy', 'hoàng', 'người', 'quý', 'già', 'giả', 'gì', 'giường', 'quyết', 'ngoài', 'khuỷu', 'thuở', 'của', 'mía'])(
    'leaves the canonical %s alone',
    (word) => {
      expect(canonicalToneMarks(word)).toBe(word);
    },
  );

  it('moves the tone onto the modified vowel or the vowel before a final consonant', () => {
    // Misplaced tones as typed by hand: tone on the first vowel of a closed or modified syllable.
    expect(canonicalToneMarks('hòang')).toBe('hoàng');
    expect(canonicalToneMarks('ngừơi')).toBe('người');
    expect(canonicalToneMarks('thúyết')).toBe('thúyết'); // two tones: not a syllable, left alone
    expect(canonicalToneMarks('qúy')).toBe('quý'); // u belongs to the qu- onset
  });

  it('accepts NFD input and returns NFC when it moves the tone', () => {
    const nfd = 'hoà'.normalize('NFD');
    const out = canonicalToneMarks(nfd);
    expect(out).toBe('hòa');
    expect(out).toBe(out.normalize('NFC'));
  });

  it.each(['Kishida', 'café', 'Austin', 'Yasukazu', 'XNUMX', '2024', 'IIA'])('leaves the non-Vietnamese word %s alone', (word) => {
    expect(canonicalToneMarks(word)).toBe(word);
  });
});

describe('foldSyllable', () => {
  it.each([
    ['Mỹ', 'Mĩ'],
    ['kỹ', 'kĩ'],
    ['lý', 'lí'],
    ['tỷ', 'tỉ'],
    ['quý', 'quí'],
    ['Hoà', 'hòa'],
    ['THUỶ', 'thủy'],
  ])('folds %s and %s alike', (a, b) => {
    expect(foldSyllable(a)).toBe(foldSyllable(b));
  });

  it('keeps uy, ay and yê syllables distinct from their i spellings', () => {
    expect(foldSyllable('huy')).not.toBe(foldSyllable('hui'));
    expect(foldSyllable('tay')).not.toBe(foldSyllable('tai'));
    expect(foldSyllable('yêu')).toBe('yêu');
    expect(foldSyllable('quyết')).toBe('quyết');
  });

  it('reads Icelandic Ð as Đ in either case', () => {
    expect(foldSyllable('Ðộ')).toBe('độ');
    expect(foldSyllable('Ðộ', false)).toBe('Độ');
  });

  it('keeps case when asked', () => {
    expect(foldSyllable('Hoà', false)).toBe('Hòa');
  });
});

describe('isVietnameseSyllable', () => {
  it('accepts real syllables and rejects legacy-font mojibake', () => {
    for (const w of ['Thiết', 'bị', 'đánh', 'chặn', 'người', 'quốc', 'giữa', 'khuỷu']) expect(isVietnameseSyllable(w)).toBe(true);
    for (const w of ['ThiÕt', 'bÞ', '®¸nh', 'Vieät', 'Thiáº¿t', 'mat']) expect(isVietnameseSyllable(w)).toBe(false);
  });
});

describe('syllableSpans', () => {
  it('splits on anything but letters, marks and digits', () => {
    expect(syllableSpans('Ấn Độ Dương-Thái, năm 2024.')).toEqual([
      [0, 2],
      [3, 5],
      [6, 11],
      [12, 16],
      [18, 21],
      [22, 26],
    ]);
  });

  it('keeps combining marks inside their syllable in NFD text', () => {
    const nfd = 'Thiết bị'.normalize('NFD');
    const spans = syllableSpans(nfd);
    expect(spans.map(([s, e]) => nfd.slice(s, e).normalize('NFC'))).toEqual(['Thiết', 'bị']);
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(syllableSpans('')).toEqual([]);
    expect(syllableSpans(' – . ')).toEqual([]);
  });
});

describe('foldForMatching', () => {
  it('folds tones, i/y, case, Ð and whitespace runs', () => {
    const f = foldForMatching('Thoả thuận\u00a0\u00a0về Kỹ  thuật\n\tÐộ Mỹ');
    expect(f.text).toBe('thỏa thuận về kĩ thuật độ mĩ');
  });

  it('maps offsets back through collapsed whitespace', () => {
    const original = 'Bộ  Quốc\u202F\nphòng';
    const f = foldForMatching(original);
    expect(f.text).toBe('bộ quốc phòng');
    const start = f.text.indexOf('quốc');
    expect(f.toOriginal(start)).toBe(original.indexOf('Quốc'));
    expect(f.toOriginal(f.text.length)).toBe(original.length);
    expect(original.slice(f.toOriginal(f.text.indexOf('phòng')), f.toOriginal(f.text.length))).toBe('phòng');
  });

  it('maps offsets back into NFD text, where lengths differ', () => {
    const original = 'Lực lượng Phòng vệ Nhật Bản'.normalize('NFD');
    const f = foldForMatching(original);
    expect(f.text).toBe('lực lượng phòng vệ nhật bản');
    const s = f.text.indexOf('phòng vệ');
    const e = s + 'phòng vệ'.length;
    expect(original.slice(f.toOriginal(s), f.toOriginal(e)).normalize('NFC')).toBe('Phòng vệ');
    // every folded character maps to the start of its letter (never into the middle of its marks)
    for (let k = 0; k < f.text.length; k++) {
      const o = f.toOriginal(k);
      expect(/\p{M}/u.test(original[o] ?? '')).toBe(false);
    }
  });

  it('maps back through a tone moved in NFD text (old-style Thoả, decomposed)', () => {
    const original = 'ký Thoả thuận'.normalize('NFD');
    const f = foldForMatching(original);
    expect(f.text).toBe('kí thỏa thuận'); // ký: i/y folded too
    const s = f.text.indexOf('thỏa');
    expect(original.slice(f.toOriginal(s), f.toOriginal(s + 4))).toBe('Thoả'.normalize('NFD'));
  });

  it('maps back when lower-casing makes a syllable longer (İ → i + dot)', () => {
    const original = 'İstanbul và Ấn Độ';
    const f = foldForMatching(original);
    expect(f.text.length).toBe(original.length + 1);
    const s = f.text.indexOf('ấn');
    expect(original.slice(f.toOriginal(s), f.toOriginal(f.text.length))).toBe('Ấn Độ');
    expect(f.toOriginal(1)).toBe(0); // the added dot belongs to İ
  });

  it('handles empty text', () => {
    const f = foldForMatching('');
    expect(f.text).toBe('');
    expect(f.toOriginal(0)).toBe(0);
  });

  it('keeps the XNUMX placeholder and punctuation as they are (lower-cased)', () => {
    const f = foldForMatching('ngày 25 tháng XNUMX, Nhà Trắng');
    expect(f.text).toBe('ngày 25 tháng xnumx, nhà trắng');
    expect(f.toOriginal(f.text.indexOf(','))).toBe('ngày 25 tháng XNUMX'.length);
  });
});

describe('vietnameseShare', () => {
  it('tells Vietnamese prose from English, in NFC and NFD alike', () => {
    const vi = 'Bộ trưởng Quốc phòng Mỹ Lloyd Austin và Bộ trưởng Quốc phòng Nhật Bản khai mạc năm 2023.';
    const en = 'US Secretary of Defense Lloyd Austin and Japanese Minister of Defense opened 2023.';
    expect(vietnameseShare(vi).share).toBeGreaterThan(0.5);
    expect(vietnameseShare(vi.normalize('NFD')).share).toBeCloseTo(vietnameseShare(vi).share, 10);
    expect(vietnameseShare(en).share).toBe(0);
    expect(vietnameseShare('Bộ Quốc phòng Hoa Kỳ')).toEqual({ share: 0.8, words: 5 });
    expect(vietnameseShare('2023 2024')).toEqual({ share: 0, words: 0 });
  });

  it('leaves capitalised words (names) out when asked, but not words in capitals', () => {
    expect(vietnameseShare('General Secretary Tô Lâm visited Quảng Ninh', { names: false })).toEqual({ share: 0, words: 1 });
    expect(vietnameseShare('General Secretary Tô Lâm visited Quảng Ninh'.normalize('NFD'), { names: false })).toEqual({ share: 0, words: 1 });
    expect(vietnameseShare('Tô Lâm thăm tỉnh Quảng Ninh', { names: false })).toEqual({ share: 1, words: 2 });
    expect(vietnameseShare('TÔ LÂM THĂM TỈNH', { names: false })).toEqual({ share: 1, words: 4 });
  });
});
