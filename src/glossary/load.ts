/**
 * Loading glossary.yaml: parse with positions, validate against the schema in ./types.ts, and
 * report the first problem as a GlossaryError pointing at the offending node.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Composer, Parser, YAMLParseError } from 'yaml';
import type { CST, Document } from 'yaml';
import { GlossaryError } from '../core/errors.js';
import { closestName } from '../core/suggest.js';
import type { Severity } from '../core/types.js';
import type { AllowedContext, EntryTest, ForbiddenRendering, Glossary, GlossaryEntry, YamlLocation } from './types.js';
import { parseAllowedContext } from './allowed-context.js';
import { isAcronym } from './inflect.js';
import { termKey } from './vi-matcher.js';
import { LineIndex } from '../text/positions.js';
import { describeYamlError } from '../text/yaml-syntax.js';
import { withoutDiacritics } from '../text/vietnamese.js';
import { compileGlossary, compiledGlossaryKey, deferCompiledGlossary, readCompiledGlossary, writeCompiledGlossary } from './compiled.js';
import { quickYamlTree, treeOfYamlNode } from './yaml-tree.js';
import type { YamlMap, YamlNode, YamlPair, YamlScalar, YamlSeq } from './yaml-tree.js';

const TOP_KEYS = ['version', 'name', 'source_language', 'target_language', 'entries'] as const;
const ENTRY_KEYS = [
  'id', 'vi', 'vi_variants', 'en', 'accepted', 'forms', 'forbidden', 'acronym', 'case_sensitive', 'note', 'severity', 'tests',
] as const;
const FORBIDDEN_KEYS = ['text', 'use', 'note', 'allowed_in'] as const;
/** The severities a glossary entry may set. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const TEST_KEYS = ['vi', 'not_vi', 'en', 'not_en', 'fix'] as const;
const FIX_KEYS = ['from', 'to'] as const;

/** Hints for the YAML errors people make most in a glossary. */
const SYNTAX_HINTS: Partial<Record<string, string>> = {
  DUPLICATE_KEY: 'Remove or merge one of the two keys: a key may appear once in an entry, and once at the top of the file.',
  MISSING_CHAR: 'Add what is missing here (a closing quote or bracket, a `-` before a list item) or fix the indentation.',
  BAD_INDENT: 'Indent the keys of one entry by the same number of spaces.',
  MULTILINE_IMPLICIT_KEY: 'Check the indentation and the colon on the line before: a key and its value must stay on one line.',
};

/** How `loadGlossary` reads. */
export interface LoadGlossaryOptions {
  /**
   * A folder for compiled glossaries (the CLI uses `.vitrans-cache/glossaries`): a glossary
   * parsed, validated and compiled once is read back from there, matchers and all, as long as the
   * file, its path and vitrans are unchanged (see ./compiled.ts). Absent: nothing is stored.
   */
  cacheDir?: string;
  /**
   * With `cacheDir`: a new compilation is not written now but when `storeCompiledGlossary` is
   * called with the glossary, so a run that is refused (a dry run, a budget) leaves no file.
   */
  deferStore?: boolean;
}

/**
 * Read and validate a glossary file (UTF-8, a leading BOM is allowed).
 * @throws GlossaryError when the file is missing, unreadable or invalid (with file, line and column).
 * @example const glossary = await loadGlossary('glossary.yaml', { cacheDir: '.vitrans-cache/glossaries' });
 */
export async function loadGlossary(path: string, options: LoadGlossaryOptions = {}): Promise<Glossary> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    if (code === 'ENOENT') {
      throw new GlossaryError(`glossary file not found: ${path}`, {
        location: { file: path },
        hint: 'Check the path, or pass one with --glossary (the project ships glossary.yaml at its root).',
        cause,
      });
    }
    throw new GlossaryError(`cannot read glossary file ${path}: ${(cause as Error).message}`, {
      location: { file: path },
      hint: 'Make sure the path is a readable file.',
      cause,
    });
  }
  const { cacheDir } = options;
  if (cacheDir === undefined) return parseGlossary(bytes.toString('utf8'), path);
  const key = compiledGlossaryKey(bytes, path);
  const cached = await readCompiledGlossary(cacheDir, key);
  if (cached) return cached.glossary;
  const glossary = parseGlossary(bytes.toString('utf8'), path);
  const compiled = compileGlossary(glossary);
  if (options.deferStore) deferCompiledGlossary(cacheDir, key, compiled);
  else await writeCompiledGlossary(cacheDir, key, compiled);
  return glossary;
}

