import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** Runs the real CLI in a child process with an import tracer; returns the packages it resolved. */
async function packagesLoadedBy(args: string[], entry = 'src/cli/main.ts'): Promise<{ packages: string[]; stdout: string; code: number }> {
  const { stdout, stderr, code } = await run(
    process.execPath,
    ['--import', 'tsx', '--import', './tests/cli/fixtures/trace-imports.mjs', entry, ...args],
    { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } },
  )
    .then((r) => ({ ...r, code: 0 }))
    .catch((err: { stdout: string; stderr: string; code: number }) => err);
  const line = stderr.split('\n').find((l) => l.startsWith('IMPORTS '));
  return { packages: line ? (JSON.parse(line.slice('IMPORTS '.length)) as string[]) : [], stdout, code };
}

/** What a CLI start or a library import must not load: engine SDKs and the native SQLite binding. */
const HEAVY = /deepl-node|@google-cloud|google-gax|axios|better-sqlite3|playwright/;
/** `check` and `--help` need no diffing either. */
const SDKS = new RegExp(`${HEAVY.source}|fast-diff`);

describe('CLI start-up', () => {
  it('`vitrans --help` lists the commands and loads no engine SDK', async () => {
    const { packages, stdout, code } = await packagesLoadedBy(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/check/);
    expect(stdout).toMatch(/translate/);
    expect(packages).toContain('commander'); // the tracer works
    expect(packages.filter((p) => SDKS.test(p))).toEqual([]);
  });

  it('`vitrans check` loads no engine SDK either', async () => {
    const { packages, code, stdout } = await packagesLoadedBy(['check', 'corpus']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/✖ 0 errors, 5 warnings/); // the seed's XNUMX placeholders (source-corrupted)
    expect(packages).toContain('yaml');
    expect(packages.filter((p) => SDKS.test(p))).toEqual([]);
  });

  it('importing the library loads no engine SDK or native module', async () => {
    const { packages, stdout } = await packagesLoadedBy([], 'tests/cli/fixtures/use-library.ts');
    expect(JSON.parse(stdout)).toMatchObject({ findings: 1, engines: ['deepl', 'google', 'google-v2', 'libretranslate', 'openai'] });
    expect(packages).toContain('yaml');
    expect(packages.filter((p) => HEAVY.test(p))).toEqual([]);
  });

  it('stops quietly when the reader of its output goes away', async () => {
    const { spawn } = await import('node:child_process');
    const seed = 'tests/compare/fixtures/seed';
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'compare', `${seed}/source.vi.txt`, `${seed}/deepl.en.txt`, `${seed}/google.en.txt`, '--ref', `${seed}/reference.en.txt`, '-f', 'json'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    // Read one chunk, then hang up, as `| head -c 100` would.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|at /);
    expect(code).toBe(0);
  });
});
