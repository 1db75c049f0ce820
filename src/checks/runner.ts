/**
 * The check kernel: aligns a source with a translation, runs the matchers once over each whole
 * document, hands every paragraph pair to the checks, and turns their reports into Findings
 * with line:column positions in the files as the user has them.
 */
import { hash } from 'node:crypto';
import type { Finding, Paragraph, Position, Severity } from '../core/types.js';
import { splitParagraphs } from '../text/paragraphs.js';
import { LineIndex } from '../text/positions.js';
import { isSpaceCode } from '../text/chars.js';
import { assertAligned } from '../text/align.js';
import type { ViMatcher } from '../glossary/vi-matcher.js';
import type { EnMatcher } from '../glossary/en-matcher.js';
import { matchersFor } from '../glossary/compiled.js';
import type { Glossary, GlossaryEntry, RenderingMatch, TermMatch } from '../glossary/types.js';
import { renderingLabel } from './renderings.js';
import { allotShortMentions, firstFullRendering, isFullRendering, type ShortMentionNeed } from '../glossary/short-reference.js';
import { allChecks } from './registry.js';
import { resolveCheckOptions } from './options.js';
import { applyInlineSuppressions, blankInlineSuppressions, findInlineSuppressions } from './inline-suppressions.js';
import type { Check, CheckContext, CheckOptionValues, ParagraphPair, ReportDescriptor } from './types.js';
import { TAG_MISMATCH } from '../formats/tags.js';
import { isMarkdownFile } from '../formats/markdown/checkable.js';

/**
 * Rules a file's reader reports (not checks over paragraphs) whose severity `checks:` sets like a
 * check's, `off` included: an XLIFF's `tag-mismatch`.
 */
export const READER_SEVERITY_RULES: readonly string[] = [TAG_MISMATCH];

/** A glossary with its matchers built once, and the checks to run with their options. */
export interface CheckTools {
  glossary: Glossary;
  vi: ViMatcher;
  en: EnMatcher;
  checks: Check[];
  /** Options by check id, defaults applied. */
  options: ReadonlyMap<string, CheckOptionValues>;
  /** Severity by check id where the user set one: it replaces what the check reports (an entry's own `severity` still wins). */
  severities?: ReadonlyMap<string, Severity>;
  /** Reader rules (READER_SEVERITY_RULES) turned off in `checks:`. */
  offRules?: ReadonlySet<string>;
}

/**
 * What to run besides the glossary: which checks, with which options and severities (by check id).
 * A severity of `off` leaves the check out.
 * @example { options: { 'length-ratio': { min: 0.4 } }, severity: { 'term-missing': 'warning', untranslated: 'off' } }
 */
export interface CheckSettings {
  checks?: Check[];
  options?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  severity?: Readonly<Record<string, Severity | 'off'>>;
}

/**
 * Builds the matchers for a glossary (the expensive part: once per Glossary object, and not at
 * all for one read from a compiled-glossary cache) and resolves each check's options.
 * @throws ConfigError for an unknown option or a value of the wrong type.
 */
export function createCheckTools(glossary: Glossary, settings: CheckSettings | Check[] = {}): CheckTools {
  const { checks: given = allChecks(), options = {}, severity = {} } = Array.isArray(settings) ? { checks: settings } : settings;
  const checks = given.filter((c) => severity[c.meta.id] !== 'off');
  const resolved = new Map(checks.map((c) => [c.meta.id, resolveCheckOptions(c.meta, options[c.meta.id] ?? {})]));
  const severities = new Map<string, Severity>();
  for (const [id, level] of Object.entries(severity)) if (level !== 'off') severities.set(id, level);
  const offRules = new Set(READER_SEVERITY_RULES.filter((id) => severity[id] === 'off'));
  const { vi, en } = matchersFor(glossary);
  return { glossary, vi, en, checks, options: resolved, severities, offRules };
}

