import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor, environmentSecrets, maskedUrl } from '../../src/core/redact.js';
import { LearntSecrets, redactDeep } from '../../src/lsp/redact.js';
import { secretsInConfigText } from '../../src/config/load.js';

const DEEPL = 'f63c02c5-f056-4f8a-b2f6-6e8d1b9a0c7e:fx';
const OPENAI = 'sk-proj-7Hq2LmX9vR4tN8wZ3cB6yK1pD5fG0jS';

describe('Redactor.redactPieces', () => {
  const redactor = new Redactor([DEEPL, OPENAI]);

  it.each([
    ['a key whole', `auth_key=${DEEPL} refused`, `auth_key=${REDACTED} refused`],
    ['the first part of a key, cut by whoever quoted it', `?key=${OPENAI.slice(0, 17)} for comparison`, `?key=${REDACTED} for comparison`],
    ['the last part of a key', `ends …${DEEPL.slice(-12)}`, `ends …${REDACTED}`],
    ['a middle piece of 8 characters', `id ${DEEPL.slice(9, 17)} here`, `id ${REDACTED} here`],
    ['a key split by a line break, each half masked', `${DEEPL.slice(0, 20)}\n${DEEPL.slice(20)}`, `${REDACTED}\n${REDACTED}`],
    ['two keys side by side', `${DEEPL} ${OPENAI}`, `${REDACTED} ${REDACTED}`],
    ['a piece quoted upper-cased, as a check quotes a code', `code ${DEEPL.slice(0, 13).toUpperCase()} is missing`, `code ${REDACTED} is missing`],
  ])('masks %s', (_what, text, masked) => {
    expect(redactor.redactPieces(text)).toBe(masked);
  });

  it('leaves pieces shorter than 8 characters and ordinary text alone', () => {
    const text = `Japan's Defense Ministry (f63c02c) approved 2 billion yen for the sk-proj programme.`;
    expect(redactor.redactPieces(text)).toBe(text);
  });

  it('does nothing without secrets', () => {
    expect(new Redactor([]).redactPieces(`x ${DEEPL}`)).toBe(`x ${DEEPL}`);
  });
});

describe('Redactor.redactQuoted: a key a server quotes elided', () => {
  const redactor = new Redactor([DEEPL, OPENAI]);

  it.each([
    ["OpenAI's 401: the first 12 characters, asterisks, the last 4", `Incorrect API key provided: ${OPENAI.slice(0, 12)}${'*'.repeat(22)}${OPENAI.slice(-4)}. You can find your API key at https://platform.openai.com/account/api-keys.`, `Incorrect API key provided: ${REDACTED}. You can find your API key at https://platform.openai.com/account/api-keys.`],
    ['the first 4 and the last 4 around an ellipsis, in quotes', `key "${DEEPL.slice(0, 4)}…${DEEPL.slice(-4)}" is not valid`, `key "${REDACTED}" is not valid`],
    ['only the last 4 after dots', `(key ...${OPENAI.slice(-4)})`, `(key ${REDACTED})`],
    ['upper-cased', `KEY ${DEEPL.slice(0, 6).toUpperCase()}***`, `KEY ${REDACTED}`],
  ])('masks %s', (_what, text, masked) => {
    expect(redactor.redactQuoted(text)).toBe(masked);
  });

  it('leaves elisions that show no secret alone: prose, other keys, asterisks in a sentence', () => {
    const text = 'Loading... The ministry said "more to come…" and *** marked the cut; key sk-live-ZZZZ****9999 is another.';
    expect(redactor.redactQuoted(text)).toBe(text);
  });

  it("masks the quoted key in an engine's error detail before it is cut", () => {
    const body = JSON.stringify({ error: { message: `Incorrect API key provided: ${OPENAI.slice(0, 12)}******${OPENAI.slice(-4)}.`, type: 'invalid_request_error' } });
    expect(redactor.cut(JSON.parse(body).error.message as string, 300)).toBe(`Incorrect API key provided: ${REDACTED}.`);
  });
});

describe('redactDeep', () => {
  it('masks every string of a protocol message and keeps its shape', () => {
    const redactor = new Redactor([DEEPL]);
    const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { version: 3, diagnostics: [{ message: `"${DEEPL}" is not in the source`, data: { actual: DEEPL.slice(0, 16), fix: null } }] } };
    expect(redactDeep(message, redactor)).toEqual({
      jsonrpc: '2.0',
      method: 'textDocument/publishDiagnostics',
      params: { version: 3, diagnostics: [{ message: `"${REDACTED}" is not in the source`, data: { actual: REDACTED, fix: null } }] },
    });
    expect(message.params.diagnostics[0]!.message).toContain(DEEPL);
  });
});

