/**
 * An --out folder that is read-only, forbidden or full, for real: a small tmpfs mounted for the
 * test (as root, permissions alone do not stop writes), and a run as another user for a folder it
 * may not write. Found before anything is sent; a disk that fills up later is one line, exit 2,
 * nothing half-written, and a rerun costs nothing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../setup/server.js';
import { pseudoTranslate } from '../translate/fake-engine.js';
import { GLOSSARY_YAML, manyParagraphs } from '../translate/helpers.js';
import { runVitrans } from './run-cli.js';
import { expectedOutputBytes } from '../../src/cli/commands/translate.js';
import { startLibreServer } from './libre-server.js';
import { spawnVitrans } from './spawn-cli.js';

const SEED = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../translate/fixtures/seed-article.txt'), 'utf8');
const LIBRE = 'http://libre.test';
const env = { LIBRETRANSLATE_URL: LIBRE };

const mounted: string[] = [];
/** Mounts a tmpfs of `size` at `dir`; false where this machine does not allow it. */
function mountTmpfs(dir: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    mounted.push(dir);
    return true;
  } catch {
    return false;
  }
}
const canMount = ((): boolean => {
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-mount-probe-'));
  const ok = mountTmpfs(probe, '64k');
  if (ok) execFileSync('umount', [probe]);
  mounted.pop();
  if (!ok) console.warn('output-disk tests skipped: mounting a tmpfs needs root (mount -t tmpfs), which this machine does not allow');
  return ok;
})();
const isRoot = process.getuid?.() === 0;

afterEach(() => {
  for (const dir of mounted.splice(0).reverse()) execFileSync('umount', ['-l', dir]);
});

function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-cli-disk-'));
  fs.writeFileSync(path.join(dir, 'glossary.yaml'), GLOSSARY_YAML);
  fs.writeFileSync(path.join(dir, 'article.txt'), SEED);
  fs.mkdirSync(path.join(dir, 'out'));
  return dir;
}

function libre(onRequest: () => void = () => {}): string[][] {
  const bodies: string[][] = [];
  server.use(
    http.post(`${LIBRE}/translate`, async ({ request }) => {
      const body = (await request.json()) as { q: string[] };
      bodies.push(body.q);
      onRequest();
      return HttpResponse.json({ translatedText: body.q.map(pseudoTranslate) });
    }),
  );
  return bodies;
}

/** Fills the file system of `dir` up to `leave` bytes free. */
function fill(dir: string, leave = 0): void {
  const { bavail, bsize } = fs.statfsSync(dir);
  const size = Math.max(0, bavail * bsize - leave);
  try {
    fs.writeFileSync(path.join(dir, 'filler.bin'), Buffer.alloc(size, 0x61));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  }
}

const errorLines = (stderr: string): string[] => stderr.split('\n').filter((l) => /^vitrans: (.*: )?error: /.test(l));

describe('the space asked for before anything is sent', () => {
  // An engine that answers with the Vietnamese barely touched: every paragraph is full of findings,
  // each quoted with its message and fix in the bilingual JSON (the largest JSON a run writes). The
  // estimate before this test asked for 6 times the source and 16 KB: a paid run then failed to write.
  for (const [name, glossary] of [['the test glossary', GLOSSARY_YAML], ['the shipped glossary', fs.readFileSync(path.join(import.meta.dirname, '../../glossary.yaml'), 'utf8')]] as const) {
    it(`is at least what a run with findings in every paragraph writes (${name})`, async () => {
      const dir = project();
      fs.writeFileSync(path.join(dir, 'glossary.yaml'), glossary);
      const article = manyParagraphs(300).join('\n\n') + '\n';
      fs.writeFileSync(path.join(dir, 'article.txt'), article);
      libre();
      const r = await runVitrans(['translate', 'article.txt', '-e', 'libretranslate'], { cwd: dir, env });
      expect(r.code).toBe(0);
      const written = fs.readdirSync(path.join(dir, 'out')).reduce((n, f) => n + fs.statSync(path.join(dir, 'out', f)).size, 0);
      expect(written).toBeGreaterThan(4 * Buffer.byteLength(SEED));
      expect(written).toBeGreaterThan(4 * Buffer.byteLength(article));
      expect(expectedOutputBytes([{ text: article }], 1)).toBeGreaterThanOrEqual(written);
    });
  }
});

