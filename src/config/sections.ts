/**
 * The config sections that check, compare and translate share: glossary, checks (severity and
 * options per check), suppressions, baseline, output formats, fail level, encodings per file
 * pattern. Each reader validates its node and says where a bad value is (file:line:col);
 * check ids and options are validated against the checks' own declarations.
 */
import path from 'node:path';
import picomatch from 'picomatch';
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { ConfigError } from '../core/errors.js';
import { closestName } from '../core/suggest.js';
import type { Severity } from '../core/types.js';
import { allChecks } from '../checks/registry.js';
import { READER_SEVERITY_RULES } from '../checks/runner.js';
import { resolveCheckOptions } from '../checks/options.js';
import type { Check } from '../checks/types.js';
import { READER_RULES, type FileMatcher, type SuppressionRule } from '../checks/suppressions.js';
import { SUPPRESSION_RULES } from '../checks/inline-suppressions.js';
import { TEXT_ENCODINGS } from '../text/read.js';
import { CHECK_FORMATS, COMPARE_FORMATS, type CheckFormat, type CompareFormat } from '../report/formats.js';
import { CHECK_LEVELS, FAIL_ON_LEVELS, type FailOn } from './levels.js';
import { compileCleanPatterns } from '../formats/clean.js';

export { FAIL_ON_LEVELS, CHECK_LEVELS, type FailOn } from './levels.js';

/** Where a value was written: a place in a config or suppressions file. */
export interface FileOrigin {
  file: string;
  line: number;
  column: number;
  offset: number;
}

/**
 * One check's settings from the config.
 * @example { severity: 'warning', options: { min: 0.4 } }
 */
export interface CheckConfig {
  severity?: Severity | 'off';
  /** Validated against the check's declared options (defaults not applied). */
  options: Record<string, unknown>;
}

import type { EncodingPattern } from '../text/encodings.js';

export type { EncodingPattern };

/** The output formats the config sets, by command. */
export interface FormatConfig {
  check?: CheckFormat;
  compare?: CompareFormat;
}

/** How the section readers report a bad node and record where values are. */
export interface SectionContext {
  file: string;
  at(node: Node | null | undefined): FileOrigin;
  fail(message: string, node: Node | null | undefined, hint?: string): never;
  /** Records where a value (dotted key) was written, for `vitrans config`. */
  origin(key: string, node: Node | null | undefined): void;
}

