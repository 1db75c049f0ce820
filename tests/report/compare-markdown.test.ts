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
      'Engine', 'chrF2 (95% CI)[^chrf]', 'chrF2++[^chrfpp]', 'BLEU[^bleu]', 'Glossary', 'vs deepl (chrF2)',
    ]);
    expect(cells(lines.find((l) => l.startsWith('| google'))!)).toEqual([
      'google', '55.4 ± 3.0', '53.1', '40.7', '67% (2/3)', '−15.9, p = 0.001: significantly worse',
    ]);
    expect(cells(lines.find((l) => l.startsWith('| openai'))!)).toContain('+1.2, p = 0.38: not significant');
    expect(cells(lines.find((l) => l.startsWith('| deepl'))!).at(-1)).toBe('baseline');
  });

  it('puts the metric signatures in footnotes', () => {
    const out = formatCompareMarkdown(withReference);
    expect(out).toContain(`[^chrf]: \`${SIGNATURES.chrf}\``);
    expect(out).toContain(`[^chrfpp]: \`${SIGNATURES.chrfPlusPlus}\``);
    expect(out).toContain(`[^bleu]: \`${SIGNATURES.bleu}\``);
  });

  it('shows the top disagreements with ~~deleted~~ and **inserted** words', () => {
    const out = formatCompareMarkdown(withReference, { top: 2 });
    expect(out.indexOf('#### ¶3 (line 5), disagreement 41.7')).toBeLessThan(out.indexOf('#### ¶2 (line 3), disagreement 30.2'));
    expect(out).not.toContain('#### ¶1');
    expect(out).toContain("- **deepl:** US ~~Secretary of Defense~~**Defense Secretary** Lloyd Austin");
    expect(out).toContain('- **Reference (pivot):** US Secretary of Defense');
    expect(out).toContain('Ministry of Defense. _(chrF 84.0, chrF++ 82.5, BLEU 66.6)_');
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
    expect(out).toContain('Diffs are against **deepl**: No reference was given');
    expect(out).toContain('- **deepl (pivot):** Peace and stability in the Indo-Pacific region.');
    expect(out).not.toContain('[^');
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
