import { describe, expect, it } from 'vitest';
import { sentenceSpans } from '../../src/text/sentences.js';

const sentences = (text: string) => sentenceSpans(text).map(([s, e]) => text.slice(s, e));

describe('sentenceSpans', () => {
  it.each([
    ['Vietnamese sentences', 'Ông Austin đến Tokyo. Hai bên ký MOU.', ['Ông Austin đến Tokyo.', 'Hai bên ký MOU.']],
    ['abbreviations and initials', 'The U.S. and Japan agreed. Mr. Kihara met J. Austin at 5 p.m. on Jan. 12.', ['The U.S. and Japan agreed.', 'Mr. Kihara met J. Austin at 5 p.m. on Jan. 12.']],
    ['questions, exclamations, an ellipsis', 'Will Japan pay? It will! And more… Then done.', ['Will Japan pay?', 'It will!', 'And more…', 'Then done.']],
    ['closing quotes and brackets go with the sentence', 'He said: "It is done." (Reuters.) Next.', ['He said: "It is done."', '(Reuters.)', 'Next.']],
    ['a decimal point and a lower-case continuation', 'Giá 2.4 tỷ USD. phòng thủ tên lửa đạn đạo. bao gồm SM-3.', ['Giá 2.4 tỷ USD. phòng thủ tên lửa đạn đạo. bao gồm SM-3.']],
    ['the stray ". ." of machine output', 'niềm tin chung cao hơn. . Ngoài ra, hai nước', ['niềm tin chung cao hơn. .', 'Ngoài ra, hai nước']],
    ['Vietnamese abbreviations', 'TP. Hồ Chí Minh đón đoàn. Q. Ba Đình cũng vậy.', ['TP. Hồ Chí Minh đón đoàn.', 'Q. Ba Đình cũng vậy.']],
    ['NFD text', 'Hai bên ký. Đó là bước tiến.'.normalize('NFD'), ['Hai bên ký.', 'Đó là bước tiến.'].map((s) => s.normalize('NFD'))],
    ['surrounding whitespace', '  One.   Two.  ', ['One.', 'Two.']],
    ['a unit of area ends a sentence before a capital; "a.m." before a name goes on', 'They searched some 1,500sq.km. As of 9 a.m. Hanoi time, no one was found.', ['They searched some 1,500sq.km.', 'As of 9 a.m. Hanoi time, no one was found.']],
  ])('%s', (_name, text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it('works on a range of a larger text, with offsets into it', () => {
    const text = 'Title\n\nFirst one. Second one.\n\nLast';
    const from = text.indexOf('First');
    const spans = sentenceSpans(text, from, text.indexOf('\n\nLast'));
    expect(spans).toEqual([
      [from, from + 10],
      [from + 11, from + 22],
    ]);
  });
});
