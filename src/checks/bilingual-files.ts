/**
 * Checking a bilingual XML file as a whole (an XLIFF that `translate` just filled): the checker
 * over its translated segments, findings moved back into the file, and the file's own
 * `tag-mismatch` findings beside them.
 */
import type { Finding } from '../core/types.js';
import { xliffCheckSet, type ProtectedSegments, type XliffDocument } from '../formats/xliff.js';
import { checkTranslation, createCheckRun, prepareSource, withReaderSeverities, type CheckRun, type CheckTools } from './runner.js';

/**
 * The findings of an XLIFF document's translated segments, positions in the file; none when no
 * segment has a target yet.
 * @example checkXliff(readXliff(decodeXml(bytes, 'a.xlf')), tools).filter((f) => f.ruleId === 'tag-mismatch')
 */
export function checkXliff(doc: XliffDocument, tools: CheckTools, options: { protectedSegments?: ProtectedSegments; run?: CheckRun } = {}): Finding[] {
  const hasTarget = doc.segments.some((s) => (options.protectedSegments === 'check' || !s.protection) && s.target && s.target.text.trim() !== '');
  if (!hasTarget) return [];
  const set = xliffCheckSet(doc, options);
  const { findings } = checkTranslation(prepareSource(set.source, tools), set.translation, tools, options.run ?? createCheckRun());
  return [...findings.map(set.relocate), ...withReaderSeverities(set.findings, tools)];
}
