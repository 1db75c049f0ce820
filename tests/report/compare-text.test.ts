import { describe, it, expect } from 'vitest';
import type { Comparison } from '../../src/compare/types.js';
import { formatCompareText } from '../../src/report/compare-text.js';
import { displayWidth, stripAnsi } from '../../src/report/escape.js';
import { SCRIPT, SIGNATURES, withReference, withoutReference } from './compare-fixtures.js';

const ESC = '\x1b[';
const plain = (c: Comparison, width = 200, top?: number) => formatCompareText(c, { color: false, width, ...(top ? { top } : {}) });
const row = (out: string, engine: string) => out.split('\n').find((l) => l.startsWith(`${engine} `))!;

describe('formatCompareText: the score table', () => {
  it('has one row per engine with chrF ± CI, chrF++, BLEU, TER and glossary accuracy', () => {
    const out = plain(withReference);
    expect(out).toMatch(/^engine +chrF2 \(95% CI\) +chrF2\+\+ +BLEU +TER ↓ +glossary +vs deepl \(chrF2\)$/m);
    expect(row(out, 'deepl')).toMatch(/^deepl +71\.3 ± 2\.1 +69\.8 +58\.2 +30\.8 +67% \(2\/3\) +baseline$/);
    expect(row(out, 'google')).toMatch(/^google +55\.4 ± 3\.0 +53\.1 +40\.7 +51\.9 /);
    expect(row(out, 'openai')).toContain('100% (3/3)');
  });

  it('says plainly whether a difference is significant', () => {
    const out = plain(withReference);
    expect(row(out, 'google')).toMatch(/−15\.9, p = 0\.001: significantly worse$/);
    expect(row(out, 'openai')).toMatch(/\+1\.2, p = 0\.38: not significant$/);
    expect(out).toContain('from 1000 bootstrap resamples (seed 12345, alpha 0.05)');
  });

  it('says n/a for significance without bootstrap and for glossary accuracy without a checker', () => {
    const noBoot: Comparison = {
      ...withReference,
      bootstrap: null,
      glossary: undefined,
      scores: withReference.scores!.map((s) => ({ ...s, chrf: { ...s.chrf, interval: undefined, significance: undefined } })),
    };
    const out = plain(noBoot);
    expect(row(out, 'google')).toMatch(/^google +55\.4 +53\.1 +40\.7 +51\.9 +n\/a +n\/a \(no bootstrap\)$/);
    expect(out).not.toContain('bootstrap resamples');
  });

  it('shows mean agreement instead of scores without a reference', () => {
    const out = plain(withoutReference);
    expect(out).toMatch(/^engine +agreement \(chrF2 with the others\) +glossary$/m);
    expect(row(out, 'google')).toMatch(/^google +81\.6 +n\/a$/);
    expect(out).toContain('Diffs against deepl: no reference: with two engines neither agrees more');
    expect(out).not.toContain('chrF2++');
  });

  it('lists every metric signature under the table', () => {
    const lines = plain(withReference).split('\n');
    const at = lines.indexOf('Signatures:');
    expect(at).toBe(lines.findIndex((l) => l.startsWith('Best: ')) + 1);
    expect(lines.slice(at + 1, at + 5)).toEqual([`  ${SIGNATURES.chrf}`, `  ${SIGNATURES.chrfPlusPlus}`, `  ${SIGNATURES.bleu}`, `  ${SIGNATURES.ter}`]);
  });

  it('names the best engine per metric, the lowest TER, and says tie when engines tie', () => {
    const out = plain(withReference);
    expect(out).toContain('Best: chrF2 openai; chrF2++ openai; BLEU openai; TER ↓ deepl and openai (tie).');
    const lines = out.split('\n');
    expect(lines.findIndex((l) => l.startsWith('Best: '))).toBe(lines.findIndex((l) => l.startsWith('openai ')) + 1);
  });

  it('points to the formats that show the analyses', () => {
    expect(plain(withReference)).toContain('see --format html, markdown or json');
    expect(plain({ ...withReference, analyses: null })).not.toContain('--format html');
    expect(plain(withoutReference)).not.toContain('--format html');
  });

  it('breaks a signature wider than the terminal after a "|"', () => {
    const out = plain(withReference, 40);
    expect(out).toContain('\n  chrF2|nrefs:1|case:mixed|eff:yes|nc:6|\n    nw:0|space:no|version:2.6.0\n');
    const lines = out.split('\n');
    const at = lines.indexOf('Signatures:');
    const sigLines = lines.slice(at + 1, at + 7);
    for (const l of sigLines) expect(displayWidth(l)).toBeLessThanOrEqual(40);
    expect(sigLines.map((l) => l.trim()).join('')).toBe(SIGNATURES.chrf + SIGNATURES.chrfPlusPlus + SIGNATURES.bleu);
  });

  it('lists no signatures without a reference or scores', () => {
    expect(plain(withoutReference)).not.toContain('Signatures');
    expect(plain({ ...withReference, scores: [] })).not.toContain('Signatures');
  });

  it('says n/a for agreement with a single engine', () => {
    const one: Comparison = { ...withoutReference, engines: ['deepl'], agreement: { engines: ['deepl'], chrf: [[100]], meanAgreement: { deepl: 100 } } };
    expect(row(plain(one), 'deepl')).toMatch(/^deepl +n\/a \(one engine\) +n\/a$/);
    expect(plain(one)).not.toContain('100.0');
  });

  it('names the outlier', () => {
    expect(plain(withReference)).toContain('google agrees least with the others (64.9 vs 74.7 next lowest)');
  });
});

