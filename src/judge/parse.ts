/**
 * Reading a judge's answer: JSON mode answers parse directly; other servers' answers may wrap the
 * JSON in prose or code fences, name fields and categories their own way, or refuse. Whatever
 * cannot be used is counted, never guessed.
 */
import type { JudgeError, MqmCategory, MqmSeverity } from './types.js';

/** What an answer came to. */
export type ParsedAnswer =
  | { status: 'judged'; errors: JudgeError[]; dropped: number }
  | { status: 'refused'; note: string }
  | { status: 'unreadable'; note: string };

/** How many places a JSON value may start at before the answer counts as unreadable (keeps reading linear). */
const MAX_JSON_STARTS = 16;

/** Phrases a chat model refuses with, when it says so in prose. */
const REFUSAL = /^\s*(?:I(?:'|’)m sorry|I am sorry|Sorry,|I can(?:no|')t|I cannot|I am unable|I'm unable|I won(?:'|’)t|As an AI)/i;

/**
 * Reads the judge's answer.
 * @example parseJudgeAnswer('```json\n{"errors": []}\n```') → { status: 'judged', errors: [], dropped: 0 }
 * @example parseJudgeAnswer("I'm sorry, but I can't help with that.") → { status: 'refused', note: "I'm sorry, but I can't help with that." }
 */
export function parseJudgeAnswer(content: string, refusal?: string): ParsedAnswer {
  if (refusal !== undefined && refusal.trim() !== '') return { status: 'refused', note: oneLine(refusal) };
  const value = findJson(content);
  if (value === undefined) {
    if (REFUSAL.test(content)) return { status: 'refused', note: oneLine(content) };
    return { status: 'unreadable', note: content.trim() === '' ? 'the answer was empty' : `no JSON in the answer: ${JSON.stringify(oneLine(content))}` };
  }
  const items = errorList(value);
  if (items === undefined) return { status: 'unreadable', note: 'the answer\'s JSON holds no list of errors' };
  const errors: JudgeError[] = [];
  let dropped = 0;
  for (const item of items) {
    const error = readError(item);
    if (error === 'no-error') continue;
    if (error === undefined) dropped++;
    else errors.push(error);
  }
  return { status: 'judged', errors, dropped };
}

/** A text as one line of at most 200 characters, for notes. */
function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/**
 * The first JSON object or array in the text: the whole text, a fenced block, or a balanced
 * `{…}`/`[…]` inside prose.
 */
function findJson(text: string): unknown {
  const whole = tryParse(text.trim());
  if (whole !== undefined) return whole;
  for (const m of text.matchAll(/```[\w-]*[ \t]*\n?([\s\S]*?)```/g)) {
    const fenced = tryParse(m[1]!.trim());
    if (fenced !== undefined) return fenced;
  }
  let starts = 0;
  for (let i = 0; i < text.length && starts < MAX_JSON_STARTS; i++) {
    const c = text[i];
    if (c !== '{' && c !== '[') continue;
    starts++;
    const end = balancedEnd(text, i);
    if (end < 0) continue;
    const value = tryParse(text.slice(i, end + 1));
    if (value !== undefined && typeof value === 'object') return value;
  }
  return undefined;
}

function tryParse(text: string): unknown {
  if (text === '' || (text[0] !== '{' && text[0] !== '[')) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Index of the bracket closing the one at `start` (strings and escapes respected), or -1. */
function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** The list of errors in the answer: `{"errors": [...]}`, a bare array, or an object's only array. */
function errorList(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  for (const key of ['errors', 'annotations', 'issues', 'error_spans', 'mqm']) if (Array.isArray(record[key])) return record[key] as unknown[];
  const arrays = Object.values(record).filter(Array.isArray);
  if (arrays.length === 1) return arrays[0] as unknown[];
  // An object with no list at all but a "no errors" marker is an empty list.
  if (arrays.length === 0 && Object.keys(record).length === 0) return [];
  return undefined;
}

function field(item: Record<string, unknown>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const v = item[name];
    if (typeof v === 'string') return v;
  }
  return undefined;
}

/** One item of the list as a JudgeError; 'no-error' for an explicit "no error" entry; undefined when unusable. */
function readError(item: unknown): JudgeError | 'no-error' | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const record = item as Record<string, unknown>;
  const label = (field(record, ['category', 'type', 'error_type', 'error_category']) ?? '').trim();
  const category = categoryOf(label);
  if (category === 'no-error') return 'no-error';
  const severityText = (field(record, ['severity', 'level']) ?? '').trim().toLowerCase();
  if (/^(?:no[-_ ]?error|none|neutral)$/.test(severityText)) return 'no-error';
  const severity = severityOf(severityText);
  if (severity === undefined) return undefined;
  const span = (field(record, ['span', 'text', 'error_span', 'translation_span', 'target', 'quote']) ?? '').normalize('NFC');
  const sourceSpan = field(record, ['source', 'source_span', 'source_text'])?.normalize('NFC').trim();
  const explanation = field(record, ['explanation', 'comment', 'reason', 'note', 'description'])?.trim();
  const side = category === 'accuracy/omission' ? 'source' : 'translation';
  // An omission quoted only as its source words is still an omission.
  const quoted = span.trim() === '' && side === 'source' && sourceSpan ? sourceSpan : span;
  return {
    category,
    label: label || 'unlabelled',
    severity,
    span: quoted,
    side,
    ...(sourceSpan ? { sourceSpan } : {}),
    ...(explanation ? { explanation } : {}),
  };
}

/**
 * A category as the judge wrote it ("Accuracy/Mistranslation", "accuracy - omission",
 * "Fluency: Spelling", "terminology/inconsistent use") mapped onto the typology; `other` when it
 * names none of it.
 * @example categoryOf('Accuracy > Mistranslation') === 'accuracy/mistranslation'
 */
export function categoryOf(label: string): MqmCategory | 'no-error' {
  const l = label.toLowerCase();
  if (/^\s*(?:no[-_ ]?error|none)\s*$/.test(l)) return 'no-error';
  if (/mistranslat/.test(l)) return 'accuracy/mistranslation';
  if (/omission|omitted/.test(l)) return 'accuracy/omission';
  if (/addition|added/.test(l)) return 'accuracy/addition';
  if (/untranslat/.test(l)) return 'accuracy/untranslated';
  if (/grammar/.test(l)) return 'fluency/grammar';
  if (/spelling|typo/.test(l)) return 'fluency/spelling';
  if (/punctuation/.test(l)) return 'fluency/punctuation';
  if (/terminolog/.test(l)) return 'terminology';
  if (/locale|convention/.test(l)) return 'locale-convention';
  if (/^\s*style|awkward|register/.test(l)) return 'style';
  return 'other';
}

function severityOf(text: string): MqmSeverity | undefined {
  if (text === 'minor' || text === 'major' || text === 'critical') return text;
  return undefined;
}
