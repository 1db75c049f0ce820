import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { EngineError } from '../../src/core/errors.js';
import { InFlightRequests } from '../../src/core/in-flight.js';
import { createViMatcher } from '../../src/glossary/vi-matcher.js';
import { MemoryTranslationCache, openTranslationCache } from '../../src/store/index.js';
import { nativeGlossaryOnce, planTranslation, rememberingMatcher, respellTerms, translateParagraphs, TranslationAbortedError } from '../../src/translate/orchestrator.js';
import { parseGlossary } from '../../src/glossary/load.js';
import { retryRunner } from '../../src/translate/retry.js';
import type { TranslateProgress } from '../../src/translate/types.js';
import { FakeEngine, pseudoTranslate } from './fake-engine.js';
import { SEED_PARAGRAPHS, manyParagraphs, tempDir, testGlossary } from './helpers.js';

const base = { sourceLang: 'vi', targetLang: 'en', concurrency: 4 };

describe('batching', () => {
  it('never sends more texts than maxTexts in one request', async () => {
    const engine = new FakeEngine({ maxTexts: 3 });
    await translateParagraphs({ ...base, engine, paragraphs: manyParagraphs(7) });
    expect(engine.requests.map((r) => r.texts.length)).toEqual([3, 3, 1]);
  });

  it('never sends more characters than maxChars in one request', async () => {
    const engine = new FakeEngine({ maxChars: 300 });
    const paragraphs = manyParagraphs(12);
    const out = await translateParagraphs({ ...base, engine, paragraphs });
    for (const r of engine.requests) expect(r.texts.join('').length).toBeLessThanOrEqual(300);
    expect(engine.requests.length).toBeGreaterThan(3);
    expect(out.map((o) => o.target)).toEqual(paragraphs.map(pseudoTranslate));
  });

  it('splits a paragraph longer than maxChars at sentence ends, re-joins it and warns', async () => {
    const engine = new FakeEngine({ maxChars: 130 });
    const long = SEED_PARAGRAPHS.slice(1, 5).join(' ');
    const [out] = await translateParagraphs({ ...base, engine, paragraphs: [long] });
    expect(engine.sentTexts.length).toBeGreaterThan(1);
    for (const t of engine.sentTexts) expect(t.length).toBeLessThanOrEqual(130);
    expect(engine.sentTexts.join(' ')).toBe(long);
    expect(out!.target).toBe(engine.sentTexts.map(pseudoTranslate).join(' '));
    expect(out!.warnings).toEqual(['split-long-paragraph']);
  });
});

describe('concurrency and order', () => {
  it('returns results in paragraph order when later requests finish first', async () => {
    // Request 1 is the slowest, the last the fastest.
    const engine = new FakeEngine({ maxTexts: 1, delayFor: (n) => 80 - n * 10 });
    const paragraphs = SEED_PARAGRAPHS.slice(0, 6);
    const finished: number[] = [];
    const out = await translateParagraphs({
      ...base,
      engine,
      paragraphs,
      concurrency: 6,
      onProgress: (e) => e.type === 'progress' && finished.push(e.done),
    });
    expect(out.map((o) => o.source)).toEqual(paragraphs);
    expect(out.map((o) => o.target)).toEqual(paragraphs.map(pseudoTranslate));
    expect(finished).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const engine = new FakeEngine({ maxTexts: 2, delayFor: () => 15 });
    await translateParagraphs({ ...base, engine, paragraphs: manyParagraphs(20), concurrency: 3 });
    expect(engine.requests).toHaveLength(10);
    expect(engine.maxInFlight).toBe(3);
  });
});

