import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { findDebris } from '../../../src/text/numbers/index.js';
import { splitParagraphs } from '../../../src/text/paragraphs.js';

const kinds = (text: string): string[] => findDebris(text).map((d) => `${d.kind} "${d.text}"`);

describe('findDebris', () => {
  it.each([
    ['Vào ngày 25 tháng XNUMX, Nhà Trắng', ['placeholder "XNUMX"']],
    ['Block-XNUMX IIA', ['placeholder "XNUMX"']],
    ['tại chỗ_img', ['image-placeholder "tại chỗ_img"']],
    ['ảnh: spot_img', ['image-placeholder "spot_img"']],
    ['Giá {{price}} USD', ['template "{{price}}"']],
    ['{% include ad.html %} Tin chính', ['template "{% include ad.html %}"']],
    ['[caption id="attachment_1" align="alignnone"]Ảnh[/caption]', ['template "[caption id="attachment_1" align="alignnone"]"', 'template "[/caption]"']],
    ['Bộ trưởng<br/>phát biểu', ['markup "<br/>"']],
    ['Nhật&nbsp;Bản', ['markup "&nbsp;"']],
    ['Hoa Ky\uFFFD\uFFFD', ['replacement-character "\uFFFD\uFFFD"']],
    ['Ngày:', ['empty-field "Ngày:"']],
    ['Logo Zephyrnet', ['boilerplate "Logo Zephyrnet"']],
    ['Tin tức mới nhất', ['boilerplate "Tin tức mới nhất"']],
  ])('%s', (text, expected) => expect(kinds(text)).toEqual(expected));

  it.each([
    ['Ngày 10 tháng 4 năm 2024, hai nước ký [hiệp định] về hợp tác.'],
    ['Giá trị hợp đồng là 2,4 tỷ USD (tương đương 6.800 tỷ yên).'],
    ['Ngày: 10/4/2024'],
    ['Tin tức mới nhất về chuyến thăm của Thủ tướng Kishida tới Hoa Kỳ'],
    ['a < b and c > d'],
  ])('finds nothing in ordinary text: %s', (text) => expect(kinds(text)).toEqual([]));

  it('finds every piece of site debris in the real seed article, at its offsets', () => {
    const seed = readFileSync(new URL('../fixtures/seed-000.txt', import.meta.url), 'utf8');
    const found = splitParagraphs(seed).flatMap((p) => findDebris(seed, p.start, p.end));
    expect(found.map((d) => d.kind)).toEqual([
      'boilerplate', // Logo Zephyrnet
      'empty-field', // Ngày:
      'placeholder', // ngày 25 tháng XNUMX
      'placeholder', // ngày 10 tháng 2024 năm XNUMX
      'placeholder', // Block-XNUMX
      'placeholder', // ngày 22 tháng XNUMX
      'image-placeholder',
      'boilerplate', // Tin tức mới nhất
      'image-placeholder',
    ]);
    for (const d of found) expect(seed.slice(d.start, d.end)).toBe(d.text);
  });
});
