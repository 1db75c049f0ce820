import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  HoverRequest,
  type CodeAction,
  type Diagnostic,
  type Location,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { ROOT, startServer, uri, type LspClient } from './client.js';
import { runVitrans } from '../cli/run-cli.js';
import { until } from '../cli/spawn-cli.js';

const SOURCE = fs.readFileSync(path.join(ROOT, 'corpus/japan-us-defense-industry/source.vi.txt'), 'utf8');
const FLAWED = fs.readFileSync(path.join(ROOT, 'tests/fixtures/corpus/flawed/flawed.en.txt'), 'utf8');
const GLOSSARY = fs.readFileSync(path.join(ROOT, 'glossary.yaml'), 'utf8');

let dir: string;
let client: LspClient;
let translationPath: string;
let translationUri: string;
let doc: TextDocument;
let first: Diagnostic[];

/** Sends the whole new text as one change (the client keeps `doc` in step). */
async function change(text: string): Promise<void> {
  doc = TextDocument.update(doc, [{ text }], doc.version + 1);
  await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: translationUri, version: doc.version }, contentChanges: [{ text }] });
}
/** The rule ids `vitrans check -f json` reports unsuppressed for `file` (run in the test's folder), sorted. */
async function cliRules(args: string[], file: string): Promise<string[]> {
  const cli = await runVitrans(['check', ...args, '-f', 'json'], { cwd: dir, env: {} });
  const found = (JSON.parse(cli.stdout) as { findings: { ruleId: string; file: string; suppression?: unknown }[] }).findings;
  return found.filter((f) => !f.suppression && f.file === file).map((f) => f.ruleId).sort();
}

const latest = (version = doc.version) => client.diagnostics(translationUri, (d) => d.version === version);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-lsp-'));
  fs.writeFileSync(path.join(dir, 'glossary.yaml'), GLOSSARY);
  fs.mkdirSync(path.join(dir, 'tin'));
  fs.writeFileSync(path.join(dir, 'tin/hop-tac.vi.txt'), SOURCE);
  translationPath = path.join(dir, 'tin/hop-tac.deepl.en.txt');
  fs.writeFileSync(translationPath, FLAWED);
  // A translation kept apart from its source, paired by the config; and a CAT tool's XLIFF file.
  fs.writeFileSync(path.join(dir, 'vitrans.config.yaml'), 'sources:\n  "ban-dich/*.en.txt": goc/{name}.vi.txt\n');
  fs.mkdirSync(path.join(dir, 'goc'));
  fs.mkdirSync(path.join(dir, 'ban-dich'));
  fs.writeFileSync(path.join(dir, 'goc/hop-tac.vi.txt'), SOURCE);
  fs.writeFileSync(path.join(dir, 'ban-dich/hop-tac.en.txt'), FLAWED);
  fs.copyFileSync(path.join(ROOT, 'tests/formats/fixtures/okapi-defence.xlf'), path.join(dir, 'okapi-defence.xlf'));
  translationUri = uri(translationPath);
  client = await startServer(dir);
  doc = TextDocument.create(translationUri, 'plaintext', 1, FLAWED);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: translationUri, languageId: 'plaintext', version: 1, text: FLAWED } });
  first = (await latest(1)).diagnostics;
}, 60_000);

