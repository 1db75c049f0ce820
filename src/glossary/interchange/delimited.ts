/**
 * Glossaries as delimited text: spreadsheets with a header row naming the columns (CSV/TSV, in
 * and out, every glossary.yaml field kept), and the two-column files engines take (DeepL TSV or
 * CSV, Google's unidirectional CSV/TSV and its equivalent-term-sets CSV with a language-code
 * header). Parsing and quoting are csv-parse's and csv-stringify's.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { GlossaryError, InputError } from '../../core/errors.js';
import type { TermPair } from '../../core/types.js';
import type { ForbiddenRendering, Glossary } from '../types.js';
import type { Severity } from '../../core/types.js';
import { SEVERITIES } from '../load.js';
import { parseAllowedContext } from '../allowed-context.js';
import { forbiddenItem, testItem } from './yaml-out.js';
import { emptyDraft, Notices, type EntryDraft, type GlossaryImport, type TestSpec } from './types.js';

/** The columns of vitrans's own spreadsheet export, in order (glossary.yaml's key names). */
export const SPREADSHEET_COLUMNS = ['id', 'vi', 'vi_variants', 'en', 'accepted', 'forms', 'acronym', 'forbidden', 'case_sensitive', 'severity', 'note', 'tests'] as const;
type Column = (typeof SPREADSHEET_COLUMNS)[number];

/** Header names people and tools write, folded (lower case, no spaces, dashes, underscores or brackets), by field. */
const HEADER_ALIASES: Record<Column | 'pos' | 'source_lang' | 'target_lang', string[]> = {
  id: ['id', 'termid', 'conceptid', 'entryid'],
  vi: ['vi', 'vivn', 'vie', 'vietnamese', 'tiếngviệt', 'source', 'sourceterm', 'sourcetext', 'term', 'termvi', 'vietnameseterm'],
  vi_variants: ['vivariants', 'visynonyms', 'vietnamesevariants', 'vietnamesesynonyms', 'sourcevariants', 'sourcesynonyms'],
  en: ['en', 'enus', 'engb', 'eng', 'english', 'tiếnganh', 'target', 'targetterm', 'targettext', 'translation', 'termen', 'englishterm'],
  accepted: ['accepted', 'synonyms', 'englishsynonyms', 'targetsynonyms', 'alternatives', 'alternative', 'variants', 'englishvariants', 'alsoaccepted', 'allowed', 'admitted'],
  forms: ['forms', 'inflectedforms'],
  acronym: ['acronym', 'abbreviation', 'shortform'],
  forbidden: ['forbidden', 'donotuse', 'dontuse', 'deprecated', 'avoid', 'prohibited', 'notallowed', 'incorrect'],
  case_sensitive: ['casesensitive', 'matchcase'],
  severity: ['severity', 'level'],
  note: ['note', 'notes', 'comment', 'comments', 'remark', 'remarks', 'definition', 'description', 'explanation', 'usagenote'],
  tests: ['tests', 'selftests'],
  pos: ['pos', 'partofspeech'],
  source_lang: ['sourcelang', 'sourcelanguage'],
  target_lang: ['targetlang', 'targetlanguage'],
};

const foldHeader = (h: string): string => h.normalize('NFC').toLowerCase().replace(/[\s_\-()[\].]+/g, '');
const FIELD_OF = new Map<string, keyof typeof HEADER_ALIASES>(Object.entries(HEADER_ALIASES).flatMap(([field, names]) => names.map((n) => [n, field as keyof typeof HEADER_ALIASES])));

/** Options for `readDelimited`. */
export interface ReadDelimitedOptions {
  /** `tsv` splits at tabs; `csv` at commas, or at semicolons or tabs when the first line has more of those (Excel in many locales). */
  kind: 'csv' | 'tsv';
}

/** One parsed row: its cells and the 1-based line it starts on. */
interface Row {
  cells: string[];
  line: number;
}

/**
 * Reads a glossary spreadsheet or a two-column engine glossary file.
 * With a header row (any column named `vi`/`Vietnamese`/`source`…, see HEADER_ALIASES): one row
 * per entry; list cells hold one item per line (or items separated by `;` or `|`); columns it
 * cannot map are kept in the note, labelled, and said so. Without: `source,target` rows (DeepL
 * may add `source_lang,target_lang`), rows with the same English being one entry.
 * @throws InputError at file:line for malformed quoting or a file with no Vietnamese column
 */
