/**
 * Writing imported entries as glossary.yaml: a new file, or additions to an existing one made as
 * text edits (new entries after the last one, new items in an entry's lists), so the user's
 * comments, quoting and folding stay exactly as they were. The result is loaded once more before
 * it is returned: nothing is written that the loader would refuse.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, stringify, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { GlossaryError, UserError } from '../../core/errors.js';
import { parseGlossary } from '../load.js';
import type { ForbiddenRendering, Glossary } from '../types.js';
import type { MergePlan } from './merge.js';
import type { EntryDraft, GlossaryImport, TestSpec } from './types.js';

const STRINGIFY = { lineWidth: 100, minContentWidth: 40, flowCollectionPadding: false } as const;

/** A forbidden rendering as glossary.yaml writes it: a plain string unless it has `use` or `note`. */
export function forbiddenItem(f: ForbiddenRendering): string | Record<string, unknown> {
  const allowed = f.allowedIn?.map((c) => c.pattern) ?? [];
  if (f.use === undefined && f.note === undefined && allowed.length === 0) return f.text;
  return { text: f.text, ...(f.use !== undefined ? { use: f.use } : {}), ...(f.note !== undefined ? { note: f.note } : {}), ...(allowed.length ? { allowed_in: allowed } : {}) };
}

/** A self-test as glossary.yaml writes it. */
export function testItem(t: TestSpec): Record<string, unknown> {
  return t.kind === 'fix' ? { fix: { from: t.from, to: t.to } } : { [t.kind]: t.text };
}

/** One entry as glossary.yaml's mapping, keys in the order the shipped glossary uses. */
function entryObject(d: EntryDraft & { id: string }): Record<string, unknown> {
  return {
    id: d.id,
    vi: d.vi,
    ...(d.viVariants.length ? { vi_variants: d.viVariants } : {}),
    en: d.en,
    ...(d.accepted.length ? { accepted: d.accepted } : {}),
    ...(d.forms.length ? { forms: d.forms } : {}),
    ...(d.acronym !== undefined ? { acronym: d.acronym } : {}),
    ...(d.forbidden.length ? { forbidden: d.forbidden.map(forbiddenItem) } : {}),
    ...(d.caseSensitive ? { case_sensitive: true } : {}),
    ...(d.note !== undefined ? { note: d.note } : {}),
    ...(d.severity !== undefined ? { severity: d.severity } : {}),
    ...(d.tests.length ? { tests: d.tests.map(testItem) } : {}),
  };
}

/** Lists of short strings as `[a, b]`, everything else in block style, as the shipped glossary is written. */
function styled(doc: Document, value: unknown): Node {
  const node = doc.createNode(value) as Node;
  const visit = (n: unknown): void => {
    if (isSeq(n)) {
      const items = n.items as unknown[];
      const width = items.reduce<number>((sum, i) => sum + (isScalar(i) && typeof i.value === 'string' ? i.value.length + 2 : Infinity), 0);
      if (width <= 72) n.flow = true;
      else n.items.forEach(visit);
    } else if (isMap(n)) {
      // Forbidden renderings with a reason and self-tests read best as one line each.
      for (const p of n.items) visit(p.value);
    }
  };
  visit(node);
  return node;
}

/**
 * A new glossary.yaml holding the imported entries.
 * @throws GlossaryError when the result would not load (it is loaded before it is returned)
 */
export function newGlossaryYaml(imported: GlossaryImport, plan: MergePlan, outputPath: string): string {
  const doc = new Document({});
  const top = doc.contents as YAMLMap;
  top.set('version', 1);
  if (imported.name !== undefined) top.set('name', imported.name);
  if (imported.sourceLanguage !== undefined) top.set('source_language', imported.sourceLanguage);
  if (imported.targetLanguage !== undefined) top.set('target_language', imported.targetLanguage);
  const entries = doc.createNode([]) as YAMLSeq;
  for (const d of plan.added) entries.items.push(styled(doc, entryObject(d)));
  top.set('entries', entries);
  doc.commentBefore = ` Imported from ${imported.file} (${imported.format.toUpperCase()}) by \`vitrans glossary import\`.`;
  const text = doc.toString(STRINGIFY);
  loadOrExplain(text, outputPath, plan, 'written');
  return text;
}

/**
 * The existing glossary's text with the plan's additions made as text edits.
 * @throws GlossaryError when the merged glossary would not load, or its `entries` list cannot be extended
 */
