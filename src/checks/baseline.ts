/**
 * Baselines (`vitrans check --baseline FILE`): today's findings recorded, so that later runs fail
 * only on new ones. A finding matches a recorded one by file, rule, term, what was found and the
 * text of its paragraph (its `fingerprint`), never by line number, so edits elsewhere in the file
 * change nothing; identical findings are counted. Recorded findings that no longer occur are
 * reported as unused. Pure: the caller reads and writes the file.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { ConfigError } from '../core/errors.js';
import type { Finding, Position } from '../core/types.js';
import { LineIndex } from '../text/positions.js';
import { INVALID_SUPPRESSION, UNUSED_SUPPRESSION } from './inline-suppressions.js';

/** Schema version of the baseline file. */
export const BASELINE_VERSION = 1;

/**
 * One recorded finding (or several identical ones: `count`). `file` is relative to the baseline's
 * folder, with forward slashes; `message` and `paragraph` are for people reading the file.
 * @example { file: 'corpus/a/deepl.en.txt', ruleId: 'term-forbidden', termId: 'state-visit', actual: 'state-level visit',
 *   paragraph: 2, fingerprint: '3f1c0a9e5b7d2e41', count: 1, message: '"state-level visit" is a forbidden rendering …' }
 */
export interface BaselineEntry {
  file: string;
  ruleId: string;
  termId?: string;
  actual?: string;
  paragraph?: number;
  fingerprint: string;
  count: number;
  message: string;
  /** Where the entry's fingerprint is written in the baseline file, when read from one. */
  position?: Position;
}

/** A baseline as read from `file` (absolute path, or as shown to the user). */
export interface Baseline {
  file: string;
  entries: BaselineEntry[];
}

/** How the baseline names the files of a run. */
/**
 * The baseline's name for a file as findings name it (relative to `base`, the folder shown paths
 * are relative to): relative to the baseline's folder, with forward slashes on every system.
 * @example baselineKeyOf('/proj/qa/baseline.json', '/proj')('news/a.en.txt') === '../news/a.en.txt'
 */
export function baselineKeyOf(baselinePath: string, base: string): (file: string) => string {
  return (file) => relative(dirname(baselinePath), resolve(base, file)).split(sep).join('/');
}

export interface BaselineScope {
  /** The baseline's name for a file as findings name it (relative to the baseline's folder). */
  keyOf(file: string): string;
  /** The files this run checked (as findings name them): recorded findings of other files are not stale. */
  checked: readonly string[];
  /** The baseline file as the user should see it, for the suppressions and unused-entry findings. */
  shownFile: string;
}

/**
 * The entries for today's findings: every finding not already suppressed (inline or by a list),
 * suppression directives' own findings left out, identical ones counted, in a stable order.
 */
