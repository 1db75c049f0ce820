import { describe, expect, it } from 'vitest';
import { bytesPerCharacter } from './representation.js';
import { compactText, detachEach } from '../../src/core/detach.js';
import type { Finding } from '../../src/core/types.js';


describe('compactText', () => {
  it('holds English put together from two-byte pieces one byte a character, the same text', () => {
    const answer = 'The ⟦1⟧ was signed in Tokyo.';
    const english = answer.replace('⟦1⟧', 'Memorandum of Understanding');
    expect(bytesPerCharacter(english)).toBe(2);
    const compact = compactText(english);
    expect(compact).toBe('The Memorandum of Understanding was signed in Tokyo.');
    expect(bytesPerCharacter(compact)).toBe(1);
  });

  it('keeps Latin-1 letters and leaves text beyond them (Vietnamese, curly quotes, emoji) as it is', () => {
    expect(compactText('Café “Hà Nội”'.replace('“Hà Nội”', 'Zürich'))).toBe('Café Zürich');
    expect(bytesPerCharacter(compactText('Café “Hà Nội”'.replace('“Hà Nội”', 'Zürich')))).toBe(1);
    const vietnamese = 'Bộ Quốc phòng Nhật Bản và Bộ Quốc phòng Mỹ 👍';
    expect(compactText(vietnamese)).toBe(vietnamese);
  });
});

describe('detachEach', () => {
  it('replaces each item by a copy of its own, in the same array', () => {
    const text = 'Nhật Bản và Mỹ ký Biên bản ghi nhớ về hợp tác công nghiệp quốc phòng.';
    const findings: Finding[] = [
      { ruleId: 'term-missing', severity: 'warning', message: '"Biên bản ghi nhớ" is not rendered "Memorandum of Understanding"', file: 'a.en.txt', paragraph: 1, source: { file: 'a.vi.txt', span: { start: { line: 1, column: 19, offset: 18 }, end: { line: 1, column: 35, offset: 34 } }, text: text.slice(18, 34) }, note: undefined },
      { ruleId: 'number-mismatch', severity: 'error', message: '"2024" is not in the source', file: 'a.en.txt', paragraph: 1, actual: '2024' },
    ];
    const originals = [...findings];
    const copies = detachEach(findings);
    expect(copies).toBe(findings);
    expect(copies).toEqual(originals.map((f) => JSON.parse(JSON.stringify(f)) as Finding));
    copies.forEach((f, i) => expect(f).not.toBe(originals[i]));
    expect(copies[0]!.source!.text).toBe('Biên bản ghi nhớ');
    expect('note' in copies[0]!).toBe(false);
  });
});
