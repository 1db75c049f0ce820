/**
 * The Engine interface: what every machine-translation engine module provides.
 * Engines know nothing of glossary.yaml, checks or reports: they get plain term pairs.
 */
import type { EngineError } from '../core/errors.js';
import type { TermPair } from '../core/types.js';

/** What a request to an engine carries. `texts` are NFC paragraphs; results come back in the same order. */
export interface TranslateRequest {
  texts: string[];
  /** BCP-47-ish language codes: 'vi', 'en'. Engines map them to their own (DeepL: EN-US). */
  sourceLang: string;
  targetLang: string;
  /** Id of a glossary already on the engine's side (from `prepareGlossary`, or a Google resource name). */
  glossaryId?: string;
  /** For prompt-glossary engines: the term pairs found in each text, parallel to `texts`. */
  termHints?: TermPair[][];
  signal?: AbortSignal;
}

/** One translated text. */
export interface TranslateResult {
  text: string;
  /** Characters the engine says it billed, when it says. */
  billedCharacters?: number;
  detectedSourceLang?: string;
}

/** How an engine takes a glossary: natively (an id), in its prompt, or not at all (use placeholders). */
export type GlossarySupport = 'native' | 'prompt' | 'none';

/** Limits and abilities, used for batching and by `vitrans engines`. */
export interface EngineCapabilities {
  glossary: GlossarySupport;
  /** Most texts in one request. */
  maxTexts: number;
  /** Most characters (UTF-16 code units, summed over texts) in one request. */
  maxChars: number;
  /**
   * How the engine's provider bills: per character sent (DeepL, Google), per token (LLMs) or not at
   * all (self-hosted). Summaries count billed characters only for `characters`. Default `characters`.
   */
  billing?: 'characters' | 'tokens' | 'none';
  /** The engine takes a free prompt (`Engine.complete`): it can act as the MQM judge. Default false. */
  chat?: boolean;
}

/** A configured, ready engine. Created by its factory; heavy SDKs are imported only then. */
export interface Engine {
  /** Registry name: 'deepl', 'google', 'google-v2', 'libretranslate', 'openai'. */
  readonly name: string;
  /** Model or edition, part of the cache key ('deepl/quality_optimized', 'gpt-4o-mini', 'v3'). */
  readonly model: string;
  readonly capabilities: EngineCapabilities;
  /**
   * Options that change the output, for the cache key (never secrets).
   * @example { formality: 'default', glossary: 'projects/p/locations/us-central1/glossaries/g' }
   */
  readonly cacheOptions: Record<string, string | number | boolean>;
  /**
   * Translate a batch within `capabilities`. One request, no retries: the caller retries.
   * @throws EngineError (with `kind` saying whether a retry may help). An answer that is only
   * partly usable is a `bad-response` whose `partial` holds, parallel to `texts`, the results that
   * came back and `undefined` for the others: the caller keeps those and resends only the rest.
   */
  translate(request: TranslateRequest): Promise<TranslateResult[]>;
  /**
   * For native-glossary engines: make sure a glossary with these pairs exists on the engine's side
   * and return its id. `contentHash` identifies the pairs, so an existing one can be reused.
   */
  prepareGlossary?(pairs: TermPair[], contentHash: string, langs: { sourceLang: string; targetLang: string }): Promise<string>;
  /**
   * Chat engines only (OpenAI-compatible): one chat completion, for callers that write their own
   * prompt (the MQM judge). One request, no retries: the caller retries, as for `translate`.
   * @throws EngineError as `translate` does; `bad-response` when the answer has no message.
   */
  complete?(request: ChatRequest): Promise<ChatAnswer>;
  /** Release sockets, timers. */
  close?(): Promise<void>;
}

/** One message of a chat completion request. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** What `Engine.complete` sends: the messages, and whether to ask for a JSON object (JSON mode). */
export interface ChatRequest {
  messages: ChatMessage[];
  /** Ask for JSON mode (`response_format: json_object`) where the server takes it; servers that refuse it are asked again without. */
  json?: boolean;
  signal?: AbortSignal;
}

/**
 * A chat completion's answer.
 * @example { content: '{"errors": []}', json: true, model: 'gpt-4o-mini-2024-07-18' }
 */
export interface ChatAnswer {
  /** The message text ('' when the model refused and said nothing else). */
  content: string;
  /** The model's refusal, when the server reports one separately (OpenAI's `message.refusal`). */
  refusal?: string;
  /** Whether the answer was produced in JSON mode. */
  json: boolean;
  /** The model the server says answered, when it says. */
  model?: string;
}

/** Settings for engines: flags, environment and config file merged, for every engine by name. */
export type EngineSettings = Record<string, string | undefined>;

/** Whether an engine has what it needs to run, and if not, what is missing. */
export interface EngineStatus {
  configured: boolean;
  /** e.g. 'DEEPL_AUTH_KEY is not set' */
  missing?: string;
}

/** A registry entry: cheap to import; `create` loads the engine module (and its SDK) lazily. */
export interface EngineFactory {
  name: string;
  description: string;
  capabilities: EngineCapabilities;
  status(settings: EngineSettings): EngineStatus;
  /** @throws ConfigError when a required setting is missing. */
  create(settings: EngineSettings): Promise<Engine>;
}

export type { EngineError, TermPair };
