import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVitrans } from './run-cli.js';
import { ENV, ROOT, answeringEngine, tree, useProjects } from './inputs-helpers.js';

const make = useProjects();
const FIXTURES = path.join(ROOT, 'tests/formats/fixtures');
const withFixtures = (...names: string[]): string => make(Object.fromEntries(names.map((n) => [n, fs.readFileSync(path.join(FIXTURES, n))])));

type JsonReport = { findings: { ruleId: string; unit: string | null; span: { start: { line: number; column: number } }; file: string; actual?: string }[] };

describe('vitrans check FILE.xlf', () => {
  it('checks an XLIFF 1.2 file alone: findings at line:col with unit ids, tag mismatches, protected segments noted', async () => {
    const dir = withFixtures('okapi-defence.xlf');
    const r = await runVitrans(['check', 'okapi-defence.xlf', '-f', 'json'], { cwd: dir, env: ENV });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'vitrans: note: okapi-defence.xlf: 2 segments marked translate="no", locked or approved not checked (--protected-segments check checks them)\n' +
        'vitrans: note: okapi-defence.xlf: 2 segments have no target yet; not checked\n',
    );
    const report = JSON.parse(r.stdout) as JsonReport;
    const summary = report.findings
      .map((f) => [f.ruleId, f.unit, `${f.span.start.line}:${f.span.start.column}`])
      .sort((a, b) => a[2]!.localeCompare(b[2]!, 'en', { numeric: true }));
    expect(summary).toEqual([
      ['term-forbidden', 'tu2#0', '18:145'],
      ['source-corrupted', 'tu2#0', '18:211'],
      ['tag-mismatch', 'tu2#1', '18:252'],
      ['tag-mismatch', 'tu2#1', '18:374'],
      ['term-forbidden', 'tu2#1', '18:412'],
    ]);
    const line18 = fs.readFileSync(path.join(dir, 'okapi-defence.xlf'), 'utf8').split('\n')[17]!;
    expect([...line18].slice(144, 144 + 'state-level visit'.length).join('')).toBe('state-level visit');

    const all = await runVitrans(['check', 'okapi-defence.xlf', '-f', 'json', '--protected-segments', 'check'], { cwd: dir, env: ENV });
    const units = (JSON.parse(all.stdout) as JsonReport).findings.map((f) => f.unit);
    expect(units).toContain('tu4'); // "Patriot rockets" in the approved unit
  });

  it('protected segments are checked or skipped as xliff.protected_segments says (the flag wins), shown by vitrans config', async () => {
    const dir = withFixtures('okapi-defence.xlf');
    fs.writeFileSync(path.join(dir, 'vitrans.config.yaml'), '# QA of approved segments too\nxliff:\n  protected_segments: check\n');
    const units = async (...flags: string[]): Promise<(string | null)[]> => {
      const r = await runVitrans(['check', 'okapi-defence.xlf', '-f', 'json', ...flags], { cwd: dir, env: ENV });
      return (JSON.parse(r.stdout) as JsonReport).findings.map((f) => f.unit);
    };
    expect(await units()).toContain('tu4'); // "Patriot rockets" in the approved unit
    expect(await units('--protected-segments', 'skip')).not.toContain('tu4');
    const config = await runVitrans(['config', '--format', 'json'], { cwd: dir, env: {} });
    const values = (JSON.parse(config.stdout) as { values: { key: string; value: unknown; origin: unknown }[] }).values;
    expect(values.find((v) => v.key === 'xliff.protected_segments')).toMatchObject({ value: 'check', origin: { kind: 'file', file: 'vitrans.config.yaml', line: 3, column: 23 } });

    fs.writeFileSync(path.join(dir, 'vitrans.config.yaml'), 'xliff:\n  protected_segments: report\n');
    const bad = await runVitrans(['check', 'okapi-defence.xlf'], { cwd: dir, env: ENV });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('vitrans: vitrans.config.yaml:2:23: error: xliff.protected_segments must be one of skip, check\n');
    fs.writeFileSync(path.join(dir, 'vitrans.config.yaml'), 'xliff:\n  protected: check\n');
    const unknown = await runVitrans(['check', 'okapi-defence.xlf'], { cwd: dir, env: ENV });
    expect(unknown.stderr).toMatch(/^vitrans: vitrans\.config\.yaml:2:3: error: unknown xliff key "protected" \(did you mean protected_segments\?\)/);
  });

  it('tag-mismatch takes its severity from checks: like any rule, off included', async () => {
    const dir = withFixtures('okapi-defence.xlf');
    const mismatches = async (config: string): Promise<{ severity: string }[]> => {
      fs.writeFileSync(path.join(dir, 'vitrans.config.yaml'), config);
      const r = await runVitrans(['check', 'okapi-defence.xlf', '-f', 'json'], { cwd: dir, env: ENV });
      expect(r.stderr).not.toMatch(/error/);
      return (JSON.parse(r.stdout) as { findings: { ruleId: string; severity: string }[] }).findings.filter((f) => f.ruleId === 'tag-mismatch');
    };
    expect((await mismatches('')).map((f) => f.severity)).toEqual(['error', 'error']);
    expect((await mismatches('checks:\n  tag-mismatch: warning\n')).map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect((await mismatches('checks:\n  tag-mismatch: { severity: info }\n')).map((f) => f.severity)).toEqual(['info', 'info']);
    expect(await mismatches('checks:\n  tag-mismatch: off\n')).toEqual([]);
    const config = await runVitrans(['config', '--format', 'json'], { cwd: dir, env: {} });
    expect((JSON.parse(config.stdout) as { values: { key: string; value: unknown }[] }).values.find((v) => v.key === 'checks.tag-mismatch.severity')).toMatchObject({ value: 'off' });
    fs.writeFileSync(path.join(dir, 'vitrans.config.yaml'), 'checks:\n  tag-mismatch: { severity: warning, strict: true }\n');
    const bad = await runVitrans(['check', 'okapi-defence.xlf'], { cwd: dir, env: ENV });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^vitrans: vitrans\.config\.yaml:2:38: error: tag-mismatch has no option "strict"/);
  });

  it('tag-mismatch is suppressed by a suppressions: entry like any check; a directive naming it says to use one', async () => {
    const dir = withFixtures('okapi-defence.xlf');
    fs.writeFileSync(path.join(dir, 'vitrans.config.yaml'), 'suppressions:\n  - rule: tag-mismatch\n    file: okapi-defence.xlf\n    reason: the link was dropped on purpose in the English edition\n');
    const r = await runVitrans(['check', 'okapi-defence.xlf', '-f', 'json'], { cwd: dir, env: ENV });
    expect(r.stderr).not.toMatch(/error/);
    const tags = (JSON.parse(r.stdout) as { findings: { ruleId: string; suppression: { kind: string; line: number } | null }[] }).findings.filter((f) => f.ruleId === 'tag-mismatch');
    expect(tags.map((f) => f.suppression)).toEqual([
      expect.objectContaining({ kind: 'file', line: 2 }),
      expect.objectContaining({ kind: 'file', line: 2 }),
    ]);
    expect(r.stdout).not.toMatch(/unused-suppression/);

    fs.rmSync(path.join(dir, 'vitrans.config.yaml'));
    const xlf = path.join(dir, 'okapi-defence.xlf');
    const text = fs.readFileSync(xlf, 'utf8');
    const end = text.indexOf('Department of Defence.') + 'Department of Defence.'.length;
    fs.writeFileSync(xlf, text.slice(0, end) + ' &lt;!-- vitrans-disable-line tag-mismatch -- dropped on purpose --&gt;' + text.slice(end));
    const inline = await runVitrans(['check', 'okapi-defence.xlf', '-f', 'compact'], { cwd: dir, env: ENV });
    expect(inline.stdout).toMatch(/warning invalid-suppression "tag-mismatch" is reported by the file's reader, before any directive is read: suppress it with a suppressions: entry/);
    expect(inline.stdout).not.toMatch(/unknown check/);
  });

  it('an inline directive in a target suppresses there, and the suppression names its place in the file', async () => {
    const dir = withFixtures('okapi-defence.xlf');
    const xlf = path.join(dir, 'okapi-defence.xlf');
    const text = fs.readFileSync(xlf, 'utf8');
    const end = text.indexOf('on XNUMX 10.') + 'on XNUMX 10.'.length;
    const edited = text.slice(0, end) + ' &lt;!-- vitrans-disable-line term-forbidden -- the White House release is quoted --&gt;' + text.slice(end);
    fs.writeFileSync(xlf, edited);
    const r = await runVitrans(['check', 'okapi-defence.xlf', '-f', 'json'], { cwd: dir, env: ENV });
    const suppressed = (JSON.parse(r.stdout) as { findings: { ruleId: string; actual: string | null; suppression: { line: number; column: number } | null }[] }).findings.filter((f) => f.suppression);
    const directive = edited.indexOf('&lt;!-- vitrans-disable-line');
    const line = edited.slice(0, directive).split('\n').length;
    const column = directive - edited.lastIndexOf('\n', directive - 1);
    expect(suppressed).toEqual([expect.objectContaining({ ruleId: 'term-forbidden', actual: 'state-level visit', suppression: expect.objectContaining({ kind: 'inline', line, column }) })]);
    expect(line).toBe(18);
  });

  it("numbers a segment by its place in the file, so a paragraph: suppression holds whether protected segments are checked or not", async () => {
    const dir = make({
      'news.xlf': `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.html" source-language="vi-VN" target-language="en-US" datatype="html"><body>
      <trans-unit id="tu1">
        <source>Cảnh sát biển Việt Nam tăng cường tuần tra trên Biển Đông.</source>
        <target state="translated">The Vietnam Coast Guard has stepped up patrols in the East Sea.</target>
      </trans-unit>
      <trans-unit id="tu2">
        <source>Hai bên sẽ hợp tác về an ninh hàng hải.</source>
        <target state="final">The two sides will cooperate on maritime security.</target>
      </trans-unit>
      <trans-unit id="tu3">
        <source>Thứ trưởng nhấn mạnh vai trò của chuỗi cung ứng trong ngành công nghiệp quốc phòng.</source>
        <target state="translated">The deputy minister stressed the role of supply chains in the the defense industry.</target>
      </trans-unit>
  </body></file>
</xliff>
`,
      'vitrans.config.yaml': 'suppressions:\n  - rule: doubled-word\n    file: news.xlf\n    paragraph: 3\n    reason: tu3, quoted as the minister said it\n',
    });
    fs.copyFileSync(path.join(ROOT, 'glossary.yaml'), path.join(dir, 'glossary.yaml'));
    for (const mode of ['skip', 'check']) {
      const r = await runVitrans(['check', 'news.xlf', '-f', 'json', '--protected-segments', mode], { cwd: dir, env: ENV });
      const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; paragraph: number; unit: string; suppression: unknown }[] }).findings;
      expect(findings.map((f) => [f.ruleId, f.paragraph, f.unit, f.suppression !== null]), mode).toEqual([['doubled-word', 3, 'tu3', true]]);
    }
  });

  it('check --fix rewrites the fixed targets of an XLIFF or TMX file in its own text, every other byte kept; --diff writes nothing', async () => {
    const dir = withFixtures('okapi-defence.xlf', 'memoq-defence.tmx');
    const fixes: Record<string, [string, string][]> = {
      'okapi-defence.xlf': [
        ['<g id="1" ctype="bold">state-level visit</g>', '<g id="1" ctype="bold">state visit</g>'],
        ['with the Department of Defence.</mrk>', 'with the Department of Defense.</mrk>'],
      ],
      'memoq-defence.tmx': [
        ['announced the state-level visit of', 'announced the state visit of'],
        ['(MOU) with the Department of Defence.', '(MOU) with the Department of Defense.'],
        ['signed the Supply Security Agreement<ph x="2">', 'signed the Security of Supply Arrangement<ph x="2">'],
        ['licence-built Patriot rockets', 'licence-built Patriot missiles'],
      ],
    };
    for (const [name, replacements] of Object.entries(fixes)) {
      const before = fs.readFileSync(path.join(dir, name), 'utf8');
      let expected = before;
      for (const [from, to] of replacements) {
        expect(expected.split(from), `${name}: ${from}`).toHaveLength(2);
        expected = expected.replace(from, to);
      }
      const diff = await runVitrans(['check', name, '--diff'], { cwd: dir, env: ENV });
      expect(diff.stdout).toMatch(new RegExp(`^--- a/${name.replace('.', '\\.')}\n`));
      expect(fs.readFileSync(path.join(dir, name), 'utf8')).toBe(before);
      const r = await runVitrans(['check', name, '--fix', '-f', 'json'], { cwd: dir, env: ENV });
      expect(r.stderr).toContain(`vitrans: fixed ${replacements.length} forbidden renderings in 1 file\n`);
      expect(fs.readFileSync(path.join(dir, name), 'utf8')).toBe(expected);
      // The report is of the fixed file: the forbidden renderings are gone.
      expect((JSON.parse(r.stdout) as JsonReport).findings.map((f) => f.ruleId)).not.toContain('term-forbidden');
    }
  });

  it('check --fix refuses, in one line, to re-encode a UTF-16 file from Trados, and leaves it as it was', async () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'okapi-defence.xlf'), 'utf8').replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const dir = make({ 'trados.sdlxliff': bytes });
    const r = await runVitrans(['check', 'trados.sdlxliff', '--fix'], { cwd: dir, env: ENV });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l.includes('error'))).toEqual([expect.stringMatching(/^vitrans: error: --fix writes UTF-8 and would re-encode trados\.sdlxliff, changing every byte of it \(/)]);
    expect(fs.readFileSync(path.join(dir, 'trados.sdlxliff')).equals(bytes)).toBe(true);
  });

  it('names the unit ids in SARIF, and lists tag-mismatch among the rules', async () => {
    const dir = withFixtures('phrase-defence.xlf');
    const r = await runVitrans(['check', 'phrase-defence.xlf', '-f', 'sarif'], { cwd: dir, env: ENV });
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; locations: { logicalLocations?: { name: string }[]; physicalLocation: { region: { startLine: number } } }[]; properties?: { unit?: string } }[] }[] };
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules.map((x) => x.id)).toContain('tag-mismatch');
    const mismatch = run.results.find((x) => x.ruleId === 'tag-mismatch')!;
    expect(mismatch.locations[0]!.logicalLocations).toEqual([{ name: 'u4', kind: 'element' }]);
    expect(mismatch.properties?.unit).toBe('u4');
    expect(run.results.filter((x) => x.ruleId === 'term-forbidden').map((x) => x.locations[0]!.logicalLocations![0]!.name)).toEqual(['u1#s2', 'u4']);
  });

  it('inconsistent-translation names the earlier unit’s target at its line:column in the XLIFF or TMX file, not 1:1', async () => {
    // The same sentence of a diplomatic communiqué, translated one way in unit 1 and another in unit 2.
    const xliff = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="thong-cao.txt" source-language="vi" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="1">
        <source>Hai bên nhất trí tăng cường hợp tác quốc phòng và an ninh hàng hải.</source>
        <target>The two sides agreed to strengthen defence and maritime security cooperation.</target>
      </trans-unit>
      <trans-unit id="2">
        <source>Hai bên nhất trí tăng cường hợp tác quốc phòng và an ninh hàng hải.</source>
        <target>Both sides agreed to boost cooperation on defence and maritime security.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
`;
    const tmx = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="vi" datatype="plaintext"/>
<body>
<tu><tuv xml:lang="vi"><seg>Hai bên nhất trí tăng cường hợp tác quốc phòng và an ninh hàng hải.</seg></tuv><tuv xml:lang="en"><seg>The two sides agreed to strengthen defence and maritime security cooperation.</seg></tuv></tu>
<tu><tuv xml:lang="vi"><seg>Hai bên nhất trí tăng cường hợp tác quốc phòng và an ninh hàng hải.</seg></tuv><tuv xml:lang="en"><seg>Both sides agreed to boost cooperation on defence and maritime security.</seg></tuv></tu>
</body></tmx>
`;
    const dir = make({ 'thong-cao.xlf': xliff, 'thong-cao.tmx': tmx });
    const at = (text: string, needle: string, nth = 0): string => {
      let i = -1;
      for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
      const before = text.slice(0, i).split('\n');
      return `${before.length}:${before.at(-1)!.length + 1}`;
    };
    for (const [file, text] of [['thong-cao.xlf', xliff], ['thong-cao.tmx', tmx]] as const) {
      const r = await runVitrans(['check', file, '-f', 'compact'], { cwd: dir, env: ENV });
      const line = r.stdout.split('\n').find((l) => l.includes('inconsistent-translation'));
      expect(line).toBe(`${file}:${at(text, 'Both sides')}: warning inconsistent-translation this sentence is translated differently at ${file}:${at(text, 'The two sides')}`);
      const json = await runVitrans(['check', file, '-f', 'json'], { cwd: dir, env: ENV });
      type JsonRelated = { file: string; line: number; column: number; message: string };
      const finding = (JSON.parse(json.stdout) as { findings: { ruleId: string; note: string; related: JsonRelated[] | null }[] }).findings.find((f) => f.ruleId === 'inconsistent-translation')!;
      expect(finding.note).toBe(`its source is the same as at ${file}:${at(text, 'Hai bên')}: translate it one way`);
      const [earlierLine, earlierColumn] = at(text, 'The two sides').split(':').map(Number);
      expect(finding.related).toContainEqual({ file, line: earlierLine, column: earlierColumn, message: 'the earlier translation of this sentence' });
      // SARIF links to the earlier unit's target, beside the source sentence.
      const sarif = await runVitrans(['check', file, '-f', 'sarif'], { cwd: dir, env: ENV });
      type Related = { message: { text: string }; physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } };
      const result = (JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string; relatedLocations?: Related[] }[] }[] }).runs[0]!.results.find((x) => x.ruleId === 'inconsistent-translation')!;
      const earlier = result.relatedLocations?.find((x) => x.message.text === 'the earlier translation of this sentence');
      const [startLine, startColumn] = at(text, 'The two sides').split(':').map(Number);
      expect(earlier?.physicalLocation).toEqual({ artifactLocation: { uri: file }, region: { startLine, startColumn } });
    }
  });

  it('sniffs an XLIFF file without its extension', async () => {
    const dir = make({ 'export.xml': fs.readFileSync(path.join(FIXTURES, 'memoq-defence.mqxliff')) });
    const r = await runVitrans(['check', 'export.xml', '-f', 'json'], { cwd: dir, env: ENV });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as JsonReport).findings.map((f) => [f.ruleId, f.unit])).toEqual([['term-forbidden', '2']]);
  });

  it('stops at a bad XLIFF file with one line naming file:line:col, exit 2', async () => {
    const dir = make({
      'broken.xlf': fs.readFileSync(path.join(FIXTURES, 'okapi-defence.xlf'), 'utf8').replace('</g> của', '</x> của'),
      'future.xlf': '<?xml version="1.0"?>\n<xliff version="3.0" srcLang="vi"/>\n',
    });
    const broken = await runVitrans(['check', 'broken.xlf'], { cwd: dir, env: ENV });
    expect(broken.code).toBe(2);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/^vitrans: broken\.xlf:16:103: error: malformed XML: unexpected close tag \(.+\)\n$/);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
    const future = await runVitrans(['check', 'future.xlf'], { cwd: dir, env: ENV });
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(/^vitrans: future\.xlf:2:1: error: unknown XLIFF version "3\.0" \(vitrans reads XLIFF 1\.2 and 2\.0/);
  });
});

