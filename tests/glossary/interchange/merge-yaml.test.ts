/**
 * `glossary import --merge` into the shipped glossary.yaml: additions to lists an entry already has
 * (vi_variants, accepted, forbidden), block and flow style, as text edits that leave every other
 * byte of the file as it was.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedGlossaryYaml, readDelimited } from '../../../src/glossary/interchange/index.js';
import { parseGlossary } from '../../../src/glossary/load.js';
import { ROOT } from './helpers.js';

const SHIPPED = readFileSync(resolve(ROOT, 'glossary.yaml'), 'utf8');

/** The shipped text (or a variant of it) with a spreadsheet merged in, as `glossary import --merge` writes it. */
function merge(csv: string, existingText = SHIPPED): string {
  const imported = readDelimited(csv, 'terms.csv', { kind: 'csv' });
  return importedGlossaryYaml(imported, 'glossary.yaml', { text: existingText, glossary: parseGlossary(existingText, 'glossary.yaml') }).text;
}

/** `text` with `lines` inserted after the first line that is exactly `after`. */
function insertedAfter(text: string, after: string, lines: string[]): string {
  const at = text.indexOf(`\n${after}\n`);
  expect(at).toBeGreaterThan(-1);
  const end = at + after.length + 2;
  return text.slice(0, end) + lines.map((l) => `${l}\n`).join('') + text.slice(end);
}

const entry = (text: string, id: string) => parseGlossary(text, 'glossary.yaml').entries.find((e) => e.id === id)!;

describe('glossary import --merge into lists an entry already has', () => {
  it('adds an accepted rendering to a block list, one item at its dash column', () => {
    const out = merge('vi,en,accepted\ntên lửa Tomahawk,Tomahawk missile,Tomahawk land-attack missile\n');
    expect(out).toBe(insertedAfter(SHIPPED, '      - Tomahawk', ['      - Tomahawk land-attack missile']));
    expect(entry(out, 'tomahawk-missile').accepted).toEqual(['Tomahawk cruise missile', 'Tomahawk', 'Tomahawk land-attack missile']);
  });

  it('adds forbidden renderings after plain items and after items with a note (the entry named in NFD, old tone placement)', () => {
    const tomahawk = merge('vi,en,forbidden\ntên lửa Tomahawk,Tomahawk missile,Tomahawk projectile\n');
    expect(tomahawk).toBe(insertedAfter(SHIPPED, '      - Tomahawk rocket', ['      - Tomahawk projectile']));
    expect(entry(tomahawk, 'tomahawk-missile').forbidden.map((f) => f.text)).toEqual(['Tomahawk rocket', 'Tomahawk projectile']);

    const sosa = merge('vi,en,forbidden\n' + 'Thoả thuận An ninh Cung ứng'.normalize('NFD') + ',Security of Supply Arrangement,Supply Security Pact\n');
    const last = entry(SHIPPED, 'security-of-supply-arrangement').forbidden.at(-1)!;
    const lastLines = SHIPPED.split('\n').filter((l) => l.includes(last.text) || (last.note !== undefined && l.includes(last.note)));
    expect(sosa).toBe(insertedAfter(SHIPPED, lastLines.at(-1)!, ['      - Supply Security Pact']));
    expect(entry(sosa, 'security-of-supply-arrangement').forbidden.map((f) => f.text).at(-1)).toBe('Supply Security Pact');
  });

  it('adds a Vietnamese variant to a block vi_variants list', () => {
    const out = merge('vi,en,vi_variants\nThiết bị đánh chặn pha bay,Glide Phase Interceptor,Tên lửa đánh chặn pha lướt\n');
    expect(out).toBe(insertedAfter(SHIPPED, '      - Tên lửa đánh chặn giai đoạn bay lướt', ['      - Tên lửa đánh chặn pha lướt']));
    expect(entry(out, 'glide-phase-interceptor').viVariants.at(-1)).toBe('Tên lửa đánh chặn pha lướt');
  });

  it('rewrites a flow list in place, keeping the comment after it', () => {
    const block = '    accepted:\n      - Tomahawk cruise missile\n      - Tomahawk\n';
    expect(SHIPPED).toContain(block);
    const flow = SHIPPED.replace(block, '    accepted: [Tomahawk cruise missile, Tomahawk] # both seen in wire copy\n');
    const out = merge('vi,en,accepted,forbidden\ntên lửa Tomahawk,Tomahawk missile,Tomahawk land-attack missile,Tomahawk projectile\n', flow);
    const expected = insertedAfter(
      flow.replace('[Tomahawk cruise missile, Tomahawk] #', '[Tomahawk cruise missile, Tomahawk, Tomahawk land-attack missile] #'),
      '      - Tomahawk rocket',
      ['      - Tomahawk projectile'],
    );
    expect(out).toBe(expected);
  });

  it('rewrites a flow vi_variants list in place', () => {
    const block = '    vi_variants:\n      - Tên lửa đánh chặn giai đoạn lướt\n      - Tên lửa đánh chặn giai đoạn bay lướt\n';
    expect(SHIPPED).toContain(block);
    const flow = SHIPPED.replace(block, '    vi_variants: [Tên lửa đánh chặn giai đoạn lướt, Tên lửa đánh chặn giai đoạn bay lướt]\n');
    const out = merge('vi,en,vi_variants\nThiết bị đánh chặn pha bay,Glide Phase Interceptor,Tên lửa đánh chặn pha lướt\n', flow);
    expect(out).toBe(flow.replace('giai đoạn bay lướt]', 'giai đoạn bay lướt, Tên lửa đánh chặn pha lướt]'));
  });
});
