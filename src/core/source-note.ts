/**
 * The note "source 12:5" that points a finding's reader at the place in the source it is about
 * (number-mismatch writes one). It is text, so whatever moves a finding's spans (a TMX or XLIFF
 * file's findings are moved from the segment texts into the file) rewrites it with them.
 */
import type { Finding, Position } from './types.js';

const SOURCE_PLACE = /^source \d+:\d+/;

/** The note naming a place in the source. */
export function sourcePlaceNote(p: Position): string {
  return `source ${p.line}:${p.column}`;
}

/** `finding` with its source-place note (if it has one) naming where its source span now starts. */
export function withSourcePlaceNote(finding: Finding): Finding {
  if (!finding.note || !finding.source || !SOURCE_PLACE.test(finding.note)) return finding;
  return { ...finding, note: finding.note.replace(SOURCE_PLACE, sourcePlaceNote(finding.source.span.start)) };
}
