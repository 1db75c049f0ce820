/** Level names the config and the command line share, on their own so that option parsing loads nothing else. */

/** The `--fail-on` levels (`fail_on:` in the config). */
export const FAIL_ON_LEVELS = ['error', 'warning', 'never'] as const;
/** A `--fail-on` level. */
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

/** Severities a check may be given in the config; `off` leaves it out. */
export const CHECK_LEVELS = ['error', 'warning', 'info', 'off'] as const;