export function readDelimited(text: string, file: string, options: ReadDelimitedOptions): GlossaryImport {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = options.kind === 'tsv' ? '\t' : sniffDelimiter(body);
  const rows = parseRows(body, file, delimiter);
  const notices = new Notices();
  if (rows.length === 0) throw new InputError('the file has no rows', { location: { file }, hint: 'Pass a glossary with one term pair per row.' });
  const header = rows[0]!.cells.map((c) => FIELD_OF.get(foldHeader(c)));
  // Names come first in a header row; DeepL's `source,target,vi,en` rows have codes only at the end.
  const hasHeader = (header.includes('vi') || header.includes('en')) && (header[0] !== undefined || header[1] !== undefined);
  const entries = hasHeader ? fromSpreadsheet(rows, header, file, notices) : fromPairs(rows, file, notices);
  return { file, format: options.kind, entries, notices: notices.lines() };
}

function sniffDelimiter(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => first.split(c).length - 1;
  const best = [',', ';', '\t'].sort((a, b) => count(b) - count(a))[0]!;
  return count(best) > 0 ? best : ',';
}

function parseRows(text: string, file: string, delimiter: string): Row[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, info: true, relax_column_count: true, skip_empty_lines: true, bom: true }) as unknown as typeof records;
  } catch (err) {
    const e = err as Error & { lines?: number; code?: string };
    throw new InputError(`not a readable ${delimiter === '\t' ? 'TSV' : 'CSV'} file: ${e.message.replace(/\.$/, '')}`, {
      location: { file, ...(e.lines !== undefined ? { line: e.lines, column: 1 } : {}) },
      hint: 'Close the quote or double the quote characters inside quoted fields (""), or save the sheet again as CSV UTF-8.',
      cause: err,
    });
  }
  return records
    .map(({ record, info }) => {
      const breaks = record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
      return { cells: record, line: info.lines - breaks };
    })
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
}