function isEmpty(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

function keyName(pair: Pair<Node, Node>, ctx: SectionContext): string {
  const k = pair.key;
  if (!isScalar(k) || (typeof k.value !== 'string' && typeof k.value !== 'number')) return ctx.fail('keys must be plain names', k);
  return String(k.value);
}

function stringValue(node: Node | null, what: string, ctx: SectionContext, fallback: Node | null): string {
  if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') return ctx.fail(`${what} must be a non-empty string`, node ?? fallback);
  return node.value;
}

/** `glossary: PATH`, `baseline: PATH`: a path, resolved against the config file's folder. */
export function readPath(node: Node | null, key: string, ctx: SectionContext, fallback: Node): string {
  const value = stringValue(node, `${key} must be a file path:`, ctx, fallback).trim();
  ctx.origin(key, node);
  return path.resolve(path.dirname(ctx.file), value);
}

/** `fail_on: error|warning|never`. */
export function readFailOn(node: Node | null, ctx: SectionContext, fallback: Node): FailOn {
  return oneOf(node, 'fail_on', FAIL_ON_LEVELS, ctx, fallback);
}

function oneOf<T extends string>(node: Node | null, key: string, values: readonly T[], ctx: SectionContext, fallback: Node | null): T {
  const v = isScalar(node) ? node.value : undefined;
  if (typeof v !== 'string' || !values.includes(v as T)) {
    const near = typeof v === 'string' ? closestName(v, values) : undefined;
    return ctx.fail(`${key} must be one of ${values.join(', ')}${near ? ` (did you mean ${near}?)` : ''}`, node ?? fallback);
  }
  ctx.origin(key, node);
  return v as T;
}

/** `format: FORMAT` (the check report's) or `format: { check: FORMAT, compare: FORMAT }`. */
export function readFormat(node: Node | null, ctx: SectionContext, fallback: Node): FormatConfig {
  if (isScalar(node)) return { check: oneOf(node, 'format.check', CHECK_FORMATS, ctx, fallback) };
  if (!isMap(node)) return ctx.fail('format must be a check report format, or a mapping with check: and compare:', node ?? fallback);
  const out: FormatConfig = {};
  for (const pair of (node as YAMLMap).items as Pair<Node, Node>[]) {
    const key = keyName(pair, ctx);
    if (key === 'check') out.check = oneOf(pair.value, 'format.check', CHECK_FORMATS, ctx, pair.key);
    else if (key === 'compare') out.compare = oneOf(pair.value, 'format.compare', COMPARE_FORMATS, ctx, pair.key);
    else ctx.fail(`unknown format key "${key}"`, pair.key, 'format takes check: and compare:');
  }
  return out;
}

/**
 * `checks:`, one key per check id: a level (`term-missing: warning`, `untranslated: off`), or a
 * mapping of `severity:` and the check's options (`length-ratio: { severity: warning, min: 0.4 }`).
 */
export function readChecks(node: Node | null, ctx: SectionContext, fallback: Node, known: readonly Check[] = allChecks()): Record<string, CheckConfig> {
  if (isEmpty(node)) return {};
  if (!isMap(node)) return ctx.fail('checks must map check ids to a severity or to their settings', node ?? fallback);
  const checks = new Map<string, Pick<Check, 'meta'>>(known.map((c) => [c.meta.id, c]));
  // The suppression rules are levelled (or turned off) like checks, but take no options.
  for (const rule of SUPPRESSION_RULES) checks.set(rule.id, { meta: { id: rule.id, description: rule.description, severity: 'warning', fixable: false } });
  const out: Record<string, CheckConfig> = {};
  for (const pair of (node as YAMLMap).items as Pair<Node, Node>[]) {
    const id = keyName(pair, ctx);
    const check = checks.get(id);
    if (!check && READER_SEVERITY_RULES.includes(id)) {
      out[id] = { severity: readerRuleLevel(pair, id, ctx), options: {} };
      continue;
    }
    if (!check) {
      const near = closestName(id, [...checks.keys()]);
      ctx.fail(`unknown check "${id}"${near ? ` (did you mean ${near}?)` : ''}`, pair.key, `known checks: ${[...checks.keys()].join(', ')}`);
    }
    const value = pair.value;
    const settings: CheckConfig = { options: {} };
    if (isScalar(value)) {
      settings.severity = oneOf(value, `checks.${id}.severity`, CHECK_LEVELS, ctx, pair.key);
    } else if (isMap(value)) {
      for (const item of (value as YAMLMap).items as Pair<Node, Node>[]) {
        const name = keyName(item, ctx);
        if (name === 'severity') {
          settings.severity = oneOf(item.value, `checks.${id}.severity`, CHECK_LEVELS, ctx, item.key);
          continue;
        }
        const given = item.value === null ? null : (item.value as Node).toJSON();
        try {
          resolveCheckOptions(check.meta, { [name]: given });
        } catch (err) {
          if (!(err instanceof ConfigError)) throw err;
          // An unknown option is the key's fault; a bad value, the value's.
          const known = Object.prototype.hasOwnProperty.call(check.meta.options ?? {}, name);
          ctx.fail(err.message, known ? (item.value ?? item.key) : item.key, known ? undefined : err.hint);
        }
        settings.options[name] = given;
        ctx.origin(`checks.${id}.${name}`, item.value ?? item.key);
      }
    } else {
      ctx.fail(`checks.${id} must be a severity (${CHECK_LEVELS.join(', ')}) or a mapping of severity and options`, value ?? pair.key);
    }
    out[id] = settings;
  }
  return out;
}

/** A reader rule's level under `checks:` (`tag-mismatch: warning`, or `{ severity: warning }`): it has no options. */
function readerRuleLevel(pair: Pair<Node, Node>, id: string, ctx: SectionContext): Severity | 'off' {
  const value = pair.value;
  if (isScalar(value)) return oneOf(value, `checks.${id}.severity`, CHECK_LEVELS, ctx, pair.key);
  if (!isMap(value)) return ctx.fail(`checks.${id} must be a severity (${CHECK_LEVELS.join(', ')})`, value ?? pair.key);
  let level: Severity | 'off' | undefined;
  for (const item of (value as YAMLMap).items as Pair<Node, Node>[]) {
    const name = keyName(item, ctx);
    if (name !== 'severity') ctx.fail(`${id} has no option "${name}"`, item.key, `${id} takes only severity:`);
    level = oneOf(item.value, `checks.${id}.severity`, CHECK_LEVELS, ctx, item.key);
  }
  return level ?? ctx.fail(`checks.${id} sets no severity`, value);
}

/** What `check` does with XLIFF segments their file protects (translate="no", locked, approved). */
export const PROTECTED_SEGMENT_CHOICES = ['skip', 'check'] as const;

/** The `xliff:` section. */
export interface XliffConfig {
  /** `skip` (default): leave protected segments out of the check; `check`: check them too. */
  protectedSegments?: (typeof PROTECTED_SEGMENT_CHOICES)[number];
}

/** `xliff: { protected_segments: skip|check }`. */
export function readXliffSection(node: Node | null, ctx: SectionContext, fallback: Node): XliffConfig {
  if (isEmpty(node)) return {};
  if (!isMap(node)) return ctx.fail('xliff must be a mapping of XLIFF settings', node ?? fallback, 'e.g. xliff: { protected_segments: check }');
  const out: XliffConfig = {};
  for (const pair of (node as YAMLMap).items as Pair<Node, Node>[]) {
    const key = keyName(pair, ctx);
    if (key === 'protected_segments') out.protectedSegments = oneOf(pair.value, 'xliff.protected_segments', PROTECTED_SEGMENT_CHOICES, ctx, pair.key);
    else {
      const near = closestName(key, ['protected_segments']);
      ctx.fail(`unknown xliff key "${key}"${near ? ` (did you mean ${near}?)` : ''}`, pair.key, 'xliff takes protected_segments: skip|check');
    }
  }
  return out;
}

/** `encodings:`, file pattern → encoding. */
export function readEncodings(node: Node | null, ctx: SectionContext, fallback: Node): EncodingPattern[] {
  if (isEmpty(node)) return [];
  if (!isMap(node)) return ctx.fail('encodings must map file patterns to encodings', node ?? fallback, `e.g. "legacy/*.vi.txt": windows-1258`);
  const out: EncodingPattern[] = [];
  for (const pair of (node as YAMLMap).items as Pair<Node, Node>[]) {
    const pattern = keyName(pair, ctx);
    compileFileMatcher(pattern, path.dirname(ctx.file), ctx, pair.key);
    const encoding = oneOf(pair.value, `encodings.${pattern}`, TEXT_ENCODINGS, ctx, pair.key);
    ctx.origin(`encodings.${pattern}`, pair.key);
    out.push({ pattern, encoding });
  }
  return out;
}

/**
 * A file pattern relative to `base` as a matcher of absolute paths (a pattern without a slash
 * matches the file name in any folder, as in .gitignore).
 */
export function compileFileMatcher(pattern: string, base: string, ctx?: SectionContext, node?: Node | null): FileMatcher {
  let test: (p: string) => boolean;
  // Leading "../" steps move the folder the pattern is relative to.
  let glob = pattern.replace(/\\/g, '/');
  let from = base;
  while (glob.startsWith('../')) {
    glob = glob.slice(3);
    from = path.dirname(from);
  }
  glob = glob.replace(/^(?:\.\/)+/, '');
  try {
    if (glob.trim() === '') throw new Error('the pattern is empty');
    const unclosed = unclosedBracket(glob);
    // picomatch reads an unclosed "[" or "{" as a literal character, so the pattern would match nothing.
    if (unclosed) throw new Error(`"${unclosed}" is never closed (write [${unclosed}] for the character itself)`);
    test = picomatch(glob, { dot: true, basename: !pattern.includes('/') });
  } catch (err) {
    if (ctx) ctx.fail(`bad file pattern "${pattern}": ${(err as Error).message}`, node);
    throw err;
  }
  // README: "a name without "/" matches in any folder", outside the pattern's own folder too.
  if (!pattern.includes('/') && !pattern.includes('\\')) return { pattern, matches: (absolute) => test(path.basename(absolute)) };
  return {
    pattern,
    matches: (absolute) => {
      const rel = path.relative(from, absolute).split(path.sep).join('/');
      return !rel.startsWith('../') && !path.isAbsolute(rel) && test(rel);
    },
  };
}

/**
 * One `sources:` mapping: translations matching `pattern` translate the source at `source`, an
 * absolute path in which `{name}` stands for the translation's file name up to its first dot.
 * @example { pattern: 'drafts/*.en.md', source: '/proj/originals/{name}.vi.md', matcher }
 */
export interface SourceMapping {
  pattern: string;
  source: string;
  matcher: FileMatcher;
  at: FileOrigin;
}

/**
 * `sources:`, translation file pattern → source path (relative to the config file's folder;
 * `{name}` is the translation's name up to its first dot), for translations whose source is not
 * beside them by name: `"drafts/*.en.md": originals/{name}.vi.md`. The first matching pattern wins.
 */
export function readSources(node: Node | null, ctx: SectionContext, fallback: Node): SourceMapping[] {
  if (isEmpty(node)) return [];
  if (!isMap(node)) return ctx.fail('sources must map translation file patterns to source paths', node ?? fallback, 'e.g. "drafts/*.en.md": originals/{name}.vi.md');
  const out: SourceMapping[] = [];
  for (const pair of (node as YAMLMap).items as Pair<Node, Node>[]) {
    const pattern = keyName(pair, ctx);
    const matcher = compileFileMatcher(pattern, path.dirname(ctx.file), ctx, pair.key);
    const value = stringValue(pair.value, `sources.${pattern} must be a source file path:`, ctx, pair.key).trim();
    const unknown = /\{(?!name\})[^}]*\}/.exec(value);
    if (unknown) ctx.fail(`sources.${pattern}: unknown placeholder ${unknown[0]}`, pair.value, 'the only placeholder is {name}: the translation file name up to its first dot');
    ctx.origin(`sources.${pattern}`, pair.value);
    out.push({ pattern, source: path.resolve(path.dirname(ctx.file), value), matcher, at: ctx.at(pair.key) });
  }
  return out;
}

