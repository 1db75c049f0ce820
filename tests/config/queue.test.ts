/** The `queue:` section and a shared `cache:` URL in vitrans.config.yaml. */
import { describe, expect, it } from 'vitest';
import type { ConfigError } from '../../src/core/errors.js';
import { parseConfig } from '../../src/config/load.js';
import { configErrorOf } from './parse-error.js';

const FILE = '/proj/vitrans.config.yaml';

const errorOf = (text: string): ConfigError => configErrorOf(text, FILE);

describe('queue: and a Redis cache:', () => {
  it('reads the URL, batch size and each engine\'s limits; a password goes to the redactor', () => {
    const config = parseConfig(
      [
        'cache: redis://:cache-Pass-9981@10.0.0.5:6379/1',
        'queue:',
        '  url: rediss://:queue-Pass-2207@redis.toasoan.vn:6380',
        '  batch_paragraphs: 10',
        '  limits:',
        '    deepl: { requests: 20, characters: 100000 }',
        '    libretranslate: { requests: 5, interval_ms: 2000 }',
        '',
      ].join('\n'),
      FILE,
    );
    expect(config.cache).toBe('redis://:cache-Pass-9981@10.0.0.5:6379/1');
    expect(config.queue).toEqual({
      url: 'rediss://:queue-Pass-2207@redis.toasoan.vn:6380',
      batchParagraphs: 10,
      limits: { deepl: { requests: 20, characters: 100000, intervalMs: 1000 }, libretranslate: { requests: 5, intervalMs: 2000 } },
    });
    expect(config.secrets).toEqual(expect.arrayContaining(['cache-Pass-9981', 'queue-Pass-2207']));
  });

  it('points at the bad value, in one line', () => {
    expect(errorOf('queue:\n  limits:\n    deepl: { requests: 0 }\n')).toMatchObject({ message: 'queue.limits.deepl.requests must be a positive whole number', location: { file: FILE, line: 3, column: 24 } });
    expect(errorOf('queue:\n  limits:\n    depl: { requests: 3 }\n').message).toBe('unknown engine "depl" in queue.limits (did you mean deepl?)');
    expect(errorOf('queue:\n  url: http://10.0.0.5:6379\n').message).toBe('queue.url must be a redis:// or rediss:// URL, got http://');
    expect(errorOf('cache: redis://10.0.0.5:6379/abc\n').message).toMatch(/^cache: the database after the host must be a number/);
  });
});
