/**
 * The language server (`vitrans lsp`): over a connection it is given (the CLI hands it stdio),
 * it pairs each open translation with its source, checks it as `vitrans check` does (config,
 * glossary, checks, suppressions) as the user types, and answers code actions, hovers and
 * definitions from the glossary. glossary.yaml and vitrans.config.yaml get diagnostics of their
 * own and, saved, are reloaded and every open translation re-checked.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocuments, TextDocumentSyncKind, MessageType, ShowMessageNotification, type Connection, type Diagnostic, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AlignmentError, UserError } from '../core/errors.js';
import type { Finding, Paragraph } from '../core/types.js';
import { CheckMemo, createCheckRun, createCheckTools, prepareSource, type CheckTools, type PreparedSource, type TextDocument as CheckedText } from '../checks/runner.js';
import { checkArticle } from '../checks/article.js';
import { READER_RULES, applySuppressionRules } from '../checks/suppressions.js';
import { applyBaseline, baselineKeyOf, parseBaseline, type Baseline } from '../checks/baseline.js';
import { readError } from '../text/read.js';
import { TAG_MISMATCH } from '../formats/tags.js';
import { loadConfig, parseConfig, secretsInConfigText, DEFAULT_CONFIG_FILE, type VitransConfig } from '../config/load.js';
import { checkSettingsOf, encodingChoiceOf, runSettings } from '../config/effective.js';
import { loadGlossary, parseGlossary } from '../glossary/load.js';
import { runGlossarySelfTests } from '../glossary/selftest.js';
import { glossaryCacheDir } from '../glossary/compiled.js';
import { bilingualArticle, loadArticle, type LoadedArticle } from '../formats/articles.js';
import type { TextFile } from '../text/read.js';
import { paragraphNumbered } from '../text/paragraphs.js';
import { pairTranslation, type Pairing } from './pairing.js';
import { errorDiagnostic, findingToDiagnostic, rangeAt, type SourceDocument } from './diagnostics.js';
import { codeActions } from './actions.js';
import { entryAt, entryMarkdown } from './glossary-info.js';

/** What the CLI gives the server besides its connection. */
export interface LanguageServerOptions {
  /** The folder paths are shown relative to and the config is looked for in, unless the client names a workspace. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Quiet time after an edit before the check runs (ms); the client may set `debounceMs` in its initializationOptions. */
  debounceMs?: number;
  /**
   * Told every secret the server meets (the config's keys and Redis passwords, loaded or as
   * typed), so that whoever writes its messages can mask them. A key typed into the config is
   * told at every pause, each time longer.
   */
  registerSecrets?: (values: Iterable<string>) => void;
}

/** One open translation's state between checks. */
interface OpenTranslation {
  pairing?: Pairing;
  /** What the user was told of the pairing (told again only when it changes). */
  pairingMessage?: string;
  memo: CheckMemo;
  timer?: ReturnType<typeof setTimeout>;
  /** The findings shown, for code actions. */
  findings: Finding[];
}

/** Settings read from the config and the glossary, rebuilt when either is saved. */
interface Project {
  root: string;
  config: VitransConfig;
  glossaryPath: string;
  tools: CheckTools;
  /** The baseline the config names (read at each check while it changes on disk: `check --update-baseline` rewrites it). */
  baselinePath?: string;
}

