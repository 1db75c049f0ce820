import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { parseConfig } from '../../src/config/load.js';
import { mappedSource } from '../../src/config/sections.js';

const FILE = '/proj/vitrans.config.yaml';

describe('sources: in vitrans.config.yaml', () => {
  it('maps translations by file pattern to a source path, {name} being the file name up to its first dot', () => {
    const config = parseConfig(`sources:\n  "ban-dich/*.en.md": goc/{name}.vi.md\n  thong-cao-bo-quoc-phong.en.txt: ../luu-tru/thong-cao.vi.txt\n`, FILE);
    expect(config.sources?.map((m) => [m.pattern, m.source])).toEqual([
      ['ban-dich/*.en.md', '/proj/goc/{name}.vi.md'],
      ['thong-cao-bo-quoc-phong.en.txt', '/luu-tru/thong-cao.vi.txt'],
    ]);
    expect(mappedSource('/proj/ban-dich/hop-tac-quoc-phong.deepl.en.md', config.sources)).toBe('/proj/goc/hop-tac-quoc-phong.vi.md');
    expect(mappedSource('/proj/sub/thong-cao-bo-quoc-phong.en.txt', config.sources)).toBe('/luu-tru/thong-cao.vi.txt');
    expect(mappedSource('/proj/khac/hop-tac.en.md', config.sources)).toBeUndefined();
    expect(config.origins?.['sources.ban-dich/*.en.md']).toMatchObject({ line: 2, column: 23 });
  });

  it.each([
    ['sources: goc/bai.vi.txt\n', 1, 10, 'sources must map translation file patterns to source paths'],
    ['sources:\n  "*.en.txt": 3\n', 2, 15, 'sources.*.en.txt must be a source file path'],
    ['sources:\n  "*.en.txt": goc/{stem}.vi.txt\n', 2, 15, 'unknown placeholder {stem}'],
  ])('says where a bad mapping is: %j', (yaml, line, column, message) => {
    let error: unknown;
    try {
      parseConfig(yaml, FILE);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(message);
    expect((error as ConfigError).location).toMatchObject({ file: FILE, line, column });
  });
});