/** Positions and error reporting over one source text. */
class Reporter {
  private readonly lines: LineIndex;
  constructor(
    readonly file: string,
    source: string,
  ) {
    this.lines = new LineIndex(source);
  }

  /** 1-based line and column (in code points, as editors count) of a UTF-16 offset. */
  at(offset: number): YamlLocation {
    const { line, column } = this.lines.position(offset);
    return { file: this.file, line, column };
  }

  /** Where a node starts (a pair: where its key does). */
  of(node: YamlNode | YamlPair | null | undefined, fallback = 0): YamlLocation {
    if (!node) return this.at(fallback);
    if ('kind' in node) return this.at(node.start);
    return this.of(node.key, fallback);
  }

  fail(where: YamlLocation, message: string, hint: string): never {
    throw new GlossaryError(message, { location: { file: where.file, line: where.line, column: where.column }, hint });
  }
}

/**
 * Parse and validate glossary YAML text. `file` is used in error locations and `Glossary.file`.
 * @throws GlossaryError for YAML syntax errors and every schema violation (first one found).
 * @example parseGlossary('version: 1\nentries:\n  - vi: Bộ Quốc phòng\n    en: Ministry of Defense\n', 'g.yaml')
 */
export function parseGlossary(source: string, file: string): Glossary {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const r: Reporter = new Reporter(file, text);
  // The quick reading when the file allows it; on any doubt or problem the `yaml` reading decides,
  // so every message keeps the position (and wording) it has always had.
  const quick = quickYamlTree(text);
  if (quick !== undefined) {
    try {
      return validateGlossary(r, quick, file);
    } catch (e) {
      if (!(e instanceof GlossaryError)) throw e;
    }
  }
  return validateGlossary(r, fullYamlTree(r, text), file);
}

/** The document's tree as `yaml` reads it, or the first syntax error (with its position). */
function fullYamlTree(r: Reporter, text: string): YamlNode | null {
  // The syntax tree first, checked for depth, then composed (as parseDocument does): composing
  // recurses once per level, so a file nested a thousand levels deep would end in a stack overflow.
  const tokens = Array.from(new Parser().parse(text));
  checkNesting(r, tokens);
  const doc = composeDocument(tokens, text);
  const syntax = doc.errors[0];
  if (syntax) {
    const problem = describeYamlError(text, syntax, SYNTAX_HINTS);
    r.fail(r.at(problem.offset), `YAML syntax error: ${problem.message}`, problem.hint);
  }
  return treeOfYamlNode(doc.contents);
}

