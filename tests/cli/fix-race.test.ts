/**
 * `vitrans check --fix` when someone edits a translation while vitrans works on it: the edit is
 * made at the moment the fixes are applied, after the file was read and before it is written
 * (the fixer is wrapped to do it, as a colleague saving the file would).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as FixModule from '../../src/glossary/fix.js';
import { runVitrans } from './run-cli.js';

const edits = vi.hoisted(() => ({ file: undefined as string | undefined, text: '' }));
vi.mock('../../src/glossary/fix.js', async (importOriginal) => {
  const real = await importOriginal<typeof FixModule>();
  return {
    ...real,
    applyFixes: (...args: Parameters<typeof real.applyFixes>) => {
      if (edits.file) writeFileSync(edits.file, edits.text);
      return real.applyFixes(...args);
    },
  };
});

const ROOT = resolve(import.meta.dirname, '../..');
let work: string | undefined;
afterEach(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  edits.file = undefined;
});

describe('vitrans check --fix and an edit made meanwhile', () => {
  it('refuses to overwrite the edit: exit 2, "changed since it was read", the edit kept', async () => {
    work = mkdtempSync(join(tmpdir(), 'vitrans-fix-race-'));
    cpSync(join(ROOT, 'tests/fixtures/corpus/flawed'), work, { recursive: true });
    const target = join(work, 'flawed.en.txt');
    edits.file = target;
    edits.text = readFileSync(target, 'utf8').replace('Patriot rockets', 'Patriot rockets (checked with the desk)');
    const r = await runVitrans(['check', join(work, 'source.vi.txt'), target, '--fix'], { cwd: ROOT });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`vitrans: ${target}: error: the file changed since it was read; it was not overwritten (run the command again on the file as it is now)`]);
    expect(readFileSync(target, 'utf8')).toBe(edits.text);
  });
});
