import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { runVitrans } from './run-cli.js';
import { ENV, answeringEngine, tree, useProjects } from './inputs-helpers.js';
import { buildDocx, fixtureDocumentXml, fixtureParts, partsOf } from '../formats/docx-fixture.js';
import { readDocx } from '../../src/formats/docx.js';

const make = useProjects();

/** English as a translator writes it, placeholders where the markup goes; paragraph 2 with a forbidden "Japanese Premier". */
const ENGLISH = new Map([
  ['Nhật Bản và Mỹ tăng cường hợp tác quốc phòng', 'Japan and the US strengthen defence cooperation'],
  ['Ngày 10/4, Thủ tướng Nhật Bản Kishida Fumio đã có cuộc hội đàm với Tổng thống Mỹ tại Washington.', 'On 10 April, Japanese Premier Kishida Fumio held talks with the US President in Washington.'],
  ['⟦1⟧Hai bên nhất trí ⟦2⟧nâng cấp⟦3⟧ liên minh, theo ⟦4⟧Bộ Ngoại giao⟦5⟧ ⟦6⟧Nhật Bản⟦7⟧.⟦8⟧', '⟦1⟧The two sides agreed to ⟦2⟧upgrade⟦3⟧ the alliance, according to ⟦6⟧Japan⟦7⟧’s ⟦4⟧Foreign Ministry⟦5⟧.⟦8⟧'],
  ['Cập nhật lúc ⟦1⟧.', 'Updated on ⟦1⟧.'],
  ['Hợp tác công nghiệp quốc phòng', 'Defence industrial cooperation'],
  ['Sản xuất tên lửa Patriot tại Nhật Bản.⟦1⟧', 'Production of Patriot missiles in Japan.⟦1⟧'],
  ['Hai nước cam kết duy trì hòa bình và ổn định ở khu vực.'.normalize('NFC'), 'The two countries pledged to maintain peace and stability in the region.'],
  ['Hạng mục', 'Item'],
  ['Giá trị', 'Value'],
]);

const translator = (): string[] => answeringEngine((source) => ENGLISH.get(source) ?? ENGLISH.get(source.replace('hoà', 'hòa')) ?? `UNEXPECTED ${source}`).sent;

