import { describe, it, expect } from 'vitest';
import { delay, http, HttpResponse } from 'msw';
import { server } from '../setup/server.js';
import { createOpenAIEngine, escapeText, splitTagged, unescapeText, userPrompt } from '../../src/engines/openai.js';
import { withRetry } from '../../src/engines/retry.js';
import { ConfigError, EngineError } from '../../src/core/errors.js';
import { ENGLISH, PARAGRAPHS, TERMS, fakeTranslate, openAIInvalidKeyBody } from './fixtures.js';

const KEY = 'sk-proj-Q3v9XbT2mK8rL5wN1pZ7yC4dF6hJ0aSe';
const OPENAI = 'https://api.openai.com/v1/chat/completions';

interface ChatBody {
  model: string;
  temperature: number;
  messages: { role: string; content: string }[];
}

/** A chat model that answers with the same tags, translating each paragraph; `mangle` can spoil it. */
function chat(url: string, seen: { body: ChatBody; auth: string | null }[], mangle?: (answer: string) => string) {
  return http.post(url, async ({ request }) => {
    const body = (await request.json()) as ChatBody;
    seen.push({ body, auth: request.headers.get('authorization') });
    const user = body.messages.find((m) => m.role === 'user')!.content;
    const answer = [...user.matchAll(/<p id="(\d+)">([\s\S]*?)<\/p>/g)].map((m) => `<p id="${m[1]}">${fakeTranslate(m[2]!)}</p>`).join('\n');
    return HttpResponse.json({
      id: 'chatcmpl-9f8e7d',
      object: 'chat.completion',
      model: body.model,
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: mangle ? mangle(answer) : answer } }],
    });
  });
}

describe('openai engine: requests', () => {
  it('sends numbered paragraphs with temperature 0 and splits the answer back in order', async () => {
    const seen: { body: ChatBody; auth: string | null }[] = [];
    server.use(chat(OPENAI, seen));
    const engine = createOpenAIEngine({ apiKey: KEY, model: 'gpt-4o-mini' });
    const results = await engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' });
    expect(results.map((r) => r.text)).toEqual(ENGLISH);
    expect(seen).toHaveLength(1);
    const { body, auth } = seen[0]!;
    expect(auth).toBe(`Bearer ${KEY}`);
    expect(body.model).toBe('gpt-4o-mini');
    expect(body.temperature).toBe(0);
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[0]!.content).toMatch(/Vietnamese/);
    expect(body.messages[0]!.content).toMatch(/Output only/);
    PARAGRAPHS.forEach((p, i) => expect(body.messages[1]!.content).toContain(`<p id="${i + 1}">${p}</p>`));
    expect(body.messages[1]!.content).not.toMatch(/renderings/);
  });

  it('puts only the term pairs found in these paragraphs into the prompt, once each', async () => {
    const seen: { body: ChatBody; auth: string | null }[] = [];
    server.use(chat(OPENAI, seen));
    const engine = createOpenAIEngine({ apiKey: KEY, model: 'gpt-4o-mini' });
    const termHints = [[], [TERMS[1]!], [TERMS[0]!, TERMS[1]!]];
    await engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en', termHints });
    const user = seen[0]!.body.messages[1]!.content;
    expect(user).toContain('"Thiết bị đánh chặn pha bay" → "Glide Phase Interceptor"');
    expect(user.split('Security of Supply Arrangement')).toHaveLength(2);
    expect(user).not.toContain('Department of Defense');
  });

  it('works keyless against a local server (Ollama) at OPENAI_BASE_URL', async () => {
    const seen: { body: ChatBody; auth: string | null }[] = [];
    server.use(chat('http://127.0.0.1:11434/v1/chat/completions', seen));
    const engine = createOpenAIEngine({ baseUrl: 'http://127.0.0.1:11434/v1/', model: 'qwen2.5:7b' });
    const results = await engine.translate({ texts: [PARAGRAPHS[2]!], sourceLang: 'vi', targetLang: 'en' });
    expect(results[0]!.text).toBe(ENGLISH[2]);
    expect(seen[0]!.auth).toBeNull();
    expect(engine.model).toBe('qwen2.5:7b');
  });

  it('needs a model', () => {
    expect(() => createOpenAIEngine({ apiKey: KEY })).toThrow(/needs a model/);
  });
});

