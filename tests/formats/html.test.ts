import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { articleHtml, readHtmlArticle } from '../../src/formats/html.js';
import { parseMarkdown } from '../../src/formats/markdown/segments.js';
import { InputError } from '../../src/core/errors.js';

const PAGE = readFileSync(resolve(import.meta.dirname, 'fixtures/zephyrnet-article.html'), 'utf8');

describe('reading a web page as an article', () => {
  it('keeps the article: headline, paragraphs, subheading, block quote, list, bold, italic and links', () => {
    const article = readHtmlArticle(PAGE, 'zephyrnet-article.html');
    expect(article.title).toBe('Tận dụng tối đa hợp tác công nghiệp quốc phòng Nhật-Mỹ');
    const blocks = article.markdown.trimEnd().split('\n\n');
    expect(blocks.map((b) => [...b].slice(0, 24).join(''))).toEqual([
      '# Tận dụng tối đa hợp tá',
      'Vào ngày 25 tháng XNUMX,',
      'Chuyến thăm của Kishida ',
      '## Hợp tác công nghiệp q',
      'Bộ trưởng Quốc phòng Mỹ ',
      '> *Ngoài ra, hai nước cô',
      '- Thiết bị đánh chặn pha',
      'Cuối cùng, Nhật Bản và M',
    ]);
    expect(article.markdown).toContain('[Nhà Trắng](https://www.whitehouse.gov/briefing-room/) công bố chuyến thăm cấp nhà nước');
    expect(article.markdown).toContain('**chuyến thăm cấp nhà nước đầu tiên**');
    // The seed's "XNUMX" artifacts are the article's text: kept as they are.
    expect(article.markdown).toContain('vào ngày 10 tháng 2024 năm XNUMX');
  });

  it('takes the headline from the <h1> when the <title> is that headline cut short: one heading, not two', () => {
    const paragraphs =
      '<p>Ngày 14 tháng 3, tại Hà Nội, Bộ Quốc phòng Việt Nam và Bộ Quốc phòng Nhật Bản đã hội đàm về hợp tác công nghiệp quốc phòng và an ninh hàng hải trong khu vực, với sự tham gia của nhiều quan chức cấp cao của hai nước.</p>' +
      '<p>Hai bên nhất trí rằng hợp tác quốc phòng là một trụ cột quan trọng của quan hệ Đối tác Chiến lược Toàn diện, được nâng cấp vào tháng 11/2023, và sẽ tiếp tục được tăng cường trong thời gian tới.</p>';
    for (const title of ['Việt Nam và Nhật Bản', 'Việt Nam và Nhật Bản thúc đẩy…']) {
      const page = `<!DOCTYPE html><html><head><title>${title}</title></head><body><nav><a href="/">Trang chủ</a></nav><article><h1>Việt Nam và Nhật Bản thúc đẩy hợp tác quốc phòng</h1>${paragraphs}</article><footer>Bản quyền 2024</footer></body></html>`;
      const article = readHtmlArticle(page, 'qdnd.html');
      const headings = article.markdown.split('\n\n').filter((b) => b.startsWith('#'));
      expect(headings, title).toEqual(['# Việt Nam và Nhật Bản thúc đẩy hợp tác quốc phòng']);
      expect(article.title).toBe('Việt Nam và Nhật Bản thúc đẩy hợp tác quốc phòng');
    }
  });

  it('leaves out the page around it: menu, search, ads, share buttons, tags, related articles, footer, scripts', () => {
    const { markdown } = readHtmlArticle(PAGE, 'zephyrnet-article.html');
    for (const chrome of ['Trang chủ', 'Tìm kiếm', 'Quảng cáo', 'Chia sẻ Facebook', 'Tweet', 'Tin tức mới nhất', 'Hàn Quốc công bố', 'Bảo lưu mọi quyền', 'Chính sách bảo mật', 'dataLayer', 'Logo Zephyrnet']) {
      expect(markdown).not.toContain(chrome);
    }
  });

  it('writes Markdown the translate pipeline cuts into the same blocks, markup protected', () => {
    const { markdown } = readHtmlArticle(PAGE, 'zephyrnet-article.html');
    const doc = parseMarkdown(markdown);
    expect(doc.segments).toHaveLength(9); // headline, 5 paragraphs, subheading, 2 list items
    const linked = doc.segments.find((s) => s.text.includes('[Nhà Trắng]'))!;
    expect(linked.markup.map((m) => linked.text.slice(m.start, m.end))).toEqual(['[', '](https://www.whitehouse.gov/briefing-room/)']);
  });

  it('escapes text Markdown would read as markup', () => {
    const html = `<html><head><title>Tin</title></head><body><article><h1>Tin nóng</h1><p>${'Giá tăng 5*3 lần so với [dự báo] của_quỹ. '.repeat(8)}</p><p>- không phải danh sách, ${'chỉ là câu văn dài của bài báo. '.repeat(8)}</p></article></body></html>`;
    const { markdown } = readHtmlArticle(html, 'tin.html');
    expect(markdown).toContain('Giá tăng 5\\*3 lần so với \\[dự báo\\] của\\_quỹ.');
    expect(markdown).toContain('\n\n\\- không phải danh sách');
  });

  it('says so when a page has no article', () => {
    const html = '<html><head><title>Zephyrnet</title></head><body><nav><a href="/">Trang chủ</a></nav></body></html>';
    expect(() => readHtmlArticle(html, 'home.html')).toThrow(InputError);
    expect(() => readHtmlArticle(html, 'home.html')).toThrow('no article found in this web page');
  });
});

