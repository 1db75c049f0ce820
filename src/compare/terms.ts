/**
 * The glossary side of the analyses: which glossary terms a text renders with an approved
 * rendering, found by the glossary's English matcher (hyphens, case, plurals, possessives).
 */
import { createEnMatcher } from '../glossary/en-matcher.js';
import type { Glossary } from '../glossary/types.js';
import type { TermFinder } from './types.js';

/**
 * A TermFinder over a glossary: every canonical, accepted, inflected or acronym rendering in a
 * text (forbidden renderings are not the term), labelled with the entry's English term.
 * @example glossaryTermFinder(glossary).find('the Glide Phase Interceptors') // [{ termId: 'glide-phase-interceptor', label: 'Glide Phase Interceptor' }]
 */
export function glossaryTermFinder(glossary: Glossary): TermFinder {
  const matcher = createEnMatcher(glossary.entries);
  return {
    find: (text) => matcher.find(text).flatMap((m) => (m.kind === 'forbidden' ? [] : [{ termId: m.entry.id, label: m.entry.en }])),
  };
}