describe('openai engine: answers that do not split exactly', () => {
  const tolerated: [string, (a: string) => string][] = [
    ['chatter outside the tags', (a) => `Here is the translation:\n${a}\nLet me know if you need anything else.`],
    ['a code fence around the tags', (a) => `\`\`\`html\n${a}\n\`\`\``],
    ['tags out of order', (a) => a.split('\n').reverse().join('\n')],
    ['a tag repeated with the same text', (a) => `${a}\n${a.split('\n')[1]}`],
  ];
  it.each(tolerated)('%s still splits, in one request', async (_, mangle) => {
    const seen: { body: ChatBody; auth: string | null }[] = [];
    server.use(chat(OPENAI, seen, mangle));
    const engine = createOpenAIEngine({ apiKey: KEY, model: 'gpt-4o-mini' });
    const results = await engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' });
    expect(results.map((r) => r.text)).toEqual(ENGLISH);
    expect(seen).toHaveLength(1);
  });

  const partial: [string, (a: string) => string, number][] = [
    ['a paragraph dropped', (a) => a.replace(/<p id="2">[\s\S]*?<\/p>\n?/, ''), 2],
    ['an empty tag', (a) => a.replace(/<p id="3">[\s\S]*?<\/p>/, '<p id="3"> </p>'), 3],
    ['a tag repeated with another text', (a) => `${a}\n<p id="1">Something else</p>`, 1],
  ];
  it.each(partial)('%s is a retryable bad-response carrying the paragraphs that came back', async (_, mangle, missing) => {
    const seen: { body: ChatBody; auth: string | null }[] = [];
    server.use(chat(OPENAI, seen, mangle));
    const engine = createOpenAIEngine({ apiKey: KEY, model: 'gpt-4o-mini' });
    const err = await engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect(err).toMatchObject({ kind: 'bad-response', retryable: true });
    expect((err as Error).message).toContain(`paragraph ${missing} of the 3 sent did not come back`);
    expect((err as EngineError).partial).toEqual(ENGLISH.map((text, i) => (i + 1 === missing ? undefined : { text })));
    expect(seen).toHaveLength(1);
  });

  it('an answer with no usable tag carries nothing, and withRetry retries it', async () => {
    const seen: { body: ChatBody; auth: string | null }[] = [];
    server.use(chat(OPENAI, seen, () => 'I cannot help with that.'));
    const engine = createOpenAIEngine({ apiKey: KEY, model: 'gpt-4o-mini' });
    const err = await withRetry(() => engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }), { maxAttempts: 3, sleep: async () => {} }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'bad-response', retryable: true, partial: undefined });
    expect((err as Error).message).toContain('paragraphs 1, 2, 3 of the 3 sent did not come back');
    expect(seen).toHaveLength(3);
  });

  it('malformed JSON from the server is a retryable bad-response: retried, then the good answer is used', async () => {
    const seen: { body: ChatBody; auth: string | null }[] = [];
    let calls = 0;
    server.use(
      http.post(OPENAI, () => (calls++ === 0 ? new HttpResponse('{"choices": [oops', { headers: { 'content-type': 'application/json' } }) : undefined)),
      chat(OPENAI, seen),
    );
    const engine = createOpenAIEngine({ apiKey: KEY, model: 'gpt-4o-mini' });
    const kinds: string[] = [];
    const results = await withRetry(() => engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }), {
      sleep: async () => {},
      onRetry: (e) => kinds.push(e.error.kind),
    });
    expect(kinds).toEqual(['bad-response']);
    expect(results.map((r) => r.text)).toEqual(ENGLISH);
  });

  it('a single paragraph may come back untagged', async () => {
    server.use(chat(OPENAI, [], (a) => a.replace(/<\/?p[^>]*>/g, '')));
    const engine = createOpenAIEngine({ apiKey: KEY, model: 'gpt-4o-mini' });
    const results = await engine.translate({ texts: [PARAGRAPHS[0]!], sourceLang: 'vi', targetLang: 'en' });
    expect(results[0]!.text).toBe(ENGLISH[0]);
  });
});

