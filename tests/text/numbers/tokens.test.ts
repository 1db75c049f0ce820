import { describe, expect, it } from 'vitest';
import { starters, tokenize, type Folding } from '../../../src/text/numbers/tokens.js';
import { foldSyllable } from '../../../src/text/vietnamese.js';

const vietnamese: Folding = { fold: (w) => foldSyllable(w), foldsY: true };
const english: Folding = { fold: (w) => w.toLowerCase(), foldsY: false };

// Plain ASCII words (lower and upper case, with and without a y), NFD and old tone marks, đ/Đ.
const VI = 'Quy hoạch Cong ty HYP của Bộ Quốc phòng Mỹ: hợp đồng 2,4 tỷ USD, ky kết ngày 10/4; Thuỷ quân, hoà bình, Đà Nẵng.'.normalize('NFD') + ' Nhat Ban, Ky thuat, "ty gia" 15%.';
const EN = 'The U.S. Navy ordered 400 SM-3 Block IIA interceptors for $2.4 billion; Japan\'s Type-03 "Chu-SAM" system, in April.';

describe('tokenize', () => {
  it("gives each Vietnamese word the key the matcher's folding gives it, on the fast path for plain ASCII words too", () => {
    const words = tokenize(VI, 0, VI.length, vietnamese).filter((t) => t.type === 'word');
    expect(words.length).toBeGreaterThan(25);
    for (const t of words) expect([t.text, t.key]).toEqual([t.text, foldSyllable(t.text)]);
    // A y in a plain ASCII word may be an i: the fold decides, not the lower case.
    expect(words.find((t) => t.text === 'Quy')!.key).toBe('qui');
    expect(words.find((t) => t.text === 'HYP')!.key).toBe('hip');
  });

  it("gives each English word its lower case, and leaves a lower-case word's key the word itself", () => {
    const tokens = tokenize(EN, 0, EN.length, english);
    for (const t of tokens) expect([t.text, t.key]).toEqual([t.text, t.type === 'word' ? t.text.toLowerCase() : t.text]);
    expect(tokens.map((t) => t.text).slice(0, 8)).toEqual(['The', 'U', '.', 'S', '.', 'Navy', 'ordered', '400']);
  });

  it('flags every word whose key may start a quantity, in any spelling, and passes over the others unfolded', () => {
    const keys = ['năm', 'hai', 'tháng', 'ngày', 'quí', 'đầu', 'mười', 'tỉ'];
    const starts = starters(keys.map((k) => foldSyllable(k)));
    // NFC and NFD, capitals, old tone placement ("qúy"), y for i ("tỷ", "Quý"), Ð (U+00D0) for Đ.
    const text = 'Năm 2024, HAI bên ký kết vào Tháng 4 và ngày 10; quý, Quý, qúy; Đầu năm, \u00D0ầu tháng; Mười tỷ, mười tỉ đồng. '
      + 'Năm hai tháng ngày ĐẦU Mười tỷ'.normalize('NFD');
    const words = tokenize(text, 0, text.length, vietnamese, starts).filter((t) => t.type === 'word');
    const folded = new Set(keys.map((k) => foldSyllable(k)));
    const flagged = words.filter((t) => folded.has(t.key));
    expect(flagged.length).toBeGreaterThan(20);
    for (const t of flagged) expect([t.text, t.mayStart]).toEqual([t.text, true]);
    // Words of other letters are not candidates (the point of the test: no fold, no copy for them).
    for (const word of ['bên', 'ký', 'kết', 'vào', 'và', 'đồng']) expect(words.find((t) => t.text === word)!.mayStart).toBe(false);
    // Without starters every word is a candidate.
    expect(tokenize(text, 0, text.length, vietnamese).every((t) => t.mayStart)).toBe(true);
  });

  it('says which words may hold a placeholder\'s "xnumx", whatever their case or marks', () => {
    const text = 'Nhật Bản mua XNUMX tên lửa, XNUMXth và xnumx; Nam Phi';
    const words = tokenize(text, 0, text.length, english).filter((t) => t.type === 'word');
    for (const t of words) expect([t.text, t.spellsX]).toEqual([t.text, t.key.includes('x')]);
  });
});
