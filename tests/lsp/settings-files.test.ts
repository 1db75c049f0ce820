/**
 * glossary.yaml and vitrans.config.yaml in the editor: their own diagnostics follow the buffer as
 * typed, once per pause (not once per keystroke); translations are checked with the saved files,
 * and saving re-checks them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, DidSaveTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { ROOT, startServer, uri, type LspClient } from './client.js';

const SOURCE = 'Theo thông cáo đăng trên https://www.mod.go.jp/j/press/news/2024/04/10a.html, hai nước sẽ hợp tác sản xuất tên lửa đánh chặn.\n';
const TRANSLATION = 'According to a statement posted at https://www.mod.go.jp/j/press/news/2024/04/10/, the two countries will co-produce interceptor missiles.\n';

let dir: string;
let client: LspClient;
let configUri: string;
let translationUri: string;

const codes = (d: { diagnostics: { code?: string | number }[] }) => d.diagnostics.map((x) => x.code);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-lsp-settings-'));
  fs.copyFileSync(path.join(ROOT, 'glossary.yaml'), path.join(dir, 'glossary.yaml'));
  fs.writeFileSync(path.join(dir, 'vitrans.config.yaml'), 'glossary: glossary.yaml\n');
  fs.writeFileSync(path.join(dir, 'thong-cao.vi.txt'), SOURCE);
  fs.writeFileSync(path.join(dir, 'thong-cao.en.txt'), TRANSLATION);
  // A pause long enough that the edits below, sent back to back, always fall inside one.
  client = await startServer(dir, { debounceMs: 400 });
  configUri = uri(path.join(dir, 'vitrans.config.yaml'));
  translationUri = uri(path.join(dir, 'thong-cao.en.txt'));
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: translationUri, languageId: 'plaintext', version: 1, text: TRANSLATION } });
  expect(codes(await client.diagnostics(translationUri))).toContain('verbatim-mismatch');
}, 60_000);

afterAll(async () => {
  if (client && client.child.exitCode === null) await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('settings files in the editor', () => {
  it('checks the config once per pause while it is typed, and its diagnostics follow the last keystroke', async () => {
    const typing = ['glossary: glossary.yaml\nc', 'glossary: glossary.yaml\nche', 'glossary: glossary.yaml\nchecks:\n  verbatim-mismatch: of', 'glossary: glossary.yaml\nchecks:\n  verbatim-mismatch: off\n'];
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: configUri, languageId: 'yaml', version: 1, text: 'glossary: glossary.yaml\n' } });
    for (const [i, text] of typing.entries()) {
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: configUri, version: i + 2 }, contentChanges: [{ text }] });
    }
    expect((await client.diagnostics(configUri)).diagnostics).toEqual([]);
    await new Promise((done) => setTimeout(done, 800));
    expect(client.published(configUri)).toHaveLength(1);
  });

  it('checks translations with the saved config: a change as typed applies once saved', async () => {
    // Typed but not saved: the translation's diagnostics have not changed.
    const before = client.published(translationUri).length;
    await new Promise((done) => setTimeout(done, 800));
    expect(client.published(translationUri)).toHaveLength(before);

    fs.writeFileSync(path.join(dir, 'vitrans.config.yaml'), 'glossary: glossary.yaml\nchecks:\n  verbatim-mismatch: off\n');
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: configUri } });
    const after = await client.diagnostics(translationUri);
    expect(codes(after)).not.toContain('verbatim-mismatch');
  });

  it('a saved glossary that does not load: the translation says so at each edit, the message pops up once, and a fix on disk counts at the next edit', async () => {
    const glossaryPath = path.join(dir, 'glossary.yaml');
    const good = fs.readFileSync(glossaryPath, 'utf8');
    const working = client.published(translationUri).at(-1)!.diagnostics;
    const glossaryUri = uri(glossaryPath);
    const broken = good.replace('version: 1', 'version: [1');
    expect(broken).not.toBe(good);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: glossaryUri, languageId: 'yaml', version: 1, text: broken } });
    fs.writeFileSync(glossaryPath, broken);
    const errorsBefore = client.messages.filter((m) => m.type === 1).length;
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: glossaryUri } });
    const failed = await client.diagnostics(translationUri, (d) => d.diagnostics.length === 1 && d.diagnostics[0]!.severity === 1 && !codes(d).includes('verbatim-mismatch'));
    expect(failed.diagnostics[0]!.relatedInformation?.[0]?.location.uri).toBe(glossaryUri);
    // Three keystrokes in the translation: each check says the same, and no new message pops up.
    let text = TRANSLATION;
    for (let version = 2; version <= 4; version++) {
      text = `x${text}`;
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: translationUri, version }, contentChanges: [{ text }] });
      const again = await client.diagnostics(translationUri, (d) => d.version === version);
      expect(again.diagnostics.map((x) => x.message)).toEqual(failed.diagnostics.map((x) => x.message));
    }
    expect(client.messages.filter((m) => m.type === 1).length).toBe(errorsBefore + 1);
    // Mended on disk (say by git checkout), not saved in the editor: the next edit is checked with it.
    fs.writeFileSync(glossaryPath, good);
    text = TRANSLATION;
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: translationUri, version: 5 }, contentChanges: [{ text }] });
    const mended = await client.diagnostics(translationUri, (d) => d.version === 5);
    expect(mended.diagnostics).toEqual(working);
  });
});
