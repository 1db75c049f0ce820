/**
 * Three paragraphs of the seed article with two engines' translations (one NFD source, the site's
 * "XNUMX" artifacts, old tone marks), and what an MQM judge would say about them: the errors a
 * careful model reports, quoted from the translations.
 */
import type { JudgedParagraph } from '../../src/judge/judge.js';

export const SOURCE = [
  'Vào ngày 25 tháng XNUMX, Nhà Trắng công bố chuyến thăm cấp nhà nước của Thủ tướng Nhật Bản Kishida Fumio.',
  'Ngoài ra, hai nước công bố hợp tác phát triển Thiết bị đánh chặn pha bay (GPI) vào tháng 2023 năm 3.'.normalize('NFD'),
  'Bộ trưởng Quốc phòng Mỹ Lloyd Austin ký kết Thoả thuận An ninh Cung ứng (SOSA) với Bộ Quốc phòng Nhật Bản.',
];

export const REFERENCE = [
  'On January 25, the White House announced the state visit of Japanese Prime Minister Kishida Fumio.',
  'In addition, the two countries announced the co-development of the Glide Phase Interceptor (GPI) in March 2023.',
  "US Secretary of Defense Lloyd Austin signed the Security of Supply Arrangement (SOSA) with Japan's Ministry of Defense.",
];

export const DEEPL = [
  'On January 25, the White House announced the state visit of Japanese Prime Minister Kishida Fumio.',
  'In addition, the two countries announced the co-development of the flight phase interceptor (GPI) in March 2023.',
  'US Defense Secretary Lloyd Austin signed the Security of Supply Arrangement (SOSA) with the Japanese Ministry of Defense.',
];

export const GOOGLE = [
  'On XNUMX 25, the White House announced a state visit by Japanese Prime Minister Kishida Fumio.',
  'In addition, the two countries announced joint development of the Glide Phase Interceptor (GPI) in 2023.',
  'US Defense Minister Lloyd Austin signed the Supply Security Agreement (SOSA) with the Japanese Ministry of Defense.',
];

/** The paragraphs as a comparison holds them. */
export function judgedParagraphs(withReference = false): JudgedParagraph[] {
  return SOURCE.map((source, i) => ({
    index: i + 1,
    source: source.normalize('NFC'),
    ...(withReference ? { reference: REFERENCE[i]! } : {}),
    outputs: { deepl: DEEPL[i]!, google: GOOGLE[i]! },
  }));
}

/** An error as the judge writes it in its JSON. */
export interface JudgeItem {
  category: string;
  severity: string;
  span: string;
  source?: string;
  explanation?: string;
}

/** What a careful judge reports for each translation (keyed by the translation's text). */
export const JUDGED: Record<string, JudgeItem[]> = {
  [DEEPL[0]!]: [],
  [DEEPL[1]!]: [{ category: 'terminology', severity: 'minor', span: 'flight phase interceptor', source: 'Thiết bị đánh chặn pha bay', explanation: 'the system is the Glide Phase Interceptor' }],
  [DEEPL[2]!]: [],
  [GOOGLE[0]!]: [{ category: 'accuracy/untranslated', severity: 'major', span: 'XNUMX', source: 'tháng XNUMX', explanation: 'the month is left as the placeholder' }],
  [GOOGLE[1]!]: [{ category: 'accuracy/omission', severity: 'minor', span: 'vào tháng 2023 năm 3', source: 'vào tháng 2023 năm 3', explanation: 'the month (March) is dropped' }],
  [GOOGLE[2]!]: [
    { category: 'Accuracy/Mistranslation', severity: 'major', span: 'Defense Minister', source: 'Bộ trưởng Quốc phòng Mỹ', explanation: 'the US title is Secretary of Defense' },
    { category: 'Terminology', severity: 'major', span: '“Supply Security Agreement”', source: 'Thoả thuận An ninh Cung ứng', explanation: 'the arrangement is the Security of Supply Arrangement' },
  ],
};

/** The translation out of vitrans's MQM user message. */
export function translationOf(user: string): string {
  return /translation to annotate:\n([\s\S]*)$/.exec(user)?.[1] ?? '';
}

/** The judge's answer for a prompt: its errors as a JSON object. */
export function judgeAnswer(user: string): string {
  return JSON.stringify({ errors: JUDGED[translationOf(user)] ?? [] });
}
