/**
 * A minimal VS Code extension: starts `vitrans lsp` (the command in the `vitrans.command` setting)
 * over stdio for translations, XLIFF files, glossary.yaml and vitrans.config.yaml.
 */
import { workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const [command = 'vitrans', ...args] = workspace.getConfiguration('vitrans').get<string[]>('command') ?? ['vitrans', 'lsp'];
  const server: ServerOptions = { command, args, transport: TransportKind.stdio, options: { cwd: workspace.workspaceFolders?.[0]?.uri.fsPath } };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', pattern: '**/*.en.{txt,md,markdown}' },
      { scheme: 'file', pattern: '**/*.vi.{txt,md,markdown}' },
      { scheme: 'file', pattern: '**/*.{xlf,xliff,sdlxliff,mqxliff,mxliff}' },
      { scheme: 'file', pattern: '**/{glossary,vitrans.config}.yaml' },
    ],
    initializationOptions: { debounceMs: 200 },
  };
  client = new LanguageClient('vitrans', 'vitrans', server, clientOptions);
  context.subscriptions.push({ dispose: () => void client?.stop() });
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
