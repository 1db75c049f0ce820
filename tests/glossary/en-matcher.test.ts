import { describe, it, expect } from 'vitest';
import { createEnMatcher } from '../../src/glossary/en-matcher.js';
import type { RenderingKind } from '../../src/glossary/types.js';
import { dod, entries, gpi, makeEntry, mod, mou } from './helpers.js';

const stateVisit = makeEntry({
  id: 'state-visit',
  vi: 'chuyến thăm cấp nhà nước',
  en: 'state visit',
  forbidden: [{ text: 'official state visit', use: 'state visit' }],
});
const matcher = createEnMatcher([...entries, stateVisit]);

interface Expected {
  id: string;
  kind: RenderingKind;
  text: string;
  plural?: boolean;
  possessive?: boolean;
}

/** What `find` reports, reduced to what the tables compare. */
function found(text: string): Expected[] {
  return matcher.find(text).map((m) => {
    expect(text.slice(m.start, m.end)).toBe(m.text);
    return { id: m.entry.id, kind: m.kind, text: m.text, plural: m.plural, possessive: m.possessive };
  });
}

const GPI = 'glide-phase-interceptor';
const MOU = 'memorandum-of-understanding';
const DOD = 'us-department-of-defense';

describe('createEnMatcher: renderings it recognises', () => {
  const valid: [string, string, Expected[]][] = [
    ['canonical as written', 'the joint development of the Glide Phase Interceptor.', [{ id: GPI, kind: 'canonical', text: 'Glide Phase Interceptor', plural: false, possessive: false }]],
    ['hyphenated', 'the Glide-Phase Interceptor program', [{ id: GPI, kind: 'canonical', text: 'Glide-Phase Interceptor' }]],
    ['non-breaking hyphen and plural', 'two Glide\u2011Phase Interceptors', [{ id: GPI, kind: 'canonical', text: 'Glide\u2011Phase Interceptors', plural: true }]],
    ['en dash, NBSP and several spaces', 'a Glide\u2013Phase\u00a0\u00a0  Interceptor', [{ id: GPI, kind: 'canonical', text: 'Glide\u2013Phase\u00a0\u00a0  Interceptor' }]],
    ['across a line break', 'the Glide Phase\nInterceptor (GPI)', [{ id: GPI, kind: 'canonical', text: 'Glide Phase\nInterceptor' }, { id: GPI, kind: 'acronym', text: 'GPI' }]],
    ['any case', 'GLIDE PHASE INTERCEPTOR tests', [{ id: GPI, kind: 'canonical', text: 'GLIDE PHASE INTERCEPTOR' }]],
    ['plural of the head noun before "of"', 'Two Memoranda of Understanding were signed', [{ id: MOU, kind: 'canonical', text: 'Memoranda of Understanding', plural: true }]],
    ['regular plural of the head noun', 'both Memorandums of Understanding', [{ id: MOU, kind: 'canonical', text: 'Memorandums of Understanding', plural: true }]],
    ['possessive', "the Department of Defense's budget", [{ id: DOD, kind: 'canonical', text: "Department of Defense's", possessive: true }]],
    ['curly possessive', 'the Department of Defense\u2019s budget', [{ id: DOD, kind: 'canonical', text: 'Department of Defense\u2019s', possessive: true }]],
    ['plural possessive', "the Glide Phase Interceptors' radars", [{ id: GPI, kind: 'canonical', text: "Glide Phase Interceptors'", plural: true, possessive: true }]],
    ['spelling variant listed in accepted', 'the Department of Defence', [{ id: DOD, kind: 'accepted', text: 'Department of Defence' }]],
    ['acronym and its plural', 'the GPI and two MOUs', [{ id: GPI, kind: 'acronym', text: 'GPI', plural: false }, { id: MOU, kind: 'acronym', text: 'MOUs', plural: true }]],
    ['acronym possessive', 'the MOU\u2019s terms', [{ id: MOU, kind: 'acronym', text: 'MOU\u2019s', possessive: true }]],
    ['case-sensitive entry as written', 'the Japan Self-Defense Forces (JSDF)', [{ id: 'japan-self-defense-forces', kind: 'canonical', text: 'Japan Self-Defense Forces' }, { id: 'japan-self-defense-forces', kind: 'acronym', text: 'JSDF' }]],
    ['forbidden rendering and its plural', 'two flight-phase interceptors', [{ id: GPI, kind: 'forbidden', text: 'flight-phase interceptors', plural: true }]],
    ['accepted rendering containing a forbidden one: the longer wins', 'the Glide Phase Interceptor', [{ id: GPI, kind: 'canonical', text: 'Glide Phase Interceptor' }]],
    ['forbidden rendering containing an accepted one: the longer wins', 'an official state visit to Washington', [{ id: 'state-visit', kind: 'forbidden', text: 'official state visit' }]],
    ['a blank line splits a phrase', 'Glide Phase\n\nInterceptor', [{ id: GPI, kind: 'forbidden', text: 'Interceptor' }]],
    ['renderings beside Vietnamese and punctuation', '«Bộ Quốc phòng Hoa Kỳ» = Department of Defense; (GPI),', [{ id: DOD, kind: 'canonical', text: 'Department of Defense' }, { id: GPI, kind: 'acronym', text: 'GPI' }]],
  ];
  it.each(valid)('%s', (_name, text, expected) => {
    const actual = found(text);
    expect(actual).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(actual[i]).toMatchObject(e));
  });
});

