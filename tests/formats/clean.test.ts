import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '../../src/core/errors.js';
import { splitParagraphs } from '../../src/text/paragraphs.js';
import { BUILTIN_CLEAN_RULES, cleanText, readCleanPatterns, readsAsSentence, removalsAt, removeLines, withoutLines } from '../../src/formats/clean.js';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const SEED = read('tests/text/fixtures/seed-000.txt');
const ARTICLE = read('corpus/japan-us-defense-industry/source.vi.txt');

describe('cleanText on the seed article', () => {
  it('gives exactly the corpus article made from it by hand, byte for byte', () => {
    expect(cleanText(SEED).text).toBe(ARTICLE);
  });

  it('says which lines it removed, where, and which rule removed each', () => {
    const { removed } = cleanText(SEED);
    expect(removed.map((r) => [r.line, r.text, r.rule])).toEqual([
      [1, 'Logo Zephyrnet', 'site-logo'],
      [5, 'Ngày:', 'empty-label'],
      [37, 'tại chỗ_img', 'image-placeholder'],
      [39, 'Tin tức mới nhất', 'site-section'],
      [41, 'tại chỗ_img', 'image-placeholder'],
    ]);
    for (const r of removed) {
      expect(SEED.slice(r.start, r.end)).toBe(r.text);
      expect(r.reason).toBe(BUILTIN_CLEAN_RULES.find((rule) => rule.id === r.rule)!.reason);
    }
  });

  it('keeps the seed as written when it is NFD or has CRLF line ends', () => {
    expect(cleanText(SEED.normalize('NFD')).text).toBe(ARTICLE.normalize('NFD'));
    expect(cleanText(SEED.replace(/\n/g, '\r\n')).text).toBe(ARTICLE.replace(/\n/g, '\r\n'));
  });
});