export function baselineEntries(findings: readonly Finding[], keyOf: (file: string) => string): BaselineEntry[] {
  const byKey = new Map<string, BaselineEntry>();
  for (const f of findings) {
    if (f.suppression || f.ruleId === INVALID_SUPPRESSION || f.ruleId === UNUSED_SUPPRESSION) continue;
    const file = keyOf(f.file);
    const fingerprint = f.fingerprint ?? f.ruleId;
    const key = `${file}\u0000${fingerprint}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.count++;
      continue;
    }
    const entry: BaselineEntry = { file, ruleId: f.ruleId, fingerprint, count: 1, message: f.message };
    if (f.termId !== undefined) entry.termId = f.termId;
    if (f.actual !== undefined) entry.actual = f.actual;
    if (f.paragraph !== undefined) entry.paragraph = f.paragraph;
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort(
    (a, b) => cmp(a.file, b.file) || (a.paragraph ?? 0) - (b.paragraph ?? 0) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The baseline file's text: JSON with one entry per line, so that a review of its diff reads
 * finding by finding.
 */
export function formatBaseline(entries: readonly BaselineEntry[]): string {
  const lines = entries.map((e) => {
    const { position: _position, ...rest } = e;
    const ordered = {
      file: rest.file,
      ruleId: rest.ruleId,
      ...(rest.termId !== undefined ? { termId: rest.termId } : {}),
      ...(rest.actual !== undefined ? { actual: rest.actual } : {}),
      ...(rest.paragraph !== undefined ? { paragraph: rest.paragraph } : {}),
      fingerprint: rest.fingerprint,
      count: rest.count,
      message: rest.message,
    };
    return `    ${JSON.stringify(ordered)}`;
  });
  return `{\n  "version": ${BASELINE_VERSION},\n  "tool": "vitrans",\n  "findings": [\n${lines.join(',\n')}${lines.length ? '\n' : ''}  ]\n}\n`;
}

/**
 * Reads a baseline file's text.
 * @throws ConfigError at file:line:col for text that is not a vitrans baseline.
 */
export function parseBaseline(text: string, file: string): Baseline {
  const lines = new LineIndex(text);
  const fail = (message: string, offset?: number): never => {
    const at = offset === undefined ? undefined : lines.position(offset);
    throw new ConfigError(`not a vitrans baseline: ${message}`, {
      location: { file, ...(at ? { line: at.line, column: at.column } : {}) },
      hint: 'give a file written by `vitrans check --baseline`, or delete it to record a new one',
    });
  };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const position = /position (\d+)/.exec(message);
    return fail(message.split('\n')[0]!, position ? Number(position[1]) : /end of JSON/.test(message) ? text.length : undefined);
  }
  if (typeof doc !== 'object' || doc === null || (doc as { tool?: unknown }).tool !== 'vitrans') return fail('no "tool": "vitrans"', 0);
  const { version, findings } = doc as { version?: unknown; findings?: unknown };
  if (version !== BASELINE_VERSION) return fail(`version ${JSON.stringify(version)} (this vitrans reads version ${BASELINE_VERSION})`, text.indexOf('"version"'));
  if (!Array.isArray(findings)) return fail('"findings" is not a list', Math.max(0, text.indexOf('"findings"')));
  // Where each entry is, for messages about it: the offset of its fingerprint.
  const where = new Map<string, number>();
  for (const m of text.matchAll(/"fingerprint"\s*:\s*"([^"]*)"/g)) if (!where.has(m[1]!)) where.set(m[1]!, m.index);
  const entries = findings.map((raw: unknown, i): BaselineEntry => {
    const e = raw as Partial<BaselineEntry> | null;
    const ok =
      e !== null &&
      typeof e === 'object' &&
      typeof e.file === 'string' &&
      typeof e.ruleId === 'string' &&
      typeof e.fingerprint === 'string' &&
      Number.isInteger(e.count) &&
      (e.count ?? 0) > 0;
    if (!ok) return fail(`finding ${i + 1} lacks a file, ruleId, fingerprint or positive count`, typeof e?.fingerprint === 'string' ? where.get(e.fingerprint) : undefined);
    const offset = where.get(e.fingerprint!);
    const entry: BaselineEntry = { file: e.file!, ruleId: e.ruleId!, fingerprint: e.fingerprint!, count: e.count!, message: typeof e.message === 'string' ? e.message : '' };
    if (typeof e.termId === 'string') entry.termId = e.termId;
    if (typeof e.actual === 'string') entry.actual = e.actual;
    if (typeof e.paragraph === 'number') entry.paragraph = e.paragraph;
    if (offset !== undefined) entry.position = lines.position(offset);
    return entry;
  });
  return { file, entries };
}

/**
 * Marks the findings the baseline holds (identical ones up to the recorded count) as suppressed by
 * it, and appends an `unused-suppression` warning, at its line in the baseline file, for each entry
 * of a checked file that matched fewer findings than recorded (the finding was fixed or changed).
 */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline, scope: BaselineScope): Finding[] {
  const left = new Map<string, { entry: BaselineEntry; count: number }>();
  for (const entry of baseline.entries) {
    const key = `${entry.file}\u0000${entry.fingerprint}`;
    const seen = left.get(key);
    if (seen) seen.count += entry.count;
    else left.set(key, { entry, count: entry.count });
  }
  const keys = new Map<string, string>();
  const keyOf = (file: string): string => {
    let k = keys.get(file);
    if (k === undefined) keys.set(file, (k = scope.keyOf(file)));
    return k;
  };
  const out = findings.map((f) => {
    if (f.suppression || f.ruleId === INVALID_SUPPRESSION || f.ruleId === UNUSED_SUPPRESSION) return f;
    const slot = left.get(`${keyOf(f.file)}\u0000${f.fingerprint ?? f.ruleId}`);
    if (!slot || slot.count === 0) return f;
    slot.count--;
    const p = slot.entry.position;
    const at = { file: scope.shownFile, ...(p ? { line: p.line, column: p.column } : {}) };
    return { ...f, suppression: { kind: 'baseline' as const, reason: 'recorded in the baseline', at } };
  });
  const checked = new Set(scope.checked.map(keyOf));
  for (const { entry, count } of left.values()) {
    if (count === 0 || !checked.has(entry.file)) continue;
    const position = entry.position ?? { line: 1, column: 1, offset: 0 };
    out.push({
      ruleId: UNUSED_SUPPRESSION,
      severity: 'warning',
      message: `${count === entry.count ? 'the' : `${count} of the ${entry.count}`} recorded ${entry.ruleId} finding${entry.count === 1 ? '' : 's'} in ${entry.file}${entry.paragraph !== undefined ? ` ¶${entry.paragraph}` : ''}${entry.actual !== undefined ? ` ("${entry.actual}")` : ''} no longer occur${count === 1 && entry.count === 1 ? 's' : ''}: run with --update-baseline to drop ${count === 1 ? 'it' : 'them'}`,
      file: scope.shownFile,
      span: { start: position, end: position },
    });
  }
  return out;
}
