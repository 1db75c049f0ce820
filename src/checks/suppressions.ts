/**
 * Suppressions lists (`suppressions:` in vitrans.config.yaml, or a file of their own): each entry
 * names the checks it silences, where (files, a paragraph, a passage, a glossary term) and why.
 * A suppressed finding keeps all its data plus the suppression; an entry that matches nothing in
 * the files it covers is reported as unused. Pure: findings in, findings out.
 */
import type { Finding, Severity } from '../core/types.js';
import { paragraphKey } from './runner.js';
import { closestName } from '../core/suggest.js';
import { INVALID_SUPPRESSION, READER_RULES, SUPPRESSION_RULES, UNUSED_SUPPRESSION } from './inline-suppressions.js';

export { READER_RULES };

/** A file pattern, compiled by whoever knows what paths are relative to. */
export interface FileMatcher {
  /** As written (relative to the config file's folder). */
  pattern: string;
  /** Whether an absolute path matches. */
  matches(absolutePath: string): boolean;
}

/**
 * One entry of a suppressions list. Every field given must match; `rules` and `reason` are required.
 * @example { rules: ['term-forbidden'], files: [matcher], text: 'known as the Vietnam Marine Police until 2013',
 *   reason: 'historical name', at: { file: 'vitrans.config.yaml', line: 12, column: 5, offset: 310 } }
 */
export interface SuppressionRule {
  /** Check ids it suppresses. */
  rules: string[];
  /** Files it applies to (any of them); every file when absent. */
  files?: FileMatcher[];
  /** 1-based paragraph number in the file. */
  paragraph?: number;
  /** A passage of the finding's paragraph (compared with whitespace folded, any case): survives renumbering. */
  text?: string;
  /** Glossary entry id of the finding. */
  term?: string;
  reason: string;
  /** Where the entry is written (`offset`: UTF-16 index into that file's text). */
  at: { file: string; line: number; column: number; offset: number };
}

/** What suppression needs to know of a run. */
export interface SuppressionScope {
  /** The absolute path of a file as findings name it. */
  resolve(file: string): string;
  /** The files this run checked (as findings name them): entries for other files are not stale. */
  checked: readonly string[];
  /** The text of paragraph `paragraph` of `file`, when known. */
  paragraphText(file: string, paragraph: number): string | undefined;
  /** Rule ids that ran: an entry for rules that did not run is not stale. */
  ran: ReadonlySet<string>;
  /** The glossary's entry ids, when known: an entry whose `term` is none of them is invalid. */
  termIds?: readonly string[];
}

/**
 * Marks the findings the list suppresses (those not suppressed already), and appends an
 * `unused-suppression` warning, at the entry, for each entry that matched nothing although its
 * `files` cover a checked file and one of its rules ran (an entry without `files` is never stale).
 * An entry naming a glossary entry `scope.termIds` lacks gets an `invalid-suppression` warning instead.
 */
