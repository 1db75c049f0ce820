/**
 * What the orchestrator does when an engine misbehaves in ways the real servers do: a failing
 * glossary request, a glossary the engine cannot keep, the source echoed back, a key in an answer.
 */
import { describe, it, expect } from 'vitest';
import { EngineError } from '../../src/core/errors.js';
import { createViMatcher } from '../../src/glossary/vi-matcher.js';
import { MemoryTranslationCache } from '../../src/store/index.js';
import { isEcho, isEmptyAnswer, isRunaway, nativeGlossaryOnce, translateParagraphs } from '../../src/translate/orchestrator.js';
import { retryRunner } from '../../src/translate/retry.js';
import type { TranslateProgress } from '../../src/translate/types.js';
import { FakeEngine, pseudoTranslate } from './fake-engine.js';
import { SEED_PARAGRAPHS, testGlossary } from './helpers.js';

const base = { sourceLang: 'vi', targetLang: 'en', concurrency: 4 };
const glossary = testGlossary();
const pairs = [{ source: 'Biên bản ghi nhớ', target: 'Memorandum of Understanding' }];
const noSleep = (delays: number[] = []) => retryRunner({ maxAttempts: 3, baseDelayMs: 10, random: () => 0.5, sleep: async (ms) => void delays.push(ms) });
const serverError = (): never => {
  throw new EngineError('fake', 'server', 'fake server error (HTTP 503)', { status: 503 });
};

describe('the native glossary step', () => {
  it('is retried like any request: a 5xx on the first glossary request does not end the run', async () => {
    const engine = new FakeEngine({ glossary: 'native', glossaryFailOn: (n) => n === 1 && serverError() });
    const events: TranslateProgress[] = [];
    const delays: number[] = [];
    const out = await translateParagraphs({ ...base, engine, paragraphs: SEED_PARAGRAPHS.slice(0, 4), glossary, termPairs: pairs, retry: noSleep(delays), onProgress: (e) => events.push(e) });
    expect(engine.glossaries).toHaveLength(2);
    expect(delays).toHaveLength(1);
    expect(events.filter((e) => e.type === 'retry')).toMatchObject([{ attempt: 1, reason: 'fake server error (HTTP 503)' }]);
    expect(engine.requests.every((r) => r.glossaryId === `gloss-${glossary.hash.slice(0, 8)}`)).toBe(true);
    expect(out.map((o) => o.target)).toEqual(SEED_PARAGRAPHS.slice(0, 4).map(pseudoTranslate));
  });

  it('a glossary failure that outlived its retries is not memoised: the next file asks again', async () => {
    const engine = new FakeEngine({ glossary: 'native', maxTexts: 1, glossaryFailOn: (n) => n <= 3 && serverError() });
    const once = nativeGlossaryOnce(engine, pairs, glossary.hash, base);
    const first = translateParagraphs({ ...base, engine, paragraphs: SEED_PARAGRAPHS.slice(0, 4), glossary, nativeGlossaryId: once, retry: noSleep() });
    await expect(first).rejects.toMatchObject({ kind: 'server' });
    expect(engine.glossaries).toHaveLength(3);
    expect(engine.requests).toHaveLength(0);
    // Memoised before: every later call got the same dead promise.
    await translateParagraphs({ ...base, engine, paragraphs: SEED_PARAGRAPHS.slice(4), glossary, nativeGlossaryId: once, retry: noSleep() });
    expect(engine.glossaries).toHaveLength(4);
    expect(engine.requests).toHaveLength(SEED_PARAGRAPHS.length - 4);
  });

  it('keeps a fatal glossary failure: it is not asked again', async () => {
    const engine = new FakeEngine({
      glossary: 'native',
      glossaryFailOn: () => {
        throw new EngineError('fake', 'auth', 'fake rejected the key (HTTP 403)', { status: 403 });
      },
    });
    const once = nativeGlossaryOnce(engine, pairs, glossary.hash, base);
    for (const paragraphs of [SEED_PARAGRAPHS.slice(0, 2), SEED_PARAGRAPHS.slice(2)]) {
      await expect(translateParagraphs({ ...base, engine, paragraphs, glossary, nativeGlossaryId: once, retry: noSleep() })).rejects.toMatchObject({ kind: 'auth' });
    }
    expect(engine.glossaries).toHaveLength(1);
  });

  it('falls back to placeholders, with one warning event, when the engine keeps no glossary for the pair', async () => {
    const noGlossaries = (): never => {
      throw new EngineError('fake', 'glossary-unsupported', 'fake translates vi-en but keeps no glossaries for it', { status: 400 });
    };
    const engine = new FakeEngine({ glossary: 'native', glossaryFailOn: noGlossaries });
    const events: TranslateProgress[] = [];
    const cache = new MemoryTranslationCache();
    const paragraph = SEED_PARAGRAPHS[3]!; // Biên bản ghi nhớ (MOU) và Thoả thuận An ninh Cung ứng (SOSA)
    const [out] = await translateParagraphs({ ...base, engine, paragraphs: [paragraph], glossary, viMatcher: createViMatcher(glossary.entries), cache, retry: noSleep(), onProgress: (e) => events.push(e) });
    expect(events.filter((e) => e.type === 'glossary-fallback')).toEqual([{ type: 'glossary-fallback', engine: 'fake', reason: 'fake translates vi-en but keeps no glossaries for it' }]);
    expect(engine.requests[0]!.glossaryId).toBeUndefined();
    expect(engine.sentTexts[0]).toMatch(/⟦1⟧ \(MOU\) và ⟦2⟧ \(SOSA\)/);
    expect(out!.target).toContain('Memorandum of Understanding (MOU)');
    expect(out!.target).toContain('Security of Supply Arrangement (SOSA)');
    expect(out!.masked).toBe(true);
    // Cached under the placeholder mode: a native run of another engine does not pick it up, this one does.
    const again = new FakeEngine({ glossary: 'native', glossaryFailOn: noGlossaries });
    await translateParagraphs({ ...base, engine: again, paragraphs: [paragraph], glossary, viMatcher: createViMatcher(glossary.entries), cache, retry: noSleep() });
    expect(again.requests).toHaveLength(0);
  });
});

