/** The report format names, on their own so that option and config validation need no formatter. */

/** Formats of the check report. */
export const CHECK_FORMATS = ['text', 'compact', 'github', 'json', 'markdown', 'sarif'] as const;
/** A format of the check report. */
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** Formats of the comparison report. */
export const COMPARE_FORMATS = ['text', 'markdown', 'json', 'html'] as const;
/** A format of the comparison report. */
export type CompareFormat = (typeof COMPARE_FORMATS)[number];
