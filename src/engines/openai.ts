/**
 * Any OpenAI-compatible chat-completions server (OpenAI, Ollama, llama.cpp, vLLM). Several
 * paragraphs go in one request, each wrapped in a numbered tag; the answer's tags are matched by
 * id. When some do not come back, the batch is a `bad-response` carrying the ones that did
 * (`EngineError.partial`), and the orchestrator sends only the missing ones again, one by one.
 */
import { ConfigError, EngineError } from '../core/errors.js';
import { Redactor } from '../core/redact.js';
import { CAPABILITIES } from './capabilities.js';
import { badResponseError, type EngineErrorContext } from './errors.js';
import { baseUrlSetting, SERVER_URLS } from './base-url.js';
import { postJson, timeoutSetting, type HttpEngineDeps } from './http.js';
import type { ChatAnswer, ChatRequest, Engine, EngineSettings, TermPair, TranslateRequest, TranslateResult } from './types.js';
import { decodeEntities } from '../text/entities.js';

/** Where requests go when `baseUrl` is not set. */
const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';

const LANGUAGE_NAMES: Record<string, string> = { vi: 'Vietnamese', en: 'English', 'en-us': 'American English', 'en-gb': 'British English' };

function languageName(code: string): string {
  return LANGUAGE_NAMES[code.toLowerCase()] ?? code;
}

/** The system prompt: translate, keep the tags, say nothing else. */
function systemPrompt(sourceLang: string, targetLang: string): string {
  const from = languageName(sourceLang);
  const to = languageName(targetLang);
  return [
    `You are a professional translator of ${from} news and policy texts into ${to}.`,
    `Each paragraph to translate is wrapped in a numbered tag such as <p id="1">...</p>.`,
    `Answer with every paragraph translated into ${to}, inside a tag with the same number, in the same order, one tag per paragraph.`,
    'Output only the tagged translations: no notes, explanations or the original text.',
    'Keep names, numbers and placeholders (such as XNUMX) exactly as they are.',
    'Inside the tags, the characters <, > and & are written as the entities &lt;, &gt; and &amp;: keep every entity as it is, written the same way.',
  ].join('\n');
}

/**
 * The user message: glossary renderings for the terms found in these paragraphs (only those),
 * then the numbered paragraphs.
 * @example userPrompt(['Bộ Quốc phòng họp.'], [[{ source: 'Bộ Quốc phòng', target: 'Ministry of National Defence' }]])
 */
