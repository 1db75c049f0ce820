import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { clearWinner, findMojibake, readLegacyCandidates, scoreVietnamese, vniToUnicode } from '../../src/text/legacy.js';

const SEED = readFileSync(new URL('./fixtures/seed-000.txt', import.meta.url), 'utf8');

describe('vniToUnicode', () => {
  it('reads VNI font text', () => {
    expect(vniToUnicode('Vieät Nam')).toBe('Việt Nam');
    expect(vniToUnicode('Thieát bò ñaùnh chaën pha bay')).toBe('Thiết bị đánh chặn pha bay');
    expect(vniToUnicode('NÖÔÙC')).toBe('NƯỚC');
  });
});

describe('scoreVietnamese', () => {
  it('scores real Vietnamese high and mojibake low', () => {
    expect(scoreVietnamese(SEED).share).toBeGreaterThan(0.95);
    expect(scoreVietnamese('ThiÕt bÞ ®¸nh chÆn').share).toBe(0);
    expect(scoreVietnamese('Logo Zephyrnet')).toEqual({ words: 0, syllables: 0, share: 0 });
  });
});

describe('readLegacyCandidates / clearWinner', () => {
  it('picks the encoding a legacy file was written in, even from a short sample', () => {
    for (const [encoding, guess] of [
      ['tcvn', 'tcvn3'],
      ['viscii', 'viscii'],
    ] as const) {
      const readings = readLegacyCandidates(iconv.encode(SEED, encoding).subarray(0, 400));
      expect(clearWinner(readings)?.guess).toBe(guess);
    }
  });

  it('names no winner when no reading looks Vietnamese', () => {
    expect(clearWinner(readLegacyCandidates(Buffer.from([0x61, 0xff, 0x62])))).toBeUndefined();
  });
});

describe('findMojibake', () => {
  it('finds nothing in clean Vietnamese (NFC or NFD)', () => {
    expect(findMojibake(SEED)).toBeUndefined();
    expect(findMojibake(SEED.normalize('NFD'))).toBeUndefined();
  });

  it('points at the first legacy-font word and how it would read', () => {
    expect(findMojibake('Hai nước hợp tác phát triển ThiÕt bÞ ®¸nh chÆn pha bay')).toEqual({
      guess: 'tcvn3',
      offset: 28,
      sample: 'ThiÕt',
      repaired: 'Thiết',
    });
  });

  it('repairs a double-encoded word', () => {
    const text = 'Chương trình Thiáº¿t bá»‹ Ä‘Ã¡nh cháº·n';
    expect(findMojibake(text)).toMatchObject({ guess: 'double-utf8', sample: 'Thiáº¿t', repaired: 'Thiết', offset: text.indexOf('Thi') });
  });

  it('needs more than one odd word', () => {
    expect(findMojibake('Hai nước hợp tác phát triển ThiÕt bị đánh chặn')).toBeUndefined();
  });
});
