import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runVitrans } from './run-cli.js';
import iconv from 'iconv-lite';
import { buildBilingual } from '../../src/formats/bilingual.js';
import { allChecks } from '../../src/checks/index.js';

const ANSI_ESCAPE = '\u001b[';
const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/corpus');
const FLAWED = join(FIXTURES, 'flawed');

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'vitrans-check-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** The findings of the glossary checks (the flawed fixture's 20 errors are term errors; its source also has debris). */
const termFindings = <T extends { ruleId: string }>(findings: T[]): T[] => findings.filter((f) => f.ruleId.startsWith('term-'));

/** Runs `vitrans check` from the repository root (where glossary.yaml is). */
const check = (args: string[], opts: Parameters<typeof runVitrans>[1] = {}) => runVitrans(['check', ...args], { cwd: ROOT, ...opts });

describe('vitrans check', () => {
  it('passes the shipped corpus against the shipped glossary', async () => {
    const r = await check(['corpus']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // The seed article's XNUMX placeholders and scrambled dates (corpus/README.md), and nothing else.
    expect(r.stdout).toMatch(/✖ 0 errors, 5 warnings in 1 file/);
    expect(r.stdout.match(/\d+:\d+\s+warning\s/g)).toHaveLength(5);
    expect(r.stdout.match(/source-corrupted/g)).toHaveLength(5);
  });

  it('reports the flawed translation with file:line:col and exits 1', async () => {
    const r = await check([join(FLAWED, 'source.vi.txt'), join(FLAWED, 'flawed.en.txt')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('tests/fixtures/corpus/flawed/flawed.en.txt');
    expect(r.stdout).toMatch(/\d+:\d+\s+error\s+"state-level visit" is a forbidden rendering/);
    expect(r.stdout).toMatch(/20 errors/);
  });

  it('prints JSON with the findings as data', async () => {
    const r = await check([join(FLAWED, 'source.vi.txt'), join(FLAWED, 'flawed.en.txt'), '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(termFindings(report.findings)).toHaveLength(20);
    const forbidden = report.findings.find((f: { actual?: string }) => f.actual === 'Patriot rockets');
    expect(forbidden).toMatchObject({ ruleId: 'term-forbidden', paragraph: 6, termId: 'patriot-missile', fix: { text: 'Patriot missiles' } });
    expect(forbidden.span.start).toEqual(expect.objectContaining({ line: 11 }));
    const glide = report.terms.find((s: { termId: string }) => s.termId === 'patriot-missile');
    expect(glide.renderings.some((x: { approved: boolean }) => !x.approved)).toBe(true);
  });

  it('prints Markdown with a findings table', async () => {
    const r = await check([join(FLAWED, 'source.vi.txt'), join(FLAWED, 'flawed.en.txt'), '--format', 'markdown']);
    expect(r.stdout).toMatch(/^\|.*\|$/m);
    expect(r.stdout).toContain('term-forbidden');
  });

  it('prints SARIF for code-scanning tools, rules and fixes included', async () => {
    const r = await check([join(FLAWED, 'source.vi.txt'), join(FLAWED, 'flawed.en.txt'), '--format', 'sarif']);
    expect(r.code).toBe(1);
    const run = JSON.parse(r.stdout).runs[0];
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toEqual([...allChecks().map((c) => c.meta.id), 'invalid-suppression', 'unused-suppression'].sort());
    expect(run.tool.driver.rules.find((x: { id: string }) => x.id === 'term-forbidden').shortDescription.text).toMatch(/forbids/);
    expect(termFindings(run.results)).toHaveLength(20);
    expect(run.results.filter((x: { fixes?: unknown }) => x.fixes)).toHaveLength(14);
  });

  it('exits 0 with --fail-on never and still reports', async () => {
    const r = await check([join(FLAWED, 'source.vi.txt'), join(FLAWED, 'flawed.en.txt'), '--fail-on', 'never']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('term-missing');
  });

  it('fails on warnings (mojibake in a translation) only with --fail-on warning', async () => {
    const article = join(ROOT, 'corpus/japan-us-defense-industry');
    const target = join(work, 'a.en.txt');
    // A name pasted from a page decoded twice: the translation is still checkable, so a warning.
    writeFileSync(target, readFileSync(join(article, 'reference.en.txt'), 'utf8').replace('Lloyd Austin', 'Lloyd Austin (interviewed by Nguyá»…n Văn An)'));
    const lenient = await check([join(article, 'source.vi.txt'), target]);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/warning/);
    expect(lenient.stdout).toMatch(/encoding-mojibake/);
    expect((await check([join(article, 'source.vi.txt'), target, '--fail-on', 'warning'])).code).toBe(1);
  });

  it('a source that is mojibake throughout is an error: nothing in it can be checked', async () => {
    const source = join(work, 'source.vi.txt');
    writeFileSync(source, readFileSync(join(FIXTURES, 'encodings/mojibake-double.txt')));
    const target = join(work, 'a.en.txt');
    const paragraphs = readFileSync(source, 'utf8').split(/\n\s*\n/).filter((p) => p.trim());
    writeFileSync(target, paragraphs.map((_, i) => `Paragraph ${i + 1}.`).join('\n\n'));
    const r = await check([source, target]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^vitrans: .*source\.vi\.txt:1:1: error: this source is not readable Vietnamese: "Táº­n" looks like UTF-8 decoded twice and would read "Tận".*\(Nothing in it can be checked/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('--fix rewrites forbidden renderings, keeps everything else, and leaves only unfixable findings', async () => {
    cpSync(FLAWED, work, { recursive: true });
    const before = readFileSync(join(work, 'flawed.en.txt'), 'utf8');
    const r = await check([join(work, 'source.vi.txt'), join(work, 'flawed.en.txt'), '--fix', '--format', 'json']);
    const after = readFileSync(join(work, 'flawed.en.txt'), 'utf8');
    expect(r.stderr).toMatch(/fixed 14 forbidden renderings in 1 file/);
    expect(after).not.toBe(before);
    expect(after).toContain('Patriot missiles');
    expect(after).not.toContain('Patriot rockets');
    expect(after.split('\n').length).toBe(before.split('\n').length);
    const report = JSON.parse(r.stdout);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('term-forbidden');
    expect(termFindings(report.findings)).toHaveLength(6);
  });

  it('--fix leaves a forbidden rendering whose term the source paragraph lacks, unless --unsafe-fixes', async () => {
    const source = join(work, 'visit.vi.txt');
    const target = join(work, 'visit.en.txt');
    writeFileSync(source, 'Thủ tướng sẽ có chuyến thăm cấp nhà nước tới Hoa Kỳ.\n\nĐây là chuyến thăm chính thức thứ hai của ông tới Hà Nội.\n');
    const written = 'The prime minister will pay a state-level visit to the United States.\n\nIt is his second state-level visit to Hanoi.\n';
    writeFileSync(target, written);
    const safe = await check([source, target, '--fix', '--format', 'json']);
    expect(readFileSync(target, 'utf8')).toBe(written.replace('a state-level visit', 'a state visit'));
    expect(safe.stderr).toMatch(/fixed 1 forbidden rendering in 1 file/);
    expect(safe.stderr).toMatch(/left 1 forbidden rendering whose term the source paragraph lacks; .*--unsafe-fixes/);
    const left = JSON.parse(safe.stdout).findings as { ruleId: string; severity: string; paragraph: number; fix: { unsafe?: boolean } }[];
    expect(left).toEqual([expect.objectContaining({ ruleId: 'term-forbidden', severity: 'warning', paragraph: 2, fix: expect.objectContaining({ unsafe: true }) })]);
    expect(safe.code).toBe(0);

    const text = await check([source, target]);
    expect(text.stdout).toMatch(/1 of them with --fix --unsafe-fixes/);

    const unsafe = await check([source, target, '--fix', '--unsafe-fixes']);
    expect(unsafe.stderr).toMatch(/fixed 1 forbidden rendering in 1 file/);
    expect(readFileSync(target, 'utf8')).toBe(written.replace(/state-level visit/g, 'state visit'));
  });

  it('--fix keeps a byte-order mark and CRLF line ends', async () => {
    cpSync(FLAWED, work, { recursive: true });
    const target = join(work, 'flawed.en.txt');
    writeFileSync(target, '\uFEFF' + readFileSync(target, 'utf8').replace(/\n/g, '\r\n'));
    await check([join(work, 'source.vi.txt'), target, '--fix']);
    const after = readFileSync(target);
    expect([...after.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = after.toString('utf8');
    expect(text).toContain('Patriot missiles');
    expect(text.split('\r\n').length).toBe(text.split('\n').length);
  });

  it('finds articles at any depth of a corpus and says which have no translation', async () => {
    const article = join(ROOT, 'corpus/vietnam-japan-defense-cooperation');
    cpSync(article, join(work, 'corp/2024/vn-jp'), { recursive: true });
    cpSync(join(article, 'source.vi.txt'), join(work, 'corp/untranslated/source.vi.txt'));
    // An article inside another article's folder is an article too.
    cpSync(FLAWED, join(work, 'corp/2024/vn-jp/annex'), { recursive: true });
    const r = await check([join(work, 'corp'), '--format', 'json']);
    expect(r.code).toBe(1);
    expect(termFindings(JSON.parse(r.stdout).findings)).toHaveLength(20);
    expect(r.stderr).toMatch(/warning: .*corp\/untranslated\/source\.vi\.txt has no \*\.en\.txt translation beside it; skipped/);
    expect(JSON.parse(r.stdout).files).toEqual([
      expect.objectContaining({ translations: [expect.stringMatching(/corp\/2024\/vn-jp\/reference\.en\.txt$/)] }),
      expect.objectContaining({ translations: [expect.stringMatching(/corp\/2024\/vn-jp\/annex\/flawed\.en\.txt$/)] }),
      expect.objectContaining({ translations: [] }),
    ]);
  });

  it('reads Markdown without its code, HTML and link targets, at the positions of the file', async () => {
    const source = join(work, 'bai-bao.md');
    const target = join(work, 'bai-bao.deepl.en.md');
    writeFileSync(source, '# Hợp tác\n\nHai bên ký Biên bản ghi nhớ, xem [đây](https://a.vn "Biên bản ghi nhớ").\n\n```\nvi: Thoả thuận An ninh Cung ứng\n```\n');
    writeFileSync(target, '# Cooperation\n\nBoth sides signed a memo, see [here](https://a.vn "Biên bản ghi nhớ").\n\n```\nvi: Thoả thuận An ninh Cung ứng\n```\n');
    const r = await check([source, target, '--format', 'json']);
    const findings = JSON.parse(r.stdout).findings as { ruleId: string; termId: string; source: { span: { start: { line: number; column: number } } } }[];
    expect(findings.map((f) => [f.ruleId, f.termId])).toEqual([['term-missing', 'memorandum-of-understanding']]);
    expect(findings[0]!.source.span.start).toMatchObject({ line: 3, column: 12 });
  });

  it('colours output only when asked, and --no-color wins', async () => {
    const args = [join(FLAWED, 'source.vi.txt'), join(FLAWED, 'flawed.en.txt')];
    expect((await check(args, { color: true })).stdout).toContain(ANSI_ESCAPE);
    expect((await check([...args, '--no-color'], { color: true })).stdout).not.toContain(ANSI_ESCAPE);
    expect((await check([...args, '--color'], { color: false })).stdout).toContain(ANSI_ESCAPE);
  });

  it('writes the report atomically with -o', async () => {
    const out = join(work, 'report.md');
    const r = await check([join(FLAWED, 'source.vi.txt'), join(FLAWED, 'flawed.en.txt'), '-f', 'markdown', '-o', out]);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('term-forbidden');
  });
});

describe('vitrans check: a key quoted by a finding', () => {
  // An engine that echoed a request URL into its answer; verbatim-mismatch quotes the URL whole.
  const key = '3f1c9a7e-5b2d-4c8f-9e6a-1d2b3c4d5e6f:fx';
  const write = () => {
    writeFileSync(join(work, 'a.vi.txt'), 'Bộ Quốc phòng Nhật Bản công bố chi tiết tại https://www.mod.go.jp/j/press/2024/0410.html vào ngày 10 tháng 4.\n');
    writeFileSync(join(work, 'a.en.txt'), `Japan's Defense Ministry published the details at https://www.mod.go.jp/j/press/2024/0410.html?auth_key=${key} on April 10.\n`);
  };

  it.each(['text', 'compact', 'github', 'markdown', 'json', 'sarif'])('is masked in the %s report, printed or written to a file', async (format) => {
    write();
    const args = [join(work, 'a.vi.txt'), join(work, 'a.en.txt'), '-f', format];
    const printed = await check(args, { env: { DEEPL_AUTH_KEY: key } });
    const toFile = await check([...args, '-o', join(work, `report.${format}`)], { env: { DEEPL_AUTH_KEY: key } });
    const written = readFileSync(join(work, `report.${format}`), 'utf8');
    for (const [run, text] of [[printed, printed.stdout], [toFile, written]] as const) {
      expect(run.code).toBe(1);
      expect(text).toMatch(/auth\\?_key=\[REDACTED\]/);
      expect(text).not.toContain(key.slice(0, 8));
    }
    if (format === 'json' || format === 'sarif') expect(JSON.parse(written)).toEqual(JSON.parse(printed.stdout));
  });
});

describe('vitrans check on the bilingual JSON that translate writes', () => {
  it('checks every engine in it, alone or beside its source', async () => {
    const split = (f: string) => readFileSync(f, 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    const sources = split(join(FLAWED, 'source.vi.txt'));
    const engine = (name: string, targets: string[]) => ({
      engine: name,
      model: name,
      output: `out/${name}.en.txt`,
      translations: sources.map((source, i) => ({ source, target: targets[i]!, engine: name, model: name, cached: false, warnings: [] })),
      paragraphFindings: sources.map(() => []),
      otherFindings: [],
    });
    const doc = buildBilingual({ file: 'source.vi.txt', format: 'text', sourceLang: 'vi', targetLang: 'en' }, null, sources, [
      engine('deepl', split(join(FLAWED, 'flawed.en.txt'))),
      engine('google', split(join(ROOT, 'corpus/japan-us-defense-industry/reference.en.txt'))),
    ]);
    const file = join(work, 'a.bilingual.json');
    writeFileSync(file, JSON.stringify(doc));
    for (const args of [[file], [join(FLAWED, 'source.vi.txt'), file]]) {
      const r = await check([...args, '--format', 'json']);
      expect(r.code).toBe(1);
      const findings = JSON.parse(r.stdout).findings as { file: string; engine: string; ruleId: string; fix: unknown }[];
      expect(termFindings(findings)).toHaveLength(20);
      expect(new Set(termFindings(findings).map((f) => f.engine))).toEqual(new Set(['deepl']));
      expect(findings[0]!.file).toMatch(/a\.bilingual\.json#deepl$/);
      // FILE#engine is no file --fix or a SARIF consumer could edit: no finding offers a fix, and the text report counts none.
      expect(findings.filter((f) => f.fix !== null)).toEqual([]);
      expect((await check(args)).stdout).not.toMatch(/fixable with --fix/);
    }
    const other = await check([join(ROOT, 'corpus/vietnam-japan-defense-cooperation/source.vi.txt'), file]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/is a translation of a different text than .*source\.vi\.txt/);
  });
});

describe('vitrans check: user errors are one line, exit 2, nothing written', () => {
  const expectUserError = (r: { code: number; stderr: string; stdout: string }, pattern: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  };

  it('--unsafe-fixes without --fix', async () => {
    expectUserError(await check([join(FLAWED, 'source.vi.txt'), join(FLAWED, 'flawed.en.txt'), '--unsafe-fixes']), /--unsafe-fixes only says which fixes --fix applies.*add --fix/);
  });

  it('missing file', async () => {
    const out = join(work, 'report.json');
    const r = await check(['nope.vi.txt', 'nope.en.txt', '-o', out]);
    expectUserError(r, /nope\.vi\.txt.*(not found|does not exist)/);
    expect(existsSync(out)).toBe(false);
  });

  it('a missing single path says the file is missing', async () => {
    expectUserError(await check(['nope.vi.txt']), /nope\.vi\.txt: error: file not found/);
  });

  it('a source that is not Vietnamese (arguments swapped) is refused', async () => {
    const r = await check([join(FLAWED, 'flawed.en.txt'), join(FLAWED, 'source.vi.txt')]);
    expectUserError(r, /flawed\.en\.txt: error: this does not look like Vietnamese .*comes first/);
  });

  it('a corpus with no translation at all has nothing to check', async () => {
    cpSync(join(FLAWED, 'source.vi.txt'), join(work, 'corp/a/source.vi.txt'));
    const r = await check([join(work, 'corp')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing to check/);
  });

  it('--fix refuses legacy-encoded input rather than re-encode it', async () => {
    const source = join(FIXTURES, 'encodings/tcvn3.txt');
    expectUserError(await check([source, source, '--encoding', 'tcvn', '--fix']), /--fix writes UTF-8/);
  });

  it('-o naming an input file is refused, and the file is left as it was', async () => {
    cpSync(FLAWED, work, { recursive: true });
    const target = join(work, 'flawed.en.txt');
    const before = readFileSync(target, 'utf8');
    expectUserError(await check([join(work, 'source.vi.txt'), target, '--fix', '-o', target]), /-o .*flawed\.en\.txt is one of the input files/);
    expect(readFileSync(target, 'utf8')).toBe(before);
  });

  it('the same translation given twice is refused', async () => {
    const target = join(FLAWED, 'flawed.en.txt');
    expectUserError(await check([join(FLAWED, 'source.vi.txt'), target, target, '--fix']), /is given twice/);
  });

  it('invalid UTF-8 names the byte offset and the likely legacy encoding', async () => {
    const r = await check([join(FIXTURES, 'encodings/tcvn3.txt'), join(FLAWED, 'flawed.en.txt')]);
    expectUserError(r, /not valid UTF-8.*offset \d+.*TCVN3.*--source-encoding tcvn/);
  });

  it('--encoding converts legacy input explicitly, and the terms in it are found', async () => {
    const source = join(FIXTURES, 'encodings/tcvn3.txt');
    const decoded = iconv.decode(readFileSync(source), 'tcvn').normalize('NFC');
    const paragraphs = decoded.split(/\n\s*\n/).filter((p) => p.trim());
    const target = join(work, 'plain.en.txt');
    writeFileSync(target, paragraphs.map((_, i) => `Paragraph ${i + 1}.`).join('\n\n'));
    const r = await check([source, target, '--encoding', 'tcvn', '--format', 'json']);
    expect(r.stderr).toBe('');
    // "Paragraph 1." drops the source's numbers: only the term findings are the point here.
    const findings = termFindings(JSON.parse(r.stdout).findings as { ruleId: string; source: { text: string } }[]);
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((f) => f.ruleId))).toEqual(new Set(['term-missing']));
    expect(findings.filter((f) => f.ruleId === 'term-missing').map((f) => f.source.text)).toContain('Nhà Trắng');
  });

  it.each([
    ['an empty file', 'encodings/empty.txt', /empty/],
    ['a binary file', 'encodings/binary.bin', /binary/],
  ])('%s', async (_label, file, pattern) => {
    expectUserError(await check([join(FIXTURES, file), join(FLAWED, 'flawed.en.txt')]), pattern);
  });

  it('misaligned paragraphs say where alignment breaks', async () => {
    const dir = join(FIXTURES, 'misaligned');
    const files = ['source.vi.txt', ...readdirEn(dir)].map((f) => join(dir, f));
    expectUserError(await check(files), /\.en\.txt:\d+:1: error: .*alignment breaks at paragraph \d+/);
  });

  it('a bad glossary points at file:line:col', async () => {
    const glossary = join(work, 'g.yaml');
    writeFileSync(glossary, 'version: 1\nentries:\n  - vi: Biên bản ghi nhớ\n    en: Memorandum of Understanding\n    acronymn: MOU\n');
    const r = await check(['corpus', '--glossary', glossary]);
    expectUserError(r, /g\.yaml:5:5: error: .*acronymn.*did you mean .?acronym/i);
  });

  it('a file and a directory together is a usage error', async () => {
    expectUserError(await check(['corpus', join(FLAWED, 'flawed.en.txt')]), /either corpus directories or/);
  });

  it('a source without translations is a usage error', async () => {
    expectUserError(await check([join(FLAWED, 'source.vi.txt')]), /at least one translation/);
  });

  it('an unknown option value is a usage error with exit 2', async () => {
    const r = await check(['corpus', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/xml.*(text|json|markdown)/);
  });
});

function readdirEn(dir: string): string[] {
  return require_readdir(dir).filter((f) => f.endsWith('.en.txt'));
}
import { readdirSync as require_readdir } from 'node:fs';
