/**
 * The language server loads the project's glossary through the compiled-glossary cache the
 * command line keeps (.vitrans-cache/glossaries): a glossary of thousands of entries is compiled
 * once for both, not again at every editor start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { ROOT, startServer, uri } from './client.js';
import { runVitrans } from '../cli/run-cli.js';

const SOURCE = [
  'Nhật Bản và Mỹ nhất trí hợp tác phát triển Thiết bị đánh chặn pha bay (GPI) để đối phó với vũ khí siêu vượt âm.',
  'Bộ Quốc phòng Nhật Bản cho biết dự án dự kiến hoàn thành vào giữa thập niên 2030.',
].join('\n\n');

// "Glide Phase Interceptor" is rendered as the glossary asks; the ministry's name is not.
const TRANSLATION = [
  'Japan and the United States agreed to jointly develop the Glide Phase Interceptor (GPI) to counter hypersonic weapons.',
  'The Japanese defence department said the project is expected to be completed in the mid-2030s.',
].join('\n\n');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-lsp-glossary-cache-'));
const cacheDir = path.join(dir, '.vitrans-cache', 'glossaries');

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Starts the server on the project, opens the translation, and returns its diagnostics' rule ids once checked. */
async function openInEditor(): Promise<string[]> {
  const client = await startServer(dir);
  try {
    const translationUri = uri(path.join(dir, 'hop-tac.en.txt'));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: translationUri, languageId: 'plaintext', version: 1, text: TRANSLATION } });
    const published = await client.diagnostics(translationUri);
    return published.diagnostics.map((d) => String(d.code));
  } finally {
    await client.stop();
  }
}

const cacheFiles = (): fs.Stats[] => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).map((f) => fs.statSync(path.join(cacheDir, f))) : []);

describe('the language server and the compiled-glossary cache', () => {
  it('compiles the glossary once into the project cache, reads it back at the next start, and shares it with vitrans check', async () => {
    fs.copyFileSync(path.join(ROOT, 'glossary.yaml'), path.join(dir, 'glossary.yaml'));
    fs.writeFileSync(path.join(dir, 'hop-tac.vi.txt'), SOURCE);
    fs.writeFileSync(path.join(dir, 'hop-tac.en.txt'), TRANSLATION);

    const first = await openInEditor();
    expect(first).toContain('term-missing');
    const [stored, ...others] = cacheFiles();
    expect(others).toEqual([]);
    expect(stored!.size).toBeGreaterThan(fs.statSync(path.join(dir, 'glossary.yaml')).size);

    // A second start reads that file (the same inode: a compilation again would be renamed over it).
    expect(await openInEditor()).toEqual(first);
    const [read, ...more] = cacheFiles();
    expect(more).toEqual([]);
    expect(read!.ino).toBe(stored!.ino);

    // The command line finds the editor's compilation under the same key.
    const cli = await runVitrans(['check', 'hop-tac.vi.txt', 'hop-tac.en.txt', '-f', 'json'], { cwd: dir, env: {} });
    expect(cli.stderr).toBe('');
    const [shared, ...extra] = cacheFiles();
    expect(extra).toEqual([]);
    expect(shared!.ino).toBe(stored!.ino);
  }, 90_000);
});