export function mergedGlossaryYaml(existingText: string, existing: Glossary, plan: MergePlan): string {
  const bom = existingText.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const text = bom ? existingText.slice(1) : existingText;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const doc = parseDocument(text, { keepSourceTokens: false });
  const entriesNode = (doc.contents as YAMLMap).get('entries', true) as unknown as YAMLSeq;
  const edits: { at: number; remove: number; insert: string }[] = [];

  for (const { index, add } of plan.extended) {
    const map = entriesNode.items[index] as YAMLMap;
    const keyIndent = indentAt(text, map.range![0]);
    const fields: [string, unknown[] | string | undefined][] = [
      ['vi_variants', add.viVariants],
      ['accepted', add.accepted],
      ['forms', add.forms],
      ['acronym', add.acronym],
      ['forbidden', add.forbidden.map(forbiddenItem)],
      ['note', add.note],
      ['tests', add.tests.map(testItem)],
    ];
    for (const [key, value] of fields) {
      if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
      const pair = map.items.find((p: Pair) => isScalar(p.key) && p.key.value === key);
      const seq = pair?.value;
      if (!pair) {
        edits.push({ at: contentEnd(text, map.range![1]), remove: 0, insert: '\n' + yamlBlock({ [key]: value }, keyIndent) });
      } else if (isSeq(seq) && seq.flow && Array.isArray(value)) {
        const node = new Document({}).createNode([...(seq.toJSON() as unknown[]), ...value]) as YAMLSeq;
        node.flow = true;
        edits.push({ at: seq.range![0], remove: seq.range![1] - seq.range![0], insert: stringify(node, { ...STRINGIFY, lineWidth: 0 }).replace(/\n$/, '') });
      } else if (isSeq(seq) && seq.items.length > 0) {
        const dash = indentAt(text, (seq.items[0] as Node).range![0]) - 2;
        edits.push({ at: contentEnd(text, (seq.items[seq.items.length - 1] as Node).range![1]), remove: 0, insert: '\n' + blockItems(Array.isArray(value) ? value : [value], dash) });
      } else {
        throw new GlossaryError(`cannot add to \`${key}\` of the entry "${existing.entries[index]!.id}": it is not a list`, {
          location: { file: existing.file, line: existing.entries[index]!.location.line, column: existing.entries[index]!.location.column },
          hint: 'Write it as a list, or import without --merge into a new file.',
        });
      }
    }
  }

  if (plan.added.length > 0) {
    if (entriesNode.flow) {
      throw new GlossaryError('`entries` is written as a flow list ([...]); vitrans adds entries to a block list only', {
        location: { file: existing.file },
        hint: 'Write the entries as a block list (`- vi: ...`), or import without --merge into a new file.',
      });
    }
    const last = entriesNode.items[entriesNode.items.length - 1] as Node | undefined;
    const dash = last ? indentAt(text, last.range![0]) - 2 : 2;
    const rendered = yamlBlock(plan.added.map(entryObject), dash);
    edits.push({ at: contentEnd(text, last ? last.range![1] : entriesNode.range![1]), remove: 0, insert: `\n\n${' '.repeat(dash)}# Imported by \`vitrans glossary import\`.\n${rendered}` });
  }

  let out = text;
  for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.insert.replace(/\n/g, eol) + out.slice(e.at + e.remove);
  if (!out.endsWith(eol)) out += eol;
  loadOrExplain(out, existing.file, plan, 'edited');
  return bom + out;
}

/** A value as glossary.yaml's block text (short string lists in flow style), every line indented. */
function yamlBlock(value: unknown, indent: number): string {
  return indentLines(stringify(styled(new Document({}), value), STRINGIFY).replace(/\n$/, ''), indent);
}

/**
 * Items to append to a block list: `- item` lines at the list's dash column. Unlike `yamlBlock`,
 * the list itself is never turned into a flow list (`[a, b]` after a `- ` item would not parse);
 * an item that is a mapping (a forbidden rendering with a note) keeps its own styling.
 */
function blockItems(items: unknown[], dash: number): string {
  const doc = new Document({});
  const seq = doc.createNode([]) as YAMLSeq;
  for (const item of items) seq.items.push(styled(doc, item));
  return indentLines(stringify(seq, STRINGIFY).replace(/\n$/, ''), dash);
}

/** `offset` moved back over trailing spaces and line breaks (a node's range ends after them), so insertions go right after the content. */
function contentEnd(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && /\s/.test(text[at - 1]!)) at--;
  return at;
}

/** The column (0-based) at which `offset`'s line content starts before `offset`: the key indent of a mapping starting there. */
function indentAt(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return offset - lineStart;
}

function indentLines(s: string, indent: number): string {
  return s
    .split('\n')
    .map((l) => ' '.repeat(indent) + l)
    .join('\n');
}

/**
 * Loads the text as the loader would. The YAML is vitrans's own writing (a new file, or text edits
 * to a file that loaded), so YAML that does not parse is a bug in vitrans, never the user's: it is
 * thrown as a plain Error (exit 3). A glossary rule the imported entries break is the user's, and is
 * reported at the imported entry it concerns.
 */
function loadOrExplain(text: string, file: string, plan: MergePlan, action: 'written' | 'edited'): void {
  const syntax = parseDocument(text).errors[0];
  if (syntax) {
    const [line, column] = syntax.linePos?.[0] ? [syntax.linePos[0].line, syntax.linePos[0].col] : [0, 0];
    throw new Error(`vitrans ${action} ${file} as YAML that does not parse (${line}:${column}: ${syntax.message.split('\n')[0]}); nothing was written`);
  }
  try {
    parseGlossary(text, file);
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    const origin = plan.added[0]?.origin;
    throw new GlossaryError(`the glossary with the imported entries would not load: ${err.message}`, {
      location: err.location ?? (origin ? { file: origin.file, line: origin.line, column: origin.column } : { file }),
      hint: err.hint ?? 'Fix the entry in the imported file and import it again.',
    });
  }
}
