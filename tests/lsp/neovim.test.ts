import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './client.js';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const hasNvim = nvim.status === 0;
if (!hasNvim) console.warn('tests/lsp/neovim.test.ts skipped: nvim is not installed (apt-get install neovim; .ci/run installs it)');

type Result = { error?: string; before: { code: string; lnum: number; message: string }[]; after: { code: string }[]; title: string; text: string };

describe.skipIf(!hasNvim)('vitrans lsp in a real Neovim (headless)', () => {
  it('shows the diagnostics of a translation and applies a quick fix', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-nvim-'));
    try {
      fs.copyFileSync(path.join(ROOT, 'glossary.yaml'), path.join(dir, 'glossary.yaml'));
      fs.copyFileSync(path.join(ROOT, 'corpus/japan-us-defense-industry/source.vi.txt'), path.join(dir, 'hop-tac.vi.txt'));
      const flawed = fs.readFileSync(path.join(ROOT, 'tests/fixtures/corpus/flawed/flawed.en.txt'), 'utf8');
      fs.writeFileSync(path.join(dir, 'hop-tac.en.txt'), flawed);
      const out = path.join(dir, 'result.json');
      const cmd = [process.execPath, '--import', import.meta.resolve('tsx'), path.join(ROOT, 'src/cli/main.ts'), 'lsp'];
      const run = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', path.join(ROOT, 'tests/lsp/fixtures/neovim.lua'), 'hop-tac.en.txt'], {
        cwd: dir,
        env: { ...process.env, VITRANS_LSP_OUT: out, VITRANS_LSP_CMD: JSON.stringify(cmd), VITRANS_LSP_ROOT: dir, XDG_STATE_HOME: dir, XDG_DATA_HOME: dir },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(fs.existsSync(out), `nvim wrote nothing: ${run.stderr}${run.stdout}`).toBe(true);
      const result = JSON.parse(fs.readFileSync(out, 'utf8')) as Result;
      expect(result.error).toBeUndefined();
      const forbidden = result.before.filter((d) => d.code === 'term-forbidden');
      expect(forbidden).toHaveLength(14);
      expect(result.after.filter((d) => d.code === 'term-forbidden')).toHaveLength(13);
      const [, from, to] = /^Replace "(.+)" with "(.+)"$/.exec(result.title)!;
      const fixedLine = result.text.split('\n')[forbidden[0]!.lnum]!;
      expect(fixedLine).toContain(to!);
      expect(result.text.split(from!).length).toBe(flawed.split(from!).length - 1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
