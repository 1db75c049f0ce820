/**
 * Realistic comparisons of three engines' translations of passages of the seed article, for the
 * comparison formatter tests and the browser test. Google's output carries markup an engine can
 * echo back from HTML input (`<script>`, `<b>`), which every format must show as text.
 */
import { compareTranslations, METRICS } from '../../src/compare/compare.js';
import type { Comparison, DiffOp, ParagraphComparison, TermFinder } from '../../src/compare/types.js';
import type { Finding } from '../../src/core/types.js';

const eq = (text: string): DiffOp => ({ op: 'equal', text });
const del = (text: string): DiffOp => ({ op: 'delete', text });
const ins = (text: string): DiffOp => ({ op: 'insert', text });

export const SCRIPT = '<script>alert(1)</script>';

/** Paragraph 3's source in NFD with the old tone placement ("Thoả"), as some CMS exports have it. */
export const SOURCE_P3 = 'Bộ trưởng Quốc phòng Mỹ Lloyd Austin ký kết Thoả thuận An ninh Cung ứng (SOSA) với Bộ Quốc phòng Nhật Bản.'.normalize('NFD');

const gpiFinding: Finding = {
  ruleId: 'term-forbidden',
  severity: 'error',
  message: '"Thiết bị đánh chặn pha bay" should be rendered "Glide Phase Interceptor"',
  file: 'out/deepl.en.txt',
  paragraph: 2,
  source: {
    file: 'source.vi.txt',
    text: 'Thiết bị đánh chặn pha bay',
    span: { start: { line: 3, column: 48, offset: 160 }, end: { line: 3, column: 74, offset: 186 } },
  },
  termId: 'glide-phase-interceptor',
  expected: ['Glide Phase Interceptor'],
  actual: 'flight phase interceptor',
  engine: 'deepl',
};

const sosaFinding: Finding = {
  ruleId: 'term-forbidden',
  severity: 'error',
  message: '"Thoả thuận An ninh Cung ứng" should be rendered "Security of Supply Arrangement"',
  file: 'out/google.en.txt',
  paragraph: 3,
  source: {
    file: 'source.vi.txt',
    text: 'Thoả thuận An ninh Cung ứng'.normalize('NFD'),
    span: { start: { line: 5, column: 45, offset: 260 }, end: { line: 5, column: 72, offset: 287 } },
  },
  termId: 'security-of-supply-arrangement',
  expected: ['Security of Supply Arrangement', 'SOSA'],
  actual: 'Supply Security Agreement',
  engine: 'google',
};

const CHRF_SIG = 'chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0';
const CHRFPP_SIG = 'chrF2++|nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0';
const BLEU_SIG = 'BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0';
const TER_SIG = 'TER|nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0';
export const SIGNATURES = { chrf: CHRF_SIG, chrfPlusPlus: CHRFPP_SIG, bleu: BLEU_SIG, ter: TER_SIG };

function scores(engine: string, chrf: number, half: number, chrfpp: number, bleu: number, ter: number, sig?: { d: number; p: number; dTer: number; pTer: number }) {
  const significance = sig ? { baseline: 'deepl', difference: sig.d, pValue: sig.p, significant: sig.p < 0.05 } : undefined;
  const terSignificance = sig ? { baseline: 'deepl', difference: sig.dTer, pValue: sig.pTer, significant: sig.pTer < 0.05 } : undefined;
  return {
    engine,
    chrf: { metric: 'chrF2' as const, score: chrf, signature: CHRF_SIG, interval: { mean: chrf, halfWidth: half, low: chrf - half, high: chrf + half }, significance },
    chrfPlusPlus: { metric: 'chrF2++' as const, score: chrfpp, signature: CHRFPP_SIG },
    bleu: {
      metric: 'BLEU' as const,
      score: bleu,
      signature: BLEU_SIG,
      details: { precisions: [80.1, 60.2, 45.3, 35.4], brevityPenalty: 1, hypLength: 60, refLength: 58 },
    },
    ter: {
      metric: 'TER' as const,
      score: ter,
      signature: TER_SIG,
      interval: { mean: ter, halfWidth: 2.4, low: ter - 2.4, high: ter + 2.4 },
      significance: terSignificance,
      details: { edits: Math.round((ter * 52) / 100), refLength: 52 },
    },
  };
}

