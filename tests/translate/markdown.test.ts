import { describe, it, expect } from 'vitest';
import { createViMatcher } from '../../src/glossary/vi-matcher.js';
import { parseMarkdown, renderMarkdown } from '../../src/formats/markdown/segments.js';
import { translateParagraphs } from '../../src/translate/orchestrator.js';
import { maskText } from '../../src/translate/placeholders.js';
import { FakeEngine, pseudoTranslate } from './fake-engine.js';
import { parseGlossary } from '../../src/glossary/load.js';
import { MemoryTranslationCache } from '../../src/store/index.js';
import type { TranslateProgress } from '../../src/translate/types.js';
import { testGlossary } from './helpers.js';

const ARTICLE = `# Hợp tác công nghiệp quốc phòng Nhật-Mỹ

Vào ngày 25 tháng XNUMX, **Nhà Trắng** công bố chuyến thăm của *Thủ tướng* Nhật Bản.
Xem [báo cáo đầy đủ](https://example.vn/bao-cao_2024?id=1) và \`RDT&E\`.

- Biên bản ghi nhớ (MOU) về hợp tác
- Thoả thuận An ninh Cung ứng (SOSA)
  với nhiều điều khoản

> Hòa bình và ổn định là lợi ích chung.

![Bản đồ khu vực](https://example.vn/map.png)

\`\`\`ts
const nam = 'năm 2024'; // không dịch
\`\`\`

<div class="note">Ghi chú HTML không gửi đi</div>

1. Mục thứ nhất với <abbr>GPI</abbr>
`;


/** Translates a parsed Markdown document's segments with `engine` (and whatever else is given). */
function translateDocument(
  doc: ReturnType<typeof parseMarkdown>,
  engine: FakeEngine,
  more: Partial<Parameters<typeof translateParagraphs>[0]> = {},
): ReturnType<typeof translateParagraphs> {
  return translateParagraphs({
    engine,
    paragraphs: doc.segments.map((s) => s.text),
    markup: doc.segments.map((s) => s.markup),
    sourceLang: 'vi',
    targetLang: 'en',
    concurrency: 1,
    ...more,
  });
}

describe('parseMarkdown', () => {
  it('translates a paragraph written right below an HTML comment, and keeps the comment as it is', () => {
    const doc = parseMarkdown('<!-- ghi chú: không dịch -->\nBộ Quốc phòng Nhật Bản đã ký.\n\n<!-- nhiều\ndòng -->\nHết.\n');
    expect(doc.segments.map((s) => s.text)).toEqual(['Bộ Quốc phòng Nhật Bản đã ký.', 'Hết.']);
    expect(renderMarkdown(doc, ['The Japanese Ministry of Defense signed.', 'End.'])).toBe(
      '<!-- ghi chú: không dịch -->\nThe Japanese Ministry of Defense signed.\n\n<!-- nhiều\ndòng -->\nEnd.\n',
    );
  });

  it('sends only text: code blocks, HTML blocks and URLs are never in a segment', () => {
    const doc = parseMarkdown(ARTICLE);
    const texts = doc.segments.map((s) => s.text);
    expect(texts).toEqual([
      'Hợp tác công nghiệp quốc phòng Nhật-Mỹ',
      'Vào ngày 25 tháng XNUMX, **Nhà Trắng** công bố chuyến thăm của *Thủ tướng* Nhật Bản. Xem [báo cáo đầy đủ](https://example.vn/bao-cao_2024?id=1) và `RDT&E`.',
      'Biên bản ghi nhớ (MOU) về hợp tác',
      'Thoả thuận An ninh Cung ứng (SOSA) với nhiều điều khoản',
      'Hòa bình và ổn định là lợi ích chung.',
      '![Bản đồ khu vực](https://example.vn/map.png)',
      'Mục thứ nhất với <abbr>GPI</abbr>',
    ]);
    const markup = doc.segments[1]!.markup.map((m) => m.replacement);
    expect(markup).toEqual(['**', '**', '*', '*', '[', '](https://example.vn/bao-cao_2024?id=1)', '`RDT&E`']);
    expect(doc.segments[6]!.markup.map((m) => m.replacement)).toEqual(['<abbr>', '</abbr>']);
  });

  it('renders untouched when every segment is given back as it was', () => {
    const doc = parseMarkdown(ARTICLE);
    const rendered = renderMarkdown(doc, doc.segments.map((s) => s.text));
    // Only the soft line breaks inside paragraphs and list items are joined.
    expect(rendered).toBe(
      ARTICLE.replace('Nhật Bản.\nXem', 'Nhật Bản. Xem').replace('(SOSA)\n  với', '(SOSA) với'),
    );
  });

  it('normalises NFD input to NFC', () => {
    const doc = parseMarkdown('## Thỏa thuận hòa bình'.normalize('NFD'));
    expect(doc.segments[0]!.text).toBe('Thỏa thuận hòa bình');
  });

});

