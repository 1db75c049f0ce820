import { describe, it, expect } from 'vitest';
import { displayWidth, escapeHtml, escapeMarkdown, wrapWords } from '../../src/report/escape.js';

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
