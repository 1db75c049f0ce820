import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { delay, http, HttpResponse } from 'msw';
import { server } from '../setup/server.js';
import { createOpenAIEngine } from '../../src/engines/openai.js';
import { EngineError, UsageError } from '../../src/core/errors.js';
import { Redactor } from '../../src/core/redact.js';
import { JudgingAbortedError, judgeTranslations, planJudging, type JudgeOptions } from '../../src/judge/judge.js';
import { InFlightRequests } from '../../src/core/in-flight.js';
import { MQM_PROMPT_VERSION } from '../../src/judge/prompt.js';
import { MemoryTranslationCache, openTranslationCache } from '../../src/store/index.js';
import { judgmentCacheKey } from '../../src/store/types.js';
import { DEEPL, GOOGLE, judgeAnswer, judgedParagraphs, REFERENCE, translationOf } from './fixtures.js';

const BASE = 'http://localhost:11434/v1';
const URL = `${BASE}/chat/completions`;
const KEY = 'sk-proj-Hq7Zt3LwX9vB2nR5mK8pY4cD6fJ1aS0e';
const NO_WAIT = { maxAttempts: 4, sleep: async () => {}, random: () => 0 };

interface Seen {
  body: { model: string; temperature: number; response_format?: { type: string }; messages: { role: string; content: string }[] };
  auth: string | null;
}

/** The chat-completions answer of a model that judges as the fixtures say. */
function completion(content: string | null, extra: Record<string, unknown> = {}) {
  return HttpResponse.json({
    id: 'chatcmpl-B1x9',
    object: 'chat.completion',
    created: 1764662400,
    model: 'qwen2.5:14b-instruct',
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content, ...extra } }],
    usage: { prompt_tokens: 512, completion_tokens: 61, total_tokens: 573 },
  });
}

function judgeHandler(seen: Seen[], answer: (user: string, n: number) => Response | Promise<Response> = (user) => completion(judgeAnswer(user))) {
  return http.post(URL, async ({ request }) => {
    const body = (await request.json()) as Seen['body'];
    seen.push({ body, auth: request.headers.get('authorization') });
    return answer(body.messages.find((m) => m.role === 'user')!.content, seen.length);
  });
}

function options(extra: Partial<JudgeOptions> = {}): JudgeOptions {
  return {
    judge: createOpenAIEngine({ baseUrl: BASE, model: 'qwen2.5:14b', apiKey: KEY }),
    paragraphs: judgedParagraphs(),
    engines: ['deepl', 'google'],
    sourceLang: 'vi',
    targetLang: 'en',
    ...extra,
  };
}