describe('cache', () => {
  it('makes zero requests when the same article is translated again', async () => {
    const file = path.join(tempDir(), 'c', 'translations.sqlite');
    const first = new FakeEngine();
    let cache = openTranslationCache(file);
    const a = await translateParagraphs({ ...base, engine: first, paragraphs: SEED_PARAGRAPHS, cache });
    cache.close();
    const second = new FakeEngine();
    cache = openTranslationCache(file);
    const b = await translateParagraphs({ ...base, engine: second, paragraphs: SEED_PARAGRAPHS, cache });
    cache.close();
    expect(first.requests.length).toBeGreaterThan(0);
    expect(second.requests).toHaveLength(0);
    expect(b.map((r) => r.target)).toEqual(a.map((r) => r.target));
    expect(b.every((r) => r.cached)).toBe(true);
    expect(b.map((r) => r.billedCharacters)).toEqual(a.map((r) => r.billedCharacters));
  });

  it('normalises to NFC before sending and before keying the cache', async () => {
    const cache = new MemoryTranslationCache();
    const nfc = 'Thỏa thuận hòa bình về thủy quân được ký vào tháng XNUMX.';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const first = new FakeEngine();
    await translateParagraphs({ ...base, engine: first, paragraphs: [nfd], cache });
    expect(first.sentTexts).toEqual([nfc]);
    const second = new FakeEngine();
    const [out] = await translateParagraphs({ ...base, engine: second, paragraphs: [nfc], cache });
    expect(second.requests).toHaveLength(0);
    expect(out!.cached).toBe(true);
    expect(out!.target).toBe('EN: Agreement peace về marines được ký vào month XNUMX.');
  });

  it('keys on engine options: another model or language misses the cache', async () => {
    const cache = new MemoryTranslationCache();
    await translateParagraphs({ ...base, engine: new FakeEngine(), paragraphs: SEED_PARAGRAPHS, cache });
    const other = new FakeEngine({ name: 'other' });
    await translateParagraphs({ ...base, engine: other, paragraphs: SEED_PARAGRAPHS, cache });
    const german = new FakeEngine();
    await translateParagraphs({ ...base, targetLang: 'de', engine: german, paragraphs: SEED_PARAGRAPHS, cache });
    expect(other.sentTexts).toHaveLength(SEED_PARAGRAPHS.length);
    expect(german.sentTexts).toHaveLength(SEED_PARAGRAPHS.length);
  });

  it('resumes a run that died at batch k: the rerun sends only the missing paragraphs, none twice', async () => {
    const file = path.join(tempDir(), 'translations.sqlite');
    const paragraphs = manyParagraphs(10);
    const dying = new FakeEngine({
      maxTexts: 2,
      failOn: (n) => {
        if (n === 3) throw new EngineError('fake', 'quota', 'Quota exceeded', { status: 456 });
      },
    });
    let cache = openTranslationCache(file);
    await expect(translateParagraphs({ ...base, engine: dying, paragraphs, cache, concurrency: 1 })).rejects.toMatchObject({
      kind: 'quota',
    });
    cache.close();
    const answered = dying.requests.slice(0, 2).flatMap((r) => r.texts);
    expect(answered).toEqual(paragraphs.slice(0, 4));

    const rerun = new FakeEngine({ maxTexts: 2 });
    cache = openTranslationCache(file);
    const out = await translateParagraphs({ ...base, engine: rerun, paragraphs, cache, concurrency: 1 });
    cache.close();
    expect(rerun.sentTexts).toEqual(paragraphs.slice(4));
    expect(out.map((o) => o.cached)).toEqual([true, true, true, true, false, false, false, false, false, false]);
    expect(out.map((o) => o.target)).toEqual(paragraphs.map(pseudoTranslate));
  });
});

describe('paragraphs repeated in one file', () => {
  // A byline and a photo credit that the article repeats; the second byline arrives decomposed (NFD), as pasted from a Mac.
  const BYLINE = 'Phóng viên Thông tấn xã Việt Nam tại Tokyo đưa tin.';
  const CREDIT = 'Ảnh: Bộ Quốc phòng Nhật Bản';
  const paragraphs = [SEED_PARAGRAPHS[0]!, BYLINE, SEED_PARAGRAPHS[1]!, CREDIT, BYLINE.normalize('NFD'), SEED_PARAGRAPHS[2]!, CREDIT, '', BYLINE];

  it('are sent once: the repeats take the first answer, are not billed again, and the plan counts them once', async () => {
    const engine = new FakeEngine({ maxTexts: 2 });
    const out = await translateParagraphs({ ...base, engine, paragraphs, cache: new MemoryTranslationCache() });
    expect([...engine.sentTexts].sort()).toEqual([SEED_PARAGRAPHS[0]!, BYLINE, SEED_PARAGRAPHS[1]!, CREDIT, SEED_PARAGRAPHS[2]!].sort());
    expect(out.map((o) => o.target)).toEqual(paragraphs.map((p) => (p === '' ? '' : pseudoTranslate(p.normalize('NFC')))));
    // The repeats came from this run's own answer: the summary counts them as cached, not as sent.
    expect(out.map((o) => o.cached)).toEqual([false, false, false, false, true, false, true, false, true]);
    expect(out[4]!.source).toBe(BYLINE);
    const plan = await planTranslation({ ...base, engine: new FakeEngine(), paragraphs });
    expect(plan.toSend).toEqual({ paragraphs: 5, characters: [SEED_PARAGRAPHS[0]!, BYLINE, SEED_PARAGRAPHS[1]!, CREDIT, SEED_PARAGRAPHS[2]!].join('').length });
  });

  it('without a cache too, and progress still reaches every paragraph', async () => {
    const engine = new FakeEngine({ maxTexts: 1 });
    const events: TranslateProgress[] = [];
    const out = await translateParagraphs({ ...base, engine, paragraphs, onProgress: (e) => events.push(e) });
    expect(engine.sentTexts).toHaveLength(5);
    expect(out).toHaveLength(paragraphs.length);
    const last = events.filter((e) => e.type === 'progress').at(-1);
    expect(last).toMatchObject({ total: paragraphs.length, done: paragraphs.length });
  });
});

