import { describe, it, expect } from 'vitest';
import { isMarkdownPath, parseMarkdown, renderMarkdown } from '../../src/translate/markdown.js';
import { translateParagraphs } from '../../src/translate/orchestrator.js';
import { FakeEngine, pseudoTranslate } from './fake-engine.js';

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

describe('parseMarkdown', () => {
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

  it('recognises Markdown paths', () => {
    expect(isMarkdownPath('bai-viet.md')).toBe(true);
    expect(isMarkdownPath('bai-viet.MARKDOWN')).toBe(true);
    expect(isMarkdownPath('bai-viet.txt')).toBe(false);
  });
});

describe('translating Markdown', () => {
  it('keeps structure, emphasis, links, images and code while the text is translated', async () => {
    const doc = parseMarkdown(ARTICLE);
    const engine = new FakeEngine();
    const out = await translateParagraphs({
      engine,
      paragraphs: doc.segments.map((s) => s.text),
      markup: doc.segments.map((s) => s.markup),
      sourceLang: 'vi',
      targetLang: 'en',
      concurrency: 2,
    });
    const sent = engine.sentTexts.join('\n');
    expect(sent).not.toMatch(/https?:|RDT&E|const nam|<div|<abbr>|\*\*/);
    // The lone image has no text of its own: it is not sent at all.
    expect(engine.sentTexts).toHaveLength(6);
    const md = renderMarkdown(doc, out.map((o) => o.target));
    expect(md).toContain('# EN: Hợp tác industry defence Nhật-Mỹ\n');
    expect(md).toContain('**Nhà Trắng**');
    expect(md).toContain('*Thủ tướng* Japan');
    expect(md).toContain('[báo cáo đầy đủ](https://example.vn/bao-cao_2024?id=1) and `RDT&E`.');
    expect(md).toContain('- EN: Biên bản ghi nhớ (MOU) về cooperation\n');
    expect(md).toContain('> EN: Hòa bình and ổn định là lợi ích chung.\n');
    expect(md).toContain('\n![Bản đồ khu vực](https://example.vn/map.png)\n');
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
