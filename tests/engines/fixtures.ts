/**
 * Realistic Vietnamese input for engine tests, from the seed article: NFC text, the site's
 * "XNUMX" placeholders, old-style tone marks (hoà, thuỷ, Thoả thuận) and one NFD paragraph.
 */
import type { TermPair } from '../../src/engines/types.js';

/** Three paragraphs in the order they are sent; the last one is NFD on purpose. */
export const PARAGRAPHS: string[] = [
  'Vào ngày 25 tháng XNUMX, Nhà Trắng công bố chuyến thăm cấp nhà nước sắp tới của Thủ tướng Nhật Bản Kishida Fumio.',
  'Bộ trưởng Quốc phòng Mỹ Lloyd Austin và Bộ trưởng Quốc phòng Nhật Bản ký Thoả thuận An ninh Cung ứng (SOSA) về hoà bình và an ninh hàng hải, thuỷ quân.',
  'Hai nước hợp tác phát triển Thiết bị đánh chặn pha bay (GPI) vào tháng 2023 năm 3.'.normalize('NFD'),
];

/** What a good engine would answer, parallel to PARAGRAPHS. */
export const ENGLISH: string[] = [
  'On XNUMX 25, the White House announced the upcoming state visit of Japanese Prime Minister Kishida Fumio.',
  'US Secretary of Defense Lloyd Austin and Japanese Defense Minister signed the Security of Supply Arrangement (SOSA) on peace and maritime security, marines.',
  'The two countries co-develop the Glide Phase Interceptor (GPI) in March 2023.',
];

/** Glossary pairs as the orchestrator hands them to engines. */
export const TERMS: TermPair[] = [
  { source: 'Thiết bị đánh chặn pha bay', target: 'Glide Phase Interceptor' },
  { source: 'Thoả thuận An ninh Cung ứng', target: 'Security of Supply Arrangement' },
  { source: 'Bộ Quốc phòng', target: 'Department of Defense' },
];

/** Pretends to translate: looks the paragraph up (NFC-insensitive) in PARAGRAPHS. */
export function fakeTranslate(text: string): string {
  const i = PARAGRAPHS.findIndex((p) => p.normalize('NFC') === text.normalize('NFC'));
  return i >= 0 ? ENGLISH[i]! : `[untranslated] ${text}`;
}

/**
 * A rejected key as OpenAI's 401 quotes it: its first 8 characters, asterisks, its last 4
 * ("Incorrect API key provided: sk-WRQsP****…****xQBt."). Servers that copy the API (vLLM,
 * LiteLLM, many proxies) quote it the same way.
 */
export function openAIQuotedKey(key: string): string {
  return `${key.slice(0, 8)}${'*'.repeat(Math.max(3, key.length - 12))}${key.slice(-4)}`;
}

/** OpenAI's 401 body for a key it does not know, as the real server sends it. */
export function openAIInvalidKeyBody(key: string): { error: { message: string; type: string; param: null; code: string } } {
  return {
    error: {
      message: `Incorrect API key provided: ${openAIQuotedKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      type: 'invalid_request_error',
      param: null,
      code: 'invalid_api_key',
    },
  };
}
