/**
 * `vitrans translate` and the shared config: the glossary and checks from vitrans.config.yaml, and
 * the end of a run listing its findings with the exact `vitrans check` command that reports them.
 * The engine is an OpenAI-compatible endpoint (msw) answering as an LLM that ignored the glossary.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { http, HttpResponse } from 'msw';
import iconv from 'iconv-lite';
import { server } from '../setup/server.js';
import { runVitrans } from './run-cli.js';
import { COAST_GUARD_GLOSSARY, SOURCE, TRANSLATION } from '../checks/suppression-fixtures.js';

const OPENAI = 'http://llm.test/v1';
const env = { OPENAI_BASE_URL: OPENAI, OPENAI_MODEL: 'gpt-4o-mini', OPENAI_API_KEY: 'sk-test-secret-0123456789' };
const SOURCE_PARAGRAPHS = SOURCE.normalize('NFC').split('\n\n');

/** Answers each tagged paragraph with the translation paragraph of the same place in the article. */
function llm(translate: (paragraph: number) => string): void {
  server.use(
    http.post(`${OPENAI}/chat/completions`, async ({ request }) => {
      const body = (await request.json()) as { messages: { role: string; content: string }[] };
      const user = body.messages.find((m) => m.role === 'user')!.content;
      const tagged = [...user.matchAll(/<p id="(\d+)">([\s\S]*?)<\/p>/g)].map(([, id, text]) => `<p id="${id}">${translate(SOURCE_PARAGRAPHS.indexOf(text!.trim()))}</p>`);
      return HttpResponse.json({ choices: [{ message: { role: 'assistant', content: tagged.join('\n') } }] });
    }),
  );
}

