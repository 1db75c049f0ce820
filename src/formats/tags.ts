/** The finding bilingual formats with inline codes report when a target's codes are not its source's. */

/** The id of the finding an inline code missing, repeated or added in a target is. */
export const TAG_MISMATCH = 'tag-mismatch';

/** Its description in reports (SARIF rules). */
export const TAG_MISMATCH_DESCRIPTION = "an inline code (XLIFF <g>, <x/>, <ph>, <pc>, <bpt>/<ept>, …) of the source is missing or repeated in the target, or the target has one its source lacks";
