import { mulberry32 } from '../../src/compare/bootstrap.js';
import { describe, it, expect } from 'vitest';
import { maskText, selectSpans, unmaskText, type MaskedText, type ProtectedSpan } from '../../src/translate/placeholders.js';
import { joinSplit, splitLongText, splitText, planBatches } from '../../src/translate/batching.js';

const text = 'Ký Biên bản ghi nhớ (MOU) và `mã` tại [đây](https://example.vn)';
const term: ProtectedSpan = { start: text.indexOf('Biên'), end: text.indexOf(' (MOU)'), replacement: 'Memorandum of Understanding', kind: 'term' };
const code: ProtectedSpan = { start: text.indexOf('`'), end: text.lastIndexOf('`') + 1, replacement: '`mã`', kind: 'markup' };

describe('placeholders', () => {
  it('masks spans in text order and restores them', () => {
    const m = maskText(text, [code, term]);
    expect(m.text).toBe('Ký ⟦1⟧ (MOU) và ⟦2⟧ tại [đây](https://example.vn)');
    const r = unmaskText('Sign ⟦1⟧ (MOU) and ⟦2⟧ here', m);
    expect(r).toEqual({ text: 'Sign Memorandum of Understanding (MOU) and `mã` here', complete: true, lost: [] });
  });

  it('reports missing and duplicated tokens as lost and drops unknown ones', () => {
    const m = maskText(text, [code, term]);
    const r = unmaskText('Sign ⟦2⟧ ⟦2⟧ ⟦7⟧ here', m);
    expect(r.complete).toBe(false);
    expect(r.lost).toEqual([term, code]);
    expect(r.text).toBe('Sign    here');
    expect(unmaskText('Sign ⟦1⟧ ⟦2⟧ ⟦7⟧', m).complete).toBe(false);
  });

  it('lets markup win over an overlapping term, then longer spans', () => {
    const overlapping: ProtectedSpan = { start: 0, end: 10, replacement: 'x', kind: 'term' };
    const markup: ProtectedSpan = { start: 8, end: 12, replacement: 'y', kind: 'markup' };
    expect(selectSpans([overlapping, markup])).toEqual([markup]);
    expect(selectSpans([{ ...term, end: 10 }, term])).toEqual([term]);
  });
});

describe('splitLongText and planBatches', () => {
  it('falls back to spaces, then hard cuts, when a sentence is too long', () => {
    const parts = splitLongText('hợp tác quốc phòng Nhật Mỹ', 10);
    expect(parts.every((p) => p.length <= 10)).toBe(true);
    expect(parts.join(' ')).toBe('hợp tác quốc phòng Nhật Mỹ');
    expect(splitLongText('XNUMXXNUMXXNUMX', 5)).toEqual(['XNUMX', 'XNUMX', 'XNUMX']);
  });

  it('keeps an oversized item in a batch of its own', () => {
    const batches = planBatches([{ text: 'a'.repeat(3) }, { text: 'b'.repeat(20) }, { text: 'c' }], { maxTexts: 10, maxChars: 10 });
    expect(batches.map((b) => b.map((i) => i.text[0]).join(''))).toEqual(['a', 'b', 'c']);
  });
});