/**
 * The source the config maps a translation (absolute path) to, or undefined.
 * @example mappedSource('/proj/drafts/visit.deepl.en.md', mappings) === '/proj/originals/visit.vi.md'
 */
export function mappedSource(translation: string, mappings: readonly SourceMapping[] | undefined): string | undefined {
  const mapping = mappings?.find((m) => m.matcher.matches(translation));
  if (!mapping) return undefined;
  const name = path.basename(translation).split('.')[0] ?? '';
  return mapping.source.split('{name}').join(name);
}

/** The first `[` or `{` of a glob that no `]` or `}` closes (backslashes are path separators by then). */
function unclosedBracket(glob: string): string | undefined {
  const open: string[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '[' && !open.includes('[')) open.push('[');
    else if (c === ']' && open.at(-1) === '[') open.pop();
    else if (c === '{' && !open.includes('[')) open.push('{');
    else if (c === '}' && open.at(-1) === '{') open.pop();
  }
  return open[0];
}

const SUPPRESSION_KEYS = ['rule', 'file', 'paragraph', 'text', 'term', 'reason'];

/**
 * A suppressions list (`suppressions:` in the config, or the whole of a suppressions file): entries
 * with `rule` (one id or a list), `reason`, and at least one of `file` (patterns relative to the file
 * they are written in), `paragraph` (with `file`), `text` (a passage of the paragraph) or `term`.
 */
