import { describe, expect, it } from 'vitest';
import { findInlineSuppressions } from '../../src/checks/inline-suppressions.js';
import { applyFixes } from '../../src/glossary/fix.js';
import { checkArticle, TRANSLATION } from './suppression-fixtures.js';

const KNOWN = ['term-forbidden', 'term-missing', 'untranslated'];
const paragraphs = TRANSLATION.split('\n\n');
/** The translation with `line` inserted before paragraph `n` (1-based) as a line of its own. */
const withLineBefore = (n: number, line: string, blank = false): string =>
  [...paragraphs.slice(0, n - 1), `${line}${blank ? '\n' : ''}\n${paragraphs[n - 1]}`, ...paragraphs.slice(n)].join('\n\n');
const standing = (r: ReturnType<typeof checkArticle>) => r.findings.filter((f) => !f.suppression).map((f) => [f.ruleId, f.paragraph]);

describe('findInlineSuppressions', () => {
  it.each([
    ['<!-- vitrans-disable-line term-forbidden -- quoted -->', { directive: 'disable-line', rules: ['term-forbidden'], reason: 'quoted' }],
    ['<!--vitrans-disable-next-line term-missing,untranslated -- a Vietnamese quotation -- kept -->', { directive: 'disable-next-line', rules: ['term-missing', 'untranslated'], reason: 'a Vietnamese quotation -- kept' }],
    ['<!-- vitrans-disable-next-paragraph term-forbidden, term-missing -- lý do: tên cũ -->', { directive: 'disable-next-paragraph', rules: ['term-forbidden', 'term-missing'], reason: 'lý do: tên cũ' }],
  ])('reads %s', (text, expected) => {
    const [found, ...rest] = findInlineSuppressions(`Before. ${text} After.`, KNOWN);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ ...expected, start: 8, end: 8 + text.length });
    expect(found!.problem).toBeUndefined();
  });

  it.each([
    ['<!-- vitrans-disable-line term-forbidden -->', 'has no reason'],
    ['<!-- vitrans-disable-line term-forbidden -- -->', 'has no reason'],
    ['<!-- vitrans-disable-line -- because -->', 'names no check'],
    ['<!-- vitrans-disable-line term-forbiden -- typo -->', 'unknown check "term-forbiden"'],
    ['<!-- vitrans-disable-paragraph term-forbidden -- x -->', 'unknown directive "vitrans-disable-paragraph"'],
  ])('says what is wrong with %s', (text, problem) => {
    expect(findInlineSuppressions(text, KNOWN)[0]!.problem).toContain(problem);
  });

  it('ignores other comments and a directive split over lines', () => {
    expect(findInlineSuppressions('<!-- note -->\n<!-- vitrans-disable-line\nterm-forbidden -- x -->', KNOWN)).toEqual([]);
  });
});