/** A list cell: one item per line, or separated by `;` or `|`; an item in double quotes is a YAML string (it may hold those characters). */
function listCell(cell: string): string[] {
  return cell
    .split(/\r\n|\r|\n/)
    .flatMap((line) => (line.trim().startsWith('"') ? [String(parseYaml(line.trim()))] : line.split(/[;|]/)))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function fromSpreadsheet(rows: Row[], header: (keyof typeof HEADER_ALIASES | undefined)[], file: string, notices: Notices): EntryDraft[] {
  const names = rows[0]!.cells;
  const col = (field: keyof typeof HEADER_ALIASES) => header.indexOf(field);
  if (col('vi') < 0 || col('en') < 0) {
    const missing = col('vi') < 0 ? 'Vietnamese' : 'English';
    throw new InputError(`the header row names no ${missing} column (it names ${names.map((n) => `"${n}"`).join(', ')})`, {
      location: { file, line: rows[0]!.line, column: 1 },
      hint: `Name the columns in the first row, e.g. vi,en (or Vietnamese,English; see the README for all the names vitrans reads).`,
    });
  }
  const seenField = new Set<string>();
  header.forEach((field, i) => {
    if (field === undefined) return;
    // A second column of a field already mapped (two "Notes" columns) goes to the note, labelled.
    if (seenField.has(field) && field !== 'note') header[i] = undefined;
    seenField.add(field);
  });
  const unmapped = header.flatMap((f, i) => (f === undefined ? [i] : []));
  if (unmapped.length > 0) notices.add('columns', `column${unmapped.length > 1 ? 's' : ''} ${unmapped.map((i) => `"${names[i]}"`).join(', ')} kept in each entry's note (vitrans has no field for ${unmapped.length > 1 ? 'them' : 'it'})`);
  const drafts: EntryDraft[] = [];
  for (const row of rows.slice(1)) {
    const origin = { file, line: row.line, column: 1 };
    const cell = (field: keyof typeof HEADER_ALIASES) => (col(field) >= 0 ? (row.cells[col(field)] ?? '').trim() : '');
    const vi = cell('vi');
    const en = cell('en');
    if (vi === '' || en === '') {
      notices.add(vi === '' ? 'no-vi' : 'no-en', `row without ${vi === '' ? 'a Vietnamese' : 'an English'} term skipped`, origin);
      continue;
    }
    const noteParts: string[] = [];
    header.forEach((field, i) => {
      const value = (row.cells[i] ?? '').trim();
      if (value === '') return;
      if (field === 'note') noteParts.push(foldHeader(names[i]!) === 'note' || foldHeader(names[i]!) === 'notes' ? value : `${names[i]!.trim()}: ${value}`);
      else if (field === 'pos') noteParts.push(`Part of speech: ${value}`);
      else if (field === undefined) noteParts.push(`${names[i]!.trim()}: ${value}`);
    });
    const acronym = cell('acronym');
    const id = cell('id');
    drafts.push({
      ...emptyDraft(origin),
      ...(id !== '' ? { id } : {}),
      vi,
      en,
      viVariants: listCell(cell('vi_variants')),
      accepted: listCell(cell('accepted')),
      forms: listCell(cell('forms')),
      forbidden: forbiddenCell(cell('forbidden'), origin, notices),
      ...(acronym !== '' ? { acronym } : {}),
      caseSensitive: /^(true|yes|y|1|x|✓)$/i.test(cell('case_sensitive')),
      ...severityCell(cell('severity'), origin, notices),
      ...(noteParts.length ? { note: noteParts.join('\n') } : {}),
      tests: testsCell(cell('tests'), origin, notices),
    });
    for (const lang of ['source_lang', 'target_lang'] as const) {
      const code = cell(lang);
      if (code !== '' && !new RegExp(lang === 'source_lang' ? '^vi' : '^en', 'i').test(code)) notices.add(`${lang}-${code}`, `rows in language ${code} imported as ${lang === 'source_lang' ? 'Vietnamese' : 'English'}: check them`, origin);
    }
  }
  return drafts;
}

/** Forbidden renderings: one per line; a line `{ text: ..., use: ..., note: ... }` (glossary.yaml's form) keeps the replacement and the reason. */
function forbiddenCell(cell: string, origin: EntryDraft['origin'], notices: Notices): ForbiddenRendering[] {
  return cell
    .split(/\r\n|\r|\n/)
    .flatMap((line): ForbiddenRendering[] => {
      const t = line.trim();
      if (!t.startsWith('{')) return listCell(t).map((text) => ({ text }));
      try {
        const v = parseYaml(t) as Partial<ForbiddenRendering> & { allowed_in?: unknown };
        if (typeof v?.text !== 'string') throw new Error('no text');
        const allowedIn = (Array.isArray(v.allowed_in) ? v.allowed_in : []).map((p) => {
          const parsed = typeof p === 'string' ? parseAllowedContext(p) : { error: 'not a string' };
          if ('error' in parsed) throw new Error(parsed.error);
          return parsed;
        });
        return [{ text: v.text, ...(typeof v.use === 'string' ? { use: v.use } : {}), ...(typeof v.note === 'string' ? { note: v.note } : {}), ...(allowedIn.length ? { allowedIn } : {}) }];
      } catch {
        notices.add('bad-forbidden', `a forbidden item is not { text: ..., use: ..., note: ..., allowed_in: [...] }; taken as written: ${t}`, origin);
        return [{ text: t }];
      }
    });
}

/** Self-tests: one per line, each as glossary.yaml writes a test item (`vi: "..."`, `fix: { from: ..., to: ... }`). */
function testsCell(cell: string, origin: EntryDraft['origin'], notices: Notices): TestSpec[] {
  const out: TestSpec[] = [];
  for (const line of cell.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') continue;
    const spec = parseTest(line.trim());
    if (spec) out.push(spec);
    else notices.add('bad-test', `a self-test is not "vi: ...", "not_vi: ...", "en: ...", "not_en: ..." or "fix: { from: ..., to: ... }"; dropped: ${line.trim()}`, origin);
  }
  return out;
}

/** A test item as glossary.yaml writes one, or undefined. */
export function parseTest(text: string): TestSpec | undefined {
  let v: unknown;
  try {
    v = parseYaml(text.startsWith('{') ? text : `{ ${text} }`);
  } catch {
    return undefined;
  }
  if (!v || typeof v !== 'object') return undefined;
  const [kind, value] = Object.entries(v)[0] ?? [];
  if ((kind === 'vi' || kind === 'not_vi' || kind === 'en' || kind === 'not_en') && typeof value === 'string') return { kind, text: value };
  const fix = value as { from?: unknown; to?: unknown } | undefined;
  if (kind === 'fix' && typeof fix?.from === 'string' && typeof fix.to === 'string') return { kind, from: fix.from, to: fix.to };
  return undefined;
}

/** Headerless `source,target[,source_lang,target_lang]` rows; rows with the same English are one entry (planMerge groups them). */
function fromPairs(rows: Row[], file: string, notices: Notices): EntryDraft[] {
  const drafts: EntryDraft[] = [];
  for (const row of rows) {
    const origin = { file, line: row.line, column: 1 };
    const [vi = '', en = '', sourceLang, targetLang, ...rest] = row.cells.map((c) => c.trim());
    if (row.cells.length === 1) {
      throw new InputError('a row with one column: this is not a source,target glossary', {
        location: origin,
        hint: 'Give two columns (Vietnamese, English) per row, or a header row naming the columns.',
      });
    }
    if (vi === '' || en === '') {
      notices.add('pair-empty', 'row with an empty term skipped', origin);
      continue;
    }
    if ((sourceLang && !/^vi/i.test(sourceLang)) || (targetLang && !/^en/i.test(targetLang))) {
      notices.add(`pair-lang-${sourceLang}-${targetLang}`, `rows marked ${sourceLang} → ${targetLang} skipped: vitrans imports Vietnamese → English`, origin);
      continue;
    }
    if (rest.some((c) => c !== '')) notices.add('pair-extra', 'columns after the fourth are not imported', origin);
    drafts.push({ ...emptyDraft(origin), vi, en });
  }
  return drafts;
}

// ---- writing ----

/**
 * Source→target pairs: each entry's `vi` and every `vi_variants` item → its `en`, in glossary
 * order, identical pairs once.
 * @example termPairs(glossary)[0] → { source: 'Thiết bị đánh chặn pha bay', target: 'Glide Phase Interceptor' }
 */
export function termPairs(glossary: Glossary): TermPair[] {
  // Sources in NFC, each pair once. The loader already refuses one source with two renderings;
  // the exports check it again for glossaries built in code.
  const pairs: TermPair[] = [];
  const seen = new Set<string>();
  for (const entry of glossary.entries) {
    for (const vi of [entry.vi, ...entry.viVariants]) {
      const source = vi.normalize('NFC');
      const key = `${source}\u0000${entry.en}`;
      if (seen.has(key)) continue;
      seen.add(key);
      pairs.push({ source, target: entry.en });
    }
  }
  return pairs;
}

const CSV_QUOTING = { quoted_match: /[\r\n]/ } as const;

/**
 * Google Cloud Translation's glossary CSV: `source,target` rows for a unidirectional glossary,
 * no header unless `header` (then `vi,en`, for an equivalent-term-sets glossary), RFC 4180
 * quoting, CRLF line ends.
 */
export function googleCsv(glossary: Glossary, header = false): string {
  const rows = [...(header ? [[glossary.sourceLanguage, glossary.targetLanguage]] : []), ...termPairs(glossary).map((p) => [p.source, p.target])];
  return stringify(rows, { record_delimiter: '\r\n', ...CSV_QUOTING });
}

/**
 * DeepL's glossary TSV: `source<TAB>target` per line, no header, validated as DeepL requires.
 * @throws GlossaryError when an entry has a tab, line break or control character, or a source repeats with another target
 */
export function deeplTsv(glossary: Glossary): string {
  const pairs = termPairs(glossary);
  const targets = new Map<string, string>();
  const entryOf = (term: string) => glossary.entries.find((e) => e.vi === term || e.viVariants.includes(term) || e.en === term);
  for (const { source, target } of pairs) {
    for (const term of [source, target]) {
      const bad = forbiddenCharIn(term);
      if (bad !== undefined) {
        const entry = entryOf(term);
        throw new GlossaryError(
          `DeepL glossary entries cannot contain ${describeChar(bad)}: ${JSON.stringify(term)}`,
          { location: { file: glossary.file, ...(entry ? { line: entry.location.line, column: entry.location.column } : {}) }, hint: 'Remove the character from the term.' },
        );
      }
    }
    const earlier = targets.get(source);
    if (earlier !== undefined && earlier !== target) {
      const entry = glossary.entries.find((e) => (e.vi === source || e.viVariants.includes(source)) && e.en === target);
      throw new GlossaryError(`DeepL glossaries allow one target per source, but "${source}" maps to "${earlier}" and "${target}"`, {
        location: { file: glossary.file, ...(entry ? { line: entry.location.line, column: entry.location.column } : {}) },
        hint: 'Keep one rendering for this Vietnamese term (or put the other under `accepted`).',
      });
    }
    targets.set(source, target);
  }
  return pairs.map((p) => `${p.source}\t${p.target}`).join('\n') + (pairs.length > 0 ? '\n' : '');
}

/** C0/C1 controls (tab and newlines included) and the Unicode line/paragraph separators: DeepL refuses them in entries. */
function forbiddenCharIn(term: string): string | undefined {
  for (const c of term) {
    const code = c.charCodeAt(0);
    if (code <= 0x1f || (code >= 0x80 && code <= 0x9f) || code === 0x2028 || code === 0x2029) return c;
  }
  return undefined;
}

function describeChar(c: string): string {
  if (c === '\t') return 'a tab';
  if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029') return 'a line break';
  return `the control character U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A list item for a spreadsheet cell: quoted (YAML) when it holds a separator or starts like a quoted or mapped item. */
function listItem(s: string): string {
  return /[;|\r\n]|^\s|\s$|^["{]/.test(s) ? JSON.stringify(s) : s;
}

function forbiddenLine(f: ForbiddenRendering): string {
  const item = forbiddenItem(f);
  if (typeof item === 'string' && !/^[{"]|[;|]|^\s|\s$/.test(f.text)) return f.text;
  return stringifyYaml(typeof item === 'string' ? { text: item } : item, { collectionStyle: 'flow', lineWidth: 0 }).trim();
}

/** The severity column: glossary.yaml's `severity` (error, warning, info); anything else is reported and dropped. */
function severityCell(cell: string, origin: EntryDraft['origin'], notices: Notices): { severity?: Severity } {
  const v = cell.trim().toLowerCase();
  if (v === '') return {};
  if ((SEVERITIES as readonly string[]).includes(v)) return { severity: v as Severity };
  notices.add('bad-severity', `a severity is error, warning or info; dropped: ${cell.trim()}`, origin);
  return {};
}

/**
 * The glossary as a spreadsheet (vitrans's own columns, SPREADSHEET_COLUMNS), every field kept:
 * lists one item per line in their cell, forbidden renderings with a replacement or a reason and
 * self-tests written as in glossary.yaml. UTF-8 with a byte-order mark (so Excel reads the
 * Vietnamese right) and CRLF line ends; `tsv` separates with tabs.
 */
export function spreadsheet(glossary: Glossary, kind: 'csv' | 'tsv'): string {
  const rows = glossary.entries.map((e): Record<Column, string> => ({
    id: e.id,
    vi: e.vi,
    vi_variants: e.viVariants.map(listItem).join('\n'),
    en: e.en,
    accepted: e.accepted.map(listItem).join('\n'),
    forms: e.forms.map(listItem).join('\n'),
    acronym: e.acronym ?? '',
    forbidden: e.forbidden.map(forbiddenLine).join('\n'),
    case_sensitive: e.caseSensitive ? 'true' : '',
    severity: e.severity ?? '',
    note: e.note ?? '',
    tests: e.tests.map((t) => stringifyYaml(testItem(t), { collectionStyle: 'flow', lineWidth: 0 }).trim().replace(/^\{ ?|\s?\}$/g, '')).join('\n'),
  }));
  const body = stringify([[...SPREADSHEET_COLUMNS], ...rows.map((r) => SPREADSHEET_COLUMNS.map((c) => r[c]))], {
    delimiter: kind === 'tsv' ? '\t' : ',',
    record_delimiter: '\r\n',
    ...CSV_QUOTING,
  });
  return '\uFEFF' + body;
}