describe('judgeTranslations: requests', () => {
  it('asks once per paragraph and engine, in JSON mode at temperature 0, with the source and translation only', async () => {
    const seen: Seen[] = [];
    server.use(judgeHandler(seen));
    const report = await judgeTranslations(options(), { concurrency: 2 });
    expect(seen).toHaveLength(6);
    for (const { body, auth } of seen) {
      expect(auth).toBe(`Bearer ${KEY}`);
      expect(body).toMatchObject({ model: 'qwen2.5:14b', temperature: 0, response_format: { type: 'json_object' } });
      expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
      expect(body.messages[0]!.content).toContain('accuracy/mistranslation');
      expect(body.messages[1]!.content).not.toContain('reference');
    }
    const translations = seen.map((s) => translationOf(s.body.messages[1]!.content)).sort();
    expect(translations).toEqual([...DEEPL, ...GOOGLE].sort());
    // The NFD source paragraph is sent in NFC.
    expect(seen.some((s) => s.body.messages[1]!.content.includes('Thiết bị đánh chặn pha bay'.normalize('NFC')))).toBe(true);
    expect(report).toMatchObject({ engine: 'openai', model: 'qwen2.5:14b', promptVersion: MQM_PROMPT_VERSION, withReference: false, requests: { sent: 6, cached: 0 } });
  });

  it('shows the judge the reference when every paragraph has one, and not when told not to', async () => {
    const seen: Seen[] = [];
    server.use(judgeHandler(seen));
    const withRef = await judgeTranslations(options({ paragraphs: judgedParagraphs(true) }), { concurrency: 1 });
    expect(withRef.withReference).toBe(true);
    expect(seen[0]!.body.messages[1]!.content).toContain(`reference translation by a human (a guide: other correct renderings exist):\n${REFERENCE[0]}`);
    seen.length = 0;
    const without = await judgeTranslations(options({ paragraphs: judgedParagraphs(true), useReference: false }), { concurrency: 1 });
    expect(without.withReference).toBe(false);
    expect(seen.every((s) => !s.body.messages[1]!.content.includes('reference translation'))).toBe(true);
  });

  it('locates, scores and counts the spans per engine', async () => {
    server.use(judgeHandler([]));
    const report = await judgeTranslations(options(), { concurrency: 3 });
    const google = report.judgments.google!;
    expect(google.map((j) => j.paragraph)).toEqual([1, 2, 3]);
    expect(google[2]!.spans.map((s) => [s.category, s.severity, s.found, s.location])).toEqual([
      ['accuracy/mistranslation', 'major', 'Defense Minister', 'exact'],
      ['terminology', 'major', 'Supply Security Agreement', 'exact'],
    ]);
    // The omission is quoted from the source, and found there.
    expect(google[1]!.spans[0]).toMatchObject({ side: 'source', found: 'vào tháng 2023 năm 3' });
    const [deepl, g] = report.engines;
    expect(deepl).toMatchObject({ engine: 'deepl', judged: 3, errors: 1, penalty: 1 });
    expect(g).toMatchObject({ engine: 'google', judged: 3, errors: 4, penalty: 5 + 1 + 5 + 5 });
    const words = GOOGLE.join(' ').split(/\s+/).length;
    expect(g!.words).toBe(words);
    expect(g!.score).toBeCloseTo((16 * 1000) / words, 10);
    expect(g!.counts.terminology).toEqual({ minor: 0, major: 1, critical: 0 });
    expect(g!.counts['accuracy/omission']).toEqual({ minor: 1, major: 0, critical: 0 });
  });

  it('scores per paragraph with --mqm-per segment and with other weights', async () => {
    server.use(judgeHandler([]));
    const report = await judgeTranslations(options({ normalisation: 'segment', weights: { minor: 1, major: 10, critical: 25 } }), { concurrency: 2 });
    expect(report.engines[1]).toMatchObject({ penalty: 10 + 1 + 10 + 10, perSegment: 31 / 3, score: 31 / 3 });
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let most = 0;
    server.use(
      judgeHandler([], async (user) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await delay(20);
        inFlight--;
        return completion(judgeAnswer(user));
      }),
    );
    await judgeTranslations(options(), { concurrency: 2 });
    expect(most).toBe(2);
  });

  it('refuses an engine that cannot take a prompt', () => {
    const deepl = { name: 'deepl', model: 'deepl', capabilities: { glossary: 'native' as const, maxTexts: 50, maxChars: 1000 }, cacheOptions: {}, translate: async () => [] };
    expect(() => planJudging(options({ judge: deepl }))).toThrow(UsageError);
  });
});

