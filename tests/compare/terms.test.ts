import { describe, it, expect } from 'vitest';
import { glossaryTermFinder } from '../../src/compare/terms.js';
import { parseGlossary } from '../../src/glossary/load.js';
import { GLOSSARY_YAML } from '../checks/helpers.js';

describe('glossaryTermFinder', () => {
  const finder = glossaryTermFinder(parseGlossary(GLOSSARY_YAML, 'glossary.yaml'));

  it('finds approved renderings, plurals and acronyms, labelled with the English term', () => {
    expect(finder.find('Japan will co-develop two Glide-Phase Interceptors (GPI) under the SOSA.')).toEqual([
      { termId: 'glide-phase-interceptor', label: 'Glide Phase Interceptor' },
      { termId: 'glide-phase-interceptor', label: 'Glide Phase Interceptor' },
      { termId: 'sosa', label: 'Security of Supply Arrangement' },
    ]);
    expect(finder.find('the Ministry of Defense')).toEqual([{ termId: 'japan-mod', label: 'Japanese Ministry of Defense' }]);
  });

  it('does not count a forbidden rendering as the term', () => {
    expect(finder.find('the flight phase interceptor and the Supply Security Agreement')).toEqual([]);
  });
});
