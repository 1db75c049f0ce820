/**
 * The quick reading (js-yaml's events) must never accept a file the `yaml` reading rejects: for
 * each such file the loader gives the very error, message and line:col, that `yaml` gives.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GlossaryError } from '../../src/core/errors.js';
import { parseGlossary } from '../../src/glossary/load.js';
import * as yamlTree from '../../src/glossary/yaml-tree.js';

type YamlTreeModule = typeof yamlTree;

/** When set, the loader goes straight to `yaml`, as it does for a file the quick reading doubts. */
let yamlOnly = false;
vi.mock('../../src/glossary/yaml-tree.js', async (importOriginal) => {
  const actual = await importOriginal<YamlTreeModule>();
  return { ...actual, quickYamlTree: (text: string) => (yamlOnly ? undefined : actual.quickYamlTree(text)) };
});

afterEach(() => {
  yamlOnly = false;
});

/** What parseGlossary throws for `text` (undefined: it accepted the file). */
function failure(text: string): { message: string; location: unknown; hint: string | undefined } | undefined {
  try {
    parseGlossary(text, 'glossary.yaml');
    return undefined;
  } catch (e) {
    if (!(e instanceof GlossaryError)) throw e;
    return { message: e.message, location: e.location, hint: e.hint };
  }
}

const entry = (lines: string): string => `version: 1\nentries:\n  - vi: Bộ Quốc phòng\n${lines}`;

describe('a file js-yaml reads and yaml rejects', () => {
  it.each([
    // js-yaml lets the spaces between a key and its colon run on; YAML 1.2 allows 1024 characters.
    ['a colon more than 1024 characters after its key', entry(`    en${' '.repeat(1100)}: Ministry of National Defence\n`), 4, 5],
    ['a key written twice in a flow mapping', 'version: 1\nentries:\n  - { vi: Bộ Quốc phòng, en: Ministry of Defence, en: Defence Ministry }\n', 3, 51],
    ['a tab as indentation', entry('\ten: Ministry of National Defence\n'), 4, 1],
    ['a value starting with a reserved character', entry('    en: @Ministry of National Defence\n'), 4, 9],
  ])('%s: the same error as yaml gives', (_name, text, line, column) => {
    yamlOnly = true;
    const expected = failure(text);
    expect(expected?.message).toMatch(/^YAML syntax error: /);
    expect(expected?.location).toEqual({ file: 'glossary.yaml', line, column });
    yamlOnly = false;
    expect(yamlTree.quickYamlTree(text)).toBeUndefined();
    expect(failure(text)).toEqual(expected);
  });

  it('still reads quickly a key whose colon is within reach', () => {
    const text = entry(`    en${' '.repeat(900)}: Ministry of National Defence\n`);
    expect(yamlTree.quickYamlTree(text)).toBeDefined();
    expect(parseGlossary(text, 'glossary.yaml').entries[0]!.en).toBe('Ministry of National Defence');
  });
});