describe('translating Markdown', () => {
  it('keeps structure, emphasis, links, images and code while the text is translated', async () => {
    const doc = parseMarkdown(ARTICLE);
    const engine = new FakeEngine();
    const out = await translateDocument(doc, engine, { concurrency: 2 });
    const sent = engine.sentTexts.join('\n');
    expect(sent).not.toMatch(/https?:|RDT&E|const nam|<div|<abbr>|\*\*/);
    // The image's alt text is sent between the placeholders of its markup.
    expect(engine.sentTexts).toHaveLength(7);
    expect(engine.sentTexts[5]).toBe('⟦1⟧Bản đồ khu vực⟦2⟧');
    const md = renderMarkdown(doc, out.map((o) => o.target));
    expect(md).toContain('# EN: Hợp tác industry defence Nhật-Mỹ\n');
    expect(md).toContain('**Nhà Trắng**');
    expect(md).toContain('*Thủ tướng* Japan');
    expect(md).toContain('[báo cáo đầy đủ](https://example.vn/bao-cao_2024?id=1) and `RDT&E`.');
    expect(md).toContain('- EN: Biên bản ghi nhớ (MOU) về cooperation\n');
    expect(md).toContain('> EN: Hòa bình and ổn định là lợi ích chung.\n');
    expect(md).toContain('\nEN: ![Bản đồ khu vực](https://example.vn/map.png)\n');
    expect(md).toContain("```ts\nconst nam = 'năm 2024'; // không dịch\n```");
    expect(md).toContain('<div class="note">Ghi chú HTML không gửi đi</div>');
    expect(md).toContain('1. EN: Mục thứ nhất với <abbr>GPI</abbr>\n');
    expect(out.every((o) => o.warnings.length === 0)).toBe(true);
    expect(out[1]!.target).toBe(pseudoTranslate(engine.sentTexts[1]!).replace('⟦1⟧', '**').replace('⟦2⟧', '**').replace('⟦3⟧', '*').replace('⟦4⟧', '*').replace('⟦5⟧', '[').replace('⟦6⟧', '](https://example.vn/bao-cao_2024?id=1)').replace('⟦7⟧', '`RDT&E`'));
  });

  it('warns markup-lost when an engine drops a markup placeholder', async () => {
    const doc = parseMarkdown('Xem `mã nguồn` tại đây.');
    const engine = new FakeEngine({ mangle: (o) => o.replace('⟦1⟧', '') });
    const [out] = await translateParagraphs({ engine, paragraphs: [doc.segments[0]!.text], markup: [doc.segments[0]!.markup], sourceLang: 'vi', targetLang: 'en', concurrency: 1 });
    expect(out!.warnings).toEqual(['markup-lost']);
    expect(out!.target).not.toContain('⟦');
  });
});

/** A table (NFD text, old-style tone marks, escaped pipes), an image with a title, titled links. */
const TABLE_ARTICLE = `## Các văn kiện hợp tác

| Bên ký | Văn kiện | Năm |
|:-------|:--------:|----:|
| **Nhà Trắng** | ${'Thoả thuận An ninh Cung ứng (SOSA)'.normalize('NFD')} | 2024 |
| Bộ Quốc phòng | chuỗi cung ứng \`a\\|b\` hoặc A \\| B | — |
|  | ${'Hòa bình và hợp tác'.normalize('NFD')} |  |

![ảnh Nhà Trắng](https://example.vn/anh_nha-trang.png "tiêu đề ảnh")

Xem [báo cáo](https://example.vn/bao-cao "Báo cáo hợp tác quốc phòng") và [nguồn](<https://example.vn/a b>) hay [wiki](https://vi.wikipedia.org/wiki/Hà_Nội_(định_hướng)).

    const nam = 'năm 2024'; // mã thụt lề không dịch

> | Cột một | Cột hai |
> |---|---|
> | giá trị | Nhật Bản |

[1]: https://example.vn/nguon "Nguồn chính thức"
[2]: https://example.vn/khac
`;

