import { describe, it, expect } from 'vitest';
import { charDiff, diffStats, tokenize, wordDiff } from '../../src/compare/diff.js';
import type { DiffOp } from '../../src/compare/types.js';
import { mulberry32 } from '../../src/compare/bootstrap.js';

/** The two texts a diff stands between: pivot (equal + delete) and other (equal + insert). */
function sides(ops: readonly DiffOp[]): [string, string] {
  return [
    ops.filter((o) => o.op !== 'insert').map((o) => o.text).join(''),
    ops.filter((o) => o.op !== 'delete').map((o) => o.text).join(''),
  ];
}

describe('tokenize', () => {
  it('gives back the text exactly when joined, NFD and old-style tone marks included', () => {
    const texts = [
      'Thoả thuận An ninh Cung ứng (SOSA) – hoà bình, thuỷ lợi.',
      'Thỏa thuận hòa bình'.normalize('NFD'),
      'Vào ngày 25 tháng XNUMX,  Nhà Trắng\tcông bố…\n\nĐoạn 2 🚀 end',
    ];
    for (const t of texts) expect(tokenize(t).map((x) => x.text).join('')).toBe(t);
  });

  it('keeps a syllable in NFD one word (combining marks belong to the word)', () => {
    const nfd = 'thuỷ lợi'.normalize('NFD');
    expect(tokenize(nfd).filter((t) => t.kind === 'word').map((t) => t.text)).toEqual(['thuỷ'.normalize('NFD'), 'lợi'.normalize('NFD')]);
  });

  it('keeps internal apostrophes and hyphens in words, splits other punctuation and whitespace runs', () => {
    expect(tokenize("don't Indo-Pacific, (RDT&E)  x").map((t) => [t.kind, t.text])).toEqual([
      ['word', "don't"],
      ['space', ' '],
      ['word', 'Indo-Pacific'],
      ['punct', ','],
      ['space', ' '],
      ['punct', '('],
      ['word', 'RDT'],
      ['punct', '&'],
      ['word', 'E'],
      ['punct', ')'],
      ['space', '  '],
      ['word', 'x'],
    ]);
  });

  it('does not join a trailing hyphen or apostrophe to the word', () => {
    expect(tokenize("XNUMX- states'").map((t) => t.text)).toEqual(['XNUMX', '-', ' ', 'states', "'"]);
  });
});

