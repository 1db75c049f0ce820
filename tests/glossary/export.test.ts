import { describe, it, expect } from 'vitest';
import { GlossaryError } from '../../src/core/errors.js';
import { exportGlossary, termPairs } from '../../src/glossary/export.js';
import { parseGlossary } from '../../src/glossary/load.js';
import type { Glossary } from '../../src/glossary/types.js';
import { makeEntry } from './helpers.js';

const glossary = parseGlossary(
  [
    'version: 1',
    'entries:',
    '  - vi: Thiết bị đánh chặn pha bay',
    '    vi_variants: [Thiết bị đánh chặn giai đoạn lướt]',
    '    en: Glide Phase Interceptor',
    '  - vi: Thoả thuận An ninh Cung ứng',
    '    en: Security of Supply Arrangement',
    '  - vi: Tên lửa Tiêu chuẩn',
    '    en: Standard Missile "SM-3", Block IIA',
    '',
  ].join('\n'),
  'glossary.yaml',
);

function glossaryOf(entries: Glossary['entries']): Glossary {
  return { file: 'glossary.yaml', version: 1, sourceLanguage: 'vi', targetLanguage: 'en', entries, hash: 'h' };
}

describe('termPairs', () => {
  it('maps vi and every vi_variants item to en, in glossary order', () => {
    expect(termPairs(glossary)).toEqual([
      { source: 'Thiết bị đánh chặn pha bay', target: 'Glide Phase Interceptor' },
      { source: 'Thiết bị đánh chặn giai đoạn lướt', target: 'Glide Phase Interceptor' },
      { source: 'Thoả thuận An ninh Cung ứng', target: 'Security of Supply Arrangement' },
      { source: 'Tên lửa Tiêu chuẩn', target: 'Standard Missile "SM-3", Block IIA' },
    ]);
  });

  it('lists an identical pair once', () => {
    const a = makeEntry({ id: 'a', vi: 'Bộ Quốc phòng', en: 'Ministry of Defense', viVariants: ['Bộ Quốc phòng'] });
    expect(termPairs(glossaryOf([a]))).toHaveLength(1);
  });
});

describe('exportGlossary google-csv', () => {
  it('writes a unidirectional glossary without header, quoting fields as RFC 4180', () => {
    expect(exportGlossary(glossary, 'google-csv')).toBe(
      'Thiết bị đánh chặn pha bay,Glide Phase Interceptor\r\n' +
        'Thiết bị đánh chặn giai đoạn lướt,Glide Phase Interceptor\r\n' +
        'Thoả thuận An ninh Cung ứng,Security of Supply Arrangement\r\n' +
        'Tên lửa Tiêu chuẩn,"Standard Missile ""SM-3"", Block IIA"\r\n',
    );
  });

  it('writes a header of language codes for an equivalent-term-sets glossary when asked', () => {
    const csv = exportGlossary(glossary, 'google-csv', { header: true });
    expect(csv.split('\r\n').slice(0, 2)).toEqual(['vi,en', 'Thiết bị đánh chặn pha bay,Glide Phase Interceptor']);
  });

  it('quotes a field holding a line break', () => {
    const e = makeEntry({ id: 'x', vi: 'Nhà Trắng', en: 'White\nHouse' });
    expect(exportGlossary(glossaryOf([e]), 'google-csv')).toBe('Nhà Trắng,"White\nHouse"\r\n');
  });
});

describe('exportGlossary deepl-tsv', () => {
  it('writes source<TAB>target lines with no header', () => {
    const tsv = exportGlossary(glossary, 'deepl-tsv');
    expect(tsv.split('\n')).toEqual([
      'Thiết bị đánh chặn pha bay\tGlide Phase Interceptor',
      'Thiết bị đánh chặn giai đoạn lướt\tGlide Phase Interceptor',
      'Thoả thuận An ninh Cung ứng\tSecurity of Supply Arrangement',
      'Tên lửa Tiêu chuẩn\tStandard Missile "SM-3", Block IIA',
      '',
    ]);
  });

  it.each([
    ['a tab', 'Glide\tPhase Interceptor', /cannot contain a tab/],
    ['a line break', 'Glide Phase\nInterceptor', /cannot contain a line break/],
    ['a Unicode line separator', 'Glide Phase\u2028Interceptor', /cannot contain a line break/],
    ['a C1 control character', 'Glide Phase\u0085Interceptor', /control character U\+0085/],
  ])('refuses a term with %s, pointing at its entry', (_name, en, message) => {
    const e = makeEntry({ id: 'gpi', vi: 'Thiết bị đánh chặn pha bay', en, location: { file: 'glossary.yaml', line: 12, column: 5 } });
    let error: unknown;
    try {
      exportGlossary(glossaryOf([e]), 'deepl-tsv');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GlossaryError);
    expect((error as GlossaryError).message).toMatch(message);
    expect((error as GlossaryError).location).toEqual({ file: 'glossary.yaml', line: 12, column: 5 });
  });

  it('refuses one source with two targets', () => {
    const a = makeEntry({ id: 'a', vi: 'Bộ Quốc phòng', en: 'Ministry of Defense' });
    const b = makeEntry({ id: 'b', vi: 'Bộ Quốc phòng', en: 'Department of Defense', location: { file: 'glossary.yaml', line: 9, column: 5 } });
    expect(() => exportGlossary(glossaryOf([a, b]), 'deepl-tsv')).toThrow(
      /one target per source, but "Bộ Quốc phòng" maps to "Ministry of Defense" and "Department of Defense"/,
    );
    // Google's CSV has no such rule.
    expect(exportGlossary(glossaryOf([a, b]), 'google-csv').split('\r\n')).toHaveLength(3);
  });
});