describe('Word documents', () => {
  it('translate bai.docx writes bai.openai.en.docx: the English in the runs, every other part as it was, findings at paragraph:column', async () => {
    const source = await buildDocx();
    const dir = make({ 'bai.docx': source });
    const sent = translator();
    const r = await runVitrans(['translate', 'bai.docx', '-e', 'openai', '--no-cache'], { cwd: dir, env: ENV });
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    expect(sent.filter((s) => s.startsWith('UNEXPECTED'))).toEqual([]);
    expect(sent).toHaveLength(9);
    expect(tree(path.join(dir, 'out'))).toEqual(['bai.openai.en.docx']);
    const written = fs.readFileSync(path.join(dir, 'out/bai.openai.en.docx'));
    const [before, after] = [await partsOf(source), await partsOf(written)];
    for (const [name, bytes] of before) if (name !== 'word/document.xml') expect(after.get(name)!.equals(bytes), name).toBe(true);
    const xml = after.get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">upgrade</w:t></w:r>');
    expect(xml).toContain('<w:hyperlink r:id="rId8" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">Foreign Ministry</w:t></w:r></w:hyperlink>');
    expect(xml).toContain('<w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">Defence industrial cooperation</w:t></w:r>');
    const back = await readDocx(written, 'bai.openai.en.docx');
    expect(back.paragraphs[2]!.text).toBe('The two sides agreed to upgrade the alliance, according to Japan’s Foreign Ministry.');
    // The forbidden rendering is found in the written document: paragraph 2, where "Japanese Premier" starts.
    const column = 'On 10 April, '.length + 1;
    expect(r.stdout).toContain(`out/bai.openai.en.docx:2:${column}: error term-forbidden`);
    expect(r.stdout).toContain('vitrans check bai.docx out/bai.openai.en.docx');

    // The command it names reports the same finding, and says --fix leaves Word documents alone.
    const check = await runVitrans(['check', 'bai.docx', 'out/bai.openai.en.docx', '-f', 'json'], { cwd: dir, env: ENV });
    expect(check.code).toBe(1);
    const report = JSON.parse(check.stdout) as { findings: { ruleId: string; file: string; paragraph?: number; span: { start: { line: number; column: number } } }[] };
    const forbidden = report.findings.filter((f) => f.ruleId === 'term-forbidden');
    expect(forbidden).toMatchObject([{ file: 'out/bai.openai.en.docx', paragraph: 2, span: { start: { line: 2, column } } }]);
    const fix = await runVitrans(['check', 'bai.docx', 'out/bai.openai.en.docx', '--fix'], { cwd: dir, env: ENV });
    expect(fix.stderr).toContain('vitrans: note: --fix does not rewrite Word documents; the findings name the paragraph (line) to correct in Word\n');
    expect(fs.readFileSync(path.join(dir, 'out/bai.openai.en.docx')).equals(written)).toBe(true);
  });

  it('check takes a Word source with a plain-text translation, paragraph for paragraph', async () => {
    const english = [...ENGLISH.values()].map((e) => e.replace(/⟦\d+⟧/g, '')).join('\n\n') + '\n';
    const dir = make({ 'bai.docx': await buildDocx(), 'bai.openai.en.txt': english });
    const r = await runVitrans(['check', 'bai.docx', 'bai.openai.en.txt', '-f', 'json'], { cwd: dir, env: ENV });
    const report = JSON.parse(r.stdout) as { findings: { ruleId: string; file: string; span: { start: { line: number } } }[] };
    // The text file's lines are its own: the finding is on its third line (the second paragraph).
    expect(report.findings.filter((f) => f.ruleId === 'term-forbidden')).toMatchObject([{ file: 'bai.openai.en.txt', span: { start: { line: 3 } } }]);
    expect(report.findings.map((f) => f.ruleId)).not.toContain('paragraph-count');

    // A Markdown translation: the headings as headings, each block a paragraph.
    const blocks = english.trimEnd().split('\n\n');
    fs.writeFileSync(path.join(dir, 'bai.openai.en.md'), [`# ${blocks[0]}`, ...blocks.slice(1, 4), `## ${blocks[4]}`, ...blocks.slice(5)].join('\n\n') + '\n');
    const md = await runVitrans(['check', 'bai.docx', 'bai.openai.en.md', '-f', 'json'], { cwd: dir, env: ENV });
    expect(md.stderr).toBe('');
    const mdReport = JSON.parse(md.stdout) as typeof report;
    expect(mdReport.findings.filter((f) => f.ruleId === 'term-forbidden')).toMatchObject([{ file: 'bai.openai.en.md', span: { start: { line: 3 } } }]);
  });

  it('clean bai.docx writes its paragraphs as text; --in-place is refused', async () => {
    const dir = make({ 'bai.docx': await buildDocx() });
    const r = await runVitrans(['clean', 'bai.docx', '-o', 'bai.vi.txt'], { cwd: dir, env: ENV });
    expect(r.code).toBe(0);
    const text = fs.readFileSync(path.join(dir, 'bai.vi.txt'), 'utf8');
    expect(text.split('\n\n').slice(0, 3)).toEqual([
      'Nhật Bản và Mỹ tăng cường hợp tác quốc phòng',
      'Ngày 10/4, Thủ tướng Nhật Bản Kishida Fumio đã có cuộc hội đàm với Tổng thống Mỹ tại Washington.',
      'Hai bên nhất trí nâng cấp liên minh, theo Bộ Ngoại giao Nhật Bản.',
    ]);
    const inPlace = await runVitrans(['clean', 'bai.docx', '--in-place'], { cwd: dir, env: ENV });
    expect(inPlace.code).toBe(2);
    expect(inPlace.stderr).toMatch(/^vitrans: error: --in-place would replace the Word document bai\.docx with its text/);
  });

  it("translate matches a suppression's text: against the Word document's paragraphs, as check does", async () => {
    const dir = make({
      'bai.docx': await buildDocx(),
      'vitrans.config.yaml': 'suppressions:\n  - rule: term-forbidden\n    file: "out/*.docx"\n    text: Japanese Premier Kishida Fumio held talks\n    reason: the wire service style of the quoted report\n',
    });
    translator();
    const r = await runVitrans(['translate', 'bai.docx', '-e', 'openai', '--no-cache'], { cwd: dir, env: ENV });
    expect(r.code).toBe(0);
    const column = 'On 10 April, '.length + 1;
    expect(r.stdout).toContain(`out/bai.openai.en.docx:2:${column}: suppressed term-forbidden`);
    expect(r.stdout).not.toContain(`out/bai.openai.en.docx:2:${column}: error term-forbidden`);
    const check = await runVitrans(['check', 'bai.docx', 'out/bai.openai.en.docx', '-f', 'json'], { cwd: dir, env: ENV });
    const forbidden = (JSON.parse(check.stdout) as { findings: { ruleId: string; suppression?: unknown }[] }).findings.filter((f) => f.ruleId === 'term-forbidden');
    expect(forbidden).toEqual([expect.objectContaining({ suppression: expect.objectContaining({ kind: 'file' }) })]);
  });

  it('translate refuses --compare, --clean and --fix for a Word document before sending anything', async () => {
    const dir = make({ 'bai.docx': await buildDocx() });
    const sent = translator();
    for (const flag of ['--compare', '--clean', '--fix']) {
      const r = await runVitrans(['translate', 'bai.docx', '-e', 'openai', '--no-cache', flag], { cwd: dir, env: ENV });
      expect(r.code, flag).toBe(2);
      expect(r.stderr.trim().split('\n'), flag).toHaveLength(1);
    }
    expect(sent).toEqual([]);
  });

  it('files that are no Word document: one line with the file (and line:col inside document.xml), exit 2, nothing sent', async () => {
    const workbook = new JSZip();
    workbook.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>');
    workbook.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
    workbook.file('xl/workbook.xml', '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
    const broken = fixtureDocumentXml().replace('<w:t>Washington</w:t>', '<w:t>Washington</w:x>');
    const dir = make({
      'bang.docx': await workbook.generateAsync({ type: 'nodebuffer' }),
      'hong.docx': await buildDocx(fixtureParts(broken)),
      'cut.docx': Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]),
    });
    const sent = translator();
    const column = broken.split('\r\n')[1]!.indexOf('</w:x>') + '</w:x>'.length + 1;
    const expected: Record<string, RegExp> = {
      'bang.docx': /^vitrans: bang\.docx: error: not a Word document: this is an Excel workbook with a \.docx name \(/,
      'hong.docx': new RegExp(`^vitrans: hong\\.docx/word/document\\.xml:2:${column}: error: malformed XML: `),
      'cut.docx': /^vitrans: cut\.docx: error: not a Word document: the file is not a ZIP archive \(/,
    };
    for (const [file, message] of Object.entries(expected)) {
      for (const command of [['translate', file, '-e', 'openai', '--no-cache'], ['check', file, 'bai.en.txt'], ['clean', file]]) {
        if (command[0] === 'check') fs.writeFileSync(path.join(dir, 'bai.en.txt'), 'Japan and the US.\n');
        const r = await runVitrans(command, { cwd: dir, env: ENV });
        expect(r.code, command.join(' ')).toBe(2);
        expect(r.stderr, command.join(' ')).toMatch(message);
        expect(r.stderr.trim().split('\n'), command.join(' ')).toHaveLength(1);
      }
    }
    expect(sent).toEqual([]);
    expect(tree(path.join(dir, 'out'))).toEqual([]);
  });
});
