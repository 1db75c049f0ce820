/**
 * The check kernel: aligns a source with a translation, runs the matchers once over each whole
 * document, hands every paragraph pair to the checks, and turns their reports into Findings
 * with line:column positions in the files as the user has them.
 */
import type { Finding, Paragraph } from '../core/types.js';
import { splitParagraphs } from '../text/paragraphs.js';
import { LineIndex } from '../text/positions.js';
import { assertAligned } from '../text/align.js';
import { createViMatcher, type ViMatcher } from '../glossary/vi-matcher.js';
import { createEnMatcher, type EnMatcher } from '../glossary/en-matcher.js';
import type { Glossary, RenderingMatch, TermMatch } from '../glossary/types.js';
import { renderingLabel } from './renderings.js';
import { allChecks } from './registry.js';
import { resolveCheckOptions } from './options.js';
import type { Check, CheckOptionValues, ParagraphPair, ReportDescriptor } from './types.js';

/** A glossary with its matchers built once, and the checks to run with their options. */
export interface CheckTools {
  glossary: Glossary;
  vi: ViMatcher;
  en: EnMatcher;
  checks: Check[];
  /** Options by check id, defaults applied. */
  options: ReadonlyMap<string, CheckOptionValues>;
}

/** What to run besides the glossary: which checks, with which options (by check id). */
export interface CheckSettings {
  checks?: Check[];
  options?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/**
 * Builds the matchers for a glossary (the expensive part: do it once per run) and resolves each
 * check's options.
 * @throws ConfigError for an unknown option or a value of the wrong type.
 */
export function createCheckTools(glossary: Glossary, settings: CheckSettings | Check[] = {}): CheckTools {
  const { checks = allChecks(), options = {} } = Array.isArray(settings) ? { checks: settings } : settings;
  const resolved = new Map(checks.map((c) => [c.meta.id, resolveCheckOptions(c.meta, options[c.meta.id] ?? {})]));
  return { glossary, vi: createViMatcher(glossary.entries), en: createEnMatcher(glossary.entries), checks, options: resolved };
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

/** Findings and term outcomes of one translation. */
export interface TranslationCheck {
  source: string;
  translation: string;
  findings: Finding[];
  outcomes: TermOutcome[];
}

/** Splits and matches a source document. */
export function prepareSource(doc: TextDocument, tools: CheckTools): PreparedSource {
  return { ...doc, paragraphs: doc.paragraphs ?? splitParagraphs(doc.text), terms: tools.vi.find(doc.text), lines: new LineIndex(doc.text) };
}

/** A translation to check: its text, and optionally the engine that made it and its series. */
export type TranslationDocument = TextDocument & { engine?: string; series?: string };

/**
 * Checks one translation of a prepared source. Give every translation of a corpus the same `run`
 * so that checks comparing across articles see them all.
 * @throws AlignmentError when the paragraph counts differ.
 */
export function checkTranslation(source: PreparedSource, translation: TranslationDocument, tools: CheckTools, run: CheckRun = createCheckRun()): TranslationCheck {
  const targetParagraphs = translation.paragraphs ?? splitParagraphs(translation.text);
  const document = tools.en.index(translation.text);
  const sourceTerms = bucket(source.terms, source.paragraphs);
  const renderings = bucket(document.matches, targetParagraphs);
  // Glossary terms on both sides are the best anchors for finding where a paragraph went missing.
  assertAligned(
    { file: source.file, paragraphs: source.paragraphs, anchors: sourceTerms.map((terms) => terms.map((t) => t.entry.id)) },
    { file: translation.file, paragraphs: targetParagraphs, anchors: renderings.map((found) => found.map((r) => r.entry.id)) },
  );

  const targetLines = new LineIndex(translation.text);
  const findings: Finding[] = [];
  const pairAt = (i: number): ParagraphPair => ({
    index: i + 1,
    source: source.paragraphs[i]!,
    target: targetParagraphs[i]!,
    terms: sourceTerms[i]!,
    renderings: renderings[i]!,
  });
  let current: ParagraphPair | undefined;
  const series = translation.series ?? translationSeries(source.file, translation.file, translation.engine);

  const handlers = tools.checks.map((check) =>
    check.create({
      glossary: tools.glossary,
      sourceFile: source.file,
      targetFile: translation.file,
      sourceText: source.text,
      targetText: translation.text,
      options: tools.options.get(check.meta.id) ?? {},
      document,
      series,
      runState: <T>(create: () => T): T => {
        if (!run.states.has(check.meta.id)) run.states.set(check.meta.id, create());
        return run.states.get(check.meta.id) as T;
      },
      position: (offset, side) => (side === 'source' ? source.lines : targetLines).position(offset),
      report: (d) => {
        const index = d.paragraph ?? current?.index;
        if (index === undefined || index < 1 || index > source.paragraphs.length) {
          throw new Error(`check ${check.meta.id} reported for paragraph ${String(index)} of ${source.paragraphs.length}`);
        }
        const pair = current?.index === index ? current : pairAt(index - 1);
        findings.push(toFinding(check, d, pair, source, translation, targetLines));
      },
    }),
  );

  const outcomes: TermOutcome[] = [];
  for (let i = 0; i < source.paragraphs.length; i++) {
    current = pairAt(i);
    for (const h of handlers) h.paragraph?.(current);
    for (const o of termOutcomes(current)) outcomes.push(o);
  }
  current = undefined;
  for (const h of handlers) h.end?.();
  findings.sort((a, b) => (a.span?.start.offset ?? 0) - (b.span?.start.offset ?? 0));
  return { source: source.file, translation: translation.file, findings, outcomes };
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
  return finding;
}

/** Distributes matches (sorted by start) over paragraphs (sorted, disjoint) in one pass. */
function bucket<T extends { start: number; end: number }>(matches: readonly T[], paragraphs: readonly Paragraph[]): T[][] {
  const out: T[][] = paragraphs.map(() => []);
  let p = 0;
  for (const m of matches) {
    while (p < paragraphs.length && paragraphs[p]!.end <= m.start) p++;
    if (p === paragraphs.length) break;
    if (m.start >= paragraphs[p]!.start) out[p]!.push(m);
  }
  return out;
}

/** Pairs each source occurrence of a term with a rendering of it in the same paragraph, in order. */
function termOutcomes(pair: ParagraphPair): TermOutcome[] {
  const pool = new Map<string, RenderingMatch[]>();
  for (const r of pair.renderings) {
    const list = pool.get(r.entry.id);
    if (list) list.push(r);
    else pool.set(r.entry.id, [r]);
  }
  return pair.terms.map((t) => {
    const r = pool.get(t.entry.id)?.shift();
    return r ? { termId: t.entry.id, rendering: renderingLabel(r), approved: r.kind !== 'forbidden' } : { termId: t.entry.id, approved: false };
  });
}