describe('echoes', () => {
  it('tells the source sent back from a translation, a name or a number', () => {
    const vi = SEED_PARAGRAPHS[1]!;
    expect(isEcho(vi, vi, 'vi')).toBe(true);
    expect(isEcho(vi, ` ${vi.normalize('NFD')}\n`, 'vi')).toBe(true);
    expect(isEcho(vi, pseudoTranslate(vi), 'vi')).toBe(false);
    expect(isEcho('Kishida Fumio', 'Kishida Fumio', 'vi')).toBe(false);
    expect(isEcho('Nguyễn Phú Trọng', 'Nguyễn Phú Trọng', 'vi')).toBe(false);
    expect(isEcho('SM-3 Block IIA, 2023, 2024, 2025, 2026', 'SM-3 Block IIA, 2023, 2024, 2025, 2026', 'vi')).toBe(false);
  });

  it('an echoed paragraph is retried, never cached, and a rerun after the engine recovers translates it', async () => {
    const paragraphs = SEED_PARAGRAPHS.slice(1, 4);
    const cache = new MemoryTranslationCache();
    let echoing = true;
    const engine = new FakeEngine({ mangle: (out, input) => (echoing && input === paragraphs[1] ? input : out) });
    const run = translateParagraphs({ ...base, engine, paragraphs, cache, retry: noSleep() });
    await expect(run).rejects.toMatchObject({ kind: 'bad-response', message: 'fake returned the text untranslated (the source came back)' });
    // One batch of three, then the echoed one alone, three times.
    expect(engine.requests.map((r) => r.texts.length)).toEqual([3, 1, 1, 1]);
    expect([...cache.entries.values()].map((v) => v.target).sort()).toEqual([pseudoTranslate(paragraphs[0]!), pseudoTranslate(paragraphs[2]!)].sort());

    echoing = false;
    const rerun = new FakeEngine();
    const out = await translateParagraphs({ ...base, engine: rerun, paragraphs, cache, retry: noSleep() });
    expect(rerun.sentTexts).toEqual([paragraphs[1]]);
    expect(out.map((o) => o.target)).toEqual(paragraphs.map(pseudoTranslate));
  });

  it('a whole batch echoed is retried as a batch, not paragraph by paragraph', async () => {
    const paragraphs = SEED_PARAGRAPHS.slice(1, 4);
    const answered = new Set<string>();
    // The first answer to each paragraph is its source: the whole first batch comes back untranslated.
    const engine = new FakeEngine({ mangle: (out, input) => (answered.has(input) ? out : (answered.add(input), input)) });
    const out = await translateParagraphs({ ...base, engine, paragraphs, retry: noSleep() });
    expect(engine.requests.map((r) => r.texts.length)).toEqual([3, 3]);
    expect(out.map((o) => o.target)).toEqual(paragraphs.map(pseudoTranslate));
  });
});