describe('cleanText is conservative', () => {
  it('removes nothing from the articles and translations the project ships', () => {
    const files: string[] = [];
    for (const dir of readdirSync(join(ROOT, 'corpus'), { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const name of readdirSync(join(ROOT, 'corpus', dir.name))) files.push(`corpus/${dir.name}/${name}`);
    }
    files.push('tests/fixtures/corpus/flawed/flawed.en.txt', 'tests/fixtures/corpus/encodings/old-tones.vi.txt', 'tests/fixtures/corpus/encodings/nfd.vi.txt');
    for (const file of files) expect(cleanText(read(file)).removed, file).toEqual([]);
  });

  it.each([
    'Ngày 14 tháng 3, tại Hà Nội, Bộ trưởng Quốc phòng Nhật Bản đã hội đàm với Thứ trưởng thường trực Bộ Quốc phòng Việt Nam.',
    'Ngày: 25/3/2024',
    'Nguồn: Bộ Quốc phòng Nhật Bản',
    'Tác giả: Nguyễn Văn An',
    'Logo của Lực lượng Phòng vệ Nhật Bản được thay đổi vào năm 2020.',
    'Logo mới của Bộ Quốc phòng Nhật Bản ra mắt',
    'Tin tức mới nhất cho thấy hai bên đã đạt được Thoả thuận An ninh Cung ứng.',
    'Xem thêm thông tin tại cổng thông tin của Bộ Quốc phòng.',
    'Theo Bộ Quốc phòng',
    'Quảng cáo của hãng Lockheed Martin xuất hiện tại triển lãm.',
    'Hoà bình',
    'Tại sao?',
    'Các biện pháp gồm:',
    'By the end of 2023, Japan and the United States had opened a new chapter.',
    'Read more about the Glide Phase Interceptor programme.',
    'Source: Japan Ministry of Defense',
    'tên_biến trong mã nguồn',
  ])('keeps a real line: %s', (line) => {
    const text = `Vào ngày 25 tháng XNUMX, Nhà Trắng công bố chuyến thăm cấp nhà nước.\n\n${line}\n\nHai bên nhất trí tăng cường hợp tác.\n`;
    expect(cleanText(text).removed).toEqual([]);
    expect(cleanText(text).text).toBe(text);
  });

  it.each([
    ['Logo VnExpress', 'site-logo'],
    ['LOGO Báo Tuổi Trẻ', 'site-logo'],
    ['Ngày đăng:', 'empty-label'],
    ['Tác giả :', 'empty-label'],
    ['Từ khoá:', 'empty-label'],
    ['Từ khóa:', 'empty-label'],
    ['Tags:', 'empty-label'],
    ['spot_img', 'image-placeholder'],
    ['[Ảnh]', 'image-placeholder'],
    ['TIN TỨC MỚI NHẤT', 'site-section'],
    ['Tin liên quan:', 'site-section'],
    ['Đọc thêm »', 'site-section'],
    ['Related posts', 'site-section'],
    ['  Tin tức mới nhất\u00a0', 'site-section'],
    ['Tin tức mới nhất'.normalize('NFD'), 'site-section'],
  ])('removes chrome: %s (%s)', (line, rule) => {
    const text = `Vào ngày 25 tháng XNUMX, Nhà Trắng công bố chuyến thăm.\n\n${line}\n\nHai bên nhất trí tăng cường hợp tác.\n`;
    const r = cleanText(text);
    expect(r.removed.map((x) => x.rule)).toEqual([rule]);
    expect(r.text).toBe('Vào ngày 25 tháng XNUMX, Nhà Trắng công bố chuyến thăm.\n\nHai bên nhất trí tăng cường hợp tác.\n');
  });

  it('reads no line longer than a chrome line can be, whatever it starts with', () => {
    const long = `Logo ${'Zephyrnet '.repeat(10).trim()}`;
    expect(cleanText(`${long}\n\nBộ Quốc phòng`).removed).toEqual([]);
  });
});

describe('cleanText: user patterns', () => {
  const text = 'Ảnh: Reuters\n\nBức ảnh: hai bộ trưởng tại Tokyo.\n\nTheo Bộ Quốc phòng Nhật Bản, hai bên nhất trí.\n\nTheo Kyodo\n';

  it('match whole lines only, case-insensitively', () => {
    const r = cleanText(text, { patterns: ['ảnh: .*', 'Theo [^,.]{1,30}'] });
    expect(r.removed.map((x) => [x.line, x.rule, x.reason])).toEqual([
      [1, 'pattern', 'matches the pattern "ảnh: .*"'],
      [7, 'pattern', 'matches the pattern "Theo [^,.]{1,30}"'],
    ]);
    expect(r.text).toBe('Bức ảnh: hai bộ trưởng tại Tokyo.\n\nTheo Bộ Quốc phòng Nhật Bản, hai bên nhất trí.\n');
  });

  it('never take a line that reads as a sentence, however loose the pattern', () => {
    const article = [
      'Theo Bộ Quốc phòng Nhật Bản, hai nước sẽ tăng cường hợp tác công nghiệp quốc phòng trong năm tới và sau đó nữa.',
      'Theo ông Nam, đây là bước tiến lớn.',
      '“Theo tôi, đây là thời điểm thích hợp!”',
      'Theo Kyodo',
      'Theo Kyodo.',
      'Ảnh: Reuters',
    ].join('\n\n');
    const r = cleanText(article + '\n', { patterns: ['Theo .*', '“Theo .*', 'Ảnh: .*'] });
    expect(r.removed.map((x) => x.text)).toEqual(['Theo Kyodo', 'Theo Kyodo.', 'Ảnh: Reuters']);
    expect(splitParagraphs(r.text).map((p) => p.text)).toHaveLength(3);
    // NFD input is read as NFC, and a sentence in NFD is kept as well.
    expect(cleanText('Theo ông Nam, đây là bước tiến lớn.'.normalize('NFD'), { patterns: ['Theo .{1,40}'] }).removed).toEqual([]);
  });

  it('tell a sentence from a short line: four words ending in sentence punctuation, or longer than a chrome line', () => {
    expect(readsAsSentence('Theo ông Nam, đây là bước tiến lớn.')).toBe(true);
    expect(readsAsSentence('Hai nước nhất trí (hôm qua).')).toBe(true);
    expect(readsAsSentence('Theo Kyodo.')).toBe(false);
    expect(readsAsSentence('Theo Bộ Quốc phòng Nhật Bản')).toBe(false);
    expect(readsAsSentence(`Theo ${'Bộ Quốc phòng '.repeat(7).trim()}`)).toBe(true);
  });

  it('name a built-in rule before a pattern, and run alone without the built-ins', () => {
    const seed = cleanText(SEED, { patterns: ['.*_img', 'Logo .*'] });
    expect(seed.removed.map((x) => x.rule)).toEqual(['site-logo', 'empty-label', 'image-placeholder', 'site-section', 'image-placeholder']);
    const alone = cleanText(SEED, { patterns: ['.*_img'], builtins: false });
    expect(alone.removed.map((x) => x.line)).toEqual([37, 41]);
    expect(splitParagraphs(alone.text).map((p) => p.text).at(-1)).toBe('Tin tức mới nhất');
  });

  it('refuse a pattern that is not a regular expression', () => {
    expect(() => cleanText(text, { patterns: ['Ảnh: (.*'] })).toThrow(ConfigError);
    expect(() => cleanText(text, { patterns: ['Ảnh: (.*'] })).toThrow(/^invalid clean pattern "Ảnh: \(\.\*": /);
  });

  it('come from a file, one a line, with comments; a bad one points at file:line:col', () => {
    expect(readCleanPatterns('\uFEFF# Zephyrnet chrome\n\n  Ảnh: .*\r\nTheo Kyodo\n', 'clean.txt')).toEqual(['Ảnh: .*', 'Theo Kyodo']);
    try {
      readCleanPatterns('# chrome\nẢnh: .*\n   Theo [Kyodo\n', 'clean.txt');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).location).toEqual({ file: 'clean.txt', line: 3, column: 4 });
    }
  });
});

