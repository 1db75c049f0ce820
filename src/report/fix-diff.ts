/** What `--fix` would change, as the unified diff `vitrans check --diff` prints (the form `git apply` and `patch -p1` take). Pure. */
import { createTwoFilesPatch } from 'diff';

/**
 * A unified diff of one file, `a/PATH` → `b/PATH`, three lines of context (jsdiff).
 * @example unifiedDiff('a.en.txt', 'the flight phase interceptor\n', 'the Glide Phase Interceptor\n')
 * // '--- a/a.en.txt\n+++ b/a.en.txt\n@@ -1,1 +1,1 @@\n-the flight phase interceptor\n+the Glide Phase Interceptor\n'
 */
export function unifiedDiff(path: string, before: string, after: string): string {
  // An absolute path loses its leading "/", as in `git diff --no-index`: `a//tmp/x` is a path git apply refuses.
  const name = path.split('\\').join('/').replace(/^\/+/, '');
  const patch = createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, '', '', { context: 3 });
  // jsdiff opens with a line of "=" (an "Index:" separator): no diff tool needs it.
  return patch.replace(/^=+\n/, '').replace(/^(---|\+\+\+) (\S.*?)\t$/gm, '$1 $2');
}
