/**
 * The first Ctrl-C with --no-cache stops at once, also while DeepL's client (deepl-node, over
 * axios) has a request on its way that it cannot abort: the process does not wait for an answer
 * that nobody will read, however long the engine takes.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { manyParagraphs } from '../translate/helpers.js';
import { spawnVitrans, until } from './spawn-cli.js';

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  server = undefined;
});

describe('a stop while an engine request cannot be aborted', () => {
  it('with --no-cache, the first SIGINT ends the run while DeepL still has not answered (exit 130)', async () => {
    // A DeepL server that takes its request and never answers (an overloaded proxy holding the connection).
    const held: http.ServerResponse[] = [];
    server = http.createServer((req, res) => {
      req.resume();
      if (req.method === 'POST' && req.url === '/v2/translate') held.push(res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-stop-deepl-'));
    fs.writeFileSync(path.join(dir, 'bai-viet.vi.txt'), manyParagraphs(12).join('\n\n') + '\n');
    // The engine's own timeout is ten minutes: only the stop can end this run in time.
    const run = spawnVitrans(['translate', 'bai-viet.vi.txt', '-e', 'deepl', '--no-cache', '--concurrency', '1', '--set', 'deepl.timeout_ms=600000'], {
      cwd: dir,
      env: { DEEPL_AUTH_KEY: '3f9c1a7e-5b2d-4c8e-9a61-2d7f0b4e8c15:fx', DEEPL_SERVER_URL: url },
    });
    await until(() => held.length >= 1, 30_000, 'the first DeepL request');
    run.child.kill('SIGINT');
    const ended = await Promise.race([run.done, new Promise<'still running'>((r) => setTimeout(() => r('still running'), 15_000))]);
    if (ended === 'still running') run.child.kill('SIGKILL');
    expect(ended).not.toBe('still running');
    const r = await run.done;
    expect(r.code).toBe(130);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('vitrans:'))).toEqual([
      'vitrans: no glossary.yaml here: translating without glossary enforcement',
      'vitrans: translation interrupted; nothing was kept (--no-cache), so a rerun sends everything again',
    ]);
    // The request was never answered: the run did not wait for it.
    expect(held.every((res) => !res.writableEnded)).toBe(true);
    // An interrupted run writes no outputs.
    expect(fs.readdirSync(path.join(dir, 'out'))).toEqual([]);
  }, 60_000);
});
