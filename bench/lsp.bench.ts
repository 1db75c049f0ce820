/**
 * `npm run bench:lsp`: the language server's time from didChange to publishDiagnostics, for the
 * corpus article and for a 2 MB generated translation, after a one-paragraph edit, beside the
 * first (full) check of the same document in the same run; with the server's peak RSS.
 * The server is the real one (`tsx src/cli/main.ts lsp` over stdio, debounce 0).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { glossaryYaml, makeAlignedCorpus, makeGlossary, mulberry32, syllableList } from './lib/generate.js';
import { ROOT } from './lib/measure.js';

const EDITS = 5;

interface Figures {
  name: string;
  bytes: number;
  paragraphs: number;
  fullMs: number;
  editMs: number[];
  rssMb: number;
}

async function measure(name: string, dir: string, sourceText: string, targetText: string): Promise<Figures> {
  fs.writeFileSync(path.join(dir, 'bai.vi.txt'), sourceText);
  fs.writeFileSync(path.join(dir, 'bai.en.txt'), targetText);
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'src/cli/main.ts'), 'lsp'], { cwd: dir });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let waiting: ((d: PublishDiagnosticsParams) => void) | undefined;
  connection.onNotification(PublishDiagnosticsNotification.type, (d) => waiting?.(d));
  connection.listen();
  const uri = pathToFileURL(path.join(dir, 'bai.en.txt')).href;
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, initializationOptions: { debounceMs: 0 }, workspaceFolders: null });
  await connection.sendNotification(InitializedNotification.type, {});
  const published = (version: number) => new Promise<number>((done) => {
    waiting = (d) => d.version === version && done(performance.now());
  });
  let t = performance.now();
  const opened = published(1);
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text: targetText } });
  const fullMs = (await opened) - t;
  const paragraphs = targetText.split('\n\n');
  const editMs: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    // A word typed into one paragraph in the middle (a different one each time).
    const at = Math.floor(paragraphs.length / 2) + i;
    paragraphs[at] = paragraphs[at]!.replace(/ /, ' also ');
    const text = paragraphs.join('\n\n');
    const version = i + 2;
    const done = published(version);
    t = performance.now();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    editMs.push((await done) - t);
  }
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssMb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  await new Promise((done) => child.once('exit', done));
  connection.dispose();
  return { name, bytes: Buffer.byteLength(targetText), paragraphs: paragraphs.length, fullMs, editMs, rssMb };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-bench-lsp-'));
try {
  fs.copyFileSync(path.join(ROOT, 'glossary.yaml'), path.join(dir, 'glossary.yaml'));
  const article = await measure(
    'corpus article (japan-us-defense-industry)',
    dir,
    fs.readFileSync(path.join(ROOT, 'corpus/japan-us-defense-industry/source.vi.txt'), 'utf8'),
    fs.readFileSync(path.join(ROOT, 'corpus/japan-us-defense-industry/reference.en.txt'), 'utf8'),
  );
  const random = mulberry32(13);
  const syllables = syllableList();
  const entries = makeGlossary(500, syllables, random);
  fs.writeFileSync(path.join(dir, 'glossary.yaml'), glossaryYaml(entries));
  const { source, target } = makeAlignedCorpus(4_200_000, syllables, entries, random);
  const big = await measure('2 MB generated translation', dir, source, target);
  for (const f of [article, big]) {
    const edit = median(f.editMs);
    console.log(
      `${f.name}: ${(f.bytes / 1e6).toFixed(2)} MB, ${f.paragraphs} paragraphs; full check ${f.fullMs.toFixed(0)} ms; ` +
        `one-paragraph edit ${edit.toFixed(0)} ms (median of ${EDITS}; ${f.editMs.map((x) => x.toFixed(0)).join(', ')}); edit/full ${(edit / f.fullMs).toFixed(2)}; peak RSS ${f.rssMb.toFixed(0)} MB`,
    );
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
