/**
 * The glossary data model: what glossary.yaml says once loaded and validated.
 * The YAML spelling of each field is given beside it (snake_case in YAML, camelCase here).
 */

import type { Severity } from '../core/types.js';

/**
 * A context in which a forbidden rendering is right after all: the words around it, with `…`
 * standing for the rendering ("known as … until"). Words are compared case-insensitively, quotes
 * ignored, and an article just before the rendering may stand between.
 * @example { pattern: 'known as … until', before: ['known', 'as'], after: ['until'] }
 */
export interface AllowedContext {
  /** As written in glossary.yaml. */
  pattern: string;
  /** Folded tokens that must end right before the rendering. */
  before: string[];
  /** Folded tokens that must begin right after it. */
  after: string[];
}

/** A rendering that must not be used, and what to use instead (defaults to the entry's `en`). */
export interface ForbiddenRendering {
  /** YAML: `text` (or the item itself when given as a plain string). */
  text: string;
  /** YAML: `use`. The approved rendering `--fix` puts in its place. */
  use?: string;
  /** YAML: `note`. Why it is wrong. */
  note?: string;
  /** YAML: `allowed_in`. Contexts where this rendering is correct (a former name, a quotation): neither reported nor fixed there. */
  allowedIn?: AllowedContext[];
}

/**
 * A self-test of one entry, run by `vitrans glossary test` (in the spirit of prh's specs).
 * YAML: items of `tests:`, each a one-key map:
 * `- vi: "..."` the Vietnamese term must be found in this text;
 * `- not_vi: "..."` it must not be found;
 * `- en: "..."` an approved rendering must be recognised in this English text;
 * `- not_en: "..."` no approved rendering may be recognised;
 * `- fix: { from: "...", to: "..." }` a forbidden rendering in `from` is found and fixing gives `to`.
 */
export type EntryTest =
  | { kind: 'vi' | 'not_vi' | 'en' | 'not_en'; text: string; line: number; column: number }
  | { kind: 'fix'; from: string; to: string; line: number; column: number };

/** Where something is in glossary.yaml (1-based). */
export interface YamlLocation {
  file: string;
  line: number;
  column: number;
}

/**
 * One concept of the glossary.
 * @example
 * { id: 'glide-phase-interceptor', vi: 'Thiết bị đánh chặn pha bay', en: 'Glide Phase Interceptor',
 *   acronym: 'GPI', forbidden: [{ text: 'flight phase interceptor' }], ... }
 */
export interface GlossaryEntry {
  /** YAML: `id`. Stable kebab-case id; derived from `en` when omitted. */
  id: string;
  /** YAML: `vi`. The Vietnamese term as it should be written. */
  vi: string;
  /** YAML: `vi_variants`. Other Vietnamese wordings of the same concept. */
  viVariants: string[];
  /** YAML: `en`. The canonical English rendering. */
  en: string;
  /** YAML: `accepted`. Other accepted English renderings (including spelling variants such as Defence). */
  accepted: string[];
  /** YAML: `forms`. Irregular inflected forms to accept as they are ("Memoranda of Understanding"). */
  forms: string[];
  /** YAML: `forbidden`. */
  forbidden: ForbiddenRendering[];
  /** YAML: `acronym`. Always matched case-sensitively. */
  acronym?: string;
  /** YAML: `case_sensitive` (default false). Applies to the Vietnamese terms and the approved English renderings; forbidden renderings are found in any case, acronyms only as written. */
  caseSensitive: boolean;
  /** YAML: `note`. */
  note?: string;
  /** YAML: `severity`. Severity of every finding about this entry, whatever the check or the config says. */
  severity?: Severity;
  /** YAML: `tests`. */
  tests: EntryTest[];
  /** Where the entry starts in the glossary file. */
  location: YamlLocation;
}

/** A loaded, validated glossary. */
export interface Glossary {
  /** Path it was loaded from. */
  file: string;
  /** YAML: `version`. Schema version; only 1 exists. */
  version: 1;
  /** YAML: `name`. */
  name?: string;
  /** YAML: `source_language` (default `vi`). */
  sourceLanguage: string;
  /** YAML: `target_language` (default `en`). */
  targetLanguage: string;
  entries: GlossaryEntry[];
  /** sha256 of the normalised entries: changes whenever a rendering changes (cache keys, DeepL glossary reuse). */
  hash: string;
}

/** A Vietnamese glossary term found in a text. Offsets are UTF-16 indexes into the text given to the matcher, half-open. */
export interface TermMatch {
  entry: GlossaryEntry;
  start: number;
  end: number;
  /** The text as written at [start, end). */
  text: string;
}

/** How an English passage relates to a glossary entry. */
export type RenderingKind = 'canonical' | 'accepted' | 'form' | 'acronym' | 'forbidden';

/** An English rendering of a glossary entry found in a text (offsets as in TermMatch). */
export interface RenderingMatch {
  entry: GlossaryEntry;
  kind: RenderingKind;
  start: number;
  end: number;
  text: string;
  /** For `forbidden`: which forbidden rendering matched. */
  forbidden?: ForbiddenRendering;
  /**
   * A forbidden rendering standing in one of its allowed contexts: the match is then of kind
   * `accepted` (neither reported nor fixed), and this is the context pattern that allowed it.
   */
  allowedBy?: string;
  /** The match is a plural form ("Interceptors", "MOUs"). */
  plural: boolean;
  /** The match carries a possessive ("Department of Defense's"). */
  possessive: boolean;
}
