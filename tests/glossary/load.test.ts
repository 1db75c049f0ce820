import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GlossaryError } from '../../src/core/errors.js';
import { englishKey, loadGlossary, parseGlossary } from '../../src/glossary/load.js';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** The GlossaryError parseGlossary throws for `source` (fails the test when it throws nothing). */
function errorOf(source: string): GlossaryError {
  try {
    parseGlossary(source, 'glossary.yaml');
  } catch (e) {
    if (e instanceof GlossaryError) return e;
    throw e;
  }
  throw new Error('expected a GlossaryError');
}

describe('parseGlossary: a valid glossary', () => {
  const glossary = parseGlossary(readFileSync(fixture('defense.yaml'), 'utf8'), 'defense.yaml');

  it('reads the top level with defaults', () => {
    expect(glossary).toMatchObject({ file: 'defense.yaml', version: 1, name: 'Quốc phòng Nhật–Mỹ', sourceLanguage: 'vi', targetLanguage: 'en' });
    expect(glossary.entries.map((e) => e.id)).toEqual([
      'glide-phase-interceptor',
      'memorandum-of-understanding',
      'security-of-supply-arrangement',
      'us-department-of-defense',
      'japan-self-defense-forces',
    ]);
  });

  it('reads every entry field, with the entry and test positions', () => {
    const [gpi] = glossary.entries;
    expect(gpi).toMatchObject({
      vi: 'Thiết bị đánh chặn pha bay',
      viVariants: ['Thiết bị đánh chặn giai đoạn lướt'],
      en: 'Glide Phase Interceptor',
      accepted: [],
      acronym: 'GPI',
      caseSensitive: false,
      forbidden: [
        { text: 'flight phase interceptor' },
        { text: 'glide stage interceptor', use: 'Glide Phase Interceptor', note: 'Literal rendering of "giai đoạn lướt".' },
      ],
      location: { file: 'defense.yaml', line: 5, column: 5 },
    });
    expect(gpi?.tests[0]).toEqual({ kind: 'vi', text: 'chương trình hợp tác phát triển Thiết bị đánh chặn pha bay (GPI)', line: 17, column: 9 });
    expect(gpi?.tests[4]).toEqual({
      kind: 'fix', from: 'Two flight phase interceptors were ordered.', to: 'Two Glide Phase Interceptors were ordered.', line: 21, column: 9,
    });
    const jsdf = glossary.entries[4];
    expect(jsdf).toMatchObject({ caseSensitive: true, note: 'Official name; keep the capitals.', forms: [] });
  });

  it('derives a kebab-case id from `en` when `id` is missing', () => {
    const g = parseGlossary('version: 1\nentries:\n  - vi: Bộ Quốc phòng Nhật Bản\n    en: "Japan\'s Ministry of Defense (MOD)"\n', 'g.yaml');
    expect(g.entries[0]?.id).toBe('japan-s-ministry-of-defense-mod');
  });

  it('hashes what matching depends on: not comments, notes or tests', () => {
    const source = readFileSync(fixture('defense.yaml'), 'utf8');
    const reworded = source
      .replace('# Japan–U.S.', '# Reworded comment. Japan–U.S.')
      .replace('Official name; keep the capitals.', 'Another note.')
      .replace('- not_en: "japan self-defense forces"', '- not_en: "japan self defense forces"');
    expect(parseGlossary(reworded, 'other.yaml').hash).toBe(glossary.hash);
    const renamed = source.replace('en: Glide Phase Interceptor', 'en: Glide-Phase Interceptor');
    expect(parseGlossary(renamed, 'defense.yaml').hash).not.toBe(glossary.hash);
    expect(glossary.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the hash translation caches are keyed by (SHA-256 of the canonical JSON) on a glossary hashed in several pieces', () => {
    // 3,000 entries make some 400 KB of canonical JSON, hashed by the loader in pieces.
    const provinces = ['Hà Nội', 'Đà Nẵng', 'Thừa Thiên Huế', 'Khánh Hoà', 'Cần Thơ'];
    const items = Array.from({ length: 3000 }, (_, i) => {
      const vi = `Sở Kế hoạch và Đầu tư ${provinces[i % 5]} khu ${i}`;
      const en = `${provinces[i % 5]} Department of Planning and Investment, zone ${i}`;
      return `  - vi: "${vi}"\n    en: "${en}"\n    forbidden:\n      - text: "${provinces[i % 5]} Planning Office ${i}"\n        use: "${en}"\n`;
    });
    const g = parseGlossary(`version: 1\nsource_language: vi\nentries:\n${items.join('')}`, 'sở.yaml');
    const canonical = g.entries.map((e) => ({
      id: e.id, vi: e.vi, viVariants: e.viVariants, en: e.en, accepted: e.accepted, forms: e.forms,
      forbidden: e.forbidden.map((f) => ({ text: f.text, use: f.use ?? null })), acronym: e.acronym ?? null, caseSensitive: e.caseSensitive,
    }));
    const expected = createHash('sha256').update(JSON.stringify({ sourceLanguage: 'vi', targetLanguage: 'en', entries: canonical })).digest('hex');
    expect(g.entries).toHaveLength(3000);
    expect(g.hash).toBe(expected);
  });
});

describe('loadGlossary', () => {
  it('reads a file with a BOM, CRLF line ends and NFD Vietnamese, and gives NFC terms', async () => {
    const g = await loadGlossary(fixture('bom-nfd.yaml'));
    const [entry] = g.entries;
    expect(entry?.vi).toBe('Bộ Quốc phòng Nhật Bản'.normalize('NFC'));
    expect(entry?.vi).not.toBe(entry?.vi.normalize('NFD'));
    expect(entry?.location).toMatchObject({ line: 4, column: 5 });
    // Self-test texts stay as written: NFD input is what they test.
    const test = entry?.tests[0];
    expect(test?.kind === 'vi' && test.text.startsWith('Bộ Quốc phòng Nhật Bản'.normalize('NFD'))).toBe(true);
  });

  it('reports a missing file as a GlossaryError with a hint', async () => {
    const path = fixture('no-such-glossary.yaml');
    const error = await loadGlossary(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GlossaryError);
    expect((error as GlossaryError).message).toBe(`glossary file not found: ${path}`);
    expect((error as GlossaryError).location).toEqual({ file: path });
    expect((error as GlossaryError).hint).toMatch(/--glossary/);
  });
});

const HEAD = 'version: 1\nentries:\n';
const MOD = '  - vi: Bộ Quốc phòng Nhật Bản\n    en: Ministry of Defense\n';

describe('parseGlossary: every problem is one GlossaryError at the offending node', () => {
  const cases: [string, string, RegExp, number, number, RegExp][] = [
    ['YAML syntax (unclosed quote)', HEAD + '  - vi: "Bộ Quốc phòng\n    en: Ministry of Defense\n', /^YAML syntax error: Missing closing "quote$/, 5, 1, /closing quote/],
    ['YAML syntax (duplicate key)', HEAD + MOD + '    en: Defense Ministry\n', /^YAML syntax error: the key "en" appears twice in the same mapping$/, 5, 5, /once in an entry/],
    ['YAML syntax (duplicate top-level key)', HEAD + MOD + 'entries:\n' + MOD, /^YAML syntax error: the key "entries" appears twice in the same mapping$/, 5, 1, /once at the top of the file/],
    // yaml's own words for these name its API ("please use YAML.parseAllDocuments()") or the token a tab displaced.
    ['a second YAML document', HEAD + MOD + '---\n' + HEAD + MOD, /^YAML syntax error: a second YAML document starts here \("---"\); the file must hold one$/, 5, 1, /Remove the "---" line/],
    ['a tab indenting an entry key', HEAD + '  - vi: Bộ Quốc phòng Nhật Bản\n\ten: Ministry of Defense\n', /^YAML syntax error: a tab in the indentation, where YAML allows spaces only$/, 4, 1, /Replace the tab with spaces/],
    ['a tab after spaces', HEAD + '  - vi: Bộ Quốc phòng Nhật Bản\n  \t en: Ministry of Defense\n', /^YAML syntax error: a tab in the indentation, where YAML allows spaces only$/, 4, 3, /Replace the tab with spaces/],
    ['a YAML 1.1 merge key', HEAD + '  - &ministry\n    vi: Bộ Ngoại giao\n    en: Ministry of Foreign Affairs\n' + '  - <<: *ministry\n    vi: Bộ Quốc phòng\n    en: Ministry of Defense\n', /^a YAML merge key `<<` in entry 2: glossaries do not merge mappings$/, 6, 5, /shared keys into the entry itself/],
    ['empty file', '', /^glossary is empty$/, 1, 1, /version: 1/],
    ['top level not a mapping', '- vi: x\n', /^glossary must be a mapping/, 1, 1, /version: 1/],
    ['missing version', 'entries: []\n', /^missing `version`$/, 1, 1, /Add `version: 1`/],
    ['unsupported version', 'version: 2\nentries: []\n', /^unsupported glossary `version`/, 1, 10, /Write `version: 1`/],
    ['missing entries', 'version: 1\nname: Quốc phòng\n', /^missing `entries`$/, 1, 1, /entries:/],
    ['entries not a list', 'version: 1\nentries:\n  vi: Bộ Quốc phòng\n', /^`entries` must be a list$/, 3, 3, /list item/],
    ['entry not a mapping', HEAD + '  - Bộ Quốc phòng\n', /^entry 1 must be a mapping$/, 3, 5, /vi: \.\.\./],
    ['unknown top-level key, with a suggestion', 'version: 1\nsource_lang: vi\nentries: []\n', /^unknown key `source_lang` at the top level$/, 2, 1, /Did you mean `source_language`\?/],
    ['unknown entry key, with a suggestion', HEAD + '  - vi: Bộ Quốc phòng\n    vi_variant: [Bộ QP]\n    en: Ministry of Defense\n', /^unknown key `vi_variant` in entry 1$/, 4, 5, /Did you mean `vi_variants`\?/],
    ['unknown key with no near match', HEAD + MOD + '    translator: Hoa\n', /^unknown key `translator` in entry 1$/, 5, 5, /Use one of: `id`, `vi`/],
    ['missing vi', HEAD + '  - en: Ministry of Defense\n', /^entry 1 is missing `vi`$/, 3, 5, /Add `vi: \.\.\.`/],
    ['missing en (second entry)', HEAD + MOD + '  - vi: Bộ Ngoại giao\n', /^entry 2 is missing `en`$/, 5, 5, /Add `en: \.\.\.`/],
    ['en of the wrong type', HEAD + '  - vi: Bộ Quốc phòng\n    en: 123\n', /^`en` of entry 1 must be a string, not the number 123$/, 4, 9, /Quote the value/],
    ['en empty', HEAD + '  - vi: Bộ Quốc phòng\n    en: "  "\n', /^`en` of entry 1 is empty$/, 4, 9, /Write a value/],
    ['en with no value', HEAD + '  - vi: Bộ Quốc phòng\n    en:\n', /^`en` of entry 1 is empty$/, 4, 5, /Write a value/],
    ['a list given as a string', HEAD + MOD + '    accepted: Ministry of Defence\n', /^`accepted` of entry 1 must be a list, not a string$/, 5, 15, /under `accepted:`/],
    ['a list item of the wrong type', HEAD + MOD + '    vi_variants:\n      - Bộ QP\n      - 2024\n', /^item 2 of `vi_variants` in entry 1 must be a string, not the number 2024$/, 7, 9, /Quote/],
    ['case_sensitive not a boolean', HEAD + MOD + '    case_sensitive: "yes"\n', /^`case_sensitive` of entry 1 must be true or false, not a string$/, 5, 21, /case_sensitive: true/],
    ['id not kebab-case', HEAD + '  - id: Glide_Phase\n    vi: Thiết bị đánh chặn pha bay\n    en: Glide Phase Interceptor\n', /^id "Glide_Phase" of entry 1 is not kebab-case$/, 3, 9, /glide-phase-interceptor/],
    ['duplicate id', HEAD + '  - id: mod\n' + MOD.replace('  - ', '    ') + '  - id: mod\n    vi: Bộ Ngoại giao\n    en: Ministry of Foreign Affairs\n', /^duplicate id "mod" \(first used by the entry on line 3\)$/, 6, 9, /its own `id`/],
    [
      'one Vietnamese term (other tone placement, case, NFD) with two renderings',
      HEAD + '  - vi: Thoả thuận An ninh Cung ứng\n    en: Security of Supply Arrangement\n  - vi: Bộ Quốc phòng\n    vi_variants:\n      - "' + 'THỎA THUẬN AN NINH CUNG ỨNG'.normalize('NFD') + '"\n    en: Supply Security Agreement\n',
      /^Vietnamese term ".+" is already the term of the entry on line 3 \("Thoả thuận An ninh Cung ứng" → "Security of Supply Arrangement"\), with a different rendering "Supply Security Agreement"$/,
      7, 9, /Merge the two entries/,
    ],
    [
      'one term written with a hyphen and with a dash, two renderings (the matcher sees one term)',
      HEAD + '  - vi: Ấn Độ-Thái Bình Dương\n    en: Indo-Pacific\n  - vi: Ấn Độ – Thái Bình Dương\n    en: Asia Pacific\n',
      /^Vietnamese term "Ấn Độ – Thái Bình Dương" is already the term of the entry on line 3 .*with a different rendering "Asia Pacific"$/,
      5, 9, /Merge the two entries/,
    ],
    [
      'a rendering one entry approves and another forbids',
      HEAD + '  - vi: Bộ Quốc phòng Hoa Kỳ\n    en: Department of Defense\n  - vi: Bộ Quốc phòng Nhật Bản\n    en: Ministry of Defense\n    forbidden:\n      - department of defense\n',
      /^"department of defense" is forbidden in the entry on line 5 but approved in the entry on line 3 \("Bộ Quốc phòng Hoa Kỳ"\)$/,
      8, 9, /more specific/,
    ],
    ['a rendering both accepted and forbidden', HEAD + '  - vi: Bộ Quốc phòng Hoa Kỳ\n    en: Department of Defense\n    accepted: [Department of Defence]\n    forbidden:\n      - text: department-of-defence\n', /^"department-of-defence" in entry 1 is both forbidden and approved \(in `accepted`\)$/, 7, 15, /Remove it from one/],
    ['the canonical rendering forbidden', HEAD + MOD + '    forbidden: [ministry of defense]\n', /^"ministry of defense" in entry 1 is both forbidden and approved \(in `en`\)$/, 5, 17, /Remove it/],
    ['acronym not in capitals', HEAD + '  - vi: Bộ Quốc phòng Hoa Kỳ\n    en: Department of Defense\n    acronym: DoD\n', /^acronym "DoD" of entry 1 is not all capitals and digits$/, 5, 14, /under `accepted`/],
    ['unknown key in a forbidden item', HEAD + MOD + '    forbidden:\n      - text: Defense Agency\n        usee: Ministry of Defense\n', /^unknown key `usee` in item 1 of `forbidden` in entry 1$/, 7, 9, /Did you mean `use`\?/],
    ['forbidden item without text', HEAD + MOD + '    forbidden:\n      - use: Ministry of Defense\n', /^item 1 of `forbidden` in entry 1 is missing `text`$/, 6, 9, /Add `text: \.\.\.`/],
    ['a test with two keys', HEAD + MOD + '    tests:\n      - en: Ministry of Defense\n        vi: Bộ Quốc phòng\n', /^test 1 of entry 1 must be a one-key mapping$/, 6, 9, /fix: \{ from/],
    ['an unknown test kind', HEAD + MOD + '    tests:\n      - not_english: the Defense Ministry\n', /^unknown key `not_english` in test 1 of entry 1$/, 6, 9, /Did you mean `not_en`\?/],
    ['a fix test without `to`', HEAD + MOD + '    tests:\n      - fix: { from: the Defense Ministry }\n', /^`fix` of test 1 of entry 1 is missing `to`$/, 6, 14, /Add `to: \.\.\.`/],
  ];

  it.each(cases)('%s', (_name, source, message, line, column, hint) => {
    const error = errorOf(source);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
    expect(error.code).toBe('E_GLOSSARY');
    expect(error.location).toEqual({ file: 'glossary.yaml', line, column });
    expect(error.hint).toMatch(hint);
  });

  it('counts columns in code points on lines with Vietnamese and emoji', () => {
    const error = errorOf(HEAD + '  - { vi: "Bộ Quốc phòng 🛡️", en: Ministry of Defense, acronymn: MOD }\n');
    expect(error.message).toBe('unknown key `acronymn` in entry 1');
    expect(error.location?.column).toBe(56);
  });
});

describe('parseGlossary: a glossary nested too deep', () => {
  // Composing YAML recurses once per level: a thousand levels used to end in "Maximum call stack size exceeded".
  it('says what is wrong and where, for brackets opened a thousand times', () => {
    const e = errorOf(`version: 1\nentries:\n  - vi: Bộ Quốc phòng\n    en: ${'['.repeat(1000)}${']'.repeat(1000)}\n`);
    expect(e.message).toBe('the glossary is nested more than 64 levels deep here');
    // The value starts at column 9 at depth 4 (document, top mapping, entries, entry): bracket 62 is level 65.
    expect(e.location).toEqual({ file: 'glossary.yaml', line: 4, column: 70 });
    expect(e.hint).toMatch(/unclosed \[ or \{ brackets/);
  });

  it('says so for indentation that keeps growing', () => {
    let source = 'version: 1\nentries:\n  - vi: Bộ Quốc phòng\n    en: Ministry of Defense\n    note:\n';
    for (let i = 0; i < 1000; i++) source += `${' '.repeat(6 + 2 * i)}k${i}:\n`;
    const e = errorOf(source);
    expect(e.message).toMatch(/nested more than 64 levels deep/);
    expect(e.location?.line).toBeGreaterThan(60);
    expect(e.location?.line).toBeLessThan(70);
  });

  it('still reads lists of lists as a type error where the glossary wants a string', () => {
    expect(errorOf(`version: 1\nentries:\n  - vi: Bộ\n    en: ${'['.repeat(40)}${']'.repeat(40)}\n`).message).toBe('`en` of entry 1 must be a string, not a list');
  });
});

describe('englishKey', () => {
  /** The definition: NFC, lower case, runs of spaces, hyphens and dashes as one space, trimmed. */
  const byDefinition = (s: string): string => s.normalize('NFC').toLowerCase().replace(/[\s\u00A0\u2010-\u2015-]+/gu, ' ').trim();

  it('gives the definition for ASCII renderings, with and without anything to change', () => {
    const alphabet = ['a', 'Z', 'm', '0', ' ', ' ', '-', '\t', '\n', "'", '.', '&', 'Q'];
    let seed = 7;
    const random = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const samples = ['Glide Phase Interceptor', 'glide phase interceptor', ' Glide-Phase  Interceptor ', 'RDT&E', 'co-production', '', ' ', '--', "Department of Defense's"];
    for (let n = 0; n < 2000; n++) samples.push(Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    for (const s of samples) expect(englishKey(s)).toBe(byDefinition(s));
  });

  it('folds NFD, non-breaking hyphens and dashes in other renderings', () => {
    for (const s of ['Bộ Quốc phòng'.normalize('NFD'), 'Glide\u2011Phase\u00A0Interceptor', 'Sea\u2013Air', 'Đà Nẵng']) expect(englishKey(s)).toBe(byDefinition(s));
    expect(englishKey('Glide\u2011Phase\u00A0Interceptor')).toBe('glide phase interceptor');
  });
});