/**
 * A text file in memory. `paragraphs`, when given, are its segments as its format defines them
 * (the units of a bilingual file, with ids), slices of `text`; otherwise `text` is split at
 * blank lines. Formats that hold more than the text (XML) give a `text` of the file's length with
 * everything but the segments blanked out, so offsets stay those of the file.
 */
export interface TextDocument {
  file: string;
  text: string;
  paragraphs?: readonly Paragraph[];
}

/** A source document split and matched once, reused for each of its translations. */
export interface PreparedSource extends TextDocument {
  paragraphs: readonly Paragraph[];
  /** Glossary terms, whole document, in text order. */
  terms: TermMatch[];
  lines: LineIndex;
}

/** How one source term occurrence was rendered, for the corpus-wide summary. */
export interface TermOutcome {
  termId: string;
  /** The rendering found, or undefined when none was. */
  rendering?: string;
  approved: boolean;
  /** The rendering is a short second mention of a full one ("the ministry"), as term-missing counts it. */
  secondMention?: true;
}

/**
 * One run of the checker over many translations (`vitrans check DIR`): checks that compare
 * across articles keep their state here. Give the same run to every `checkTranslation` of the
 * corpus; a translation checked without one is compared with itself only.
 */
export interface CheckRun {
  /** Each check's run state, by check id (see `CheckContext.runState`). */
  readonly states: Map<string, unknown>;
}

/** A fresh run, for checking the translations of one corpus. */
export function createCheckRun(): CheckRun {
  return { states: new Map() };
}

/**
 * The series a translation belongs to (see `CheckContext.series`): its engine when known, else its
 * file name without the source's own stem, so `a/reference.en.txt` and `b/reference.en.txt` are
 * one series and so are `x.en.txt` and `y.en.txt` beside `x.vi.txt` and `y.vi.txt`.
 * @example translationSeries('corpus/a/source.vi.txt', 'corpus/a/reference.en.txt') === 'reference.en.txt'
 * @example translationSeries('news/x.vi.md', 'news/x.deepl.en.md') === '.deepl.en.md'
 */
export function translationSeries(sourceFile: string, translationFile: string, engine?: string): string {
  if (engine) return `engine:${engine}`;
  const name = (path: string): string => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const target = name(translationFile);
  const stem = name(sourceFile).replace(/(?:\.vi)?\.[^.]*$/i, '');
  return stem !== '' && target.startsWith(`${stem}.`) ? target.slice(stem.length) : target;
}

/**
 * Findings and term outcomes of one translation. Findings suppressed inline are among `findings`,
 * marked with their `suppression`; malformed or unused directives are findings of their own.
 */
export interface TranslationCheck {
  source: string;
  translation: string;
  findings: Finding[];
  outcomes: TermOutcome[];
  /** The translation's paragraphs as checked (directives blanked), for suppressions that name a passage. */
  paragraphs: readonly Paragraph[];
}

/** Splits and matches a source document. */
export function prepareSource(doc: TextDocument, tools: CheckTools): PreparedSource {
  return { ...doc, paragraphs: doc.paragraphs ?? splitParagraphs(doc.text), terms: tools.vi.find(doc.text), lines: new LineIndex(doc.text) };
}

/** A translation to check: its text, and optionally the engine that made it and its series. */
/**
 * A translation to check. `markdown` says it is read as Markdown when its name does not tell (a
 * Markdown output kept inside a bilingual JSON, `FILE.json#engine`); absent: by its name.
 * `position` says where offsets of the checked texts stand in the file when the texts are not the
 * file's (a TMX or XLIFF file's segments), so places a check names in a message are the file's.
 */
export type TranslationDocument = TextDocument & {
  engine?: string;
  series?: string;
  markdown?: boolean;
  position?: (offset: number, side: 'source' | 'target') => Position;
};

/**
 * Checks one translation of a prepared source. Give every translation of a corpus the same `run`
 * so that checks comparing across articles see them all.
 * @throws AlignmentError when the paragraph counts differ.
 */
