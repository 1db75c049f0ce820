/**
 * `vitrans lsp`: the language server on standard input and output, for editors (see README's
 * "In your editor"). The only part that touches the process: the server gets its streams.
 */
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startLanguageServer } from '../../lsp/server.js';
import type { CliIO } from '../io.js';

/** Serves until the client sends `exit`; resolves with the exit code then. */
export async function lspCommand(streams: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream }, io: CliIO): Promise<number> {
  const connection = createConnection(new StreamMessageReader(streams.input), new StreamMessageWriter(streams.output));
  return new Promise((done) => {
    let shutdown = false;
    connection.onShutdown(() => {
      shutdown = true;
    });
    connection.onExit(() => done(shutdown ? 0 : 1));
    startLanguageServer(connection, { cwd: io.cwd, env: io.env });
  });
}