/**
 * An OpenAI-compatible endpoint that translates the fixtures' segments as a careful engine would:
 * every placeholder token kept (moved where English word order wants it), unknown text refused.
 */
function segmentEngine(answers: Record<string, string>): { sent: string[] } {
  return answeringEngine((source) => {
    const answer = answers[source];
    if (answer === undefined) throw new Error(`the test engine has no answer for: ${source}`);
    return answer;
  });
}

const OKAPI_ANSWERS = {
  'Hai nước đã ký Thoả thuận An ninh Cung ứng⟦1⟧vào đầu năm 2023.': 'The two countries signed the Security of Supply Arrangement⟦1⟧in early 2023.',
  'Nhật Bản học cách ⟦1⟧Bộ Quốc phòng Mỹ⟦2⟧ rút ngắn thời gian mua sắm.': 'Japan is learning how the ⟦1⟧U.S. Department of Defense⟦2⟧ shortens procurement times.',
  'Tận dụng tối đa hợp tác công nghiệp quốc phòng Nhật-Mỹ': 'Making the most of Japan–U.S. defense industrial cooperation',
  'Nhà Trắng công bố ⟦1⟧chuyến thăm cấp nhà nước⟦2⟧ của Thủ tướng Nhật Bản Kishida Fumio vào ngày 10 tháng XNUMX.':
    'The White House announced the ⟦1⟧state visit⟦2⟧ of Japanese Prime Minister Kishida Fumio on XNUMX 10.',
  // The engine drops the closing code: the written file keeps what came back, and the check says so.
  'Bộ trưởng Quốc phòng Hoa Kỳ Lloyd Austin & người đồng cấp ký ⟦1⟧Biên bản ghi nhớ⟦2⟧ với Bộ Quốc phòng Hoa Kỳ.':
    'U.S. Defense Secretary Lloyd Austin & his counterpart signed a ⟦1⟧Memorandum of Understanding with the U.S. Department of Defense.',
};

