import { describe, expect, it } from 'vitest';
import { blankMarkdownCode, isMarkdownFile } from '../../src/text/markdown.js';

describe('blankMarkdownCode', () => {
  const article = [
    '# Hợp tác quốc phòng Nhật-Mỹ',
    '',
    'Hai bên ký **Biên bản ghi nhớ** (MOU), xem [thông cáo](https://example.vn/mou "Biên bản ghi nhớ") và <https://bqp.vn/Biên-bản>.',
    '',
    '```yaml',
    'vi: Biên bản ghi nhớ',
    '```',
    '',
    'Mã `Biên bản ghi nhớ` và <span title="Thoả thuận">Thoả thuận An ninh Cung ứng</span>.',
    '',
  ].join('\n');
  const blanked = blankMarkdownCode(article);

  it('keeps every offset and line', () => {
    expect(blanked).toHaveLength(article.length);
    expect(blanked.split('\n').map((l) => l.length)).toEqual(article.split('\n').map((l) => l.length));
  });

  it('keeps the prose, headings and emphasis', () => {
    expect(blanked).toContain('# Hợp tác quốc phòng Nhật-Mỹ');
    expect(blanked).toContain('Hai bên ký **Biên bản ghi nhớ** (MOU), xem [thông cáo]');
    expect(blanked).toContain('Thoả thuận An ninh Cung ứng');
  });

  it('blanks code, HTML tags and their attributes, autolinks and link targets with their titles', () => {
    // The prose keeps one "Biên bản ghi nhớ"; code, the link title and the URLs lose theirs.
    expect(blanked.match(/Biên bản ghi nhớ/g)).toHaveLength(1);
    expect(blanked).not.toContain('https://');
    expect(blanked).not.toContain('<span');
    expect(blanked).not.toContain('yaml');
    expect(blanked).not.toContain('`');
  });

  it('blanks an unclosed fence to the end of the file', () => {
    expect(blankMarkdownCode('Mở đầu\n\n```\nBộ Quốc phòng\n').trim()).toBe('Mở đầu');
  });

  it('knows Markdown files by their extension', () => {
    expect(isMarkdownFile('bài báo.md')).toBe(true);
    expect(isMarkdownFile('a.MARKDOWN')).toBe(true);
    expect(isMarkdownFile('a.en.txt')).toBe(false);
  });
});
