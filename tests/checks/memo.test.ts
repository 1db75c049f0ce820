import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CheckMemo, allChecks, checkTranslation, createCheckTools, prepareSource, type Check } from '../../src/checks/index.js';
import { loadGlossary, parseGlossary } from '../../src/glossary/load.js';
import { GLOSSARY_YAML } from './helpers.js';

const root = new URL('../../', import.meta.url);
const sourceText = readFileSync(new URL('corpus/japan-us-defense-industry/source.vi.txt', root), 'utf8');
const targetText = readFileSync(new URL('corpus/japan-us-defense-industry/reference.en.txt', root), 'utf8');
const glossary = await loadGlossary(new URL('glossary.yaml', root).pathname);
const scoped = allChecks().filter((c) => c.meta.paragraphScoped).length;
const paragraphCount = sourceText.split(/\n\s*\n/).filter((p) => p.trim() !== '').length;

/** The findings of a fresh check (no memo), the reference every memoized check must equal. */
function fresh(target: string) {
  const tools = createCheckTools(glossary);
  return checkTranslation(prepareSource({ file: 'source.vi.txt', text: sourceText }, tools), { file: 'reference.en.txt', text: target }, tools).findings;
}

describe('CheckMemo', () => {
  const tools = createCheckTools(glossary);
  const source = prepareSource({ file: 'source.vi.txt', text: sourceText }, tools);

  it('re-runs the paragraph-scoped checks only on the paragraph an edit changed, with the findings of a fresh check', () => {
    const memo = new CheckMemo();
    const first = checkTranslation(source, { file: 'reference.en.txt', text: targetText }, tools, undefined, memo);
    expect(memo.hits).toBe(0);
    expect(memo.misses).toBe(scoped * paragraphCount);
    expect(first.findings).toEqual(fresh(targetText));

    // A forbidden rendering typed into the third paragraph (same line count).
    const edited = targetText.replace('an influential 2023', 'an influential 2023 and the flight phase interceptor');
    expect(edited).not.toBe(targetText);
    const second = checkTranslation(source, { file: 'reference.en.txt', text: edited }, tools, undefined, memo);
    expect(memo.misses).toBe(scoped);
    expect(memo.hits).toBe(scoped * (paragraphCount - 1));
    expect(second.findings).toEqual(fresh(edited));
    expect(second.findings.filter((f) => f.ruleId === 'term-forbidden' && f.paragraph === 3).map((f) => f.actual)).toEqual(['flight phase interceptor']);
  });

  it('moves kept reports with their paragraph when text before it grows', () => {
    const memo = new CheckMemo();
    checkTranslation(source, { file: 'reference.en.txt', text: targetText }, tools, undefined, memo);
    const longerTitle = targetText.replace('Making the Most of', 'Making the Very Most of');
    const again = checkTranslation(source, { file: 'reference.en.txt', text: longerTitle }, tools, undefined, memo);
    expect(memo.hits).toBe(scoped * (paragraphCount - 1));
    expect(again.findings).toEqual(fresh(longerTitle));
  });

  it('reads again only the paragraph where a line break is typed, though every later line moves', () => {
    const memo = new CheckMemo();
    checkTranslation(source, { file: 'reference.en.txt', text: targetText }, tools, undefined, memo);
    // A single line break inside paragraph 3: still one paragraph, every line after it one lower.
    const broken = targetText.replace('an influential 2023, a year', 'an influential 2023,\na year');
    expect(broken).not.toBe(targetText);
    const again = checkTranslation(source, { file: 'reference.en.txt', text: broken }, tools, undefined, memo);
    expect(memo.misses).toBe(scoped);
    expect(memo.hits).toBe(scoped * (paragraphCount - 1));
    expect(memo.summaryMisses).toBe(allChecks().length - scoped);
    expect(again.findings).toEqual(fresh(broken));
    expect(again.findings.some((f) => f.paragraph! > 3 && f.span!.start.line > 1)).toBe(true);
  });

  it('does not call a paragraph-scoped handler for an unchanged pair, and is emptied by other tools', () => {
    const calls: number[] = [];
    const counting: Check = {
      meta: { id: 'counting', description: 'reports every paragraph', severity: 'info', fixable: false, paragraphScoped: true },
      create: (context) => ({
        paragraph(pair) {
          calls.push(pair.index);
          context.report({ message: `paragraph ${pair.index}`, targetRange: [pair.target.start, pair.target.start + 1] });
        },
      }),
    };
    const own = createCheckTools(glossary, [counting]);
    const memo = new CheckMemo();
    const ownSource = prepareSource({ file: 'source.vi.txt', text: sourceText }, own);
    checkTranslation(ownSource, { file: 'reference.en.txt', text: targetText }, own, undefined, memo);
    calls.length = 0;
    const edited = targetText.replace('state visit', 'State Visit');
    const result = checkTranslation(ownSource, { file: 'reference.en.txt', text: edited }, own, undefined, memo);
    expect(calls).toEqual([2]);
    expect(result.findings.map((f) => f.span!.start.offset)).toEqual(ownSource.paragraphs.map((_, i) => result.paragraphs[i]!.start));
    const other = createCheckTools(glossary, [counting]);
    calls.length = 0;
    checkTranslation(ownSource, { file: 'reference.en.txt', text: edited }, other, undefined, memo);
    expect(calls).toHaveLength(paragraphCount);
  });
});

