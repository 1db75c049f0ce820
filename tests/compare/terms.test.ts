import { describe, it, expect } from 'vitest';
import { glossaryTermFinder } from '../../src/compare/terms.js';
import { parseGlossary } from '../../src/glossary/load.js';

const GLOSSARY = `version: 1
source_language: vi
target_language: en
entries:
  - id: glide-phase-interceptor
    vi: Thiết bị đánh chặn pha bay
    en: Glide Phase Interceptor
    acronym: GPI
    forbidden:
      - flight phase interceptor
  - id: security-of-supply-arrangement
    vi: Thoả thuận An ninh Cung ứng
    en: Security of Supply Arrangement
    acronym: SOSA
`;

describe('glossaryTermFinder', () => {
  const finder = glossaryTermFinder(parseGlossary(GLOSSARY, 'glossary.yaml'));

  it('finds approved renderings, plurals and acronyms, labelled with the English term', () => {
    expect(finder.find('Japan will co-develop two Glide-Phase Interceptors (GPI) under the SOSA.')).toEqual([
      { termId: 'glide-phase-interceptor', label: 'Glide Phase Interceptor' },
      { termId: 'glide-phase-interceptor', label: 'Glide Phase Interceptor' },
      { termId: 'security-of-supply-arrangement', label: 'Security of Supply Arrangement' },
    ]);
  });

  it('does not count a forbidden rendering as the term', () => {
    expect(finder.find('the flight phase interceptor')).toEqual([]);
  });
});
