/**
 * Findings in a translation `--fix` cannot rewrite (a Word document: its text lives in runs inside a
 * ZIP) offer no fix in any format: no "fixable with --fix" count, no SARIF edits at line:column
 * positions that are paragraph:character inside a binary file, no JSON `fix`. The same text as a
 * plain-text translation keeps them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { loadArticle } from '../../src/formats/articles.js';
import { checkArticle, createCheckRun, createCheckTools } from '../../src/checks/index.js';
import { parseGlossary } from '../../src/glossary/load.js';
import { formatCheckJson, formatCheckSarif, formatCheckText } from '../../src/report/index.js';
import type { CheckReport } from '../../src/report/types.js';
import { GLOSSARY_YAML } from '../checks/helpers.js';
import { buildDocx, fixtureParts, W_NS } from '../formats/docx-fixture.js';

const VI = ['Bộ Quốc phòng Nhật Bản hoan nghênh thỏa thuận.', 'Hai bên nhất trí tăng cường hợp tác trong năm 2024.'];
/** A forbidden rendering, a doubled word and a double space: three findings with a fix each. */
const EN = ['The Japanese Department of Defense welcomed the agreement.', 'The two sides agreed to strengthen the the cooperation in  2024.'];

const documentXml = (paragraphs: readonly string[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document xmlns:w="${W_NS}"><w:body>` +
  paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('') +
  '</w:body></w:document>';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vitrans-unfixable-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The report `vitrans check bai.docx TRANSLATION` gives, TRANSLATION a Word document or a text file. */
async function reportFor(translation: 'bai.en.docx' | 'bai.en.txt'): Promise<CheckReport> {
  writeFileSync(join(dir, 'bai.docx'), await buildDocx(fixtureParts(documentXml(VI))));
  if (translation === 'bai.en.docx') writeFileSync(join(dir, translation), await buildDocx(fixtureParts(documentXml(EN))));
  else writeFileSync(join(dir, translation), EN.join('\n\n') + '\n');
  const article = await loadArticle({ slug: '', source: join(dir, 'bai.docx'), translations: [join(dir, translation)] }, { cwd: dir });
  const tools = createCheckTools(parseGlossary(GLOSSARY_YAML, 'glossary.yaml'));
  const { findings } = checkArticle(article, tools, (p) => basename(p), createCheckRun());
  return { files: [{ source: 'bai.docx', translations: [translation] }], findings, summary: [] };
}

const RULES = ['term-forbidden', 'doubled-word', 'double-space'];

describe('findings in a Word translation offer no fix', () => {
  it.each([
    ['text', (r: CheckReport) => formatCheckText(r, { color: false }).match(/\d+ of them fixable with --fix/g) ?? []],
    ['sarif', (r: CheckReport) => (JSON.parse(formatCheckSarif(r, { version: '9.9.9' })).runs[0].results as { fixes?: unknown }[]).filter((x) => x.fixes)],
    ['json', (r: CheckReport) => (JSON.parse(formatCheckJson(r)).findings as { fix: unknown }[]).filter((x) => x.fix)],
  ])('%s', async (_format, fixesIn) => {
    const word = await reportFor('bai.en.docx');
    expect(word.findings.map((f) => f.ruleId).filter((id) => RULES.includes(id)).sort()).toEqual([...RULES].sort());
    expect(fixesIn(word)).toEqual([]);
    // The same English as a text file, which --fix rewrites: the fixes are there.
    expect(fixesIn(await reportFor('bai.en.txt')).length).toBeGreaterThan(0);
  });

  it('still says what to write instead', async () => {
    const forbidden = (await reportFor('bai.en.docx')).findings.find((f) => f.ruleId === 'term-forbidden');
    expect(forbidden).toMatchObject({ file: 'bai.en.docx', span: { start: { line: 1, column: 5 } }, expected: ['Japanese Ministry of Defense'] });
    expect(forbidden?.message).toContain('Japanese Ministry of Defense');
  });
});