describe('retries and fatal errors', () => {
  const noSleep = (delays: number[]) => retryRunner({ maxAttempts: 3, baseDelayMs: 10, random: () => 0, sleep: async (ms) => void delays.push(ms) });

  it('waits out a 429 with Retry-After and then succeeds', async () => {
    const delays: number[] = [];
    const events: TranslateProgress[] = [];
    const engine = new FakeEngine({
      failOn: (n) => {
        if (n === 1) throw new EngineError('fake', 'rate-limit', 'Too many requests', { status: 429, retryAfterMs: 2000 });
      },
    });
    const out = await translateParagraphs({ ...base, engine, paragraphs: SEED_PARAGRAPHS.slice(0, 2), retry: noSleep(delays), onProgress: (e) => events.push(e) });
    expect(engine.requests).toHaveLength(2);
    expect(delays).toEqual([2000]);
    expect(events.filter((e) => e.type === 'retry')).toMatchObject([{ attempt: 1, delayMs: 2000 }]);
    expect(out.map((o) => o.target)).toEqual(SEED_PARAGRAPHS.slice(0, 2).map(pseudoTranslate));
  });

  it('retries a 5xx and then succeeds', async () => {
    const delays: number[] = [];
    const engine = new FakeEngine({
      failOn: (n) => {
        if (n <= 2) throw new EngineError('fake', 'server', 'Service unavailable', { status: 503 });
      },
    });
    const out = await translateParagraphs({ ...base, engine, paragraphs: SEED_PARAGRAPHS.slice(0, 3), retry: noSleep(delays) });
    expect(engine.requests).toHaveLength(3);
    expect(delays).toHaveLength(2);
    expect(out[2]!.target).toBe(pseudoTranslate(SEED_PARAGRAPHS[2]!));
  });

  it.each([
    [403, 'auth' as const],
    [456, 'quota' as const],
  ])('stops at once on a fatal %i, aborting in-flight requests and keeping finished work in the cache', async (status, kind) => {
    const cache = new MemoryTranslationCache();
    const paragraphs = manyParagraphs(8);
    const engine = new FakeEngine({
      maxTexts: 2,
      // Batch 1 answers quickly, batch 2 stalls, batch 3 (taken after batch 1) is refused.
      delayFor: (n) => (n === 1 ? 5 : n === 2 ? 5_000 : 0),
      failOn: (n) => {
        if (n === 3) throw new EngineError('fake', kind, 'refused', { status });
      },
    });
    const run = translateParagraphs({ ...base, engine, paragraphs, cache, concurrency: 2, retry: noSleep([]) });
    await expect(run).rejects.toMatchObject({ kind, status });
    expect(engine.requests).toHaveLength(3);
    expect(engine.requests[1]!.signal!.aborted).toBe(true);
    expect(cache.entries.size).toBe(2);
    const rerun = new FakeEngine({ maxTexts: 2 });
    await translateParagraphs({ ...base, engine: rerun, paragraphs, cache, concurrency: 2 });
    expect(rerun.sentTexts).toEqual(paragraphs.slice(2));
  });

  it('rejects an answer with the wrong number of translations, once each paragraph has been tried alone', async () => {
    const engine = new FakeEngine();
    const sent: number[] = [];
    engine.translate = async (request) => {
      sent.push(request.texts.length);
      return [{ text: 'one' }, { text: 'two' }, { text: 'three' }];
    };
    await expect(translateParagraphs({ ...base, engine, paragraphs: SEED_PARAGRAPHS.slice(0, 2), concurrency: 1 })).rejects.toMatchObject({
      kind: 'bad-response',
      message: 'sent 1 texts, got 3 translations back',
    });
    expect(sent).toEqual([2, 1]);
  });

  it('stops with TranslationAbortedError when the caller aborts, sending nothing more and keeping what finished', async () => {
    const cache = new MemoryTranslationCache();
    const controller = new AbortController();
    const engine = new FakeEngine({ maxTexts: 1 });
    const run = translateParagraphs({ ...base, engine, paragraphs: SEED_PARAGRAPHS.slice(0, 3), cache, concurrency: 1, signal: controller.signal, onProgress: (e) => e.type === 'progress' && controller.abort() });
    await expect(run).rejects.toBeInstanceOf(TranslationAbortedError);
    expect(engine.requests).toHaveLength(1);
    expect(cache.entries.size).toBe(1);
  });
});