describe('vitrans translate FILE.xlf', () => {
  it('fills the empty targets of an Okapi 1.2 file, codes in place, needs-review state, the rest of the file unchanged', async () => {
    const dir = withFixtures('okapi-defence.xlf');
    const engine = segmentEngine(OKAPI_ANSWERS);
    const r = await runVitrans(['translate', 'okapi-defence.xlf', '-e', 'openai', '--no-cache'], { cwd: dir, env: ENV });
    expect(r.stderr.split('\n')[0]).toBe('vitrans: note: okapi-defence.xlf: 2 of 7 segments to translate; 2 protected (translate="no", locked or approved) left as they are, 3 with a target kept (--overwrite retranslates them)');
    expect(r.code).toBe(0);
    // Only the two segments without a target were sent, codes as placeholders.
    expect(engine.sent.sort()).toEqual(['Hai nước đã ký Thoả thuận An ninh Cung ứng⟦1⟧vào đầu năm 2023.', 'Nhật Bản học cách ⟦1⟧Bộ Quốc phòng Mỹ⟦2⟧ rút ngắn thời gian mua sắm.']);
    expect(tree(path.join(dir, 'out'))).toEqual(['okapi-defence.openai.en.xlf']);
    const before = fs.readFileSync(path.join(dir, 'okapi-defence.xlf'), 'utf8');
    const after = fs.readFileSync(path.join(dir, 'out/okapi-defence.openai.en.xlf'), 'utf8');
    expect(after).toContain(
      '<target xml:lang="en-GB" state="needs-review-translation" state-qualifier="mt-suggestion"><mrk mid="0" mtype="seg">The two countries signed the Security of Supply Arrangement<x id="3" ctype="lb"/>in early 2023.</mrk></target>',
    );
    expect(after).toContain('<target xml:lang="en-GB" state="needs-review-translation" state-qualifier="mt-suggestion">Japan is learning how the <g id="4">U.S. Department of Defense</g> shortens procurement times.</target>');
    const changed = after.split('\n').filter((line) => !before.split('\n').includes(line));
    expect(changed).toHaveLength(2);
    expect(r.stdout).toMatch(/^translated 1 file with openai: 2 paragraphs \(0 cached\)/);

    // The written file checks as any XLIFF does; its own findings are the ones that were there.
    const check = await runVitrans(['check', 'out/okapi-defence.openai.en.xlf', '-f', 'json'], { cwd: dir, env: ENV });
    const units = (JSON.parse(check.stdout) as JsonReport).findings.map((f) => `${f.ruleId}@${f.unit}`).sort();
    expect(units).toEqual(['source-corrupted@tu2#0', 'tag-mismatch@tu2#1', 'tag-mismatch@tu2#1', 'term-forbidden@tu2#0', 'term-forbidden@tu2#1']);
  });

  it('with --overwrite retranslates every unprotected segment; a code the engine lost is a tag-mismatch in the summary', async () => {
    const dir = withFixtures('okapi-defence.xlf');
    segmentEngine(OKAPI_ANSWERS);
    const r = await runVitrans(['translate', 'okapi-defence.xlf', '-e', 'openai', '--no-cache', '--overwrite', '--xliff-state', 'translated'], { cwd: dir, env: ENV });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/5 paragraphs/);
    expect(r.stdout).toMatch(/tag-mismatch/);
    expect(r.stdout).toMatch(/vitrans check out\/okapi-defence\.openai\.en\.xlf/);
    const out = fs.readFileSync(path.join(dir, 'out/okapi-defence.openai.en.xlf'), 'utf8');
    // The approved and the translate="no" units are as they were.
    expect(out).toContain('<target xml:lang="en-GB" state="signed-off">Japan-made Patriot rockets will replenish U.S. stockpiles.</target>');
    expect(out).toContain('<target xml:lang="en-GB">Zephyrnet © 2024</target>');
    // The segmented unit keeps its structure: both <mrk>s, the space between them, its note.
    expect(out).toContain(
      '<target xml:lang="en-GB" state="translated"><mrk mid="0" mtype="seg">The White House announced the <g id="1" ctype="bold">state visit</g> of Japanese Prime Minister Kishida Fumio on XNUMX 10.</mrk> <mrk mid="1" mtype="seg">U.S. Defense Secretary Lloyd Austin &amp; his counterpart signed a <bpt id="2" ctype="italic">&lt;i&gt;</bpt>Memorandum of Understanding with the U.S. Department of Defense.</mrk></target>',
    );
    expect(out).toContain('<note>Second sentence: check the MOU wording against the readout.</note>');
  });

  it('round-trips an XLIFF 2.0 file: <pc> and <ph/> in place, notes kept, state on the segment, ids intact', async () => {
    const dir = withFixtures('phrase-defence.xlf');
    const engine = segmentEngine({
      '⟦1⟧Nhà Trắng⟦2⟧ công bố chuyến thăm cấp nhà nước của Thủ tướng Nhật Bản Kishida Fumio.': 'The ⟦1⟧White House⟦2⟧ announced the state visit of Japanese Prime Minister Kishida Fumio.',
    });
    const r = await runVitrans(['translate', 'phrase-defence.xlf', '-e', 'openai', '--no-cache'], { cwd: dir, env: ENV });
    expect(r.code).toBe(0);
    expect(engine.sent).toHaveLength(1);
    const out = fs.readFileSync(path.join(dir, 'out/phrase-defence.openai.en.xlf'), 'utf8');
    expect(out).toContain(
      '<segment id="s1" state="translated">\n        <source><pc id="1" dataRefStart="d1" dataRefEnd="d2">Nhà Trắng</pc> công bố chuyến thăm cấp nhà nước của Thủ tướng Nhật Bản Kishida Fumio.</source>\n        <target>The <pc id="1" dataRefStart="d1" dataRefEnd="d2">White House</pc> announced the state visit of Japanese Prime Minister Kishida Fumio.</target>',
    );
    const before = fs.readFileSync(path.join(dir, 'phrase-defence.xlf'), 'utf8');
    // Without the new target and with the old state, the file is the one the CAT tool wrote, byte for byte.
    expect(out.replace(/\n\s*<target>The <pc[^]*?<\/target>/, '').replace('<segment id="s1" state="translated">', '<segment id="s1" state="initial">')).toBe(before);
  });

  it('refuses an XLIFF whose target language is not the one asked for, exit 2', async () => {
    const dir = make({ 'fr.xlf': '<xliff version="2.0" srcLang="vi" trgLang="fr"><file id="f"><unit id="1"><segment><source>Xin chào các bạn</source></segment></unit></file></xliff>' });
    const r = await runVitrans(['translate', 'fr.xlf', '-e', 'openai', '--no-cache'], { cwd: dir, env: ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vitrans: fr\.xlf:1:1: error: this XLIFF file's target language is "fr", not English/);
  });
});
