import { describe, it, expect } from 'vitest';
import { diffMarkdown, formatCompareMarkdown } from '../../src/report/compare-markdown.js';
import { SIGNATURES, withReference, withoutReference } from './compare-fixtures.js';

function cells(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((c) => c.trim());
}

describe('formatCompareMarkdown', () => {
  it('has a score table with intervals, glossary accuracy and significance in words', () => {
    const out = formatCompareMarkdown(withReference);
    const lines = out.split('\n');
    expect(lines[0]).toBe('## vitrans compare: 3 engines on source.vi.txt (3 paragraphs, reference reference.en.txt)');
    expect(cells(lines.find((l) => l.startsWith('| Engine'))!)).toEqual([
      'Engine', 'chrF2 (95% CI)[^chrf]', 'chrF2++ (95% CI)[^chrfpp]', 'BLEU (95% CI)[^bleu]', 'TER ↓ (95% CI)[^ter]', 'Glossary', 'vs deepl (chrF2)',
    ]);
    expect(cells(lines.find((l) => l.startsWith('| google'))!)).toEqual([
      'google', '55.4 ± 3.0', '53.1', '40.7', '51.9 ± 2.4', '67% (2/3)', '−15.9, p = 0.001: significantly worse',
    ]);
    // The best score of each metric in bold, every engine of a tie (TER: deepl and openai).
    expect(cells(lines.find((l) => l.startsWith('| openai'))!).slice(1, 5)).toEqual(['**72.5 ± 1.8**', '**71.0**', '**60.3**', '**30.8 ± 2.4**']);
    expect(cells(lines.find((l) => l.startsWith('| deepl'))!).slice(1, 5)).toEqual(['71.3 ± 2.1', '69.8', '58.2', '**30.8 ± 2.4**']);
    expect(out).toContain('Best: chrF2 openai; chrF2++ openai; BLEU openai; TER ↓ deepl and openai (tie).');
    expect(cells(lines.find((l) => l.startsWith('| openai'))!)).toContain('+1.2, p = 0.38: not significant');
    expect(cells(lines.find((l) => l.startsWith('| deepl'))!).at(-1)).toBe('baseline');
  });

  it('puts the metric signatures in footnotes', () => {
    const out = formatCompareMarkdown(withReference);
    expect(out).toContain(`[^chrf]: \`${SIGNATURES.chrf}\``);
    expect(out).toContain(`[^chrfpp]: \`${SIGNATURES.chrfPlusPlus}\``);
    expect(out).toContain(`[^bleu]: \`${SIGNATURES.bleu}\``);
    expect(out).toContain(`[^ter]: \`${SIGNATURES.ter}\``);
  });

  it('shows the top disagreements with ~~deleted~~ and **inserted** words', () => {
    const out = formatCompareMarkdown(withReference, { top: 2 });
    expect(out.indexOf('#### ¶3 (line 5), disagreement 41.7')).toBeLessThan(out.indexOf('#### ¶2 (line 3), disagreement 30.2'));
    expect(out).not.toContain('#### ¶1');
    expect(out).toContain("- **deepl:** US ~~Secretary of Defense~~**Defense Secretary** Lloyd Austin");
    expect(out).toContain('- **Reference (pivot):** US Secretary of Defense');
    expect(out).toContain('Ministry of Defense. _(chrF 84.0, chrF++ 82.5, BLEU 66.6, TER 22.2)_');
  });

  it('escapes content, inside diffs too, so engine markup shows as text', () => {
    const out = formatCompareMarkdown(withReference);
    expect(out).toContain('In addition, **\\<script\\>alert(1)\\</script\\>** the two countries');
    expect(out).toContain('~~the co-development~~**\\<b\\>joint development\\</b\\>**');
    expect(out).not.toMatch(/<script>|<b>/);
    expect(out).toContain('Ministry of Defense **\\| MOD**.');
  });

  it('shows agreement and "n/a" glossary without a reference, and no footnotes', () => {
    const out = formatCompareMarkdown(withoutReference);
    expect(out).toContain('| google | 81.6 | n/a |');
    expect(out).toContain('Diffs are against **deepl**: no reference: with two engines neither agrees more');
    expect(out).toContain('- **deepl (pivot):** Peace and stability in the Indo-Pacific region.');
    expect(out).not.toContain('[^');
  });
});

