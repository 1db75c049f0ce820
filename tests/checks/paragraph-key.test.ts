/**
 * paragraphKey (what baselines compare, inside every fingerprint) is written as one pass for
 * speed: it must equal its definition, NFC with whitespace runs as one space, trimmed, on any text.
 */
import { describe, expect, it } from 'vitest';
import { paragraphKey } from '../../src/checks/runner.js';
import { mulberry32 } from '../../src/compare/bootstrap.js';

const definition = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim();

// Spaces of every kind, letters, Vietnamese in NFD and NFC, old tone placement, an astral letter.
const PIECES = [' ', '  ', '\t', '\n', '\r\n', '\n\n', '\u00a0', '\u202f', '\u3000', '\u2028', '\ufeff', 'hoà', 'hòa', 'Quốc phòng', 'Quo\u0302\u0301c', 'a', 'XNUMX', '2,4', '.', '𠀋', 'the'];

describe('paragraphKey', () => {
  it('equals NFC, whitespace runs folded to one space, trimmed, on thousands of generated texts', () => {
    const random = mulberry32(8);
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const length = Math.floor(random() * 12);
      for (let k = 0; k < length; k++) text += PIECES[Math.floor(random() * PIECES.length)];
      expect(paragraphKey(text), JSON.stringify(text)).toBe(definition(text));
    }
  });

  it('keeps a clean English paragraph as it is and folds NFD Vietnamese', () => {
    expect(paragraphKey('Japan and the U.S. agreed.')).toBe('Japan and the U.S. agreed.');
    expect(paragraphKey('  Bo\u0323\u0302 Quo\u0302\u0301c  phòng\n')).toBe('Bộ Quốc phòng');
  });
});