describe('openai engine: settings', () => {
  it('refuses a base URL with credentials at creation, never showing the password', () => {
    const err = (() => {
      try {
        createOpenAIEngine({ model: 'gpt-4o-mini', baseUrl: 'http://bob:s3cret@llm.internal:8080/v1' });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    const shown = `${(err as ConfigError).message} ${(err as ConfigError).hint}`;
    expect(shown).toMatch(/must not contain a user name or password/);
    expect(shown).toMatch(/api_key/);
    expect(shown).not.toContain('s3cret');
    expect(shown).toContain('http://llm.internal:8080/v1');
  });

  it('refuses a base URL with a query string, never showing its value', () => {
    const err = (() => {
      try {
        createOpenAIEngine({ model: 'gpt-4o-mini', baseUrl: 'https://llm.example.com/v1?api-key=Zx81kq0pLm33' });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    const shown = `${(err as ConfigError).message} ${(err as ConfigError).hint}`;
    expect(shown).toMatch(/query string/);
    expect(shown).toMatch(/api_key/);
    expect(shown).not.toContain('Zx81kq0pLm33');
  });

  it('gives up after timeout_ms with a retryable timeout error', async () => {
    server.use(
      http.post(OPENAI, async () => {
        await delay(2000);
        return HttpResponse.json({ choices: [{ message: { role: 'assistant', content: '<p id="1">late</p>' } }] });
      }),
    );
    const engine = createOpenAIEngine({ model: 'gpt-4o-mini', apiKey: KEY, timeoutMs: '80' });
    // Without the timeout the late answer would be taken.
    const err = await engine.translate({ texts: ['Biên bản ghi nhớ'], sourceLang: 'vi', targetLang: 'en' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'timeout', retryable: true, message: expect.stringMatching(/did not answer within 80 ms/) });
  });

  it('refuses a timeout_ms that is not a positive whole number, naming the setting', () => {
    for (const bad of ['abc', '0', '-5', '1.5', '30s']) {
      expect(() => createOpenAIEngine({ model: 'gpt-4o-mini', timeoutMs: bad })).toThrow(ConfigError);
      expect(() => createOpenAIEngine({ model: 'gpt-4o-mini', timeoutMs: bad })).toThrow(/openai\.timeout_ms must be a positive whole number/);
    }
    expect(() => createOpenAIEngine({ model: 'gpt-4o-mini', timeoutMs: '45000' })).not.toThrow();
  });
});

describe('openai engine: errors', () => {
  it('401 with the key echoed is fatal and redacted', async () => {
    server.use(
      http.post(OPENAI, () =>
        HttpResponse.json({ error: { message: `Incorrect API key provided: ${KEY}. You can find your API key at https://platform.openai.com/account/api-keys.`, type: 'invalid_request_error', code: 'invalid_api_key' } }, { status: 401 }),
      ),
    );
    const engine = createOpenAIEngine({ apiKey: KEY, model: 'gpt-4o-mini' });
    const err = await engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'auth', status: 401, hint: 'check OPENAI_API_KEY' });
    expect((err as Error).message).not.toContain(KEY);
    expect((err as Error).message).toContain('Incorrect API key provided: [REDACTED]');
  });

  it("401 quoting the key elided, as OpenAI's server does (first 8, asterisks, last 4): no piece of it is shown", async () => {
    server.use(http.post(OPENAI, () => HttpResponse.json(openAIInvalidKeyBody(KEY), { status: 401 })));
    const engine = createOpenAIEngine({ apiKey: KEY, model: 'gpt-4o-mini' });
    const err = await engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'auth', status: 401 });
    const message = (err as Error).message;
    expect(message).toContain('Incorrect API key provided: [REDACTED]. You can find your API key');
    expect(message).not.toContain(KEY.slice(0, 8));
    expect(message).not.toContain(KEY.slice(-4));
  });

  it('429 rate limit with Retry-After is retried after that wait', async () => {
    let calls = 0;
    const seen: { body: ChatBody; auth: string | null }[] = [];
    const ok = chat(OPENAI, seen);
    server.use(
      http.post(OPENAI, () => {
        if (calls++ > 0) return undefined;
        return HttpResponse.json({ error: { message: 'Rate limit reached for gpt-4o-mini on requests per min (RPM)', type: 'requests', code: 'rate_limit_exceeded' } }, { status: 429, headers: { 'retry-after': '20' } });
      }),
      ok,
    );
    const engine = createOpenAIEngine({ apiKey: KEY, model: 'gpt-4o-mini' });
    const waits: number[] = [];
    const results = await withRetry(() => engine.translate({ texts: PARAGRAPHS, sourceLang: 'vi', targetLang: 'en' }), { random: () => 0, sleep: async (ms) => void waits.push(ms) });
    expect(results.map((r) => r.text)).toEqual(ENGLISH);
    expect(waits).toEqual([20_000]);
  });
});

describe('prompt helpers', () => {
  it('splitTagged accepts whitespace and code fences around the tags', () => {
    expect(splitTagged('```\n<p id="1">Hello</p>\n\n<p id="2"> World </p>\n```', 2)).toEqual(['Hello', 'World']);
  });
  it('splitTagged matches by id, ignores what is outside the tags and ids not sent, and marks the missing', () => {
    expect(splitTagged('Sure! Here:\n<p id="2">World</p>\n<p id="1">Hello</p>\nDone.', 2)).toEqual(['Hello', 'World']);
    expect(splitTagged('<p id="1">Hello</p>', 2)).toEqual(['Hello', undefined]);
    expect(splitTagged('<p id="1">Hello</p><p id="1">Hello</p><p id="7">Extra</p>', 1)).toEqual(['Hello']);
    expect(splitTagged('<p id="1">Hello</p><p id="1">Hi</p><p id="2"></p>', 2)).toEqual([undefined, undefined]);
    expect(splitTagged('nothing tagged', 2)).toEqual([undefined, undefined]);
  });
  it('userPrompt numbers paragraphs from 1', () => {
    expect(userPrompt(['Hà Nội', 'Huế'])).toBe('<p id="1">Hà Nội</p>\n<p id="2">Huế</p>');
  });
});

describe('openai engine: tag delimiters inside the text', () => {
  /** A model that echoes each tagged paragraph back as it was sent (entities kept, as told). */
  function echo(seen: string[]) {
    return http.post(OPENAI, async ({ request }) => {
      const body = (await request.json()) as ChatBody;
      const user = body.messages.find((m) => m.role === 'user')!.content;
      seen.push(user);
      const answer = [...user.matchAll(/<p id="(\d+)">([\s\S]*?)<\/p>/g)].map((m) => `<p id="${m[1]}">${m[2]}</p>`).join('\n');
      return HttpResponse.json({ choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: answer } }] });
    });
  }

  it('escapes </p>, <p id="2"> and & in the text sent, and reads the answer back unescaped', async () => {
    const seen: string[] = [];
    server.use(echo(seen));
    const engine = createOpenAIEngine({ apiKey: KEY, model: 'gpt-4o-mini' });
    const texts = [
      'Thẻ </p> đóng đoạn và <p id="2"> mở đoạn.',
      'R&D &amp; &lt;b&gt; — a < b > c',
      'Mã `<div>` trong ⟦1⟧ và &#60; số.',
    ];
    const results = await engine.translate({ texts, sourceLang: 'vi', targetLang: 'en' });
    expect(results.map((r) => r.text)).toEqual(texts);
    expect(seen[0]).toContain('<p id="1">Thẻ &lt;/p&gt; đóng đoạn và &lt;p id="2"&gt; mở đoạn.</p>');
    expect(seen[0]).toContain('<p id="2">R&amp;D &amp;amp; &amp;lt;b&amp;gt; — a &lt; b &gt; c</p>');
    expect(seen[0]!.match(/<p id=/g)).toHaveLength(3);
  });

  it('tells the model to keep entities, and reads a lone untagged answer unescaped too', async () => {
    const seen: { body: ChatBody; auth: string | null }[] = [];
    server.use(chat(OPENAI, seen, () => 'a &lt;/p&gt; b'));
    const engine = createOpenAIEngine({ apiKey: KEY, model: 'gpt-4o-mini' });
    const [r] = await engine.translate({ texts: ['x'], sourceLang: 'vi', targetLang: 'en' });
    expect(r!.text).toBe('a </p> b');
    expect(seen[0]!.body.messages[0]!.content).toMatch(/&lt;.*&amp;.*keep every entity/);
  });

  it('round-trips any text through escapeText and unescapeText', () => {
    for (const t of ['', '&', '&&amp;', '&lt;/p&gt;', '<p id="1">x</p>', '&#60;&#x3C;&quot;', '&amp;lt;', 'a<b>&c;']) {
      expect(unescapeText(escapeText(t))).toBe(t);
      expect(escapeText(t)).not.toMatch(/[<>]/);
    }
    expect(unescapeText('&quot;x&quot; &#39; &#x1F600; &unknown;')).toBe('"x" \' 😀 &unknown;');
  });
});
