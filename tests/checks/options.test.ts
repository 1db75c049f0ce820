import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { resolveCheckOptions } from '../../src/checks/options.js';
import { checkTranslation, createCheckTools, prepareSource, type Check } from '../../src/checks/index.js';
import { parseGlossary } from '../../src/glossary/load.js';
import { GLOSSARY_YAML } from './helpers.js';

/** A check whose findings show the options it was given. */
const shortParagraph: Check = {
  meta: {
    id: 'short-paragraph',
    description: 'A translated paragraph has fewer words than a minimum.',
    severity: 'warning',
    fixable: false,
    options: {
      minWords: { type: 'number', default: 3, min: 1, description: 'fewest words' },
      mode: { type: 'string', default: 'words', values: ['words', 'characters'], description: 'what to count' },
      skip: { type: 'string[]', default: [], description: 'paragraph texts to leave alone' },
      strict: { type: 'boolean', default: false, description: 'report as an error' },
    },
  },
  create(context) {
    return {
      paragraph(pair) {
        const words = pair.target.text.split(/\s+/).filter(Boolean).length;
        if ((context.options.skip as string[]).includes(pair.target.text)) return;
        if (words < (context.options.minWords as number)) {
          context.report({ message: `${words} < ${context.options.minWords as number}`, severity: context.options.strict ? 'error' : undefined });
        }
      },
    };
  },
};

describe('check options', () => {
  it('applies defaults and overrides them with what was given', () => {
    expect(resolveCheckOptions(shortParagraph.meta, {})).toEqual({ minWords: 3, mode: 'words', skip: [], strict: false });
    expect(resolveCheckOptions(shortParagraph.meta, { minWords: 5, strict: true })).toMatchObject({ minWords: 5, strict: true, mode: 'words' });
  });

  it.each([
    [{ minWord: 2 }, /check "short-paragraph" has no option "minWord"/, /did you mean "minWords"/],
    [{ minWords: '2' }, /option "minWords" of check "short-paragraph" must be a number, got "2"/, undefined],
    [{ minWords: 0 }, /must be at least 1, got 0/, undefined],
    [{ mode: 'lines' }, /must be one of words, characters, got "lines"/, undefined],
    [{ skip: 'x' }, /must be a list of strings/, undefined],
    [{ strict: 'yes' }, /must be true or false/, undefined],
  ])('refuses %j', (given, message, hint) => {
    let error: unknown;
    try {
      resolveCheckOptions(shortParagraph.meta, given);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(message);
    if (hint) expect((error as ConfigError).hint).toMatch(hint);
  });

  it('says a check takes no options', () => {
    const noOptions: Check = { ...shortParagraph, meta: { ...shortParagraph.meta, options: undefined } };
    expect(() => resolveCheckOptions(noOptions.meta, { x: 1 })).toThrow(expect.objectContaining({ hint: 'it takes no options' }));
  });

  it('hands each check its options when the runner calls it', () => {
    const glossary = parseGlossary(GLOSSARY_YAML, 'glossary.yaml');
    const run = (options: Record<string, unknown>) => {
      const tools = createCheckTools(glossary, { checks: [shortParagraph], options: { 'short-paragraph': options } });
      const source = prepareSource({ file: 'a.vi.txt', text: 'Hai nước ký kết hôm nay.\n\nBộ trưởng phát biểu tại buổi lễ.' }, tools);
      return checkTranslation(source, { file: 'a.en.txt', text: 'The two countries signed today.\n\nHe spoke.' }, tools).findings;
    };
    expect(run({}).map((f) => [f.paragraph, f.message, f.severity])).toEqual([[2, '2 < 3', 'warning']]);
    expect(run({ minWords: 6, strict: true }).map((f) => [f.paragraph, f.message, f.severity])).toEqual([
      [1, '5 < 6', 'error'],
      [2, '2 < 6', 'error'],
    ]);
    expect(run({ minWords: 6, skip: ['He spoke.'] }).map((f) => f.paragraph)).toEqual([1]);
  });
});
