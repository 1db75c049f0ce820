/**
 * The language server writes to its client what the CLI would print to a terminal, and more
 * (diagnostics quote the document as typed): no API key may reach the client whole or in part,
 * whether it comes from the environment, from the config on disk or from a config being typed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { ROOT, startServer, uri, type LspClient } from './client.js';

/** A DeepL key in the environment, an OpenAI-compatible key in the config file, a Google key typed in the editor. */
const ENV_KEY = 'f63c02c5-f056-4f8a-b2f6-6e8d1b9a0c7e:fx';
const FILE_KEY = 'sk-proj-7Hq2LmX9vR4tN8wZ3cB6yK1pD5fG0jS';
const TYPED_KEY = 'AIzaSyD4k9Xq7LmN2pR8vT1wZ6cB3yH5jF0gUeQ';
const REDIS_PASSWORD = 'Wq8#nL2vZr5tKx';

const SOURCE = [
  'Theo thông cáo đăng trên https://www.mod.go.jp/j/press/news/2024/04/10a.html, Nhật Bản và Mỹ sẽ hợp tác sản xuất tên lửa đánh chặn.',
  'Bản dịch máy của thông cáo được lưu tại https://api.openai.com/v1/chat/completions để đối chiếu.',
  'Chi tiết kỹ thuật được công bố trên https://www.atla.mod.go.jp/ ngày 10/4/2024.',
  'Lãnh đạo hai nước nhất trí tăng cường hợp tác công nghiệp quốc phòng.',
].join('\n\n');

// A translator pasted links copied from their request logs: one carries the DeepL key whole, one a
// cut piece of the config's key, one the key just typed into the config.
const TRANSLATION = [
  `According to a statement posted at https://www.mod.go.jp/j/press/news/2024/04/10a.html?auth_key=${ENV_KEY}, Japan and the United States will co-produce interceptor missiles.`,
  `The machine translation of the statement is kept at https://api.openai.com/v1/chat/completions?key=${FILE_KEY.slice(0, 17)} for comparison.`,
  `Technical details were published at https://www.atla.mod.go.jp/?key=${TYPED_KEY} on April 10, 2024.`,
  'The leaders of the two countries agreed to strengthen defense industrial cooperation.',
].join('\n\n');

const CONFIG = `engines:\n  openai:\n    api_key: "${FILE_KEY}"\ncache: redis://:${encodeURIComponent(REDIS_PASSWORD)}@127.0.0.1:6390/0\n`;

let dir: string;
let client: LspClient;
let diagnostics: Diagnostic[];

/** Every piece of 8 characters of `secret`: none may appear in what the server wrote. */
const pieces = (secret: string): string[] => Array.from({ length: secret.length - 7 }, (_, i) => secret.slice(i, i + 8));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-lsp-secrets-'));
  fs.copyFileSync(path.join(ROOT, 'glossary.yaml'), path.join(dir, 'glossary.yaml'));
  fs.writeFileSync(path.join(dir, 'vitrans.config.yaml'), CONFIG);
  fs.writeFileSync(path.join(dir, 'thong-cao.vi.txt'), SOURCE);
  const translation = path.join(dir, 'thong-cao.en.txt');
  fs.writeFileSync(translation, TRANSLATION);
  client = await startServer(dir, { debounceMs: 50 }, { DEEPL_AUTH_KEY: ENV_KEY });

  // The config as the user is typing it (not saved): a Google key added under engines.
  const configUri = uri(path.join(dir, 'vitrans.config.yaml'));
  // It does not parse yet (an unknown key), and its key is masked all the same.
  const typed = CONFIG.replace('cache:', `  google:\n    api_key: ${TYPED_KEY}\ncache:`) + 'engine_notes: keys rotate monthly\n';
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: configUri, languageId: 'yaml', version: 1, text: typed } });
  await client.diagnostics(configUri);

  const translationUri = uri(translation);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: translationUri, languageId: 'plaintext', version: 1, text: TRANSLATION } });
  diagnostics = (await client.diagnostics(translationUri, (d) => d.diagnostics.length > 0)).diagnostics;
  // An edit re-checks: the second answer is masked as the first.
  const edited = TRANSLATION.replace('agreed', 'have agreed');
  await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: translationUri, version: 2 }, contentChanges: [{ text: edited }] });
  await client.diagnostics(translationUri, (d) => d.version === 2);
}, 60_000);

afterAll(async () => {
  if (client && client.child.exitCode === null) await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('vitrans lsp keeps keys out of what it sends', () => {
  it('still reports the changed links, with the keys masked in their messages', () => {
    const links = diagnostics.filter((d) => d.code === 'verbatim-mismatch').map((d) => String(d.message).split('\n')[0]);
    expect(links).toEqual([
      'the URL "https://www.mod.go.jp/j/press/news/2024/04/10a.html?auth_key=[REDACTED]" differs from the source\'s "https://www.mod.go.jp/j/press/news/2024/04/10a.html"',
      'the URL "https://api.openai.com/v1/chat/completions?key=[REDACTED]" differs from the source\'s "https://api.openai.com/v1/chat/completions"',
      'the URL "https://www.atla.mod.go.jp/?key=[REDACTED]" differs from the source\'s "https://www.atla.mod.go.jp/"',
    ]);
  });

  it('writes no key, whole or in part, from the environment, the config file or the config as typed', () => {
    const written = client.raw();
    expect(written).toContain('verbatim-mismatch');
    for (const secret of [ENV_KEY, FILE_KEY, TYPED_KEY, REDIS_PASSWORD]) {
      expect(written).not.toContain(secret);
      expect(pieces(secret).filter((p) => written.includes(p))).toEqual([]);
    }
    expect(client.stderr()).not.toContain(ENV_KEY.slice(0, 8));
  });
});
