import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readTbx, writeTbx } from '../../../src/glossary/interchange/tbx.js';
import { InputError } from '../../../src/core/errors.js';
import { parseGlossary } from '../../../src/glossary/load.js';
import { SCHEMAS, XMLLINT, xmllint } from '../../setup/xmllint.js';
import { fields, fixture, loadImported, shippedGlossary } from './helpers.js';

const RNG = join(SCHEMAS, 'TBXcoreStructV03_TBX-Basic_integrated.rng');
const run = promisify(execFile);

/**
 * The co-constraints of TBX-Basic_DCA.sch (Schematron, XSLT 2 binding: no processor here), one
 * XPath 1.0 query per rule, each counting the nodes that break it.
 */
const SCHEMATRON_RULES: Record<string, string> = {
  'termNote only at termSec': "//*[local-name()='termNote'][not(parent::*[local-name()='termSec'] or parent::*[local-name()='termNoteGrp']/parent::*[local-name()='termSec'])]",
  'data category declared': "//*[@type=''][namespace-uri()='urn:iso:std:iso:30042:ed-2']",
  'dialect is TBX-Basic, DCA': "/*[local-name()='tbx'][not(@type='TBX-Basic' and @style='dca')]",
  'no DCT elements in DCA': "//*[namespace-uri()!='urn:iso:std:iso:30042:ed-2']",
  administrativeStatus:
    "//*[local-name()='termNote'][@type='administrativeStatus'][not(.='admittedTerm-admn-sts' or .='deprecatedTerm-admn-sts' or .='supersededTerm-admn-sts' or .='preferredTerm-admn-sts')]",
  termType: "//*[local-name()='termNote'][@type='termType'][not(.='fullForm' or .='acronym' or .='abbreviation' or .='shortForm' or .='variant' or .='phrase')]",
  'context at termSec': "//*[local-name()='descrip'][@type='context'][not(parent::*[local-name()='termSec'] or parent::*[local-name()='descripGrp']/parent::*[local-name()='termSec'])]",
  'definition at conceptEntry or langSec':
    "//*[local-name()='descrip'][@type='definition'][not(parent::*[local-name()='conceptEntry' or local-name()='langSec'] or parent::*[local-name()='descripGrp']/parent::*[local-name()='conceptEntry' or local-name()='langSec'])]",
  'relatedTerm at termSec': "//*[local-name()='ref'][@type='relatedTerm'][not(parent::*[local-name()='termSec'])]",
  'source where allowed':
    "//*[local-name()='admin'][@type='source'][not(parent::*[local-name()='conceptEntry' or local-name()='langSec' or local-name()='termSec'] or parent::*[local-name()='descripGrp']/parent::*[local-name()='conceptEntry' or local-name()='langSec' or local-name()='termSec'])]",
  'target is an id or a URL': "//*[@target][not(starts-with(@target,'http://') or starts-with(@target,'https://') or @target=//*/@id)]",
};