export function checkTranslation(
  source: PreparedSource,
  translation: TranslationDocument,
  tools: CheckTools,
  run: CheckRun = createCheckRun(),
  memo?: CheckMemo,
): TranslationCheck {
  // Suppression directives are read first and blanked: they are no translation text.
  const directives = findInlineSuppressions(translation.text, knownRules(tools));
  const text = blankInlineSuppressions(translation.text, directives);
  const targetParagraphs = translation.paragraphs ?? splitParagraphs(text, directives);
  const document = tools.en.index(text);
  // Each paragraph's matches are a range of the document's, cut out when its pair is made: one
  // array per paragraph and side, kept through the check, cost more than the matches themselves.
  const sourceTerms = new ParagraphMatches(source.terms, source.paragraphs);
  const renderings = new ParagraphMatches(document.matches, targetParagraphs);
  if (source.paragraphs.length !== targetParagraphs.length) {
    // Glossary terms on both sides are the best anchors for finding where a paragraph went missing.
    const anchors = (matches: ParagraphMatches<TermMatch | RenderingMatch>, count: number): string[][] => Array.from({ length: count }, (_, i) => matches.of(i).map((m) => m.entry.id));
    assertAligned(
      { file: source.file, paragraphs: source.paragraphs, anchors: anchors(sourceTerms, source.paragraphs.length) },
      { file: translation.file, paragraphs: targetParagraphs, anchors: anchors(renderings, targetParagraphs.length) },
    );
  }

  const targetLines = new LineIndex(text);
  const findings: Finding[] = [];
  const pairAt = (i: number): ParagraphPair => ({
    index: i + 1,
    source: source.paragraphs[i]!,
    target: targetParagraphs[i]!,
    terms: sourceTerms.of(i),
    renderings: renderings.of(i),
  });
  let current: ParagraphPair | undefined;
  const entries = new Map(tools.glossary.entries.map((e) => [e.id, e]));
  const fingerprints = new ParagraphFingerprints(targetParagraphs);
  // Which check made each finding (its place in tools.checks, found by its rule: a map over every
  // finding cost some 40 bytes each): findings at one offset are listed in check order, whichever
  // handler reported them.
  const checkOrder = new Map<string, number>();
  tools.checks.forEach((c, i) => {
    if (!checkOrder.has(c.meta.id)) checkOrder.set(c.meta.id, i);
  });
  const madeBy = (f: Finding): number => checkOrder.get(f.ruleId) ?? tools.checks.length;
  const place = (check: Check, d: ReportDescriptor, pair: ParagraphPair): Finding => {
    const finding = toFinding(check, d, pair, source, translation, targetLines);
    const entrySeverity = finding.termId !== undefined ? entries.get(finding.termId)?.severity : undefined;
    finding.severity = entrySeverity ?? tools.severities?.get(check.meta.id) ?? finding.severity;
    finding.fingerprint = fingerprints.of(finding, pair.index - 1);
    return finding;
  };
  const series = translation.series ?? translationSeries(source.file, translation.file, translation.engine);

  // Reports of a paragraph-scoped check, kept per pair for the next check of this document (the
  // editor's): on a hit the handler is not called and the kept reports are placed again.
  let recording: ReportDescriptor[] | undefined;
  memo?.begin(tools);
  const handlers = tools.checks.map((check) => {
    const context: CheckContext = {
      glossary: tools.glossary,
      sourceFile: source.file,
      targetFile: translation.file,
      targetMarkdown: translation.markdown ?? isMarkdownFile(translation.file),
      sourceText: source.text,
      targetText: text,
      options: tools.options.get(check.meta.id) ?? {},
      document,
      series,
      runState: <T>(create: () => T): T => {
        if (!run.states.has(check.meta.id)) run.states.set(check.meta.id, create());
        return run.states.get(check.meta.id) as T;
      },
      position: (offset, side) => translation.position?.(offset, side) ?? (side === 'source' ? source.lines : targetLines).position(offset),
      report: (d) => {
        const index = d.paragraph ?? current?.index;
        if (index === undefined || index < 1 || index > source.paragraphs.length) {
          throw new Error(`check ${check.meta.id} reported for paragraph ${String(index)} of ${source.paragraphs.length}`);
        }
        const pair = current?.index === index ? current : pairAt(index - 1);
        if (recording) recording.push(relativeTo(d, pair, -1));
        findings.push(place(check, d, pair));
      },
    };
    const handlers = check.create(context);
    const memoized = memo !== undefined && check.meta.paragraphScoped === true && handlers.paragraph !== undefined && handlers.end === undefined;
    const contributes = handlers.contribute !== undefined && handlers.contributed !== undefined;
    const scope = memo && (memoized || contributes) ? memo.scope(`${check.meta.id}${contributes ? '\0summary' : ''}\0${check.documentKey?.(context) ?? ''}`) : undefined;
    return { check, handlers, scope, summaries: contributes ? new Array<unknown>(source.paragraphs.length) : undefined };
  });

  const outcomes: TermOutcome[] = [];
  const renderedSoFar = new Set<string>();
  for (let i = 0; i < source.paragraphs.length; i++) {
    current = pairAt(i);
    let pairKey: string | undefined;
    for (const { check, handlers: h, scope, summaries } of handlers) {
      if (summaries) {
        // Summaries are kept apart from reports: the same check may also report per paragraph.
        h.paragraph?.(current);
        if (scope === undefined) summaries[i] = h.contribute!(current);
        else {
          pairKey ??= memoPairKey(current, source.lines);
          summaries[i] = scope.summary(pairKey, () => h.contribute!(current!));
        }
        continue;
      }
      if (scope === undefined) {
        h.paragraph?.(current);
        continue;
      }
      pairKey ??= memoPairKey(current, source.lines);
      const kept = scope.get(pairKey);
      if (kept) {
        for (const d of kept) findings.push(place(check, relativeTo(d, current, 1), current));
        continue;
      }
      recording = [];
      h.paragraph!(current);
      scope.set(pairKey, recording);
      recording = undefined;
    }
    for (const outcome of termOutcomes(current, text, renderedSoFar)) outcomes.push(outcome);
  }
  memo?.end();
  current = undefined;
  for (const { handlers: h, summaries } of handlers) {
    if (summaries) h.contributed!(summaries, (n) => pairAt(n - 1));
    h.end?.();
  }
  const ran = new Set(tools.checks.map((c) => c.meta.id));
  // A directive reads as blanks: a finding about them alone (spacing) is about no text, and its
  // fix would destroy the directive. A finding about text around one (a term running over the
  // line break the directive stands before) stands, without the fix that would erase it.
  const distinct = oneFindingPerSubstitution(oneFindingPerOmission(findings, madeBy));
  // Without directives (most translations) the list is taken as it is: a copy costs 8 bytes a finding.
  let all = distinct;
  if (directives.length > 0) {
    const real: Finding[] = [];
    for (const f of distinct) {
      if (!f.fix || !overlapsAny(f.fix.range, directives)) real.push(f);
      else if (text.slice(f.fix.range[0], f.fix.range[1]).trim() !== '') {
        const { fix: _dropped, ...kept } = f;
        real.push(kept);
      }
    }
    all = applyInlineSuppressions(real, directives, { file: translation.file, text, paragraphs: targetParagraphs, lines: targetLines }, ran);
  }
  for (const f of all) f.fingerprint ??= fingerprint([f.ruleId, f.message]);
  const last = tools.checks.length;
  // A finding suppressed inline (a copy) comes after the others at its offset, as the directives' own findings do.
  const rank = (f: Finding): number => (f.suppression ? last : madeBy(f));
  all.sort((a, b) => (a.span?.start.offset ?? 0) - (b.span?.start.offset ?? 0) || rank(a) - rank(b));
  return { source: source.file, translation: translation.file, findings: all, outcomes, paragraphs: targetParagraphs };
}