describe('judgeTranslations: answers as models give them', () => {
  it('reads JSON in a code fence and in prose, overlapping spans, an unknown category and an empty list', async () => {
    const answers = [
      '```json\n{"errors": [{"category": "terminology", "severity": "major", "span": "Supply Security Agreement"}, {"category": "fluency/grammar", "severity": "minor", "span": "Security Agreement (SOSA)"}]}\n```',
      'Here is my assessment: {"errors": [{"category": "Cultural adaptation", "severity": "minor", "span": "Defense Minister"}]} I hope it helps.',
      '{"errors": []}',
    ];
    server.use(judgeHandler([], (_user, n) => completion(answers[n - 1]!)));
    const report = await judgeTranslations(options({ engines: ['google'], paragraphs: [judgedParagraphs()[2]!, { ...judgedParagraphs()[2]!, index: 4 }, { ...judgedParagraphs()[0]!, index: 5 }] }), { concurrency: 1 });
    const [overlap, unknown, empty] = report.judgments.google!;
    const term = GOOGLE[2]!.indexOf('Supply Security Agreement');
    const grammar = GOOGLE[2]!.indexOf('Security Agreement (SOSA)');
    expect(grammar).toBeLessThan(term + 'Supply Security Agreement'.length);
    expect(overlap!.spans.map((s) => [s.start, s.end])).toEqual([
      [term, term + 25],
      [grammar, grammar + 25],
    ]);
    expect(unknown!.spans[0]).toMatchObject({ category: 'other', label: 'Cultural adaptation' });
    expect(empty).toMatchObject({ status: 'judged', spans: [], penalty: 0 });
    expect(report.engines[0]!.counts.other.minor).toBe(1);
  });

  it('reports spans that are not in the text without a position, and counts them', async () => {
    server.use(judgeHandler([], () => completion('{"errors": [{"category": "terminology", "severity": "major", "span": "Security of Supply Agreement"}]}')));
    const report = await judgeTranslations(options({ engines: ['google'], paragraphs: [judgedParagraphs()[2]!] }), { concurrency: 1 });
    const span = report.judgments.google![0]!.spans[0]!;
    expect(span).toMatchObject({ location: 'not-found', occurrences: 0 });
    expect(span.start).toBeUndefined();
    expect(report.engines[0]).toMatchObject({ notLocated: 1, errors: 1, penalty: 5 });
  });

  it('leaves a refused paragraph unscored and says why, from message.refusal or in prose', async () => {
    const answers = [completion(null, { refusal: "I'm sorry, I can't help with that." }), completion('I cannot assess texts about weapons systems.')];
    server.use(judgeHandler([], (_user, n) => answers[n - 1]!));
    const report = await judgeTranslations(options({ engines: ['deepl'], paragraphs: judgedParagraphs().slice(0, 2) }), { concurrency: 1 });
    expect(report.judgments.deepl!.map((j) => [j.status, j.note])).toEqual([
      ['refused', "I'm sorry, I can't help with that."],
      ['refused', 'I cannot assess texts about weapons systems.'],
    ]);
    expect(report.engines[0]).toMatchObject({ judged: 0, notJudged: 2, score: null });
  });

  it('asks again after an unreadable answer, and leaves the paragraph unjudged (and uncached) when it stays unreadable', async () => {
    const seen: Seen[] = [];
    server.use(judgeHandler(seen, (user, n) => completion(n === 1 ? 'The translation is good overall.' : n <= 5 && translationOf(user) === DEEPL[1] ? 'Mostly fine.' : judgeAnswer(user))));
    const cache = new MemoryTranslationCache();
    const report = await judgeTranslations(options({ engines: ['deepl'], paragraphs: judgedParagraphs().slice(1, 3), cache }), { concurrency: 1, retry: NO_WAIT });
    const [p2, p3] = report.judgments.deepl!;
    expect(p2).toMatchObject({ status: 'unreadable' });
    expect(p2!.note).toMatch(/no JSON in the answer/);
    expect(p3).toMatchObject({ status: 'judged', penalty: 0 });
    expect(seen).toHaveLength(5);
    expect(cache.judgments.size).toBe(1);
  });

  it('sends again without JSON mode to a server that refuses it, and does not ask for it again', async () => {
    const seen: Seen[] = [];
    server.use(
      http.post(URL, async ({ request }) => {
        const body = (await request.json()) as Seen['body'];
        seen.push({ body, auth: null });
        if (body.response_format) return HttpResponse.json({ error: { code: 400, message: "'response_format' is not supported by this server", type: 'invalid_request_error' } }, { status: 400 });
        return completion('```\n' + judgeAnswer(body.messages[1]!.content) + '\n```');
      }),
    );
    const report = await judgeTranslations(options({ engines: ['google'] }), { concurrency: 1 });
    expect(seen.map((s) => Boolean(s.body.response_format))).toEqual([true, false, false, false]);
    expect(report.engines[0]!.errors).toBe(4);
  });
});

