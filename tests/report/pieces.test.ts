/**
 * Reports in pieces (what `vitrans check` writes, so a report of a million findings is never one
 * string): joined, the pieces are the formatter's text exactly, and no piece holds two findings.
 */
import { describe, it, expect } from 'vitest';
import { jsonItems, jsonPieces } from '../../src/report/json-pieces.js';
import { checkFormatters, checkReporters, CHECK_FORMATS } from '../../src/report/index.js';
import type { Finding } from '../../src/core/types.js';
import type { CheckReport } from '../../src/report/types.js';
import { cleanReport, forbiddenGpi, report, suppressedReport } from './check-fixtures.js';

describe('jsonPieces', () => {
  const values: [string, unknown][] = [
    ['an empty object', {}],
    ['an empty array', []],
    ['primitives', [1, -0.5, 'Bộ Quốc phòng'.normalize('NFD'), true, null]],
    ['nested empties', { a: [], b: {}, c: [[], [{}]], d: { e: { f: [] } } }],
    ['what JSON.stringify leaves out or turns to null', { gone: undefined, fn: () => 1, kept: 0, list: [undefined, () => 1, 2] }],
    ['a date and a string with line breaks and quotes', { at: new Date(Date.UTC(2024, 3, 10)), text: 'dòng một\n"dòng hai"\r\n\ttab \u2028' }],
    ['a report-shaped document', { version: 1, files: [{ source: 'a.vi.txt', translations: ['a.en.txt'] }], findings: [{ span: { start: { line: 1 } } }], terms: [] }],
  ];

  it.each(values)('joins to JSON.stringify(value, null, 2) for %s', (_, value) => {
    expect([...jsonPieces(value)].join('')).toBe(JSON.stringify(value, null, 2));
  });

  it('writes a jsonItems array as the array it stands for, at any depth, empty or not', () => {
    const items = [{ vi: 'Thiết bị đánh chặn pha bay', en: ['Glide Phase Interceptor', 'GPI'] }, { nested: { list: [1, 2] } }, 'Hiệp định An ninh Cung ứng', 7];
    const cases: [unknown, unknown][] = [
      [jsonItems(items), items],
      [{ runs: [{ results: jsonItems(items), tail: 1 }] }, { runs: [{ results: items, tail: 1 }] }],
      [{ findings: jsonItems([]), terms: jsonItems([undefined]) }, { findings: [], terms: [null] }],
    ];
    for (const [lazy, plain] of cases) expect([...jsonPieces(lazy)].join('')).toBe(JSON.stringify(plain, null, 2));
  });

  it('reads a jsonItems array as it is written, one item per piece', () => {
    let read = 0;
    function* findings(): Generator<{ n: number }> {
      for (let n = 0; n < 1000; n++) {
        read++;
        yield { n };
      }
    }
    const pieces = jsonPieces({ findings: jsonItems(findings()) });
    const taken: string[] = [];
    for (const piece of pieces) {
      taken.push(piece);
      if (taken.length === 5) break;
    }
    // The opening of the object and of its array, then one item per piece.
    expect(read).toBeLessThanOrEqual(5);
    expect(taken.slice(1, 4).map((p) => JSON.parse(p.replace(/^[[,]\s*/, '')) as unknown)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
  });
});

describe('checkReporters', () => {
  // Many findings, one of them quoting a long text: a piece may hold one finding, never two.
  const many: Finding[] = Array.from({ length: 300 }, (_, i) => ({ ...forbiddenGpi, paragraph: i + 1, span: { start: { line: i + 1, column: 3, offset: i * 100 }, end: { line: i + 1, column: 27, offset: i * 100 + 24 } } }));
  const big: CheckReport = { ...report, findings: [...report.findings, ...many] };

  it.each(CHECK_FORMATS)('%s: the pieces join to the formatted report', (format) => {
    for (const r of [report, cleanReport, suppressedReport, big]) {
      const opts = { color: true, width: 80, version: '1.2.3' };
      const pieces = [...checkReporters[format](r, opts)];
      expect(pieces.every((p) => typeof p === 'string')).toBe(true);
      expect(pieces.join('')).toBe(checkFormatters[format](r, opts));
    }
  });

  it.each(CHECK_FORMATS.filter((f) => f !== 'markdown'))('%s: a piece for each finding, none holding two', (format) => {
    const pieces = [...checkReporters[format](big, { color: false, width: undefined, version: '1.2.3' })];
    // Every finding of `many` names the rendering it found; count them piece by piece.
    const findingsIn = pieces.map((p) => p.split('should be rendered').length - 1);
    expect(findingsIn.filter((n) => n === 1).length).toBeGreaterThanOrEqual(many.length);
    expect(findingsIn.every((n) => n <= 1)).toBe(true);
  });
});