export function applySuppressionRules(findings: readonly Finding[], rules: readonly SuppressionRule[], scope: SuppressionScope): Finding[] {
  if (rules.length === 0) return [...findings];
  const out = [...findings];
  const absolute = new Map<string, string>();
  const abs = (file: string): string => {
    let a = absolute.get(file);
    if (a === undefined) absolute.set(file, (a = scope.resolve(file)));
    return a;
  };
  const folded = new Map<string, string | undefined>();
  const paragraphOf = (f: Finding): string | undefined => {
    if (f.paragraph === undefined) return undefined;
    const key = `${f.paragraph}\u0000${f.file}`;
    if (!folded.has(key)) folded.set(key, foldPassage(scope.paragraphText(f.file, f.paragraph)));
    return folded.get(key);
  };
  const unused: Finding[] = [];
  const termIds = scope.termIds ? new Set(scope.termIds) : undefined;
  for (const rule of rules) {
    if (rule.term !== undefined && termIds && !termIds.has(rule.term)) {
      const near = closestName(rule.term, scope.termIds!);
      const at = { line: rule.at.line, column: rule.at.column, offset: rule.at.offset };
      unused.push({
        ruleId: INVALID_SUPPRESSION,
        severity: 'warning',
        message: `the suppression of ${rule.rules.join(', ')} names the glossary entry "${rule.term}", which the glossary does not have${near ? ` (did you mean ${near}?)` : ''}: it suppresses nothing`,
        file: rule.at.file,
        span: { start: at, end: at },
      });
      continue;
    }
    const text = rule.text !== undefined ? foldPassage(rule.text) : undefined;
    let used = false;
    out.forEach((f, k) => {
      if (f.suppression || !rule.rules.includes(f.ruleId)) return;
      if (rule.term !== undefined && f.termId !== rule.term) return;
      if (rule.paragraph !== undefined && f.paragraph !== rule.paragraph) return;
      if (rule.files && !rule.files.some((m) => m.matches(abs(f.file)))) return;
      if (text !== undefined && !paragraphOf(f)?.includes(text)) return;
      out[k] = { ...f, suppression: { kind: 'file', reason: rule.reason, at: { file: rule.at.file, line: rule.at.line, column: rule.at.column } } };
      used = true;
    });
    // Only an entry that names its files can tell it is out of date: one without may be meant for
    // articles this run did not check.
    const covers = rule.files !== undefined && scope.checked.some((file) => rule.files!.some((m) => m.matches(abs(file))));
    const ran = rule.rules.some((r) => scope.ran.has(r));
    if (!used && covers && ran) {
      const at = { line: rule.at.line, column: rule.at.column, offset: rule.at.offset };
      unused.push({
        ruleId: UNUSED_SUPPRESSION,
        severity: 'warning',
        message: `the suppression of ${rule.rules.join(', ')} (${rule.reason}) matches no finding: remove it`,
        file: rule.at.file,
        span: { start: at, end: at },
      });
    }
  }
  return [...out, ...unused];
}

function foldPassage(text: string | undefined): string | undefined {
  return text === undefined ? undefined : paragraphKey(text).toLowerCase();
}

const SUPPRESSION_RULE_IDS: ReadonlySet<string> = new Set(SUPPRESSION_RULES.map((r) => r.id));

/**
 * The findings without those suppressions make about themselves (`invalid-suppression`,
 * `unused-suppression`): what a comparison reports, since judging suppressions is `check`'s job.
 */
export function withoutSuppressionFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => !SUPPRESSION_RULE_IDS.has(f.ruleId));
}

/**
 * The `invalid-suppression` and `unused-suppression` findings at the levels `checks:` gives them
 * (`off` leaves them out), as the runner does for the checks' own findings; other findings untouched.
 * @example levelSuppressionFindings(findings, { 'unused-suppression': 'error' })
 */
export function levelSuppressionFindings(findings: readonly Finding[], severity: Readonly<Record<string, Severity | 'off'>> | undefined): Finding[] {
  const levels = Object.entries(severity ?? {}).filter(([id]) => SUPPRESSION_RULE_IDS.has(id));
  if (levels.length === 0) return [...findings];
  const byRule = new Map(levels);
  const out: Finding[] = [];
  for (const f of findings) {
    const level = byRule.get(f.ruleId);
    if (level === undefined) out.push(f);
    else if (level !== 'off') out.push(f.severity === level ? f : { ...f, severity: level });
  }
  return out;
}

/**
 * A suppressions list applied to findings kept in lists (a translation's findings by paragraph, as
 * the bilingual JSON holds them), each list in its order; stale entries are not reported here (see
 * applySuppressionRules: `vitrans check` reports them), and the suppressions' own findings take the
 * levels `checks:` gives them.
 */
export function suppressInLists(
  lists: readonly (readonly Finding[])[],
  rules: readonly SuppressionRule[],
  scope: Pick<SuppressionScope, 'resolve' | 'paragraphText'>,
  severity?: Readonly<Record<string, Severity | 'off'>>,
): Finding[][] {
  const all: Finding[] = [];
  for (const list of lists) for (const f of list) all.push(f);
  const marked = applySuppressionRules(all, rules, { ...scope, checked: [], ran: new Set() });
  let at = 0;
  return lists.map((list) => {
    // Empty lists stay the caller's (often one shared empty list for many paragraphs).
    if (list.length === 0) return list as Finding[];
    const own = marked.slice(at, at + list.length);
    at += list.length;
    return levelSuppressionFindings(own, severity);
  });
}
