/**
 * A real LSP client over stdio (vscode-languageserver-protocol's JSON-RPC connection) against
 * `tsx src/cli/main.ts lsp` as a child process, with helpers that wait for what the server sends.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShowMessageNotification,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol/node';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = import.meta.resolve('tsx');

export interface LspClient {
  connection: ProtocolConnection;
  child: ChildProcessWithoutNullStreams;
  messages: ShowMessageParams[];
  stderr: () => string;
  /** Everything the server wrote to its stdout so far, as bytes decoded (headers and JSON). */
  raw: () => string;
  /** Every publishDiagnostics received so far for `uri`, in order. */
  published: (uri: string) => PublishDiagnosticsParams[];
  /** The next diagnostics for `uri` that satisfy `until` (default: any), including ones already received. */
  diagnostics(uri: string, until?: (d: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<number | null>;
}

export const uri = (file: string): string => pathToFileURL(file).href;

/** Starts `vitrans lsp` in `cwd` and initializes it with `cwd` as the workspace. */
export async function startServer(cwd: string, init: Record<string, unknown> = { debounceMs: 50 }, env: Record<string, string> = {}): Promise<LspClient> {
  const child = spawn(process.execPath, ['--import', TSX, path.join(ROOT, 'src/cli/main.ts'), 'lsp'], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const stdout: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => void stdout.push(b));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const messages: ShowMessageParams[] = [];
  const received: PublishDiagnosticsParams[] = [];
  const waiters: (() => void)[] = [];
  connection.onNotification(ShowMessageNotification.type, (m) => void messages.push(m));
  connection.onNotification(PublishDiagnosticsNotification.type, (d) => {
    received.push(d);
    for (const w of waiters.splice(0)) w();
  });
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: uri(cwd), capabilities: {}, initializationOptions: init, workspaceFolders: null });
  await connection.sendNotification(InitializedNotification.type, {});
  const seenBy = new Map<string, number>();
  return {
    connection,
    child,
    messages,
    stderr: () => stderr,
    raw: () => Buffer.concat(stdout).toString('utf8'),
    published: (target) => received.filter((d) => d.uri === target),
    async diagnostics(target, until = () => true, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        for (let i = seenBy.get(target) ?? 0; i < received.length; i++) {
          const d = received[i]!;
          if (d.uri !== target) continue;
          seenBy.set(target, i + 1);
          if (until(d)) return d;
        }
        if (Date.now() > deadline) throw new Error(`no diagnostics for ${target} in ${timeoutMs} ms; stderr: ${stderr}`);
        await new Promise<void>((done) => {
          waiters.push(done);
          setTimeout(done, 200);
        });
      }
    },
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await new Promise<number | null>((done) => child.once('exit', done));
      connection.dispose();
      return code;
    },
  };
}
