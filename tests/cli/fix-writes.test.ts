/**
 * `vitrans check --fix` rewrites the user's own files: it keeps their mode, writes through a
 * symbolic link to its target, keeps hard links, and never overwrites an edit made since it read
 * the file.
 */
import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { chmodSync, cpSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { UserError } from '../../src/core/errors.js';
import { fileFingerprint, rewriteFile } from '../../src/cli/write-file.js';
import { runVitrans } from './run-cli.js';

const ROOT = resolve(import.meta.dirname, '../..');
const FLAWED = join(ROOT, 'tests/fixtures/corpus/flawed');

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'vitrans-fix-'));
  cpSync(FLAWED, work, { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const fix = (translation: string) => runVitrans(['check', join(work, 'source.vi.txt'), translation, '--fix'], { cwd: ROOT });
const fixed = (text: string): boolean => text.includes('Patriot missiles') && !text.includes('Patriot rockets');

describe('vitrans check --fix writes safely', () => {
  it("keeps the file's mode", async () => {
    const target = join(work, 'flawed.en.txt');
    chmodSync(target, 0o640);
    const r = await fix(target);
    expect(r.stderr).toMatch(/fixed 14 forbidden renderings in 1 file/);
    expect(fixed(readFileSync(target, 'utf8'))).toBe(true);
    expect(statSync(target).mode & 0o7777).toBe(0o640);
  });

  it('writes through a symbolic link to its target and leaves the link a link', async () => {
    mkdirSync(join(work, 'translations'));
    const real = join(work, 'translations', 'flawed.en.txt');
    cpSync(join(work, 'flawed.en.txt'), real);
    const link = join(work, 'linked.en.txt');
    symlinkSync('translations/flawed.en.txt', link);
    const r = await fix(link);
    expect(r.stderr).toMatch(/fixed 14 forbidden renderings/);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('translations/flawed.en.txt');
    expect(fixed(readFileSync(real, 'utf8'))).toBe(true);
  });

  it('keeps hard links: every name of the file sees the fix', async () => {
    const target = join(work, 'flawed.en.txt');
    const other = join(work, 'archive.en.txt.bak');
    linkSync(target, other);
    const inode = statSync(target).ino;
    const r = await fix(target);
    expect(r.stderr).toMatch(/fixed 14 forbidden renderings/);
    expect(statSync(target).ino).toBe(inode);
    expect(statSync(target).nlink).toBe(2);
    expect(fixed(readFileSync(other, 'utf8'))).toBe(true);
    expect(readFileSync(other, 'utf8')).toBe(readFileSync(target, 'utf8'));
  });
});

describe('rewriteFile', () => {
  it('refuses a file that changed since it was read, keeping the edit', async () => {
    const target = join(work, 'flawed.en.txt');
    const fingerprint = await fileFingerprint(target);
    const edited = readFileSync(target, 'utf8').replace('Patriot rockets', 'Patriot rockets (edited by the desk)');
    writeFileSync(target, edited);
    const err = await rewriteFile(target, 'the fixed text', { fingerprint, shown: 'flawed.en.txt' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err).toMatchObject({ code: 'E_CHANGED', message: 'the file changed since it was read; it was not overwritten', location: { file: 'flawed.en.txt' } });
    expect(readFileSync(target, 'utf8')).toBe(edited);
  });

  it('writes a file that is as it was read, and leaves no temporary file', async () => {
    const target = join(work, 'flawed.en.txt');
    await rewriteFile(target, 'Hai nước ký Biên bản ghi nhớ.\n', { fingerprint: await fileFingerprint(target) });
    expect(readFileSync(target, 'utf8')).toBe('Hai nước ký Biên bản ghi nhớ.\n');
    expect(readdirSync(work).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
