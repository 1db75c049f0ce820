/**
 * Judge spans and glossary findings about the same term are one issue: a terminology span that
 * lies on a term the glossary checker flags in the same paragraph takes the finding along
 * (`MqmSpan.glossary`), and the finding is listed in `JudgeReport.mergedFindings`, so reports
 * show it once, naming both sources.
 */
import type { Finding } from '../core/types.js';
import { locateQuote } from './locate.js';
import type { JudgedParagraph } from './judge.js';
import type { JudgeReport, MqmSpan } from './types.js';

/** Whether [a, b) and [c, d) share a character. */
function overlaps(a: number, b: number, c: number, d: number): boolean {
  return a < d && c < b;
}

/** Whether some occurrence of `needle` in `text` overlaps [start, end). */
function occursOver(text: string, needle: string | undefined, start: number, end: number): boolean {
  if (!needle) return false;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (overlaps(at, at + needle.length, start, end)) return true;
  }
  return false;
}

/** Whether the span and the finding are about the same words: in the translation, or in the source. */
function sameTerm(span: MqmSpan, finding: Finding, texts: { source: string; translation: string }): boolean {
  if (span.side === 'translation' && span.start !== undefined && occursOver(texts.translation, finding.actual?.normalize('NFC'), span.start, span.end!)) return true;
  const sourceTerm = finding.source?.text.normalize('NFC');
  if (!sourceTerm) return false;
  const quoted = span.side === 'source' ? span.span : span.sourceSpan;
  if (!quoted) return false;
  const at = locateQuote(texts.source, quoted);
  return at.start !== undefined && occursOver(texts.source, sourceTerm, at.start, at.end!);
}

/**
 * Merges each engine's glossary findings into its terminology spans (in place), and records the
 * merged findings' indices. A finding merges with at most one span, a span with at most one finding.
 * @example mergeGlossaryFindings(report, { deepl: comparison.glossary.deepl.findings }, comparison.paragraphs)
 */
export function mergeGlossaryFindings(report: JudgeReport, findings: Readonly<Record<string, readonly Finding[]>>, paragraphs: readonly JudgedParagraph[]): JudgeReport {
  const byIndex = new Map(paragraphs.map((p) => [p.index, p]));
  for (const [engine, list] of Object.entries(findings)) {
    const judgments = report.judgments[engine];
    if (!judgments) continue;
    const merged = new Set<number>();
    for (const j of judgments) {
      const p = byIndex.get(j.paragraph);
      if (!p || j.status !== 'judged') continue;
      const texts = { source: p.source.normalize('NFC'), translation: (p.outputs[engine] ?? '').normalize('NFC') };
      for (const span of j.spans) {
        if (span.category !== 'terminology' || span.glossary) continue;
        // A suppressed finding is the user's call, not a glossary problem the judge confirms.
        const i = list.findIndex((f, k) => !merged.has(k) && !f.suppression && f.paragraph === j.paragraph && f.termId !== undefined && sameTerm(span, f, texts));
        if (i < 0) continue;
        merged.add(i);
        const f = list[i]!;
        span.glossary = { ruleId: f.ruleId, message: f.message, ...(f.termId !== undefined ? { termId: f.termId } : {}), finding: i };
      }
    }
    report.mergedFindings[engine] = [...merged].sort((a, b) => a - b);
    const totals = report.engines.find((e) => e.engine === engine);
    if (totals) totals.alsoGlossary = judgments.reduce((n, j) => n + j.spans.filter((s) => s.glossary).length, 0);
  }
  return report;
}
