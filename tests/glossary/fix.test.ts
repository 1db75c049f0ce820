import { describe, it, expect } from 'vitest';
import { createEnMatcher } from '../../src/glossary/en-matcher.js';
import { applyFixes, planFixes } from '../../src/glossary/fix.js';
import { entries, makeEntry } from './helpers.js';

const ballistic = makeEntry({
  id: 'ballistic-missile-defense',
  vi: 'phòng thủ tên lửa đạn đạo',
  en: 'ballistic missile defense',
  forbidden: [{ text: 'anti-ballistic shield' }],
});
const pentagon = makeEntry({ id: 'pentagon', vi: 'Lầu Năm Góc', en: 'the Pentagon', forbidden: [{ text: 'Five Corner Building' }] });
const patriot = makeEntry({
  id: 'patriot-missile',
  vi: 'tên lửa Patriot',
  en: 'Patriot missile',
  caseSensitive: true,
  forbidden: [{ text: 'Patriot rocket' }],
});
const stateVisit = makeEntry({ id: 'state-visit', vi: 'chuyến thăm cấp nhà nước', en: 'state visit', forbidden: [{ text: 'state-level visit' }] });
const matcher = createEnMatcher([...entries, ballistic, pentagon, patriot, stateVisit]);

function fixed(text: string): string {
  return applyFixes(text, planFixes(text, matcher.find(text)));
}

describe('planFixes + applyFixes', () => {
  const cases: [string, string, string][] = [
    ['lower case mid-sentence takes the approved case', 'Japan ordered the flight phase interceptor in 2023.', 'Japan ordered the Glide Phase Interceptor in 2023.'],
    ['plural kept', 'Two flight phase interceptors were tested.', 'Two Glide Phase Interceptors were tested.'],
    ['possessive kept', "The flight-phase interceptor's seeker", "The Glide Phase Interceptor's seeker"],
    ['plural possessive kept with its curly apostrophe', 'the flight phase interceptors\u2019 range', 'the Glide Phase Interceptors\u2019 range'],
    ['all capitals stay all capitals', 'NEW FLIGHT PHASE INTERCEPTOR TESTED', 'NEW GLIDE PHASE INTERCEPTOR TESTED'],
    ['sentence-initial capital stays', 'It works. Anti-ballistic shield programs grew.', 'It works. Ballistic missile defense programs grew.'],
    ['a single capital mid-sentence takes the approved case', 'the new Anti-ballistic shield', 'the new ballistic missile defense'],
    ['headline style stays headline style', 'the new Anti-Ballistic Shield', 'the new Ballistic Missile Defense'],
    ['a headline keeps headline style', 'Japan Signs Anti-Ballistic Shield Deal', 'Japan Signs Ballistic Missile Defense Deal'],
    ['start of a paragraph is a sentence start', 'Intro\n\nAnti-ballistic shield tests', 'Intro\n\nBallistic missile defense tests'],
    ['a heading keeps its capital', '# State-level visit', '# State visit'],
    ['a list item keeps its capital', '- State-level visit\n- Second', '- State visit\n- Second'],
    ['a list item written in lower case stays in lower case', '- state-level visit', '- state visit'],
    ['plain text keeps its capital', 'State-level visit to Japan.', 'State visit to Japan.'],
    ['the start of a Markdown heading is a sentence start', '# Anti-ballistic shield tests', '# Ballistic missile defense tests'],
    ['the start of a deeper heading after a paragraph', 'Intro.\n\n### Anti-ballistic shield', 'Intro.\n\n### Ballistic missile defense'],
    ['the start of a list item is a sentence start', 'Intro\n- Anti-ballistic shield tests\n2. Anti-ballistic shield', 'Intro\n- Ballistic missile defense tests\n2. Ballistic missile defense'],
    ['a list item in a block quote, after emphasis', '> * **Anti-ballistic shield** tests', '> * **Ballistic missile defense** tests'],
    ['a heading with no article before: the approved article is capitalised', '## Five Corner Building says', '## The Pentagon says'],
    ['a word after the heading start is not a sentence start', '# New Anti-ballistic shield', '# New ballistic missile defense'],
    ['a hyphen inside a line is no list marker', 'tested - Anti-ballistic shield', 'tested - ballistic missile defense'],
    ['a wrapped line is no sentence start', 'the new\nAnti-ballistic shield', 'the new\nballistic missile defense'],
    ['forbidden rendering with its own `use`', 'the interceptor flew', 'the Glide Phase Interceptor flew'],
    ['a line break inside the rendering stays in its gap', 'ordered the flight phase\n   interceptors.', 'ordered the Glide Phase\n   Interceptors.'],
    ['a line break before the rendering stays', 'the new\ninterceptor', 'the new\nGlide Phase Interceptor'],
    ['approved renderings are left alone', 'the Glide Phase Interceptor (GPI)', 'the Glide Phase Interceptor (GPI)'],
    ['an article before the match replaces the approved one at a sentence start', 'The Five Corner Building said.', 'The Pentagon said.'],
    ['an article before the match replaces the approved one mid-sentence', 'Officials at the five corner building said.', 'Officials at the Pentagon said.'],
    ['an article of any case, across a line break', 'It said. THE\nFive Corner Building agreed.', 'It said. THE\nPentagon agreed.'],
    ['all capitals with the article already there', 'THE FIVE CORNER BUILDING SAID', 'THE PENTAGON SAID'],
    ['another article before the match also counts', 'a Five Corner Building official', 'a Pentagon official'],
    ['an article in quotes before the match', '“The Five Corner Building’s budget”', '“The Pentagon’s budget”'],
    ['no article before: the approved article stays, in lower case mid-sentence', 'Officials at Five Corner Building said.', 'Officials at the Pentagon said.'],
    ['no article before, at a sentence start: the approved article is capitalised', 'Five Corner Building officials said.', 'The Pentagon officials said.'],
    ['no article before, all capitals: the approved article in capitals', 'NEWS: FIVE CORNER BUILDING SAYS', 'NEWS: THE PENTAGON SAYS'],
    ['a word merely ending like an article is no article', 'sent via Five Corner Building mail', 'sent via the Pentagon mail'],
    ['a case-sensitive entry: a forbidden rendering in title case is fixed, the approved case kept', 'The Patriot Rockets.', 'The Patriot missiles.'],
    ['a case-sensitive entry: a forbidden rendering in capitals is fixed, the approved case kept', 'THE PATRIOT ROCKET', 'THE Patriot missile'],
    ['a case-sensitive entry: a headline does not recase the rendering', 'Japan Buys Patriot Rockets', 'Japan Buys Patriot missiles'],
  ];
  it.each(cases)('%s', (_name, input, output) => {
    expect(fixed(input)).toBe(output);
  });

  it('gives case-sensitive entries a fix the matcher accepts as approved', () => {
    for (const text of ['The Patriot Rockets.', 'THE PATRIOT ROCKETS', 'patriot rocket']) {
      const out = fixed(text);
      expect(matcher.find(out).map((m) => [m.entry.id, m.kind])).toEqual([['patriot-missile', 'canonical']]);
    }
  });

  it('leaves every other character of the file untouched', () => {
    const text = '\uFEFFVào ngày 25 tháng XNUMX,\r\n  the flight phase\ninterceptor\u00a0(GPI)…  Thoả thuận\u00a0\r\n\r\n\tflight phase interceptors 🚀\n';
    const fixes = planFixes(text, matcher.find(text));
    expect(fixes).toHaveLength(2);
    const out = applyFixes(text, fixes);
    const first = fixes[0]!;
    const second = fixes[1]!;
    expect(out.slice(0, first.range[0])).toBe(text.slice(0, first.range[0]));
    const shift1 = first.text.length - (first.range[1] - first.range[0]);
    expect(out.slice(first.range[1] + shift1, second.range[0] + shift1)).toBe(text.slice(first.range[1], second.range[0]));
    const shift2 = shift1 + second.text.length - (second.range[1] - second.range[0]);
    expect(out.slice(second.range[1] + shift2)).toBe(text.slice(second.range[1]));
    expect(out).toContain('the Glide Phase\nInterceptor\u00a0(GPI)');
    expect(out).toContain('\tGlide Phase Interceptors 🚀\n');
  });

  it('gives each fix the range of its match, so checks can pair them', () => {
    const text = "the flight phase interceptor's seeker";
    const [match] = matcher.find(text);
    expect(planFixes(text, matcher.find(text))).toEqual([{ range: [match!.start, match!.end], text: "Glide Phase Interceptor's" }]);
  });

  it('ignores approved renderings and overlapping forbidden matches', () => {
    const text = 'the flight phase interceptor and the GPI';
    const matches = matcher.find(text);
    const forbidden = matches.find((m) => m.kind === 'forbidden')!;
    const overlapping = { ...forbidden, start: forbidden.start + 7 };
    expect(planFixes(text, [...matches, overlapping])).toHaveLength(1);
  });

  it('applyFixes refuses overlapping fixes and ranges outside the text', () => {
    expect(() => applyFixes('abcdef', [{ range: [0, 3], text: 'x' }, { range: [2, 4], text: 'y' }])).toThrow(/overlap/);
    expect(() => applyFixes('abc', [{ range: [1, 9], text: 'x' }])).toThrow(/outside/);
    expect(applyFixes('abcdef', [{ range: [4, 6], text: 'Z' }, { range: [0, 1], text: 'A' }])).toBe('AbcdZ');
  });
});

