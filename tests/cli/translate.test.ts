import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { http, HttpResponse } from 'msw';
import { describe, it, expect } from 'vitest';
import { createProgress, etaSeconds, formatDuration } from '../../src/cli/progress.js';
import type { BilingualDocument } from '../../src/formats/bilingual.js';
import { server } from '../setup/server.js';
import { pseudoTranslate } from '../translate/fake-engine.js';
import { GLOSSARY_YAML } from '../translate/helpers.js';
import { runVitrans } from './run-cli.js';
import { openAIInvalidKeyBody } from '../engines/fixtures.js';

const SEED = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../translate/fixtures/seed-article.txt'), 'utf8');
const LIBRE = 'http://libre.test';
const OPENAI = 'http://llm.test/v1';
const env = { LIBRETRANSLATE_URL: LIBRE, OPENAI_BASE_URL: OPENAI, OPENAI_MODEL: 'gpt-4o-mini', OPENAI_API_KEY: 'sk-test-secret-0123456789' };

function project(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-cli-translate-'));
  fs.writeFileSync(path.join(dir, 'glossary.yaml'), GLOSSARY_YAML);
  fs.writeFileSync(path.join(dir, 'article.txt'), SEED);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

function libre(status?: number) {
  const bodies: string[][] = [];
  server.use(
    http.post(`${LIBRE}/translate`, async ({ request }) => {
      const body = (await request.json()) as { q: string[] };
      bodies.push(body.q);
      if (status) return HttpResponse.json({ error: 'Invalid API key' }, { status });
      return HttpResponse.json({ translatedText: body.q.map(pseudoTranslate) });
    }),
  );
  return bodies;
}

/**
 * An OpenAI-compatible chat endpoint answering each tagged paragraph with `answer(text, id)`;
 * `onPrompt` sees each user message.
 */
function llm(answer: (text: string, id: string) => string, onPrompt: (user: string) => void = () => {}) {
  server.use(
    http.post(`${OPENAI}/chat/completions`, async ({ request }) => {
      const body = (await request.json()) as { messages: { role: string; content: string }[] };
      const user = body.messages.find((m) => m.role === 'user')!.content;
      onPrompt(user);
      const tagged = [...user.matchAll(/<p id="(\d+)">([\s\S]*?)<\/p>/g)].map(([, id, text]) => `<p id="${id}">${answer(text!, id!)}</p>`);
      return HttpResponse.json({ choices: [{ message: { role: 'assistant', content: tagged.join('\n') } }] });
    }),
  );
}

function listFiles(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

describe('vitrans translate', () => {
  it('writes the translation with the same paragraphs, the bilingual JSON and a summary line; a rerun sends nothing', async () => {
    const dir = project();
    const bodies = libre();
    const r = await runVitrans(['translate', 'article.txt', '--engine', 'libretranslate'], { cwd: dir, env });
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    expect(listFiles(path.join(dir, 'out'))).toEqual(['article.bilingual.json', 'article.libretranslate.en.txt']);
    const out = fs.readFileSync(path.join(dir, 'out/article.libretranslate.en.txt'), 'utf8');
    const sourceParas = SEED.trim().split(/\n\s*\n/);
    expect(out.trim().split(/\n\s*\n/)).toHaveLength(sourceParas.length);
    expect(out).toContain('Memorandum of Understanding (MOU)');
    expect(bodies.flat().join('\n')).not.toContain('Biên bản ghi nhớ');
    expect(r.stdout).toMatch(/^translated 1 file with libretranslate: 6 paragraphs \(0 cached\); libretranslate: not billed per character \(self-hosted\), 0 cached characters; check: \d+ errors, \d+ warnings\n/);

    const doc = JSON.parse(fs.readFileSync(path.join(dir, 'out/article.bilingual.json'), 'utf8')) as BilingualDocument;
    expect(doc.version).toBe(1);
    expect(doc.source).toEqual({ file: 'article.txt', format: 'text', sourceLang: 'vi', targetLang: 'en', path: '../article.txt' });
    expect(doc.glossary?.file).toBe('glossary.yaml');
    expect(doc.engines.libretranslate).toMatchObject({ model: 'libretranslate', output: path.join('out', 'article.libretranslate.en.txt'), cachedParagraphs: 0 });
    expect(doc.paragraphs.map((p) => p.source)).toEqual(sourceParas.map((p) => p.trim()));
    expect(doc.paragraphs[5]!.translations.libretranslate).toMatchObject({ cached: false, masked: true, warnings: [], findings: expect.any(Array) });

    const again = await runVitrans(['translate', 'article.txt', '--engine', 'libretranslate'], { cwd: dir, env });
    expect(again.code).toBe(0);
    expect(bodies).toHaveLength(1);
    expect(again.stdout).toContain('6 paragraphs (6 cached)');
    expect(again.stdout).toContain(`libretranslate: not billed per character (self-hosted), ${doc.paragraphs.reduce((n, p) => n + [...p.source].length, 0)} cached characters;`);
    expect(fs.existsSync(path.join(dir, '.vitrans-cache/translations.sqlite'))).toBe(true);

    // The run and the cache can go to a CAT tool as translation memories.
    expect(doc.engines.libretranslate!.finishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const run = await runVitrans(['export', 'tmx', 'out/article.bilingual.json', '-o', 'run.tmx'], { cwd: dir });
    expect(run.stderr).toBe('vitrans: exported 6 translation units to run.tmx\n');
    const cached = await runVitrans(['export', 'tmx', '--cache', '-o', 'cache.tmx'], { cwd: dir });
    expect(cached.stderr).toBe('vitrans: exported 6 translation units to cache.tmx\n');
    expect(fs.readFileSync(path.join(dir, 'cache.tmx'), 'utf8')).toContain(`<seg>${sourceParas[0]!.trim()}</seg>`);
  });

  it('--dry-run prints the estimate after the cache and sends nothing', async () => {
    const dir = project();
    const bodies = libre();
    const r = await runVitrans(['translate', 'article.txt', '--engine', 'libretranslate,deepl', '--dry-run'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(bodies).toHaveLength(0);
    expect(listFiles(path.join(dir, 'out'))).toEqual([]);
    // A dry run stores nothing: neither translations nor the compiled glossary.
    expect(fs.existsSync(path.join(dir, '.vitrans-cache'))).toBe(false);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^engine\s+files\s+paragraphs\s+cached\s+to send\s+characters\s+USD\/M\s+cost USD$/);
    expect(lines[1]).toMatch(/^libretranslate\s+1\s+6\s+0\s+6\s+\d+\s+n\/a\s+n\/a$/);
    expect(lines[2]).toMatch(/^deepl\s+1\s+6\s+0\s+6\s+\d+\s+25\.00\s+0\.\d{4}$/);
    expect(lines[3]).toMatch(/^total\s+12\s+0\s+12\s+\d+\s+0\.\d{4} \+ n\/a$/);
    expect(r.stdout).toMatch(/^note: deepl is not configured \(DEEPL_AUTH_KEY is not set\)/m);
    expect(r.stdout).not.toMatch(/note: libretranslate is not configured/);
  });

  it('--max-chars refuses a run over budget before sending anything', async () => {
    const dir = project();
    const bodies = libre();
    const r = await runVitrans(['translate', 'article.txt', '--engine', 'libretranslate', '--max-chars', '100'], { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vitrans: error: this run would send \d+ characters \(libretranslate \d+\), over --max-chars 100 \(raise --max-chars/);
    expect(bodies).toHaveLength(0);
    expect(listFiles(path.join(dir, 'out'))).toEqual([]);
    // Refused before anything was paid for: no translation cache, and no compiled glossary either.
    expect(fs.existsSync(path.join(dir, '.vitrans-cache'))).toBe(false);
    // The same run within budget goes ahead, and keeps the compiled glossary for the next one.
    const ok = await runVitrans(['translate', 'article.txt', '--engine', 'libretranslate', '--max-chars', '100000'], { cwd: dir, env });
    expect(ok.code).toBe(0);
    expect(listFiles(path.join(dir, '.vitrans-cache', 'glossaries'))).toHaveLength(1);
    expect(listFiles(path.join(dir, '.vitrans-cache', 'glossaries'))[0]).toMatch(/^[0-9a-f]{64}\.bin$/);
  });

  it("a proxy's HTML error page in front of the engine is told by its title, in one line", async () => {
    const dir = project();
    const page = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n';
    server.use(http.post(`${LIBRE}/translate`, () => new HttpResponse(page, { status: 502, headers: { 'content-type': 'text/html' } })));
    const r = await runVitrans(['translate', 'article.txt', '--engine', 'libretranslate', '--no-cache'], { cwd: dir, env });
    expect(r.code).toBe(4);
    const errors = r.stderr.trim().split('\n').filter((l) => l.startsWith('vitrans:'));
    expect(errors).toEqual(['vitrans: error: libretranslate: LibreTranslate server error (HTTP 502): 502 Bad Gateway (the server is failing on its side: try again later; nothing was kept (--no-cache), so a rerun sends everything again)']);
  }, 60_000);

  it('writes nothing for an engine that failed, keeps the finished engine with its bilingual JSON, and prints one line', async () => {
    const dir = project();
    libre();
    // As OpenAI's server answers an unknown key: quoted elided, its first 8 and last 4 characters shown.
    server.use(http.post(`${OPENAI}/chat/completions`, () => HttpResponse.json(openAIInvalidKeyBody(env.OPENAI_API_KEY), { status: 401 })));
    const r = await runVitrans(['translate', 'article.txt', '--engine', 'libretranslate,openai'], { cwd: dir, env });
    expect(r.code).toBe(2);
    // Progress lines aside, exactly one error line.
    const errors = r.stderr.trim().split('\n').filter((l) => l.startsWith('vitrans:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^vitrans: error: openai: /);
    expect(r.stderr).not.toContain('sk-test-secret-0123456789');
    expect(errors[0]).toContain('Incorrect API key provided: [REDACTED].');
    expect(r.stderr).not.toContain('sk-test-');
    expect(r.stderr).not.toContain('6789');
    expect(listFiles(path.join(dir, 'out'))).toEqual(['article.bilingual.json', 'article.libretranslate.en.txt']);
    const doc = JSON.parse(fs.readFileSync(path.join(dir, 'out/article.bilingual.json'), 'utf8')) as BilingualDocument;
    expect(Object.keys(doc.engines)).toEqual(['libretranslate']);
  });

  it('never prints a key that only the config file holds, even when the engine echoes it', async () => {
    const key = 'libre-config-only-key-5f3a9c';
    const dir = project({ 'vitrans.config.yaml': `engines:\n  libretranslate:\n    url: ${LIBRE}\n    api_key: ${key}\n` });
    server.use(http.post(`${LIBRE}/translate`, () => HttpResponse.json({ error: `Invalid API key: ${key}` }, { status: 403 })));
    const r = await runVitrans(['translate', 'article.txt', '-e', 'libretranslate', '--debug'], { cwd: dir, env: {} });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[REDACTED]');
    expect(r.stderr + r.stdout).not.toContain(key);
    const engines = await runVitrans(['engines', '--format', 'json'], { cwd: dir, env: {} });
    expect(engines.stdout).toContain('libretranslate');
    expect(engines.stdout).not.toContain(key);
  });

  it('exits 4 when an engine keeps failing after every retry, keeping what was finished', async () => {
    const dir = project();
    let calls = 0;
    server.use(
      http.post(`${LIBRE}/translate`, () => {
        calls++;
        return HttpResponse.json({ error: 'Service Unavailable' }, { status: 503 });
      }),
    );
    const r = await runVitrans(['translate', 'article.txt', '-e', 'libretranslate'], { cwd: dir, env });
    expect(r.code).toBe(4);
    expect(calls).toBeGreaterThan(1);
    expect(r.stderr.trim().split('\n').filter((l) => l.startsWith('vitrans:'))).toHaveLength(1);
    expect(listFiles(path.join(dir, 'out'))).toEqual([]);
  }, 60_000);

  it('runs the engines of a file side by side', async () => {
    const dir = project();
    // LibreTranslate answers only once the LLM has been asked too: engines run one after the
    // other would never get there (the guard ends the wait with an error instead of hanging).
    let llmAsked!: () => void;
    const asked = new Promise<void>((resolve) => (llmAsked = resolve));
    server.use(
      http.post(`${LIBRE}/translate`, async ({ request }) => {
        const body = (await request.json()) as { q: string[] };
        const ok = await Promise.race([asked.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000))]);
        if (!ok) return HttpResponse.json({ error: 'engines ran one after the other' }, { status: 400 });
        return HttpResponse.json({ translatedText: body.q.map(pseudoTranslate) });
      }),
    );
    llm(pseudoTranslate, () => llmAsked());
    const r = await runVitrans(['translate', 'article.txt', '-e', 'libretranslate,openai', '--no-cache'], { cwd: dir, env });
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    expect(listFiles(path.join(dir, 'out'))).toEqual(['article.bilingual.json', 'article.libretranslate.en.txt', 'article.openai.en.txt']);
  });

  it('takes engine settings from --set, before or after the files', async () => {
    const dir = project();
    const bodies = libre();
    const r = await runVitrans(['translate', '--set', `libretranslate.url=${LIBRE}`, 'article.txt', '-e', 'libretranslate', '--no-cache'], { cwd: dir, env: {} });
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    expect(bodies.length).toBeGreaterThan(0);
  });

  it('checks Markdown outputs as vitrans check does: terms in code are not expected in English', async () => {
    // No number in the prose: the mock engine's pseudo translation would drop it (number-mismatch).
    const dir = project({ 'code.md': 'Nhật Bản ký Biên bản ghi nhớ.\n\n```yaml\nvi: Biên bản ghi nhớ\n```\n' });
    libre();
    const r = await runVitrans(['translate', 'code.md', '-e', 'libretranslate', '--no-cache'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/check: 0 errors, 0 warnings/);
    expect(r.stderr).not.toMatch(/not checked/);
  });

  it("uses the config file's cache unless --cache names one, even the default path", async () => {
    const dir = project({ 'vitrans.config.yaml': 'cache: caches/team.sqlite\n' });
    libre();
    expect((await runVitrans(['translate', 'article.txt', '-e', 'libretranslate'], { cwd: dir, env })).code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'caches/team.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(dir, '.vitrans-cache/translations.sqlite'))).toBe(false);
    const r = await runVitrans(['translate', 'article.txt', '-e', 'libretranslate', '--cache', '.vitrans-cache/translations.sqlite'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, '.vitrans-cache/translations.sqlite'))).toBe(true);
  });

  it('--out naming a file is refused before anything is sent', async () => {
    const dir = project({ outfile: 'not a folder' });
    const bodies = libre();
    const r = await runVitrans(['translate', 'article.txt', '-e', 'libretranslate', '--out', 'outfile'], { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out .*outfile is a file, not a directory/);
    expect(bodies).toHaveLength(0);
  });

  it('--compare with several articles writes one report file per article for HTML and JSON', async () => {
    const dir = project({ 'second.txt': SEED });
    libre();
    const r = await runVitrans(['translate', 'article.txt', 'second.txt', '-e', 'libretranslate', '--compare', '--format', 'json'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    for (const stem of ['article', 'second']) {
      expect(JSON.parse(fs.readFileSync(path.join(dir, `out/${stem}.compare.json`), 'utf8')).engines).toEqual(['libretranslate']);
    }
  });

  it('refuses to send an English article for translation from Vietnamese', async () => {
    const english = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../corpus/japan-us-defense-industry/reference.en.txt'), 'utf8');
    const dir = project({ 'english.txt': english });
    const bodies = libre();
    const r = await runVitrans(['translate', 'english.txt', '-e', 'libretranslate'], { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/english\.txt: error: this does not look like Vietnamese/);
    expect(bodies).toHaveLength(0);
  });

  it('a later run with fewer engines keeps the other engines in the bilingual JSON', async () => {
    const dir = project();
    libre();
    llm(pseudoTranslate);
    expect((await runVitrans(['translate', 'article.txt', '-e', 'libretranslate,openai'], { cwd: dir, env })).code).toBe(0);
    expect((await runVitrans(['translate', 'article.txt', '-e', 'libretranslate', '--no-cache'], { cwd: dir, env })).code).toBe(0);
    const doc = JSON.parse(fs.readFileSync(path.join(dir, 'out/article.bilingual.json'), 'utf8')) as BilingualDocument;
    expect(Object.keys(doc.engines)).toEqual(['libretranslate', 'openai']);
    expect(doc.paragraphs.every((p) => p.translations.openai && p.translations.libretranslate)).toBe(true);

    // Another article under the same name replaces the file instead.
    fs.writeFileSync(path.join(dir, 'article.txt'), SEED.replace('Nhà Trắng', 'Nhà Trắng (Washington)'));
    const again = await runVitrans(['translate', 'article.txt', '-e', 'libretranslate'], { cwd: dir, env });
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/note: out\/article\.bilingual\.json was for another text; its openai results are not kept/);
    const replaced = JSON.parse(fs.readFileSync(path.join(dir, 'out/article.bilingual.json'), 'utf8')) as BilingualDocument;
    expect(Object.keys(replaced.engines)).toEqual(['libretranslate']);
  });

  it('check reads the bilingual JSON through the output files it names, while they are unchanged', async () => {
    const dir = project();
    libre();
    expect((await runVitrans(['translate', 'article.txt', '-e', 'libretranslate'], { cwd: dir, env })).code).toBe(0);
    const viaJson = await runVitrans(['check', 'out/article.bilingual.json', '-f', 'json'], { cwd: dir, env });
    const files = new Set((JSON.parse(viaJson.stdout).findings as { file: string }[]).map((f) => f.file));
    expect([...files]).toEqual(['out/article.libretranslate.en.txt']);

    fs.appendFileSync(path.join(dir, 'out/article.libretranslate.en.txt'), '\nEdited by hand.\n');
    const edited = await runVitrans(['check', 'out/article.bilingual.json', '-f', 'json'], { cwd: dir, env });
    expect(new Set((JSON.parse(edited.stdout).findings as { file: string }[]).map((f) => f.file))).toEqual(new Set(['out/article.bilingual.json#libretranslate']));
  });

  it('--format without --compare is a usage error', async () => {
    const r = await runVitrans(['translate', 'article.txt', '-e', 'libretranslate', '--format', 'html'], { cwd: project(), env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format .* goes with --compare/);
  });

  it('--fix leaves a forbidden rendering the source does not call for, --unsafe-fixes replaces it', async () => {
    const dir = project();
    // The source speaks of an agreement, not of the Glide Phase Interceptor the LLM names.
    llm(() => 'The two countries signed the agreement on the flight phase interceptor.');
    fs.writeFileSync(path.join(dir, 'deal.txt'), 'Hai nước đã ký kết thỏa thuận hợp tác quốc phòng.\n');
    const safe = await runVitrans(['translate', 'deal.txt', '-e', 'openai', '--no-cache', '-o', 'safe', '--fix'], { cwd: dir, env });
    expect(safe.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'safe/deal.openai.en.txt'), 'utf8')).toContain('flight phase interceptor');
    expect(safe.stdout).toMatch(/check: 0 errors, [1-9]\d* warnings?/);
    const unsafe = await runVitrans(['translate', 'deal.txt', '-e', 'openai', '--no-cache', '-o', 'unsafe', '--fix', '--unsafe-fixes'], { cwd: dir, env });
    expect(unsafe.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'unsafe/deal.openai.en.txt'), 'utf8')).toContain('the Glide Phase Interceptor.');
  });

  it('--unsafe-fixes without --fix is a usage error', async () => {
    const r = await runVitrans(['translate', 'article.txt', '-e', 'libretranslate', '--unsafe-fixes'], { cwd: project(), env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--unsafe-fixes only says which fixes --fix applies/);
  });

  it('translates Markdown keeping its structure, and --quiet prints nothing', async () => {
    const md = '# Hợp tác quốc phòng\n\n- Ký **Biên bản ghi nhớ** (MOU)\n- Xem [nguồn](https://example.vn/a_b)\n\n```\nkhông dịch\n```\n';
    const dir = project({ 'bai.md': md });
    const bodies = libre();
    const r = await runVitrans(['translate', 'bai.md', '-e', 'libretranslate', '--quiet', '--no-cache'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
    const out = fs.readFileSync(path.join(dir, 'out/bai.libretranslate.en.md'), 'utf8');
    expect(out).toBe('# EN: Hợp tác defence\n\n- EN: Ký **Memorandum of Understanding** (MOU)\n- EN: Xem [nguồn](https://example.vn/a_b)\n\n```\nkhông dịch\n```\n');
    expect(bodies.flat().join('\n')).not.toMatch(/https|không dịch/);
    expect(fs.existsSync(path.join(dir, '.vitrans-cache'))).toBe(false);
  });

  it('translates Markdown table cells, image alt text and titles, keeping the table and URLs as they are', async () => {
    const md = '| Bên ký | Văn kiện |\n|:--|--:|\n| Nhà Trắng | Thoả thuận An ninh Cung ứng \\| SOSA |\n\n![ảnh hợp tác](https://example.vn/a.png "tiêu đề ảnh")\n\nXem [nguồn](https://example.vn/b "Báo cáo quốc phòng").\n';
    const dir = project({ 'bai.md': md.normalize('NFD') });
    const bodies = libre();
    const r = await runVitrans(['translate', 'bai.md', '-e', 'libretranslate', '--quiet', '--no-cache'], { cwd: dir, env });
    expect(r.code).toBe(0);
    const out = fs.readFileSync(path.join(dir, 'out/bai.libretranslate.en.md'), 'utf8');
    expect(out).toBe(
      '| EN: Bên ký | EN: Văn kiện |\n|:--|--:|\n| EN: Nhà Trắng | EN: Security of Supply Arrangement \\| SOSA |\n\nEN: ![ảnh cooperation](https://example.vn/a.png "tiêu đề ảnh")\n\nEN: Xem [nguồn](https://example.vn/b "Báo cáo defence").\n',
    );
    expect(bodies.flat().join('\n')).not.toMatch(/https|example\.vn|\||:--/);
    const doc = JSON.parse(fs.readFileSync(path.join(dir, 'out/bai.bilingual.json'), 'utf8')) as BilingualDocument;
    expect(doc.paragraphs.map((p) => p.source)).toEqual([
      'Bên ký',
      'Văn kiện',
      'Nhà Trắng',
      'Thoả thuận An ninh Cung ứng \\| SOSA',
      '![ảnh hợp tác](https://example.vn/a.png "tiêu đề ảnh")',
      'Xem [nguồn](https://example.vn/b "Báo cáo quốc phòng").',
    ]);
  });

  it('gives prompt hints to an LLM engine, checks its output, and --fix repairs a forbidden rendering', async () => {
    const dir = project();
    const prompts: string[] = [];
    // What an LLM that ignored the hint would write.
    llm(() => 'The two countries embarked on a program to co-develop the flight phase interceptor (GPI) in XNUMX.', (user) => prompts.push(user));
    const article = 'Hai nước bắt tay vào chương trình hợp tác phát triển Thiết bị đánh chặn pha bay (GPI) vào tháng XNUMX.\n';
    fs.writeFileSync(path.join(dir, 'gpi.txt'), article);
    const plain = await runVitrans(['translate', 'gpi.txt', '-e', 'openai', '--no-cache', '-o', 'plain'], { cwd: dir, env });
    expect(plain.code).toBe(0);
    expect(prompts[0]).toContain('- "Thiết bị đánh chặn pha bay" → "Glide Phase Interceptor"');
    expect(prompts[0]).not.toContain('Biên bản ghi nhớ');
    expect(plain.stdout).toMatch(/check: [1-9]\d* errors?,/);
    const doc = JSON.parse(fs.readFileSync(path.join(dir, 'plain/gpi.bilingual.json'), 'utf8')) as BilingualDocument;
    expect(doc.paragraphs[0]!.translations.openai!.findings.map((f) => f.ruleId)).toContain('term-forbidden');

    const failing = await runVitrans(['translate', 'gpi.txt', '-e', 'openai', '-o', 'strict', '--fail-on', 'error'], { cwd: dir, env });
    expect(failing.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'strict/gpi.openai.en.txt'))).toBe(true);

    const fixed = await runVitrans(['translate', 'gpi.txt', '-e', 'openai', '--no-cache', '-o', 'fixed', '--fix'], { cwd: dir, env });
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('check: 0 errors');
    const out = fs.readFileSync(path.join(dir, 'fixed/gpi.openai.en.txt'), 'utf8');
    expect(out).toContain('Glide Phase Interceptor (GPI)');
    expect(out).not.toContain('flight phase interceptor');
  });

  it('--compare translates with several engines and prints one comparison of their outputs', async () => {
    const dir = project();
    libre();
    llm((text) => pseudoTranslate(text).toUpperCase());
    const r = await runVitrans(['translate', 'article.txt', '-e', 'libretranslate,openai', '--compare', '--format', 'json'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/translated 1 file with libretranslate, openai/);
    const comparison = JSON.parse(r.stdout);
    expect(comparison.engines).toEqual(['libretranslate', 'openai']);
    expect(comparison.paragraphs).toHaveLength(SEED.trim().split(/\n\s*\n/).length);
    expect(comparison.agreement.engines).toEqual(['libretranslate', 'openai']);
    expect(Object.keys(comparison.glossary)).toEqual(['libretranslate', 'openai']);
  });

  it('stops on Ctrl-C with exit 130, keeping finished files and the cache', async () => {
    const dir = project({ 'second.txt': 'Hòa bình và hợp tác.\n' });
    const controller = new AbortController();
    const bodies: string[][] = [];
    server.use(
      http.post(`${LIBRE}/translate`, async ({ request }) => {
        const body = (await request.json()) as { q: string[] };
        bodies.push(body.q);
        if (bodies.length === 2) controller.abort();
        await new Promise((r) => setTimeout(r, 20));
        return HttpResponse.json({ translatedText: body.q.map(pseudoTranslate) });
      }),
    );
    const r = await runVitrans(['translate', 'article.txt', 'second.txt', '-e', 'libretranslate', '--concurrency', '1'], { cwd: dir, env, signal: controller.signal });
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('translation interrupted');
    expect(listFiles(path.join(dir, 'out'))).toEqual(['article.bilingual.json', 'article.libretranslate.en.txt']);
  });

  it('creates the DeepL glossary once per run for all files, sends its id, and records billed characters', async () => {
    const dir = project({ 'second.txt': 'Ký Biên bản ghi nhớ (MOU) về hợp tác.\n' });
    const DEEPL = 'https://api-free.deepl.com';
    const glossaryCalls: string[] = [];
    const translateForms: URLSearchParams[] = [];
    const glossaryId = '7f3c1a52-9d4e-4b61-a8c2-e5f6a7b8c9d0';
    server.use(
      http.get(`${DEEPL}/v2/glossaries`, () => {
        glossaryCalls.push('list');
        return HttpResponse.json({ glossaries: [] });
      }),
      http.post(`${DEEPL}/v2/glossaries`, async ({ request }) => {
        const form = new URLSearchParams(await request.text());
        glossaryCalls.push(`create ${form.get('entries')!.split('\n').length}`);
        return HttpResponse.json(
          { glossary_id: glossaryId, name: form.get('name'), ready: true, source_lang: 'vi', target_lang: 'en', creation_time: '2026-03-01T10:00:00.000Z', entry_count: 4 },
          { status: 201 },
        );
      }),
      http.post(`${DEEPL}/v2/translate`, async ({ request }) => {
        const form = new URLSearchParams(await request.text());
        translateForms.push(form);
        return HttpResponse.json({
          translations: form.getAll('text').map((t) => ({ detected_source_language: 'VI', text: pseudoTranslate(t), billed_characters: t.length })),
        });
      }),
    );
    const deeplEnv = { DEEPL_AUTH_KEY: '0c5a7e1d-4b2f-4e8e-9a31-5d2c7b8e9f10:fx' };
    const r = await runVitrans(['translate', 'article.txt', 'second.txt', '-e', 'deepl'], { cwd: dir, env: deeplEnv });
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    expect(glossaryCalls).toEqual(['list', 'create 4']);
    expect(translateForms).toHaveLength(2);
    expect(translateForms.every((f) => f.get('glossary_id') === glossaryId)).toBe(true);
    // Native glossaries need no masking: the Vietnamese terms are sent as they are.
    expect(translateForms[1]!.getAll('text')).toEqual(['Ký Biên bản ghi nhớ (MOU) về hợp tác.']);
    const billed = translateForms.flatMap((f) => f.getAll('text')).reduce((n, t) => n + t.length, 0);
    expect(r.stdout).toContain(`deepl: ${billed} characters billed by this run, 0 cached characters (not billed again)`);
    const doc = JSON.parse(fs.readFileSync(path.join(dir, 'out/second.bilingual.json'), 'utf8')) as BilingualDocument;
    expect(doc.engines.deepl!.billedCharacters).toBe('Ký Biên bản ghi nhớ (MOU) về hợp tác.'.length);
  });

  it('reports a corrupt cache file in one line with exit 2, before sending anything', async () => {
    const dir = project();
    const bodies = libre();
    fs.mkdirSync(path.join(dir, '.vitrans-cache'));
    fs.writeFileSync(path.join(dir, '.vitrans-cache/translations.sqlite'), 'không phải SQLite '.repeat(300));
    const r = await runVitrans(['translate', 'article.txt', '-e', 'libretranslate'], { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vitrans: .*translations\.sqlite: error: the translation cache is not a valid SQLite database .*--no-cache/);
    expect(bodies).toHaveLength(0);
  });

  it('translates without enforcement when there is no glossary.yaml, and says so', async () => {
    const dir = project();
    fs.rmSync(path.join(dir, 'glossary.yaml'));
    const bodies = libre();
    const r = await runVitrans(['translate', 'article.txt', '-e', 'libretranslate', '--no-cache'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('no glossary.yaml here');
    expect(r.stdout).toContain('check: skipped (no glossary)');
    expect(bodies.flat().join('\n')).toContain('Biên bản ghi nhớ');
  });

  it('rejects a bad --concurrency value as a usage error', async () => {
    const dir = project();
    const r = await runVitrans(['translate', 'article.txt', '-e', 'libretranslate', '--concurrency', '0'], { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--concurrency must be a positive whole number');
  });

  it('refuses a timeout_ms that is not a positive whole number with exit 2, naming the setting', async () => {
    const dir = project();
    const bodies = libre();
    const r = await runVitrans(['translate', 'article.txt', '-e', 'libretranslate', '--set', 'libretranslate.timeout_ms=abc'], { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/libretranslate\.timeout_ms must be a positive whole number of milliseconds, got "abc"/);
    expect(bodies).toHaveLength(0);
  });

  it('says where a refused engine setting was given: its line in the config file, the --set, or the environment variable', async () => {
    const dir = project({ 'vitrans.config.yaml': 'engines:\n  libretranslate:\n    url: "ftp://translate.example.org"\n    timeout_ms: 1.5\n' });
    const bodies = libre();
    const { LIBRETRANSLATE_URL: _unset, ...noUrl } = env;
    const lines = async (args: string[], vars: Record<string, string>): Promise<string[]> => {
      const r = await runVitrans(['translate', 'article.txt', '-e', 'libretranslate', ...args], { cwd: dir, env: vars });
      expect(r.code).toBe(2);
      return r.stderr.trim().split('\n');
    };
    expect(await lines([], noUrl)).toEqual([
      'vitrans: vitrans.config.yaml:3:10: error: engines.libretranslate.url: LibreTranslate URL "ftp://translate.example.org" is not an http(s) URL (correct it there; LIBRETRANSLATE_URL, when set, overrides it)',
    ]);
    expect(await lines(['--set', 'libretranslate.url=http://libre.test'], noUrl)).toEqual([
      'vitrans: vitrans.config.yaml:4:17: error: engines.libretranslate.timeout_ms must be a positive whole number of milliseconds, got "1.5" (correct it there)',
    ]);
    expect(await lines(['--set', 'libretranslate.url=ftp://x', '--set', 'libretranslate.timeout_ms=1000'], noUrl)).toEqual([
      'vitrans: error: --set libretranslate.url: LibreTranslate URL "ftp://x" is not an http(s) URL (correct the value given to --set libretranslate.url)',
    ]);
    expect(await lines(['--set', 'libretranslate.timeout_ms=1000'], { ...noUrl, LIBRETRANSLATE_URL: 'ftp://y' })).toEqual([
      'vitrans: error: LIBRETRANSLATE_URL: LibreTranslate URL "ftp://y" is not an http(s) URL (correct LIBRETRANSLATE_URL in the environment; it overrides engines.libretranslate.url of the config file)',
    ]);
    expect(bodies).toHaveLength(0);
  });

  it('refuses a model setting that holds the key (variables swapped), before anything is sent or stored', async () => {
    const dir = project();
    const key = 'sk-test-ZXCVBNMASDFGH987';
    let requests = 0;
    server.use(http.post('http://openai.test/v1/chat/completions', () => ((requests++), HttpResponse.json({}))));
    const r = await runVitrans(['translate', 'article.txt', '-e', 'openai'], { cwd: dir, env: { OPENAI_BASE_URL: 'http://openai.test/v1', OPENAI_API_KEY: key, OPENAI_MODEL: key } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['vitrans: error: OPENAI_MODEL holds a key, which would be stored with every translation (correct OPENAI_MODEL in the environment; it overrides engines.openai.model of the config file)']);
    expect(r.stderr + r.stdout).not.toContain('sk-test-ZXCV');
    expect(requests).toBe(0);
    expect(fs.existsSync(path.join(dir, '.vitrans-cache'))).toBe(false);
  });

  it('refuses an engine URL with a password or a query string with exit 2, never printing them', async () => {
    const dir = project();
    const bodies = libre();
    const withPassword = await runVitrans(['translate', 'article.txt', '-e', 'openai'], { cwd: dir, env: { ...env, OPENAI_BASE_URL: 'http://bob:s3cret-pass@llm.test/v1' } });
    expect(withPassword.code).toBe(2);
    expect(withPassword.stderr).toMatch(/must not contain a user name or password/);
    expect(withPassword.stderr).toMatch(/api_key/);
    expect(withPassword.stderr + withPassword.stdout).not.toContain('s3cret-pass');
    const withQuery = await runVitrans(['translate', 'article.txt', '-e', 'libretranslate'], { cwd: dir, env: { ...env, LIBRETRANSLATE_URL: `${LIBRE}/?api_key=lt-query-key-77f1e2` } });
    expect(withQuery.code).toBe(2);
    expect(withQuery.stderr).toMatch(/query string/);
    expect(withQuery.stderr + withQuery.stdout).not.toContain('lt-query-key-77f1e2');
    expect(bodies).toHaveLength(0);
  });

  it('refuses a DeepL server URL that is not a bare http(s) URL with exit 2, where it was set, before anything is sent', async () => {
    const key = 'a3c9e1f0-7b2d-4e8a-9c61-5d0f2b7e4a19:fx';
    let requests = 0;
    const headers: string[] = [];
    const seen = (request: Request): void => {
      requests++;
      headers.push(request.headers.get('authorization') ?? '');
    };
    server.use(
      http.get('http://127.0.0.1:8787/v2/glossaries', ({ request }) => (seen(request), HttpResponse.json({ glossaries: [] }))),
      http.post('http://127.0.0.1:8787/v2/glossaries', async ({ request }) => {
        seen(request);
        const form = new URLSearchParams(await request.text());
        return HttpResponse.json(
          { glossary_id: '2b7e4a19-5d0f-4e8a-9c61-a3c9e1f07b2d', name: form.get('name'), ready: true, source_lang: 'vi', target_lang: 'en', creation_time: '2026-03-01T10:00:00.000Z', entry_count: 4 },
          { status: 201 },
        );
      }),
      http.post('http://127.0.0.1:8787/v2/translate', async ({ request }) => {
        seen(request);
        const form = new URLSearchParams(await request.text());
        return HttpResponse.json({ translations: form.getAll('text').map((t) => ({ detected_source_language: 'VI', text: pseudoTranslate(t) })) });
      }),
    );
    const { LIBRETRANSLATE_URL: _unset, ...vars } = env;
    const refusal = async (dir: string, serverUrl?: string): Promise<string[]> => {
      const r = await runVitrans(['translate', 'article.txt', '-e', 'deepl'], { cwd: dir, env: { ...vars, DEEPL_AUTH_KEY: key, ...(serverUrl === undefined ? {} : { DEEPL_SERVER_URL: serverUrl }) } });
      expect(r.code).toBe(2);
      expect(r.stderr + r.stdout).not.toMatch(/PASSWORD9876|TOKEN98765/);
      return r.stderr.trim().split('\n');
    };
    const dir = project();
    expect(await refusal(dir, 'ftp://127.0.0.1:8787')).toEqual([
      'vitrans: error: DEEPL_SERVER_URL: DeepL server URL "ftp://127.0.0.1:8787" is not an http(s) URL (correct DEEPL_SERVER_URL in the environment; it overrides engines.deepl.server_url of the config file)',
    ]);
    expect(await refusal(dir, 'localhost:8787')).toEqual([
      'vitrans: error: DEEPL_SERVER_URL: DeepL server URL "localhost:8787" is not an http(s) URL (correct DEEPL_SERVER_URL in the environment; it overrides engines.deepl.server_url of the config file)',
    ]);
    expect(await refusal(dir, 'not a url')).toEqual([
      'vitrans: error: DEEPL_SERVER_URL: DeepL server URL "not a url" is not an http(s) URL (correct DEEPL_SERVER_URL in the environment; it overrides engines.deepl.server_url of the config file)',
    ]);
    expect(await refusal(dir, 'http://admin:PASSWORD9876@127.0.0.1:8787')).toEqual([
      'vitrans: error: DEEPL_SERVER_URL: DeepL server URL "http://127.0.0.1:8787" must not contain a user name or password (put the key in deepl.auth_key or DEEPL_AUTH_KEY, not in the URL, and set DEEPL_SERVER_URL to the bare server URL; correct DEEPL_SERVER_URL in the environment; it overrides engines.deepl.server_url of the config file)',
    ]);
    const inFile = project({ 'vitrans.config.yaml': 'engines:\n  deepl:\n    server_url: "http://127.0.0.1:8787/?token=TOKEN98765"\n' });
    expect(await refusal(inFile)).toEqual([
      'vitrans: vitrans.config.yaml:3:17: error: engines.deepl.server_url: DeepL server URL "http://127.0.0.1:8787/" must not contain a query string or fragment (put the key in deepl.auth_key or DEEPL_AUTH_KEY, not in the URL, and set DEEPL_SERVER_URL to the bare server URL; correct it there; DEEPL_SERVER_URL, when set, overrides it)',
    ]);
    expect(requests).toBe(0);
    // The bare URL still goes through, with the key as DeepL wants it.
    const ok = await runVitrans(['translate', 'article.txt', '-e', 'deepl'], { cwd: dir, env: { ...vars, DEEPL_AUTH_KEY: key, DEEPL_SERVER_URL: 'http://127.0.0.1:8787/' } });
    expect(ok.code).toBe(0);
    expect(requests).toBeGreaterThan(0);
    expect(new Set(headers)).toEqual(new Set([`DeepL-Auth-Key ${key}`]));
  });

  it('an unusable answer to a batch sends each paragraph again alone, without waiting', async () => {
    const dir = project();
    const bodies: string[][] = [];
    server.use(
      http.post(`${LIBRE}/translate`, async ({ request }) => {
        const body = (await request.json()) as { q: string[] };
        bodies.push(body.q);
        if (bodies.length === 1) return new HttpResponse('{"translatedText": [oops', { headers: { 'content-type': 'application/json' } });
        return HttpResponse.json({ translatedText: body.q.map(pseudoTranslate) });
      }),
    );
    const r = await runVitrans(['translate', 'article.txt', '-e', 'libretranslate', '--no-cache'], { cwd: dir, env });
    expect(r.code).toBe(0);
    const paragraphs = SEED.trim().split(/\n\s*\n/).length;
    expect(bodies.map((b) => b.length)).toEqual([paragraphs, ...new Array<number>(paragraphs).fill(1)]);
    expect(r.stderr).not.toMatch(/retry/);
  });

  it('exits 4 (not 2) when an engine keeps giving unusable answers after every retry', async () => {
    const dir = project({ 'one.txt': 'Hai nước ký Biên bản ghi nhớ về hợp tác quốc phòng.\n' });
    let calls = 0;
    server.use(
      http.post(`${LIBRE}/translate`, () => {
        calls++;
        return new HttpResponse('{"translatedText": [oops', { headers: { 'content-type': 'application/json' } });
      }),
    );
    const r = await runVitrans(['translate', 'one.txt', '-e', 'libretranslate'], { cwd: dir, env });
    expect(r.code).toBe(4);
    expect(calls).toBeGreaterThan(1);
    expect(r.stderr).toMatch(/vitrans: error: .*unusable answer/);
  }, 20_000);

  it('a fully cached Markdown rerun ends its progress at total', async () => {
    const md = '# Hợp tác quốc phòng\n\n| Năm | Số |\n|---|---|\n| 2024 | 12 |\n\n**2025**\n\n```\nkhông dịch\n```\n\nHai nước ký Biên bản ghi nhớ.\n';
    const dir = project({ 'bai.md': md });
    const bodies = libre();
    expect((await runVitrans(['translate', 'bai.md', '-e', 'libretranslate'], { cwd: dir, env })).code).toBe(0);
    const again = await runVitrans(['translate', 'bai.md', '-e', 'libretranslate'], { cwd: dir, env });
    expect(again.code).toBe(0);
    expect(bodies).toHaveLength(1);
    const last = again.stderr.trim().split('\n').filter((l) => l.startsWith('bai.md')).at(-1);
    expect(last).toMatch(/: 5\/5 paragraphs, 4 cached, /);
    expect(last).not.toMatch(/ETA --:--/);
  });
});

describe('progress', () => {
  const sink = (isTTY: boolean) => {
    const chunks: string[] = [];
    return { chunks, stream: { write: (s: string) => void chunks.push(s), isTTY, columns: 120 } };
  };

  it('redraws one line with bar, counts and ETA on a terminal', () => {
    let now = 0;
    const { chunks, stream } = sink(true);
    const p = createProgress({ stream, now: () => now });
    p.begin('bai.txt → deepl');
    p.update({ type: 'start', engine: 'deepl', total: 10, cached: 2 });
    now = 4000;
    p.update({ type: 'progress', engine: 'deepl', total: 10, done: 6, cached: 2 });
    p.end();
    expect(chunks.every((c) => c.startsWith('\r\x1b[2K') || c === '\n')).toBe(true);
    expect(chunks).toContain('\r\x1b[2Kbai.txt → deepl [############--------] 6/10 paragraphs, 2 cached, ETA 0:04');
    expect(chunks[chunks.length - 1]).toBe('\n');
  });

  it('prints throttled plain lines elsewhere, and nothing when quiet', () => {
    let now = 0;
    const { chunks, stream } = sink(false);
    const p = createProgress({ stream, now: () => now, plainIntervalMs: 5000 });
    p.begin('a.txt → google');
    p.update({ type: 'start', engine: 'google', total: 100, cached: 0 });
    for (let done = 10; done <= 100; done += 10) {
      now += 1000;
      p.update({ type: 'progress', engine: 'google', total: 100, done, cached: 0 });
    }
    p.end();
    expect(chunks).toEqual([
      'a.txt → google: 100 paragraphs, 0 cached\n',
      'a.txt → google: 50/100 paragraphs, 0 cached, ETA 0:05\n',
      'a.txt → google: 100/100 paragraphs, 0 cached, 0:10 elapsed\n',
    ]);
    const quiet = sink(true);
    const q = createProgress({ stream: quiet.stream, quiet: true, now: () => 0 });
    q.begin('x');
    q.update({ type: 'start', engine: 'x', total: 1, cached: 0 });
    q.end();
    expect(quiet.chunks).toEqual([]);
  });

  it('sums the engines that share a line, naming them in plain lines', () => {
    let now = 0;
    const { chunks, stream } = sink(false);
    const p = createProgress({ stream, now: () => now, plainIntervalMs: 5000 });
    p.begin('a.txt → deepl, google', 2);
    p.update({ type: 'start', engine: 'deepl', total: 10, cached: 4 });
    p.update({ type: 'start', engine: 'google', total: 10, cached: 0 });
    now += 2000;
    p.update({ type: 'progress', engine: 'deepl', total: 10, done: 10, cached: 4 });
    p.update({ type: 'retry', engine: 'google', attempt: 1, delayMs: 1500, reason: 'HTTP 503' });
    now += 2000;
    p.update({ type: 'progress', engine: 'google', total: 10, done: 10, cached: 0 });
    p.end();
    expect(chunks).toEqual([
      'a.txt → deepl, google: deepl: 10 paragraphs, 4 cached\n',
      'a.txt → deepl, google: google: 10 paragraphs, 0 cached\n',
      'a.txt → deepl, google: google retry 1 in 1.5s: HTTP 503\n',
      'a.txt → deepl, google: 20/20 paragraphs, 4 cached, 0:04 elapsed\n',
    ]);
  });

  it('estimates time left from the pace of sent paragraphs only', () => {
    expect(etaSeconds({ total: 10, done: 2, cached: 2, startedAt: 0 }, 1000)).toBeUndefined();
    expect(etaSeconds({ total: 10, done: 6, cached: 2, startedAt: 0 }, 4000)).toBe(4);
    expect(formatDuration(75)).toBe('1:15');
  });
});
