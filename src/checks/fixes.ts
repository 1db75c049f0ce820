/**
 * Which of the fixes findings offer `--fix` applies: the safe ones, and the unsafe ones only when
 * asked. One rule for `check --fix` and `translate --fix`.
 */
import type { Finding, Fix } from '../core/types.js';

/**
 * The fixes to apply to one file, by position. Where two fixes overlap ("the  the": a doubled word
 * and a double space) the first is kept and the other left for the next run, which the check
 * reports again if it still applies.
 * @example fixesToApply(findings, 'out/a.deepl.en.txt', { unsafe: false })
 */
export function fixesToApply(findings: readonly Finding[], file: string, opts: { unsafe?: boolean } = {}): Fix[] {
  const candidates: Fix[] = [];
  for (const f of findings) if (f.fix && f.file === file && (opts.unsafe || !f.fix.unsafe)) candidates.push(f.fix);
  candidates.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const out: Fix[] = [];
  let end = -1;
  for (const fix of candidates) {
    // Touching is overlapping for an insertion at the same offset (two insertions would race).
    if (fix.range[0] < end || (fix.range[0] === end && fix.range[0] === fix.range[1])) continue;
    out.push(fix);
    end = fix.range[1];
  }
  return out;
}
