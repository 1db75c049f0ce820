/**
 * Real `vitrans translate` processes against a real counting server: two on one article and one
 * cache pay for every paragraph once; a run killed with -9 leaves claims that the other run takes
 * over when they lapse; a first SIGTERM or Ctrl-C waits for the requests in flight and keeps their
 * answers, a second stops at once; with --no-cache the first stops at once.
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

describe('a first SIGTERM or Ctrl-C', () => {
  // The engine bills every request it has received, answered or not: the stop waits for the
  // requests already sent and caches their answers, so the rerun pays only for paragraphs never sent.
  const STOPPING = 'vitrans: stopping: waiting for 4 requests already sent (the engine bills them); press Ctrl-C again to stop now';
  const INTERRUPTED = 'vitrans: translation interrupted; finished paragraphs are kept in the cache';
  const vitransLines = (stderr: string): string[] => stderr.split('\n').filter((l) => l.startsWith('vitrans:'));

  it.each([
    ['SIGTERM' as const, 143],
    ['SIGINT' as const, 130],
  ])('%s: sends nothing more, waits for the 4 requests in flight and caches their answers (exit %i); no paragraph is sent twice over the rerun', async (signal, exitCode) => {
    // Every answer is held until the signal has come, so the 4 requests (--concurrency 4) are on
    // their way when it does, whatever the machine's load.
    libre = await startLibreServer({ delayMs: 50, hold: () => 'release' });
    const dir = project();
    const env = { LIBRETRANSLATE_URL: libre.url };
    const runArgs = ['translate', 'article.txt', '-e', 'libretranslate', '--concurrency', '4', '--out', 'out', '--cache', 'shared.sqlite'];
    const run = spawnVitrans(runArgs, { cwd: dir, env });
    await until(() => libre!.requests.length === 4, 30_000, 'four requests in flight');
    run.child.kill(signal);
    await until(() => run.output().stderr.includes('vitrans: stopping:'), 30_000, 'the stopping line');
    // Nothing new goes out while the run waits.
    await new Promise((r) => setTimeout(r, 300));
    expect(libre.requests).toHaveLength(4);
    libre.releaseHeld();
    const r = await run.done;
    expect(r.code).toBe(exitCode);
    expect(vitransLines(r.stderr)).toEqual([STOPPING, INTERRUPTED]);
    expect(libre.requests).toHaveLength(4);
    expect(libre.requests.every((x) => x.answered)).toBe(true);
    // An interrupted run writes no outputs, even though its answers are all in the cache.
    expect(fs.existsSync(path.join(dir, 'out/article.libretranslate.en.txt'))).toBe(false);

    const again = await spawnVitrans(runArgs, { cwd: dir, env }).done;
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`(${4 * 50} cached)`);
    // Over both runs, the server was asked for each paragraph exactly once.
    const counts = libre.counts();
    expect(counts.size).toBe(PARAGRAPHS.length);
    expect([...counts].filter(([, n]) => n !== 1)).toEqual([]);
    const out = fs.readFileSync(path.join(dir, 'out/article.libretranslate.en.txt'), 'utf8');
    expect(out.trim().split(/\n\n/)).toHaveLength(PARAGRAPHS.length);
  }, 90_000);

  it('a second signal stops at once: exit 130, no wait for the answers', async () => {
    libre = await startLibreServer({ hold: () => 'forever' });
    const dir = project();
    const run = spawnVitrans(['translate', 'article.txt', '-e', 'libretranslate', '--concurrency', '4', '--out', 'out', '--cache', 'shared.sqlite'], { cwd: dir, env: { LIBRETRANSLATE_URL: libre.url } });
    await until(() => libre!.requests.length === 4, 30_000, 'four requests in flight');
    run.child.kill('SIGINT');
    await until(() => run.output().stderr.includes('vitrans: stopping:'), 30_000, 'the stopping line');
    const secondAt = Date.now();
    run.child.kill('SIGINT');
    const r = await run.done;
    // Well inside the engine's 30 s timeout: the run did not wait for the answers.
    expect(Date.now() - secondAt).toBeLessThan(5_000);
    expect(r.code).toBe(130);
    expect(vitransLines(r.stderr)).toEqual([STOPPING]);
    expect(libre.requests).toHaveLength(4);
    expect(fs.existsSync(path.join(dir, 'out/article.libretranslate.en.txt'))).toBe(false);
  }, 60_000);

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