describe.skipIf(!canMount)('an --out folder that cannot take the outputs', () => {
  it('read-only: found before anything is sent, one line, exit 2', async () => {
    const dir = project();
    const out = path.join(dir, 'out');
    mountTmpfs(out, '300k');
    execFileSync('mount', ['-o', 'remount,ro', out]);
    const bodies = libre();
    const r = await runVitrans(['translate', 'article.txt', '-e', 'libretranslate'], { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(errorLines(r.stderr)).toEqual(['vitrans: error: cannot write to --out out: the file system is read-only (EROFS); nothing was sent (write to another --out folder (this file system is read-only))']);
    expect(bodies).toHaveLength(0);
  });

  it('full: found before anything is sent, one line, exit 2', async () => {
    const dir = project();
    const out = path.join(dir, 'out');
    mountTmpfs(out, '300k');
    fill(out, 8 * 1024);
    const bodies = libre();
    const r = await runVitrans(['translate', 'article.txt', '-e', 'libretranslate'], { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(errorLines(r.stderr)).toHaveLength(1);
    expect(errorLines(r.stderr)[0]).toMatch(/^vitrans: error: cannot write to --out out: \d+ KB free, and this run writes about \d+ KB; nothing was sent \(free some space or write to another --out folder\)$/);
    expect(bodies).toHaveLength(0);
  });

  it('filling up during the run: one line, exit 2, neither the output nor its JSON half-written, and a rerun costs nothing', async () => {
    const dir = project();
    const out = path.join(dir, 'out');
    mountTmpfs(out, '300k');
    // Something else fills the disk while the engine is answering.
    const bodies = libre(() => fill(out));
    const r = await runVitrans(['translate', 'article.txt', '-e', 'libretranslate'], { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(errorLines(r.stderr)).toEqual([
      'vitrans: error: cannot write the outputs of article.txt to out: no space left on the device (ENOSPC); nothing of it was written, the translations are cached, so a rerun costs nothing (free some space or write to another --out folder, then run again)',
    ]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(fs.readdirSync(out)).toEqual(['filler.bin']);
    const sent = bodies.length;
    expect(sent).toBeGreaterThan(0);

    fs.rmSync(path.join(out, 'filler.bin'));
    const again = await runVitrans(['translate', 'article.txt', '-e', 'libretranslate'], { cwd: dir, env });
    expect(again.code).toBe(0);
    expect(bodies).toHaveLength(sent);
    expect(fs.readdirSync(out).sort()).toEqual(['article.bilingual.json', 'article.libretranslate.en.txt']);
  });
});

describe.skipIf(!canMount)('a report (-o) on a read-only or full disk', () => {
  it.each([
    ['read-only', 'the file system is read-only (EROFS)', 'write to another place (this file system is read-only)'],
    ['full', 'no space left on the device (ENOSPC)', 'free some space or write to another place'],
  ])('%s: one line, exit 2, not an internal error', async (kind, why, hint) => {
    const dir = project();
    const reports = path.join(dir, 'out');
    mountTmpfs(reports, '64k');
    if (kind === 'full') fill(reports);
    else execFileSync('mount', ['-o', 'remount,ro', reports]);
    const root = path.resolve(import.meta.dirname, '../..');
    const flawed = path.join(root, 'tests/fixtures/corpus/flawed');
    const report = path.join(reports, 'report.json');
    const r = await runVitrans(['check', path.join(flawed, 'source.vi.txt'), path.join(flawed, 'flawed.en.txt'), '-f', 'json', '-o', report], { cwd: dir });
    expect(r.stderr).toBe(`vitrans: out/report.json: error: cannot write: ${why} (${hint})\n`);
    expect(r.code).toBe(2);
    expect(fs.readdirSync(reports).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe.skipIf(!isRoot)('an --out folder the user may not write', () => {
  it('is found before anything is sent (a run as an unprivileged user)', async () => {
    const libreServer = await startLibreServer();
    try {
      const dir = project();
      fs.chmodSync(dir, 0o777);
      fs.chmodSync(path.join(dir, 'out'), 0o555);
      const run = spawnVitrans(['translate', 'article.txt', '-e', 'libretranslate'], { cwd: dir, env: { LIBRETRANSLATE_URL: libreServer.url, HOME: dir }, uid: 65534, gid: 65534 });
      const r = await run.done;
      expect(r.code).toBe(2);
      expect(errorLines(r.stderr)).toEqual(['vitrans: error: cannot write to --out out: permission denied (EACCES); nothing was sent (make the folder writable for this user, or write to another --out folder)']);
      expect(libreServer.requests).toHaveLength(0);
    } finally {
      await libreServer.close();
    }
  }, 60_000);
});