describe('Markdown tables, image alt text and titles', () => {
  it('makes each table cell, alt text and title translatable, never a pipe, URL or delimiter row', () => {
    const doc = parseMarkdown(TABLE_ARTICLE);
    expect(doc.segments.map((s) => maskText(s.text, s.markup).text)).toEqual([
      'Các văn kiện hợp tác',
      'Bên ký',
      'Văn kiện',
      'Năm',
      '⟦1⟧Nhà Trắng⟦2⟧',
      'Thoả thuận An ninh Cung ứng (SOSA)',
      'Bộ Quốc phòng',
      'chuỗi cung ứng ⟦1⟧ hoặc A ⟦2⟧ B',
      'Hòa bình và hợp tác',
      '⟦1⟧ảnh Nhà Trắng⟦2⟧tiêu đề ảnh⟦3⟧',
      'Xem ⟦1⟧báo cáo⟦2⟧Báo cáo hợp tác quốc phòng⟦3⟧ và ⟦4⟧nguồn⟦5⟧ hay ⟦6⟧wiki⟦7⟧.',
      'Cột một',
      'Cột hai',
      'giá trị',
      'Nhật Bản',
      'Nguồn chính thức',
    ]);
    // NFD in, NFC segments (and the old-style tone mark of "Thoả" is kept as written).
    expect(doc.segments[5]!.text).toBe('Thoả thuận An ninh Cung ứng (SOSA)'.normalize('NFC'));
    expect(doc.segments[7]!.markup.map((m) => m.replacement)).toEqual(['`a\\|b`', '\\|']);
    expect(doc.segments[9]!.markup.map((m) => m.replacement)).toEqual(['![', '](https://example.vn/anh_nha-trang.png "', '")']);
    expect(doc.segments[10]!.markup.map((m) => m.replacement)).toEqual([
      '[',
      '](https://example.vn/bao-cao "',
      '")',
      '[',
      '](<https://example.vn/a b>)',
      '[',
      '](https://vi.wikipedia.org/wiki/Hà_Nội_(định_hướng))',
    ]);
    // Nothing is joined here: given back unchanged, the document renders byte for byte (as NFC).
    expect(renderMarkdown(doc, doc.segments.map((s) => s.text))).toBe(TABLE_ARTICLE.normalize('NFC'));
  });

  it('is deterministic: the same source gives the same segments and markup', () => {
    expect(parseMarkdown(TABLE_ARTICLE)).toEqual(parseMarkdown(TABLE_ARTICLE.normalize('NFC')));
  });

  it('translates the cells, alt text and titles with glossary masking, keeping the table shape byte for byte', async () => {
    const doc = parseMarkdown(TABLE_ARTICLE);
    const glossary = testGlossary();
    const engine = new FakeEngine({ glossary: 'none' });
    const out = await translateDocument(doc, engine, { glossary, viMatcher: createViMatcher(glossary.entries) });
    const sent = engine.sentTexts;
    expect(sent.join('\n')).not.toMatch(/https?:|example\.vn|\||:--|const nam|\*\*|!\[|\]\(|"/);
    // The old-style "Thoả thuận" term is masked inside its cell.
    expect(sent).toContain('⟦1⟧ (SOSA)');
    expect(sent).toContain('⟦1⟧ảnh Nhà Trắng⟦2⟧tiêu đề ảnh⟦3⟧');
    expect(sent).toContain('Nguồn chính thức');
    expect(out.every((o) => o.warnings.length === 0)).toBe(true);
    expect(renderMarkdown(doc, out.map((o) => o.target))).toBe(`## EN: Các văn kiện cooperation

| EN: Bên ký | EN: Văn kiện | EN: Năm |
|:-------|:--------:|----:|
| EN: **Nhà Trắng** | EN: Security of Supply Arrangement (SOSA) | 2024 |
| EN: Bộ Quốc phòng | EN: chuỗi cung ứng \`a\\|b\` hoặc A \\| B | — |
|  | EN: Hòa bình and cooperation |  |

EN: ![ảnh Nhà Trắng](https://example.vn/anh_nha-trang.png "tiêu đề ảnh")

EN: Xem [báo cáo](https://example.vn/bao-cao "Báo cáo cooperation defence") and [nguồn](<https://example.vn/a b>) hay [wiki](https://vi.wikipedia.org/wiki/Hà_Nội_(định_hướng)).

    const nam = 'năm 2024'; // mã thụt lề không dịch

> | EN: Cột một | EN: Cột hai |
> |---|---|
> | EN: giá trị | EN: Japan |

[1]: https://example.vn/nguon "EN: Nguồn chính thức"
[2]: https://example.vn/khac
`);
  });

  it('keeps the table shape even when an engine drops every placeholder in a cell', async () => {
    const source = '| Tên | Ghi chú |\n|---|:-:|\n| **Nhà Trắng** | A \\| B |\n';
    const doc = parseMarkdown(source);
    const engine = new FakeEngine({ mangle: (o) => o.replace(/⟦\d+⟧/g, '') });
    const out = await translateDocument(doc, engine);
    expect(out.map((o) => o.warnings)).toEqual([[], [], ['markup-lost'], ['markup-lost']]);
    const md = renderMarkdown(doc, out.map((o) => o.target));
    expect(md).toBe('| EN: Tên | EN: Ghi chú |\n|---|:-:|\n| EN: Nhà Trắng | EN: A  B |\n');
    // Lost markup (the escaped pipe) is reported; the cell-separating pipes are all there.
    const pipes = (text: string): string[] => text.split('\n').map((l) => l.replace(/\\\|/g, '').replace(/[^|]/g, ''));
    expect(pipes(md)).toEqual(pipes(source));
  });

  it('leaves indented code, HTML, fences and delimiter rows verbatim, and table-like text outside tables cell by cell', () => {
    const source = [
      'Đoạn mở đầu.',
      '',
      '    mã thụt lề: không dịch',
      '',
      '- mục danh sách',
      '',
      '      mã trong mục: không dịch',
      '',
      '  đoạn tiếp trong mục',
      '',
      '<table><tr><td>bảng HTML không dịch</td></tr></table>',
      '',
      '```',
      '| không | dịch |',
      '```',
      '',
      '| dòng lẻ | không có hàng phân cách |',
      '|---|---|',
      'Một | Hai | Ba',
      '',
    ].join('\n');
    const doc = parseMarkdown(source);
    expect(doc.segments.map((s) => s.text)).toEqual(['Đoạn mở đầu.', 'mục danh sách', 'đoạn tiếp trong mục', 'dòng lẻ', 'không có hàng phân cách', 'Một', 'Hai', 'Ba']);
    expect(renderMarkdown(doc, doc.segments.map((_, i) => `<${i}>`))).toBe(
      source
        .replace('Đoạn mở đầu.', '<0>')
        .replace('mục danh sách', '<1>')
        .replace('đoạn tiếp trong mục', '<2>')
        .replace('| dòng lẻ | không có hàng phân cách |', '| <3> | <4> |')
        .replace('Một | Hai | Ba', '<5> | <6> | <7>'),
    );
  });
});

describe('Markdown front matter, indented code and glossary terms at sentence starts', () => {
  it('keeps YAML front matter at the very start verbatim and sends none of it', () => {
    const source = '---\ntitle: Hợp tác quốc phòng\ntags: [quốc phòng, Nhật Bản]\n---\n\n# Hợp tác\n\nĐoạn văn.\n';
    const doc = parseMarkdown(source);
    expect(doc.segments.map((s) => s.text)).toEqual(['Hợp tác', 'Đoạn văn.']);
    expect(renderMarkdown(doc, ['Cooperation', 'A paragraph.'])).toBe('---\ntitle: Hợp tác quốc phòng\ntags: [quốc phòng, Nhật Bản]\n---\n\n# Cooperation\n\nA paragraph.\n');
    // Only at the very start, and only when closed.
    expect(parseMarkdown('Đoạn.\n\n---\n\nĐoạn hai.\n').segments.map((s) => s.text)).toEqual(['Đoạn.', 'Đoạn hai.']);
    expect(parseMarkdown('---\n\nĐoạn không có phần đầu.\n').segments.map((s) => s.text)).toEqual(['Đoạn không có phần đầu.']);
  });

  it('keeps indented code verbatim after a list ended by a fence or an HTML block', () => {
    for (const between of ['```\nmã\n```', '<div>khối HTML</div>']) {
      const source = `- mục danh sách\n\n${between}\n\n    mã thụt lề: không dịch\n`;
      const doc = parseMarkdown(source);
      expect(doc.segments.map((s) => s.text)).toEqual(['mục danh sách']);
      expect(renderMarkdown(doc, ['list item'])).toBe(source.replace('mục danh sách', 'list item'));
    }
  });

  it('capitalises a masked term that starts a sentence or a heading, as the glossary writes it otherwise', async () => {
    const glossary = parseGlossary(
      'version: 1\nname: t\nentries:\n  - vi: chuyến thăm cấp nhà nước\n    en: state visit\n  - vi: Thiết bị đánh chặn pha bay\n    en: Glide Phase Interceptor\n    acronym: GPI\n',
      'glossary.yaml',
    );
    const doc = parseMarkdown('## Chuyến thăm cấp nhà nước\n\nChuyến thăm cấp nhà nước diễn ra. Sau chuyến thăm cấp nhà nước, hai bên họp.\n');
    const english = (o: string): string => o.replace(/^EN: /, '').replace('diễn ra', 'took place').replace('Sau', 'After').replace('hai bên họp', 'the two sides met');
    const engine = new FakeEngine({ glossary: 'none', mangle: english });
    const out = await translateDocument(doc, engine, { glossary, viMatcher: createViMatcher(glossary.entries) });
    expect(engine.sentTexts).toEqual(['⟦1⟧ diễn ra. Sau ⟦2⟧, hai bên họp.']);
    expect(renderMarkdown(doc, out.map((o) => o.target))).toBe('## State visit\n\nState visit took place. After state visit, the two sides met.\n');
  });

  it('reports progress up to the total on a fully cached rerun (verbatim blocks and local segments included)', async () => {
    const doc = parseMarkdown('# Hợp tác\n\n| Năm | Số |\n|---|---|\n| 2024 | **12** |\n\n**2025**\n\n```\nmã\n```\n\nĐoạn văn.\n');
    const cache = new MemoryTranslationCache();
    const run = (engine: FakeEngine, events: TranslateProgress[] = []) =>
      translateDocument(doc, engine, { cache, onProgress: (e) => events.push(e) });
    await run(new FakeEngine());
    const events: TranslateProgress[] = [];
    const rerun = new FakeEngine();
    await run(rerun, events);
    expect(rerun.requests).toHaveLength(0);
    const total = doc.segments.length;
    expect(events.at(-1)).toMatchObject({ type: 'progress', total, done: total });
  });
});


describe('footnotes and hard line breaks', () => {
  const translate = async (md: string): Promise<{ doc: ReturnType<typeof parseMarkdown>; engine: FakeEngine; out: string }> => {
    const doc = parseMarkdown(md);
    const engine = new FakeEngine();
    const results = await translateDocument(doc, engine);
    expect(results.every((r) => r.warnings.length === 0)).toBe(true);
    return { doc, engine, out: renderMarkdown(doc, results.map((r) => r.target)) };
  };

  it('translates a footnote definition and keeps its label; protects footnote references', async () => {
    const md = 'Quy định mới[^1] về hợp tác.\n\n[^1]: Chú thích về kiểm soát xuất khẩu.\n    Dòng tiếp theo của chú thích.\n';
    const { doc, engine, out } = await translate(md);
    expect(doc.segments.map((s) => s.text)).toEqual(['Quy định mới[^1] về hợp tác.', 'Chú thích về kiểm soát xuất khẩu. Dòng tiếp theo của chú thích.']);
    expect(engine.sentTexts).toEqual(['Quy định mới⟦1⟧ về hợp tác.', 'Chú thích về kiểm soát xuất khẩu. Dòng tiếp theo của chú thích.']);
    expect(out).toBe('EN: Quy định mới[^1] về cooperation.\n\n[^1]: EN: Chú thích về kiểm soát xuất khẩu. Dòng tiếp theo của chú thích.\n');
  });

  it('still keeps reference definitions without a title verbatim', () => {
    const doc = parseMarkdown('[báo cáo]: https://example.vn/bao-cao\n');
    expect(doc.segments).toEqual([]);
  });

  it('keeps hard line breaks (two trailing spaces, a trailing backslash) where they were', async () => {
    const md = 'dòng một  \ndòng hai\\\ndòng ba\ndòng bốn\n\n> trích dẫn  \n> tiếp theo\n\n- mục một  \n  tiếp theo\n';
    const { engine, out } = await translate(md);
    expect(engine.sentTexts).toEqual(['dòng một⟦1⟧dòng hai⟦2⟧dòng ba dòng bốn', 'trích dẫn⟦1⟧tiếp theo', 'mục một⟦1⟧tiếp theo']);
    expect(out).toBe('EN: dòng một  \ndòng hai\\\ndòng ba dòng bốn\n\n> EN: trích dẫn  \n> tiếp theo\n\n- EN: mục một  \n  tiếp theo\n');
  });

  it('does not take an escaped backslash or a last line for a hard break', () => {
    expect(parseMarkdown('dòng một\\\\\ndòng hai  \n').segments[0]).toMatchObject({ text: 'dòng một\\\\ dòng hai' });
    expect(parseMarkdown('`mã  \ncode`').segments[0]!.markup.map((m) => m.replacement)).toEqual(['`mã  \ncode`']);
  });
});
