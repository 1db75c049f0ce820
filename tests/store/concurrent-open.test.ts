/**
 * Several real processes opening one new cache file at the same instant: `vitrans translate`
 * and `vitrans check --queue` runs started together, or queue workers, all do this.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { tempDir } from '../translate/helpers.js';

const CHILD = path.resolve(import.meta.dirname, 'fixtures/open-when-told.ts');
const TSX = import.meta.resolve('tsx');

function startChild(cache: string, go: string): { ready: Promise<void>; done: Promise<string> } {
  const child = spawn(process.execPath, ['--import', TSX, CHILD, cache, go], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString('utf8');
    if (out.includes('ready\n')) markReady();
  });
  const done = new Promise<string>((resolve) => child.on('close', () => resolve(out.replace('ready\n', '').trim())));
  return { ready, done };
}

describe('a new cache opened by several processes at once', () => {
  it('opens in every one of them: the schema is made once, not once per process', { timeout: 120_000 }, async () => {
    const rounds = 4;
    const processes = 6;
    for (let round = 0; round < rounds; round++) {
      const dir = tempDir();
      const cache = path.join(dir, 'cache', 'translations.sqlite');
      const go = path.join(dir, 'go');
      const children = Array.from({ length: processes }, () => startChild(cache, go));
      await Promise.all(children.map((c) => c.ready));
      fs.writeFileSync(go, '');
      const outcomes = await Promise.all(children.map((c) => c.done));
      expect(outcomes, `round ${round + 1}`).toEqual(Array(processes).fill('opened'));
    }
  });
});
