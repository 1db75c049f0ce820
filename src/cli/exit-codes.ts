/**
 * The exit codes, in one place: 0 done, 1 findings at or above --fail-on, 2 user error,
 * 3 internal error, 4 an engine kept failing after every retry, 130 interrupted (Ctrl-C), 143
 * stopped by SIGTERM (both keep finished work).
 */
import type { Finding, Severity } from '../core/types.js';
import type { FailOn } from '../config/levels.js';

/** Exit code when an engine still failed (5xx, 429, network, timeout) after every retry. */
export const EXIT_ENGINE_UNAVAILABLE = 4;

/** The `--fail-on` levels. */
export type { FailOn };

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** 1 when any finding that stands (not suppressed) is at or above the fail level, else 0. */
export function exitCodeFor(findings: readonly Finding[], failOn: FailOn): 0 | 1 {
  const standing: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (!f.suppression) standing[f.severity]++;
  return exitCodeForCounts(standing, failOn);
}

/** `exitCodeFor` from how many findings stand at each severity (what a run that lets its findings go keeps). */
export function exitCodeForCounts(standing: Readonly<Record<Severity, number>>, failOn: FailOn): 0 | 1 {
  if (failOn === 'never') return 0;
  const threshold = RANK[failOn];
  return (Object.keys(standing) as Severity[]).some((s) => standing[s] > 0 && RANK[s] >= threshold) ? 1 : 0;
}