export function readSuppressionList(node: Node | null, ctx: SectionContext, fallback: Node | null): SuppressionRule[] {
  if (isEmpty(node)) return [];
  if (!isSeq(node)) return ctx.fail('suppressions must be a list of entries (or the path of a file holding one)', node ?? fallback);
  const known = [...allChecks().map((c) => c.meta.id), ...READER_RULES];
  return node.items.map((item, i) => {
    const label = `suppression ${i + 1}`;
    if (!isMap(item)) return ctx.fail(`${label} must be a mapping with rule:, reason: and where it applies`, item as Node);
    const map = item as YAMLMap;
    const get = (key: string): Pair<Node, Node> | undefined => (map.items as Pair<Node, Node>[]).find((p) => isScalar(p.key) && p.key.value === key);
    for (const pair of map.items as Pair<Node, Node>[]) {
      const key = keyName(pair, ctx);
      if (!SUPPRESSION_KEYS.includes(key)) {
        const near = closestName(key, SUPPRESSION_KEYS);
        ctx.fail(`unknown key "${key}" in ${label}${near ? ` (did you mean ${near}?)` : ''}`, pair.key, `known keys: ${SUPPRESSION_KEYS.join(', ')}`);
      }
    }
    const strings = (pair: Pair<Node, Node> | undefined, what: string): string[] | undefined => {
      if (!pair) return undefined;
      const v = pair.value;
      if (isSeq(v)) return v.items.map((x) => stringValue(x as Node, `each ${what} of ${label}`, ctx, pair.key));
      return [stringValue(v, `${what} of ${label}`, ctx, pair.key)];
    };
    const rulePair = get('rule');
    const rules = strings(rulePair, 'rule');
    if (!rules || rules.length === 0) return ctx.fail(`${label} names no rule`, map, 'add rule: CHECK-ID (e.g. rule: term-forbidden)');
    rules.forEach((r, k) => {
      if (known.includes(r)) return;
      const node = isSeq(rulePair!.value) ? (rulePair!.value.items[k] as Node) : rulePair!.value;
      const near = closestName(r, known);
      ctx.fail(`unknown rule "${r}" in ${label}${near ? ` (did you mean ${near}?)` : ''}`, node, `known rules: ${known.join(', ')}`);
    });
    const reasonPair = get('reason');
    if (!reasonPair) return ctx.fail(`${label} has no reason`, map, 'add reason: why this finding is right here (it is shown with the suppressed finding)');
    const reason = stringValue(reasonPair.value, `reason of ${label}`, ctx, reasonPair.key).trim();
    const rule: SuppressionRule = { rules, reason, at: ctx.at(map) };
    const files = strings(get('file'), 'file');
    if (files) rule.files = files.map((f) => compileFileMatcher(f, path.dirname(ctx.file), ctx, get('file')!.value));
    const paragraphPair = get('paragraph');
    if (paragraphPair) {
      const v = isScalar(paragraphPair.value) ? paragraphPair.value.value : undefined;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) ctx.fail(`paragraph of ${label} must be a paragraph number (1 or more)`, paragraphPair.value ?? paragraphPair.key);
      if (!files) ctx.fail(`${label} names a paragraph but no file`, paragraphPair.key, 'add file: the translation the paragraph number is of');
      rule.paragraph = v as number;
    }
    const text = strings(get('text'), 'text');
    if (text) {
      if (text.length > 1) ctx.fail(`text of ${label} must be one passage`, get('text')!.value);
      rule.text = text[0]!;
    }
    const term = strings(get('term'), 'term');
    if (term) {
      if (term.length > 1) ctx.fail(`term of ${label} must be one glossary entry id`, get('term')!.value);
      rule.term = term[0]!;
    }
    if (!files && rule.text === undefined && rule.term === undefined) {
      ctx.fail(`${label} applies everywhere`, map, `say where with file:, text: or term: (to turn ${rules.join(', ')} off everywhere, write checks: { ${rules[0]}: off })`);
    }
    return rule;
  });
}

