/**
 * The MQM annotation prompt. Versioned: `MQM_PROMPT_VERSION` is part of every judgment's cache
 * key and shown in every report, so a changed prompt never serves answers to the old one.
 * The idea (an LLM annotating MQM error spans without a reference) is GEMBA-MQM's
 * (Kocmi & Federmann 2023, arXiv 2310.13988); the wording and the JSON shape are vitrans's own.
 */
import type { ChatMessage } from '../engines/types.js';

/** Change it whenever the prompt's wording or the expected answer changes. */
export const MQM_PROMPT_VERSION = 'vitrans-mqm-1';

const LANGUAGES: Record<string, string> = { vi: 'Vietnamese', en: 'English' };

function language(code: string): string {
  return LANGUAGES[code.toLowerCase().split('-')[0]!] ?? code;
}

/** What one judgment is asked about. */
export interface JudgePromptInput {
  source: string;
  translation: string;
  /** A human translation to compare with, when the user gave one. */
  reference?: string;
  sourceLang: string;
  targetLang: string;
}

/**
 * The system message: the annotator's task, the typology, the severities and the answer's JSON
 * shape. It does not depend on the texts, so servers that cache prompt prefixes can reuse it.
 */
export function mqmSystemPrompt(sourceLang: string, targetLang: string): string {
  const from = language(sourceLang);
  const to = language(targetLang);
  return [
    `You review ${from} to ${to} translations of news and policy articles for a professional translation team, and annotate their errors with the MQM (Multidimensional Quality Metrics) typology.`,
    '',
    'Categories (use these ids exactly):',
    '- accuracy/mistranslation: the meaning of the source is rendered wrongly',
    '- accuracy/omission: source content is missing from the translation',
    '- accuracy/addition: the translation says something the source does not',
    `- accuracy/untranslated: ${from} text left as it is`,
    `- fluency/grammar, fluency/spelling, fluency/punctuation: errors of ${to} itself`,
    '- terminology: a term of the domain (an institution, a weapon system, an agreement, a title) rendered in a non-standard or inconsistent way',
    `- style: awkward or unidiomatic ${to}, wrong register`,
    '- locale-convention: dates, numbers, currencies, names or addresses written against the conventions of the target locale',
    '',
    'Severities:',
    '- minor: a reader notices it, but the meaning is intact',
    '- major: the meaning is changed or hard to recover, or a reader would be misled',
    '- critical: dangerous or offensive errors, or an error that makes the text unusable for its purpose',
    '',
    'Answer with one JSON object and nothing else:',
    '{"errors": [{"category": "terminology", "severity": "major", "span": "...", "source": "...", "explanation": "..."}]}',
    '- "span": the erroneous words copied exactly from the translation (as short as possible, never the whole text when a part will do); for accuracy/omission, the source words that were left out',
    '- "source": the source words the error concerns ("" when none)',
    '- "explanation": one short sentence',
    'List the errors in the order they occur in the translation. Report each error once. If the translation has no errors, answer {"errors": []}.',
    'Placeholders such as XNUMX are artefacts of the source text, not errors of the translation.',
  ].join('\n');
}

/**
 * The user message: the source and the translation, and the reference when there is one (as a
 * guide, not as the only right answer).
 * @example mqmUserPrompt({ source: 'Bộ Quốc phòng họp.', translation: 'The Defence Ministry met.', sourceLang: 'vi', targetLang: 'en' })
 */
export function mqmUserPrompt(input: JudgePromptInput): string {
  const from = language(input.sourceLang);
  const to = language(input.targetLang);
  const parts = [`${from} source:\n${input.source}`];
  if (input.reference !== undefined) parts.push(`${to} reference translation by a human (a guide: other correct renderings exist):\n${input.reference}`);
  parts.push(`${to} translation to annotate:\n${input.translation}`);
  return parts.join('\n\n');
}

/** The messages of one judgment request. */
export function mqmMessages(input: JudgePromptInput): ChatMessage[] {
  return [
    { role: 'system', content: mqmSystemPrompt(input.sourceLang, input.targetLang) },
    { role: 'user', content: mqmUserPrompt(input) },
  ];
}
