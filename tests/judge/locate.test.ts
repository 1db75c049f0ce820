import { describe, it, expect } from 'vitest';
import { locateErrors, locateQuote } from '../../src/judge/locate.js';
import type { JudgeError } from '../../src/judge/types.js';

const TRANSLATION = 'US Defense Minister Lloyd Austin signed the “Supply Security Agreement” (SOSA) with the Japanese Ministry of Defense.';
const SOURCE = 'Bộ trưởng Quốc phòng Mỹ Lloyd Austin ký kết Thoả thuận An ninh Cung ứng (SOSA) với Bộ Quốc phòng Nhật Bản.';

const error = (span: string, extra: Partial<JudgeError> = {}): JudgeError => ({ category: 'terminology', label: 'terminology', severity: 'major', span, side: 'translation', ...extra });

describe('locateQuote', () => {
  it('finds the words as written', () => {
    const at = locateQuote(TRANSLATION, 'Supply Security Agreement');
    expect(at).toEqual({ start: 45, end: 70, location: 'exact', occurrences: 1 });
    expect(TRANSLATION.slice(at.start, at.end)).toBe('Supply Security Agreement');
  });

  it('finds words quoted with other case, spacing and quotes, at their place in the text', () => {
    const at = locateQuote(TRANSLATION, '"supply  security\nagreement"');
    expect(at.location).toBe('folded');
    // The judge's own quotes go; the words are found between the text's curly ones.
    expect(TRANSLATION.slice(at.start, at.end)).toBe('Supply Security Agreement');
    const bare = locateQuote(TRANSLATION, '...US defense minister...');
    expect(TRANSLATION.slice(bare.start, bare.end)).toBe('US Defense Minister');
  });

  it('finds a Vietnamese quote written in NFD and with old tone placement folded to the text\'s NFC', () => {
    const at = locateQuote(SOURCE, 'Thoả thuận An ninh Cung ứng'.normalize('NFD'));
    expect(at.location).toBe('exact');
    expect(SOURCE.slice(at.start, at.end)).toBe('Thoả thuận An ninh Cung ứng');
  });

  it('finds a quote whose final full stop the text does not have there', () => {
    const at = locateQuote(TRANSLATION, 'with the Japanese Ministry of Defence.');
    expect(at.location).toBe('not-found');
    const stop = locateQuote('Kishida visited Washington, then Tokyo', 'visited Washington.');
    expect(stop).toMatchObject({ start: 8, end: 26, location: 'folded' });
  });

  it('gives a quote that is not in the text no position', () => {
    expect(locateQuote(TRANSLATION, 'Security of Supply Arrangement')).toEqual({ location: 'not-found', occurrences: 0 });
    expect(locateQuote(TRANSLATION, '   ')).toEqual({ location: 'not-found', occurrences: 0 });
  });
});

describe('locateErrors', () => {
  const text = 'The ministry said the ministry would review the ministry budget.';

  it('places repeated words by the order of the list and says the place is a guess', () => {
    const spans = locateErrors([error('the ministry', { category: 'style' }), error('the ministry', { category: 'style' }), error('ministry budget', { category: 'fluency/grammar' })], { source: '', translation: text });
    expect(spans.map((s) => [s.start, s.end, s.occurrences, s.ambiguous])).toEqual([
      [18, 30, 2, true],
      // The same words reported twice are two errors: the second takes the next occurrence.
      [44, 56, 2, true],
      [48, 63, 1, undefined],
    ]);
    expect(text.slice(48, 63)).toBe('ministry budget');
  });

  it('keeps overlapping spans, both with their own place', () => {
    const spans = locateErrors([error('Supply Security Agreement'), error('Security Agreement” (SOSA)', { category: 'fluency/punctuation', severity: 'minor' })], { source: SOURCE, translation: TRANSLATION });
    expect(spans.map((s) => s.found)).toEqual(['Supply Security Agreement', 'Security Agreement” (SOSA)']);
    expect(spans[1]!.start!).toBeLessThan(spans[0]!.end!);
  });

  it('looks for an omission in the source, and in the translation when it was quoted there', () => {
    const [inSource, inTranslation] = locateErrors(
      [error('với Bộ Quốc phòng Nhật Bản', { category: 'accuracy/omission', side: 'source' }), error('with the Japanese Ministry of Defense', { category: 'accuracy/omission', side: 'source' })],
      { source: SOURCE, translation: TRANSLATION },
    );
    expect(inSource).toMatchObject({ side: 'source', location: 'exact', found: 'với Bộ Quốc phòng Nhật Bản' });
    expect(inTranslation).toMatchObject({ side: 'translation', location: 'exact' });
  });

  it('never moves a translation error into the source', () => {
    const [s] = locateErrors([error('Lloyd Austin ký kết')], { source: SOURCE, translation: TRANSLATION });
    expect(s).toMatchObject({ side: 'translation', location: 'not-found', occurrences: 0 });
    expect(s!.start).toBeUndefined();
  });
});