describe('createEnMatcher: text that is no approved rendering', () => {
  const invalid: [string, string, string][] = [
    ['an acronym pluralised in capitals', 'the MOUS and the GPIS', MOU],
    ['an acronym in the wrong case', 'the Gpi and the mou', MOU],
    ['an acronym inside a longer word', 'a MOUSE, GPIx and preMOU', MOU],
    ['an acronym glued to a Vietnamese letter', 'MOUđ', MOU],
    ['"Memorandum of Understandings" (last word pluralised)', 'the Memorandum of Understandings', MOU],
    ['a spelling variant not in accepted', 'the Ministry of Defence', 'japan-ministry-of-defense'],
    ['a case-sensitive entry in another case', 'the japan self-defense forces and JAPAN SELF-DEFENSE FORCES', 'japan-self-defense-forces'],
    ['words glued together', 'the GlidePhase Interceptor', GPI],
  ];
  it.each(invalid)('%s', (_name, text, entryId) => {
    expect(matcher.find(text).filter((m) => m.entry.id === entryId && m.kind !== 'forbidden')).toEqual([]);
  });

  it('does not take a rendering split by punctuation', () => {
    expect(found('the Glide Phase, Interceptor')).toEqual([{ id: GPI, kind: 'forbidden', text: 'Interceptor', plural: false, possessive: false }]);
  });
});

describe('createEnMatcher: competing entries', () => {
  it('prefers an approved rendering of one entry over the same words forbidden by another', () => {
    const strictDod = makeEntry({ ...entries[2]!, forbidden: [{ text: 'Ministry of Defense' }] });
    const mod = entries[3]!;
    const m = createEnMatcher([strictDod, mod]);
    expect(m.find('the Ministry of Defense').map((x) => [x.entry.id, x.kind])).toEqual([[mod.id, 'canonical']]);
    expect(createEnMatcher([strictDod]).find('the Ministry of Defense').map((x) => x.kind)).toEqual(['forbidden']);
  });
});

describe('createEnMatcher: case-sensitive entries', () => {
  const patriot = makeEntry({
    id: 'patriot-missile',
    vi: 'tên lửa Patriot',
    en: 'Patriot missile',
    caseSensitive: true,
    forbidden: [{ text: 'Patriot rocket' }, { text: 'patriot missile system' }, { text: 'PATRIOT MISSILE' }],
  });
  const m = createEnMatcher([patriot]);
  const kinds = (text: string): [string, string][] => m.find(text).map((x) => [x.kind, x.text]);

  const forbiddenInAnyCase: [string, string, string][] = [
    ['title case, plural', 'The Patriot Rockets.', 'Patriot Rockets'],
    ['capitals mixed', 'The PATRIOT rockets.', 'PATRIOT rockets'],
    ['as written, plural', 'Patriot rockets flew.', 'Patriot rockets'],
    ['lower case', 'a patriot rocket', 'patriot rocket'],
    ['all capitals', 'THE PATRIOT ROCKET', 'PATRIOT ROCKET'],
  ];
  it.each(forbiddenInAnyCase)('finds a forbidden rendering in any case: %s', (_name, text, match) => {
    expect(kinds(text)).toEqual([['forbidden', match]]);
  });

  it('keeps the approved rendering case-sensitive', () => {
    expect(kinds('the Patriot missile')).toEqual([['canonical', 'Patriot missile']]);
    expect(kinds('the Patriot missiles')).toEqual([['canonical', 'Patriot missiles']]);
    expect(m.find('the Patriot Missile and the patriot missiles').filter((x) => x.kind !== 'forbidden')).toEqual([]);
  });

  it('still lets an approved rendering beat the same words forbidden in another case', () => {
    // "PATRIOT MISSILE" is forbidden in any case, so it covers "Patriot missile" too: approved wins there.
    expect(kinds('the Patriot missile')).toEqual([['canonical', 'Patriot missile']]);
    expect(kinds('the Patriot Missile')).toEqual([['forbidden', 'Patriot Missile']]);
  });

  it('still lets the longest match win: a longer forbidden rendering over the approved one inside it', () => {
    expect(kinds('the Patriot missile system')).toEqual([['forbidden', 'Patriot missile system']]);
    expect(kinds('the Patriot Missile System')).toEqual([['forbidden', 'Patriot Missile System']]);
  });
});