describe('empty answers and answers that are no text', () => {
  it('an empty answer to a paragraph with words is retried alone, never cached, and a rerun after the engine recovers translates it', async () => {
    const paragraphs = SEED_PARAGRAPHS.slice(1, 4);
    const cache = new MemoryTranslationCache();
    let empty = true;
    const engine = new FakeEngine({ mangle: (out, input) => (empty && input === paragraphs[1] ? ' ' : out) });
    const run = translateParagraphs({ ...base, engine, paragraphs, cache, retry: noSleep() });
    await expect(run).rejects.toMatchObject({ kind: 'bad-response', message: 'fake answered a text with no translation (empty, or not a text)' });
    expect(engine.requests.map((r) => r.texts.length)).toEqual([3, 1, 1, 1]);
    expect([...cache.entries.values()].map((v) => v.target).sort()).toEqual([pseudoTranslate(paragraphs[0]!), pseudoTranslate(paragraphs[2]!)].sort());

    empty = false;
    const rerun = new FakeEngine();
    const out = await translateParagraphs({ ...base, engine: rerun, paragraphs, cache, retry: noSleep() });
    expect(rerun.sentTexts).toEqual([paragraphs[1]]);
    expect(out.map((o) => o.target)).toEqual(paragraphs.map(pseudoTranslate));
  });

  it('a null text from an engine is an unusable answer, retried, not a crash', async () => {
    const paragraphs = SEED_PARAGRAPHS.slice(1, 3);
    const answered = new Set<string>();
    // Each paragraph's first answer is null (as a broken server's JSON gives it); the second is a translation.
    const engine = new FakeEngine({ mangle: (out, input) => (answered.has(input) ? out : (answered.add(input), null as unknown as string)) });
    const out = await translateParagraphs({ ...base, engine, paragraphs, retry: noSleep() });
    expect(engine.requests.map((r) => r.texts.length)).toEqual([2, 2]);
    expect(out.map((o) => o.target)).toEqual(paragraphs.map(pseudoTranslate));
  });

  it('an empty answer cached by an earlier version is asked for again, not served', async () => {
    const paragraphs = SEED_PARAGRAPHS.slice(1, 3);
    const cache = new MemoryTranslationCache();
    await translateParagraphs({ ...base, engine: new FakeEngine(), paragraphs, cache, retry: noSleep() });
    // What a version that accepted empty answers kept for the first paragraph.
    const [key, entry] = [...cache.entries].find(([, v]) => v.target === pseudoTranslate(paragraphs[0]!))!;
    cache.entries.set(key, { ...entry, target: '' });
    const rerun = new FakeEngine();
    const out = await translateParagraphs({ ...base, engine: rerun, paragraphs, cache, retry: noSleep() });
    expect(rerun.sentTexts).toEqual([paragraphs[0]]);
    expect(out.map((o) => o.target)).toEqual(paragraphs.map(pseudoTranslate));
    expect(cache.entries.get(key)!.target).toBe(pseudoTranslate(paragraphs[0]!));
  });

  it('tells no translation from a short one or a text without words', () => {
    const vi = SEED_PARAGRAPHS[1]!;
    expect(isEmptyAnswer(vi, '')).toBe(true);
    expect(isEmptyAnswer(vi, ' \n\t')).toBe(true);
    expect(isEmptyAnswer(vi, null)).toBe(true);
    expect(isEmptyAnswer(vi, undefined)).toBe(true);
    expect(isEmptyAnswer('Có.', 'Yes.')).toBe(false);
    expect(isEmptyAnswer('2024 – 2025', '')).toBe(false);
  });
});