describe('cleanText: structure', () => {
  it('removes a line inside a paragraph and keeps the rest of the paragraph', () => {
    const text = 'Vào ngày 25 tháng XNUMX, Nhà Trắng công bố\nNgày:\nchuyến thăm cấp nhà nước.\n\nHai bên nhất trí.';
    const r = cleanText(text);
    expect(r.text).toBe('Vào ngày 25 tháng XNUMX, Nhà Trắng công bố\nchuyến thăm cấp nhà nước.\n\nHai bên nhất trí.');
    expect(splitParagraphs(r.text)).toHaveLength(2);
  });

  it('keeps blank lines before the first paragraph and after the last as they were', () => {
    expect(cleanText('\n\nLogo Zephyrnet\n\nBộ Quốc phòng\n\n\n').text).toBe('\n\nBộ Quốc phòng\n\n\n');
    expect(cleanText('Bộ Quốc phòng\n\n\nTin tức mới nhất\n').text).toBe('Bộ Quốc phòng\n');
  });

  it('a text that is nothing but chrome cleans to nothing', () => {
    expect(cleanText('Logo Zephyrnet\n\nTin tức mới nhất\n\ntại chỗ_img').text).toBe('');
  });

  it('leaves Markdown front matter, code and HTML alone, and reads headings without their marks', () => {
    const md = [
      '---',
      'tags:',
      '---',
      '',
      '# Tận dụng tối đa hợp tác công nghiệp quốc phòng Nhật-Mỹ',
      '',
      '```',
      'Tin tức mới nhất',
      '```',
      '',
      '## Tin tức mới nhất',
      '',
      '**Đọc thêm**',
      '',
      'Hai bên nhất trí.',
      '',
    ].join('\n');
    const r = cleanText(md, { markdown: true });
    expect(r.removed.map((x) => [x.line, x.rule])).toEqual([
      [11, 'site-section'],
      [13, 'site-section'],
    ]);
    expect(r.text).toBe(md.replace('\n\n## Tin tức mới nhất\n\n**Đọc thêm**', ''));
  });
});

describe('withoutLines: the checker view of a cleaned source', () => {
  it("keeps every remaining paragraph at its offset, line and text in the seed file", () => {
    const { removed } = cleanText(SEED);
    const view = withoutLines(SEED, removed);
    expect(view.text).toHaveLength(SEED.length);
    const original = splitParagraphs(SEED);
    const kept = original.filter((p) => !removed.some((r) => r.start === p.start));
    expect(view.paragraphs.map((p) => [p.index, p.start, p.end, p.line, p.text])).toEqual(kept.map((p, i) => [i + 1, p.start, p.end, p.line, p.text]));
    expect(view.paragraphs.map((p) => p.text)).toEqual(splitParagraphs(ARTICLE).map((p) => p.text));
  });

  it('keeps a paragraph that lost a line as one paragraph, without that line', () => {
    const text = 'Vào ngày 25 tháng XNUMX\nNgày:\nchuyến thăm.\n\nLogo Zephyrnet';
    const view = withoutLines(text, cleanText(text).removed);
    expect(view.paragraphs).toHaveLength(1);
    expect(view.paragraphs[0]).toMatchObject({ index: 1, start: 0, end: text.indexOf('.') + 1, line: 1 });
    expect(view.paragraphs[0]!.text).not.toContain('Ngày:');
  });
});

describe('removeLines / removalsAt: cleaning again as it was recorded', () => {
  const recorded = cleanText(SEED).removed.map(({ line, rule, text }) => ({ line, rule, text }));

  it('finds the recorded lines in the file again and removes exactly them', () => {
    const again = removalsAt(SEED, recorded)!;
    expect(again.map((r) => [r.line, r.start, r.text])).toEqual(cleanText(SEED).removed.map((r) => [r.line, r.start, r.text]));
    expect(removeLines(SEED, again)).toBe(ARTICLE);
  });

  it('says so when a recorded line no longer holds what was removed', () => {
    expect(removalsAt(`Bộ Quốc phòng\n${SEED}`, recorded)).toBeUndefined();
    expect(removalsAt('Logo Zephyrnet', [{ line: 3, rule: 'site-logo', text: 'Logo Zephyrnet' }])).toBeUndefined();
  });
});
