/**
 * Any OpenAI-compatible chat-completions server (OpenAI, Ollama, llama.cpp, vLLM). Several
 * paragraphs go in one request, each wrapped in a numbered tag; the answer must come back with
 * exactly those tags or the batch is a `bad-response` (the orchestrator then goes one by one).
 */
import { ConfigError } from '../core/errors.js';
import { Redactor } from '../core/redact.js';
import { CAPABILITIES } from './capabilities.js';
import { badResponseError, type EngineErrorContext } from './errors.js';
import { postJson, timeoutSetting, type HttpEngineDeps } from './http.js';
import type { Engine, EngineSettings, TermPair, TranslateRequest, TranslateResult } from './types.js';

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
  parts.push(texts.map((t, i) => `<p id="${i + 1}">${t}</p>`).join('\n'));
  return parts.join('\n\n');
}

/**
 * Splits an answer back into paragraphs by their tags. Returns undefined unless the tags are
 * exactly 1..count, each once, in order, with nothing but whitespace outside them. A lone
 * paragraph may come back untagged.
 * @example splitTagged('<p id="1">Hello</p>\n<p id="2">World</p>', 2) → ['Hello', 'World']
 */
export function splitTagged(answer: string, count: number): string[] | undefined {
  const tag = /<p\s+id\s*=\s*["']?(\d+)["']?\s*>([\s\S]*?)<\/p>/gi;
  const out: string[] = [];
  let rest = '';
  let last = 0;
  for (const m of answer.matchAll(tag)) {
    rest += answer.slice(last, m.index);
    last = m.index + m[0].length;
    if (Number(m[1]) !== out.length + 1) return undefined;
    out.push(m[2]!.trim());
  }
  rest += answer.slice(last);
  if (out.length === 0 && count === 1) {
    const whole = stripFence(answer).trim();
    return whole ? [whole] : undefined;
  }
  if (out.length !== count || stripFence(rest).trim() !== '') return undefined;
  return out;
}

function stripFence(text: string): string {
  return text.replace(/^\s*```\w*\s*\n?/, '').replace(/\n?```\s*$/, '');
}

/**
 * Creates the OpenAI-compatible engine. Settings: `model` (required), `baseUrl` (default
 * https://api.openai.com/v1), `apiKey` (optional for local servers), `timeoutMs`.
 * @throws ConfigError without `model`.
 */
export function createOpenAIEngine(settings: EngineSettings, deps: HttpEngineDeps = {}): Engine {
  const model = settings.model;
  if (!model) throw new ConfigError('the OpenAI-compatible engine needs a model name', { hint: 'set OPENAI_MODEL, e.g. gpt-4o-mini or llama3.1:8b' });
  const baseUrl = (settings.baseUrl || DEFAULT_OPENAI_BASE_URL).replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(baseUrl)) throw new ConfigError(`OpenAI base URL "${baseUrl}" is not an http(s) URL`, { hint: 'set OPENAI_BASE_URL' });
  const apiKey = settings.apiKey || undefined;
  const timeoutMs = timeoutSetting(settings.timeoutMs);
  const ctx: EngineErrorContext = { engine: 'openai', label: `OpenAI-compatible server (${baseUrl})`, keySource: 'OPENAI_API_KEY', redactor: new Redactor([apiKey]) };

  return {
    name: 'openai',
    model,
    capabilities: CAPABILITIES.openai,
    cacheOptions: { baseUrl, temperature: 0 },

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
      const headers: Record<string, string> = apiKey ? { authorization: `Bearer ${apiKey}` } : {};
      const answer = await postJson(ctx, `${baseUrl}/chat/completions`, body, { headers, timeoutMs, signal: request.signal, fetch: deps.fetch });
      const content = (answer as { choices?: { message?: { content?: unknown } }[] } | null)?.choices?.[0]?.message?.content;
      if (typeof content !== 'string') throw badResponseError(ctx, 'no choices[0].message.content in the answer');
      const parts = splitTagged(content, request.texts.length);
      if (!parts) {
        throw badResponseError(ctx, `the answer does not split into the ${request.texts.length} tagged paragraphs sent`);
      }
      return parts.map((text) => ({ text }));
    },
  };
}