describe('CheckMemo and checks that look across paragraphs (contribute/contributed)', () => {
  const settings = { options: { 'length-ratio': { max: 1.15, minDifference: 20 } } };
  const tools = createCheckTools(glossary, settings);
  const source = prepareSource({ file: 'source.vi.txt', text: sourceText }, tools);
  const freshWith = (target: string) => {
    const own = createCheckTools(glossary, settings);
    return checkTranslation(prepareSource({ file: 'source.vi.txt', text: sourceText }, own), { file: 'reference.en.txt', text: target }, own).findings;
  };
  const lengthRatioAt = (findings: readonly { ruleId: string; paragraph?: number }[]) =>
    findings.filter((f) => f.ruleId === 'length-ratio').map((f) => f.paragraph);
  /** Adds a sentence at the end of the paragraphs that start with these words. */
  const lengthen = (text: string, starts: readonly string[]) =>
    text
      .split('\n\n')
      .map((p) => (starts.some((s) => p.startsWith(s)) ? `${p} Officials in Tokyo and Washington repeated this point at several briefings later that week.` : p))
      .join('\n\n');

  it('equals a fresh check after each edit of a sequence, the norm of length-ratio shifting with edits elsewhere', () => {
    const memo = new CheckMemo();
    const first = checkTranslation(source, { file: 'reference.en.txt', text: targetText }, tools, undefined, memo);
    expect(first.findings).toEqual(freshWith(targetText));
    // How many checks contribute per-pair summaries (length-ratio at least).
    const contributing = memo.summaryMisses / paragraphCount;
    expect(contributing).toBeGreaterThanOrEqual(1);
    expect(memo.summaryHits).toBe(0);
    // Paragraph 9 runs 1.23× its source, over 1.15× the learned norm of about 1.01.
    expect(lengthRatioAt(first.findings)).toContain(9);

    // Eight other paragraphs grow: the learned norm rises and paragraph 9, unchanged, is no longer far above it.
    const starts = ['On XNUMX', "Kishida's", 'In addition', 'Finally', 'Learning', 'In particular', 'To foster', 'As the JSDF'];
    const longer = lengthen(targetText, starts);
    const second = checkTranslation(source, { file: 'reference.en.txt', text: longer }, tools, undefined, memo);
    expect(second.findings).toEqual(freshWith(longer));
    expect(lengthRatioAt(second.findings)).not.toContain(9);
    expect(memo.summaryMisses).toBe(contributing * starts.length);
    expect(memo.summaryHits).toBe(contributing * (paragraphCount - starts.length));

    // Back to the original text: paragraph 9 is reported again, and only the eight pairs are measured again.
    const third = checkTranslation(source, { file: 'reference.en.txt', text: targetText }, tools, undefined, memo);
    expect(third.findings).toEqual(first.findings);
    expect(memo.summaryMisses).toBe(contributing * starts.length);

    // A one-word edit in paragraph 9 itself.
    const retitled = targetText.replace('All of these developments', 'All these developments');
    const fourth = checkTranslation(source, { file: 'reference.en.txt', text: retitled }, tools, undefined, memo);
    expect(fourth.findings).toEqual(freshWith(retitled));
    expect(memo.summaryMisses).toBe(contributing);
  });

  it('asks contribute only of the pairs an edit changed, and aggregates every time', () => {
    const contributed: number[] = [];
    let aggregations = 0;
    const counting: Check = {
      meta: { id: 'counting-lengths', description: 'reports the longest translated paragraph', severity: 'info', fixable: false },
      create: (context) => ({
        contribute(pair) {
          contributed.push(pair.index);
          return pair.target.text.length;
        },
        contributed(all: readonly number[]) {
          aggregations++;
          let longest = 0;
          for (let i = 1; i < all.length; i++) if (all[i]! > all[longest]!) longest = i;
          context.report({ paragraph: longest + 1, message: `paragraph ${longest + 1} is the longest` });
        },
      }),
    };
    const own = createCheckTools(glossary, [counting]);
    const ownSource = prepareSource({ file: 'source.vi.txt', text: sourceText }, own);
    const memo = new CheckMemo();
    const first = checkTranslation(ownSource, { file: 'reference.en.txt', text: targetText }, own, undefined, memo);
    expect(contributed).toHaveLength(paragraphCount);
    expect(first.findings.map((f) => f.paragraph)).toEqual([4]);

    contributed.length = 0;
    // Paragraph 8 grows past paragraph 4: the finding leaves paragraph 4, which the edit did not touch, and comes back with the old text.
    const edited = lengthen(lengthen(targetText, ['Learning']), ['Learning']);
    const second = checkTranslation(ownSource, { file: 'reference.en.txt', text: edited }, own, undefined, memo);
    expect(contributed).toEqual([8]);
    expect(second.findings.map((f) => f.paragraph)).toEqual([8]);
    expect(aggregations).toBe(2);
    expect(memo.summaryHits).toBe(paragraphCount - 1);

    contributed.length = 0;
    const third = checkTranslation(ownSource, { file: 'reference.en.txt', text: targetText }, own, undefined, memo);
    expect(contributed).toEqual([8]);
    expect(third.findings.map((f) => f.paragraph)).toEqual([4]);
  });
});

