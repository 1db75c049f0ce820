/**
 * `vitrans compare --judge openai` end to end: the real CLI in a child process against a real
 * OpenAI-compatible server of our own on 127.0.0.1, and in-process for what sends nothing
 * (dry runs, budgets, usage errors: the msw guard fails the test if a request leaves).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { runVitrans } from './run-cli.js';
import { spawnVitrans, until } from './spawn-cli.js';
import { startJudgeServer, type JudgeServer } from '../judge/judge-server.js';
import { DEEPL, GOOGLE, judgeAnswer, REFERENCE, SOURCE } from '../judge/fixtures.js';
import { openAIInvalidKeyBody } from '../engines/fixtures.js';
import { MQM_PROMPT_VERSION } from '../../src/judge/prompt.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const KEY = 'sk-local-7Qm2Xv9Lr4Tn8Bw1Zc6Hd3Jf';

let dir: string;
let judge: JudgeServer | undefined;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-compare-judge-'));
  const write = (name: string, paragraphs: string[]): void => fs.writeFileSync(path.join(dir, name), paragraphs.join('\n\n') + '\n');
  write('a.vi.txt', SOURCE);
  write('a.ref.en.txt', REFERENCE);
  write('a.deepl.en.txt', DEEPL);
  write('a.google.en.txt', GOOGLE);
  fs.copyFileSync(path.join(REPO, 'glossary.yaml'), path.join(dir, 'glossary.yaml'));
});

afterEach(async () => {
  await judge?.close();
  judge = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

const FILES = ['a.vi.txt', 'a.deepl.en.txt', 'a.google.en.txt'];

async function run(args: string[]) {
  const env = { OPENAI_BASE_URL: judge!.url, OPENAI_MODEL: 'qwen2.5:14b', OPENAI_API_KEY: KEY };
  return spawnVitrans(['compare', ...FILES, '--judge', 'openai', '--no-bootstrap', ...args], { cwd: dir, env }).done;
}

describe('compare --judge stopped by a first SIGTERM', () => {
  it('waits for the 2 judgments in flight and caches them (exit 143); the rerun asks only the other 4', async () => {
    // The answers wait until the signal has come: both requests (--concurrency 2) are on their way then.
    let letGo!: () => void;
    const gate = new Promise<void>((r) => (letGo = r));
    judge = await startJudgeServer({ reply: (r) => ({ content: judgeAnswer(r.user) }), gate });
    const env = { OPENAI_BASE_URL: judge.url, OPENAI_MODEL: 'qwen2.5:14b', OPENAI_API_KEY: KEY };
    const args = ['compare', ...FILES, '--judge', 'openai', '--no-bootstrap', '--concurrency', '2'];
    const first = spawnVitrans(args, { cwd: dir, env });
    await until(() => judge!.requests.length === 2, 30_000, 'two judge requests');
    first.child.kill('SIGTERM');
    await until(() => first.output().stderr.includes('vitrans: stopping:'), 30_000, 'the stopping line');
    await new Promise((r) => setTimeout(r, 300));
    expect(judge.requests).toHaveLength(2);
    letGo();
    const r = await first.done;
    expect(r.code).toBe(143);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('vitrans:'))).toEqual([
      'vitrans: stopping: waiting for 2 requests already sent (the judge bills them); press Ctrl-C again to stop now',
      'vitrans: judging interrupted; the judgments that came back are kept in the cache',
    ]);

    const again = await spawnVitrans(args, { cwd: dir, env }).done;
    expect(again.code).toBe(0);
    expect(judge.requests).toHaveLength(6);
    // Each paragraph and engine's prompt was sent once over both runs.
    expect(new Set(judge.requests.map((q) => q.user)).size).toBe(6);
    expect(again.stdout.replace(/\s+/g, ' ')).toContain('2 judgments from the cache');
  }, 60_000);
});

describe('compare --judge against a local OpenAI-compatible server', () => {
  it('prints MQM tables per engine, says who judged, and a rerun is served by the cache', async () => {
    judge = await startJudgeServer({ reply: (r) => ({ content: judgeAnswer(r.user) }) });
    const first = await run(['--ref', 'a.ref.en.txt']);
    expect(first.stderr).not.toMatch(/error/);
    expect(first.code).toBe(0);
    expect(judge.requests).toHaveLength(6);
    expect(judge.requests.every((r) => r.jsonMode && r.model === 'qwen2.5:14b' && r.authorization === `Bearer ${KEY}`)).toBe(true);
    // With --ref the judge sees the reference.
    expect(judge.requests.every((r) => r.user.includes('reference translation by a human'))).toBe(true);
    const out = first.stdout;
    expect(out).toContain('MQM error spans (judge model)');
    expect(out.replace(/\s+/g, ' ')).toContain(`judge model qwen2.5:14b (openai), prompt ${MQM_PROMPT_VERSION}, shown the source and the reference`);
    expect(out.replace(/\s+/g, ' ')).toContain('can miss errors, invent them');
    expect(out).toMatch(/^google: 4 errors in 3 judged paragraphs$/m);
    expect(out).toMatch(/^ {2}accuracy\/mistranslation +0 +1 +0 +1$/m);
    expect(out).toMatch(/^ {2}terminology +0 +1 +0 +1$/m);
    expect(out).toMatch(/^ {2}total +1 +3 +0 +4$/m);
    expect(out).toMatch(/^deepl: 1 error in 3 judged paragraphs$/m);
    // Google's "Supply Security Agreement" is flagged by the judge and the checker: one issue.
    expect(out).toMatch(/^google +\S+ +4 +1 +3 +0 +0 +1 +0$/m);
    expect(fs.existsSync(path.join(dir, '.vitrans-cache/translations.sqlite'))).toBe(true);

    const again = await run(['--ref', 'a.ref.en.txt']);
    expect(again.code).toBe(0);
    expect(judge.requests).toHaveLength(6);
    expect(again.stdout.replace(/\s+/g, ' ')).toContain('6 judgments from the cache');
  });

  it('writes an HTML report with the spans highlighted by severity and the checker\'s finding shown once', async () => {
    judge = await startJudgeServer({ reply: (r) => ({ content: '```json\n' + judgeAnswer(r.user) + '\n```' }) });
    const done = await run(['--format', 'html', '-o', 'report.html']);
    expect(done.code).toBe(0);
    const html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<th scope="col" data-metric="mqm">MQM ↓ per 1,000 words</th>');
    // The span may be cut by the word diff's <ins>: its marks together cover it.
    const marks = (title: RegExp): string =>
      [...html.matchAll(/<mark class="(mqm [^"]+)" title="([^"]*)">([^<]*)<\/mark>/g)].filter((m) => title.test(m[2]!)).map((m) => m[3]).join('');
    expect(marks(/^major terminology: the arrangement is the Security of Supply Arrangement \(glossary checker: &quot;Supply Security Agreement&quot; is a forbidden rendering/)).toBe('Supply Security Agreement');
    expect(marks(/major accuracy\/untranslated: the month is left as the placeholder/)).toBe('XNUMX');
    expect(marks(/major accuracy\/mistranslation: the US title/)).toBe('Defense Minister');
    expect(html).toContain('<mark class="mqm minor term"');
    const google3 = html.slice(html.indexOf('<article class="para" id="p-3"'), html.indexOf('</article>', html.indexOf('id="p-3"')));
    const googleCol = google3.slice(google3.indexOf('data-engine="google"'));
    expect(googleCol).toContain('also the glossary checker');
    const listed = /<ul class="findings">(.*?)<\/ul>/.exec(googleCol)?.[1] ?? '';
    expect(listed).not.toContain('Supply Security Agreement');
    expect(listed).toContain('&quot;US Defense Minister&quot;');
    expect(html).toContain(`prompt ${MQM_PROMPT_VERSION}, reference-free (shown only the source)`);
  });

  it('judges through a server without JSON mode, as older llama.cpp builds are', async () => {
    judge = await startJudgeServer({ noJsonMode: true, reply: (r) => ({ content: `Here is the annotation:\n${judgeAnswer(r.user)}` }) });
    const done = await run(['--format', 'json']);
    expect(done.code).toBe(0);
    const json = JSON.parse(done.stdout) as { judge: { engines: { engine: string; errors: number }[]; promptVersion: string; model: string } };
    expect(json.judge.engines.map((e) => [e.engine, e.errors])).toEqual([
      ['deepl', 1],
      ['google', 4],
    ]);
    expect(json.judge).toMatchObject({ model: 'qwen2.5:14b', promptVersion: MQM_PROMPT_VERSION });
    // One refused JSON-mode request, then every request without it.
    expect(judge.requests.every((r) => !r.jsonMode)).toBe(true);
    expect(judge.requests).toHaveLength(6);
  });

  it('goes on past a refused paragraph and says so', async () => {
    judge = await startJudgeServer({ reply: (r, i) => (i === 0 ? { content: '', refusal: 'I cannot help with military topics.' } : { content: judgeAnswer(r.user) }) });
    const done = await run(['--concurrency', '1', '--format', 'markdown']);
    expect(done.code).toBe(0);
    expect(done.stderr).toContain('the judge gave no usable answer for 1 of 6 translations');
    expect(done.stdout).toContain('not judged (the judge refused): I cannot help with military topics.');
  });

  it('exits 2 with one line when the server refuses the key, and never shows it', async () => {
    judge = await startJudgeServer({ reply: () => ({ status: 401, body: JSON.stringify(openAIInvalidKeyBody(KEY)), headers: { 'content-type': 'application/json' } }) });
    const done = await run([]);
    expect(done.code).toBe(2);
    expect(done.stderr.trim().split('\n').filter((l) => l.startsWith('vitrans: error'))).toHaveLength(1);
    expect(done.stderr).toContain('Incorrect API key provided: [REDACTED].');
    for (const piece of [KEY, KEY.slice(0, 8), KEY.slice(-4)]) expect(done.stdout + done.stderr).not.toContain(piece);
    expect(done.stdout).toBe('');
  });
});

describe('compare --judge: what sends nothing', () => {
  const env = { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_MODEL: 'qwen2.5:14b' };

  it('--dry-run prints what judging would send, and creates no cache', async () => {
    const r = await runVitrans(['compare', ...FILES, '--judge', 'openai', '--dry-run'], { cwd: dir, env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^judging 2 engines × 3 paragraphs with openai \(qwen2\.5:14b\)/);
    expect(r.stdout).toMatch(/^openai \(judge\) +1 +6 +0 +6 +\d+ +n\/a +n\/a$/m);
    expect(r.stdout).toContain('billed by token');
    expect(fs.existsSync(path.join(dir, '.vitrans-cache/translations.sqlite'))).toBe(false);
    // Nor a compiled glossary: the dry run's estimate is all it does.
    expect(fs.existsSync(path.join(dir, '.vitrans-cache/glossaries'))).toBe(false);
  });

  it('--dry-run works without a configured judge, counting every request', async () => {
    const r = await runVitrans(['compare', ...FILES, '--judge', 'openai', '--dry-run'], { cwd: dir, env: {} });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('openai is not configured (OPENAI_MODEL is not set)');
  });

  it('refuses to judge over --max-chars before sending anything', async () => {
    const r = await runVitrans(['compare', ...FILES, '--judge', 'openai', '--max-chars', '1000'], { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vitrans: error: this run would send \d+ characters \(openai \(judge\) \d+\), over --max-chars 1000/);
    expect(fs.existsSync(path.join(dir, '.vitrans-cache/glossaries'))).toBe(false);
    // Without the judge the comparison goes ahead, and keeps the compiled glossary.
    const ok = await runVitrans(['compare', ...FILES], { cwd: dir, env });
    expect(ok.code).toBe(0);
    expect(fs.readdirSync(path.join(dir, '.vitrans-cache/glossaries'))).toHaveLength(1);
  });

  it('refuses an engine that cannot judge, and judging options without --judge', async () => {
    const deepl = await runVitrans(['compare', ...FILES, '--judge', 'deepl'], { cwd: dir, env: { DEEPL_AUTH_KEY: 'k:fx' } });
    expect(deepl.code).toBe(2);
    expect(deepl.stderr).toContain('deepl cannot judge');
    const unknown = await runVitrans(['compare', ...FILES, '--judge', 'opnai'], { cwd: dir, env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean openai?');
    const stray = await runVitrans(['compare', ...FILES, '--dry-run'], { cwd: dir, env });
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('--dry-run is an option of judging: it goes with --judge ENGINE');
    const weights = await runVitrans(['compare', ...FILES, '--judge', 'openai', '--dry-run', '--mqm-weights', 'minor=1,huge=50'], { cwd: dir, env });
    expect(weights.code).toBe(2);
    expect(weights.stderr).toContain('--mqm-weights takes SEVERITY=POINTS');
  });
});