/** Starts serving on `connection`; resolves nothing, the connection's `exit` ends it. */
export function startLanguageServer(connection: Connection, options: LanguageServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const open = new Map<string, OpenTranslation>();
  let root = options.cwd;
  let debounceMs = options.debounceMs ?? 200;
  let project: Promise<Project> | undefined;
  // Sources prepared once per text and tools: an edit of the translation does not re-match its source.
  let preparedSources = new Map<string, { text: string; prepared: PreparedSource }>();
  // Sources read once while unchanged on disk, and their line tables for related locations.
  const readCache = new Map<string, { stamp: string; file: TextFile }>();
  const sourceDocuments = new Map<string, SourceDocument>();
  const sourceDocument = (path: string, text: string): SourceDocument => {
    const kept = sourceDocuments.get(path);
    if (kept && kept.text.getText() === text) return kept;
    const made = { uri: uriOf(path), text: TextDocument.create(uriOf(path), 'plaintext', 0, text) };
    sourceDocuments.set(path, made);
    return made;
  };

  const shown = (p: string): string => {
    const rel = relative(root, p);
    return rel && !rel.startsWith('..') && !resolve(root, rel).startsWith('..') && !rel.startsWith('/') ? rel : p;
  };
  const pathOf = (uri: string): string | undefined => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined);
  const uriOf = (p: string): string => pathToFileURL(resolve(root, p)).href;

  const registerSecrets = options.registerSecrets ?? (() => {});
  const loadProject = async (): Promise<Project> => {
    let config: VitransConfig;
    try {
      config = await loadConfig({ cwd: root, env: options.env });
    } catch (err) {
      // The message may quote the file: what it holds of secrets is masked even when it does not load.
      const text = await readFile(resolve(root, DEFAULT_CONFIG_FILE), 'utf8').catch(() => '');
      registerSecrets(secretsInConfigText(text));
      throw err;
    }
    registerSecrets(config.secrets);
    const settings = runSettings(config, {}, (p) => resolve(root, p), { glossary: 'glossary.yaml' });
    // Compiled once for the command line and the editor alike, not again at every start of the editor.
    const glossary = await loadGlossary(settings.glossary.value, { cacheDir: glossaryCacheDir(root) });
    preparedSources = new Map();
    const baselinePath = settings.baseline.value;
    return { root, config, glossaryPath: settings.glossary.value, tools: createCheckTools(glossary, checkSettingsOf(config)), ...(baselinePath ? { baselinePath } : {}) };
  };
  // The baseline as last read, with the stamp of the file it was read from.
  let baselineRead: { path: string; stamp: string; baseline: Baseline | undefined } | undefined;
  const baselineOf = async (path: string): Promise<Baseline | undefined> => {
    const st = await stat(path).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? undefined : Promise.reject(readError(err, path))));
    const stamp = st ? `${st.ino}:${st.size}:${st.mtimeMs}` : 'absent';
    if (baselineRead?.path === path && baselineRead.stamp === stamp) return baselineRead.baseline;
    const baseline = st ? parseBaseline(await readFile(path, 'utf8').catch((err: unknown) => Promise.reject(readError(err, path))), path) : undefined;
    baselineRead = { path, stamp, baseline };
    return baseline;
  };
  // A load that failed is not kept: the next check loads again (the file may be fixed on disk
  // without a save in the editor).
  const currentProject = (): Promise<Project> => {
    if (project) return project;
    const loading = loadProject();
    project = loading;
    loading.catch(() => {
      if (project === loading) project = undefined;
    });
    return loading;
  };
  // The last error of loading the project, shown once rather than at every keystroke.
  let shownLoadError: string | undefined;

  const prepare = (doc: CheckedText, tools: CheckTools): PreparedSource => {
    const kept = preparedSources.get(doc.file);
    if (kept && kept.text === doc.text) return kept.prepared;
    const prepared = prepareSource(doc, tools);
    preparedSources.set(doc.file, { text: doc.text, prepared });
    return prepared;
  };

  /** Reads the article from disk, the translation's text replaced by the editor's. */
  const articleFor = async (pairing: Extract<Pairing, { kind: 'paired' }>, path: string, text: string, p: Project): Promise<LoadedArticle> => {
    if (pairing.article.source === path && pairing.how.startsWith('an XLIFF')) {
      const { readXliff, xliffCheckSet } = await import('../formats/xliff.js');
      const { decodeXml } = await import('../formats/xml.js');
      const set = xliffCheckSet(readXliff(decodeXml(new TextEncoder().encode(text), shown(path))), { protectedSegments: p.config.xliff?.protectedSegments ?? 'skip' });
      return bilingualArticle(path, set, { findings: set.findings });
    }
    // The editor's text of every open file of the article (its source too, edited and unsaved).
    const texts = new Map<string, string>();
    for (const file of [pairing.article.source, ...pairing.article.translations]) {
      const opened = documents.get(uriOf(file));
      if (opened && open.has(opened.uri)) texts.set(file, opened.getText());
    }
    texts.set(path, text);
    return loadArticle(pairing.article, { cwd: p.root, encodings: encodingChoiceOf(p.config), shown, texts, readCache });
  };

  const check = async (uri: string): Promise<void> => {
    const state = open.get(uri);
    const doc = documents.get(uri);
    const path = pathOf(uri);
    if (!state || !doc || !path) return;
    let p: Project;
    try {
      p = await currentProject();
      shownLoadError = undefined;
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      // The glossary or the config does not load: the translation says so where the user looks,
      // instead of keeping diagnostics of an older text; the message pops up once per error.
      const message = `vitrans: ${describeError(err, shown)}`;
      if (message !== shownLoadError) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message });
      shownLoadError = message;
      state.findings = [];
      await connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [userErrorDiagnostic(err, path, doc, uriOf, shown)] });
      return;
    }
    // A translation without a source is paired again at each check: the source the message asks
    // for may have been written since.
    if (!state.pairing || state.pairing.kind === 'none') {
      state.pairing = await pairTranslation(path, { sources: p.config.sources, shown });
      const pairing = state.pairing;
      const message =
        pairing.kind === 'paired' ? `vitrans: ${shown(path)} is checked against ${shown(pairing.article.source)} (${pairing.how})`
        : pairing.kind === 'source' ? `vitrans: ${pairing.how}`
        : `vitrans: ${shown(path)} has no source to check against: ${pairing.why}`;
      if (message !== state.pairingMessage) void connection.sendNotification(ShowMessageNotification.type, { type: pairing.kind === 'none' ? MessageType.Warning : MessageType.Info, message });
      state.pairingMessage = message;
    }
    const pairing = state.pairing;
    if (pairing.kind !== 'paired') return;
    const version = doc.version;
    let diagnostics: Diagnostic[];
    try {
      const article = await articleFor(pairing, path, doc.getText(), p);
      const result = checkArticle(article, p.tools, shown, createCheckRun(), { prepare, memo: (t) => (t === path ? state.memo : undefined) });
      const paragraphs = new Map<string, readonly Paragraph[]>(result.paragraphs);
      const files = [article.source.file.path, path].map(shown);
      const suppressed = applySuppressionRules(result.findings, (p.config.suppressions ?? []).map((r) => ({ ...r, at: { ...r.at, file: shown(r.at.file) } })), {
        resolve: (file) => resolve(p.root, file.replace(/#[^/\\]*$/, '')),
        checked: files,
        paragraphText: (file, paragraph) => paragraphNumbered(paragraphs.get(file) ?? [], paragraph)?.text,
        ran: new Set([...p.tools.checks.map((c) => c.meta.id), ...READER_RULES, TAG_MISMATCH]),
      });
      // As vitrans check applies it; its stale entries are check's to report, not each keystroke's.
      const baseline = p.baselinePath ? await baselineOf(p.baselinePath) : undefined;
      const findings = baseline
        ? applyBaseline(suppressed, { ...baseline, file: shown(p.baselinePath!) }, {
            keyOf: baselineKeyOf(p.baselinePath!, p.root),
            checked: [],
            shownFile: shown(p.baselinePath!),
          })
        : suppressed;
      if (documents.get(uri)?.version !== version) return; // an edit came meanwhile: its own check follows
      // A client may send the text with its byte-order mark, which the reader drops: every offset
      // is one further on in the editor's text (the XLIFF's own source places too).
      const sourcePath = article.source.file.path;
      const bom = doc.getText().charCodeAt(0) === 0xfeff ? 1 : 0;
      state.findings = findings.filter((f) => !f.suppression && f.file === shown(path)).map((f) => (bom ? movedBy(f, bom, sourcePath === path) : f));
      // An XLIFF file is its own source: the findings' source places are in the file as typed.
      const source = sourceDocument(sourcePath, sourcePath === path ? doc.getText() : (article.translations[0]?.source.text ?? article.source.text));
      diagnostics = state.findings.map((f) => findingToDiagnostic(f, doc, source));
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      state.findings = [];
      diagnostics = [userErrorDiagnostic(err, path, doc, uriOf, shown)];
    }
    await connection.sendDiagnostics({ uri, version, diagnostics });
  };

  const schedule = (uri: string, delay = debounceMs): void => {
    const state = open.get(uri);
    if (!state) return;
    clearTimeout(state.timer);
    state.timer = setTimeout(() => void check(uri).catch((err: unknown) => connection.console.error(`vitrans: ${String((err as Error).stack ?? err)}`)), delay);
  };

  /** glossary.yaml as the editor has it: schema errors at line:col, else failed self-tests. */
  const checkGlossaryFile = async (uri: string, text: string): Promise<void> => {
    const path = pathOf(uri)!;
    let diagnostics: Diagnostic[];
    try {
      const glossary = parseGlossary(text, path);
      diagnostics = runGlossarySelfTests(glossary)
        .filter((r) => !r.passed)
        .map((r) => ({ ...errorDiagnostic({ message: r.message, code: 'glossary-self-test' }, rangeAt(text, r.location.line, r.location.column)) }));
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      diagnostics = [errorDiagnostic({ message: err.message, hint: err.hint, code: 'glossary-schema' }, rangeAt(text, err.location?.line ?? 1, err.location?.column ?? 1))];
    }
    await connection.sendDiagnostics({ uri, diagnostics });
  };

  /** vitrans.config.yaml as the editor has it: its first error at line:col. */
  const checkConfigFile = async (uri: string, text: string): Promise<void> => {
    let diagnostics: Diagnostic[] = [];
    registerSecrets(secretsInConfigText(text));
    try {
      registerSecrets(parseConfig(text, pathOf(uri)!).secrets);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      diagnostics = [errorDiagnostic({ message: err.message, hint: err.hint, code: 'config' }, rangeAt(text, err.location?.line ?? 1, err.location?.column ?? 1))];
    }
    await connection.sendDiagnostics({ uri, diagnostics });
  };

  // glossary.yaml and vitrans.config.yaml are checked as typed, after the same pause as a
  // translation: a 10,000-entry glossary is parsed once per pause, not once per keystroke.
  const settingsTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const scheduleSettingsFile = (uri: string, role: 'glossary' | 'config'): void => {
    clearTimeout(settingsTimers.get(uri));
    settingsTimers.set(
      uri,
      setTimeout(() => {
        settingsTimers.delete(uri);
        const doc = documents.get(uri);
        if (!doc) return;
        const checked = role === 'glossary' ? checkGlossaryFile(uri, doc.getText()) : checkConfigFile(uri, doc.getText());
        void checked.catch((err: unknown) => connection.console.error(`vitrans: ${String((err as Error).stack ?? err)}`));
      }, debounceMs),
    );
  };

  const roleOf = async (uri: string): Promise<'glossary' | 'config' | 'text'> => {
    const path = pathOf(uri);
    if (!path) return 'text';
    if (resolve(path) === resolve(root, DEFAULT_CONFIG_FILE)) return 'config';
    const glossaryPath = await currentProject().then((p) => p.glossaryPath, () => resolve(root, 'glossary.yaml'));
    return resolve(path) === glossaryPath ? 'glossary' : 'text';
  };

  const recheckAll = (): void => {
    project = undefined;
    for (const [uri, state] of open) {
      state.memo = new CheckMemo();
      state.pairing = undefined;
      schedule(uri, 0);
    }
  };

  connection.onInitialize((params): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    if (folder?.startsWith('file:')) root = fileURLToPath(folder);
    const init = params.initializationOptions as { debounceMs?: unknown } | undefined;
    if (typeof init?.debounceMs === 'number' && init.debounceMs >= 0) debounceMs = init.debounceMs;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        hoverProvider: true,
        definitionProvider: true,
      },
      serverInfo: { name: 'vitrans' },
    };
  });

  /** Open translations checked against the file at `uri`: an edit of a source, or its closing, re-checks them. */
  const scheduleTranslationsOf = (uri: string): void => {
    const path = pathOf(uri);
    for (const [other, state] of open) {
      if (other !== uri && state.pairing?.kind === 'paired' && path !== undefined && resolve(root, state.pairing.article.source) === path) schedule(other);
    }
  };

  // TextDocuments reports an opened document as changed too: one handler for both.
  documents.onDidChangeContent(async ({ document }) => {
    const role = await roleOf(document.uri);
    if (role !== 'text') return scheduleSettingsFile(document.uri, role);
    if (!documents.get(document.uri)) return; // closed meanwhile
    if (open.has(document.uri)) {
      schedule(document.uri);
      scheduleTranslationsOf(document.uri);
      return;
    }
    open.set(document.uri, { memo: new CheckMemo(), findings: [] });
    schedule(document.uri, 0);
  });
  documents.onDidSave(async ({ document }) => {
    const role = await roleOf(document.uri);
    if (role !== 'text') return recheckAll();
    // A file saved may be the source an open translation was waiting for.
    for (const [other, state] of open) if (other !== document.uri && state.pairing?.kind === 'none') schedule(other);
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(settingsTimers.get(document.uri));
    settingsTimers.delete(document.uri);
    const state = open.get(document.uri);
    if (state) clearTimeout(state.timer);
    open.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    // A source closed unsaved: its translations are checked against the file on disk again.
    scheduleTranslationsOf(document.uri);
  });

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    const state = open.get(params.textDocument.uri);
    if (!doc || !state) return [];
    return codeActions(doc, params.context.diagnostics, state.findings);
  });

  const entryUnder = async (uri: string, position: { line: number; character: number }) => {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const p = await currentProject().catch(() => undefined);
    if (!p) return undefined;
    const found = entryAt(doc.getText(), doc.offsetAt(position), p.tools);
    return found && { found, doc, p };
  };
  connection.onHover(async (params) => {
    const hit = await entryUnder(params.textDocument.uri, params.position);
    if (!hit) return null;
    return { contents: { kind: 'markdown', value: entryMarkdown(hit.found) }, range: { start: hit.doc.positionAt(hit.found.start), end: hit.doc.positionAt(hit.found.end) } };
  });
  connection.onDefinition(async (params) => {
    const hit = await entryUnder(params.textDocument.uri, params.position);
    if (!hit) return null;
    const { location } = hit.found.entry;
    const text = await readFile(hit.p.glossaryPath, 'utf8').catch(() => '');
    return { uri: pathToFileURL(hit.p.glossaryPath).href, range: rangeAt(text.replace(/^\uFEFF/, ''), location.line, location.column) };
  });

  documents.listen(connection);
  connection.listen();
}