/**
 * The reports of paragraph-scoped checks (`CheckMeta.paragraphScoped`) and the per-pair summaries
 * of checks that look across paragraphs (`CheckHandlers.contribute`) by paragraph pair, from the
 * last check of one document, for the next: an edit re-runs those checks on the pairs it changed
 * only (the summaries' cheap aggregation, `contributed`, runs every time). Keyed by the pair's texts, number and starting line:columns, and by the check's document
 * key; valid for one CheckTools (glossary, checks, options, severities): other tools empty it.
 * Only the pairs of the last check are kept, so its size follows the document's.
 */
export class CheckMemo {
  private tools: CheckTools | undefined;
  // By scope, then by pair key. A scope holds a paragraph-scoped check's reports or a
  // contributing check's summaries.
  private kept = new Map<string, Map<string, unknown>>();
  private next = new Map<string, Map<string, unknown>>();
  /** Pairs × checks answered from the memo, and run, in the last check (for tests and the bench). */
  hits = 0;
  misses = 0;
  /** Pairs × contributing checks (`CheckHandlers.contribute`) answered from the memo, and asked, in the last check. */
  summaryHits = 0;
  summaryMisses = 0;

  /** Starts a check with these tools. */
  begin(tools: CheckTools): void {
    if (tools !== this.tools) this.kept.clear();
    this.tools = tools;
    this.next = new Map();
    this.hits = 0;
    this.misses = 0;
    this.summaryHits = 0;
    this.summaryMisses = 0;
  }

