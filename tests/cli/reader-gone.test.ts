/**
 * A reader of vitrans's output that goes away (`vitrans translate ... 2>&1 | head -1`) stops
 * what is written to it, never the command: the outputs the run was for are written all the same.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { manyParagraphs } from '../translate/helpers.js';
import { startLibreServer, type LibreServer } from './libre-server.js';
import { spawnVitrans } from './spawn-cli.js';

let libre: LibreServer | undefined;
afterEach(async () => {
  await libre?.close();
  libre = undefined;
});

describe('a reader of the output that goes away', () => {
  it('translate writes every output and ends as it would have (the reader gone before the first note)', async () => {
    libre = await startLibreServer({ delayMs: 20 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-reader-gone-'));
    // No glossary.yaml: translate says so on stderr before it sends anything.
    const paragraphs = manyParagraphs(40);
    fs.writeFileSync(path.join(dir, 'hop-tac.vi.txt'), paragraphs.join('\n\n') + '\n');
    const run = spawnVitrans(['translate', 'hop-tac.vi.txt', '-e', 'libretranslate', '--out', 'out', '--concurrency', '1'], { cwd: dir, env: { LIBRETRANSLATE_URL: libre.url } });
    // Both streams hang up at once, as the pipe of `2>&1 | head -1` does once head has its line.
    run.child.stdout!.destroy();
    run.child.stderr!.destroy();
    const { code, signal } = await run.done;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    const english = fs.readFileSync(path.join(dir, 'out/hop-tac.vi.libretranslate.en.txt'), 'utf8').trim().split('\n\n');
    expect(english).toHaveLength(paragraphs.length);
    const bilingual = fs.readFileSync(path.join(dir, 'out/hop-tac.vi.bilingual.json'), 'utf8');
    expect(bilingual).toContain(paragraphs[39]!.slice(0, 30));
    expect(libre.counts().size).toBe(paragraphs.length);
  }, 60_000);
});