describe('CheckMemo: edits that change what other, unchanged paragraphs get', () => {
  const small = parseGlossary(GLOSSARY_YAML, 'glossary.yaml');
  const tools = createCheckTools(small);
  const sourceText = [
    'Ông nói Nhật Bản và Hoa Kỳ đã ký Biên bản ghi nhớ về hợp tác quốc phòng.',
    '“Hai bên nhất trí tăng cường hợp tác trong lĩnh vực công nghiệp quốc phòng.”',
    'Theo Bộ Quốc phòng Mỹ, chương trình GPI sẽ được đẩy nhanh trong năm nay.',
    'Hai bên nhất trí tăng cường hợp tác trong lĩnh vực công nghiệp quốc phòng.',
    'Thiết bị đánh chặn pha bay (GPI) là trọng tâm của thỏa thuận giữa hai nước.',
  ].join('\n\n');
  const source = prepareSource({ file: 'a.vi.txt', text: sourceText }, tools);
  const paragraphs = [
    'He said: “Japan and the United States signed a Memorandum of Understanding on defense cooperation.',
    '“The two sides agreed to step up cooperation in the defense industry.”',
    'According to the U.S. Department of Defense, the GPI program will be accelerated this year.',
    'Both sides agreed to boost cooperation in the defense industry.',
    'The Glide Phase Interceptor (GPI) is at the heart of the arrangement between the two countries.',
  ];
  const freshFindings = (text: string) => checkTranslation(source, { file: 'a.en.txt', text }, tools).findings;
  const at = (findings: readonly { ruleId: string; paragraph?: number }[], rule: string) => findings.filter((f) => f.ruleId === rule).map((f) => f.paragraph);
  const contributing = allChecks().filter((c) => !c.meta.paragraphScoped).length;

  it('equal a fresh check after every edit, and only the edited pair is read again', () => {
    const memo = new CheckMemo();
    const run = (edited: readonly string[]) => {
      const text = edited.join('\n\n');
      const result = checkTranslation(source, { file: 'a.en.txt', text }, tools, undefined, memo);
      expect(result.findings).toEqual(freshFindings(text));
      return result.findings;
    };
    const first = run(paragraphs);
    expect(memo.summaryMisses).toBe(contributing * paragraphs.length);
    // Paragraph 4 translates paragraph 2's sentence another way; GPI stands alone in paragraph 3
    // before paragraph 5 expands it; paragraph 1's quotation runs on into paragraph 2.
    expect(at(first, 'inconsistent-translation')).toEqual([4]);
    expect(at(first, 'acronym-mismatch')).toEqual([3]);
    expect(at(first, 'quote-mismatch')).toEqual([]);

    // Paragraph 4 made to read as paragraph 2: the finding leaves it.
    const consistent = [...paragraphs];
    consistent[3] = 'The two sides agreed to step up cooperation in the defense industry.';
    const second = run(consistent);
    expect(at(second, 'inconsistent-translation')).toEqual([]);
    expect(memo.summaryMisses).toBe(contributing);
    expect(memo.summaryHits).toBe(contributing * (paragraphs.length - 1));

    // GPI expanded in paragraph 1: paragraph 3, unchanged, no longer uses it before its expansion.
    const expanded = [...consistent];
    expanded[0] = 'He said: “Japan and the United States signed a Memorandum of Understanding on defense cooperation, including the Glide Phase Interceptor (GPI).';
    const third = run(expanded);
    expect(at(third, 'acronym-mismatch')).toEqual([]);
    expect(memo.summaryMisses).toBe(contributing);

    // Paragraph 2 loses its quotation marks: paragraph 1's quotation, unchanged, is now unclosed.
    const unquoted = [...expanded];
    unquoted[1] = unquoted[1]!.replace('“', '').replace('”', '');
    const fourth = run(unquoted);
    expect(at(fourth, 'quote-mismatch')).toEqual([1]);
    expect(memo.summaryMisses).toBe(contributing);

    // And back: the first findings again, from kept summaries where the text is the first one.
    expect(run(paragraphs)).toEqual(first);
  });
});

