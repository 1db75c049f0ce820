import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import type { Finding } from '../../src/core/types.js';
import { applyBaseline, baselineEntries, formatBaseline, parseBaseline } from '../../src/checks/baseline.js';
import { checkArticle, TRANSLATION } from './suppression-fixtures.js';

const FILE = 'corpus/coast-guard/deepl.en.txt';
const keyOf = (file: string) => file;
const scope = { keyOf, checked: [FILE], shownFile: 'vitrans-baseline.json' };
const recordOf = (findings: Finding[]) => parseBaseline(formatBaseline(baselineEntries(findings, keyOf)), 'vitrans-baseline.json');
const today = checkArticle(TRANSLATION, FILE).findings;
const standing = (out: Finding[]) => out.filter((f) => !f.suppression).map((f) => [f.ruleId, f.actual ?? f.message]);

describe('baselines', () => {
  it('records one entry per finding, one line each, in a stable order, and reads them back with their lines', () => {
    const text = formatBaseline(baselineEntries([...today].reverse(), keyOf));
    const lines = text.split('\n');
    expect(lines.slice(0, 4)).toEqual(['{', '  "version": 1,', '  "tool": "vitrans",', '  "findings": [']);
    expect(lines.slice(4, 7).map((l) => JSON.parse(l.replace(/,$/, '')).actual)).toEqual(['Vietnam Sea Police', 'Japanese Department of Defense', 'Vietnam Marine Police']);
    const baseline = parseBaseline(text, 'vitrans-baseline.json');
    expect(baseline.entries.map((e) => [e.paragraph, e.count, e.position?.line])).toEqual([[2, 1, 5], [3, 1, 6], [4, 1, 7]]);
    expect(baseline.entries[0]).toMatchObject({ file: FILE, ruleId: 'term-forbidden', termId: 'vietnam-coast-guard', fingerprint: today[0]!.fingerprint });
  });

  it('suppresses the recorded findings and fails only on new ones, whatever moved elsewhere in the file', () => {
    const baseline = recordOf(today);
    // A heading added above and a paragraph rewrapped shift every line: nothing is new.
    const shifted = checkArticle(
      TRANSLATION.replace('Vietnam Coast Guard receives', 'Vietnam Coast Guard\nreceives').replace('A representative of', 'A representative\nof'),
      FILE,
    ).findings;
    const out = applyBaseline(shifted, baseline, scope);
    expect(standing(out)).toEqual([]);
    expect(out.map((f) => f.suppression?.kind)).toEqual(['baseline', 'baseline', 'baseline']);
    expect(out[1]!.suppression).toEqual({ kind: 'baseline', reason: 'recorded in the baseline', at: { file: 'vitrans-baseline.json', line: 6, column: expect.any(Number) } });
    // A new problem in a recorded paragraph is new (the paragraph text changed: its findings too).
    const edited = checkArticle(TRANSLATION.replace('joint training courses', 'Vietnam Sea Police training courses'), FILE).findings;
    expect(standing(applyBaseline(edited, baseline, scope))).toEqual([
      ['term-forbidden', 'Japanese Department of Defense'],
      ['term-forbidden', 'Vietnam Sea Police'],
      ['unused-suppression', expect.stringContaining('"Japanese Department of Defense"')],
    ]);
  });

  it('counts identical findings: a second copy of a recorded one is new', () => {
    const twice = TRANSLATION.replace('The Vietnam Marine Police will', 'The Vietnam Marine Police and the Vietnam Marine Police will');
    const baseline = recordOf(checkArticle(twice, FILE).findings);
    expect(baseline.entries.map((e) => e.count)).toEqual([1, 1, 2]);
    const thrice = twice.replace('and the Vietnam', 'and the Vietnam Marine Police and the Vietnam');
    const out = applyBaseline(checkArticle(thrice, FILE).findings, baseline, scope);
    // The paragraph changed, so its recorded pair is stale and all three are new.
    expect(standing(out).filter(([r]) => r === 'term-forbidden')).toHaveLength(3);
    // Same paragraph, one copy fixed: one recorded finding left over.
    const once = applyBaseline(checkArticle(TRANSLATION, FILE).findings, recordOf(checkArticle(TRANSLATION, FILE).findings.concat(checkArticle(TRANSLATION, FILE).findings.slice(2))), scope);
    expect(standing(once)).toEqual([['unused-suppression', expect.stringContaining('1 of the 2 recorded term-forbidden findings')]]);
  });

  it('reports recorded findings that no longer occur, at their line in the baseline, for checked files only', () => {
    const baseline = recordOf(today);
    const fixed = checkArticle(TRANSLATION.replace('Vietnam Sea Police', 'Vietnam Coast Guard'), FILE).findings;
    const [stale, ...rest] = applyBaseline(fixed, baseline, scope).filter((f) => f.ruleId === 'unused-suppression');
    expect(rest).toEqual([]);
    expect(stale).toMatchObject({
      severity: 'warning',
      file: 'vitrans-baseline.json',
      span: { start: { line: 5 } },
      message: `the recorded term-forbidden finding in ${FILE} ¶2 ("Vietnam Sea Police") no longer occurs: run with --update-baseline to drop it`,
    });
    expect(applyBaseline(fixed, baseline, { ...scope, checked: ['other.en.txt'] }).filter((f) => f.ruleId === 'unused-suppression')).toEqual([]);
  });

  it('leaves suppressed findings and suppression warnings out of a recording', () => {
    const marked = checkArticle(TRANSLATION.replace('cooperation.', 'cooperation. <!-- vitrans-disable-line term-forbidden -->'), FILE).findings;
    expect(marked.map((f) => f.ruleId)).toContain('invalid-suppression');
    expect(baselineEntries(marked, keyOf).map((e) => e.ruleId)).toEqual(['term-forbidden', 'term-forbidden', 'term-forbidden']);
  });

  it.each([
    ['broken JSON', '{\n  "version": 1,\n  "findings": [\n', 4, 1],
    ['another tool', '{"version": 1, "tool": "eslint", "findings": []}', 1, 1],
    ['a newer version', '{\n  "tool": "vitrans",\n  "version": 2,\n  "findings": []\n}', 3, 3],
    ['a bad entry', '{"version": 1, "tool": "vitrans", "findings": [\n  {"file": "a.en.txt", "ruleId": "term-missing", "fingerprint": "0a1b", "count": 0}\n]}', 2, 50],
  ])('refuses %s at line:col', (_name, text, line, column) => {
    let error: unknown;
    try {
      parseBaseline(text, 'vitrans-baseline.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/^not a vitrans baseline: /);
    expect((error as ConfigError).location).toEqual({ file: 'vitrans-baseline.json', line, column });
  });
});