/** Three engines against a human reference, with bootstrap intervals and significance against deepl. */
export const withReference: Comparison = {
  version: 1,
  sourceFile: 'source.vi.txt',
  referenceFile: 'reference.en.txt',
  engines: ['deepl', 'google', 'openai'],
  pivot: { kind: 'reference', name: 'reference', reason: 'A reference translation was given.' },
  paragraphs: [
    {
      index: 1,
      line: 1,
      source: 'Vào ngày 25 tháng XNUMX, Nhà Trắng công bố chuyến thăm cấp nhà nước của Thủ tướng Nhật Bản Kishida Fumio.',
      reference: 'On January 25, the White House announced the state visit of Japanese Prime Minister Kishida Fumio.',
      outputs: {
        deepl: 'On January 25, the White House announced the state visit of Japanese Prime Minister Kishida Fumio.',
        google: 'On XNUMX 25, the White House announced a state visit by Japanese Prime Minister Kishida Fumio.',
        openai: 'On January 25, the White House announced the state visit of Japanese Prime Minister Fumio Kishida.',
      },
      diffs: {
        deepl: [eq('On January 25, the White House announced the state visit of Japanese Prime Minister Kishida Fumio.')],
        google: [eq('On '), del('January'), ins('XNUMX'), eq(' 25, the White House announced '), del('the'), ins('a'), eq(' state visit '), del('of'), ins('by'), eq(' Japanese Prime Minister Kishida Fumio.')],
        openai: [eq('On January 25, the White House announced the state visit of Japanese Prime Minister '), ins('Fumio '), eq('Kishida'), del(' Fumio'), eq('.')],
      },
      scores: { deepl: { chrf: 100, chrfPlusPlus: 100, bleu: 100, ter: 0 }, google: { chrf: 78.4, chrfPlusPlus: 76.9, bleu: 52.1, ter: 18.8 }, openai: { chrf: 91.2, chrfPlusPlus: 89.7, bleu: 80.3, ter: 6.3 } },
      disagreement: 12.5,
    },
    {
      index: 2,
      line: 3,
      source: 'Ngoài ra, hai nước công bố hợp tác phát triển Thiết bị đánh chặn pha bay (GPI).',
      reference: 'In addition, the two countries announced the co-development of the Glide Phase Interceptor (GPI).',
      outputs: {
        deepl: 'In addition, the two countries announced the co-development of the flight phase interceptor (GPI).',
        google: `In addition, ${SCRIPT} the two countries announced <b>joint development</b> of the Glide Phase Interceptor (GPI).`,
        openai: 'Additionally, the two countries announced the co-development of the Glide Phase Interceptor (GPI).',
      },
      diffs: {
        deepl: [eq('In addition, the two countries announced the co-development of the '), del('Glide Phase Interceptor'), ins('flight phase interceptor'), eq(' (GPI).')],
        google: [eq('In addition, '), ins(`${SCRIPT} `), eq('the two countries announced '), del('the co-development'), ins('<b>joint development</b>'), eq(' of the Glide Phase Interceptor (GPI).')],
        openai: [del('In addition'), ins('Additionally'), eq(', the two countries announced the co-development of the Glide Phase Interceptor (GPI).')],
      },
      scores: { deepl: { chrf: 80.3, chrfPlusPlus: 78.8, bleu: 70.2, ter: 20 }, google: { chrf: 70.1, chrfPlusPlus: 68.6, bleu: 48.9, ter: 40 }, openai: { chrf: 93.4, chrfPlusPlus: 91.9, bleu: 85.0, ter: 13.3 } },
      disagreement: 30.2,
    },
    {
      index: 3,
      line: 5,
      source: SOURCE_P3,
      reference: "US Secretary of Defense Lloyd Austin signed the Security of Supply Arrangement (SOSA) with Japan's Ministry of Defense.",
      outputs: {
        deepl: 'US Defense Secretary Lloyd Austin signed the Security of Supply Arrangement (SOSA) with the Japanese Ministry of Defense.',
        google: 'US Defense Minister Lloyd Austin signed the Supply Security Agreement (SOSA) with the Japanese Ministry of Defense | MOD.',
        openai: "US Secretary of Defense Lloyd Austin signed the Security of Supply Arrangement (SOSA) with Japan's Ministry of Defense.",
      },
      diffs: {
        deepl: [eq('US '), del('Secretary of Defense'), ins('Defense Secretary'), eq(' Lloyd Austin signed the Security of Supply Arrangement (SOSA) with '), del("Japan's"), ins('the Japanese'), eq(' Ministry of Defense.')],
        google: [eq('US '), del('Secretary of Defense'), ins('Defense Minister'), eq(' Lloyd Austin signed the '), del('Security of Supply Arrangement'), ins('Supply Security Agreement'), eq(' (SOSA) with '), del("Japan's"), ins('the Japanese'), eq(' Ministry of Defense'), ins(' | MOD'), eq('.')],
        openai: [eq("US Secretary of Defense Lloyd Austin signed the Security of Supply Arrangement (SOSA) with Japan's Ministry of Defense.")],
      },
      scores: { deepl: { chrf: 84.0, chrfPlusPlus: 82.5, bleu: 66.6, ter: 22.2 }, google: { chrf: 61.9, chrfPlusPlus: 60.4, bleu: 38.2, ter: 44.4 }, openai: { chrf: 100, chrfPlusPlus: 100, bleu: 100, ter: 0 } },
      disagreement: 41.7,
    },
  ],
  scores: [
    scores('deepl', 71.3, 2.1, 69.8, 58.2, 30.8),
    scores('google', 55.4, 3.0, 53.1, 40.7, 51.9, { d: -15.9, p: 0.001, dTer: 21.1, pTer: 0.001 }),
    scores('openai', 72.5, 1.8, 71.0, 60.3, 30.8, { d: 1.2, p: 0.38, dTer: 0, pTer: 1 }),
  ],
  metrics: [...METRICS],
  best: { chrf: ['openai'], chrfPlusPlus: ['openai'], bleu: ['openai'], ter: ['deepl', 'openai'] },
  bootstrap: { samples: 1000, seed: 12345, alpha: 0.05, baseline: 'deepl' },
  agreement: {
    engines: ['deepl', 'google', 'openai'],
    chrf: [
      [100, 66.2, 85.1],
      [65.8, 100, 64.0],
      [85.9, 63.7, 100],
    ],
    meanAgreement: { deepl: 75.75, google: 64.93, openai: 74.68 },
  },
  disagreements: [
    { paragraph: 3, disagreement: 41.7 },
    { paragraph: 2, disagreement: 30.2 },
    { paragraph: 1, disagreement: 12.5 },
  ],
  outlier: { engine: 'google', clear: true, note: 'google agrees least with the others (64.9 vs 74.7 next lowest)' },
  glossary: {
    deepl: { expected: 3, approved: 2, accuracy: 2 / 3, findings: [gpiFinding], suppressed: 0 },
    google: { expected: 3, approved: 2, accuracy: 2 / 3, findings: [sosaFinding], suppressed: 0 },
    openai: { expected: 3, approved: 3, accuracy: 1, findings: [], suppressed: 0 },
  },
  analyses: null,
};