describe('wordDiff', () => {
  it('marks a one-word substitution and fills the character-level diff', () => {
    const ops = wordDiff('the Glide Phase Interceptor program', 'the Glide Phase Interceptors program');
    expect(ops).toEqual([
      { op: 'equal', text: 'the Glide Phase ' },
      { op: 'delete', text: 'Interceptor', chars: [{ op: 'equal', text: 'Interceptor' }] },
      {
        op: 'insert',
        text: 'Interceptors',
        chars: [
          { op: 'equal', text: 'Interceptor' },
          { op: 'insert', text: 's' },
        ],
      },
      { op: 'equal', text: ' program' },
    ]);
  });

  it('diffs whole words, never inside a word, without a character pass for multi-word changes', () => {
    const ops = wordDiff('signed the Security of Supply Arrangement', 'signed the Supply Security Agreement');
    const [a, b] = sides(ops);
    expect(a).toBe('signed the Security of Supply Arrangement');
    expect(b).toBe('signed the Supply Security Agreement');
    for (const op of ops) {
      // Every op boundary falls between tokens: re-tokenising an op gives whole tokens of the input.
      expect(tokenize(op.text).map((t) => t.text).join('')).toBe(op.text);
      if (op.op !== 'equal' && tokenize(op.text).filter((t) => t.kind === 'word').length > 1) expect(op.chars).toBeUndefined();
    }
    expect(ops.some((o) => o.op === 'delete' && o.text.includes('Arrangement'))).toBe(true);
  });

  it('compares tone marks by character cluster: hoà vs hòa differs, NFD marks stay with their letter', () => {
    const a = 'Hoà Bình'.normalize('NFD');
    const b = 'Hòa Bình'.normalize('NFD');
    const ops = wordDiff(a, b);
    const del = ops.find((o) => o.op === 'delete')!;
    const ins = ops.find((o) => o.op === 'insert')!;
    expect(del.text).toBe('Hoà'.normalize('NFD'));
    expect(ins.text).toBe('Hòa'.normalize('NFD'));
    // No char step starts with a lone combining mark.
    for (const c of [...del.chars!, ...ins.chars!]) expect(c.text).not.toMatch(/^\p{M}/u);
    expect(ins.chars!.map((c) => c.text).join('')).toBe(ins.text);
  });

  it('gives a single equal op for identical texts and handles empty sides', () => {
    expect(wordDiff('Thoả thuận XNUMX.', 'Thoả thuận XNUMX.')).toEqual([{ op: 'equal', text: 'Thoả thuận XNUMX.' }]);
    expect(wordDiff('', 'Hello')).toEqual([{ op: 'insert', text: 'Hello' }]);
    expect(wordDiff('Hello', '')).toEqual([{ op: 'delete', text: 'Hello' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('does not over-merge: unchanged words between two edits stay equal', () => {
    const ops = wordDiff('On March 25 the White House announced', 'On XNUMX 25 the White House declared');
    expect(ops.filter((o) => o.op === 'equal').map((o) => o.text)).toEqual(['On ', ' 25 the White House ']);
  });

  it('stays exact beyond 6,400 distinct tokens (supplementary private-use code points, surrogate pairs)', () => {
    const rand = mulberry32(7);
    const words = Array.from({ length: 9000 }, (_, i) => `w${i}`);
    const a = words.join(' ');
    // Edits in the region encoded as surrogate pairs (tokens past the first 6,400 distinct ones),
    // including neighbours whose code points share a high surrogate.
    const b = [...words];
    for (let k = 0; k < 40; k++) {
      const i = 3300 + Math.floor(rand() * 5600);
      const r = rand();
      if (r < 0.4) b[i] = `x${i}`;
      else if (r < 0.7) b[i] = `${b[i]} extra${k}`;
      else b[i] = '';
    }
    const bText = b.filter((w) => w !== '').join(' ');
    const ops = wordDiff(a, bText);
    expect(sides(ops)).toEqual([a, bText]);
    // A substitution of one high-numbered token is reported as that word, not a split pair.
    const one = wordDiff(a, a.replace('w8000', 'w8001x'));
    expect(one.filter((o) => o.op !== 'equal').map((o) => [o.op, o.text])).toEqual([
      ['delete', 'w8000'],
      ['insert', 'w8001x'],
    ]);
  });

  it('substitutes adjacent high-numbered tokens whose codes differ only in the low surrogate', () => {
    // Distinct tokens are numbered in order of appearance (t0, ' ', t1, ...), so t6600 and t6601
    // map to neighbouring code points past U+F0000 that share a high surrogate: swapping them
    // must still decode to whole words.
    const words = Array.from({ length: 7000 }, (_, i) => `t${i}`);
    const a = words.join(' ');
    const swapped = [...words];
    [swapped[6600], swapped[6601]] = [swapped[6601]!, swapped[6600]!];
    const b = swapped.join(' ');
    const ops = wordDiff(a, b);
    expect(sides(ops)).toEqual([a, b]);
    const changedWords = ops
      .filter((o) => o.op !== 'equal')
      .flatMap((o) => tokenize(o.text).filter((t) => t.kind === 'word').map((t) => t.text));
    expect(new Set(changedWords)).toEqual(new Set(['t6600', 't6601']));
  });
});

describe('charDiff and diffStats', () => {
  it('diffs two words by character', () => {
    expect(charDiff('Defense', 'Defence')).toEqual([
      { op: 'equal', text: 'Defen' },
      { op: 'delete', text: 's' },
      { op: 'insert', text: 'c' },
      { op: 'equal', text: 'e' },
    ]);
  });

  it('counts words kept, removed and added', () => {
    expect(diffStats(wordDiff('Memorandum of Understanding (MOU)', 'Memoranda of Understanding, MOU'))).toEqual({
      equal: 3,
      deleted: 1,
      inserted: 1,
    });
  });
});

describe('wordDiff of paragraphs with more distinct words than code points to stand for them', () => {
  it('still diffs exactly a paragraph of 200,000 distinct numbers with a few edits', () => {
    const a = Array.from({ length: 200_000 }, (_, i) => `${i + 1}`).join(' ');
    const b = a.replace(' 1234 ', ' một nghìn hai trăm ba mươi tư ').replace(' 150000 ', ' ').replace(/ 199999 /, ' 199999 200001 ');
    const ops = wordDiff(a, b);
    expect(ops.filter((o) => o.op !== 'insert').map((o) => o.text).join('')).toBe(a);
    expect(ops.filter((o) => o.op !== 'delete').map((o) => o.text).join('')).toBe(b);
    expect(ops.filter((o) => o.op === 'delete').map((o) => o.text.trim())).toEqual(['1234', '150000']);
  });
});
