/**
 * Checking a bilingual XML file as a whole (an XLIFF that `translate` just filled): the checker
 * over its translated segments, findings moved back into the file, and the file's own
 * `tag-mismatch` findings beside them.
 */
import type { Finding, Paragraph } from '../core/types.js';
import { xliffCheckSet, type ProtectedSegments, type XliffDocument } from '../formats/xliff.js';
import { checkTranslation, createCheckRun, prepareSource, withReaderSeverities, type CheckRun, type CheckTools } from './runner.js';

/**
 * The findings of an XLIFF document's translated segments, positions in the file, and the checked
 * segments' targets as the paragraphs the findings number (what a `text:` suppression is matched
 * against); none when no segment has a target yet.
 * @example checkXliff(readXliff(decodeXml(bytes, 'a.xlf')), tools).findings.filter((f) => f.ruleId === 'tag-mismatch')
 */
export function checkXliff(doc: XliffDocument, tools: CheckTools, options: { protectedSegments?: ProtectedSegments; run?: CheckRun } = {}): { findings: Finding[]; paragraphs: readonly Paragraph[] } {
  const hasTarget = doc.segments.some((s) => (options.protectedSegments === 'check' || !s.protection) && s.target && s.target.text.trim() !== '');
  if (!hasTarget) return { findings: [], paragraphs: [] };
  const set = xliffCheckSet(doc, options);
  const { findings, paragraphs } = checkTranslation(prepareSource(set.source, tools), set.translation, tools, options.run ?? createCheckRun());
  return { findings: [...findings.map(set.relocate), ...withReaderSeverities(set.findings, tools)], paragraphs };
}