  /** One check's part of the memo for this check of the document (looked up once, not per pair). */
  scope(name: string): MemoScope {
    const kept = this.kept.get(name);
    let next = this.next.get(name);
    if (!next) this.next.set(name, (next = new Map()));
    return {
      get: (pairKey) => {
        const found = kept?.get(pairKey) as ReportDescriptor[] | undefined;
        if (found) {
          this.hits++;
          next.set(pairKey, found);
        }
        return found;
      },
      set: (pairKey, reports) => {
        this.misses++;
        next.set(pairKey, reports);
      },
      summary: (pairKey, contribute) => {
        let found: unknown;
        if (kept?.has(pairKey)) {
          found = kept.get(pairKey);
          this.summaryHits++;
        } else {
          found = contribute();
          this.summaryMisses++;
        }
        next.set(pairKey, found);
        return found;
      },
    };
  }

  /** Ends a check: what it did not use is dropped. */
  end(): void {
    this.kept = this.next;
    this.next = new Map();
  }
}

/** A check's part of a CheckMemo: its kept reports or summaries by pair key. */
export interface MemoScope {
  /** The reports kept for a pair, if any (then kept for the next check too). */
  get(pairKey: string): ReportDescriptor[] | undefined;
  set(pairKey: string, reports: ReportDescriptor[]): void;
  /** A contributing check's summary of a pair: the kept one, or a new one from `contribute`. */
  summary(pairKey: string, contribute: () => unknown): unknown;
}

/**
 * A pair's identity for the memo: a digest of its number, where its source paragraph starts and
 * both texts. Not where the translated paragraph starts: a line break typed above it moves it,
 * and no check's reports depend on that (positions are worked out when reports are placed).
 */
function memoPairKey(pair: ParagraphPair, sourceLines: LineIndex): string {
  const s = sourceLines.position(pair.source.start);
  return hash('sha256', `${pair.index}:${s.line}:${s.column}\0${pair.source.text}\0${pair.target.text}`, 'hex');
}

