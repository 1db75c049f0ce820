import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { GlossaryError } from '../../src/core/errors.js';
import { parseGlossary } from '../../src/glossary/load.js';
import { quickYamlTree, treeOfYamlNode, type YamlNode } from '../../src/glossary/yaml-tree.js';
import { glossaryYaml, makeGlossary, mulberry32, syllableList } from '../../bench/lib/generate.js';

const file = (path: string): string => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');

/** The tree as `yaml` reads it. */
const fullTree = (text: string): YamlNode | null => treeOfYamlNode(parseDocument(text, { uniqueKeys: true }).contents);

/**
 * `full` with the start of every block scalar the quick tree left unknown (-1) set to -1 too:
 * js-yaml's events do not say where a block indicator is, and only errors would show it.
 */
function withUnknownBlockStarts(full: YamlNode | null, quick: YamlNode | null): YamlNode | null {
  if (!full || !quick || full.kind !== quick.kind) return full;
  if (full.kind === 'scalar' && quick.kind === 'scalar') return quick.start === -1 ? { ...full, start: -1 } : full;
  if (full.kind === 'seq' && quick.kind === 'seq') return { ...full, items: full.items.map((item, i) => withUnknownBlockStarts(item, quick.items[i] ?? null)) };
  if (full.kind === 'map' && quick.kind === 'map') {
    return {
      ...full,
      pairs: full.pairs.map((p, i) => ({ ...p, key: withUnknownBlockStarts(p.key, quick.pairs[i]?.key ?? null), value: withUnknownBlockStarts(p.value, quick.pairs[i]?.value ?? null) })),
    };
  }
  return full;
}

/** A glossary written with every scalar style and the spellings where YAML parsers are known to differ. */
const TRICKY = [
  '# Thuật ngữ quốc phòng, bản thử',
  'version: 1.0',
  'name: "Quốc phòng \\u0026 ngoại giao\\t(thử)"',
  'entries:',
  '  - id: glide-phase-interceptor',
  '    vi: Thiết bị đánh chặn',
  '      pha bay',
  "    vi_variants: ['Thiết bị đánh chặn giai đoạn lướt', 'Thiết bị ''lướt''']",
  '    en: "Glide Phase\\',
  '      \\ Interceptor"',
  '    accepted: [ Glide-Phase Interceptor , "GPI system" ]',
  '    acronym: GPI',
  '    forbidden:',
  '      - flight phase interceptor   # a literal rendering',
  '      - { text: gliding phase interceptor, use: Glide Phase Interceptor, note: "a programme name" }',
  '    case_sensitive: False',
  '    note: |',
  '      Joint US-Japan programme announced in 2023.',
  '        Indented line kept.',
  '',
  '    tests:',
  '      - vi: "Hai nước hợp tác phát triển Thiết bị đánh chặn pha bay."',
  "      - 'en': the Glide-Phase Interceptors' seeker",
  '      - fix: { from: "two flight phase interceptors", to: "two Glide Phase Interceptors" }',
  '  -',
  // NFD and the old tone placement, as editors paste them.
  `    vi: ${'Thoả thuận hoà bình'.normalize('NFD')}`,
  '    en: >-',
  '      Peace',
  '      Agreement',
  '    note: >+',
  '      kept',
  '',
  '    severity: warning',
  '  - vi: "Hải quân"',
  '    en: Navy',
  '    case_sensitive: TRUE',
  '    forms: [~, null, Null, 0x1F, 0o17, +12, -3.5e2, .inf, -.Inf, .NaN, 1_000, yes, on, 2024-01-01, 12:30, "", \'\']',
  '    "note": ok',
  '',
].join('\n');

const documents: Array<[string, string]> = [
  ['the shipped glossary', file('../../glossary.yaml')],
  ['the defence fixture', file('./fixtures/defense.yaml')],
  ['the BOM/NFD fixture', file('./fixtures/bom-nfd.yaml').replace(/^\uFEFF/, '')],
  ['every scalar style', TRICKY],
  ['every scalar style, CRLF line ends', TRICKY.replace(/\n/g, '\r\n')],
  ['a generated 300-entry glossary', glossaryYaml(makeGlossary(300, syllableList(), mulberry32(3)))],
];