/** Splits a command line the way a POSIX shell does for single-quoted words. */
function shellWords(line: string): string[] {
  return [...line.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map(([, quoted, bare]) => (quoted !== undefined ? quoted.replace(/'\\''/g, "'") : bare!));
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-translate-findings-'));
  fs.mkdirSync(path.join(dir, 'terms'));
  fs.writeFileSync(path.join(dir, 'terms/coast-guard.yaml'), COAST_GUARD_GLOSSARY);
  fs.writeFileSync(path.join(dir, 'tàu tuần tra.vi.txt'), SOURCE);
  fs.writeFileSync(path.join(dir, 'vitrans.config.yaml'), 'glossary: terms/coast-guard.yaml\n');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('vitrans translate ends with its findings', () => {
  it('lists them one per line and gives the vitrans check command that reports them, which works as given', async () => {
    const paragraphs = TRANSLATION.split('\n\n');
    llm((i) => paragraphs[i]!);
    const r = await runVitrans(['translate', 'tàu tuần tra.vi.txt', '-e', 'openai', '--no-cache'], { cwd: dir, env });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^translated 1 file with openai: 4 paragraphs \(0 cached\); openai: billed by token, not by character \(\d+ characters sent\), 0 cached characters; check: 3 errors, 0 warnings$/);
    expect(lines.slice(1)).toEqual([
      'out/tàu tuần tra.vi.openai.en.txt:3:17: error term-forbidden "Vietnam Sea Police" is a forbidden rendering of "Cảnh sát biển Việt Nam": use "Vietnam Coast Guard"',
      expect.stringMatching(/^out\/tàu tuần tra\.vi\.openai\.en\.txt:5:\d+: error term-forbidden "Japanese Department of Defense"/),
      expect.stringMatching(/^out\/tàu tuần tra\.vi\.openai\.en\.txt:7:5: error term-forbidden "Vietnam Marine Police"/),
      'The full report:',
      "  vitrans check 'tàu tuần tra.vi.txt' 'out/tàu tuần tra.vi.openai.en.txt'",
    ]);
    const [program, ...args] = shellWords(lines.at(-1)!.trim());
    expect(program).toBe('vitrans');
    const report = await runVitrans([...args, '--format', 'compact'], { cwd: dir, env: {} });
    expect(report.stdout.split('\n').slice(0, 3)).toEqual(lines.slice(1, 4));
  });

  it('marks what the config suppresses, with the reason, in the bilingual JSON and in the list, counted apart', async () => {
    const paragraphs = TRANSLATION.split('\n\n');
    llm((i) => paragraphs[i]!);
    fs.writeFileSync(
      path.join(dir, 'vitrans.config.yaml'),
      'glossary: terms/coast-guard.yaml\nsuppressions:\n  - rule: term-forbidden\n    file: "out/*.en.txt"\n    text: the Japanese Department of Defense said\n    reason: the ministry\'s own English in 2014\n',
    );
    const r = await runVitrans(['translate', 'tàu tuần tra.vi.txt', '-e', 'openai', '--no-cache'], { cwd: dir, env });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/; check: 2 errors, 0 warnings, 1 suppressed$/);
    expect(lines.slice(1, 4)).toEqual([
      expect.stringMatching(/^out\/tàu tuần tra\.vi\.openai\.en\.txt:3:17: error term-forbidden "Vietnam Sea Police"/),
      expect.stringMatching(/^out\/tàu tuần tra\.vi\.openai\.en\.txt:7:5: error term-forbidden "Vietnam Marine Police"/),
      expect.stringMatching(/^out\/tàu tuần tra\.vi\.openai\.en\.txt:5:\d+: suppressed term-forbidden "Japanese Department of Defense" .* \(by the suppressions list at vitrans\.config\.yaml:3:5: the ministry's own English in 2014\)$/),
    ]);
    const [json] = fs.readdirSync(path.join(dir, 'out')).filter((f) => f.endsWith('.bilingual.json'));
    const doc = JSON.parse(fs.readFileSync(path.join(dir, 'out', json!), 'utf8'));
    expect(doc.engines.openai.findingCounts).toEqual({ errors: 2, warnings: 0, infos: 0, suppressed: 1 });
    const third = doc.paragraphs[2].translations.openai.findings;
    expect(third).toEqual([expect.objectContaining({ ruleId: 'term-forbidden', actual: 'Japanese Department of Defense', suppression: { kind: 'file', reason: "the ministry's own English in 2014", at: { file: 'vitrans.config.yaml', line: 3, column: 5 } } })]);
    expect(doc.paragraphs[1].translations.openai.findings[0].suppression).toBeUndefined();
    // compare of the bilingual JSON names the engine's output file, so the same suppression applies there.
    const compared = await runVitrans(['compare', 'tàu tuần tra.vi.txt', `out/${json}`, '-f', 'json', '--no-bootstrap'], { cwd: dir, env: {} });
    expect(compared.code).toBe(0);
    const accuracy = JSON.parse(compared.stdout).glossary.openai;
    expect(accuracy.suppressed).toBe(1);
    expect(accuracy.findings.filter((f: { suppression?: unknown }) => f.suppression)).toEqual([expect.objectContaining({ file: 'out/tàu tuần tra.vi.openai.en.txt', actual: 'Japanese Department of Defense' })]);
  });

  it('lists the first ten and says how many more the command shows', async () => {
    const many = Array.from({ length: 6 }, () => 'The Vietnam Sea Police and the Vietnam Marine Police.').join(' ');
    llm(() => many);
    const r = await runVitrans(['translate', 'tàu tuần tra.vi.txt', '-e', 'openai', '--no-cache'], { cwd: dir, env });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => /:\d+:\d+: (error|warning|info) [a-z-]+ /.test(l))).toHaveLength(10);
    expect(lines.at(-2)).toMatch(/^…and \d+ more\. The full report:$/);
    // As many more as the command reports.
    const report = await runVitrans([...shellWords(lines.at(-1)!.trim()).slice(1), '--format', 'json'], { cwd: dir, env: {} });
    const total = JSON.parse(report.stdout).findings.length;
    expect(total).toBeGreaterThan(40);
    expect(Number(/and (\d+) more/.exec(lines.at(-2)!)![1])).toBe(total - 10);
  });

  it('takes the checks from the config: severities and what is off', async () => {
    const paragraphs = TRANSLATION.split('\n\n');
    llm((i) => paragraphs[i]!);
    fs.writeFileSync(path.join(dir, 'vitrans.config.yaml'), 'glossary: terms/coast-guard.yaml\nchecks:\n  term-forbidden: warning\n');
    const r = await runVitrans(['translate', 'tàu tuần tra.vi.txt', '-e', 'openai', '--no-cache', '--fail-on', 'error'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/check: 0 errors, 3 warnings\n/);
    fs.writeFileSync(path.join(dir, 'vitrans.config.yaml'), 'glossary: terms/coast-guard.yaml\nchecks:\n  term-forbidden: off\n  term-missing: off\n');
    const off = await runVitrans(['translate', 'tàu tuần tra.vi.txt', '-e', 'openai', '--no-cache'], { cwd: dir, env });
    expect(off.stdout.trimEnd().split('\n')).toEqual([expect.stringMatching(/check: 0 errors, 0 warnings$/)]);
  });

  it('prints nothing more with --quiet, and names --glossary and --config in the command when they were given', async () => {
    const paragraphs = TRANSLATION.split('\n\n');
    llm((i) => paragraphs[i]!);
    fs.renameSync(path.join(dir, 'vitrans.config.yaml'), path.join(dir, 'team.yaml'));
    fs.writeFileSync(path.join(dir, 'team.yaml'), 'concurrency: 1\n');
    const quiet = await runVitrans(['translate', 'tàu tuần tra.vi.txt', '-e', 'openai', '--no-cache', '-q', '-g', 'terms/coast-guard.yaml'], { cwd: dir, env });
    expect(quiet.stdout).toBe('');
    const r = await runVitrans(['translate', 'tàu tuần tra.vi.txt', '-e', 'openai', '--no-cache', '-g', 'terms/coast-guard.yaml', '-c', 'team.yaml'], { cwd: dir, env });
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe("  vitrans check 'tàu tuần tra.vi.txt' 'out/tàu tuần tra.vi.openai.en.txt' --glossary terms/coast-guard.yaml --config team.yaml");
  });

  it('reads a source in the encoding its config pattern names', async () => {
    const paragraphs = TRANSLATION.split('\n\n');
    llm((i) => paragraphs[i] ?? 'unknown paragraph');
    fs.mkdirSync(path.join(dir, 'legacy'));
    fs.writeFileSync(path.join(dir, 'legacy/tau.vi.txt'), iconv.encode(SOURCE.normalize('NFC'), 'viscii'));
    fs.writeFileSync(path.join(dir, 'vitrans.config.yaml'), 'glossary: terms/coast-guard.yaml\nencodings:\n  "legacy/*.vi.txt": viscii\n');
    const r = await runVitrans(['translate', 'legacy/tau.vi.txt', '-e', 'openai', '--no-cache'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/check: 3 errors, 0 warnings\n/);
    const doc = JSON.parse(fs.readFileSync(path.join(dir, 'out/tau.vi.bilingual.json'), 'utf8'));
    expect(doc.paragraphs[0].source).toBe('Cảnh sát biển Việt Nam nhận thêm tàu tuần tra');
  });
});

describe('vitrans translate of an XLIFF file and the suppressions list', () => {
  const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  /** The article as a CAT tool hands it out: one trans-unit a paragraph, no targets yet. */
  const xliff = (paragraphs: readonly string[]) =>
    '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n' +
    '  <file original="tau-tuan-tra.docx" source-language="vi" target-language="en" datatype="plaintext">\n    <body>\n' +
    paragraphs.map((p, i) => `      <trans-unit id="p${i + 1}">\n        <source>${escapeXml(p)}</source>\n      </trans-unit>\n`).join('') +
    '    </body>\n  </file>\n</xliff>\n';

  it("matches a text: entry against the written segments' targets, as vitrans check does on the output", async () => {
    const paragraphs = TRANSLATION.split('\n\n');
    llm((i) => paragraphs[i]!);
    fs.writeFileSync(path.join(dir, 'tau.xlf'), xliff(SOURCE.split('\n\n')));
    fs.writeFileSync(
      path.join(dir, 'vitrans.config.yaml'),
      'glossary: terms/coast-guard.yaml\nsuppressions:\n  - rule: term-forbidden\n    file: "out/*.xlf"\n    text: the Japanese Department of Defense said\n    reason: the ministry\'s own English in 2014\n',
    );
    const r = await runVitrans(['translate', 'tau.xlf', '-e', 'openai', '--no-cache'], { cwd: dir, env });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/; check: 2 errors, 0 warnings, 1 suppressed$/);
    expect(lines).toContainEqual(expect.stringMatching(/^out\/tau\.openai\.en\.xlf:\d+:\d+: suppressed term-forbidden "Japanese Department of Defense" .*\(by the suppressions list at vitrans\.config\.yaml:3:5: the ministry's own English in 2014\)$/));
    // The same entry, the same finding, when check reads the file translate wrote.
    const checked = await runVitrans(['check', 'out/tau.openai.en.xlf', '-f', 'json'], { cwd: dir, env: {} });
    const suppressed = JSON.parse(checked.stdout).findings.filter((f: { suppression?: unknown }) => f.suppression);
    expect(suppressed).toEqual([expect.objectContaining({ ruleId: 'term-forbidden', actual: 'Japanese Department of Defense' })]);
  });
});
