import { createHash } from 'node:crypto';
import { existsSync, realpathSync, statfsSync, statSync } from 'node:fs';
import { chmod, chown, mkdir, open, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, basename, join, resolve } from 'node:path';
import { UsageError, UserError } from '../core/errors.js';

/** A temporary name beside `path`, unique to this process and moment. */
function tempBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.tmp`);
}

/**
 * Writes a file all at once: to a temporary file beside it, then renamed over the target,
 * so a crash never leaves half a file and readers see the old or the new content. `content` may
 * come in pieces (a bilingual JSON of a million paragraphs is never one string): they are written
 * in blocks of about a megabyte as they come.
 */
export async function writeFileAtomic(path: string, content: FileContent): Promise<void> {
  await writeFilesTogether([{ path, content }]);
}

/**
 * Writes text that comes in pieces to a stream (stdout) in blocks of about a megabyte: a few
 * writes, never the whole text as one string. Pieces are never cut, so each is redacted whole.
 */
export async function writeInBlocks(stream: { write(text: string): unknown }, pieces: Iterable<string>): Promise<void> {
  for await (const block of inBlocks(pieces)) stream.write(block);
}

/** Pieces joined into blocks of about a megabyte (joined once: adding piece to piece makes a rope that is flattened again at the write). */
async function* inBlocks(pieces: Iterable<string> | AsyncIterable<string>): AsyncGenerator<string> {
  const block: string[] = [];
  let size = 0;
  for await (const piece of pieces) {
    block.push(piece);
    size += piece.length;
    if (size >= WRITE_BLOCK) {
      yield block.join('');
      block.length = 0;
      size = 0;
    }
  }
  if (size > 0) yield block.join('');
}

/** What a file is written from: one string, bytes (a Word document), or pieces of text as they come. */
export type FileContent = string | Uint8Array | Iterable<string> | AsyncIterable<string>;

/** Writes `content` to a new file at `path`, in blocks of about a megabyte when it comes in pieces. */
async function writeContent(path: string, content: FileContent): Promise<void> {
  if (typeof content === 'string' || content instanceof Uint8Array) {
    await writeFile(path, content, typeof content === 'string' ? 'utf8' : undefined);
    return;
  }
  const file = await open(path, 'w');
  try {
    for await (const block of inBlocks(content)) await file.write(block, null, 'utf8');
  } finally {
    await file.close();
  }
}

/**
 * Writes several files all or none: every content goes to a temporary file beside its target
 * first (a full disk or a read-only folder fails here, leaving every target as it was), and only
 * then are they renamed over their targets.
 * @throws the first write error, after removing every temporary file
 */
export async function writeFilesTogether(files: readonly { path: string; content: FileContent }[]): Promise<void> {
  const staged: { temp: string; path: string }[] = [];
  try {
    for (const { path, content } of files) {
      await mkdir(dirname(path), { recursive: true });
      const temp = tempBeside(path);
      staged.push({ temp, path });
      await writeContent(temp, content);
    }
  } catch (err) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw asWriteFailure(err, staged.at(-1)?.path ?? files[0]?.path);
  }
  // A folder standing at a target's name fails here: the temporary files left go too.
  let renamed = 0;
  try {
    for (const { temp, path } of staged) {
      await rename(temp, path);
      renamed++;
    }
  } catch (err) {
    await Promise.all(staged.slice(renamed).map(({ temp }) => rm(temp, { force: true })));
    throw asWriteFailure(err, staged[renamed]?.path);
  }
}

/** File-system errors of writeFilesTogether: each names the file the user asked for (not our temporary one). */
const writeFailures = new WeakSet<object>();

/** `err`, marked as the file system refusing a write of `target` (see isWriteFailure), when it is a file-system error. */
export function asWriteFailure(err: unknown, target: string | undefined): unknown {
  if (err && typeof err === 'object' && 'code' in err) {
    if (target) (err as { path?: string }).path = target;
    writeFailures.add(err);
  }
  return err;
}

/**
 * Whether `err` is the file system refusing one of our writes (writeFileAtomic, writeFilesTogether),
 * for any reason writeFailure words: a folder where the file goes, a file where a folder does, a
 * full disk. The user's to fix, never a bug.
 */
export function isWriteFailure(err: unknown): boolean {
  return typeof err === 'object' && err !== null && writeFailures.has(err) && writeFailure(err) !== undefined;
}

/** The sha256 of a file's bytes: what `rewriteFile` compares to tell that a file changed since it was read. */
export async function fileFingerprint(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

/**
 * Replaces the content of a file the user owns (`--fix`), keeping what makes it that file: its
 * mode (and owner, where allowed), a symbolic link (the target is rewritten, the link stays), and
 * hard links (a file with several names is rewritten in place, after the new content has been
 * written beside it, so a full disk is found before the file is touched). Other files are replaced
 * atomically.
 * @throws UserError `E_CHANGED` when the file no longer has the `fingerprint` it had when read:
 *   someone edited it meanwhile, and writing would lose that edit.
 */
export async function rewriteFile(path: string, content: string, opts: { fingerprint?: string; shown?: string } = {}): Promise<void> {
  const real = await realpath(path);
  if (opts.fingerprint !== undefined && (await fileFingerprint(real)) !== opts.fingerprint) {
    throw new UserError('E_CHANGED', 'the file changed since it was read; it was not overwritten', {
      location: { file: opts.shown ?? path },
      hint: 'run the command again on the file as it is now',
    });
  }
  const before = await stat(real);
  const temp = tempBeside(real);
  try {
    await writeFile(temp, content, { encoding: 'utf8', mode: before.mode & 0o7777 });
    if (before.nlink > 1) {
      // Renaming would cut this name off from the others: write the bytes into the file itself.
      const handle = await open(real, 'r+');
      try {
        const bytes = Buffer.from(content, 'utf8');
        await handle.write(bytes, 0, bytes.length, 0);
        await handle.truncate(bytes.length);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rm(temp, { force: true });
      return;
    }
    await chmod(temp, before.mode & 0o7777);
    await chown(temp, before.uid, before.gid).catch(() => undefined); // only root may give a file away
    await rename(temp, real);
  } catch (err) {
    await rm(temp, { force: true });
    if (err && typeof err === 'object' && 'code' in err) (err as { path?: string }).path = path;
    throw err;
  }
}

/** Why a write failed, in words, from its errno code; undefined when it is no file-system failure. */
export function writeFailure(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  const words: Record<string, string> = {
    ENOSPC: 'no space left on the device',
    EDQUOT: 'the disk quota is used up',
    EROFS: 'the file system is read-only',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'a folder stands where the file should be',
    ENOTDIR: 'a file stands where a folder should be',
    // mkdir's answer when a file has the name of a folder on the way.
    EEXIST: 'a file stands where a folder should be',
    ENOENT: 'the folder does not exist',
    EIO: 'an input/output error',
    EFBIG: 'the file is too large',
  };
  return typeof code === 'string' && code in words ? `${words[code]} (${code})` : undefined;
}

/**
 * What to do about a write that failed, by its cause: space for a full disk, permissions for a
 * read-only or forbidden folder, another place for the rest.
 * @example writeFailureHint({ code: 'EROFS' }, 'another --out folder') === 'write to another --out folder (this file system is read-only)'
 */
export function writeFailureHint(err: unknown, elsewhere: string): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') return `free some space or write to ${elsewhere}`;
  if (code === 'EROFS') return `write to ${elsewhere} (this file system is read-only)`;
  if (code === 'EACCES' || code === 'EPERM') return `make the folder writable for this user, or write to ${elsewhere}`;
  return `write to ${elsewhere}`;
}

/**
 * Makes sure `dir` can take about `bytes` more before anything is sent: it is created if missing,
 * a file is written and removed there (a read-only or forbidden folder fails), and its file system
 * must have that much free.
 * @throws UserError `E_OUTPUT` naming the folder, the reason and what to do
 */
export async function assertWritableDirectory(dir: string, bytes: number, opts: { option: string; shown: string }): Promise<void> {
  const fail = (why: string, hint: string): never => {
    throw new UserError('E_OUTPUT', `cannot write to ${opts.option} ${opts.shown}: ${why}; nothing was sent`, { hint });
  };
  const elsewhere = `another ${opts.option} folder`;
  const probe = tempBeside(join(dir, 'vitrans-write-check'));
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(probe, 'vitrans');
  } catch (err) {
    const why = writeFailure(err);
    if (why === undefined) throw err;
    fail(why, writeFailureHint(err, elsewhere));
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
  const fs = statfsSync(dir);
  const free = fs.bavail * fs.bsize;
  if (free < bytes) fail(`${formatBytes(free)} free, and this run writes about ${formatBytes(bytes)}`, writeFailureHint({ code: 'ENOSPC' }, elsewhere));
}

/** `1.5 MB`, `300 KB`, `12 bytes`. */
function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
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

/**
 * Refuses an output file whose folder does not exist, before any work is done: a mistyped folder
 * would otherwise be created, tree and all.
 * @throws UsageError naming the option, the file and the missing folder
 */
export function assertParentFolderExists(file: string, option: string, shown: string): void {
  const folder = dirname(resolve(file));
  if (!existsSync(folder)) {
    throw new UsageError(`${option} ${shown}: the folder ${dirname(shown)} does not exist`, { hint: `create it first, or give ${option} a file in an existing folder` });
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