describe('inline suppressions in a translation', () => {
  it('suppresses the next paragraph for the named check only, and keeps the finding with the suppression', () => {
    const marker = '<!-- vitrans-disable-next-paragraph term-forbidden -- the 2012 press release is quoted -->';
    const r = checkArticle(withLineBefore(4, marker, true));
    expect(standing(r)).toEqual([['term-forbidden', 2], ['term-forbidden', 3]]);
    const suppressed = r.findings.find((f) => f.suppression)!;
    expect(suppressed).toMatchObject({
      ruleId: 'term-forbidden',
      paragraph: 4,
      actual: 'Vietnam Marine Police',
      span: { start: { line: 9, column: 5 } },
      fix: { text: 'Vietnam Coast Guard' },
      suppression: { kind: 'inline', reason: 'the 2012 press release is quoted', at: { file: 'deepl.en.txt', line: 7, column: 1 } },
    });
  });

  it('works on the paragraph right below it too, and in Markdown as an HTML comment', () => {
    const marker = '<!-- vitrans-disable-next-paragraph term-forbidden -- quoted -->';
    for (const file of ['deepl.en.txt', 'deepl.en.md']) {
      const r = checkArticle(withLineBefore(3, marker), file);
      expect(standing(r)).toEqual([['term-forbidden', 2], ['term-forbidden', 4]]);
      expect(r.findings.filter((f) => f.suppression).map((f) => f.actual)).toEqual(['Japanese Department of Defense']);
    }
  });

  it('suppresses one line: the line of the directive, or the next line with text', () => {
    const same = TRANSLATION.replace('(OSA).', '(OSA). <!-- vitrans-disable-line term-forbidden -- the name of the time -->');
    expect(standing(checkArticle(same))).toEqual([['term-forbidden', 3], ['term-forbidden', 4]]);
    const next = withLineBefore(4, '<!-- vitrans-disable-next-line term-forbidden -- the name of the time -->');
    expect(standing(checkArticle(next))).toEqual([['term-forbidden', 2], ['term-forbidden', 3]]);
  });

  it('is no translation text: what it says is not checked, no position moves, and --fix leaves it alone', () => {
    // The reason names a forbidden rendering; the directive sits inside a paragraph.
    const marker = '<!-- vitrans-disable-line term-missing -- not the Vietnam Sea Police -->';
    const text = TRANSLATION.replace('patrol vessels under', `patrol vessels ${marker} under`);
    const r = checkArticle(text);
    const forbidden = r.findings.filter((f) => f.ruleId === 'term-forbidden');
    expect(forbidden.map((f) => f.actual)).toEqual(['Vietnam Sea Police', 'Japanese Department of Defense', 'Vietnam Marine Police']);
    expect(forbidden[0]!.span!.start).toEqual({ line: 3, column: 17, offset: text.indexOf('Vietnam Sea Police') });
    const fixed = applyFixes(text, r.findings.filter((f) => f.fix && !f.suppression).map((f) => f.fix!));
    expect(fixed).toContain(marker);
    expect(fixed).toContain('the Vietnam Coast Guard took delivery');
  });

  it('leaves paragraph alignment alone: a directive on a paragraph of its own is no paragraph', () => {
    const r = checkArticle(withLineBefore(2, '<!-- vitrans-disable-next-paragraph term-forbidden -- quoted -->', true));
    expect(r.paragraphs).toHaveLength(4);
    expect(standing(r)).toEqual([['term-forbidden', 3], ['term-forbidden', 4]]);
  });

  it('on a line of its own inside a paragraph, keeps the paragraph whole and suppresses the line below', () => {
    const directive = '<!-- vitrans-disable-next-line term-forbidden -- the name of the time, as the 2012 release put it -->';
    const text = TRANSLATION.replace('The Vietnam Marine Police will', `The force will\n${directive}\nas the Vietnam Marine Police, go on to`);
    for (const file of ['deepl.en.txt', 'deepl.en.md']) {
      const r = checkArticle(text, file);
      expect(r.paragraphs).toHaveLength(4);
      expect(r.paragraphs[3]!.text).toBe(`The force will\n${' '.repeat(directive.length)}\nas the Vietnam Marine Police, go on to step up international cooperation.`);
      expect(standing(r)).toEqual([['term-forbidden', 2], ['term-forbidden', 3]]);
      expect(r.findings.find((f) => f.suppression)).toMatchObject({ actual: 'Vietnam Marine Police', span: { start: { line: 9 } }, suppression: { at: { line: 8, column: 1 } } });
    }
  });

  it('suppresses a finding about its paragraph that runs over the line it covers', () => {
    // An untranslated paragraph is reported where it starts; the slogan making it so is its last line.
    const slogan = 'The Vietnam Coast Guard closes with its motto:\n<!-- vitrans-disable-next-line untranslated -- a slogan, kept as written -->\n"Vì chủ quyền biển đảo Tổ quốc, vì bình yên của nhân dân".';
    const text = TRANSLATION.replace('The Vietnam Marine Police will step up international cooperation.', slogan);
    const without = checkArticle(text.replace(/<!--.*-->\n/, ''));
    expect(standing(without)).toContainEqual(['untranslated', 4]);
    const r = checkArticle(text);
    expect(standing(r)).not.toContainEqual(['untranslated', 4]);
    expect(r.findings.find((f) => f.suppression)).toMatchObject({ ruleId: 'untranslated', span: { start: { line: 7 } } });
    expect(r.findings.filter((f) => f.ruleId === 'unused-suppression')).toEqual([]);
    // The same with vitrans-disable-line on a line of its own inside the paragraph.
    const own = checkArticle(text.replace('vitrans-disable-next-line untranslated', 'vitrans-disable-line untranslated'));
    expect(standing(own)).not.toContainEqual(['untranslated', 4]);
    expect(own.findings.filter((f) => f.ruleId === 'unused-suppression')).toEqual([]);
  });

  it('inside a term that runs over a line break, hides nothing: the finding stands, without the fix that would erase the directive', () => {
    const directive = '<!-- vitrans-disable-line doubled-word -- a quoted stammer -->';
    const text = TRANSLATION.replace('The Vietnam Marine Police will', `The Vietnam Marine ${directive}\nPolice will`);
    const r = checkArticle(text);
    const marine = r.findings.find((f) => f.ruleId === 'term-forbidden' && f.actual?.startsWith('Vietnam Marine'));
    expect(marine).toMatchObject({ paragraph: 4, span: { start: { line: 7, column: 5 } } });
    expect(marine!.fix).toBeUndefined();
    expect(applyFixes(text, r.findings.filter((f) => f.fix && !f.suppression).map((f) => f.fix!))).toContain(directive);
  });

  it('reports a directive without a reason, and does not apply it', () => {
    const r = checkArticle(withLineBefore(4, '<!-- vitrans-disable-next-line term-forbidden -->'));
    expect(standing(r)).toEqual([['term-forbidden', 2], ['term-forbidden', 3], ['invalid-suppression', undefined], ['term-forbidden', 4]]);
    expect(r.findings.find((f) => f.ruleId === 'invalid-suppression')).toMatchObject({ severity: 'warning', span: { start: { line: 7, column: 1 } }, message: expect.stringContaining('has no reason') });
  });

  it('reports a directive that suppresses nothing, unless its check did not run', () => {
    const marker = '<!-- vitrans-disable-next-paragraph term-missing -- quoted -->';
    const r = checkArticle(withLineBefore(4, marker, true));
    expect(r.findings.filter((f) => f.ruleId === 'unused-suppression').map((f) => [f.span!.start.line, f.message])).toEqual([
      [7, '"vitrans-disable-next-paragraph term-missing" suppresses nothing here: remove it'],
    ]);
    const off = checkArticle(withLineBefore(4, marker, true), 'deepl.en.txt', { severity: { 'term-missing': 'off' } });
    expect(off.findings.filter((f) => f.ruleId === 'unused-suppression')).toEqual([]);
  });

  it('does not read a directive inside Markdown code', () => {
    const text = TRANSLATION.replace('(OSA).', '(OSA). `<!-- vitrans-disable-line term-forbidden -- x -->`');
    expect(standing(checkArticle(text, 'deepl.en.md'))).toEqual([['term-forbidden', 2], ['term-forbidden', 3], ['term-forbidden', 4]]);
  });
});

describe('finding fingerprints', () => {
  it('stay the same when other paragraphs change or lines are rewrapped, and change with the paragraph', () => {
    const before = checkArticle(TRANSLATION).findings.map((f) => f.fingerprint);
    const edited = TRANSLATION.replace('Vietnam Coast Guard receives more patrol vessels', 'More patrol vessels\nfor the Vietnam Coast Guard').replace(
      'A representative of the Japanese',
      'A representative\nof the Japanese',
    );
    const after = checkArticle(edited).findings.map((f) => f.fingerprint);
    expect(after).toEqual(before);
    const changed = checkArticle(TRANSLATION.replace('will step up', 'is to step up')).findings.map((f) => f.fingerprint);
    expect(changed.slice(0, 2)).toEqual(before.slice(0, 2));
    expect(changed[2]).not.toBe(before[2]);
  });
});