/** One line: file:line:col, what, how to fix. */
function describeError(err: UserError, shown: (p: string) => string): string {
  const at = err.location ? `${shown(err.location.file)}${err.location.line ? `:${err.location.line}${err.location.column ? `:${err.location.column}` : ''}` : ''}: ` : '';
  return `${at}${err.message}${err.hint ? ` (${err.hint})` : ''}`;
}

/**
 * A user error met checking a translation as one diagnostic: a misaligned pair at the place the
 * alignment breaks (in the translation, or at its start with the source place related), a bad
 * source at the top.
 */
function userErrorDiagnostic(err: UserError, path: string, doc: TextDocument, uriOf: (p: string) => string, shown: (p: string) => string): Diagnostic {
  const at = err.location;
  const code = err instanceof AlignmentError ? 'misaligned' : err.code;
  if (at?.line && resolve(at.file) === resolve(path)) return errorDiagnostic({ message: err.message, hint: err.hint, code }, rangeAt(doc.getText(), at.line, at.column ?? 1));
  if (at?.line && at.file) {
    const elsewhere = rangeAt('', 1, 1);
    elsewhere.start.line = elsewhere.end.line = at.line - 1;
    return errorDiagnostic({ message: err.message, hint: err.hint, code }, rangeAt(doc.getText(), 1, 1), { location: { uri: uriOf(at.file), range: elsewhere }, message: `in ${shown(at.file)}` });
  }
  return errorDiagnostic({ message: `${basename(at?.file ?? path)}: ${err.message}`, hint: err.hint, code }, rangeAt(doc.getText(), 1, 1));
}

/** A finding with its offsets in the translation (and, with `source`, in its source) moved by `n`. */
function movedBy(finding: Finding, n: number, source: boolean): Finding {
  const span = (sp: NonNullable<Finding['span']>) => ({ start: { ...sp.start, offset: sp.start.offset + n }, end: { ...sp.end, offset: sp.end.offset + n } });
  return {
    ...finding,
    ...(finding.span ? { span: span(finding.span) } : {}),
    ...(finding.fix ? { fix: { ...finding.fix, range: [finding.fix.range[0] + n, finding.fix.range[1] + n] as [number, number] } } : {}),
    ...(source && finding.source ? { source: { ...finding.source, span: span(finding.source.span) } } : {}),
  };
}
