import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/glossary/fix.js';
import { check } from './helpers.js';

const SOURCE = 'Hai nước sẽ hợp tác phát triển Thiết bị đánh chặn pha bay (GPI).';

describe('term-forbidden', () => {
  it.each([
    ['the approved rendering', 'The two countries will co-develop the Glide Phase Interceptor (GPI).'],
    ['a hyphen variant of the approved rendering', 'The two countries will co-develop the Glide-Phase Interceptor (GPI).'],
  ])('accepts %s', (_label, target) => {
    expect(check(SOURCE, target).findings).toEqual([]);
  });

  it('reports a forbidden rendering with its place, the approved rendering and a fix', () => {
    const target = 'The two countries will co-develop the flight phase interceptor (GPI).';
    const [finding, ...rest] = check(SOURCE, target).findings.filter((f) => f.ruleId === 'term-forbidden');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      ruleId: 'term-forbidden',
      severity: 'error',
      file: 'a.en.txt',
      paragraph: 1,
      termId: 'glide-phase-interceptor',
      actual: 'flight phase interceptor',
      expected: ['Glide Phase Interceptor'],
      span: { start: { line: 1, column: 39 }, end: { line: 1, column: 63 } },
      source: { file: 'a.vi.txt', text: 'Thiết bị đánh chặn pha bay', span: { start: { line: 1, column: 32 } } },
    });
    expect(applyFixes(target, [finding!.fix!])).toBe('The two countries will co-develop the Glide Phase Interceptor (GPI).');
  });

  it('uses the replacement the forbidden item names, keeping the plural', () => {
    const source = 'Bộ Quốc phòng Nhật Bản đã ký.\n\nBộ Quốc phòng Nhật Bản và các cơ quan khác.';
    const target = 'The Japanese Department of Defense signed.\n\nBoth Japanese Departments of Defense and other agencies.';
    const findings = check(source, target).findings.filter((f) => f.ruleId === 'term-forbidden');
    expect(findings.map((f) => [f.paragraph, f.fix?.text])).toEqual([
      [1, 'Japanese Ministry of Defense'],
      [2, 'Japanese Ministries of Defense'],
    ]);
  });

  it('finds a forbidden rendering even where the source lacks the term', () => {
    const findings = check('Hai bên đã ký kết thỏa thuận.', 'Both sides signed a Supply Security Agreement.').findings;
    expect(findings.map((f) => f.ruleId)).toEqual(['term-forbidden']);
    expect(findings[0]!.source).toBeUndefined();
  });
});