describe('the indefinite article goes with the fix', () => {
  const missile = makeEntry({ id: 'ssm', vi: 'tên lửa đất đối đất', en: 'surface-to-surface missile', forbidden: [{ text: 'earth-to-earth missile' }] });
  const mou = makeEntry({ id: 'mou-x', vi: 'biên bản ghi nhớ', en: 'MOU', forbidden: [{ text: 'memo of understanding' }] });
  const ota = makeEntry({ id: 'ota-x', vi: 'cơ quan giao dịch khác', en: 'Other Transaction Authority', forbidden: [{ text: 'transaction agency' }] });
  const m = createEnMatcher([missile, mou, ota]);
  const fix = (text: string) => applyFixes(text, planFixes(text, m.find(text)));
  it.each([
    ['Vietnam tested an earth-to-earth missile.', 'Vietnam tested a surface-to-surface missile.'],
    ['An earth-to-earth missile was tested.', 'A surface-to-surface missile was tested.'],
    ['They signed a memo of understanding.', 'They signed an MOU.'],
    ['It is a transaction agency.', 'It is an Other Transaction Authority.'],
    ['It is the transaction agency.', 'It is the Other Transaction Authority.'],
    ['Data from a earth-to-earth missile', 'Data from a surface-to-surface missile'],
  ])('%s', (input, output) => {
    expect(fix(input)).toBe(output);
  });
});