describe('runaway answers', () => {
  it('an answer repeating a word far past any translation is retried, never cached, and a rerun after the engine recovers translates it', async () => {
    const paragraphs = SEED_PARAGRAPHS.slice(1, 4);
    const cache = new MemoryTranslationCache();
    let looping = true;
    // An LLM stuck in a loop: "cooperation cooperation cooperation …" to its token limit.
    const engine = new FakeEngine({ mangle: (out, input) => (looping && input === paragraphs[1] ? 'cooperation '.repeat(20_000) : out) });
    const run = translateParagraphs({ ...base, engine, paragraphs, cache, retry: noSleep() });
    await expect(run).rejects.toMatchObject({ kind: 'bad-response', message: expect.stringMatching(/^fake answered with a text \d+ times as long as the one sent \(a model repeating itself\)$/) });
    expect(engine.requests.map((r) => r.texts.length)).toEqual([3, 1, 1, 1]);
    expect([...cache.entries.values()].map((v) => v.target).sort()).toEqual([pseudoTranslate(paragraphs[0]!), pseudoTranslate(paragraphs[2]!)].sort());

    looping = false;
    const rerun = new FakeEngine();
    const out = await translateParagraphs({ ...base, engine: rerun, paragraphs, cache, retry: noSleep() });
    expect(rerun.sentTexts).toEqual([paragraphs[1]]);
    expect(out.map((o) => o.target)).toEqual(paragraphs.map(pseudoTranslate));
  });

  it('tells a runaway from a long translation', () => {
    const vi = SEED_PARAGRAPHS[1]!;
    expect(isRunaway(vi, pseudoTranslate(vi))).toBe(false);
    expect(isRunaway(vi, `${pseudoTranslate(vi)} (${pseudoTranslate(vi)})`)).toBe(false);
    expect(isRunaway('Hai bên.', 'The two sides, which have signed a number of agreements over the past decade, agreed.')).toBe(false);
    expect(isRunaway(vi, 'the '.repeat(10 * vi.length))).toBe(true);
  });
});

describe('secrets in answers', () => {
  const KEY = 'sk-proj-7Qm2Xv9Lr4Tz8Wc1Nb6Hd3Kf';
  const redact = (t: string): string => t.split(KEY).join('[REDACTED]');

  it('a key an engine returns inside a translation is masked before it is cached, with a warning', async () => {
    const paragraphs = SEED_PARAGRAPHS.slice(0, 3);
    const cache = new MemoryTranslationCache();
    const engine = new FakeEngine({ mangle: (out, input) => (input === paragraphs[1] ? `${out} (api key: ${KEY})` : out) });
    const out = await translateParagraphs({ ...base, engine, paragraphs, cache, redact });
    expect(out[1]!.target).toBe(`${pseudoTranslate(paragraphs[1]!)} (api key: [REDACTED])`);
    expect(out[1]!.warnings).toEqual(['secret-redacted']);
    expect(out[0]!.warnings).toEqual([]);
    expect(JSON.stringify([...cache.entries.values()])).not.toContain(KEY.slice(0, 8));
    expect([...cache.entries.values()].find((v) => v.warnings.includes('secret-redacted'))?.target).toContain('[REDACTED]');
  });
});