export function userPrompt(texts: string[], termHints?: TermPair[][]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const hints of termHints ?? []) {
    for (const { source, target } of hints ?? []) {
      const key = `${source}\u0000${target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      lines.push(`- "${source}" → "${target}"`);
    }
  }
  const parts: string[] = [];
  if (lines.length > 0) parts.push(`Use these renderings for these terms:\n${lines.join('\n')}`);
  parts.push(texts.map((t, i) => `<p id="${i + 1}">${escapeText(t)}</p>`).join('\n'));
  return parts.join('\n\n');
}

/**
 * Splits an answer back into paragraphs by their tags, matched by id: parallel to the `count`
 * paragraphs sent, each one's text, or undefined where its tag is missing, empty or given twice
 * with different texts. Text outside the tags (a preface, code fences) is ignored, as are ids
 * that were not sent; the order of the tags does not matter and a repeated identical tag is fine.
 * A lone paragraph may come back untagged.
 * @example splitTagged('Sure!\n<p id="2">World</p>\n<p id="1">Hello</p>', 2) → ['Hello', 'World']
 * @example splitTagged('<p id="1">Hello</p>', 2) → ['Hello', undefined]
 */
export function splitTagged(answer: string, count: number): (string | undefined)[] {
  const tag = /<p\s+id\s*=\s*["']?(\d+)["']?\s*>([\s\S]*?)<\/p>/gi;
  const out = new Array<string | undefined>(count).fill(undefined);
  const conflicting = new Set<number>();
  let tags = 0;
  for (const m of answer.matchAll(tag)) {
    tags++;
    const i = Number(m[1]) - 1;
    const text = unescapeText(m[2]!.trim());
    if (!Number.isInteger(i) || i < 0 || i >= count || text === '') continue;
    if (out[i] !== undefined && out[i] !== text) conflicting.add(i);
    out[i] = text;
  }
  for (const i of conflicting) out[i] = undefined;
  if (tags === 0 && count === 1) {
    const whole = unescapeText(stripFence(answer).trim());
    out[0] = whole || undefined;
  }
  return out;
}

/**
 * A paragraph's text made safe inside its tag: a literal `</p>` or `<p id="2">` in the text would
 * otherwise end or open a tag. The answer is read back with `unescapeText`.
 * @example escapeText('a </p> & b') === 'a &lt;/p&gt; &amp; b'
 */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/**
 * The inverse of `escapeText`, in one pass (so `&amp;lt;` becomes `&lt;`, not `<`); also reads
 * `&quot;`, `&apos;` and numeric entities a model may write. Unknown entities stay as they are.
 */
export function unescapeText(text: string): string {
  return decodeEntities(text);
}

/** A 400 that refuses JSON mode (older llama.cpp and vLLM builds, some proxies), by what it names. */
const JSON_MODE_REFUSED = /response_format|json_object|json mode|json_schema/i;

/** The message of a chat-completions answer, its refusal and model, or undefined when there is none. */
function chatMessage(answer: unknown): { content: string; refusal?: string; model?: string } | undefined {
  const a = answer as { model?: unknown; choices?: { message?: { content?: unknown; refusal?: unknown } }[] } | null;
  const message = a?.choices?.[0]?.message;
  const refusal = typeof message?.refusal === 'string' && message.refusal !== '' ? message.refusal : undefined;
  if (typeof message?.content !== 'string' && refusal === undefined) return undefined;
  return {
    content: typeof message?.content === 'string' ? message.content : '',
    ...(refusal !== undefined ? { refusal } : {}),
    ...(typeof a?.model === 'string' ? { model: a.model } : {}),
  };
}

function stripFence(text: string): string {
  return text.replace(/^\s*```\w*\s*\n?/, '').replace(/\n?```\s*$/, '');
}

/**
 * Creates the OpenAI-compatible engine. Settings: `model` (required), `baseUrl` (default
 * https://api.openai.com/v1; no credentials or query string in it), `apiKey` (optional for local
 * servers), `timeoutMs`.
 * @throws ConfigError without `model`, with a refused `baseUrl` or a bad `timeoutMs`.
 */
export function createOpenAIEngine(settings: EngineSettings, deps: HttpEngineDeps = {}): Engine {
  const model = settings.model;
  if (!model) throw new ConfigError('the OpenAI-compatible engine needs a model name', { hint: 'set OPENAI_MODEL, e.g. gpt-4o-mini or llama3.1:8b' });
  const baseUrl = baseUrlSetting(settings.baseUrl || DEFAULT_OPENAI_BASE_URL, SERVER_URLS.openai);
  const apiKey = settings.apiKey || undefined;
  const timeoutMs = timeoutSetting(settings.timeoutMs, 'openai');
  const ctx: EngineErrorContext = { engine: 'openai', label: `OpenAI-compatible server (${baseUrl})`, keySource: 'OPENAI_API_KEY', redactor: new Redactor([apiKey]) };

  const headers: Record<string, string> = apiKey ? { authorization: `Bearer ${apiKey}` } : {};
  // Learnt from the first refusal, so a server without JSON mode is not asked for it again.
  let jsonMode = true;

  return {
    name: 'openai',
    model,
    capabilities: CAPABILITIES.openai,
    cacheOptions: { baseUrl, temperature: 0 },

    async complete(request: ChatRequest): Promise<ChatAnswer> {
      const send = async (json: boolean): Promise<ChatAnswer> => {
        const body = { model, temperature: 0, messages: request.messages, ...(json ? { response_format: { type: 'json_object' } } : {}) };
        const answer = await postJson(ctx, `${baseUrl}/chat/completions`, body, { headers, timeoutMs, signal: request.signal, fetch: deps.fetch });
        const message = chatMessage(answer);
        if (!message) throw badResponseError(ctx, 'no choices[0].message.content in the answer');
        return { ...message, json };
      };
      if (!request.json || !jsonMode) return send(false);
      try {
        return await send(true);
      } catch (err) {
        if (!(err instanceof EngineError && err.kind === 'bad-request' && JSON_MODE_REFUSED.test(err.message))) throw err;
        jsonMode = false;
        return send(false);
      }
    },

    async translate(request: TranslateRequest): Promise<TranslateResult[]> {
      if (request.texts.length === 0) return [];
      const body = {
        model,
        temperature: 0,
        messages: [
          { role: 'system', content: systemPrompt(request.sourceLang, request.targetLang) },
          { role: 'user', content: userPrompt(request.texts, request.termHints) },
        ],
      };
      const answer = await postJson(ctx, `${baseUrl}/chat/completions`, body, { headers, timeoutMs, signal: request.signal, fetch: deps.fetch });
      const content = (answer as { choices?: { message?: { content?: unknown } }[] } | null)?.choices?.[0]?.message?.content;
      if (typeof content !== 'string') throw badResponseError(ctx, 'no choices[0].message.content in the answer');
      const parts = splitTagged(content, request.texts.length);
      const missing = parts.flatMap((text, i) => (text === undefined ? [i + 1] : []));
      if (missing.length > 0) {
        // What did come back is usable: the caller keeps it and sends only the missing ones again.
        const some = missing.length < parts.length;
        throw badResponseError(ctx, `paragraph${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of the ${request.texts.length} sent did not come back tagged`, {
          partial: some ? parts.map((text) => (text === undefined ? undefined : { text })) : undefined,
        });
      }
      return parts.map((text) => ({ text: text! }));
    },
  };
}