describe('judgeTranslations: retries, failures and secrets', () => {
  it('retries a 503 with an empty body and a 429 with Retry-After, as translation does', async () => {
    const waits: number[] = [];
    let n = 0;
    server.use(
      http.post(URL, async ({ request }) => {
        n++;
        if (n === 1) return new HttpResponse(null, { status: 503 });
        if (n === 2) return new HttpResponse('', { status: 429, headers: { 'retry-after': '3' } });
        const body = (await request.json()) as Seen['body'];
        return completion(judgeAnswer(body.messages[1]!.content));
      }),
    );
    const retries: string[] = [];
    const report = await judgeTranslations(options({ engines: ['deepl'], paragraphs: judgedParagraphs().slice(1, 2) }), {
      concurrency: 1,
      retry: { ...NO_WAIT, sleep: async (ms) => void waits.push(ms) },
      onProgress: (e) => e.type === 'retry' && retries.push(e.reason),
    });
    expect(report.engines[0]).toMatchObject({ judged: 1, errors: 1 });
    expect(waits[1]).toBe(3000);
    expect(retries).toHaveLength(2);
  });

  it('stops at a fatal error (a refused key) without the key in the message', async () => {
    server.use(http.post(URL, () => HttpResponse.json({ error: { message: `Incorrect API key provided: ${KEY}`, type: 'invalid_request_error', code: 'invalid_api_key' } }, { status: 401 })));
    const err = await judgeTranslations(options(), { concurrency: 2, retry: NO_WAIT }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).kind).toBe('auth');
    expect((err as Error).message).not.toContain(KEY);
    expect((err as Error).message).not.toContain(KEY.slice(8, 20));
  });

  it('masks a key the judge writes back before it is kept or shown', async () => {
    const redactor = new Redactor([KEY]);
    server.use(judgeHandler([], () => completion(JSON.stringify({ errors: [{ category: 'addition', severity: 'critical', span: 'Kishida', explanation: `the text leaks ${KEY}` }] }))));
    const cache = new MemoryTranslationCache();
    const report = await judgeTranslations(options({ engines: ['deepl'], paragraphs: judgedParagraphs().slice(0, 1), cache }), { concurrency: 1, redact: (t) => redactor.redact(t) });
    expect(JSON.stringify(report)).not.toContain(KEY);
    expect(report.judgments.deepl![0]!.spans[0]!.explanation).toContain('[REDACTED]');
    expect(JSON.stringify([...cache.judgments.values()])).not.toContain(KEY);
  });
});