async function schematronViolations(xml: string): Promise<Record<string, number>> {
  const dir = await mkdtemp(join(tmpdir(), 'vitrans-sch-'));
  try {
    const file = join(dir, 'doc.tbx');
    await writeFile(file, xml, 'utf8');
    const out: Record<string, number> = {};
    for (const [rule, query] of Object.entries(SCHEMATRON_RULES)) {
      const { stdout } = await run(XMLLINT!, ['--xpath', `count(${query})`, file]);
      out[rule] = Number(stdout.trim());
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('TBX export', () => {
  it.skipIf(!XMLLINT)('writes TBX-Basic that the published RELAX NG schema accepts and that breaks no Schematron rule', async () => {
    const tbx = writeTbx(await shippedGlossary(), { toolVersion: '0.1.0' });
    const verdict = await xmllint(tbx, { relaxng: RNG });
    expect(verdict.output).toMatch(/validates/);
    expect(verdict.valid).toBe(true);
    const violations = await schematronViolations(tbx);
    expect(violations).toEqual(Object.fromEntries(Object.keys(SCHEMATRON_RULES).map((k) => [k, 0])));
  });

  it.skipIf(!XMLLINT)('is checked by validators that do refuse what TBX-Basic does not allow', async () => {
    const tbx = writeTbx(await shippedGlossary(), { toolVersion: '0.1.0' });
    const badType = tbx.replace('<termNote type="termType">fullForm</termNote>', '<termNote type="caseSensitivity">yes</termNote>');
    expect((await xmllint(badType, { relaxng: RNG })).valid).toBe(false);
    const badStatus = tbx.replace('preferredTerm-admn-sts', 'preferred');
    expect((await schematronViolations(badStatus)).administrativeStatus).toBe(1);
    const digitId = tbx.replace('id="glide-phase-interceptor"', 'id="2023-glide-phase-interceptor"');
    expect((await xmllint(digitId, { relaxng: RNG })).valid).toBe(false);
  });

  it('maps statuses as CAT tools read them', async () => {
    const tbx = writeTbx(await shippedGlossary(), { toolVersion: '0.1.0' });
    expect(tbx).toMatch(/<term>Glide Phase Interceptor<\/term>\s*<termNote type="administrativeStatus">preferredTerm-admn-sts<\/termNote>\s*<termNote type="termType">fullForm<\/termNote>/);
    expect(tbx).toMatch(/<term>GPI<\/term>\s*<termNote type="administrativeStatus">admittedTerm-admn-sts<\/termNote>\s*<termNote type="termType">acronym<\/termNote>/);
    expect(tbx).toMatch(/<term>Department of Defence<\/term>\s*<termNote type="administrativeStatus">deprecatedTerm-admn-sts<\/termNote>[^]*?<ref type="relatedTerm">Department of Defense<\/ref>/);
  });

  it('makes an id that starts with a digit a valid XML ID, and reads it back unchanged', () => {
    const g = parseGlossary('version: 1\nentries:\n  - id: 2023-agreement\n    vi: Thỏa thuận năm 2023\n    en: 2023 Agreement\n', 'g.yaml');
    const tbx = writeTbx(g, { toolVersion: '0.1.0' });
    expect(tbx).toContain('<conceptEntry id="_2023-agreement">');
    expect(loadImported(readTbx({ file: 'g.tbx', text: tbx })).glossary.entries[0]!.id).toBe('2023-agreement');
  });
});

describe('TBX round trip', () => {
  it('import → export → import keeps every field of every entry of the shipped glossary', async () => {
    const original = await shippedGlossary();
    const once = loadImported(readTbx({ file: 'g.tbx', text: writeTbx(original, { toolVersion: '0.1.0' }) })).glossary;
    expect(once.entries.map(fields)).toEqual(original.entries.map(fields));
    expect(once.name).toBe(original.name);
    const twice = loadImported(readTbx({ file: 'g2.tbx', text: writeTbx(once, { toolVersion: '0.1.0' }) })).glossary;
    expect(twice.entries.map(fields)).toEqual(original.entries.map(fields));
    expect(twice.hash).toBe(original.hash);
  });
});

describe('TBX import', () => {
  it('reads a MultiTerm/memoQ-style TBX-Basic file: statuses, acronym, related term, notes and definitions in the note', () => {
    const imported = readTbx(fixture('multiterm-defence.tbx'));
    const { glossary } = loadImported(imported);
    expect(glossary.name).toBe('Defence cooperation VI-EN');
    const [gpi, sosa] = glossary.entries;
    expect(gpi).toMatchObject({
      id: 'c1',
      vi: 'Thiết bị đánh chặn pha bay', // NFD in the file, NFC in glossary.yaml
      viVariants: ['Tên lửa đánh chặn giai đoạn lướt', 'Thiết bị đánh chặn giai đoạn bay'],
      en: 'Glide Phase Interceptor',
      accepted: ['hypersonic glide-phase interceptor'],
      acronym: 'GPI',
      forbidden: [{ text: 'flight phase interceptor', note: 'Machine rendering of the Vietnamese.' }, { text: 'gliding phase interceptor' }],
    });
    expect(gpi!.note!.split('\n')).toEqual([
      'Subject field: Missile defence',
      'Co-developed by the United States and Japan since 2023.',
      'An interceptor designed to defeat hypersonic glide vehicles in the glide phase of their flight.',
      'Context (Glide Phase Interceptor): Japan will fund part of the Glide Phase Interceptor program.',
      'Glide Phase Interceptor: Part of speech: noun',
      'hypersonic glide-phase interceptor: Geographical usage: en-US',
    ]);
    expect(sosa).toMatchObject({ vi: 'Thoả thuận An ninh Cung ứng', forbidden: [{ text: 'Supply Security Agreement', use: 'Security of Supply Arrangement' }] });
    expect(glossary.entries).toHaveLength(2);
    // What could not be mapped is said, with where.
    expect(imported.notices.join('\n')).toMatch(/multiterm-defence\.tbx:\d+:\d+: dropped the records of who created or changed terms/);
    expect(imported.notices.join('\n')).toMatch(/dropped links and images of concepts/);
    expect(imported.notices.join('\n')).toMatch(/deprecated Vietnamese terms kept as vi_variants/);
    expect(imported.notices.join('\n')).toMatch(/multiterm-defence\.tbx:\d+:\d+: concept without a Vietnamese language section skipped/);
  });

  it('reads a Weblate TBX (martif, tig): forbidden status, usage notes and translator notes', () => {
    const imported = readTbx(fixture('weblate-defence.tbx'));
    const { glossary } = loadImported(imported);
    expect(glossary.entries.map(fields)).toEqual([
      expect.objectContaining({ vi: 'chuyến thăm cấp nhà nước', en: 'state visit', note: 'Highest rank of visit in diplomatic protocol.\nNot "state-level visit". (translator)' }),
      expect.objectContaining({
        vi: 'Bộ Ngoại giao',
        en: 'Ministry of Foreign Affairs',
        accepted: ['Foreign Ministry'],
        forbidden: [{ text: 'Ministry of External Affairs' }],
        note: "Usage note: Capitalised when it names Vietnam's ministry.",
      }),
    ]);
    expect(imported.notices.join('\n')).toMatch(/weblate-defence\.tbx:\d+:\d+: concept without a Vietnamese language section skipped/);
  });

  it('reads memoQ-style ntig/termGrp entries: statuses outside the term group, abbreviation, custom admin in the note', () => {
    const imported = readTbx(fixture('memoq-ntig.tbx'));
    expect(imported).toMatchObject({ name: 'Quốc phòng – thuật ngữ', sourceLanguage: 'vi-VN', targetLanguage: 'en-GB' });
    const { glossary } = loadImported(imported);
    expect(glossary.entries[0]).toMatchObject({
      id: '1042',
      vi: 'Hội đồng Quốc phòng và An ninh',
      viVariants: ['Hội đồng Quốc phòng - An ninh'],
      en: 'National Defence and Security Council',
      acronym: 'NDSC',
      forbidden: [{ text: 'Defence and Security Council', note: 'Name used before 2013.' }],
      note: 'The body that advises the government on defence policy.\nHội đồng Quốc phòng và An ninh: Part of speech: noun\nNational Defence and Security Council: x-memoQ-matching: 50% prefix',
    });
  });

  it('reads TBX v3 in DCT style (data categories as namespaced elements)', () => {
    const dct = `<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:basic="http://www.tbxinfo.net/ns/basic" xmlns:min="http://www.tbxinfo.net/ns/min">
  <tbxHeader><fileDesc><sourceDesc><p>DCT sample</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c9">
      <langSec xml:lang="vi-VN"><termSec><term>tên lửa đạn đạo</term><min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus></termSec></langSec>
      <langSec xml:lang="en-GB">
        <termSec><term>ballistic missile</term><min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus><min:partOfSpeech>noun</min:partOfSpeech></termSec>
        <termSec><term>ballistic rocket</term><min:administrativeStatus>deprecatedTerm-admn-sts</min:administrativeStatus></termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>`;
    const imported = readTbx({ file: 'dct.tbx', text: dct });
    expect(imported).toMatchObject({ sourceLanguage: 'vi-VN', targetLanguage: 'en-GB' });
    expect(loadImported(imported).glossary.entries[0]).toMatchObject({ vi: 'tên lửa đạn đạo', en: 'ballistic missile', forbidden: [{ text: 'ballistic rocket' }], note: 'ballistic missile: Part of speech: noun' });
  });

  it('refuses a TBX without a Vietnamese language section, naming its languages, at file:line:col', () => {
    const enCs = fixture('weblate-defence.tbx').text.replace(/xml:lang="vi"/g, 'xml:lang="de"');
    try {
      readTbx({ file: 'weblate.tbx', text: enCs });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).message).toBe('no Vietnamese language section in this TBX file (its languages: en, de, cs)');
      expect((e as InputError).location).toEqual({ file: 'weblate.tbx', line: 13, column: 13 });
    }
  });

  it('refuses malformed XML and non-TBX roots with file:line:col', () => {
    const broken = fixture('weblate-defence.tbx').text.replace('</tig>\n                </langSet>\n                <langSet xml:lang="vi">', '</langSet>\n                <langSet xml:lang="vi">');
    expect(() => readTbx({ file: 'w.tbx', text: broken })).toThrow(/^malformed XML: /);
    try {
      readTbx({ file: 'w.tbx', text: broken });
    } catch (e) {
      // The <tig> left open is closed by </langSet> on line 17.
      expect((e as InputError).location).toMatchObject({ file: 'w.tbx', line: 17 });
    }
    expect(() => readTbx({ file: 'm.tbx', text: '<tmx version="1.4"><header/><body/></tmx>' })).toThrow(/not a TBX file: the root element is <tmx>/);
  });
});