/** A report with its offsets moved by the pair's starts (direction -1: relative to them; 1: back into the files). */
function relativeTo(d: ReportDescriptor, pair: ParagraphPair, direction: 1 | -1): ReportDescriptor {
  const ts = pair.target.start * direction;
  const ss = pair.source.start * direction;
  const out: ReportDescriptor = { ...d };
  if (d.targetRange) out.targetRange = [d.targetRange[0] + ts, d.targetRange[1] + ts];
  if (d.sourceRange) out.sourceRange = [d.sourceRange[0] + ss, d.sourceRange[1] + ss];
  if (d.term) out.term = { ...d.term, start: d.term.start + ss, end: d.term.end + ss };
  if (d.fix) out.fix = { ...d.fix, range: [d.fix.range[0] + ts, d.fix.range[1] + ts] };
  return out;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * One omission, one finding: when two checks report the same passage of the source as missing
 * from the same place of the translation (a dropped "PAC-3" is an acronym and a code, so both
 * acronym-mismatch and number-mismatch see it), only the more severe finding is kept (on a tie,
 * the check listed first). Findings with a fix are all kept: each says how to mend its own part.
 */
function oneFindingPerOmission(findings: Finding[], madeBy: (f: Finding) => number): Finding[] {
  // The finding kept for each omission, by where it starts in the translation (few share a start).
  const kept = new Map<number, Finding[]>();
  let dropped = false;
  for (const f of findings) {
    if (!isOmission(f)) continue;
    const start = f.span!.start.offset;
    const bucket = kept.get(start);
    if (!bucket) {
      kept.set(start, [f]);
      continue;
    }
    const at = bucket.findIndex((o) => sameOmission(o, f));
    if (at < 0) bucket.push(f);
    else if (bucket[at]!.ruleId !== f.ruleId) {
      dropped = true;
      const other = bucket[at]!;
      if ((SEVERITY_RANK[f.severity] - SEVERITY_RANK[other.severity] || madeBy(f) - madeBy(other)) < 0) bucket[at] = f;
    }
  }
  if (!dropped) return findings;
  // The kept finding's rule keeps all its findings of that omission (a check may report one twice).
  return findings.filter((f) => !isOmission(f) || kept.get(f.span!.start.offset)!.find((w) => sameOmission(w, f))!.ruleId === f.ruleId);
}

/**
 * A name with digits rendered as another ("flight VN123" as "VN321") is number-mismatch's "is
 * rendered as", pointing at both; acronym-mismatch sees the same error as a source acronym missing
 * and a translation acronym added. One error, one finding: the acronym findings on exactly those
 * spans of that paragraph go.
 */
function oneFindingPerSubstitution(findings: Finding[]): Finding[] {
  const key = (paragraph: number | undefined, side: 'source' | 'target', span: Finding['span']): string => `${paragraph ?? 0}:${side}:${span!.start.offset}:${span!.end.offset}`;
  const explained = new Set<string>();
  for (const f of findings) {
    if (f.ruleId !== 'number-mismatch' || f.source?.span === undefined || f.span === undefined || f.actual === undefined) continue;
    explained.add(key(f.paragraph, 'source', f.source.span));
    explained.add(key(f.paragraph, 'target', f.span));
  }
  if (explained.size === 0) return findings;
  return findings.filter((f) => {
    if (f.ruleId !== 'acronym-mismatch' || f.span === undefined) return true;
    if (f.source?.span !== undefined) return !explained.has(key(f.paragraph, 'source', f.source.span));
    return f.actual === undefined || !explained.has(key(f.paragraph, 'target', f.span));
  });
}

/** A finding without a fix that points at a passage of the source: what the source has and the translation lacks. */
function isOmission(f: Finding): boolean {
  return !f.fix && f.source?.span !== undefined && f.span !== undefined;
}

/** Whether two omissions are about one place: paragraph, target span and source span. */
function sameOmission(a: Finding, b: Finding): boolean {
  return omissionKey(a) === omissionKey(b);
}

function omissionKey(f: Finding): string {
  return `${f.paragraph ?? 0}:${f.span!.start.offset}:${f.span!.end.offset}:${f.source!.span.start.offset}:${f.source!.span.end.offset}`;
}

/** Whether [start, end) overlaps one of the spans (sorted, disjoint); an insertion counts inside one. */
function overlapsAny([start, end]: readonly [number, number], spans: readonly { start: number; end: number }[]): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (s.end <= start) lo = mid + 1;
    else if (s.start >= Math.max(end, start + 1)) hi = mid - 1;
    else return true;
  }
  return false;
}

/** Every check id a directive may name: the built-in checks, whether or not they run, and the checks given. */
function knownRules(tools: CheckTools): string[] {
  return [...new Set([...allChecks(), ...tools.checks].map((c) => c.meta.id))];
}