describe('writing an article as a clean HTML page', () => {
  it('gives the headline as title and <h1>, and the article’s blocks and inline markup, nothing else', () => {
    const markdown =
      '# Making the Most of Japan-U.S. Defense Industrial Cooperation\n\n' +
      'On 25 March, [the White House](https://www.whitehouse.gov/briefing-room/) announced a **state visit** by *Prime Minister* Kishida.\n\n' +
      '## Defense industrial cooperation\n\n' +
      '> *Beyond the headlines*, the two allies\n\n' +
      '- Patriot missiles made in Japan\n- Glide Phase Interceptor (GPI)\n\n' +
      '1. First\n2. Second\n';
    expect(articleHtml(markdown, 'en-GB')).toBe(
      '<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
        '<title>Making the Most of Japan-U.S. Defense Industrial Cooperation</title>\n</head>\n<body>\n<article>\n' +
        '<h1>Making the Most of Japan-U.S. Defense Industrial Cooperation</h1>\n' +
        '<p>On 25 March, <a href="https://www.whitehouse.gov/briefing-room/">the White House</a> announced a <strong>state visit</strong> by <em>Prime Minister</em> Kishida.</p>\n' +
        '<h2>Defense industrial cooperation</h2>\n' +
        '<blockquote>\n<p><em>Beyond the headlines</em>, the two allies</p>\n</blockquote>\n' +
        '<ul>\n<li>Patriot missiles made in Japan</li>\n<li>Glide Phase Interceptor (GPI)</li>\n</ul>\n' +
        '<ol>\n<li>First</li>\n<li>Second</li>\n</ol>\n' +
        '</article>\n</body>\n</html>\n',
    );
  });

  it('escapes everything: raw HTML an engine wrote, ampersands, quotes in the title and language, script links', () => {
    const page = articleHtml('# "AT&T" <b>and</b> Việt Nam\n\nThe <script>alert(1)</script> & [click](javascript:alert(1)) [ok](https://vnexpress.net/?a=1&b="2")\n', 'en"><script>');
    expect(page).toContain('<html lang="en&quot;&gt;&lt;script&gt;">');
    expect(page).toContain('<title>&quot;AT&amp;T&quot; &lt;b&gt;and&lt;/b&gt; Việt Nam</title>');
    expect(page).toContain('<p>The &lt;script&gt;alert(1)&lt;/script&gt; &amp; [click](javascript:alert(1)) <a href="https://vnexpress.net/?a=1&amp;b=%222%22">ok</a></p>');
    expect(page).not.toMatch(/<script|<b>|href="javascript/);
  });
});