describe('createEnMatcher: positions and articles', () => {
  it('reports UTF-16 offsets into the text as given, without a leading article', () => {
    const text = 'Hôm nay the\u00a0Glide Phase Interceptor 🚀 and the GPI.';
    const [canonical, acronym] = matcher.find(text);
    expect(canonical?.start).toBe(text.indexOf('Glide'));
    expect(canonical?.end).toBe(text.indexOf(' 🚀'));
    expect(acronym?.start).toBe(text.lastIndexOf('GPI'));
  });

  it('does not need an article that a rendering starts with', () => {
    const pentagon = makeEntry({ id: 'pentagon', vi: 'Lầu Năm Góc', en: 'the Pentagon' });
    const m = createEnMatcher([pentagon]);
    expect(m.find('Pentagon officials').map((x) => x.text)).toEqual(['Pentagon']);
    expect(m.find('said the Pentagon').map((x) => x.text)).toEqual(['Pentagon']);
  });

  it('builds one matcher for many entries and finds each of them', () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      makeEntry({ id: `program-${i}`, vi: `chương trình ${i}`, en: `Defense Program ${i}`, acronym: `DP${i}` }),
    );
    const m = createEnMatcher(many);
    const text = many.map((e, i) => (i % 2 === 0 ? `the ${e.en}s' budget.` : `(${e.acronym}s)`)).join('\n');
    const matches = m.find(text);
    expect(matches).toHaveLength(2000);
    expect(matches.every((x, i) => x.entry.id === `program-${i}` && x.plural)).toBe(true);
  });
});

describe('index: acronyms and document order', () => {
  it('counts an acronym only after its expansion', () => {
    const text = 'The GPI is new. The Glide Phase Interceptor (GPI) will fly. The GPI is jointly built.';
    const idx = matcher.index(text);
    const acronyms = idx.forEntry(GPI).filter((m) => m.kind === 'acronym');
    expect(acronyms.map((m) => idx.satisfies(m))).toEqual([false, true, true]);
    // Introduced exactly where the expansion ends.
    expect(idx.isAcronymIntroduced(GPI, text.indexOf(' (GPI)'))).toBe(true);
    expect(idx.isAcronymIntroduced(GPI, text.indexOf(' (GPI)') - 1)).toBe(false);
    expect(idx.isAcronymIntroduced(GPI, 5)).toBe(false);
    expect(idx.isAcronymIntroduced(GPI, text.lastIndexOf('GPI'))).toBe(true);
    expect(idx.isAcronymIntroduced(MOU, text.length)).toBe(false);
  });

  it('never counts a forbidden rendering, nor lets it introduce the acronym', () => {
    const idx = matcher.index('The flight phase interceptor (GPI) flew.');
    const [forbidden, acronym] = idx.matches;
    expect(forbidden && idx.satisfies(forbidden)).toBe(false);
    expect(acronym && idx.satisfies(acronym)).toBe(false);
  });
});

describe('createEnMatcher: tokens beyond ASCII', () => {
  const cafe = makeEntry({ id: 'cafe-diplomacy', vi: 'ngoại giao cà phê', en: 'Café Diplomacy', forbidden: [{ text: 'coffee diplomacy' }] });
  const m = createEnMatcher([cafe, ...entries]);

  it('matches a non-ASCII rendering in any case and in NFD', () => {
    const text = 'CAFÉ diplomacy, then cafe\u0301 Diplomacy and café diplomacy’s end';
    expect(m.find(text).map((x) => [x.kind, x.text, x.possessive])).toEqual([
      ['canonical', 'CAFÉ diplomacy', false],
      ['canonical', 'cafe\u0301 Diplomacy', false],
      ['canonical', 'café diplomacy’s', true],
    ]);
  });

  it('does not take an ASCII spelling for a non-ASCII one', () => {
    expect(m.find('cafe diplomacy')).toEqual([]);
  });

  it('finds nothing with an empty glossary', () => {
    expect(createEnMatcher([]).find('Glide Phase Interceptor (GPI)')).toEqual([]);
  });

  it('resolves overlapping renderings the same way wherever they stand in a long text', () => {
    const chunk = 'an official state visit, the Glide Phase Interceptor (GPI) and an official state visit\n\n';
    const one = matcher.find(chunk).map((x) => [x.entry.id, x.kind, x.text]);
    const many = matcher.find(chunk.repeat(50));
    expect(many).toHaveLength(one.length * 50);
    expect(many.slice(-one.length).map((x) => [x.entry.id, x.kind, x.text])).toEqual(one);
  });
});

