import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/glossary/fix.js';
import { check, checkWith } from './helpers.js';

const SOURCE = 'Hai nước sẽ hợp tác phát triển Thiết bị đánh chặn pha bay (GPI).';

describe('term-forbidden', () => {
  it.each([
    ['the approved rendering', 'The two countries will co-develop the Glide Phase Interceptor (GPI).'],
    ['a hyphen variant of the approved rendering', 'The two countries will co-develop the Glide-Phase Interceptor (GPI).'],
  ])('accepts %s', (_label, target) => {
    expect(check(SOURCE, target).findings).toEqual([]);
  });

  it('names the rendering to use, not the article its fix keeps: "A Vietnam Marine Police representative"', () => {
    const yaml = `version: 1
entries:
  - id: vietnam-coast-guard
    vi: Cảnh sát biển Việt Nam
    en: Vietnam Coast Guard
    forbidden:
      - text: Vietnam Marine Police
`;
    const target = 'A Vietnam Marine Police representative said the vessel had been impounded.';
    const [finding] = checkWith(yaml, 'Đại diện Cảnh sát biển Việt Nam cho biết con tàu đã bị tạm giữ.', target, ['term-forbidden']).findings;
    expect(finding!.message).toBe('"Vietnam Marine Police" is a forbidden rendering of "Cảnh sát biển Việt Nam": use "Vietnam Coast Guard"');
    expect(finding!.fix).toEqual({ range: [2, 23], text: 'Vietnam Coast Guard' });
    expect(applyFixes(target, [finding!.fix!])).toBe('A Vietnam Coast Guard representative said the vessel had been impounded.');
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

describe('term-forbidden where the source paragraph lacks the term', () => {
  const cases: [string, string, string, 'error' | 'warning', boolean][] = [
    ['the term in the paragraph: an error with a safe fix', 'Hai bên ký Thỏa thuận An ninh Cung ứng.', 'Both sides signed a Supply Security Agreement.', 'error', false],
    ['the term only in another paragraph: a warning with an unsafe fix', 'Hai bên đã ký kết thỏa thuận.\n\nThỏa thuận An ninh Cung ứng.', 'Both sides signed a Supply Security Agreement.\n\nThe Security of Supply Arrangement.', 'warning', true],
    ['the term nowhere: a warning with an unsafe fix', 'Hai bên đã ký kết thỏa thuận.', 'Both sides signed a Supply Security Agreement.', 'warning', true],
  ];
  it.each(cases)('%s', (_name, source, target, severity, unsafe) => {
    const [finding, ...rest] = check(source, target).findings.filter((f) => f.ruleId === 'term-forbidden');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity, actual: 'Supply Security Agreement', fix: { text: 'Security of Supply Arrangement' } });
    // The article before it stays as it was, so the fix is the rendering's alone.
    expect(applyFixes(target, [finding!.fix!])).toContain('signed a Security of Supply Arrangement.');
    expect(Boolean(finding!.fix!.unsafe)).toBe(unsafe);
    if (unsafe) expect(finding!.note).toMatch(/^The source paragraph does not contain "Thỏa thuận An ninh Cung ứng".*--unsafe-fixes\.$/);
  });

  it('counts the term per paragraph: a second forbidden rendering beside a sourced one is still an error', () => {
    const findings = check('Thỏa thuận An ninh Cung ứng.', 'The Supply Security Agreement, that is, the Supply Security Agreement.').findings;
    expect(findings.map((f) => [f.severity, Boolean(f.fix?.unsafe)])).toEqual([
      ['error', false],
      ['error', false],
    ]);
  });
});
