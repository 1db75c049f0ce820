/**
 * The check kernel: aligns a source with a translation, runs the matchers once over each whole
 * document, hands every paragraph pair to the checks, and turns their reports into Findings
 * with line:column positions in the files as the user has them.
 */
import type { Finding, Paragraph } from '../core/types.js';
import { splitParagraphs } from '../text/paragraphs.js';
import { LineIndex } from '../text/positions.js';
import { assertAligned } from '../text/align.js';
import type { ViMatcher } from '../glossary/vi-matcher.js';
import type { EnMatcher } from '../glossary/en-matcher.js';
import { matchersFor } from '../glossary/compiled.js';
import type { Glossary, RenderingMatch, TermMatch } from '../glossary/types.js';
import { pluralForms } from '../glossary/inflect.js';
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
 * Builds the matchers for a glossary (the expensive part: once per Glossary object, and not at
 * all for one read from a compiled-glossary cache) and resolves each check's options.
 * @throws ConfigError for an unknown option or a value of the wrong type.
 */
export function createCheckTools(glossary: Glossary, settings: CheckSettings | Check[] = {}): CheckTools {
  const { checks = allChecks(), options = {} } = Array.isArray(settings) ? { checks: settings } : settings;
  const resolved = new Map(checks.map((c) => [c.meta.id, resolveCheckOptions(c.meta, options[c.meta.id] ?? {})]));
  const { vi, en } = matchersFor(glossary);
  return { glossary, vi, en, checks, options: resolved };
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

/**
 * Checks one translation of a prepared source.
 * @throws AlignmentError when the paragraph counts differ.
 */
export function checkTranslation(source: PreparedSource, translation: TextDocument & { engine?: string }, tools: CheckTools): TranslationCheck {
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
  let current: ParagraphPair | undefined;

  const handlers = tools.checks.map((check) =>
    check.create({
      glossary: tools.glossary,
      sourceFile: source.file,
      targetFile: translation.file,
      sourceText: source.text,
      targetText: translation.text,
      options: tools.options.get(check.meta.id) ?? {},
      document,
      report: (d) => findings.push(toFinding(check, d, current!, source, translation, targetLines)),
    }),
  );

  const outcomes: TermOutcome[] = [];
  for (let i = 0; i < source.paragraphs.length; i++) {
    current = {
      index: i + 1,
      source: source.paragraphs[i]!,
      target: targetParagraphs[i]!,
      terms: sourceTerms[i]!,
      renderings: renderings[i]!,
    };
    for (const h of handlers) h.paragraph?.(current);
    for (const outcome of termOutcomes(current)) outcomes.push(outcome);
  }
  findings.sort((a, b) => (a.span?.start.offset ?? 0) - (b.span?.start.offset ?? 0));
  return { source: source.file, translation: translation.file, findings, outcomes };
}

function toFinding(
  check: Check,
  d: ReportDescriptor,
  pair: ParagraphPair,
  source: PreparedSource,
  translation: TextDocument & { engine?: string },
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
  // Per entry, its renderings and how many are taken (a cursor: shifting would be quadratic).
  const pool = new Map<string, { list: RenderingMatch[]; next: number }>();
  for (const r of pair.renderings) {
    const slot = pool.get(r.entry.id);
    if (slot) slot.list.push(r);
    else pool.set(r.entry.id, { list: [r], next: 0 });
  }
  return pair.terms.map((t) => {
    const slot = pool.get(t.entry.id);
    const r = slot?.list[slot.next];
    if (!r) return { termId: t.entry.id, approved: false };
    slot!.next++;
    return { termId: t.entry.id, rendering: renderingLabel(r), approved: r.kind !== 'forbidden' };
  });
}

/**
 * How a rendering is listed in the summary: as written, but without the possessive and, for a
 * plural, as the glossary rendering it inflects ("Patriot missiles" counts as "Patriot missile"),
 * so inflection is not mistaken for inconsistency.
 */
function renderingLabel(match: RenderingMatch): string {
  let text = match.text.replace(/\s+/g, ' ');
  if (match.possessive) text = text.replace(/['\u2019\u02BC]s?$/u, '');
  if (!match.plural) return text;
  const e = match.entry;
  const candidates = match.kind === 'forbidden' ? [match.forbidden?.text ?? ''] : [e.en, ...e.accepted, ...(e.acronym ? [e.acronym] : [])];
  const written = foldEnglish(text);
  return candidates.find((c) => [...pluralForms(c), `${c}s`].some((p) => foldEnglish(p) === written)) ?? text;
}

function foldEnglish(text: string): string {
  return text.toLowerCase().replace(/[\s\u00A0\u2010-\u2015-]+/gu, ' ').trim();
}
