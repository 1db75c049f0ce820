/**
 * What a user sees when the server cannot be reached at all, on real sockets (a child process,
 * where no msw stands in): a port Node's fetch refuses, a refused connection; and keys in error
 * bodies cut to length, with --debug too.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../setup/server.js';
import { deeplServer } from '../engines/deepl-server.js';
import { GLOSSARY_YAML } from '../translate/helpers.js';
import { runVitrans } from './run-cli.js';
import { spawnVitrans } from './spawn-cli.js';

const SEED = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../translate/fixtures/seed-article.txt'), 'utf8');
const KEY = 'lt-5c1f9e2a7b3d4c6e8f0a1b2c3d4e5f60';

function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-cli-net-'));
  fs.writeFileSync(path.join(dir, 'glossary.yaml'), GLOSSARY_YAML);
  fs.writeFileSync(path.join(dir, 'article.txt'), SEED);
  return dir;
}

/** A port on 127.0.0.1 that was free a moment ago: nothing listens there. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  const port = await new Promise<number>((resolve) => probe.listen(0, '127.0.0.1', () => resolve((probe.address() as net.AddressInfo).port)));
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const vitransLines = (stderr: string): string[] => stderr.split('\n').filter((l) => l.startsWith('vitrans:'));

/** Every piece of the key from 6 characters on. */
function expectNoPartOfKey(text: string, key: string): void {
  for (let n = 6; n <= key.length; n++) expect(text, `${n} characters of the key`).not.toContain(key.slice(0, n));
}

describe('unreachable servers, for real', () => {
  it("a port Node's fetch refuses: says so, names the URL, no retries, exit 2", async () => {
    const dir = project();
    const r = await spawnVitrans(['translate', 'article.txt', '-e', 'libretranslate'], { cwd: dir, env: { LIBRETRANSLATE_URL: 'http://127.0.0.1:6000', LIBRETRANSLATE_API_KEY: KEY } }).done;
    expect(r.code).toBe(2);
    expect(vitransLines(r.stderr)).toEqual([
      'vitrans: error: libretranslate: cannot connect to LibreTranslate at http://127.0.0.1:6000/translate: Node\'s fetch refuses port 6000 ("bad port", a port reserved for another protocol) (run the server on another port, e.g. 5000 or 8080, and change the URL)',
    ]);
    expect(r.stderr).not.toMatch(/retry/);
    expectNoPartOfKey(r.stderr + r.stdout, KEY);
  }, 60_000);

  it('a refused connection: names the URL and the cause, retried, then exit 4', async () => {
    const dir = project();
    const port = await closedPort();
    const r = await spawnVitrans(['translate', 'article.txt', '-e', 'libretranslate'], { cwd: dir, env: { LIBRETRANSLATE_URL: `http://127.0.0.1:${port}` } }).done;
    expect(r.code).toBe(4);
    expect(vitransLines(r.stderr)).toEqual([
      `vitrans: error: libretranslate: could not reach LibreTranslate at http://127.0.0.1:${port}/translate: connection refused (connect ECONNREFUSED 127.0.0.1:${port}) (check that the server is running and that the URL and port are right)`,
    ]);
    expect(r.stderr).toMatch(/retry 1 in/);
  }, 60_000);
});

describe('keys in error bodies that are cut to length', () => {
  it.each([280, 288, 291, 297])('a key at character %i of the body never shows, not even in part, nor with --debug', async (at) => {
    const dir = project();
    const filler = 'Khoá API không hợp lệ hoặc đã hết hạn. '.repeat(20).slice(0, at);
    server.use(http.post('http://libre.test/translate', () => HttpResponse.json({ error: `${filler}${KEY} (tra lại cấu hình)` }, { status: 403 })));
    const r = await runVitrans(['translate', 'article.txt', '-e', 'libretranslate', '--debug'], { cwd: dir, env: { LIBRETRANSLATE_URL: 'http://libre.test', LIBRETRANSLATE_API_KEY: KEY } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vitrans: error: libretranslate: LibreTranslate rejected the key \(HTTP 403\)/m);
    expect(r.stderr).toMatch(/\n\s+at /); // --debug printed the stack
    expectNoPartOfKey(r.stderr + r.stdout, KEY);
  });

  it('DeepL too: the body the answer carried is redacted before it is cut', async () => {
    const dir = project();
    const key = '9b2e4f61-3c7a-4d58-a1e0-7f6b5c4d3e2a:fx';
    deeplServer();
    server.use(http.get('https://api-free.deepl.com/v2/glossaries', () => HttpResponse.json({ message: `${'x'.repeat(280)} ${key}` }, { status: 403 })));
    const r = await runVitrans(['translate', 'article.txt', '-e', 'deepl', '--debug'], { cwd: dir, env: { DEEPL_AUTH_KEY: key } });
    expect(r.code).toBe(2);
    expectNoPartOfKey(r.stderr + r.stdout, key);
  });
});
