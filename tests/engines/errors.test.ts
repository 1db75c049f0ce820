import { describe, it, expect } from 'vitest';
import { EngineError } from '../../src/core/errors.js';
import { Redactor } from '../../src/core/redact.js';
import {
  engineErrorFromHttp,
  errorDetail,
  headerValue,
  httpFailureOf,
  networkError,
  safeUrl,
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
    expect(errorDetail('<html>\n  Bad Gateway\n</html>')).toBe('Bad Gateway');
    expect(errorDetail('x'.repeat(400))).toHaveLength(300);
  });

  it("gives an HTML error page's title, not its markup: nginx, Cloudflare, a page without a title", () => {
    const nginx = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0 (Ubuntu)</center>\r\n</body>\r\n</html>\r\n';
    expect(errorDetail(nginx)).toBe('502 Bad Gateway');
    const cloudflare = `<!DOCTYPE html>\n<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->\n<head>\n<title>translate.example.org | 502: Bad gateway</title>\n<style>body{margin:0}</style><script>window._cf_chl_opt={cvId:'3'}</script></head><body><h1>Bad gateway</h1></body></html>`;
    expect(errorDetail(cloudflare)).toBe('translate.example.org | 502: Bad gateway');
    expect(errorDetail('<!doctype html><html><body><style>p{color:red}</style><script>var k = 1;</script><p>Service &amp; API down for maintenance &#8211; back at 14:00</p></body></html>')).toBe('Service & API down for maintenance – back at 14:00');
    expect(errorDetail('<html><head><title>Gateway &#99999999; Timeout</title></head></html>')).toBe('Gateway \ufffd Timeout');
    // Text that only mentions a tag is not a page.
    expect(errorDetail('expected <title> in the request')).toBe('expected <title> in the request');
  });

  it('says nothing for an empty body or an empty JSON message, not {"message":""}', () => {
    expect(errorDetail('')).toBe('');
    expect(errorDetail('   ')).toBe('');
    expect(errorDetail('{"message":""}')).toBe('');
    expect(errorDetail('{"message":"","detail":null}')).toBe('');
    expect(errorDetail('{"code":3}')).toBe('{"code":3}');
  });

  it('masks a key before cutting the body to length, so no prefix of it survives the cut', () => {
    // The key straddles character 297, where the cut falls: cut first, and its first characters would show.
    for (const at of [290, 293, 296, 297, 299, 310]) {
      const body = JSON.stringify({ message: `${'Yêu cầu bị từ chối '.repeat(40).slice(0, at)}${KEY} là khoá không hợp lệ` });
      const detail = errorDetail(body, new Redactor([KEY]));
      expect(detail.length).toBeLessThanOrEqual(300);
      for (let n = 4; n <= KEY.length; n++) expect(detail, `cut at ${at}, ${n} characters of the key`).not.toContain(KEY.slice(0, n));
    }
    const error = engineErrorFromHttp(ctx, { status: 403, body: JSON.stringify({ message: `${'x'.repeat(292)} ${KEY}` }) });
    expect(`${error.message} ${error.stack}`).not.toContain(KEY.slice(0, 6));
  });
});

describe('networkError', () => {
  /** A real ECONNREFUSED from the socket layer (msw does not intercept node:net), wrapped as fetch does. */
  async function refused(): Promise<{ port: number; error: TypeError }> {
    const net = await import('node:net');
    const probe = net.createServer();
    const port = await new Promise<number>((resolve) => probe.listen(0, '127.0.0.1', () => resolve((probe.address() as { port: number }).port)));
    await new Promise((resolve) => probe.close(resolve));
    const cause = await new Promise<Error>((resolve) => net.connect(port, '127.0.0.1').on('error', resolve));
    return { port, error: new TypeError('fetch failed', { cause }) };
  }
  const libre: EngineErrorContext = { engine: 'libretranslate', label: 'LibreTranslate', redactor: new Redactor([KEY]) };

  it('names the URL tried and the real cause of a refused connection (retried)', async () => {
    const { port, error } = await refused();
    const e = networkError(libre, error, `http://127.0.0.1:${port}/translate`);
    expect(e.message).toBe(`could not reach LibreTranslate at http://127.0.0.1:${port}/translate: connection refused (connect ECONNREFUSED 127.0.0.1:${port})`);
    expect(e.hint).toMatch(/server is running/);
    expect(e.retryable).toBe(true);
  });

  it("says that Node's fetch refuses the port, and does not retry what can never work", () => {
    const e = networkError(libre, new TypeError('fetch failed', { cause: new Error('bad port') }), 'http://127.0.0.1:6000/translate');
    expect(e.message).toBe('cannot connect to LibreTranslate at http://127.0.0.1:6000/translate: Node\'s fetch refuses port 6000 ("bad port", a port reserved for another protocol)');
    expect(e.hint).toMatch(/another port/);
    expect(e.retryable).toBe(false);
    expect(toEngineError(libre, new TypeError('fetch failed', { cause: new Error('bad port') }))).toMatchObject({ kind: 'network', retryable: false });
  });

  it('never shows credentials or a query string of the URL', () => {
    const e = networkError(libre, new TypeError('fetch failed', { cause: new Error('bad port') }), `http://user:${KEY}@127.0.0.1:6000/translate?key=${KEY}`);
    expect(e.message).not.toContain(KEY.slice(0, 6));
    expect(e.message).toContain('http://127.0.0.1:6000/translate');
    expect(safeUrl(`https://translation.googleapis.com/language/translate/v2?key=${KEY}`)).toBe('https://translation.googleapis.com/language/translate/v2');
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

describe('Redactor.cut', () => {
  it('redacts first, then cuts, and masks a key fragment left at either edge of a text cut elsewhere', () => {
    const r = new Redactor([KEY]);
    expect(r.cut(`refused ${KEY} here`, 12)).toBe('refused [...');
    // A body a server already cut in the middle of the key, from either side.
    expect(r.cut(`invalid key ${KEY.slice(0, 9)}`, 300)).toBe('invalid key [REDACTED]');
    expect(r.cut(`${KEY.slice(-9)} is not valid`, 300)).toBe('[REDACTED] is not valid');
    // Ordinary text stays as it was.
    expect(r.cut('Bộ Quốc phòng Nhật Bản', 300)).toBe('Bộ Quốc phòng Nhật Bản');
  });
});
