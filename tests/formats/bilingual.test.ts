/**
 * The bilingual JSON written in pieces (one paragraph per line) and merged with an earlier file as
 * it is read: the same documents as building and merging them whole.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bilingualHeader,
  bilingualJson,
  bilingualParagraphs,
  buildBilingual,
  mergeBilingual,
  mergeWithPrevious,
  readPreviousBilingual,
  type BilingualDocument,
  type EngineFileResult,
} from '../../src/formats/bilingual.js';
import type { ParagraphTranslation } from '../../src/core/types.js';

const SOURCES = ['Bộ Quốc phòng Nhật Bản công bố kế hoạch.', 'Hai bên ký Thoả thuận An ninh Cung ứng.'.normalize('NFD'), 'Ngày 10/4/2024, XNUMX.'];
const SOURCE = { file: 'article.txt', format: 'text' as const, sourceLang: 'vi', targetLang: 'en' };

function engine(name: string, targets: string[]): EngineFileResult {
  const translations: ParagraphTranslation[] = targets.map((target, i) => ({
    source: SOURCES[i]!.normalize('NFC'),
    target,
    engine: name,
    model: `${name}-1`,
    cached: i === 0,
    billedCharacters: i === 0 ? undefined : target.length,
    warnings: i === 2 ? ['placeholder-lost'] : [],
  }));
  return {
    engine: name,
    model: `${name}-1`,
    output: `out/article.${name}.en.txt`,
    translations,
    paragraphFindings: [[], [{ ruleId: 'term-missing', severity: 'error', message: 'not rendered', file: `out/article.${name}.en.txt`, paragraph: 2 }], []],
    otherFindings: [],
  };
}
const deepl = engine('deepl', ['Japan’s Ministry of Defense announced a plan.', 'The two sides signed the Security of Supply Arrangement.', 'On 10 April 2024, XNUMX.']);
const google = engine('google', ['The Japanese Defense Ministry announced a plan.', 'Both sides signed a Supply Security Agreement.', 'April 10, 2024, XNUMX.']);

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const c of chunks) out += c;
  return out;
}

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'vitrans-bilingual-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('bilingual JSON in pieces', () => {
  it('is one JSON document, one paragraph per line, equal to the document built whole', async () => {
    const written = await text(bilingualJson(bilingualHeader(SOURCE, null, [deepl, google]), bilingualParagraphs(SOURCES, [deepl, google])));
    expect(JSON.parse(written)).toEqual(buildBilingual(SOURCE, null, SOURCES, [deepl, google]));
    const lines = written.trimEnd().split('\n');
    expect(lines).toHaveLength(2 + SOURCES.length);
    expect(lines[0]!.endsWith('"paragraphs":[')).toBe(true);
    expect(JSON.parse(lines[1]!.replace(/,$/, ''))).toMatchObject({ index: 1, source: SOURCES[0] });
    expect(lines.at(-1)).toBe(']}');
    expect(JSON.parse(await text(bilingualJson(bilingualHeader(SOURCE, null, []), [])))).toMatchObject({ paragraphs: [] });
  });

  // An earlier file in this layout is read line by line, one in the older pretty layout whole.
  for (const layout of ['lines', 'pretty'] as const) {
    it(`keeps the engines of an earlier ${layout} file for the same source, as merging whole does`, async () => {
      const path = join(dir, 'article.bilingual.json');
      const earlier = buildBilingual(SOURCE, null, SOURCES, [google]);
      writeFileSync(path, layout === 'pretty' ? JSON.stringify(earlier, null, 2) + '\n' : await text(bilingualJson(bilingualHeader(SOURCE, null, [google]), earlier.paragraphs)));
      const header = bilingualHeader(SOURCE, null, [deepl]);
      const merged = await mergeWithPrevious(await readPreviousBilingual(path), header, SOURCES, () => bilingualParagraphs(SOURCES, [deepl]));
      expect(merged.dropped).toEqual([]);
      const doc = JSON.parse(await text(bilingualJson(merged.header, merged.paragraphs))) as BilingualDocument;
      expect(doc).toEqual(mergeBilingual(earlier, buildBilingual(SOURCE, null, SOURCES, [deepl])));
      expect(Object.keys(doc.engines)).toEqual(['deepl', 'google']);
      expect(doc.paragraphs[1]!.translations.google!.target).toBe('Both sides signed a Supply Security Agreement.');
    });
  }

  it('drops, and names, the engines of an earlier file for another text', async () => {
    const path = join(dir, 'article.bilingual.json');
    const other = [...SOURCES.slice(0, 2), 'Một đoạn khác.'];
    writeFileSync(path, await text(bilingualJson(bilingualHeader(SOURCE, null, [google]), bilingualParagraphs(other, [google]))));
    const merged = await mergeWithPrevious(await readPreviousBilingual(path), bilingualHeader(SOURCE, null, [deepl]), SOURCES, () => bilingualParagraphs(SOURCES, [deepl]));
    expect(merged.dropped).toEqual(['google']);
    expect(Object.keys(merged.header.engines)).toEqual(['deepl']);
  });

  it('does not keep, and names, an earlier engine that is missing from some paragraph', async () => {
    const path = join(dir, 'article.bilingual.json');
    const earlier = buildBilingual(SOURCE, null, SOURCES, [google]);
    delete (earlier.paragraphs[1]!.translations as Record<string, unknown>).google;
    writeFileSync(path, await text(bilingualJson(bilingualHeader(SOURCE, null, [google]), earlier.paragraphs)));
    const merged = await mergeWithPrevious(await readPreviousBilingual(path), bilingualHeader(SOURCE, null, [deepl]), SOURCES, () => bilingualParagraphs(SOURCES, [deepl]));
    expect(merged.dropped).toEqual(['google']);
    expect(JSON.parse(await text(bilingualJson(merged.header, merged.paragraphs)))).toEqual(mergeBilingual(earlier, buildBilingual(SOURCE, null, SOURCES, [deepl])));
  });

  it('replaces an earlier file cut off half way, or not JSON at all, without a word', async () => {
    const path = join(dir, 'article.bilingual.json');
    const full = await text(bilingualJson(bilingualHeader(SOURCE, null, [google]), bilingualParagraphs(SOURCES, [google])));
    for (const broken of [full.slice(0, full.indexOf('\n', full.indexOf('\n') + 1) + 30), 'not json', '']) {
      writeFileSync(path, broken);
      const merged = await mergeWithPrevious(await readPreviousBilingual(path), bilingualHeader(SOURCE, null, [deepl]), SOURCES, () => bilingualParagraphs(SOURCES, [deepl]));
      expect(merged.dropped).toEqual([]);
      expect(JSON.parse(await text(bilingualJson(merged.header, merged.paragraphs)))).toEqual(buildBilingual(SOURCE, null, SOURCES, [deepl]));
    }
    expect(readFileSync(path, 'utf8')).toBe('');
  });
});
