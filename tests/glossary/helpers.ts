import type { GlossaryEntry } from '../../src/glossary/types.js';

/** A glossary entry with defaults for the fields a test does not care about. */
export function makeEntry(fields: Partial<GlossaryEntry> & Pick<GlossaryEntry, 'id' | 'vi' | 'en'>): GlossaryEntry {
  return {
    viVariants: [],
    accepted: [],
    forms: [],
    forbidden: [],
    caseSensitive: false,
    tests: [],
    location: { file: 'glossary.yaml', line: 1, column: 3 },
    ...fields,
  };
}

/** The entries most tests use: terms of the seed article (Japan–U.S. defence cooperation). */
export const gpi = makeEntry({
  id: 'glide-phase-interceptor',
  vi: 'Thiết bị đánh chặn pha bay',
  en: 'Glide Phase Interceptor',
  acronym: 'GPI',
  forbidden: [{ text: 'flight phase interceptor' }, { text: 'interceptor', use: 'Glide Phase Interceptor' }],
});
export const mou = makeEntry({ id: 'memorandum-of-understanding', vi: 'Biên bản ghi nhớ', en: 'Memorandum of Understanding', acronym: 'MOU' });
export const dod = makeEntry({
  id: 'us-department-of-defense',
  vi: 'Bộ Quốc phòng Hoa Kỳ',
  en: 'Department of Defense',
  accepted: ['Department of Defence'],
});
export const mod = makeEntry({ id: 'japan-ministry-of-defense', vi: 'Bộ Quốc phòng Nhật Bản', en: 'Ministry of Defense' });
export const jsdf = makeEntry({
  id: 'japan-self-defense-forces',
  vi: 'Lực lượng Phòng vệ Nhật Bản',
  en: 'Japan Self-Defense Forces',
  acronym: 'JSDF',
  caseSensitive: true,
});
export const sm = makeEntry({
  id: 'standard-missile',
  vi: 'Tên lửa Tiêu chuẩn',
  en: 'Standard Missile',
  acronym: 'SM',
  forbidden: [{ text: 'standard rocket' }],
});
export const entries = [gpi, mou, dod, mod, jsdf, sm];