describe('formatCompareMarkdown: significance on every metric', () => {
  it('tests every metric against the baseline, a higher TER being the worse one', () => {
    const out = formatCompareMarkdown(withReference);
    expect(out).toContain('| google | −15.9, p = 0.001: significantly worse | n/a | n/a | +21.1, p = 0.001: significantly worse |');
  });

  it('calls a significantly lower TER better', () => {
    const c = {
      ...withReference,
      scores: withReference.scores!.map((s) =>
        s.engine === 'openai' ? { ...s, ter: { ...s.ter, significance: { baseline: 'deepl', difference: -4.2, pValue: 0.004, significant: true } } } : s,
      ),
    };
    expect(formatCompareMarkdown(c)).toMatch(/^\| openai \| .* \| −4\.2, p = 0\.004: significantly better \|$/m);
  });

  it('is left out without bootstrap', () => {
    expect(formatCompareMarkdown({ ...withReference, bootstrap: null })).not.toContain('on every metric');
  });
});

describe('formatCompareMarkdown: the analyses', () => {
  const out = formatCompareMarkdown(withReference);
  const a = withReference.analyses!;
  const section = out.slice(out.indexOf('### Why the scores differ'));
  const f = (x: number | null) => (x === null ? '–' : x.toFixed(2));

  it('comes after the paragraphs and before the footnotes', () => {
    expect(out.indexOf('### Why the scores differ')).toBeGreaterThan(out.indexOf('### Where the engines disagree most'));
    expect(out.indexOf('### Why the scores differ')).toBeLessThan(out.indexOf('[^chrf]:'));
  });

  it('tabulates word accuracy by frequency, glossary terms and scores by length', () => {
    const one = a.wordAccuracy.find((b) => b.label === '1')!;
    expect(section).toContain(`| 1 | ${one.byEngine.deepl!.ref} | ${f(one.byEngine.deepl!.f)} | ${f(one.byEngine.google!.f)} | ${f(one.byEngine.openai!.f)} |`);
    expect(section).toMatch(/^\| 0 \| 0 \| 1 word \| \d+ words \| 1 word \|$/m);
    expect(section).toContain('| openai | 2 | 2 | 2 | 1.00 | 1.00 | 1.00 |');
    expect(section).toContain('| Security of Supply Arrangement | 1 | 1 | 0 | 1 |');
    const b = a.lengthBuckets.at(-1)!;
    expect(section).toContain(`| ${b.label} | ${b.paragraphs} | ${b.scores.deepl!.chrf.toFixed(1)} / ${b.scores.deepl!.ter.toFixed(1)} |`);
  });

  it('lists n-gram wins and the paragraphs where two engines differ most, per metric', () => {
    const w = a.ngrams.openai![0]!;
    expect(section).toContain(`- **openai:** “${w.ngram}” (${w.matched} vs ${w.othersMatched.toFixed(1)})`);
    const d = a.differences.find((x) => x.a === 'deepl' && x.b === 'google' && x.metric === 'ter')!;
    const p = d.paragraphs[0]!;
    expect(section).toContain(`- **deepl vs google, TER ↓:** ¶${p.paragraph} (${p.a.toFixed(1)} vs ${p.b.toFixed(1)})`);
  });

  it('is left out without analyses', () => {
    expect(formatCompareMarkdown({ ...withReference, analyses: null })).not.toContain('Why the scores differ');
  });
});

describe('diffMarkdown', () => {
  it('keeps spaces outside the markers so the emphasis parses', () => {
    expect(diffMarkdown([{ op: 'insert', text: 'Fumio ' }, { op: 'equal', text: 'Kishida' }, { op: 'delete', text: ' Fumio' }, { op: 'equal', text: '.' }])).toBe(
      '**Fumio** Kishida ~~Fumio~~.',
    );
  });

  it('leaves whitespace-only changes unmarked', () => {
    expect(diffMarkdown([{ op: 'equal', text: 'a' }, { op: 'insert', text: ' ' }, { op: 'equal', text: 'b' }])).toBe('a b');
  });
});