describe('a stop (the first Ctrl-C) with requests on their way', () => {
  const noSleep = (delays: number[]) => retryRunner({ maxAttempts: 3, baseDelayMs: 10, random: () => 0, sleep: async (ms) => void delays.push(ms) });
  // The engine bills a request it has received whether or not its answer is read: a stop that
  // threw the answers away would have the rerun pay for those paragraphs a second time.
  it('waits for them without aborting them, caches their answers, sends nothing more, and still throws TranslationAbortedError', async () => {
    const cache = new MemoryTranslationCache();
    const controller = new AbortController();
    const paragraphs = manyParagraphs(12);
    const inFlight = new InFlightRequests();
    let atStop = -1;
    const engine = new FakeEngine({
      maxTexts: 2,
      delayFor: (n) => {
        // The fourth request of four in flight stops the run.
        if (n === 4) setTimeout(() => ((atStop = inFlight.count), controller.abort()), 20);
        return 200;
      },
    });
    const run = translateParagraphs({ ...base, engine, paragraphs, cache, concurrency: 4, signal: controller.signal, inFlight });
    await expect(run).rejects.toBeInstanceOf(TranslationAbortedError);
    expect(atStop).toBe(4);
    expect(inFlight.count).toBe(0);
    expect(engine.requests).toHaveLength(4);
    expect(engine.requests.map((r) => r.signal!.aborted)).toEqual([false, false, false, false]);
    expect(cache.entries.size).toBe(8);
    const rerun = new FakeEngine({ maxTexts: 2 });
    const out = await translateParagraphs({ ...base, engine: rerun, paragraphs, cache, concurrency: 4 });
    expect(rerun.sentTexts).toEqual(paragraphs.slice(8));
    expect(out.filter((t) => t.cached)).toHaveLength(8);
  });

  it('starts no retry for a request that fails after the stop, and still keeps the others', async () => {
    const cache = new MemoryTranslationCache();
    const controller = new AbortController();
    const engine = new FakeEngine({
      maxTexts: 1,
      delayFor: (n) => {
        if (n === 2) setTimeout(() => controller.abort(), 20);
        return n <= 2 ? 100 : 0;
      },
      failOn: (n) => {
        if (n === 1) throw new EngineError('fake', 'server', 'HTTP 503', { status: 503 });
      },
    });
    const run = translateParagraphs({ ...base, engine, paragraphs: SEED_PARAGRAPHS.slice(0, 4), cache, concurrency: 2, retry: noSleep([]), signal: controller.signal });
    await expect(run).rejects.toBeInstanceOf(TranslationAbortedError);
    expect(engine.requests.map((r) => r.texts[0])).toEqual(SEED_PARAGRAPHS.slice(0, 2));
    expect(engine.requests[1]!.signal!.aborted).toBe(false);
    expect([...cache.entries.values()].map((e) => e.origin?.source)).toEqual([SEED_PARAGRAPHS[1]]);
  });

  it('without a cache aborts them at once: nothing could be kept', async () => {
    const controller = new AbortController();
    const engine = new FakeEngine({
      maxTexts: 1,
      delayFor: () => {
        setTimeout(() => controller.abort(), 20);
        return 5_000;
      },
    });
    const started = Date.now();
    const run = translateParagraphs({ ...base, engine, paragraphs: SEED_PARAGRAPHS.slice(0, 3), concurrency: 1, signal: controller.signal });
    await expect(run).rejects.toBeInstanceOf(TranslationAbortedError);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(engine.requests).toHaveLength(1);
    expect(engine.requests[0]!.signal!.aborted).toBe(true);
  });
});