describe('secretsInConfigText', () => {
  it('finds the secret settings of every engine and Redis passwords, in a config that does not parse', () => {
    const text = [
      'engines:',
      '  deepl:',
      `    auth_key: "${DEEPL}"`,
      `  openai: { base_url: "http://127.0.0.1:8080/v1", api_key: '${OPENAI}' }`,
      '  google:',
      '    api_key: AIzaSyD4k9Xq7LmN2pR8vT1wZ6cB3yH5jF0gUeQ   # rotated monthly',
      'cache: redis://:Wq8%23nL2vZr5tKx@10.0.0.5:6379/0',
      'queue: { url: "rediss://worker:s3cret-pass-42@queue.internal:6380" }',
      'engines_note: [unclosed',
    ].join('\n');
    expect(secretsInConfigText(text).sort()).toEqual(
      [DEEPL, OPENAI, 'AIzaSyD4k9Xq7LmN2pR8vT1wZ6cB3yH5jF0gUeQ', 'Wq8#nL2vZr5tKx', 'Wq8%23nL2vZr5tKx', 's3cret-pass-42', 'worker'].sort(),
    );
  });

  it('finds nothing in a config without secrets', () => {
    expect(secretsInConfigText('glossary: glossary.yaml\nchecks:\n  term-forbidden: warning\ncache: .vitrans/cache.sqlite\n')).toEqual([]);
  });
});

describe('environmentSecrets', () => {
  it('takes the values of variables named as secrets, not the others', () => {
    expect(environmentSecrets({ DEEPL_AUTH_KEY: DEEPL, OPENAI_API_KEY: '', HOME: '/home/bien-tap', REDIS_PASSWORD: 'pw-1234567', GOOGLE_APPLICATION_CREDENTIALS: '/etc/sa.json' }).sort()).toEqual([DEEPL, 'pw-1234567'].sort());
  });
});

describe('LearntSecrets', () => {
  const KEY = 'AIzaSyD4k9Xq7LmN2pR8vT1wZ6cB3yH5jF0gUeQ';

  it('keeps a key typed character by character once, its longest form, and masks every prefix with it', () => {
    const learnt = new LearntSecrets();
    for (let n = 1; n <= KEY.length; n++) learnt.add([KEY.slice(0, n)]);
    expect(learnt.values()).toEqual([KEY]);
    // Backspaced to a prefix and typed on: still the one key.
    expect(learnt.add([KEY.slice(0, 20)])).toEqual([]);
    expect(learnt.values()).toEqual([KEY]);
    const redactor = new Redactor(learnt.values());
    for (const n of [8, 12, 20, KEY.length]) expect(redactor.redactPieces(`?key=${KEY.slice(0, n)}&x=1`)).toBe('?key=[REDACTED]&x=1');
  });

  it('keeps unrelated secrets apart, a value typed and replaced included', () => {
    const learnt = new LearntSecrets();
    learnt.add(['sk-proj-wrongly-pasted-0001']);
    learnt.add([KEY, 'Wq8#nL2vZr5tKx']);
    expect(learnt.values().sort()).toEqual(['Wq8#nL2vZr5tKx', KEY, 'sk-proj-wrongly-pasted-0001'].sort());
    expect(new Redactor(learnt.values()).redactPieces('sk-proj-wrongly-pasted-0001')).toBe('[REDACTED]');
  });
});

describe('maskedUrl', () => {
  it('masks a password, a user name alone, query values and the fragment, and keeps the rest as written', () => {
    expect(maskedUrl('http://admin:PASSWORD9876@127.0.0.1:8787/?token=TOKEN98765')).toBe('http://admin:[REDACTED]@127.0.0.1:8787/?token=[REDACTED]');
    expect(maskedUrl('https://ghp_Tk4Lm9Qp2Rt7Vw4Xy8Bn@llm.baomoi.vn/v1?deployment=vi-en&TOKEN98765#p=1')).toBe(
      'https://[REDACTED]@llm.baomoi.vn/v1?deployment=[REDACTED]&[REDACTED]#[REDACTED]',
    );
    // Not URLs a server takes, but shown as written so they can be recognised, a password still masked.
    expect(maskedUrl('admin:PASSWORD9876@127.0.0.1:8787')).toBe('admin:[REDACTED]@127.0.0.1:8787');
    for (const kept of ['http://localhost:11434/v1', 'ftp://127.0.0.1:8787', 'localhost:8787', 'not a url', 'https://vnexpress.net/@tin-moi']) expect(maskedUrl(kept)).toBe(kept);
  });
});
