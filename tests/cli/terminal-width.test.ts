/**
 * The text report follows the terminal it is shown on: the real CLI in a child process, on a real
 * pseudo-terminal (util-linux `script`, its width set with `stty cols`) and through a pipe.
 */
import { describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { resolve } from 'node:path';
import { stripAnsi } from '../../src/report/escape.js';

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const ARGS = ['src/cli/main.ts', 'check', 'tests/fixtures/corpus/flawed/source.vi.txt', 'tests/fixtures/corpus/flawed/flawed.en.txt'];
const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** The report lines, colour codes removed, widths in code points (what a terminal shows, combining marks aside). */
function widths(stdout: string): number[] {
  return stripAnsi(stdout)
    .replace(/\r/g, '')
    .split('\n')
    .map((l) => [...l.normalize('NFC')].length);
}

async function piped(env: Record<string, string | undefined>): Promise<string> {
  const childEnv: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...env };
  if (env.COLUMNS === undefined) delete childEnv.COLUMNS;
  const r = await run(TSX, ARGS, { cwd: ROOT, env: childEnv }).catch((err: { stdout: string; code: number }) => err);
  return r.stdout;
}

// Each case starts the real CLI (TypeScript through tsx) in a child process: slow on a busy machine.
describe('text report width', { timeout: 120_000 }, () => {
  it('does not wrap when piped: each finding row is one line, however long', async () => {
    const out = await piped({});
    const row = out.split('\n').find((l) => l.includes('"Lực lượng Phòng vệ Nhật Bản" is not rendered'))!;
    expect(row).toMatch(/ term-missing$/);
    expect(Math.max(...widths(out))).toBeGreaterThan(120);
  });

  it('wraps piped output to COLUMNS when it is exported', async () => {
    const out = await piped({ COLUMNS: '72' });
    const w = widths(out);
    expect(Math.max(...w)).toBeLessThanOrEqual(72);
    expect(Math.max(...w)).toBeGreaterThan(60);
  });

  it.skipIf(!hasScript)('follows the width of a real terminal, narrow or wide', async () => {
    for (const cols of [64, 150]) {
      const command = `stty cols ${cols} rows 50; ${[TSX, ...ARGS].map((a) => `'${a}'`).join(' ')}`;
      const r = await run('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '', COLUMNS: '' } }).catch(
        (err: { stdout: string }) => err,
      );
      const w = widths(r.stdout);
      expect(r.stdout).toContain('flawed.en.txt');
      expect(Math.max(...w)).toBeLessThanOrEqual(cols);
      expect(Math.max(...w)).toBeGreaterThan(cols - 20);
    }
  });
});
