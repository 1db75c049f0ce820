import { parseGlossary } from '../../src/glossary/load.js';
import { checkTranslation, checksById, createCheckTools, prepareSource } from '../../src/checks/index.js';

/** A small glossary in the shipped format, for check tests. */
export const GLOSSARY_YAML = `version: 1
entries:
  - id: glide-phase-interceptor
    vi: Thiết bị đánh chặn pha bay
    en: Glide Phase Interceptor
    acronym: GPI
    forbidden:
      - flight phase interceptor
      - gliding phase interceptor
  - id: mou
    vi: Biên bản ghi nhớ
    en: Memorandum of Understanding
    acronym: MOU
    forms: [Memoranda of Understanding]
    forbidden:
      - text: memo of understanding
  - id: us-dod
    vi: Bộ Quốc phòng Hoa Kỳ
    vi_variants: [Bộ Quốc phòng Mỹ]
    en: U.S. Department of Defense
    accepted: [Department of Defense]
  - id: japan-mod
    vi: Bộ Quốc phòng Nhật Bản
    en: Japanese Ministry of Defense
    accepted: [Ministry of Defense]
    forbidden:
      - text: Japanese Department of Defense
        use: Japanese Ministry of Defense
  - id: sosa
    vi: Thỏa thuận An ninh Cung ứng
    en: Security of Supply Arrangement
    acronym: SOSA
    forbidden:
      - text: Supply Security Agreement
`;

/** Checks `target` against `source` with the test glossary and returns the findings. */
export function check(source: string, target: string) {
  return checkWith(GLOSSARY_YAML, source, target);
}

/** Checks `target` against `source` with a glossary given as YAML (all checks, or the ones named). */
export function checkWith(glossaryYaml: string, source: string, target: string, checks?: readonly string[]) {
  const glossary = parseGlossary(glossaryYaml, 'glossary.yaml');
  const tools = createCheckTools(glossary, checks ? checksById(checks) : undefined);
  const prepared = prepareSource({ file: 'a.vi.txt', text: source }, tools);
  return checkTranslation(prepared, { file: 'a.en.txt', text: target }, tools);
}