/** Finds two glossary terms' approved renderings (case-insensitive), as the CLI's glossary-backed finder does. */
export const FIXTURE_TERMS: TermFinder = {
  find(text) {
    const out: { termId: string; label: string }[] = [];
    for (const [termId, label] of [
      ['glide-phase-interceptor', 'Glide Phase Interceptor'],
      ['security-of-supply-arrangement', 'Security of Supply Arrangement'],
    ] as const) {
      const lower = text.toLowerCase();
      for (let at = lower.indexOf(label.toLowerCase()); at >= 0; at = lower.indexOf(label.toLowerCase(), at + 1)) out.push({ termId, label });
    }
    return out;
  },
};

// The analyses are computed from the fixture's own texts, so they agree with what the paragraphs show.
withReference.analyses = compareTranslations({
  source: { file: withReference.sourceFile, paragraphs: withReference.paragraphs.map((p) => p.source) },
  reference: { file: withReference.referenceFile!, paragraphs: withReference.paragraphs.map((p) => p.reference!) },
  engines: withReference.engines.map((name) => ({ name, file: `${name}.en.txt`, paragraphs: withReference.paragraphs.map((p: ParagraphComparison) => p.outputs[name]!) })),
  bootstrap: false,
  analyses: { terms: FIXTURE_TERMS },
}).analyses;

/** Two engines, no reference: diffs against the engine that agrees most, no scores, no glossary. */
export const withoutReference: Comparison = {
  version: 1,
  sourceFile: 'bai-viet.vi.txt',
  engines: ['deepl', 'google'],
  pivot: { kind: 'engine', name: 'deepl', reason: 'no reference: with two engines neither agrees more with the other (mean chrF 81.6); deepl, given first, is the pivot' },
  paragraphs: [
    {
      index: 1,
      line: 1,
      source: 'Hoà bình và ổn định ở khu vực Ấn Độ Dương-Thái Bình Dương.',
      outputs: {
        deepl: 'Peace and stability in the Indo-Pacific region.',
        google: 'Peace and stability in the Indian Ocean-Pacific region.',
      },
      diffs: { google: [eq('Peace and stability in the '), del('Indo-Pacific'), ins('Indian Ocean-Pacific'), eq(' region.')] },
      disagreement: 18.4,
    },
  ],
  bootstrap: null,
  agreement: { engines: ['deepl', 'google'], chrf: [[100, 81.2], [82.0, 100]], meanAgreement: { deepl: 81.6, google: 81.6 } },
  disagreements: [{ paragraph: 1, disagreement: 18.4 }],
  outlier: { engine: null, clear: false, note: 'With two engines there is no outlier to name.' },
  metrics: [],
  analyses: null,
};