describe('splitText is exact', () => {
  it('keeps every space of repeated sentences (1,500 × "Câu dài. ")', () => {
    const text = 'Câu dài. '.repeat(1500);
    const split = splitText(text, 10_000);
    expect(split.parts).toHaveLength(2);
    expect(split.parts[1]!.startsWith('Câu dài. Câu dài.')).toBe(true);
    expect(split.parts.join(' ').length).toBe(text.trimEnd().length);
    expect(joinSplit(split.parts, split.separators)).toBe(text);
    expect(splitLongText(text, 10_000).join(' ')).toBe(text.trimEnd());
  });

  /** The project's seeded PRNG, so failures reproduce. */
  const rng = mulberry32;
  const PIECES = ['Câu dài.', 'Câu dài. ', ' ', '  ', '\n', '\n\n', '\t', 'hợp tác', 'Thỏa thuận'.normalize('NFD'), '⟦12⟧', '…', '!', '?', '"', '”', ')', 'XNUMX', '😀', 'a', '.', 'x'.repeat(37)];
  const check = (text: string, max: number): void => {
    const { parts, separators } = splitText(text, max);
    expect(joinSplit(parts, separators)).toBe(text);
    expect(separators).toHaveLength(parts.length + 1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(Math.max(max, text.length <= max ? text.length : 0));
    if (text.length > max) {
      for (const p of parts) expect(p.trim()).toBe(p);
      for (const p of parts) expect(p).not.toBe('');
      for (const s of separators) expect(s.trim()).toBe('');
    }
  };

  it('joins back to the input for random texts and limits (repeats, NFD, emoji, tokens, no sentence ends)', () => {
    const next = rng(20261126);
    for (let run = 0; run < 400; run++) {
      let text = '';
      const n = Math.floor(next() * 60);
      for (let i = 0; i < n; i++) text += PIECES[Math.floor(next() * PIECES.length)]!;
      const max = 1 + Math.floor(next() * 40);
      check(text, max);
    }
  });

  it('handles repeated sentences, no sentence ends, NFD text and a single over-long word', () => {
    check('Câu dài. '.repeat(200), 50);
    check('Câu dài.'.repeat(200), 50);
    check('không có dấu câu nào '.repeat(100), 33);
    check('Thỏa thuận hòa bình. '.normalize('NFD').repeat(50), 17);
    check('   ' + 'a'.repeat(1000) + '   ', 64);
    check('x'.repeat(25), 10);
    check('\n\n\n\n', 2);
  });

  it('never cuts a surrogate pair, a combining mark or a placeholder token when it can help it', () => {
    expect(splitText('😀😀😀', 3).parts).toEqual(['😀', '😀', '😀']);
    const nfd = 'ỏỏỏỏ'.normalize('NFD');
    expect(splitText(nfd, 3).parts.every((p) => !/^\p{M}/u.test(p))).toBe(true);
    expect(splitText('ab⟦12⟧cd', 5).parts).toEqual(['ab', '⟦12⟧c', 'd']);
  });
});

describe('capitalising terms put back at a sentence start', () => {
  const span = (replacement: string, kind: ProtectedSpan['kind'] = 'term'): ProtectedSpan => ({ start: 0, end: 1, replacement, kind });
  const masked = { text: '', spans: [span('state visit'), span('**', 'markup'), span('GPI'), span('iPhone'), span('e-commerce platform')] };
  const put = (translated: string): string => unmaskText(translated, masked).text;

  it('capitalises at the start of the text, after . ! ? … (and quotes), on a new line and after heading or list markers', () => {
    expect(put('⟦1⟧ took place in April.')).toBe('State visit took place in April.');
    expect(put('It was agreed. ⟦1⟧ follows.')).toBe('It was agreed. State visit follows.');
    expect(put('Really? "⟦1⟧" was the word.')).toBe('Really? "State visit" was the word.');
    expect(put('Done!\n⟦5⟧ next')).toBe('Done!\nE-commerce platform next');
    expect(put('At last… ⟦1⟧.')).toBe('At last… State visit.');
    expect(put('## ⟦1⟧')).toBe('## State visit');
    expect(put('- ⟦1⟧ in Tokyo')).toBe('- State visit in Tokyo');
    expect(put('⟦2⟧⟦1⟧ in Tokyo')).toBe('**State visit in Tokyo');
  });

  it('leaves terms inside a sentence, acronyms, capitalised or mixed-case renderings and markup as written', () => {
    expect(put('After the ⟦1⟧, talks began.')).toBe('After the state visit, talks began.');
    expect(put('Costs rose by 3.5 ⟦1⟧')).toBe('Costs rose by 3.5 state visit');
    expect(put('⟦3⟧ is a programme. ⟦4⟧ sales.')).toBe('GPI is a programme. iPhone sales.');
  });
});

describe('the sentence-start rule on texts of any shape and length', () => {
  /**
   * The rule as it reads in regular expressions (applied to everything put together before the
   * term): the oracle for the linear look-back that unmaskText uses instead.
   */
  const OPENERS_RE = /["'“‘«([*_~]*$/u;
  const SENTENCE_START_RE = /(?:^|\n)[ \t]*$|[.!?…]["'”’»)\]*_~]*\s+$|(?:^|\n)[ \t]*(?:>[ \t]*)*(?:#{1,6}|[-*+]|\d{1,9}[.)])[ \t]+$/u;
  const oracle = (translated: string, masked: MaskedText): string =>
    translated.replace(/⟦\s*(\d+)\s*⟧/g, (_, n: string, offset: number, whole: string) => {
      const span = masked.spans[Number(n) - 1]!;
      const before = whole.slice(0, offset).replace(/⟦\s*(\d+)\s*⟧/g, (_t, k: string) => masked.spans[Number(k) - 1]!.replacement);
      if (!SENTENCE_START_RE.test(before.replace(OPENERS_RE, ''))) return span.replacement;
      return span.replacement.charAt(0).toUpperCase() + span.replacement.slice(1);
    });

  it('agrees with the regular expressions on random texts of quotes, marks, markers, spaces and line breaks', () => {
    const pieces = ['.', '!', '?', '…', '"', "'", '“', '”', '‘', '’', '«', '»', '(', ')', '[', ']', '*', '_', '~', ' ', '  ', '\t', '\n', '\r\n', '\u00A0',
      '#', '##', '#######', '-', '+', '>', '> ', '1.', '12)', '1234567890.', 'x', 'Hà Nội', 'thăm', '3.5', 'e.g.'];
    // Terms in lower case (so a capital shows where the rule fired) and one replacement made of marks only.
    const masked: MaskedText = { text: '', spans: [{ start: 0, end: 1, replacement: 'state visit', kind: 'term' }, { start: 0, end: 1, replacement: 'ministry', kind: 'term' }] };
    const next = mulberry32(20261202);
    for (let run = 0; run < 3000; run++) {
      let translated = '';
      const n = 1 + Math.floor(next() * 14);
      for (let i = 0; i < n; i++) translated += next() < 0.25 ? `⟦${1 + Math.floor(next() * 2)}⟧` : pieces[Math.floor(next() * pieces.length)]!;
      // Each token once, as engines return them (repeats are "lost" and not put back).
      let used = 0;
      translated = translated.replace(/⟦\d⟧/g, () => (used++ < 1 ? '⟦1⟧' : used === 2 ? '⟦2⟧' : ''));
      const r = unmaskText(translated, masked);
      if (!r.complete) continue;
      expect(r.text, JSON.stringify(translated)).toBe(oracle(translated, masked));
    }
  });

  it('puts 20,000 terms back into one megabyte-long paragraph', () => {
    // One line, no paragraph break: "… in Tokyo. ⟦1⟧ and ⟦2⟧ met; …".
    const spans: ProtectedSpan[] = [];
    let translated = '';
    for (let i = 1; i <= 20_000; i++) {
      spans.push({ start: 0, end: 1, replacement: i % 2 ? 'state visit' : 'Glide Phase Interceptor', kind: 'term' });
      translated += `${i % 3 === 0 ? 'It was agreed in Tokyo.' : 'and then'} ⟦${i}⟧ ${'the delegations met again, '.repeat(1)}`;
    }
    translated = translated.padEnd(1_000_000, ' talks went on');
    const r = unmaskText(translated, { text: '', spans });
    expect(r.complete).toBe(true);
    expect(r.text).not.toContain('⟦');
    expect(r.text.match(/It was agreed in Tokyo\. State visit/g)).toHaveLength(3333);
    expect(r.text.match(/and then state visit/g)).toHaveLength(6667);
  });

  it('selects among 50,000 overlapping spans: markup first, then the longest, then the earliest', () => {
    const spans: ProtectedSpan[] = [];
    for (let i = 0; i < 25_000; i++) {
      spans.push({ start: i * 10, end: i * 10 + 6, replacement: 'x', kind: 'term' });
      // Every other markup span overlaps a term and wins; the rest sit in the gaps.
      spans.push({ start: i * 10 + (i % 2 ? 4 : 7), end: i * 10 + (i % 2 ? 8 : 9), replacement: '*', kind: 'markup' });
    }
    const kept = selectSpans(spans);
    const naive = (list: ProtectedSpan[]): ProtectedSpan[] => {
      const ranked = [...list].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'markup' ? -1 : 1) || b.end - b.start - (a.end - a.start) || a.start - b.start);
      const out: ProtectedSpan[] = [];
      for (const s of ranked) if (!out.some((k) => s.start < k.end && k.start < s.end)) out.push(s);
      return out.sort((a, b) => a.start - b.start);
    };
    expect(kept).toHaveLength(37_500);
    expect(kept.slice(0, 40)).toEqual(naive(spans.slice(0, 80)).slice(0, 40));
    for (let k = 1; k < kept.length; k++) expect(kept[k]!.start).toBeGreaterThanOrEqual(kept[k - 1]!.end);
  });
});