afterAll(async () => {
  if (client && client.child.exitCode === null) await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('vitrans lsp over stdio', () => {
  it('pairs the translation by name, says so once, and publishes what vitrans check finds', async () => {
    expect(client.messages.map((m) => m.message)).toEqual(['vitrans: tin/hop-tac.deepl.en.txt is checked against tin/hop-tac.vi.txt (beside it by name)']);
    const cli = await runVitrans(['check', 'tin/hop-tac.vi.txt', 'tin/hop-tac.deepl.en.txt', '-f', 'json'], { cwd: dir, env: {} });
    type Found = { ruleId: string; severity: string; message: string; file: string; span: { start: { offset: number }; end: { offset: number } }; suppression?: unknown };
    const expected = (JSON.parse(cli.stdout) as { findings: Found[] }).findings
      .filter((f) => !f.suppression && f.file === 'tin/hop-tac.deepl.en.txt')
      .map((f) => ({ code: f.ruleId, severity: f.severity, message: f.message, start: doc.positionAt(f.span.start.offset), end: doc.positionAt(f.span.end.offset) }));
    const severity = ['', 'error', 'warning', 'info'];
    const got = first.map((d) => ({ code: d.code, severity: severity[d.severity!], message: String(d.message).split(/ \(expected: |\n/)[0]!, start: d.range.start, end: d.range.end }));
    expect(expected.filter((f) => f.code === 'term-forbidden')).toHaveLength(14);
    expect(got).toEqual(expected);
  });

  it('links a forbidden rendering to the Vietnamese term in the source and names the expected rendering', () => {
    const forbidden = first.find((d) => d.code === 'term-forbidden' && d.relatedInformation)!;
    expect(forbidden.message).toMatch(/use "[^"]+"/);
    const related = forbidden.relatedInformation![0]!;
    expect(related.location.uri).toBe(uri(path.join(dir, 'tin/hop-tac.vi.txt')));
    const source = TextDocument.create(related.location.uri, 'plaintext', 1, SOURCE);
    const term = source.getText(related.location.range);
    expect(String(related.message)).toBe(`the source: "${term}"`);
    expect(forbidden.message).toContain(`of "`);
  });

  it('finds the finding behind a diagnostic from before an edit that moved it (by the fingerprint in its data) and fixes the text where it is now', async () => {
    const before = doc.getText();
    // A diagnostic below the first paragraph: the edit moves it a line down, its paragraph unchanged.
    const stale = first.find((d) => d.code === 'term-forbidden' && d.range.start.line >= 2)!;
    expect(JSON.stringify(stale.data).length).toBeLessThan(100);
    await change(`Updated:\n${before}`);
    await latest();
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: translationUri }, range: stale.range, context: { diagnostics: [stale] } })) as CodeAction[];
    const replace = actions.find((a) => a.title.startsWith('Replace'))!;
    const [, wrong] = /^Replace "(.+)" with/.exec(replace.title)!;
    const edit = replace.edit!.changes![translationUri]![0]!;
    expect(edit.range.start.line).toBe(stale.range.start.line + 1);
    expect(doc.getText().slice(doc.offsetAt(edit.range.start), doc.offsetAt(edit.range.end))).toBe(wrong);
    await change(before);
    await latest();
  });

  it('offers each fix, the file-wide fix of forbidden renderings and a suppression; fixing all clears them', async () => {
    const forbidden = first.filter((d) => d.code === 'term-forbidden');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: translationUri },
      range: forbidden[0]!.range,
      context: { diagnostics: [forbidden[0]!] },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    expect(titles[0]).toMatch(/^Replace ".+" with ".+"$/);
    expect(titles).toContain('Fix all forbidden renderings in this file');
    expect(titles).toContain('Suppress term-forbidden on this line with a reason (write it after "--")');
    const all = actions.find((a) => a.title === 'Fix all forbidden renderings in this file')!;
    const edits = all.edit!.changes![translationUri]!;
    const safe = forbidden.filter((d) => !/--fix changes it only with --unsafe-fixes/.test(String(d.message)));
    expect(edits).toHaveLength(safe.length);
    await change(TextDocument.applyEdits(doc, edits as TextEdit[]));
    const after = (await latest()).diagnostics;
    expect(after.filter((d) => d.code === 'term-forbidden')).toHaveLength(forbidden.length - safe.length);
    expect(after.filter((d) => d.code !== 'term-forbidden')).toEqual(first.filter((d) => d.code !== 'term-forbidden').map((d) => expect.objectContaining({ code: d.code, message: d.message })));

    // The suppression directive, once a reason is written after "--", silences the finding.
    const left = after.find((d) => d.code === 'term-missing')!;
    const suppress = ((await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: translationUri }, range: left.range, context: { diagnostics: [left] } })) as CodeAction[]).find((a) =>
      a.title.startsWith('Suppress'),
    )!;
    const inserted = suppress.edit!.changes![translationUri]![0]!;
    expect(inserted.newText).toBe(' <!-- vitrans-disable-line term-missing -- -->');
    await change(TextDocument.applyEdits(doc, [inserted]));
    const unexplained = (await latest()).diagnostics;
    expect(unexplained.find((d) => d.code === 'invalid-suppression')?.message).toContain('has no reason');
    const directiveAt = doc.offsetAt(inserted.range.start);
    const directive = { start: doc.positionAt(directiveAt), end: doc.positionAt(directiveAt + inserted.newText.length) };
    await change(TextDocument.applyEdits(doc, [{ range: directive, newText: ' <!-- vitrans-disable-line term-missing -- the ministry is named once in the source -->' }]));
    const explained = (await latest()).diagnostics;
    expect(explained.filter((d) => d.code === 'term-missing')).toHaveLength(after.filter((d) => d.code === 'term-missing').length - 1);
    expect(explained.some((d) => d.code === 'invalid-suppression')).toBe(false);
  });

  it('answers a hover with the glossary entry and jumps to it in glossary.yaml', async () => {
    const at = doc.getText().indexOf('Ministry of Defense');
    expect(at).toBeGreaterThan(0);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: translationUri }, position: doc.positionAt(at + 3) });
    const markdown = (hover!.contents as MarkupContent).value;
    const range = hover!.range!;
    expect(doc.offsetAt(range.start)).toBeLessThanOrEqual(at);
    expect(doc.offsetAt(range.end)).toBeGreaterThanOrEqual(at + 'Ministry of Defense'.length);
    expect(markdown).toContain('**Bộ Quốc phòng');
    expect(markdown).toContain('- Approved: ');
    const definition = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: translationUri }, position: doc.positionAt(at + 3) })) as Location;
    expect(definition.uri).toBe(uri(path.join(dir, 'glossary.yaml')));
    const line = GLOSSARY.split('\n')[definition.range.start.line]!;
    expect(line.slice(definition.range.start.character)).toMatch(/^(- )?(id|vi): /);
  });

  it('answers a hover on a Vietnamese term in the source file too', async () => {
    const sourceUri = uri(path.join(dir, 'tin/hop-tac.vi.txt'));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: sourceUri, languageId: 'plaintext', version: 1, text: SOURCE } });
    const source = TextDocument.create(sourceUri, 'plaintext', 1, SOURCE);
    const at = SOURCE.indexOf('Bộ Quốc phòng');
    expect(at).toBeGreaterThan(0);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: sourceUri }, position: source.positionAt(at + 4) });
    expect((hover!.contents as MarkupContent).value).toMatch(/^\*\*Bộ Quốc phòng[^*]*\*\* → \*\*[^*]+\*\*.*the Vietnamese term/);
  });

  it('checks an open translation against its source as typed, unsaved, and against the saved file once the source is closed', async () => {
    const sourceUri = uri(path.join(dir, 'tin/hop-tac.vi.txt'));
    const isMisaligned = (d: { diagnostics: Diagnostic[] }) => d.diagnostics.length === 1 && d.diagnostics[0]!.code === 'misaligned';
    // A paragraph typed at the end of the source (still open from the hover test), not saved.
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: sourceUri, version: 2 },
      contentChanges: [{ text: `${SOURCE.trimEnd()}\n\nMột đoạn mới đang được biên tập viên gõ vào.\n` }],
    });
    const misaligned = await client.diagnostics(translationUri, isMisaligned);
    expect(misaligned.diagnostics[0]!.message).toMatch(/paragraph/);
    expect(fs.readFileSync(path.join(dir, 'tin/hop-tac.vi.txt'), 'utf8')).toBe(SOURCE);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: sourceUri } });
    const again = await client.diagnostics(translationUri, (d) => !isMisaligned(d));
    expect(again.diagnostics.length).toBeGreaterThan(1);
  });

  it('checks vitrans.config.yaml as it is typed: its first error at line:col', async () => {
    const configUri = uri(path.join(dir, 'vitrans.config.yaml'));
    const text = 'glossary: glossary.yaml\nchecks:\n  term-forbiden: warning\n';
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: configUri, languageId: 'yaml', version: 1, text } });
    const [problem, ...rest] = (await client.diagnostics(configUri)).diagnostics;
    expect(rest).toEqual([]);
    expect(problem!.message).toContain('unknown check "term-forbiden" (did you mean term-forbidden?)');
    expect(problem!.range.start).toEqual({ line: 2, character: 2 });
  });

  it('reports a misaligned pair as one diagnostic where the alignment breaks', async () => {
    const aligned = doc.getText();
    const paragraphs = aligned.split('\n\n');
    await change([...paragraphs.slice(0, 4), ...paragraphs.slice(5)].join('\n\n'));
    const misaligned = (await latest()).diagnostics;
    expect(misaligned).toHaveLength(1);
    expect(misaligned[0]!.code).toBe('misaligned');
    expect(misaligned[0]!.range.start.line).toBeGreaterThan(0);
    await change(aligned);
    expect((await latest()).diagnostics.length).toBeGreaterThan(1);
  });

  it('reads the source again once it changes on disk (it is kept between edits while unchanged)', async () => {
    const sourcePath = path.join(dir, 'tin/hop-tac.vi.txt');
    const text = doc.getText();
    fs.writeFileSync(sourcePath, `${SOURCE.trimEnd()}\n\nMột đoạn mới được thêm vào bản gốc.\n`);
    await change(`${text} `);
    expect((await latest()).diagnostics.map((d) => d.code)).toEqual(['misaligned']);
    fs.writeFileSync(sourcePath, SOURCE);
    await change(text);
    expect((await latest()).diagnostics.length).toBeGreaterThan(1);
  });

  it('reads the text as typed for reading warnings too: mojibake pasted in is reported where it stands, and goes when removed', async () => {
    const clean = doc.getText();
    // A name pasted from a page decoded twice; the saved file on disk stays clean.
    const pasted = clean.replace('Lloyd Austin', 'Lloyd Austin (interviewed by Nguyá»…n Văn An)');
    expect(pasted).not.toBe(clean);
    await change(pasted);
    const mojibake = (await latest()).diagnostics.filter((d) => d.code === 'encoding-mojibake');
    expect(mojibake).toHaveLength(1);
    const at = doc.positionAt(pasted.indexOf('Nguyá»…n'));
    expect(mojibake[0]!.range.start.line).toBe(at.line);
    await change(clean);
    expect((await latest()).diagnostics.filter((d) => d.code === 'encoding-mojibake')).toEqual([]);
  });

  it('checks glossary.yaml as it is typed and, saved, re-checks the open translation with it', async () => {
    const glossaryUri = uri(path.join(dir, 'glossary.yaml'));
    const broken = GLOSSARY.replace(/\n {2}- id: /, '\n  - idd: ');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: glossaryUri, languageId: 'yaml', version: 1, text: broken } });
    const schema = (await client.diagnostics(glossaryUri)).diagnostics;
    expect(schema).toHaveLength(1);
    expect(schema[0]!.code).toBe('glossary-schema');
    expect(schema[0]!.range.start.line).toBe(broken.slice(0, broken.indexOf('- idd: ')).split('\n').length - 1);

    // A new forbidden rendering, saved: the translation's diagnostics follow the new glossary.
    const stricter = GLOSSARY.replace(/(\n {2}- id: [^\n]+\n(?: {4}[^\n]*\n)*? {4}forbidden:\n)/, '$1      - the two leaders\n');
    expect(stricter).not.toBe(GLOSSARY);
    fs.writeFileSync(path.join(dir, 'glossary.yaml'), stricter);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: glossaryUri, version: 2 }, contentChanges: [{ text: stricter }] });
    expect((await client.diagnostics(glossaryUri)).diagnostics.map((d) => d.message)).toEqual([]);
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: glossaryUri } });
    const rechecked = (await latest()).diagnostics;
    expect(rechecked.filter((d) => String(d.message).includes('two leaders')).map((d) => [d.code, String(d.message).split('\n')[0]])).toEqual([['term-forbidden', '"two leaders" is a forbidden rendering of "Thiết bị đánh chặn pha bay": use "Glide Phase Interceptor"']]);
  });

  it('pairs a translation through sources: in the config, as vitrans check does, and says so', async () => {
    const apart = uri(path.join(dir, 'ban-dich/hop-tac.en.txt'));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: apart, languageId: 'plaintext', version: 1, text: FLAWED } });
    const published = (await client.diagnostics(apart)).diagnostics;
    expect(client.messages.map((m) => m.message)).toContain('vitrans: ban-dich/hop-tac.en.txt is checked against goc/hop-tac.vi.txt (by sources: in the config)');
    const rules = await cliRules(['ban-dich/hop-tac.en.txt'], 'ban-dich/hop-tac.en.txt');
    // The flawed translation's 14, and "two leaders", forbidden since the glossary test above saved it.
    expect(rules.filter((r) => r === 'term-forbidden')).toHaveLength(15);
    expect(published.map((d) => String(d.code)).sort()).toEqual(rules);
  });

  it('checks an XLIFF file against its own sources, with the findings vitrans check gives it', async () => {
    const xliffPath = path.join(dir, 'okapi-defence.xlf');
    const xliffUri = uri(xliffPath);
    const text = fs.readFileSync(xliffPath, 'utf8');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: xliffUri, languageId: 'xml', version: 1, text } });
    const published = (await client.diagnostics(xliffUri)).diagnostics;
    expect(client.messages.map((m) => m.message)).toContain('vitrans: okapi-defence.xlf is checked against okapi-defence.xlf (an XLIFF file holds its own source)');
    const rules = await cliRules(['okapi-defence.xlf'], 'okapi-defence.xlf');
    expect(rules.length).toBeGreaterThan(0);
    expect(published.map((d) => String(d.code)).sort()).toEqual(rules);
    // "The source" of a finding is a place in the XLIFF file itself, where its <source> has the term.
    const visit = published.find((d) => String(d.message).includes('state-level visit'))!;
    const related = visit.relatedInformation![0]!.location;
    const xliff = TextDocument.create(xliffUri, 'xml', 1, text);
    expect(related.uri).toBe(xliffUri);
    expect(xliff.getText(related.range)).toBe('chuyến thăm cấp nhà nước');
  });

  it('suppresses an XLIFF finding with a directive escaped inside its target, after what it is about', async () => {
    const xliffPath = path.join(dir, 'okapi-defence.xlf');
    const xliffUri = uri(xliffPath);
    const text = fs.readFileSync(xliffPath, 'utf8');
    const xliff = TextDocument.create(xliffUri, 'xml', 1, text);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: xliffUri, version: 5 }, contentChanges: [{ text }] });
    const published = (await client.diagnostics(xliffUri, (d) => d.version === 5)).diagnostics;
    const visit = published.find((d) => d.code === 'term-forbidden' && String(d.message).includes('state-level visit'))!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: xliffUri }, range: visit.range, context: { diagnostics: [visit] } })) as CodeAction[];
    const inserted = actions.find((a) => a.title.startsWith('Suppress'))!.edit!.changes![xliffUri]![0]!;
    expect(inserted.newText).toBe(' &lt;!-- vitrans-disable-line term-forbidden -- --&gt;');
    expect(inserted.range.start).toEqual(visit.range.end);
    const edited = TextDocument.applyEdits(xliff, [{ ...inserted, newText: ' &lt;!-- vitrans-disable-line term-forbidden -- the White House release is quoted --&gt;' }]);
    fs.writeFileSync(path.join(dir, 'suppressed.xlf'), edited);
    const cli = await runVitrans(['check', 'suppressed.xlf', '-f', 'json'], { cwd: dir, env: {} });
    const findings = (JSON.parse(cli.stdout) as { findings: { ruleId: string; actual: string | null; suppression: unknown }[] }).findings;
    expect(findings.find((f) => f.actual === 'state-level visit')?.suppression).toMatchObject({ kind: 'inline', reason: 'the White House release is quoted' });
    expect(findings.some((f) => f.ruleId === 'invalid-suppression' || f.ruleId === 'unused-suppression')).toBe(false);
    fs.rmSync(path.join(dir, 'suppressed.xlf'));
  });

  it("checks an XLIFF file's protected segments when the config says so, as vitrans check does", async () => {
    const configPath = path.join(dir, 'vitrans.config.yaml');
    const configUri = uri(configPath);
    const before = fs.readFileSync(configPath, 'utf8');
    const config = `${before}xliff:\n  protected_segments: check\n`;
    fs.writeFileSync(configPath, config);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: configUri, version: 9 }, contentChanges: [{ text: config }] });
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: configUri } });
    const xliffPath = path.join(dir, 'okapi-defence.xlf');
    const xliffUri = uri(xliffPath);
    const text = fs.readFileSync(xliffPath, 'utf8');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: xliffUri, version: 2 }, contentChanges: [{ text: `${text}\n` }] });
    const published = (await client.diagnostics(xliffUri, (d) => d.version === 2)).diagnostics;
    const rules = await cliRules(['okapi-defence.xlf'], 'okapi-defence.xlf');
    const skipped = await runVitrans(['check', 'okapi-defence.xlf', '-f', 'json', '--protected-segments', 'skip'], { cwd: dir, env: {} });
    // The signed-off segment's "Patriot rockets" is one more finding than with the protected segments skipped.
    expect(rules.length).toBeGreaterThan((JSON.parse(skipped.stdout) as { findings: unknown[] }).findings.length);
    expect(published.map((d) => String(d.code)).sort()).toEqual(rules);
    fs.writeFileSync(configPath, before);
  });

  it('checks a translation opened before its source once the source is saved, saying so once', async () => {
    const translation = path.join(dir, 'moi/bai.en.txt');
    const source = path.join(dir, 'moi/bai.vi.txt');
    fs.mkdirSync(path.dirname(translation), { recursive: true });
    fs.writeFileSync(translation, FLAWED);
    const translationUri2 = uri(translation);
    const warned = () => client.messages.filter((m) => m.message.startsWith('vitrans: moi/bai.en.txt has no source to check against'));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: translationUri2, languageId: 'plaintext', version: 1, text: FLAWED } });
    await until(() => warned().length === 1, 10_000, 'the warning');
    // Typing on: the same warning is not repeated at every check.
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: translationUri2, version: 2 }, contentChanges: [{ text: `${FLAWED}\n` }] });
    fs.copyFileSync(path.join(ROOT, 'tests/fixtures/corpus/flawed/source.vi.txt'), source);
    const text = fs.readFileSync(source, 'utf8');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri(source), languageId: 'plaintext', version: 1, text } });
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: uri(source) } });
    const published = (await client.diagnostics(translationUri2, (d) => d.diagnostics.length > 0)).diagnostics;
    expect(published.filter((d) => d.code === 'term-forbidden').length).toBeGreaterThan(0);
    expect(warned()).toHaveLength(1);
    expect(client.messages.map((m) => m.message)).toContain('vitrans: moi/bai.en.txt is checked against moi/bai.vi.txt (beside it by name)');
  });

  it('applies the baseline the config names, read again when it changes on disk', async () => {
    const translation = uri(path.join(dir, 'moi/bai.en.txt'));
    const recorded = await runVitrans(['check', 'moi/bai.vi.txt', 'moi/bai.en.txt', '--baseline', 'vitrans-baseline.json'], { cwd: dir, env: {} });
    expect(recorded.stderr).toMatch(/recorded the baseline vitrans-baseline\.json: \d+ findings/);
    const configPath = path.join(dir, 'vitrans.config.yaml');
    const before = fs.readFileSync(configPath, 'utf8');
    const config = `${before}baseline: vitrans-baseline.json\n`;
    fs.writeFileSync(configPath, config);
    const configUri = uri(configPath);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: configUri, version: 20 }, contentChanges: [{ text: config }] });
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: configUri } });
    const quiet = await client.diagnostics(translation, (d) => d.diagnostics.every((x) => x.code !== 'term-forbidden'));
    expect(quiet.diagnostics).toEqual([]);
    // The baseline removed from disk: the findings are back at the next edit.
    fs.rmSync(path.join(dir, 'vitrans-baseline.json'));
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: translation, version: 3 }, contentChanges: [{ text: `${FLAWED}\n\n` }] });
    const back = await client.diagnostics(translation, (d) => d.version === 3);
    expect(back.diagnostics.filter((d) => d.code === 'term-forbidden').length).toBeGreaterThan(0);
    fs.writeFileSync(configPath, before);
  });

  it('places diagnostics and fixes right in a text sent with its byte-order mark', async () => {
    fs.mkdirSync(path.join(dir, 'bom'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'tests/fixtures/corpus/flawed/source.vi.txt'), path.join(dir, 'bom/bai.vi.txt'));
    const text = `\uFEFF${FLAWED}`;
    fs.writeFileSync(path.join(dir, 'bom/bai.en.txt'), text);
    const bomUri = uri(path.join(dir, 'bom/bai.en.txt'));
    const bomDoc = TextDocument.create(bomUri, 'plaintext', 1, text);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: bomUri, languageId: 'plaintext', version: 1, text } });
    const forbidden = (await client.diagnostics(bomUri, (d) => d.diagnostics.length > 0)).diagnostics.filter((d) => d.code === 'term-forbidden');
    expect(forbidden.length).toBeGreaterThan(0);
    for (const d of forbidden) expect(String(d.message)).toMatch(new RegExp(`^"${bomDoc.getText(d.range).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" is a forbidden rendering`, 'i'));
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: bomUri }, range: forbidden[0]!.range, context: { diagnostics: [forbidden[0]!] } })) as CodeAction[];
    const replace = actions.find((a) => a.title.startsWith('Replace'))!;
    const [, found, fixText] = /^Replace "(.+)" with "(.+)"$/.exec(replace.title)!;
    expect(found).toBe(bomDoc.getText(forbidden[0]!.range));
    const fixed = TextDocument.applyEdits(bomDoc, replace.edit!.changes![bomUri]! as TextEdit[]);
    expect(fixed).toBe(text.replace(found!, fixText!));
  });

  it('knows an XLIFF file saved as .xml by its first bytes, as vitrans check does', async () => {
    const xmlPath = path.join(dir, 'okapi-defence.xml');
    fs.copyFileSync(path.join(ROOT, 'tests/formats/fixtures/okapi-defence.xlf'), xmlPath);
    const text = fs.readFileSync(xmlPath, 'utf8');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri(xmlPath), languageId: 'xml', version: 1, text } });
    const published = (await client.diagnostics(uri(xmlPath), (d) => d.diagnostics.length > 0)).diagnostics;
    expect(client.messages.map((m) => m.message)).toContain('vitrans: okapi-defence.xml is checked against okapi-defence.xml (an XLIFF file holds its own source)');
    expect(published.map((d) => String(d.code)).sort()).toEqual(await cliRules(['okapi-defence.xml'], 'okapi-defence.xml'));
  });

  it('shuts down and exits with 0', async () => {
    expect(await client.stop()).toBe(0);
  });
});
