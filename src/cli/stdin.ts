/** `-` on the command line: standard input, read once and named for messages and format detection. */
import { UsageError } from '../core/errors.js';
import { STDIN_PATH, type StdinInput } from '../formats/articles.js';
import type { CliIO } from './io.js';

/** How standard input is shown when `--stdin-filename` does not name it. */
export const STDIN_NAME = '<stdin>';

/**
 * Reads standard input when one of `paths` is `-` (at most one may be), else undefined.
 * @throws UsageError when `-` is given twice, or stdin is a terminal or unavailable
 */
export async function stdinFor(paths: readonly string[], io: CliIO, name: string | undefined, example: string): Promise<StdinInput | undefined> {
  const dashes = paths.filter((p) => p === STDIN_PATH).length;
  if (dashes === 0) {
    if (name !== undefined) throw new UsageError('--stdin-filename names standard input, but no path is "-"', { hint: `give "-" where the text comes from stdin, e.g. ${example}` });
    return undefined;
  }
  if (dashes > 1) throw new UsageError('"-" (standard input) is given more than once: stdin can be read only once', { hint: `give "-" for one file only, e.g. ${example}` });
  if (!io.stdin) throw new UsageError('"-" reads standard input, which is not available here', { hint: 'pass a file path instead' });
  if (io.stdin.isTTY) throw new UsageError('"-" reads standard input, but nothing is piped in (stdin is a terminal)', { hint: `pipe the text in, e.g. ${example}` });
  return { bytes: await io.stdin.read(), name: name ?? STDIN_NAME };
}