/**
 * A finding's identity across edits elsewhere: its rule, term and what was found, and the text of
 * its paragraph with whitespace folded (so rewrapping lines changes nothing), hashed. The folded
 * paragraph is hashed once per paragraph, however many findings it has.
 */
class ParagraphFingerprints {
  private readonly digests: (string | undefined)[];
  constructor(private readonly paragraphs: readonly Paragraph[]) {
    this.digests = new Array<string | undefined>(paragraphs.length);
  }
  of(f: Finding, paragraph: number): string {
    const digest = (this.digests[paragraph] ??= fingerprint([paragraphKey(this.paragraphs[paragraph]?.text ?? '')]));
    return fingerprint([f.ruleId, f.termId ?? '', f.actual ?? '', digest]);
  }
}

/** A paragraph's text as baselines compare it: NFC, whitespace runs as one space. */
export function paragraphKey(text: string): string {
  return collapseSpaces(isNfcByRange(text) ? text : text.normalize('NFC'));
}

/**
 * Whether text is NFC because every unit is below U+0300: such characters all have NFC_Quick_Check=Yes
 * and combining class 0, so normalizing would copy the text unchanged (most English paragraphs).
 */
function isNfcByRange(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x300) return false;
  return true;
}

/** `text.replace(/\s+/g, ' ').trim()` in one pass (a regex over every paragraph with a finding cost more than the finding). */
function collapseSpaces(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n && isSpaceCode(text.charCodeAt(i))) i++;
  let from = i;
  let end = n;
  while (end > from && isSpaceCode(text.charCodeAt(end - 1))) end--;
  while (i < end) {
    if (!isSpaceCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (isSpaceCode(text.charCodeAt(j))) j++;
    // A single plain space needs no rewrite.
    if (j - i === 1 && text.charCodeAt(i) === 0x20) {
      i = j;
      continue;
    }
    out += text.slice(from, i) + ' ';
    from = i = j;
  }
  return from === 0 && end === n ? text : out + text.slice(from, end);
}

/**
 * The first 16 hex digits of the SHA-256 of the parts as JSON (one-shot `hash`: several times
 * cheaper than `createHash`). Written from the digest's first 8 bytes, not cut from its 64 digits:
 * V8 keeps a piece of a string as a reference to the whole, 122 bytes a finding where these take 42.
 */
function fingerprint(parts: readonly string[]): string {
  return hash('sha256', JSON.stringify(parts), 'buffer').toString('hex', 0, 8);
}

function toFinding(
  check: Check,
  d: ReportDescriptor,
  pair: ParagraphPair,
  source: PreparedSource,
  translation: TranslationDocument,
  lines: LineIndex,
): Finding {
  const [start, end] = d.targetRange ?? [pair.target.start, pair.target.end];
  const finding: Finding = {
    ruleId: check.meta.id,
    severity: d.severity ?? check.meta.severity,
    message: d.message,
    file: translation.file,
    paragraph: pair.index,
    span: lines.span(start, end),
  };
  if (d.term) finding.source = { file: source.file, span: source.lines.span(d.term.start, d.term.end), text: d.term.text };
  else if (d.sourceRange) {
    const [from, to] = d.sourceRange;
    finding.source = { file: source.file, span: source.lines.span(from, to), text: source.text.slice(from, to) };
  }
  if (d.termId) finding.termId = d.termId;
  if (d.expected) finding.expected = d.expected;
  if (d.actual !== undefined) finding.actual = d.actual;
  if (d.fix) finding.fix = d.fix;
  if (translation.engine) finding.engine = translation.engine;
  if (pair.target.id !== undefined) finding.unit = pair.target.id;
  if (d.note) finding.note = d.note;
  if (d.related) finding.related = d.related;
  return finding;
}

/**
 * Matches (sorted by start) by the paragraph (sorted, disjoint) they start in, found in one pass:
 * each paragraph's are a range of the list, two numbers a paragraph.
 */