/** The glossary a document's tree describes, or a GlossaryError for its first problem. */
function validateGlossary(r: Reporter, top: YamlNode | null, file: string): Glossary {
  if (top === null || (isScalar(top) && (top.value === null || top.value === ''))) {
    r.fail(r.at(0), 'glossary is empty', 'Start the file with `version: 1` and an `entries:` list.');
  }
  if (!isMap(top)) r.fail(r.of(top), 'glossary must be a mapping with `version` and `entries`', 'Start the file with `version: 1` and an `entries:` list.');
  const topMap = top as YamlMap;
  checkKeys(r, topMap, TOP_KEYS, 'at the top level');

  const versionPair = pairOf(topMap, 'version');
  if (!versionPair) r.fail(r.at(0), 'missing `version`', 'Add `version: 1` at the top of the file.');
  const versionNode = versionPair.value;
  if (!isScalar(versionNode) || versionNode.value !== 1) {
    r.fail(r.of(versionNode ?? versionPair), 'unsupported glossary `version` (only 1 exists)', 'Write `version: 1`.');
  }
  const name = optionalString(r, topMap, 'name', 'the glossary');
  const sourceLanguage = optionalString(r, topMap, 'source_language', 'the glossary') ?? 'vi';
  const targetLanguage = optionalString(r, topMap, 'target_language', 'the glossary') ?? 'en';

  const entriesPair = pairOf(topMap, 'entries');
  if (!entriesPair) r.fail(r.of(topMap), 'missing `entries`', 'Add an `entries:` list of terms (each with `vi` and `en`).');
  const entriesNode = entriesPair.value;
  if (!isSeq(entriesNode)) {
    r.fail(r.of(entriesNode ?? entriesPair), '`entries` must be a list', 'Write each entry as a list item starting with `- vi: ...`.');
  }
  const entries: ParsedEntry[] = [];
  for (let i = 0; i < entriesNode.items.length; i++) entries.push(parseEntry(r, entriesNode.items[i]!, i + 1, entriesPair));
  checkAcrossEntries(r, entries);
  return {
    file,
    version: 1,
    ...(name !== undefined ? { name } : {}),
    sourceLanguage,
    targetLanguage,
    entries: entries.map((e) => e.entry),
    hash: glossaryHash(sourceLanguage, targetLanguage, entries.map((e) => e.entry)),
  };
}

/**
 * Levels of nesting a glossary may have. It needs seven (the document, its mapping, `entries`, an
 * entry, a list in it, an item, a `fix`); the rest is room, far below what composing can recurse.
 */
export const MAX_GLOSSARY_NESTING = 64;

/** Stops at the first node nested deeper than MAX_GLOSSARY_NESTING, walking the tree without recursion. */
function checkNesting(r: Reporter, tokens: readonly CST.Token[]): void {
  const stack: Array<[CST.Token, number]> = tokens.map((t) => [t, 0]);
  let deepest: CST.Token | undefined;
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (depth > MAX_GLOSSARY_NESTING) {
      if (!deepest || token.offset < deepest.offset) deepest = token;
      continue;
    }
    const children: Array<CST.Token | null | undefined> = [];
    if (token.type === 'document') children.push(token.value);
    else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      for (const item of token.items) children.push('key' in item ? item.key : undefined, item.value);
    }
    for (const child of children) if (child) stack.push([child, depth + 1]);
  }
  if (deepest) {
    r.fail(
      r.at(deepest.offset),
      `the glossary is nested more than ${MAX_GLOSSARY_NESTING} levels deep here`,
      'A glossary needs seven levels at most (entries, their fields, lists of renderings and tests): look for unclosed [ or { brackets, or indentation that keeps growing, above this point.',
    );
  }
}

