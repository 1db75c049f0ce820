import { describe, expect, it } from 'vitest';
import { EngineError, withoutCacheClaims } from '../../src/core/errors.js';
import { TranslationAbortedError } from '../../src/translate/orchestrator.js';
import { JudgingAbortedError } from '../../src/judge/judge.js';

describe('withoutCacheClaims: what a run under --no-cache says it kept', () => {
  it('rewords the claims of a stopped translation, a stopped judging and an engine hint', () => {
    expect((withoutCacheClaims(new TranslationAbortedError()) as Error).message).toBe('translation interrupted; nothing was kept (--no-cache), so a rerun sends everything again');
    expect((withoutCacheClaims(new JudgingAbortedError()) as Error).message).toBe('judging interrupted; nothing was kept (--no-cache), so a rerun sends everything again');
    const failing = new EngineError('libretranslate', 'server', 'LibreTranslate server error (HTTP 503)', { hint: 'the server is failing on its side: try again later; finished paragraphs are cached, so a rerun sends only the rest' });
    const reworded = withoutCacheClaims(failing) as EngineError;
    expect(reworded).toBe(failing);
    expect(reworded.kind).toBe('server');
    expect(reworded.hint).toBe('the server is failing on its side: try again later; nothing was kept (--no-cache), so a rerun sends everything again');
  });

  it('leaves other errors and other hints as they are', () => {
    const auth = new EngineError('deepl', 'auth', 'DeepL rejected the key (HTTP 403)', { hint: 'check DEEPL_AUTH_KEY' });
    expect((withoutCacheClaims(auth) as EngineError).hint).toBe('check DEEPL_AUTH_KEY');
    const plain = new Error('finished paragraphs are kept in the cache');
    expect(withoutCacheClaims(plain)).toBe(plain);
    expect(plain.message).toBe('finished paragraphs are kept in the cache');
  });
});