describe('formatCompareText: the most-disagreeing paragraphs', () => {
  it('lists them worst first, at most `top`', () => {
    const out = plain(withReference, 200, 2);
    const p3 = out.indexOf('¶3 (line 5) · disagreement 41.7');
    const p2 = out.indexOf('¶2 (line 3) · disagreement 30.2');
    expect(p3).toBeGreaterThan(0);
    expect(p2).toBeGreaterThan(p3);
    expect(out).not.toContain('¶1 (line 1)');
    expect(out).toContain('Where the engines disagree most (2 of 3 paragraphs):');
  });

  it('marks diffs [-deleted-]{+inserted+} without colour, spaces outside the markers', () => {
    const out = plain(withReference);
    expect(out).toContain("US [-Secretary of Defense-]{+Defense Secretary+} Lloyd Austin signed the Security of Supply Arrangement (SOSA) with [-Japan's-]{+the Japanese+} Ministry of Defense.");
    expect(out).toContain('Prime Minister {+Fumio+} Kishida [-Fumio-]. (chrF 91.2)');
    expect(out).toContain(`In addition, {+${SCRIPT}+} the two countries`);
    expect(out).not.toContain(ESC);
  });

  it('colours insertions green and underlined, deletions red and struck through', () => {
    const out = formatCompareText(withReference, { color: true, width: 200 });
    expect(out).toContain(`${ESC}32m${ESC}4mDefense Secretary${ESC}24m${ESC}39m`);
    expect(out).toContain(`${ESC}31m${ESC}9mSecretary of Defense${ESC}29m${ESC}39m`);
    const shown = stripAnsi(out);
    expect(shown).toContain('US Secretary of DefenseDefense Secretary Lloyd Austin');
    expect(shown).not.toContain('{+');
    expect(shown).not.toContain('[-');
  });

  it('shows the source, the reference and the pivot engine plain', () => {
    const out = plain(withoutReference);
    expect(out).toMatch(/^ {2}source +Hoà bình và ổn định/m);
    expect(out).toMatch(/^ {2}deepl +Peace and stability in the Indo-Pacific region\. \(pivot\)$/m);
    expect(out).toContain('[-Indo-Pacific-]{+Indian Ocean-Pacific+} region.');
    expect(plain(withReference)).toMatch(/^ {2}reference +On January 25, the White House/m);
  });

  it('wraps every line to the width, coloured or not, NFD source included', () => {
    for (const color of [false, true]) {
      const out = formatCompareText(withReference, { color, width: 60 });
      // Every line but the score table's rows, which keep their columns.
      const lines = out.split('\n').filter((l) => !/^(engine|deepl|google|openai) /.test(stripAnsi(l)));
      for (const l of lines) expect(displayWidth(l), l).toBeLessThanOrEqual(60);
      // A wrapped diff keeps its continuation under the text column.
      expect(stripAnsi(out)).toMatch(/\n {13}\S/);
    }
  });

  it('never breaks a line between a deletion and the insertion glued to it', () => {
    const out = plain(withReference, 40);
    // "In addition" has a space inside (a fair break); "addition-]{+Additionally+}," has none.
    expect(out).toContain('addition-]{+Additionally+},');
  });

  it('keeps the "(chrF n)" and "(pivot)" labels whole at any width', () => {
    for (let width = 40; width <= 120; width++) {
      for (const c of [withReference, withoutReference]) {
        const out = plain(c, width);
        expect(out).not.toMatch(/\((chrF|pivot)\n|\(chrF\s*\n/);
        expect(out).not.toMatch(/^\s+\d+\.\d\)$/m);
      }
    }
  });

  it('says so when the engines agree everywhere', () => {
    const same: Comparison = {
      ...withoutReference,
      paragraphs: withoutReference.paragraphs.map((p) => ({ ...p, disagreement: 0 })),
      disagreements: [],
    };
    expect(plain(same)).toContain('The engines agree on every paragraph.');
  });
});
