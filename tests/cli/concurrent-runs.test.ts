/**
 * Real `vitrans translate` processes against a real counting server: two on one article and one
 * cache pay for every paragraph once; a run killed with -9 leaves claims that the other run takes
 * over when they lapse; SIGTERM stops a run as Ctrl-C does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GLOSSARY_YAML, manyParagraphs } from '../translate/helpers.js';
import { startLibreServer, type LibreServer } from './libre-server.js';
import { spawnVitrans, until } from './spawn-cli.js';

const PARAGRAPHS = manyParagraphs(300);

function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-concurrent-'));
  fs.writeFileSync(path.join(dir, 'glossary.yaml'), GLOSSARY_YAML);
  fs.writeFileSync(path.join(dir, 'article.txt'), PARAGRAPHS.join('\n\n') + '\n');
  return dir;
}

/** Both runs write beside each other, into their own --out, on the same cache. */
const args = (out: string): string[] => ['translate', 'article.txt', '-e', 'libretranslate', '--concurrency', '1', '--out', out, '--cache', 'shared.sqlite'];

let libre: LibreServer | undefined;
afterEach(async () => {
  await libre?.close();
  libre = undefined;
});

describe('two runs on one cache at the same time', () => {
  it('send every paragraph once between them', async () => {
    // The first request is answered only once a second one is in flight: with one request in
    // flight per process, that proves both runs were sending at the same time.
    libre = await startLibreServer({
      delayMs: 150,
      hold: (index, server) => {
        if (index === 0) return 'release';
        server.releaseHeld();
        return undefined;
      },
    });
    const dir = project();
    const env = { LIBRETRANSLATE_URL: libre.url };
    const a = spawnVitrans(args('out-a'), { cwd: dir, env });
    const b = spawnVitrans(args('out-b'), { cwd: dir, env });
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.stderr).not.toMatch(/error/);
    expect(rb.stderr).not.toMatch(/error/);
    expect([ra.code, rb.code]).toEqual([0, 0]);

    const counts = libre.counts();
    expect(counts.size).toBe(PARAGRAPHS.length);
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    // Each run sent part and took the rest from the other's work.
    const cachedOf = (stdout: string): number => Number(/\((\d+) cached\)/.exec(stdout)?.[1]);
    expect(cachedOf(ra.stdout) + cachedOf(rb.stdout)).toBe(PARAGRAPHS.length);
    expect(cachedOf(ra.stdout)).toBeGreaterThan(0);
    expect(cachedOf(rb.stdout)).toBeGreaterThan(0);
    const outA = fs.readFileSync(path.join(dir, 'out-a/article.libretranslate.en.txt'), 'utf8');
    expect(fs.readFileSync(path.join(dir, 'out-b/article.libretranslate.en.txt'), 'utf8')).toBe(outA);
    expect(outA.trim().split(/\n\n/)).toHaveLength(PARAGRAPHS.length);
    expect(outA).toContain('(đoạn 300)');
  }, 90_000);

  it('a run killed with -9 holds its batch only until its claim lapses; the other run then sends it', async () => {
    // The first request (run A's first batch) is never answered.
    libre = await startLibreServer({ delayMs: 20, hold: (index) => (index === 0 ? 'forever' : undefined) });
    const dir = project();
    const env = { LIBRETRANSLATE_URL: libre.url, VITRANS_CACHE_LEASE_MS: '1500' };
    const a = spawnVitrans(args('out-a'), { cwd: dir, env });
    await until(() => libre!.requests.length === 1, 30_000, 'run A to send its first batch');
    const firstBatch = libre.requests[0]!.texts;

    const b = spawnVitrans(args('out-b'), { cwd: dir, env });
    // B sends every other batch while A, alive, holds the first...
    const others = Math.ceil(PARAGRAPHS.length / 50) - 1;
    await until(() => libre!.requests.filter((r) => r.answered).length === others, 30_000, 'run B to send the other batches');
    // ...and waits for it rather than paying for it a second time.
    await new Promise((r) => setTimeout(r, 1000));
    expect(libre.requests).toHaveLength(1 + others);
    const killedAt = Date.now();
    a.child.kill('SIGKILL');
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.signal).toBe('SIGKILL');
    expect(rb.stderr).not.toMatch(/error/);
    expect(rb.code).toBe(0);

    const retaken = libre.requests.slice(1 + others);
    expect(retaken.map((r) => r.texts)).toEqual([firstBatch]);
    expect(retaken[0]!.at).toBeGreaterThanOrEqual(killedAt);
    const counts = libre.counts();
    expect(counts.size).toBe(PARAGRAPHS.length);
    for (const [text, n] of counts) expect(n, text).toBe(firstBatch.includes(text) ? 2 : 1);
    const out = fs.readFileSync(path.join(dir, 'out-b/article.libretranslate.en.txt'), 'utf8');
    expect(out.trim().split(/\n\n/)).toHaveLength(PARAGRAPHS.length);
    expect(rb.stdout).toContain('(0 cached)');
    expect(rb.stderr).toContain('article.txt → libretranslate: waiting for 50 paragraphs another run on this cache is translating\n');
  }, 90_000);
});

describe('SIGTERM', () => {
  it('is handled like Ctrl-C: finished batches kept, one line, exit 143; the rerun sends only the rest', async () => {
    libre = await startLibreServer({ delayMs: 400 });
    const dir = project();
    const env = { LIBRETRANSLATE_URL: libre.url };
    const run = spawnVitrans(args('out'), { cwd: dir, env });
    await until(() => libre!.requests.filter((r) => r.answered).length >= 2, 30_000, 'two batches answered');
    // Let the second answer reach the cache, then stop the run while its third request is in flight.
    await until(() => libre!.requests.length >= 3, 30_000, 'a third request');
    run.child.kill('SIGTERM');
    const r = await run.done;
    expect(r.code).toBe(143);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('vitrans:'))).toEqual(['vitrans: translation interrupted; finished paragraphs are kept in the cache']);
    const answered = new Set(libre.requests.filter((x) => x.answered).flatMap((x) => x.texts));
    expect(answered.size).toBeGreaterThanOrEqual(100);
    expect(fs.existsSync(path.join(dir, 'out/article.libretranslate.en.txt'))).toBe(false);

    const before = libre.requests.length;
    const again = await spawnVitrans(args('out'), { cwd: dir, env }).done;
    expect(again.code).toBe(0);
    const resent = libre.requests.slice(before).flatMap((x) => x.texts);
    expect(resent.filter((t) => answered.has(t))).toEqual([]);
    expect(resent.length).toBe(PARAGRAPHS.length - answered.size);
  }, 90_000);

  it('with --no-cache, says that nothing was kept (exit 143)', async () => {
    libre = await startLibreServer({ delayMs: 400 });
    const dir = project();
    const run = spawnVitrans(['translate', 'article.txt', '-e', 'libretranslate', '--concurrency', '1', '--no-cache'], { cwd: dir, env: { LIBRETRANSLATE_URL: libre.url } });
    await until(() => libre!.requests.length >= 2, 30_000, 'a second request');
    run.child.kill('SIGTERM');
    const r = await run.done;
    expect(r.code).toBe(143);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('vitrans:'))).toEqual(['vitrans: translation interrupted; nothing was kept (--no-cache), so a rerun sends everything again']);
  }, 60_000);
});
