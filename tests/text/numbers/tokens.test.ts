import { describe, expect, it } from 'vitest';
import { tokenize, type Folding } from '../../../src/text/numbers/tokens.js';
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
});
