/**
 * Each engine's limits and glossary support, in one cheap module that the registry and the engine
 * modules share (the registry must not import engine modules, which load SDKs).
 */
import type { EngineCapabilities } from './types.js';

/** DeepL's request body limit is 128 KiB; we send form-encoded text. */
const DEEPL_BODY_BYTES = 128 * 1024;
/** Worst case per UTF-16 unit in a form body: a 3-byte UTF-8 character becomes %XX%XX%XX. */
const FORM_BYTES_PER_UNIT = 9;

/** Limits by registry name. */
export const CAPABILITIES = {
  // Leave 4 KiB for the other form fields (languages, glossary id, separators).
  deepl: { glossary: 'native', billing: 'characters', maxTexts: 50, maxChars: Math.floor((DEEPL_BODY_BYTES - 4096) / FORM_BYTES_PER_UNIT) },
  // 30,000 code points is the API's recommended ceiling; UTF-16 units never undercount code points.
  google: { glossary: 'native', billing: 'characters', maxTexts: 1024, maxChars: 30_000 },
  'google-v2': { glossary: 'none', billing: 'characters', maxTexts: 128, maxChars: 30_000 },
  // Self-hosted (or a public instance's own terms): nothing billed per character.
  libretranslate: { glossary: 'none', billing: 'none', maxTexts: 50, maxChars: 10_000 },
  // Small batches: a long answer is more likely to lose or merge a paragraph.
  openai: { glossary: 'prompt', billing: 'tokens', maxTexts: 12, maxChars: 6_000, chat: true },
} as const satisfies Record<string, EngineCapabilities>;