describe('unusable answers (bad-response) to a batch', () => {
  const noSleep = (delays: number[]) => retryRunner({ maxAttempts: 3, baseDelayMs: 10, random: () => 0, sleep: async (ms) => void delays.push(ms) });
  /** A FakeEngine whose request `n` answers only the texts `keep` accepts, as a partial bad-response. */
  const partly = (n: number, keep: (i: number) => boolean, before?: (call: number) => void) =>
    new FakeEngine({
      failOn: (call, request) => {
        before?.(call);
        if (call !== n) return;
        const partial = request.texts.map((t, i) => (keep(i) ? { text: pseudoTranslate(t), billedCharacters: t.length } : undefined));
        throw new EngineError('fake', 'bad-response', 'paragraphs 2, 4 did not come back', { partial });
      },
    });

  it('keeps and caches what came back at once, and sends each missing paragraph again alone', async () => {
    const cache = new MemoryTranslationCache();
    const paragraphs = SEED_PARAGRAPHS.slice(0, 4);
    let cachedBeforeResend = -1;
    const engine = partly(
      1,
      (i) => i !== 1 && i !== 3,
      (call) => {
        if (call === 2) cachedBeforeResend = cache.entries.size;
      },
    );
    const retries: number[] = [];
    const out = await translateParagraphs({ ...base, engine, paragraphs, cache, concurrency: 1, retry: noSleep(retries) });
    expect(engine.requests.map((r) => r.texts)).toEqual([paragraphs, [paragraphs[1]], [paragraphs[3]]]);
    expect(cachedBeforeResend).toBe(2);
    expect(retries).toEqual([]);
    expect(out.map((o) => o.target)).toEqual(paragraphs.map(pseudoTranslate));
    expect(out.map((o) => o.billedCharacters)).toEqual(paragraphs.map((p) => p.length));
    expect(cache.entries.size).toBe(4);
  });

  it('sends every paragraph alone when nothing usable came back (malformed JSON)', async () => {
    const paragraphs = SEED_PARAGRAPHS.slice(0, 3);
    const engine = new FakeEngine({
      failOn: (call) => {
        if (call === 1) throw new EngineError('fake', 'bad-response', 'LibreTranslate gave an unusable answer: expected JSON, got "{\\"translatedText\\": [oops"');
      },
    });
    const retries: number[] = [];
    const out = await translateParagraphs({ ...base, engine, paragraphs, concurrency: 1, retry: noSleep(retries) });
    expect(engine.requests.map((r) => r.texts)).toEqual([paragraphs, ...paragraphs.map((p) => [p])]);
    expect(retries).toEqual([]);
    expect(out.map((o) => o.target)).toEqual(paragraphs.map(pseudoTranslate));
  });

  it('retries a lone paragraph that still gets an unusable answer, then fails, keeping the rest cached', async () => {
    const cache = new MemoryTranslationCache();
    const paragraphs = SEED_PARAGRAPHS.slice(0, 3);
    const engine = new FakeEngine({
      failOn: (call, request) => {
        if (call === 1) throw new EngineError('fake', 'bad-response', 'partial', { partial: request.texts.map((t, i) => (i === 1 ? undefined : { text: pseudoTranslate(t) })) });
        if (request.texts.length === 1) throw new EngineError('fake', 'bad-response', 'still nothing');
      },
    });
    const retries: number[] = [];
    const run = translateParagraphs({ ...base, engine, paragraphs, cache, concurrency: 1, retry: noSleep(retries) });
    await expect(run).rejects.toMatchObject({ kind: 'bad-response', message: 'still nothing', retryable: true });
    // 1 batch + 3 attempts at the missing paragraph (maxAttempts 3), no more.
    expect(engine.requests.map((r) => r.texts.length)).toEqual([3, 1, 1, 1]);
    expect(retries).toHaveLength(2);
    expect(cache.entries.size).toBe(2);
  });

  it('a lone paragraph that gets an unusable answer is retried like a server error', async () => {
    const engine = new FakeEngine({
      failOn: (call) => {
        if (call === 1) throw new EngineError('fake', 'bad-response', 'expected JSON');
      },
    });
    const retries: number[] = [];
    const [out] = await translateParagraphs({ ...base, engine, paragraphs: [SEED_PARAGRAPHS[0]!], retry: noSleep(retries) });
    expect(out!.target).toBe(pseudoTranslate(SEED_PARAGRAPHS[0]!));
    expect(engine.requests).toHaveLength(2);
    expect(retries).toHaveLength(1);
  });
});

describe('progress', () => {
  it('reaches the total on a fully cached rerun, counting blank and local paragraphs', async () => {
    const cache = new MemoryTranslationCache();
    const paragraphs = ['Hợp tác quốc phòng', '2024', '   ', 'Nhật Bản và Hoa Kỳ', '— 15/3 —'];
    await translateParagraphs({ ...base, engine: new FakeEngine(), paragraphs, cache });
    const events: TranslateProgress[] = [];
    const engine = new FakeEngine();
    await translateParagraphs({ ...base, engine, paragraphs, cache, onProgress: (e) => events.push(e) });
    expect(engine.requests).toHaveLength(0);
    expect(events[0]).toMatchObject({ type: 'start', total: 5, cached: 2 });
    expect(events.at(-1)).toMatchObject({ type: 'progress', total: 5, done: 5, cached: 2 });
  });

  it('reaches the total when some paragraphs are sent and others are local', async () => {
    const events: TranslateProgress[] = [];
    const paragraphs = ['2024', 'Hợp tác quốc phòng', '', '12.000'];
    await translateParagraphs({ ...base, engine: new FakeEngine(), paragraphs, onProgress: (e) => events.push(e) });
    const done = events.filter((e) => e.type === 'progress').map((e) => (e as { done: number }).done);
    expect(done.at(-1)).toBe(4);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });
});

