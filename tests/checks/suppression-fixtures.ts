/** A news article about the Vietnam Coast Guard and its translations, for the suppression tests. */
import { parseGlossary } from '../../src/glossary/load.js';
import { checkTranslation, createCheckTools, prepareSource, type CheckSettings } from '../../src/checks/index.js';
import { checkableText } from '../../src/formats/markdown/checkable.js';

export const COAST_GUARD_GLOSSARY = `version: 1
entries:
  - id: vietnam-coast-guard
    vi: Cảnh sát biển Việt Nam
    en: Vietnam Coast Guard
    forbidden:
      - text: Vietnam Sea Police
      - text: Vietnam Marine Police
        note: The English name used until 2013.
  - id: japan-mod
    vi: Bộ Quốc phòng Nhật Bản
    en: Japanese Ministry of Defense
    accepted: [Ministry of Defense of Japan]
    forbidden:
      - text: Japanese Department of Defense
  - id: official-security-assistance
    vi: Hỗ trợ An ninh Chính thức
    en: Official Security Assistance
    acronym: OSA
`;

/** The source, NFD as some CMS exports write it, with the old tone placement ("khoá"). */
export const SOURCE = [
  'Cảnh sát biển Việt Nam nhận thêm tàu tuần tra',
  'Ngày 14 tháng 3, Cảnh sát biển Việt Nam đã tiếp nhận hai tàu tuần tra mới trong khuôn khổ Hỗ trợ An ninh Chính thức của Nhật Bản.',
  'Đại diện Bộ Quốc phòng Nhật Bản cho biết các khoá huấn luyện chung sẽ bắt đầu vào tháng 6/2025.',
  'Cảnh sát biển Việt Nam sẽ tăng cường hợp tác quốc tế.',
].join('\n\n').normalize('NFD');

/** A translation with one problem per paragraph but the first. */
export const TRANSLATION = [
  'Vietnam Coast Guard receives more patrol vessels',
  'On 14 March the Vietnam Sea Police took delivery of two new patrol vessels under Japan\'s Official Security Assistance (OSA).',
  'A representative of the Japanese Department of Defense said joint training courses would begin in June 2025.',
  'The Vietnam Marine Police will step up international cooperation.',
].join('\n\n');

export const glossary = parseGlossary(COAST_GUARD_GLOSSARY, 'glossary.yaml');

/** Checks a translation of SOURCE (read as its file name says: `.md` as Markdown). */
export function checkArticle(target: string, file = 'deepl.en.txt', settings: CheckSettings = {}) {
  const tools = createCheckTools(glossary, settings);
  const source = prepareSource({ file: 'source.vi.txt', text: SOURCE }, tools);
  return checkTranslation(source, { file, text: checkableText(file, target) }, tools);
}
