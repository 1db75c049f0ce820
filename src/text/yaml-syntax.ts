/**
 * What a YAML syntax error of the `yaml` package means for someone editing the file: the config, a suppressions
 * file and the glossary all say it the same way. The package's own wording names its API ("please use
 * YAML.parseAllDocuments()") and, for a tab, often only the token the tab left unexpected.
 */

/** The parts of a `yaml` YAMLError this reads. */
export interface YamlErrorLike {
  code: string;
  pos: [number, number];
  message: string;
}

/** Where the problem is (a UTF-16 offset into the text), what it is and how to fix it. */
export interface YamlSyntaxProblem {
  offset: number;
  message: string;
  hint: string;
}

const GENERIC_HINT = 'Fix the YAML syntax at this position: check the indentation, quotes and colons.';

/**
 * @param hints by `yaml` error code, the reader's own advice (a glossary knows what an entry is).
 * @example describeYamlError('a:\n\t- x\n', doc.errors[0]) // { offset: 3, message: 'a tab indents line 2', ... }
 */
export function describeYamlError(text: string, error: YamlErrorLike, hints: Partial<Record<string, string>> = {}): YamlSyntaxProblem {
  const offset = error.pos[0];
  const tab = tabInIndentation(text, offset);
  if (tab !== undefined) {
    return { offset: tab, message: 'a tab in the indentation, where YAML allows spaces only', hint: 'Replace the tab with spaces.' };
  }
  if (error.code === 'MULTIPLE_DOCS') {
    return {
      offset,
      message: 'a second YAML document starts here ("---"); the file must hold one',
      hint: 'Remove the "---" line, or move what follows it into the first document.',
    };
  }
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^[^:\n]*/.exec(text.slice(offset, offset + 200))?.[0].trim();
    if (key) return { offset, message: `the key "${key}" appears twice in the same mapping`, hint: hints[error.code] ?? 'Remove or merge one of the two.' };
  }
  // The package ends its first line with " at line L, column C:"; the caller gives the position its own way.
  const firstLine = error.message.split('\n')[0] ?? error.message;
  const message = firstLine.replace(/ at line \d+, column \d+:?$/, '');
  return { offset, message, hint: hints[error.code] ?? GENERIC_HINT };
}

/** The offset of a tab among the leading blanks of the line holding `offset`, if there is one. */
function tabInIndentation(text: string, offset: number): number | undefined {
  let start = Math.min(offset, text.length);
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '\t') return i;
    if (c !== ' ') return undefined;
  }
  return undefined;
}