describe('glossary per engine', () => {
  const glossary = testGlossary();
  const viMatcher = createViMatcher(glossary.entries);
  const gpi = SEED_PARAGRAPHS[2]!;

  it('masks terms for engines without glossaries and puts the approved English back', async () => {
    const engine = new FakeEngine({ glossary: 'none' });
    const [out] = await translateParagraphs({ ...base, engine, paragraphs: [gpi], glossary, viMatcher });
    expect(engine.sentTexts[0]).toContain('⟦1⟧');
    expect(engine.sentTexts[0]).not.toContain('Thiết bị đánh chặn pha bay');
    expect(out!.target).toContain('Glide Phase Interceptor (GPI)');
    expect(out!.target).not.toContain('⟦');
    expect(out!.masked).toBe(true);
    expect(out!.warnings).toEqual([]);
  });

  it('masks old-style tone and NFD spellings of a term too', async () => {
    const engine = new FakeEngine({ glossary: 'none' });
    const [out] = await translateParagraphs({ ...base, engine, paragraphs: [SEED_PARAGRAPHS[3]!.normalize('NFD')], glossary, viMatcher });
    expect(engine.sentTexts[0]).toMatch(/⟦1⟧ \(MOU\) và ⟦2⟧ \(SOSA\)/);
    expect(out!.target).toContain('Memorandum of Understanding (MOU) and Security of Supply Arrangement (SOSA)');
  });

  it('tolerates spaces an engine puts inside the placeholder brackets', async () => {
    const engine = new FakeEngine({ glossary: 'none', mangle: (o) => o.replace(/⟦(\d+)⟧/g, '⟦ $1 ⟧') });
    const [out] = await translateParagraphs({ ...base, engine, paragraphs: [gpi], glossary, viMatcher });
    expect(out!.target).toContain('Glide Phase Interceptor');
    expect(out!.warnings).toEqual([]);
  });

  it('retranslates unmasked with a placeholder-lost warning when a placeholder does not come back', async () => {
    const engine = new FakeEngine({ glossary: 'none', mangle: (o) => o.replace(/⟦\d+⟧/g, '') });
    const cache = new MemoryTranslationCache();
    const [out] = await translateParagraphs({ ...base, engine, paragraphs: [gpi], glossary, viMatcher, cache });
    expect(engine.requests).toHaveLength(2);
    expect(engine.requests[1]!.texts).toEqual([gpi]);
    expect(out!.target).toBe(pseudoTranslate(gpi));
    expect(out!.warnings).toEqual(['placeholder-lost']);
    expect(out!.masked).toBeUndefined();
    expect(out!.billedCharacters).toBe(engine.requests[0]!.texts[0]!.length + gpi.length);
    // The warning survives the cache.
    const [again] = await translateParagraphs({ ...base, engine: new FakeEngine({ glossary: 'none' }), paragraphs: [gpi], glossary, viMatcher, cache });
    expect(again!.warnings).toEqual(['placeholder-lost']);
  });

  it('keeps the intact paragraphs of a batch in the cache even when the unmasked retry fails', async () => {
    const cache = new MemoryTranslationCache();
    const engine = new FakeEngine({
      glossary: 'none',
      mangle: (o) => o.replace(/⟦\d+⟧/g, ''),
      failOn: (n) => {
        if (n === 2) throw new EngineError('fake', 'quota', 'Quota exceeded', { status: 456 });
      },
    });
    const paragraphs = [SEED_PARAGRAPHS[0]!, gpi, SEED_PARAGRAPHS[1]!];
    await expect(translateParagraphs({ ...base, engine, paragraphs, glossary, viMatcher, cache })).rejects.toMatchObject({ kind: 'quota' });
    const rerun = new FakeEngine({ glossary: 'none' });
    await translateParagraphs({ ...base, engine: rerun, paragraphs, glossary, viMatcher, cache });
    expect(rerun.requests).toHaveLength(1);
    expect(rerun.requests[0]!.texts).toHaveLength(1);
    expect(rerun.requests[0]!.texts[0]).toContain('⟦1⟧ (GPI)');
  });

  it('sends nothing for a paragraph that is only a glossary term or has no letters', async () => {
    const engine = new FakeEngine({ glossary: 'none' });
    const out = await translateParagraphs({ ...base, engine, paragraphs: ['Biên bản ghi nhớ', '2024', gpi], glossary, viMatcher });
    expect(engine.sentTexts).toHaveLength(1);
    expect(out.map((o) => o.target.slice(0, 27))).toEqual(['Memorandum of Understanding', '2024', 'EN: Hai nước công bố rằng h']);
    expect(out[0]!.masked).toBe(true);
  });

  it('gives prompt engines only the pairs of the terms found in each paragraph', async () => {
    const engine = new FakeEngine({ glossary: 'prompt' });
    await translateParagraphs({ ...base, engine, paragraphs: [SEED_PARAGRAPHS[0]!, gpi, SEED_PARAGRAPHS[3]!], glossary, viMatcher });
    const hints = engine.requests[0]!.termHints!;
    expect(hints[0]).toEqual([]);
    expect(hints[1]).toEqual([{ source: 'Thiết bị đánh chặn pha bay', target: 'Glide Phase Interceptor' }]);
    expect(hints[2]).toEqual([
      { source: 'Biên bản ghi nhớ', target: 'Memorandum of Understanding' },
      { source: 'Thỏa thuận An ninh Cung ứng', target: 'Security of Supply Arrangement' },
      { source: 'Thoả thuận An ninh Cung ứng', target: 'Security of Supply Arrangement' },
    ]);
    expect(engine.sentTexts[1]).toBe(gpi);
  });

  it('a stop while the engine-side glossary is being created ends the run at once, with nothing sent', async () => {
    // A glossary request the client cannot abort, on a server that holds it (deepl-node over a hanging proxy).
    const engine = new FakeEngine({ glossary: 'native' });
    let asked = 0;
    engine.prepareGlossary = () => {
      asked++;
      return new Promise<string>(() => undefined);
    };
    const controller = new AbortController();
    const run = translateParagraphs({ ...base, engine, paragraphs: SEED_PARAGRAPHS.slice(0, 3), glossary, cache: new MemoryTranslationCache(), signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    const outcome = await Promise.race([run.then(() => 'translated', (err: unknown) => err), new Promise((r) => setTimeout(() => r('still waiting'), 5_000))]);
    expect(outcome).toBeInstanceOf(TranslationAbortedError);
    expect(asked).toBe(1);
    expect(engine.requests).toEqual([]);
  });

  it('prepares a native glossary once per run, and not at all when everything is cached', async () => {
    const engine = new FakeEngine({ glossary: 'native' });
    const cache = new MemoryTranslationCache();
    const once = nativeGlossaryOnce(engine, [{ source: 'Biên bản ghi nhớ', target: 'Memorandum of Understanding' }], glossary.hash, base);
    await translateParagraphs({ ...base, engine, paragraphs: SEED_PARAGRAPHS.slice(0, 3), glossary, cache, nativeGlossaryId: once });
    await translateParagraphs({ ...base, engine, paragraphs: SEED_PARAGRAPHS.slice(3), glossary, cache, nativeGlossaryId: once });
    expect(engine.glossaries).toEqual([{ pairs: 1, hash: glossary.hash }]);
    expect(engine.requests.every((r) => r.glossaryId === `gloss-${glossary.hash.slice(0, 8)}`)).toBe(true);
    const fresh = new FakeEngine({ glossary: 'native' });
    await translateParagraphs({ ...base, engine: fresh, paragraphs: SEED_PARAGRAPHS, glossary, cache });
    expect(fresh.glossaries).toEqual([]);
    expect(fresh.requests).toEqual([]);
  });

  it('plans what would be sent after the cache, with masked characters', async () => {
    const cache = new MemoryTranslationCache();
    const engine = new FakeEngine({ glossary: 'none' });
    await translateParagraphs({ ...base, engine, paragraphs: SEED_PARAGRAPHS.slice(0, 4), glossary, viMatcher, cache });
    const plan = await planTranslation({ ...base, engine, paragraphs: SEED_PARAGRAPHS, glossary, viMatcher, cache });
    const rest = SEED_PARAGRAPHS.slice(4);
    expect(plan.mode).toBe('mask');
    expect(plan.toSend).toEqual({ paragraphs: 4, characters: rest.join('').length });
  });
});

describe('rememberingMatcher', () => {
  it('asks the glossary matcher once per distinct paragraph and returns the same answer', () => {
    const asked: string[] = [];
    const inner = { find: (text: string) => (asked.push(text), []) };
    const matcher = rememberingMatcher(inner);
    const first = matcher.find('Biên bản ghi nhớ');
    matcher.find('Biên bản ghi nhớ');
    matcher.find('Thoả thuận An ninh Cung ứng');
    expect(asked).toEqual(['Biên bản ghi nhớ', 'Thoả thuận An ninh Cung ứng']);
    expect(matcher.find('Biên bản ghi nhớ')).toBe(first);
  });

  it("lets its answers go when told to forget (a file's engines are done), and asks again after", () => {
    const asked: string[] = [];
    const inner = { find: (text: string) => (asked.push(text), []) };
    const matcher = rememberingMatcher(inner);
    matcher.find('Biên bản ghi nhớ');
    matcher.forget();
    matcher.find('Biên bản ghi nhớ');
    expect(asked).toEqual(['Biên bản ghi nhớ', 'Biên bản ghi nhớ']);
  });
});

describe('respelling terms for engine-side glossaries', () => {
  const glossary = parseGlossary(
    'version: 1\nentries:\n  - vi: Thỏa thuận An ninh Cung ứng\n    en: Security of Supply Arrangement\n  - vi: Bộ Quốc phòng Mỹ\n    en: U.S. Department of Defense\n',
    'glossary.yaml',
  );
  const matcher = createViMatcher(glossary.entries);

  it('writes each term as the glossary does, keeping everything else', () => {
    const text = 'Hai bên ký thoả thuận an ninh cung ứng với Bộ Quốc phòng Mĩ.';
    expect(respellTerms(text, matcher.find(text))).toBe('Hai bên ký thỏa Thuận An ninh Cung ứng với Bộ Quốc phòng Mỹ.'.replace('thỏa Thuận', 'thỏa thuận'));
  });

  it('sends the respelled text to a native-glossary engine only', async () => {
    const source = 'Nhật Bản ký Thoả thuận An ninh Cung ứng (SOSA).';
    const native = new FakeEngine({ glossary: 'native' });
    await translateParagraphs({ ...base, engine: native, paragraphs: [source], glossary, viMatcher: matcher });
    expect(native.sentTexts).toEqual(['Nhật Bản ký Thỏa thuận An ninh Cung ứng (SOSA).']);
    const prompt = new FakeEngine({ glossary: 'prompt' });
    await translateParagraphs({ ...base, engine: prompt, paragraphs: [source], glossary, viMatcher: matcher });
    expect(prompt.sentTexts).toEqual([source]);
  });
});

describe('long paragraphs with masked terms', () => {
  const glossary = testGlossary();
  const viMatcher = createViMatcher(glossary.entries);
  // ~16 KB: GPI in the first part, MOU in the second (maxChars 10,000, two requests).
  const filler = 'Hai nước hợp tác chặt chẽ trong nhiều lĩnh vực. '.repeat(335);
  const long = `Thiết bị đánh chặn pha bay đã được thử nghiệm. ${filler}Hai bên ký Biên bản ghi nhớ vào tháng trước.`;

  it('re-joins the parts before putting the terms back: no placeholder-lost, no unmasked resend', async () => {
    expect(long.length).toBeGreaterThan(16_000);
    const engine = new FakeEngine({ glossary: 'none', maxChars: 10_000 });
    const [out] = await translateParagraphs({ ...base, engine, paragraphs: [long], glossary, viMatcher });
    expect(engine.sentTexts).toHaveLength(2);
    expect(engine.sentTexts[0]).toContain('⟦1⟧');
    expect(engine.sentTexts[1]).toContain('⟦2⟧');
    expect(engine.sentTexts.join('\n')).not.toContain('Thiết bị đánh chặn pha bay');
    expect(out!.warnings).toEqual(['split-long-paragraph']);
    expect(out!.masked).toBe(true);
    expect(out!.target).toMatch(/^EN: Glide Phase Interceptor đã được thử nghiệm\./);
    expect(out!.target).toMatch(/ký Memorandum of Understanding vào month trước\.$/);
    expect(out!.target).not.toContain('⟦');
  });

  it('finishes a split paragraph once, when its last part arrives, whatever the order', async () => {
    const engine = new FakeEngine({ glossary: 'none', maxChars: 10_000, delayFor: (n) => (n === 1 ? 40 : 0) });
    const events: TranslateProgress[] = [];
    const [out] = await translateParagraphs({ ...base, engine, paragraphs: [long], glossary, viMatcher, onProgress: (e) => events.push(e) });
    expect(engine.requests).toHaveLength(2);
    expect(out!.warnings).toEqual(['split-long-paragraph']);
    expect(out!.target).toContain('Glide Phase Interceptor');
    expect(out!.target).toContain('Memorandum of Understanding');
    expect(events.filter((e) => e.type === 'progress').map((e) => (e as { done: number }).done)).toEqual([1]);
  });

  it('re-joins parts with the whitespace they were cut at', async () => {
    const engine = new FakeEngine({ maxChars: 10_000 });
    const text = 'Câu dài. '.repeat(1500).trim();
    const [out] = await translateParagraphs({ ...base, engine, paragraphs: [text] });
    expect(engine.sentTexts.join(' ')).toBe(text);
    expect(out!.target).toBe(engine.sentTexts.map(pseudoTranslate).join(' '));
  });
});
