import { describe, it, expect } from 'vitest';
import { EngineError } from '../../src/core/errors.js';
import { Redactor } from '../../src/core/redact.js';
import {
  engineErrorFromHttp,
  errorDetail,
  headerValue,
  httpFailureOf,
  parseRetryAfter,
  toEngineError,
  transportFailure,
  type EngineErrorContext,
} from '../../src/engines/errors.js';

const KEY = 'f63c02c5-f056-4c0c-b8a9-6a1b2c3d4e5f:fx';
const ctx: EngineErrorContext = { engine: 'deepl', label: 'DeepL', keySource: 'DEEPL_AUTH_KEY', redactor: new Redactor([KEY]), now: () => Date.parse('2026-03-10T08:00:00Z') };

describe('parseRetryAfter', () => {
  it('reads delta-seconds, fractional seconds and HTTP dates', () => {
    const now = Date.parse('Tue, 10 Mar 2026 08:00:00 GMT');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter('Tue, 10 Mar 2026 08:00:42 GMT', now)).toBe(42_000);
  });
  it('clamps past dates to 0 and ignores garbage or absence', () => {
    const now = Date.parse('Tue, 10 Mar 2026 08:00:00 GMT');
    expect(parseRetryAfter('Tue, 10 Mar 2026 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('headerValue', () => {
  it('reads Headers objects and plain records case-insensitively', () => {
    expect(headerValue(new Headers({ 'Retry-After': '3' }), 'retry-after')).toBe('3');
    expect(headerValue({ 'retry-after': '4' }, 'Retry-After')).toBe('4');
    expect(headerValue({ 'Retry-After': ['5', '6'] }, 'retry-after')).toBe('5');
    expect(headerValue(undefined, 'retry-after')).toBeUndefined();
  });
});

describe('errorDetail', () => {
  it('takes the message out of the JSON shapes engines use', () => {
    expect(errorDetail('{"message":"Wrong endpoint"}')).toBe('Wrong endpoint');
    expect(errorDetail('{"error":{"code":400,"message":"Target language is invalid.","status":"INVALID_ARGUMENT"}}')).toBe('Target language is invalid.');
    expect(errorDetail('{"error":"vi is not supported"}')).toBe('vi is not supported');
    expect(errorDetail('<html>\n  Bad Gateway\n</html>')).toBe('<html> Bad Gateway </html>');
    expect(errorDetail('x'.repeat(400))).toHaveLength(300);
  });
});

describe('engineErrorFromHttp', () => {
  const cases: [number, string | undefined, string, boolean][] = [
    [401, undefined, 'auth', false],
    [403, '{"message":"Wrong key"}', 'auth', false],
    [456, '{"message":"Quota exceeded"}', 'quota', false],
    [429, '{"error":{"message":"Too many requests"}}', 'rate-limit', true],
    [500, 'Internal Server Error', 'server', true],
    [503, '{"message":"Service unavailable"}', 'server', true],
    [400, '{"message":"Value for \'target_lang\' not supported."}', 'unsupported-language', false],
    [400, '{"error":{"message":"Target language is invalid."}}', 'unsupported-language', false],
    [404, '{"message":"Glossary not found"}', 'glossary', false],
    [400, '{"message":"Parameter \'text\' not specified."}', 'bad-request', false],
    [413, 'Request Entity Too Large', 'bad-request', false],
  ];
  it.each(cases)('HTTP %i %s → %s', (status, body, kind, retryable) => {
    const err = engineErrorFromHttp(ctx, { status, body });
    expect(err).toBeInstanceOf(EngineError);
    expect(err.kind).toBe(kind);
    expect(err.retryable).toBe(retryable);
    expect(err.status).toBe(status);
    expect(err.engine).toBe('deepl');
  });

  it('tells the user which setting to check on auth failures', () => {
    const err = engineErrorFromHttp(ctx, { status: 403, body: '{"message":"Wrong key"}' });
    expect(err.message).toBe('DeepL rejected the key (HTTP 403): Wrong key');
    expect(err.hint).toBe('check DEEPL_AUTH_KEY');
  });

  it('parses Retry-After seconds and HTTP dates on 429', () => {
    expect(engineErrorFromHttp(ctx, { status: 429, headers: new Headers({ 'retry-after': '12' }) }).retryAfterMs).toBe(12_000);
    const dated = engineErrorFromHttp(ctx, { status: 429, headers: { 'Retry-After': 'Tue, 10 Mar 2026 08:00:05 GMT' } });
    expect(dated.retryAfterMs).toBe(5000);
    expect(engineErrorFromHttp(ctx, { status: 429 }).retryAfterMs).toBeUndefined();
  });

  it('treats a 429 that says the quota is exhausted as fatal quota, not rate limiting', () => {
    const err = engineErrorFromHttp({ ...ctx, engine: 'openai', label: 'OpenAI' }, { status: 429, body: '{"error":{"message":"You exceeded your current quota, please check your plan and billing details.","code":"insufficient_quota"}}' });
    expect(err.kind).toBe('quota');
    expect(err.retryable).toBe(false);
  });

  it('treats Google’s per-minute quota 429 as rate limiting', () => {
    const body = JSON.stringify({ error: { code: 429, message: "Quota exceeded for quota metric 'v3 general model characters' and limit 'v3 general model characters per minute per project' of service 'translate.googleapis.com'", status: 'RESOURCE_EXHAUSTED' } });
    expect(engineErrorFromHttp({ ...ctx, engine: 'google', label: 'Google' }, { status: 429, body }).kind).toBe('rate-limit');
  });

  it('never lets a key echoed by the server into the message', () => {
    const err = engineErrorFromHttp(ctx, { status: 403, body: JSON.stringify({ message: `Invalid auth key ${KEY}` }) });
    expect(err.message).not.toContain(KEY);
    expect(err.message).toContain('[REDACTED]');
  });
});

describe('transportFailure and toEngineError', () => {
  it('recognises Node and undici network failures, also behind causes', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5000'), { code: 'ECONNREFUSED' });
    expect(transportFailure(refused)).toBe('network');
    expect(transportFailure(new TypeError('fetch failed', { cause: refused }))).toBe('network');
    expect(transportFailure(Object.assign(new Error('timeout of 50ms exceeded'), { code: 'ECONNABORTED' }))).toBe('timeout');
    expect(transportFailure(new Error('something else'))).toBeUndefined();
  });

  it('adapts Gaxios-style errors by their status and response headers', () => {
    const gaxios = Object.assign(new Error('{"error":{"code":429,"message":"Quota exceeded for quota metric"}}'), {
      status: 429,
      code: 429,
      response: { status: 429, headers: { 'retry-after': '9' }, data: { error: { code: 429, message: 'Rate Limit Exceeded' } } },
    });
    expect(httpFailureOf(gaxios)?.status).toBe(429);
    const err = toEngineError({ ...ctx, engine: 'google', label: 'Google' }, gaxios) as EngineError;
    expect(err.kind).toBe('rate-limit');
    expect(err.retryAfterMs).toBe(9000);
    expect(err.message).toContain('Rate Limit Exceeded');
  });

  it('passes EngineErrors and the caller’s abort through unchanged', () => {
    const original = new EngineError('deepl', 'quota', 'used up');
    expect(toEngineError(ctx, original)).toBe(original);
    const controller = new AbortController();
    controller.abort();
    expect(toEngineError(ctx, controller.signal.reason, { signal: controller.signal })).toBe(controller.signal.reason);
  });
});