/** The one document of the token stream, as `parseDocument` composes it. */
function composeDocument(tokens: readonly CST.Token[], text: string): Document.Parsed {
  const composer = new Composer({ prettyErrors: false, uniqueKeys: true });
  let doc: Document.Parsed | undefined;
  for (const d of composer.compose(tokens, true, text.length)) {
    if (!doc) doc = d;
    else {
      doc.errors.push(new YAMLParseError([d.range[0], d.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  return doc!;
}

/** An entry with the nodes needed for cross-entry messages. */
interface ParsedEntry {
  entry: GlossaryEntry;
  // Nodes, not locations: a line and column are worked out only for a message.
  idAt: YamlNode | null | undefined;
  viAt: Array<YamlNode | null | undefined>;
  viTerms: string[];
  /** Where each forbidden rendering is written, parallel to `entry.forbidden`. */
  forbiddenAt: Array<YamlNode | null | undefined>;
  /** englishKey of `en`, then of each accepted rendering and form. */
  approvedKeys: string[];
  /** englishKey of each forbidden rendering, parallel to `entry.forbidden`. */
  forbiddenKeys: string[];
}

function parseEntry(r: Reporter, node: YamlNode | null, index: number, parent: YamlPair): ParsedEntry {
  if (!isMap(node)) {
    r.fail(r.of(node ?? parent), `entry ${index} must be a mapping`, 'Write the entry as `- vi: ...` with `en: ...` below it.');
  }
  const map = node as YamlMap;
  const where = r.of(map);
  const label = `entry ${index}`;
  checkKeys(r, map, ENTRY_KEYS, `in ${label}`);
  const vi = requiredString(r, map, 'vi', label);
  const en = requiredString(r, map, 'en', label);
  const idPair = pairOf(map, 'id');
  let id = optionalString(r, map, 'id', label);
  if (id !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
    r.fail(r.of(idPair?.value), `id "${id}" of ${label} is not kebab-case`, 'Use lower-case letters, digits and single hyphens, e.g. `glide-phase-interceptor`.');
  }
  id ??= slugify(en);
  const viVariants = stringList(r, map, 'vi_variants', label);
  const accepted = stringList(r, map, 'accepted', label);
  const forms = stringList(r, map, 'forms', label);
  const forbidden = forbiddenList(r, map, label);
  const acronym = optionalString(r, map, 'acronym', label);
  if (acronym !== undefined && !isAcronym(acronym)) {
    r.fail(r.of(pairOf(map, 'acronym')?.value), `acronym "${acronym}" of ${label} is not all capitals and digits`, 'Write the acronym in capitals (e.g. `GPI`), or put a mixed-case short form under `accepted`.');
  }
  const caseSensitive = optionalBoolean(r, map, 'case_sensitive', label) ?? false;
  const note = optionalString(r, map, 'note', label);
  const severity = optionalString(r, map, 'severity', label);
  if (severity !== undefined && !SEVERITIES.includes(severity as Severity)) {
    r.fail(r.of(pairOf(map, 'severity')?.value), `severity "${severity}" of ${label} is not one of ${SEVERITIES.join(', ')}`, 'Write `severity: warning` (or error, info); to stop checking a term, remove its entry.');
  }
  const tests = testList(r, map, label);

  const approvedKeys = [en, ...accepted.map((a) => a.value), ...forms.map((f) => f.value)].map(englishKey);
  const forbiddenKeys = forbidden.map((fb) => englishKey(fb.rendering.text));
  for (let k = 0; k < forbidden.length; k++) {
    const clash = approvedIn(forbiddenKeys[k]!, approvedKeys, accepted.length);
    if (clash) {
      const fb = forbidden[k]!;
      r.fail(r.of(fb.at), `"${fb.rendering.text}" in ${label} is both forbidden and approved (in ${clash})`, 'Remove it from one of the two lists.');
    }
  }
  const entry: GlossaryEntry = {
    id,
    vi,
    viVariants: viVariants.map((v) => v.value),
    en,
    accepted: accepted.map((a) => a.value),
    forms: forms.map((f) => f.value),
    forbidden: forbidden.map((f) => f.rendering),
    ...(acronym !== undefined ? { acronym } : {}),
    caseSensitive,
    ...(note !== undefined ? { note } : {}),
    ...(severity !== undefined ? { severity: severity as Severity } : {}),
    tests,
    location: where,
  };
  return {
    entry,
    idAt: idPair ? idPair.value : map,
    viAt: [pairOf(map, 'vi')?.value, ...viVariants.map((v) => v.at)],
    viTerms: [vi, ...viVariants.map((v) => v.value)],
    forbiddenAt: forbidden.map((f) => f.at),
    approvedKeys,
    forbiddenKeys,
  };
}

/**
 * Which list of an entry approves a rendering key: '`accepted`' when one of its accepted
 * renderings has it (a rendering both in `en` and `accepted` is named by the latter), else '`en`'
 * when `en` has it; forms do not count. `approvedKeys` holds `en`'s key, then the accepted ones.
 */
function approvedIn(key: string, approvedKeys: readonly string[], acceptedCount: number): string | undefined {
  for (let k = 1; k <= acceptedCount; k++) if (approvedKeys[k] === key) return '`accepted`';
  return approvedKeys[0] === key ? '`en`' : undefined;
}

function checkAcrossEntries(r: Reporter, entries: ParsedEntry[]): void {
  checkRenderingsAcrossEntries(r, entries);
  const ids = new Map<string, ParsedEntry>();
  const terms = new Map<string, { entry: ParsedEntry; term: string }>();
  for (const p of entries) {
    const first = ids.get(p.entry.id);
    if (first) {
      r.fail(r.of(p.idAt), `duplicate id "${p.entry.id}" (first used by the entry on line ${first.entry.location.line})`, 'Give each entry its own `id`.');
    }
    ids.set(p.entry.id, p);
    p.viTerms.forEach((term, k) => {
      // The matcher's own key: two terms it cannot tell apart must not render differently.
      const key = termKey(term);
      const earlier = terms.get(key);
      if (earlier && earlier.entry !== p && earlier.entry.approvedKeys[0] !== p.approvedKeys[0]) {
        r.fail(
          k < p.viAt.length ? r.of(p.viAt[k]) : p.entry.location,
          `Vietnamese term "${term}" is already the term of the entry on line ${earlier.entry.entry.location.line} ("${earlier.term}" → "${earlier.entry.entry.en}"), with a different rendering "${p.entry.en}"`,
          'Merge the two entries, or make one Vietnamese term more specific.',
        );
      }
      if (!earlier) terms.set(key, { entry: p, term });
    });
  }
}

/**
 * A rendering one entry approves and another forbids cannot be told apart in a translation: the
 * matcher would report it as one of them only. (Within one entry the same rule is checked above.)
 */
function checkRenderingsAcrossEntries(r: Reporter, entries: ParsedEntry[]): void {
  const approvedBy = new Map<string, ParsedEntry>();
  for (const p of entries) {
    for (const key of p.approvedKeys) if (!approvedBy.has(key)) approvedBy.set(key, p);
  }
  for (const p of entries) {
    p.entry.forbidden.forEach((fb, k) => {
      const other = approvedBy.get(p.forbiddenKeys[k]!);
      if (other && other !== p) {
        r.fail(
          k < p.forbiddenAt.length ? r.of(p.forbiddenAt[k]) : p.entry.location,
          `"${fb.text}" is forbidden in the entry on line ${p.entry.location.line} but approved in the entry on line ${other.entry.location.line} ("${other.entry.vi}")`,
          'Make the forbidden rendering more specific (e.g. "Japanese Department of Defense"), or drop it.',
        );
      }
    });
  }
}

/** How the loader compares English renderings: NFC, lower case, hyphens and spaces alike. */
export function englishKey(s: string): string {
  const ascii = asciiEnglishKey(s);
  return ascii ?? s.normalize('NFC').toLowerCase().replace(/[\s\u00A0\u2010-\u2015-]+/gu, ' ').trim();
}

/**
 * englishKey of an ASCII string without a regex or a copy when it is already a key (the loader
 * asks for tens of thousands), or undefined for any other string. In ASCII the separators are
 * the hyphen and the white space characters \t \n \v \f \r and space; NFC changes nothing.
 */
function asciiEnglishKey(s: string): string | undefined {
  let isKey = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return undefined;
    if ((c >= 0x41 && c <= 0x5a) || c === 0x2d || (c >= 0x09 && c <= 0x0d) || (c === 0x20 && (i === 0 || i === s.length - 1 || s.charCodeAt(i + 1) === 0x20))) isKey = false;
  }
  if (isKey) return s;
  let out = '';
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20 || c === 0x2d || (c >= 0x09 && c <= 0x0d)) {
      space = out.length > 0;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += String.fromCharCode(c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
  }
  return out;
}

/** Canonical JSON of what matching depends on (no notes, tests or locations), hashed. */
function glossaryHash(sourceLanguage: string, targetLanguage: string, entries: GlossaryEntry[]): string {
  // The bytes of JSON.stringify({ sourceLanguage, targetLanguage, entries: canonical }), hashed in
  // pieces of about 64 KB: a big glossary's canonical JSON is never one string of megabytes.
  const hash = createHash('sha256');
  let piece = `{"sourceLanguage":${JSON.stringify(sourceLanguage)},"targetLanguage":${JSON.stringify(targetLanguage)},"entries":[`;
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k]!;
    const canonical = {
      id: e.id,
      vi: e.vi,
      viVariants: e.viVariants,
      en: e.en,
      accepted: e.accepted,
      forms: e.forms,
      forbidden: e.forbidden.map((f) => ({ text: f.text, use: f.use ?? null })),
      acronym: e.acronym ?? null,
      caseSensitive: e.caseSensitive,
    };
    piece += (k > 0 ? ',' : '') + JSON.stringify(canonical);
    if (piece.length >= 65_536) {
      hash.update(piece);
      piece = '';
    }
  }
  return hash.update(piece + ']}').digest('hex');
}

/** Kebab-case id from an English rendering: "Glide Phase Interceptor" → "glide-phase-interceptor". */
export function slugify(en: string): string {
  const slug = withoutDiacritics(en)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'entry';
}

// ---- field readers ----

function isMap(node: YamlNode | null | undefined): node is YamlMap {
  return node?.kind === 'map';
}

function isSeq(node: YamlNode | null | undefined): node is YamlSeq {
  return node?.kind === 'seq';
}

function isScalar(node: YamlNode | null | undefined): node is YamlScalar {
  return node?.kind === 'scalar';
}

function keyName(pair: YamlPair): string {
  return pair.name;
}

function pairOf(map: YamlMap, key: string): YamlPair | undefined {
  // A loop, not `find`: the loader asks a dozen times per entry, a hundred thousand times in a big glossary.
  const { pairs } = map;
  for (let k = 0; k < pairs.length; k++) if (pairs[k]!.name === key) return pairs[k];
  return undefined;
}

function checkKeys(r: Reporter, map: YamlMap, known: readonly string[], where: string): void {
  for (const pair of map.pairs) {
    const key = keyName(pair);
    if (known.includes(key)) continue;
    if (key === '<<') {
      // YAML 1.1's merge key: the glossary is read as YAML 1.2, where `<<` is an ordinary (and unknown) key.
      r.fail(r.of(pair.key), `a YAML merge key \`<<\` ${where}: glossaries do not merge mappings`, 'Write the shared keys into the entry itself.');
    }
    const guess = closestName(key, known);
    r.fail(
      r.of(pair.key),
      `unknown key \`${key}\` ${where}`,
      guess ? `Did you mean \`${guess}\`?` : `Use one of: ${known.map((k) => `\`${k}\``).join(', ')}.`,
    );
  }
}

function typeName(node: YamlNode | null | undefined): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'empty';
    if (typeof v === 'number') return `the number ${v}`;
    if (typeof v === 'boolean') return `the boolean ${v}`;
    return `a ${typeof v}`;
  }
  return 'an alias';
}

/** A string scalar's value (NFC, trimmed), or a GlossaryError saying what it is instead. */
function readString(r: Reporter, node: YamlNode | null, pair: YamlPair | undefined, what: string, asWritten = false): string {
  if (!isScalar(node) || typeof node.value !== 'string') {
    if (isScalar(node) && node.value === null) {
      r.fail(r.of(pair ?? node), `${what} is empty`, `Write a value for ${what}, or remove the line.`);
    }
    r.fail(r.of(node ?? pair), `${what} must be a string, not ${typeName(node)}`, 'Quote the value: `"..."`.');
  }
  // Self-test texts stay as written: NFD and stray spaces are what they test.
  const value = asWritten ? node.value : node.value.normalize('NFC').trim();
  if ((asWritten ? value.trim() : value) === '') r.fail(r.of(node), `${what} is empty`, `Write a value for ${what}, or remove the line.`);
  return value;
}

function requiredString(r: Reporter, map: YamlMap, key: string, label: string, asWritten = false): string {
  const pair = pairOf(map, key);
  if (!pair) r.fail(r.of(map), `${label} is missing \`${key}\``, `Add \`${key}: ...\` to ${label}.`);
  return readString(r, pair.value, pair, `\`${key}\` of ${label}`, asWritten);
}

function optionalString(r: Reporter, map: YamlMap, key: string, label: string): string | undefined {
  const pair = pairOf(map, key);
  return pair ? readString(r, pair.value, pair, `\`${key}\` of ${label}`) : undefined;
}

function optionalBoolean(r: Reporter, map: YamlMap, key: string, label: string): boolean | undefined {
  const pair = pairOf(map, key);
  if (!pair) return undefined;
  const node = pair.value;
  if (!isScalar(node) || typeof node.value !== 'boolean') {
    r.fail(r.of(node ?? pair), `\`${key}\` of ${label} must be true or false, not ${typeName(node)}`, `Write \`${key}: true\` or \`${key}: false\`.`);
  }
  return node.value;
}

interface Located<T> {
  value: T;
  /** The node it was read from (its position is worked out only for a message). */
  at: YamlNode | null;
}

function listItems(r: Reporter, map: YamlMap, key: string, label: string): Array<YamlNode | null> {
  const pair = pairOf(map, key);
  if (!pair) return [];
  const node = pair.value;
  if (!isSeq(node)) {
    r.fail(r.of(node ?? pair), `\`${key}\` of ${label} must be a list, not ${typeName(node)}`, `Write each item on its own line as \`- ...\` under \`${key}:\`.`);
  }
  return node.items;
}

function stringList(r: Reporter, map: YamlMap, key: string, label: string): Located<string>[] {
  return listItems(r, map, key, label).map((item, i) => ({
    value: readString(r, item, undefined, `item ${i + 1} of \`${key}\` in ${label}`),
    at: item,
  }));
}

function forbiddenList(r: Reporter, map: YamlMap, label: string): { rendering: ForbiddenRendering; at: YamlNode | null | undefined }[] {
  return listItems(r, map, 'forbidden', label).map((item, i) => {
    const what = `item ${i + 1} of \`forbidden\` in ${label}`;
    if (!isMap(item)) return { rendering: { text: readString(r, item, undefined, what) }, at: item };
    checkKeys(r, item, FORBIDDEN_KEYS, `in ${what}`);
    const text = requiredString(r, item, 'text', what);
    const use = optionalString(r, item, 'use', what);
    const note = optionalString(r, item, 'note', what);
    const allowedIn = allowedContexts(r, item, what);
    return {
      rendering: { text, ...(use !== undefined ? { use } : {}), ...(note !== undefined ? { note } : {}), ...(allowedIn.length > 0 ? { allowedIn } : {}) },
      at: pairOf(item, 'text')?.value,
    };
  });
}

function allowedContexts(r: Reporter, map: YamlMap, what: string): AllowedContext[] {
  return listItems(r, map, 'allowed_in', what).map((item, i) => {
    const pattern = readString(r, item, undefined, `item ${i + 1} of \`allowed_in\` in ${what}`);
    const parsed = parseAllowedContext(pattern);
    if ('error' in parsed) {
      r.fail(r.of(item), `allowed context "${pattern}" in ${what} ${parsed.error}`, 'Write the words around the rendering with "…" in its place, e.g. "known as … until".');
    }
    return parsed;
  });
}

function testList(r: Reporter, map: YamlMap, label: string): EntryTest[] {
  return listItems(r, map, 'tests', label).map((item, i) => {
    const what = `test ${i + 1} of ${label}`;
    if (!isMap(item) || item.pairs.length !== 1) {
      r.fail(r.of(item), `${what} must be a one-key mapping`, 'Write it as `- vi: "..."`, `- not_vi`, `- en`, `- not_en`, or `- fix: { from: "...", to: "..." }`.');
    }
    checkKeys(r, item, TEST_KEYS, `in ${what}`);
    const pair = item.pairs[0]!;
    const kind = keyName(pair) as (typeof TEST_KEYS)[number];
    const { line, column } = r.of(pair.key);
    if (kind === 'fix') {
      const body = pair.value;
      if (!isMap(body)) r.fail(r.of(body ?? pair), `\`fix\` in ${what} must be a mapping with \`from\` and \`to\``, 'Write `- fix: { from: "...", to: "..." }`.');
      checkKeys(r, body, FIX_KEYS, `in \`fix\` of ${what}`);
      const fixLabel = `\`fix\` of ${what}`;
      return { kind, from: requiredString(r, body, 'from', fixLabel, true), to: requiredString(r, body, 'to', fixLabel, true), line, column };
    }
    return { kind, text: readString(r, pair.value, pair, `\`${kind}\` in ${what}`, true), line, column };
  });
}