describe('createEnMatcher: closed compounds and common prefixes', () => {
  const ballistic = makeEntry({ id: 'ballistic-missile', vi: 'tên lửa đạn đạo', en: 'ballistic missile', forbidden: [{ text: 'ballistic rocket' }] });
  const counterstrike = makeEntry({ id: 'counterstrike-capability', vi: 'năng lực phản công', en: 'counterstrike capability' });
  const coProduction = makeEntry({ id: 'co-production', vi: 'cùng sản xuất', en: 'co-production', accepted: ['co-produce'] });
  const nonbinding = makeEntry({ id: 'non-binding', vi: 'không ràng buộc', en: 'nonbinding' });
  const operations = makeEntry({ id: 'operations', vi: 'hoạt động', en: 'operations command' });
  const m = createEnMatcher([ballistic, counterstrike, coProduction, nonbinding, operations]);
  const kinds = (text: string): [string, string, string][] => m.find(text).map((x) => [x.entry.id, x.kind, x.text]);

  const valid: [string, string, [string, string, string][]][] = [
    ['a rendering after a closed prefix', 'an antiballistic missile shield', [['ballistic-missile', 'canonical', 'ballistic missile']]],
    ['the same with a hyphen', 'an anti-ballistic missile shield', [['ballistic-missile', 'canonical', 'ballistic missile']]],
    ['a capitalised closed prefix, plural', 'Antiballistic missiles were fired.', [['ballistic-missile', 'canonical', 'ballistic missiles']]],
    ['a closed rendering written with a hyphen', "Japan's counter-strike capabilities", [['counterstrike-capability', 'canonical', 'counter-strike capabilities']]],
    ['a closed rendering written with a space', 'a counter strike capability', [['counterstrike-capability', 'canonical', 'counter strike capability']]],
    ['a closed rendering as written', 'a Counterstrike capability', [['counterstrike-capability', 'canonical', 'Counterstrike capability']]],
    ['a hyphenated rendering written closed', 'a coproduction deal to coproduce shells', [['co-production', 'canonical', 'coproduction'], ['co-production', 'accepted', 'coproduce']]],
    ['a closed "non" rendering written open', 'a non-binding arrangement', [['non-binding', 'canonical', 'non-binding']]],
  ];
  it.each(valid)('%s', (_name, text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it('keeps the prefix out of the match, so a fix keeps it ("antiballistic rockets" → "antiballistic missiles")', () => {
    const text = 'two antiballistic rockets';
    const [match] = m.find(text);
    expect(match).toMatchObject({ kind: 'forbidden', start: text.indexOf('ballistic'), text: 'ballistic rockets' });
  });

  const invalid: [string, string][] = [
    ['"cooperation" is not co- and "operation"', 'the cooperation command'],
    ['"coordination" is not co- and "ordination"', 'coordination'],
    ['a prefix followed by too short a rest', 'the antis and nonce words'],
    ['a prefix before an unknown word', 'an antitank missile'],
  ];
  it.each(invalid)('%s', (_name, text) => {
    expect(m.find(text).filter((x) => x.entry.id !== 'ballistic-missile')).toEqual([]);
  });
});

describe('English matcher on documents of many megabytes', () => {
  it('finds in a 3 MB document exactly what it finds paragraph by paragraph (it matches such documents in pieces cut at blank lines)', () => {
    const m = createEnMatcher([gpi, mou, dod, mod]);
    const paragraphs: string[] = [];
    let size = 0;
    for (let i = 0; size < 3_200_000; i++) {
      // Renderings at paragraph ends and starts, possessives, plurals, line breaks inside a rendering.
      const p =
        i % 3 === 0
          ? `Memorandum of\nUnderstanding ${i} was signed by the Department of Defense's ${'staff and '.repeat(i % 40)}two Glide Phase Interceptors`
          : `The flight phase interceptor ${i}; MOUs and the Ministry of Defense. ${'Talks went on. '.repeat(i % 25)}Department of Defense`;
      paragraphs.push(p);
      size += p.length + 3;
    }
    const separators = ['\n\n', '\n \n', '\r\n\r\n', '\n\n\n'];
    let text = '';
    const starts: number[] = [];
    paragraphs.forEach((p, i) => {
      if (i > 0) text += separators[i % separators.length];
      starts.push(text.length);
      text += p;
    });
    const whole = m.find(text);
    const byParagraph = paragraphs.flatMap((p, i) => m.find(p).map((r) => ({ ...r, start: r.start + starts[i]!, end: r.end + starts[i]! })));
    expect(whole.length).toBe(byParagraph.length);
    expect(whole).toEqual(byParagraph);
  });
});