describe('judgeTranslations: the cache', () => {
  it('keeps every judgment in the SQLite cache beside the translations, so a rerun sends nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-judge-'));
    try {
      const file = path.join(dir, 'translations.sqlite');
      const seen: Seen[] = [];
      server.use(judgeHandler(seen));
      let cache = openTranslationCache(file);
      const first = await judgeTranslations(options({ cache }), { concurrency: 2 });
      cache.close();
      expect(seen).toHaveLength(6);
      cache = openTranslationCache(file);
      const again = await judgeTranslations(options({ cache }), { concurrency: 2 });
      cache.close();
      expect(seen).toHaveLength(6);
      expect(again.requests).toEqual({ sent: 0, cached: 6 });
      expect(again.engines).toEqual(first.engines);
      expect(again.judgments.google!.every((j) => j.cached)).toBe(true);
      // Another judge model, or another translation, is another judgment.
      cache = openTranslationCache(file);
      const plan = planJudging({ ...options({ cache }), judge: createOpenAIEngine({ baseUrl: BASE, model: 'llama3.1:8b' }) });
      const edited = planJudging(options({ cache, paragraphs: judgedParagraphs().map((p) => (p.index === 1 ? { ...p, outputs: { ...p.outputs, deepl: p.outputs.deepl + ' ' } } : p)) }));
      cache.close();
      expect(plan.toSend.requests).toBe(6);
      expect(edited.toSend.requests).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts what a dry run would send: prompts of the judgments the cache lacks', async () => {
    server.use(judgeHandler([]));
    const cache = new MemoryTranslationCache();
    await judgeTranslations(options({ engines: ['deepl'], cache }), { concurrency: 1 });
    const plan = planJudging(options({ cache }));
    expect(plan.cachedRequests).toBe(3);
    expect(plan.toSend.requests).toBe(3);
    const google = plan.tasks.filter((t) => t.engine === 'google');
    expect(plan.toSend.characters).toBe(google.reduce((n, t) => n + t.messages[0]!.content.length + t.messages[1]!.content.length, 0));
  });

  it('keys a judgment by judge, model, prompt version, languages and every text it saw', () => {
    const base = { engine: 'openai', model: 'gpt-4o-mini', cacheOptions: { baseUrl: BASE, temperature: 0 }, promptVersion: MQM_PROMPT_VERSION, sourceLang: 'vi', targetLang: 'en', source: 'Xin chào', translation: 'Hello' };
    const key = judgmentCacheKey(base);
    expect(judgmentCacheKey({ ...base, cacheOptions: { temperature: 0, baseUrl: BASE } })).toBe(key);
    for (const change of [{ model: 'gpt-4o' }, { promptVersion: 'vitrans-mqm-0' }, { translation: 'Hi' }, { source: 'Chào' }, { reference: 'Hello there' }, { cacheOptions: { baseUrl: 'http://other:8000/v1', temperature: 0 } }]) {
      expect(judgmentCacheKey({ ...base, ...change })).not.toBe(key);
    }
  });
});

describe('judgeTranslations: a stop (the first Ctrl-C) with requests on their way', () => {
  // The judge bills a prompt it has received, answered or not: thrown away, the rerun pays again.
  it('waits for them, caches their answers, asks nothing more and throws JudgingAbortedError; the rerun asks only the rest', async () => {
    const seen: Seen[] = [];
    const controller = new AbortController();
    const inFlight = new InFlightRequests();
    let atStop = -1;
    server.use(
      judgeHandler(seen, async (user, n) => {
        if (n === 2) setTimeout(() => ((atStop = inFlight.count), controller.abort()), 20);
        await delay(200);
        return completion(judgeAnswer(user));
      }),
    );
    const cache = new MemoryTranslationCache();
    await expect(judgeTranslations(options({ cache }), { concurrency: 2, retry: NO_WAIT, signal: controller.signal, inFlight })).rejects.toBeInstanceOf(JudgingAbortedError);
    expect(atStop).toBe(2);
    expect(seen).toHaveLength(2);
    expect(cache.judgments.size).toBe(2);

    const again: Seen[] = [];
    server.use(judgeHandler(again));
    const report = await judgeTranslations(options({ cache }), { concurrency: 2 });
    expect(again).toHaveLength(4);
    const asked = [...seen, ...again].map((s) => s.body.messages[1]!.content);
    expect(new Set(asked).size).toBe(6);
    expect(report.requests).toEqual({ sent: 4, cached: 2 });
  });

  it('without a cache aborts them at once', async () => {
    const seen: Seen[] = [];
    const controller = new AbortController();
    server.use(
      judgeHandler(seen, async (user) => {
        setTimeout(() => controller.abort(), 20);
        await delay(5_000);
        return completion(judgeAnswer(user));
      }),
    );
    const started = Date.now();
    await expect(judgeTranslations(options(), { concurrency: 1, retry: NO_WAIT, signal: controller.signal })).rejects.toBeInstanceOf(JudgingAbortedError);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(seen).toHaveLength(1);
  });
});