describe('CheckMemo under random edits', () => {
  /** A seeded generator (mulberry32), so a failure replays. */
  const seeded = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const articles = [
    ['tests/fixtures/corpus/flawed/source.vi.txt', 'tests/fixtures/corpus/flawed/flawed.en.txt'],
    ['tests/fixtures/corpus/qa/air-defense-drill/source.vi.txt', 'tests/fixtures/corpus/qa/air-defense-drill/flawed.en.txt'],
    ['corpus/japan-us-defense-industry/source.vi.txt', 'corpus/japan-us-defense-industry/reference.en.txt'],
  ] as const;
  // What editors do to a translation, and what moves findings in other paragraphs: a word typed
  // or deleted, a sentence copied from another paragraph, an acronym alone or expanded, a
  // quotation mark, a line break inside a paragraph (every later line moves), a glossary term.
  const edits: ((paragraphs: string[], at: number, random: () => number) => void)[] = [
    (p, at) => (p[at] = p[at]!.replace(/ (\S+) /, ' ')),
    (p, at) => (p[at] = p[at]!.replace(' ', ' also ')),
    (p, at, random) => (p[at] = `${p[at]!} ${(p[Math.floor(random() * p.length)]!.split(/(?<=\.) /)[0] ?? '').trim()}`),
    (p, at) => (p[at] = `${p[at]!} The GPI and PJHQ were named.`),
    (p, at) => (p[at] = `${p[at]!} It set up the Permanent Joint Headquarters (PJHQ) and the Glide Phase Interceptor (GPI).`),
    (p, at) => (p[at] = `“${p[at]!}`),
    (p, at) => (p[at] = p[at]!.replace(/“|”/, '')),
    (p, at) => (p[at] = p[at]!.replace(', ', ',\n')),
    (p, at) => (p[at] = p[at]!.replace(/\n/, ' ')),
    (p, at) => (p[at] = `${p[at]!} It relies on the Self-Defense Forces and the JSDF.`),
    (p, at) => (p[at] = p[at]!.replace(/\d+/, (d) => String(Number(d) + 1))),
  ];

  it('equals a fresh check after each of 40 random edits, on three articles', () => {
    const tools = createCheckTools(glossary);
    for (const [sourcePath, targetPath] of articles) {
      const random = seeded(sourcePath.length);
      const source = prepareSource({ file: sourcePath, text: readFileSync(new URL(sourcePath, root), 'utf8') }, tools);
      const paragraphs = readFileSync(new URL(targetPath, root), 'utf8').split('\n\n');
      const memo = new CheckMemo();
      let read = 0;
      for (let step = 0; step < 40; step++) {
        const at = Math.floor(random() * paragraphs.length);
        edits[Math.floor(random() * edits.length)]!(paragraphs, at, random);
        const text = paragraphs.join('\n\n');
        const incremental = checkTranslation(source, { file: targetPath, text }, tools, undefined, memo);
        const alone = checkTranslation(source, { file: targetPath, text }, tools);
        expect(incremental.findings, `${targetPath}, edit ${step + 1}`).toEqual(alone.findings);
        read += memo.summaryMisses;
      }
      // Most pairs were answered from the memo: an edit changes one or two of them (a line break moves the rest).
      expect(read).toBeLessThan(40 * paragraphs.length * 6 * 0.6);
    }
  });
});