describe('quickYamlTree', () => {
  it.each(documents)('reads %s into the tree yaml reads, offsets and types included', (_name, text) => {
    const quick = quickYamlTree(text);
    expect(quick).toBeDefined();
    const expected = withUnknownBlockStarts(fullTree(text), quick ?? null);
    expect(quick).toEqual(expected);
  });

  it("types plain scalars as yaml's core schema does, not as YAML 1.1 would", () => {
    const quick = quickYamlTree('a: [yes, on, 2024-01-01, 1_000, 0x1F, 0o17, ~, TRUE, .inf]\n');
    const values = quick?.kind === 'map' && quick.pairs[0]?.value?.kind === 'seq' ? quick.pairs[0].value.items.map((n) => (n?.kind === 'scalar' ? n.value : undefined)) : [];
    expect(values).toEqual(['yes', 'on', '2024-01-01', '1_000', 31, 15, null, true, Infinity]);
  });

  it.each([
    ['an anchor and an alias', 'version: 1\nentries:\n  - &e { vi: Hải quân, en: Navy }\n  - *e\n'],
    ['a tag', 'version: !!int 1\nentries: []\n'],
    ['a local tag', 'version: 1\nentries:\n  - vi: !vi Hải quân\n    en: Navy\n'],
    ['a %YAML directive', '%YAML 1.1\n---\nversion: 1\nentries: []\n'],
    ['two documents', 'version: 1\nentries: []\n---\nversion: 1\n'],
    ['a key written twice', 'version: 1\nentries:\n  - vi: Hải quân\n    en: Navy\n    en: Marine\n'],
    ['a key and its quoted twin', 'version: 1\n"version": 1\nentries: []\n'],
    ['a complex key', 'version: 1\n? [entries]\n: []\n'],
    ['a block scalar as a key', 'version: 1\n? |\n  entries\n: []\n'],
    ['an unclosed quote', 'version: 1\nentries:\n  - vi: "Hải quân\n    en: Navy\n'],
    ['bad indentation', 'version: 1\nentries:\n  - vi: Hải quân\n   en: Navy\n'],
  ])('leaves %s to yaml', (_name, text) => {
    expect(quickYamlTree(text)).toBeUndefined();
  });
});

describe('parseGlossary over the quick reading', () => {
  it('reads a glossary the quick reading takes exactly as yaml reads it', () => {
    const text = TRICKY.replace(/^ {4}forms: .*$/m, '    forms: [Navies]');
    expect(quickYamlTree(text)).toBeDefined();
    const glossary = parseGlossary(text, 'g.yaml');
    const gpi = glossary.entries[0]!;
    expect(gpi.en).toBe('Glide Phase Interceptor');
    expect(gpi.vi).toBe('Thiết bị đánh chặn pha bay');
    expect(gpi.viVariants).toEqual(['Thiết bị đánh chặn giai đoạn lướt', "Thiết bị 'lướt'"]);
    expect(gpi.location).toEqual({ file: 'g.yaml', line: 5, column: 5 });
    expect(gpi.tests.map((t) => [t.kind, t.line, t.column])).toEqual([['vi', 22, 9], ['en', 23, 9], ['fix', 24, 9]]);
    expect(glossary.entries[1]).toMatchObject({ vi: 'Thoả thuận hoà bình', note: 'kept', en: 'Peace Agreement', location: { line: 26, column: 5 } });
  });

  it('reports a problem at the position yaml gives, also where the quick reading has none (a block scalar)', () => {
    const text = 'version: 1\nentries:\n  - vi: Hải quân\n    en: Navy\n    acronym: |\n      Hq\n';
    expect(quickYamlTree(text)).toBeDefined();
    let error: unknown;
    try {
      parseGlossary(text, 'g.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GlossaryError);
    expect((error as GlossaryError).location).toEqual({ file: 'g.yaml', line: 5, column: 14 });
    expect((error as GlossaryError).message).toBe('acronym "Hq" of entry 1 is not all capitals and digits');
  });

  it('reports a quoted value at its opening quote, as yaml does', () => {
    const text = 'version: 1\nentries:\n  - vi: Hải quân\n    en: Navy\n    severity: "fatal"\n';
    expect(() => parseGlossary(text, 'g.yaml')).toThrow(GlossaryError);
    try {
      parseGlossary(text, 'g.yaml');
    } catch (e) {
      expect((e as GlossaryError).location).toEqual({ file: 'g.yaml', line: 5, column: 15 });
    }
  });
});
