/** Shared fixtures for the translate tests: a small real glossary and seed-like paragraphs. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseGlossary } from '../../src/glossary/load.js';
import type { Glossary } from '../../src/glossary/types.js';

/** A glossary in the project's YAML format, with an old-style tone mark in a variant (Thoả thuận). */
export const GLOSSARY_YAML = `version: 1
name: test
entries:
  - vi: Thiết bị đánh chặn pha bay
    en: Glide Phase Interceptor
    acronym: GPI
    forbidden: [flight phase interceptor]
  - vi: Thỏa thuận An ninh Cung ứng
    vi_variants: [Thoả thuận An ninh Cung ứng]
    en: Security of Supply Arrangement
    acronym: SOSA
  - vi: Biên bản ghi nhớ
    en: Memorandum of Understanding
    acronym: MOU
`;

export function testGlossary(): Glossary {
  return parseGlossary(GLOSSARY_YAML, 'glossary.yaml');
}

/** Paragraphs in the style of the seed article, "XNUMX" artifacts included. */
export const SEED_PARAGRAPHS = [
  'Tận dụng tối đa hợp tác công nghiệp quốc phòng Nhật-Mỹ',
  'Vào ngày 25 tháng XNUMX, Nhà Trắng công bố chuyến thăm cấp nhà nước sắp tới của Thủ tướng Nhật Bản Kishida Fumio.',
  'Hai nước công bố rằng họ sẽ bắt tay vào chương trình hợp tác phát triển Thiết bị đánh chặn pha bay (GPI) vào tháng 2023 năm 3.',
  'Bộ trưởng Quốc phòng Mỹ và Bộ trưởng Quốc phòng Nhật Bản ký kết Biên bản ghi nhớ (MOU) và Thoả thuận An ninh Cung ứng (SOSA).',
  'Tên lửa Tiêu chuẩn (SM) Block-XNUMX IIA là một thành công của hợp tác quốc phòng Hoa Kỳ và Nhật Bản.',
  'Cuối cùng, Nhật Bản và Mỹ kết thúc năm 2023 bằng việc mở ra một cánh cửa khác cho hợp tác công nghiệp quốc phòng.',
  'Vào ngày 22 tháng XNUMX, chính phủ Nhật Bản tiếp tục nới lỏng quy định xuất khẩu thiết bị quốc phòng.',
  'Hòa bình và ổn định ở khu vực Ấn Độ Dương-Thái Bình Dương là lợi ích chung; thuỷ quân hai nước tập trận.',
];

/** n distinct seed-like paragraphs. */
export function manyParagraphs(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${SEED_PARAGRAPHS[i % SEED_PARAGRAPHS.length]} (đoạn ${i + 1})`);
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-translate-'));
}
