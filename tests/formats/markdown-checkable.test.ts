import { describe, expect, it } from 'vitest';
import { blankMarkdownCode, isMarkdownFile } from '../../src/formats/markdown/checkable.js';

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

  it('blanks reference-style link definitions: label, URL and title', () => {
    const text = 'Xem [chuyến thăm][r1] và [Patriot][].\n\n[r1]: https://example.com/state-level-visit "Patriot rocket"\n[r2]: <https://a.vn/x>\n  \'Biên bản ghi nhớ\'\n';
    const out = blankMarkdownCode(text);
    expect(out).toHaveLength(text.length);
    expect(out).not.toMatch(/https|example|state-level|Patriot rocket|Biên bản|r1|r2/);
    expect(out).toContain('Xem [chuyến thăm]     và [Patriot]  .');
    // A footnote is prose, not a link definition.
    expect(blankMarkdownCode('[^1]: Bộ Quốc phòng cho biết.')).toBe('[^1]: Bộ Quốc phòng cho biết.');
  });

  it('blanks indented code blocks after a blank line, but not indented list content or wrapped lines', () => {
    const text = [
      'Đoạn văn.',
      '',
      '    Bộ Quốc phòng = mã',
      '\tThoả thuận',
      '',
      '- Mục một',
      '',
      '    Lầu Năm Góc trong mục',
      '',
      'Dòng đầu',
      '    Hoa Kỳ tiếp theo',
    ].join('\n');
    const out = blankMarkdownCode(text);
    expect(out.split('\n').map((l) => l.length)).toEqual(text.split('\n').map((l) => l.length));
    expect(out).not.toContain('Bộ Quốc phòng');
    expect(out).not.toContain('Thoả thuận');
    expect(out).toContain('    Lầu Năm Góc trong mục');
    expect(out).toContain('    Hoa Kỳ tiếp theo');
  });

  it('blanks HTML blocks, content and all, up to the next blank line; inline tags keep their content', () => {
    const text = [
      'Mở đầu.',
      '',
      '<div class="note">',
      'Bộ Quốc phòng Hoa Kỳ',
      '</div>',
      'Lầu Năm Góc',
      '',
      '<!-- Thoả thuận -->',
      '',
      '<table><tr><td>Biên bản ghi nhớ</td></tr></table>',
      '',
      'Ký <b>Biên bản</b> hôm nay.',
    ].join('\n');
    const out = blankMarkdownCode(text);
    expect(out).toHaveLength(text.length);
    expect(out).not.toMatch(/Bộ Quốc phòng|Lầu Năm Góc|Thoả thuận|ghi nhớ|<|>/);
    expect(out).toContain('Mở đầu.');
    expect(out).toContain('Ký    Biên bản     hôm nay.');
  });

  it('blanks YAML front matter at the very start only', () => {
    const text = '---\ntitle: Bộ Quốc phòng\ntags: [Lầu Năm Góc]\n---\n\n# Bộ Quốc phòng\n\n---\n\nHết.\n';
    const out = blankMarkdownCode(text);
    expect(out).toHaveLength(text.length);
    expect(out.match(/Bộ Quốc phòng/g)).toHaveLength(1);
    expect(out).not.toContain('Lầu Năm Góc');
    expect(out).toContain('\n---\n\nHết.');
    // A rule later in the file opens no front matter; an unclosed one is no front matter.
    expect(blankMarkdownCode('Hết.\n---\nBộ\n---\n')).toBe('Hết.\n---\nBộ\n---\n');
    expect(blankMarkdownCode('---\nBộ Quốc phòng\n')).toBe('---\nBộ Quốc phòng\n');
  });

  it('stays linear on large adversarial inputs', () => {
    const big = 1_000_000; // quadratic work would take minutes here
    const inputs = [
      '`a'.repeat(big / 2),
      '<!--a'.repeat(big / 5),
      '](' + ' '.repeat(big) + 'x',
      '](\n'.repeat(big / 3),
      '<a'.repeat(big / 2),
      '][' .repeat(big / 2),
      '    x\n\n'.repeat(big / 7),
      '<div>\n'.repeat(big / 6),
      '- a\n'.repeat(big / 4),
      '| a |\n'.repeat(big / 6),
      '[a]: ' + ' "'.repeat(big / 2),
      '---\n' + 'a: b\n'.repeat(big / 5),
    ];
    // A pattern that backtracks catastrophically would not finish within the test's time limit.
    for (const input of inputs) expect(blankMarkdownCode(input)).toHaveLength(input.length);
  });

  it('knows Markdown files by their extension', () => {
    expect(isMarkdownFile('bài báo.md')).toBe(true);
    expect(isMarkdownFile('a.MARKDOWN')).toBe(true);
    expect(isMarkdownFile('a.en.txt')).toBe(false);
  });
});

describe('HTML comments and the checker\'s directives', () => {
  it('ends a comment block at its "-->", so a paragraph right below it stays prose (CommonMark, HTML block type 2)', () => {
    const text = ['<!-- ghi chú của biên tập viên -->', 'Bộ Quốc phòng Nhật Bản đã ký.', '', '<!-- nhiều', 'dòng -->', 'Lầu Năm Góc', '', '<div>', 'Hoa Kỳ', '</div>'].join('\n');
    const out = blankMarkdownCode(text);
    expect(out).toHaveLength(text.length);
    expect(out).not.toContain('ghi chú');
    expect(out).not.toContain('nhiều');
    expect(out).toContain('\nBộ Quốc phòng Nhật Bản đã ký.\n');
    expect(out).toContain('\nLầu Năm Góc');
    // Other HTML blocks still run to the next blank line.
    expect(out).not.toContain('Hoa Kỳ');
  });

  it('stays linear on adversarial directives: unclosed, back to back, closed a line later', () => {
    const size = 300_000; // quadratic work would take minutes here
    for (const input of ['<!-- vitrans-a '.repeat(size / 15), '<!-- vitrans-a -->'.repeat(size / 18), '<!-- vitrans-a '.repeat(size / 30) + '\n-->']) {
      expect(blankMarkdownCode(input)).toHaveLength(input.length);
    }
  });

  it('keeps vitrans directives for the checker (it reads and blanks them itself), in blocks and inline, but not in code', () => {
    const directive = '<!-- vitrans-disable-next-paragraph term-forbidden -- tên cũ -->';
    const inline = '<!-- vitrans-disable-line term-missing -- trích dẫn -->';
    const text = [directive, 'The Vietnam Marine Police.', '', `Text ${inline} and \`<!-- vitrans-disable-line x -- y -->\`.`, '', '```', directive, '```'].join('\n');
    const out = blankMarkdownCode(text);
    expect(out.split('\n')[0]).toBe(directive);
    expect(out).toContain(`Text ${inline} and`);
    expect(out.match(/vitrans-/g)).toHaveLength(2);
  });
});
