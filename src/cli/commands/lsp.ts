/**
 * `vitrans lsp`: the language server on standard input and output, for editors (see README's
 * "In your editor"). The only part that touches the process: the server gets its streams, and
 * what it writes passes through a redactor that learns the config's secrets as they are read.
 */
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { Redactor, environmentSecrets } from '../../core/redact.js';
import { startLanguageServer } from '../../lsp/server.js';
import { LearntSecrets, redactingWriter } from '../../lsp/redact.js';
import type { CliIO } from '../io.js';

/** Serves until the client sends `exit`; resolves with the exit code then. */
export async function lspCommand(streams: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream }, io: CliIO): Promise<number> {
  const fromEnvironment = environmentSecrets(io.env);
  let redactor = new Redactor(fromEnvironment);
  const learnt = new LearntSecrets();
  const writer = redactingWriter(new StreamMessageWriter(streams.output), () => redactor);
  const connection = createConnection(new StreamMessageReader(streams.input), writer);
  return new Promise((done) => {
    let shutdown = false;
    connection.onShutdown(() => {
      shutdown = true;
    });
    connection.onExit(() => done(shutdown ? 0 : 1));
    startLanguageServer(connection, {
      cwd: io.cwd,
      env: io.env,
      registerSecrets: (values) => {
        const added = learnt.add(values);
        if (added.length === 0) return;
        redactor = new Redactor([...fromEnvironment, ...learnt.values()]);
        io.registerSecrets(added);
      },
    });
  });
}