class ParagraphMatches<T extends { start: number }> {
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  constructor(
    private readonly matches: readonly T[],
    paragraphs: readonly Paragraph[],
  ) {
    this.from = new Int32Array(paragraphs.length);
    this.to = new Int32Array(paragraphs.length);
    let k = 0;
    for (let p = 0; p < paragraphs.length; p++) {
      const { start, end } = paragraphs[p]!;
      while (k < matches.length && matches[k]!.start < start) k++;
      this.from[p] = k;
      while (k < matches.length && matches[k]!.start < end) k++;
      this.to[p] = k;
    }
  }
  /** The matches of paragraph `i` (0-based), in text order. */
  of(i: number): readonly T[] {
    const from = this.from[i]!;
    const to = this.to[i]!;
    return from === to ? NO_MATCHES : this.matches.slice(from, to);
  }
}

const NO_MATCHES: readonly never[] = Object.freeze([]);

/** Pairs each source occurrence of a term with a rendering of it in the same paragraph, in order. */
function termOutcomes(pair: ParagraphPair, text: string, renderedSoFar: Set<string>): TermOutcome[] {
  // Per entry, its renderings and how many are taken (a cursor: shifting would be quadratic).
  const pool = new Map<string, { list: RenderingMatch[]; next: number }>();
  for (const r of pair.renderings) {
    const slot = pool.get(r.entry.id);
    if (slot) slot.list.push(r);
    else pool.set(r.entry.id, { list: [r], next: 0 });
  }
  // A term left without a rendering may be a short second mention ("the ministry"), shared out as
  // term-missing shares them: after a full rendering earlier in the paragraph, or once an earlier one has it.
  const occurrences = new Map<GlossaryEntry, number>();
  for (const t of pair.terms) occurrences.set(t.entry, (occurrences.get(t.entry) ?? 0) + 1);
  const needs: ShortMentionNeed[] = [];
  for (const [entry, count] of occurrences) {
    const list = pool.get(entry.id)?.list ?? [];
    if (count > list.length) needs.push({ entry, missing: count - list.length, fullEnd: firstFullRendering(list)?.end });
  }
  const shares = needs.length > 0 ? allotShortMentions(needs, text, pair.target.start, pair.target.end, pair.renderings) : undefined;
  const mentionsLeft = new Map<GlossaryEntry, number>();
  for (const [entry, share] of shares ?? []) mentionsLeft.set(entry, share.afterFull.length + (renderedSoFar.has(entry.id) ? share.ifRenderedBefore.length : 0));
  const outcomes = pair.terms.map((t): TermOutcome => {
    const slot = pool.get(t.entry.id);
    const r = slot?.list[slot.next];
    if (!r) {
      const left = mentionsLeft.get(t.entry) ?? 0;
      if (left === 0) return { termId: t.entry.id, approved: false };
      mentionsLeft.set(t.entry, left - 1);
      return { termId: t.entry.id, rendering: SECOND_MENTION, approved: true, secondMention: true };
    }
    slot!.next++;
    return { termId: t.entry.id, rendering: renderingLabel(r), approved: r.kind !== 'forbidden' };
  });
  for (const r of pair.renderings) if (isFullRendering(r)) renderedSoFar.add(r.entry.id);
  return outcomes;
}

/** How the term summary names a short second mention of a rendering. */
export const SECOND_MENTION = '(short second mention)';

/**
 * Findings a file's reader made (an XLIFF's `tag-mismatch`) with the severity `checks:` gives
 * their rule, and without those of rules turned off.
 * @example withReaderSeverities(set.findings, tools) // tag-mismatch as a warning with `checks: { tag-mismatch: warning }`
 */
export function withReaderSeverities(findings: readonly Finding[], tools: Pick<CheckTools, 'severities' | 'offRules'>): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    if (tools.offRules?.has(f.ruleId)) continue;
    const level = tools.severities?.get(f.ruleId);
    out.push(level && level !== f.severity ? { ...f, severity: level } : f);
  }
  return out;
}
