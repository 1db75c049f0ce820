import { describe, it, expect } from 'vitest';
import { displayWidth, escapeHtml, escapeHtmlShowingControls, escapeHtmlText, escapeMarkdown, wrapWords } from '../../src/report/escape.js';

describe('escapeHtml', () => {
  it('escapes the five characters that can open markup or close an attribute', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')"> & co`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co');
  });

  it('leaves Vietnamese text, NFC or NFD, untouched', () => {
    const nfd = 'Thoả thuận An ninh Cung ứng'.normalize('NFD');
    expect(escapeHtml(nfd)).toBe(nfd);
    expect(escapeHtml('Bộ Quốc phòng Nhật Bản')).toBe('Bộ Quốc phòng Nhật Bản');
  });

  it('escapes an already escaped entity again (content is text, never markup)', () => {
    expect(escapeHtml('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;');
  });
});

describe('escapeMarkdown', () => {
  it('backslash-escapes markup and pipes, and keeps a cell on one line', () => {
    expect(escapeMarkdown('a | *b* _c_ <i>d</i> [e](f) `g` ~~h~~\nnext')).toBe(
      'a \\| \\*b\\* \\_c\\_ \\<i\\>d\\</i\\> \\[e\\](f) \\`g\\` \\~\\~h\\~\\~ next',
    );
  });

  it('escapes backslashes first so an escape cannot be undone', () => {
    expect(escapeMarkdown('\\|')).toBe('\\\\\\|');
  });
});

describe('displayWidth and wrapWords', () => {
  it('count NFD tone marks as taking no column', () => {
    expect(displayWidth('Thuỷ'.normalize('NFD'))).toBe(4);
    expect(displayWidth('\x1b[31mhoà\x1b[39m')).toBe(3);
  });

  it('wrap at word boundaries within the width', () => {
    expect(wrapWords('Vào ngày 25 tháng XNUMX, Nhà Trắng công bố', 12)).toEqual(['Vào ngày 25', 'tháng XNUMX,', 'Nhà Trắng', 'công bố']);
  });
});

describe('bidirectional controls in HTML', () => {
  const all = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C';

  it('shows each of the twelve as a mark with its code point and name, never the character', () => {
    const html = escapeHtmlText(`<b>${all}</b>`);
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
    expect(html.startsWith('&lt;b&gt;')).toBe(true);
    expect([...html.matchAll(/<span class="bidi" title="([^"]+)">(\w+)<\/span>/g)].map((m) => `${m[2]} ${m[1]}`)).toEqual([
      'LRE U+202A LEFT-TO-RIGHT EMBEDDING (shown, not applied)',
      'RLE U+202B RIGHT-TO-LEFT EMBEDDING (shown, not applied)',
      'PDF U+202C POP DIRECTIONAL FORMATTING (shown, not applied)',
      'LRO U+202D LEFT-TO-RIGHT OVERRIDE (shown, not applied)',
      'RLO U+202E RIGHT-TO-LEFT OVERRIDE (shown, not applied)',
      'LRI U+2066 LEFT-TO-RIGHT ISOLATE (shown, not applied)',
      'RLI U+2067 RIGHT-TO-LEFT ISOLATE (shown, not applied)',
      'FSI U+2068 FIRST STRONG ISOLATE (shown, not applied)',
      'PDI U+2069 POP DIRECTIONAL ISOLATE (shown, not applied)',
      'LRM U+200E LEFT-TO-RIGHT MARK (shown, not applied)',
      'RLM U+200F RIGHT-TO-LEFT MARK (shown, not applied)',
      'ALM U+061C ARABIC LETTER MARK (shown, not applied)',
    ]);
    expect(escapeHtmlText('Bộ Quốc phòng & "GPI"')).toBe(escapeHtml('Bộ Quốc phòng & "GPI"'));
  });

  it('writes them out where no markup may go (attributes, the page title)', () => {
    expect(escapeHtmlShowingControls('bai-viet\u202Etxt.exe "x"')).toBe('bai-viet[U+202E RLO]txt.exe &quot;x&quot;');
    expect(escapeHtmlShowingControls(all)).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C<>"]/);
  });
});
