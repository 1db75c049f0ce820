/**
 * `vitrans translate` against engines that behave as the real servers do: DeepL's empty error
 * bodies, faults on the glossary endpoints, a pair DeepL keeps no glossaries for, billed and
 * cached characters, a key inside an answer.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { http, HttpResponse } from 'msw';
import Database from 'better-sqlite3';
import { describe, it, expect } from 'vitest';
import type { BilingualDocument } from '../../src/formats/bilingual.js';
import { server } from '../setup/server.js';
import { deeplServer } from '../engines/deepl-server.js';
import { pseudoTranslate } from '../translate/fake-engine.js';
import { GLOSSARY_YAML } from '../translate/helpers.js';
import { runVitrans } from './run-cli.js';

const SEED = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../translate/fixtures/seed-article.txt'), 'utf8');
const DEEPL_KEY = '0c5a7e1d-4b2f-4e8e-9a31-5d2c7b8e9f10:fx';
const deeplEnv = { DEEPL_AUTH_KEY: DEEPL_KEY };
const LIBRE = 'http://libre.test';

function project(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-cli-engines-'));
  fs.writeFileSync(path.join(dir, 'glossary.yaml'), GLOSSARY_YAML);
  fs.writeFileSync(path.join(dir, 'article.txt'), SEED);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const errorLines = (stderr: string): string[] => stderr.split('\n').filter((l) => l.startsWith('vitrans: error'));
const paragraphCount = SEED.trim().split(/\n\s*\n/).length;

describe('vitrans translate with DeepL as the real server answers', () => {
  it('a 5xx with an empty body on the first glossary request is retried, and the run completes', async () => {
    const dir = project();
    const api = deeplServer({ translate: pseudoTranslate });
    api.fail('glossaries:list', 503);
    api.fail('glossaries:create', 500);
    const r = await runVitrans(['translate', 'article.txt', '-e', 'deepl'], { cwd: dir, env: deeplEnv });
    expect(errorLines(r.stderr)).toEqual([]);
    expect(r.code).toBe(0);
    expect(api.calls).toMatchObject({ 'glossaries:list': 3, 'glossaries:create': 2 });
    expect(api.glossaries).toHaveLength(1);
    expect(api.translated).toHaveLength(paragraphCount);
  });

  it('an empty 403 is one plain line, exit 2, nothing sent twice', async () => {
    const dir = project();
    const api = deeplServer();
    api.fail('glossaries:list', 403);
    const r = await runVitrans(['translate', 'article.txt', '-e', 'deepl'], { cwd: dir, env: deeplEnv });
    expect(r.code).toBe(2);
    expect(errorLines(r.stderr)).toEqual(['vitrans: error: deepl: DeepL rejected the key (HTTP 403) (check DEEPL_AUTH_KEY)']);
    expect(api.calls['glossaries:list']).toBe(1);
  });

  it('5xx answers that outlast every retry end with exit 4 and say what to do', async () => {
    const dir = project();
    const api = deeplServer();
    api.fail('translate', ...Array<number>(10).fill(502));
    const r = await runVitrans(['translate', 'article.txt', '-e', 'deepl'], { cwd: dir, env: deeplEnv });
    expect(r.code).toBe(4);
    expect(errorLines(r.stderr)).toEqual([
      'vitrans: error: deepl: DeepL server error (HTTP 502) (the server is failing on its side: try again later; finished paragraphs are cached, so a rerun sends only the rest)',
    ]);
    expect(api.calls.translate).toBe(5);
  }, 60_000);

  it('with --no-cache, the same failure says that nothing was kept and a rerun sends everything again', async () => {
    const dir = project();
    const api = deeplServer();
    api.fail('translate', ...Array<number>(10).fill(502));
    const r = await runVitrans(['translate', 'article.txt', '-e', 'deepl', '--no-cache'], { cwd: dir, env: deeplEnv });
    expect(r.code).toBe(4);
    expect(errorLines(r.stderr)).toEqual([
      'vitrans: error: deepl: DeepL server error (HTTP 502) (the server is failing on its side: try again later; nothing was kept (--no-cache), so a rerun sends everything again)',
    ]);
  }, 60_000);

  it('a null text that outlasts every retry ends with exit 4 and one readable line, not an internal error', async () => {
    const dir = project();
    const api = deeplServer({ translate: pseudoTranslate });
    const nullTexts = (texts: string[]): Response => HttpResponse.json({ translations: texts.map(() => ({ text: null, detected_source_language: 'VI' })) });
    api.fail('translate', ...Array(20).fill(nullTexts));
    const r = await runVitrans(['translate', 'article.txt', '-e', 'deepl'], { cwd: dir, env: deeplEnv });
    expect(r.stderr).not.toMatch(/internal error|normalize/);
    expect(r.code).toBe(4);
    expect(errorLines(r.stderr)).toHaveLength(1);
    expect(errorLines(r.stderr)[0]).toMatch(/^vitrans: error: deepl: DeepL gave an unusable answer: translations? [\d, ()a-z]+ of the \d+ sent came back without a text/);
  }, 60_000);

  it('an empty translation of every text is asked for again, never cached: the run and its rerun have the real translations', async () => {
    const dir = project();
    const api = deeplServer({ translate: pseudoTranslate });
    api.fail('translate', (texts) => HttpResponse.json({ translations: texts.map((t) => ({ text: '', detected_source_language: 'VI', billed_characters: [...t].length })) }));
    const r = await runVitrans(['translate', 'article.txt', '-e', 'deepl'], { cwd: dir, env: deeplEnv });
    expect(errorLines(r.stderr)).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('does not align');
    const doc = JSON.parse(fs.readFileSync(path.join(dir, 'out/article.bilingual.json'), 'utf8')) as BilingualDocument;
    expect(doc.paragraphs.map((p) => p.translations.deepl!.target)).toEqual(doc.paragraphs.map((p) => pseudoTranslate(p.source)));
    const sentFirst = api.calls.translate;
    const again = await runVitrans(['translate', 'article.txt', '-e', 'deepl'], { cwd: dir, env: deeplEnv });
    expect(again.code).toBe(0);
    expect(api.calls.translate).toBe(sentFirst);
    expect(fs.readFileSync(path.join(dir, 'out/article.deepl.en.txt'), 'utf8')).toContain(pseudoTranslate(SEED.split(/\n\s*\n/)[3]!.trim()));
  });

  it('a captive portal answering 200 with HTML is retried; when it never lets go, exit 4 says what came back', async () => {
    const dir = project();
    const api = deeplServer({ translate: pseudoTranslate });
    const portal = (): Response =>
      new HttpResponse('<!DOCTYPE html><html><head><title>Đăng nhập Wi-Fi Sân bay Nội Bài</title></head><body><form action="/login"></form></body></html>', {
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8' },
      });
    api.fail('translate', portal);
    const once = await runVitrans(['translate', 'article.txt', '-e', 'deepl'], { cwd: dir, env: deeplEnv });
    expect(errorLines(once.stderr)).toEqual([]);
    expect(once.code).toBe(0);

    const other = project();
    const stuck = deeplServer({ translate: pseudoTranslate });
    stuck.fail('translate', ...Array(20).fill(portal));
    const r = await runVitrans(['translate', 'article.txt', '-e', 'deepl', '--no-cache'], { cwd: other, env: deeplEnv });
    expect(r.code).toBe(4);
    expect(errorLines(r.stderr)).toEqual([
      'vitrans: error: deepl: DeepL gave an unusable answer: answered 200 with something that is not DeepL\'s JSON (text/html: an HTML page, "Đăng nhập Wi-Fi Sân bay Nội Bài") (something between here and DeepL (a proxy, a Wi-Fi login page) may be answering for it: check the network or try again later; nothing was kept (--no-cache), so a rerun sends everything again)',
    ]);
    // The batch once, then its first paragraph alone, five attempts.
    expect(stuck.calls.translate).toBe(6);
  }, 60_000);

  it('a language pair DeepL keeps no glossaries for: one warning, placeholders, the run completes', async () => {
    const dir = project();
    const api = deeplServer({ translate: pseudoTranslate, glossaryPairs: ['en-de'] });
    const r = await runVitrans(['translate', 'article.txt', '-e', 'deepl'], { cwd: dir, env: deeplEnv });
    expect(errorLines(r.stderr)).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('vitrans: warning'))).toEqual([
      'vitrans: warning: deepl: DeepL translates vi-en but keeps no glossaries for it (Unsupported glossary source and target language pair); glossary terms are protected with placeholders instead',
    ]);
    expect(api.translated.join('\n')).not.toContain('Biên bản ghi nhớ');
    expect(api.translated.join('\n')).toMatch(/⟦\d+⟧/);
    expect(fs.readFileSync(path.join(dir, 'out/article.deepl.en.txt'), 'utf8')).toContain('Memorandum of Understanding (MOU)');
  });

  it('reports the characters billed by this run apart from those the cache served', async () => {
    const dir = project();
    deeplServer({ translate: pseudoTranslate });
    const first = await runVitrans(['translate', 'article.txt', '-e', 'deepl'], { cwd: dir, env: deeplEnv });
    expect(first.code).toBe(0);
    const doc = JSON.parse(fs.readFileSync(path.join(dir, 'out/article.bilingual.json'), 'utf8')) as BilingualDocument;
    const billed = doc.engines.deepl!.billedCharacters!;
    const sourceChars = doc.paragraphs.reduce((n, p) => n + [...p.source].length, 0);
    expect(billed).toBeGreaterThan(0);
    expect(first.stdout).toContain(`deepl: ${billed} characters billed by this run, 0 cached characters (not billed again)`);
    const again = await runVitrans(['translate', 'article.txt', '-e', 'deepl'], { cwd: dir, env: deeplEnv });
    expect(again.stdout).toContain(`(${paragraphCount} cached); deepl: 0 characters billed by this run, ${sourceChars} cached characters (not billed again)`);
  });

  it('Google, which bills per character but reports no count, shows the characters sent', async () => {
    const dir = project();
    server.use(
      http.post('https://translation.googleapis.com/language/translate/v2', async ({ request }) => {
        const body = (await request.json()) as { q: string[] };
        return HttpResponse.json({ data: { translations: body.q.map((t) => ({ translatedText: pseudoTranslate(t) })) } });
      }),
    );
    const r = await runVitrans(['translate', 'article.txt', '-e', 'google-v2'], { cwd: dir, env: { GOOGLE_API_KEY: 'AIzaSyB3x-Q1w2e3r4t5y6u7i8o9p0aSdFgHjK' } });
    expect(r.code).toBe(0);
    const doc = JSON.parse(fs.readFileSync(path.join(dir, 'out/article.bilingual.json'), 'utf8')) as BilingualDocument;
    const sent = doc.paragraphs.reduce((n, p) => n + [...p.source].length, 0);
    expect(r.stdout).toContain(`google-v2: ${sent} characters sent (billed per character; the engine reports no count), 0 cached characters (not billed again)`);
  });

  it('an LLM says it bills by token rather than "0 billed"', async () => {
    const dir = project();
    server.use(
      http.post('http://llm.test/v1/chat/completions', async ({ request }) => {
        const body = (await request.json()) as { messages: { role: string; content: string }[] };
        const user = body.messages.find((m) => m.role === 'user')!.content;
        const tagged = [...user.matchAll(/<p id="(\d+)">([\s\S]*?)<\/p>/g)].map(([, id, text]) => `<p id="${id}">${pseudoTranslate(text!)}</p>`);
        return HttpResponse.json({ choices: [{ message: { role: 'assistant', content: tagged.join('\n') } }] });
      }),
    );
    const r = await runVitrans(['translate', 'article.txt', '-e', 'openai', '--no-cache'], { cwd: dir, env: { OPENAI_BASE_URL: 'http://llm.test/v1', OPENAI_MODEL: 'qwen2.5:14b' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/; openai: billed by token, not by character \(\d+ characters sent\), 0 cached characters;/);
    expect(r.stdout).not.toMatch(/0 billed/);
  });
});

describe('a key inside a successful answer', () => {
  it('is masked in the output, the bilingual JSON and the cache, with a warning', async () => {
    const key = 'libre-secret-key-9d81c2f4a7';
    const dir = project();
    server.use(
      http.post(`${LIBRE}/translate`, async ({ request }) => {
        const body = (await request.json()) as { q: string[]; api_key?: string };
        // A misconfigured proxy that echoes the request's key into the first translation.
        return HttpResponse.json({ translatedText: body.q.map((q, i) => (i === 0 ? `${pseudoTranslate(q)} [key=${body.api_key}]` : pseudoTranslate(q))) });
      }),
    );
    const r = await runVitrans(['translate', 'article.txt', '-e', 'libretranslate'], { cwd: dir, env: { LIBRETRANSLATE_URL: LIBRE, LIBRETRANSLATE_API_KEY: key } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('vitrans: warning: libretranslate returned a key inside 1 translation of article.txt; it is masked as [REDACTED] in the outputs, the bilingual JSON and the cache');
    const out = fs.readFileSync(path.join(dir, 'out/article.libretranslate.en.txt'), 'utf8');
    const json = fs.readFileSync(path.join(dir, 'out/article.bilingual.json'), 'utf8');
    expect(out).toContain('[key=[REDACTED]]');
    expect(json).toContain('secret-redacted');
    const db = new Database(path.join(dir, '.vitrans-cache/translations.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT target FROM translations').all() as { target: string }[];
    db.close();
    expect(rows.some((row) => row.target.includes('[REDACTED]'))).toBe(true);
    for (const text of [out, json, r.stdout, r.stderr, ...rows.map((row) => row.target)]) expect(text).not.toContain(key.slice(0, 10));
  });
});