/**
 * The `clean:` section: whether check and translate clean their sources (as `--clean`), extra
 * whole-line patterns, and whether the built-in rules apply.
 * @example { enabled: true, patterns: ['Ảnh: .*'], builtinRules: true }
 */
export interface CleanConfig {
  enabled?: boolean;
  patterns?: string[];
  builtinRules?: boolean;
}

const CLEAN_KEYS = ['enabled', 'patterns', 'builtin_rules'];

function booleanValue(node: Node | null, key: string, ctx: SectionContext, fallback: Node): boolean {
  if (!isScalar(node) || typeof node.value !== 'boolean') return ctx.fail(`${key} must be true or false`, node ?? fallback);
  ctx.origin(key, node);
  return node.value;
}

/** `clean:` with `enabled:`, `patterns:` (a list of regular expressions, each checked) and `builtin_rules:`. */
export function readClean(node: Node | null, ctx: SectionContext, fallback: Node): CleanConfig {
  if (isEmpty(node)) return {};
  if (!isMap(node)) return ctx.fail('clean must be a mapping of enabled:, patterns: and builtin_rules:', node ?? fallback);
  const out: CleanConfig = {};
  for (const pair of (node as YAMLMap).items as Pair<Node, Node>[]) {
    const key = keyName(pair, ctx);
    if (key === 'enabled') out.enabled = booleanValue(pair.value, 'clean.enabled', ctx, pair.key);
    else if (key === 'builtin_rules') out.builtinRules = booleanValue(pair.value, 'clean.builtin_rules', ctx, pair.key);
    else if (key === 'patterns') {
      const value = pair.value;
      if (!isSeq(value)) return ctx.fail('clean.patterns must be a list of whole-line regular expressions', value ?? pair.key, 'e.g. patterns: ["Ảnh: .*", "Theo [^,.]{1,30}"]');
      out.patterns = value.items.map((item) => {
        const pattern = stringValue(item as Node, 'each of clean.patterns', ctx, pair.key);
        try {
          compileCleanPatterns([pattern]);
        } catch (err) {
          if (!(err instanceof ConfigError)) throw err;
          ctx.fail(err.message, item as Node, err.hint);
        }
        return pattern;
      });
      ctx.origin('clean.patterns', value);
    } else {
      const near = closestName(key, CLEAN_KEYS);
      ctx.fail(`unknown clean key "${key}"${near ? ` (did you mean ${near}?)` : ''}`, pair.key, `clean takes ${CLEAN_KEYS.join(', ')}`);
    }
  }
  return out;
}
