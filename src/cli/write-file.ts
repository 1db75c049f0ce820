import { existsSync, realpathSync, statSync } from 'node:fs';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, basename, join, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';

/**
 * Writes a file all at once: to a temporary file beside it, then renamed over the target,
 * so a crash never leaves half a file and readers see the old or the new content. `content` may
 * come in pieces (a bilingual JSON of a million paragraphs is never one string): they are written
 * in blocks of about a megabyte as they come.
 */
export async function writeFileAtomic(path: string, content: string | Iterable<string> | AsyncIterable<string>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    if (typeof content === 'string') {
      await writeFile(temp, content, 'utf8');
    } else {
      const file = await open(temp, 'w');
      try {
        let block = '';
        for await (const piece of content) {
          block += piece;
          if (block.length >= WRITE_BLOCK) {
            await file.write(block, null, 'utf8');
            block = '';
          }
        }
        if (block) await file.write(block, null, 'utf8');
      } finally {
        await file.close();
      }
    }
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/** UTF-16 units gathered before a write of pieces. */
const WRITE_BLOCK = 1 << 20;

/**
 * Refuses an output path that names one of the inputs (`-o` given a translation by mistake would
 * replace it with a report).
 * @throws UsageError
 */
export function assertNotAnInput(output: string, inputs: readonly string[], option = '-o'): void {
  const target = canonical(output);
  const clash = inputs.find((input) => canonical(input) === target);
  if (clash !== undefined) {
    throw new UsageError(`${option} ${output} is one of the input files: writing there would destroy it`, { hint: `give ${option} a new file name` });
  }
}

/**
 * Refuses an output directory that exists as a file, before any work is done.
 * @throws UsageError
 */
export function assertDirectoryOrAbsent(dir: string, option: string): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new UsageError(`${option} ${dir} is a file, not a directory`, { hint: `give ${option} a directory (it is created when missing)` });
  }
}

/** The real path when the file exists (links and case resolved), else the resolved path. */
function canonical(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    return absolute;
  }
}
