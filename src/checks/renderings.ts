/**
 * How a glossary rendering found in a translation is named when renderings are counted: for the
 * corpus summary and for term-inconsistent.
 */
import type { RenderingMatch } from '../glossary/types.js';
import { pluralForms } from '../glossary/inflect.js';

/**
 * A rendering as written, but without the possessive and, for a plural, as the glossary rendering
 * it inflects ("Patriot missiles" counts as "Patriot missile"), so inflection is not mistaken for
 * inconsistency.
 * @example renderingLabel(match of "Glide Phase Interceptors'") === 'Glide Phase Interceptor'
 */
export function renderingLabel(match: RenderingMatch): string {
  let text = match.text.replace(/\s+/g, ' ');
  if (match.possessive) text = text.replace(/['\u2019\u02BC]s?$/u, '');
  if (!match.plural) return text;
  const e = match.entry;
  const candidates = match.kind === 'forbidden' ? [match.forbidden?.text ?? ''] : [e.en, ...e.accepted, ...(e.acronym ? [e.acronym] : [])];
  const written = foldEnglish(text);
  return candidates.find((c) => [...pluralForms(c), `${c}s`].some((p) => foldEnglish(p) === written)) ?? text;
}

/** Lower case, hyphens, dashes and spaces as one space: how renderings are grouped. */
export function foldEnglish(text: string): string {
  return text.toLowerCase().replace(/[\s\u00A0\u2010-\u2015-]+/gu, ' ').trim();
}
